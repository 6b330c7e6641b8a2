//! The fingerprint an imported draft keeps of its material (照搬 is measured against it in
//! [`crate::originality`]): the sorted, distinct hashes of every run of [`GRAM`] characters,
//! after whitespace and punctuation are dropped and full-width letters and digits read as
//! ASCII. The draft file keeps only that, packed (a few kilobytes for a typical download),
//! never the material itself.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Length of the character runs compared. Six characters: short stock phrases (`存在的问题`,
/// `不够到位`) do not count as copying, a copied clause does.
pub const GRAM: usize = 6;

/// Smallest and largest run length a (hand-edited) file may name.
const GRAM_LIMITS: Range<u8> = 2..17;

/// Compact fingerprint of imported material: sorted, distinct 32-bit hashes of its character
/// runs. In the draft file it reads `(gram: 6, hashes: "…")`, the hashes delta-coded and
/// packed as base64.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawFingerprint", into = "RawFingerprint")]
pub struct SourceFingerprint {
    gram: u8,
    hashes: Vec<u32>,
}

impl SourceFingerprint {
    /// The fingerprint of `text` (whitespace, punctuation and invisible characters ignored).
    pub fn from_text(text: &str) -> SourceFingerprint {
        // Only the code points are hashed: a megabyte of material is a third of a million
        // of them, and keeping where each sat would be eight times the memory.
        // A Chinese character is three bytes: room for all of them at once.
        let mut codes: Vec<u32> = Vec::with_capacity(text.len() / 3 + 1);
        let all_in_bmp = push_codes(text, &mut codes);
        let mut hashes = if all_in_bmp {
            hash_runs_in_bmp(&codes)
        } else {
            codes.windows(GRAM).map(hash_codes).collect()
        };
        sort(&mut hashes);
        hashes.dedup();
        SourceFingerprint {
            gram: GRAM as u8,
            hashes,
        }
    }

    /// The run length this fingerprint was made with.
    pub fn gram(&self) -> usize {
        usize::from(self.gram)
    }

    /// Number of distinct runs.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The fingerprint of both materials (when more material is imported into a draft). If
    /// the run lengths differ (a file from another version), `self` wins.
    pub fn union(&self, other: &SourceFingerprint) -> SourceFingerprint {
        if self.gram != other.gram {
            return self.clone();
        }
        let mut hashes = Vec::with_capacity(self.hashes.len() + other.hashes.len());
        hashes.extend_from_slice(&self.hashes);
        hashes.extend_from_slice(&other.hashes);
        hashes.sort_unstable();
        hashes.dedup();
        SourceFingerprint {
            gram: self.gram,
            hashes,
        }
    }

    /// Reads an optional fingerprint; one that does not decode reads as None, so that a
    /// damaged fingerprint costs the originality meter, not the draft.
    pub fn deserialize_lenient<'de, D>(
        deserializer: D,
    ) -> Result<Option<SourceFingerprint>, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        let raw = Option::<LenientFingerprint>::deserialize(deserializer)?;
        Ok(raw.and_then(|raw| match raw {
            LenientFingerprint::Readable { gram, hashes } => u8::try_from(gram)
                .ok()
                .and_then(|gram| SourceFingerprint::try_from(RawFingerprint { gram, hashes }).ok()),
            LenientFingerprint::Unreadable(_) => None,
        }))
    }

    /// True when a run with this hash occurs in the material.
    pub(crate) fn contains(&self, hash: u32) -> bool {
        self.hashes.binary_search(&hash).is_ok()
    }
}

/// One counted character and where it sits in the original text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Char {
    pub c: char,
    pub start: usize,
    pub end: usize,
}

/// The characters that count: letters, digits and Chinese characters, with full-width ASCII
/// read as ASCII and ASCII letters lowercased.
pub(crate) fn normalized(text: &str) -> Vec<Char> {
    text.char_indices()
        .filter_map(|(start, c)| {
            fold(c).map(|folded| Char {
                c: folded,
                start,
                end: start + c.len_utf8(),
            })
        })
        .collect()
}

/// What `c` counts as in a run, or None when it does not count (whitespace, punctuation,
/// invisible characters).
fn fold(c: char) -> Option<char> {
    // Most characters of a speech are Chinese, all of which count; the general test below
    // looks them up in Unicode's tables.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return Some(c);
    }
    // The punctuation between them (`“”`, `—`, `…`, `、`, `。`, `《》`, `【】`) is neither
    // letter nor digit; Unicode's tables are slow to say so.
    if matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}') {
        return None;
    }
    let folded = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
    .to_ascii_lowercase();
    folded.is_alphanumeric().then_some(folded)
}

/// Pushes the code points of `text` that count, as [`fold`] reads them, onto `codes`, and
/// says whether all of them lie in the Basic Multilingual Plane.
fn push_codes(text: &str, codes: &mut Vec<u32>) -> bool {
    let bytes = text.as_bytes();
    let mut all_in_bmp = true;
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        // U+4E00..=U+9FFF, most of a speech, are the three bytes E4 B8 80 to E9 BF BF: read
        // here rather than through `chars` and Unicode's tables. `text` is UTF-8, so the two
        // bytes after such a lead are its continuation.
        if (0xE4..=0xE9).contains(&lead)
            && let Some(&[second, third]) = bytes.get(at + 1..at + 3)
        {
            let code = u32::from(lead & 0x0F) << 12
                | u32::from(second & 0x3F) << 6
                | u32::from(third & 0x3F);
            if code >= 0x4E00 {
                codes.push(code);
                at += 3;
                continue;
            }
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        if let Some(folded) = fold(c) {
            all_in_bmp &= u32::from(folded) < 0x1_0000;
            codes.push(u32::from(folded));
        }
    }
    all_in_bmp
}

/// How many runs [`hash_runs_in_bmp`] hashes side by side.
const LANES: usize = 8;

/// [`hash_codes`] of every run of `codes`, all in the Basic Multilingual Plane, in order.
/// Each run's hash is a chain of multiplications that cannot be shortened (the hashes are kept
/// in files); the runs are hashed [`LANES`] at a time, so that the compiler can have the
/// processor work the chains side by side.
fn hash_runs_in_bmp(codes: &[u32]) -> Vec<u32> {
    let runs = (codes.len() + 1).saturating_sub(GRAM);
    let mut hashes = Vec::with_capacity(runs);
    let mut blocks = codes.windows(LANES + GRAM - 1).step_by(LANES);
    while hashes.len() + LANES <= runs {
        let Some(block) = blocks.next() else { break };
        let mut lanes = [FNV_OFFSET; LANES];
        for offset in 0..GRAM {
            for (lane, hash) in lanes.iter_mut().enumerate() {
                *hash = hash_code_in_bmp(*hash, block[lane + offset]);
            }
        }
        hashes.extend_from_slice(&lanes);
    }
    let done = hashes.len();
    hashes.extend(codes[done..].windows(GRAM).map(|run| {
        run.iter()
            .fold(FNV_OFFSET, |h, &code| hash_code_in_bmp(h, code))
    }));
    hashes
}

/// [`hash_code`] of a code point below U+10000: its upper two bytes are zero, so their two
/// steps are one multiplication.
fn hash_code_in_bmp(h: u32, code: u32) -> u32 {
    let h = (h ^ (code & 0xFF)).wrapping_mul(FNV_PRIME);
    (h ^ (code >> 8)).wrapping_mul(FNV_PRIME_CUBED)
}

const FNV_PRIME: u32 = 0x0100_0193;
const FNV_PRIME_CUBED: u32 = FNV_PRIME.wrapping_mul(FNV_PRIME).wrapping_mul(FNV_PRIME);

/// Below this many, hashes are sorted by comparison; above, by their two halves in turn,
/// which for a megabyte of material (a third of a million hashes) takes a fraction of the time.
const RADIX_SORT_MIN: usize = 1 << 14;

/// Sorts hashes in ascending order.
fn sort(hashes: &mut Vec<u32>) {
    if hashes.len() < RADIX_SORT_MIN {
        hashes.sort_unstable();
        return;
    }
    // Least significant half first: a stable pass on each half leaves them in order.
    let mut other = vec![0u32; hashes.len()];
    for shift in [0, 16] {
        let half = |h: u32| ((h >> shift) & 0xFFFF) as usize;
        let mut starts = vec![0usize; 1 << 16];
        for &h in hashes.iter() {
            starts[half(h)] += 1;
        }
        let mut next = 0;
        for start in starts.iter_mut() {
            (*start, next) = (next, next + *start);
        }
        for &h in hashes.iter() {
            let slot = &mut starts[half(h)];
            other[*slot] = h;
            *slot += 1;
        }
        std::mem::swap(hashes, &mut other);
    }
}

/// FNV-1a over the characters' code points: stable across platforms and Rust versions, which
/// a fingerprint kept in files needs.
pub(crate) fn hash(chars: &[Char]) -> u32 {
    chars
        .iter()
        .fold(FNV_OFFSET, |h, c| hash_code(h, u32::from(c.c)))
}

const FNV_OFFSET: u32 = 0x811c_9dc5;

/// [`hash`] of a run given as code points.
fn hash_codes(codes: &[u32]) -> u32 {
    codes.iter().fold(FNV_OFFSET, |h, &code| hash_code(h, code))
}

/// One code point, as its four little-endian bytes, into an FNV-1a hash.
fn hash_code(mut h: u32, code: u32) -> u32 {
    for byte in code.to_le_bytes() {
        h ^= u32::from(byte);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The fingerprint as written to the draft file.
#[derive(Serialize, Deserialize)]
struct RawFingerprint {
    gram: u8,
    hashes: String,
}

/// Whatever stands where a fingerprint belongs, read without failing: a gram out of range or
/// fields of the wrong type make it [`LenientFingerprint::Unreadable`], not a damaged draft.
#[derive(Deserialize)]
#[serde(untagged)]
enum LenientFingerprint {
    Readable { gram: u64, hashes: String },
    Unreadable(serde::de::IgnoredAny),
}

impl From<SourceFingerprint> for RawFingerprint {
    fn from(fingerprint: SourceFingerprint) -> RawFingerprint {
        RawFingerprint {
            gram: fingerprint.gram,
            hashes: pack(&fingerprint.hashes),
        }
    }
}

impl TryFrom<RawFingerprint> for SourceFingerprint {
    type Error = String;

    fn try_from(raw: RawFingerprint) -> Result<SourceFingerprint, String> {
        if !GRAM_LIMITS.contains(&raw.gram) {
            return Err(format!("unsupported fingerprint gram {}", raw.gram));
        }
        let mut hashes = unpack(&raw.hashes).ok_or("damaged source fingerprint")?;
        hashes.sort_unstable();
        hashes.dedup();
        Ok(SourceFingerprint {
            gram: raw.gram,
            hashes,
        })
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Sorted hashes → gaps as LEB128 varints → base64 without padding.
fn pack(sorted: &[u32]) -> String {
    let mut bytes = Vec::with_capacity(sorted.len() * 4);
    let mut previous = 0u32;
    for &value in sorted {
        let mut gap = value.wrapping_sub(previous);
        previous = value;
        loop {
            let low = (gap & 0x7f) as u8;
            gap >>= 7;
            if gap == 0 {
                bytes.push(low);
                break;
            }
            bytes.push(low | 0x80);
        }
    }
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(BASE64[((n >> (18 - 6 * i)) & 0x3f) as usize]));
        }
    }
    out
}

/// The inverse of [`pack`]; None for anything [`pack`] cannot have written.
fn unpack(text: &str) -> Option<Vec<u32>> {
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let digits: Vec<u32> = text
        .bytes()
        .map(|b| BASE64.iter().position(|x| *x == b).map(|p| p as u32))
        .collect::<Option<_>>()?;
    for chunk in digits.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | (d << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            bytes.push((n >> (16 - 8 * i)) as u8);
        }
    }
    let mut values = Vec::with_capacity(bytes.len() / 3);
    let mut previous = 0u32;
    let mut gap = 0u32;
    let mut shift = 0;
    for byte in bytes {
        if shift > 28 || (shift == 28 && byte & 0x7f > 0x0f) {
            return None;
        }
        gap |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            previous = previous.checked_add(gap)?;
            values.push(previous);
            gap = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    (shift == 0).then_some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "一是学习举措强度不够。在工作中经常满足于完成“规定动作”，存在着集中学习少、专题讨论少、剖析问题少的情况，学习的针对性、时效性、系统性需要加强。对于学什么、怎么学缺乏明确的认识，没有完全做到融会贯通、举一反三。";

    #[test]
    fn packing_round_trips() {
        for hashes in [
            vec![],
            vec![0],
            vec![u32::MAX],
            vec![
                0,
                1,
                2,
                127,
                128,
                16_383,
                16_384,
                1 << 28,
                u32::MAX - 1,
                u32::MAX,
            ],
        ] {
            assert_eq!(unpack(&pack(&hashes)), Some(hashes.clone()), "{hashes:?}");
        }
        let fingerprint = SourceFingerprint::from_text(SOURCE);
        assert_eq!(unpack(&pack(&fingerprint.hashes)), Some(fingerprint.hashes));
    }

    #[test]
    fn damaged_packing_is_refused() {
        for bad in ["A", "!!!!", "/////w", "gICAgIA"] {
            assert_eq!(unpack(bad), None, "{bad}");
        }
        let raw = RawFingerprint {
            gram: 0,
            hashes: String::new(),
        };
        assert!(SourceFingerprint::try_from(raw).is_err());
    }

    #[test]
    fn fingerprint_is_compact_in_ron() {
        let fingerprint = SourceFingerprint::from_text(SOURCE);
        let text = ron::to_string(&fingerprint).unwrap();
        assert!(text.starts_with("(gram:6,hashes:\""), "{text}");
        assert!(text.len() < fingerprint.len() * 6, "{} bytes", text.len());
        let back: SourceFingerprint = ron::from_str(&text).unwrap();
        assert_eq!(back, fingerprint);
    }

    #[test]
    fn the_fingerprint_hashes_the_runs_the_meter_looks_up() {
        let text = "一是学习ＡＢＣ，不够。Ｘ光 〇、々　2024年\u{200B}强化";
        let chars = normalized(text);
        let fingerprint = SourceFingerprint::from_text(text);
        let mut expected: Vec<u32> = chars.windows(GRAM).map(hash).collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(fingerprint.hashes, expected);
        // Full-width letters read as lower-case ASCII; punctuation and spaces do not count.
        let folded: String = chars.iter().map(|c| c.c).collect();
        assert_eq!(folded, "一是学习abc不够x光〇々2024年强化");
    }

    /// The fingerprint as the meter's own reading of the text makes it, one run at a time.
    fn reference(text: &str) -> Vec<u32> {
        let mut expected: Vec<u32> = normalized(text).windows(GRAM).map(hash).collect();
        expected.sort_unstable();
        expected.dedup();
        expected
    }

    #[test]
    fn the_fast_reading_hashes_as_the_meter_reads_on_real_pages_and_odd_text() {
        let mut texts = crate::clean::real_pages_and_seed();
        assert!(texts.len() >= 40, "the real pages are read");
        // Characters outside the plane of most text (an emoji, an extension-B character),
        // the block just below U+4E00 with the same lead byte, and every run count around
        // the lanes' width.
        texts.push("学习😀贯彻𠀀党的精神㐀䷀一二三四五六七八九十".to_owned());
        for len in 0..40 {
            texts.push(
                "习近平新时代中国特色社会主义思想"
                    .chars()
                    .cycle()
                    .take(len)
                    .collect(),
            );
            texts.push("䷀㐀一ａ，Ｂ".chars().cycle().take(len).collect());
        }
        let joined = texts.concat();
        texts.push(joined);
        for text in &texts {
            assert_eq!(
                SourceFingerprint::from_text(text).hashes,
                reference(text),
                "{}",
                text.chars().take(40).collect::<String>()
            );
        }
    }

    #[test]
    fn every_character_folds_as_the_general_rule_says() {
        let general = |c: char| {
            let folded = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            }
            .to_ascii_lowercase();
            folded.is_alphanumeric().then_some(folded)
        };
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(fold(c), general(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn many_hashes_sort_as_by_comparison() {
        for len in [0, 5, RADIX_SORT_MIN - 1, RADIX_SORT_MIN, 100_003] {
            let mut state = 0x9E37_79B9u32;
            let hashes: Vec<u32> = (0..len)
                .map(|i| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    // Some repeats and both ends of the range.
                    if i % 7 == 0 {
                        u32::MAX - (state % 3)
                    } else {
                        state
                    }
                })
                .collect();
            let mut expected = hashes.clone();
            expected.sort_unstable();
            let mut sorted = hashes;
            sort(&mut sorted);
            assert_eq!(sorted, expected, "{len}");
        }
    }

    #[test]
    fn the_hash_is_the_one_kept_in_files() {
        // FNV-1a of "学习" as little-endian code points; a draft file keeps these values.
        let chars = normalized("学习");
        assert_eq!(hash(&chars), 0xbfc6_a4c4);
    }

    #[test]
    fn union_holds_both_sources() {
        let a = SourceFingerprint::from_text("在工作中经常满足于完成规定动作");
        let b = SourceFingerprint::from_text("对分管科室的党建工作责任链条拧得不紧");
        let both = a.union(&b);
        assert_eq!(both.len(), a.len() + b.len());
        assert!(a.hashes.iter().chain(&b.hashes).all(|h| both.contains(*h)));
    }
}
