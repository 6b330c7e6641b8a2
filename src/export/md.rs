//! Markdown: the title as `#`, the heading as `##`, categories as `###` in the paragraphs
//! layout, everything else as plain paragraphs.

use super::layout::{Layout, Role, Speech};
use super::txt::is_stray_control;

pub(super) fn write(speech: &Speech, layout: Layout) -> String {
    let mut out = String::new();
    let mut previous = None;
    for paragraph in &speech.paragraphs {
        // A title of several lines is one heading: Markdown has no line break inside one.
        if previous == Some(Role::Title) && paragraph.role == Role::Title {
            out.pop();
            out.push(' ');
            for run in &paragraph.runs {
                escape_into(&mut out, &run.text);
            }
            out.push('\n');
            continue;
        }
        previous = Some(paragraph.role);
        if !out.is_empty() {
            out.push('\n');
        }
        let prefix = match paragraph.role {
            Role::Title => "# ",
            Role::Heading => "## ",
            Role::Category if layout == Layout::Paragraphs => "### ",
            Role::Category | Role::Body | Role::Byline => "",
        };
        out.push_str(prefix);
        let start = out.len();
        for run in &paragraph.runs {
            escape_into(&mut out, &run.text);
        }
        if prefix.is_empty() {
            guard_block_start(&mut out, start);
        }
        out.push('\n');
    }
    out
}

/// Backslash-escapes characters that would otherwise start emphasis, code, links or HTML.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars().filter(|&c| !is_stray_control(c)) {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A plain paragraph that would read as a list item (`- `, `+ `, `1. `) or a thematic break
/// gets its first character escaped.
fn guard_block_start(out: &mut String, start: usize) {
    let line = &out[start..];
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after_digits = line.as_bytes().get(digits).copied();
    let list_marker = matches!(line.as_bytes().first(), Some(b'-' | b'+' | b'='))
        || (digits > 0 && matches!(after_digits, Some(b'.' | b')')));
    if list_marker {
        let at = if digits > 0 { start + digits } else { start };
        out.insert(at, '\\');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::layout::{Paragraph, Run};

    fn body(text: &str) -> Speech {
        Speech {
            paragraphs: vec![Paragraph {
                role: Role::Body,
                runs: vec![Run {
                    text: text.into(),
                    role: Role::Body,
                    source: None,
                }],
            }],
            notes: Vec::new(),
        }
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(write(&body("a*b_c"), Layout::Inline), "a\\*b\\_c\n");
        assert_eq!(write(&body("# 不是标题"), Layout::Inline), "\\# 不是标题\n");
        assert_eq!(write(&body("- 不是列表"), Layout::Inline), "\\- 不是列表\n");
        assert_eq!(write(&body("2023. 年"), Layout::Inline), "2023\\. 年\n");
        assert_eq!(write(&body("2023年"), Layout::Inline), "2023年\n");
    }
}
