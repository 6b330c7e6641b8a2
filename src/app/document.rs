//! The open draft with its file, its undo history and whether it is saved. The only place
//! commands are applied.

use super::history::{History, StateId};
use crate::draft::{Command, CommandError, Draft, IdSource, TextField};
use crate::store::FileStamp;
use crate::store::recovery::RecoveryKey;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Revisions are unique across documents, so a cache keyed by one never mistakes a newly
/// opened draft for the one it saw before.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn fresh_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// How many recent changes are kept for caches to catch up field by field.
const CHANGE_LOG: usize = 64;

/// What one change did, as far as caches that follow the draft field by field care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// Only this field's text changed.
    Text(TextField),
    /// Anything else: findings or categories added, removed or moved, undo, redo, replace.
    Other,
}

#[derive(Debug)]
pub struct Document {
    draft: Draft,
    path: Option<PathBuf>,
    history: History,
    saved_state: Option<StateId>,
    ids: IdSource,
    /// New on every change; lets caches and the autosaver tell versions apart.
    revision: u64,
    /// What the file held when it was opened or last saved, to notice changes made by others.
    stamp: Option<FileStamp>,
    /// Names this draft's recovery file.
    recovery_key: RecoveryKey,
    /// Recent changes as (revision before, change), oldest first.
    changes: VecDeque<(u64, Change)>,
}

impl Document {
    /// A new draft from a template: nothing to lose until it is edited.
    pub fn from_template(draft: Draft) -> Document {
        Document::build(draft, None, true, RecoveryKey::new_session())
    }

    /// A draft just read from `path`.
    pub fn opened(draft: Draft, path: PathBuf, stamp: FileStamp) -> Document {
        let key = RecoveryKey::for_path(&path);
        let mut doc = Document::build(draft, Some(path), true, key);
        doc.stamp = Some(stamp);
        doc
    }

    /// A draft brought back from its recovery file: unsaved work, still tied to its file (if
    /// it had one) and to the same recovery file.
    pub fn recovered(draft: Draft, path: Option<PathBuf>, key: RecoveryKey) -> Document {
        let stamp = path.as_deref().and_then(|p| FileStamp::read(p).ok());
        let mut doc = Document::build(draft, path, false, key);
        doc.stamp = stamp;
        doc
    }

    fn build(draft: Draft, path: Option<PathBuf>, clean: bool, key: RecoveryKey) -> Document {
        let history = History::default();
        let saved_state = clean.then(|| history.current_state());
        Document {
            ids: IdSource::after(&draft),
            draft,
            path,
            history,
            saved_state,
            revision: fresh_revision(),
            changes: VecDeque::new(),
            stamp: None,
            recovery_key: key,
        }
    }

    pub fn stamp(&self) -> Option<&FileStamp> {
        self.stamp.as_ref()
    }

    pub fn recovery_key(&self) -> &RecoveryKey {
        &self.recovery_key
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn ids(&mut self) -> &mut IdSource {
        &mut self.ids
    }

    /// The draft to work a change out from, with fresh ids for what the change adds.
    pub fn draft_and_ids(&mut self) -> (&Draft, &mut IdSource) {
        (&self.draft, &mut self.ids)
    }

    /// Unsaved when it has never been written, or differs from what was written.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.history.current_state())
    }

    /// The name shown in the title bar and the status bar.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
            None => "未命名稿件".to_owned(),
        }
    }

    pub fn apply(&mut self, command: Command, now: f64) -> Result<(), CommandError> {
        let change = match &command {
            Command::SetText { field, .. } => Change::Text(*field),
            _ => Change::Other,
        };
        self.history.apply(&mut self.draft, command, now)?;
        self.ids.catch_up(&self.draft);
        self.changed(change);
        Ok(())
    }

    fn changed(&mut self, change: Change) {
        if self.changes.len() == CHANGE_LOG {
            self.changes.pop_front();
        }
        self.changes.push_back((self.revision, change));
        self.revision = fresh_revision();
    }

    /// The fields whose text changed since `revision` of this document, when nothing but text
    /// changed since; `None` when something else changed or `revision` is too old (or from
    /// another document), and a cache must look at the whole draft.
    pub fn changed_fields_since(&self, revision: u64) -> Option<Vec<TextField>> {
        let mut fields = Vec::new();
        if revision == self.revision {
            return Some(fields);
        }
        for (before, change) in self.changes.iter().rev() {
            match change {
                Change::Text(field) => fields.push(*field),
                Change::Other => return None,
            }
            if *before == revision {
                return Some(fields);
            }
        }
        None
    }

    /// Ends a typing burst (focus left the field), so the next edit is a separate undo step.
    pub fn seal_typing(&mut self) {
        self.history.seal();
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// What 撤销 would undo, in Chinese (`移动问题`).
    pub fn undo_name(&self) -> Option<&str> {
        self.history.undo_name()
    }

    pub fn redo_name(&self) -> Option<&str> {
        self.history.redo_name()
    }

    /// Names the last step after what the writer did (`导入素材`, `全部替换`).
    pub fn name_last_step(&mut self, name: &str) {
        self.history.name_last_step(name);
    }

    pub fn undo(&mut self) -> Result<bool, CommandError> {
        let undone = self.history.undo(&mut self.draft)?;
        if undone {
            self.changed(Change::Other);
        }
        Ok(undone)
    }

    pub fn redo(&mut self) -> Result<bool, CommandError> {
        let redone = self.history.redo(&mut self.draft)?;
        if redone {
            self.ids.catch_up(&self.draft);
            self.changed(Change::Other);
        }
        Ok(redone)
    }

    /// Records that the current state is what `path` now holds. Returns the recovery key the
    /// draft had before, which the caller discards.
    pub fn mark_saved(&mut self, path: PathBuf, stamp: FileStamp) -> RecoveryKey {
        let state = self.state();
        self.mark_saved_as(path, state, stamp)
    }

    /// Records that `path` now holds the draft as it was in `state` (a save that ran while
    /// the writer went on editing leaves the document unsaved). Returns the recovery key the
    /// draft had before, which the caller discards.
    pub fn mark_saved_as(
        &mut self,
        path: PathBuf,
        state: StateId,
        stamp: FileStamp,
    ) -> RecoveryKey {
        let previous = std::mem::replace(&mut self.recovery_key, RecoveryKey::for_path(&path));
        self.path = Some(path);
        self.stamp = Some(stamp);
        self.saved_state = Some(state);
        previous
    }

    /// The state of the draft in the history, for [`Document::mark_saved_as`].
    pub fn state(&self) -> StateId {
        self.history.current_state()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Template, TextField};

    #[test]
    fn dirty_follows_saves_and_undo() {
        let stamp = FileStamp {
            len: 0,
            modified: None,
            hash: 0,
        };
        let mut doc = Document::opened(
            Template::default_template().to_draft(),
            "a.ron".into(),
            stamp,
        );
        assert!(!doc.is_dirty());
        doc.apply(
            Command::SetText {
                field: TextField::Title,
                text: "新标题".into(),
            },
            0.0,
        )
        .unwrap();
        assert!(doc.is_dirty());
        doc.undo().unwrap();
        assert!(!doc.is_dirty());
        doc.redo().unwrap();
        doc.mark_saved("b.ron".into(), stamp);
        assert!(!doc.is_dirty());
        assert_eq!(doc.display_name(), "b.ron");
    }

    #[test]
    fn changed_fields_follow_typing_until_something_else_changes() {
        let mut doc = Document::from_template(Template::default_template().to_draft());
        let start = doc.revision();
        assert_eq!(doc.changed_fields_since(start), Some(Vec::new()));
        let set = |text: &str| Command::SetText {
            field: TextField::Title,
            text: text.into(),
        };
        doc.apply(set("一"), 0.0).unwrap();
        doc.apply(set("一二"), 0.1).unwrap();
        assert_eq!(
            doc.changed_fields_since(start),
            Some(vec![TextField::Title, TextField::Title])
        );
        let typed = doc.revision();
        doc.undo().unwrap();
        assert_eq!(doc.changed_fields_since(typed), None);
        assert_eq!(doc.changed_fields_since(start), None);
        // Another document never answers for this one's revisions.
        let other = Document::from_template(Template::default_template().to_draft());
        assert_ne!(other.revision(), start);
        assert_eq!(other.changed_fields_since(start), None);
    }

    #[test]
    fn a_fresh_template_draft_is_not_dirty_until_edited() {
        let mut doc = Document::from_template(Template::default_template().to_draft());
        assert!(!doc.is_dirty());
        let problems = doc.draft().problems_section().map(|s| s.id).unwrap();
        doc.apply(
            Command::SetText {
                field: TextField::SectionHeading(problems),
                text: "二、存在的问题".into(),
            },
            0.0,
        )
        .unwrap();
        assert!(doc.is_dirty());
        assert_eq!(doc.display_name(), "未命名稿件");
    }
}
