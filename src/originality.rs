//! The originality meter: how much of a draft is still the imported material word for word
//! (照搬照抄).
//!
//! On import the cleaned material is reduced to a [`SourceFingerprint`], kept in the draft
//! (the type lives in [`crate::draft::fingerprint`]; the measuring lives here). A character of
//! the draft counts as copied when some run of the fingerprint's length around it occurs in the
//! material, so reordered sentences still count and a rewritten phrase does not.
//!
//! ```
//! use pouxi::draft::SourceFingerprint;
//! use pouxi::originality::copied_ratio;
//! let source = SourceFingerprint::from_text("在工作中经常满足于完成“规定动作”，存在着集中学习少的情况。");
//! assert!(copied_ratio("在工作中经常满足于完成规定动作", &source) > 0.99);
//! assert_eq!(copied_ratio("去年全年只参加了两次集中研讨", &source), 0.0);
//! ```

use crate::draft::fingerprint::{Char, hash, normalized};
use crate::draft::{Draft, FindingId, SourceFingerprint};
use serde::{Deserialize, Serialize};
use std::ops::Range;

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

/// A part of the draft the meter measures on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Part {
    Opening,
    Closing,
    Headline(FindingId),
    Body(FindingId),
}

/// The meter for a draft being edited: each text's figures are kept with the text they were
/// measured on, so after a keystroke only the edited text is measured again (comparing the
/// others with what was measured is a memory comparison, not a search of the source).
#[derive(Debug, Default)]
pub struct Meter {
    source: Option<SourceFingerprint>,
    measured: std::collections::HashMap<Part, (String, (usize, usize))>,
    /// Texts measured afresh by the last [`Meter::report`].
    fresh: usize,
}

impl Meter {
    /// The same report as [`report`], measuring only texts that changed since the last call.
    pub fn report(&mut self, draft: &Draft) -> Option<OriginalityReport> {
        let Some(source) = draft.source.as_ref() else {
            self.source = None;
            self.measured.clear();
            return None;
        };
        if self.source.as_ref() != Some(source) {
            self.source = Some(source.clone());
            self.measured.clear();
        }
        let mut old = std::mem::take(&mut self.measured);
        let mut fresh = 0;
        let mut copied = 0;
        let mut chars = 0;
        let mut add = |part: Part, text: &str| {
            let counts = match old.remove(&part) {
                Some((measured, counts)) if measured == text => {
                    self.measured.insert(part, (measured, counts));
                    counts
                }
                _ => {
                    fresh += 1;
                    let counts = copied_chars(text, source);
                    self.measured.insert(part, (text.to_owned(), counts));
                    counts
                }
            };
            copied += counts.0;
            chars += counts.1;
            counts
        };
        add(Part::Opening, &draft.opening);
        let mut per_finding = Vec::with_capacity(draft.finding_count());
        for finding in draft.categories().iter().flat_map(|c| &c.findings) {
            let (hc, hn) = add(Part::Headline(finding.id), &finding.headline);
            let (bc, bn) = add(Part::Body(finding.id), &finding.body);
            per_finding.push((finding.id, ratio(hc + bc, hn + bn)));
        }
        add(Part::Closing, &draft.closing);
        self.fresh = fresh;
        Some(OriginalityReport {
            total: ratio(copied, chars),
            copied_chars: copied,
            chars,
            per_finding,
        })
    }

    /// How many texts the last report measured afresh.
    pub fn measured_afresh(&self) -> usize {
        self.fresh
    }
}

fn ratio(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
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
    fn the_meter_measures_only_what_changed() {
        let material = "在工作中经常满足于完成规定动作，存在着集中学习少的情况。";
        let mut draft = Draft::with_categories("标题", "二、检视存在的问题", &["甲", "乙"]);
        for (k, category) in draft.categories_mut().unwrap().iter_mut().enumerate() {
            for f in 0..50 {
                category.findings.push(crate::draft::Finding {
                    id: FindingId((k * 100 + f + 1) as u64),
                    headline: format!("问题{f}"),
                    body: material.to_owned(),
                });
            }
        }
        draft.source = Some(SourceFingerprint::from_text(material));
        let mut meter = Meter::default();
        assert_eq!(meter.report(&draft), report(&draft));
        // Opening, closing, and a headline and a body per finding.
        assert_eq!(meter.measured_afresh(), 2 + 2 * 100);
        draft.categories_mut().unwrap()[1].findings[7].body =
            "去年全年只参加了两次集中研讨".to_owned();
        let after = meter.report(&draft);
        assert_eq!(meter.measured_afresh(), 1);
        assert_eq!(after, report(&draft));
        assert!(after.unwrap().total < 1.0);
        // A new source measures everything again.
        draft.source = Some(SourceFingerprint::from_text("去年全年只参加了两次集中研讨"));
        assert_eq!(meter.report(&draft), report(&draft));
        assert_eq!(meter.measured_afresh(), 202);
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
