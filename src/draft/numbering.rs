//! Numbers derived from position: `一是` for findings, `（一）` for categories.

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// Chinese numeral as used in counting: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五.
/// Numbers of ten thousand and above fall back to Arabic digits, which no speech reaches.
pub fn chinese_number(n: usize) -> String {
    if n == 0 {
        return DIGITS[0].to_owned();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let units = [(1000, "千"), (100, "百"), (10, "十")];
    let mut out = String::new();
    let mut rest = n;
    let mut pending_zero = false;
    for (value, unit) in units {
        let digit = rest / value;
        rest %= value;
        if digit == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push_str(DIGITS[0]);
            pending_zero = false;
        }
        // 10–19 read 十, 十一 … rather than 一十, 一十一 when they stand alone.
        if !(value == 10 && digit == 1 && out.is_empty()) {
            out.push_str(DIGITS[digit]);
        }
        out.push_str(unit);
    }
    if rest > 0 {
        if pending_zero {
            out.push_str(DIGITS[0]);
        }
        out.push_str(DIGITS[rest]);
    }
    out
}

/// The counting word of the finding at 0-based `index`: `一是`, `二是`, … `十一是`.
pub fn finding_label(index: usize) -> String {
    format!("{}是", chinese_number(index + 1))
}

/// The number of the category at 0-based `index`: `（一）`, `（二）`, …
pub fn category_label(index: usize) -> String {
    format!("（{}）", chinese_number(index + 1))
}

/// Parses a Chinese numeral written the way [`chinese_number`] writes it (also `两`, `〇`),
/// for readers of material. Returns None for anything else.
pub fn parse_chinese_number(text: &str) -> Option<usize> {
    if text.is_empty() {
        return None;
    }
    let digit = |c: char| -> Option<usize> {
        match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        }
    };
    let mut total = 0;
    let mut current: Option<usize> = None;
    for c in text.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                let d = digit(c)?;
                if current.is_some() && d != 0 {
                    return None;
                }
                current = if d == 0 { None } else { Some(d) };
                continue;
            }
        };
        let value = current.unwrap_or(if unit == 10 && total == 0 { 1 } else { 0 });
        if value == 0 {
            return None;
        }
        total += value * unit;
        current = None;
    }
    let total = total + current.unwrap_or(0);
    (total > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_labels_one_to_ninety_nine() {
        let expected = [
            (1, "一是"),
            (2, "二是"),
            (9, "九是"),
            (10, "十是"),
            (11, "十一是"),
            (19, "十九是"),
            (20, "二十是"),
            (21, "二十一是"),
            (30, "三十是"),
            (45, "四十五是"),
            (90, "九十是"),
            (99, "九十九是"),
        ];
        for (n, label) in expected {
            assert_eq!(finding_label(n - 1), label, "n = {n}");
        }
    }

    #[test]
    fn category_labels_one_to_ninety_nine() {
        assert_eq!(category_label(0), "（一）");
        assert_eq!(category_label(5), "（六）");
        assert_eq!(category_label(9), "（十）");
        assert_eq!(category_label(10), "（十一）");
        assert_eq!(category_label(98), "（九十九）");
    }

    #[test]
    fn every_label_up_to_ninety_nine_is_unique_and_reads_back() {
        let mut seen = std::collections::HashSet::new();
        for n in 1..=999 {
            let word = chinese_number(n);
            assert!(seen.insert(word.clone()), "{word} twice");
            assert_eq!(parse_chinese_number(&word), Some(n), "{word}");
        }
    }

    #[test]
    fn hundreds_use_zero_where_spoken() {
        assert_eq!(chinese_number(100), "一百");
        assert_eq!(chinese_number(105), "一百零五");
        assert_eq!(chinese_number(110), "一百一十");
        assert_eq!(chinese_number(1001), "一千零一");
    }

    #[test]
    fn parse_rejects_non_numbers() {
        assert_eq!(parse_chinese_number(""), None);
        assert_eq!(parse_chinese_number("统"), None);
        assert_eq!(parse_chinese_number("一一"), None);
        assert_eq!(parse_chinese_number("两"), Some(2));
    }
}
