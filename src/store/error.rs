//! Why a file could not be read or written, said in Chinese for the window and in a plain
//! English sentence for the command line.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreErrorKind {
    NotFound,
    PermissionDenied,
    IsDirectory,
    TooLarge { bytes: u64, cap: u64 },
    NotText,
    NotADraft,
    NewerVersion(u32),
    Damaged(String),
    Read(String),
    Write(String),
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

    pub fn from_io(path: &Path, error: &std::io::Error) -> StoreError {
        use std::io::ErrorKind;
        let kind = match error.kind() {
            ErrorKind::NotFound => StoreErrorKind::NotFound,
            ErrorKind::PermissionDenied => StoreErrorKind::PermissionDenied,
            ErrorKind::IsADirectory => StoreErrorKind::IsDirectory,
            _ => StoreErrorKind::Read(error.to_string()),
        };
        StoreError::new(path, kind)
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
            StoreErrorKind::TooLarge { bytes, cap } => format!(
                "“{name}”太大（{} MB），超过稿件上限 {} MB，未打开。",
                bytes / (1024 * 1024),
                cap / (1024 * 1024)
            ),
            StoreErrorKind::NotText => format!("“{name}”不是文本文件，无法作为稿件打开。"),
            StoreErrorKind::NotADraft => format!("“{name}”不是剖析稿件（.ron）。"),
            StoreErrorKind::NewerVersion(version) => {
                format!("“{name}”由更新版本的剖析保存（格式版本 {version}），请升级剖析后再打开。")
            }
            StoreErrorKind::Damaged(detail) => {
                format!("“{name}”已损坏，无法读取。\n详情：{detail}")
            }
            StoreErrorKind::Read(detail) => format!("读取“{name}”失败：{detail}"),
            StoreErrorKind::Write(detail) => {
                format!("保存“{name}”失败，稿件仍在窗口中，未丢失。\n原因：{detail}")
            }
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
            StoreErrorKind::TooLarge { bytes, cap } => write!(
                f,
                "{path} is {bytes} bytes, over the {cap}-byte limit for a draft; it was not read."
            ),
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
            StoreErrorKind::Write(detail) => write!(f, "{path} could not be written: {detail}."),
        }
    }
}

impl std::error::Error for StoreError {}
