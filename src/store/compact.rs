//! RON writes every character `char::escape_debug` escapes as `\u{…}`: each combining mark,
//! each unassigned or invisible character. A material full of combining marks then grows
//! fourfold on saving, past what Pouxi agrees to read back. [`unescape_printable`] puts such
//! characters back as themselves, so a draft file is about as large as its text.

/// Rewrites `\u{…}` escapes inside RON string literals as the characters themselves, except
/// control characters (which stay escaped, so a file never holds a raw NUL or escape code).
/// Outside string literals Pouxi's RON has no backslashes, so a linear scan that steps over
/// `\\` pairs sees every escape exactly once.
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
}
