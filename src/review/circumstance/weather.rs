//! The weather told as what set a fault going: `天气太热，菜园里杂草丛生`, `天气越来越热，工人们
//! 都不喜欢戴安全帽了`, `那一年的腊月气温反常，稳高不降`. A state of the weather that the
//! sentence goes on from is given as the cause; a finding has no other use for it. Named as
//! a time (`天气热时`) or as what one failed to reckon with (`没有考虑天气炎热`, read by the
//! confessing words before it), it is no excuse.

use crate::clean::is_han;

/// Words that name the weather.
pub(super) const WEATHER: &[&str] = &["天气", "气温"];
/// Degrees and courses that may stand between the weather and its state.
const GRADES: &[&str] = &[
    "越来越",
    "太",
    "很",
    "较",
    "比较",
    "非常",
    "特别",
    "十分",
    "实在",
    "又",
    "也",
    "越发",
    "逐渐",
    "渐渐",
    "持续",
    "异常",
    "过于",
    "极其",
    "突然",
];
/// States of the weather that keep one from the work.
const STATES: &[&str] = &[
    "炎热", "寒冷", "闷热", "酷热", "恶劣", "反常", "多变", "热", "冷", "不好", "差",
];
/// What after a state makes it a time or a kind of weather (`天气热时`, `天气炎热的季节`).
const NAMING_A_TIME: &[char] = &['的', '时', '天', '季', '期'];

/// Where `clause` gives a state of the weather that `sentence`, the clause and the rest of its
/// sentence, goes on from.
pub(super) fn weather_at(clause: &str, sentence: &str) -> Option<usize> {
    let goes_on = sentence
        .get(clause.len()..)
        .is_some_and(|r| r.chars().any(is_han));
    WEATHER.iter().find_map(|word| {
        let at = clause.find(word)?;
        let mut rest = &clause[at + word.len()..];
        for _ in 0..2 {
            if let Some(grade) = GRADES.iter().find(|g| rest.starts_with(*g)) {
                rest = &rest[grade.len()..];
            }
        }
        let state = STATES.iter().find(|s| rest.starts_with(*s))?;
        let after = &rest[state.len()..];
        if after.starts_with(NAMING_A_TIME) {
            return None;
        }
        // `主要是天气热起来了而且…`: the clause itself goes on after the state.
        let goes_on_here = after
            .trim_start_matches(['起', '来', '了'])
            .chars()
            .any(is_han);
        (goes_on || goes_on_here).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::super::excuse::blame;
    use super::super::tests::{blamed_as_by, not_blamed_by};

    #[test]
    fn the_weather_that_a_sentence_goes_on_from_is_blamed() {
        blamed_as_by(
            blame,
            &[
                ("天气太热，菜园里杂草丛生。", "天气太热"),
                ("天气越来越热，工人们都不喜欢戴安全帽了。", "天气越来越热"),
                (
                    "那一年的腊月气温反常，稳高不降，生意不好。",
                    "那一年的腊月气温反常",
                ),
                (
                    "他告诉我主要是天气热起来了而且站在脚手架上砌筑，确实不好干活。",
                    "他告诉我主要是天气热起来了而且站在脚手架上砌筑",
                ),
            ],
        );
    }

    #[test]
    fn the_weather_as_a_time_a_plan_or_the_whole_sentence_is_not() {
        not_blamed_by(
            blame,
            &[
                "天气热时没有坚持每天巡查。",
                "没有考虑天气炎热，活动安排在中午。",
                "对天气变化预判不足，准备不充分。",
                "那几天天气很冷。",
                "天气预报没看，出门没带伞。",
            ],
        );
    }
}
