//! Page-level passes over the analysed lines: link lists at the end, running headers and page
//! numbers left by document viewers, and a title repeated as a running header.

use super::*;

/// Longest line (non-whitespace characters) taken as a link in a list of links.
const LINK_MAX_CHARS: usize = 40;

/// Under a line that heads a list of links (`往期推荐`), the title-like lines that follow go
/// too: short, no sentence end, not numbered. Only at the end of the material (nothing
/// numbered after the list), so a speech is never taken for a list.
pub(super) fn remove_link_lists(text: &str, lines: &mut [LineResult]) {
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
pub(super) fn remove_running_headers(text: &str, lines: &mut [LineResult]) {
    let candidate = |l: &LineResult| {
        let t = &text[l.start..l.end];
        !l.blank
            && l.whole == WholeLine::No
            && l.spans.is_empty()
            && !l.structural
            && (4..=TITLE_MAX_CHARS).contains(&l.nonws)
            && !t.contains(['。', '；', '！', '？'])
            && t.chars().filter(|&c| is_han(c)).nth(3).is_some()
    };
    let mut groups: crate::quick_hash::QuickMap<String, Vec<usize>> = Default::default();
    for (k, line) in lines.iter().enumerate() {
        if candidate(line) {
            groups.entry(kept_key(text, line)).or_default().push(k);
        }
    }
    let (prev, next) = non_blank_neighbours(lines);
    // A line is asked whether it is a page number once, however many repeated lines it is next to.
    let page_number: Vec<std::cell::OnceCell<bool>> = vec![std::cell::OnceCell::new(); lines.len()];
    let near_page_number = |k: usize| {
        [prev[k], next[k]].into_iter().flatten().any(|j| {
            *page_number[j]
                .get_or_init(|| is_page_number(text[lines[j].start..lines[j].end].trim()))
        })
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
    let whole = &text[line.start..line.end];
    // Most lines have no spans, and need no cover to ask.
    let cover =
        (!line.spans.is_empty()).then(|| Cover::new(line.spans.iter().map(|s| (s.start, s.end))));
    let kept = |i: usize, c: char| {
        is_content_char(c)
            && !cover
                .as_ref()
                .is_some_and(|cover| cover.contains(line.start + i))
    };
    // Copied a run of kept characters at a time: a line has few punctuation marks.
    let mut key = String::with_capacity(whole.len());
    let mut run_start = None;
    for (i, c) in whole.char_indices() {
        match (kept(i, c), run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(from)) => {
                key.push_str(&whole[from..i]);
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = run_start {
        key.push_str(&whole[from..]);
    }
    key
}

/// The first line left is the title; a copy of it among the next few lines (before anything
/// numbered) goes. A copy is the same words, or the title less a bracketed addition
/// (`…材料（四个带头）` and `篇一：…材料`).
pub(super) fn remove_repeated_title(text: &str, lines: &mut [LineResult]) {
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
