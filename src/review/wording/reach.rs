//! `到达` written for `达到` before a standard: `没有到达文件规定的标准`. `到达` is arriving at
//! a place (`到达现场`, `按时到达`); reaching a standard, a level, a goal or a number is
//! `达到` (敖桂华, 《“到达”与“达到”》, on the two words' objects:
//! http://www.pcerc.org/HJZHY/HJ801/HJ801_09.htm).

use super::super::{Location, ReviewItem};
use super::{clause_ahead, mended_word};

/// What is reached rather than arrived at: the objects the article above pairs with `达到`, and
/// `规定` (`未到达规定要求`).
const ATTAINMENTS: &[&str] = &[
    "标准", "要求", "目标", "水平", "效果", "预期", "程度", "指标", "境界", "理想", "目的", "规定",
];

/// What makes an attainment's word part of a place (`目的地`, `规定地点`, `目标区域`): the
/// object is then somewhere to arrive at.
const PLACES_AFTER: &[&str] = &["地", "区域", "位置", "地点", "点位"];

/// Characters that make a word of `X到` with the `到` of `到达` (`直到达到要求`, `做到达成目标`):
/// the `达` there opens the next word.
const ENDS_A_WORD_IN_DAO: &str = "直做得等遇受感想提看找办";

/// Longest object (in characters) read after `到达`: `未到达1994年省教委制定的《…标准》`.
const OBJECT_CHARS: usize = 24;

pub(super) fn check(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, word) in text.match_indices("到达") {
        let rest = &text[at + word.len()..];
        let split = text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| ENDS_A_WORD_IN_DAO.contains(c))
            || rest.starts_with('到');
        if split {
            continue;
        }
        let object = clause_ahead(rest, OBJECT_CHARS);
        let attained = ATTAINMENTS.iter().any(|a| {
            object.match_indices(a).any(|(i, a)| {
                let after = &object[i + a.len()..];
                !PLACES_AFTER.iter().any(|p| after.starts_with(p))
            })
        });
        if !attained {
            continue;
        }
        items.push(mended_word(
            location,
            text,
            at..at + word.len(),
            "reach",
            "“到达”是到某个地点；达到标准、要求、目标、水平用“达到”".to_owned(),
            "达到".to_owned(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_support::fixes_in_body;

    fn fixes(text: &str) -> Vec<(String, String)> {
        fixes_in_body(text, check)
    }

    #[test]
    fn arriving_at_a_standard_is_reaching_it() {
        for text in [
            "活动经费上没有到达文件规定的标准。",
            "有70%的学校体育场地未到达1994年省教委制定的《建校标准》。",
            "学习效果没有到达预期，",
            "英语水平必须到达四级要求。",
        ] {
            assert_eq!(
                fixes(text),
                [("到达".to_owned(), "达到".to_owned())],
                "{text}"
            );
        }
    }

    #[test]
    fn arriving_at_a_place_is_left() {
        for text in [
            "公交车很难保证按时到达，造成有的学生迟到。",
            "未能按时到达指定宿舍区域，导致查寝工作推迟。",
            "见远处灯火隐约，不知如何到达。",
            "大家安全到达了目的地，效果很好。",
            "按时到达现场。标准化建设还不够。",
            "未按规定时间到达规定地点。",
            "我们达到了标准。",
            "直到达到女房东“恢复原状”的要求才停下来。",
            "要做到达成目标，还差得远。",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }
}
