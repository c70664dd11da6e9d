//! The state each of the three panes keeps: the tree, the case list and the
//! detail. The selected case and the focus are shared and stay in
//! `App`.

use std::collections::HashSet;

use super::derived::Derived;
use super::list::Sort;
use crate::answers::similar::Similar;
use crate::document::Anchor;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Tree,
    List,
    Detail,
}

impl Pane {
    pub(super) fn next(self) -> Pane {
        match self {
            Pane::Tree => Pane::List,
            Pane::List => Pane::Detail,
            Pane::Detail => Pane::Tree,
        }
    }

    pub(super) fn prev(self) -> Pane {
        self.next().next()
    }
}

/// The three panes, the case selected and the pane with the focus.
pub struct Panes {
    pub tree: TreePane,
    pub list: ListPane,
    pub detail: DetailPane,
    /// Selected case: an index into `book.entries()`.
    pub case: Option<usize>,
    pub focus: Pane,
    /// The case list, tree rows and detail length, kept up to date by `derive`.
    pub(super) derived: Derived,
}

/// The tree: the classifications `s` cycles through, the node selected and
/// the nodes expanded in each, and how far it is scrolled.
#[derive(Debug, Default)]
pub struct TreePane {
    /// Scheme names in the order `s` cycles through them.
    pub schemes: Vec<String>,
    pub scheme: usize,
    /// Selected node per scheme (None: the "all cases" root).
    pub(super) nodes: Vec<Option<String>>,
    /// Expanded nodes per scheme.
    pub(super) expanded: Vec<HashSet<String>>,
    pub hide_empty: bool,
    pub offset: usize,
    /// The widest each classification's tree can want (`tree::natural_width`).
    pub(super) widths: Vec<(u16, u16)>,
    /// The width the tree's visible rows need (`tree::rows_width`), kept by `sync`.
    pub(super) need: u16,
}

impl TreePane {
    /// The tree over `schemes`, on scheme `scheme`, nothing expanded.
    pub fn new(schemes: Vec<String>, scheme: usize) -> TreePane {
        let n = schemes.len();
        TreePane {
            schemes,
            scheme,
            nodes: vec![None; n],
            expanded: vec![HashSet::new(); n],
            ..TreePane::default()
        }
    }
}

/// The case list: its order and how far it is scrolled.
#[derive(Debug, Default)]
pub struct ListPane {
    pub sort: Sort,
    pub offset: usize,
}

/// The detail: how far it is scrolled, the part highlighted, and the
/// similar cases shown at its end.
#[derive(Debug, Default)]
pub struct DetailPane {
    pub scroll: usize,
    /// The part of the detail to highlight (after a search jump): a measure,
    /// a summary sentence, a root cause.
    pub highlight: Option<Anchor>,
    /// The cases most like the selected one (derived when the selection changes).
    pub similar: Vec<Similar>,
    /// The case `similar` was derived for.
    pub(super) similar_of: Option<usize>,
    /// The similar case chosen in the detail (Enter follows it).
    pub similar_cursor: Option<usize>,
}
