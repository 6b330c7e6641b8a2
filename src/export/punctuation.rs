//! Half-width punctuation inside Chinese text, as pasted material brings it (`, ; : ? ! ( )`,
//! `(1)`), turned full-width for print. Latin words, URLs, times and numbers keep theirs: a
//! mark changes only when Chinese stands right beside it.

use super::layout::Speech;

/// One mark changed, and where: the few characters around it, for the export dialog's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PunctuationFix {
    pub from: char,
    pub to: char,
    /// The text around the mark after the change, the mark included.
    pub context: String,
}

/// Turns half-width marks beside Chinese text full-width in every run of the speech and lists
/// each change.
pub fn fix_speech(speech: &mut Speech) -> Vec<PunctuationFix> {
    let mut fixes = Vec::new();
    for paragraph in &mut speech.paragraphs {
        for run in &mut paragraph.runs {
            let (text, mut found) = full_width(&run.text);
            if !found.is_empty() {
                run.text = text;
                fixes.append(&mut found);
            }
        }
    }
    fixes
}

/// `text` with half-width marks beside Chinese turned full-width, and the changes.
pub fn full_width(text: &str) -> (String, Vec<PunctuationFix>) {
    let chars: Vec<char> = text.chars().collect();
    let protected = protected_spans(&chars);
    let mut out = chars.clone();
    let mut changed = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if protected[i] {
            continue;
        }
        let Some(wide) = wide_form(c) else { continue };
        let before = chars[..i].iter().rev().find(|c| **c != ' ').copied();
        let after = chars[i + 1..].iter().find(|c| **c != ' ').copied();
        let beside_chinese = before.is_some_and(is_chinese) || after.is_some_and(is_chinese);
        let convert = match c {
            // Brackets go by what is around the pair: `(1)` opening a Chinese sentence, or
            // `（注：…）` in Chinese, but never `f(x)` or `(Beijing)` in a Latin phrase.
            '(' => bracket_pair_in_chinese(&chars, i),
            ')' => {
                matching_open(&chars, i).is_some_and(|open| bracket_pair_in_chinese(&chars, open))
            }
            // `10:30` and `1,000` are numbers.
            ':' | ',' => {
                beside_chinese
                    && !(before.is_some_and(|b| b.is_ascii_digit())
                        && after.is_some_and(|a| a.is_ascii_digit()))
            }
            _ => beside_chinese,
        };
        if convert {
            out[i] = wide;
            changed.push(i);
        }
    }
    let fixes = changed
        .into_iter()
        .map(|i| {
            let start = i.saturating_sub(6);
            let end = (i + 7).min(out.len());
            PunctuationFix {
                from: chars[i],
                to: out[i],
                context: out[start..end].iter().collect(),
            }
        })
        .collect();
    (out.into_iter().collect(), fixes)
}

/// The full-width form of a half-width punctuation mark that Chinese text writes full-width
/// (`,` → `，`), or `None` for any other character.
pub fn wide_form(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// Han characters and CJK punctuation.
fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Whether the bracket pair opening at `open` sits in Chinese: Chinese right outside it, or
/// the pair opens the text and Chinese follows it (`(1)加强学习`), or it holds Chinese.
fn bracket_pair_in_chinese(chars: &[char], open: usize) -> bool {
    let Some(close) = matching_close(chars, open) else {
        return false;
    };
    let inside = &chars[open + 1..close];
    let before = chars[..open].iter().rev().find(|c| **c != ' ').copied();
    let after = chars[close + 1..].iter().find(|c| **c != ' ').copied();
    let latin_outside = before.is_some_and(|c| c.is_ascii_alphanumeric())
        || after.is_some_and(|c| c.is_ascii_alphabetic());
    if latin_outside {
        return false;
    }
    inside.iter().any(|c| is_chinese(*c))
        || before.is_some_and(is_chinese)
        || after.is_some_and(is_chinese)
}

fn matching_close(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn matching_open(chars: &[char], close: usize) -> Option<usize> {
    let mut depth = 0usize;
    for i in (0..=close).rev() {
        match chars[i] {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Characters inside a URL, a domain or an e-mail address: their marks are never touched.
fn protected_spans(chars: &[char]) -> Vec<bool> {
    let mut protected = vec![false; chars.len()];
    let text: String = chars.iter().collect();
    let lower = text.to_ascii_lowercase();
    // Byte offsets to char indices: the markers looked for are ASCII.
    let char_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    for marker in ["http://", "https://", "www.", "@"] {
        let mut from = 0;
        while let Some(found) = lower[from..].find(marker) {
            let byte = from + found;
            let start = char_at.partition_point(|&b| b < byte);
            // Back over the e-mail's local part, forward over the address.
            let mut begin = start;
            if marker == "@" {
                while begin > 0 && is_address_char(chars[begin - 1]) {
                    begin -= 1;
                }
            }
            let mut end = start + marker.chars().count();
            while end < chars.len() && is_address_char(chars[end]) {
                end += 1;
            }
            for p in &mut protected[begin..end] {
                *p = true;
            }
            from = byte + marker.len();
        }
    }
    protected
}

fn is_address_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        full_width(text).0
    }

    #[test]
    fn marks_beside_chinese_turn_full_width() {
        assert_eq!(
            fixed("学习不深,研究不透;原因有二:一是(1)学得少!"),
            "学习不深，研究不透；原因有二：一是（1）学得少！"
        );
        assert_eq!(fixed("(1)加强理论学习"), "（1）加强理论学习");
        assert_eq!(fixed("对照检查(含案例)"), "对照检查（含案例）");
        assert_eq!(fixed("是否到位?"), "是否到位？");
        // Chinese text brackets a Latin gloss full-width too (GB/T 15834).
        assert_eq!(fixed("使用(Beijing)字样"), "使用（Beijing）字样");
    }

    #[test]
    fn latin_urls_times_and_numbers_keep_their_marks() {
        for text in [
            "Hello, world; f(x) = 1",
            "见 https://example.com/a?b=1,2;c=(3) 一文",
            "会议于10:30开始，投资1,000万元，增长3.5%",
            "联系 abc.def@example.com 获取",
        ] {
            assert_eq!(fixed(text), text, "{text}");
        }
    }

    #[test]
    fn every_change_is_listed_with_its_context() {
        let (text, fixes) = full_width("一是学习不深,二是研究不透");
        assert_eq!(text, "一是学习不深，二是研究不透");
        assert_eq!(fixes.len(), 1);
        assert_eq!((fixes[0].from, fixes[0].to), (',', '，'));
        assert!(fixes[0].context.contains("不深，二是"), "{:?}", fixes[0]);
    }

    #[test]
    fn unbalanced_brackets_are_left_alone() {
        assert_eq!(fixed("(未完"), "(未完");
        assert_eq!(fixed("完)"), "完)");
    }
}
