//! The reviewer: reads a draft the way official commentary on these meetings reads speeches
//! and points at what it keeps criticising — problems that are vague rather than concrete,
//! causes passed off as problems, text copied twice, template placeholders never filled in,
//! and ads left in. Plain Rust; the window shows the items and jumps to their [`Location`].
//!
//! ```
//! use pouxi::{clean::Rules, draft::Template, review};
//! let draft = Template::default_template().to_draft();
//! let items = review::run(&draft, &Rules::builtin());
//! // Six categories, none with a finding yet.
//! assert_eq!(items.len(), 6);
//! assert!(items.iter().all(|i| i.kind == review::ReviewKind::EmptyCategory));
//! ```
//!
//! Every check family lives in its own file; thresholds are the constants below.

mod ads;
mod cause;
mod concrete;
mod headline;
mod placeholder;
mod repetition;
mod structure;

pub use repetition::similarity;

use crate::clean::Rules;
use crate::draft::numbering::{category_label, finding_label};
use crate::draft::{CategoryId, Draft, Finding, FindingId, SectionId, TextField};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;

/// A headline longer than this many characters (whitespace and a final `。` not counted) is
/// flagged as too long to be a headline.
pub const MAX_HEADLINE_CHARS: usize = 20;
/// A body shorter than this many characters is flagged as too short to be concrete.
pub const MIN_BODY_CHARS: usize = 40;
/// Sentences shorter than this many characters (punctuation not counted) may repeat freely.
pub const MIN_REPEATED_SENTENCE_CHARS: usize = 6;
/// Findings whose bodies reach this character-bigram Jaccard similarity say nearly the same
/// thing.
pub const SIMILARITY_THRESHOLD: f32 = 0.6;
/// Bodies shorter than this many characters are not compared for similarity.
pub const MIN_SIMILAR_CHARS: usize = 12;
/// A body whose sentences naming a cause make up at least this share of its characters reads
/// as a cause rather than a problem.
pub const CAUSE_SHARE: f32 = 0.5;

/// Which part of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Headline,
    Body,
}

/// Where an item points: a field of the draft. [`Location::field`] gives the field to focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    Title,
    Byline,
    DateLine,
    Opening,
    Closing,
    /// A section's heading.
    Heading(SectionId),
    /// A section's paragraphs.
    Paragraphs(SectionId),
    /// The category (its title field).
    Category(CategoryId),
    Finding(FindingId, Part),
}

impl Location {
    /// The text field to focus when the item is clicked.
    pub fn field(self) -> TextField {
        match self {
            Location::Title => TextField::Title,
            Location::Byline => TextField::Byline,
            Location::DateLine => TextField::DateLine,
            Location::Heading(id) => TextField::SectionHeading(id),
            Location::Paragraphs(id) => TextField::SectionText(id),
            Location::Opening => TextField::Opening,
            Location::Closing => TextField::Closing,
            Location::Category(id) => TextField::CategoryTitle(id),
            Location::Finding(id, Part::Headline) => TextField::Headline(id),
            Location::Finding(id, Part::Body) => TextField::Body(id),
        }
    }

    pub fn from_field(field: TextField) -> Location {
        match field {
            TextField::Title => Location::Title,
            TextField::Byline => Location::Byline,
            TextField::DateLine => Location::DateLine,
            TextField::SectionHeading(id) => Location::Heading(id),
            TextField::SectionText(id) => Location::Paragraphs(id),
            TextField::Opening => Location::Opening,
            TextField::Closing => Location::Closing,
            TextField::CategoryTitle(id) => Location::Category(id),
            TextField::Headline(id) => Location::Finding(id, Part::Headline),
            TextField::Body(id) => Location::Finding(id, Part::Body),
        }
    }

    /// The finding pointed at, if any.
    pub fn finding(self) -> Option<FindingId> {
        match self {
            Location::Finding(id, _) => Some(id),
            _ => None,
        }
    }

    /// The category the location is in: the category itself, or the finding's category.
    pub fn category(self, draft: &Draft) -> Option<CategoryId> {
        match self {
            Location::Category(id) => Some(id),
            Location::Finding(id, _) => draft.locate(id).map(|(ci, _)| draft.categories()[ci].id),
            _ => None,
        }
    }

    /// For people, in Chinese: `标题`, `开头`, `（二）在政治素质方面`,
    /// `（二）在政治素质方面 · 一是 · 正文`. Empty when the location no longer exists.
    pub fn describe_zh(self, draft: &Draft) -> String {
        match self {
            Location::Title => "标题".to_owned(),
            Location::Byline | Location::DateLine => "署名".to_owned(),
            Location::Heading(_) => "小标题".to_owned(),
            Location::Paragraphs(id) => draft
                .section(id)
                .map_or("正文".to_owned(), |s| s.heading.trim().to_owned()),
            Location::Opening => "开头".to_owned(),
            Location::Closing => "结尾".to_owned(),
            Location::Category(id) => draft
                .category_index(id)
                .map(|ci| category_place(draft, ci))
                .unwrap_or_default(),
            Location::Finding(id, part) => match finding_place(draft, id) {
                Some(place) => format!(
                    "{place} · {}",
                    match part {
                        Part::Headline => "标题",
                        Part::Body => "正文",
                    }
                ),
                None => String::new(),
            },
        }
    }
}

/// `（一）在理论学习方面`.
fn category_place(draft: &Draft, ci: usize) -> String {
    let title = draft.categories().get(ci).map_or("", |c| c.title.trim());
    format!("{}{}", category_label(ci), title)
}

/// `（一）在理论学习方面 · 二是`.
pub(crate) fn finding_place(draft: &Draft, id: FindingId) -> Option<String> {
    let (ci, fi) = draft.locate(id)?;
    Some(format!(
        "{} · {}",
        category_place(draft, ci),
        finding_label(fi)
    ))
}

/// What kind of problem an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// Ad-like text left in (the same rules as import and the export gate).
    Ad,
    /// `××`, `XX`, `**`, `____`, `20**年`, `×年×月`, `某某` never filled in.
    Placeholder,
    /// A category without findings (or with only blank ones).
    EmptyCategory,
    /// A finding with neither headline nor body.
    EmptyFinding,
    /// Body but no headline.
    MissingHeadline,
    /// Headline but no body.
    MissingBody,
    /// Longer than [`MAX_HEADLINE_CHARS`].
    LongHeadline,
    /// Ends in `，`, `、` or a connective such as `但`, `而且`, `和`.
    UnfinishedHeadline,
    /// Body shorter than [`MIN_BODY_CHARS`].
    ShortBody,
    /// Body without a figure, a date, a named document or an example.
    NoConcreteDetail,
    /// A cause (`根源在于`, `主要是因为` …) written where a problem belongs.
    CauseAsProblem,
    /// The same sentence twice in the draft.
    RepeatedSentence,
    /// Two findings whose bodies say nearly the same thing.
    SimilarFindings,
}

/// How much an item matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Must go before the speech is handed in: ads, placeholders.
    Error,
    /// Very likely a problem of the speech.
    Warning,
    /// Worth a look; often fine.
    Hint,
}

impl ReviewKind {
    pub const ALL: [ReviewKind; 13] = [
        ReviewKind::Ad,
        ReviewKind::Placeholder,
        ReviewKind::EmptyCategory,
        ReviewKind::EmptyFinding,
        ReviewKind::MissingHeadline,
        ReviewKind::MissingBody,
        ReviewKind::LongHeadline,
        ReviewKind::UnfinishedHeadline,
        ReviewKind::ShortBody,
        ReviewKind::NoConcreteDetail,
        ReviewKind::CauseAsProblem,
        ReviewKind::RepeatedSentence,
        ReviewKind::SimilarFindings,
    ];

    pub fn severity(self) -> Severity {
        match self {
            ReviewKind::Ad | ReviewKind::Placeholder => Severity::Error,
            ReviewKind::LongHeadline | ReviewKind::ShortBody | ReviewKind::NoConcreteDetail => {
                Severity::Hint
            }
            _ => Severity::Warning,
        }
    }

    /// A short Chinese name for lists and filters.
    pub fn label_zh(self) -> &'static str {
        match self {
            ReviewKind::Ad => "广告残留",
            ReviewKind::Placeholder => "占位符未填",
            ReviewKind::EmptyCategory => "方面为空",
            ReviewKind::EmptyFinding => "空白问题",
            ReviewKind::MissingHeadline => "缺少标题",
            ReviewKind::MissingBody => "缺少正文",
            ReviewKind::LongHeadline => "标题过长",
            ReviewKind::UnfinishedHeadline => "标题不完整",
            ReviewKind::ShortBody => "正文过短",
            ReviewKind::NoConcreteDetail => "缺少具体事例",
            ReviewKind::CauseAsProblem => "以原因代替问题",
            ReviewKind::RepeatedSentence => "语句重复",
            ReviewKind::SimilarFindings => "问题雷同",
        }
    }
}

/// One thing the reviewer found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub kind: ReviewKind,
    pub location: Location,
    /// What is wrong and what to do, in Chinese.
    pub message: String,
    /// The text concerned, shortened for a list.
    pub excerpt: Option<String>,
    /// Byte range in the location's field text, to select or highlight; None when the item is
    /// about the field as a whole.
    pub range: Option<Range<usize>>,
    /// The other place involved (the first occurrence of a repeated sentence, the earlier of
    /// two similar findings).
    pub related: Option<Location>,
}

impl ReviewItem {
    fn new(kind: ReviewKind, location: Location, message: impl Into<String>) -> ReviewItem {
        ReviewItem {
            kind,
            location,
            message: message.into(),
            excerpt: None,
            range: None,
            related: None,
        }
    }

    /// The whole field, shortened, as excerpt.
    fn with_text(mut self, text: &str) -> ReviewItem {
        self.excerpt = Some(shorten(text.trim(), EXCERPT_CHARS));
        self
    }

    /// A range of the field: kept for highlighting, its text as excerpt.
    fn with_range(mut self, text: &str, range: Range<usize>) -> ReviewItem {
        self.excerpt = text
            .get(range.clone())
            .map(|t| shorten(t.trim(), EXCERPT_CHARS));
        self.range = Some(range);
        self
    }

    fn with_related(mut self, related: Location) -> ReviewItem {
        self.related = Some(related);
        self
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    pub fn finding(&self) -> Option<FindingId> {
        self.location.finding()
    }
}

/// Longest excerpt, in characters.
const EXCERPT_CHARS: usize = 40;

/// Reviews the whole draft. Items come in reading order (by field, then by position in the
/// field); within one spot, the more serious kinds first.
///
/// Cost: linear in the text plus a comparison of every pair of findings; run it when the
/// draft changes, not every frame.
pub fn run(draft: &Draft, rules: &Rules) -> Vec<ReviewItem> {
    let mut items = Vec::new();
    ads::check(draft, rules, &mut items);
    placeholder::check(draft, &mut items);
    structure::check(draft, &mut items);
    headline::check(draft, &mut items);
    concrete::check(draft, &mut items);
    cause::check(draft, &mut items);
    repetition::check(draft, &mut items);
    sort_in_reading_order(draft, &mut items);
    items
}

fn sort_in_reading_order(draft: &Draft, items: &mut [ReviewItem]) {
    let order: HashMap<TextField, usize> = draft
        .text_fields()
        .into_iter()
        .enumerate()
        .map(|(i, (field, _))| (field, i))
        .collect();
    items.sort_by_key(|item| {
        (
            order
                .get(&item.location.field())
                .copied()
                .unwrap_or(usize::MAX),
            item.range.as_ref().map_or(0, |r| r.start),
            item.kind,
        )
    });
}

/// Every finding with its category and finding index.
fn findings(draft: &Draft) -> impl Iterator<Item = (usize, usize, &Finding)> {
    draft.categories().iter().enumerate().flat_map(|(ci, c)| {
        c.findings
            .iter()
            .enumerate()
            .map(move |(fi, f)| (ci, fi, f))
    })
}

/// The characters that carry meaning: letters, digits and Chinese characters, with full-width
/// ASCII read as ASCII and letters lowercased. Whitespace and punctuation are dropped.
fn core_chars(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Byte ranges of the sentences of `text`, split after `。！？；!?;` and at line breaks, with
/// the end punctuation and surrounding whitespace left out. Empty sentences are skipped.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |from: usize, to: usize| {
        let piece = &text[from..to];
        let trimmed_start = from + (piece.len() - piece.trim_start().len());
        let trimmed_end = from + piece.trim_end().len();
        if trimmed_start < trimmed_end {
            out.push(trimmed_start..trimmed_end);
        }
    };
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n') {
            push(start, i);
            start = i + c.len_utf8();
        }
    }
    push(start, text.len());
    out
}

/// At most `max` characters, `…` added when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// A built-in regular expression. The patterns are constants checked by tests; if one ever
/// failed to compile, its check would find nothing rather than stop the program.
struct Pattern(Option<regex::Regex>);

impl Pattern {
    fn new(pattern: &str) -> Pattern {
        Pattern(regex::Regex::new(pattern).ok())
    }

    fn is_match(&self, text: &str) -> bool {
        self.0.as_ref().is_some_and(|re| re.is_match(text))
    }

    fn find_ranges(&self, text: &str) -> Vec<Range<usize>> {
        self.0
            .as_ref()
            .map(|re| re.find_iter(text).map(|m| m.range()).collect())
            .unwrap_or_default()
    }

    /// `text` with every match replaced by `with`.
    fn replace_all(&self, text: &str, with: &str) -> String {
        match &self.0 {
            Some(re) => re.replace_all(text, with).into_owned(),
            None => text.to_owned(),
        }
    }

    #[cfg(test)]
    fn compiled(&self) -> bool {
        self.0.is_some()
    }
}

/// `range` widened by up to `context` characters on each side (within the text).
fn widen(text: &str, range: Range<usize>, context: usize) -> Range<usize> {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .take(context)
        .last()
        .map_or(range.start, |(i, _)| i);
    let end = text[range.end..]
        .char_indices()
        .nth(context)
        .map_or(text.len(), |(i, _)| range.end + i);
    start..end
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::draft::{CategoryId, DEFAULT_HEADING, Draft, Finding, FindingId};

    /// A draft with the given categories of (headline, body) findings; category ids are
    /// 1, 2, …, finding ids 101, 102, … in reading order.
    pub fn draft_of(categories: &[(&str, &[(&str, &str)])]) -> Draft {
        let mut draft = Draft {
            title: "2023年度民主生活会个人对照检查材料".into(),
            sections: vec![crate::draft::Section {
                id: crate::draft::SectionId(9_000),
                kind: crate::draft::SectionKind::Problems,
                heading: DEFAULT_HEADING.into(),
                body: crate::draft::SectionBody::Categories(Vec::new()),
            }],
            ..Draft::default()
        };
        let mut next = 101;
        for (i, (title, findings)) in categories.iter().enumerate() {
            draft
                .categories_mut()
                .unwrap()
                .push(crate::draft::Category {
                    id: CategoryId(i as u64 + 1),
                    title: (*title).to_owned(),
                    lead: String::new(),
                    findings: findings
                        .iter()
                        .map(|(headline, body)| {
                            next += 1;
                            Finding {
                                id: FindingId(next - 1),
                                headline: (*headline).to_owned(),
                                body: (*body).to_owned(),
                            }
                        })
                        .collect(),
                    ..Default::default()
                });
        }
        draft
    }

    /// A concrete, well-formed body used where a check needs a finding to be otherwise fine.
    pub const GOOD_BODY: &str = "今年以来参加党组理论学习中心组集中学习12次，其中因出差缺席3次，围绕分管的信访工作只撰写读书笔记2篇，学用结合不够紧密。";
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn sentences_split_on_end_punctuation() {
        let text = " 一是学习不够。二是研究不深；三是？\n四是结合不紧 ";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            ["一是学习不够", "二是研究不深", "三是", "四是结合不紧"]
        );
    }

    #[test]
    fn excerpts_are_shortened_and_widened_within_the_text() {
        assert_eq!(shorten("一二三四五", 3), "一二三…");
        assert_eq!(shorten("一二三", 3), "一二三");
        let text = "甲乙丙××丁戊己";
        let start = text.find("××").unwrap();
        let wide = widen(text, start..start + "××".len(), 2);
        assert_eq!(&text[wide], "乙丙××丁戊");
        assert_eq!(&text[widen(text, 0..3, 5)], "甲乙丙××丁");
        assert_eq!(&text[widen(text, 3..6, 9)], text);
    }

    #[test]
    fn locations_describe_themselves_and_map_to_fields() {
        let draft = draft_of(&[
            ("在理论学习方面", &[]),
            ("在政治素质方面", &[("政治定位把握不准", GOOD_BODY)]),
        ]);
        let location = Location::Finding(FindingId(101), Part::Body);
        assert_eq!(
            location.describe_zh(&draft),
            "（二）在政治素质方面 · 一是 · 正文"
        );
        assert_eq!(location.field(), TextField::Body(FindingId(101)));
        assert_eq!(Location::from_field(location.field()), location);
        assert_eq!(location.category(&draft), Some(CategoryId(2)));
        assert_eq!(
            Location::Category(CategoryId(1)).describe_zh(&draft),
            "（一）在理论学习方面"
        );
        assert_eq!(
            Location::Finding(FindingId(9), Part::Body).describe_zh(&draft),
            ""
        );
    }

    #[test]
    fn a_good_draft_has_nothing_to_say() {
        let draft = draft_of(&[(
            "在理论学习方面",
            &[
                ("学习举措强度不够", GOOD_BODY),
                (
                    "联系实际不够紧密",
                    "分管的信访接待工作中，今年群众反映的7件问题有2件超过办理时限，我只是转交科室办理，没有到现场了解情况，也没有用所学理论分析矛盾根子。",
                ),
            ],
        )]);
        assert_eq!(run(&draft, &Rules::builtin()), []);
    }

    #[test]
    fn items_come_in_reading_order() {
        let draft = draft_of(&[
            ("在理论学习方面", &[("学习不够，", "××同志")]),
            ("在政治素质方面", &[]),
        ]);
        let items = run(&draft, &Rules::builtin());
        let places: Vec<(Location, ReviewKind)> =
            items.iter().map(|i| (i.location, i.kind)).collect();
        assert_eq!(
            places,
            [
                (
                    Location::Finding(FindingId(101), Part::Headline),
                    ReviewKind::UnfinishedHeadline
                ),
                (
                    Location::Finding(FindingId(101), Part::Body),
                    ReviewKind::Placeholder
                ),
                (
                    Location::Finding(FindingId(101), Part::Body),
                    ReviewKind::ShortBody
                ),
                (Location::Category(CategoryId(2)), ReviewKind::EmptyCategory),
            ]
        );
    }

    #[test]
    fn every_kind_has_a_label_and_severity() {
        for kind in ReviewKind::ALL {
            assert!(!kind.label_zh().is_empty());
            let _ = kind.severity();
        }
        assert_eq!(ReviewKind::Ad.severity(), Severity::Error);
        assert_eq!(ReviewKind::NoConcreteDetail.severity(), Severity::Hint);
    }
}
