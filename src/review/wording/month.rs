//! A month written without `月`: `去年11份，给自己立誓…` is `11月份`. After a year a number
//! from 1 to 12 and `份` that closes the clause or goes on into a time word is a month; `份`
//! as a measure word counts things and goes on into them (`今年3份报告`).

use super::super::{Location, ReviewItem};
use super::{ends_clause, mended_word};

/// Time words that may follow a month (`3份以来`, `11份中旬`).
const TIME_AFTER: &[&str] = &[
    "以来",
    "开始",
    "起",
    "至",
    "到",
    "中旬",
    "上旬",
    "下旬",
    "底",
    "初",
    "前",
    "后",
    "时",
    "的时候",
];

/// Chinese numerals from 一 to 十二, longest first so `十二` is not read as `十`.
const CHINESE_MONTHS: &[&str] = &[
    "十一", "十二", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
];

/// The month that `number` names, written in digits or in Chinese numerals.
fn is_month(number: &str) -> bool {
    if number.bytes().all(|b| b.is_ascii_digit()) {
        return (1..=2).contains(&number.len())
            && number.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m));
    }
    CHINESE_MONTHS.contains(&number)
}

/// Where the number that ends at `end` starts: ASCII digits, or one of [`CHINESE_MONTHS`].
fn number_start(text: &str, end: usize) -> Option<usize> {
    let before = &text[..end];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        return Some(end - digits);
    }
    CHINESE_MONTHS
        .iter()
        .find(|m| before.ends_with(*m))
        .map(|m| end - m.len())
}

/// Whether `before` ends on a year: `去年`, `今年`, `2023年`. Not `全年`, `每年`, `半年`:
/// `全年12份` counts copies.
fn after_a_year(before: &str) -> bool {
    before.strip_suffix('年').is_some_and(|before| {
        before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || "去今明前".contains(c))
    })
}

pub(super) fn check(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, fen) in text.match_indices('份') {
        let Some(start) = number_start(text, at) else {
            continue;
        };
        let number = &text[start..at];
        if !is_month(number) || !after_a_year(&text[..start]) {
            continue;
        }
        let rest = &text[at + fen.len()..];
        if !(ends_clause(rest) || TIME_AFTER.iter().any(|t| rest.starts_with(t))) {
            continue;
        }
        let fixed = format!("{number}月份");
        let message = format!("“{number}份”是月份，漏了“月”：应为“{fixed}”");
        let range = start..at + fen.len();
        items.push(mended_word(location, text, range, "month", message, fixed));
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
    fn a_month_after_a_year_without_yue_is_mended() {
        assert_eq!(
            fixes("去年11份，给自己立誓。今年三份以来没有写。"),
            [
                ("11份".to_owned(), "11月份".to_owned()),
                ("三份".to_owned(), "三月份".to_owned()),
            ]
        );
    }

    #[test]
    fn copies_and_other_numbers_are_left() {
        for text in [
            "今年3份报告没有按时报送。",
            "去年13份，前年2份材料。",
            "全年5份文件，11份。全年12份，每年3份。",
            "2023年11月份以来。",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }
}
