//! CSV for a precedent list's register: UTF-8 with a byte-order mark (Excel
//! in Japan reads BOM-less CSV as Shift_JIS), RFC 4180 quoting, CRLF line
//! ends, the header first. A cell that would start a spreadsheet formula
//! (`=`, `+`, `-`, `@`) is prefixed with an apostrophe, so opening the file
//! never runs anything.

use super::Document;
use crate::diag::Message;
use crate::msg;
use crate::text::{Lines, clean};

/// The document's register as CSV bytes; None when it has none.
pub fn render(doc: &Document) -> Option<Result<Vec<u8>, Message>> {
    let table = doc.register.as_ref()?;
    let rows = table
        .rows
        .iter()
        .map(|r| r.iter().map(|t| t.to_plain()).collect());
    Some(table_bytes(&table.header, rows))
}

/// Any table as CSV by the rules above (the coverage table uses it too):
/// the header row, then the rows.
pub fn table_bytes<H: AsRef<str>>(
    header: &[H],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<Vec<u8>, Message> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    writer
        .write_record(header.iter().map(|c| cell(c.as_ref())))
        .map_err(|e| failed(&e))?;
    for row in rows {
        writer
            .write_record(row.iter().map(|c| cell(c)))
            .map_err(|e| failed(&e))?;
    }
    writer.into_inner().map_err(|e| failed(&e))
}

/// The CSV could not be built (the library's reason is kept as it words it).
fn failed(e: &dyn std::fmt::Display) -> Message {
    msg!("CSV を作れませんでした: {e}", "cannot build the CSV: {e}")
}

fn cell(s: &str) -> String {
    let s = clean(s, Lines::Keep).into_owned();
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    }
}
