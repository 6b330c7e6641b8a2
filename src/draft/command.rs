//! Every change to a draft is a [`Command`]; applying one returns its inverse, which is how undo
//! works. A command that does not fit the draft is refused and changes nothing.

use super::{
    Category, CategoryId, CharRange, Draft, Finding, FindingId, LedgerEntry, Section, SectionBody,
    SectionId, SectionKind, SourceFingerprint, Targets, dismissal, dismissal::Dismissal,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A piece of text in the draft that can be edited as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    Title,
    /// The byline's name and unit.
    Byline,
    /// The byline's date line.
    DateLine,
    Opening,
    Closing,
    /// A section's heading, without its number.
    SectionHeading(SectionId),
    /// The paragraphs of a section of paragraphs.
    SectionText(SectionId),
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
    /// Inserts `finding` at `index` of the category (of any section).
    InsertFinding {
        category: CategoryId,
        index: usize,
        finding: Finding,
    },
    /// Removes a finding; its 整改清单 cells and measure links go into the inverse.
    RemoveFinding {
        id: FindingId,
    },
    /// Moves a finding so that it ends up at `index` of `category` (counted after removal).
    MoveFinding {
        id: FindingId,
        category: CategoryId,
        index: usize,
    },
    /// Inserts a category at `index` of a section of categories.
    InsertCategory {
        section: SectionId,
        index: usize,
        category: Category,
    },
    RemoveCategory {
        id: CategoryId,
    },
    /// Moves a category within its section.
    MoveCategory {
        id: CategoryId,
        index: usize,
    },
    InsertSection {
        index: usize,
        section: Section,
    },
    RemoveSection {
        id: SectionId,
    },
    MoveSection {
        id: SectionId,
        index: usize,
    },
    SetSectionKind {
        id: SectionId,
        kind: SectionKind,
    },
    /// Swaps a section's body (paragraphs for categories or back).
    SetSectionBody {
        id: SectionId,
        body: SectionBody,
    },
    /// Sets (or with None clears) the typed cells of a problem's 整改清单 row.
    SetLedgerEntry {
        problem: FindingId,
        entry: Option<LedgerEntry>,
    },
    /// Sets which problem findings a measure answers (empty: none).
    SetAnswers {
        measure: FindingId,
        answers: Vec<FindingId>,
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
    /// Ignores reviewer advice: adds the dismissals the draft does not hold yet.
    Dismiss {
        dismissals: Vec<Dismissal>,
    },
    /// Shows ignored advice again: takes the dismissals away.
    Undismiss {
        dismissals: Vec<Dismissal>,
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
                TextField::SectionHeading(_) => "修改小标题",
                TextField::SectionText(_) => "修改段落",
                TextField::Byline | TextField::DateLine => "修改署名",
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
            Command::InsertSection { .. } => "新增部分",
            Command::RemoveSection { .. } => "删除部分",
            Command::MoveSection { .. } => "移动部分",
            Command::SetSectionKind { .. } => "设置部分类型",
            Command::SetSectionBody { .. } => "更改部分内容形式",
            Command::SetLedgerEntry { .. } => "修改整改清单",
            Command::SetAnswers { .. } => "关联问题",
            Command::SetTargets { .. } | Command::SetCategoryTarget { .. } => "设置字数目标",
            Command::SetSource { .. } => "更换素材",
            Command::Dismiss { .. } => "忽略检查意见",
            Command::Undismiss { .. } => "恢复检查意见",
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
    NoSuchSection(SectionId),
    /// The section holds paragraphs, not categories.
    NotCategories(SectionId),
    /// The section holds categories, not paragraphs.
    NotParagraphs(SectionId),
    IndexOutOfRange {
        index: usize,
        len: usize,
    },
    DuplicateId(u64),
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::NoSuchFinding(id) => write!(f, "no finding with id {}", id.0),
            CommandError::NoSuchCategory(id) => write!(f, "no category with id {}", id.0),
            CommandError::NoSuchSection(id) => write!(f, "no section with id {}", id.0),
            CommandError::NotCategories(id) => {
                write!(f, "section {} holds paragraphs, not categories", id.0)
            }
            CommandError::NotParagraphs(id) => {
                write!(f, "section {} holds categories, not paragraphs", id.0)
            }
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
            let place = category_place(draft, category)?;
            let findings = &draft.categories_at(place).findings;
            check_index(index, findings.len())?;
            if id_in_use(draft, finding.id.0) || finding.id.0 == 0 {
                return Err(CommandError::DuplicateId(finding.id.0));
            }
            let id = finding.id;
            draft
                .categories_at_mut(place)
                .ok_or(CommandError::NoSuchCategory(category))?
                .findings
                .insert(index, finding);
            Ok(Command::RemoveFinding { id })
        }
        Command::RemoveFinding { id } => {
            let place = draft
                .find_finding(id)
                .ok_or(CommandError::NoSuchFinding(id))?;
            let category = draft
                .categories_at_mut(super::CategoryPlace {
                    section: place.section,
                    category: place.category,
                })
                .ok_or(CommandError::NoSuchFinding(id))?;
            let category_id = category.id;
            let finding = category.findings.remove(place.finding);
            let restore = detach(draft, std::iter::once(id));
            Ok(with_restore(
                Command::InsertFinding {
                    category: category_id,
                    index: place.finding,
                    finding,
                },
                restore,
            ))
        }
        Command::MoveFinding {
            id,
            category,
            index,
        } => {
            let from = draft
                .find_finding(id)
                .ok_or(CommandError::NoSuchFinding(id))?;
            let from_place = super::CategoryPlace {
                section: from.section,
                category: from.category,
            };
            let to = category_place(draft, category)?;
            let len_after_removal =
                draft.categories_at(to).findings.len() - usize::from(from_place == to);
            check_index(index, len_after_removal)?;
            let from_category = draft.categories_at(from_place).id;
            let finding = draft
                .categories_at_mut(from_place)
                .ok_or(CommandError::NoSuchFinding(id))?
                .findings
                .remove(from.finding);
            match draft.categories_at_mut(to) {
                Some(target) => target.findings.insert(index, finding),
                None => return Err(CommandError::NoSuchCategory(category)),
            }
            Ok(Command::MoveFinding {
                id,
                category: from_category,
                index: from.finding,
            })
        }
        Command::InsertCategory {
            section,
            index,
            category,
        } => {
            let si = section_index(draft, section)?;
            let len = draft.sections[si].categories().len();
            if draft.sections[si].paragraphs().is_some() {
                return Err(CommandError::NotCategories(section));
            }
            check_index(index, len)?;
            check_new_ids(draft, category_ids(&category))?;
            let id = category.id;
            if let Some(categories) = draft.sections[si].categories_mut() {
                categories.insert(index, category);
            }
            Ok(Command::RemoveCategory { id })
        }
        Command::RemoveCategory { id } => {
            let place = category_place(draft, id)?;
            let section = draft.sections[place.section].id;
            let category = match draft.sections[place.section].categories_mut() {
                Some(categories) => categories.remove(place.category),
                None => return Err(CommandError::NoSuchCategory(id)),
            };
            let restore = detach(draft, category.findings.iter().map(|f| f.id));
            Ok(with_restore(
                Command::InsertCategory {
                    section,
                    index: place.category,
                    category,
                },
                restore,
            ))
        }
        Command::MoveCategory { id, index } => {
            let place = category_place(draft, id)?;
            let Some(categories) = draft.sections[place.section].categories_mut() else {
                return Err(CommandError::NoSuchCategory(id));
            };
            check_index(index, categories.len() - 1)?;
            let category = categories.remove(place.category);
            categories.insert(index, category);
            Ok(Command::MoveCategory {
                id,
                index: place.category,
            })
        }
        Command::InsertSection { index, section } => {
            check_index(index, draft.sections.len())?;
            let ids = std::iter::once(section.id.0)
                .chain(section.categories().iter().flat_map(category_ids))
                .collect::<Vec<_>>();
            check_new_ids(draft, ids)?;
            let id = section.id;
            draft.sections.insert(index, section);
            Ok(Command::RemoveSection { id })
        }
        Command::RemoveSection { id } => {
            let index = section_index(draft, id)?;
            let section = draft.sections.remove(index);
            let restore = detach(draft, finding_ids(section.categories()));
            Ok(with_restore(
                Command::InsertSection { index, section },
                restore,
            ))
        }
        Command::MoveSection { id, index } => {
            let from = section_index(draft, id)?;
            check_index(index, draft.sections.len() - 1)?;
            let section = draft.sections.remove(from);
            draft.sections.insert(index, section);
            Ok(Command::MoveSection { id, index: from })
        }
        Command::SetSectionKind { id, kind } => {
            let index = section_index(draft, id)?;
            let old = std::mem::replace(&mut draft.sections[index].kind, kind);
            Ok(Command::SetSectionKind { id, kind: old })
        }
        Command::SetSectionBody { id, body } => {
            let index = section_index(draft, id)?;
            let new_ids: Vec<u64> = match &body {
                SectionBody::Categories(categories) => {
                    categories.iter().flat_map(category_ids).collect()
                }
                SectionBody::Paragraphs(_) => Vec::new(),
            };
            // The old body's ids may come back in the new one (an undo); others may not.
            let mut without = draft.clone();
            without.sections[index].body = SectionBody::Paragraphs(String::new());
            check_new_ids(&without, new_ids)?;
            let old = std::mem::replace(&mut draft.sections[index].body, body);
            let kept: std::collections::HashSet<FindingId> =
                finding_ids(draft.sections[index].categories()).collect();
            let gone: Vec<FindingId> = match &old {
                SectionBody::Categories(categories) => finding_ids(categories)
                    .filter(|id| !kept.contains(id))
                    .collect(),
                SectionBody::Paragraphs(_) => Vec::new(),
            };
            let restore = detach(draft, gone.into_iter());
            Ok(with_restore(
                Command::SetSectionBody { id, body: old },
                restore,
            ))
        }
        Command::SetLedgerEntry { problem, entry } => {
            if draft.find_finding(problem).is_none() {
                return Err(CommandError::NoSuchFinding(problem));
            }
            let old = draft.ledger.set(problem, entry);
            Ok(Command::SetLedgerEntry {
                problem,
                entry: old,
            })
        }
        Command::SetAnswers { measure, answers } => {
            if draft.find_finding(measure).is_none() {
                return Err(CommandError::NoSuchFinding(measure));
            }
            let old = if answers.is_empty() {
                draft.answers.remove(&measure)
            } else {
                draft.answers.insert(measure, answers)
            };
            Ok(Command::SetAnswers {
                measure,
                answers: old.unwrap_or_default(),
            })
        }
        Command::SetTargets { targets } => {
            let old = std::mem::replace(&mut draft.targets, targets);
            Ok(Command::SetTargets { targets: old })
        }
        Command::SetCategoryTarget { id, target } => {
            let place = category_place(draft, id)?;
            let slot = &mut draft
                .categories_at_mut(place)
                .ok_or(CommandError::NoSuchCategory(id))?
                .target;
            let old = std::mem::replace(slot, target);
            Ok(Command::SetCategoryTarget { id, target: old })
        }
        Command::SetSource { source } => {
            let old = std::mem::replace(&mut draft.source, source);
            Ok(Command::SetSource { source: old })
        }
        Command::Dismiss { dismissals } => Ok(Command::Undismiss {
            dismissals: dismissal::add(&mut draft.dismissed, dismissals),
        }),
        Command::Undismiss { dismissals } => Ok(Command::Dismiss {
            dismissals: dismissal::remove(&mut draft.dismissed, dismissals),
        }),
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

/// Takes the 整改清单 cells and measure links of removed findings out of the draft and returns
/// the commands that put them back.
fn detach(draft: &mut Draft, removed: impl Iterator<Item = FindingId>) -> Vec<Command> {
    let mut restore = Vec::new();
    for id in removed {
        if let Some(entry) = draft.ledger.set(id, None) {
            restore.push(Command::SetLedgerEntry {
                problem: id,
                entry: Some(entry),
            });
        }
        if let Some(answers) = draft.answers.remove(&id) {
            restore.push(Command::SetAnswers {
                measure: id,
                answers,
            });
        }
    }
    restore
}

/// The inverse of a removal: the reinsertion, then what [`detach`] took.
fn with_restore(reinsert: Command, restore: Vec<Command>) -> Command {
    if restore.is_empty() {
        reinsert
    } else {
        Command::Batch(std::iter::once(reinsert).chain(restore).collect())
    }
}

fn category_ids(category: &Category) -> impl Iterator<Item = u64> + '_ {
    std::iter::once(category.id.0).chain(category.findings.iter().map(|f| f.id.0))
}

fn finding_ids(categories: &[Category]) -> impl Iterator<Item = FindingId> + '_ {
    categories
        .iter()
        .flat_map(|c| c.findings.iter().map(|f| f.id))
}

/// Refuses ids that are 0, repeated, or already in the draft.
fn check_new_ids(draft: &Draft, ids: impl IntoIterator<Item = u64>) -> Result<(), CommandError> {
    let mut new_ids = std::collections::HashSet::new();
    for id in ids {
        if id == 0 || !new_ids.insert(id) || id_in_use(draft, id) {
            return Err(CommandError::DuplicateId(id));
        }
    }
    Ok(())
}

fn text_slot(draft: &mut Draft, field: TextField) -> Result<&mut String, CommandError> {
    match field {
        TextField::Title => Ok(&mut draft.title),
        TextField::Byline => Ok(&mut draft.byline.author),
        TextField::DateLine => Ok(&mut draft.byline.date),
        TextField::Opening => Ok(&mut draft.opening),
        TextField::Closing => Ok(&mut draft.closing),
        TextField::SectionHeading(id) => {
            let index = section_index(draft, id)?;
            Ok(&mut draft.sections[index].heading)
        }
        TextField::CategoryLead(id) => {
            let place = category_place(draft, id)?;
            Ok(&mut draft
                .categories_at_mut(place)
                .ok_or(CommandError::NoSuchCategory(id))?
                .lead)
        }
        TextField::SectionText(id) => {
            let index = section_index(draft, id)?;
            match &mut draft.sections[index].body {
                SectionBody::Paragraphs(text) => Ok(text),
                SectionBody::Categories(_) => Err(CommandError::NotParagraphs(id)),
            }
        }
        TextField::CategoryTitle(id) => {
            let place = category_place(draft, id)?;
            Ok(&mut draft
                .categories_at_mut(place)
                .ok_or(CommandError::NoSuchCategory(id))?
                .title)
        }
        TextField::Headline(id) => Ok(&mut finding_mut(draft, id)?.headline),
        TextField::Body(id) => Ok(&mut finding_mut(draft, id)?.body),
    }
}

fn finding_mut(draft: &mut Draft, id: FindingId) -> Result<&mut Finding, CommandError> {
    let place = draft
        .find_finding(id)
        .ok_or(CommandError::NoSuchFinding(id))?;
    draft
        .categories_at_mut(super::CategoryPlace {
            section: place.section,
            category: place.category,
        })
        .and_then(|category| category.findings.get_mut(place.finding))
        .ok_or(CommandError::NoSuchFinding(id))
}

impl Draft {
    /// The current text of a field, if the field exists.
    pub fn text(&self, field: TextField) -> Option<&str> {
        match field {
            TextField::Title => Some(&self.title),
            TextField::Byline => Some(&self.byline.author),
            TextField::DateLine => Some(&self.byline.date),
            TextField::Opening => Some(&self.opening),
            TextField::Closing => Some(&self.closing),
            TextField::SectionHeading(id) => self.section(id).map(|s| s.heading.as_str()),
            TextField::SectionText(id) => self.section(id).and_then(Section::paragraphs),
            TextField::CategoryTitle(id) => self.category(id).map(|c| c.title.as_str()),
            TextField::CategoryLead(id) => self.category(id).map(|c| c.lead.as_str()),
            TextField::Headline(id) => self.finding(id).map(|f| f.headline.as_str()),
            TextField::Body(id) => self.finding(id).map(|f| f.body.as_str()),
        }
    }

    /// The text of a field to change in place, bypassing undo (replaying a recovery journal);
    /// the editor goes through [`Command::SetText`]. None when the field does not exist.
    pub fn text_mut(&mut self, field: TextField) -> Option<&mut String> {
        text_slot(self, field).ok()
    }

    /// The category at a place found by [`Draft::find_category`] or [`Draft::find_finding`].
    fn categories_at(&self, place: super::CategoryPlace) -> &Category {
        &self.sections[place.section].categories()[place.category]
    }

    /// Places are only ever found in sections of categories, so this is Some for any place
    /// found just before.
    fn categories_at_mut(&mut self, place: super::CategoryPlace) -> Option<&mut Category> {
        self.sections[place.section]
            .categories_mut()
            .and_then(|categories| categories.get_mut(place.category))
    }
}

fn category_place(draft: &Draft, id: CategoryId) -> Result<super::CategoryPlace, CommandError> {
    draft
        .find_category(id)
        .ok_or(CommandError::NoSuchCategory(id))
}

fn section_index(draft: &Draft, id: SectionId) -> Result<usize, CommandError> {
    draft
        .section_index(id)
        .ok_or(CommandError::NoSuchSection(id))
}

fn check_index(index: usize, len: usize) -> Result<(), CommandError> {
    if index <= len {
        Ok(())
    } else {
        Err(CommandError::IndexOutOfRange { index, len })
    }
}

fn id_in_use(draft: &Draft, id: u64) -> bool {
    draft.all_ids().any(|used| used == id)
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
                draft.categories_mut().unwrap()[ci].findings.push(finding);
            }
        }
        draft
    }

    #[test]
    fn move_within_category_and_back() {
        let mut draft = sample();
        let before = draft.clone();
        let id = draft.categories()[2].findings[2].id;
        let category = draft.categories()[2].id;
        let inverse = draft
            .apply(Command::MoveFinding {
                id,
                category,
                index: 0,
            })
            .unwrap();
        assert_eq!(draft.categories()[2].findings[0].id, id);
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
        let category = draft.categories()[1].id;
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
        assert_eq!(draft.categories()[1].target, Some(CharRange::at_most(600)));
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
        let existing = draft.categories()[0].findings[0].clone();
        let category = draft.categories()[1].id;
        let result = draft.apply(Command::InsertFinding {
            category,
            index: 0,
            finding: existing,
        });
        assert!(matches!(result, Err(CommandError::DuplicateId(_))));
    }

    #[test]
    fn ledger_rows_follow_problems_and_a_deleted_row_comes_back_with_undo() {
        let mut draft = sample();
        let first = draft.categories()[0].findings[0].id;
        let second = draft.categories()[0].findings[1].id;
        let entry = LedgerEntry {
            measures: "建立学习台账".into(),
            owner: "办公室".into(),
            deadline: "2026年6月底".into(),
            status: String::new(),
        };
        draft
            .apply(Command::SetLedgerEntry {
                problem: first,
                entry: Some(entry.clone()),
            })
            .unwrap();
        let rows = draft.ledger_rows();
        assert_eq!(rows.len(), draft.finding_count());
        assert_eq!(rows[0].problem, first);
        assert_eq!(rows[0].owner, "办公室");
        assert_eq!(rows[0].category, "甲");
        assert_eq!(rows[0].headline, "问题00");

        // Moving the problem moves its row; editing the headline shows in the row.
        let last_category = draft.categories()[2].id;
        draft
            .apply(Command::MoveFinding {
                id: first,
                category: last_category,
                index: 3,
            })
            .unwrap();
        draft
            .apply(Command::SetText {
                field: TextField::Headline(first),
                text: "学习不深入".into(),
            })
            .unwrap();
        let rows = draft.ledger_rows();
        assert_eq!(rows[0].problem, second);
        let moved = rows.last().unwrap();
        assert_eq!(
            (
                moved.problem,
                moved.category.as_str(),
                moved.headline.as_str()
            ),
            (first, "丙", "学习不深入")
        );
        assert_eq!(moved.number, rows.len());

        // Deleting it takes the typed cells along; undo brings both back.
        let before = draft.clone();
        let inverse = draft.apply(Command::RemoveFinding { id: first }).unwrap();
        assert!(draft.ledger.entry(first).is_none());
        assert!(draft.ledger_rows().iter().all(|r| r.problem != first));
        draft.apply(inverse).unwrap();
        assert_eq!(draft, before);
        assert_eq!(draft.ledger.entry(first), Some(&entry));
    }

    #[test]
    fn linked_measures_fill_the_ledger_and_leave_with_their_section() {
        let mut draft = sample();
        let mut ids = IdSource::after(&draft);
        let problem = draft.categories()[0].findings[0].id;
        let measure = ids.finding();
        let section = Section {
            id: ids.section(),
            kind: SectionKind::Measures,
            heading: "整改措施".into(),
            body: SectionBody::Categories(vec![Category {
                id: ids.category(),
                title: "甲".into(),
                findings: vec![Finding {
                    id: measure,
                    headline: "坚持每周集中学习".into(),
                    body: String::new(),
                }],
                ..Category::default()
            }]),
        };
        let section_id = section.id;
        draft
            .apply(Command::InsertSection { index: 1, section })
            .unwrap();
        draft
            .apply(Command::SetLedgerEntry {
                problem,
                entry: Some(LedgerEntry {
                    measures: "手写的措施".into(),
                    ..LedgerEntry::default()
                }),
            })
            .unwrap();
        draft
            .apply(Command::SetAnswers {
                measure,
                answers: vec![problem],
            })
            .unwrap();
        assert_eq!(draft.ledger_rows()[0].measures, "坚持每周集中学习");
        let before = draft.clone();
        let inverse = draft
            .apply(Command::RemoveSection { id: section_id })
            .unwrap();
        assert!(draft.answers.is_empty());
        // Without the linked measure the typed text shows again.
        assert_eq!(draft.ledger_rows()[0].measures, "手写的措施");
        draft.apply(inverse).unwrap();
        assert_eq!(draft, before);
    }

    #[test]
    fn section_commands_are_refused_where_they_do_not_fit() {
        let mut draft = sample();
        let mut ids = IdSource::after(&draft);
        let paragraphs = Section {
            id: ids.section(),
            kind: SectionKind::Study,
            heading: "学习收获".into(),
            body: SectionBody::Paragraphs("一段话".into()),
        };
        let id = paragraphs.id;
        draft
            .apply(Command::InsertSection {
                index: 0,
                section: paragraphs,
            })
            .unwrap();
        let before = draft.clone();
        let into_paragraphs = draft.apply(Command::InsertCategory {
            section: id,
            index: 0,
            category: Category {
                id: ids.category(),
                ..Category::default()
            },
        });
        assert_eq!(into_paragraphs, Err(CommandError::NotCategories(id)));
        let problems = draft.problems_section().unwrap().id;
        let text_of_categories = draft.apply(Command::SetText {
            field: TextField::SectionText(problems),
            text: "x".into(),
        });
        assert_eq!(
            text_of_categories,
            Err(CommandError::NotParagraphs(problems))
        );
        assert_eq!(draft, before);
        assert_eq!(draft.text(TextField::SectionText(id)), Some("一段话"));
    }

    /// A random command against the current draft: mostly valid, sometimes not.
    fn pick_command(draft: &Draft, ids: &mut IdSource, choice: u8, a: usize, b: usize) -> Command {
        let findings: Vec<FindingId> = draft
            .categories()
            .iter()
            .flat_map(|c| c.findings.iter().map(|f| f.id))
            .collect();
        let categories: Vec<CategoryId> = draft.categories().iter().map(|c| c.id).collect();
        let any_finding = findings
            .get(a % findings.len().max(1))
            .copied()
            .unwrap_or(FindingId(77_777));
        let any_category = categories
            .get(b % categories.len().max(1))
            .copied()
            .unwrap_or(CategoryId(88_888));
        let any_section = draft
            .sections
            .get(a % draft.sections.len().max(1))
            .map_or(SectionId(66_666), |s| s.id);
        match choice % 20 {
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
                section: draft.problems_section().map_or(SectionId(99_999), |s| s.id),
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
            13 => Command::SetLedgerEntry {
                problem: any_finding,
                entry: (!b.is_multiple_of(4)).then(|| LedgerEntry {
                    owner: format!("责任人{a}"),
                    deadline: "长期坚持".into(),
                    ..LedgerEntry::default()
                }),
            },
            14 => Command::SetAnswers {
                measure: any_finding,
                answers: findings.iter().take(b % 3).copied().collect(),
            },
            15 => Command::InsertSection {
                index: b % 3,
                section: Section {
                    id: ids.section(),
                    kind: SectionKind::ALL[a % SectionKind::ALL.len()],
                    heading: format!("部分{a}"),
                    body: if a.is_multiple_of(2) {
                        SectionBody::Paragraphs("一段话".into())
                    } else {
                        SectionBody::Categories(vec![Category {
                            id: ids.category(),
                            title: "类".into(),
                            ..Category::default()
                        }])
                    },
                },
            },
            16 => Command::MoveSection {
                id: any_section,
                index: b % 3,
            },
            18 | 19 => {
                let dismissals = vec![Dismissal {
                    field: TextField::Body(any_finding),
                    rule: format!("rule/{}", a % 3),
                    words: "述求".repeat(b % 2),
                }];
                if choice % 20 == 18 {
                    Command::Dismiss { dismissals }
                } else {
                    Command::Undismiss { dismissals }
                }
            }
            17 => {
                if a.is_multiple_of(2) {
                    Command::RemoveSection { id: any_section }
                } else {
                    Command::SetSectionBody {
                        id: any_section,
                        body: SectionBody::Paragraphs(format!("改为段落{b}")),
                    }
                }
            }
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
