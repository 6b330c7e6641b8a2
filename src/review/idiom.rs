//! Idioms with one character miswritten (`黔移默化` for `潜移默化`, `枯躁无味` for `枯燥无味`):
//! four Chinese characters that are not an idiom, though one sound-alike or look-alike
//! character away from one. The lists (`assets/review/idioms.txt`, about 38,000 idioms) come
//! from public data; `tests/review_idiom_data.rs` says from where and makes them again.
//!
//! Cost: every four characters are looked at, so the common case is two bit tests (is there
//! an idiom that starts, or ends, with these two characters?); only then a binary search.

use super::{Location, ReviewItem, ReviewKind};
use crate::draft::Draft;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const LISTS: &str = include_str!("../../assets/review/idioms.txt");

/// Bits of the filters that tell at once that no idiom starts (or ends) with two characters.
const FILTER_BITS: u32 = 20;

/// Four characters of the Basic Multilingual Plane, 16 bits each, first in the high bits.
type Packed = u64;

fn pack(chars: [u16; 4]) -> Packed {
    chars.iter().fold(0, |key, &c| key << 16 | Packed::from(c))
}

fn reversed(chars: [u16; 4]) -> [u16; 4] {
    [chars[3], chars[2], chars[1], chars[0]]
}

fn unpack(key: Packed) -> [u16; 4] {
    [
        (key >> 48) as u16,
        (key >> 32) as u16,
        (key >> 16) as u16,
        key as u16,
    ]
}

fn four(word: &str) -> Option<[u16; 4]> {
    let mut out = [0u16; 4];
    let mut chars = word.chars();
    for slot in &mut out {
        *slot = u16::try_from(u32::from(chars.next()?)).ok()?;
    }
    chars.next().is_none().then_some(out)
}

/// One bit per hashed pair of characters.
struct PairFilter(Vec<u64>);

impl PairFilter {
    fn new() -> PairFilter {
        PairFilter(vec![0; 1 << (FILTER_BITS - 6)])
    }

    fn slot(a: u16, b: u16) -> usize {
        let pair = u32::from(a) << 16 | u32::from(b);
        (pair.wrapping_mul(0x9E37_79B1) >> (32 - FILTER_BITS)) as usize
    }

    fn insert(&mut self, a: u16, b: u16) {
        let slot = Self::slot(a, b);
        self.0[slot / 64] |= 1 << (slot % 64);
    }

    fn may_hold(&self, a: u16, b: u16) -> bool {
        let slot = Self::slot(a, b);
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

struct Lists {
    /// Idioms, sorted; and the same with their characters reversed, for lookups by the end.
    forward: Vec<Packed>,
    backward: Vec<Packed>,
    starts: PairFilter,
    ends: PairFilter,
    /// Words that only look like a slip (`集思广益`).
    words: HashSet<Packed>,
    /// For a written character, the idiom characters it may stand for.
    confusable: HashMap<char, &'static str>,
}

static LISTS_PARSED: LazyLock<Lists> = LazyLock::new(|| parse(LISTS));

fn parse(text: &'static str) -> Lists {
    let mut lists = Lists {
        forward: Vec::new(),
        backward: Vec::new(),
        starts: PairFilter::new(),
        ends: PairFilter::new(),
        words: HashSet::new(),
        confusable: HashMap::new(),
    };
    let mut section = "";
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[') {
            section = name.split(']').next().unwrap_or("");
            continue;
        }
        match section {
            "idioms" => {
                if let Some(chars) = four(line) {
                    lists.forward.push(pack(chars));
                    lists.backward.push(pack(reversed(chars)));
                    lists.starts.insert(chars[0], chars[1]);
                    lists.ends.insert(chars[3], chars[2]);
                }
            }
            "words" => {
                if let Some(chars) = four(line) {
                    lists.words.insert(pack(chars));
                }
            }
            "confusable" => {
                let mut chars = line.chars();
                if let (Some(c), Some(' ')) = (chars.next(), chars.next()) {
                    lists.confusable.insert(c, chars.as_str());
                }
            }
            _ => {}
        }
    }
    lists.forward.sort_unstable();
    lists.backward.sort_unstable();
    lists
}

impl Lists {
    fn is_idiom(&self, chars: [u16; 4]) -> bool {
        self.forward.binary_search(&pack(chars)).is_ok()
    }

    /// Idioms (in `sorted`) whose first two characters are `a`, `b`.
    fn starting(sorted: &[Packed], a: u16, b: u16) -> &[Packed] {
        let low = pack([a, b, 0, 0]);
        let high = pack([a, b, u16::MAX, u16::MAX]);
        let from = sorted.partition_point(|&k| k < low);
        let to = sorted.partition_point(|&k| k <= high);
        &sorted[from..to]
    }

    fn taken_for(&self, written: u16, meant: u16) -> bool {
        let (Some(written), Some(meant)) =
            (char::from_u32(written.into()), char::from_u32(meant.into()))
        else {
            return false;
        };
        self.confusable
            .get(&written)
            .is_some_and(|meant_ones| meant_ones.contains(meant))
    }

    /// The idiom `window` was meant to be: one character off, and that one a look-alike or
    /// sound-alike of the idiom's.
    fn meant(&self, window: [u16; 4]) -> Option<[u16; 4]> {
        let one_off = |idiom: [u16; 4]| {
            let mut differ = (0..4).filter(|&i| idiom[i] != window[i]);
            match (differ.next(), differ.next()) {
                (Some(at), None) => self.taken_for(window[at], idiom[at]),
                _ => false,
            }
        };
        let mut found = None;
        if self.starts.may_hold(window[0], window[1]) {
            found = Self::starting(&self.forward, window[0], window[1])
                .iter()
                .map(|&k| unpack(k))
                .find(|&idiom| one_off(idiom));
        }
        if found.is_none() && self.ends.may_hold(window[3], window[2]) {
            found = Self::starting(&self.backward, window[3], window[2])
                .iter()
                .map(|&k| reversed(unpack(k)))
                .find(|&idiom| one_off(idiom));
        }
        let found = found?;
        (!self.is_idiom(window) && !self.words.contains(&pack(window))).then_some(found)
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for (field, text) in draft.text_fields() {
        if text.len() < 12 {
            continue; // Fewer than four Chinese characters.
        }
        let location = Location::from_field(field);
        for (range, idiom) in slips(text) {
            let written = &text[range.clone()];
            items.push(
                ReviewItem::new(
                    ReviewKind::WrongWord,
                    location,
                    format!("“{written}”像是成语“{idiom}”写错了一个字"),
                )
                .with_rule("idiom")
                .with_range(text, range)
                .with_fix(text, idiom),
            );
        }
    }
}

/// Byte ranges of miswritten idioms in `text`, each with the idiom. One pass with the last
/// four Chinese characters in hand; a slip found is not looked into again.
fn slips(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let lists = &*LISTS_PARSED;
    let mut out = Vec::new();
    let mut window = [0u16; 4];
    let mut starts = [0usize; 4];
    let mut held = 0;
    let mut free_from = 0;
    for (at, c) in text.char_indices() {
        let Some(unit) = u16::try_from(u32::from(c)).ok().filter(|_| is_han(c)) else {
            held = 0;
            continue;
        };
        window.rotate_left(1);
        starts.rotate_left(1);
        window[3] = unit;
        starts[3] = at;
        held = (held + 1).min(4);
        if held < 4 || starts[0] < free_from {
            continue;
        }
        if let Some(idiom) = lists.meant(window) {
            let end = at + c.len_utf8();
            let idiom: String = idiom
                .iter()
                .filter_map(|&c| char::from_u32(c.into()))
                .collect();
            out.push((starts[0]..end, idiom));
            free_from = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        slips(text)
            .into_iter()
            .map(|(range, idiom)| (text[range].to_owned(), idiom))
            .collect()
    }

    #[test]
    fn the_lists_are_whole() {
        let lists = &*LISTS_PARSED;
        assert!(lists.forward.len() > 30_000, "{}", lists.forward.len());
        assert!(lists.words.len() > 100, "{}", lists.words.len());
        assert!(lists.confusable.len() > 2_000, "{}", lists.confusable.len());
        assert!(lists.is_idiom(four("潜移默化").unwrap()));
    }

    #[test]
    fn an_idiom_with_a_sound_alike_or_look_alike_is_corrected() {
        let pair = |a: &str, b: &str| vec![(a.to_owned(), b.to_owned())];
        assert_eq!(
            found("对党员起到黔移默化的作用"),
            pair("黔移默化", "潜移默化")
        );
        assert_eq!(found("学习枯躁无味"), pair("枯躁无味", "枯燥无味"));
        assert_eq!(found("就像天踏下来一样"), pair("天踏下来", "天塌下来"));
    }

    #[test]
    fn idioms_words_and_other_text_are_left_alone() {
        for text in [
            "潜移默化，集思广益，一马当先，实事求是，与时俱进。",
            "示范学校四十多年来坚持立德树人，干部职工积极进取。",
            "2025年，对照检查材料，批评与自我批评。",
            "为共产主义奋斗终身，随时准备为党和人民牺牲一切。",
        ] {
            assert_eq!(found(text), Vec::<(String, String)>::new(), "{text}");
        }
    }
}
