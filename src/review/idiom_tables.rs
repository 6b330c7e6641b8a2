//! The idiom check's tables in the form it searches: built by `build.rs` from
//! `assets/review/idioms.txt` (with this very file), so a process pays nothing to read about
//! 38,000 idioms before its first lookup. (Parsing and sorting them at start-up cost about
//! 2 ms of every `check`.)
//!
//! Layout, all little-endian: a header of six `u32` counts (forward, backward, words,
//! confusable pairs, two-character words, filter words), then the forward idioms (`u64`,
//! sorted), the same with their characters reversed (`u64`, sorted), the words beside idioms
//! (`u64`, sorted), the confusable pairs (`u32`: written character in the high half, meant one
//! in the low, sorted), the two-character words (`u32`, first character high, sorted), and the
//! two pair filters (`u64` words each: idioms' first two characters, their last two reversed).

/// Bits of each filter that tells at once that no idiom starts (or ends) with two characters.
pub const FILTER_BITS: u32 = 20;
const FILTER_WORDS: usize = 1 << (FILTER_BITS - 6);

/// Four characters of the Basic Multilingual Plane, 16 bits each, first in the high bits.
pub type Packed = u64;

pub fn pack(chars: [u16; 4]) -> Packed {
    chars.iter().fold(0, |key, &c| key << 16 | Packed::from(c))
}

pub fn reversed(chars: [u16; 4]) -> [u16; 4] {
    [chars[3], chars[2], chars[1], chars[0]]
}

pub fn unpack(key: Packed) -> [u16; 4] {
    [
        (key >> 48) as u16,
        (key >> 32) as u16,
        (key >> 16) as u16,
        key as u16,
    ]
}

/// Four characters, each in the Basic Multilingual Plane, or None.
#[cfg_attr(not(test), allow(dead_code))] // for build.rs and the tests
pub fn four(word: &str) -> Option<[u16; 4]> {
    let mut out = [0u16; 4];
    let mut chars = word.chars();
    for slot in &mut out {
        *slot = u16::try_from(u32::from(chars.next()?)).ok()?;
    }
    chars.next().is_none().then_some(out)
}

/// Two characters in one `u32`, the first in the high half.
pub fn pair(a: u16, b: u16) -> u32 {
    u32::from(a) << 16 | u32::from(b)
}

/// The filter bit of a pair of characters.
pub fn filter_slot(a: u16, b: u16) -> usize {
    (pair(a, b).wrapping_mul(0x9E37_79B1) >> (32 - FILTER_BITS)) as usize
}

/// The tables for the lists in `text` (the format of `assets/review/idioms.txt`).
#[cfg_attr(not(test), allow(dead_code))] // for build.rs and the tests
pub fn build(text: &str) -> Vec<u8> {
    let mut forward = Vec::new();
    let mut backward = Vec::new();
    let mut words = Vec::new();
    let mut pairs: Vec<u32> = Vec::new();
    let mut two_words: Vec<u32> = Vec::new();
    let mut starts = vec![0u64; FILTER_WORDS];
    let mut ends = vec![0u64; FILTER_WORDS];
    let set = |filter: &mut Vec<u64>, slot: usize| filter[slot / 64] |= 1 << (slot % 64);
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
                    forward.push(pack(chars));
                    backward.push(pack(reversed(chars)));
                    set(&mut starts, filter_slot(chars[0], chars[1]));
                    set(&mut ends, filter_slot(chars[3], chars[2]));
                }
            }
            "words" => words.extend(four(line).map(pack)),
            "confusable" => {
                let mut chars = line.chars();
                let written = chars.next().and_then(|c| u16::try_from(u32::from(c)).ok());
                if let (Some(written), Some(' ')) = (written, chars.next()) {
                    for meant in chars.filter_map(|c| u16::try_from(u32::from(c)).ok()) {
                        pairs.push(pair(written, meant));
                    }
                }
            }
            "two" => {
                let units: Vec<u16> = line
                    .chars()
                    .filter_map(|c| u16::try_from(u32::from(c)).ok())
                    .collect();
                if let [a, b] = units[..] {
                    two_words.push(pair(a, b));
                }
            }
            _ => {}
        }
    }
    forward.sort_unstable();
    backward.sort_unstable();
    words.sort_unstable();
    pairs.sort_unstable();
    two_words.sort_unstable();
    let mut out = Vec::new();
    for count in [
        forward.len(),
        backward.len(),
        words.len(),
        pairs.len(),
        two_words.len(),
        FILTER_WORDS,
    ] {
        out.extend_from_slice(&(count as u32).to_le_bytes());
    }
    for key in forward.iter().chain(&backward).chain(&words) {
        out.extend_from_slice(&key.to_le_bytes());
    }
    for pair in pairs.iter().chain(&two_words) {
        out.extend_from_slice(&pair.to_le_bytes());
    }
    for word in starts.iter().chain(&ends) {
        out.extend_from_slice(&word.to_le_bytes());
    }
    out
}

/// A sorted array of little-endian integers inside the tables.
#[derive(Clone, Copy)]
pub struct Sorted<'a, const N: usize>(&'a [u8]);

impl<const N: usize> Sorted<'_, N> {
    pub fn len(&self) -> usize {
        self.0.len() / N
    }

    pub fn get(&self, i: usize) -> u64 {
        let mut bytes = [0u8; 8];
        bytes[..N].copy_from_slice(&self.0[i * N..(i + 1) * N]);
        u64::from_le_bytes(bytes)
    }

    /// The first index whose value is not below `value`.
    pub fn lower_bound(&self, value: u64) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = (low + high) / 2;
            if self.get(middle) < value {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    pub fn contains(&self, value: u64) -> bool {
        let at = self.lower_bound(value);
        at < self.len() && self.get(at) == value
    }
}

/// The tables, read in place.
pub struct Tables<'a> {
    pub forward: Sorted<'a, 8>,
    pub backward: Sorted<'a, 8>,
    pub words: Sorted<'a, 8>,
    pub confusable: Sorted<'a, 4>,
    pub two_words: Sorted<'a, 4>,
    starts: Sorted<'a, 8>,
    ends: Sorted<'a, 8>,
}

impl<'a> Tables<'a> {
    /// None when `bytes` is not what [`build`] makes.
    pub fn read(bytes: &'a [u8]) -> Option<Tables<'a>> {
        let count = |i: usize| -> Option<usize> {
            let raw = bytes.get(i * 4..i * 4 + 4)?;
            Some(u32::from_le_bytes(raw.try_into().ok()?) as usize)
        };
        let (forward, backward, words, pairs, two_words, filter) = (
            count(0)?,
            count(1)?,
            count(2)?,
            count(3)?,
            count(4)?,
            count(5)?,
        );
        let mut rest = bytes.get(24..)?;
        let mut take = |len: usize| -> Option<&'a [u8]> {
            let (head, tail) = (rest.get(..len)?, rest.get(len..)?);
            rest = tail;
            Some(head)
        };
        let tables = Tables {
            forward: Sorted(take(forward * 8)?),
            backward: Sorted(take(backward * 8)?),
            words: Sorted(take(words * 8)?),
            confusable: Sorted(take(pairs * 4)?),
            two_words: Sorted(take(two_words * 4)?),
            starts: Sorted(take(filter * 8)?),
            ends: Sorted(take(filter * 8)?),
        };
        (rest.is_empty() && filter == FILTER_WORDS).then_some(tables)
    }

    fn filter_holds(filter: &Sorted<'_, 8>, a: u16, b: u16) -> bool {
        let slot = filter_slot(a, b);
        filter.get(slot / 64) & (1 << (slot % 64)) != 0
    }

    /// Whether `a`, `b` is a common two-character word.
    pub fn is_two_word(&self, a: u16, b: u16) -> bool {
        self.two_words.contains(u64::from(pair(a, b)))
    }

    /// Whether an idiom may start with `a`, `b` (false means none does).
    pub fn may_start(&self, a: u16, b: u16) -> bool {
        Self::filter_holds(&self.starts, a, b)
    }

    /// Whether an idiom may end with `b`, `a` (given last first; false means none does).
    pub fn may_end(&self, last: u16, before_last: u16) -> bool {
        Self::filter_holds(&self.ends, last, before_last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_in_the_program_are_the_lists_of_today() {
        let lists = include_str!("../../assets/review/idioms.txt");
        let built: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/idioms.bin"));
        assert!(build(lists) == built, "build.rs did not run on these lists");
    }

    #[test]
    fn a_sorted_array_is_searched_in_place() {
        let bytes: Vec<u8> = [3u32, 5, 9].iter().flat_map(|v| v.to_le_bytes()).collect();
        let sorted = Sorted::<4>(&bytes);
        assert_eq!((sorted.len(), sorted.get(1)), (3, 5));
        assert_eq!(sorted.lower_bound(4), 1);
        assert_eq!(sorted.lower_bound(10), 3);
        assert!(sorted.contains(9) && !sorted.contains(4));
        assert_eq!(unpack(pack([1, 2, 3, 4])), [1, 2, 3, 4]);
    }
}
