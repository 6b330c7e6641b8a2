//! How draft and recovery files are written: RON whose strings hold every character as itself
//! except `\`, `"`, `'` and control characters, which are escaped (so a file never holds a raw
//! NUL or escape code, and a material full of combining marks stays about as large as its text).
//!
//! RON's own escaping runs `char::escape_debug` over every character of every string, which
//! then had to be undone for all but the controls: that pass was the largest single cost of
//! importing a large material. So the strings are written unescaped by RON and escaped here, in
//! one pass over the bytes that looks only at the few bytes that can need an escape.

use serde::Serialize;

/// `value` as RON text in Pouxi's layout ([`super::pretty_config`]).
pub(crate) fn to_ron<T: Serialize>(value: &T) -> ron::Result<String> {
    let config = super::pretty_config().escape_strings(false);
    let text = super::ron_options().to_string_pretty(value, config)?;
    Ok(escape_literals(&text))
}

/// Rewrites every string literal of RON written with `escape_strings(false)` in the escaped
/// form. Such RON writes a string as `"…"` when it holds no `"` or `\`, otherwise as a raw
/// string `r#"…"#` with one more `#` than the longest run of them inside, so the end of each
/// literal is found without reading its content. Outside string literals Pouxi's RON holds
/// identifiers, numbers and punctuation only (no quotes, no `#`).
fn escape_literals(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (content, next) = match bytes[i] {
            b'"' => {
                let start = i + 1;
                let end = find_quote(bytes, start);
                (start..end, end + 1)
            }
            b'r' if bytes.get(i + 1) == Some(&b'#') => {
                let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
                let start = i + 1 + hashes + 1;
                let closes = |at: usize| {
                    bytes.len() > at + hashes
                        && bytes[at + 1..=at + hashes].iter().all(|&b| b == b'#')
                };
                let mut end = find_quote(bytes, start);
                while end < bytes.len() && !closes(end) {
                    end = find_quote(bytes, end + 1);
                }
                (start..end, end + 1 + hashes)
            }
            b'\'' => {
                // A character literal (none in a draft today): stepped over as RON wrote it.
                let escaped = bytes.get(i + 1) == Some(&b'\\');
                let from = i + if escaped { 3 } else { 2 };
                i = find(bytes, from.min(bytes.len()), |at| bytes[at] == b'\'') + 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let content = content.start.min(bytes.len())..content.end.min(bytes.len());
        out.push_str(&text[copied..i]);
        push_literal(&mut out, &text[content]);
        i = next.min(bytes.len());
        copied = i;
    }
    out.push_str(&text[copied.min(text.len())..]);
    out
}

/// The first position from `start` where `at` holds, or the end of `bytes`.
fn find(bytes: &[u8], start: usize, at: impl Fn(usize) -> bool) -> usize {
    (start..bytes.len()).find(|&i| at(i)).unwrap_or(bytes.len())
}

/// The first `"` from `start`, or the end of `bytes`: a draft's literals are most of its file.
fn find_quote(bytes: &[u8], start: usize) -> usize {
    bytes
        .get(start..)
        .and_then(|rest| memchr::memchr(b'"', rest))
        .map_or(bytes.len(), |at| start + at)
}

/// Whether `b` can start a character that a literal escapes: ASCII controls, DEL, the three
/// quoted characters, and 0xC2, the lead byte of the C1 controls.
fn may_need_escape(b: u8) -> bool {
    // Without short-circuits, so that the test of a chunk's bytes can run as one.
    (b < 0x20) | (b == 0x7f) | (b == b'"') | (b == b'\\') | (b == b'\'') | (b == 0xc2)
}

/// Bytes looked at together when skipping what needs no escape.
const SKIP_CHUNK: usize = 16;

/// `"s"` with `\`, `"`, `'` and control characters escaped as `char::escape_debug` escapes
/// them, every other character as itself.
fn push_literal(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Most of a literal is Chinese text with nothing to escape: it is passed over a chunk
        // at a time, each chunk's bytes tested together (the compiler makes that one vector
        // test).
        if let Some(chunk) = bytes[i..].first_chunk::<SKIP_CHUNK>()
            && !chunk.iter().fold(false, |any, &b| any | may_need_escape(b))
        {
            i += SKIP_CHUNK;
            continue;
        }
        if !may_need_escape(bytes[i]) {
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let escape = match c {
            '\t' => Some("\\t"),
            '\r' => Some("\\r"),
            '\n' => Some("\\n"),
            '\0' => Some("\\0"),
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\'' => Some("\\'"),
            _ => None,
        };
        if escape.is_some() || c.is_control() {
            out.push_str(&s[run..i]);
            match escape {
                Some(escape) => out.push_str(escape),
                None => {
                    use std::fmt::Write as _;
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                }
            }
            run = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// The writer this module replaces: RON's escaping, then every `\u{…}` escape of a character
/// that is not a control put back as the character itself. Kept as the reference the new
/// writer must equal byte for byte, so files written before and after read the same.
#[cfg(test)]
pub(crate) fn unescape_printable(text: String) -> String {
    if !text.contains("\\u{") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        match literal_of(escape) {
            Some((c, len)) => {
                out.push(c);
                rest = &escape[len..];
            }
            None => {
                // Keep the backslash and the character it escapes, so `\\u{301}` (a
                // backslash followed by plain text) stays as it was.
                let len = escape[1..].chars().next().map_or(1, |c| 1 + c.len_utf8());
                out.push_str(&escape[..len]);
                rest = &escape[len..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `\u{HEX}` at the start of `escape` naming a character that may stand as itself: the
/// character and the escape's length in bytes.
#[cfg(test)]
fn literal_of(escape: &str) -> Option<(char, usize)> {
    let body = escape.strip_prefix("\\u{")?;
    let close = body.find('}')?;
    let hex = &body[..close];
    if hex.is_empty() || hex.len() > 6 {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    (!c.is_control() && c != '"' && c != '\\').then_some((c, "\\u{".len() + close + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    #[test]
    fn marks_come_back_and_controls_stay_escaped() {
        assert_eq!(
            unescape_printable(r#""e\u{301}\u{200b}\u{0}\n\\u{301}""#.to_owned()),
            "\"e\u{301}\u{200b}\\u{0}\\n\\\\u{301}\""
        );
        assert_eq!(unescape_printable("\"\\u{1b}\"".to_owned()), "\"\\u{1b}\"");
        assert_eq!(
            unescape_printable("\"\\u{zz}\\\"".to_owned()),
            "\"\\u{zz}\\\""
        );
    }

    #[derive(Serialize)]
    struct Sample<'a> {
        title: &'a str,
        list: Vec<&'a str>,
        map: BTreeMap<&'a str, &'a str>,
        number: u32,
    }

    /// What the old writer made of `value`.
    fn reference<T: Serialize>(value: &T) -> String {
        let text = crate::store::ron_options()
            .to_string_pretty(value, crate::store::pretty_config())
            .unwrap();
        unescape_printable(text)
    }

    fn sample(s: &str) -> Sample<'_> {
        let mut map = BTreeMap::new();
        map.insert(s, s);
        map.insert("键", "值");
        Sample {
            title: s,
            list: vec![s, "", "r#\"", s],
            map,
            number: 7,
        }
    }

    #[test]
    fn every_character_below_0x3000_is_written_as_the_old_writer_wrote_it() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        for chunk in all.chars().collect::<Vec<_>>().chunks(97) {
            let s: String = chunk.iter().collect();
            let value = sample(&s);
            assert_eq!(to_ron(&value).unwrap(), reference(&value), "{s:?}");
        }
    }

    #[test]
    fn quotes_hashes_and_marks_are_written_as_the_old_writer_wrote_them() {
        for s in [
            "",
            "\"",
            "\\",
            "'",
            "\"#",
            "a\"##b\"#c",
            "##\"###",
            "r#\"x\"#",
            "e\u{301}\u{200b}\u{0}\n\\u{301}",
            "第一，\t“引号”\r\n\u{85}\u{9f}\u{a0}\u{7f}\u{1b}",
            "😀\u{e000}\u{10ffff}\u{fffd}",
        ] {
            let value = sample(s);
            assert_eq!(to_ron(&value).unwrap(), reference(&value), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn any_string_is_written_as_the_old_writer_wrote_it(s in any::<String>(), t in "[\"#r\\\\'a\\n]{0,12}") {
            for s in [s.as_str(), t.as_str()] {
                let value = sample(s);
                prop_assert_eq!(to_ron(&value).unwrap(), reference(&value));
            }
        }
    }
}
