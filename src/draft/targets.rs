//! Length targets: how long the whole speech and each category should be (kept in the draft
//! file), where a draft stands against them, and the 字数目标 form turned into commands.
//! Characters are counted as the status bar counts them (Word's 字数: whitespace excluded;
//! numbering such as `一是` is derived on export and not counted).

use super::numbering::category_label;
use super::{CategoryId, Command, Draft};
use serde::{Deserialize, Serialize};

/// A length target in characters, counted as [`super::count_chars`] counts them (Word's 字数:
/// everything but whitespace). Both ends are inclusive; `min: 0` means "at most `max`".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CharRange {
    pub min: usize,
    pub max: usize,
}

impl CharRange {
    /// A range from `a` to `b` in either order.
    pub fn new(a: usize, b: usize) -> CharRange {
        CharRange {
            min: a.min(b),
            max: a.max(b),
        }
    }

    /// No lower bound: `0..=max`.
    pub fn at_most(max: usize) -> CharRange {
        CharRange { min: 0, max }
    }

    /// The bounds in order, even when a hand-edited file has them reversed.
    pub fn bounds(&self) -> (usize, usize) {
        (self.min.min(self.max), self.min.max(self.max))
    }

    pub fn contains(&self, chars: usize) -> bool {
        let (lo, hi) = self.bounds();
        (lo..=hi).contains(&chars)
    }
}

/// A maximum this large means "no upper bound": only a minimum was set.
pub const NO_MAXIMUM: usize = 1_000_000_000;

/// Targets for the draft as a whole. Per-category targets sit on [`super::Category::target`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Targets {
    /// Target for the whole draft ([`super::Draft::char_count`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<CharRange>,
}

impl Targets {
    /// True when no target is set (nothing is written to the file then).
    pub fn is_empty(&self) -> bool {
        self.total.is_none()
    }
}

/// Where a count stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    /// No target set.
    NoTarget,
    Under,
    Within,
    Over,
}

impl TargetStatus {
    pub fn of(chars: usize, target: Option<CharRange>) -> TargetStatus {
        let Some(target) = target else {
            return TargetStatus::NoTarget;
        };
        let (min, max) = target.bounds();
        if chars < min {
            TargetStatus::Under
        } else if chars > max {
            TargetStatus::Over
        } else {
            TargetStatus::Within
        }
    }

    /// A short Chinese word for the status bar: `未设定`, `不足`, `达标`, `超出`.
    pub fn label_zh(self) -> &'static str {
        match self {
            TargetStatus::NoTarget => "未设定",
            TargetStatus::Under => "不足",
            TargetStatus::Within => "达标",
            TargetStatus::Over => "超出",
        }
    }
}

/// One count against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub chars: usize,
    pub target: Option<CharRange>,
    pub status: TargetStatus,
}

impl Progress {
    pub fn new(chars: usize, target: Option<CharRange>) -> Progress {
        Progress {
            chars,
            target,
            status: TargetStatus::of(chars, target),
        }
    }

    /// Characters still missing to reach the minimum (0 when reached or no target).
    pub fn missing(&self) -> usize {
        self.target
            .map_or(0, |t| t.bounds().0.saturating_sub(self.chars))
    }

    /// Characters above the maximum (0 when within or no target).
    pub fn excess(&self) -> usize {
        self.target
            .map_or(0, |t| self.chars.saturating_sub(t.bounds().1))
    }

    /// For the status bar: `2,612 / 2,500–3,500 字 · 达标`, `620 / ≤600 字 · 超出 20 字`,
    /// `1,800 / 2,500–3,500 字 · 还差 700 字`, or `2,612 字` without a target.
    pub fn describe_zh(&self) -> String {
        use super::group_thousands as n;
        match self.target {
            None => format!("{} 字", n(self.chars)),
            Some(target) => {
                let (min, max) = target.bounds();
                let range = if min == 0 {
                    format!("≤{}", n(max))
                } else if max >= NO_MAXIMUM {
                    format!("≥{}", n(min))
                } else {
                    format!("{}–{}", n(min), n(max))
                };
                let state = match self.status {
                    TargetStatus::Under => format!("还差 {} 字", n(self.missing())),
                    TargetStatus::Over => format!("超出 {} 字", n(self.excess())),
                    _ => self.status.label_zh().to_owned(),
                };
                format!("{} / {range} 字 · {state}", n(self.chars))
            }
        }
    }
}

/// Progress of every category and of the whole draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetReport {
    /// The whole draft ([`Draft::char_count`]) against `draft.targets.total`.
    pub total: Progress,
    /// Every category in order ([`super::Category::char_count`], title included),
    /// with or without a target.
    pub categories: Vec<(CategoryId, Progress)>,
}

impl TargetReport {
    /// True when any target is set.
    pub fn has_targets(&self) -> bool {
        self.total.target.is_some() || self.categories.iter().any(|(_, p)| p.target.is_some())
    }

    pub fn category(&self, id: CategoryId) -> Option<&Progress> {
        self.categories
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, p)| p)
    }
}

/// Measures the draft against its targets.
pub fn progress(draft: &Draft) -> TargetReport {
    TargetReport {
        total: Progress::new(draft.char_count(), draft.targets.total),
        categories: draft
            .categories()
            .iter()
            .map(|c| (c.id, Progress::new(c.char_count(), c.target)))
            .collect(),
    }
}

/// The 字数目标 form: each target as (min, max) characters, (0, 0) meaning none. Each row
/// names the category it sets, so the draft may change under an open form without its
/// figures landing on another category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetsForm {
    pub total: (usize, usize),
    /// One row per category, in the draft's order when the form was filled.
    pub categories: Vec<CategoryTargetRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryTargetRow {
    pub id: CategoryId,
    /// `（一）在理论学习方面`, as the form shows it.
    pub label: String,
    pub min: usize,
    pub max: usize,
}

impl TargetsForm {
    /// The form filled from the draft's targets.
    pub fn from_draft(draft: &Draft) -> TargetsForm {
        let pair = |range: Option<CharRange>| range.map_or((0, 0), |r| r.bounds());
        TargetsForm {
            total: pair(draft.targets.total),
            categories: draft
                .categories()
                .iter()
                .enumerate()
                .map(|(index, category)| {
                    let (min, max) = pair(category.target);
                    CategoryTargetRow {
                        id: category.id,
                        label: format!("{}{}", category_label(index), category.title),
                        min,
                        max,
                    }
                })
                .collect(),
        }
    }

    /// One undo step setting every target the form holds. Rows whose category is gone from
    /// `draft` are left out.
    pub fn to_command(&self, draft: &Draft) -> Command {
        let mut commands = vec![Command::SetTargets {
            targets: Targets {
                total: form_range(self.total.0, self.total.1),
            },
        }];
        commands.extend(
            self.categories
                .iter()
                .filter(|row| draft.category(row.id).is_some())
                .map(|row| Command::SetCategoryTarget {
                    id: row.id,
                    target: form_range(row.min, row.max),
                }),
        );
        Command::Batch(commands)
    }
}

/// A form's (min, max): both 0 is no target, a max of 0 is a minimum only.
fn form_range(min: usize, max: usize) -> Option<CharRange> {
    match (min, max) {
        (0, 0) => None,
        (min, 0) => Some(CharRange::new(min, NO_MAXIMUM)),
        (min, max) => Some(CharRange::new(min, max)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{DEFAULT_HEADING, Finding, FindingId};

    #[test]
    fn ranges_are_ordered_and_inclusive() {
        let range = CharRange::new(500, 300);
        assert_eq!(range, CharRange { min: 300, max: 500 });
        assert!(range.contains(300) && range.contains(500));
        assert!(!range.contains(299) && !range.contains(501));
        let reversed = CharRange { min: 9, max: 3 };
        assert!(reversed.contains(5));
        assert!(CharRange::at_most(10).contains(0));
    }

    fn draft() -> Draft {
        // Title 2 + heading 9 + category titles 7 + 7 + finding 8 + 40.
        let mut draft = Draft::with_categories(
            "标题",
            DEFAULT_HEADING,
            &["在理论学习方面", "在政治素质方面"],
        );
        draft.categories_mut().unwrap()[0].findings.push(Finding {
            id: FindingId(10),
            headline: "学习举措强度不够".into(),
            body: "今年参加集中学习8次，其中3次因出差请假，专题研讨发言准备不足，没有结合分管工作谈体会。"
                .into(),
        });
        draft
    }

    #[test]
    fn status_is_under_within_or_over() {
        let range = Some(CharRange::new(100, 200));
        assert_eq!(TargetStatus::of(99, range), TargetStatus::Under);
        assert_eq!(TargetStatus::of(100, range), TargetStatus::Within);
        assert_eq!(TargetStatus::of(200, range), TargetStatus::Within);
        assert_eq!(TargetStatus::of(201, range), TargetStatus::Over);
        assert_eq!(TargetStatus::of(5, None), TargetStatus::NoTarget);
    }

    #[test]
    fn progress_reports_total_and_each_category() {
        let mut draft = draft();
        let first = draft.categories()[0].id;
        let second = draft.categories()[1].id;
        draft.targets.total = Some(CharRange::new(2500, 3500));
        draft.categories_mut().unwrap()[0].target = Some(CharRange::at_most(30));
        let report = progress(&draft);
        assert_eq!(report.total.chars, draft.char_count());
        assert_eq!(report.total.status, TargetStatus::Under);
        assert_eq!(report.total.missing(), 2500 - draft.char_count());
        let first_progress = report.category(first).unwrap();
        assert_eq!(first_progress.chars, draft.categories()[0].char_count());
        assert_eq!(first_progress.status, TargetStatus::Over);
        assert_eq!(first_progress.excess(), first_progress.chars - 30);
        assert_eq!(
            report.category(second).unwrap().status,
            TargetStatus::NoTarget
        );
        assert!(report.has_targets());
        assert!(!progress(&self::draft()).has_targets());
    }

    #[test]
    fn descriptions_read_in_chinese() {
        let within = Progress::new(3000, Some(CharRange::new(2500, 3500)));
        assert_eq!(within.describe_zh(), "3,000 / 2,500–3,500 字 · 达标");
        let over = Progress::new(620, Some(CharRange::at_most(600)));
        assert_eq!(over.describe_zh(), "620 / ≤600 字 · 超出 20 字");
        let under = Progress::new(1800, Some(CharRange::new(2500, 3500)));
        assert_eq!(under.describe_zh(), "1,800 / 2,500–3,500 字 · 还差 700 字");
        assert_eq!(Progress::new(12, None).describe_zh(), "12 字");
    }

    #[test]
    fn the_form_reads_the_targets_and_writes_them_back_by_category() {
        let mut draft = draft();
        let first = draft.categories()[0].id;
        let second = draft.categories()[1].id;
        draft.targets.total = Some(CharRange::new(2500, 3500));
        draft.categories_mut().unwrap()[1].target = Some(CharRange::at_most(600));
        let mut form = TargetsForm::from_draft(&draft);
        assert_eq!(form.total, (2500, 3500));
        assert_eq!(form.categories[0].label, "（一）在理论学习方面");
        assert_eq!((form.categories[1].min, form.categories[1].max), (0, 600));
        form.categories[1].min = 300;
        form.categories[1].max = 0;
        form.total = (0, 0);
        // The first category goes while the form is open: the second keeps its row.
        draft.categories_mut().unwrap().remove(0);
        let Command::Batch(commands) = form.to_command(&draft) else {
            panic!("one batch");
        };
        assert_eq!(
            commands,
            [
                Command::SetTargets {
                    targets: Targets { total: None }
                },
                Command::SetCategoryTarget {
                    id: second,
                    target: Some(CharRange::new(300, NO_MAXIMUM)),
                },
            ]
        );
        assert!(draft.category(first).is_none());
    }
}
