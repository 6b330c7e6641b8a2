//! The 整改清单 (rectification ledger): one row per problem finding.
//!
//! Only what the writer types is stored, keyed by the problem's id; the rows themselves — their
//! order, 序号, 问题类别 and 存在问题 — are derived from the problems section each time, so they
//! follow every add, move and delete. Commands that remove a problem carry its typed cells in
//! their inverse, so undo brings them back.

use super::{Draft, FindingId, SectionKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The typed cells of one ledger row. An entry with every cell empty is no entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    /// 整改措施 typed by hand; used when no measure names this problem.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measures: String,
    /// 责任人 / 责任部门
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// 整改时限: a date or a phrase such as 长期坚持.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deadline: String,
    /// 完成情况
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status: String,
}

impl LedgerEntry {
    pub fn is_empty(&self) -> bool {
        self.measures.is_empty()
            && self.owner.is_empty()
            && self.deadline.is_empty()
            && self.status.is_empty()
    }
}

/// The ledger's typed cells by problem.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Ledger {
    pub entries: BTreeMap<FindingId, LedgerEntry>,
}

impl Ledger {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, problem: FindingId) -> Option<&LedgerEntry> {
        self.entries.get(&problem)
    }

    /// Sets or (with None or an empty entry) removes a row's typed cells; returns what was there.
    pub(super) fn set(
        &mut self,
        problem: FindingId,
        entry: Option<LedgerEntry>,
    ) -> Option<LedgerEntry> {
        match entry.filter(|e| !e.is_empty()) {
            Some(entry) => self.entries.insert(problem, entry),
            None => self.entries.remove(&problem),
        }
    }
}

/// The column headings, in order, as the user sees them.
pub const LEDGER_COLUMNS: [&str; 7] = [
    "序号",
    "问题类别",
    "存在问题",
    "整改措施",
    "责任人/责任部门",
    "整改时限",
    "完成情况",
];

/// One row of the 整改清单 as it is shown and exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerRow {
    pub problem: FindingId,
    /// 1-based.
    pub number: usize,
    pub category: String,
    /// The finding's headline, always in sync.
    pub headline: String,
    /// The headlines of the measures that name this problem, or the typed text.
    pub measures: String,
    /// `measures` are the headlines of linked measures (edited there), not typed text.
    #[serde(skip)]
    pub measures_linked: bool,
    pub owner: String,
    pub deadline: String,
    pub status: String,
}

impl LedgerRow {
    /// The cells in [`LEDGER_COLUMNS`] order.
    pub fn cells(&self) -> [String; 7] {
        [
            self.number.to_string(),
            self.category.clone(),
            self.headline.clone(),
            self.measures.clone(),
            self.owner.clone(),
            self.deadline.clone(),
            self.status.clone(),
        ]
    }
}

impl Draft {
    /// The 整改清单: one row per finding of the problems sections, in speaking order.
    pub fn ledger_rows(&self) -> Vec<LedgerRow> {
        let mut linked: BTreeMap<FindingId, Vec<&str>> = BTreeMap::new();
        for section in &self.sections {
            if section.kind != SectionKind::Measures {
                continue;
            }
            for measure in section.categories().iter().flat_map(|c| &c.findings) {
                for problem in self.answers_of(measure.id) {
                    linked
                        .entry(*problem)
                        .or_default()
                        .push(measure.headline.trim());
                }
            }
        }
        let mut rows = Vec::new();
        for section in &self.sections {
            if section.kind != SectionKind::Problems {
                continue;
            }
            for category in section.categories() {
                for finding in &category.findings {
                    let entry = self.ledger.entry(finding.id).cloned().unwrap_or_default();
                    let linked = linked.get(&finding.id);
                    let measures_linked = linked.is_some();
                    let measures = match linked {
                        Some(headlines) => headlines.join("；"),
                        None => entry.measures,
                    };
                    rows.push(LedgerRow {
                        problem: finding.id,
                        number: rows.len() + 1,
                        category: category.title.trim().to_owned(),
                        headline: finding.headline.trim().to_owned(),
                        measures,
                        measures_linked,
                        owner: entry.owner,
                        deadline: entry.deadline,
                        status: entry.status,
                    });
                }
            }
        }
        rows
    }
}

/// How a 整改时限 sorts: dates first, in time order; then phrases such as 长期坚持 or 立行立改,
/// by their text; empty cells last.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum DeadlineOrder {
    /// (year, month, day); a month without a day counts as its end (`6月底`, `6月`), a year
    /// alone as its end (`2026年底`).
    Date(u32, u32, u32),
    Phrase(String),
    Empty,
}

impl DeadlineOrder {
    /// Reads `2026年6月底`, `2026年6月30日前`, `2026-06-30`, `2026.6`, `2026/6/30`, `2026年底`
    /// and `2026年`; anything else is a phrase.
    pub fn of(text: &str) -> DeadlineOrder {
        let text = text.trim();
        if text.is_empty() {
            return DeadlineOrder::Empty;
        }
        // The first run of up to three numbers, each after a separator.
        let mut numbers: Vec<u32> = Vec::new();
        let mut digits = String::new();
        let mut started = false;
        for c in text.chars() {
            let c = match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                c => c,
            };
            if c.is_ascii_digit() {
                digits.push(c);
                started = true;
                continue;
            }
            if !digits.is_empty() {
                numbers.push(digits.parse().unwrap_or(0));
                digits.clear();
            }
            let separator = matches!(c, '年' | '月' | '日' | '号' | '-' | '.' | '/' | '．' | '－');
            if started && (!separator || numbers.len() == 3) {
                break;
            }
        }
        if !digits.is_empty() && numbers.len() < 3 {
            numbers.push(digits.parse().unwrap_or(0));
        }
        match numbers.as_slice() {
            [year, rest @ ..] if (1900..=2200).contains(year) => {
                let month = rest.first().copied().filter(|m| (1..=12).contains(m));
                let day = rest.get(1).copied().filter(|d| (1..=31).contains(d));
                match (month, day) {
                    (Some(month), Some(day)) => DeadlineOrder::Date(*year, month, day),
                    (Some(month), None) => DeadlineOrder::Date(*year, month, 31),
                    (None, _) if rest.is_empty() => DeadlineOrder::Date(*year, 12, 31),
                    (None, _) => DeadlineOrder::Phrase(text.to_owned()),
                }
            }
            _ => DeadlineOrder::Phrase(text.to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_sort_as_dates_then_phrases_then_empty() {
        let mut deadlines = vec![
            "长期坚持",
            "",
            "2026年12月底前",
            "2026年6月30日前",
            "2026-03-01",
            "立行立改",
            "2027年",
            "2026.6",
            "２０２５年１０月",
            "2026年底",
        ];
        deadlines.sort_by_key(|d| DeadlineOrder::of(d));
        assert_eq!(
            deadlines,
            [
                "２０２５年１０月",
                "2026-03-01",
                "2026年6月30日前",
                "2026.6",
                "2026年12月底前",
                "2026年底",
                "2027年",
                // Phrases in code-point order.
                "立行立改",
                "长期坚持",
                "",
            ]
        );
        assert_eq!(
            DeadlineOrder::of("2026年6月底"),
            DeadlineOrder::Date(2026, 6, 31)
        );
        assert_eq!(
            DeadlineOrder::of("第3季度"),
            DeadlineOrder::Phrase("第3季度".into())
        );
    }
}
