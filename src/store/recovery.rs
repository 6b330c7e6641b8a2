//! Recovery copies of open drafts, so that a crash, a kill or a power cut loses at most the last
//! couple of seconds of typing.
//!
//! One file per open draft in `data_dir/recovery`, named by a [`RecoveryKey`]:
//! `p-<hash of the draft's path>.ron` for a draft with a file, `u-<time>-<process>-<n>.ron`
//! for a never-saved one. Each holds the draft in the ordinary draft format, wrapped:
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

use super::atomic::is_temp_name;
use super::{
    DraftFile, DraftFileOut, MAX_DRAFT_BYTES, StoreError, StoreErrorKind, atomic_write,
    content_hash, load_draft, pretty_config, read_capped, ron_options,
};
use crate::draft::Draft;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

mod autosave;

pub use autosave::{AutosaveError, Autosaver};

/// The `format` field of a recovery file.
pub const RECOVERY_FORMAT_NAME: &str = "pouxi-recovery";
/// The newest recovery format version this Pouxi writes and reads.
pub const RECOVERY_FORMAT_VERSION: u32 = 1;
/// A recovery file is a draft plus a few short fields.
const MAX_RECOVERY_BYTES: u64 = MAX_DRAFT_BYTES + 64 * 1024;
const EXTENSION: &str = "ron";

static SESSION_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Names one open draft's recovery file. Only ASCII letters, digits and `-`, so it is a safe
/// file name everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecoveryKey(String);

impl RecoveryKey {
    /// The key of a draft that has a file: the same path always gives the same key (also
    /// across restarts and Pouxi versions), different paths practically never the same.
    /// Relative paths are made absolute first; links are not resolved.
    pub fn for_path(path: &Path) -> RecoveryKey {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        RecoveryKey(format!(
            "p-{:016x}",
            content_hash(absolute.as_os_str().as_encoded_bytes())
        ))
    }

    /// A fresh key for a draft that has never been saved: unique by time, process id and a
    /// counter.
    pub fn new_session() -> RecoveryKey {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let n = SESSION_COUNTER.fetch_add(1, Ordering::Relaxed);
        RecoveryKey(format!(
            "u-{:x}{:08x}-{:x}-{n}",
            now.as_secs(),
            now.subsec_nanos(),
            std::process::id()
        ))
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
    /// Worth offering: never-saved drafts, drafts whose file is gone or unreadable, and drafts
    /// written no earlier than their file's last change and different from it. Newest first.
    pub entries: Vec<RecoveryEntry>,
    /// Older than their draft file, or identical to it: nothing to recover. Not removed by
    /// `list`; the app may [`RecoveryStore::remove`] them.
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
    draft: DraftFileOut<'a>,
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
    draft: DraftFile,
}

/// A recovery file's text.
pub fn recovery_to_ron(draft: &Draft, meta: &RecoveryMeta) -> String {
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
        draft: DraftFileOut::of(draft),
    };
    match ron_options().to_string_pretty(&file, pretty_config()) {
        Ok(text) => text + "\n",
        Err(error) => format!("// {error}\n"),
    }
}

/// Parses a recovery file's text: the draft and what was recorded with it.
pub fn recovery_from_ron(text: &str) -> Result<(Draft, RecoveryMeta, usize), StoreErrorKind> {
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
        create_private_dir(&self.dir)
            .map_err(|error| StoreError::from_write_io(&self.dir, &error))?;
        let path = self.path_of(key);
        atomic_write(&path, recovery_to_ron(draft, meta).as_bytes())
            .map_err(|error| StoreError::from_write_io(&path, &error))
    }

    /// Removes the recovery copy of `key`; a copy that is not there is not an error.
    pub fn remove(&self, key: &RecoveryKey) -> Result<(), StoreError> {
        let path = self.path_of(key);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(StoreError::from_write_io(&path, &error)),
        }
    }

    /// Reads one recovery file.
    pub fn read(&self, key: &RecoveryKey) -> Result<RecoveryEntry, StoreError> {
        let path = self.path_of(key);
        let bytes = read_capped(&path, MAX_RECOVERY_BYTES)?;
        let text = std::str::from_utf8(&bytes)
            .map_err(|_| StoreError::new(&path, StoreErrorKind::NotText))?;
        let (draft, meta, chars) =
            recovery_from_ron(text).map_err(|kind| StoreError::new(&path, kind))?;
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

/// Stale: the draft file was changed after the copy was written (a later save), or holds the
/// same draft. Same second counts as not older: when in doubt, offer.
fn is_stale(entry: &RecoveryEntry) -> bool {
    let Some(original) = &entry.original else {
        return false;
    };
    let Ok(meta) = std::fs::metadata(original) else {
        return false;
    };
    let file_secs = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_secs());
    if let Some(file_secs) = file_secs
        && entry.written_at < file_secs
    {
        return true;
    }
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
    fn keys_are_stable_distinct_and_safe() {
        let a = RecoveryKey::for_path(Path::new("/稿件/一.ron"));
        assert_eq!(a, RecoveryKey::for_path(Path::new("/稿件/一.ron")));
        assert_ne!(a, RecoveryKey::for_path(Path::new("/稿件/二.ron")));
        let s1 = RecoveryKey::new_session();
        let s2 = RecoveryKey::new_session();
        assert_ne!(s1, s2);
        for key in [&a, &s1, &s2] {
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
        // Older than its file (saved after the copy was written).
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
        assert_eq!(offered, ["文件没了", "新", "未保存"]);
        let mut stale: Vec<&str> = listing
            .stale
            .iter()
            .map(|e| e.draft.title.as_str())
            .collect();
        stale.sort();
        assert_eq!(stale, ["一小时前", "相同"]);
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
