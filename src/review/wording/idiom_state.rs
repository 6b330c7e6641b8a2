//! How a doing went, said as an idiom closing the clause: `骂的狗血淋头`, `累的苦不堪言`,
//! `过的浑浑噩噩`, `表现的淋漓尽致`. After a verb or a state, an idiom that says how it went
//! or what it left is a complement of state, which `得` opens; `complement` asks here last of
//! each `的` it reads.
//!
//! The owner reading stays where the idiom names a thing (`上课讲的理论知识`, `对着干的逆反
//! 心理`) or what the doing's outcome is (`邀请面试的寥寥无几`: those invited were few).

use super::super::idiom::{is_common_word, is_idiom};
use super::super::{Location, ReviewItem, clause_so_far};
use super::complement::{
    ACTION_VERBS, DEGREES, DI_VERBS, GRADED_ONLY_VERBS, MAKES_A_MODIFIER, QUALITIES_OF_ONE,
    SHORT_VERBS, de2_then, ends_complement,
};
use super::overwhelmed::{DISABLING_STATES, FEELINGS, STATES_OF_ONE};
use super::particle::han_after;

/// One-character verbs and states besides the lists of `complement` and `overwhelmed` whose
/// complement is often an idiom (`说的天花乱坠`, `羞的无地自容`, `站的东倒西歪`).
const MORE_DOERS: &str = "说羞笑吵站焊整要";

/// Idioms that say what a thing is, or how many, rather than how a doing went: after `的`
/// they are the predicate of what was done (`买的五花八门`: what was bought was of every
/// kind; `为大家做的微不足道`).
const WHAT_IT_IS: &[&str] = &[
    "寥寥无几",
    "屈指可数",
    "数不胜数",
    "不计其数",
    "不胜枚举",
    "所剩无几",
    "微不足道",
    "五花八门",
    "五颜六色",
    "琳琅满目",
    "应有尽有",
    "千篇一律",
    "大同小异",
    "一模一样",
    "层出不穷",
    "形形色色",
    "各种各样",
    "点点滴滴",
    "方方面面",
    "林林总总",
    "条条框框",
];

/// Words that point at a thing and open a noun phrase (`那些说好的雄心壮志`).
const DEMONSTRATIVES: &[&str] = &["那些", "这些", "那个", "这个", "那种", "这种", "所有"];

/// `骂的狗血淋头。`: a verb or a state, `的`, and an idiom closing the clause that says how
/// the doing went. Not after a quantity (`很多的不足之处`), `好` (`说好的`) or a degree
/// adverb (`更加的不能自拔` wants no particle at all), nor where `所` or a modal makes the
/// verb a noun's modifier (`所做的`), nor after `生活` (`生活的点点滴滴`), nor before an
/// idiom whose last two characters are a common word, which names a thing (`理论知识`,
/// `逆反心理`, `严重不足`), or whose third is `之` (`不足之处`).
pub(super) fn idiom_state(
    location: Location,
    text: &str,
    at: usize,
    after: usize,
) -> Option<ReviewItem> {
    let before = &text[..at];
    let last = before.chars().next_back()?;
    let doer = ACTION_VERBS.contains(last)
        || GRADED_ONLY_VERBS.contains(last)
        || QUALITIES_OF_ONE.contains(last)
        || STATES_OF_ONE.contains(last)
        || DISABLING_STATES.contains(last)
        || MORE_DOERS.contains(last)
        || SHORT_VERBS.iter().any(|v| v.starts_with(last))
        || FEELINGS.iter().chain(DI_VERBS).any(|w| before.ends_with(w));
    let modifier = before[..before.len() - last.len_utf8()]
        .chars()
        .next_back()
        .is_some_and(|c| MAKES_A_MODIFIER.contains(c));
    // `那些说好的雄心壮志`: a demonstrative earlier in the clause opens a noun phrase.
    let pointed = DEMONSTRATIVES
        .iter()
        .any(|d| clause_so_far(before).contains(d));
    if !doer
        || "多少好".contains(last)
        || modifier
        || pointed
        || before.ends_with("生活")
        || DEGREES
            .iter()
            .any(|d| d.chars().count() > 1 && before.ends_with(d))
    {
        return None;
    }
    let rest = &text[after..];
    let four = han_after(rest, 4)?;
    let idiom = &rest[..four];
    let tail = &idiom[idiom.char_indices().nth(2)?.0..];
    (is_idiom(idiom)
        && !is_common_word(tail)
        && !tail.starts_with('之')
        && !WHAT_IT_IS.contains(&idiom)
        && ends_complement(&rest[four..]))
    .then(|| de2_then(location, text, at, after, idiom))
}

#[cfg(test)]
mod tests {
    use crate::review::test_support::fixes_in_body;

    fn fixes(text: &str) -> Vec<(String, String)> {
        fixes_in_body(text, |location, text, items| {
            super::super::particle::check(location, text, &super::super::VERB_LIST, items)
        })
    }

    #[test]
    fn an_idiom_of_how_a_doing_went_takes_de2() {
        for (text, from, to) in [
            ("成果被人骂的狗血淋头，", "的狗血淋头", "得狗血淋头"),
            ("我们一个个累的苦不堪言。", "的苦不堪言", "得苦不堪言"),
            ("日子都是过的浑浑噩噩。", "的浑浑噩噩", "得浑浑噩噩"),
            ("醉的莫名其妙。", "的莫名其妙", "得莫名其妙"),
            ("在我身上表现的淋漓尽致。", "的淋漓尽致", "得淋漓尽致"),
        ] {
            assert_eq!(fixes(text), [(from.to_owned(), to.to_owned())], "{text}");
        }
    }

    #[test]
    fn an_idiom_that_names_a_thing_or_a_count_is_left() {
        for text in [
            "邀请面试的寥寥无几，这是事实。",
            "上课讲的理论知识，没有用上。",
            "不要对着干的逆反心理。",
            "记录生活的点点滴滴。",
            "公共设施有很多的不足之处，",
            "我意识到准备的严重不足。",
            "让我更加的不能自拔，",
            "那些说好的雄心壮志，那些誓言。",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }
}
