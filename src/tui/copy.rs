//! Copying, marking and exporting from the browser, and what the prompt asks
//! for (a file name or a choice; its keys are in `prompt.rs`).

use std::path::PathBuf;

use super::action::What;
use super::field::Field;
use crate::export::file::Content;
use crate::lang::Lang;
use crate::lang::t;

/// What a file will hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    /// Text that could not be copied.
    Text(String),
    /// Bytes already rendered (a file name that existed, to be named again).
    Bytes(Vec<u8>),
    /// A training pack or a precedent list, in the format the file name's extension names.
    Export(Content),
    /// A report's draft, in the format the file name's extension names (.txt .md .docx).
    Report(super::report::Draft),
}

/// What the prompt is asking for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    /// A file name to write to (`what` is None for an export).
    SaveAs {
        payload: Payload,
        what: Option<What>,
    },
    /// Whether to replace an existing file (y/n).
    Overwrite {
        path: PathBuf,
        data: Vec<u8>,
        what: Option<What>,
    },
    /// Whether to make the folder `dir` that would hold `path` (y/n).
    MakeDir {
        path: PathBuf,
        data: Vec<u8>,
        what: Option<What>,
        dir: PathBuf,
    },
    /// `e`: the title of the training pack of `cases`, before its file name.
    Title { cases: Vec<usize> },
    /// `y`/`Y` with marked cases: copy every marked case (y) or only this one (n).
    CopyMarked { brief: bool },
    /// `c` on an area: copy its precedent list as text (c) or save it to a file (s).
    Precedents { scheme: String, id: String },
    /// `M` with more than one case marked: clear them all (y/N).
    ClearMarks,
    /// `e` with marked cases and pinned controls: a training pack of the
    /// marked cases (p) or the register of the pinned controls (r).
    ExportWhich,
    /// `R`: where to report, which stage, then copy or save.
    Report(super::report::ReportChoice),
    /// `P`: which measure, then which status.
    Progress(super::progress::ProgressChoice),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub ask: Ask,
    pub field: Field,
}

pub(crate) fn what_label(what: What, lang: Lang) -> &'static str {
    match what {
        What::Summary => t(lang, "要約", "summary"),
        What::Brief => t(lang, "スライド用の要点", "brief"),
        What::Citation => t(lang, "出典表記", "citation"),
        What::Precedents => t(lang, "先例一覧", "precedent list"),
        What::Marked(_) => t(lang, "印を付けた事例", "marked cases"),
        What::Report => t(lang, "報告の下書き", "report draft"),
    }
}
