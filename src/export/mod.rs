//! The text that leaves casebook: citations, case summaries and briefs,
//! precedent lists and training packs, in plain text and Markdown, rendered
//! from the documents of [`crate::document`]; and writing files. Used by both
//! the TUI and the CLI, and pinned by golden tests.

pub mod cite;
pub mod coverage;
pub mod file;
pub mod pack;
pub mod pdf;
pub mod precedents;
pub mod summary;
pub mod write;

use crate::catalog::{Catalogs, Kind};
use crate::lang::Lang;
use crate::model::Case;

pub use crate::lang::t;

/// Plain text or Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Markdown,
}

/// The main cause categories of a case, in its order, without repeats: `管理ミス、紛失・置忘れ`.
pub fn cause_titles(case: &Case, catalogs: &Catalogs, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in &case.root_causes {
        let title = catalogs.title_of(Kind::Causes, &c.category, lang);
        if !out.contains(&title) {
            out.push(title);
        }
    }
    out
}

/// Every control a case's measures cite, in order of first appearance, without repeats.
pub fn controls_of(case: &Case) -> Vec<&crate::model::ControlRef> {
    let mut out = Vec::new();
    for r in case.measures.iter().flat_map(|m| &m.controls) {
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// The label before a measure that someone other than the organization announced
/// or required, or that is an editorial lesson: `【総務省の要請】`, `[required by MIC] `.
/// Brackets, not emphasis, so it reads the same in plain text, Markdown and Word.
pub fn credit_label(m: &crate::model::Measure, lang: Lang) -> Option<String> {
    let credit = m.credit(lang)?;
    Some(match lang {
        Lang::Ja => format!("【{credit}】"),
        Lang::En => format!("[{credit}] "),
    })
}
