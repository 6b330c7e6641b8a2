//! The journal beside a recovery copy: what changed since the full copy was written, so that
//! keeping the promise (a kill loses at most the last half second) does not mean rewriting a
//! 20 MB copy twice a second.
//!
//! `<key>.journal` holds one JSON line per autosave: the full copy's `journal_base`, and the
//! new text of each field that changed. Replaying the lines whose base matches, in order,
//! over the full copy gives the newest snapshot. A line torn by a kill does not parse and ends
//! the replay; a journal left from an older full copy has another base and is ignored.

use crate::draft::{CategoryId, Draft, FindingId};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::Path;

/// One text field of a draft, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum FieldRef {
    Title,
    Heading,
    Opening,
    Closing,
    CategoryTitle(CategoryId),
    CategoryLead(CategoryId),
    Headline(FindingId),
    Body(FindingId),
}

#[derive(Serialize, Deserialize)]
struct Record {
    base: u64,
    /// Unix seconds when written.
    #[serde(default)]
    at: u64,
    edits: Vec<(FieldRef, String)>,
}

/// The text fields that differ between `old` and `new`, or `None` when anything besides text
/// changed (a finding moved, added or removed, a target or the fingerprint): then only a full
/// copy will do.
pub(super) fn diff(old: &Draft, new: &Draft) -> Option<Vec<(FieldRef, String)>> {
    let same_shape = old.categories.len() == new.categories.len()
        && old.targets == new.targets
        && old.source == new.source
        && old.categories.iter().zip(&new.categories).all(|(a, b)| {
            a.id == b.id
                && a.target == b.target
                && a.findings.len() == b.findings.len()
                && a.findings
                    .iter()
                    .zip(&b.findings)
                    .all(|(f, g)| f.id == g.id)
        });
    if !same_shape {
        return None;
    }
    let mut edits = Vec::new();
    let mut field = |at: FieldRef, a: &String, b: &String| {
        if a != b {
            edits.push((at, b.clone()));
        }
    };
    field(FieldRef::Title, &old.title, &new.title);
    field(FieldRef::Heading, &old.heading, &new.heading);
    field(FieldRef::Opening, &old.opening, &new.opening);
    field(FieldRef::Closing, &old.closing, &new.closing);
    for (a, b) in old.categories.iter().zip(&new.categories) {
        field(FieldRef::CategoryTitle(b.id), &a.title, &b.title);
        field(FieldRef::CategoryLead(b.id), &a.lead, &b.lead);
        for (f, g) in a.findings.iter().zip(&b.findings) {
            field(FieldRef::Headline(g.id), &f.headline, &g.headline);
            field(FieldRef::Body(g.id), &f.body, &g.body);
        }
    }
    // Whatever the fields above miss (a field added to the draft later) must not be lost:
    // the edits must rebuild `new` exactly, or a full copy is written.
    let mut rebuilt = old.clone();
    for (at, text) in &edits {
        apply(&mut rebuilt, *at, text.clone());
    }
    (rebuilt == *new).then_some(edits)
}

fn apply(draft: &mut Draft, at: FieldRef, text: String) {
    let slot = match at {
        FieldRef::Title => Some(&mut draft.title),
        FieldRef::Heading => Some(&mut draft.heading),
        FieldRef::Opening => Some(&mut draft.opening),
        FieldRef::Closing => Some(&mut draft.closing),
        FieldRef::CategoryTitle(id) => draft
            .categories
            .iter_mut()
            .find(|c| c.id == id)
            .map(|c| &mut c.title),
        FieldRef::CategoryLead(id) => draft
            .categories
            .iter_mut()
            .find(|c| c.id == id)
            .map(|c| &mut c.lead),
        FieldRef::Headline(id) | FieldRef::Body(id) => draft
            .categories
            .iter_mut()
            .flat_map(|c| c.findings.iter_mut())
            .find(|f| f.id == id)
            .map(|f| match at {
                FieldRef::Headline(_) => &mut f.headline,
                _ => &mut f.body,
            }),
    };
    if let Some(slot) = slot {
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
        draft.categories[1].findings.push(Finding {
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
        newer.categories[1].findings[0].body = "正文\n\"加了\"一句".into();
        let edits = diff(&base, &newer).unwrap();
        assert_eq!(edits.len(), 2);
        append(&path, 7, 100, edits).unwrap();
        let mut newest = newer.clone();
        newest.categories[0].lead = "引言".into();
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
        moved.categories.swap(0, 1);
        assert_eq!(diff(&newest, &moved), None);
        let mut added = newest.clone();
        added.categories[0].findings.push(Finding {
            id: FindingId(10),
            headline: String::new(),
            body: String::new(),
        });
        assert_eq!(diff(&newest, &added), None);
    }
}
