//! The console on Windows. `pouxi.exe` is built for the window subsystem
//! (`#![windows_subsystem = "windows"]` in `main.rs`), so a double-click opens no black console
//! window beside the editor. Such a program gets no console of its own, so `pouxi.exe import …`
//! typed in cmd or PowerShell would print nothing: [`attach_to_parent`] borrows the console of
//! the shell that started it. Elsewhere the terminal is always there and this does nothing.

/// Sends stdout and stderr to the console of the parent process (cmd, PowerShell, Windows
/// Terminal) when there is one and the parent did not already redirect them to a file or pipe.
/// Started from Explorer there is no parent console, and nothing happens.
pub fn attach_to_parent() {
    #[cfg(windows)]
    windows::attach_to_parent();
}

#[cfg(windows)]
mod windows {
    use std::os::windows::io::IntoRawHandle;
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_HANDLE,
        STD_OUTPUT_HANDLE, SetStdHandle,
    };

    /// A standard handle the parent did not give us (no console, no redirection).
    fn is_missing(which: STD_HANDLE) -> bool {
        // SAFETY: GetStdHandle only reads the process's handle table.
        let handle = unsafe { GetStdHandle(which) };
        handle.is_null() || handle == INVALID_HANDLE_VALUE
    }

    pub(super) fn attach_to_parent() {
        let outputs = [STD_OUTPUT_HANDLE, STD_ERROR_HANDLE];
        // `pouxi.exe import a.txt > out.ron`: the shell handed us the file; keep writing there.
        if !outputs.iter().any(|&which| is_missing(which)) {
            return;
        }
        // SAFETY: plain Win32 call; failure (no parent console) is reported by its result.
        if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } == 0 {
            return;
        }
        for which in outputs {
            if !is_missing(which) {
                continue;
            }
            // Rust's stdout and stderr look the standard handle up on every write, so setting
            // it here is enough. The handle stays open for the life of the process.
            let Ok(console) = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("CONOUT$")
            else {
                return;
            };
            // SAFETY: the handle is a valid console handle we own and never close.
            unsafe { SetStdHandle(which, console.into_raw_handle()) };
        }
    }
}
