//! Real findings marked by hand (`tests/fixtures/review_real/*.txt`) and the reviewer's score
//! on them, shared by the measure of trust (`review_real.rs`) and the second readers'
//! agreement (`review_readers.rs`).
#![allow(dead_code)]

use pouxi::clean::Rules;
use pouxi::draft::{Category, CategoryId, Draft, Finding, FindingId};
use pouxi::review::{self, Location, ReviewItem, ReviewKind};
use std::collections::BTreeMap;
use std::ops::Range;

/// The kinds that say "this is wrong" about a piece of text, as opposed to advice about a
/// finding as a whole (vague, too short, …), which is a judgment rather than a fault. Half-
/// width punctuation is left out: the pages are stored NFKC-normalised (see the fixture).
pub const FAULT_KINDS: &[ReviewKind] = &[
    ReviewKind::Ad,
    ReviewKind::Placeholder,
    ReviewKind::Formulation,
    ReviewKind::WrongWord,
    ReviewKind::Particle,
    ReviewKind::DoubledCharacter,
    ReviewKind::StraySpace,
    ReviewKind::BlamingCircumstances,
    ReviewKind::WebsiteLeftover,
];

#[derive(Clone)]
pub struct RealFinding {
    pub page: String,
    pub text: String,
    /// (kind as marked, snippet)
    pub faults: Vec<(String, String)>,
}

impl RealFinding {
    /// Where each of the finding's marks lies, with its kind.
    pub fn fault_ranges(&self) -> Vec<(&str, Range<usize>)> {
        self.faults
            .iter()
            .map(|(kind, snippet)| {
                let at = self
                    .text
                    .find(snippet.as_str())
                    .unwrap_or_else(|| panic!("“{snippet}” is not in “{}”", self.text));
                (kind.as_str(), at..at + snippet.len())
            })
            .collect()
    }
}

/// Undoes the corpus's NFKC normalisation of Chinese punctuation (the pages are Chinese
/// text throughout; no figure in them uses these marks). A mark after an ASCII letter or digit
/// and before a space or the end stays as it is: that is ASCII text of its own, such as a
/// forum's anti-scraping junk (`s6 t! d2 y- J`), which NFKC left alone. So does a mark
/// beside the strokes of an ASCII face (`:-(`, `^_^`), which was never Chinese punctuation.
pub fn full_width(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let stroke = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| "-^_=<>'*".contains(*c))
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let ascii_before = i > 0 && chars[i - 1].is_ascii_alphanumeric();
            let ascii_after = chars.get(i + 1).is_none_or(|n| *n == ' ');
            if (ascii_before && ascii_after) || stroke(i.checked_sub(1)) || stroke(Some(i + 1)) {
                return c;
            }
            pouxi::export::wide_form(c).unwrap_or(c)
        })
        .collect()
}

/// `snippet` of the finding `written` as it reads in the finding made full width (`text`):
/// a mark converts as its characters do in the finding, so `15?` at a snippet's end is
/// `15？` where the finding goes on in Chinese. `full_width` keeps the count of characters.
fn as_in_finding(written: &str, text: &str, snippet: &str) -> String {
    let Some(at) = written.find(snippet) else {
        return full_width(snippet);
    };
    let start = written[..at].chars().count();
    text.chars()
        .skip(start)
        .take(snippet.chars().count())
        .collect()
}

pub fn parse(fixture: &str) -> Vec<RealFinding> {
    let mut out: Vec<RealFinding> = Vec::new();
    let mut page = String::new();
    let mut expect_text = false;
    let mut written = "";
    for line in fixture.lines() {
        if let Some(url) = line.strip_prefix("@ ") {
            page = url.trim().to_owned();
        } else if line == "==" {
            expect_text = true;
        } else if expect_text {
            out.push(RealFinding {
                page: page.clone(),
                text: full_width(line),
                faults: Vec::new(),
            });
            written = line;
            expect_text = false;
        } else if let Some(mark) = line.strip_prefix("!! ") {
            let (kind, snippet) = mark.split_once(": ").expect("`!! kind: snippet`");
            let finding = out.last_mut().expect("a fault mark follows its finding");
            let snippet = as_in_finding(written, &finding.text, snippet);
            finding.faults.push((kind.to_owned(), snippet));
        }
    }
    out
}

pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// What the reviewer did on one set of findings.
#[derive(Default)]
pub struct Score {
    pub findings: usize,
    pub pages: usize,
    pub marked: usize,
    pub found: usize,
    pub flagged: usize,
    pub right: usize,
    pub misses: Vec<String>,
    pub false_alarms: Vec<String>,
    /// Flags on what the set's marker declared out of scope (spaces beside figures), counted
    /// neither right nor wrong.
    pub unjudged: usize,
    /// Marked and found faults by the kind their marker gave them.
    pub by_kind: BTreeMap<String, (usize, usize)>,
    /// Flags and right flags by the rule that raised them.
    pub by_rule: BTreeMap<String, (usize, usize)>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        self.right as f64 / self.flagged.max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.found as f64 / self.marked.max(1) as f64
    }

    pub fn print(&self, name: &str) {
        println!(
            "{name}: {} real findings from {} pages, {} marked faults, {} flagged; \
             precision {:.0}% ({}/{}), recall {:.0}% ({}/{})",
            self.findings,
            self.pages,
            self.marked,
            self.flagged,
            self.precision() * 100.0,
            self.right,
            self.flagged,
            self.recall() * 100.0,
            self.found,
            self.marked
        );
        for miss in &self.misses {
            println!("  missed: {miss}");
        }
        for alarm in &self.false_alarms {
            println!("  false alarm: {alarm}");
        }
        if self.unjudged > 0 {
            println!(
                "  not judged: {} flags on spaces beside figures, which this set does not mark",
                self.unjudged
            );
        }
    }
}

/// Which spaces a set's marker left unmarked, by a convention fixed before the reviewer ran
/// on it and stated in its header. The reviewer flags them (公文 prints no such gap), so on
/// such a set those flags are not judged either way.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnmarkedSpaces {
    /// Every stray space is marked.
    None,
    /// Spaces beside figures (`2025 年`): [`BESIDE_FIGURES`].
    BesideFigures,
    /// Spaces beside figures and Latin letters (`大 V`): [`BESIDE_FIGURES_AND_LETTERS`]; the
    /// brief of sets 87 onwards says so.
    BesideFiguresAndLetters,
}

/// The header line of a set whose marker left spaces beside figures unmarked.
pub const BESIDE_FIGURES: &str = "# convention: spaces beside figures are not marked";
/// The header line of a set whose marker left spaces beside figures and Latin letters unmarked.
pub const BESIDE_FIGURES_AND_LETTERS: &str =
    "# convention: spaces beside figures or Latin letters are not marked";

impl UnmarkedSpaces {
    /// The convention a set's header states.
    fn of(header: &str) -> Self {
        let states = |line: &str| header.lines().any(|l| l.starts_with(line));
        if states(BESIDE_FIGURES_AND_LETTERS) {
            Self::BesideFiguresAndLetters
        } else if states(BESIDE_FIGURES) {
            Self::BesideFigures
        } else {
            Self::None
        }
    }

    /// Whether the stray-space flag at `range` of `text` is one the convention left unmarked:
    /// a figure (or, by the wider convention, a Latin letter) on either side, or an item
    /// number before it (`1. 部分`).
    pub fn covers(self, text: &str, range: &Range<usize>) -> bool {
        let beside = |c: char| match self {
            Self::None => false,
            Self::BesideFigures => c.is_ascii_digit(),
            Self::BesideFiguresAndLetters => c.is_ascii_alphanumeric(),
        };
        if self == Self::None {
            return false;
        }
        let before = &text[..range.start];
        before.chars().next_back().is_some_and(beside)
            || before
                .strip_suffix('.')
                .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
            || text[range.end..].chars().next().is_some_and(beside)
    }
}

/// Reviews `findings` (each its own category of one finding) and holds the flags of the
/// fault kinds against the hand marks.
pub fn score(findings: &[RealFinding], unmarked_spaces: UnmarkedSpaces) -> Score {
    let pages: std::collections::BTreeSet<&str> =
        findings.iter().map(|f| f.page.as_str()).collect();
    let mut draft = Draft::with_categories::<&str>("个人对照检查材料", "存在的问题", &[]);
    for (i, finding) in findings.iter().enumerate() {
        draft.categories_mut().unwrap().push(Category {
            id: CategoryId(100_000 + i as u64),
            title: format!("在第{}条方面", i + 1),
            findings: vec![Finding {
                id: FindingId(i as u64 + 1),
                headline: String::new(),
                body: finding.text.clone(),
            }],
            ..Category::default()
        });
    }
    let items = review::run(&draft, &Rules::builtin());
    let mut score = Score {
        findings: findings.len(),
        pages: pages.len(),
        ..Score::default()
    };
    for (i, finding) in findings.iter().enumerate() {
        let id = FindingId(i as u64 + 1);
        let faults = finding.fault_ranges();
        let flags: Vec<(&ReviewItem, Range<usize>)> = items
            .iter()
            .filter(|item| FAULT_KINDS.contains(&item.kind))
            .filter(|item| matches!(item.location, Location::Finding(f, _) if f == id))
            .filter_map(|item| item.range.clone().map(|r| (item, r)))
            .collect();
        for (kind, range) in &faults {
            score.marked += 1;
            let tally = score.by_kind.entry((*kind).to_owned()).or_default();
            tally.0 += 1;
            if flags.iter().any(|(_, r)| overlaps(r, range)) {
                score.found += 1;
                tally.1 += 1;
            } else {
                score
                    .misses
                    .push(format!("{kind}: {}", &finding.text[range.clone()]));
            }
        }
        for (item, range) in &flags {
            if item.kind == ReviewKind::StraySpace
                && unmarked_spaces.covers(&finding.text, range)
                && !faults.iter().any(|(_, r)| overlaps(r, range))
            {
                score.unjudged += 1;
                continue;
            }
            score.flagged += 1;
            let tally = score.by_rule.entry(item.rule.clone()).or_default();
            tally.0 += 1;
            if faults.iter().any(|(_, r)| overlaps(r, range)) {
                score.right += 1;
                tally.1 += 1;
            } else {
                score.false_alarms.push(format!(
                    "{:?}: {} ({})",
                    item.kind,
                    &finding.text[range.clone()],
                    item.message
                ));
            }
        }
    }
    score
}

/// A marked set read from `tests/fixtures/<name>`: its findings, and which spaces its marker
/// left unmarked.
pub fn marked_set(name: &str) -> (Vec<RealFinding>, UnmarkedSpaces) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (parse(&text), UnmarkedSpaces::of(&text))
}
