//! What a spreadsheet cell holds: loading warns of a text longer than this,
//! and the precedent list's Excel file (`document::xlsx`) cuts it.

/// The most a cell holds, in UTF-16 code units (Excel's limit).
pub const MAX_CELL: usize = 32_767;
