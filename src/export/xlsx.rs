//! The 整改清单 as an .xlsx workbook: one sheet, the header row repeated on every printed page,
//! landscape A4, one row per problem finding. Written by rust_xlsxwriter.

use crate::draft::{Draft, LEDGER_COLUMNS};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// Column widths in characters, for 序号 … 完成情况.
const WIDTHS: [f64; 7] = [6.0, 22.0, 36.0, 40.0, 16.0, 12.0, 16.0];

/// The workbook's bytes.
pub fn ledger_xlsx(draft: &Draft) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("整改清单")?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_repeat_rows(0, 0)?;
    let header = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let cell = Format::new()
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let number = cell.clone().set_align(FormatAlign::Center);
    for (col, (title, width)) in LEDGER_COLUMNS.iter().zip(WIDTHS).enumerate() {
        let col = col as u16;
        sheet.set_column_width(col, width)?;
        sheet.write_string_with_format(0, col, *title, &header)?;
    }
    for (index, row) in draft.ledger_rows().iter().enumerate() {
        let at = index as u32 + 1;
        sheet.write_number_with_format(at, 0, row.number as f64, &number)?;
        for (col, text) in row.cells().iter().enumerate().skip(1) {
            sheet.write_string_with_format(at, col as u16, text, &cell)?;
        }
    }
    workbook.save_to_buffer()
}
