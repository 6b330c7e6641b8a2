//! Repairs of copy artefacts. Everything here only removes (or collapses) whitespace:
//! hard line breaks inside a sentence are joined, stray spaces next to Chinese text dropped.

use super::detect::{is_page_number, line_ranges};
use super::marks::starts_with_mark;
use super::view::{is_han, is_invisible};
use crate::draft::{count_chars_at_most, is_space};

/// One line of the original text with the removed spans cut out.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub text: String,
    /// The original line opened with an indent (two spaces, a tab or U+3000).
    pub indented: bool,
    /// The original line had content and all of it was removed.
    pub gone: bool,
    /// The original line was page furniture that was removed: a page number (`- 1 -`,
    /// `第1页 共5页`) or a line repeated on every page. A sentence goes on across it.
    pub page_break: bool,
    /// Display width of the original line (Chinese characters 2, ASCII 1), indent included,
    /// trailing whitespace and invisible characters not.
    pub width: usize,
}

/// What the repairs did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RepairStats {
    /// Hard line breaks removed inside a sentence.
    pub joined_lines: usize,
    /// Runs of stray whitespace removed between Chinese characters, numbers and units.
    pub spaces_removed: usize,
}

/// Cuts `removed` (sorted, non-overlapping byte ranges) out of `text`, line by line.
pub(crate) fn strip(text: &str, removed: &[(usize, usize)]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut k = 0;
    let ranges = line_ranges(text);
    // How often each short line occurs, asked only of a line that is gone: most pages lose
    // few lines, and counting every line of a long one costs more than the rest together.
    let mut seen: Option<std::collections::HashMap<&str, usize>> = None;
    for &(start, end) in &ranges {
        let line = &text[start..end];
        // What is left of the line: the pieces between the removed ranges that touch it.
        let mut kept = String::with_capacity(line.len());
        let mut at = start;
        while at < end {
            while k < removed.len() && removed[k].1 <= at {
                k += 1;
            }
            match removed.get(k) {
                Some(&(from, to)) if from <= at => at = to.min(end),
                Some(&(from, _)) if from < end => {
                    kept.push_str(&text[at..from]);
                    at = from;
                }
                _ => {
                    kept.push_str(&text[at..end]);
                    at = end;
                }
            }
        }
        let had_content = line.chars().any(|c| !c.is_whitespace());
        let lead: Vec<char> = line.chars().take_while(|c| c.is_whitespace()).collect();
        let indented = lead.iter().any(|&c| c == '\u{3000}' || c == '\t') || lead.len() >= 2;
        let gone = had_content && kept.trim().is_empty();
        let trimmed = line.trim();
        let page_break = gone
            && (is_page_number(trimmed)
                || seen
                    .get_or_insert_with(|| short_line_counts(text, &ranges))
                    .get(trimmed)
                    .is_some_and(|&n| n >= 2));
        pieces.push(Piece {
            gone,
            page_break,
            text: kept,
            indented,
            width: display_width(line.trim_end()),
        });
    }
    pieces
}

/// How often each line of at most 200 bytes occurs in `text` (trimmed; blank lines left out).
fn short_line_counts<'a>(
    text: &'a str,
    ranges: &[(usize, usize)],
) -> std::collections::HashMap<&'a str, usize> {
    let mut seen = std::collections::HashMap::new();
    for &(start, end) in ranges {
        let line = text[start..end].trim();
        if !line.is_empty() && line.len() <= 200 {
            *seen.entry(line).or_default() += 1;
        }
    }
    seen
}

fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '：' | ':' | '…'
    )
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '】' | ']' | '》')
}

/// True when the text ends a sentence: a terminator, perhaps followed by closing quotes.
fn ends_sentence(text: &str) -> bool {
    let mut rev = text.trim_end().chars().rev().skip_while(|&c| is_closer(c));
    rev.next().is_some_and(is_sentence_end)
}

fn has_sentence_end(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '。' | '！' | '？' | '；'))
}

/// Columns a text takes on a page: ASCII and other narrow characters 1, Chinese characters,
/// full-width forms and CJK punctuation 2, a tab 4, invisible characters 0.
pub(crate) fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '\t' => 4,
            c if is_invisible(c) => 0,
            c if (c as u32) < 0x1100 => 1,
            _ => 2,
        })
        .sum()
}

/// Shortest line (non-whitespace characters) that can have been broken by the page rather
/// than by the writer.
const MIN_BROKEN_LINE: usize = 16;

/// A line at least this share (in tenths) of the material's line width was probably broken
/// by the page.
const FULL_LINE_TENTHS: usize = 8;

/// Characters a line does not end with unless the sentence goes on.
fn ends_mid_sentence(text: &str) -> bool {
    text.trim_end().ends_with([
        '，', ',', '、', '（', '(', '“', '‘', '《', '【', '〔', '「', '—',
    ])
}

/// Characters no line starts with: the line continues the one before.
fn starts_as_continuation(text: &str) -> bool {
    text.trim_start().starts_with([
        '，', ',', '。', '、', '；', '：', '！', '？', '）', ')', '”', '’', '》', '】', '〕', '」',
        '…',
    ])
}

/// A line that ends like a heading (`（一）在带头……方面`).
fn is_heading_like(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['：', ':']);
    [
        "方面", "问题", "不足", "差距", "情况", "原因", "措施", "方向",
    ]
    .iter()
    .any(|w| t.ends_with(w))
}

/// The material's line width: wide enough that a fifth of its lines reach it. In a copy with
/// hard line breaks (a PDF, a page), most lines are this wide; in text with one paragraph per
/// line it is far wider than any title or heading.
/// Also whether the material is hard-wrapped: many lines (at least five, and a third of all)
/// are within a tenth of that width.
fn typical_width(pieces: &[Piece]) -> (usize, bool) {
    let mut widths: Vec<usize> = pieces
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| p.width)
        .collect();
    if widths.is_empty() {
        return (0, false);
    }
    widths.sort_unstable_by(|a, b| b.cmp(a));
    let typical = widths[widths.len() / 5];
    let near = widths
        .iter()
        .filter(|&&w| w * 10 >= typical * 9 && w * 10 <= typical * 11)
        .count();
    (typical, near >= 5 && near * 3 >= widths.len())
}

/// Joins hard-wrapped lines into paragraphs, drops empty lines and stray spaces.
/// With `keep_first_line`, the first line (the title) is never joined with what follows.
pub(crate) fn paragraphs(pieces: &[Piece], keep_first_line: bool) -> (Vec<String>, RepairStats) {
    let mut stats = RepairStats::default();
    let mut out: Vec<String> = Vec::new();
    let (typical, wrapped) = typical_width(pieces);
    let full_width = typical * FULL_LINE_TENTHS / 10;
    // The paragraph being built, its last physical line (kept text, original width), and how
    // many lines it has.
    let mut current: Option<(String, (&str, usize), usize)> = None;
    let mut gap_blank = false;
    let mut gap_removed = false;
    let mut gap_page = false;
    for piece in pieces {
        let line = piece.text.trim();
        if line.is_empty() {
            if piece.gone {
                gap_removed = true;
                gap_page |= piece.page_break;
            } else {
                gap_blank = true;
            }
            continue;
        }
        let join = match &current {
            None => false,
            Some((paragraph, (last, last_width), lines)) => {
                let first_line_title = keep_first_line && out.is_empty() && *lines == 1;
                let continuation = starts_as_continuation(line);
                // The page broke a long line; a short line (a title, a heading) was broken by
                // the writer. A numbered line without a sentence in it is a heading unless it
                // fills the line.
                let full =
                    *last_width >= full_width && !count_chars_at_most(last, MIN_BROKEN_LINE - 1);
                // In a hard-wrapped copy, a numbered line that fills the whole width was
                // broken by the page even without a comma in it (a long heading).
                let brimming = wrapped && *last_width * 20 >= typical * 19;
                // Asked only when it decides: it reads the whole paragraph so far.
                let numbered_heading = || {
                    starts_with_mark(paragraph)
                        && !has_sentence_end(paragraph)
                        && (is_heading_like(paragraph)
                            || !paragraph.contains(['，', ',']) && !brimming)
                };
                !first_line_title
                    && (gap_removed || !gap_blank)
                    && (!piece.indented || continuation)
                    && !ends_sentence(paragraph)
                    && !starts_with_mark(line)
                    && (continuation
                        || ends_mid_sentence(last)
                        || (full || gap_page) && !numbered_heading())
            }
        };
        match current.as_mut() {
            Some((paragraph, last, lines)) if join => {
                let ascii_gap = paragraph
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                    && line
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphanumeric());
                if ascii_gap {
                    paragraph.push(' ');
                }
                paragraph.push_str(line);
                *last = (line, piece.width);
                *lines += 1;
                stats.joined_lines += 1;
            }
            _ => {
                if let Some((paragraph, _, _)) = current.take() {
                    out.push(paragraph);
                }
                current = Some((line.to_owned(), (line, piece.width), 1));
            }
        }
        gap_blank = false;
        gap_removed = false;
        gap_page = false;
    }
    if let Some((paragraph, _, _)) = current {
        out.push(paragraph);
    }
    for paragraph in out.iter_mut().filter(|p| p.chars().any(is_space)) {
        let (fixed, removed) = strip_stray_spaces(paragraph);
        stats.spaces_removed += removed;
        *paragraph = fixed;
    }
    (out, stats)
}

/// Chinese text and its punctuation: no spaces belong next to these.
fn is_cjk_like(c: char) -> bool {
    is_han(c)
        || is_invisible(c)
        || matches!(c,
            '\u{2010}'..='\u{206F}'
            | '\u{2E80}'..='\u{2FDF}'
            | '\u{3000}'..='\u{30FF}'
            | '\u{FF00}'..='\u{FFEF}')
}

/// Removes whitespace runs inside a line that touch Chinese text (`在 工作中`, `2025 年`), and
/// collapses the others to one space; ideographic spaces between two characters stay (the
/// writer put them there: `局长　张三`). Leading and trailing whitespace goes too.
pub(crate) fn strip_stray_spaces(line: &str) -> (String, usize) {
    let line = line.trim();
    // Most lines hold no space at all between their first and last character.
    if !line.chars().any(is_space) {
        return (line.to_owned(), 0);
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut removed = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].is_whitespace() {
            j += 1;
        }
        let prev = out.chars().last();
        let next = chars.get(j).copied();
        // Ideographic spaces inside a line are the writer's (`局长　张××`, `张　三`).
        if chars[i..j].iter().all(|&c| c == '\u{3000}') && prev.is_some() && next.is_some() {
            out.extend(&chars[i..j]);
            i = j;
            continue;
        }
        match (prev, next) {
            // `10 %`: a percent sign belongs to its number.
            (Some(p), Some('%' | '‰' | '℃')) if p.is_ascii_digit() => removed += 1,
            (Some(p), Some(n)) if !is_cjk_like(p) && !is_cjk_like(n) => {
                out.push(' ');
                if j - i > 1 || c != ' ' {
                    removed += 1;
                }
            }
            _ => removed += 1,
        }
        i = j;
    }
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repair(text: &str, keep_first: bool) -> Vec<String> {
        paragraphs(&strip(text, &[]), keep_first).0
    }

    #[test]
    fn stray_spaces_go_between_chinese_and_units() {
        assert_eq!(
            strip_stray_spaces("在 2025 年 的 工作中").0,
            "在2025年的工作中"
        );
        assert_eq!(
            strip_stray_spaces("PPT  design 和 Word").0,
            "PPT design和Word"
        );
        assert_eq!(strip_stray_spaces("1379 64").0, "1379 64");
        assert_eq!(strip_stray_spaces("只有 10 %，").0, "只有10%，");
        assert_eq!(strip_stray_spaces("　　局长　张三 ").0, "局长　张三");
    }

    #[test]
    fn hard_breaks_inside_sentences_are_joined() {
        let text = "标题\n　　一是学习不够深入。在工作中经常满足于完成规定\n动作，学习的针对性需要加强。\n二是研究不够。";
        assert_eq!(
            repair(text, true),
            [
                "标题",
                "一是学习不够深入。在工作中经常满足于完成规定动作，学习的针对性需要加强。",
                "二是研究不够。"
            ]
        );
    }

    #[test]
    fn headings_titles_and_indented_lines_stay_apart() {
        let text = "（一）在理论学习方面存在的不足和问题需要认真\n在工作中经常满足于完成规定动作的情况比较多见\n　　新的段落";
        let out = repair(text, false);
        assert_eq!(out.len(), 3, "{out:?}");
        let short = repair("（2023年12月）\n按照要求", false);
        assert_eq!(short.len(), 2);
        let title = repair(
            "二〇二三年度民主生活会个人对照检查材料全文内容\n按照要求",
            true,
        );
        assert_eq!(title.len(), 2);
    }

    #[test]
    fn a_short_title_line_is_not_glued_to_the_paragraph_after_it() {
        let text = "某某网\n2024年度民主生活会个人对照检查材料\n按照本次民主生活会要求，本人认真学习了有关文件，广泛征求意见建议，深入开展谈心谈话，现将个人对照检查情况报告如下。\n一、存在的问题";
        assert_eq!(repair(text, true).len(), 4);
    }

    #[test]
    fn wrapped_lines_join_at_the_material_width_and_headings_stay() {
        // A PDF copy at about 28 characters a line.
        let text = "\
（一）在带头深化改革开放、推进中国式现代化方面
理论学习不够系统。虽然能按时参加中心组学习，但自学
时间不足，全年仅撰写心得体会3篇，学习笔记不足2万
字，对全会精神理解还不够深。
（二）在带头强化政治忠诚方面
1.政治敏锐性不够强，面对网络上的错误言论，有时存在
事不关己的想法，没有第一时间亮剑发声。
2.改革意识不强
对分管领域的改革任务，习惯于按部就班，进度滞后。";
        assert_eq!(
            repair(text, false),
            [
                "（一）在带头深化改革开放、推进中国式现代化方面",
                "理论学习不够系统。虽然能按时参加中心组学习，但自学时间不足，全年仅撰写心得体会3篇，学习笔记不足2万字，对全会精神理解还不够深。",
                "（二）在带头强化政治忠诚方面",
                "1.政治敏锐性不够强，面对网络上的错误言论，有时存在事不关己的想法，没有第一时间亮剑发声。",
                "2.改革意识不强",
                "对分管领域的改革任务，习惯于按部就班，进度滞后。",
            ]
        );
    }

    #[test]
    fn a_long_heading_wrapped_by_the_page_is_one_line_again() {
        let body = "理论学习不够系统。虽然能按时参加中心组学习，但自学\n时间不足，全年仅撰写心得体会3篇，学习笔记不足2万\n字，对全会精神理解还不够深入，学用结合也不够紧密。\n";
        let text = format!(
            "（一）在带头强化政治忠诚、提高政治能力方面\n{body}（二）在带头深化改革开放、推进中国式现代化方面存\n在的不足\n{body}{body}"
        );
        let out = repair(&text, false);
        assert_eq!(out[0], "（一）在带头强化政治忠诚、提高政治能力方面");
        assert_eq!(
            out[2],
            "（二）在带头深化改革开放、推进中国式现代化方面存在的不足"
        );
        assert_eq!(out.len(), 5, "{out:?}");
    }

    #[test]
    fn punctuation_tells_a_continuation() {
        let out = repair(
            "（一）在带头强化政治忠诚、\n提高政治能力方面\n短句\n，接着说。",
            false,
        );
        assert_eq!(
            out,
            [
                "（一）在带头强化政治忠诚、提高政治能力方面",
                "短句，接着说。"
            ]
        );
    }

    #[test]
    fn removed_lines_do_not_break_a_sentence() {
        let text = "在工作中经常满足于完成规定动作，学习的针对性\n\n— 2 —\n\n需要加强。";
        let removed_start = text.find('—').unwrap();
        let removed_end = text.rfind('—').unwrap() + '—'.len_utf8();
        let pieces = strip(text, &[(removed_start, removed_end)]);
        let (out, stats) = paragraphs(&pieces, false);
        assert_eq!(
            out,
            ["在工作中经常满足于完成规定动作，学习的针对性需要加强。"]
        );
        assert_eq!(stats.joined_lines, 1);
    }
}
