//! Telling a window that the draft it opens is already open in another window (of this or
//! another Pouxi).
//!
//! Each window holding a draft with a file keeps `data_dir/open/<hash of the path>.lock` open
//! with an exclusive lock from the operating system (`flock` on Unix, `LockFileEx` on
//! Windows). The system drops the lock when the process ends, however it ends: a marker file
//! left by a crash or a kill is unlocked and counts for nothing. A clean close removes the
//! file too.

use super::content_hash;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// The lock one window holds on one draft. Dropping it releases the lock and removes the
/// marker file.
#[derive(Debug)]
pub struct OpenMarker {
    file: Option<File>,
    path: PathBuf,
}

/// What [`OpenMarker::claim`] found.
#[derive(Debug)]
pub enum MarkerClaim {
    /// No other window has the draft open; this window now holds the marker.
    Claimed(OpenMarker),
    /// Another window (of this or another Pouxi) holds the draft open.
    AlreadyOpen,
    /// The marker could not be made (read-only data folder, locks unsupported): nothing is
    /// known either way.
    Unknown,
}

impl OpenMarker {
    /// Claims `draft` for this window in `dir` (the app passes `data_dir/open`). The path is
    /// made canonical first, so a link and the file it points at are one draft.
    pub fn claim(dir: &Path, draft: &Path) -> MarkerClaim {
        let canonical = std::fs::canonicalize(draft)
            .or_else(|_| std::path::absolute(draft))
            .unwrap_or_else(|_| draft.to_path_buf());
        let path = dir.join(format!(
            "{:016x}.lock",
            content_hash(canonical.as_os_str().as_encoded_bytes())
        ));
        if std::fs::create_dir_all(dir).is_err() {
            return MarkerClaim::Unknown;
        }
        // Never through a link someone placed in the folder.
        if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
            return MarkerClaim::Unknown;
        }
        let Ok(file) = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        else {
            return MarkerClaim::Unknown;
        };
        match file.try_lock() {
            Ok(()) => MarkerClaim::Claimed(OpenMarker {
                file: Some(file),
                path,
            }),
            Err(TryLockError::WouldBlock) => MarkerClaim::AlreadyOpen,
            Err(TryLockError::Error(_)) => MarkerClaim::Unknown,
        }
    }

    /// The marker file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for OpenMarker {
    fn drop(&mut self) {
        // Remove while still holding the lock, so that no other window can lock the file in
        // between and then lose it (std opens files shareable for deletion on Windows).
        let _ = std::fs::remove_file(&self.path);
        if let Some(file) = self.file.take() {
            let _ = file.unlock();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_sees_the_first_and_a_release_frees_it() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("稿件.ron");
        std::fs::write(&draft, "x").unwrap();
        let open = dir.path().join("open");
        let first = match OpenMarker::claim(&open, &draft) {
            MarkerClaim::Claimed(marker) => marker,
            other => panic!("{other:?}"),
        };
        assert!(matches!(
            OpenMarker::claim(&open, &draft),
            MarkerClaim::AlreadyOpen
        ));
        // Another name for the same file is the same draft.
        #[cfg(unix)]
        {
            let link = dir.path().join("link.ron");
            std::os::unix::fs::symlink(&draft, &link).unwrap();
            assert!(matches!(
                OpenMarker::claim(&open, &link),
                MarkerClaim::AlreadyOpen
            ));
        }
        let marker_file = first.path().to_path_buf();
        drop(first);
        assert!(!marker_file.exists(), "a clean close leaves nothing");
        assert!(matches!(
            OpenMarker::claim(&open, &draft),
            MarkerClaim::Claimed(_)
        ));
    }

    #[test]
    fn a_marker_left_by_a_crash_counts_for_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("稿件.ron");
        std::fs::write(&draft, "x").unwrap();
        let open = dir.path().join("open");
        let marker = match OpenMarker::claim(&open, &draft) {
            MarkerClaim::Claimed(marker) => marker,
            other => panic!("{other:?}"),
        };
        let left = marker.path().to_path_buf();
        drop(marker);
        // What a killed process leaves: the file, with no lock on it (the system released it).
        std::fs::write(&left, "").unwrap();
        assert!(matches!(
            OpenMarker::claim(&open, &draft),
            MarkerClaim::Claimed(_)
        ));
    }
}
