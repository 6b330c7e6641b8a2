//! Repetition: the same sentence twice in one speech, and two findings saying nearly the
//! same thing — typical of material stitched together from several downloads.

use super::{
    Location, MIN_REPEATED_SENTENCE_CHARS, MIN_SIMILAR_CHARS, Part, ReviewItem, ReviewKind,
    SIMILARITY_THRESHOLD, core_chars, finding_place, findings, sentences,
};
use crate::draft::{Draft, FindingId, TextField};
use std::collections::{HashMap, HashSet};

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    let similar = similar_findings(draft, items);
    repeated_sentences(draft, &similar, items);
}

/// Character-bigram Jaccard similarity of two texts (punctuation and whitespace ignored);
/// 0.0 when either has no bigram.
pub fn similarity(a: &str, b: &str) -> f32 {
    jaccard(&bigrams(&core_chars(a)), &bigrams(&core_chars(b)))
}

fn bigrams(chars: &[char]) -> Vec<u64> {
    let mut grams: Vec<u64> = chars
        .windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// |a ∩ b| / |a ∪ b| of two sorted, distinct lists.
fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 / (a.len() + b.len() - common) as f32
}

/// Flags each finding whose body nearly repeats an earlier one's; returns the pairs flagged.
/// Bodies are compared, not headlines: two short headlines share bigrams by chance, and a
/// repeated headline is caught as a repeated sentence.
fn similar_findings(draft: &Draft, items: &mut Vec<ReviewItem>) -> HashSet<(FindingId, FindingId)> {
    let texts: Vec<(FindingId, Vec<u64>)> = findings(draft)
        .filter_map(|(_, _, f)| {
            let chars = core_chars(&f.body);
            (chars.len() >= MIN_SIMILAR_CHARS).then(|| (f.id, bigrams(&chars)))
        })
        .collect();
    let mut pairs = HashSet::new();
    for (later, (id, grams)) in texts.iter().enumerate() {
        let best = texts[..later]
            .iter()
            .map(|(earlier, other)| (*earlier, jaccard(other, grams)))
            .filter(|(_, score)| *score >= SIMILARITY_THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((earlier, score)) = best else {
            continue;
        };
        pairs.insert((earlier, *id));
        let place = finding_place(draft, earlier).unwrap_or_default();
        let message = if score >= 0.999 {
            format!("与{place}内容相同：可能是重复粘贴，请删去一条或改写")
        } else {
            format!(
                "与{place}内容相近（相似度 {:.0}%）：两条说的是同一个问题，可合并或改写其中一条",
                score * 100.0
            )
        };
        items.push(
            ReviewItem::new(
                ReviewKind::SimilarFindings,
                Location::Finding(*id, Part::Headline),
                message,
            )
            .with_related(Location::Finding(earlier, Part::Headline)),
        );
    }
    pairs
}

/// Flags every later occurrence of a sentence already used in the opening, a finding or the
/// closing, except between findings already flagged as similar.
fn repeated_sentences(
    draft: &Draft,
    similar: &HashSet<(FindingId, FindingId)>,
    items: &mut Vec<ReviewItem>,
) {
    let mut first_seen: HashMap<Vec<char>, Location> = HashMap::new();
    for (field, text) in draft.text_fields() {
        if matches!(
            field,
            TextField::Title
                | TextField::Byline
                | TextField::DateLine
                | TextField::SectionHeading(_)
                | TextField::CategoryTitle(_)
        ) {
            continue;
        }
        let location = Location::from_field(field);
        for range in sentences(text) {
            let key = core_chars(&text[range.clone()]);
            if key.len() < MIN_REPEATED_SENTENCE_CHARS {
                continue;
            }
            let Some(first) = first_seen.get(&key).copied() else {
                first_seen.insert(key, location);
                continue;
            };
            if let (Some(a), Some(b)) = (first.finding(), location.finding())
                && similar.contains(&(a, b))
            {
                continue;
            }
            let message = if first == location {
                "这句话在同一段里出现了两次：删去一处".to_owned()
            } else {
                format!(
                    "这句话与{}重复：同一句话在发言中只宜出现一次",
                    first.describe_zh(draft)
                )
            };
            items.push(
                ReviewItem::new(ReviewKind::RepeatedSentence, location, message)
                    .with_range(text, range)
                    .with_related(first),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn run(draft: &Draft) -> Vec<ReviewItem> {
        let mut items = Vec::new();
        check(draft, &mut items);
        items
    }

    const SHARED: &str = "对于学什么、怎么学缺乏明确的认识，没有完全做到融会贯通、举一反三";

    #[test]
    fn a_sentence_used_twice_is_flagged_at_its_second_use() {
        let first = format!("今年只参加集中学习5次，有2次因出差请假。{SHARED}。");
        let second = format!("分管的3个科室今年只开展专题研讨2次，研讨质量不高；{SHARED}！");
        let draft = draft_of(&[
            ("在理论学习方面", &[("学习举措强度不够", &first)]),
            ("在能力本领方面", &[("业务水平不够高", &second)]),
        ]);
        let items = run(&draft);
        assert_eq!(items.len(), 1, "{items:?}");
        let item = &items[0];
        assert_eq!(item.kind, ReviewKind::RepeatedSentence);
        assert_eq!(item.location, Location::Finding(FindingId(102), Part::Body));
        assert_eq!(
            item.related,
            Some(Location::Finding(FindingId(101), Part::Body))
        );
        assert_eq!(&second[item.range.clone().unwrap()], SHARED);
        assert!(item.message.contains("（一）在理论学习方面 · 一是 · 正文"));
    }

    #[test]
    fn short_or_different_sentences_may_repeat() {
        let draft = draft_of(&[
            (
                "在理论学习方面",
                &[(
                    "学习举措强度不够",
                    "认识不足。今年只参加集中学习5次，有2次因出差请假。",
                )],
            ),
            (
                "在能力本领方面",
                &[(
                    "业务水平不够高",
                    "认识不足。今年只开展专题研讨2次，研讨质量不高。",
                )],
            ),
        ]);
        assert_eq!(run(&draft), []);
    }

    #[test]
    fn the_same_headline_in_two_categories_is_flagged() {
        let draft = draft_of(&[
            ("在理论学习方面", &[("学习举措强度不够", GOOD_BODY)]),
            (
                "在工作作风方面",
                &[(
                    "学习举措强度不够",
                    "分管的信访接待工作中，今年群众反映的7件问题有2件超过办理时限，我只是转交科室办理，没有到现场了解情况。",
                )],
            ),
        ]);
        let items = run(&draft);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(
            items[0].location,
            Location::Finding(FindingId(102), Part::Headline)
        );
    }

    #[test]
    fn nearly_identical_findings_are_flagged_once() {
        let a = "在工作中经常满足于完成“规定动作”，存在着集中学习少、专题讨论少、剖析问题少的情况，学习的针对性、时效性、系统性需要加强。";
        let b = "工作中往往满足于完成“规定动作”，存在着集中学习少、专题研讨少、剖析问题少的情况，学习的针对性、时效性、系统性有待加强。";
        assert!(
            similarity(a, b) >= SIMILARITY_THRESHOLD,
            "{}",
            similarity(a, b)
        );
        let draft = draft_of(&[
            ("在理论学习方面", &[("学习举措强度不够", a)]),
            ("在工作作风方面", &[("学习的针对性不强", b)]),
        ]);
        let items = run(&draft);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].kind, ReviewKind::SimilarFindings);
        assert_eq!(
            items[0].location,
            Location::Finding(FindingId(102), Part::Headline)
        );
        assert_eq!(
            items[0].related,
            Some(Location::Finding(FindingId(101), Part::Headline))
        );
        assert!(items[0].message.contains("相似度"), "{}", items[0].message);
    }

    #[test]
    fn a_duplicated_finding_is_one_item_not_one_per_sentence() {
        let draft = draft_of(&[(
            "在理论学习方面",
            &[
                ("学习举措强度不够", GOOD_BODY),
                ("学习举措强度不够", GOOD_BODY),
            ],
        )]);
        let items = run(&draft);
        assert_eq!(items.len(), 1, "{items:?}");
        assert!(items[0].message.contains("内容相同"));
    }

    #[test]
    fn findings_on_different_problems_are_not_similar() {
        let a = "在工作中经常满足于完成“规定动作”，存在着集中学习少、专题讨论少、剖析问题少的情况，学习的针对性、时效性、系统性需要加强。";
        let b = "对分管科室的党建工作责任链条拧得不紧、业务和党建融合不够，对于支部组织生活会质效提升没有明确严的标准，存在“两层皮”的情况。";
        assert!(similarity(a, b) < 0.3, "{}", similarity(a, b));
        assert_eq!(similarity("", a), 0.0);
    }
}
