//! Two decades run together with `十` in the wrong place: `六十七年代` is `六七十年代` (the
//! sixties and seventies). A decade ends in `十`, so a digit between `十` and `年代` that is
//! the next one up can only be the second decade of a pair written out of order.

use super::super::{Location, ReviewItem};
use super::mended_word;

const DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

pub(super) fn check(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, _) in text.match_indices("年代") {
        // The three characters before `年代`: a digit, `十`, a digit.
        let Some((start, _)) = text[..at].char_indices().rev().nth(2) else {
            continue;
        };
        let mut three = text[start..at].chars();
        let (Some(first), Some('十'), Some(second)) = (three.next(), three.next(), three.next())
        else {
            continue;
        };
        let place = |c: char| DIGITS.iter().position(|&d| d == c);
        let next_up = place(first)
            .zip(place(second))
            .is_some_and(|(first, second)| second == first + 1);
        if !next_up {
            continue;
        }
        let range = start..at + "年代".len();
        let fixed = format!("{first}{second}十年代");
        let message = format!("“{}”把两个年代写乱了：应为“{fixed}”", &text[range.clone()]);
        items.push(mended_word(location, text, range, "decade", message, fixed));
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
    fn two_decades_run_together_are_put_in_order() {
        assert_eq!(
            fixes("90%以上都是六十七年代的民师转正来的，八十九年代参加工作。"),
            [
                ("六十七年代".to_owned(), "六七十年代".to_owned()),
                ("八十九年代".to_owned(), "八九十年代".to_owned()),
            ]
        );
    }

    #[test]
    fn decades_written_right_are_left() {
        for text in [
            "上世纪六七十年代，五六十年代出生的干部。",
            "六十年代、七十年代的老党员。",
            "二十一世纪，第十七年，三十五年代表大会。",
            "年代久远，十年代",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }
}
