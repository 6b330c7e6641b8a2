//! The 整改清单 as the .docx's appendix: after the speech's portrait section, a landscape A4
//! section with 附件 and the title 整改清单 as 公文 attachments have them, and a bordered table
//! whose 黑体 header row repeats on every page, its cells in 仿宋 4号.

use super::FontNames;
use super::docx::{run_props, text_into};
use super::grid::*;
use crate::draft::{LEDGER_COLUMNS, LedgerRow};
use std::fmt::Write as _;

/// The label above the title, as GB/T 9704 (8.2) puts it on an attachment's first page.
pub(super) const APPENDIX_LABEL: &str = "附件";
pub(super) const APPENDIX_TITLE: &str = "整改清单";

/// Writes the appendix's paragraphs and table (the section's properties follow separately).
pub(super) fn appendix(out: &mut String, rows: &[LedgerRow], fonts: &FontNames) {
    // 附件 at the top left in 黑体 3号, then the title centred in 小标宋 2号 and a blank line.
    let _ = write!(
        out,
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LINE}\" w:lineRule=\"exact\"/>\
<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"left\"/>"
    );
    run_props(out, &fonts.heading, &fonts.latin, BODY_SIZE);
    out.push_str("</w:pPr><w:r>");
    run_props(out, &fonts.heading, &fonts.latin, BODY_SIZE);
    let _ = write!(out, "<w:t>{APPENDIX_LABEL}</w:t></w:r></w:p>");
    let _ = write!(
        out,
        "<w:p><w:pPr><w:pStyle w:val=\"Title\"/><w:keepNext/>\
<w:spacing w:before=\"0\" w:after=\"{LINE}\" w:line=\"{LINE}\" w:lineRule=\"exact\"/>\
<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"center\"/>"
    );
    run_props(out, &fonts.title, &fonts.latin, TITLE_SIZE);
    out.push_str("</w:pPr><w:r>");
    run_props(out, &fonts.title, &fonts.latin, TITLE_SIZE);
    let _ = write!(out, "<w:t>{APPENDIX_TITLE}</w:t></w:r></w:p>");

    let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"";
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{LANDSCAPE_TEXT_WIDTH}\" w:type=\"dxa\"/>\
<w:jc w:val=\"center\"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/>\
<w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders>\
<w:tblLayout w:type=\"fixed\"/><w:tblCellMar>\
<w:top w:w=\"{LEDGER_CELL_MARGIN_VERTICAL}\" w:type=\"dxa\"/>\
<w:left w:w=\"{LEDGER_CELL_MARGIN}\" w:type=\"dxa\"/>\
<w:bottom w:w=\"{LEDGER_CELL_MARGIN_VERTICAL}\" w:type=\"dxa\"/>\
<w:right w:w=\"{LEDGER_CELL_MARGIN}\" w:type=\"dxa\"/></w:tblCellMar>\
<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" \
w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
    );
    for width in LEDGER_COLUMN_WIDTHS {
        let _ = write!(out, "<w:gridCol w:w=\"{width}\"/>");
    }
    out.push_str("</w:tblGrid>");

    // The header row repeats at the top of every page the table runs over.
    out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/><w:jc w:val=\"center\"/></w:trPr>");
    for (title, width) in LEDGER_COLUMNS.iter().zip(LEDGER_COLUMN_WIDTHS) {
        cell(out, title, width, "center", &fonts.heading, fonts);
    }
    out.push_str("</w:tr>");
    for row in rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/><w:jc w:val=\"center\"/></w:trPr>");
        for (column, (text, width)) in row.cells().iter().zip(LEDGER_COLUMN_WIDTHS).enumerate() {
            // 序号 and 整改时限 centred, the sentences justified.
            let align = if matches!(column, 0 | 5) {
                "center"
            } else {
                "both"
            };
            cell(out, text, width, align, &fonts.body, fonts);
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// One table cell holding `text` (line breaks kept) in `font`, 4号.
fn cell(out: &mut String, text: &str, width: u32, align: &str, font: &str, fonts: &FontNames) {
    let _ = write!(
        out,
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>\
<w:p><w:pPr><w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/><w:snapToGrid w:val=\"0\"/>\
<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LEDGER_LINE}\" w:lineRule=\"exact\"/>\
<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"{align}\"/>"
    );
    run_props(out, font, &fonts.latin, LEDGER_SIZE);
    out.push_str("</w:pPr>");
    let text = text.trim();
    if !text.is_empty() {
        out.push_str("<w:r>");
        run_props(out, font, &fonts.latin, LEDGER_SIZE);
        out.push_str("<w:t xml:space=\"preserve\">");
        text_into(out, text);
        out.push_str("</w:t></w:r>");
    }
    out.push_str("</w:p></w:tc>");
}

/// The appendix's section: A4 turned landscape, the text block the portrait one turned, and
/// the speech's page-number footers carried on.
pub(super) fn landscape_section(out: &mut String) {
    let _ = write!(
        out,
        "<w:sectPr>\
<w:footerReference w:type=\"default\" r:id=\"rId4\"/>\
<w:footerReference w:type=\"even\" r:id=\"rId5\"/>\
<w:type w:val=\"nextPage\"/>\
<w:pgSz w:w=\"{PAGE_HEIGHT}\" w:h=\"{PAGE_WIDTH}\" w:orient=\"landscape\"/>\
<w:pgMar w:top=\"{LANDSCAPE_MARGIN_TOP}\" w:right=\"{LANDSCAPE_MARGIN_RIGHT}\" \
w:bottom=\"{LANDSCAPE_MARGIN_BOTTOM}\" w:left=\"{LANDSCAPE_MARGIN_LEFT}\" \
w:header=\"{HEADER_DISTANCE}\" w:footer=\"{LANDSCAPE_FOOTER_DISTANCE}\" w:gutter=\"0\"/>\
<w:cols w:space=\"425\"/>\
</w:sectPr>"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_columns_fill_the_landscape_text_block() {
        assert_eq!(
            LEDGER_COLUMN_WIDTHS.iter().sum::<u32>(),
            LANDSCAPE_TEXT_WIDTH
        );
        // 序号 holds two characters of 14 pt besides its margins; 完成情况 at least four.
        let chars = |width: u32| (width - 2 * LEDGER_CELL_MARGIN) / (LEDGER_SIZE * 10);
        assert!(chars(LEDGER_COLUMN_WIDTHS[0]) >= 2);
        assert!(chars(LEDGER_COLUMN_WIDTHS[1]) >= 7);
        assert!(chars(LEDGER_COLUMN_WIDTHS[6]) >= 4);
        assert!(LEDGER_COLUMN_WIDTHS[2] > 2 * LEDGER_COLUMN_WIDTHS[0]);
    }

    #[test]
    fn the_page_number_sits_7_mm_under_the_landscape_text_block() {
        let mm = |twips: u32| f64::from(twips) * 25.4 / 1440.0;
        let gap =
            mm(LANDSCAPE_MARGIN_BOTTOM) - mm(LANDSCAPE_FOOTER_DISTANCE) - mm(PAGE_NUMBER_LINE);
        assert!((gap - 7.0).abs() < 0.05, "{gap} mm");
        assert!((mm(LANDSCAPE_TEXT_WIDTH) - 225.0).abs() < 0.1);
    }
}
