//! Citations: one stable line per case, for a footnote or an audit finding.
//!
//! Plain: `{publisher}「{title}」({date}) [casebook: {id}] <{url}>`, where the
//! publisher is prefixed with `{organization} — ` when someone else (a newspaper,
//! a ministry) published the source, `({date})` is the source's date (else the
//! case's publication date; `(非公表)` / `(not published)` for an incident never
//! made public) and `<{url}>` appears only when the URL is known.
//! Markdown: the same, with the title linked to the URL when known.

use super::Style;
use crate::document::{case, markdown, plain};
use crate::lang::Lang;
use crate::model::Case;

pub fn citation(c: &Case, style: Style, lang: Lang) -> String {
    let cite = case::citation(c, 0, lang);
    match style {
        Style::Plain => plain::citation(&cite),
        Style::Markdown => markdown::citation(&cite),
    }
}
