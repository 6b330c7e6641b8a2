//! Every change to a draft is a [`Command`]; applying one returns its inverse, which is how undo
//! works. A command that does not fit the draft is refused and changes nothing.

use super::{
    Category, CategoryId, CharRange, Draft, Finding, FindingId, SourceFingerprint, Targets,
};
use std::fmt;

/// A piece of text in the draft that can be edited as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    Title,
    Heading,
    Opening,
    Closing,
    CategoryTitle(CategoryId),
    /// The text between a category's title and its first finding.
    CategoryLead(CategoryId),
    Headline(FindingId),
    Body(FindingId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    SetText {
        field: TextField,
        text: String,
    },
    /// Inserts `finding` at `index` of the category.
    InsertFinding {
        category: CategoryId,
        index: usize,
        finding: Finding,
    },
    RemoveFinding {
        id: FindingId,
    },
    /// Moves a finding so that it ends up at `index` of `category` (counted after removal).
    MoveFinding {
        id: FindingId,
        category: CategoryId,
        index: usize,
    },
    InsertCategory {
        index: usize,
        category: Category,
    },
    RemoveCategory {
        id: CategoryId,
    },
    MoveCategory {
        id: CategoryId,
        index: usize,
    },
    /// Sets the whole draft's length targets.
    SetTargets {
        targets: Targets,
    },
    /// Sets (or with None clears) one category's length target.
    SetCategoryTarget {
        id: CategoryId,
        target: Option<CharRange>,
    },
    /// Sets (or with None forgets) the fingerprint of the imported material.
    SetSource {
        source: Option<SourceFingerprint>,
    },
    /// Swaps in a whole new draft (restore the template, replace by an import).
    ReplaceDraft(Box<Draft>),
    /// Several commands as one step; all or nothing.
    Batch(Vec<Command>),
}

impl Command {
    /// What the step is called in 撤销 / 重做 (`移动问题`), in Chinese.
    pub fn name_zh(&self) -> &'static str {
        match self {
            Command::SetText { field, .. } => match field {
                TextField::Title => "修改标题",
                TextField::Heading => "修改小标题",
                TextField::CategoryTitle(_) => "修改类别标题",
                TextField::CategoryLead(_) => "修改类别导语",
                TextField::Headline(_) => "修改问题标题",
                TextField::Body(_) => "修改问题内容",
                TextField::Opening | TextField::Closing => "修改文字",
            },
            Command::InsertFinding { .. } => "新增问题",
            Command::RemoveFinding { .. } => "删除问题",
            Command::MoveFinding { .. } => "移动问题",
            Command::InsertCategory { .. } => "新增类别",
            Command::RemoveCategory { .. } => "删除类别",
            Command::MoveCategory { .. } => "移动类别",
            Command::SetTargets { .. } | Command::SetCategoryTarget { .. } => "设置字数目标",
            Command::SetSource { .. } => "更换素材",
            Command::ReplaceDraft(_) => "替换稿件",
            Command::Batch(commands) => match commands.as_slice() {
                [only] => only.name_zh(),
                [first, ..] if first.name_zh() == "设置字数目标" => "设置字数目标",
                _ => "批量修改",
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandError {
    NoSuchFinding(FindingId),
    NoSuchCategory(CategoryId),
    IndexOutOfRange { index: usize, len: usize },
    DuplicateId(u64),
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::NoSuchFinding(id) => write!(f, "no finding with id {}", id.0),
            CommandError::NoSuchCategory(id) => write!(f, "no category with id {}", id.0),
            CommandError::IndexOutOfRange { index, len } => {
                write!(f, "position {index} is outside 0..={len}")
            }
            CommandError::DuplicateId(id) => write!(f, "id {id} is already in use"),
        }
    }
}

impl std::error::Error for CommandError {}

pub(super) fn apply(draft: &mut Draft, command: Command) -> Result<Command, CommandError> {
    match command {
        Command::SetText { field, text } => {
            let slot = text_slot(draft, field)?;
            let old = std::mem::replace(slot, text);
            Ok(Command::SetText { field, text: old })
        }
        Command::InsertFinding {
            category,
            index,
            finding,
        } => {
            let ci = category_index(draft, category)?;
            check_index(index, draft.categories[ci].findings.len())?;
            if id_in_use(draft, finding.id.0) {
                return Err(CommandError::DuplicateId(finding.id.0));
            }
            let id = finding.id;
            draft.categories[ci].findings.insert(index, finding);
            Ok(Command::RemoveFinding { id })
        }
        Command::RemoveFinding { id } => {
            let (ci, fi) = draft.locate(id).ok_or(CommandError::NoSuchFinding(id))?;
            let category = &mut draft.categories[ci];
            let finding = category.findings.remove(fi);
            Ok(Command::InsertFinding {
                category: category.id,
                index: fi,
                finding,
            })
        }
        Command::MoveFinding {
            id,
            category,
            index,
        } => {
            let (from_ci, from_fi) = draft.locate(id).ok_or(CommandError::NoSuchFinding(id))?;
            let to_ci = category_index(draft, category)?;
            let len_after_removal =
                draft.categories[to_ci].findings.len() - usize::from(from_ci == to_ci);
            check_index(index, len_after_removal)?;
            let from_category = draft.categories[from_ci].id;
            let finding = draft.categories[from_ci].findings.remove(from_fi);
            draft.categories[to_ci].findings.insert(index, finding);
            Ok(Command::MoveFinding {
                id,
                category: from_category,
                index: from_fi,
            })
        }
        Command::InsertCategory { index, category } => {
            check_index(index, draft.categories.len())?;
            let mut new_ids = std::collections::HashSet::new();
            let ids =
                std::iter::once(category.id.0).chain(category.findings.iter().map(|f| f.id.0));
            for id in ids {
                if id == 0 || !new_ids.insert(id) || id_in_use(draft, id) {
                    return Err(CommandError::DuplicateId(id));
                }
            }
            let id = category.id;
            draft.categories.insert(index, category);
            Ok(Command::RemoveCategory { id })
        }
        Command::RemoveCategory { id } => {
            let index = category_index(draft, id)?;
            let category = draft.categories.remove(index);
            Ok(Command::InsertCategory { index, category })
        }
        Command::MoveCategory { id, index } => {
            let from = category_index(draft, id)?;
            check_index(index, draft.categories.len() - 1)?;
            let category = draft.categories.remove(from);
            draft.categories.insert(index, category);
            Ok(Command::MoveCategory { id, index: from })
        }
        Command::SetTargets { targets } => {
            let old = std::mem::replace(&mut draft.targets, targets);
            Ok(Command::SetTargets { targets: old })
        }
        Command::SetCategoryTarget { id, target } => {
            let ci = category_index(draft, id)?;
            let old = std::mem::replace(&mut draft.categories[ci].target, target);
            Ok(Command::SetCategoryTarget { id, target: old })
        }
        Command::SetSource { source } => {
            let old = std::mem::replace(&mut draft.source, source);
            Ok(Command::SetSource { source: old })
        }
        Command::ReplaceDraft(mut replacement) => {
            if !replacement.ids_are_unique() {
                return Err(CommandError::DuplicateId(replacement.max_id()));
            }
            std::mem::swap(draft, &mut replacement);
            Ok(Command::ReplaceDraft(replacement))
        }
        Command::Batch(commands) => {
            let mut inverses = Vec::with_capacity(commands.len());
            for command in commands {
                match apply(draft, command) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(error) => {
                        // Roll back what was applied so a refused batch changes nothing.
                        for inverse in inverses.into_iter().rev() {
                            let _ = apply(draft, inverse);
                        }
                        return Err(error);
                    }
                }
            }
            inverses.reverse();
            Ok(Command::Batch(inverses))
        }
    }
}

fn text_slot(draft: &mut Draft, field: TextField) -> Result<&mut String, CommandError> {
    match field {
        TextField::Title => Ok(&mut draft.title),
        TextField::Heading => Ok(&mut draft.heading),
        TextField::Opening => Ok(&mut draft.opening),
        TextField::Closing => Ok(&mut draft.closing),
        TextField::CategoryTitle(id) => {
            let ci = category_index(draft, id)?;
            Ok(&mut draft.categories[ci].title)
        }
        TextField::CategoryLead(id) => {
            let ci = category_index(draft, id)?;
            Ok(&mut draft.categories[ci].lead)
        }
        TextField::Headline(id) => {
            let (ci, fi) = draft.locate(id).ok_or(CommandError::NoSuchFinding(id))?;
            Ok(&mut draft.categories[ci].findings[fi].headline)
        }
        TextField::Body(id) => {
            let (ci, fi) = draft.locate(id).ok_or(CommandError::NoSuchFinding(id))?;
            Ok(&mut draft.categories[ci].findings[fi].body)
        }
    }
}

impl Draft {
    /// The current text of a field, if the field exists.
    pub fn text(&self, field: TextField) -> Option<&str> {
        match field {
            TextField::Title => Some(&self.title),
            TextField::Heading => Some(&self.heading),
            TextField::Opening => Some(&self.opening),
            TextField::Closing => Some(&self.closing),
            TextField::CategoryTitle(id) => self.category(id).map(|c| c.title.as_str()),
            TextField::CategoryLead(id) => self.category(id).map(|c| c.lead.as_str()),
            TextField::Headline(id) => self.finding(id).map(|f| f.headline.as_str()),
            TextField::Body(id) => self.finding(id).map(|f| f.body.as_str()),
        }
    }
}

fn category_index(draft: &Draft, id: CategoryId) -> Result<usize, CommandError> {
    draft
        .category_index(id)
        .ok_or(CommandError::NoSuchCategory(id))
}

fn check_index(index: usize, len: usize) -> Result<(), CommandError> {
    if index <= len {
        Ok(())
    } else {
        Err(CommandError::IndexOutOfRange { index, len })
    }
}

fn id_in_use(draft: &Draft, id: u64) -> bool {
    draft
        .categories
        .iter()
        .any(|c| c.id.0 == id || c.findings.iter().any(|f| f.id.0 == id))
}

#[cfg(test)]
mod tests {
    use super::super::{DEFAULT_HEADING, IdSource};
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Draft {
        let mut draft = Draft::with_categories("标题", DEFAULT_HEADING, &["甲", "乙", "丙"]);
        let mut ids = IdSource::after(&draft);
        for (ci, n) in [(0, 2), (1, 0), (2, 3)] {
            for k in 0..n {
                let finding = Finding {
                    id: ids.finding(),
                    headline: format!("问题{ci}{k}"),
                    body: format!("内容{ci}{k}"),
                };
                draft.categories[ci].findings.push(finding);
            }
        }
        draft
    }

    #[test]
    fn move_within_category_and_back() {
        let mut draft = sample();
        let before = draft.clone();
        let id = draft.categories[2].findings[2].id;
        let category = draft.categories[2].id;
        let inverse = draft
            .apply(Command::MoveFinding {
                id,
                category,
                index: 0,
            })
            .unwrap();
        assert_eq!(draft.categories[2].findings[0].id, id);
        draft.apply(inverse).unwrap();
        assert_eq!(draft, before);
    }

    #[test]
    fn refused_batch_changes_nothing() {
        let mut draft = sample();
        let before = draft.clone();
        let result = draft.apply(Command::Batch(vec![
            Command::SetText {
                field: TextField::Title,
                text: "新".into(),
            },
            Command::RemoveFinding { id: FindingId(999) },
        ]));
        assert_eq!(result, Err(CommandError::NoSuchFinding(FindingId(999))));
        assert_eq!(draft, before);
    }

    #[test]
    fn targets_and_source_are_set_and_undone() {
        let mut draft = sample();
        let before = draft.clone();
        let category = draft.categories[1].id;
        let inverse = draft
            .apply(Command::Batch(vec![
                Command::SetTargets {
                    targets: Targets {
                        total: Some(CharRange::new(2500, 3500)),
                    },
                },
                Command::SetCategoryTarget {
                    id: category,
                    target: Some(CharRange::at_most(600)),
                },
                Command::SetSource {
                    source: Some(SourceFingerprint::from_text(
                        "在工作中经常满足于完成规定动作",
                    )),
                },
            ]))
            .unwrap();
        assert_eq!(
            draft.targets.total,
            Some(CharRange {
                min: 2500,
                max: 3500
            })
        );
        assert_eq!(draft.categories[1].target, Some(CharRange::at_most(600)));
        assert!(draft.source.is_some());
        draft.apply(inverse).unwrap();
        assert_eq!(draft, before);
        let missing = draft.apply(Command::SetCategoryTarget {
            id: CategoryId(999),
            target: None,
        });
        assert_eq!(missing, Err(CommandError::NoSuchCategory(CategoryId(999))));
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let mut draft = sample();
        let existing = draft.categories[0].findings[0].clone();
        let category = draft.categories[1].id;
        let result = draft.apply(Command::InsertFinding {
            category,
            index: 0,
            finding: existing,
        });
        assert!(matches!(result, Err(CommandError::DuplicateId(_))));
    }

    /// A random command against the current draft: mostly valid, sometimes not.
    fn pick_command(draft: &Draft, ids: &mut IdSource, choice: u8, a: usize, b: usize) -> Command {
        let findings: Vec<FindingId> = draft
            .categories
            .iter()
            .flat_map(|c| c.findings.iter().map(|f| f.id))
            .collect();
        let categories: Vec<CategoryId> = draft.categories.iter().map(|c| c.id).collect();
        let any_finding = findings
            .get(a % findings.len().max(1))
            .copied()
            .unwrap_or(FindingId(77_777));
        let any_category = categories
            .get(b % categories.len().max(1))
            .copied()
            .unwrap_or(CategoryId(88_888));
        match choice % 13 {
            0 => Command::SetText {
                field: TextField::Body(any_finding),
                text: format!("改{a}"),
            },
            1 => Command::SetText {
                field: TextField::CategoryTitle(any_category),
                text: format!("类{b}"),
            },
            2 => Command::InsertFinding {
                category: any_category,
                index: b % 4,
                finding: Finding {
                    id: ids.finding(),
                    headline: "新".into(),
                    body: String::new(),
                },
            },
            3 => Command::RemoveFinding { id: any_finding },
            4 => Command::MoveFinding {
                id: any_finding,
                category: any_category,
                index: a % 4,
            },
            5 => Command::InsertCategory {
                index: a % 5,
                category: Category {
                    id: ids.category(),
                    title: "新类".into(),
                    lead: String::new(),
                    target: a.is_multiple_of(2).then(|| CharRange::new(a * 10, b * 100)),
                    findings: Vec::new(),
                },
            },
            6 => Command::RemoveCategory { id: any_category },
            7 => Command::MoveCategory {
                id: any_category,
                index: a % 4,
            },
            8 => Command::SetTargets {
                targets: Targets {
                    total: (!a.is_multiple_of(3)).then(|| CharRange::new(a * 300, b * 500)),
                },
            },
            9 => Command::SetCategoryTarget {
                id: any_category,
                target: (!b.is_multiple_of(3)).then(|| CharRange::at_most(a * 100)),
            },
            10 => Command::SetSource {
                source: (!a.is_multiple_of(3))
                    .then(|| SourceFingerprint::from_text(&format!("学习举措强度不够第{a}{b}次"))),
            },
            11 => Command::Batch(vec![
                Command::SetCategoryTarget {
                    id: any_category,
                    target: Some(CharRange::new(a, b)),
                },
                Command::SetTargets {
                    targets: Targets::default(),
                },
                Command::RemoveFinding { id: any_finding },
            ]),
            _ => Command::Batch(vec![
                Command::SetText {
                    field: TextField::Title,
                    text: format!("题{a}"),
                },
                Command::RemoveFinding { id: any_finding },
            ]),
        }
    }

    proptest! {
        #[test]
        fn every_command_then_its_inverse_restores_the_draft(
            steps in proptest::collection::vec((any::<u8>(), 0usize..10, 0usize..10), 1..40)
        ) {
            let mut draft = sample();
            let mut ids = IdSource::after(&draft);
            let mut history = Vec::new();
            for (choice, a, b) in steps {
                let command = pick_command(&draft, &mut ids, choice, a, b);
                let before = draft.clone();
                match draft.apply(command.clone()) {
                    Ok(inverse) => {
                        prop_assert!(draft.ids_are_unique());
                        let mut undone = draft.clone();
                        let redo = undone.apply(inverse.clone()).unwrap();
                        prop_assert_eq!(&undone, &before);
                        // Redoing the undo's inverse lands on the same state again.
                        undone.apply(redo).unwrap();
                        prop_assert_eq!(&undone, &draft);
                        history.push((before, inverse));
                    }
                    Err(_) => prop_assert_eq!(&draft, &before),
                }
            }
            // Unwinding the whole history passes through every earlier state.
            while let Some((state, inverse)) = history.pop() {
                draft.apply(inverse).unwrap();
                prop_assert_eq!(&draft, &state);
            }
        }
    }
}
