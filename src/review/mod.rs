//! The reviewer: reads a draft the way the person who checks speeches before the meeting
//! reads it, and the way official commentary on these meetings does — wrong words and
//! particles, official formulations misquoted, half-width punctuation and stray spaces,
//! website leftovers in the title, section numbers that skip, problems that are vague rather
//! than concrete, causes passed off as problems or put down to circumstances, text copied
//! twice, template placeholders never filled in, and ads left in. Plain Rust; the window
//! shows the items (folded by [`fold`]), jumps to their [`Location`] and applies their
//! [`Fix`] in one undo step ([`fix_command`]).
//!
//! ```
//! use pouxi::{clean::Rules, draft::Template, review};
//! let draft = Template::default_template().to_draft();
//! let items = review::run(&draft, &Rules::builtin());
//! // The 2025 template's five problem categories, none with a finding yet; its section
//! // numbers are derived, so nothing is said about them.
//! let empty = items.iter().filter(|i| i.kind == review::ReviewKind::EmptyCategory);
//! assert_eq!(empty.count(), 5);
//! assert!(items.iter().all(|i| i.kind != review::ReviewKind::SectionNumbering));
//! assert_eq!(items.len(), 5);
//! ```
//!
//! Every check family lives in its own file; thresholds are the constants below.

mod ads;
mod cause;
mod circumstance;
mod concrete;
mod dismiss;
mod fix;
mod formulation;
mod group;
mod headline;
mod idiom;
mod idiom_tables;
mod lexicon;
mod needles;
mod outline;
mod pattern;
mod placeholder;
mod repetition;
mod runner;
mod spun;
mod structure;
mod typography;
mod wording;
pub use dismiss::{dismissed_in_force, drop_dismissed};
pub use fix::{Fix, fix_command};
pub use group::{ReviewGroup, fold};
pub use lexicon::{Formulation, Lexicon, LexiconError, Spun, USER_FILE, WrongWord};
pub use placeholder::{UnfilledSlot, unfilled, unfilled_slots};
pub use repetition::similarity;
pub use runner::{run, run_and_find_ads, run_with};

use crate::draft::{CategoryId, Draft, Finding, FindingId, SectionId, TextField, place};
use pattern::Pattern;
use serde::{Deserialize, Serialize};
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
            TextField::CategoryTitle(id) | TextField::CategoryLead(id) => Location::Category(id),
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

    /// For people, in Chinese, worded as everywhere else ([`place::field_place`]): `标题`,
    /// `（二）在政治素质方面 · 方面标题`, `（二）在政治素质方面 · 一是 · 正文`. Empty when the
    /// location no longer exists.
    pub fn describe_zh(self, draft: &Draft) -> String {
        place::field_place(draft, self.field()).unwrap_or_default()
    }
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
    /// An official formulation with a word dropped, added or swapped, without its quotation
    /// marks, or with the wrong number (`三个自信`).
    Formulation,
    /// A word from the list of common wrong words (`述求` for `诉求`).
    WrongWord,
    /// `的` or `地` where `得` links a verb to its complement (`抓的不够紧`).
    Particle,
    /// A function character written twice (`的的`).
    DoubledCharacter,
    /// A space inside Chinese text (`2025 年`, `党 建`).
    StraySpace,
    /// Half-width punctuation in Chinese text (`,` for `，`, `(1)` for `（1）`).
    HalfWidthPunctuation,
    /// Age, workload, the nature of the post or history given as the cause of a problem.
    BlamingCircumstances,
    /// Website leftovers: in the title `（五）`, `（问题部分）`, `范文`, `精选`, `篇一`; in the
    /// text a site's tag such as `（中华励志网）`.
    WebsiteLeftover,
    /// Section numbers that skip (`二、` with no `一、` before it).
    SectionNumbering,
    /// A category with a single finding: a lone `一是`.
    LoneFinding,
    /// A headline that only repeats its category's title.
    HeadlineRepeatsCategory,
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
    pub const ALL: [ReviewKind; 24] = [
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
        ReviewKind::Formulation,
        ReviewKind::WrongWord,
        ReviewKind::Particle,
        ReviewKind::DoubledCharacter,
        ReviewKind::StraySpace,
        ReviewKind::HalfWidthPunctuation,
        ReviewKind::BlamingCircumstances,
        ReviewKind::WebsiteLeftover,
        ReviewKind::SectionNumbering,
        ReviewKind::LoneFinding,
        ReviewKind::HeadlineRepeatsCategory,
    ];

    pub fn severity(self) -> Severity {
        match self {
            ReviewKind::Ad
            | ReviewKind::Placeholder
            | ReviewKind::Formulation
            | ReviewKind::WrongWord
            | ReviewKind::WebsiteLeftover => Severity::Error,
            ReviewKind::LongHeadline
            | ReviewKind::ShortBody
            | ReviewKind::NoConcreteDetail
            | ReviewKind::BlamingCircumstances
            | ReviewKind::LoneFinding
            | ReviewKind::HeadlineRepeatsCategory => Severity::Hint,
            _ => Severity::Warning,
        }
    }

    /// The kind's name in files and on the command line (`wrong_word`), as serde writes it.
    pub fn name(self) -> &'static str {
        match self {
            ReviewKind::Ad => "ad",
            ReviewKind::Placeholder => "placeholder",
            ReviewKind::EmptyCategory => "empty_category",
            ReviewKind::EmptyFinding => "empty_finding",
            ReviewKind::MissingHeadline => "missing_headline",
            ReviewKind::MissingBody => "missing_body",
            ReviewKind::LongHeadline => "long_headline",
            ReviewKind::UnfinishedHeadline => "unfinished_headline",
            ReviewKind::ShortBody => "short_body",
            ReviewKind::NoConcreteDetail => "no_concrete_detail",
            ReviewKind::CauseAsProblem => "cause_as_problem",
            ReviewKind::RepeatedSentence => "repeated_sentence",
            ReviewKind::SimilarFindings => "similar_findings",
            ReviewKind::Formulation => "formulation",
            ReviewKind::WrongWord => "wrong_word",
            ReviewKind::Particle => "particle",
            ReviewKind::DoubledCharacter => "doubled_character",
            ReviewKind::StraySpace => "stray_space",
            ReviewKind::HalfWidthPunctuation => "half_width_punctuation",
            ReviewKind::BlamingCircumstances => "blaming_circumstances",
            ReviewKind::WebsiteLeftover => "website_leftover",
            ReviewKind::SectionNumbering => "section_numbering",
            ReviewKind::LoneFinding => "lone_finding",
            ReviewKind::HeadlineRepeatsCategory => "headline_repeats_category",
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
            ReviewKind::Formulation => "规范表述",
            ReviewKind::WrongWord => "错别字",
            ReviewKind::Particle => "的得地",
            ReviewKind::DoubledCharacter => "重复多余",
            ReviewKind::StraySpace => "多余空格",
            ReviewKind::HalfWidthPunctuation => "半角标点",
            ReviewKind::BlamingCircumstances => "归咎客观",
            ReviewKind::WebsiteLeftover => "网站残留",
            ReviewKind::SectionNumbering => "序号不连续",
            ReviewKind::LoneFinding => "只有“一是”",
            ReviewKind::HeadlineRepeatsCategory => "标题重复方面",
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
    /// Which rule fired: the kind's [`ReviewKind::name`], with the entry of a word list or
    /// dictionary after a slash (`wrong_word/述求`). The same id switches the entry off in the
    /// user's `review.ron`.
    pub rule: String,
    /// The exact change that mends the text, when there is one.
    pub fix: Option<Fix>,
    /// How much it matters: the kind's, unless the item only advises (a dictionary variant
    /// is worth a look, not a must-fix).
    severity: Severity,
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
            rule: kind.name().to_owned(),
            fix: None,
            severity: kind.severity(),
        }
    }

    /// Lowers the item to advice ([`Severity::Warning`]) when its kind would make it a must.
    fn advising(mut self) -> ReviewItem {
        self.severity = self.severity.max(Severity::Warning);
        self
    }

    /// Names the entry that fired: `rule` becomes `kind/entry`.
    fn with_rule(mut self, entry: &str) -> ReviewItem {
        self.rule = format!("{}/{entry}", self.kind.name());
        self
    }

    /// A fix replacing the item's range (set it first with [`ReviewItem::with_range`]) by
    /// `to`.
    fn with_fix(mut self, text: &str, to: impl Into<String>) -> ReviewItem {
        if let Some(range) = self.range.clone() {
            self.fix = Fix::new(text, range, to);
        }
        self
    }

    /// The whole field, shortened, as excerpt.
    fn with_text(mut self, text: &str) -> ReviewItem {
        self.excerpt = Some(shorten(text.trim(), EXCERPT_CHARS));
        self
    }

    /// A range of the field: kept for highlighting, its text as excerpt.
    fn with_range(mut self, text: &str, range: Range<usize>) -> ReviewItem {
        self.set_range(text, range);
        self
    }

    /// [`ReviewItem::with_range`] on an item already made (an excuse widened over a comma).
    fn set_range(&mut self, text: &str, range: Range<usize>) {
        self.excerpt = text
            .get(range.clone())
            .map(|t| shorten(t.trim(), EXCERPT_CHARS));
        self.range = Some(range);
    }

    /// The excerpt widened to the words around the item's range: a slot (`××`) or a mark
    /// (`'`, `2、`) alone says nothing of where it stands.
    fn in_context(mut self, text: &str) -> ReviewItem {
        if let Some(range) = self.range.clone() {
            self.excerpt = Some(shorten(&text[widen(text, range, 8)], 40));
        }
        self
    }

    fn with_related(mut self, related: Location) -> ReviewItem {
        self.related = Some(related);
        self
    }

    pub fn severity(&self) -> Severity {
        self.severity
    }

    pub fn finding(&self) -> Option<FindingId> {
        self.location.finding()
    }
}

/// Longest excerpt, in characters.
const EXCERPT_CHARS: usize = 40;

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
        // Chinese first: `is_alphanumeric` looks CJK up the slow way.
        .filter(|&c| crate::clean::is_han(c) || c.is_alphanumeric())
        .collect()
}

/// Whether `c` closes a clause: `，。；！？：`, their ASCII forms, or a line break. A `match`,
/// for it is asked of every character of the texts a check splits.
fn closes_clause(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '！' | '？' | '：' | ',' | ';' | '!' | '?' | ':' | '\n'
    )
}

/// The clause of `before` that runs up to its end: from its last clause-closing mark (kept)
/// on, or the whole of it. The checks read what comes earlier in the clause a word stands in.
fn clause_so_far(before: &str) -> &str {
    before.rfind(closes_clause).map_or(before, |i| &before[i..])
}

/// Each run of one repeated character that `marked` accepts (`--`, `*`), as its byte range
/// and the character.
fn runs_of(text: &str, marked: impl Fn(char) -> bool) -> Vec<(Range<usize>, char)> {
    let mut runs = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !marked(c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            if next != c {
                break;
            }
            end = next_at + next.len_utf8();
            chars.next();
        }
        runs.push((at..end, c));
    }
    runs
}

/// Whether `c` ends a sentence: `。！？；!?;` or a line break.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

/// The byte range of the sentence of `text` that holds byte `at`, its end punctuation left out.
fn sentence_around(text: &str, at: usize) -> Range<usize> {
    let start = text[..at]
        .char_indices()
        .rfind(|&(_, c)| ends_sentence(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .find(ends_sentence)
        .map_or(text.len(), |i| at + i);
    start..end
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
        if ends_sentence(c) {
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
    /// 1, 2, …, finding ids 101, 102, … in reading order, in one problems section.
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

    /// The fixes (`from`, `to`) a check of one text offers, the text standing as a finding's
    /// body.
    pub fn fixes_in_body(
        text: &str,
        check: impl FnOnce(super::Location, &str, &mut Vec<super::ReviewItem>),
    ) -> Vec<(String, String)> {
        let mut items = Vec::new();
        check(
            super::Location::Finding(FindingId(1), super::Part::Body),
            text,
            &mut items,
        );
        items
            .into_iter()
            .filter_map(|item| item.fix.map(|fix| (fix.from, fix.to)))
            .collect()
    }

    /// A concrete, well-formed body used where a check needs a finding to be otherwise fine.
    pub const GOOD_BODY: &str = "今年以来参加党组理论学习中心组集中学习12次，其中因出差缺席3次，围绕分管的信访工作只撰写读书笔记2篇，学用结合不够紧密。";
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;
    use crate::clean::Rules;

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
            "（一）在理论学习方面 · 方面标题"
        );
        assert_eq!(
            Location::Finding(FindingId(101), Part::Headline).describe_zh(&draft),
            "（二）在政治素质方面 · 一是 · 问题标题"
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
                (Location::Category(CategoryId(1)), ReviewKind::LoneFinding),
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
