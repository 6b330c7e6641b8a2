//! Recovery copies of open drafts, so that a crash, a kill or a power cut loses at most the last
//! couple of seconds of typing.
//!
//! One file per window's open draft in `data_dir/recovery`, named by a [`RecoveryKey`]:
//! `p-<hash of the draft's path>-<time>-<process>-<n>.ron` for a draft with a file (two
//! windows on one draft each keep their own copy), `u-<time>-<process>-<n>.ron` for a
//! never-saved one. Links in the folder are never followed. Each holds the draft in the ordinary draft format, wrapped:
//!
//! ```text
//! (
//!     format: "pouxi-recovery",
//!     version: 1,
//!     original: Some("/home/me/稿件.ron"),
//!     written_at: 1732860000,
//!     chars: 1234,
//!     draft: (format: "pouxi-draft", version: 1, title: "…", …),
//! )
//! ```
//!
//! Files are written with [`super::atomic_write`]. [`Autosaver`] does that on a background
//! thread.

use super::atomic::{self, is_temp_name, remove_stale_temps};
use super::{
    DraftFile, DraftFileOut, MAX_DRAFT_BYTES, StoreError, StoreErrorKind, WriteFailure,
    content_hash, load_draft, read_capped, ron_options,
};
use crate::draft::Draft;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

mod autosave;
mod journal;

pub use autosave::{AutosaveError, Autosaver};

/// The `format` field of a recovery file.
pub const RECOVERY_FORMAT_NAME: &str = "pouxi-recovery";
/// The newest recovery format version this Pouxi writes and reads.
pub const RECOVERY_FORMAT_VERSION: u32 = 1;
/// A recovery file is a draft plus a few short fields.
const MAX_RECOVERY_BYTES: u64 = MAX_DRAFT_BYTES + 64 * 1024;
const EXTENSION: &str = "ron";
const JOURNAL_EXTENSION: &str = "journal";

static SESSION_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Names one open draft's recovery file. Only ASCII letters, digits and `-`, so it is a safe
/// file name everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecoveryKey(String);

impl RecoveryKey {
    /// A key for one window's copy of the draft at `path`: `p-<hash of the path>-<session>`.
    /// Every call gives a new key, so two windows on one draft never share (or delete) each
    /// other's copy; [`RecoveryKey::path_part`] tells which keys belong to one path.
    /// Relative paths are made absolute first; links are not resolved.
    pub fn for_path(path: &Path) -> RecoveryKey {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        RecoveryKey(format!(
            "p-{:016x}-{}",
            content_hash(absolute.as_os_str().as_encoded_bytes()),
            session_part()
        ))
    }

    /// The part of a key that names the draft's path (`p-<hash>`); `None` for a never-saved
    /// draft's key.
    pub fn path_part(&self) -> Option<&str> {
        self.0
            .starts_with("p-")
            .then(|| self.0.get(..18).unwrap_or(&self.0))
    }

    /// A fresh key for a draft that has never been saved: unique by time, process id and a
    /// counter.
    pub fn new_session() -> RecoveryKey {
        RecoveryKey(format!("u-{}", session_part()))
    }

    /// A key read back from a file name; `None` unless it is one Pouxi could have made.
    pub fn parse(text: &str) -> Option<RecoveryKey> {
        let ok = (3..=64).contains(&text.len())
            && (text.starts_with("p-") || text.starts_with("u-"))
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        ok.then(|| RecoveryKey(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn file_name(&self) -> String {
        format!("{}.{EXTENSION}", self.0)
    }
}

/// Unique by time, process id and a counter.
fn session_part() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let n = SESSION_COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(
        "{:x}{:08x}-{:x}-{n}",
        now.as_secs(),
        now.subsec_nanos(),
        std::process::id()
    )
}

impl fmt::Display for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a recovery file says besides the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryMeta {
    /// The draft's own file, `None` for a never-saved draft.
    pub original: Option<PathBuf>,
    /// Unix seconds.
    pub written_at: u64,
}

impl RecoveryMeta {
    /// Written now.
    pub fn now(original: Option<PathBuf>) -> RecoveryMeta {
        RecoveryMeta {
            original,
            written_at: unix_now(),
        }
    }
}

/// Seconds since 1970 by the system clock (0 if the clock is before 1970).
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// One readable recovery file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryEntry {
    pub key: RecoveryKey,
    /// The recovery file itself.
    pub file: PathBuf,
    pub original: Option<PathBuf>,
    pub written_at: u64,
    /// Characters as [`Draft::char_count`] counted them when written.
    pub chars: usize,
    pub draft: Draft,
}

/// What [`RecoveryStore::list`] found.
#[derive(Debug, Default)]
pub struct RecoveryListing {
    /// Worth offering: every copy whose draft differs from what its file holds (or whose file
    /// is gone or unreadable), never-saved drafts included. Newest first.
    pub entries: Vec<RecoveryEntry>,
    /// Identical to their draft file: nothing to recover. Not removed by `list`; the app may
    /// [`RecoveryStore::remove`] them.
    pub stale: Vec<RecoveryEntry>,
    /// Recovery files that could not be read, each with its reason. Left on disk.
    pub unreadable: Vec<StoreError>,
}

/// The recovery folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

#[derive(Serialize)]
struct RecoveryFileOut<'a> {
    format: &'a str,
    version: u32,
    original: Option<String>,
    written_at: u64,
    chars: u64,
    /// Names the journal records that belong to this copy (0: none do).
    #[serde(skip_serializing_if = "is_zero")]
    journal_base: u64,
    draft: DraftFileOut<'a>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Deserialize)]
struct RecoveryHeader {
    #[serde(default)]
    format: String,
    #[serde(default)]
    version: u32,
}

#[derive(Deserialize)]
struct RecoveryFileV1 {
    #[serde(default)]
    original: Option<String>,
    #[serde(default)]
    written_at: u64,
    #[serde(default)]
    chars: u64,
    #[serde(default)]
    journal_base: u64,
    draft: DraftFile,
}

/// A recovery file's text.
pub fn recovery_to_ron(draft: &Draft, meta: &RecoveryMeta) -> String {
    recovery_to_ron_with_base(draft, meta, 0)
}

fn recovery_to_ron_with_base(draft: &Draft, meta: &RecoveryMeta, journal_base: u64) -> String {
    let file = RecoveryFileOut {
        format: RECOVERY_FORMAT_NAME,
        version: RECOVERY_FORMAT_VERSION,
        // A path that is not Unicode is kept approximately; `list` then offers the copy
        // rather than compare it with a file it cannot find.
        original: meta
            .original
            .as_ref()
            .map(|p| p.to_string_lossy().into_owned()),
        written_at: meta.written_at,
        chars: draft.char_count() as u64,
        journal_base,
        draft: DraftFileOut::of(draft),
    };
    match super::compact::to_ron(&file) {
        Ok(text) => text + "\n",
        Err(error) => format!("// {error}\n"),
    }
}

/// Parses a recovery file's text: the draft and what was recorded with it.
pub fn recovery_from_ron(text: &str) -> Result<(Draft, RecoveryMeta, usize), StoreErrorKind> {
    recovery_from_ron_with_base(text).map(|(draft, meta, chars, _)| (draft, meta, chars))
}

/// [`recovery_from_ron`], with the copy's journal base.
fn recovery_from_ron_with_base(
    text: &str,
) -> Result<(Draft, RecoveryMeta, usize, u64), StoreErrorKind> {
    let header: RecoveryHeader = ron_options().from_str(text).map_err(|error| {
        if text.contains(RECOVERY_FORMAT_NAME) {
            StoreErrorKind::Damaged(error.to_string())
        } else {
            StoreErrorKind::NotADraft
        }
    })?;
    if header.format != RECOVERY_FORMAT_NAME || header.version == 0 {
        return Err(StoreErrorKind::NotADraft);
    }
    if header.version > RECOVERY_FORMAT_VERSION {
        return Err(StoreErrorKind::NewerVersion(header.version));
    }
    let file: RecoveryFileV1 = ron_options()
        .from_str(text)
        .map_err(|error| StoreErrorKind::Damaged(error.to_string()))?;
    let draft = file.draft.into_draft()?;
    let meta = RecoveryMeta {
        original: file.original.map(PathBuf::from),
        written_at: file.written_at,
    };
    Ok((
        draft,
        meta,
        usize::try_from(file.chars).unwrap_or(usize::MAX),
        file.journal_base,
    ))
}

impl RecoveryStore {
    /// Recovery files in `dir` (the app passes `data_dir/recovery`). Nothing is created until
    /// the first write.
    pub fn new(dir: impl Into<PathBuf>) -> RecoveryStore {
        RecoveryStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The recovery file of `key`.
    pub fn path_of(&self, key: &RecoveryKey) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// Writes (or replaces) the recovery copy of one draft, atomically. Creates the folder
    /// (private to the user on Unix) when missing.
    pub fn write(
        &self,
        key: &RecoveryKey,
        draft: &Draft,
        meta: &RecoveryMeta,
    ) -> Result<(), StoreError> {
        self.write_full(key, draft, meta, 0)
    }

    /// The journal beside the copy of `key`.
    fn journal_path_of(&self, key: &RecoveryKey) -> PathBuf {
        self.dir
            .join(format!("{}.{JOURNAL_EXTENSION}", key.as_str()))
    }

    /// Writes a full copy that journal records made with `journal_base` will follow, then
    /// removes the journal of the copy it replaces (its records name another base, so a kill
    /// in between leaves them ignored).
    fn write_full(
        &self,
        key: &RecoveryKey,
        draft: &Draft,
        meta: &RecoveryMeta,
        journal_base: u64,
    ) -> Result<(), StoreError> {
        self.write_copy(key, draft, meta, journal_base)?;
        let journal = self.journal_path_of(key);
        match std::fs::remove_file(&journal) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                Err(StoreError::from_write_io(&journal, &error))
            }
            _ => Ok(()),
        }
    }

    /// Appends what changed since the full copy of `key` (written with `journal_base`).
    /// Returns the bytes appended.
    fn append_journal(
        &self,
        key: &RecoveryKey,
        journal_base: u64,
        edits: Vec<(journal::FieldRef, String)>,
    ) -> Result<u64, StoreError> {
        let path = self.journal_path_of(key);
        journal::append(&path, journal_base, unix_now(), edits)
            .map_err(|error| StoreError::from_write_io(&path, &error))
    }

    fn write_copy(
        &self,
        key: &RecoveryKey,
        draft: &Draft,
        meta: &RecoveryMeta,
        journal_base: u64,
    ) -> Result<(), StoreError> {
        let path = self.path_of(key);
        // Whatever Pouxi writes, Pouxi must read back.
        let too_large = |bytes: u64| {
            StoreError::new(
                &path,
                StoreErrorKind::Write(WriteFailure::TooLargeToReadBack { bytes }),
            )
        };
        let text_bytes = super::text_bytes(draft);
        if text_bytes > MAX_DRAFT_BYTES {
            return Err(too_large(text_bytes));
        }
        let text = recovery_to_ron_with_base(draft, meta, journal_base);
        if text.len() as u64 > MAX_RECOVERY_BYTES {
            return Err(too_large(text.len() as u64));
        }
        create_private_dir(&self.dir).map_err(|error| {
            if self.dir.exists() && !self.dir.is_dir() {
                StoreError::new(&self.dir, StoreErrorKind::Write(WriteFailure::FolderIsFile))
            } else {
                StoreError::from_write_io(&self.dir, &error)
            }
        })?;
        // Never through a link: the new file is renamed over whatever has the name, and a
        // rename replaces a link itself, not the file it points at (on Windows too).
        remove_stale_temps(&path);
        atomic::stage(&path, text.as_bytes(), None)
            .and_then(atomic::Staged::commit)
            .map_err(|error| StoreError::from_write_io(&path, &error))
    }

    /// Removes the recovery copy of `key`; a copy that is not there is not an error.
    pub fn remove(&self, key: &RecoveryKey) -> Result<(), StoreError> {
        // The copy first: a journal without its copy is never read.
        for path in [self.path_of(key), self.journal_path_of(key)] {
            match std::fs::remove_file(&path) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                    return Err(StoreError::from_write_io(&path, &error));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Reads one recovery file.
    pub fn read(&self, key: &RecoveryKey) -> Result<RecoveryEntry, StoreError> {
        let path = self.path_of(key);
        // A link in the recovery folder is not Pouxi's: never read (or offer) what it points at.
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(StoreError::new(&path, StoreErrorKind::NotRegularFile));
        }
        let bytes = read_capped(&path, MAX_RECOVERY_BYTES)?;
        let text = std::str::from_utf8(&bytes)
            .map_err(|_| StoreError::new(&path, StoreErrorKind::NotText))?;
        let (mut draft, mut meta, mut chars, journal_base) =
            recovery_from_ron_with_base(text).map_err(|kind| StoreError::new(&path, kind))?;
        if journal_base != 0 {
            let journal = self.journal_path_of(key);
            let at = journal::replay(&journal, journal_base, MAX_RECOVERY_BYTES, &mut draft);
            meta.written_at = meta.written_at.max(at);
            chars = draft.char_count();
        }
        Ok(RecoveryEntry {
            key: key.clone(),
            file: path,
            original: meta.original,
            written_at: meta.written_at,
            chars,
            draft,
        })
    }

    /// Every recovery file, sorted into those worth offering, stale ones and unreadable ones.
    /// Never panics and never deletes; a missing folder is an empty listing.
    pub fn list(&self) -> RecoveryListing {
        let mut listing = RecoveryListing::default();
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return listing,
            Err(error) => {
                listing
                    .unreadable
                    .push(StoreError::from_io(&self.dir, &error));
                return listing;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    listing
                        .unreadable
                        .push(StoreError::from_io(&self.dir, &error));
                    continue;
                }
            };
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_temp_name(&name) {
                continue;
            }
            let Some(key) = name
                .strip_suffix(&format!(".{EXTENSION}"))
                .and_then(RecoveryKey::parse)
            else {
                continue;
            };
            match self.read(&key) {
                Ok(entry) => {
                    if is_stale(&entry) {
                        listing.stale.push(entry);
                    } else {
                        listing.entries.push(entry);
                    }
                }
                Err(error) => listing.unreadable.push(error),
            }
        }
        listing
            .entries
            .sort_by(|a, b| b.written_at.cmp(&a.written_at).then(a.key.cmp(&b.key)));
        listing.stale.sort_by(|a, b| a.key.cmp(&b.key));
        listing.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
        listing
    }
}

/// Stale: the draft file holds exactly the copy's draft, so there is nothing to recover.
/// Decided by content alone: a sync client or a backup tool that rewrites the same bytes (or
/// `touch`) changes a file's time but not the writer's words. When in doubt, offer.
fn is_stale(entry: &RecoveryEntry) -> bool {
    let Some(original) = &entry.original else {
        return false;
    };
    load_draft(original).is_ok_and(|on_disk| on_disk == entry.draft)
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::DEFAULT_HEADING;
    use crate::store::save_draft;

    fn draft(title: &str) -> Draft {
        Draft::with_categories(
            title,
            DEFAULT_HEADING,
            &["在理论学习方面", "在政治素质方面"],
        )
    }

    #[test]
    fn keys_are_per_window_distinct_and_safe() {
        let a = RecoveryKey::for_path(Path::new("/稿件/一.ron"));
        let a2 = RecoveryKey::for_path(Path::new("/稿件/一.ron"));
        assert_ne!(a, a2, "two windows on one draft keep two copies");
        assert_eq!(a.path_part(), a2.path_part());
        let b = RecoveryKey::for_path(Path::new("/稿件/二.ron"));
        assert_ne!(a.path_part(), b.path_part());
        let s1 = RecoveryKey::new_session();
        let s2 = RecoveryKey::new_session();
        assert_ne!(s1, s2);
        assert_eq!(s1.path_part(), None);
        for key in [&a, &a2, &b, &s1, &s2] {
            assert_eq!(RecoveryKey::parse(key.as_str()).as_ref(), Some(key));
        }
        assert_eq!(RecoveryKey::parse("../etc"), None);
        assert_eq!(RecoveryKey::parse("p-a/b"), None);
        assert_eq!(RecoveryKey::parse("x-1"), None);
    }

    #[test]
    fn the_file_reads_back_exactly() {
        let meta = RecoveryMeta {
            original: Some(PathBuf::from("/home/我/稿件.ron")),
            written_at: 1_700_000_000,
        };
        let draft = draft("标题“引号”");
        let text = recovery_to_ron(&draft, &meta);
        assert!(!text.contains('\r'), "LF on every system: {text:?}");
        assert!(
            text.starts_with("(\n    format: \"pouxi-recovery\",\n    version: 1,\n    original: "),
            "{text}"
        );
        // Readable as it is; whether RON writes `Some(…)` around it is the draft format's call.
        assert!(text.contains("\"/home/我/稿件.ron\""), "{text}");
        assert!(
            text.contains("\n    written_at: 1700000000,\n    chars: "),
            "{text}"
        );
        assert!(text.contains("format: \"pouxi-draft\""), "{text}");
        let (back, back_meta, chars) = recovery_from_ron(&text).unwrap();
        assert_eq!(back, draft);
        assert_eq!(back_meta, meta);
        assert_eq!(chars, draft.char_count());
        let newer = text.replacen("version: 1,", "version: 9,", 1);
        assert_eq!(
            recovery_from_ron(&newer).unwrap_err(),
            StoreErrorKind::NewerVersion(9)
        );
    }

    #[test]
    fn listing_offers_what_is_worth_offering() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("data").join("recovery"));
        assert!(store.list().entries.is_empty(), "no folder yet is fine");

        // A never-saved draft.
        let unsaved = RecoveryKey::new_session();
        store
            .write(&unsaved, &draft("未保存"), &RecoveryMeta::now(None))
            .unwrap();
        // A draft whose file is gone.
        let gone_path = dir.path().join("gone.ron");
        let gone = RecoveryKey::for_path(&gone_path);
        store
            .write(
                &gone,
                &draft("文件没了"),
                &RecoveryMeta::now(Some(gone_path)),
            )
            .unwrap();
        // Newer than its file, and different.
        let newer_path = dir.path().join("newer.ron");
        save_draft(&newer_path, &draft("旧")).unwrap();
        let newer = RecoveryKey::for_path(&newer_path);
        store
            .write(&newer, &draft("新"), &RecoveryMeta::now(Some(newer_path)))
            .unwrap();
        // Older than its file and different: offered (time decides nothing, issue 18 case 3).
        let older_path = dir.path().join("older.ron");
        save_draft(&older_path, &draft("已保存")).unwrap();
        let older = RecoveryKey::for_path(&older_path);
        let old_meta = RecoveryMeta {
            original: Some(older_path),
            written_at: unix_now() - 3600,
        };
        store.write(&older, &draft("一小时前"), &old_meta).unwrap();
        // Identical to its file.
        let same_path = dir.path().join("same.ron");
        save_draft(&same_path, &draft("相同")).unwrap();
        let same = RecoveryKey::for_path(&same_path);
        store
            .write(&same, &draft("相同"), &RecoveryMeta::now(Some(same_path)))
            .unwrap();
        // Damaged, foreign and newer-format files are reported, never fatal.
        std::fs::write(
            store.dir().join("p-0000000000000001.ron"),
            "(format: \"pouxi-recovery\", version: 1, dra",
        )
        .unwrap();
        std::fs::write(
            store.dir().join("p-0000000000000002.ron"),
            [0xff, 0xfe, 0x00],
        )
        .unwrap();
        std::fs::write(
            store.dir().join("p-0000000000000003.ron"),
            "(format: \"pouxi-recovery\", version: 2)",
        )
        .unwrap();
        std::fs::create_dir(store.dir().join("p-0000000000000004.ron")).unwrap();
        // Not ours: ignored.
        std::fs::write(store.dir().join("notes.txt"), "x").unwrap();
        std::fs::write(store.dir().join(".p-1.ron.9-9.pouxi-tmp"), "x").unwrap();

        let listing = store.list();
        let mut offered: Vec<&str> = listing
            .entries
            .iter()
            .map(|e| e.draft.title.as_str())
            .collect();
        offered.sort();
        assert_eq!(offered, ["一小时前", "文件没了", "新", "未保存"]);
        let mut stale: Vec<&str> = listing
            .stale
            .iter()
            .map(|e| e.draft.title.as_str())
            .collect();
        stale.sort();
        assert_eq!(stale, ["相同"]);
        let kinds: Vec<&StoreErrorKind> = listing.unreadable.iter().map(|e| &e.kind).collect();
        assert_eq!(kinds.len(), 4, "{kinds:?}");
        assert!(matches!(kinds[0], StoreErrorKind::Damaged(_)));
        assert_eq!(kinds[1], &StoreErrorKind::NotText);
        assert_eq!(kinds[2], &StoreErrorKind::NewerVersion(2));
        assert_eq!(kinds[3], &StoreErrorKind::IsDirectory);
        let entry = listing.entries.iter().find(|e| e.key == unsaved).unwrap();
        assert_eq!(entry.original, None);
        assert_eq!(entry.chars, draft("未保存").char_count());

        store.remove(&unsaved).unwrap();
        store.remove(&unsaved).unwrap();
        assert!(store.list().entries.iter().all(|e| e.key != unsaved));
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        store
            .write(
                &RecoveryKey::new_session(),
                &draft("一"),
                &RecoveryMeta::now(None),
            )
            .unwrap();
        let mode = std::fs::metadata(store.dir()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
