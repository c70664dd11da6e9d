//! The precedent list of a catalog node ("which public cases do we have for
//! A.7.14?"): the node's id and title, then per case, newest first: date,
//! organization, the case in one sentence (its title), the measures that cite
//! the node, and the citation.

use super::Style;
use crate::casebook::Casebook;
use crate::document::{collection, markdown, plain};
use crate::lang::Lang;

/// None when the scheme or node does not exist.
pub fn precedents(
    book: &Casebook,
    scheme: &str,
    id: &str,
    lang: Lang,
    style: Style,
) -> Option<String> {
    let doc = collection::precedents(book, scheme, id, lang)?;
    Some(match style {
        Style::Plain => plain::render(&doc, None),
        Style::Markdown => markdown::render(&doc, 1),
    })
}
