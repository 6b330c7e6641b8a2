//! Which rules can match a text, found without compiling or running them.
//!
//! Compiling every rule's regular expression costs tens of milliseconds, more than most whole
//! commands. So each rule's *required words* are worked out from its parsed pattern (a set of
//! strings such that every match contains at least one of them), and one linear pass over a
//! line tells which rules can match it. Only those are compiled (once per process) and run. A
//! rule with no such words (`^\d{1,3}$`) is a candidate on every line. This holds for any rule,
//! user rules included. The words come from [`super::required`]; those of the built-in rules
//! are worked out by `build.rs`.
//!
//! The words are looked up by their first character rather than through an Aho–Corasick
//! automaton: every command builds the index, and for the built-in rules' 990 words an
//! automaton took 5 ms to build (18 ms as the DFA that searches a megabyte quickly), while
//! the index takes a tenth of a millisecond and searches a megabyte in a few. Most characters
//! of a speech start no word, which one bit tells.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// The prefilter of a rule set, built on first use.
#[derive(Debug, Default)]
pub(crate) struct Prefilters {
    built: OnceLock<Prefilter>,
}

impl Prefilters {
    /// The prefilter; `words` gives every rule's required words when it has to be built.
    pub(crate) fn get(&self, words: impl Fn() -> Vec<Vec<Vec<Vec<u8>>>>) -> &Prefilter {
        self.built.get_or_init(|| Prefilter::new(&words()))
    }
}

/// The index is looked up once for each character of the text that starts a word, so
/// SipHash's cost would show.
type CharMap<V> = crate::quick_hash::QuickMap<char, V>;

/// Characters below this are marked in a bitmap; the few words starting above it are found
/// through the map alone.
const BITMAP_CHARS: usize = 0x10000;

/// The required words of a set of rules, indexed by their first character.
#[derive(Debug)]
pub(crate) struct Prefilter {
    /// Every word, ASCII-lowercased, sorted by first character.
    words: Vec<Vec<u8>>,
    /// Per word: the required sets (positions in `set_count`'s numbering) it belongs to.
    word_sets: Vec<Vec<usize>>,
    /// Per rule: its required sets, every one of which a text must hold a word of.
    rule_sets: Vec<Vec<usize>>,
    set_count: usize,
    /// The words (a range of `words`) starting with each character.
    by_first: CharMap<Range<usize>>,
    /// One bit per character below [`BITMAP_CHARS`]: whether some word starts with it.
    starts: Vec<u64>,
    /// One bit per character below [`BITMAP_CHARS`]: whether it is a word by itself.
    singles: Vec<u64>,
    /// One bit per slot of [`pair_slot`]: whether some word starts with that pair of
    /// characters. Many characters of a speech start some word (`加` of `加微信`, `学` of
    /// `学习资料`) and the next character rules most of them out without a look at the words.
    pairs: Vec<u64>,
}

/// Where the words of one required set occur in a text: sorted byte ranges, shared by the
/// rules that look in the same set.
pub(crate) type Places = Arc<[Range<usize>]>;

/// A set's places are kept while there is at most one per this many bytes of text: denser,
/// the windows around them would cover most of the text, and a line of megabytes of one word
/// would keep a list many times its size.
const BYTES_PER_PLACE: usize = 64;

/// Slots of [`Prefilter::pairs`]: 8 KB, so that few pairs share a slot with a word's.
const PAIR_SLOTS: usize = 1 << 16;

/// The slot of the pair of characters `first`, `second` (ASCII-lowercased).
fn pair_slot(first: char, second: char) -> usize {
    let mixed =
        (u32::from(first).wrapping_mul(0x9E37_79B1) ^ u32::from(second)).wrapping_mul(0x85EB_CA6B);
    (mixed >> 16) as usize % PAIR_SLOTS
}

fn bit_is_set(bits: &[u64], at: usize) -> bool {
    bits.get(at / 64)
        .is_some_and(|word| word & (1 << (at % 64)) != 0)
}

fn set_bit(bits: &mut [u64], at: usize) {
    if let Some(word) = bits.get_mut(at / 64) {
        *word |= 1 << (at % 64);
    }
}

impl Prefilter {
    /// `rule_words[i]` are rule `i`'s required sets (best reduced by
    /// [`super::required::fewest_words`]), empty when it has none. A set with a word that is
    /// not whole characters (a byte pattern) cannot be looked up by character and is left
    /// out; a rule left with no set is a candidate on every text.
    pub(crate) fn new(rule_words: &[Vec<Vec<Vec<u8>>>]) -> Prefilter {
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut rule_sets = Vec::with_capacity(rule_words.len());
        let mut set_count = 0;
        for sets in rule_words {
            let mut own = Vec::new();
            for set in sets {
                let whole: Option<Vec<String>> = set
                    .iter()
                    .map(|word| {
                        String::from_utf8(word.to_ascii_lowercase())
                            .ok()
                            .filter(|w| !w.is_empty())
                    })
                    .collect();
                let Some(whole) = whole.filter(|w| !w.is_empty()) else {
                    continue;
                };
                for word in whole {
                    let in_sets = by_word.entry(word).or_default();
                    if in_sets.last() != Some(&set_count) {
                        in_sets.push(set_count);
                    }
                }
                own.push(set_count);
                set_count += 1;
            }
            rule_sets.push(own);
        }
        let mut entries: Vec<(String, Vec<usize>)> = by_word.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut by_first: CharMap<Range<usize>> = CharMap::default();
        let mut starts = vec![0u64; BITMAP_CHARS / 64];
        let mut singles = vec![0u64; BITMAP_CHARS / 64];
        let mut pairs = vec![0u64; PAIR_SLOTS / 64];
        for (at, (word, _)) in entries.iter().enumerate() {
            let mut chars = word.chars();
            let Some(first) = chars.next() else {
                continue;
            };
            by_first
                .entry(first)
                .and_modify(|range| range.end = at + 1)
                .or_insert(at..at + 1);
            set_bit(&mut starts, first as usize);
            match chars.next() {
                Some(second) => set_bit(&mut pairs, pair_slot(first, second)),
                None => set_bit(&mut singles, first as usize),
            }
        }
        let (words, word_sets): (Vec<String>, Vec<Vec<usize>>) = entries.into_iter().unzip();
        Prefilter {
            words: words.into_iter().map(String::into_bytes).collect(),
            word_sets,
            rule_sets,
            set_count,
            by_first,
            starts,
            singles,
            pairs,
        }
    }

    /// For each rule, whether it can match `text`: one pass over `text`. Most lines of a speech
    /// hold no word at all, so nothing is allocated until the first word is found.
    pub(crate) fn candidates(&self, text: &str) -> Vec<bool> {
        let mut found: Option<(Vec<bool>, Vec<bool>)> = None;
        self.each_word(text, |word, _| {
            let (held, seen) = found.get_or_insert_with(|| {
                (vec![false; self.set_count], vec![false; self.words.len()])
            });
            if !seen[word] {
                seen[word] = true;
                for &set in &self.word_sets[word] {
                    held[set] = true;
                }
            }
        });
        match found {
            None => self.rule_sets.iter().map(Vec::is_empty).collect(),
            Some((held, _)) => self.held_by_rule(&held),
        }
    }

    /// For each rule, where in `text` the words of one of its required sets occur (sorted
    /// byte ranges), the set with the fewest places: every match of the rule holds one of
    /// them. `None` for a rule that cannot match `text`; an empty list for a rule with no set
    /// to look for, or whose every set occurs too often to be worth keeping (more than one
    /// place per [`BYTES_PER_PLACE`] of text), which is searched everywhere.
    pub(crate) fn places(&self, text: &str) -> Vec<Option<Places>> {
        let most = text.len() / BYTES_PER_PLACE;
        // Per set: its places, or `None` once there are more than `most` of them.
        let mut by_set: Vec<Option<Vec<Range<usize>>>> = vec![Some(Vec::new()); self.set_count];
        let mut held = vec![false; self.set_count];
        self.each_word(text, |word, at| {
            for &set in &self.word_sets[word] {
                held[set] = true;
                if let Some(places) = &mut by_set[set] {
                    if places.len() < most {
                        places.push(at..at + self.words[word].len());
                    } else {
                        by_set[set] = None;
                    }
                }
            }
        });
        let by_set: Vec<Option<Places>> = by_set
            .into_iter()
            .map(|places| places.map(Arc::from))
            .collect();
        let everywhere: Places = Arc::from(Vec::new());
        self.rule_sets
            .iter()
            .zip(self.held_by_rule(&held))
            .map(|(sets, candidate)| {
                if !candidate {
                    return None;
                }
                let fewest = sets
                    .iter()
                    .filter_map(|&set| by_set[set].as_ref())
                    .min_by_key(|places| places.len());
                Some(fewest.map_or_else(|| everywhere.clone(), Arc::clone))
            })
            .collect()
    }

    fn held_by_rule(&self, held: &[bool]) -> Vec<bool> {
        self.rule_sets
            .iter()
            .map(|sets| sets.iter().all(|&set| held[set]))
            .collect()
    }

    /// Calls `found(word, at)` for every occurrence of a word in `text`, by position.
    fn each_word(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let bytes = text.as_bytes();
        for (at, c) in text.char_indices() {
            let c = c.to_ascii_lowercase();
            let code = c as usize;
            if code < BITMAP_CHARS {
                if !bit_is_set(&self.starts, code) {
                    continue;
                }
                // Unless `c` is a word by itself, a word starting here needs the next
                // character too.
                if !bit_is_set(&self.singles, code) {
                    let next = text[at + c.len_utf8()..].chars().next();
                    match next {
                        Some(next)
                            if bit_is_set(&self.pairs, pair_slot(c, next.to_ascii_lowercase())) => {
                        }
                        _ => continue,
                    }
                }
            }
            let Some(range) = self.by_first.get(&c) else {
                continue;
            };
            let rest = &bytes[at..];
            for word in range.clone() {
                let needle = &self.words[word];
                if rest.len() >= needle.len() && rest[..needle.len()].eq_ignore_ascii_case(needle) {
                    found(word, at);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::required::{fewest_words, parse, required_sets, required_words};
    use super::*;

    fn words(pattern: &str) -> Option<Vec<String>> {
        let hir = parse(pattern).unwrap();
        required_words(&hir).map(|set| {
            set.into_iter()
                .map(|w| String::from_utf8(w).unwrap())
                .collect()
        })
    }

    #[test]
    fn required_words_of_common_shapes() {
        assert_eq!(words("免责声明").unwrap(), ["免责声明"]);
        let mut alternation = words("私信|后台回复|微信同号").unwrap();
        alternation.sort();
        assert_eq!(alternation, ["后台回复", "微信同号", "私信"]);
        // Optional parts and anchors do not hide the word that must be there.
        let contact = words(r"^\s*(请)?加微信号?").unwrap();
        assert!(contact.iter().all(|w| w.contains("加微信")), "{contact:?}");
        // Case-insensitive: every spelling of `vip` is listed.
        assert_eq!(words("vip").unwrap().len(), 8);
        // Nothing to rely on.
        assert_eq!(words(r"^\d{1,3}$"), None);
        assert_eq!(words(r"a|\d+"), None);
    }

    #[test]
    fn one_word_stands_for_its_spellings_and_for_the_words_holding_it() {
        let vip = required_words(&parse("vip").unwrap()).unwrap();
        assert_eq!(fewest_words(&vip), [b"vip".to_vec()]);
        let set: Vec<Vec<u8>> = ["未完待续", "全文共", "未完", "全文共计"]
            .iter()
            .map(|w| w.as_bytes().to_vec())
            .collect();
        let mut kept: Vec<String> = fewest_words(&set)
            .into_iter()
            .map(|w| String::from_utf8(w).unwrap())
            .collect();
        kept.sort();
        assert_eq!(kept, ["全文共", "未完"]);
    }

    #[test]
    fn candidates_are_a_superset_of_matches() {
        let patterns = [
            r"(微信|vx|wx)号?\s*[:：]\s*[a-z0-9_\-]{3,30}",
            r"^\d{1,3}$",
            "免责声明|版权声明",
            r"全文(共|约)\s*\d+\s*字",
        ];
        let sets: Vec<_> = patterns
            .iter()
            .map(|p| required_sets(&parse(p).unwrap()))
            .collect();
        let prefilter = Prefilter::new(&sets);
        for text in [
            "加VX：abc123",
            "微信：",
            "12",
            "以上仅为版权声明。",
            "全文共 3216 字",
            "学习不够深入。",
        ] {
            let hits = prefilter.candidates(text);
            for (k, pattern) in patterns.iter().enumerate() {
                let regex = regex::RegexBuilder::new(pattern)
                    .case_insensitive(true)
                    .build()
                    .unwrap();
                if regex.is_match(text) {
                    assert!(hits[k], "{pattern} matches {text} but was filtered out");
                }
            }
        }
        assert_eq!(
            prefilter.candidates("学习不够深入。"),
            [false, true, false, false]
        );
    }

    #[test]
    fn words_are_found_in_any_ascii_case_beyond_the_bitmap_and_at_the_very_end() {
        let sets = vec![
            vec![vec![b"VX".to_vec(), b"wx".to_vec()]],
            vec![vec!["\u{1F4DE}电话".as_bytes().to_vec()]],
            vec![vec!["未完".as_bytes().to_vec()]],
            // Not whole characters: cannot be looked up, so a candidate everywhere.
            vec![vec![vec![0xE5]]],
            Vec::new(),
        ];
        let prefilter = Prefilter::new(&sets);
        assert_eq!(
            prefilter.candidates("加vX号"),
            [true, false, false, true, true]
        );
        assert_eq!(
            prefilter.candidates("拨打\u{1F4DE}电话"),
            [false, true, false, true, true]
        );
        assert_eq!(
            prefilter.candidates("（未完"),
            [false, false, true, true, true]
        );
        assert_eq!(
            prefilter.candidates("未"),
            [false, false, false, true, true]
        );
    }

    #[test]
    fn places_are_kept_by_rule_unless_too_crowded_to_pay() {
        let sets = vec![
            vec![
                vec!["微信".as_bytes().to_vec()],
                vec!["加".as_bytes().to_vec()],
            ],
            vec![vec!["您".as_bytes().to_vec()]],
            vec![vec!["未完".as_bytes().to_vec()]],
            Vec::new(),
        ];
        let prefilter = Prefilter::new(&sets);
        let text = format!("{}请加微信，加油{}", "学".repeat(200), "您".repeat(300));
        let places = prefilter.places(&text);
        let at = |word: &str| text.find(word).unwrap();
        // The rarer of a rule's sets: `微信` once, not `加` twice.
        let contact = places[0].as_deref().unwrap();
        assert_eq!(contact.len(), 1);
        assert_eq!(contact[0], at("微信")..at("微信") + 6);
        // A word on every character is kept nowhere: the rule reads everywhere.
        assert_eq!(places[1].as_deref(), Some(&[][..]));
        assert_eq!(places[2], None);
        assert_eq!(places[3].as_deref(), Some(&[][..]));
        let candidates: Vec<bool> = places.iter().map(Option::is_some).collect();
        assert_eq!(candidates, prefilter.candidates(&text));
    }

    #[test]
    fn a_rule_is_a_candidate_only_where_every_part_it_needs_occurs() {
        let pattern = r"(请|可)?(加|添加|联系)\s*(微信|vx|qq)号?\s*[:：]?\s*[a-z0-9]{4,}";
        let sets = required_sets(&parse(pattern).unwrap());
        assert!(sets.len() >= 2, "{sets:?}");
        let prefilter = Prefilter::new(&[sets]);
        // `加` alone is in nearly every speech (`加强`): no contact word, no candidate.
        assert_eq!(prefilter.candidates("进一步加强理论学习。"), [false]);
        assert_eq!(prefilter.candidates("需要请加QQ：12345678"), [true]);
        assert_eq!(prefilter.candidates("微信群里联系"), [true]);
    }
}
