//! Particles around a degree adverb, read from the shape of the phrase:
//!
//! - `的` between a degree adverb and the quality it grades, closing the clause:
//!   `专注力非常的低下` is `非常低下`. A degree adverb grades a quality directly; `非常的时期`
//!   (an attribute, `非常` as "extraordinary") goes on into a noun and is left.
//! - `得` after a graded quality, before a noun: `带来很大得限制` is `很大的限制`. A quality
//!   already graded takes no complement of its own, so what follows is the noun it modifies.

use super::super::{Location, ReviewItem};
use super::complement::DEGREES;
use super::ends_clause;
use super::particle::particle_item;
use crate::clean::is_han;

/// Qualities a degree adverb grades, when the phrase closes the clause; those of two
/// characters or more wherever it stands (`办事非常的拖拉以工作为例`, a page that lost its
/// punctuation): none of them is a noun for `非常的` to modify.
const QUALITIES: &[&str] = &[
    "拖拉", "拖沓", "散漫", "马虎", "粗心", "急躁", "懒惰", "懈怠", "抱歉", "羞愧", "惭愧", "内疚",
    "愧疚", "后悔", "懊悔", "自责", "难过", "痛心", "焦虑", "低下", "薄弱", "欠缺", "淡薄", "淡漠",
    "松散", "松懈", "缺乏", "有限", "不足", "严重", "突出", "明显", "糟糕", "被动", "滞后", "落后",
    "缓慢", "粗糙", "肤浅", "片面", "差劲", "懒散", "浮躁", "敏感", "紧张", "辛苦", "疲惫", "劳累",
    "迷茫", "困惑", "失望", "无奈", "忙碌", "吃力", "熟悉", "好", "差", "低", "高", "少", "多",
    "弱", "强", "慢", "浅", "大", "小",
];

/// One-character qualities that a degree adverb before them grades (`很大`, `较多`).
const GRADED: &[&str] = &["大", "多", "好", "高", "强", "重", "深", "小", "少"];

/// Characters after `得` that make it a word of its own (`得到`, `得以`) or a complement
/// (`很好得不得了`): never the particle before a noun.
const NOT_BEFORE_NOUN: &str = "到以出益分失力体当罪意知手逞过很多不了太";

pub(super) fn check(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, de) in text.match_indices('的') {
        if let Some(item) = de_after_a_degree_adverb(location, text, at, at + de.len()) {
            items.push(item);
        }
    }
    for (at, de) in text.match_indices('得') {
        if let Some(item) = de2_before_a_noun(location, text, at, at + de.len()) {
            items.push(item);
        }
    }
}

/// `非常的低下。` → `非常低下`.
fn de_after_a_degree_adverb(
    location: Location,
    text: &str,
    at: usize,
    after: usize,
) -> Option<ReviewItem> {
    let adverb = DEGREES.iter().find(|a| text[..at].ends_with(*a))?;
    let rest = &text[after..];
    let listed = QUALITIES
        .iter()
        .filter(|q| {
            rest.starts_with(*q) && (q.chars().count() >= 2 || ends_clause(&rest[q.len()..]))
        })
        .max_by_key(|q| q.len())
        .copied();
    let quality = listed.or_else(|| unlisted_quality(adverb, rest))?;
    let start = at - adverb.len();
    let end = after + quality.len();
    let fixed = format!("{adverb}{quality}");
    Some(particle_item(
        location,
        text,
        start..end,
        "degree_de",
        "程度副词直接修饰形容词，不用“的”",
        fixed,
    ))
}

/// Adverbs that only ever grade (`特别`, `十分`), unlike `比较` and `不够`, which are verbs too
/// (`比较的是`, `不够的钱`).
const ONLY_GRADING: &[&str] = &[
    "非常", "特别", "十分", "格外", "相当", "极其", "极为", "尤为", "更加", "很", "太",
];

/// What an adverb that only grades grades after `的`, when no listed quality follows: `有` and
/// what one has (`十分的有信心`: what `有` opens is graded as a whole), or one character closing
/// the clause (`他们都特别的乖，`), which a degree adverb can only grade.
fn unlisted_quality<'a>(adverb: &str, rest: &'a str) -> Option<&'a str> {
    if !ONLY_GRADING.contains(&adverb) {
        return None;
    }
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    let (second_at, second) = chars.next().unwrap_or((rest.len(), '。'));
    let has = first == '有' && is_han(second) && !"些点的".contains(second);
    let closes = is_han(first) && ends_clause(&rest[second_at..]);
    (has || closes).then(|| &rest[..second_at])
}

/// `很大得限制` → `很大的限制`.
fn de2_before_a_noun(
    location: Location,
    text: &str,
    at: usize,
    after: usize,
) -> Option<ReviewItem> {
    let quality = GRADED.iter().find(|q| text[..at].ends_with(*q))?;
    let adverb = DEGREES
        .iter()
        .find(|a| text[..at - quality.len()].ends_with(*a))?;
    let next = text[after..].chars().next()?;
    if !is_han(next) || NOT_BEFORE_NOUN.contains(next) {
        return None;
    }
    let start = at - quality.len() - adverb.len();
    let fixed = format!("{adverb}{quality}的");
    Some(particle_item(
        location,
        text,
        start..after,
        "attribute_de",
        "形容词修饰名词用“的”",
        fixed,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_support::fixes_in_body;

    fn fixes(text: &str) -> Vec<(String, String)> {
        fixes_in_body(text, check)
    }

    #[test]
    fn de_between_a_degree_adverb_and_its_quality_goes() {
        assert_eq!(
            fixes("或者可以说专注力非常的低下，比如"),
            [("非常的低下".to_owned(), "非常低下".to_owned())]
        );
        assert_eq!(
            fixes("办事非常的拖拉以工作为例"),
            [("非常的拖拉".to_owned(), "非常拖拉".to_owned())]
        );
        assert_eq!(
            fixes("我是xxx,非常的抱歉这次因为我们寝室的卫生不合格"),
            [("非常的抱歉".to_owned(), "非常抱歉".to_owned())]
        );
        assert_eq!(
            fixes("理论功底十分的薄弱。"),
            [("十分的薄弱".to_owned(), "十分薄弱".to_owned())]
        );
        assert_eq!(
            fixes("在这方面更是特别的敏感，相对于成绩"),
            [("特别的敏感".to_owned(), "特别敏感".to_owned())]
        );
        assert_eq!(
            fixes("基本上他们都特别的乖，不会吵闹"),
            [("特别的乖".to_owned(), "特别乖".to_owned())]
        );
        assert_eq!(
            fixes("对自己并没有十分的有信心"),
            [("十分的有".to_owned(), "十分有".to_owned())]
        );
    }

    #[test]
    fn de2_after_a_graded_quality_before_a_noun_is_de() {
        assert_eq!(
            fixes("给我带来很大得限制。"),
            [("很大得".to_owned(), "很大的".to_owned())]
        );
    }

    #[test]
    fn attributes_and_complements_are_left() {
        for text in [
            "这是非常的时期，十分的把握，特别的关爱。",
            "工作做得很好得到表扬，很多得益于组织培养。",
            "非常的好用，相当的多数。",
            "比他大得多，觉悟很高得不得了。",
            "说得很大，讲得非常好。",
            "我们比较的是成绩，补上不够的钱。",
            "有十分的把握，比较的有两种方案。",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }
}
