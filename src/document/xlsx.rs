//! Excel (.xlsx) registers with rust_xlsxwriter: a precedent list's (one row
//! per case and citing measure), the register of measures and the checklist to
//! fill in. Each is a [`Sheet`]: the title in the first row, a bold header row
//! that stays in view (frozen) and filters, columns sized to their content
//! (long text wraps), dates as dates, URLs as hyperlinks, columns to fill in
//! offering their values in a drop-down, A4 landscape with the header repeated
//! on every page.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Url, Workbook, XlsxError,
};

use super::{Document, Table, docx::FONT_EAST_ASIA};
pub use crate::excel::MAX_CELL;
use crate::text::{Lines, clean};

/// Widest a column gets before its text wraps, in Excel's character units.
const MAX_WIDTH: f64 = 36.0;
/// The height of one line of 10-point text, in points.
const LINE: f64 = 13.5;
/// The row of the header (0-based; the title is in row 0).
pub const HEADER_ROW: u32 = 1;

/// A register as a sheet.
#[derive(Clone, Debug)]
pub struct Sheet<'a> {
    /// The workbook's title (File → Info) and the sheet's first row.
    pub title: &'a str,
    /// The sheet's tab.
    pub name: &'a str,
    pub table: &'a Table,
    /// Columns of `YYYY-MM-DD` text written as dates.
    pub dates: &'a [usize],
    /// A column of web addresses written as links.
    pub links: Option<usize>,
    /// Columns to fill in: shaded, and offering these values (none: any text).
    pub inputs: &'a [(usize, Vec<String>)],
    /// A note on the input columns' values, shown when one is selected.
    pub input_note: Option<(&'a str, &'a str)>,
    /// The language of the mark on a cell cut to Excel's limit.
    pub lang: crate::lang::Lang,
}

/// The document's register as an .xlsx file; None when it has none.
pub fn render(doc: &Document) -> Option<Result<Vec<u8>, crate::diag::Message>> {
    render_sheet(doc, crate::lang::t(doc.lang, "先例", "Precedents"))
}

/// The same, its sheet named `sheet`.
pub fn render_sheet(doc: &Document, sheet: &str) -> Option<Result<Vec<u8>, crate::diag::Message>> {
    let table = doc.register.as_ref()?;
    let links = table.header.iter().position(|h| h == "URL");
    Some(self::sheet(&Sheet {
        title: &doc.title,
        lang: doc.lang,
        name: sheet,
        table,
        dates: &[],
        links,
        inputs: &[],
        input_note: None,
    }))
}

/// A sheet as an .xlsx file.
pub fn sheet(spec: &Sheet) -> Result<Vec<u8>, crate::diag::Message> {
    workbook(spec).map_err(|e| {
        crate::msg!(
            "表計算のファイルを作れませんでした: {e}",
            "cannot build the spreadsheet: {e}"
        )
    })
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

/// `YYYY-MM-DD` as an Excel date.
fn excel_date(s: &str) -> Option<ExcelDateTime> {
    let d = crate::model::PartialDate::parse(s, crate::model::DatePrecision::Day).ok()?;
    ExcelDateTime::from_ymd(d.year, d.month?, d.day?).ok()
}

fn workbook(spec: &Sheet) -> Result<Vec<u8>, XlsxError> {
    let table = spec.table;
    let mut book = Workbook::new();
    // File → Info: the register's title (the creation time is the library's: now).
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new().set_title(clean(spec.title, Lines::Join)),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(spec.name)?;
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
    let date = base.clone().set_num_format("yyyy-mm-dd");
    let link = wrapped
        .clone()
        .set_font_color("0563C1")
        .set_underline(rust_xlsxwriter::FormatUnderline::Single);
    // Cells to fill in: a pale yellow, like a paper form's boxes.
    let input = |f: &Format| f.clone().set_background_color("FFF9DB");
    let is_input = |c: usize| spec.inputs.iter().any(|(i, _)| *i == c);

    // The title in the first row, the header in the second, records below.
    sheet.write_string_with_format(0, 0, safe(spec.title, spec.lang), &base.clone().set_bold())?;
    let top = HEADER_ROW;
    for (c, h) in table.header.iter().enumerate() {
        sheet.write_string_with_format(top, c as u16, safe(h, spec.lang), &header)?;
    }
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(|c| safe(&c.to_plain(), spec.lang)).collect())
        .collect();
    let mut widths: Vec<f64> = table.header.iter().map(|h| units(h) + 2.0).collect();
    for row in &cells {
        for (c, text) in row.iter().enumerate() {
            widths[c] = widths[c].max(units(text) + 1.0);
        }
    }
    // Room to write in: the widest value offered (and its drop-down arrow),
    // else a short name or a date.
    for (c, values) in spec.inputs {
        let widest = values.iter().map(|v| units(v)).fold(0.0, f64::max);
        widths[*c] = widths[*c].max(widest + 3.0).max(14.0);
    }
    let mut widths: Vec<f64> = widths.iter().map(|w| w.clamp(8.0, MAX_WIDTH)).collect();
    // A column left empty (the auditor's findings) is room to write in.
    for (c, w) in widths.iter_mut().enumerate() {
        if !is_input(c) && !cells.is_empty() && cells.iter().all(|row| row[c].is_empty()) {
            *w = MAX_WIDTH;
        }
    }
    for (r, row) in cells.iter().enumerate() {
        let y = top + 1 + r as u32;
        // Wrapped text needs a taller row: as many lines as its longest cell
        // (each of its own lines wrapped at the column's width).
        let lines = row
            .iter()
            .zip(&widths)
            .map(|(text, w)| {
                text.split('\n')
                    .map(|l| (units(l) / (w - 1.0)).ceil().max(1.0))
                    .sum::<f64>()
            })
            .fold(1.0, f64::max);
        sheet.set_row_height(y, lines * LINE + 2.0)?;
        for (c, text) in row.iter().enumerate() {
            let col = c as u16;
            let (plain, dated) = if is_input(c) {
                (input(&wrapped), input(&date))
            } else {
                (wrapped.clone(), date.clone())
            };
            if spec.links == Some(c) && !text.is_empty() {
                let url = Url::new(text).set_text(text);
                if sheet.write_url_with_format(y, col, url, &link).is_ok() {
                    continue;
                }
            }
            if spec.dates.contains(&c)
                && let Some(d) = excel_date(text)
            {
                sheet.write_date_with_format(y, col, &d, &dated)?;
                continue;
            }
            if text.is_empty() {
                // A blank cell (the auditor's column), formatted for writing into.
                sheet.write_blank(y, col, &plain)?;
            } else {
                sheet.write_string_with_format(y, col, text, &plain)?;
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    let last = top + (table.rows.len() as u32).max(1);
    // Values offered in a drop-down; anything else typed is let through with
    // a warning (a note the reader of the sheet back still understands).
    for (c, values) in spec.inputs.iter().filter(|(_, v)| !v.is_empty()) {
        let mut v = DataValidation::new()
            .allow_list_strings(values)?
            .set_error_style(DataValidationErrorStyle::Information);
        if let Some((title, note)) = spec.input_note {
            v = v.set_input_title(title)?.set_input_message(note)?;
        }
        sheet.add_data_validation(top + 1, *c as u16, last, *c as u16, &v)?;
    }
    for &c in spec.dates.iter().filter(|c| is_input(**c)) {
        let v = DataValidation::new()
            .allow_date(rust_xlsxwriter::DataValidationRule::GreaterThan(
                ExcelDateTime::from_ymd(1900, 1, 1)?,
            ))
            .set_error_style(DataValidationErrorStyle::Information);
        sheet.add_data_validation(top + 1, c as u16, last, c as u16, &v)?;
    }
    sheet.set_freeze_panes(top + 1, 0)?;
    sheet.autofilter(
        top,
        0,
        top + table.rows.len() as u32,
        (table.header.len() - 1) as u16,
    )?;
    sheet.set_paper_size(9); // A4
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(top, top)?;
    book.save_to_buffer()
}

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
