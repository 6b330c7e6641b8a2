//! Telling whether a draft file changed behind Pouxi's back since it was loaded or saved.
//!
//! A [`FileStamp`] is taken from the exact bytes Pouxi read or wrote. [`check_unchanged`]
//! compares the file on disk with it by length and content hash. The modification time is kept
//! for display only: coarse or copied timestamps make it unreliable either way, and a tool
//! that rewrote the same bytes (a sync client, `touch`) changed nothing the user cares about.

use super::{MAX_DRAFT_BYTES, StoreError, StoreErrorKind, read_capped_with_meta};
use std::fmt;
use std::path::Path;
use std::time::SystemTime;

/// What a draft file looked like when Pouxi last read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    /// Modification time reported by the file system, when it reports one.
    pub modified: Option<SystemTime>,
    /// [`content_hash`] of the bytes.
    pub hash: u64,
}

impl FileStamp {
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> FileStamp {
        FileStamp {
            len: bytes.len() as u64,
            modified,
            hash: content_hash(bytes),
        }
    }

    /// Stamps the file as it is now (read in full, up to [`MAX_DRAFT_BYTES`]).
    pub fn read(path: &Path) -> Result<FileStamp, StoreError> {
        let (bytes, meta) = read_capped_with_meta(path, MAX_DRAFT_BYTES)?;
        Ok(FileStamp::of_bytes(&bytes, meta.modified().ok()))
    }

    /// Same length and same content hash.
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// A stable 64-bit FNV-1a hash: the same bytes give the same number in every Pouxi version
/// and on every platform (recovery file names depend on it).
pub fn content_hash(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// How the file on disk differs from the stamp Pouxi holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangedOnDisk {
    /// Another program wrote different content.
    Modified {
        len: u64,
        modified: Option<SystemTime>,
    },
    /// The file is gone (deleted or moved away).
    Removed,
    /// Something is there but cannot be read (now a directory, a device, unreadable).
    Unreadable(StoreError),
}

impl ChangedOnDisk {
    /// The question's explanation, for the window. `path` is the draft's file.
    pub fn message_zh(&self, path: &Path) -> String {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        match self {
            ChangedOnDisk::Modified { .. } => {
                format!("“{name}”在打开或上次保存之后被其他程序修改过。")
            }
            ChangedOnDisk::Removed => format!("“{name}”已被删除或移走。"),
            ChangedOnDisk::Unreadable(error) => {
                format!("“{name}”已无法读取：{}", error.message_zh())
            }
        }
    }
}

impl fmt::Display for ChangedOnDisk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChangedOnDisk::Modified { len, .. } => {
                write!(
                    f,
                    "the file was changed by another program ({len} bytes now)"
                )
            }
            ChangedOnDisk::Removed => write!(f, "the file was deleted or moved"),
            ChangedOnDisk::Unreadable(error) => write!(f, "the file cannot be read: {error}"),
        }
    }
}

impl std::error::Error for ChangedOnDisk {}

/// `Ok(())` when `path` still holds exactly the bytes `expected` was taken from. Reads the file
/// only when its length still matches.
pub fn check_unchanged(path: &Path, expected: &FileStamp) -> Result<(), ChangedOnDisk> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(ChangedOnDisk::Removed);
        }
        Err(error) => return Err(ChangedOnDisk::Unreadable(StoreError::from_io(path, &error))),
    };
    if meta.is_file() && meta.len() != expected.len {
        return Err(ChangedOnDisk::Modified {
            len: meta.len(),
            modified: meta.modified().ok(),
        });
    }
    // The cap is the expected length: a file that grows while being read is a change too.
    match read_capped_with_meta(path, expected.len) {
        Ok((bytes, meta)) => {
            let now = FileStamp::of_bytes(&bytes, meta.modified().ok());
            if now.same_content(expected) {
                Ok(())
            } else {
                Err(ChangedOnDisk::Modified {
                    len: now.len,
                    modified: now.modified,
                })
            }
        }
        Err(StoreError {
            kind: StoreErrorKind::TooLarge { bytes, .. },
            ..
        }) => Err(ChangedOnDisk::Modified {
            len: bytes,
            modified: meta.modified().ok(),
        }),
        Err(StoreError {
            kind: StoreErrorKind::NotFound,
            ..
        }) => Err(ChangedOnDisk::Removed),
        Err(error) => Err(ChangedOnDisk::Unreadable(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_fnv1a() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(content_hash(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn same_bytes_rewritten_are_unchanged_and_others_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("稿件.ron");
        std::fs::write(&path, "一是学习不够。").unwrap();
        let stamp = FileStamp::read(&path).unwrap();
        assert_eq!(check_unchanged(&path, &stamp), Ok(()));
        // Rewritten with the same bytes (a sync tool): nothing to ask about.
        std::fs::write(&path, "一是学习不够。").unwrap();
        assert_eq!(check_unchanged(&path, &stamp), Ok(()));
        // Same length, different content, possibly within the same clock tick.
        std::fs::write(&path, "二是学习不够。").unwrap();
        assert!(matches!(
            check_unchanged(&path, &stamp),
            Err(ChangedOnDisk::Modified { .. })
        ));
        std::fs::write(&path, "更长的内容，长度不同。").unwrap();
        assert!(matches!(
            check_unchanged(&path, &stamp),
            Err(ChangedOnDisk::Modified { .. })
        ));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(check_unchanged(&path, &stamp), Err(ChangedOnDisk::Removed));
        std::fs::create_dir(&path).unwrap();
        let changed = check_unchanged(&path, &stamp).unwrap_err();
        assert!(matches!(changed, ChangedOnDisk::Unreadable(_)));
        assert!(changed.message_zh(&path).contains("稿件.ron"));
    }
}
