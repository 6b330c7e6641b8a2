//! The printed page of GB/T 9704-2012, in the units Word's XML uses: the one description of
//! the page that the .docx writer and the page preview both lay text out on.

/// Page and text block in twips (1/1440 inch; 1 mm = 56.69 twips).
pub(super) const PAGE_WIDTH: u32 = 11906;
pub(super) const PAGE_HEIGHT: u32 = 16838;
pub(super) const MARGIN_TOP: u32 = 2098; // 37 mm
pub(super) const MARGIN_BOTTOM: u32 = 1984; // 35 mm
pub(super) const MARGIN_LEFT: u32 = 1587; // 28 mm
pub(super) const MARGIN_RIGHT: u32 = 1474; // 26 mm
/// Page bottom to the footer's bottom. The footer's one line is exactly [`PAGE_NUMBER_LINE`]
/// high, so its top — the page number's 一字线 — sits 7 mm under the text block as GB/T 9704
/// (7.5) asks: 35 mm bottom margin − 7 mm − 14 pt (4.94 mm) = 23.06 mm.
pub(super) const FOOTER_DISTANCE: u32 = 1307;
/// The footer's exact line height: one line of 4号 (14 pt).
pub(super) const PAGE_NUMBER_LINE: u32 = 280;
pub(super) const HEADER_DISTANCE: u32 = 851; // 15 mm

/// Font sizes in half-points.
pub(super) const TITLE_SIZE: u32 = 44; // 2号, 22 pt
pub(super) const BODY_SIZE: u32 = 32; // 3号, 16 pt
pub(super) const PAGE_NUMBER_SIZE: u32 = 28; // 4号, 14 pt

/// Fixed line spacing in twips: 28.9 pt gives 22 lines in the 225 mm text block.
pub(super) const LINE: u32 = 578;
/// Two characters of 16 pt.
pub(super) const FIRST_LINE_INDENT: u32 = 640;
/// One character of 14 pt, the page number's distance from the text block's edge.
pub(super) const PAGE_NUMBER_INSET: u32 = 280;
/// Character spacing of 3号 text in twentieths of a point: 16 pt − 0.25 pt puts 28 characters
/// (441 pt) on a line of the 156 mm (442.25 pt) text block; 28 full 16 pt characters (448 pt)
/// do not fit. Word can reach 28 with a `linesAndChars` document grid of pitch 15.79 pt
/// instead, but LibreOffice (7.4, measured) gives each 16 pt character two cells of such a grid
/// and prints 14 characters a line; run spacing reads the same in Word, WPS and LibreOffice.
pub(super) const BODY_TRACKING: i32 = -5;

/// Width of the text block in twips (156 mm).
pub(super) const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// Lines of fixed [`LINE`] spacing the text block holds: 22.
pub(super) const LINES_PER_PAGE: usize =
    ((PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) / LINE) as usize;
