//! The whole speech around the problems part. Material that holds a whole speech has numbered
//! parts before the problems (学习收获, last year's rectification) and after them (案例剖析,
//! 原因剖析, 整改措施): each becomes a section with its kind, holding categories where the
//! text numbers them `（一）`, paragraphs otherwise. What comes before the first numbered part
//! stays the opening (with an outline of headings at the top of a page, and the title under
//! it); closing words after the last part (`以上是我的发言……`) stay the closing. Numbering
//! marks are consumed as everywhere in import; every other character lands in one field.

use super::parse::{
    ends_sentence, is_closing_words, is_title, join, mark_of, split_findings, split_title,
};
use crate::clean::marks::MarkKind;
use crate::draft::{Category, IdSource, Section, SectionBody, SectionKind, count_chars_at_most};

/// Longest numbered heading, in characters.
const MAX_HEADING_CHARS: usize = 40;
/// Longest unnumbered line taken as a heading (`原因剖析`, `下一步整改措施`).
const MAX_BARE_HEADING_CHARS: usize = 16;

/// What a heading's words say the part is; None when they name no part a speech has.
pub(super) fn kind_of(heading: &str) -> Option<SectionKind> {
    let has = |words: &[&str]| words.iter().any(|w| heading.contains(w));
    if has(&["案例"]) {
        Some(SectionKind::Case)
    } else if has(&["整改落实", "落实情况", "整改情况", "上年度", "上一年度"]) {
        Some(SectionKind::Rectification)
    } else if has(&["原因", "根源", "症结", "剖析"]) {
        Some(SectionKind::Causes)
    } else if has(&["措施", "努力方向", "下一步", "今后", "打算", "方向", "举措"])
    {
        Some(SectionKind::Measures)
    } else if has(&["收获", "体会", "心得", "学习情况", "学习研讨"]) {
        Some(SectionKind::Study)
    } else {
        None
    }
}

/// A line that opens a part: its number mark (`三、`) and title, the punctuation ending the
/// title (`：`) and the text after it on the same line.
struct Heading<'a> {
    mark: &'a str,
    title: &'a str,
    stop: &'a str,
    rest: &'a str,
}

/// `三、原因剖析`, `四、整改措施：一是……`; with `bare_allowed`, also an unnumbered short line
/// whose words name a part (`原因剖析`).
fn heading(line: &str, bare_allowed: bool) -> Option<Heading<'_>> {
    let line = line.trim();
    let mark_len = match mark_of(line) {
        Some(m) if m.kind == MarkKind::Section => m.len,
        Some(_) => return None,
        None if bare_allowed => 0,
        None => return None,
    };
    let body = &line[mark_len..];
    let (title, stop, rest) = match body.char_indices().find(|&(_, c)| "：:。".contains(c)) {
        Some((at, c)) => (
            &body[..at],
            &body[at..at + c.len_utf8()],
            &body[at + c.len_utf8()..],
        ),
        None => (body, "", ""),
    };
    let limit = if mark_len > 0 {
        MAX_HEADING_CHARS
    } else {
        MAX_BARE_HEADING_CHARS
    };
    let plain = !title.trim().is_empty()
        && count_chars_at_most(title, limit)
        && !title.contains(['，', '；', ';', ','])
        && !ends_sentence(title);
    // An unnumbered heading stands alone on its line, ending at most in a colon.
    let named =
        mark_len > 0 || (rest.trim().is_empty() && stop != "。" && kind_of(title).is_some());
    (plain && named).then(|| Heading {
        mark: &line[..mark_len],
        title: title.trim(),
        stop,
        rest: rest.trim(),
    })
}

/// Lines that belong to an outline: runs of at least three numbered title-only lines with no
/// text between them (the table of contents some pages open with).
fn outline_lines(lines: &[&str]) -> Vec<bool> {
    let title_only =
        |l: &str| mark_of(l).is_some() && count_chars_at_most(l, 30) && !ends_sentence(l);
    let mut out = vec![false; lines.len()];
    let mut k = 0;
    while k < lines.len() {
        let run = lines[k..].iter().take_while(|l| title_only(l)).count();
        if run >= 3 {
            out[k..k + run].iter_mut().for_each(|o| *o = true);
            k += run;
        } else {
            k += 1;
        }
    }
    out
}

/// Where parts start in `lines`: the indices of heading lines, outlines left out.
fn part_starts(lines: &[&str], bare_allowed: bool) -> Vec<usize> {
    let outline = outline_lines(lines);
    (0..lines.len())
        .filter(|&k| !outline[k] && heading(lines[k], bare_allowed).is_some())
        .collect()
}

/// The body of a part: categories when its lines number them `（一）`, `（二）`… from one;
/// paragraphs otherwise. With categories, the text before the first one (`深刻反思，根源在于：`)
/// comes back apart.
fn body(lines: &[&str], ids: &mut IdSource, consumed: &mut Vec<String>) -> (String, SectionBody) {
    let mut starts = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if mark_of(line).is_some_and(|m| m.kind == MarkKind::Paren && m.number == starts.len() + 1)
        {
            starts.push(k);
        }
    }
    let Some(&first) = starts.first() else {
        return (String::new(), SectionBody::Paragraphs(join(lines)));
    };
    let intro = join(&lines[..first]);
    let mut categories = Vec::new();
    for (ci, &start) in starts.iter().enumerate() {
        let end = starts.get(ci + 1).copied().unwrap_or(lines.len());
        let line = lines[start];
        let Some(mark) = mark_of(line) else {
            continue;
        };
        consumed.push(line[..mark.len].to_owned());
        let (title, rest) = split_title(&line[mark.len..], consumed);
        let mut parts = vec![rest];
        parts.extend(&lines[start + 1..end]);
        let content = join(&parts);
        let id = ids.category();
        let (findings, lead) = split_findings(&content, Some(MarkKind::Paren), ids, consumed);
        categories.push(Category {
            id,
            title,
            lead,
            findings,
            ..Category::default()
        });
    }
    (intro, SectionBody::Categories(categories))
}

/// One section per part starting at `starts` (each running to the next).
fn sections(
    lines: &[&str],
    starts: &[usize],
    bare_allowed: bool,
    ids: &mut IdSource,
    consumed: &mut Vec<String>,
) -> Vec<Section> {
    let mut out = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let Some(head) = heading(lines[start], bare_allowed) else {
            continue;
        };
        for mark in [head.mark, head.stop] {
            if !mark.is_empty() {
                consumed.push(mark.to_owned());
            }
        }
        let mut body_lines = vec![head.rest];
        body_lines.extend(&lines[start + 1..end]);
        let kind = kind_of(head.title).unwrap_or(SectionKind::Other);
        let id = ids.section();
        let (intro, body) = body(&body_lines, ids, consumed);
        if intro.is_empty() {
            out.push(Section {
                id,
                kind,
                heading: head.title.to_owned(),
                body,
            });
        } else {
            // Opening words before the first `（一）` (`深刻反思，根源在于：`): the part's
            // paragraphs, then its categories in a section of the same kind without a heading
            // of its own, which prints on under the first with no number.
            out.push(Section {
                id,
                kind,
                heading: head.title.to_owned(),
                body: SectionBody::Paragraphs(intro),
            });
            out.push(Section {
                id: ids.section(),
                kind,
                heading: String::new(),
                body,
            });
        }
    }
    out
}

/// The text before the problems part, split: (title found under an outline, opening,
/// sections). Only numbered headings open a part here.
pub(super) fn before(
    text: &str,
    want_title: bool,
    ids: &mut IdSource,
    consumed: &mut Vec<String>,
) -> (String, String, Vec<Section>) {
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // A page that opens with its outline has the title under it.
    let mut title = String::new();
    let outline = outline_lines(&lines);
    let outline_end = outline.iter().take_while(|&&o| o).count();
    if want_title
        && outline_end > 0
        && let Some(line) = lines.get(outline_end)
        && is_title(line)
    {
        title = (*line).to_owned();
        lines.remove(outline_end);
    }
    let starts = part_starts(&lines, false);
    let Some(&first) = starts.first() else {
        return (title, join(&lines), Vec::new());
    };
    let opening = join(&lines[..first]);
    (
        title,
        opening,
        sections(&lines, &starts, false, ids, consumed),
    )
}

/// The text after the problems part, split: (sections, closing). Text before the first part
/// becomes a section without a heading, so the speech keeps its order; closing words after
/// the last part are the closing.
pub(super) fn after(
    text: &str,
    ids: &mut IdSource,
    consumed: &mut Vec<String>,
) -> (Vec<Section>, String) {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let starts = part_starts(&lines, true);
    let Some(&first) = starts.first() else {
        return (Vec::new(), join(&lines));
    };
    let last = starts[starts.len() - 1];
    let closing_from = (last + 1..lines.len())
        .find(|&k| is_closing_words(lines[k]))
        .unwrap_or(lines.len());
    let mut out = Vec::new();
    if first > 0 {
        out.push(Section {
            id: ids.section(),
            kind: SectionKind::Other,
            heading: String::new(),
            body: SectionBody::Paragraphs(join(&lines[..first])),
        });
    }
    out.extend(sections(
        &lines[..closing_from],
        &starts,
        true,
        ids,
        consumed,
    ));
    (out, join(&lines[closing_from..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(sections: &[Section]) -> Vec<(SectionKind, &str)> {
        sections
            .iter()
            .map(|s| (s.kind, s.heading.as_str()))
            .collect()
    }

    #[test]
    fn parts_after_the_problems_become_sections_with_kinds() {
        let mut ids = IdSource::after(&Default::default());
        let mut consumed = Vec::new();
        let text = "二、反面典型案例剖析\n（一）案例基本情况\n某某违纪。\n（二）对照案例查找差距\n一是警示不够。\n三、原因剖析：\n深刻反思，根源在于：\n（一）理想信念方面。放松了学习。\n（二）党性修养方面。锤炼不够。\n下一步整改措施\n一是加强学习。二是严守纪律。\n以上是我的发言，不妥之处请批评指正。";
        let (sections, closing) = after(text, &mut ids, &mut consumed);
        assert_eq!(
            kinds(&sections),
            [
                (SectionKind::Case, "反面典型案例剖析"),
                (SectionKind::Causes, "原因剖析"),
                (SectionKind::Causes, ""),
                (SectionKind::Measures, "下一步整改措施"),
            ]
        );
        // The causes' opening words, then their categories printing on without a heading.
        assert_eq!(sections[1].paragraphs(), Some("深刻反思，根源在于："));
        assert_eq!(
            (sections[2].kind, sections[2].heading.as_str()),
            (SectionKind::Causes, "")
        );
        let causes = sections[2].categories();
        assert_eq!(causes.len(), 2);
        assert_eq!(causes[0].title, "理想信念方面");
        assert_eq!(causes[0].lead, "");
        assert_eq!(
            sections[3].paragraphs(),
            Some("一是加强学习。二是严守纪律。")
        );
        assert_eq!(closing, "以上是我的发言，不妥之处请批评指正。");
        for mark in ["二、", "三、", "：", "（一）", "（二）"] {
            assert!(consumed.iter().any(|c| c == mark), "{mark}: {consumed:?}");
        }
    }

    #[test]
    fn before_the_problems_an_outline_stays_and_the_title_under_it_is_found() {
        let mut ids = IdSource::after(&Default::default());
        let mut consumed = Vec::new();
        let text = "一、整改落实情况\n二、存在的问题\n（一）在学习方面\n三、整改措施\n某某班子2025年度对照检查材料\n根据部署，报告如下。\n一、2024年度整改落实情况\n4个问题均已整改。";
        let (title, opening, sections) = before(text, true, &mut ids, &mut consumed);
        assert_eq!(title, "某某班子2025年度对照检查材料");
        assert!(
            opening.starts_with("一、整改落实情况\n二、存在的问题"),
            "{opening}"
        );
        assert!(opening.ends_with("根据部署，报告如下。"), "{opening}");
        assert_eq!(
            kinds(&sections),
            [(SectionKind::Rectification, "2024年度整改落实情况")]
        );
        // Unnumbered lines before the problems are never parts.
        let (_, opening, sections) = before("原因剖析\n正文。", false, &mut ids, &mut consumed);
        assert!(sections.is_empty());
        assert_eq!(opening, "原因剖析\n正文。");
    }

    #[test]
    fn text_without_parts_stays_the_closing() {
        let mut ids = IdSource::after(&Default::default());
        let mut consumed = Vec::new();
        let (sections, closing) = after("以上是我的发言。\n请批评指正。", &mut ids, &mut consumed);
        assert!(sections.is_empty());
        assert_eq!(closing, "以上是我的发言。\n请批评指正。");
        assert!(consumed.is_empty());
    }
}
