/*
 * Test infrastructure, not part of Pouxi: stands in for cmd.exe in the Wine smoke test
 * (tests/windows_wine.rs). It owns a console and starts a program the way cmd starts a
 * program built for the window subsystem: the child gets no console of its own and no
 * standard handles. When the child has exited, it prints the child's exit code on the first
 * line, then the text the console holds, row by row (UTF-8, trailing blanks cut), to the
 * standard output it was started with. Built by the test with MinGW:
 *
 *     x86_64-w64-mingw32-gcc -municode -O2 -o console_parent.exe console_parent.c
 *
 * Usage: console_parent.exe "COMMAND LINE"
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#define COLUMNS 300
#define ROWS 3000

static void write_out(HANDLE out, const char *bytes, int length)
{
    DWORD written;
    WriteFile(out, bytes, (DWORD)length, &written, NULL);
}

int wmain(int argc, wchar_t **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: console_parent.exe \"COMMAND LINE\"\n");
        return 2;
    }
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    FreeConsole();
    if (!AllocConsole()) {
        fprintf(stderr, "console_parent: AllocConsole failed (%lu)\n", GetLastError());
        return 2;
    }
    HANDLE console = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE,
                                 FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0,
                                 NULL);
    COORD size = {COLUMNS, ROWS};
    if (console == INVALID_HANDLE_VALUE || !SetConsoleScreenBufferSize(console, size)) {
        fprintf(stderr, "console_parent: cannot size the console (%lu)\n", GetLastError());
        return 2;
    }

    /* What cmd gives a window-subsystem program: no console, no standard handles. */
    STARTUPINFOW startup;
    ZeroMemory(&startup, sizeof startup);
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = NULL;
    startup.hStdOutput = NULL;
    startup.hStdError = NULL;
    PROCESS_INFORMATION child;
    if (!CreateProcessW(NULL, argv[1], NULL, NULL, FALSE, DETACHED_PROCESS, NULL, NULL,
                        &startup, &child)) {
        fprintf(stderr, "console_parent: cannot start the program (%lu)\n", GetLastError());
        return 2;
    }
    if (WaitForSingleObject(child.hProcess, 120000) != WAIT_OBJECT_0) {
        TerminateProcess(child.hProcess, 99);
        fprintf(stderr, "console_parent: the program did not finish within 2 minutes\n");
        return 2;
    }
    DWORD exit_code = 0;
    GetExitCodeProcess(child.hProcess, &exit_code);

    CONSOLE_SCREEN_BUFFER_INFO info;
    if (!GetConsoleScreenBufferInfo(console, &info)) {
        fprintf(stderr, "console_parent: cannot read the console (%lu)\n", GetLastError());
        return 2;
    }
    char line[64];
    write_out(out, line, snprintf(line, sizeof line, "exit=%lu\n", exit_code));
    static wchar_t row[COLUMNS];
    static char utf8[COLUMNS * 4 + 2];
    for (SHORT y = 0; y <= info.dwCursorPosition.Y; y++) {
        COORD origin = {0, y};
        DWORD read = 0;
        ReadConsoleOutputCharacterW(console, row, info.dwSize.X, origin, &read);
        while (read > 0 && (row[read - 1] == L' ' || row[read - 1] == 0)) {
            read--;
        }
        int length = WideCharToMultiByte(CP_UTF8, 0, row, (int)read, utf8, sizeof utf8 - 1,
                                         NULL, NULL);
        utf8[length++] = '\n';
        write_out(out, utf8, length);
    }
    return 0;
}
