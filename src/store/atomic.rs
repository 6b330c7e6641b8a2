//! The one way Pouxi writes a file: a fresh temporary file beside the target, flushed, then
//! renamed over it, so that a crash at any moment leaves either the old file or the new one,
//! never a mix.
//!
//! The write happens in two steps ([`stage`], then [`Staged::commit`]) so that a save can
//! prepare everything it needs (the new file, its backup) before it changes anything.

use std::fmt;
use std::fs::Permissions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// How many links [`resolve_target`] follows before it calls it a loop.
const MAX_LINKS: usize = 40;
/// The part of the target's name kept in the temporary file's name, so that a long name still
/// leaves room for the suffix (most file systems allow 255 bytes).
const TEMP_NAME_PREFIX_BYTES: usize = 100;

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Why a path was refused before any write. Carried inside an [`io::Error`] so that
/// [`atomic_write`] keeps its plain signature; [`super::WriteFailure::from_io`] recognises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A device, pipe or socket: renaming over it would replace it, writing into it is not a
    /// save.
    NotRegularFile,
    SymlinkLoop,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotRegularFile => write!(f, "not a regular file"),
            Refusal::SymlinkLoop => write!(f, "symbolic links form a loop"),
        }
    }
}

impl std::error::Error for Refusal {}

impl Refusal {
    /// The refusal inside an I/O error made by this module, if any.
    pub fn of(error: &io::Error) -> Option<Refusal> {
        error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<Refusal>())
            .copied()
    }
}

fn refuse(refusal: Refusal) -> io::Error {
    io::Error::other(refusal)
}

/// Where the bytes for `target` really go. Symbolic links are followed (a linked draft stays
/// linked and the file it points at is replaced); directories, devices, pipes and sockets are
/// refused. A path that does not exist yet is returned as it is.
pub fn resolve_target(target: &Path) -> io::Result<PathBuf> {
    let mut path = target.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&path)?;
                path = if link.is_absolute() {
                    link
                } else {
                    path.parent().unwrap_or(Path::new("")).join(link)
                };
            }
            Ok(meta) if meta.is_dir() => {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    "the target is a directory",
                ));
            }
            Ok(meta) if !meta.is_file() => return Err(refuse(Refusal::NotRegularFile)),
            Ok(_) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(path),
            Err(error) => return Err(error),
        }
    }
    Err(refuse(Refusal::SymlinkLoop))
}

/// A name for a new temporary file beside `target`: hidden, unique in this process and marked
/// `.pouxi-tmp`, e.g. `.稿件.ron.4242-7.pouxi-tmp`. A save killed half-way leaves at most this
/// one file, which nothing reads.
pub fn temp_path_for(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "pouxi".to_owned());
    let mut cut = name.len().min(TEMP_NAME_PREFIX_BYTES);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(
        ".{}.{}-{n}.pouxi-tmp",
        &name[..cut],
        std::process::id()
    ))
}

/// How old a temporary file beside a target must be before a save removes it as left over
/// by a save that was killed. A save in progress writes its temporary file within seconds;
/// this leaves a wide margin for a slow disk or another Pouxi saving the same file.
pub const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(30);

/// Removes temporary files [`temp_path_for`] made for `target` (an already resolved path)
/// that are older than [`STALE_TEMP_AGE`]: what a save killed half-way leaves behind. Best
/// effort, never fails: a file that cannot be removed stays.
pub fn remove_stale_temps(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let parent = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut cut = name.len().min(TEMP_NAME_PREFIX_BYTES);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let prefix = format!(".{}.", &name[..cut]);
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        let Some(middle) = entry_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".pouxi-tmp"))
        else {
            continue;
        };
        // `<process>-<counter>`: nothing else, so `稿件.ron.bak`'s temporaries are not
        // taken for `稿件.ron`'s.
        let ours = middle.split_once('-').is_some_and(|(pid, n)| {
            !pid.is_empty()
                && !n.is_empty()
                && pid.bytes().all(|b| b.is_ascii_digit())
                && n.bytes().all(|b| b.is_ascii_digit())
        });
        let old = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age >= STALE_TEMP_AGE);
        if ours && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// True for the names [`temp_path_for`] makes.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".pouxi-tmp")
}

/// True when `a` and `b` name one file: the same path, a symbolic link to it or a hard link
/// (compared by the file system's own identity of the file, on Windows too). False when
/// either does not exist.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    same_file::is_same_file(a, b).unwrap_or(false)
}

/// Writes `bytes` to `target` atomically. On failure the target is untouched and the temporary
/// file is removed. Symbolic links are followed; a directory, device, pipe or socket at
/// `target` is refused.
pub fn atomic_write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let real = resolve_target(target)?;
    remove_stale_temps(&real);
    let permissions = std::fs::metadata(&real).ok().map(|m| m.permissions());
    stage(&real, bytes, permissions)?.commit()
}

/// A complete, flushed temporary file waiting to be renamed over its target. Dropping it
/// without [`Staged::commit`] removes the temporary file and leaves the target as it was.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

/// Writes `bytes` to a new temporary file beside `target` (an already resolved path) and
/// flushes it to disk. `permissions` (those of the file being replaced) are given to it.
pub fn stage(target: &Path, bytes: &[u8], permissions: Option<Permissions>) -> io::Result<Staged> {
    #[cfg(test)]
    faults::check(faults::Step::Stage, target)?;
    let (file, temp) = create_temp(target)?;
    let staged = Staged {
        temp,
        target: target.to_path_buf(),
        committed: false,
    };
    // From here on, dropping `staged` removes the temporary file.
    write_and_sync(file, bytes, permissions)?;
    Ok(staged)
}

impl Staged {
    /// Renames the temporary file over the target and makes the rename durable.
    pub fn commit(mut self) -> io::Result<()> {
        #[cfg(test)]
        faults::check(faults::Step::Commit, &self.target)?;
        std::fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        sync_parent(&self.target);
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

fn create_temp(target: &Path) -> io::Result<(std::fs::File, PathBuf)> {
    // `create_new` never follows a link and never reuses a file another writer (or a killed
    // process with a reused id) left behind.
    let mut last = None;
    for _ in 0..16 {
        let temp = temp_path_for(target);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((file, temp)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => last = Some(error),
            Err(error) => return Err(error),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)))
}

fn write_and_sync(
    mut file: std::fs::File,
    bytes: &[u8],
    permissions: Option<Permissions>,
) -> io::Result<()> {
    file.write_all(bytes)?;
    if let Some(permissions) = permissions {
        // Keep a private draft private. Failing to copy the mode is not worth failing a save.
        let _ = file.set_permissions(permissions);
    }
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

/// Failure injection for unit tests: make the next stage or commit for a given target fail as a
/// full disk would. Per thread, so tests running in parallel do not disturb each other.
#[cfg(test)]
pub(crate) mod faults {
    use std::cell::RefCell;
    use std::io;
    use std::path::{Path, PathBuf};

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Step {
        Stage,
        Commit,
    }

    thread_local! {
        static PLANNED: RefCell<Vec<(Step, PathBuf)>> = const { RefCell::new(Vec::new()) };
    }

    /// The next `step` for `target` (compared by file name) fails once.
    pub fn fail(step: Step, target: &Path) {
        PLANNED.with(|p| p.borrow_mut().push((step, target.to_path_buf())));
    }

    pub(super) fn check(step: Step, target: &Path) -> io::Result<()> {
        PLANNED.with(|planned| {
            let mut planned = planned.borrow_mut();
            let hit = planned
                .iter()
                .position(|(s, p)| *s == step && p.file_name() == target.file_name());
            match hit {
                Some(index) => {
                    planned.remove(index);
                    Err(io::Error::from(io::ErrorKind::StorageFull))
                }
                None => Ok(()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| is_temp_name(n))
            .collect()
    }

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("稿件.ron");
        atomic_write(&target, b"one").unwrap();
        atomic_write(&target, b"two").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("稿件.ron");
        atomic_write(&target, b"old").unwrap();
        faults::fail(faults::Step::Stage, &target);
        let error = atomic_write(&target, b"new").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
        faults::fail(faults::Step::Commit, &target);
        assert!(atomic_write(&target, b"new").is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn missing_folder_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("gone").join("稿件.ron");
        let error = atomic_write(&target, b"x").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn a_directory_in_the_way_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("稿件.ron");
        std::fs::create_dir(&target).unwrap();
        let error = atomic_write(&target, b"x").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
        assert!(target.is_dir());
    }

    #[test]
    fn a_stale_temp_file_or_link_is_never_reused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("稿件.ron");
        // Whatever sits at a name a save might pick is left alone.
        let n = TEMP_COUNTER.load(Ordering::Relaxed);
        let stale: Vec<PathBuf> = (n..n + 8)
            .map(|k| {
                dir.path()
                    .join(format!(".稿件.ron.{}-{k}.pouxi-tmp", std::process::id()))
            })
            .collect();
        for path in &stale[..4] {
            std::fs::write(path, b"stale").unwrap();
        }
        #[cfg(unix)]
        for path in &stale[4..] {
            std::os::unix::fs::symlink(&target, path).unwrap();
        }
        atomic_write(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        for path in &stale[..4] {
            assert_eq!(std::fs::read(path).unwrap(), b"stale");
        }
    }

    #[test]
    fn long_names_leave_room_for_the_temporary_suffix() {
        let dir = tempfile::tempdir().unwrap();
        // 83 × 3 bytes + ".ron" = 253 bytes: a legal name that a naive suffix would overflow.
        let target = dir.path().join(format!("{}.ron", "长".repeat(83)));
        atomic_write(&target, b"x").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        std::fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink("real.ron", &link).unwrap();
        atomic_write(&link, b"new").unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("稿件.ron");
        std::fs::write(&target, b"old").unwrap();
        std::fs::set_permissions(&target, Permissions::from_mode(0o600)).unwrap();
        atomic_write(&target, b"new").unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_and_link_loops_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let full = dir.path().join("full.ron");
        std::os::unix::fs::symlink("/dev/full", &full).unwrap();
        let error = atomic_write(&full, b"x").unwrap_err();
        assert_eq!(Refusal::of(&error), Some(Refusal::NotRegularFile));
        // The device is still a device (as root, a rename over it would have replaced it).
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::metadata("/dev/full")
                .unwrap()
                .file_type()
                .is_char_device()
        );
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let error = atomic_write(&a, b"x").unwrap_err();
        assert_eq!(Refusal::of(&error), Some(Refusal::SymlinkLoop));
    }
}
