//! `不断的调整`, `不停的刷抖音`, `逐渐的长大`, `不时的看手机`: words of how often, how
//! steadily or how gradually a thing is done. They say how, never what a thing is like, so
//! before `的` and whatever word follows, `地` is meant — whether or not any list holds the
//! verb. The exception is a phrase a frame takes as a noun: `在不断的学习中`, `经过不断的
//! 努力`, `随着…`, `缺乏…`; there the word describes what was done, and `的` is right.

use super::super::{clause_so_far, closes_clause};
use crate::clean::is_han;

/// Words of how often, how steadily or how gradually, which only ever say how.
const COURSE: &[&str] = &[
    "不知不觉",
    "不断",
    "不停",
    "不时",
    "逐渐",
    "愈发",
    "越发",
    "拼命",
    "默默",
];

/// Words earlier in the clause that take what follows as a noun phrase (`经过不断的努力`,
/// `通过不断的学习`, `得到了慢慢的缓和`).
const NOUN_FRAMES: &[&str] = &[
    "经过",
    "通过",
    "随着",
    "经历",
    "伴随",
    "由于",
    "得到",
    "受到",
    "进行",
    "加以",
    "给予",
    "需要",
    "离不开",
    "缺乏",
    "缺少",
    "依靠",
    "凭借",
    "付出",
    "感谢",
    "感激",
];

/// What closes the `在…中` frame of a noun phrase (`在不断的学习中`, `在不停的忙碌下`).
const FRAME_ENDS: &[char] = &['中', '下', '里'];

/// Nouns that close a noun phrase the word of course describes (`不断的探索精神`, `不断的学习
/// 过程`): no verb phrase ends on them.
const NOUN_HEADS: &[&str] = &[
    "精神", "过程", "状态", "态度", "劲头", "势头", "趋势", "意识", "习惯", "心态", "动力", "能力",
];

/// What `默默` describes as a noun: devotion (`默默的付出`, `默默的奉献`).
const DEVOTION: &[&str] = &["付出", "奉献", "守护", "陪伴", "支持", "关爱", "无闻"];

/// Where the word of course that ends right before `at` (a `的` ending at `after`) begins,
/// when `的` there stands for `地`.
pub(super) fn adverbial_start(text: &str, at: usize, after: usize) -> Option<usize> {
    let word = COURSE.iter().find(|w| text[..at].ends_with(*w))?;
    let start = at - word.len();
    let rest = &text[after..];
    rest.chars().next().filter(|&c| is_han(c))?;
    if *word == "默默" && DEVOTION.iter().any(|d| rest.starts_with(d)) {
        return None;
    }
    let before = &text[..start];
    let clause = clause_so_far(before);
    // `下个不停的雨`: a verb's complement (`个不停`) before a noun describes the noun.
    if NOUN_FRAMES.iter().any(|f| clause.contains(f)) || before.ends_with('个') {
        return None;
    }
    let rest_of_clause = &rest[..rest.find(closes_clause).unwrap_or(rest.len())];
    if NOUN_HEADS.iter().any(|n| rest_of_clause.ends_with(n)) {
        return None;
    }
    // The frame closes within a few characters (`在不断的学习中成长`); not on the first, which
    // may open a verb (`在家里不断的下载`).
    let framed_by_zai = clause.contains('在')
        && rest_of_clause
            .chars()
            .skip(1)
            .take(5)
            .any(|c| FRAME_ENDS.contains(&c));
    (!framed_by_zai).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Option<&str> {
        let at = text.find('的')?;
        adverbial_start(text, at, at + '的'.len_utf8()).map(|start| &text[start..at])
    }

    #[test]
    fn words_of_course_before_de_say_how() {
        for (text, word) in [
            ("日常就是不断的调整deadline。", "不断"),
            ("我不停的刷抖音。", "不停"),
            ("逐渐的长大了。", "逐渐"),
            ("上课时不时的看手机。", "不时"),
            ("我愈发的焦虑。", "愈发"),
            ("不知不觉的就过去了一年。", "不知不觉"),
            ("我默默的走开了。", "默默"),
        ] {
            assert_eq!(flagged(text), Some(word), "{text}");
        }
    }

    #[test]
    fn a_framed_phrase_is_a_noun() {
        for text in [
            "经过不断的努力，成绩有了提高。",
            "通过不断的学习，我认识到了不足。",
            "在不断的学习中成长。",
            "感谢父母默默的付出。",
            "随着不断的深入，问题越来越多。",
            "不断的。",
            "不断的探索精神。",
            "打造高效的执行团队，不断的学习过程。",
            "下个不停的雨，说个不停的人。",
        ] {
            assert_eq!(flagged(text), None, "{text}");
        }
    }
}
