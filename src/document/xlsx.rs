//! Excel (.xlsx) for a precedent list's register, with rust_xlsxwriter: one
//! row per case and citing measure, a bold header row that stays in view
//! (frozen) and filters, columns sized to their content (long text wraps),
//! URLs as hyperlinks, A4 landscape with the header repeated on every page.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Url, Workbook, XlsxError};

use super::{Document, Table, docx::FONT_EAST_ASIA};
use crate::text::{Lines, clean};

/// Widest a column gets before its text wraps, in Excel's character units.
const MAX_WIDTH: f64 = 36.0;
/// The height of one line of 10-point text, in points.
const LINE: f64 = 13.5;

/// The document's register as an .xlsx file; None when it has none.
pub fn render(doc: &Document) -> Option<Result<Vec<u8>, crate::diag::Message>> {
    let table = doc.register.as_ref()?;
    Some(workbook(doc, table).map_err(|e| {
        crate::msg!(
            "表計算のファイルを作れませんでした: {e}",
            "cannot build the spreadsheet: {e}"
        )
    }))
}

/// A column's width in Excel units: a kanji is two, a Latin letter one.
pub fn units(s: &str) -> f64 {
    s.lines()
        .map(|l| {
            l.chars()
                .map(|c| crate::wrap::char_width(c) as f64)
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

fn workbook(doc: &Document, table: &Table) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // File → Info: the register's title (the creation time is the library's: now).
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new().set_title(clean(&doc.title, Lines::Join)),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(crate::lang::t(doc.lang, "先例", "Precedents"))?;
    let base = Format::new()
        .set_font_name(FONT_EAST_ASIA)
        .set_font_size(10)
        .set_align(FormatAlign::Top);
    let header = base
        .clone()
        .set_bold()
        .set_background_color("D9E2F3")
        .set_border_bottom(FormatBorder::Thin);
    let wrapped = base.clone().set_text_wrap();
    let link = wrapped
        .clone()
        .set_font_color("0563C1")
        .set_underline(rust_xlsxwriter::FormatUnderline::Single);

    // The title in the first row, the header in the second, records below.
    sheet.write_string_with_format(0, 0, safe(&doc.title, doc.lang), &base.clone().set_bold())?;
    let top = 1u32;
    for (c, h) in table.header.iter().enumerate() {
        sheet.write_string_with_format(top, c as u16, safe(h, doc.lang), &header)?;
    }
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(|c| safe(&c.to_plain(), doc.lang)).collect())
        .collect();
    let mut widths: Vec<f64> = table.header.iter().map(|h| units(h) + 2.0).collect();
    for row in &cells {
        for (c, text) in row.iter().enumerate() {
            widths[c] = widths[c].max(units(text) + 1.0);
        }
    }
    let widths: Vec<f64> = widths.iter().map(|w| w.clamp(8.0, MAX_WIDTH)).collect();
    let url_column = table.header.len() - 1;
    for (r, row) in cells.iter().enumerate() {
        let y = top + 1 + r as u32;
        // Wrapped text needs a taller row: as many lines as its longest cell.
        let lines = row
            .iter()
            .zip(&widths)
            .map(|(text, w)| (units(text) / (w - 1.0)).ceil().max(1.0))
            .fold(1.0, f64::max);
        sheet.set_row_height(y, lines * LINE + 2.0)?;
        for (c, text) in row.iter().enumerate() {
            if c == url_column && !text.is_empty() {
                let url = Url::new(text).set_text(text);
                if sheet.write_url_with_format(y, c as u16, url, &link).is_ok() {
                    continue;
                }
            }
            sheet.write_string_with_format(y, c as u16, text, &wrapped)?;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    let last = top + table.rows.len() as u32;
    sheet.set_freeze_panes(top + 1, 0)?;
    sheet.autofilter(top, 0, last, (table.header.len() - 1) as u16)?;
    sheet.set_paper_size(9); // A4
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(top, top)?;
    book.save_to_buffer()
}

/// The most a cell holds, in UTF-16 code units (Excel's limit).
pub const MAX_CELL: usize = 32_767;

/// Text for a cell: no control characters, and cut (and marked so) where
/// longer than a cell holds, so one long text never stops the whole file.
fn safe(s: &str, lang: crate::lang::Lang) -> String {
    let text = clean(s, Lines::Keep);
    if text.len() <= MAX_CELL || text.encode_utf16().count() <= MAX_CELL {
        return text.into_owned();
    }
    let mark = crate::lang::t(
        lang,
        "…（Excel のセルに入る 32,767 文字までで省略）",
        "… (cut to the 32,767 characters an Excel cell holds)",
    );
    let room = MAX_CELL - mark.encode_utf16().count();
    let mut used = 0;
    let mut out = String::with_capacity(room * 3);
    for c in text.chars() {
        used += c.len_utf16();
        if used > room {
            break;
        }
        out.push(c);
    }
    out.push_str(mark);
    out
}
