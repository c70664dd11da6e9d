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

pub use crate::document::labels::{cause_titles, controls_of, credit_label};
pub use crate::lang::t;

/// Plain text or Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Markdown,
}
