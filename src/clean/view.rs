//! The folded view of a line: what rules are matched against. Each view character remembers
//! the original byte range it came from, so a match in the view cuts the original text.

use unicode_normalization::UnicodeNormalization;

/// Folded text plus, for every byte of it, the original byte range of its character.
#[derive(Debug, Clone)]
pub(crate) struct View {
    pub text: String,
    map: Vec<(usize, usize)>,
}

impl View {
    /// The view of `line`, which starts at byte `base` of the whole text.
    pub fn new(line: &str, base: usize) -> View {
        let mut items: Vec<(char, usize, usize)> = Vec::with_capacity(line.len() / 2);
        for (i, c) in line.char_indices() {
            if is_invisible(c) {
                continue;
            }
            items.push((fold_char(c), base + i, base + i + c.len_utf8()));
        }
        // Skip runs of junk symbols or spaces that sit between two Chinese characters.
        let mut keep = vec![true; items.len()];
        let mut i = 0;
        while i < items.len() {
            if is_skippable(items[i].0) {
                let mut j = i;
                while j < items.len() && is_skippable(items[j].0) {
                    j += 1;
                }
                let before = i > 0 && is_han(items[i - 1].0);
                let after = j < items.len() && is_han(items[j].0);
                if before && after {
                    keep[i..j].iter_mut().for_each(|k| *k = false);
                }
                i = j;
            } else {
                i += 1;
            }
        }
        let mut text = String::with_capacity(line.len());
        let mut map = Vec::with_capacity(line.len());
        for ((c, start, end), keep) in items.into_iter().zip(keep) {
            if keep {
                text.push(c);
                map.extend(std::iter::repeat_n((start, end), c.len_utf8()));
            }
        }
        View { text, map }
    }

    /// Original byte range covered by the view range `start..end` (non-empty).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.map.len());
        (self.map[start].0, self.map[end - 1].1)
    }
}

/// Characters nobody sees: zero-width spaces and joiners, BOM, soft hyphen, direction marks,
/// and control characters other than whitespace.
#[inline]
pub fn is_invisible(c: char) -> bool {
    // Most of any text: printable ASCII and the CJK ideographs, none of them invisible.
    if (' '..='~').contains(&c) || ('\u{3400}'..='\u{9FFF}').contains(&c) || c.is_whitespace() {
        return false;
    }
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
    ) || c.is_control()
}

/// A Chinese character (CJK ideograph).
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2FFFF}'
            | '\u{30000}'..='\u{3134F}'
    )
}

/// Symbols used to break up keywords (`微^信`, `高&质量~服务`) and spaces. Separators that
/// site chrome uses between words (`编辑 | 张三`, `首页 / 范文`) are not among them.
fn is_skippable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '^' | '%'
                | '&'
                | '~'
                | '@'
                | '*'
                | '#'
                | '$'
                | '`'
                | '_'
                | '+'
                | '='
                | '\\'
                | '.'
                | '-'
                | '\''
                | '·'
                | '•'
                | '°'
                | '※'
                | '★'
                | '☆'
                | '○'
                | '●'
                | '◆'
                | '◇'
                | '■'
                | '□'
                | '△'
                | '▲'
                | '♀'
                | '♂'
                | '♡'
                | '♥'
                | '∮'
                | '¤'
                | '〓'
                | '﹏'
        )
}

/// Folds compatibility forms: full-width letters, digits and junk symbols to ASCII,
/// ideographic space to a space, other compatibility letters and digits (`①`, `𝐐`) to ASCII.
/// Chinese punctuation such as `：（），。` stays as it is.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    if c == '\u{3000}' {
        return ' ';
    }
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        if matches!(c, '！' | '（' | '）' | '，' | '：' | '；' | '？') {
            return c;
        }
        return char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
    }
    if is_han(c) && !('\u{F900}'..='\u{FAFF}').contains(&c) {
        return c;
    }
    let mut folded = c.nfkc();
    match (folded.next(), folded.next()) {
        (Some(f), None) if f.is_ascii_alphanumeric() || is_han(f) => f,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obfuscation_is_seen_through_but_offsets_stay_original() {
        let line = "直接添加客服微^信：,为您提供高&质量~服务！";
        let view = View::new(line, 10);
        assert!(view.text.contains("微信："));
        assert!(view.text.contains("高质量服务"));
        let at = view.text.find("微信").unwrap();
        let (s, e) = view.original(at, at + "微信".len());
        assert_eq!(&line[s - 10..e - 10], "微^信");
    }

    #[test]
    fn zero_width_and_full_width_fold() {
        let view = View::new("加\u{200B}微\u{FEFF}信：ＡＢＣ１２３", 0);
        assert_eq!(view.text, "加微信：ABC123");
    }

    #[test]
    fn masks_next_to_digits_are_kept() {
        assert_eq!(View::new("20**年", 0).text, "20**年");
        assert_eq!(View::new("2025 年", 0).text, "2025 年");
    }
}
