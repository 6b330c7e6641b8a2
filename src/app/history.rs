//! Undo and redo as stacks of inverse commands. A burst of typing in one field is one step.

use crate::draft::{Command, CommandError, Draft, FindingId, TextField};

/// Typing into the same field within this many seconds of the last keystroke joins one step.
const COALESCE_SECONDS: f64 = 1.5;

/// Identifies a state of the draft in the history, so "saved" survives undo and redo.
pub type StateId = u64;

#[derive(Debug)]
struct Entry {
    /// Applying this returns the draft to `before`.
    command: Command,
    before: StateId,
    after: StateId,
    /// What a typing burst is editing, for coalescing.
    typing_in: Option<Burst>,
    /// What 撤销 / 重做 call the step.
    name: String,
    last_change: f64,
}

/// What a burst of typing edits: a text field of the draft, or a row of the 整改清单 (its
/// cells are typed one at a time; leaving a cell seals the burst).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Burst {
    Field(TextField),
    Ledger(FindingId),
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    current: StateId,
    last_issued: StateId,
}

impl History {
    pub fn current_state(&self) -> StateId {
        self.current
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The name of the step 撤销 would undo (`移动问题`).
    pub fn undo_name(&self) -> Option<&str> {
        self.undo.last().map(|e| e.name.as_str())
    }

    pub fn redo_name(&self) -> Option<&str> {
        self.redo.last().map(|e| e.name.as_str())
    }

    /// Gives the last step a name of the writer's intent (`导入素材`, `全部替换`) where the
    /// command alone would say less.
    pub fn name_last_step(&mut self, name: &str) {
        if let Some(top) = self.undo.last_mut() {
            top.name = name.to_owned();
        }
    }

    fn fresh_state(&mut self) -> StateId {
        self.last_issued += 1;
        self.last_issued
    }

    /// Applies `command` to `draft` and records it. `now` is in seconds on any steady clock.
    pub fn apply(
        &mut self,
        draft: &mut Draft,
        command: Command,
        now: f64,
    ) -> Result<(), CommandError> {
        let typing_in = match &command {
            Command::SetText { field, .. } => Some(Burst::Field(*field)),
            Command::SetLedgerEntry { problem, .. } => Some(Burst::Ledger(*problem)),
            _ => None,
        };
        // Setting a text to what it already is changes nothing and records nothing.
        if let Command::SetText { field, text } = &command
            && draft.text(*field) == Some(text.as_str())
        {
            return Ok(());
        }
        if let Command::SetLedgerEntry { problem, entry } = &command
            && draft.ledger.entry(*problem) == entry.as_ref().filter(|e| !e.is_empty())
        {
            return Ok(());
        }
        let name = command.name_zh();
        let inverse = draft.apply(command)?;
        self.redo.clear();
        let after = self.fresh_state();
        if let Some(top) = self.undo.last_mut()
            && typing_in.is_some()
            && top.typing_in == typing_in
            && top.after == self.current
            && now - top.last_change <= COALESCE_SECONDS
        {
            // Keep the oldest inverse: undo returns to before the burst began.
            top.after = after;
            top.last_change = now;
            self.current = after;
            return Ok(());
        }
        self.undo.push(Entry {
            command: inverse,
            before: self.current,
            after,
            typing_in,
            name: name.to_owned(),
            last_change: now,
        });
        self.current = after;
        Ok(())
    }

    /// Ends the current typing burst so the next keystroke starts a new step.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.typing_in = None;
        }
    }

    pub fn undo(&mut self, draft: &mut Draft) -> Result<bool, CommandError> {
        let Some(entry) = self.undo.pop() else {
            return Ok(false);
        };
        let redo = draft.apply(entry.command)?;
        self.current = entry.before;
        self.redo.push(Entry {
            command: redo,
            before: entry.before,
            after: entry.after,
            typing_in: None,
            name: entry.name,
            last_change: entry.last_change,
        });
        Ok(true)
    }

    pub fn redo(&mut self, draft: &mut Draft) -> Result<bool, CommandError> {
        let Some(entry) = self.redo.pop() else {
            return Ok(false);
        };
        let undo = draft.apply(entry.command)?;
        self.current = entry.after;
        self.undo.push(Entry {
            command: undo,
            before: entry.before,
            after: entry.after,
            typing_in: None,
            name: entry.name,
            last_change: entry.last_change,
        });
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::DEFAULT_HEADING;

    fn set_title(text: &str) -> Command {
        Command::SetText {
            field: TextField::Title,
            text: text.into(),
        }
    }

    #[test]
    fn a_burst_of_typing_is_one_step() {
        let mut draft = Draft::with_categories("", DEFAULT_HEADING, &["甲"]);
        let mut history = History::default();
        history.apply(&mut draft, set_title("剖"), 0.0).unwrap();
        history.apply(&mut draft, set_title("剖析"), 0.5).unwrap();
        history.apply(&mut draft, set_title("剖析材"), 1.0).unwrap();
        // A pause starts a new step.
        history
            .apply(&mut draft, set_title("剖析材料"), 5.0)
            .unwrap();
        assert!(history.undo(&mut draft).unwrap());
        assert_eq!(draft.title, "剖析材");
        assert!(history.undo(&mut draft).unwrap());
        assert_eq!(draft.title, "");
        assert!(!history.undo(&mut draft).unwrap());
        assert!(history.redo(&mut draft).unwrap());
        assert!(history.redo(&mut draft).unwrap());
        assert_eq!(draft.title, "剖析材料");
    }

    #[test]
    fn typing_into_a_ledger_cell_is_one_step_and_the_next_cell_another() {
        use crate::draft::{Finding, LedgerEntry};
        let mut draft = Draft::with_categories("", DEFAULT_HEADING, &["甲"]);
        let category = draft.categories()[0].id;
        draft
            .apply(Command::InsertFinding {
                category,
                index: 0,
                finding: Finding {
                    id: FindingId(99),
                    headline: "学习不够".into(),
                    body: String::new(),
                },
            })
            .unwrap();
        let mut history = History::default();
        let set = |owner: &str, deadline: &str| Command::SetLedgerEntry {
            problem: FindingId(99),
            entry: Some(LedgerEntry {
                owner: owner.into(),
                deadline: deadline.into(),
                ..LedgerEntry::default()
            }),
        };
        history.apply(&mut draft, set("张", ""), 0.0).unwrap();
        history.apply(&mut draft, set("张三", ""), 0.5).unwrap();
        // Setting it to what it is records nothing.
        history.apply(&mut draft, set("张三", ""), 0.6).unwrap();
        history.seal();
        history.apply(&mut draft, set("张三", "6"), 1.0).unwrap();
        history.apply(&mut draft, set("张三", "6月"), 1.2).unwrap();
        assert!(history.undo(&mut draft).unwrap());
        assert_eq!(
            draft.ledger.entry(FindingId(99)).map(|e| e.owner.as_str()),
            Some("张三")
        );
        assert_eq!(
            draft
                .ledger
                .entry(FindingId(99))
                .map(|e| e.deadline.as_str()),
            Some("")
        );
        assert!(history.undo(&mut draft).unwrap());
        assert_eq!(draft.ledger.entry(FindingId(99)), None);
        assert!(!history.undo(&mut draft).unwrap());
    }

    #[test]
    fn state_ids_follow_undo_and_redo() {
        let mut draft = Draft::default();
        let mut history = History::default();
        let saved = history.current_state();
        history.apply(&mut draft, set_title("a"), 0.0).unwrap();
        assert_ne!(history.current_state(), saved);
        history.undo(&mut draft).unwrap();
        assert_eq!(history.current_state(), saved);
    }

    #[test]
    fn steps_are_named_for_undo_and_redo() {
        let mut draft = Draft::with_categories("", DEFAULT_HEADING, &["甲", "乙"]);
        let mut history = History::default();
        assert_eq!(history.undo_name(), None);
        history.apply(&mut draft, set_title("剖析"), 0.0).unwrap();
        assert_eq!(history.undo_name(), Some("修改标题"));
        let second = draft.categories()[1].id;
        history
            .apply(
                &mut draft,
                Command::MoveCategory {
                    id: second,
                    index: 0,
                },
                1.0,
            )
            .unwrap();
        assert_eq!(history.undo_name(), Some("移动类别"));
        history.name_last_step("调整顺序");
        history.undo(&mut draft).unwrap();
        assert_eq!(history.redo_name(), Some("调整顺序"));
        assert_eq!(history.undo_name(), Some("修改标题"));
    }

    #[test]
    fn no_op_text_is_not_recorded() {
        let mut draft = Draft::default();
        let mut history = History::default();
        history.apply(&mut draft, set_title(""), 0.0).unwrap();
        assert!(!history.can_undo());
    }
}
