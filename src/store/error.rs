//! Why a file could not be read or written, said in Chinese for the window and in a plain
//! English sentence for the command line.

use super::atomic::Refusal;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreErrorKind {
    NotFound,
    PermissionDenied,
    IsDirectory,
    /// A device, pipe or socket: refused before opening (a pipe would block the reader).
    NotRegularFile,
    /// Symbolic links that point at each other in a circle.
    SymlinkLoop,
    TooLarge {
        bytes: u64,
        cap: u64,
    },
    /// A 0-byte file.
    Empty,
    NotText,
    NotADraft,
    NewerVersion(u32),
    Damaged(String),
    Read(String),
    /// Saving failed. Nothing on disk changed; the draft is still in the window.
    Write(WriteFailure),
    /// The previous version could not be kept as `NAME.bak`, so the save was not made.
    /// Nothing on disk changed. The error's path is the backup's path.
    Backup(WriteFailure),
}

/// Why a write failed, as far as the user can act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteFailure {
    DiskFull,
    FolderMissing,
    /// A folder stands where the file should go.
    IsDirectory,
    /// The path names a device, pipe or socket (for example a link to `/dev/full`).
    NotRegularFile,
    PermissionDenied,
    ReadOnly,
    NameTooLong,
    SymlinkLoop,
    /// A file stands where a folder on the path should be (a data folder that is a file).
    FolderIsFile,
    /// The file would be larger than Pouxi reads back ([`super::MAX_DRAFT_BYTES`]), so it
    /// was not written: whatever Pouxi writes, it must read.
    TooLargeToReadBack {
        bytes: u64,
    },
    /// The target is the file the content comes from (the same file, a link or a hard link
    /// to it): writing would destroy the input.
    IsTheInput,
    Other(String),
}

impl WriteFailure {
    pub fn from_io(error: &std::io::Error) -> WriteFailure {
        use std::io::ErrorKind;
        match Refusal::of(error) {
            Some(Refusal::NotRegularFile) => return WriteFailure::NotRegularFile,
            Some(Refusal::SymlinkLoop) => return WriteFailure::SymlinkLoop,
            None => {}
        }
        if is_symlink_loop(error) {
            return WriteFailure::SymlinkLoop;
        }
        match error.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => WriteFailure::DiskFull,
            ErrorKind::NotFound => WriteFailure::FolderMissing,
            ErrorKind::NotADirectory => WriteFailure::FolderIsFile,
            ErrorKind::IsADirectory => WriteFailure::IsDirectory,
            ErrorKind::PermissionDenied => WriteFailure::PermissionDenied,
            ErrorKind::ReadOnlyFilesystem => WriteFailure::ReadOnly,
            ErrorKind::InvalidFilename => WriteFailure::NameTooLong,
            _ => WriteFailure::Other(error.to_string()),
        }
    }

    /// The cause alone, in Chinese (for messages that phrase the rest themselves).
    pub fn cause_zh(&self) -> String {
        match self {
            WriteFailure::DiskFull => "磁盘空间已满".to_owned(),
            WriteFailure::FolderMissing => "所在文件夹不存在".to_owned(),
            WriteFailure::IsDirectory => "该位置已有一个同名文件夹".to_owned(),
            WriteFailure::NotRegularFile => "该位置不是普通文件（是设备、管道或其链接）".to_owned(),
            WriteFailure::PermissionDenied => "没有写入权限".to_owned(),
            WriteFailure::ReadOnly => "磁盘或文件夹是只读的".to_owned(),
            WriteFailure::NameTooLong => "文件名太长".to_owned(),
            WriteFailure::SymlinkLoop => "符号链接互相指向，形成了循环".to_owned(),
            WriteFailure::FolderIsFile => "路径中本应是文件夹的地方是一个文件".to_owned(),
            WriteFailure::TooLargeToReadBack { bytes } => format!(
                "写成文件后将有 {} MB，超过剖析能读回的上限 {} MB",
                bytes.div_ceil(1024 * 1024),
                super::MAX_DRAFT_BYTES / (1024 * 1024)
            ),
            WriteFailure::IsTheInput => {
                "目标就是正在读取的文件（或指向它的链接），写入会毁掉原文件".to_owned()
            }
            WriteFailure::Other(detail) => detail.clone(),
        }
    }

    fn hint_zh(&self) -> &'static str {
        match self {
            WriteFailure::DiskFull => "请清理磁盘空间，或另存到其他位置。",
            WriteFailure::FolderMissing | WriteFailure::ReadOnly => "请另存到其他位置。",
            WriteFailure::NameTooLong => "请另存为较短的文件名。",
            WriteFailure::TooLargeToReadBack { .. } => {
                "请删去部分内容（例如大段导入的素材）后再保存。"
            }
            WriteFailure::FolderIsFile => "请移走或改名那个文件，或另存到其他位置。",
            _ => "请另存为其他文件名或位置。",
        }
    }
}

impl fmt::Display for WriteFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteFailure::DiskFull => write!(f, "the disk is full"),
            WriteFailure::FolderMissing => write!(f, "the folder does not exist"),
            WriteFailure::IsDirectory => write!(f, "a folder is in the way"),
            WriteFailure::NotRegularFile => {
                write!(
                    f,
                    "the path is a device, pipe or socket, not a regular file"
                )
            }
            WriteFailure::PermissionDenied => write!(f, "permission denied"),
            WriteFailure::ReadOnly => write!(f, "the file system is read-only"),
            WriteFailure::NameTooLong => write!(f, "the file name is too long"),
            WriteFailure::SymlinkLoop => write!(f, "symbolic links form a loop"),
            WriteFailure::FolderIsFile => {
                write!(f, "a file stands where a folder on the path should be")
            }
            WriteFailure::TooLargeToReadBack { bytes } => write!(
                f,
                "the file would be {bytes} bytes, over the {}-byte limit Pouxi reads back",
                super::MAX_DRAFT_BYTES
            ),
            WriteFailure::IsTheInput => write!(
                f,
                "it is the input file itself (or a link to it), which writing would destroy"
            ),
            WriteFailure::Other(detail) => write!(f, "{detail}"),
        }
    }
}

/// `ErrorKind::FilesystemLoop` is not stable yet: recognise ELOOP by number.
fn is_symlink_loop(error: &std::io::Error) -> bool {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    const ELOOP: i32 = 40;
    #[cfg(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    ))]
    const ELOOP: i32 = 62;
    #[cfg(any(
        target_os = "linux",
        target_os = "android",
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    ))]
    return error.raw_os_error() == Some(ELOOP);
    #[cfg(not(any(
        target_os = "linux",
        target_os = "android",
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    )))]
    {
        let _ = error;
        false
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError {
    pub path: PathBuf,
    pub kind: StoreErrorKind,
}

impl StoreError {
    pub fn new(path: &Path, kind: StoreErrorKind) -> StoreError {
        StoreError {
            path: path.to_path_buf(),
            kind,
        }
    }

    /// An error met while reading.
    pub fn from_io(path: &Path, error: &std::io::Error) -> StoreError {
        use std::io::ErrorKind;
        let kind = if is_symlink_loop(error) {
            StoreErrorKind::SymlinkLoop
        } else {
            match error.kind() {
                ErrorKind::NotFound => StoreErrorKind::NotFound,
                ErrorKind::PermissionDenied => StoreErrorKind::PermissionDenied,
                ErrorKind::IsADirectory => StoreErrorKind::IsDirectory,
                _ => StoreErrorKind::Read(error.to_string()),
            }
        };
        StoreError::new(path, kind)
    }

    /// An error met while writing `path`.
    pub fn from_write_io(path: &Path, error: &std::io::Error) -> StoreError {
        StoreError::new(path, StoreErrorKind::Write(WriteFailure::from_io(error)))
    }

    /// True for errors of a save (the draft was not written, and is still in the window).
    pub fn is_write(&self) -> bool {
        matches!(
            self.kind,
            StoreErrorKind::Write(_) | StoreErrorKind::Backup(_)
        )
    }

    fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }

    /// The message shown in the window.
    pub fn message_zh(&self) -> String {
        let name = self.file_name();
        match &self.kind {
            StoreErrorKind::NotFound => format!("找不到文件“{name}”。"),
            StoreErrorKind::PermissionDenied => format!("没有权限读取“{name}”。"),
            StoreErrorKind::IsDirectory => format!("“{name}”是一个文件夹，不是稿件。"),
            StoreErrorKind::NotRegularFile => {
                format!("“{name}”不是普通文件（是设备、管道或套接字），未打开。")
            }
            StoreErrorKind::SymlinkLoop => {
                format!("“{name}”是互相指向的符号链接（形成了循环），无法打开。")
            }
            StoreErrorKind::TooLarge { bytes, cap } => format!(
                "“{name}”太大（{} MB），超过稿件上限 {} MB，未打开。",
                bytes / (1024 * 1024),
                cap / (1024 * 1024)
            ),
            StoreErrorKind::Empty => format!("“{name}”是空文件（0 字节），其中没有稿件。"),
            StoreErrorKind::NotText => format!("“{name}”不是文本文件，无法作为稿件打开。"),
            StoreErrorKind::NotADraft => format!("“{name}”不是剖析稿件（.ron）。"),
            StoreErrorKind::NewerVersion(version) => {
                format!("“{name}”由更新版本的剖析保存（格式版本 {version}），请升级剖析后再打开。")
            }
            StoreErrorKind::Damaged(detail) => {
                format!("“{name}”已损坏，无法读取。\n详情：{detail}")
            }
            StoreErrorKind::Read(detail) => format!("读取“{name}”失败：{detail}"),
            StoreErrorKind::Write(failure) => format!(
                "保存“{name}”失败：{}。\n稿件仍在窗口中，未丢失；磁盘上的原文件没有改动。{}",
                failure.cause_zh(),
                failure.hint_zh()
            ),
            StoreErrorKind::Backup(failure) => format!(
                "保存前未能把旧版本备份为“{name}”：{}，因此本次没有保存。\n稿件仍在窗口中，未丢失；磁盘上的原文件没有改动。{}",
                failure.cause_zh(),
                failure.hint_zh()
            ),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            StoreErrorKind::NotFound => write!(f, "{path} does not exist."),
            StoreErrorKind::PermissionDenied => {
                write!(f, "{path} cannot be read: permission denied.")
            }
            StoreErrorKind::IsDirectory => write!(f, "{path} is a directory, not a draft."),
            StoreErrorKind::NotRegularFile => write!(
                f,
                "{path} is a device, pipe or socket, not a regular file; it was not opened."
            ),
            StoreErrorKind::SymlinkLoop => {
                write!(f, "{path} cannot be opened: symbolic links form a loop.")
            }
            StoreErrorKind::TooLarge { bytes, cap } => write!(
                f,
                "{path} is {bytes} bytes, over the {cap}-byte limit for a draft; it was not read."
            ),
            StoreErrorKind::Empty => write!(f, "{path} is empty (0 bytes); it holds no draft."),
            StoreErrorKind::NotText => {
                write!(f, "{path} is not a text file, so it is not a draft.")
            }
            StoreErrorKind::NotADraft => write!(f, "{path} is not a Pouxi draft."),
            StoreErrorKind::NewerVersion(version) => write!(
                f,
                "{path} was saved by a newer Pouxi (format version {version}); upgrade Pouxi to open it."
            ),
            StoreErrorKind::Damaged(detail) => {
                write!(f, "{path} is damaged and cannot be read ({detail}).")
            }
            StoreErrorKind::Read(detail) => write!(f, "{path} could not be read: {detail}."),
            StoreErrorKind::Write(failure) => write!(
                f,
                "{path} could not be written: {failure}. Nothing on disk was changed."
            ),
            StoreErrorKind::Backup(failure) => write!(
                f,
                "the previous version could not be kept as {path} ({failure}), so nothing was saved."
            ),
        }
    }
}

impl std::error::Error for StoreError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_failures_say_the_draft_is_safe() {
        for failure in [
            WriteFailure::DiskFull,
            WriteFailure::FolderMissing,
            WriteFailure::IsDirectory,
            WriteFailure::NotRegularFile,
            WriteFailure::Other("x".into()),
        ] {
            let error = StoreError::new(
                Path::new("/a/稿件.ron"),
                StoreErrorKind::Write(failure.clone()),
            );
            let zh = error.message_zh();
            assert!(zh.contains("稿件仍在窗口中"), "{zh}");
            assert!(zh.contains("稿件.ron"), "{zh}");
            assert!(error.is_write());
            let backup = StoreError::new(
                Path::new("/a/稿件.ron.bak"),
                StoreErrorKind::Backup(failure),
            );
            assert!(backup.message_zh().contains("稿件仍在窗口中"));
        }
    }

    #[test]
    fn disk_full_is_recognised() {
        let error = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(WriteFailure::from_io(&error), WriteFailure::DiskFull);
        let message = StoreError::from_write_io(Path::new("稿件.ron"), &error).message_zh();
        assert!(message.contains("磁盘空间已满"), "{message}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn writing_to_dev_full_is_a_full_disk() {
        // The real error of a full disk, from the kernel.
        let error = std::fs::write("/dev/full", b"x").unwrap_err();
        assert_eq!(WriteFailure::from_io(&error), WriteFailure::DiskFull);
    }
}
