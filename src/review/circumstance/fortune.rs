//! Causes named by a word that only ever names a cause: `因为父亲的缘故`, `因为实习的缘故`,
//! `可能是感冒难受的缘故` (what the `缘故` is, told as what excuses the fault), and luck
//! (`或许是运气不好`, `我们欠的是运气吧`, `我运气太背`). A `缘故` that is the writer's own
//! doing or lack (`也许是没充分准备的缘故`, `因为太久没有反思的缘故`) is no excuse, nor luck
//! denied (`不是运气不好`).

use super::own_cause::own_part;

/// Words that open the cause a `缘故` closes, the nearest read.
const OPENERS: &[&str] = &["因为", "由于", "是"];
/// Words that name the writer's own part in a cause (`自己`, `我的`), beside `own_part`'s.
const OWN_WORDS: &[&str] = &["自己", "我的", "我们的", "认真", "努力", "缺"];
/// What may stand before a `是` that opens the cause (`可能是感冒难受的缘故`); after a noun,
/// `是` explains a thing (`超压是灭火器失效的缘故`), no excuse of the writer's.
const HEDGES: &[&str] = &[
    "也许", "或许", "可能", "大概", "应该", "估计", "恐怕", "主要", "真的",
];

/// Where `clause` names what a `缘故` is, when that is no doing of the writer's.
pub(super) fn sake_at(clause: &str) -> Option<usize> {
    let end = clause.find("缘故")?;
    let before = clause[..end].strip_suffix('的').unwrap_or(&clause[..end]);
    let (at, opener) = OPENERS
        .iter()
        .filter_map(|o| before.rfind(o).map(|at| (at, *o)))
        .max_by_key(|(at, _)| *at)?;
    let hedged = || {
        let ahead = before[..at].trim_end_matches(['，', ',']);
        ahead.is_empty() || HEDGES.iter().any(|h| ahead.ends_with(h))
    };
    if opener == "是" && !hedged() {
        return None;
    }
    let cause = &before[at + opener.len()..];
    let own = cause.is_empty() || own_part(cause) || OWN_WORDS.iter().any(|w| cause.contains(w));
    (!own).then_some(at)
}

/// Words of bad luck.
const BAD_LUCK: &[&str] = &[
    "运气不好",
    "运气太差",
    "运气差",
    "运气太背",
    "运气不佳",
    "运气欠佳",
    "欠的是运气",
    "差了点运气",
    "少了点运气",
];
/// Words before luck that deny it (`不是运气不好`).
const DENYING: &[&str] = &["不是", "并非", "不能怪", "别怪", "不怪", "与"];

/// Where `clause` names bad luck as the cause.
pub(super) fn luck_at(clause: &str) -> Option<usize> {
    let at = BAD_LUCK.iter().find_map(|l| clause.find(l))?;
    (!DENYING.iter().any(|d| clause[..at].contains(d))).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::super::excuse::blame;
    use super::super::tests::{blamed_as_by, not_blamed_by};

    #[test]
    fn a_sake_or_bad_luck_given_as_the_cause_is_blamed() {
        blamed_as_by(
            blame,
            &[
                (
                    "因为父亲的缘故，我一直对政府工作都极其反感。",
                    "因为父亲的缘故",
                ),
                ("可能是感冒难受的缘故，发挥得不好。", "可能是感冒难受的缘故"),
                ("或许是运气不好，正好钻进了死角。", "或许是运气不好"),
                ("我们欠的是运气吧。", "我们欠的是运气吧"),
            ],
        );
    }

    #[test]
    fn an_own_sake_or_luck_denied_is_not() {
        not_blamed_by(
            blame,
            &[
                "也许是没充分准备的缘故，上课速度把握不好。",
                "因为太久没有反思和总结的缘故，梳理起来有点费劲。",
                "不是运气不好，是准备不足。",
                "应该是缺少锻炼的缘故。",
                "由于晚睡的缘故，下午就困了。",
                "超压是灭火器失效的缘故。",
                "即便解决了的问题，很多也是靠运气。",
            ],
        );
    }
}
