//! How far a rule's match can reach from a required word inside it.
//!
//! A page without line breaks is one line of a megabyte, and most rules would read all of it to
//! find a handful of matches. Every match holds one of the rule's required words (see
//! [`super::required`]), so it is enough to read around the places those words occur, as far as
//! a match can reach from them. A match is made of what its pattern's bounded parts give, at
//! most [`Reach::bounded`] bytes, and of what its unbounded repeats (`\s*`, `[a-z0-9]+`) give,
//! which is only the repeats' own characters ([`Reach::free`]). So walking out from a word, a
//! match ends before more than `bounded` bytes of other characters have been passed.

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};
use std::ops::Range;

/// Widest stretch of bounded text a rule may reach over and still be read in windows: beyond
/// it the windows would cover most of a page anyway.
const MAX_BOUNDED: usize = 4096;

/// Most characters the repeats of a rule may take freely (`\s` is 25, `\d` 680): a repeat of
/// nearly anything (`\S+`, `[^。]*`) reaches over whole pages.
const MAX_FREE_CHARS: u32 = 4096;

/// How far a match of a rule reaches around one of its required words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reach {
    /// Most bytes the pattern's parts outside unbounded repeats can match, all together.
    bounded: usize,
    /// The characters unbounded repeats can match.
    free: ClassUnicode,
}

impl Reach {
    /// The reach of a pattern parsed as the rules compile it; `None` when a match may reach
    /// too far for windows to pay (see [`MAX_BOUNDED`], [`MAX_FREE_CHARS`]).
    pub(crate) fn of(hir: &Hir) -> Option<Reach> {
        let mut free = Vec::new();
        let bounded = bounded_len(hir, &mut free)?;
        // Sorted and merged.
        let free = ClassUnicode::new(free);
        let free_chars: u32 = free
            .ranges()
            .iter()
            .map(|range| u32::from(range.end()) - u32::from(range.start()) + 1)
            .sum();
        (bounded <= MAX_BOUNDED && free_chars <= MAX_FREE_CHARS).then_some(Reach { bounded, free })
    }

    fn is_free(&self, c: char) -> bool {
        let ranges = self.free.ranges();
        let at = ranges.partition_point(|range| range.end() < c);
        ranges.get(at).is_some_and(|range| range.start() <= c)
    }

    /// The windows of `text` that hold every match reaching over one of `places` (sorted by
    /// start), merged where they touch. `None` when the walks or the windows would read about
    /// as much as the whole text: then it is cheaper to search it all.
    pub(crate) fn windows(&self, text: &str, places: &[Range<usize>]) -> Option<Vec<Range<usize>>> {
        let mut windows: Vec<Range<usize>> = Vec::new();
        let mut walked = 0;
        // A walk on from a later place ends no sooner, so a place ending no later than one
        // already walked from adds nothing on that side.
        let mut walked_on_from = None;
        for place in places {
            let covered = windows.last().map_or(0, |w| w.end);
            let start = self.walk_back(text, place.start, covered.min(place.start));
            walked += place.start - start;
            if walked_on_from.is_some_and(|from| place.end <= from) {
                continue;
            }
            walked_on_from = Some(place.end);
            let end = self.walk_on(text, place.end);
            walked += end - place.end;
            if walked > text.len() {
                return None;
            }
            match windows.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => windows.push(start..end),
            }
        }
        let read: usize = windows.iter().map(Range::len).sum();
        (read <= text.len() / 2).then_some(windows)
    }

    /// The start of the stretch before `from` a match can reach back over, not before `floor`.
    fn walk_back(&self, text: &str, from: usize, floor: usize) -> usize {
        from - self.reach_over(text[floor..from].chars().rev())
    }

    /// The end of the stretch after `from` a match can reach on over.
    fn walk_on(&self, text: &str, from: usize) -> usize {
        from + self.reach_over(text[from..].chars())
    }

    /// Bytes of `chars` (read outward from a word) a match can reach over: all the free
    /// characters, and other characters up to [`Reach::bounded`] bytes.
    fn reach_over(&self, chars: impl Iterator<Item = char>) -> usize {
        let (mut spent, mut passed) = (0, 0);
        for c in chars {
            if !self.is_free(c) {
                spent += c.len_utf8();
                if spent > self.bounded {
                    break;
                }
            }
            passed += c.len_utf8();
        }
        passed
    }
}

/// Most bytes `hir` matches outside its unbounded repeats; the characters inside them are
/// added to `free`. `None` when that is too much to be worth windows.
fn bounded_len(hir: &Hir, free: &mut Vec<ClassUnicodeRange>) -> Option<usize> {
    let len = match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 0,
        HirKind::Literal(literal) => literal.0.len(),
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .last()
            .map_or(0, |range| range.end().len_utf8()),
        HirKind::Class(Class::Bytes(_)) => 1,
        HirKind::Capture(capture) => bounded_len(&capture.sub, free)?,
        HirKind::Repetition(repetition) => match repetition.max {
            Some(max) => {
                let one = bounded_len(&repetition.sub, free)?;
                one.checked_mul(usize::try_from(max).ok()?)?
            }
            None => {
                chars_of(&repetition.sub, free)?;
                0
            }
        },
        HirKind::Concat(parts) => parts.iter().try_fold(0usize, |sum, part| {
            sum.checked_add(bounded_len(part, free)?)
        })?,
        HirKind::Alternation(branches) => branches.iter().try_fold(0usize, |most, branch| {
            Some(most.max(bounded_len(branch, free)?))
        })?,
    };
    (len <= MAX_BOUNDED).then_some(len)
}

/// Adds every character `hir` can match to `chars`; `None` for a byte class beyond ASCII,
/// which matches parts of characters.
fn chars_of(hir: &Hir, chars: &mut Vec<ClassUnicodeRange>) -> Option<()> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(literal) => {
            for c in std::str::from_utf8(&literal.0).ok()?.chars() {
                chars.push(ClassUnicodeRange::new(c, c));
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            chars.extend_from_slice(class.ranges());
        }
        HirKind::Class(Class::Bytes(class)) => {
            for range in class.ranges() {
                if !range.end().is_ascii() {
                    return None;
                }
                chars.push(ClassUnicodeRange::new(
                    char::from(range.start()),
                    char::from(range.end()),
                ));
            }
        }
        HirKind::Capture(capture) => chars_of(&capture.sub, chars)?,
        HirKind::Repetition(repetition) => chars_of(&repetition.sub, chars)?,
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            for part in parts {
                chars_of(part, chars)?;
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::super::prebuilt::lookup;
    use super::super::required::parse;
    use super::super::rules::{Rules, TextSize};
    use super::super::view::View;
    use super::*;
    use crate::matcher::Matcher;

    fn reach(pattern: &str) -> Option<Reach> {
        Reach::of(&parse(pattern).unwrap())
    }

    #[test]
    fn a_reach_counts_bounded_parts_and_frees_the_repeats() {
        // `加` and `微信` are three bytes a character; `号?` three more; `\s*` is free.
        let contact = reach(r"加\s*微信号?").unwrap();
        assert_eq!(contact.bounded, 12);
        assert!(contact.is_free(' ') && contact.is_free('\u{3000}'));
        assert!(!contact.is_free('加'));
        // A bounded repeat counts its most; an alternation its longest branch.
        assert_eq!(reach(r"(ab|微信){2}[0-9]{0,3}").unwrap().bounded, 15);
        // Repeats of nearly anything reach over whole pages.
        for wide in [r"微信\S+", r"[^。]*微信", r"微信.*", r"微信[^，]{0,2000}"] {
            assert_eq!(reach(wide), None, "{wide}");
        }
    }

    #[test]
    fn walks_pass_free_characters_and_stop_after_the_bounded_bytes() {
        let contact = reach(r"加\s*微信").unwrap();
        let text = format!("学习。加{}微信：ab。{}", " ".repeat(500), "的".repeat(500));
        let word = text.find("微信").unwrap();
        let place = word..word + 6;
        let windows = contact
            .windows(&text, std::slice::from_ref(&place))
            .unwrap();
        // `加\s*微信` is at most nine bytes besides its spaces: back over the spaces and the
        // nine bytes of `加。习`, and on over the nine of `：ab。`.
        assert_eq!(windows.len(), 1);
        assert_eq!(windows[0], 3..text.find('的').unwrap());
        // Places close together make one window; far apart, two.
        let far = format!("微信{}微信", "的".repeat(100));
        let both = contact.windows(&far, &[0..6, far.len() - 6..far.len()]);
        assert_eq!(both.map(|w| w.len()), Some(2));
        let near = format!("微信的微信{}", "的".repeat(100));
        assert_eq!(
            contact.windows(&near, &[0..6, 9..15]).map(|w| w.len()),
            Some(1)
        );
        // So many places that the walks would read the text over again: search it whole.
        let dense = "微信的".repeat(1000);
        let places: Vec<Range<usize>> = dense
            .match_indices("微信")
            .map(|(at, w)| at..at + w.len())
            .collect();
        assert_eq!(contact.windows(&dense, &places), None);
    }

    /// Every built-in rule finds in the windows around its words exactly what it finds in the
    /// whole line, on real pages made into one line each way a page loses its breaks.
    #[test]
    fn windows_hold_every_match_of_every_rule_on_real_pages_as_one_line() {
        let pages = super::super::real_pages_and_seed();
        let mut tricky = include_str!("../../tests/fixtures/obfuscated_ads.txt").to_owned();
        tricky.push_str("加  微信 ：abc123  下载文档 vip.doc\n");
        // A match reaching far back over its repeat's characters.
        tricky.push_str(&format!(
            "学习。{}神器立即体验。\n",
            "智能公文写作".repeat(60)
        ));
        let rules = Rules::builtin();
        let (mut windowed, mut matched) = (0, 0);
        for joint in ["", "。", " | "] {
            let joined: Vec<String> = pages
                .iter()
                .chain([&tricky])
                .map(|page| page.lines().collect::<Vec<_>>().join(joint))
                .collect();
            let line = View::new(&joined.join(joint), 0).text;
            let places = rules.places(&line);
            for (k, rule) in rules.rules().iter().enumerate() {
                let Some(places) = places[k].as_deref().filter(|p| !p.is_empty()) else {
                    continue;
                };
                let Some(windows) = rule.reach().and_then(|r| r.windows(&line, places)) else {
                    continue;
                };
                let expected: Vec<_> = rule
                    .matcher_for(TextSize::Long)
                    .unwrap()
                    .find_iter(&line)
                    .collect();
                // Each engine a rule may be compiled to, fresh: the forward-only search, the
                // whole regex, and the automata compiled ahead of time.
                let mut matchers = vec![
                    Matcher::new(rule.source()).unwrap(),
                    Matcher::whole(rule.source()).unwrap(),
                ];
                matchers.extend(
                    lookup(rule.source())
                        .map(|automata| Matcher::from_prebuilt(rule.source(), automata)),
                );
                for matcher in matchers {
                    let found: Vec<_> = windows
                        .iter()
                        .flat_map(|w| matcher.find_iter_within(&line, w.clone()))
                        .collect();
                    assert_eq!(found, expected, "{} joined by {joint:?}", rule.id());
                }
                windowed += 1;
                matched += expected.len();
            }
        }
        assert!(windowed >= 90, "only {windowed} rules read in windows");
        assert!(matched >= 300, "only {matched} matches seen");
    }
}
