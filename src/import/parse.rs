//! Parsing cleaned paragraphs into a [`Draft`]: title, heading, categories, findings, and the
//! text around them. Numbering marks are consumed (Pouxi derives numbers from position); every
//! other character lands in exactly one field of the draft.

use crate::clean::marks::{Mark, MarkKind, mark_at};
use crate::draft::{
    Category, Draft, Finding, IdSource, Section, SectionBody, SectionKind, count_chars_at_most,
    strip_section_number,
};

/// Longest headline, in characters: a longer first sentence is body text.
pub const MAX_HEADLINE_CHARS: usize = 30;
/// Longest category title.
const MAX_CATEGORY_TITLE_CHARS: usize = 50;
/// Longest title line.
const MAX_TITLE_CHARS: usize = 60;

#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed {
    pub draft: Draft,
    pub consumed: Vec<String>,
    pub found_title: bool,
    pub found_heading: bool,
    /// Text between a category title and its first numbered finding, kept as the category's
    /// lead.
    pub intro_texts: usize,
}

fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
}

pub(super) fn ends_sentence(text: &str) -> bool {
    let mut rev = text
        .trim_end()
        .chars()
        .rev()
        .skip_while(|&c| matches!(c, '”' | '’' | '」' | '』' | '）' | ')'));
    rev.next()
        .is_some_and(|c| is_terminal(c) || c == '：' || c == ':')
}

pub(super) fn mark_of(paragraph: &str) -> Option<Mark> {
    mark_at(paragraph)
}

pub(super) fn is_title(paragraph: &str) -> bool {
    count_chars_at_most(paragraph, MAX_TITLE_CHARS)
        && mark_of(paragraph).is_none()
        && !ends_sentence(paragraph)
        && !is_heading(paragraph)
}

/// `二、检视存在的问题`, `一、存在的问题`, `二、查摆的主要问题`, `对照检查的问题` …
fn is_heading(paragraph: &str) -> bool {
    let (body, numbered) = match mark_of(paragraph) {
        Some(m) if m.kind == MarkKind::Section => (&paragraph[m.len..], true),
        Some(_) => return false,
        None => (paragraph, false),
    };
    let body = body.trim().trim_end_matches(['：', ':', '。']);
    // `一、对照检查情况`, `一、查摆剖析`: numbered, these name the problems part too.
    let names_problems = body.contains("问题")
        || body.contains("不足")
        || (numbered
            && ["对照检查", "查摆", "检视", "剖析", "差距"]
                .iter()
                .any(|w| body.contains(w)));
    count_chars_at_most(body, 24)
        && names_problems
        && !["原因", "根源", "整改情况", "落实情况", "整改落实", "产生"]
            .iter()
            .any(|w| body.contains(w))
        && !body.contains(['。', '；', '，'])
}

/// `三、原因剖析`, `整改措施`, `下一步努力方向` …: the end of the problems part.
fn is_section_break(paragraph: &str) -> bool {
    let body = match mark_of(paragraph) {
        Some(m) if m.kind == MarkKind::Section => &paragraph[m.len..],
        Some(_) => return false,
        None => paragraph,
    };
    let body = body.trim().trim_end_matches(['：', ':', '。']);
    count_chars_at_most(body, 25)
        && !body.contains(['。', '；'])
        && [
            "原因",
            "根源",
            "整改措施",
            "努力方向",
            "下一步",
            "今后",
            "打算",
            "措施",
            "方向",
        ]
        .iter()
        .any(|w| body.contains(w))
}

/// `以上是我的发言，不妥之处请批评指正。` and kin: closing words after the last category.
pub(super) fn is_closing_words(paragraph: &str) -> bool {
    count_chars_at_most(paragraph, 80)
        && (paragraph.starts_with("以上")
            || ["批评指正", "不妥之处", "不当之处", "敬请", "谢谢大家"]
                .iter()
                .any(|w| paragraph.contains(w)))
}

/// Whether a paragraph with a mark of `kind` can be a category title.
fn category_title_ok(kind: MarkKind, paragraph: &str, mark: Mark) -> bool {
    let rest = paragraph[mark.len..].trim();
    let title = rest.split(['。', '：', ':']).next().unwrap_or_default();
    match kind {
        MarkKind::Paren => true,
        MarkKind::Section => {
            title.contains("方面")
                || title.contains("问题")
                || (count_chars_at_most(rest, 20) && !ends_sentence(rest))
        }
        _ => title.contains("方面") && count_chars_at_most(title, 30),
    }
}

/// Category start paragraphs in `start..end` and, if the numbering restarts, where the
/// problems part ends.
fn find_categories(
    paragraphs: &[String],
    start: usize,
    end: usize,
    allow_section: bool,
) -> Option<(MarkKind, Vec<usize>, usize)> {
    let mut kinds = vec![MarkKind::Paren];
    if allow_section {
        kinds.push(MarkKind::Section);
    }
    kinds.extend([MarkKind::Arabic, MarkKind::ParenArabic]);
    for kind in kinds {
        let mut starts = Vec::new();
        let mut expected = 1;
        let mut stop = end;
        for (k, paragraph) in paragraphs.iter().enumerate().take(end).skip(start) {
            let Some(mark) = mark_of(paragraph).filter(|m| m.kind == kind) else {
                continue;
            };
            if mark.number == expected && category_title_ok(kind, paragraph, mark) {
                starts.push(k);
                expected += 1;
            } else if mark.number == 1 && expected > 1 {
                stop = k;
                break;
            }
        }
        if !starts.is_empty() {
            return Some((kind, starts, stop));
        }
    }
    None
}

/// Byte positions where a finding may start: the text start, a paragraph start, or right
/// after a sentence end (`。！？；：`), whitespace skipped.
fn finding_starts(content: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at_start = true;
    for (i, c) in content.char_indices() {
        if c == '\n' {
            at_start = true;
        } else if c.is_whitespace() {
        } else {
            if at_start {
                out.push(i);
            }
            at_start = is_terminal(c) || c == '：' || c == ':';
        }
    }
    out
}

/// Marks of `kind` in counting order among the marks at valid positions: (start, length).
/// Counting starts at one; material that starts part-way (`三是` or `2.` first, pasted from
/// the middle of a speech) counts on from its first mark when no mark numbered one is there.
fn scan_marks(marks: &[(usize, Mark)], kind: MarkKind) -> Vec<(usize, usize)> {
    let from_one = scan_marks_from(marks, kind, 1);
    if !from_one.is_empty() {
        return from_one;
    }
    let first = marks
        .iter()
        .find(|(_, m)| m.kind == kind && m.number <= MAX_PART_WAY_START);
    match first {
        Some((_, mark)) => scan_marks_from(marks, kind, mark.number),
        None => Vec::new(),
    }
}

/// Highest number material may start part-way from.
const MAX_PART_WAY_START: usize = 9;

fn scan_marks_from(marks: &[(usize, Mark)], kind: MarkKind, first: usize) -> Vec<(usize, usize)> {
    let mut expected = first;
    let mut out = Vec::new();
    for &(p, mark) in marks {
        if mark.kind == kind && mark.number == expected {
            out.push((p, mark.len));
            expected += 1;
        }
    }
    out
}

/// The finding marks used in `content`: of all styles below the category's, the one that
/// starts earliest (the outer level), ties broken by count.
fn choose_marks(content: &str, below: Option<MarkKind>) -> Vec<(usize, usize)> {
    // Each valid position's mark is read once for all the styles compared: a page pasted as
    // one line has a position after every sentence.
    let marks: Vec<(usize, Mark)> = finding_starts(content)
        .into_iter()
        .filter_map(|p| Some((p, mark_at(&content[p..])?)))
        .collect();
    let kinds = [
        MarkKind::Paren,
        MarkKind::Arabic,
        MarkKind::ParenArabic,
        MarkKind::Shi,
        MarkKind::Ordinal,
        MarkKind::Circled,
    ];
    kinds
        .into_iter()
        .filter(|&k| below.is_none_or(|b| k > b))
        .map(|k| scan_marks(&marks, k))
        .filter(|marks| !marks.is_empty())
        .min_by_key(|marks| (marks[0].0, std::cmp::Reverse(marks.len())))
        .unwrap_or_default()
}

/// Words that say something falls short: a clause with one of them can head a finding.
const SHORTFALL_WORDS: &[&str] = &[
    "不", "有待", "欠缺", "缺乏", "弱化", "淡化", "松懈", "滞后", "薄弱", "偏软", "偏松", "偏低",
    "差距", "短板", "漏洞", "盲区", "退化", "放松",
];

/// Longest first clause taken as a headline from a finding written as one long sentence.
const MAX_CLAUSE_HEADLINE_CHARS: usize = 15;

/// Splits a finding's text into headline and body. The headline is the first sentence when
/// it is short (stored without its `。` or `；`, which is consumed), or a short first line
/// without punctuation followed by more text. A finding written as one long sentence
/// (`组织力不够强，支部活动形式单一，……；`) is headed by its first clause when that clause
/// names a shortfall.
fn make_finding(text: &str, ids: &mut IdSource, consumed: &mut Vec<String>) -> Finding {
    let text = text.trim();
    let id = ids.finding();
    if let Some((at, end)) = text.char_indices().find(|&(_, c)| matches!(c, '。' | '；')) {
        let sentence = &text[..at];
        let sentence_fits = !sentence.trim().is_empty()
            && count_chars_at_most(sentence, MAX_HEADLINE_CHARS)
            && !sentence.contains('\n');
        // A long sentence with a comma reads better headed by its first clause.
        if (!sentence_fits || !count_chars_at_most(sentence, MAX_CLAUSE_HEADLINE_CHARS))
            && let Some(finding) = clause_headline(text, sentence, id, consumed)
        {
            return finding;
        }
        if sentence_fits {
            consumed.push(end.to_string());
            return Finding {
                id,
                headline: sentence.trim().to_owned(),
                body: text[at + end.len_utf8()..].trim().to_owned(),
            };
        }
    }
    if let Some(at) = text.find('\n') {
        let first = text[..at].trim();
        if !first.is_empty()
            && count_chars_at_most(first, MAX_HEADLINE_CHARS)
            && !ends_sentence(first)
        {
            return Finding {
                id,
                headline: first.to_owned(),
                body: text[at + 1..].trim().to_owned(),
            };
        }
    }
    Finding {
        id,
        headline: String::new(),
        body: text.to_owned(),
    }
}

/// The first clause of `sentence` (the start of `text`) as headline, when it is short and
/// names a shortfall (`组织力不够强，……`); its `，` is consumed.
fn clause_headline(
    text: &str,
    sentence: &str,
    id: crate::draft::FindingId,
    consumed: &mut Vec<String>,
) -> Option<Finding> {
    let comma = sentence.find('，')?;
    let clause = &sentence[..comma];
    let rest = &text[comma + '，'.len_utf8()..];
    let fits = count_chars_at_most(clause, MAX_CLAUSE_HEADLINE_CHARS)
        && !count_chars_at_most(clause, 3)
        && !clause.contains(['\n', '：', ':', '“', '（'])
        && SHORTFALL_WORDS.iter().any(|w| clause.contains(w))
        && !count_chars_at_most(rest, 5);
    if !fits {
        return None;
    }
    consumed.push("，".to_owned());
    Some(Finding {
        id,
        headline: clause.trim().to_owned(),
        body: rest.trim().to_owned(),
    })
}

/// Findings of one category's content, and the text before the first mark.
pub(super) fn split_findings(
    content: &str,
    category_kind: Option<MarkKind>,
    ids: &mut IdSource,
    consumed: &mut Vec<String>,
) -> (Vec<Finding>, String) {
    split_at_marks(
        content,
        &choose_marks(content, category_kind),
        ids,
        consumed,
    )
}

/// [`split_findings`] at the marks [`choose_marks`] chose in `content`.
fn split_at_marks(
    content: &str,
    marks: &[(usize, usize)],
    ids: &mut IdSource,
    consumed: &mut Vec<String>,
) -> (Vec<Finding>, String) {
    if marks.is_empty() {
        return (paragraph_findings(content, ids, consumed), String::new());
    }
    let pre = content[..marks[0].0].trim().to_owned();
    let mut findings = Vec::new();
    for (n, &(start, len)) in marks.iter().enumerate() {
        consumed.push(content[start..start + len].to_owned());
        let end = marks.get(n + 1).map_or(content.len(), |m| m.0);
        let text = &content[start + len..end];
        if text.trim().is_empty() {
            continue;
        }
        findings.push(make_finding(text, ids, consumed));
    }
    (findings, pre)
}

/// No marks: each paragraph is a finding; a short unpunctuated paragraph is the headline of
/// the next.
fn paragraph_findings(
    content: &str,
    ids: &mut IdSource,
    consumed: &mut Vec<String>,
) -> Vec<Finding> {
    let paragraphs: Vec<&str> = content
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut findings = Vec::new();
    let mut k = 0;
    while k < paragraphs.len() {
        let p = paragraphs[k];
        if k + 1 < paragraphs.len()
            && count_chars_at_most(p, MAX_HEADLINE_CHARS)
            && !ends_sentence(p)
        {
            let text = format!("{p}\n{}", paragraphs[k + 1]);
            findings.push(make_finding(&text, ids, consumed));
            k += 2;
        } else {
            findings.push(make_finding(p, ids, consumed));
            k += 1;
        }
    }
    findings
}

/// Splits a category paragraph (mark already removed) into title and the rest. The title ends
/// at the first `。` or `：`, which is consumed.
pub(super) fn split_title<'a>(rest: &'a str, consumed: &mut Vec<String>) -> (String, &'a str) {
    let rest = rest.trim();
    match rest
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '：' | ':'))
    {
        Some((at, c)) if count_chars_at_most(&rest[..at], MAX_CATEGORY_TITLE_CHARS) => {
            consumed.push(c.to_string());
            (
                rest[..at].trim().to_owned(),
                rest[at + c.len_utf8()..].trim(),
            )
        }
        Some(_) => (String::new(), rest),
        None if count_chars_at_most(rest, MAX_CATEGORY_TITLE_CHARS) => (rest.to_owned(), ""),
        None => (String::new(), rest),
    }
}

/// Words that say something falls short, for telling a list of problems from other lists.
const PROBLEM_WORDS: &[&str] = &[
    "不够",
    "不足",
    "不强",
    "不深",
    "不高",
    "不严",
    "不实",
    "不到位",
    "不力",
    "不佳",
    "不畅",
    "不尽",
    "不牢",
    "不彻底",
    "不敏锐",
    "不主动",
    "不充分",
    "不有力",
    "有待",
    "欠缺",
    "缺乏",
    "弱化",
    "淡化",
    "淡薄",
    "松懈",
    "滞后",
    "薄弱",
    "偏软",
    "偏松",
    "差距",
    "短板",
    "漏洞",
    "丧失",
    "较差",
    "动摇",
    "减弱",
    "退化",
    "放松",
    "缺失",
];

/// Whether the numbered items in `start..end` read as problems: most of their first clauses
/// name a shortfall, or a category title names an aspect (`在理论学习方面`).
fn reads_as_problems(
    paragraphs: &[String],
    start: usize,
    end: usize,
    category_kind: MarkKind,
    category_starts: &[usize],
) -> bool {
    if category_starts
        .iter()
        .any(|&k| paragraphs[k].contains("方面"))
    {
        return true;
    }
    let content = join(
        &paragraphs[start..end.min(paragraphs.len())]
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let below = (!category_starts.is_empty()).then_some(category_kind);
    let marks = choose_marks(&content, below);
    let marks = if marks.is_empty() && !category_starts.is_empty() {
        category_starts
            .iter()
            .map(|&k| (content.find(paragraphs[k].as_str()).unwrap_or(0), 0))
            .collect()
    } else {
        marks
    };
    marked_items_read_as_problems(&content, &marks)
}

/// Whether most of the items at `marks` in `content` name a shortfall in their first clause.
fn marked_items_read_as_problems(content: &str, marks: &[(usize, usize)]) -> bool {
    if marks.is_empty() {
        return false;
    }
    let problems = marks
        .iter()
        .filter(|&&(at, len)| {
            let head: String = content[at + len..]
                .chars()
                .take_while(|c| !matches!(c, '。' | '；' | ';' | '\n'))
                .take(30)
                .collect();
            PROBLEM_WORDS.iter().any(|w| head.contains(w))
        })
        .count();
    problems * 2 >= marks.len() && problems > 0
}

/// An outline: from `from` on, numbered title-only lines follow one another with no text
/// between them, at least three.
fn is_outline(paragraphs: &[String], from: usize) -> bool {
    let run = paragraphs[from.min(paragraphs.len())..]
        .iter()
        .take_while(|p| mark_of(p).is_some() && count_chars_at_most(p, 30) && !ends_sentence(p))
        .count();
    run >= 3
}

pub(super) fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parses cleaned paragraphs (one per element, trimmed, non-empty) into a draft.
pub(crate) fn parse(paragraphs: &[String]) -> Parsed {
    let n = paragraphs.len();
    let mut parsed = Parsed::default();
    let mut begin = 0;
    let mut title = String::new();
    if n > 0 && is_title(&paragraphs[0]) {
        title = paragraphs[0].clone();
        parsed.found_title = true;
        begin = 1;
    }

    // The heading comes before the first `（一）`, if there is one. An outline of headings at
    // the top of the page (`一、存在的问题` `（一）…` `（二）…` with nothing under them) is
    // not the problems part: the same heading comes again below it.
    let first_paren = |from: usize| {
        (from..n).find(|&k| {
            mark_of(&paragraphs[k]).is_some_and(|m| m.kind == MarkKind::Paren && m.number == 1)
        })
    };
    let mut heading_at =
        (begin..first_paren(begin).unwrap_or(n)).find(|&k| is_heading(&paragraphs[k]));
    if let Some(h) = heading_at
        && is_outline(paragraphs, h + 1)
        && let Some(again) = (h + 1..n).find(|&k| paragraphs[k] == paragraphs[h])
    {
        heading_at = Some(again);
    }
    let heading_is_section = heading_at
        .is_some_and(|h| mark_of(&paragraphs[h]).is_some_and(|m| m.kind == MarkKind::Section));
    let region_start = heading_at.map_or(begin, |h| h + 1);
    let mut region_end = n;
    for (k, paragraph) in paragraphs.iter().enumerate().skip(region_start) {
        let section = mark_of(paragraph).is_some_and(|m| m.kind == MarkKind::Section);
        if (heading_is_section && section) || is_section_break(paragraph) {
            region_end = k;
            break;
        }
    }

    let mut ids = IdSource::after(&Draft::default());
    let mut categories = Vec::new();
    let mut opening_parts: Vec<&str> = Vec::new();
    let before_heading: Vec<&str> = match heading_at {
        Some(h) => paragraphs[begin..h].iter().map(String::as_str).collect(),
        None => Vec::new(),
    };
    opening_parts.extend(before_heading);
    let mut closing_from = region_end;
    let mut opening_extra = String::new();

    // Without a heading, numbered items are the problems part only when they read as
    // problems: a news report's `一是严把主题关` or a list of rules is not.
    let found = find_categories(paragraphs, region_start, region_end, !heading_is_section);
    let found = found.filter(|(kind, starts, stop)| {
        heading_at.is_some() || reads_as_problems(paragraphs, region_start, *stop, *kind, starts)
    });
    match found {
        Some((kind, mut starts, stop)) => {
            region_end = stop;
            // A `二、` line after the first category closes a part of lower-level categories.
            if kind != MarkKind::Section
                && let Some(k) = (starts[0] + 1..region_end)
                    .find(|&k| mark_of(&paragraphs[k]).is_some_and(|m| m.kind == MarkKind::Section))
            {
                region_end = k;
                starts.retain(|&s| s < k);
            }
            // Closing words after the last category end the problems part too.
            if let Some(&last) = starts.last()
                && let Some(k) = (last + 1..region_end).find(|&k| is_closing_words(&paragraphs[k]))
            {
                region_end = k;
            }
            closing_from = region_end;
            opening_parts.extend(
                paragraphs[region_start..starts[0]]
                    .iter()
                    .map(String::as_str),
            );
            for (ci, &start) in starts.iter().enumerate() {
                let end = starts.get(ci + 1).copied().unwrap_or(region_end);
                let paragraph = &paragraphs[start];
                let Some(mark) = mark_of(paragraph) else {
                    continue;
                };
                parsed.consumed.push(paragraph[..mark.len].to_owned());
                let (title, first) = split_title(&paragraph[mark.len..], &mut parsed.consumed);
                let mut parts = vec![first];
                parts.extend(paragraphs[start + 1..end].iter().map(String::as_str));
                let content = join(&parts);
                let id = ids.category();
                let (findings, pre) =
                    split_findings(&content, Some(kind), &mut ids, &mut parsed.consumed);
                // Text between the category title and its first numbered finding is its lead
                // (`理论武装抓得不深……。`, `存在着“三多三少”：`); a category without numbered
                // findings keeps its text as findings.
                if !pre.is_empty() {
                    parsed.intro_texts += 1;
                }
                categories.push(Category {
                    id,
                    title,
                    lead: pre,
                    findings,
                    ..Category::default()
                });
            }
        }
        None => {
            // No categories: numbered findings still make one untitled category.
            let region: Vec<&str> = paragraphs[region_start..region_end]
                .iter()
                .map(String::as_str)
                .collect();
            let content = join(&region);
            // The region's marks are chosen once: on a page pasted as one line that is most
            // of the parse.
            let marks = choose_marks(&content, None);
            let region_ok = heading_at.is_some() || marked_items_read_as_problems(&content, &marks);
            if region_ok && marks.len() >= 2 {
                let id = ids.category();
                let (findings, pre) =
                    split_at_marks(&content, &marks, &mut ids, &mut parsed.consumed);
                // Findings straight under `一、存在的问题` make one category named after that
                // heading (a derived name, like the numbers: the heading keeps its text).
                let title = heading_at.map_or(String::new(), |h| {
                    strip_section_number(paragraphs[h].trim()).to_owned()
                });
                categories.push(Category {
                    id,
                    title,
                    findings,
                    ..Category::default()
                });
                // Text before the first numbered finding is opening text.
                opening_extra = pre;
            } else {
                opening_parts.extend(region);
            }
        }
    }

    opening_parts.push(&opening_extra);
    let opening = join(&opening_parts);
    let closing_parts: Vec<&str> = paragraphs[closing_from.min(n)..]
        .iter()
        .map(String::as_str)
        .collect();
    parsed.found_heading = heading_at.is_some();
    // Fields added to Draft later keep their defaults.
    // The heading's typed number (`二、`) is consumed: section numbers are derived.
    let heading = heading_at.map_or(String::new(), |h| {
        let typed = paragraphs[h].trim();
        let bare = strip_section_number(typed);
        if let Some(number) = typed.strip_suffix(bare)
            && !number.trim().is_empty()
        {
            parsed.consumed.push(number.trim().to_owned());
        }
        bare.to_owned()
    });
    let problems = Section {
        id: ids.section(),
        kind: SectionKind::Problems,
        heading,
        body: SectionBody::Categories(categories),
    };
    let mut closing = join(&closing_parts);
    let (mut title, mut opening, mut sections) = (title, opening, Vec::new());
    // With the problems part found, the numbered parts around it are sections of their own
    // (the whole speech); without it, the text stays as it was.
    if parsed.found_heading || !problems.categories().is_empty() {
        let (found_title, rest, before) =
            super::speech::before(&opening, title.is_empty(), &mut ids, &mut parsed.consumed);
        if !found_title.is_empty() {
            title = found_title;
            parsed.found_title = true;
        }
        opening = rest;
        sections = before;
        sections.push(problems);
        let (after, rest) = super::speech::after(&closing, &mut ids, &mut parsed.consumed);
        sections.extend(after);
        closing = rest;
    } else {
        sections.push(problems);
    }
    let draft = Draft {
        title,
        opening,
        sections,
        closing,
        ..Draft::default()
    };
    parsed.draft = draft;
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }

    #[test]
    fn counting_words_split_only_where_a_finding_starts() {
        let p = parse(&paras(
            "标题\n二、检视存在的问题\n（一）在理论学习方面。一是思想统一是前提，学习不够。二是研究不深。存在一是一的说法。三是融会贯通不够。",
        ));
        let c = &p.draft.categories()[0];
        assert_eq!(c.title, "在理论学习方面");
        let heads: Vec<&str> = c.findings.iter().map(|f| f.headline.as_str()).collect();
        assert_eq!(
            heads,
            ["思想统一是前提，学习不够", "研究不深", "融会贯通不够"]
        );
        assert_eq!(c.findings[1].body, "存在一是一的说法。");
    }

    #[test]
    fn arabic_and_ordinal_styles() {
        let p = parse(&paras(
            "标题\n一、存在的问题\n（一）在带头学习方面\n1.学习不够深入。具体表现。\n2、研究不够。表现。\n（二）在带头担当方面：第一，担当不够。表现。第二，作为不足。",
        ));
        let c = &p.draft.categories();
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].findings.len(), 2);
        assert_eq!(c[1].title, "在带头担当方面");
        assert_eq!(c[1].findings[1].headline, "作为不足");
    }

    #[test]
    fn text_outside_categories_is_kept() {
        let p = parse(&paras(
            "标题\n开场白。\n二、检视存在的问题\n（一）理论学习方面\n一是学习不够。\n三、原因剖析\n原因在于。",
        ));
        assert_eq!(p.draft.opening, "开场白。");
        assert_eq!(p.draft.sections[0].heading, "检视存在的问题");
        assert_eq!(p.draft.categories().len(), 1);
        // The part after the problems is a section of its own (the whole speech).
        let causes = &p.draft.sections[1];
        assert_eq!(
            (causes.kind, causes.heading.as_str(), causes.paragraphs()),
            (SectionKind::Causes, "原因剖析", Some("原因在于。"))
        );
        assert_eq!(p.draft.closing, "");
        assert!(p.consumed.iter().any(|c| c == "三、"));
    }

    #[test]
    fn a_section_line_ends_lower_level_categories() {
        let p = parse(&paras(
            "标题\n（一）在学习方面\n一是学习不够。\n二、深刻反思\n（二）理想信念有所弱化。",
        ));
        assert_eq!(p.draft.categories().len(), 1);
        let after = &p.draft.sections[1];
        assert_eq!(
            (after.kind, after.heading.as_str(), after.paragraphs()),
            (
                SectionKind::Other,
                "深刻反思",
                Some("（二）理想信念有所弱化。")
            )
        );
        assert_eq!(p.draft.closing, "");
    }

    #[test]
    fn numbered_findings_without_categories_make_one_category_named_after_the_heading() {
        let p = parse(&paras(
            "标题\n对照检查的问题\n主要有：\n1.学习不够。正文。\n2.研究不深。正文。",
        ));
        assert_eq!(p.draft.sections[0].heading, "对照检查的问题");
        assert_eq!(p.draft.opening, "主要有：");
        assert_eq!(p.draft.categories().len(), 1);
        // Named after the heading, not untitled (issue 11).
        assert_eq!(p.draft.categories()[0].title, "对照检查的问题");
        assert_eq!(p.draft.categories()[0].findings.len(), 2);
    }

    #[test]
    fn numbered_headings_that_name_the_problems_part() {
        for heading in ["一、对照检查情况", "一、查摆剖析", "二、存在的差距和不足"]
        {
            let p = parse(&paras(&format!(
                "标题\n按照要求报告如下。\n{heading}\n（一）在学习方面\n一是学习不够。正文。"
            )));
            assert_eq!(p.draft.sections[0].heading, strip_section_number(heading));
            assert_eq!(p.draft.opening, "按照要求报告如下。");
        }
        let p = parse(&paras("个人对照检查材料\n按照要求报告如下。"));
        assert_eq!(p.draft.title, "个人对照检查材料");
        assert_eq!(p.draft.sections[0].heading, "");
    }

    #[test]
    fn long_first_sentence_is_body() {
        let mut ids = IdSource::after(&Draft::default());
        let mut consumed = Vec::new();
        let f = make_finding(
            "在工作中经常满足于完成规定动作，存在着集中学习少、专题讨论少、剖析问题少的情况。",
            &mut ids,
            &mut consumed,
        );
        assert!(f.headline.is_empty());
        assert!(consumed.is_empty());
    }
}
