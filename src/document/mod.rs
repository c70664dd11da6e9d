//! The document model: what casebook hands over, built once and rendered by
//! every output.
//!
//! A [`Document`] is built from a case ([`case::summary`]), from a case for a
//! slide ([`brief::brief`]), from several cases ([`collection::pack`]) or from a
//! catalog node ([`collection::precedents`]). It holds headings, paragraphs,
//! lists, tables, control references, citations and links, with an [`Anchor`]
//! on the parts a reader may be sent to (a summary sentence, a root cause, a
//! measure). Each renderer is one file: [`screen`] (the browser's detail pane:
//! lines and where each anchor starts), [`plain`], [`markdown`], [`docx`],
//! [`xlsx`] and [`csv`]. A new field of a case is added to a builder once and
//! every output shows it.

pub mod brief;
pub mod case;
pub mod collection;
pub mod csv;
pub mod deck;
pub mod docx;
pub mod labels;
pub mod markdown;
pub mod plain;
pub mod pptx;
pub mod register;
pub mod report;
pub mod schemes;
pub mod screen;
pub mod triage;
pub mod widths;
pub mod xlsx;

use crate::lang::Lang;
use crate::model::{ControlRef, PartialDate};

/// A place in a case document that a search result or a link can point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The case title.
    Title,
    /// The line under the title (organization, sector, dates).
    Byline,
    /// The n-th sentence of the summary (sentences end with `。`).
    Sentence(usize),
    /// The n-th root cause.
    Cause(usize),
    /// The n-th measure.
    Measure(usize),
    /// The tags.
    Tags,
    /// The line of threat classifications under the byline.
    Threats,
}

/// A document: blocks in reading order, and, for a precedent list, the same
/// content as one record per case and citing measure (for spreadsheets).
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The document's title (Word's document properties).
    pub title: String,
    /// The language of its labels and separators.
    pub lang: Lang,
    pub blocks: Vec<Block>,
    pub register: Option<Table>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading; level 1 is the document's (or a case's) title.
    Heading {
        level: u8,
        text: Text,
        anchor: Option<Anchor>,
    },
    Paragraph(Text),
    /// Secondary information under a title: organization, sector, dates.
    Byline(Text),
    List(List),
    Table(Table),
    /// What follows starts a new page (Word): each case of a training pack.
    PageBreak,
    /// For the screen only: where the case came from, and its tags. Documents
    /// that leave casebook carry the same facts in their citation.
    Aside {
        text: Text,
        anchor: Option<Anchor>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct List {
    pub numbered: bool,
    pub items: Vec<Item>,
}

/// A list item: its text, and the control references shown under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub text: Text,
    pub refs: Vec<Ref>,
    pub anchor: Option<Anchor>,
}

/// A table: a header row and rows of cells (renderers size the columns from
/// their content, see [`widths`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Text>>,
}

/// A run of inline pieces.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text(pub Vec<Inline>);

#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Plain(String),
    /// A line break inside a paragraph, where the source text had one. Plain
    /// text and the screen keep it; Markdown and Word join the lines.
    Break,
    /// A term from a vocabulary (a cause category, a sector), shown as its
    /// title and highlighted on screen when its area is selected.
    Term {
        kind: Term,
        id: String,
        title: String,
    },
    /// Who a measure is credited to: `【編集部の教訓】`, `【総務省の要請】`.
    Label(String),
    /// A control reference.
    Control(Ref),
    /// A piece of text that can be pointed at (a summary sentence).
    Anchored {
        text: String,
        anchor: Anchor,
    },
    /// A source: publisher, title, date, casebook id and URL.
    Citation(Citation),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    Cause,
    Sector,
    Threat,
}

/// A control reference with its title (no title: the id alone, as in a brief).
#[derive(Clone, Debug, PartialEq)]
pub struct Ref {
    pub control: ControlRef,
    pub title: Option<String>,
    /// Shown without its scheme (`A.7.14`): the document names the schemes
    /// once ([`schemes`]).
    pub short: bool,
}

impl Ref {
    /// A reference with its scheme (`iso27001:A.7.14`).
    pub fn new(control: ControlRef, title: Option<String>) -> Ref {
        Ref {
            control,
            title,
            short: false,
        }
    }

    /// The id as shown: `A.7.14` when short, else `iso27001:A.7.14`.
    pub fn id(&self) -> String {
        if self.short {
            self.control.id.clone()
        } else {
            self.control.to_string()
        }
    }
}

/// The one-line citation of a source:
/// `{who}「{title}」({date}) [casebook: {id}] <{url}>`.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    pub who: String,
    pub title: String,
    /// The date as written: `2024-08-07`, or `非公表` / `not published`
    /// (with the source's own date, if any) for an incident never made public.
    pub date: Option<String>,
    /// The casebook id (the first source of a case carries it).
    pub id: Option<String>,
    pub url: Option<String>,
    /// The day the page at `url` was read: `（2026-12-07閲覧）`.
    pub accessed: Option<PartialDate>,
}

impl Text {
    pub fn plain(s: impl Into<String>) -> Text {
        Text(vec![Inline::Plain(s.into())])
    }

    pub fn push(&mut self, inline: Inline) -> &mut Self {
        self.0.push(inline);
        self
    }

    pub fn push_str(&mut self, s: impl Into<String>) -> &mut Self {
        self.0.push(Inline::Plain(s.into()));
        self
    }

    /// The text as plain characters (citations in their plain form).
    pub fn to_plain(&self) -> String {
        plain::inline_text(self)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::plain(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::plain(s)
    }
}

impl Document {
    /// The titles of the sections (level-2 headings under a case title), in order.
    pub fn section_titles(&self) -> Vec<String> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level: 2, text, .. } => Some(text.to_plain()),
                _ => None,
            })
            .collect()
    }
}
