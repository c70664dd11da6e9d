//! Exports as files: which format a file name asks for, and the bytes of a
//! training pack, a precedent list or a case in that format. Shared by the
//! CLI (`export`, `show --format docx`) and the browser (`e`, `c`).

use std::path::Path;

use crate::answers::soa::Soa;
use crate::casebook::Casebook;
use crate::diag::Message;
use crate::document::deck::Deck;
use crate::document::{self, Document, collection};
use crate::lang::Lang;
use crate::model::ControlRef;
use crate::msg;

/// A file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown (CommonMark/GFM, pandoc)
    Md,
    /// Word
    Docx,
    /// PowerPoint, 16:9 (training packs, cases and precedent lists)
    Pptx,
    /// PDF: the Word document converted by LibreOffice (which must be installed)
    Pdf,
    /// Excel (precedent lists only)
    Xlsx,
    /// CSV, UTF-8 with BOM (precedent lists only)
    Csv,
    /// Plain text
    Txt,
}

impl Format {
    /// The format a file name's extension names; a name without an extension is Markdown.
    pub fn from_path(path: &Path) -> Result<Format, Message> {
        let Some(ext) = path.extension() else {
            return Ok(Format::Md);
        };
        match ext.to_string_lossy().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Md),
            "docx" => Ok(Format::Docx),
            "pptx" => Ok(Format::Pptx),
            "pdf" => Ok(Format::Pdf),
            "xlsx" => Ok(Format::Xlsx),
            "csv" => Ok(Format::Csv),
            "txt" => Ok(Format::Txt),
            other => {
                let other = crate::text::line(other);
                Err(msg!(
                    "拡張子 `.{other}` からは形式が分かりません（.md、.docx、.pptx、.pdf、.xlsx、.csv、.txt のいずれか）",
                    "cannot tell the format from the extension `.{other}` (use .md, .docx, .pptx, .pdf, .xlsx, .csv or .txt)"
                ))
            }
        }
    }

    /// Whether the bytes are binary (never written to a terminal).
    pub fn is_binary(self) -> bool {
        matches!(
            self,
            Format::Docx | Format::Pptx | Format::Pdf | Format::Xlsx
        )
    }
}

/// What to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    /// A training pack of cases (indices into the casebook's entries, in the
    /// order chosen), with its title (None: the default title).
    Pack {
        cases: Vec<usize>,
        title: Option<String>,
    },
    /// The precedent list of a catalog node.
    Precedents { scheme: String, id: String },
    /// The register of a group of controls: one row per citing measure,
    /// held against the statement when one is given; `only` limits the
    /// cases (a mask over case indices; None: every case).
    Register {
        controls: Vec<ControlRef>,
        soa: Option<Soa>,
        only: Option<Vec<bool>>,
    },
    /// One case's summary.
    Case(usize),
}

impl Content {
    /// A training pack of `cases` with the default title.
    pub fn pack(cases: Vec<usize>) -> Content {
        Content::Pack { cases, title: None }
    }

    /// The default file name for the browser's prompt.
    pub fn default_name(&self) -> &'static str {
        match self {
            Content::Pack { .. } => "training.docx",
            Content::Precedents { .. } | Content::Register { .. } => "precedents.xlsx",
            Content::Case(_) => "case.docx",
        }
    }
}

/// A value from the data (a scheme, an id) as a part of a suggested file
/// name: a path separator, a space or a character some systems refuse in
/// names becomes `-`, so the name stays one name in the current folder
/// (`../../x` becomes `..-..-x`).
pub fn name_part(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_whitespace()
                || c.is_control()
                || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
            {
                '-'
            } else {
                c
            }
        })
        .collect()
}

/// The document of `content`; None when a case or node does not exist.
pub fn document(book: &Casebook, content: &Content, lang: Lang) -> Option<Document> {
    match content {
        Content::Pack { cases, title } => {
            Some(collection::pack(book, cases, lang, title.as_deref()))
        }
        Content::Precedents { scheme, id } => collection::precedents(book, scheme, id, lang),
        Content::Register {
            controls,
            soa,
            only,
        } => Some(document::register::register(
            book,
            controls,
            soa.as_ref(),
            only.as_deref(),
            lang,
        )),
        Content::Case(i) => book
            .entries()
            .get(*i)
            .map(|e| document::case::summary(&e.case, &book.catalogs, lang)),
    }
}

/// The slides of `content`; None when a case or node does not exist.
pub fn deck(book: &Casebook, content: &Content, lang: Lang) -> Option<Deck> {
    let today = today();
    match content {
        Content::Pack { cases, title } => Some(document::deck::pack(
            book,
            cases,
            lang,
            title.as_deref(),
            &today,
        )),
        Content::Precedents { scheme, id } => collection::precedents(book, scheme, id, lang)
            .map(|doc| document::deck::sections(&doc, &today)),
        Content::Register { .. } => None,
        Content::Case(i) => document::deck::case(book, *i, lang),
    }
}

/// Today's date in the local time zone (the one clock, [`crate::date::today`]):
/// `2025-06-01`.
pub fn today() -> String {
    let d = crate::date::today();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The bytes of `content` in `format`, or why not.
pub fn render(
    book: &Casebook,
    content: &Content,
    lang: Lang,
    format: Format,
) -> Result<Vec<u8>, Message> {
    let nothing = || Message::new("書き出すものがありません", "nothing to export");
    let doc = document(book, content, lang).ok_or_else(nothing)?;
    let shift = if matches!(content, Content::Pack { .. }) {
        0
    } else {
        1
    };
    match format {
        Format::Md => Ok(document::markdown::render(&doc, shift).into_bytes()),
        Format::Txt => Ok(document::plain::render(&doc, None).into_bytes()),
        // A register's table needs the width of a landscape page.
        Format::Docx | Format::Pdf if matches!(content, Content::Register { .. }) => {
            let docx = document::docx::render_landscape(&doc)?;
            match format {
                Format::Pdf => super::pdf::from_docx(&docx),
                _ => Ok(docx),
            }
        }
        Format::Docx => document::docx::render(&doc),
        Format::Pdf => super::pdf::from_docx(&document::docx::render(&doc)?),
        Format::Pptx if matches!(content, Content::Register { .. }) => Err(msg!(
            "pptx では管理策群の登録簿は書き出せません。xlsx、csv、docx、pdf か md を使います",
            "a register of a group of controls cannot be a pptx; use xlsx, csv, docx, pdf or md"
        )),
        Format::Pptx => document::pptx::render(&deck(book, content, lang).ok_or_else(nothing)?),
        Format::Xlsx => document::xlsx::render(&doc).unwrap_or_else(|| Err(sheet_only("xlsx"))),
        Format::Csv => document::csv::render(&doc).unwrap_or_else(|| Err(sheet_only("csv"))),
    }
}

fn sheet_only(format: &str) -> Message {
    msg!(
        "{format} は先例一覧専用です（`export --control SCHEME:ID`）。事例には md、docx、pptx、pdf を使います",
        "{format} is for precedent lists only (`export --control SCHEME:ID`); use md, docx, pptx or pdf for cases"
    )
}
