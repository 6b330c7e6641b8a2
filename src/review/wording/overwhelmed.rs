//! A state or a feeling, `的`, and what it left one doing or unable to do: `多的来不及做`,
//! `疼的起不了身`, `紧张的不知所措`, `懊恼的睡不着`. What follows is a complement of state,
//! which `得` opens; `complement` asks here first of each `的` it reads.

use super::super::{Location, ReviewItem};
use super::complement::de2_then;
use super::ends_clause;
use super::particle::han_before;
use crate::clean::is_han;

/// What a state of too much leaves one unable to do (`多的来不及做`, `急的团团转`).
const OVERWHELMED: &[&str] = &[
    "来不及",
    "顾不上",
    "顾不过来",
    "忙不过来",
    "团团转",
    "焦头烂额",
    "喘不过气",
    "晕头转向",
    "手忙脚乱",
    "不知所措",
    "咬牙切齿",
];

/// Feelings of two characters that leave one unable to act (`紧张的不知所措`,
/// `懊恼的睡不着`).
pub(super) const FEELINGS: &[&str] = &[
    "紧张", "激动", "兴奋", "懊恼", "着急", "焦急", "害怕", "难过", "伤心", "生气", "气愤", "愤怒",
    "委屈", "郁闷", "烦躁", "焦虑", "恐惧", "慌张", "心急", "高兴", "开心", "得意", "懊悔", "后悔",
    "感动", "暴躁", "惭愧", "担心",
];

/// What such a feeling left one doing or unable to do, besides [`OVERWHELMED`].
const FELT: &[&str] = &[
    "睡不着",
    "一夜没睡",
    "一夜未眠",
    "一夜没合眼",
    "说不出话",
    "不知道",
    "不知该",
    "手足无措",
    "吃不下",
    "语无伦次",
    "浑身发抖",
    "直发抖",
    "满头大汗",
    "心跳加速",
    "一片空白",
    "忘乎所以",
    "得意忘形",
    "手舞足蹈",
    "热泪盈眶",
    "泪流满面",
    // `暴躁的无法抑制`, `紧张的呼吸困难`, `紧张的双手冒汗`.
    "无法",
    "难以",
    "呼吸困难",
    "双手冒汗",
    "手心冒汗",
    "手心出汗",
    "直冒汗",
    "冒冷汗",
    "心跳加快",
    // `紧张的手哆嗦`, `惭愧的都不好意思`.
    "手哆嗦",
    "手发抖",
    "腿发软",
    "不好意思",
    "都不好意思",
    // `担心的不敢睡觉`, `担心的就哭起来了`.
    "不敢",
    "就哭",
    "哭了",
    "哭起来",
    "直哭",
    "掉眼泪",
    "流泪",
];

/// One-character states of the body or the mood that leave one unable to do a thing,
/// however it is said (`疼的起不了身`, `累的站不起来`, `气的说不出话`); not `多`, `乱`: `多的吃不完`
/// reads "what is left over".
pub(super) const DISABLING_STATES: &str = "忙累急气慌吓饿困烦疼痛冻晒醉撑晕";

/// What closes a verb that cannot be done, after `不` (`站不起来`, `说不出`, `起不了`, `睡不着`).
const CANNOT_CLOSE: &str = "起出了上下动住着到完清开过";

/// Parts of the body that a state leaves unable (`累的胳膊都抬不起来`).
const BODY_PARTS: &[&str] = &["胳膊", "手臂", "双手", "双腿", "腿", "腰", "眼睛", "手"];

/// Whether `rest` opens with a verb of one character that cannot be done (`站不起来`), after a
/// part of the body and `都`/`也` if any (`胳膊都抬不起来`).
fn cannot_do(rest: &str) -> Option<usize> {
    let body = BODY_PARTS.iter().find(|b| rest.starts_with(*b));
    let r = body.map_or(rest, |b| &rest[b.len()..]);
    let r = r.strip_prefix(['都', '也']).unwrap_or(r);
    let mut chars = r.chars();
    let verb = chars.next().filter(|&c| is_han(c) && c != '不')?;
    let close = chars.next().filter(|&c| c == '不').and(chars.next())?;
    CANNOT_CLOSE
        .contains(close)
        .then(|| rest.len() - r.len() + verb.len_utf8() + '不'.len_utf8() + close.len_utf8())
}

/// One-character qualities of too little, which `可怜` grades closing the clause (`少的可怜`).
const SCANT_OF_ONE: &str = "少穷小低瘦";

/// One-character states that leave one overwhelmed (`忙`, `多`, `急`).
pub(super) const STATES_OF_ONE: &str = "忙累急多气慌吓饿困乱烦恨";

/// Verbs of making a mess of things, whose `得` brings in whom it left how (`弄得我很尴尬`).
const MESSING: &str = "弄搞闹整害";

/// People a mess is made of (`弄的我`, `害的我们`); not `人` (`他害的人太多`: those harmed).
const LEFT_PEOPLE: &[&str] = &[
    "我们", "我", "他们", "他", "她们", "她", "大家", "自己", "全家",
];

/// `弄的我很尴尬`, `害的我们白跑一趟`: a verb of making a mess, `的`, and a person it left
/// some way, the subject of a complement of state, which `得` opens; not the person's own
/// (`弄的我的电脑`), where `的` makes a noun phrase.
pub(super) fn left_someone(
    location: Location,
    text: &str,
    at: usize,
    after: usize,
) -> Option<ReviewItem> {
    let verb = text[..at].chars().next_back()?;
    if !MESSING.contains(verb) {
        return None;
    }
    let rest = &text[after..];
    let person = LEFT_PEOPLE.iter().find(|p| rest.starts_with(*p))?;
    let then = &rest[person.len()..];
    (then.chars().next().is_some_and(is_han) && !then.starts_with(['的', '们']))
        .then(|| de2_then(location, text, at, after, person))
}

/// `产品多的来不及做`: a one-character state or a feeling, `的`, and what it left one unable
/// to do, a complement of state, which `得` opens; `学到的东西少的可怜`, a scant quantity
/// graded.
pub(super) fn overwhelmed(
    location: Location,
    text: &str,
    at: usize,
    after: usize,
) -> Option<ReviewItem> {
    let state = text[..at].chars().next_back()?;
    let rest = &text[after..];
    if SCANT_OF_ONE.contains(state) && rest.strip_prefix("可怜").is_some_and(ends_clause) {
        return Some(de2_then(location, text, at, after, "可怜"));
    }
    if STATES_OF_ONE.contains(state)
        && let Some(tail) = OVERWHELMED.iter().find(|w| rest.starts_with(*w))
    {
        return Some(de2_then(location, text, at, after, tail));
    }
    // A state alone, not the end of a word (`头疼`, `麻烦`), or a feeling, and what it left
    // one unable to do.
    let state_alone = DISABLING_STATES.contains(state)
        && han_before(text, at, 2)
            .is_none_or(|start| !super::super::idiom::is_common_word(&text[start..at]));
    let felt = FEELINGS.iter().any(|f| text[..at].ends_with(f));
    if (state_alone || felt)
        && let Some(len) = cannot_do(rest)
    {
        return Some(de2_then(location, text, at, after, &rest[..len]));
    }
    // `紧张的一夜没睡`, `懊恼的睡不着`: a feeling, and what it left one doing.
    if !felt {
        return None;
    }
    let tail = OVERWHELMED
        .iter()
        .chain(FELT)
        .find(|w| rest.starts_with(*w))?;
    Some(de2_then(location, text, at, after, tail))
}
