//! Numbering marks at the start of a piece of text: `一、`, `（一）`, `1.`, `（1）`, `一是`,
//! `第一，`, `①`. Shared by ad detection (a numbered line is content), line repair (a numbered
//! line starts a new paragraph) and parsing.

use crate::draft::numbering::parse_chinese_number;

/// The style of a numbering mark, from the top of the GB/T 9704 hierarchy down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkKind {
    /// `一、`
    Section,
    /// `（一）`, `(一)`, `〔一〕`
    Paren,
    /// `1.`, `1、`, `1．`
    Arabic,
    /// `（1）`, `(1)`
    ParenArabic,
    /// `一是`
    Shi,
    /// `第一，`, `其一，`
    Ordinal,
    /// `①`
    Circled,
}

/// A mark found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub kind: MarkKind,
    pub number: usize,
    /// Length of the mark in bytes, including its punctuation.
    pub len: usize,
}

fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '两'
            | '〇'
            | '零'
    )
}

/// Longest prefix of Chinese numeral characters (at most five) and its numeric value.
fn cn_number(s: &str) -> Option<(usize, usize)> {
    let len: usize = s
        .chars()
        .take_while(|&c| is_cn_digit(c))
        .take(5)
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    parse_chinese_number(&s[..len]).map(|n| (n, len))
}

/// The value of an ASCII or full-width digit (`1`, `１`).
fn digit_value(c: char) -> Option<usize> {
    match c {
        '0'..='9' => Some(c as usize - '0' as usize),
        '０'..='９' => Some(c as usize - '０' as usize),
        _ => None,
    }
}

/// One or two digits, ASCII or full-width, not zero: value and length in bytes.
fn arabic_number(s: &str) -> Option<(usize, usize)> {
    let mut number = 0;
    let mut len = 0;
    let mut count = 0;
    for c in s.chars() {
        let Some(d) = digit_value(c) else { break };
        number = number * 10 + d;
        len += c.len_utf8();
        count += 1;
    }
    (count > 0 && count <= 2 && number > 0).then_some((number, len))
}

/// Skips spaces (ASCII and ideographic) and returns how many bytes were skipped.
fn spaces(s: &str) -> usize {
    s.chars()
        .take_while(|&c| c == ' ' || c == '\u{3000}')
        .map(char::len_utf8)
        .sum()
}

/// The numbering mark `text` starts with, if any.
pub fn mark_at(text: &str) -> Option<Mark> {
    let first = text.chars().next()?;
    match first {
        '（' | '(' | '〔' | '［' | '[' | '【' => {
            let mut pos = first.len_utf8();
            pos += spaces(&text[pos..]);
            let (number, kind, len) = if let Some((n, len)) = cn_number(&text[pos..]) {
                (n, MarkKind::Paren, len)
            } else {
                let (n, len) = arabic_number(&text[pos..])?;
                (n, MarkKind::ParenArabic, len)
            };
            pos += len;
            pos += spaces(&text[pos..]);
            let close = text[pos..].chars().next()?;
            let matching = match first {
                '（' | '(' => matches!(close, '）' | ')'),
                '〔' => close == '〕',
                '［' | '[' => matches!(close, '］' | ']'),
                _ => close == '】',
            };
            matching.then_some(Mark {
                kind,
                number,
                len: pos + close.len_utf8(),
            })
        }
        '第' | '其' => {
            let pos = first.len_utf8();
            let (number, len) = cn_number(&text[pos..])?;
            let next = text[pos + len..].chars().next()?;
            matches!(next, '，' | ',' | '、' | '：' | ':').then_some(Mark {
                kind: MarkKind::Ordinal,
                number,
                len: pos + len + next.len_utf8(),
            })
        }
        '\u{2460}'..='\u{2473}' => Some(Mark {
            kind: MarkKind::Circled,
            number: (first as usize) - 0x2460 + 1,
            len: first.len_utf8(),
        }),
        '0'..='9' | '０'..='９' => {
            let (number, len) = arabic_number(text)?;
            let mut rest = text[len..].chars();
            let next = rest.next()?;
            let ok = match next {
                '、' => true,
                '.' | '．' => rest.next().is_none_or(|c| digit_value(c).is_none()),
                _ => false,
            };
            ok.then_some(Mark {
                kind: MarkKind::Arabic,
                number,
                len: len + next.len_utf8(),
            })
        }
        _ => {
            let (number, len) = cn_number(text)?;
            let next = text[len..].chars().next()?;
            let kind = match next {
                '是' => MarkKind::Shi,
                '、' | '．' => MarkKind::Section,
                _ => return None,
            };
            Some(Mark {
                kind,
                number,
                len: len + next.len_utf8(),
            })
        }
    }
}

/// True when the text (after leading whitespace) starts with a numbering mark.
pub fn starts_with_mark(text: &str) -> bool {
    mark_at(text.trim_start()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<(MarkKind, usize, &str)> {
        mark_at(s).map(|m| (m.kind, m.number, &s[..m.len]))
    }

    #[test]
    fn recognises_every_style() {
        assert_eq!(kind("一、检视"), Some((MarkKind::Section, 1, "一、")));
        assert_eq!(kind("（十二）在"), Some((MarkKind::Paren, 12, "（十二）")));
        assert_eq!(kind("(三)在"), Some((MarkKind::Paren, 3, "(三)")));
        assert_eq!(kind("〔四〕在"), Some((MarkKind::Paren, 4, "〔四〕")));
        assert_eq!(kind("1.学习"), Some((MarkKind::Arabic, 1, "1.")));
        assert_eq!(kind("12、学习"), Some((MarkKind::Arabic, 12, "12、")));
        assert_eq!(kind("（2）学习"), Some((MarkKind::ParenArabic, 2, "（2）")));
        assert_eq!(kind("十一是学习"), Some((MarkKind::Shi, 11, "十一是")));
        assert_eq!(kind("第三，学习"), Some((MarkKind::Ordinal, 3, "第三，")));
        assert_eq!(kind("其二，学习"), Some((MarkKind::Ordinal, 2, "其二，")));
        assert_eq!(kind("②学习"), Some((MarkKind::Circled, 2, "②")));
        assert_eq!(kind("１．学习"), Some((MarkKind::Arabic, 1, "１．")));
        assert_eq!(kind("１２、学习"), Some((MarkKind::Arabic, 12, "１２、")));
        assert_eq!(
            kind("（３）学习"),
            Some((MarkKind::ParenArabic, 3, "（３）"))
        );
    }

    #[test]
    fn rejects_lookalikes() {
        assert_eq!(kind("统一是"), None);
        assert_eq!(kind("1.5倍"), None);
        assert_eq!(kind("１．５倍"), None);
        assert_eq!(kind("２０２４年"), None);
        assert_eq!(kind("2025年"), None);
        assert_eq!(kind("十分重要"), None);
        assert_eq!(kind("第一书记"), None);
        assert_eq!(kind("（问题部分）"), None);
        assert_eq!(kind("一一是"), None);
    }
}
