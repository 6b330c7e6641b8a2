//! What a verb came to, or can come to, written with `的` where `得` is meant: an idiom of the
//! state it left (`争吵的天翻地覆`, `争的面红耳赤`, `消失的无影无踪`) or a complement of what
//! it can reach (`工作量跟的上`, `吃的完`). Both stand after the verb and take `得`.

use super::super::idiom::is_common_word;
use super::super::{Location, ReviewItem};
use super::complement::{ACTION_VERBS, QUALITIES_OF_ONE, known_as};
use super::ends_clause;
use super::particle::{OWNERS, han_before, particle_item};

/// Idioms that only ever say what state a doing left (`忙得不可开交`, `搞得焦头烂额`): after
/// a verb and `的` they are its complement. Before a noun they describe it instead
/// (`天翻地覆的变化`), which the `的` after them shows.
const STATE_IDIOMS: &[&str] = &[
    "天翻地覆",
    "不可开交",
    "一塌糊涂",
    "乱七八糟",
    "淋漓尽致",
    "热火朝天",
    "面红耳赤",
    "焦头烂额",
    "死去活来",
    "晕头转向",
    "七零八落",
    "落花流水",
    "头头是道",
    "津津有味",
    "心服口服",
    "目瞪口呆",
    "哭笑不得",
    "筋疲力尽",
    "精疲力竭",
    "无影无踪",
    "一干二净",
    "滚瓜烂熟",
    "泣不成声",
    "汗流浃背",
    "体无完肤",
    "五体投地",
    "一清二楚",
    "不亦乐乎",
    "忘乎所以",
    "六神无主",
    "头破血流",
    "遍体鳞伤",
    "东倒西歪",
    "一文不值",
    "身心俱疲",
    "得心应手",
    "数不胜数",
    "一团糟",
];

/// Ends of a complement of degree that say "so much one can't bear it" (`累得不行`,
/// `疲惫得要死`): after a verb or a quality, closing the clause.
const UNBEARABLE: &[&str] = &["要死", "要命", "不行", "不像样", "不像话"];
/// What before `的` makes `的不行` a judgement, not a degree (`真的不行`, `别的不行`).
const JUDGING: &str = "真是别有都也就";

/// `厉害` closing the clause is a degree after a verb of one character (`花的厉害`, `抖的厉害`)
/// but a noun after an owner that makes a word (`对手的厉害`, `病毒的厉害`).
const FIERCE: &str = "厉害";

/// What between a quality said twice makes it a degree past which there is none
/// (`好的不能再好`).
const NO_MORE_THAN: &str = "不能再";

/// What after `像` makes a word of it, not a likeness (`像素`, `像样`).
const WORDS_OF_XIANG: &str = "素样章片框";

/// Verbs that take a complement of what they can reach, besides [`ACTION_VERBS`].
const REACHING_VERBS: &str = "跟比配做用学办忍受输";
/// Of [`ACTION_VERBS`], those that are themselves complements or go with a place.
const NOT_REACHING: &str = "到来去出进回";
/// What a verb can reach (`跟得上`, `吃得完`, `拿得动`, `买得起`, `放得下`, `记得住`).
const REACHED: &str = "上完动起下住到";
/// Verbs of sensing, what they can make out, wherever the clause goes on (`看得懂原文`,
/// `听得见`), and what after it makes a word of it (`懂事`, `懂得`, `见闻`, `见识`).
const MADE_OUT: &[(&str, char, &str)] = &[
    ("看听读弄搞", '懂', "事得"),
    ("看听遇", '见', "闻解识面效证"),
];

pub(super) fn check(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, _) in text.match_indices('的') {
        if let Some(range) = complement(text, at) {
            items.push(item(location, text, range, at));
        }
    }
}

/// The verb, `的` and what it came to or can come to, when the `的` at `at` stands for `得`.
fn complement(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let after = at + '的'.len_utf8();
    let rest = &text[after..];
    let before = text[..at].chars().next_back();
    let owned = OWNERS.iter().any(|o| text[..at].ends_with(o));
    if let Some(idiom) = STATE_IDIOMS.iter().find(|i| rest.starts_with(*i))
        && !rest[idiom.len()..].starts_with(['的', '之', '地'])
        && !owned
    {
        return verb_before(text, at).map(|start| start..after + idiom.len());
    }
    // `简单的不能再简单了`: a quality, and no more of it than that.
    let past_it = rest.strip_prefix(NO_MORE_THAN);
    if let Some(start) = [2, 1].into_iter().find_map(|n| {
        han_before(text, at, n).filter(|&s| past_it.is_some_and(|r| r.starts_with(&text[s..at])))
    }) {
        return Some(start..after + NO_MORE_THAN.len() + (at - start));
    }
    // A degree closing its clause after a verb, not after an owner or a judgement.
    let degree_closes = |len: usize| {
        closes_a_degree(&rest[len..])
            && before.is_some_and(|c| !JUDGING.contains(c))
            && !owned
            && !known_as(&text[..at])
    };
    if let Some(end) = UNBEARABLE.iter().find(|e| rest.starts_with(*e))
        && degree_closes(end.len())
    {
        return verb_before(text, at).map(|start| start..after + end.len());
    }
    if rest.starts_with(FIERCE)
        && degree_closes(FIERCE.len())
        && han_before(text, at, 2).is_none_or(|start| !is_common_word(&text[start..at]))
    {
        return han_before(text, at, 1).map(|start| start..after + FIERCE.len());
    }
    // `软的像布丁`, `长的像妈妈`: a quality, or looks, to the point of a likeness.
    if before.is_some_and(|c| QUALITIES_OF_ONE.contains(c) || c == '长')
        && let Some(likened) = rest.strip_prefix('像')
        && likened.starts_with(|c: char| crate::clean::is_han(c) && !WORDS_OF_XIANG.contains(c))
    {
        return han_before(text, at, 1).map(|start| start..after + '像'.len_utf8());
    }
    let made_out = MADE_OUT.iter().find_map(|(verbs, sensed, word)| {
        let next = rest.strip_prefix(*sensed)?;
        (before.is_some_and(|c| verbs.contains(c)) && !next.starts_with(|c: char| word.contains(c)))
            .then_some(sensed.len_utf8())
    });
    if let Some(len) = made_out {
        return han_before(text, at, 1).map(|start| start..after + len);
    }
    let mut reach = rest.chars();
    let reached = reach.next().filter(|c| REACHED.contains(*c))?;
    let reaches = before.is_some_and(|v| {
        (ACTION_VERBS.contains(v) || REACHING_VERBS.contains(v)) && !NOT_REACHING.contains(v)
    }) && (ends_clause(reach.as_str())
        || reach.as_str().starts_with(['吗', '呢', '吧', '啊']));
    reaches
        .then(|| han_before(text, at, 1))
        .flatten()
        .map(|start| start..after + reached.len_utf8())
}

/// Whether a complement of degree closes its clause here, or after a particle of mood
/// (`花的厉害了，`, `累的要死啊`).
fn closes_a_degree(rest: &str) -> bool {
    ends_clause(rest.strip_prefix(['了', '啊', '呀']).unwrap_or(rest))
}

/// Where the verb before `at` starts: two characters when they make a word (`争吵`), else one
/// (`搞`, not `己搞`).
fn verb_before(text: &str, at: usize) -> Option<usize> {
    han_before(text, at, 2)
        .filter(|&start| is_common_word(&text[start..at]))
        .or_else(|| han_before(text, at, 1))
}

/// The flag for `range`, with the `的` at `at` made `得`.
fn item(location: Location, text: &str, range: std::ops::Range<usize>, at: usize) -> ReviewItem {
    let fixed = format!(
        "{}得{}",
        &text[range.start..at],
        &text[at + '的'.len_utf8()..range.end]
    );
    particle_item(
        location,
        text,
        range,
        "particle/complement",
        "动词后面的补语用“得”",
        fixed,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_support::fixes_in_body;

    fn fixes(text: &str) -> Vec<(String, String)> {
        fixes_in_body(text, check)
    }

    fn flagged(text: &str, wrong: &str, right: &str) {
        assert_eq!(
            fixes(text),
            [(wrong.to_owned(), right.to_owned())],
            "{text}"
        );
    }

    #[test]
    fn the_state_a_doing_left_takes_de2() {
        flagged(
            "为了一件小事和同学老师争吵的天翻地覆不可收拾。",
            "争吵的天翻地覆",
            "争吵得天翻地覆",
        );
        flagged(
            "我和老公吵了一架，争的面红耳赤。",
            "争的面红耳赤",
            "争得面红耳赤",
        );
        flagged("单词消失的无影无踪了，", "消失的无影无踪", "消失得无影无踪");
        flagged("把自己搞的焦头烂额。", "搞的焦头烂额", "搞得焦头烂额");
    }

    #[test]
    fn what_a_verb_can_reach_takes_de2() {
        flagged("虽然偷懒但是工作量跟的上。", "跟的上", "跟得上");
        flagged("这么多饭吃的完吗？", "吃的完", "吃得完");
        flagged("一个人拿的动，", "拿的动", "拿得动");
        flagged("虽然看的懂原文的含义，但是难以表达。", "看的懂", "看得懂");
        flagged("远处也听的见。", "听的见", "听得见");
        flagged("一个个站的东倒西歪。", "站的东倒西歪", "站得东倒西歪");
        flagged("它软的像布丁咧！", "软的像", "软得像");
        for text in ["最好的像素，", "这是最好的像样的东西。", "我的像片，"] {
            assert_eq!(fixes(text), [], "{text}");
        }
        flagged(
            "被残酷的现实打击的一文不值。",
            "打击的一文不值",
            "打击得一文不值",
        );
    }

    #[test]
    fn a_degree_one_cannot_bear_takes_de2() {
        flagged("就是疲惫的要死。", "疲惫的要死", "疲惫得要死");
        flagged(
            "下注简单的不能再简单了。",
            "简单的不能再简单",
            "简单得不能再简单",
        );
        flagged("心情好的不能再好，", "好的不能再好", "好得不能再好");
        flagged("每次回来就把家里弄的一团糟，", "弄的一团糟", "弄得一团糟");
        flagged("被用户叫住，尬的不行。", "尬的不行", "尬得不行");
        flagged("上下楼腿更是疼的不行。", "疼的不行", "疼得不行");
        flagged(
            "试了试，大的不像样，只有拆了重织。",
            "大的不像样",
            "大得不像样",
        );
        flagged("上个月花的厉害了，月底", "花的厉害", "花得厉害");
        flagged("手抖的厉害。", "抖的厉害", "抖得厉害");
        flagged("用花呗更是用的得心应手。", "用的得心应手", "用得得心应手");
        flagged("这样的人输的起。", "输的起", "输得起");
        for text in [
            "我们学校真的不行，",
            "别的不行，这个可以。",
            "他是我的不行吗？",
            "一个人的懂事，听的见闻，",
            "领教了对手的厉害，",
            "这才知道病毒的厉害。",
            "让他见识了我的厉害！",
            "得心应手的工具，",
            "听信了中介的天花乱坠。",
            "我写的不像新闻，",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }

    #[test]
    fn an_idiom_before_a_noun_or_after_an_owner_and_places_are_left() {
        for text in [
            "家乡发生了天翻地覆的变化。",
            "经历了天翻地覆的变化，",
            "这是我的一塌糊涂之处。",
            "在我们的热火朝天里，",
            "写在书的上面，",
            "桌子放在门的下，",
            "他是我们班的上，",
            "看的书上写着，",
            "这是我刚买的。",
            "学生的到来，",
            "一团糟的局面，我的不能再说了。",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }
}
