//! The journal beside a recovery copy: what changed since the full copy was written, so that
//! keeping the promise (a kill loses at most the last half second) does not mean rewriting a
//! 20 MB copy twice a second.
//!
//! `<key>.journal` holds one JSON line per autosave: the full copy's `journal_base`, and the
//! new text of each field that changed. Replaying the lines whose base matches, in order,
//! over the full copy gives the newest snapshot. A line torn by a kill does not parse and ends
//! the replay; a journal left from an older full copy has another base and is ignored.

use crate::draft::{
    Category, CategoryId, Draft, FindingId, SectionId, TextField, strip_section_number,
};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::Path;

/// One text field of a draft, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum FieldRef {
    Title,
    /// Written by journals of format-1 drafts: the problems section's heading, its number
    /// typed. Replayed onto the problems section, the number stripped.
    Heading,
    Opening,
    Closing,
    CategoryTitle(CategoryId),
    CategoryLead(CategoryId),
    Headline(FindingId),
    Body(FindingId),
    Byline,
    DateLine,
    SectionHeading(SectionId),
    SectionText(SectionId),
}

impl FieldRef {
    fn from_field(field: TextField) -> FieldRef {
        match field {
            TextField::Title => FieldRef::Title,
            TextField::Byline => FieldRef::Byline,
            TextField::DateLine => FieldRef::DateLine,
            TextField::Opening => FieldRef::Opening,
            TextField::Closing => FieldRef::Closing,
            TextField::SectionHeading(id) => FieldRef::SectionHeading(id),
            TextField::SectionText(id) => FieldRef::SectionText(id),
            TextField::CategoryTitle(id) => FieldRef::CategoryTitle(id),
            TextField::CategoryLead(id) => FieldRef::CategoryLead(id),
            TextField::Headline(id) => FieldRef::Headline(id),
            TextField::Body(id) => FieldRef::Body(id),
        }
    }

    /// The field in `draft` (the format-1 heading is the problems section's heading).
    fn to_field(self, draft: &Draft) -> Option<TextField> {
        Some(match self {
            FieldRef::Title => TextField::Title,
            FieldRef::Heading => TextField::SectionHeading(draft.problems_section()?.id),
            FieldRef::Opening => TextField::Opening,
            FieldRef::Closing => TextField::Closing,
            FieldRef::CategoryTitle(id) => TextField::CategoryTitle(id),
            FieldRef::CategoryLead(id) => TextField::CategoryLead(id),
            FieldRef::Headline(id) => TextField::Headline(id),
            FieldRef::Body(id) => TextField::Body(id),
            FieldRef::Byline => TextField::Byline,
            FieldRef::DateLine => TextField::DateLine,
            FieldRef::SectionHeading(id) => TextField::SectionHeading(id),
            FieldRef::SectionText(id) => TextField::SectionText(id),
        })
    }
}

#[derive(Serialize, Deserialize)]
struct Record {
    base: u64,
    /// Unix seconds when written.
    #[serde(default)]
    at: u64,
    edits: Vec<(FieldRef, String)>,
}

/// Same sections, categories and findings with the same ids, kinds and targets.
fn same_shape(old: &Draft, new: &Draft) -> bool {
    let same_categories = |a: &[Category], b: &[Category]| {
        a.len() == b.len()
            && a.iter().zip(b).all(|(a, b)| {
                a.id == b.id
                    && a.target == b.target
                    && a.findings.len() == b.findings.len()
                    && a.findings
                        .iter()
                        .zip(&b.findings)
                        .all(|(f, g)| f.id == g.id)
            })
    };
    old.sections.len() == new.sections.len()
        && old.targets == new.targets
        && old.source == new.source
        && old.ledger == new.ledger
        && old.answers == new.answers
        && old.sections.iter().zip(&new.sections).all(|(s, t)| {
            s.id == t.id
                && s.kind == t.kind
                && s.paragraphs().is_some() == t.paragraphs().is_some()
                && same_categories(s.categories(), t.categories())
        })
}

/// The text fields that differ between `old` and `new`, or `None` when anything besides text
/// changed (a finding moved, added or removed, a section, a target or the fingerprint): then
/// only a full copy will do.
pub(super) fn diff(old: &Draft, new: &Draft) -> Option<Vec<(FieldRef, String)>> {
    if !same_shape(old, new) {
        return None;
    }
    let edits: Vec<(FieldRef, String)> = old
        .text_fields()
        .into_iter()
        .zip(new.text_fields())
        .filter(|((_, a), (_, b))| a != b)
        .map(|(_, (field, b))| (FieldRef::from_field(field), b.to_owned()))
        .collect();
    // Whatever the fields above miss (a field added to the draft later) must not be lost:
    // the edits must rebuild `new` exactly, or a full copy is written.
    let mut rebuilt = old.clone();
    for (at, text) in &edits {
        apply(&mut rebuilt, *at, text.clone());
    }
    (rebuilt == *new).then_some(edits)
}

fn apply(draft: &mut Draft, at: FieldRef, text: String) {
    let text = match at {
        FieldRef::Heading => strip_section_number(&text).to_owned(),
        _ => text,
    };
    if let Some(slot) = at.to_field(draft).and_then(|field| draft.text_mut(field)) {
        *slot = text;
    }
}

/// Appends one record and flushes it to disk. Returns the bytes appended. A link standing at
/// `path` is removed first, never written through.
pub(super) fn append(
    path: &Path,
    base: u64,
    at: u64,
    edits: Vec<(FieldRef, String)>,
) -> std::io::Result<u64> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
        std::fs::remove_file(path)?;
    }
    let mut line =
        serde_json::to_vec(&Record { base, at, edits }).map_err(std::io::Error::other)?;
    line.push(b'\n');
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(&line)?;
    file.sync_data()?;
    Ok(line.len() as u64)
}

/// Replays the records of `path` made for `base` over `draft`; returns when the last one
/// replayed was written (0 for none). A missing journal, a torn or foreign line, or a record
/// for another base ends the replay; nothing here fails.
pub(super) fn replay(path: &Path, base: u64, cap: u64, draft: &mut Draft) -> u64 {
    let mut written_at = 0;
    if base == 0 || std::fs::symlink_metadata(path).map_or(true, |m| !m.is_file() || m.len() > cap)
    {
        return written_at;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return written_at;
    };
    for line in std::io::BufReader::new(file).split(b'\n') {
        let Ok(line) = line else { break };
        let Ok(record) = serde_json::from_slice::<Record>(&line) else {
            break;
        };
        if record.base != base {
            break;
        }
        for (field, text) in record.edits {
            apply(draft, field, text);
        }
        written_at = record.at;
    }
    written_at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{DEFAULT_HEADING, Finding};

    fn draft() -> Draft {
        let mut draft = Draft::with_categories("标题", DEFAULT_HEADING, &["甲", "乙"]);
        draft.categories_mut().unwrap()[1].findings.push(Finding {
            id: FindingId(9),
            headline: "问题".into(),
            body: "正文".into(),
        });
        draft
    }

    #[test]
    fn text_edits_replay_and_shape_changes_do_not_diff() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.journal");
        let base = draft();
        let mut newer = base.clone();
        newer.title = "新标题".into();
        newer.categories_mut().unwrap()[1].findings[0].body = "正文\n\"加了\"一句".into();
        let edits = diff(&base, &newer).unwrap();
        assert_eq!(edits.len(), 2);
        append(&path, 7, 100, edits).unwrap();
        let mut newest = newer.clone();
        newest.categories_mut().unwrap()[0].lead = "引言".into();
        append(&path, 7, 101, diff(&newer, &newest).unwrap()).unwrap();
        // A torn last line and a line of another base are ignored.
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        file.write_all(b"{\"base\":7,\"edits\":[[\"Title\",\"cut")
            .unwrap();
        let mut replayed = base.clone();
        assert_eq!(replay(&path, 7, u64::MAX, &mut replayed), 101);
        assert_eq!(replayed, newest);
        let mut other = base.clone();
        replay(&path, 8, u64::MAX, &mut other);
        assert_eq!(other, base);

        let mut moved = newest.clone();
        moved.categories_mut().unwrap().swap(0, 1);
        assert_eq!(diff(&newest, &moved), None);
        let mut added = newest.clone();
        added.categories_mut().unwrap()[0].findings.push(Finding {
            id: FindingId(10),
            headline: String::new(),
            body: String::new(),
        });
        assert_eq!(diff(&newest, &added), None);
    }

    #[test]
    fn the_whole_speech_journals_and_a_format_1_heading_line_still_replays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.journal");
        let base = crate::draft::Template::default_template().to_draft();
        let mut newer = base.clone();
        newer.byline.author = "张三".into();
        let paragraphs = newer.sections[0].id;
        if let Some(text) = newer.text_mut(TextField::SectionText(paragraphs)) {
            *text = "已整改到位。".into();
        }
        let last = newer.sections.len() - 1;
        newer.sections[last].heading = "下一步整改措施".into();
        let edits = diff(&base, &newer).unwrap();
        assert_eq!(edits.len(), 3, "{edits:?}");
        append(&path, 3, 100, edits).unwrap();
        // A line written by a Pouxi of format 1: the heading with its typed number.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all("{\"base\":3,\"edits\":[[\"Heading\",\"二、查摆的问题\"]]}\n".as_bytes())
            .unwrap();
        let mut replayed = base.clone();
        // The format-1 line carries no time; the last replayed line's time is returned.
        assert_eq!(replay(&path, 3, u64::MAX, &mut replayed), 0);
        let problems = newer.problems_section().map(|s| s.id).unwrap();
        if let Some(heading) = newer.text_mut(TextField::SectionHeading(problems)) {
            *heading = "查摆的问题".into();
        }
        assert_eq!(replayed, newer);
        // A section added or switched to paragraphs is a change of shape.
        let mut fewer = newer.clone();
        fewer.sections.pop();
        assert_eq!(diff(&newer, &fewer), None);
    }
}
