//! The draft: a whole speech as plain data, changed only through [`Command`]s.
//!
//! Nothing here knows about windows or files. Numbering is derived from position and never
//! stored (see [`numbering`]).

mod command;
mod dismissal;
pub mod edits;
pub mod fingerprint;
mod ledger;
mod measures;
pub mod numbering;
pub mod place;
mod section;
pub mod section_edits;
pub mod targets;
mod template;

pub use fingerprint::SourceFingerprint;
pub use ledger::{DeadlineOrder, LEDGER_COLUMNS, Ledger, LedgerEntry, LedgerRow};
pub use measures::measures_from_problems;
pub use section::{
    Byline, Section, SectionBody, SectionId, SectionKind, section_label, strip_section_number,
};
pub use targets::{CharRange, NO_MAXIMUM, Targets};
pub use template::{Template, TemplateSection, latest as latest_template};

pub use command::{Command, CommandError, TextField};
pub use dismissal::{Dismissal, Dismissals};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Stable identity of a finding: survives moves, edits and saving. The default, 0, is no id.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct FindingId(pub u64);

/// Stable identity of a category. The default, 0, is no id.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CategoryId(pub u64);

/// One problem found: a short headline sentence and its elaboration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub id: FindingId,
    #[serde(default)]
    pub headline: String,
    #[serde(default)]
    pub body: String,
}

impl Finding {
    pub fn is_empty(&self) -> bool {
        self.headline.trim().is_empty() && self.body.trim().is_empty()
    }

    /// Characters as Word's 字数 counts them here: everything but whitespace.
    pub fn char_count(&self) -> usize {
        count_chars(&self.headline) + count_chars(&self.body)
    }
}

/// A problem category such as `在理论学习方面`, holding its findings in speaking order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: CategoryId,
    pub title: String,
    /// Text between the category's heading and its first finding (理论武装抓得不深……：); often empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead: String,
    /// Length target of the category ([`Category::char_count`]); written only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<CharRange>,
    #[serde(default)]
    pub findings: Vec<Finding>,
}

impl Category {
    pub fn char_count(&self) -> usize {
        count_chars(&self.title)
            + count_chars(&self.lead)
            + self.findings.iter().map(Finding::char_count).sum::<usize>()
    }

    /// True when nothing of it would print: no lead and no finding with text. The export
    /// leaves such a category out (its title alone says nothing), and its number goes to the
    /// next.
    pub fn prints_nothing(&self) -> bool {
        self.lead.trim().is_empty() && self.findings.iter().all(Finding::is_empty)
    }
}

/// The default heading of the problems section, without its number.
pub const DEFAULT_HEADING: &str = "检视存在的问题";

/// The whole speech: title, byline, opening, sections in order, closing, and the 整改清单's
/// typed cells. `opening` and `closing` hold text outside every section, so that nothing
/// imported is ever dropped.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub title: String,
    pub byline: Byline,
    pub opening: String,
    pub sections: Vec<Section>,
    pub closing: String,
    /// The typed cells of the 整改清单, by problem finding.
    pub ledger: Ledger,
    /// For each measure (a finding of a 整改措施 section), the problem findings it answers.
    pub answers: BTreeMap<FindingId, Vec<FindingId>>,
    /// Length targets for the whole draft.
    pub targets: Targets,
    /// Fingerprint of the material the draft was imported from, for the originality meter;
    /// None for drafts written from scratch.
    pub source: Option<SourceFingerprint>,
    /// Reviewer advice the writer chose to ignore.
    #[serde(skip_serializing_if = "Dismissals::is_empty")]
    pub dismissed: Dismissals,
}

/// Counts characters the way the status bar reports them: whitespace excluded.
pub fn count_chars(text: &str) -> usize {
    text.chars().filter(|&c| !is_space(c)).count()
}

/// Whether `text` has at most `max` characters as [`count_chars`] counts them. It reads no
/// further than the character after the `max`th, so asking it of a paragraph a megabyte long
/// (material pasted as one line) costs what asking it of a title does.
pub fn count_chars_at_most(text: &str, max: usize) -> bool {
    text.chars().filter(|&c| !is_space(c)).nth(max).is_none()
}

/// `char::is_whitespace`, answered at once for the characters most of a draft is made of:
/// no whitespace character lies above the ideographic space U+3000, and asking Unicode's table
/// about every Chinese character was a tenth of counting a large draft.
pub fn is_space(c: char) -> bool {
    c <= '\u{3000}' && c.is_whitespace()
}

/// The largest id a draft keeps as it is. Ids above it (a hand-edited or hostile file) are
/// renumbered on load, so that handing out the next id can never run off the end of `u64` and
/// wrap around to ids in use. 2^53 also stays exact wherever ids become JSON numbers.
pub const MAX_ID: u64 = 1 << 53;

/// 2612 → "2,612": the one way counts are written wherever people read them.
///
/// ```
/// use pouxi::draft::group_thousands;
/// assert_eq!(group_thousands(999), "999");
/// assert_eq!(group_thousands(2612), "2,612");
/// assert_eq!(group_thousands(1_234_567), "1,234,567");
/// ```
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Hands out ids above every id a draft uses. Ids are never stored as a counter in the draft,
/// so applying a command and its inverse restores the draft exactly.
#[derive(Debug, Clone)]
pub struct IdSource {
    next: u64,
}

impl IdSource {
    /// Ids above every id in `draft` up to [`MAX_ID`] (larger ones are renumbered by
    /// [`Draft::normalize_ids`] and never reached by counting up from here).
    pub fn after(draft: &Draft) -> IdSource {
        IdSource {
            next: draft.max_id() + 1,
        }
    }

    /// Keeps handing out ids above both what was handed out already and what `draft` uses,
    /// so ids stay unique across undo, redo and replaced drafts.
    pub fn catch_up(&mut self, draft: &Draft) {
        self.next = self.next.max(draft.max_id() + 1);
    }

    pub fn finding(&mut self) -> FindingId {
        FindingId(self.take())
    }

    pub fn category(&mut self) -> CategoryId {
        CategoryId(self.take())
    }

    pub fn section(&mut self) -> SectionId {
        SectionId(self.take())
    }

    fn take(&mut self) -> u64 {
        let id = self.next.max(1);
        // Counting from at most MAX_ID + 1, the end of u64 is out of reach.
        self.next = id.saturating_add(1);
        id
    }
}

/// Where a category sits: section index and category index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryPlace {
    pub section: usize,
    pub category: usize,
}

/// Where a finding sits: section, category and finding index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingPlace {
    pub section: usize,
    pub category: usize,
    pub finding: usize,
}

impl Draft {
    /// A draft with one problems section holding the given category titles and no findings.
    /// A number typed before the heading (`二、`) is dropped: section numbers are derived.
    pub fn with_categories<S: AsRef<str>>(title: &str, heading: &str, titles: &[S]) -> Draft {
        let mut ids = IdSource { next: 1 };
        // Categories take the first ids (1, 2, …), the section the next one.
        let categories = titles
            .iter()
            .map(|t| Category {
                id: ids.category(),
                title: t.as_ref().to_owned(),
                ..Category::default()
            })
            .collect();
        Draft {
            title: title.to_owned(),
            sections: vec![Section {
                id: ids.section(),
                kind: SectionKind::Problems,
                heading: strip_section_number(heading).to_owned(),
                body: SectionBody::Categories(categories),
            }],
            ..Draft::default()
        }
    }

    /// The largest id in use up to [`MAX_ID`], 0 for none.
    pub fn max_id(&self) -> u64 {
        self.all_ids().filter(|&id| id <= MAX_ID).max().unwrap_or(0)
    }

    /// Every id in use: sections, categories, findings.
    pub(super) fn all_ids(&self) -> impl Iterator<Item = u64> + '_ {
        self.sections.iter().flat_map(|s| {
            std::iter::once(s.id.0).chain(
                s.categories()
                    .iter()
                    .flat_map(|c| std::iter::once(c.id.0).chain(c.findings.iter().map(|f| f.id.0))),
            )
        })
    }

    /// Repairs ids of a file written by hand: every id in `1..=MAX_ID` and unique. Ids that
    /// are 0, repeated or above [`MAX_ID`] get fresh ones; if fresh ones would not fit below
    /// [`MAX_ID`], every id is renumbered in reading order. Returns true when something had
    /// to change.
    pub fn normalize_ids(&mut self) -> bool {
        let mut seen = std::collections::HashSet::new();
        let bad = self
            .all_ids()
            .filter(|&id| id == 0 || id > MAX_ID || !seen.insert(id))
            .count() as u64;
        if bad == 0 {
            return false;
        }
        let renumber_all = self.max_id() > MAX_ID.saturating_sub(bad);
        let mut ids = if renumber_all {
            IdSource { next: 1 }
        } else {
            IdSource::after(self)
        };
        let mut seen = std::collections::HashSet::new();
        let mut keep = |id: u64| !renumber_all && id != 0 && id <= MAX_ID && seen.insert(id);
        for section in &mut self.sections {
            if !keep(section.id.0) {
                section.id = ids.section();
            }
            let Some(categories) = section.categories_mut() else {
                continue;
            };
            for category in categories {
                if !keep(category.id.0) {
                    category.id = ids.category();
                }
                for finding in &mut category.findings {
                    if !keep(finding.id.0) {
                        finding.id = ids.finding();
                    }
                }
            }
        }
        true
    }

    /// True when no two sections, categories or findings share an id and every id is in
    /// `1..=MAX_ID`.
    pub fn ids_are_unique(&self) -> bool {
        let mut seen = std::collections::HashSet::new();
        self.all_ids()
            .all(|id| id != 0 && id <= MAX_ID && seen.insert(id))
    }

    /// The first section of problems (检视问题) that holds categories: the one the outline,
    /// the review and the 整改清单 count.
    pub fn problems_section(&self) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.kind == SectionKind::Problems && s.paragraphs().is_none())
    }

    /// The problems section's categories; empty when the draft has none.
    pub fn categories(&self) -> &[Category] {
        self.problems_section().map_or(&[], Section::categories)
    }

    /// The problems section's categories, to change in place (importers and tests building a
    /// draft; the editor goes through commands). None when the draft has no problems section.
    pub fn categories_mut(&mut self) -> Option<&mut Vec<Category>> {
        self.sections
            .iter_mut()
            .find(|s| s.kind == SectionKind::Problems && s.paragraphs().is_none())
            .and_then(Section::categories_mut)
    }

    pub fn section(&self, id: SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn section_index(&self, id: SectionId) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    /// A category of any section.
    pub fn category(&self, id: CategoryId) -> Option<&Category> {
        self.find_category(id)
            .map(|p| &self.sections[p.section].categories()[p.category])
    }

    /// Where a category of any section sits.
    pub fn find_category(&self, id: CategoryId) -> Option<CategoryPlace> {
        self.sections.iter().enumerate().find_map(|(si, s)| {
            s.categories()
                .iter()
                .position(|c| c.id == id)
                .map(|ci| CategoryPlace {
                    section: si,
                    category: ci,
                })
        })
    }

    /// Where a finding of any section sits.
    pub fn find_finding(&self, id: FindingId) -> Option<FindingPlace> {
        self.sections.iter().enumerate().find_map(|(si, s)| {
            s.categories().iter().enumerate().find_map(|(ci, c)| {
                c.findings
                    .iter()
                    .position(|f| f.id == id)
                    .map(|fi| FindingPlace {
                        section: si,
                        category: ci,
                        finding: fi,
                    })
            })
        })
    }

    /// The index of a problems-section category in [`Draft::categories`].
    pub fn category_index(&self, id: CategoryId) -> Option<usize> {
        self.categories().iter().position(|c| c.id == id)
    }

    /// The number each section prints with (`一、`, `二、`, …), by index: None for a section
    /// without a heading (it goes on under the one before) or one that prints nothing.
    pub fn section_numbers(&self) -> Vec<Option<String>> {
        let mut next = 0;
        self.sections
            .iter()
            .map(|section| {
                if section.heading.trim().is_empty() || section.prints_nothing() {
                    return None;
                }
                next += 1;
                Some(section_label(next - 1))
            })
            .collect()
    }

    /// The category a field belongs to, in any section: its own title or lead, or a finding in
    /// it. `None` for the fields outside the categories (title, opening, closing, sections'
    /// headings and paragraphs).
    pub fn category_of(&self, field: TextField) -> Option<CategoryId> {
        match field {
            TextField::CategoryTitle(id) | TextField::CategoryLead(id) => {
                self.find_category(id).map(|_| id)
            }
            TextField::Headline(id) | TextField::Body(id) => self
                .find_finding(id)
                .map(|p| self.sections[p.section].categories()[p.category].id),
            _ => None,
        }
    }

    /// Where a finding of the problems section sits: (category index, finding index) in
    /// [`Draft::categories`].
    pub fn locate(&self, id: FindingId) -> Option<(usize, usize)> {
        self.categories().iter().enumerate().find_map(|(ci, c)| {
            c.findings
                .iter()
                .position(|f| f.id == id)
                .map(|fi| (ci, fi))
        })
    }

    /// A finding of any section.
    pub fn finding(&self, id: FindingId) -> Option<&Finding> {
        self.find_finding(id)
            .map(|p| &self.sections[p.section].categories()[p.category].findings[p.finding])
    }

    /// Findings of the problems section.
    pub fn finding_count(&self) -> usize {
        self.categories().iter().map(|c| c.findings.len()).sum()
    }

    /// Total characters of everything a reader hears, whitespace excluded.
    pub fn char_count(&self) -> usize {
        count_chars(&self.title)
            + count_chars(&self.opening)
            + self.sections.iter().map(Section::char_count).sum::<usize>()
            + count_chars(&self.closing)
    }

    /// Every piece of text in the draft with the field it lives in, in reading order.
    pub fn text_fields(&self) -> Vec<(TextField, &str)> {
        let mut fields = vec![
            (TextField::Title, self.title.as_str()),
            (TextField::Byline, self.byline.author.as_str()),
            (TextField::DateLine, self.byline.date.as_str()),
            (TextField::Opening, self.opening.as_str()),
        ];
        for section in &self.sections {
            fields.push((TextField::SectionHeading(section.id), &section.heading));
            if let Some(text) = section.paragraphs() {
                fields.push((TextField::SectionText(section.id), text));
            }
            for category in section.categories() {
                fields.push((
                    TextField::CategoryTitle(category.id),
                    category.title.as_str(),
                ));
                fields.push((TextField::CategoryLead(category.id), category.lead.as_str()));
                for finding in &category.findings {
                    fields.push((TextField::Headline(finding.id), finding.headline.as_str()));
                    fields.push((TextField::Body(finding.id), finding.body.as_str()));
                }
            }
        }
        fields.push((TextField::Closing, self.closing.as_str()));
        fields
    }

    /// The problems a measure answers (empty for none).
    pub fn answers_of(&self, measure: FindingId) -> &[FindingId] {
        self.answers.get(&measure).map_or(&[], Vec::as_slice)
    }

    /// Applies a command and returns its inverse, or refuses it and leaves the draft untouched.
    pub fn apply(&mut self, command: Command) -> Result<Command, CommandError> {
        command::apply(self, command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exclude_whitespace() {
        assert_eq!(count_chars("一是 学习\u{3000}不够。\n"), 7);
    }

    #[test]
    fn the_quick_whitespace_test_is_unicode_s() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn normalize_ids_repairs_duplicates() {
        let mut draft = Draft::with_categories("t", DEFAULT_HEADING, &["甲", "乙"]);
        let finding = Finding {
            id: FindingId(1),
            headline: "a".into(),
            body: "b".into(),
        };
        let categories = draft.categories_mut().unwrap();
        categories[0].findings.push(finding.clone());
        categories[1].findings.push(finding);
        assert!(!draft.ids_are_unique());
        assert!(draft.normalize_ids());
        assert!(draft.ids_are_unique());
        assert!(!draft.normalize_ids());
    }

    #[test]
    fn id_source_never_reuses_after_catch_up() {
        let draft = Draft::with_categories("t", DEFAULT_HEADING, &["甲"]);
        let mut ids = IdSource::after(&draft);
        let first = ids.finding();
        ids.catch_up(&Draft::default());
        assert!(ids.finding().0 > first.0);
    }
}
