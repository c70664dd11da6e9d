//! A training pack: the marked cases as one Markdown document with a contents
//! table, each case's summary, and a closing table of the controls covered.
//! Plain pipe tables and ATX headings: readable as is; `export --out
//! training.docx` writes the same document for Word.

use crate::casebook::Casebook;
use crate::document::{collection, markdown};
use crate::lang::Lang;

/// The pack for `cases` (indices into `book.entries()`), in that order, as Markdown.
pub fn pack(book: &Casebook, cases: &[usize], lang: Lang) -> String {
    markdown::render(&collection::pack(book, cases, lang, None), 0)
}
