//! The one way Pouxi writes a file: beside the target, flushed, then renamed over it, so that a
//! crash at any moment leaves either the old file or the new one, never a mix.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The temporary file a save writes before renaming. Fixed per target so a crashed save leaves
/// one leftover at most, which the next save overwrites.
pub fn temp_path_for(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "pouxi".to_owned());
    target.with_file_name(format!(".{name}.pouxi-tmp"))
}

/// Writes `bytes` to `target` atomically. On failure the target is untouched and the temporary
/// file is removed.
pub fn atomic_write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if target.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "the target is a directory",
        ));
    }
    let temp = temp_path_for(target);
    let result = write_and_sync(&temp, bytes).and_then(|()| std::fs::rename(&temp, target));
    match result {
        Ok(()) => {
            sync_parent(target);
            Ok(())
        }
        Err(error) => {
            if temp.is_file() {
                let _ = std::fs::remove_file(&temp);
            }
            Err(error)
        }
    }
}

fn write_and_sync(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes the rename itself durable where the platform allows it.
fn sync_parent(target: &Path) {
    #[cfg(unix)]
    if let Some(parent) = target.parent() {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Ok(dir) = std::fs::File::open(parent) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = target;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("稿件.ron");
        atomic_write(&target, b"one").unwrap();
        atomic_write(&target, b"two").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        assert!(!temp_path_for(&target).exists());
    }

    #[test]
    fn failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("稿件.ron");
        atomic_write(&target, b"old").unwrap();
        // A directory where the temporary file goes makes the write fail even for root.
        std::fs::create_dir(temp_path_for(&target)).unwrap();
        assert!(atomic_write(&target, b"new").is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
    }

    #[test]
    fn missing_folder_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("gone").join("稿件.ron");
        assert!(atomic_write(&target, b"x").is_err());
    }
}
