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

/// The 整改清单 appendix: an A4 page turned landscape, its text block the portrait one turned a
/// quarter (the binding edge, 28 mm, at the top), so the 156 × 225 mm block and the page
/// number's 7 mm stay as on the speech's pages.
pub(super) const LANDSCAPE_MARGIN_TOP: u32 = MARGIN_LEFT; // 28 mm
pub(super) const LANDSCAPE_MARGIN_BOTTOM: u32 = MARGIN_RIGHT; // 26 mm
pub(super) const LANDSCAPE_MARGIN_LEFT: u32 = MARGIN_BOTTOM; // 35 mm
pub(super) const LANDSCAPE_MARGIN_RIGHT: u32 = MARGIN_TOP; // 37 mm
/// Page bottom to the footer's bottom on the landscape page: 26 mm − 7 mm − 14 pt.
pub(super) const LANDSCAPE_FOOTER_DISTANCE: u32 = LANDSCAPE_MARGIN_BOTTOM - 397 - PAGE_NUMBER_LINE;
/// Width of the landscape text block in twips (225 mm).
pub(super) const LANDSCAPE_TEXT_WIDTH: u32 =
    PAGE_HEIGHT - LANDSCAPE_MARGIN_LEFT - LANDSCAPE_MARGIN_RIGHT;

/// The ledger's cells: 4号 (14 pt) on a fixed 20 pt line.
pub(super) const LEDGER_SIZE: u32 = 28;
pub(super) const LEDGER_LINE: u32 = 400;
/// Space between a cell's border and its text, left and right (1.9 mm, Word's default) and
/// above and below (1 mm).
pub(super) const LEDGER_CELL_MARGIN: u32 = 108;
pub(super) const LEDGER_CELL_MARGIN_VERTICAL: u32 = 57;
/// Column widths in twips, 序号 … 完成情况, filling the landscape text block: 序号 holds two
/// characters of 14 pt, 问题类别 seven (在理论学习方面), 存在问题 and 整改措施 eight each,
/// 完成情况 (the rest) five.
pub(super) const LEDGER_COLUMN_WIDTHS: [u32; 7] = [
    800,
    2240,
    LEDGER_WIDE_COLUMN,
    LEDGER_WIDE_COLUMN,
    1500,
    1400,
    LANDSCAPE_TEXT_WIDTH - 800 - 2240 - 2 * LEDGER_WIDE_COLUMN - 1500 - 1400,
];
const LEDGER_WIDE_COLUMN: u32 = 2580;
