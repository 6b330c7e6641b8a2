//! Repetition: the same sentence twice in one speech, and two findings saying nearly the
//! same thing — typical of material stitched together from several downloads.
//!
//! Comparing every pair of findings is quadratic (8,000 findings took 25 s), so findings are
//! compared only with candidates that share a rare bigram: bodies are first grouped when
//! their text is identical, then each body's rarest bigrams (its *prefix*, long enough that
//! two bodies reaching [`SIMILARITY_THRESHOLD`] must share one of them) are looked up in an
//! index of the earlier bodies' prefixes. The look-up reads at most [`MAX_POSTINGS`] entries
//! per bigram and compares at most [`MAX_CANDIDATES`] earlier findings, so the work is bounded
//! by `findings × MAX_CANDIDATES` comparisons whatever the draft holds. On drafts where one
//! rare bigram is shared by hundreds of findings, a similar pair may then go unreported; such
//! drafts are thousands of findings long, far beyond a speech.

use super::{
    Location, MIN_REPEATED_SENTENCE_CHARS, MIN_SIMILAR_CHARS, Part, ReviewItem, ReviewKind,
    SIMILARITY_THRESHOLD, core_chars, findings, sentences,
};
use crate::draft::{Draft, FindingId, TextField, place};
use crate::quick_hash::QuickMap;
use std::collections::{HashMap, HashSet};

type BigramMap<V> = QuickMap<u64, V>;

/// Most earlier findings one finding is compared with.
pub const MAX_CANDIDATES: usize = 64;
/// Most index entries read per bigram of a finding's prefix.
pub const MAX_POSTINGS: usize = 256;

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    let scan = scan_similar(draft);
    let similar = report_similar(draft, &scan.pairs, items);
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

/// What the similarity scan found: for each finding with a near twin, the earlier finding it
/// is most like and the score; and how much work it took.
struct SimilarScan {
    /// (earlier, later, score), in the later finding's reading order.
    pairs: Vec<(FindingId, FindingId, f32)>,
    /// Pairs of bodies whose bigram sets were compared: the work done, which the tests bound.
    #[cfg_attr(not(test), allow(dead_code))]
    compared: usize,
}

/// Finds, for each finding, the most similar earlier one at or above the threshold.
fn scan_similar(draft: &Draft) -> SimilarScan {
    let bodies: Vec<(FindingId, Vec<char>)> = findings(draft)
        .filter_map(|(_, _, f)| {
            let chars = core_chars(&f.body);
            (chars.len() >= MIN_SIMILAR_CHARS).then_some((f.id, chars))
        })
        .collect();
    let mut pairs = Vec::new();
    let mut compared = 0;
    // Identical bodies need no comparison: each copy points at the first.
    let mut first_copy: QuickMap<&[char], FindingId> = QuickMap::default();
    let mut distinct: Vec<(FindingId, Vec<u64>)> = Vec::new();
    for (id, chars) in &bodies {
        match first_copy.get(chars.as_slice()) {
            Some(first) => pairs.push((*first, *id, 1.0)),
            None => {
                first_copy.insert(chars, *id);
                distinct.push((*id, bigrams(chars)));
            }
        }
    }
    let mut frequency: BigramMap<u32> = BigramMap::default();
    for (_, grams) in &distinct {
        for gram in grams {
            *frequency.entry(*gram).or_default() += 1;
        }
    }
    // Bigram → indices (into `distinct`) of earlier bodies holding it in their prefix.
    let mut index: BigramMap<Vec<usize>> = BigramMap::default();
    let mut seen_at: Vec<usize> = vec![usize::MAX; distinct.len()];
    for (later, (id, grams)) in distinct.iter().enumerate() {
        let prefix = rarest(grams, &frequency);
        let mut candidates = Vec::new();
        'lookup: for gram in &prefix {
            let Some(postings) = index.get(gram) else {
                continue;
            };
            // The most recent entries first: nearby findings are the likeliest twins.
            for &earlier in postings.iter().rev().take(MAX_POSTINGS) {
                if seen_at[earlier] != later {
                    seen_at[earlier] = later;
                    candidates.push(earlier);
                    if candidates.len() == MAX_CANDIDATES {
                        break 'lookup;
                    }
                }
            }
        }
        compared += candidates.len();
        let best = candidates
            .into_iter()
            .map(|earlier| (earlier, jaccard(&distinct[earlier].1, grams)))
            .filter(|(_, score)| *score >= SIMILARITY_THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((earlier, score)) = best {
            pairs.push((distinct[earlier].0, *id, score));
        }
        for gram in prefix {
            index.entry(gram).or_default().push(later);
        }
    }
    // Copies were found before the scan; put everything back in reading order.
    let order: HashMap<FindingId, usize> = bodies
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    pairs.sort_by_key(|(_, later, _)| order.get(later).copied().unwrap_or(usize::MAX));
    SimilarScan { pairs, compared }
}

/// The bigrams two bodies must share one of to reach the threshold, rarest first: with `n`
/// distinct bigrams, a body similar at `t` shares at least `⌈t·n⌉` of them, so it shares one
/// of any `n − ⌈t·n⌉ + 1`.
fn rarest(grams: &[u64], frequency: &BigramMap<u32>) -> Vec<u64> {
    let mut ranked: Vec<(u32, u64)> = grams
        .iter()
        .map(|g| (frequency.get(g).copied().unwrap_or(0), *g))
        .collect();
    ranked.sort_unstable();
    let n = grams.len();
    // A hair under the exact product, so float rounding can only lengthen the prefix.
    let needed = (SIMILARITY_THRESHOLD * n as f32 - 1e-3).ceil().max(0.0) as usize;
    let prefix = (n + 1).saturating_sub(needed).clamp(1, n.max(1));
    ranked.into_iter().take(prefix).map(|(_, g)| g).collect()
}

/// Flags each finding whose body nearly repeats an earlier one's; returns the pairs flagged.
/// Bodies are compared, not headlines: two short headlines share bigrams by chance, and a
/// repeated headline is caught as a repeated sentence.
fn report_similar(
    draft: &Draft,
    pairs: &[(FindingId, FindingId, f32)],
    items: &mut Vec<ReviewItem>,
) -> HashSet<(FindingId, FindingId)> {
    let mut flagged = HashSet::new();
    for &(earlier, id, score) in pairs {
        flagged.insert((earlier, id));
        let place = place::place_of_finding(draft, earlier).unwrap_or_default();
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
                Location::Finding(id, Part::Headline),
                message,
            )
            .with_related(Location::Finding(earlier, Part::Headline)),
        );
    }
    flagged
}

/// Flags every later occurrence of a sentence already used in the opening, a finding or the
/// closing, except between findings already flagged as similar.
fn repeated_sentences(
    draft: &Draft,
    similar: &HashSet<(FindingId, FindingId)>,
    items: &mut Vec<ReviewItem>,
) {
    let mut first_seen: QuickMap<Vec<char>, Location> = QuickMap::default();
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

    /// A body of four clauses picked from a few dozen, with figures: like a speech's findings,
    /// bodies share phrases but rarely most of them.
    fn varied_body(i: usize) -> String {
        const CLAUSES: [&str; 36] = [
            "分管的信访接待工作中只是转交科室办理",
            "没有到现场了解情况",
            "调研走马观花，报告照抄上年材料",
            "部署多、督查少，问题整改拖了半年",
            "对群众反映的问题回应不及时",
            "会议传达多，结合实际解读少",
            "安全生产台账不全，底数不清",
            "考核流于形式，没有拉开差距",
            "遇到难题绕着走，习惯往上推",
            "招商引资项目落地率偏低",
            "防汛物资储备没有按时盘点",
            "乡村振兴帮扶措施针对性不强",
            "营商环境投诉办结偏慢",
            "财务审计发现的问题整改不彻底",
            "人才引进后跟踪服务不够",
            "社区网格员培训走过场",
            "生态保护督察反馈问题销号滞后",
            "数据安全制度没有落到科室",
            "理论学习笔记多为摘抄",
            "专题研讨发言照念稿子",
            "谈心谈话次数偏少",
            "对年轻干部压担子不够",
            "批评和自我批评辣味不足",
            "落实中央八项规定精神有松懈",
            "公务接待标准把关不严",
            "项目审批环节多、时限长",
            "重点工作推进表没有及时更新",
            "基层减负要求落实不到位",
            "对下属单位的监督检查次数偏少",
            "廉政风险点排查不全面",
            "调研报告的对策建议可操作性不强",
            "应急演练脚本化",
            "政务公开栏内容长期不更新",
            "群众满意度测评排名靠后",
            "干部队伍老化问题没有破题",
            "支部主题党日内容单一",
        ];
        let mut state = (i as u64).wrapping_mul(6_364_136_223_846_793_005) ^ 0x9E37_79B9_7F4A_7C15;
        let mut pick = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let clauses: Vec<String> = (0..4)
            .map(|_| {
                let clause = CLAUSES[pick() % CLAUSES.len()];
                format!("{clause}，涉及{}件", pick() % 1_000)
            })
            .collect();
        format!("第{i}号问题：{}。", clauses.join("；"))
    }

    fn draft_of_bodies(bodies: &[String]) -> Draft {
        let findings: Vec<(&str, &str)> = bodies.iter().map(|b| ("问题标题", b.as_str())).collect();
        draft_of(&[("在工作作风方面", &findings)])
    }

    #[test]
    fn ten_thousand_findings_cost_a_bounded_number_of_comparisons() {
        let n = 10_000;
        let mut bodies: Vec<String> = (0..n).map(varied_body).collect();
        // Three planted near twins, far apart.
        for (from, to) in [(10, 9_000), (2_000, 2_001), (5_000, 7_500)] {
            bodies[to] = bodies[from].replacen("分管的", "负责的", 1);
        }
        let draft = draft_of_bodies(&bodies);
        let scan = scan_similar(&draft);
        println!(
            "{n} findings: {} pairs compared (all pairs: {}), {} similar pairs",
            scan.compared,
            n * (n - 1) / 2,
            scan.pairs.len()
        );
        assert!(scan.compared <= n * MAX_CANDIDATES, "{}", scan.compared);
        assert!(scan.compared < n * (n - 1) / 2 / 50, "{}", scan.compared);
        for (from, to) in [(10, 9_000), (2_000, 2_001), (5_000, 7_500)] {
            let pair = (FindingId(101 + from as u64), FindingId(101 + to as u64));
            assert!(
                scan.pairs.iter().any(|(a, b, _)| (*a, *b) == pair),
                "{pair:?} not found"
            );
        }
    }

    #[test]
    fn copies_and_look_alikes_by_the_thousand_stay_within_the_bound() {
        // Worst case for an index: every body shares most of its bigrams with every other.
        let n = 3_000;
        let template =
            "在工作中经常满足于完成“规定动作”，存在着集中学习少、专题讨论少、剖析问题少的情况";
        let bodies: Vec<String> = (0..n)
            .map(|i| match i % 3 {
                0 => template.to_owned(),
                _ => format!("{template}，第{i}次"),
            })
            .collect();
        let scan = scan_similar(&draft_of_bodies(&bodies));
        assert!(scan.compared <= n * MAX_CANDIDATES, "{}", scan.compared);
        // Every body after the first has a twin before it.
        assert_eq!(scan.pairs.len(), n - 1);
    }

    #[test]
    fn findings_on_different_problems_are_not_similar() {
        let a = "在工作中经常满足于完成“规定动作”，存在着集中学习少、专题讨论少、剖析问题少的情况，学习的针对性、时效性、系统性需要加强。";
        let b = "对分管科室的党建工作责任链条拧得不紧、业务和党建融合不够，对于支部组织生活会质效提升没有明确严的标准，存在“两层皮”的情况。";
        assert!(similarity(a, b) < 0.3, "{}", similarity(a, b));
        assert_eq!(similarity("", a), 0.0);
    }
}
