//! `象` written for `像` in a likeness: `不会象同学一样对你嘘寒问暖`. `象` is the elephant and
//! the shape of things (`现象`, `形象`, `象征`); likeness, `像……一样`, is `像`, and the
//! standard dictionaries no longer give `象` for it (`好象` is in the word list).

use super::super::{Location, ReviewItem};
use super::{clause_ahead, mended_word};

/// Characters before `象` that make it part of a word (`现象`, `对象`, `想象`, `大象`), and
/// `好`: `好象` is an entry of the word list.
const WORD_BEFORE: &str = "形现对印景气抽想意表假星万具物图征大迹映镜脉乱病天心幻真事卦法好";

/// Characters after `象` that make it part of a word (`象征`, `象棋`, `象牙`).
const WORD_AFTER: &str = "征棋牙形声限素";

/// What closes a likeness (`像……一样`).
const LIKENESS_ENDS: &[&str] = &["一样", "那样", "这样", "似的", "一般"];

/// Longest likeness (in characters) looked for after `象`.
const LIKENESS_CHARS: usize = 12;

pub(super) fn check(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, xiang) in text.match_indices('象') {
        let before = text[..at].chars().next_back();
        let rest = &text[at + xiang.len()..];
        if before.is_some_and(|c| WORD_BEFORE.contains(c))
            || rest.chars().next().is_none_or(|c| WORD_AFTER.contains(c))
        {
            continue;
        }
        let clause = clause_ahead(rest, LIKENESS_CHARS);
        if !LIKENESS_ENDS.iter().any(|end| clause.contains(end)) {
            continue;
        }
        let end = at + xiang.len();
        items.push(mended_word(
            location,
            text,
            at..end,
            "likeness",
            "表示相似、比喻用“像”：“象……一样”应为“像……一样”".to_owned(),
            "像".to_owned(),
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
    fn xiang_in_a_likeness_becomes_the_xiang_of_likeness() {
        assert_eq!(
            fixes("他们不会象同学一样对你嘘寒问暖，干劲象火似的。"),
            [
                ("象".to_owned(), "像".to_owned()),
                ("象".to_owned(), "像".to_owned())
            ]
        );
    }

    #[test]
    fn the_xiang_of_shapes_and_elephants_is_left() {
        for text in [
            "这种现象一样存在，对象一样多，印象一般。",
            "象征意义一般，下象棋一样。",
            "大象一样的身躯，想象这样的场景。",
            "象，是一种动物。",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }
}
