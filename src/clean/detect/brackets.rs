//! A bracket pair emptied by a cut goes with the cut: `（全文共3216字，下载后可任意编辑）`
//! leaves no `（，）` behind.

use super::{Span, is_content_char};
use crate::clean::cover::{Cover, tick};

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

/// Brackets nest no deeper than this in any real text; deeper openers are forgotten, oldest
/// first, so a line of a million `（` costs no more than a line of words.
const MAX_BRACKET_DEPTH: usize = 64;
/// The pair's reason is that of the span it overlaps most among this many spans starting
/// last before its closer (a real pair holds one or two).
const SPANS_BEFORE_PAIR: usize = 64;

/// A bracket pair that held something cut and now holds only punctuation or whitespace
/// (`（全文共3216字，下载后可任意编辑）` → `（，）`) goes with what was cut. `spans` are byte
/// ranges of the whole text; `line` starts at byte `base`.
///
/// One pass: running counts of cut characters and of content left, read at each opener and
/// its closer, tell what a pair holds without walking its inside again. (A pair widened
/// inside another adds no content and no cut that the outer pair does not already have.)
pub(super) fn widen_to_brackets(line: &str, base: usize, spans: &mut Vec<Span>) {
    let cover = Cover::new(spans.iter().map(|sp| (sp.start, sp.end)));
    let mut by_start: Vec<(usize, usize, usize)> = spans
        .iter()
        .enumerate()
        .map(|(k, sp)| (sp.start, sp.end, k))
        .collect();
    by_start.sort_unstable();
    // Cut non-whitespace characters, and content characters left, before each position.
    let (mut cut, mut content) = (0usize, 0usize);
    let mut open: std::collections::VecDeque<(usize, char, usize, usize)> =
        std::collections::VecDeque::new();
    let mut widened: Vec<Span> = Vec::new();
    let mut sweep = cover.sweep();
    for (i, c) in line.char_indices() {
        tick(1);
        let before = (cut, content);
        if sweep.contains(base + i) {
            cut += usize::from(!c.is_whitespace());
        } else if is_content_char(c) {
            content += 1;
        }
        if closers_of(c).is_some() {
            if open.len() == MAX_BRACKET_DEPTH {
                open.pop_front();
            }
            open.push_back((i, c, before.0, before.1));
            continue;
        }
        if !matches!(
            c,
            '）' | ')' | '】' | ']' | '］' | '〕' | '」' | '』' | '〉'
        ) {
            continue;
        }
        tick(open.len());
        let Some(depth) = open
            .iter()
            .rposition(|&(_, o, _, _)| closers_of(o).is_some_and(|cl| cl.contains(&c)))
        else {
            continue;
        };
        let (from, _, cut_before, content_before) = open[depth];
        open.truncate(depth);
        let (s, e) = (base + from, base + i + c.len_utf8());
        let any_cut = cut > cut_before;
        let content_left = content > content_before;
        if !any_cut || content_left || cover.covers(s, e) {
            continue;
        }
        let last = by_start.partition_point(|&(start, _, _)| start < e);
        tick(SPANS_BEFORE_PAIR);
        let main = by_start[last.saturating_sub(SPANS_BEFORE_PAIR)..last]
            .iter()
            .filter(|&&(start, end, _)| start < e && s < end)
            .max_by_key(|&&(start, end, _)| end.min(e) - start.max(s))
            .map(|&(_, _, k)| (spans[k].reason.clone(), spans[k].rule.clone()));
        if let Some((reason, rule)) = main {
            widened.push(Span {
                start: s,
                end: e,
                reason,
                rule,
            });
        }
    }
    spans.extend(widened);
}
