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
/// The same for a line without any sentence end (`+V：xxx 领取……材料合集`).
const FRAGMENT_RESIDUE_MAX_CHARS: usize = 30;

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
    /// Removed by a rule that heads a list of links.
    heads_list: bool,
}

/// Every span of `text` that the rules consider an ad (plus invisible characters), sorted and
/// not overlapping.
pub(crate) fn detect(text: &str, rules: &Rules) -> Vec<Flag> {
    let mut lines: Vec<LineResult> = line_ranges(text)
        .into_iter()
        .map(|(start, end)| analyze_line(text, start, end, rules))
        .collect();
    propagate_to_neighbours(text, &mut lines, rules);
    remove_link_lists(text, &mut lines);
    remove_running_headers(text, &mut lines);
    remove_repeated_title(text, &mut lines);

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

/// Arrows, shapes, dingbats and emoji that decorate a line (`▍一、`, `📌`), not the circled
/// numbers among them (`①`).
fn is_decoration(c: char) -> bool {
    (('\u{2190}'..='\u{2BFF}').contains(&c) && !('\u{2460}'..='\u{24FF}').contains(&c))
        || ('\u{1F000}'..='\u{1FAFF}').contains(&c)
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
        structural: starts_with_mark(line.trim_start_matches(|c: char| {
            c.is_whitespace() || is_invisible(c) || is_decoration(c)
        })),
        nonws: count_nonws(line),
        score: 0,
        top_signal: None,
        heads_list: false,
    };
    if blank {
        return result;
    }
    let view = View::new(line, start);
    let vt = view.text.as_str();
    let trimmed = vt.trim();

    for index in rules.line_rules_matching(trimmed) {
        let rule = &rules.rules()[index];
        if result.nonws <= rule.max_chars() {
            mark_whole(
                text,
                &mut result,
                rule.reason(),
                rule.id(),
                WholeLine::Chrome,
            );
            result.heads_list = rule.spec.heads_list;
            return result;
        }
    }

    // Spans in view coordinates.
    // Only the rules that can match this line are run.
    let hits = rules.rules_matching(vt);
    let candidates = |kind: RuleKind| {
        rules
            .rules()
            .iter()
            .zip(&hits)
            .filter(move |(r, hit)| **hit && r.kind() == kind)
            .map(|(r, _)| r)
    };
    let mut cuts: Vec<(usize, usize, &str, &str)> = Vec::new();
    for rule in candidates(RuleKind::Cut) {
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
    for rule in candidates(RuleKind::Sentence) {
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
    for (index, rule) in rules.rules().iter().enumerate() {
        if rule.kind() != RuleKind::Signal || !hits[index] {
            continue;
        }
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
            // A line that is one unfinished sentence (no `。`) is a fragment of the ad
            // block: a longer rest goes too.
            let fragment_line = s == 0 && e == vt.len() && !vt[s..e].contains(is_terminator);
            let limit = if fragment_line && !result.structural {
                FRAGMENT_RESIDUE_MAX_CHARS
            } else {
                RESIDUE_MAX_CHARS
            };
            if left <= limit {
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
    widen_to_brackets(line, start, &mut result.spans);

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

/// The closing bracket that pairs with `open`, if `open` is an opening bracket.
fn closers_of(open: char) -> Option<&'static [char]> {
    Some(match open {
        '（' | '(' => &['）', ')'],
        '【' => &['】'],
        '[' | '［' => &[']', '］'],
        '〔' => &['〕'],
        '「' => &['」'],
        '『' => &['』'],
        '〈' => &['〉'],
        _ => return None,
    })
}

fn is_content_char(c: char) -> bool {
    (c.is_alphanumeric() || is_han(c)) && !is_invisible(c)
}

/// A bracket pair that held something cut and now holds only punctuation or whitespace
/// (`（全文共3216字，下载后可任意编辑）` → `（，）`) goes with what was cut. `spans` are byte
/// ranges of the whole text; `line` starts at byte `base`.
fn widen_to_brackets(line: &str, base: usize, spans: &mut Vec<Span>) {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (i, c) in line.char_indices() {
        if closers_of(c).is_some() {
            open.push((i, c));
            continue;
        }
        let Some(depth) = open
            .iter()
            .rposition(|&(_, o)| closers_of(o).is_some_and(|cl| cl.contains(&c)))
        else {
            continue;
        };
        let (from, _) = open[depth];
        open.truncate(depth);
        let (s, e) = (base + from, base + i + c.len_utf8());
        let covered = |at: usize| spans.iter().any(|sp| sp.start <= at && at < sp.end);
        let inner = &line[from..i + c.len_utf8()];
        let mut any_cut = false;
        let mut content_left = false;
        for (j, d) in inner.char_indices() {
            if covered(s + j) {
                any_cut |= !d.is_whitespace();
            } else if is_content_char(d) {
                content_left = true;
                break;
            }
        }
        if !any_cut || content_left || spans.iter().any(|sp| sp.start <= s && e <= sp.end) {
            continue;
        }
        let main = spans
            .iter()
            .filter(|sp| sp.start < e && s < sp.end)
            .max_by_key(|sp| sp.end.min(e) - sp.start.max(s))
            .map(|sp| (sp.reason.clone(), sp.rule.clone()));
        if let Some((reason, rule)) = main {
            spans.push(Span {
                start: s,
                end: e,
                reason,
                rule,
            });
        }
    }
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

/// Longest line (non-whitespace characters) taken as a link in a list of links.
const LINK_MAX_CHARS: usize = 40;

/// Under a line that heads a list of links (`往期推荐`), the title-like lines that follow go
/// too: short, no sentence end, not numbered. Only at the end of the material (nothing
/// numbered after the list), so a speech is never taken for a list.
fn remove_link_lists(text: &str, lines: &mut [LineResult]) {
    let Some(last_numbered) = lines
        .iter()
        .rposition(|l| l.structural && l.whole == WholeLine::No)
    else {
        // Nothing numbered at all: only lists in the second half.
        return remove_link_lists_after(text, lines, lines.len() / 2);
    };
    remove_link_lists_after(text, lines, last_numbered + 1);
}

fn remove_link_lists_after(text: &str, lines: &mut [LineResult], from: usize) {
    let mut i = from;
    while i < lines.len() {
        if !lines[i].heads_list {
            i += 1;
            continue;
        }
        let (reason, rule) = match lines[i].spans.first() {
            Some(span) => (span.reason.clone(), span.rule.clone()),
            None => {
                i += 1;
                continue;
            }
        };
        let mut k = i + 1;
        while k < lines.len() {
            let line = &lines[k];
            if line.blank || line.whole != WholeLine::No {
                k += 1;
                continue;
            }
            let kept = text[line.start..line.end].trim();
            let link_like = line.nonws <= LINK_MAX_CHARS
                && !line.structural
                && !kept.ends_with(['。', '！', '？', '；', '：', ':', '，'])
                && !kept.contains(['。', '；']);
            if !link_like {
                break;
            }
            mark_whole(text, &mut lines[k], &reason, &rule, WholeLine::Chrome);
            k += 1;
        }
        i = k;
    }
}

/// Reason and rule id for a line printed on every page of a PDF (a running header or footer).
pub(crate) const RUNNING_HEADER_REASON: &str = "页眉页脚";
pub(crate) const RUNNING_HEADER_RULE: &str = "running-header";

/// `- 1 -`, `— 2 —`, `第1页 共5页`, `3/5`, `Page 2 of 5`: digits among page words and dashes.
pub(crate) fn is_page_number(line: &str) -> bool {
    line.chars().any(|c| c.is_ascii_digit())
        && line.chars().count() <= 20
        && line.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(
                    c,
                    '-' | '—'
                        | '–'
                        | '－'
                        | '_'
                        | '/'
                        | '|'
                        | '·'
                        | '.'
                        | '第'
                        | '页'
                        | '共'
                        | '（'
                        | '）'
                        | '('
                        | ')'
                        | ','
                        | '，'
                )
                || "PpAaGgEeOoFf".contains(c)
        })
}

/// A short line printed on every page (a PDF's running header or footer) goes wherever it
/// is: it occurs three times or more, or twice with a page number beside it. When the
/// material opens with it and no other title follows, the first copy is the title and stays.
fn remove_running_headers(text: &str, lines: &mut [LineResult]) {
    let candidate = |l: &LineResult| {
        let t = &text[l.start..l.end];
        !l.blank
            && l.whole == WholeLine::No
            && l.spans.is_empty()
            && !l.structural
            && (4..=TITLE_MAX_CHARS).contains(&l.nonws)
            && !t.contains(['。', '；', '！', '？'])
            && t.chars().filter(|&c| is_han(c)).count() >= 4
    };
    let mut groups: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (k, line) in lines.iter().enumerate() {
        if candidate(line) {
            groups.entry(kept_key(text, line)).or_default().push(k);
        }
    }
    let near_page_number = |k: usize| {
        let around = |range: &mut dyn Iterator<Item = usize>| {
            range
                .filter(|&j| !lines[j].blank)
                .take(1)
                .any(|j| is_page_number(text[lines[j].start..lines[j].end].trim()))
        };
        around(&mut (0..k).rev()) || around(&mut (k + 1..lines.len()))
    };
    let first_content = lines
        .iter()
        .position(|l| !l.blank && l.whole == WholeLine::No);
    let mut doomed: Vec<usize> = Vec::new();
    for positions in groups.values() {
        // Without a page number beside it, a line seen three times could be the writer's
        // own repeated lead-in (`具体表现在以下几个方面`): only a plain label counts.
        let plain_label = {
            let t = text[lines[positions[0]].start..lines[positions[0]].end].trim();
            !t.contains(['，', '：', ':', '、'])
                && !["方面", "问题", "如下", "情况", "表现", "不足"]
                    .iter()
                    .any(|w| t.ends_with(w))
        };
        let running = positions.len() >= 2 && positions.iter().any(|&k| near_page_number(k))
            || positions.len() >= 3 && plain_label;
        if !running {
            continue;
        }
        let mut positions = positions.clone();
        if Some(positions[0]) == first_content {
            let next = (positions[0] + 1..lines.len())
                .find(|&j| !lines[j].blank && lines[j].whole == WholeLine::No);
            let next_is_title = next.is_some_and(|j| {
                let l = &lines[j];
                let t = text[l.start..l.end].trim();
                !positions.contains(&j)
                    && !l.structural
                    && l.nonws <= TITLE_MAX_CHARS
                    && !t.ends_with(['。', '；', '！', '？', '：', ':', '，'])
            });
            if !next_is_title {
                positions.remove(0);
            }
        }
        doomed.extend(positions);
    }
    for k in doomed {
        mark_whole(
            text,
            &mut lines[k],
            RUNNING_HEADER_REASON,
            RUNNING_HEADER_RULE,
            WholeLine::Chrome,
        );
    }
}

/// Reason and rule id for a second copy of the title near the top (a page's title repeated
/// as the article's own, often behind `篇一：`).
pub(crate) const REPEATED_TITLE_REASON: &str = "网站信息：重复的标题";
pub(crate) const REPEATED_TITLE_RULE: &str = "repeated-title";

/// Lines after the title searched for a copy of it.
const REPEATED_TITLE_WINDOW: usize = 8;
/// Longest title, in characters.
const TITLE_MAX_CHARS: usize = 60;

/// Letters, digits and Chinese characters of what is left of a line after its spans.
fn kept_key(text: &str, line: &LineResult) -> String {
    text[line.start..line.end]
        .char_indices()
        .filter(|&(i, c)| {
            let at = line.start + i;
            is_content_char(c) && !line.spans.iter().any(|s| s.start <= at && at < s.end)
        })
        .map(|(_, c)| c)
        .collect()
}

/// The first line left is the title; a copy of it among the next few lines (before anything
/// numbered) goes. A copy is the same words, or the title less a bracketed addition
/// (`…材料（四个带头）` and `篇一：…材料`).
fn remove_repeated_title(text: &str, lines: &mut [LineResult]) {
    let mut rest = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.blank && l.whole == WholeLine::No);
    let Some((first, title_line)) = rest.next() else {
        return;
    };
    let title_text = text[title_line.start..title_line.end].trim();
    if title_line.structural
        || title_line.nonws > TITLE_MAX_CHARS
        || title_text.ends_with(['。', '；', '！', '？', '：', ':', '，'])
    {
        return;
    }
    let title = kept_key(text, title_line);
    if title.chars().filter(|&c| is_han(c)).count() < 6 {
        return;
    }
    let candidates: Vec<usize> = rest
        .take(REPEATED_TITLE_WINDOW)
        .take_while(|(_, l)| !l.structural)
        .map(|(k, _)| k)
        .filter(|&k| k > first)
        .collect();
    for k in candidates {
        let key = kept_key(text, &lines[k]);
        let (short, long) = if key.len() <= title.len() {
            (&key, &title)
        } else {
            (&title, &key)
        };
        let similar = short.chars().count() * 10 >= long.chars().count() * 7;
        if short.chars().filter(|&c| is_han(c)).count() >= 6
            && similar
            && long.contains(short.as_str())
        {
            mark_whole(
                text,
                &mut lines[k],
                REPEATED_TITLE_REASON,
                REPEATED_TITLE_RULE,
                WholeLine::Chrome,
            );
        }
    }
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
    fn brackets_left_empty_by_a_cut_go_with_it() {
        let rules = Rules::builtin();
        let text = "一是学习不够（全文共3216字，下载后可任意编辑）。\n二是（注：本条为示例，下载后可任意编辑）研究不深。";
        let flags = detect(text, &rules);
        let texts: Vec<&str> = flags.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            ["（全文共3216字，下载后可任意编辑）", "下载后可任意编辑"]
        );
    }

    #[test]
    fn a_repeated_title_near_the_top_goes() {
        let rules = Rules::builtin();
        let text = "2024年度民主生活会个人对照检查材料（四个带头）\n来源：某某网\n篇一：2024年度民主生活会个人对照检查材料\n按照要求，现报告如下。\n2024年度民主生活会个人对照检查材料";
        let flags = detect(text, &rules);
        let texts: Vec<&str> = flags.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "来源：某某网",
                "篇一：2024年度民主生活会个人对照检查材料",
                "2024年度民主生活会个人对照检查材料"
            ]
        );
        // Not a title: a sentence.
        assert!(detect("按照要求报告如下。\n按照要求报告如下。", &rules).is_empty());
    }

    #[test]
    fn running_headers_go_but_repeated_lead_ins_stay() {
        let rules = Rules::builtin();
        let page = "一是学习不够深入，在工作中经常满足于完成规定动作。\n具体表现在以下几个方面\n二是研究不深。\n";
        let text = format!(
            "某某局民主生活会材料\n个人对照检查材料\n{page}\n1\n某某局民主生活会材料\n{page}2\n某某局民主生活会材料\n{page}3\n"
        );
        let flags = detect(&text, &rules);
        let texts: Vec<&str> = flags.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "某某局民主生活会材料",
                "1",
                "某某局民主生活会材料",
                "2",
                "某某局民主生活会材料",
                "3"
            ]
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
