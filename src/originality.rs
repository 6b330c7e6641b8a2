//! The originality meter: how much of a draft is still the imported material word for word
//! (照搬照抄).
//!
//! On import the cleaned material is reduced to a [`SourceFingerprint`]: the sorted, distinct
//! hashes of every run of [`GRAM`] characters, after whitespace and punctuation are dropped
//! and full-width letters and digits read as ASCII. The draft file keeps only that, packed
//! (a few kilobytes for a typical download), never the material itself. A character of the
//! draft counts as copied when some run of [`GRAM`] characters around it occurs in the
//! material, so reordered sentences still count and a rewritten phrase does not.
//!
//! ```
//! use pouxi::originality::{SourceFingerprint, copied_ratio};
//! let source = SourceFingerprint::from_text("在工作中经常满足于完成“规定动作”，存在着集中学习少的情况。");
//! assert!(copied_ratio("在工作中经常满足于完成规定动作", &source) > 0.99);
//! assert_eq!(copied_ratio("去年全年只参加了两次集中研讨", &source), 0.0);
//! ```

use crate::draft::{Draft, FindingId};
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
        let chars = normalized(text);
        let mut hashes = gram_hashes(&chars, GRAM);
        hashes.sort_unstable();
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
        let raw = Option::<RawFingerprint>::deserialize(deserializer)?;
        Ok(raw.and_then(|raw| SourceFingerprint::try_from(raw).ok()))
    }

    fn contains(&self, hash: u32) -> bool {
        self.hashes.binary_search(&hash).is_ok()
    }
}

/// Share (0.0–1.0) of `text`'s characters, whitespace and punctuation not counted, that sit
/// in a run found in the source. 0.0 for a text without characters.
pub fn copied_ratio(text: &str, source: &SourceFingerprint) -> f32 {
    let (copied, total) = copied_chars(text, source);
    ratio(copied, total)
}

/// (copied characters, all characters) of `text`, whitespace and punctuation not counted.
pub fn copied_chars(text: &str, source: &SourceFingerprint) -> (usize, usize) {
    let chars = normalized(text);
    let covered = coverage(&chars, source);
    (covered.iter().filter(|c| **c).count(), chars.len())
}

/// Byte ranges of `text` that are copied from the source, sorted and disjoint, for
/// highlighting. Punctuation between two copied characters is inside the range.
pub fn copied_spans(text: &str, source: &SourceFingerprint) -> Vec<Range<usize>> {
    let chars = normalized(text);
    let covered = coverage(&chars, source);
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut previous_covered = false;
    for (c, is_covered) in chars.iter().zip(covered) {
        if is_covered {
            match spans.last_mut() {
                Some(last) if previous_covered => last.end = c.end,
                _ => spans.push(c.start..c.end),
            }
        }
        previous_covered = is_covered;
    }
    spans
}

/// How much of a draft is copied from its source material.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginalityReport {
    /// Share (0.0–1.0) copied of the writer's own text: opening, every finding's headline and
    /// body, closing. Title, heading and category titles are set by the year's guidance and
    /// not counted.
    pub total: f32,
    /// Copied characters and all characters behind `total`.
    pub copied_chars: usize,
    pub chars: usize,
    /// Share copied of each finding (headline and body), in reading order; 0.0 when empty.
    pub per_finding: Vec<(FindingId, f32)>,
}

/// The draft measured against its source; None when the draft was not imported (or the
/// fingerprint was dropped).
pub fn report(draft: &Draft) -> Option<OriginalityReport> {
    let source = draft.source.as_ref()?;
    let mut copied = 0;
    let mut chars = 0;
    let mut add = |text: &str| {
        let (c, n) = copied_chars(text, source);
        copied += c;
        chars += n;
        (c, n)
    };
    add(&draft.opening);
    let mut per_finding = Vec::with_capacity(draft.finding_count());
    for finding in draft.categories().iter().flat_map(|c| &c.findings) {
        let (hc, hn) = add(&finding.headline);
        let (bc, bn) = add(&finding.body);
        per_finding.push((finding.id, ratio(hc + bc, hn + bn)));
    }
    add(&draft.closing);
    Some(OriginalityReport {
        total: ratio(copied, chars),
        copied_chars: copied,
        chars,
        per_finding,
    })
}

fn ratio(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// One counted character and where it sits in the original text.
#[derive(Debug, Clone, Copy)]
struct Char {
    c: char,
    start: usize,
    end: usize,
}

/// The characters that count: letters, digits and Chinese characters, with full-width ASCII
/// read as ASCII and ASCII letters lowercased.
fn normalized(text: &str) -> Vec<Char> {
    text.char_indices()
        .filter_map(|(start, c)| {
            let folded = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            }
            .to_ascii_lowercase();
            folded.is_alphanumeric().then_some(Char {
                c: folded,
                start,
                end: start + c.len_utf8(),
            })
        })
        .collect()
}

/// FNV-1a over the characters' code points: stable across platforms and Rust versions, which
/// a fingerprint kept in files needs.
fn hash(chars: &[Char]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for c in chars {
        for byte in (c.c as u32).to_le_bytes() {
            h ^= u32::from(byte);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

fn gram_hashes(chars: &[Char], gram: usize) -> Vec<u32> {
    if gram == 0 {
        return Vec::new();
    }
    chars.windows(gram).map(hash).collect()
}

/// For each character, whether a run of the source's length holding it occurs in the source.
fn coverage(chars: &[Char], source: &SourceFingerprint) -> Vec<bool> {
    let gram = source.gram();
    let mut covered = vec![false; chars.len()];
    if gram == 0 || chars.len() < gram {
        return covered;
    }
    // Runs found, as a difference array over character positions.
    let mut depth = vec![0i32; chars.len() + 1];
    for (i, window) in chars.windows(gram).enumerate() {
        if source.contains(hash(window)) {
            depth[i] += 1;
            depth[i + gram] -= 1;
        }
    }
    let mut open = 0;
    for (slot, delta) in covered.iter_mut().zip(&depth) {
        open += delta;
        *slot = open > 0;
    }
    covered
}

/// The fingerprint as written to the draft file.
#[derive(Serialize, Deserialize)]
struct RawFingerprint {
    gram: u8,
    hashes: String,
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
    use crate::draft::{DEFAULT_HEADING, Finding};

    const SOURCE: &str = "一是学习举措强度不够。在工作中经常满足于完成“规定动作”，存在着集中学习少、专题讨论少、剖析问题少的情况，学习的针对性、时效性、系统性需要加强。对于学什么、怎么学缺乏明确的认识，没有完全做到融会贯通、举一反三。";

    #[test]
    fn copied_text_reads_fully_copied_whatever_its_punctuation() {
        let source = SourceFingerprint::from_text(SOURCE);
        let copy = "在工作中经常满足于完成 规定动作 ,存在着集中学习少，专题讨论少。";
        assert!((copied_ratio(copy, &source) - 1.0).abs() < f32::EPSILON);
    }

    #[test]
    fn new_text_reads_not_copied() {
        let source = SourceFingerprint::from_text(SOURCE);
        let new = "今年3月以来，我只参加了2次支部集中学习，讲专题党课1次，读书笔记不足5000字。";
        assert_eq!(copied_ratio(new, &source), 0.0);
        assert!(copied_spans(new, &source).is_empty());
    }

    #[test]
    fn short_texts_and_empty_sources_read_zero() {
        let source = SourceFingerprint::from_text(SOURCE);
        assert_eq!(copied_ratio("", &source), 0.0);
        assert_eq!(copied_ratio("学习不够", &source), 0.0);
        let empty = SourceFingerprint::from_text("。，");
        assert!(empty.is_empty());
        assert_eq!(copied_ratio(SOURCE, &empty), 0.0);
    }

    #[test]
    fn spans_cover_exactly_the_copied_part() {
        let source = SourceFingerprint::from_text(SOURCE);
        let text = "去年我多次缺席。在工作中经常满足于完成“规定动作”，今年整改。";
        let spans = copied_spans(text, &source);
        assert_eq!(spans.len(), 1);
        assert_eq!(&text[spans[0].clone()], "在工作中经常满足于完成“规定动作");
    }

    #[test]
    fn full_width_letters_read_as_ascii() {
        let source = SourceFingerprint::from_text("落实ＡＢＣ工作机制２０２３年");
        assert!(copied_ratio("落实abc工作机制2023年", &source) > 0.99);
    }

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
    fn union_holds_both_sources() {
        let a = SourceFingerprint::from_text("在工作中经常满足于完成规定动作");
        let b = SourceFingerprint::from_text("对分管科室的党建工作责任链条拧得不紧");
        let both = a.union(&b);
        assert!(copied_ratio("在工作中经常满足于完成规定动作", &both) > 0.99);
        assert!(copied_ratio("对分管科室的党建工作责任链条拧得不紧", &both) > 0.99);
    }

    #[test]
    fn report_is_none_without_source_and_counts_findings() {
        let mut draft = Draft::with_categories("标题", DEFAULT_HEADING, &["在理论学习方面"]);
        assert_eq!(report(&draft), None);
        draft.source = Some(SourceFingerprint::from_text(SOURCE));
        draft.categories_mut().unwrap()[0].findings = vec![
            Finding {
                id: FindingId(10),
                headline: "学习举措强度不够".into(),
                body: "在工作中经常满足于完成“规定动作”。".into(),
            },
            Finding {
                id: FindingId(11),
                headline: "读书笔记偏少".into(),
                body: "今年只写了3篇读书笔记，共计不足2000字。".into(),
            },
        ];
        let report = report(&draft).unwrap();
        assert_eq!(report.per_finding.len(), 2);
        assert!(report.per_finding[0].1 > 0.99);
        assert_eq!(report.per_finding[1], (FindingId(11), 0.0));
        assert!(report.total > 0.4 && report.total < 0.6, "{}", report.total);
    }
}
