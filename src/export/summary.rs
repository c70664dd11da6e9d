//! A case summary for a training document (what happened, who was affected,
//! why, what will prevent it, with control ids and titles, and the citation)
//! and a brief for a slide.
//!
//! The plain-text form carries no Markdown symbols, so it pastes cleanly into
//! Word or PowerPoint; with a width it is wrapped for a terminal, following the
//! Japanese line-breaking rules.

use super::{Style, cause_titles, t};
use crate::catalog::Catalogs;
use crate::document::{case, markdown, plain};
use crate::lang::Lang;
use crate::model::Case;

/// The plain-text summary; `width` wraps it for a terminal.
pub fn plain(c: &Case, catalogs: &Catalogs, lang: Lang, width: Option<usize>) -> String {
    plain::render(&case::summary(c, catalogs, lang), width)
}

/// The Markdown summary, its title at `##` (to paste under a document's title).
pub fn markdown(c: &Case, catalogs: &Catalogs, lang: Lang) -> String {
    markdown::render(&case::summary(c, catalogs, lang), 1)
}

/// The brief for a slide (fifteen lines at most), in plain text or Markdown.
pub fn brief(c: &Case, catalogs: &Catalogs, lang: Lang, style: Style) -> String {
    let doc = crate::document::brief::brief(c, catalogs, lang);
    match style {
        Style::Plain => plain::render(&doc, None),
        Style::Markdown => markdown::render(&doc, 1),
    }
}

/// All cause titles of a case, for tables: `管理ミス、紛失・置忘れ`.
pub fn causes(case: &Case, catalogs: &Catalogs, lang: Lang) -> String {
    cause_titles(case, catalogs, lang).join(t(lang, "、", ", "))
}
