/*
 * Test infrastructure, not part of Pouxi. Rust's standard library takes its random numbers
 * (HashMap seeds) from ProcessPrng in bcryptprimitives.dll, which Windows 10 and later have and
 * Wine 8 lacks. This one-function DLL, placed beside pouxi.exe for the Wine smoke test
 * (tests/windows_wine.rs), supplies it from advapi32's RtlGenRandom (SystemFunction036),
 * which Wine has. .ci/run builds it:
 *
 *     x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll processprng.c -ladvapi32
 */
#include <windows.h>

/* RtlGenRandom's exported name; ntsecapi.h only offers it as a macro. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
