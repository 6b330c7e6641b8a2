//! Finding ad spans in a text, line by line.

use super::Flag;
use super::cover::{Cover, tick, work_done};
use super::marks::starts_with_mark;
use super::prefilter::Places;
use super::rules::{RuleKind, Rules, TextSize};
use super::view::{View, is_han, is_invisible};
use crate::parallel::{self, Job};
use std::ops::Range;

mod brackets;
mod memo;
mod page;
use brackets::widen_to_brackets;
pub(in crate::clean) use memo::LineMemo;
pub(crate) use page::is_page_number;
use page::{remove_link_lists, remove_repeated_title, remove_running_headers};

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
/// Characters after a sales sentence's last signal, from its next comma on, that make the rest
/// of the sentence text of its own that the ad was pasted into (`…朋友圈每天更新作难度将进一步
/// 增大，全市火灾事故仍然易发、多发…`): an ad's own tail is short (`，每天更新。`).
const GLUED_TAIL_MIN_CHARS: usize = 20;
/// Words a sales pitch ends on (`海量公文范文，朋友圈每天更新`): what follows them glued, with
/// no mark between, is the text the ad was pasted into, not more of the ad.
const PITCH_ENDS: &[&str] = &["更新"];

/// Byte ranges of the lines of `text`, without their line breaks (`\n`, `\r\n` or `\r`).
/// Every scan of a page or a field starts here, so the breaks are found with `memchr`, which
/// reads many bytes at a time, rather than byte by byte.
pub(crate) fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The `\n` of a `\r\n` closes nothing: the `\r` before it closed the line.
        if at < start {
            continue;
        }
        out.push((start, at));
        start = at + 1;
        if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            start += 1;
        }
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
    /// The line holds an invisible character: only such lines are read for them.
    invisible: bool,
}

/// Every span of `text` that the rules consider an ad (plus invisible characters), sorted and
/// not overlapping.
pub(crate) fn detect(text: &str, rules: &Rules) -> Vec<Flag> {
    let mut lines = analyze_lines(text, rules);
    propagate_to_neighbours(text, &mut lines, rules);
    remove_link_lists(text, &mut lines);
    remove_running_headers(text, &mut lines);
    remove_repeated_title(text, &mut lines);

    let with_invisible: Vec<(usize, usize)> = lines
        .iter()
        .filter(|line| line.invisible)
        .map(|line| (line.start, line.end))
        .collect();
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
    let merged = add_invisible(text, merged, &with_invisible);
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

/// A text this long has its lines looked at on all cores (a downloaded page of 1 MB takes
/// tens of milliseconds on one); a field of a draft is looked at on one.
pub(super) const PARALLEL_TEXT_BYTES: usize = 64 * 1024;

/// Runs of lines per core when a long text is shared out: enough runs that the cores finish
/// together whatever the lines hold.
const LINE_RUNS_PER_CORE: usize = 8;

/// [`analyze_line`] for every line, in order. Each line is read alone, so a long text's lines
/// are shared among the cores in runs; the steps each run took are counted here.
fn analyze_lines(text: &str, rules: &Rules) -> Vec<LineResult> {
    let ranges = line_ranges(text);
    let analyze = |run: &[(usize, usize)]| -> Vec<LineResult> {
        run.iter()
            .map(|&(start, end)| analyze_line(text, start, end, rules))
            .collect()
    };
    if text.len() < PARALLEL_TEXT_BYTES || ranges.len() < 2 {
        return analyze(&ranges);
    }
    let run_len = ranges.len().div_ceil(LINE_RUNS_PER_CORE * 2).max(1);
    let jobs: Vec<Job<(Vec<LineResult>, u64)>> = ranges
        .chunks(run_len)
        .map(|run| -> Job<(Vec<LineResult>, u64)> {
            Box::new(move || {
                let before = work_done();
                let lines = analyze(run);
                (lines, work_done() - before)
            })
        })
        .collect();
    let before = work_done();
    let runs = parallel::run_all(jobs);
    let counted_here = work_done() - before;
    let mut lines = Vec::with_capacity(ranges.len());
    let mut steps = 0;
    for (run, run_steps) in runs {
        lines.extend(run);
        steps += run_steps;
    }
    tick(usize::try_from(steps.saturating_sub(counted_here)).unwrap_or(usize::MAX));
    lines
}

/// Adds a span for every run of invisible characters not already inside a span. Only `lines`
/// (sorted byte ranges of the lines that hold one) are read: most pages hold none.
fn add_invisible(text: &str, spans: Vec<Span>, lines: &[(usize, usize)]) -> Vec<Span> {
    // Each line read is followed by its line break, which ends a run.
    let chars = lines.iter().flat_map(|&(start, end)| {
        text[start..end]
            .char_indices()
            .map(move |(i, c)| (start + i, c))
            .chain(std::iter::once((end, '\n')))
    });
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
    for (i, c) in chars {
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
    s.chars().filter(|&c| is_seen(c)).count()
}

/// A character that is neither whitespace nor invisible.
fn is_seen(c: char) -> bool {
    // Most characters of a page are Chinese: no table need be asked about them.
    is_han(c) || (!c.is_whitespace() && !is_invisible(c))
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

/// The non-empty matches in `line` of each rule that `hits` marks, by rule position, in rule
/// order. A line as long as a whole page (a page without line breaks) cannot be shared out by
/// lines, so its rules are run on all cores instead, and each reads only the windows around
/// the `places` of its required words that a match can reach over (see
/// [`super::reach::Reach`]).
fn rule_matches(
    rules: &Rules,
    hits: &[bool],
    line: &str,
    size: TextSize,
    places: Option<&[Option<Places>]>,
) -> Vec<(usize, Vec<Range<usize>>)> {
    let find = |index: usize| -> Vec<Range<usize>> {
        let rule = &rules.rules()[index];
        let windows = places
            .and_then(|places| places[index].as_deref())
            .filter(|places| !places.is_empty())
            .and_then(|places| rule.reach()?.windows(line, places));
        let Some(windows) = windows else {
            return rule
                .matcher_for(size)
                .into_iter()
                .flat_map(|matcher| matcher.find_iter(line))
                .filter(|m| m.start < m.end)
                .collect();
        };
        // Windows this short are served best as a short text is.
        let read: usize = windows.iter().map(Range::len).sum();
        let size = if read < PARALLEL_TEXT_BYTES {
            TextSize::Short
        } else {
            size
        };
        let Some(matcher) = rule.matcher_for(size) else {
            return Vec::new();
        };
        windows
            .into_iter()
            .flat_map(|window| matcher.find_iter_within(line, window))
            .filter(|m| m.start < m.end)
            .collect()
    };
    let indices: Vec<usize> = (0..hits.len()).filter(|&index| hits[index]).collect();
    if line.len() < PARALLEL_TEXT_BYTES || indices.len() < 2 {
        return indices
            .into_iter()
            .map(|index| (index, find(index)))
            .collect();
    }
    let jobs: Vec<Job<(usize, Vec<Range<usize>>)>> = indices
        .into_iter()
        .map(|index| -> Job<(usize, Vec<Range<usize>>)> { Box::new(move || (index, find(index))) })
        .collect();
    parallel::run_all(jobs)
}

/// What the rules make of the line `text[start..end]`: asked of the rules' memory of lines
/// first, since a line's verdict depends on nothing but its text.
fn analyze_line(text: &str, start: usize, end: usize, rules: &Rules) -> LineResult {
    // The rules a line as long as a page needs are compiled in full at once: it would soon
    // outgrow the cheaper forward-only search (see `matcher`). The lines of a long page are
    // read by automata compiled ahead of time until a rule has read enough of them to pay
    // for its full regex. Every engine finds the same matches.
    let size = if end - start >= PARALLEL_TEXT_BYTES {
        TextSize::Long
    } else if text.len() >= PARALLEL_TEXT_BYTES {
        TextSize::LinesOfPage
    } else {
        TextSize::Short
    };
    let line = &text[start..end];
    rules
        .line_memo()
        .verdict(line, || judge_line(line, size, rules))
        .at(start)
}

impl LineResult {
    /// This verdict on a line (offsets from its start) for the line at `start` of a text.
    fn at(&self, start: usize) -> LineResult {
        LineResult {
            start: self.start + start,
            end: self.end + start,
            spans: self
                .spans
                .iter()
                .map(|span| Span {
                    start: span.start + start,
                    end: span.end + start,
                    ..span.clone()
                })
                .collect(),
            top_signal: self.top_signal.clone(),
            ..*self
        }
    }
}

/// The verdict on one line, read afresh; offsets count from the line's start.
fn judge_line(line: &str, size: TextSize, rules: &Rules) -> LineResult {
    let (text, start, end) = (line, 0, line.len());
    let view = View::new(line, start);
    let nonws = view.seen;
    let blank = nonws == 0;
    let mut result = LineResult {
        start,
        end,
        spans: Vec::new(),
        whole: WholeLine::No,
        blank,
        structural: starts_with_mark(line.trim_start_matches(|c: char| {
            c.is_whitespace() || is_invisible(c) || is_decoration(c)
        })),
        nonws,
        score: 0,
        top_signal: None,
        heads_list: false,
        invisible: view.held_invisible,
    };
    if blank {
        return result;
    }
    let vt = view.text.as_str();
    let trimmed = vt.trim();

    // One pass of the prefilter for both kinds of rule: `trimmed` is part of `vt`. A line too
    // long to read whole for every rule keeps where the words were found.
    let places = (vt.len() >= PARALLEL_TEXT_BYTES).then(|| rules.places(vt));
    let candidates = match &places {
        Some(places) => places.iter().map(Option::is_some).collect(),
        None => rules.candidates(vt),
    };
    if let Some(index) = rules
        .line_rules_matching(trimmed, result.nonws, &candidates, size)
        .next()
    {
        let rule = &rules.rules()[index];
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

    // Spans in view coordinates.
    // Only the rules that can match this line are run.
    let hits = rules.rules_matching(candidates);
    let found = rule_matches(rules, &hits, vt, size, places.as_deref());
    let matches_of = |kind: RuleKind| {
        found
            .iter()
            .filter(move |(index, _)| rules.rules()[*index].kind() == kind)
            .map(|(index, ranges)| (*index, &rules.rules()[*index], ranges))
    };
    let mut cuts: Vec<(usize, usize, &str, &str)> = Vec::new();
    for (_, rule, ranges) in matches_of(RuleKind::Cut) {
        for m in ranges {
            cuts.push((m.start, m.end, rule.reason(), rule.id()));
        }
    }
    let sentences = sentence_ranges(vt);
    let sentence_of = |pos: usize| {
        tick(1);
        sentences
            .get(sentences.partition_point(|&(_, e)| e <= pos))
            .copied()
            .filter(|&(s, e)| s <= pos && pos < e)
            .unwrap_or((pos, pos))
    };
    let mut removals = cuts.clone();
    for (_, rule, ranges) in matches_of(RuleKind::Sentence) {
        for m in ranges {
            let (s, e) = sentence_of(m.start);
            if s < e && count_nonws(&vt[s..e]) <= rule.max_chars() {
                removals.push((s, e.max(m.end), rule.reason(), rule.id()));
            } else {
                removals.push((m.start, m.end, rule.reason(), rule.id()));
            }
        }
    }

    // Sales talk: distinct signals per sentence, matches inside cut spans ignored.
    let cut_cover = Cover::new(cuts.iter().map(|c| (c.0, c.1)));
    let overlaps_cut = |s: usize, e: usize| cut_cover.overlaps(s, e);
    // Each signal: where it starts and ends, its rule, weight, reason and id.
    let mut signals: Vec<(usize, usize, usize, u32, &str, &str)> = Vec::new();
    for (index, rule, ranges) in matches_of(RuleKind::Signal) {
        for m in ranges {
            if !overlaps_cut(m.start, m.end) {
                signals.push((
                    m.start,
                    m.end,
                    index,
                    rule.weight(),
                    rule.reason(),
                    rule.id(),
                ));
            }
        }
    }
    // By position, so a sentence reads only its own signals.
    signals.sort_by_key(|signal| signal.0);
    let signals_in = |s: usize, e: usize| {
        let from = signals.partition_point(|signal| signal.0 < s);
        let to = signals.partition_point(|signal| signal.0 < e);
        &signals[from..to]
    };
    // Where the ad of a sales sentence ends: at the comma after its last signal when a long
    // tail of text without signals follows, which is the sentence it was pasted into; right
    // after the last signal when that signal closes a pitch and the sentence's own words
    // follow it with no mark between (`朋友圈每天更新作难度将进一步增大`: the ad was pasted
    // inside `工作`, and `作难度…` is the writer's).
    let ad_end = |s: usize, e: usize| -> usize {
        let last = signals_in(s, e).iter().map(|signal| signal.1).max();
        let Some(last) = last.filter(|&last| last < e) else {
            return e;
        };
        let Some(comma) = vt[last..e].find(['，', ',']).map(|i| last + i) else {
            return e;
        };
        let after = comma + vt[comma..].chars().next().map_or(1, char::len_utf8);
        if vt[after..e].chars().filter(|&c| is_han(c)).count() < GLUED_TAIL_MIN_CHARS {
            return e;
        }
        let closes_pitch = PITCH_ENDS.iter().any(|end| vt[..last].ends_with(end));
        let glued = vt[last..].chars().next().is_some_and(is_han);
        if closes_pitch && glued { last } else { after }
    };
    let score_of = |s: usize, e: usize| {
        let mut seen: Vec<usize> = Vec::new();
        let mut score = 0;
        let mut top: Option<(u32, usize, &str, &str)> = None;
        let within = signals_in(s, e);
        tick(1 + within.len());
        for &(_, _, index, weight, reason, id) in within {
            if !seen.contains(&index) {
                seen.push(index);
                score += weight;
                // The heaviest signal; of equal ones, the first rule's.
                if top.is_none_or(|t| weight > t.0 || (weight == t.0 && index < t.1)) {
                    top = Some((weight, index, reason, id));
                }
            }
        }
        (score, top)
    };
    let (line_score, line_top) = score_of(0, vt.len());
    result.score = line_score;
    result.top_signal = line_top.map(|(_, _, r, id)| (r.to_owned(), id.to_owned()));
    // For each sentence, the first cut (in rule order) that overlaps it.
    let mut first_cut: Vec<Option<usize>> = vec![None; sentences.len()];
    for (k, cut) in cuts.iter().enumerate() {
        let from = sentences.partition_point(|&(_, e)| e <= cut.0);
        let to = from + sentences[from..].partition_point(|&(s, _)| s < cut.1);
        tick(1 + to - from);
        for slot in &mut first_cut[from..to] {
            slot.get_or_insert(k);
        }
    }
    for (sentence, &(s, e)) in sentences.iter().enumerate() {
        let (score, top) = score_of(s, e);
        let needed =
            rules.threshold() + (count_nonws(&vt[s..e]) / rules.chars_per_extra_point()) as u32;
        if score >= needed
            && let Some((_, _, reason, id)) = top
        {
            removals.push((s, ad_end(s, e), reason, id));
            continue;
        }
        // What is left of a sentence around a cut contact, if short and still salesy
        // (`需要原创材料` + `请加微信：…`), goes with it.
        if score >= 1
            && let Some(cut) = first_cut[sentence].map(|k| cuts[k])
        {
            let left: usize = vt[s..e]
                .char_indices()
                .filter(|&(i, c)| !c.is_whitespace() && !cut_cover.contains(s + i))
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
    let span_cover = Cover::new(result.spans.iter().map(|s| (s.start, s.end)));
    let covered = |i: usize| span_cover.contains(i);
    let content_left = line.char_indices().any(|(i, c)| {
        (is_han(c) || c.is_alphanumeric()) && !is_invisible(c) && !covered(start + i)
    });
    if !content_left {
        tick(result.spans.len());
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

fn is_content_char(c: char) -> bool {
    (is_han(c) || c.is_alphanumeric()) && !is_invisible(c)
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

/// For each line, the nearest line before it and after it that is not blank.
fn non_blank_neighbours(lines: &[LineResult]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut prev = Vec::with_capacity(lines.len());
    let mut last = None;
    for (k, line) in lines.iter().enumerate() {
        prev.push(last);
        if !line.blank {
            last = Some(k);
        }
    }
    let mut next = vec![None; lines.len()];
    last = None;
    for (k, line) in lines.iter().enumerate().rev() {
        next[k] = last;
        if !line.blank {
            last = Some(k);
        }
    }
    (prev, next)
}

/// Short lines with some sales signal that sit next to a removed sales line go too: ad blocks
/// often have a weaker line among strong ones. A line taken this way may take its own
/// neighbours in turn, so the lines to look at are kept on a work list: each line is looked at
/// again only when a neighbour of it was taken.
fn propagate_to_neighbours(text: &str, lines: &mut [LineResult], rules: &Rules) {
    let (prev, next) = non_blank_neighbours(lines);
    let mut work: Vec<usize> = (0..lines.len())
        .filter(|&k| lines[k].whole == WholeLine::Sales)
        .flat_map(|k| [prev[k], next[k]])
        .flatten()
        .collect();
    while let Some(i) = work.pop() {
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
        let beside_sales = [prev[i], next[i]]
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
            work.extend([prev[i], next[i]].into_iter().flatten());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of each flag `detect` raises on `text`.
    fn flagged_texts(text: &str, rules: &Rules) -> Vec<String> {
        detect(text, rules).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn lines_split_on_every_break_style() {
        let text = "a\nb\r\nc\rd";
        let lines: Vec<&str> = line_ranges(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(lines, ["a", "b", "c", "d"]);
        // Breaks side by side, first and last: every `\r\n` is one break, every lone `\r` or
        // `\n` another, as a byte-by-byte reading has it.
        let one_by_one = |text: &str| {
            let mut out = Vec::new();
            let mut start = 0;
            let mut bytes = text.bytes().enumerate().peekable();
            while let Some((i, b)) = bytes.next() {
                if b == b'\n' || b == b'\r' {
                    out.push((start, i));
                    if b == b'\r' && bytes.peek().is_some_and(|&(_, next)| next == b'\n') {
                        bytes.next();
                        start = i + 2;
                    } else {
                        start = i + 1;
                    }
                }
            }
            out.push((start, text.len()));
            out
        };
        for text in [
            "",
            "\n",
            "\r",
            "\r\n",
            "\n\r",
            "\r\r\n\n",
            "\r\n\r\n",
            "甲\r\n乙\r",
            "\n甲\n\n乙\r\n\r丙",
        ] {
            assert_eq!(line_ranges(text), one_by_one(text), "{text:?}");
        }
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
        let texts = flagged_texts(text, &rules);
        assert_eq!(
            texts,
            ["【某某素材库】每日更新，会员群+网盘群", "欢迎加入！"]
        );
    }

    #[test]
    fn an_ad_pasted_into_a_sentence_leaves_the_sentence_after_it() {
        let rules = Rules::builtin();
        let text = "素材这一个就够了！公众号【哒哒办公】防丢失QQ【5346405】哒哒文库：www.dadawk.com微信添加【dadawk01】海量公文范文，朋友圈每天更新作难度将进一步增大，全市火灾事故仍然易发、多发，且短期内难以得到根本扭转。\n";
        let texts = flagged_texts(text, &rules);
        assert_eq!(
            texts,
            [
                "素材这一个就够了！",
                "公众号【哒哒办公】防丢失QQ【5346405】哒哒文库：www.dadawk.com微信添加【dadawk01】海量公文范文，朋友圈每天更新"
            ]
        );
        // The site's whole block pasted inside `工作`: the words on both sides join again.
        let line = "随着城市建成区的持续扩大，消防救援工全网最全公文库，素材这一个就够了！公众号【哒哒办公】防丢失QQ【5346405】哒哒文库：www.dadawk.com微信添加【dadawk01】海量公文范文，朋友圈每天更新作难度将进一步增大，全市火灾事故仍然易发、多发，且短期内难以得到根本扭转。";
        let (cleaned, _) = super::super::clean_pasted(line, &rules);
        assert_eq!(
            cleaned,
            "随着城市建成区的持续扩大，消防救援工作难度将进一步增大，全市火灾事故仍然易发、多发，且短期内难以得到根本扭转。"
        );
        // An ad's own short tail goes with it.
        let text = "欢迎关注公众号【某某文库】，海量范文每日更新，加微信领取。\n";
        let texts = flagged_texts(text, &rules);
        assert_eq!(
            texts,
            ["欢迎关注公众号【某某文库】，海量范文每日更新，加微信领取。"]
        );
    }

    #[test]
    fn gambling_names_planted_in_a_hacked_page_are_cut() {
        let rules = Rules::builtin();
        let text = "一是bat365中国官方网站大部分支部书记述职不够突出。\n2.飞禽走兽老虎机目录还需进一步细化和完善。\n真人百家乐平台管理不规范。\n";
        assert_eq!(
            flagged_texts(text, &rules),
            ["bat365中国官方网站", "飞禽走兽老虎机", "真人百家乐"]
        );
        // The idiom alone is no game.
        assert!(detect("飞禽走兽，各得其所。", &rules).is_empty());
    }

    #[test]
    fn brackets_left_empty_by_a_cut_go_with_it() {
        let rules = Rules::builtin();
        let text = "一是学习不够（全文共3216字，下载后可任意编辑）。\n二是（注：本条为示例，下载后可任意编辑）研究不深。";
        let texts = flagged_texts(text, &rules);
        assert_eq!(
            texts,
            ["（全文共3216字，下载后可任意编辑）", "下载后可任意编辑"]
        );
        // What a writer says of a plan is no download notice; the page's own notice is.
        assert!(detect("不明白为什么定好的宣传计划在中途可以随意修改？", &rules).is_empty());
        let texts = flagged_texts("述职报告范文，本文档可以任意编辑。", &rules);
        assert_eq!(texts, ["本文档可以任意编辑"]);
    }

    #[test]
    fn a_repeated_title_near_the_top_goes() {
        let rules = Rules::builtin();
        let text = "2024年度民主生活会个人对照检查材料（四个带头）\n来源：某某网\n篇一：2024年度民主生活会个人对照检查材料\n按照要求，现报告如下。\n2024年度民主生活会个人对照检查材料";
        let texts = flagged_texts(text, &rules);
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
        let texts = flagged_texts(&text, &rules);
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

    /// Steps of detection per byte of one long line, at `repeats` and twice as many.
    fn work_per_byte(unit: &str, repeats: usize) -> (f64, f64) {
        let rules = Rules::builtin().forgetful();
        let measure = |n: usize| {
            let line = unit.repeat(n);
            let before = super::super::cover::work_done();
            let flags = detect(&line, &rules);
            std::hint::black_box(flags);
            (super::super::cover::work_done() - before) as f64 / line.len() as f64
        };
        (measure(repeats), measure(repeats * 2))
    }

    #[test]
    fn one_long_line_costs_the_same_per_byte_at_any_length() {
        // Each shape once made some step walk every span, signal, sentence or open bracket
        // of the line for every other one: a 19 MB line took 35 s.
        for unit in [
            // Cuts, signals, sentences and brackets all along the line.
            "一是学习不够（全文共3216字，下载后可任意编辑）。请加微信：abc123，获取全套材料。",
            // Sales talk in every sentence.
            "您好，为您提供原创材料，欢迎添加。",
            // Brackets opened and never closed, each closer matching none of them.
            "（（（（下载后可任意编辑】",
            // Cut spans inside nested brackets.
            "（（（下载后可任意编辑）））",
        ] {
            let (small, large) = work_per_byte(unit, 2_000);
            assert!(
                large <= small * 1.25 + 0.5,
                "{unit}: {small:.2} then {large:.2} steps a byte"
            );
            assert!(large <= 8.0, "{unit}: {large:.2} steps a byte");
        }
    }

    #[test]
    fn a_long_text_shared_among_cores_reads_line_for_line_as_on_one() {
        let rules = Rules::builtin().forgetful();
        let page = [
            "一是理论学习不够深入，满足于完成规定动作。",
            "更多精品材料请加客服微信：abc123，领取全套资料。",
            "第3页 共12页",
            "",
            "您好，为您提供原创材料，欢迎添加。",
            "二是调查研究不够扎实\u{200B}，深入基层少。",
        ]
        .join("\n");
        let text = vec![page.as_str(); 800].join("\n");
        assert!(text.len() >= PARALLEL_TEXT_BYTES);
        let on_one: Vec<String> = line_ranges(&text)
            .into_iter()
            .map(|(start, end)| format!("{:?}", analyze_line(&text, start, end, &rules)))
            .collect();
        let shared: Vec<String> = analyze_lines(&text, &rules)
            .iter()
            .map(|line| format!("{line:?}"))
            .collect();
        assert_eq!(shared.len(), 800 * 6);
        assert_eq!(shared, on_one);
        let before = work_done();
        analyze_lines(&text, &rules);
        let shared_work = work_done() - before;
        let before = work_done();
        for (start, end) in line_ranges(&text) {
            analyze_line(&text, start, end, &rules);
        }
        assert_eq!(
            shared_work,
            work_done() - before,
            "every run's steps are counted"
        );
    }

    #[test]
    fn a_line_as_long_as_a_page_has_its_rules_run_side_by_side_in_windows_with_the_same_matches() {
        let rules = Rules::builtin();
        let line =
            "一是学习不够（全文共3216字，下载后可任意编辑）。请加微信：abc123，获取全套材料。\
                    您好，为您提供原创材料，欢迎添加。"
                .repeat(800);
        assert!(line.len() >= PARALLEL_TEXT_BYTES);
        let hits = rules.rules_matching(rules.candidates(&line));
        let places = rules.places(&line);
        let side_by_side = rule_matches(&rules, &hits, &line, TextSize::Long, Some(&places));
        let one_by_one: Vec<(usize, Vec<std::ops::Range<usize>>)> = (0..hits.len())
            .filter(|&index| hits[index])
            .map(|index| {
                let matcher = rules.rules()[index].matcher_for(TextSize::Long);
                let ranges = matcher
                    .into_iter()
                    .flat_map(|m| m.find_iter(&line))
                    .filter(|m| m.start < m.end)
                    .collect();
                (index, ranges)
            })
            .collect();
        assert_eq!(side_by_side, one_by_one);
        let rules_that_matched = side_by_side.iter().filter(|(_, r)| !r.is_empty()).count();
        assert!(
            rules_that_matched >= 4,
            "{rules_that_matched} rules matched"
        );
    }

    /// A line answered from memory reads as it does read afresh: on real pages read whole,
    /// read again, and read a few lines at a time (as a draft's fields hold them: the same
    /// lines at other offsets, with other neighbours).
    #[test]
    fn lines_answered_from_memory_read_as_lines_read_afresh() {
        let remembering = Rules::from_ron(super::super::BUILTIN_RON).unwrap();
        let afresh = Rules::from_ron(super::super::BUILTIN_RON)
            .unwrap()
            .forgetful();
        let pages = super::super::real_pages_and_seed();
        assert!(pages.len() >= 40, "{} pages", pages.len());
        let mut flagged = 0;
        for page in &pages {
            let first = detect(page, &remembering);
            assert_eq!(first, detect(page, &afresh));
            assert_eq!(detect(page, &remembering), first, "read again");
            flagged += first.len();
            let lines: Vec<&str> = page.lines().collect();
            for few in lines.chunks(3) {
                let text = few.join("\n");
                assert_eq!(
                    detect(&text, &remembering),
                    detect(&text, &afresh),
                    "{text}"
                );
            }
        }
        assert!(flagged > 50, "{flagged} spans flagged");
        let kept = remembering.line_memo().len();
        assert!(kept > 300, "{kept} lines kept");
        assert_eq!(afresh.line_memo().len(), 0);
    }

    #[test]
    fn a_page_read_again_costs_a_fraction_of_its_first_reading() {
        let rules = Rules::from_ron(super::super::BUILTIN_RON).unwrap();
        let page = include_str!("../../tests/fixtures/seed_material.txt");
        let steps = || {
            let before = work_done();
            std::hint::black_box(detect(page, &rules));
            work_done() - before
        };
        let (first, again) = (steps(), steps());
        assert!(first > 1_000, "{first} steps");
        assert!(again * 10 <= first, "{first} steps, then {again}");
    }

    #[test]
    fn invisible_runs_become_spans() {
        let rules = Rules::empty();
        let flags = detect("甲\u{200B}\u{200C}乙\u{FEFF}", &rules);
        assert_eq!(flags.len(), 2);
        assert_eq!(flags[0].text, "\u{200B}\u{200C}");
        assert_eq!(flags[1].text, "\u{FEFF}");
        // Runs on several lines, a line of nothing else, and lines without any.
        let text = "一是\u{200B}学习\n二是\n\u{200B}\u{200C}\r\n\u{FEFF}三是\u{200B}";
        let found: Vec<(usize, &str)> = detect(text, &rules)
            .iter()
            .map(|f| (f.start, &text[f.start..f.end]))
            .collect();
        assert_eq!(
            found,
            [
                (6, "\u{200B}"),
                (23, "\u{200B}\u{200C}"),
                (31, "\u{FEFF}"),
                (40, "\u{200B}")
            ]
        );
    }

    #[test]
    fn an_invisible_character_inside_an_ad_goes_with_the_ad() {
        let rules = Rules::builtin();
        let text = "一是学习不够。\n更多精品材料请加客服微\u{200B}信：abc123，领取全套资料。\n二是\u{200B}不够。";
        let flags = detect(text, &rules);
        assert_eq!(flags.len(), 2, "{flags:?}");
        assert!(flags[0].text.contains("微\u{200B}信"), "{flags:?}");
        assert_eq!(flags[1].text, "\u{200B}");
    }
}
