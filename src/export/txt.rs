//! Plain text: the title on the first line, every other paragraph opened by two U+3000, a
//! blank line between paragraphs (a title of several lines keeps its lines together).

use super::layout::{Role, Speech};

const INDENT: &str = "\u{3000}\u{3000}";

/// Control characters other than the tab: never written to a text export.
pub(super) fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\t'
}

/// The .txt file's bytes.
pub(super) fn write(speech: &Speech, bom: bool, crlf: bool) -> Vec<u8> {
    let text = text(speech, if crlf { "\r\n" } else { "\n" });
    let mut bytes = Vec::with_capacity(text.len() + 3);
    if bom {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// The speech as text with `newline` as line end; ends with one line end.
pub(super) fn text(speech: &Speech, newline: &str) -> String {
    let size: usize = speech
        .paragraphs
        .iter()
        .flat_map(|p| &p.runs)
        .map(|r| r.text.len())
        .sum();
    let mut out = String::with_capacity(size + speech.paragraphs.len() * 12);
    let mut previous = None;
    for paragraph in &speech.paragraphs {
        // A blank line between paragraphs, but the lines of a title stay together.
        let title_goes_on = matches!(previous, Some(Role::Title | Role::Byline))
            && matches!(paragraph.role, Role::Title | Role::Byline);
        if previous.is_some() && !title_goes_on {
            out.push_str(newline);
        }
        previous = Some(paragraph.role);
        if !matches!(paragraph.role, Role::Title | Role::Byline) {
            out.push_str(INDENT);
        }
        for run in &paragraph.runs {
            // A NUL or an escape sequence pasted into a draft is no part of the speech, and
            // would make Notepad and other readers stop or misdraw.
            out.extend(run.text.chars().filter(|&c| !is_stray_control(c)));
        }
        out.push_str(newline);
    }
    out
}
