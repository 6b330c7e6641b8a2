//! Finding ad spans in a text, line by line.

use super::Flag;
use super::marks::starts_with_mark;
use super::rules::{RuleKind, Rules};
use super::view::{View, is_han, is_invisible};

/// Reason and rule id for invisible characters.
pub(crate) const INVISIBLE_REASON: &str = "不可见字符";
pub(crate) const INVISIBLE_RULE: &str = "invisible";

/// A neighbour with a single weak signal and more Chinese characters than this is content
/// (a title under an ad header), not part of the ad block.
const WEAK_NEIGHBOUR_HAN: usize = 8;

/// Longest rest of a sentence, beside a cut, that goes with the cut when it has a signal.
const RESIDUE_MAX_CHARS: usize = 15;

/// Byte ranges of the lines of `text`, without their line breaks (`\n`, `\r\n` or `\r`).
pub(crate) fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push((start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push((start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push((start, bytes.len()));
    out
}

#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    reason: String,
    rule: String,
}

/// Why a whole line went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WholeLine {
    No,
    /// By a Line rule, or by Cut/Sentence rules that left only punctuation.
    Chrome,
    /// By sales-talk scoring (or as a neighbour of such a line): spreads to weak neighbours.
    Sales,
}

#[derive(Debug, Clone)]
struct LineResult {
    start: usize,
    end: usize,
    spans: Vec<Span>,
    whole: WholeLine,
    blank: bool,
    structural: bool,
    nonws: usize,
    score: u32,
    top_signal: Option<(String, String)>,
}

/// Every span of `text` that the rules consider an ad (plus invisible characters), sorted and
/// not overlapping.
pub(crate) fn detect(text: &str, rules: &Rules) -> Vec<Flag> {
    let mut lines: Vec<LineResult> = line_ranges(text)
        .into_iter()
        .map(|(start, end)| analyze_line(text, start, end, rules))
        .collect();
    propagate_to_neighbours(text, &mut lines, rules);

    let mut spans: Vec<Span> = lines.into_iter().flat_map(|l| l.spans).collect();
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start < last.end => {
                last.end = last.end.max(span.end);
            }
            _ => merged.push(span),
        }
    }
    let merged = add_invisible(text, merged);
    merged
        .into_iter()
        .filter(|s| s.start < s.end)
        .map(|s| Flag {
            text: text[s.start..s.end].to_owned(),
            start: s.start,
            end: s.end,
            reason: s.reason,
            rule: s.rule,
        })
        .collect()
}

/// Adds a span for every run of invisible characters not already inside a span.
fn add_invisible(text: &str, spans: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len());
    let mut next = spans.into_iter().peekable();
    let mut run: Option<(usize, usize)> = None;
    let mut skip_until = 0;
    let flush = |run: &mut Option<(usize, usize)>, out: &mut Vec<Span>| {
        if let Some((start, end)) = run.take() {
            out.push(Span {
                start,
                end,
                reason: INVISIBLE_REASON.to_owned(),
                rule: INVISIBLE_RULE.to_owned(),
            });
        }
    };
    for (i, c) in text.char_indices() {
        while let Some(span) = next.peek() {
            if span.start <= i {
                flush(&mut run, &mut out);
                skip_until = skip_until.max(span.end);
                if let Some(span) = next.next() {
                    out.push(span);
                }
            } else {
                break;
            }
        }
        if i < skip_until {
            continue;
        }
        if is_invisible(c) {
            let end = i + c.len_utf8();
            run = Some(match run {
                Some((start, _)) => (start, end),
                None => (i, end),
            });
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out.extend(next);
    out
}

fn count_nonws(s: &str) -> usize {
    s.chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .count()
}

/// The original range without leading and trailing whitespace.
fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (start + lead, start + lead + trimmed.len())
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | ']' | '》' | '〉' | '〕' | '］'
    )
}

/// Sentences of a view: each ends after its terminators and any closing quotes or brackets.
fn sentence_ranges(v: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = v.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_terminator(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_terminator(d) || is_closer(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push((start, end));
            start = end;
        }
    }
    if start < v.len() {
        out.push((start, v.len()));
    }
    out
}

fn analyze_line(text: &str, start: usize, end: usize, rules: &Rules) -> LineResult {
    let line = &text[start..end];
    let blank = line.chars().all(|c| c.is_whitespace() || is_invisible(c));
    let mut result = LineResult {
        start,
        end,
        spans: Vec::new(),
        whole: WholeLine::No,
        blank,
        structural: starts_with_mark(
            line.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c)),
        ),
        nonws: count_nonws(line),
        score: 0,
        top_signal: None,
    };
    if blank {
        return result;
    }
    let view = View::new(line, start);
    let vt = view.text.as_str();
    let trimmed = vt.trim();

    for rule in rules.of_kind(RuleKind::Line) {
        if result.nonws <= rule.max_chars() && rule.regex.is_match(trimmed) {
            mark_whole(
                text,
                &mut result,
                rule.reason(),
                rule.id(),
                WholeLine::Chrome,
            );
            return result;
        }
    }

    // Spans in view coordinates. One pass tells which rules match at all; only those search.
    let candidates = rules.candidates(vt);
    let mut cuts: Vec<(usize, usize, &str, &str)> = Vec::new();
    for (_, rule) in rules
        .indexed_of_kind(RuleKind::Cut)
        .filter(|(index, _)| candidates.may_match(*index))
    {
        for m in rule.regex.find_iter(vt) {
            if m.start() < m.end() {
                cuts.push((m.start(), m.end(), rule.reason(), rule.id()));
            }
        }
    }
    let sentences = sentence_ranges(vt);
    let sentence_of = |pos: usize| {
        sentences
            .iter()
            .copied()
            .find(|&(s, e)| s <= pos && pos < e)
            .unwrap_or((pos, pos))
    };
    let mut removals = cuts.clone();
    for (_, rule) in rules
        .indexed_of_kind(RuleKind::Sentence)
        .filter(|(index, _)| candidates.may_match(*index))
    {
        for m in rule.regex.find_iter(vt) {
            if m.start() >= m.end() {
                continue;
            }
            let (s, e) = sentence_of(m.start());
            if s < e && count_nonws(&vt[s..e]) <= rule.max_chars() {
                removals.push((s, e.max(m.end()), rule.reason(), rule.id()));
            } else {
                removals.push((m.start(), m.end(), rule.reason(), rule.id()));
            }
        }
    }

    // Sales talk: distinct signals per sentence, matches inside cut spans ignored.
    let overlaps_cut = |s: usize, e: usize| cuts.iter().any(|c| s < c.1 && c.0 < e);
    let mut signals: Vec<(usize, usize, u32, &str, &str)> = Vec::new();
    for (index, rule) in rules
        .indexed_of_kind(RuleKind::Signal)
        .filter(|(index, _)| candidates.may_match(*index))
    {
        for m in rule.regex.find_iter(vt) {
            if m.start() < m.end() && !overlaps_cut(m.start(), m.end()) {
                signals.push((m.start(), index, rule.weight(), rule.reason(), rule.id()));
            }
        }
    }
    let score_of = |s: usize, e: usize| {
        let mut seen: Vec<usize> = Vec::new();
        let mut score = 0;
        let mut top: Option<(u32, &str, &str)> = None;
        for &(pos, index, weight, reason, id) in &signals {
            if pos >= s && pos < e && !seen.contains(&index) {
                seen.push(index);
                score += weight;
                if top.is_none_or(|t| weight > t.0) {
                    top = Some((weight, reason, id));
                }
            }
        }
        (score, top)
    };
    let (line_score, line_top) = score_of(0, vt.len());
    result.score = line_score;
    result.top_signal = line_top.map(|(_, r, id)| (r.to_owned(), id.to_owned()));
    for &(s, e) in &sentences {
        let (score, top) = score_of(s, e);
        let needed =
            rules.threshold() + (count_nonws(&vt[s..e]) / rules.chars_per_extra_point()) as u32;
        if score >= needed
            && let Some((_, reason, id)) = top
        {
            removals.push((s, e, reason, id));
            continue;
        }
        // What is left of a sentence around a cut contact, if short and still salesy
        // (`需要原创材料` + `请加微信：…`), goes with it.
        if score >= 1
            && let Some(cut) = cuts.iter().find(|c| s < c.1 && c.0 < e)
        {
            let left: usize = vt[s..e]
                .char_indices()
                .filter(|&(i, c)| {
                    let at = s + i;
                    !c.is_whitespace() && !cuts.iter().any(|c| c.0 <= at && at < c.1)
                })
                .count();
            if left <= RESIDUE_MAX_CHARS {
                removals.push((s, e, cut.2, cut.3));
            }
        }
    }

    for (s, e, reason, id) in removals {
        let (os, oe) = view.original(s, e);
        let (os, oe) = trim_range(text, os, oe);
        if os < oe {
            result.spans.push(Span {
                start: os,
                end: oe,
                reason: reason.to_owned(),
                rule: id.to_owned(),
            });
        }
    }
    if result.spans.is_empty() {
        return result;
    }

    // Only punctuation left on the line: the whole line goes.
    let covered = |i: usize| result.spans.iter().any(|s| s.start <= i && i < s.end);
    let content_left = line.char_indices().any(|(i, c)| {
        (c.is_alphanumeric() || is_han(c)) && !is_invisible(c) && !covered(start + i)
    });
    if !content_left {
        let sales = result.spans.iter().any(|s| {
            rules
                .rules()
                .iter()
                .any(|r| r.id() == s.rule && r.kind() == RuleKind::Signal)
        });
        let main = result
            .spans
            .iter()
            .max_by_key(|s| s.end - s.start)
            .map(|s| (s.reason.clone(), s.rule.clone()));
        if let Some((reason, rule)) = main {
            let kind = if sales {
                WholeLine::Sales
            } else {
                WholeLine::Chrome
            };
            mark_whole(text, &mut result, &reason, &rule, kind);
        }
    }
    result
}

fn mark_whole(text: &str, result: &mut LineResult, reason: &str, rule: &str, kind: WholeLine) {
    let (s, e) = trim_range(text, result.start, result.end);
    result.spans = vec![Span {
        start: s,
        end: e,
        reason: reason.to_owned(),
        rule: rule.to_owned(),
    }];
    result.whole = kind;
}

/// Short lines with some sales signal that sit next to a removed sales line go too: ad blocks
/// often have a weaker line among strong ones.
fn propagate_to_neighbours(text: &str, lines: &mut [LineResult], rules: &Rules) {
    loop {
        let mut changed = false;
        for i in 0..lines.len() {
            let line = &lines[i];
            if line.blank
                || line.whole != WholeLine::No
                || !line.spans.is_empty()
                || line.score == 0
                || line.structural
                || line.nonws > rules.neighbour_max_chars()
            {
                continue;
            }
            let prev = (0..i).rev().find(|&j| !lines[j].blank);
            let next = (i + 1..lines.len()).find(|&j| !lines[j].blank);
            let beside_sales = [prev, next]
                .into_iter()
                .flatten()
                .any(|j| lines[j].whole == WholeLine::Sales);
            // A weak signal alone does not condemn a line that ends like a sentence of content.
            let line_text = text[line.start..line.end].trim_end();
            let han = line_text.chars().filter(|&c| is_han(c)).count();
            let weak_content =
                line.score < 2 && (line_text.ends_with(['。', '；']) || han > WEAK_NEIGHBOUR_HAN);
            if beside_sales
                && !weak_content
                && let Some((reason, rule)) = lines[i].top_signal.clone()
            {
                mark_whole(text, &mut lines[i], &reason, &rule, WholeLine::Sales);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_on_every_break_style() {
        let text = "a\nb\r\nc\rd";
        let lines: Vec<&str> = line_ranges(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(lines, ["a", "b", "c", "d"]);
    }

    #[test]
    fn sentences_keep_closing_quotes() {
        let v = "他说“好。”然后走了！]剩下";
        let parts: Vec<&str> = sentence_ranges(v).iter().map(|&(s, e)| &v[s..e]).collect();
        assert_eq!(parts, ["他说“好。”", "然后走了！]", "剩下"]);
    }

    #[test]
    fn ad_blocks_take_weak_neighbours_but_not_titles() {
        let rules = Rules::builtin();
        let text =
            "【某某素材库】每日更新，会员群+网盘群\n欢迎加入！\n2023年民主生活会对照检查材料原创\n";
        let flags = detect(text, &rules);
        let texts: Vec<&str> = flags.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            ["【某某素材库】每日更新，会员群+网盘群", "欢迎加入！"]
        );
    }

    #[test]
    fn invisible_runs_become_spans() {
        let rules = Rules::empty();
        let flags = detect("甲\u{200B}\u{200C}乙\u{FEFF}", &rules);
        assert_eq!(flags.len(), 2);
        assert_eq!(flags[0].text, "\u{200B}\u{200C}");
        assert_eq!(flags[1].text, "\u{FEFF}");
    }
}
