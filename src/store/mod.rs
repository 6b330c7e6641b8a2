//! Drafts on disk: the versioned RON format and the one atomic write every saved file goes
//! through. Plain Rust; no window.
//!
//! Never losing a word rests on four pieces:
//! - [`atomic_write`]: every file is written beside its target and renamed over it;
//! - [`save_draft_with_stamp`]: keeps the previous version as `NAME.bak` and returns a
//!   [`FileStamp`];
//! - [`check_unchanged`]: tells whether another program changed the file since that stamp;
//! - [`recovery`]: recovery copies of open drafts, written off the UI thread by an
//!   [`recovery::Autosaver`].

mod atomic;
mod compact;
mod error;
mod open_marker;
pub mod recovery;
mod save;
mod stamp;
mod templates;

pub use atomic::{
    Refusal, STALE_TEMP_AGE, atomic_write, is_same_file, is_temp_name, remove_stale_temps,
    resolve_target, temp_path_for,
};
pub use error::{StoreError, StoreErrorKind, WriteFailure};
pub use open_marker::{MarkerClaim, OpenMarker};
pub use save::{backup_path_for, save_draft, save_draft_with_stamp};
pub use stamp::{ChangedOnDisk, FileStamp, check_unchanged, content_hash};
pub use templates::{TemplateProblem, Templates, save_user_template};

use crate::draft::{
    Byline, Category, Dismissals, Draft, FindingId, Ledger, Section, SectionBody, SectionId,
    SectionKind, SourceFingerprint, Targets, strip_section_number,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The `format` field every draft file starts with.
pub const FORMAT_NAME: &str = "pouxi-draft";
/// The newest format version this Pouxi writes and reads. Version 1 held only the problems
/// part (a heading and categories); it is read and migrated to one 检视问题 section.
pub const FORMAT_VERSION: u32 = 2;
/// Drafts are text; anything larger than this is not a draft and is refused unread.
pub const MAX_DRAFT_BYTES: u64 = 32 * 1024 * 1024;
/// RON nesting deeper than this is refused instead of exhausting the stack.
const RECURSION_LIMIT: usize = 64;

/// What a draft file looks like on disk. Field order is the order a person reads.
#[derive(Serialize)]
pub(crate) struct DraftFileOut<'a> {
    format: &'a str,
    version: u32,
    title: &'a str,
    #[serde(skip_serializing_if = "Byline::is_empty")]
    byline: &'a Byline,
    #[serde(skip_serializing_if = "str::is_empty")]
    opening: &'a str,
    sections: &'a [Section],
    #[serde(skip_serializing_if = "str::is_empty")]
    closing: &'a str,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    answers: &'a BTreeMap<FindingId, Vec<FindingId>>,
    #[serde(skip_serializing_if = "Ledger::is_empty")]
    ledger: &'a Ledger,
    #[serde(skip_serializing_if = "Targets::is_empty")]
    targets: &'a Targets,
    #[serde(skip_serializing_if = "Dismissals::is_empty")]
    dismissed: &'a Dismissals,
    /// Last: a long line nobody needs to read.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a SourceFingerprint>,
}

/// Read first, alone, so that a newer or foreign file is refused with the right message even
/// when the rest of it would not parse. Unknown fields are ignored here and below: a file that
/// a person extended by hand still opens (documented in README).
#[derive(Deserialize)]
struct FileHeader {
    #[serde(default)]
    format: String,
    #[serde(default)]
    version: u32,
}

/// A draft file of either version, with its header (the header is checked by
/// [`DraftFile::into_draft`] when the draft sits inside another file, such as a recovery file).
/// Version 1 wrote `heading` and `categories`; version 2 writes `sections`. One struct reads
/// both, so a recovery file holding either still opens.
#[derive(Deserialize)]
pub(crate) struct DraftFile {
    #[serde(default)]
    format: String,
    #[serde(default)]
    version: u32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    byline: Byline,
    #[serde(default)]
    opening: String,
    /// Version 1: the problems part's heading, its number typed (`二、检视存在的问题`).
    #[serde(default)]
    heading: String,
    /// Version 1: the problems part's categories.
    #[serde(default)]
    categories: Vec<Category>,
    #[serde(default)]
    sections: Vec<Section>,
    #[serde(default)]
    closing: String,
    #[serde(default)]
    answers: BTreeMap<FindingId, Vec<FindingId>>,
    #[serde(default)]
    ledger: Ledger,
    #[serde(default)]
    targets: Targets,
    /// A fingerprint that does not decode is dropped: the draft still opens, only the
    /// originality meter goes.
    #[serde(default, deserialize_with = "SourceFingerprint::deserialize_lenient")]
    source: Option<SourceFingerprint>,
    #[serde(default)]
    dismissed: Dismissals,
}

impl<'a> DraftFileOut<'a> {
    pub(crate) fn of(draft: &'a Draft) -> DraftFileOut<'a> {
        DraftFileOut {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            title: &draft.title,
            byline: &draft.byline,
            opening: &draft.opening,
            sections: &draft.sections,
            closing: &draft.closing,
            answers: &draft.answers,
            ledger: &draft.ledger,
            targets: &draft.targets,
            dismissed: &draft.dismissed,
            source: draft.source.as_ref(),
        }
    }
}

impl DraftFile {
    /// Checks the header and builds the draft, migrating version 1.
    pub(crate) fn into_draft(self) -> Result<Draft, StoreErrorKind> {
        check_header(&self.format, self.version)?;
        let sections = if self.version == 1 {
            vec![Section {
                id: SectionId(0),
                kind: SectionKind::Problems,
                heading: strip_section_number(&self.heading).to_owned(),
                body: SectionBody::Categories(self.categories),
            }]
        } else {
            self.sections
        };
        let mut draft = Draft {
            title: self.title,
            byline: self.byline,
            opening: self.opening,
            sections,
            closing: self.closing,
            answers: self.answers,
            ledger: self.ledger,
            targets: self.targets,
            source: self.source,
            dismissed: self.dismissed,
        };
        draft.normalize_ids();
        Ok(draft)
    }
}

fn check_header(format: &str, version: u32) -> Result<(), StoreErrorKind> {
    if format != FORMAT_NAME {
        return Err(StoreErrorKind::NotADraft);
    }
    if version > FORMAT_VERSION {
        return Err(StoreErrorKind::NewerVersion(version));
    }
    if version == 0 {
        return Err(StoreErrorKind::NotADraft);
    }
    Ok(())
}

/// Optional values (`target`, `source`) are written bare, `target: (min: 400, max: 600)`,
/// without RON's `Some(…)`; reading accepts both spellings.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// How every RON file Pouxi writes (drafts, recovery files, settings) is laid out. Line ends
/// are LF on every system (RON's default is CR LF on Windows), so the same draft is the same
/// bytes wherever it was saved; both line-end styles read back alike.
pub(crate) fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .new_line("\n".to_owned())
        .indentor("    ".to_owned())
        .struct_names(false)
}

/// Bytes of text the draft holds: a file of it is at least this large, so a draft over the
/// cap by this count is refused without building the file first.
pub fn text_bytes(draft: &Draft) -> u64 {
    let text: usize = draft.text_fields().iter().map(|(_, t)| t.len()).sum();
    let ledger: usize = draft
        .ledger
        .entries
        .values()
        .map(|e| e.measures.len() + e.owner.len() + e.deadline.len() + e.status.len())
        .sum();
    (text + ledger) as u64
}

/// The draft as the text of a file.
pub fn draft_to_ron(draft: &Draft) -> String {
    let file = DraftFileOut::of(draft);
    match compact::to_ron(&file) {
        Ok(text) => text + "\n",
        // Serializing plain strings and vectors cannot fail; keep a readable fallback anyway.
        Err(error) => format!("// {error}\n"),
    }
}

/// Parses the text of a draft file, refusing foreign, newer and damaged files.
pub fn draft_from_ron(text: &str) -> Result<Draft, StoreErrorKind> {
    // The whole file first: a good file is parsed once, and `into_draft` checks its header.
    // Only a file that does not parse is read again for its header alone, so that a newer or
    // foreign file is refused as such rather than as damaged.
    match ron_options().from_str::<DraftFile>(text) {
        Ok(file) => file.into_draft(),
        Err(damage) => {
            let header: FileHeader = ron_options()
                .from_str(text)
                .map_err(|error| classify_parse_error(text, &error))?;
            check_header(&header.format, header.version)?;
            Err(StoreErrorKind::Damaged(damage.to_string()))
        }
    }
}

/// Parses the bytes of a draft file: what [`load_draft`] does after reading. Never panics,
/// whatever the bytes.
pub fn draft_from_bytes(bytes: &[u8]) -> Result<Draft, StoreErrorKind> {
    if bytes.is_empty() {
        return Err(StoreErrorKind::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| StoreErrorKind::NotText)?;
    draft_from_ron(text.trim_start_matches('\u{feff}'))
}

fn classify_parse_error(text: &str, error: &ron::error::SpannedError) -> StoreErrorKind {
    // A file that does not even open like a RON struct is not a draft; one that does but breaks
    // later is a damaged draft.
    if text.contains(FORMAT_NAME) {
        StoreErrorKind::Damaged(error.to_string())
    } else {
        StoreErrorKind::NotADraft
    }
}

/// Reads a draft from disk. Checks the size before reading so a huge file costs nothing.
pub fn load_draft(path: &Path) -> Result<Draft, StoreError> {
    load_draft_with_stamp(path).map(|(draft, _)| draft)
}

/// Reads a draft and stamps the bytes read, for [`check_unchanged`] before the next save.
pub fn load_draft_with_stamp(path: &Path) -> Result<(Draft, FileStamp), StoreError> {
    let (bytes, metadata) = read_capped_with_meta(path, MAX_DRAFT_BYTES)?;
    let draft = draft_from_bytes(&bytes).map_err(|kind| StoreError::new(path, kind))?;
    Ok((draft, FileStamp::of_bytes(&bytes, metadata.modified().ok())))
}

/// Reads a whole file, refusing directories, devices, pipes and files over `cap` before
/// reading them.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, StoreError> {
    read_capped_with_meta(path, cap).map(|(bytes, _)| bytes)
}

pub(crate) fn read_capped_with_meta(
    path: &Path,
    cap: u64,
) -> Result<(Vec<u8>, std::fs::Metadata), StoreError> {
    use std::io::Read;
    let metadata = std::fs::metadata(path).map_err(|error| StoreError::from_io(path, &error))?;
    if metadata.is_dir() {
        return Err(StoreError::new(path, StoreErrorKind::IsDirectory));
    }
    if !metadata.is_file() {
        // Opening a pipe would block until someone writes to it; a device may never end.
        return Err(StoreError::new(path, StoreErrorKind::NotRegularFile));
    }
    if metadata.len() > cap {
        return Err(StoreError::new(
            path,
            StoreErrorKind::TooLarge {
                bytes: metadata.len(),
                cap,
            },
        ));
    }
    let file = std::fs::File::open(path).map_err(|error| StoreError::from_io(path, &error))?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // Read at most one byte past the cap: a file that grew after the check is still refused.
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| StoreError::from_io(path, &error))?;
    if bytes.len() as u64 > cap {
        return Err(StoreError::new(
            path,
            StoreErrorKind::TooLarge {
                bytes: bytes.len() as u64,
                cap,
            },
        ));
    }
    Ok((bytes, metadata))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{CharRange, DEFAULT_HEADING, Finding, IdSource};

    fn sample() -> Draft {
        let mut draft = Draft::with_categories("标题“引号”", DEFAULT_HEADING, &["在理论学习方面"]);
        let mut ids = IdSource::after(&draft);
        draft.categories_mut().unwrap()[0].findings.push(Finding {
            id: ids.finding(),
            headline: "学习举措强度不够".into(),
            body: "第一行\n第二行 \"quoted\" \\ 反斜杠".into(),
        });
        draft
    }

    /// RON's own default is CR LF on Windows: this holds on every system the tests run on.
    #[test]
    fn drafts_are_written_with_lf_line_ends_on_every_system() {
        let text = draft_to_ron(&sample());
        assert!(!text.contains('\r'), "{text:?}");
        assert!(text.lines().count() > 10, "{text}");
        assert!(text.ends_with(")\n"), "{text:?}");
    }

    /// A draft edited in Notepad on Windows (CR LF, maybe a BOM) reads as the LF original.
    #[test]
    fn crlf_drafts_load_like_lf_drafts() {
        let draft = sample();
        let lf = draft_to_ron(&draft);
        let crlf = lf.replace('\n', "\r\n");
        assert_ne!(lf, crlf);
        assert_eq!(draft_from_ron(&crlf), Ok(draft.clone()));
        let notepad = format!("\u{feff}{crlf}");
        assert_eq!(draft_from_bytes(notepad.as_bytes()), Ok(draft.clone()));
        // Saved again, it is the LF file.
        let reloaded = draft_from_bytes(notepad.as_bytes()).unwrap();
        assert_eq!(draft_to_ron(&reloaded), lf);
    }

    #[test]
    fn text_round_trip_is_exact_and_readable() {
        let draft = sample();
        let text = draft_to_ron(&draft);
        assert!(
            text.starts_with("(\n    format: \"pouxi-draft\",\n    version: 2,"),
            "{text}"
        );
        assert!(
            text.contains("学习举措强度不够"),
            "Chinese stays readable: {text}"
        );
        assert_eq!(draft_from_ron(&text), Ok(draft));
    }

    #[test]
    fn newer_version_is_refused() {
        let text = draft_to_ron(&sample()).replace("version: 2", "version: 7");
        assert_eq!(draft_from_ron(&text), Err(StoreErrorKind::NewerVersion(7)));
    }

    #[test]
    fn foreign_files_are_not_drafts() {
        assert_eq!(draft_from_ron("hello"), Err(StoreErrorKind::NotADraft));
        assert_eq!(
            draft_from_ron("(format: \"other\", version: 1)"),
            Err(StoreErrorKind::NotADraft)
        );
        assert_eq!(draft_from_ron(""), Err(StoreErrorKind::NotADraft));
    }

    #[test]
    fn damaged_draft_is_reported_as_damaged() {
        let text = draft_to_ron(&sample());
        let cut = &text[..text.len() / 2];
        assert!(matches!(
            draft_from_ron(cut),
            Err(StoreErrorKind::Damaged(_))
        ));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = format!(
            "(format: \"pouxi-draft\", version: 1, title: {}1{})",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(draft_from_ron(&text).is_err());
    }

    fn with_aids() -> Draft {
        let mut draft = sample();
        draft.targets.total = Some(CharRange::new(2500, 3500));
        draft.categories_mut().unwrap()[0].target = Some(CharRange::new(400, 600));
        draft.source = Some(SourceFingerprint::from_text(
            "一是学习举措强度不够。在工作中经常满足于完成“规定动作”，存在着集中学习少的情况。",
        ));
        draft
    }

    #[test]
    fn targets_and_source_round_trip() {
        let draft = with_aids();
        let text = draft_to_ron(&draft);
        assert!(
            text.contains(
                "    targets: (\n        total: (\n            min: 2500,\n            max: 3500,"
            ),
            "{text}"
        );
        assert!(
            text.contains("                    target: (\n                        min: 400,"),
            "{text}"
        );
        assert!(
            text.contains("    source: (\n        gram: 6,\n        hashes: \""),
            "{text}"
        );
        assert!(!text.contains("Some("), "{text}");
        assert_eq!(draft_from_ron(&text), Ok(draft));
    }

    #[test]
    fn unset_targets_and_source_are_not_written() {
        let text = draft_to_ron(&sample());
        for field in ["targets", "target", "source"] {
            assert!(!text.contains(&format!("{field}:")), "{field} in {text}");
        }
    }

    #[test]
    fn explicit_some_is_read_too() {
        let text = draft_to_ron(&sample()).replacen(
            "version: 2,",
            "version: 2,\n    targets: (total: Some((min: 100, max: 200))),",
            1,
        );
        let draft = draft_from_ron(&text).unwrap();
        assert_eq!(draft.targets.total, Some(CharRange::new(100, 200)));
    }

    #[test]
    fn a_damaged_fingerprint_costs_only_the_fingerprint() {
        let draft = with_aids();
        let text = draft_to_ron(&draft);
        let start = text.find("hashes: \"").unwrap() + "hashes: \"".len();
        let damaged = format!("{}!!{}", &text[..start], &text[start..]);
        let loaded = draft_from_ron(&damaged).unwrap();
        assert_eq!(loaded.source, None);
        assert_eq!(loaded.targets, draft.targets);
        assert_eq!(loaded.categories(), draft.categories());
    }

    #[test]
    fn a_fingerprint_of_any_shape_costs_only_the_fingerprint() {
        let draft = with_aids();
        let text = draft_to_ron(&draft);
        let start = text.find("    source: (").unwrap();
        for source in [
            "source: (gram: 4294967295, hashes: \"\")",
            "source: (gram: 256, hashes: \"\")",
            "source: (gram: -1, hashes: \"\")",
            "source: (gram: \"六\", hashes: 7)",
            "source: (hashes: \"\")",
            "source: [1, 2, 3]",
            "source: 5",
        ] {
            let damaged = format!("{}    {source},\n)\n", &text[..start]);
            let loaded = draft_from_ron(&damaged).unwrap_or_else(|e| panic!("{source}: {e:?}"));
            assert_eq!(loaded.source, None, "{source}");
            assert_eq!(loaded.categories(), draft.categories(), "{source}");
            assert_eq!(loaded.targets, draft.targets, "{source}");
        }
    }

    #[test]
    fn files_without_the_new_fields_still_load() {
        let text = include_str!("../../tests/fixtures/seed_draft.ron");
        let draft = draft_from_ron(text).unwrap();
        assert_eq!(draft.targets, Targets::default());
        assert!(draft.categories().iter().all(|c| c.target.is_none()));
        assert_eq!(draft.source, None);
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let text =
            draft_to_ron(&sample()).replacen("version: 2,", "version: 2,\n    note: \"x\",", 1);
        assert_eq!(draft_from_ron(&text), Ok(sample()));
    }
}
