//! The speech as data: numbered, punctuated paragraphs that every format writes out and that
//! the window previews and the ad gate scans.

use crate::draft::numbering::{category_label, finding_label};
use crate::draft::{Category, Draft, SectionBody, TextField};
use serde::{Deserialize, Serialize};

/// How the findings of a category are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Layout {
    /// One paragraph per category: `（一）在理论学习方面。一是……。二是……。`
    #[default]
    Inline,
    /// The category heading `（一）在理论学习方面` on its own line, one paragraph per finding.
    Paragraphs,
}

/// What a paragraph or a run is, which decides its font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Title,
    /// The name-and-unit and date lines under the title (楷体, centred).
    Byline,
    /// A section heading, `一、检视存在的问题` (黑体, outline level 1).
    Heading,
    /// A category's number and title (楷体 in Word). A paragraph of this role opens a category;
    /// in the inline layout it goes on with the category's findings as body runs.
    Category,
    Body,
}

/// A stretch of text with one role. `source` is the draft field the text was taken from
/// (None for derived numbers such as `一是`), so a scan of the speech can point back into the
/// draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub role: Role,
    pub source: Option<TextField>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub role: Role,
    pub runs: Vec<Run>,
}

impl Paragraph {
    /// The paragraph's text, runs joined.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// The speech as it will be read out, and what the export left out of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speech {
    pub paragraphs: Vec<Paragraph>,
    /// What was left out, in words for the user (Chinese).
    pub notes: Vec<String>,
}

/// Lays out `draft` as a speech: title, byline, opening, each section under its derived
/// `一、` heading with its paragraphs or numbered categories and findings, closing. Empty
/// findings, categories and sections are left out (and the numbers close up); `notes` says
/// what was left out.
pub fn speech(draft: &Draft, layout: Layout) -> Speech {
    speech_with(draft, layout, LoneFinding::Counted)
}

/// Whether a category's only finding is opened by 一是. Practice leaves a lone 一是 out: a
/// reader who hears 一是 waits for 二是.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoneFinding {
    Counted,
    Unnumbered,
}

/// [`speech`], with the choice for a category's only finding.
pub fn speech_with(draft: &Draft, layout: Layout, lone: LoneFinding) -> Speech {
    let mut out = Vec::new();
    for line in lines(&draft.title) {
        out.push(single(Role::Title, line, Some(TextField::Title)));
    }
    for (text, field) in [
        (&draft.byline.author, TextField::Byline),
        (&draft.byline.date, TextField::DateLine),
    ] {
        for line in lines(text) {
            out.push(single(Role::Byline, line, Some(field)));
        }
    }
    for line in lines(&draft.opening) {
        out.push(single(Role::Body, line, Some(TextField::Opening)));
    }

    let mut left_out = LeftOut::default();
    let numbers = draft.section_numbers();
    for (section, number) in draft.sections.iter().zip(numbers) {
        if section.prints_nothing() {
            left_out.sections.push(join_wrapped(&section.heading));
            continue;
        }
        // A section without a heading (material imported without one) has no number line.
        let heading = join_wrapped(&section.heading);
        if let Some(number) = number {
            out.push(single(
                Role::Heading,
                &(number + &heading),
                Some(TextField::SectionHeading(section.id)),
            ));
        }
        match &section.body {
            SectionBody::Paragraphs(text) => {
                for line in lines(text) {
                    out.push(single(
                        Role::Body,
                        line,
                        Some(TextField::SectionText(section.id)),
                    ));
                }
            }
            SectionBody::Categories(categories) => {
                let named_after_heading = matches!(categories.as_slice(),
                    [only] if !heading.is_empty() && join_wrapped(&only.title) == heading);
                let layout = (layout, lone, named_after_heading);
                section_categories(&mut out, categories, layout, &mut left_out);
            }
        }
    }

    for line in lines(&draft.closing) {
        out.push(single(Role::Body, line, Some(TextField::Closing)));
    }

    Speech {
        paragraphs: out,
        notes: left_out.notes(),
    }
}

/// What the layout skipped, for the notes.
#[derive(Default)]
struct LeftOut {
    findings: usize,
    categories: Vec<String>,
    sections: Vec<String>,
}

impl LeftOut {
    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.findings > 0 {
            notes.push(format!("已略去空的问题 {} 条", self.findings));
        }
        for (list, what) in [
            (&self.categories, "没有问题的类别"),
            (&self.sections, "空的部分"),
        ] {
            if list.is_empty() {
                continue;
            }
            let named: Vec<&str> = list
                .iter()
                .map(String::as_str)
                .filter(|t| !t.is_empty())
                .collect();
            let mut note = format!("已略去{what} {} 个", list.len());
            if !named.is_empty() {
                note.push('：');
                note.push_str(&named.join("、"));
            }
            notes.push(note);
        }
        notes
    }
}

/// Lays out a section's categories. A section's only category named after the section's
/// heading (findings imported straight under `一、存在的问题`) prints no `（一）` line of its
/// own: the heading already says it (`bare`).
fn section_categories(
    out: &mut Vec<Paragraph>,
    categories: &[Category],
    (layout, lone, bare): (Layout, LoneFinding, bool),
    left_out: &mut LeftOut,
) {
    let mut number = 0;
    for category in categories {
        left_out.findings += category.findings.iter().filter(|f| f.is_empty()).count();
        if category.prints_nothing() {
            left_out.categories.push(join_wrapped(&category.title));
            continue;
        }
        match layout {
            Layout::Inline => inline_category(out, category, (number, bare), lone),
            Layout::Paragraphs => paragraph_category(out, category, (number, bare), lone),
        }
        number += 1;
    }
}

/// Whether the findings of `category` print counting words (一是, 二是): not for a lone
/// finding when the settings say so. Asked once per category, not per finding (a category of
/// thousands of findings would otherwise cost their square).
fn numbered(category: &Category, lone: LoneFinding) -> bool {
    lone == LoneFinding::Counted || category.findings.iter().filter(|f| !f.is_empty()).count() != 1
}

/// The counting word that opens the finding at `index`, if its category prints them.
fn ordinal(numbered: bool, index: usize) -> Option<Run> {
    numbered.then(|| body_run(finding_label(index), None))
}

fn inline_category(
    out: &mut Vec<Paragraph>,
    category: &Category,
    (number, bare): (usize, bool),
    lone: LoneFinding,
) {
    let mut title = join_wrapped(&category.title);
    if !title.is_empty() && !title.ends_with(['。', '：', ':']) {
        title.push('。');
    }
    let mut runs = Vec::new();
    if !bare {
        runs.push(Run {
            text: category_label(number) + &title,
            role: Role::Category,
            source: Some(TextField::CategoryTitle(category.id)),
        });
    }
    let lead = join_wrapped(&category.lead);
    if !lead.trim().is_empty() {
        runs.push(body_run(lead, Some(TextField::CategoryLead(category.id))));
    }
    let numbered = numbered(category, lone);
    let findings = category.findings.iter().filter(|f| !f.is_empty());
    for (index, finding) in findings.enumerate() {
        runs.extend(ordinal(numbered, index));
        let headline = tidy_sentence(join_wrapped(&finding.headline));
        if !headline.is_empty() {
            runs.push(body_run(headline, Some(TextField::Headline(finding.id))));
        }
        let body = tidy_sentence(join_wrapped(&finding.body));
        if !body.is_empty() {
            runs.push(body_run(body, Some(TextField::Body(finding.id))));
        }
    }
    out.push(Paragraph {
        role: if bare { Role::Body } else { Role::Category },
        runs,
    });
}

fn paragraph_category(
    out: &mut Vec<Paragraph>,
    category: &Category,
    (number, bare): (usize, bool),
    lone: LoneFinding,
) {
    if !bare {
        out.push(Paragraph {
            role: Role::Category,
            runs: vec![Run {
                text: category_label(number) + &join_wrapped(&category.title),
                role: Role::Category,
                source: Some(TextField::CategoryTitle(category.id)),
            }],
        });
    }
    let lead = join_wrapped(&category.lead);
    if !lead.trim().is_empty() {
        out.push(Paragraph {
            role: Role::Body,
            runs: vec![body_run(lead, Some(TextField::CategoryLead(category.id)))],
        });
    }
    let numbered = numbered(category, lone);
    let findings = category.findings.iter().filter(|f| !f.is_empty());
    for (index, finding) in findings.enumerate() {
        let mut runs: Vec<Run> = ordinal(numbered, index).into_iter().collect();
        let headline = tidy_sentence(join_wrapped(&finding.headline));
        if !headline.is_empty() {
            runs.push(body_run(headline, Some(TextField::Headline(finding.id))));
        }
        let source = Some(TextField::Body(finding.id));
        let body: Vec<&str> = lines(&finding.body).collect();
        let last = body.len().saturating_sub(1);
        for (i, line) in body.into_iter().enumerate() {
            let text = if i == last {
                tidy_sentence(line.to_owned())
            } else {
                line.to_owned()
            };
            if i == 0 {
                runs.push(body_run(text, source));
            } else {
                out.push(Paragraph {
                    role: Role::Body,
                    runs: std::mem::replace(&mut runs, vec![body_run(text, source)]),
                });
            }
        }
        out.push(Paragraph {
            role: Role::Body,
            runs,
        });
    }
}

fn single(role: Role, text: &str, source: Option<TextField>) -> Paragraph {
    Paragraph {
        role,
        runs: vec![Run {
            text: text.to_owned(),
            role,
            source,
        }],
    }
}

fn body_run(text: String, source: Option<TextField>) -> Run {
    Run {
        text,
        role: Role::Body,
        source,
    }
}

/// The non-blank lines of `text`, trimmed (U+3000 indents included).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

/// Joins hard-wrapped lines into one: with nothing between Chinese text, with a space only
/// where the wrap split two Latin words or numbers.
pub(crate) fn join_wrapped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in lines(text) {
        let split_word = out
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if split_word {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Sentence-ending marks a headline or body may already end with; anything else gets a `。`.
const END_MARKS: [char; 10] = ['。', '！', '？', '；', '：', '!', '?', ';', ':', '.'];
/// Closing quotes and brackets looked through when checking the end mark (`“……。”`).
const CLOSERS: [char; 9] = ['”', '’', '」', '』', '）', ')', '】', '》', '"'];

/// Ends a sentence with `。` unless it already ends with a sentence mark (possibly inside a
/// closing quote). Empty stays empty.
pub(crate) fn tidy_sentence(mut text: String) -> String {
    let last = text.chars().rev().find(|c| !CLOSERS.contains(c));
    let ended = last.is_some_and(|c| END_MARKS.contains(&c));
    if !text.is_empty() && !ended {
        text.push('。');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{DEFAULT_HEADING, Finding, FindingId};

    fn finding(id: u64, headline: &str) -> Finding {
        Finding {
            id: FindingId(id),
            headline: headline.into(),
            body: "正文。".into(),
        }
    }

    #[test]
    fn a_category_named_after_its_section_prints_under_the_heading_alone() {
        let mut draft = Draft::with_categories("t", "存在问题分析", &["存在问题分析"]);
        draft.categories_mut().unwrap()[0].findings =
            vec![finding(10, "理论学习不足"), finding(11, "实践能力欠缺")];
        for layout in [Layout::Inline, Layout::Paragraphs] {
            let texts: Vec<String> = speech(&draft, layout)
                .paragraphs
                .iter()
                .map(Paragraph::text)
                .collect();
            assert_eq!(texts[1], "一、存在问题分析", "{layout:?}");
            assert!(
                texts.iter().all(|t| !t.contains("（一）")),
                "{layout:?}: {texts:?}"
            );
            assert!(texts[2].starts_with("一是理论学习不足"), "{texts:?}");
        }
        // Titled otherwise, the category keeps its line.
        draft.categories_mut().unwrap()[0].title = "在理论学习方面".into();
        let texts: Vec<String> = speech(&draft, Layout::Paragraphs)
            .paragraphs
            .iter()
            .map(Paragraph::text)
            .collect();
        assert_eq!(texts[2], "（一）在理论学习方面");
    }

    #[test]
    fn a_lone_finding_prints_without_一是_when_asked() {
        let mut draft = Draft::with_categories("t", DEFAULT_HEADING, &["甲方面", "乙方面"]);
        draft.categories_mut().unwrap()[0].findings = vec![finding(10, "唯一的问题")];
        draft.categories_mut().unwrap()[1].findings =
            vec![finding(11, "头一个"), finding(12, "第二个")];
        for layout in [Layout::Inline, Layout::Paragraphs] {
            let text = |lone| {
                speech_with(&draft, layout, lone)
                    .paragraphs
                    .iter()
                    .map(Paragraph::text)
                    .collect::<String>()
            };
            let unnumbered = text(LoneFinding::Unnumbered);
            assert!(!unnumbered.contains("一是唯一的问题"), "{unnumbered}");
            assert!(unnumbered.contains("唯一的问题。"), "{unnumbered}");
            assert!(unnumbered.contains("一是头一个。"), "{unnumbered}");
            assert!(unnumbered.contains("二是第二个。"), "{unnumbered}");
            assert!(text(LoneFinding::Counted).contains("一是唯一的问题。"));
        }
    }

    #[test]
    fn tidy_keeps_existing_marks() {
        for kept in [
            "问题。",
            "问题！",
            "问题？",
            "问题；",
            "问题：",
            "a!",
            "a?",
            "a;",
            "a:",
            "a.",
        ] {
            assert_eq!(tidy_sentence(kept.to_owned()), kept);
        }
        assert_eq!(tidy_sentence("问题".into()), "问题。");
        assert_eq!(tidy_sentence("落实“三个务必”".into()), "落实“三个务必”。");
        assert_eq!(tidy_sentence("他说“要改。”".into()), "他说“要改。”");
        assert_eq!(tidy_sentence(String::new()), "");
    }

    #[test]
    fn wrapped_lines_join_without_spaces_except_between_words() {
        assert_eq!(join_wrapped("在工作\n中经常\r\n满足"), "在工作中经常满足");
        assert_eq!(join_wrapped("PDF\ncopy"), "PDF copy");
        assert_eq!(join_wrapped("\u{3000}\u{3000}缩进\n\n"), "缩进");
    }
}
