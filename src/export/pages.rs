//! The speech on the printed page: the lines and pages the .docx prints as, worked out on the
//! same grid (28 characters a line, 22 lines a page), for the export dialog's page preview and
//! the 页数 in the status bar.
//!
//! Lines break where Word and LibreOffice break them: as many characters as the line holds,
//! then 避头尾 — a mark that may not open a line (、，。） …) takes the character before it
//! down with it, and one that may not close a line (（“ …) goes down to the next. Measured
//! against LibreOffice's rendering of the seed in `tests/export_print.rs`.

use super::grid::{
    BODY_SIZE, BODY_TRACKING, FIRST_LINE_INDENT, FOOTER_DISTANCE, LINE, LINES_PER_PAGE,
    MARGIN_LEFT, MARGIN_TOP, PAGE_HEIGHT, PAGE_NUMBER_INSET, PAGE_NUMBER_LINE, PAGE_NUMBER_SIZE,
    PAGE_WIDTH, TEXT_WIDTH, TITLE_SIZE,
};
use super::layout::{Paragraph, Role, Speech};
use super::title_lines::title_lines;

/// One printed line: its text, what it is, and where each character sits.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedLine {
    pub text: String,
    /// The role of the paragraph the line belongs to; `roles` gives each character's.
    pub role: Role,
    /// Each character's role (a category's name opens an inline paragraph in 楷体).
    pub roles: Vec<Role>,
    /// Each character's left edge, in points from the text block's left edge.
    pub x: Vec<f32>,
    /// Font size in points.
    pub size: f32,
}

/// A page: its rows from the top of the text block; `None` is a blank row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PrintedPage {
    pub rows: Vec<Option<PrintedLine>>,
}

/// The page the .docx prints on, in points, for painting it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageGeometry {
    pub page_width: f32,
    pub page_height: f32,
    /// The text block's top-left corner on the page.
    pub text_left: f32,
    pub text_top: f32,
    pub text_width: f32,
    /// One row of fixed line spacing.
    pub row: f32,
    pub rows: usize,
    /// The page number's top, from the page's top (7 mm under the text block).
    pub page_number_top: f32,
    /// The page number's distance from the text block's edge.
    pub page_number_inset: f32,
    pub page_number_size: f32,
}

/// The page of GB/T 9704 as the .docx sets it up.
pub fn geometry() -> PageGeometry {
    let page_height = twips_to_points(PAGE_HEIGHT);
    // The footer's one exact line ends at the bottom margin's footer distance: see grid.rs.
    let page_number_top =
        page_height - twips_to_points(FOOTER_DISTANCE) - twips_to_points(PAGE_NUMBER_LINE);
    PageGeometry {
        page_width: twips_to_points(PAGE_WIDTH),
        page_height,
        text_left: twips_to_points(MARGIN_LEFT),
        text_top: twips_to_points(MARGIN_TOP),
        text_width: twips_to_points(TEXT_WIDTH),
        row: twips_to_points(LINE),
        rows: LINES_PER_PAGE,
        page_number_top,
        page_number_inset: twips_to_points(PAGE_NUMBER_INSET),
        page_number_size: PAGE_NUMBER_SIZE as f32 / 2.0,
    }
}

/// Lays `speech` out on pages as the .docx prints it.
pub fn paginate(speech: &Speech) -> Vec<PrintedPage> {
    let mut rows: Vec<Row> = Vec::new();
    let paragraphs = &speech.paragraphs;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        // The title's lines and the byline under them are centred; a blank row follows them.
        let head = |role: Role| matches!(role, Role::Title | Role::Byline);
        if head(paragraph.role) {
            let lines = match paragraph.role {
                Role::Title => title_lines(&paragraph.text()),
                _ => vec![paragraph.text()],
            };
            for text in lines {
                rows.push(Row::line(centred_line(&text, paragraph.role), false));
            }
            if !paragraphs.get(i + 1).is_some_and(|p| head(p.role)) {
                rows.push(Row::Blank);
            }
            continue;
        }
        let keep_with_next = keeps_with_next(paragraph) && i + 1 < paragraphs.len();
        let lines = break_paragraph(paragraph);
        let last = lines.len().saturating_sub(1);
        for (j, line) in lines.into_iter().enumerate() {
            rows.push(Row::line(line, keep_with_next && j == last));
        }
    }
    into_pages(rows)
}

/// How many pages the speech prints on.
pub fn page_count(speech: &Speech) -> usize {
    paginate(speech).len()
}

enum Row {
    Blank,
    Line {
        line: PrintedLine,
        /// A heading's last line: it may not end a page (Word's 与下段同页).
        keep_with_next: bool,
    },
}

impl Row {
    fn line(line: PrintedLine, keep_with_next: bool) -> Row {
        Row::Line {
            line,
            keep_with_next,
        }
    }
}

fn into_pages(rows: Vec<Row>) -> Vec<PrintedPage> {
    let mut pages = vec![PrintedPage::default()];
    let mut rows = rows.into_iter().peekable();
    while let Some(row) = rows.next() {
        let page = pages.last_mut().expect("pages starts with one page");
        let room = LINES_PER_PAGE - page.rows.len();
        let keep = matches!(
            row,
            Row::Line {
                keep_with_next: true,
                ..
            }
        );
        // A heading on the last row goes over with the line it introduces.
        if keep && room == 1 && rows.peek().is_some() && !page.rows.is_empty() {
            pages.push(PrintedPage::default());
        }
        let page = pages.last_mut().expect("pages starts with one page");
        page.rows.push(match row {
            Row::Blank => None,
            Row::Line { line, .. } => Some(line),
        });
        if page.rows.len() == LINES_PER_PAGE && rows.peek().is_some() {
            pages.push(PrintedPage::default());
        }
    }
    pages
}

/// The `一、` heading and a category on its own line are kept with what follows them.
fn keeps_with_next(paragraph: &Paragraph) -> bool {
    match paragraph.role {
        Role::Heading => true,
        Role::Category => paragraph.runs.iter().all(|r| r.role == Role::Category),
        Role::Title | Role::Byline | Role::Body => false,
    }
}

/// A title or byline line, centred in the text block (titles are broken to fit before they
/// get here; a byline is one short line).
fn centred_line(text: &str, role: Role) -> PrintedLine {
    let (size, tracking) = match role {
        Role::Title => (TITLE_SIZE, 0),
        _ => (BODY_SIZE, BODY_TRACKING),
    };
    let widths: Vec<f32> = text
        .chars()
        .map(|c| advance(c, size, tracking) as f32 / 1000.0 / 20.0)
        .collect();
    let total: f32 = widths.iter().sum();
    let mut x = ((twips_to_points(TEXT_WIDTH) - total) / 2.0).max(0.0);
    let mut xs = Vec::with_capacity(widths.len());
    for w in widths {
        xs.push(x);
        x += w;
    }
    PrintedLine {
        text: text.to_owned(),
        role,
        roles: vec![role; xs.len()],
        x: xs,
        size: size as f32 / 2.0,
    }
}

/// Breaks a body paragraph into its printed lines, justified as Word justifies them.
fn break_paragraph(paragraph: &Paragraph) -> Vec<PrintedLine> {
    let mut chars: Vec<(char, Role)> = Vec::new();
    for run in &paragraph.runs {
        for c in run.text.chars() {
            // Line breaks typed inside a field print as spaces (the .docx writes w:br only
            // for the title and ledger).
            let c = if c == '\n' || c == '\r' { ' ' } else { c };
            chars.push((c, run.role));
        }
    }
    let widths: Vec<i64> = chars
        .iter()
        .map(|&(c, _)| advance(c, BODY_SIZE, BODY_TRACKING))
        .collect();
    let full = i64::from(TEXT_WIDTH) * 1000;
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let indent = if start == 0 {
            i64::from(FIRST_LINE_INDENT) * 1000
        } else {
            0
        };
        let room = full - indent;
        let end = line_end(&chars, &widths, start, room);
        let last = end == chars.len();
        lines.push(place(
            &chars[start..end],
            &widths[start..end],
            indent,
            room,
            last,
            paragraph.role,
        ));
        start = end;
    }
    lines
}

/// Where the line that starts at `start` ends (exclusive).
fn line_end(chars: &[(char, Role)], widths: &[i64], start: usize, room: i64) -> usize {
    let mut used = 0;
    let mut end = start;
    while end < chars.len() && used + widths[end] <= room {
        used += widths[end];
        end += 1;
    }
    if end == start {
        // A character wider than the line still takes one.
        return (start + 1).min(chars.len());
    }
    if end == chars.len() {
        return end;
    }
    // A Latin word or a number is not broken.
    if is_word_char(chars[end].0) && is_word_char(chars[end - 1].0) {
        let mut back = end - 1;
        while back > start && is_word_char(chars[back - 1].0) {
            back -= 1;
        }
        if back > start {
            end = back;
        }
    }
    // 避头尾: the next line may not open with a closing mark, this one not end on an opening one.
    while end - start > 1 && (NO_LINE_START.contains(chars[end].0)) {
        end -= 1;
    }
    while end - start > 1 && NO_LINE_END.contains(chars[end - 1].0) {
        end -= 1;
    }
    end
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Marks that may not open a line (Word's and LibreOffice's default list for Chinese, the
/// ones that occur in speeches).
const NO_LINE_START: &str = "!%),.:;?]}¢°·’\"†‡›℃∶、。〃〆〕〗〞﹚﹜！＂％＇），．：；？］｝～–—…‖”〉》」』】︰︶︸︺︼︾﹀﹂﹄";
/// Marks that may not close a line.
const NO_LINE_END: &str = "$(£¥·‘\"〈《「『【〔〖〝﹙﹛＄（．［｛￡￥“";

/// Places a line's characters: justified across the line unless it ends its paragraph.
fn place(
    chars: &[(char, Role)],
    widths: &[i64],
    indent: i64,
    room: i64,
    last: bool,
    role: Role,
) -> PrintedLine {
    let used: i64 = widths.iter().sum();
    let gaps = chars.len().saturating_sub(1) as i64;
    let stretch = if last || gaps == 0 {
        0
    } else {
        (room - used).max(0) / gaps
    };
    let mut x = indent;
    let mut xs = Vec::with_capacity(chars.len());
    for &w in widths {
        xs.push(x as f32 / 1000.0 / 20.0);
        x += w + stretch;
    }
    PrintedLine {
        text: chars.iter().map(|&(c, _)| c).collect(),
        role,
        roles: chars.iter().map(|&(_, r)| r).collect(),
        x: xs,
        size: BODY_SIZE as f32 / 2.0,
    }
}

/// A character's advance in thousandths of a twip at `size` half-points, with `tracking`
/// twentieths of a point added: Han characters, full-width marks and curly quotes fill the
/// em (Word sets “” in the Chinese font), Latin letters and digits take Times New Roman's
/// widths (the Latin font the .docx names).
fn advance(c: char, size: u32, tracking: i32) -> i64 {
    let em = i64::from(size) * 10_000; // half-points → thousandths of a twip
    let width = if c.is_ascii() {
        em * i64::from(times_width(c)) / 1000
    } else if is_narrow(c) {
        em / 2
    } else {
        em
    };
    width + i64::from(tracking) * 1000
}

/// Non-ASCII characters set half-width: Latin-1 and other alphabetic scripts.
fn is_narrow(c: char) -> bool {
    let code = c as u32;
    (0x00A0..0x2000).contains(&code) && !matches!(c, '·' | '×' | '÷')
}

/// Times New Roman's advance widths for printable ASCII, in thousandths of an em.
fn times_width(c: char) -> u16 {
    const WIDTHS: [u16; 95] = [
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250,
        278, // ␠ – /
        500, 500, 500, 500, 500, 500, 500, 500, 500, 500, // 0 – 9
        278, 278, 564, 564, 564, 444, 921, // : – @
        722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667,
        556, 611, 722, 722, 944, 722, 722, 611, // A – Z
        333, 278, 333, 469, 500, 333, // [ – `
        444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333,
        389, 278, 500, 500, 722, 500, 500, 444, // a – z
        480, 200, 480, 541, // { – ~
    ];
    let code = c as usize;
    if (32..127).contains(&code) {
        WIDTHS[code - 32]
    } else {
        500
    }
}

fn twips_to_points(twips: u32) -> f32 {
    twips as f32 / 20.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::layout::Run;

    fn body(text: &str) -> Paragraph {
        Paragraph {
            role: Role::Body,
            runs: vec![Run {
                text: text.to_owned(),
                role: Role::Body,
                source: None,
            }],
        }
    }

    fn texts(lines: &[PrintedLine]) -> Vec<String> {
        lines.iter().map(|l| l.text.clone()).collect()
    }

    #[test]
    fn a_line_holds_28_characters_and_the_first_26_after_the_indent() {
        let text = "汉".repeat(26 + 28 + 5);
        let lines = break_paragraph(&body(&text));
        let lengths: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
        assert_eq!(lengths, [26, 28, 5]);
    }

    #[test]
    fn a_closing_mark_never_opens_a_line_it_takes_the_character_before_down() {
        // 26 characters fill the first line; the 27th is a comma.
        let text = format!("{}，{}", "汉".repeat(26), "字".repeat(10));
        let lines = break_paragraph(&body(&text));
        assert_eq!(lines[0].text.chars().count(), 25);
        assert!(lines[1].text.starts_with("汉，"), "{:?}", texts(&lines));
    }

    #[test]
    fn an_opening_mark_never_ends_a_line() {
        let text = format!("{}“{}", "汉".repeat(25), "字".repeat(10));
        let lines = break_paragraph(&body(&text));
        assert_eq!(lines[0].text.chars().count(), 25);
        assert!(lines[1].text.starts_with('“'));
    }

    #[test]
    fn digits_are_half_as_wide_and_a_number_is_not_broken() {
        // 24 Han characters and 2024: 24 + 2 cells on the first line of 26.
        let text = format!("{}2024年{}", "汉".repeat(24), "字".repeat(3));
        let lines = break_paragraph(&body(&text));
        assert_eq!(lines[0].text, format!("{}2024", "汉".repeat(24)));
        let text = format!("{}2024年", "汉".repeat(25));
        let lines = break_paragraph(&body(&text));
        assert_eq!(lines[1].text, "2024年", "the number goes down whole");
    }

    #[test]
    fn a_page_holds_22_rows_and_a_heading_does_not_end_one() {
        let mut paragraphs = vec![];
        // 21 one-line paragraphs, then a heading that would fall on row 22.
        for _ in 0..21 {
            paragraphs.push(body("一行"));
        }
        paragraphs.push(Paragraph {
            role: Role::Heading,
            runs: vec![Run {
                text: "三、原因剖析".to_owned(),
                role: Role::Heading,
                source: None,
            }],
        });
        paragraphs.push(body("正文"));
        let pages = paginate(&Speech {
            paragraphs,
            notes: Vec::new(),
        });
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].rows.len(), 21);
        let first = pages[1].rows[0].as_ref().map(|l| l.text.as_str());
        assert_eq!(first, Some("三、原因剖析"));
    }

    #[test]
    fn the_page_number_sits_7_mm_under_the_text_block() {
        let g = geometry();
        let block_bottom = g.text_top + g.row * g.rows as f32;
        let text_block_bottom = g.page_height - 35.0 * 72.0 / 25.4;
        assert!(
            (block_bottom - text_block_bottom).abs() < 2.0,
            "22 rows fill the block"
        );
        let gap_mm = (g.page_number_top - text_block_bottom) * 25.4 / 72.0;
        assert!((gap_mm - 7.0).abs() < 0.1, "{gap_mm} mm");
    }

    #[test]
    fn the_title_is_centred_and_followed_by_a_blank_row() {
        let speech = Speech {
            paragraphs: vec![
                Paragraph {
                    role: Role::Title,
                    runs: vec![Run {
                        text: "对照检查材料".to_owned(),
                        role: Role::Title,
                        source: None,
                    }],
                },
                body("正文"),
            ],
            notes: Vec::new(),
        };
        let pages = paginate(&speech);
        let rows = &pages[0].rows;
        assert_eq!(rows.len(), 3);
        assert!(rows[1].is_none());
        let title = rows[0].as_ref().expect("title row");
        let width = geometry().text_width;
        let right = title.x.last().copied().unwrap_or(0.0) + 22.0;
        assert!((title.x[0] - (width - right)).abs() < 1.0, "centred");
    }
}
