//! Saving a draft: atomically, keeping the previous version as `NAME.bak`.
//!
//! Order of a save (each step a complete, flushed file before anything is renamed):
//! 1. the new draft is written to a temporary file beside the target;
//! 2. the bytes the target holds now are written to a temporary file beside `NAME.bak`;
//! 3. that file is renamed over `NAME.bak`;
//! 4. the new draft is renamed over the target.
//!
//! A failure in steps 1–3 changes nothing. A failure in step 4 puts the old `.bak` back (it
//! was read in step 2). A kill at any moment leaves the target old or new and the `.bak`
//! older or old — never a mix, and never both copies of the old version gone: between 3 and
//! 4 the old version is in both files.

use super::atomic::{self, Staged};
use super::{
    FileStamp, MAX_DRAFT_BYTES, StoreError, StoreErrorKind, WriteFailure, draft_to_ron, read_capped,
};
use crate::draft::Draft;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Longest file name (in bytes) most file systems accept.
const MAX_NAME_BYTES: usize = 255;

/// `NAME.bak` beside `target` (`稿件.ron` → `稿件.ron.bak`); `None` when that name would be too
/// long for the file system, in which case no backup is kept.
pub fn backup_path_for(target: &Path) -> Option<PathBuf> {
    let mut name: OsString = target.file_name()?.to_owned();
    name.push(".bak");
    (name.len() <= MAX_NAME_BYTES).then(|| target.with_file_name(name))
}

/// Writes a draft through the atomic path, keeping the previous version as `NAME.bak`.
pub fn save_draft(path: &Path, draft: &Draft) -> Result<(), StoreError> {
    save_draft_with_stamp(path, draft).map(|_| ())
}

/// [`save_draft`], returning the stamp of what is now on disk for [`super::check_unchanged`].
///
/// Symbolic links are followed: the file they point at is replaced, and its `.bak` sits beside
/// it. No backup is made when the file does not exist yet, when it already holds exactly these
/// bytes (saving twice keeps the real previous version), or when it is over
/// [`MAX_DRAFT_BYTES`] (it is not a draft). On error nothing on disk changed.
pub fn save_draft_with_stamp(path: &Path, draft: &Draft) -> Result<FileStamp, StoreError> {
    // Whatever Pouxi writes, Pouxi must read back.
    let too_large = |bytes: u64| {
        StoreError::new(
            path,
            StoreErrorKind::Write(WriteFailure::TooLargeToReadBack { bytes }),
        )
    };
    let text_bytes = super::text_bytes(draft);
    if text_bytes > MAX_DRAFT_BYTES {
        return Err(too_large(text_bytes));
    }
    let bytes = draft_to_ron(draft).into_bytes();
    if bytes.len() as u64 > MAX_DRAFT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let write_error = |error: &std::io::Error| StoreError::from_write_io(path, error);
    let target = atomic::resolve_target(path).map_err(|e| write_error(&e))?;
    atomic::remove_stale_temps(&target);
    if let Some(backup) = backup_path_for(&target) {
        atomic::remove_stale_temps(&backup);
    }
    let existing = std::fs::metadata(&target).ok();
    let permissions = existing.as_ref().map(std::fs::Metadata::permissions);
    // 1. The new draft, complete on disk but not yet in place.
    let staged =
        atomic::stage(&target, &bytes, permissions.clone()).map_err(|e| write_error(&e))?;
    // 2. and 3. The previous version, in place as NAME.bak.
    let backup = match existing {
        Some(meta) if meta.len() <= MAX_DRAFT_BYTES => keep_backup(&target, &bytes, permissions)?,
        Some(_) => keep_large_backup(&target)?,
        None => None,
    };
    // 4. The new draft in place.
    if let Err(error) = staged.commit() {
        if let Some(backup) = backup {
            backup.undo();
        }
        return Err(write_error(&error));
    }
    let modified = std::fs::metadata(&target)
        .ok()
        .and_then(|m| m.modified().ok());
    Ok(FileStamp::of_bytes(&bytes, modified))
}

/// A `.bak` just replaced, with what it held before, so that a failed save can put it back.
struct KeptBackup {
    path: PathBuf,
    previous: Option<Vec<u8>>,
}

impl KeptBackup {
    /// Best effort: the save already failed and says so.
    fn undo(self) {
        let _ = match self.previous {
            Some(bytes) => atomic::atomic_write(&self.path, &bytes),
            None => std::fs::remove_file(&self.path),
        };
    }
}

/// A file over [`MAX_DRAFT_BYTES`] is not a draft Pouxi wrote, and too large to copy into
/// memory: it is kept as `NAME.bak` by a hard link (no copy; the target stays whole until the
/// new draft is renamed over it). Where hard links are impossible the save is refused, so that
/// nothing is overwritten without a copy kept.
fn keep_large_backup(target: &Path) -> Result<Option<KeptBackup>, StoreError> {
    let Some(backup_path) = backup_path_for(target) else {
        return Err(StoreError::new(
            target,
            StoreErrorKind::Backup(WriteFailure::NameTooLong),
        ));
    };
    let backup_error = |error: &std::io::Error| {
        StoreError::new(
            &backup_path,
            StoreErrorKind::Backup(WriteFailure::from_io(error)),
        )
    };
    let real = atomic::resolve_target(&backup_path).map_err(|e| backup_error(&e))?;
    let temp = atomic::temp_path_for(&real);
    std::fs::hard_link(target, &temp).map_err(|e| backup_error(&e))?;
    if let Err(error) = std::fs::rename(&temp, &real) {
        let _ = std::fs::remove_file(&temp);
        return Err(backup_error(&error));
    }
    // A large previous .bak is not put back on failure: the target is still the old file.
    Ok(None)
}

fn keep_backup(
    target: &Path,
    new_bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> Result<Option<KeptBackup>, StoreError> {
    let Some(backup_path) = backup_path_for(target) else {
        return Ok(None);
    };
    let old = match read_capped(target, MAX_DRAFT_BYTES) {
        Ok(old) => old,
        // Gone since we looked: nothing to keep.
        Err(StoreError {
            kind: StoreErrorKind::NotFound,
            ..
        }) => return Ok(None),
        Err(error) => {
            let detail = error.to_string();
            return Err(StoreError::new(
                &backup_path,
                StoreErrorKind::Backup(WriteFailure::Other(detail)),
            ));
        }
    };
    if old == new_bytes {
        return Ok(None);
    }
    let backup_error = |error: &std::io::Error| {
        StoreError::new(
            &backup_path,
            StoreErrorKind::Backup(WriteFailure::from_io(error)),
        )
    };
    let real = atomic::resolve_target(&backup_path).map_err(|e| backup_error(&e))?;
    let previous = match std::fs::metadata(&real) {
        Ok(meta) if meta.len() <= MAX_DRAFT_BYTES => read_capped(&real, MAX_DRAFT_BYTES).ok(),
        _ => None,
    };
    let staged: Staged = atomic::stage(&real, &old, permissions).map_err(|e| backup_error(&e))?;
    staged.commit().map_err(|e| backup_error(&e))?;
    Ok(Some(KeptBackup {
        path: real,
        previous,
    }))
}

#[cfg(test)]
mod tests {
    use super::super::atomic::faults::{self, Step};
    use super::super::{is_temp_name, load_draft};
    use super::*;
    use crate::draft::DEFAULT_HEADING;

    fn draft(title: &str) -> Draft {
        Draft::with_categories(title, DEFAULT_HEADING, &["在理论学习方面"])
    }

    fn title_on_disk(path: &Path) -> String {
        load_draft(path).unwrap().title
    }

    fn no_leftovers(dir: &Path) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!is_temp_name(&name), "leftover {name}");
        }
    }

    #[test]
    fn each_save_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("稿件.ron");
        let bak = backup_path_for(&path).unwrap();
        assert_eq!(bak, dir.path().join("稿件.ron.bak"));
        save_draft(&path, &draft("一")).unwrap();
        assert!(!bak.exists(), "nothing to back up on the first save");
        save_draft(&path, &draft("二")).unwrap();
        assert_eq!(title_on_disk(&bak), "一");
        save_draft(&path, &draft("三")).unwrap();
        assert_eq!(title_on_disk(&path), "三");
        assert_eq!(title_on_disk(&bak), "二");
        // Saving the same draft again keeps the real previous version.
        save_draft(&path, &draft("三")).unwrap();
        assert_eq!(title_on_disk(&bak), "二");
        no_leftovers(dir.path());
    }

    /// Sets up 稿件.ron = "二" and 稿件.ron.bak = "一", makes one step fail, tries to save "三".
    fn failing_save(step: Step, file: &str) -> (tempfile::TempDir, StoreError) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("稿件.ron");
        save_draft(&path, &draft("一")).unwrap();
        save_draft(&path, &draft("二")).unwrap();
        faults::fail(step, &dir.path().join(file));
        let error = save_draft(&path, &draft("三")).unwrap_err();
        assert_eq!(title_on_disk(&path), "二", "{step:?} {file}");
        assert_eq!(
            title_on_disk(&dir.path().join("稿件.ron.bak")),
            "一",
            "{step:?} {file}"
        );
        no_leftovers(dir.path());
        assert!(error.message_zh().contains("稿件仍在窗口中"));
        (dir, error)
    }

    #[test]
    fn a_failed_save_leaves_target_and_backup_as_they_were() {
        let (_dir, error) = failing_save(Step::Stage, "稿件.ron");
        assert_eq!(error.kind, StoreErrorKind::Write(WriteFailure::DiskFull));
        let (_dir, error) = failing_save(Step::Stage, "稿件.ron.bak");
        assert_eq!(error.kind, StoreErrorKind::Backup(WriteFailure::DiskFull));
        assert!(error.path.ends_with("稿件.ron.bak"));
        let (_dir, error) = failing_save(Step::Commit, "稿件.ron.bak");
        assert_eq!(error.kind, StoreErrorKind::Backup(WriteFailure::DiskFull));
        // The last rename failing after the backup was replaced: the backup is put back.
        let (_dir, error) = failing_save(Step::Commit, "稿件.ron");
        assert_eq!(error.kind, StoreErrorKind::Write(WriteFailure::DiskFull));
    }

    #[test]
    fn a_failed_first_backup_is_removed_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("稿件.ron");
        save_draft(&path, &draft("一")).unwrap();
        faults::fail(Step::Commit, &path);
        assert!(save_draft(&path, &draft("二")).is_err());
        assert_eq!(title_on_disk(&path), "一");
        assert!(!dir.path().join("稿件.ron.bak").exists());
    }

    #[test]
    fn a_directory_named_like_the_backup_stops_the_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("稿件.ron");
        save_draft(&path, &draft("一")).unwrap();
        std::fs::create_dir(dir.path().join("稿件.ron.bak")).unwrap();
        let error = save_draft(&path, &draft("二")).unwrap_err();
        assert_eq!(
            error.kind,
            StoreErrorKind::Backup(WriteFailure::IsDirectory)
        );
        assert_eq!(title_on_disk(&path), "一");
        assert!(dir.path().join("稿件.ron.bak").is_dir());
        no_leftovers(dir.path());
    }

    #[test]
    fn saving_over_a_non_draft_backs_it_up_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "别人的笔记").unwrap();
        save_draft(&path, &draft("一")).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("notes.txt.bak")).unwrap(),
            "别人的笔记"
        );
    }

    #[test]
    fn names_too_long_for_a_backup_still_save() {
        let dir = tempfile::tempdir().unwrap();
        // 84 × 3 + 4 = 256 bytes would be too long with ".bak"; 83 × 3 + 4 = 253 is fine alone.
        let path = dir.path().join(format!("{}.ron", "长".repeat(83)));
        assert_eq!(backup_path_for(&path), None);
        save_draft(&path, &draft("一")).unwrap();
        save_draft(&path, &draft("二")).unwrap();
        assert_eq!(title_on_disk(&path), "二");
    }

    #[test]
    fn the_stamp_matches_what_is_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("稿件.ron");
        let stamp = save_draft_with_stamp(&path, &draft("一")).unwrap();
        assert_eq!(stamp, FileStamp::read(&path).unwrap());
    }
}
