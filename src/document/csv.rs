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
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut write = |cells: Vec<String>| {
        writer
            .write_record(cells.iter().map(|c| cell(c)))
            .map_err(|e| failed(&e))
    };
    let rows = std::iter::once(table.header.clone()).chain(
        table
            .rows
            .iter()
            .map(|r| r.iter().map(|t| t.to_plain()).collect()),
    );
    for row in rows {
        if let Err(e) = write(row) {
            return Some(Err(e));
        }
    }
    Some(writer.into_inner().map_err(|e| failed(&e)))
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
