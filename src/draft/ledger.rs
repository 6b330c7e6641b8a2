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
                    let measures = match linked.get(&finding.id) {
                        Some(headlines) => headlines.join("；"),
                        None => entry.measures,
                    };
                    rows.push(LedgerRow {
                        problem: finding.id,
                        number: rows.len() + 1,
                        category: category.title.trim().to_owned(),
                        headline: finding.headline.trim().to_owned(),
                        measures,
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
