//! What the views and `update` ask of the browser's state: the selected
//! classification, node and cases (derived once per change, see
//! `derived.rs`), the layout's areas and pane heights, the pane titles, and
//! how long the scrolling panes are.

use std::borrow::Cow;

use super::app::{App, Mode, Pane, scheme_names};
use super::derived::Inputs;
use super::layout::{self, Areas};
use super::tree::{self, Row};
use super::{detail, help};
use crate::catalog::Catalog;

impl App {
    pub fn catalog(&self) -> Option<&Catalog> {
        self.panes
            .tree
            .schemes
            .get(self.panes.tree.scheme)
            .and_then(|s| self.book.catalogs.scheme(s))
    }

    pub fn scheme_name(&self) -> &str {
        self.panes
            .tree
            .schemes
            .get(self.panes.tree.scheme)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The selected node in the current scheme (None: all cases).
    pub fn node(&self) -> Option<&str> {
        self.panes
            .tree
            .nodes
            .get(self.panes.tree.scheme)
            .and_then(|n| n.as_deref())
    }

    /// The tree's rows (derived: see [`App::derive`]).
    pub fn tree_rows(&self) -> Cow<'_, [Row]> {
        self.panes.derived.tree(self.inputs())
    }

    pub fn tree_selected(&self, rows: &[Row]) -> usize {
        self.catalog()
            .map_or(0, |c| tree::position(rows, c, self.node()))
    }

    /// The cases under the selected node that pass the filters, in display
    /// order (derived: see [`App::derive`]).
    pub fn cases(&self) -> Cow<'_, [usize]> {
        self.panes.derived.cases(self.inputs())
    }

    /// What the derived state depends on.
    pub(super) fn inputs(&self) -> Inputs<'_> {
        Inputs {
            book: &self.book,
            scheme: self.panes.tree.scheme,
            scheme_name: self.scheme_name(),
            catalog: self.catalog(),
            node: self.node(),
            sort: self.panes.list.sort,
            passing: self.filters.passing.as_deref(),
            expanded: &self.panes.tree.expanded[self.panes.tree.scheme],
            hide_empty: self.panes.tree.hide_empty,
            lang: self.env.lang,
        }
    }

    /// Computes again the derived state whose inputs changed (`sync` does).
    pub fn derive(&mut self) {
        let inputs = Inputs {
            book: &self.book,
            scheme: self.panes.tree.scheme,
            scheme_name: self
                .panes
                .tree
                .schemes
                .get(self.panes.tree.scheme)
                .map(String::as_str)
                .unwrap_or(""),
            catalog: self
                .panes
                .tree
                .schemes
                .get(self.panes.tree.scheme)
                .and_then(|s| self.book.catalogs.scheme(s)),
            node: self
                .panes
                .tree
                .nodes
                .get(self.panes.tree.scheme)
                .and_then(|n| n.as_deref()),
            sort: self.panes.list.sort,
            passing: self.filters.passing.as_deref(),
            expanded: &self.panes.tree.expanded[self.panes.tree.scheme],
            hide_empty: self.panes.tree.hide_empty,
            lang: self.env.lang,
        };
        self.panes.derived.refresh(inputs);
    }

    /// The schemes again, after the catalogs changed (the current one kept by name).
    pub(super) fn refresh_schemes(&mut self) {
        let schemes = scheme_names(&self.book);
        if schemes == self.panes.tree.schemes {
            return;
        }
        let current = self.scheme_name().to_string();
        let node = |app: &App, s: &str| {
            app.panes
                .tree
                .schemes
                .iter()
                .position(|x| x == s)
                .map(|i| {
                    (
                        app.panes.tree.nodes[i].clone(),
                        app.panes.tree.expanded[i].clone(),
                    )
                })
                .unwrap_or_default()
        };
        let (nodes, expanded) = schemes.iter().map(|s| node(self, s)).unzip();
        self.panes.tree.nodes = nodes;
        self.panes.tree.expanded = expanded;
        self.panes.tree.scheme = schemes.iter().position(|s| *s == current).unwrap_or(0);
        self.panes.tree.schemes = schemes;
    }

    pub fn areas(&self) -> Option<Areas> {
        layout::areas(
            self.env.size,
            self.panes.focus,
            self.banner(),
            self.filter_bar(),
            self.tree_width(),
        )
    }

    /// The tree pane's title: ` 分類: ISO 27001 `.
    pub fn tree_title(&self) -> String {
        let name = self
            .catalog()
            .map(|c| c.short.get(self.env.lang).to_string())
            .unwrap_or_default();
        let hidden = if self.panes.tree.hide_empty {
            crate::lang::t(self.env.lang, "・事例ありのみ", " · with cases")
        } else {
            ""
        };
        let label = crate::lang::t(self.env.lang, "分類: ", "Areas: ");
        format!(" {label}{name}{hidden} ")
    }

    /// How wide the tree would like to be, for the layout.
    pub fn tree_width(&self) -> layout::TreeWidth {
        // What the classification's rows need with every theme closed,
        // whatever is open: the pane keeps its width when a theme opens
        // (the controls' titles are cut with `…`; the list's title and the
        // detail give them whole), and the list and the detail keep their room.
        let current = self
            .panes
            .tree
            .widths
            .get(self.panes.tree.scheme)
            .map_or(self.panes.tree.need, |w| w.0);
        layout::TreeWidth {
            current,
            widest: self
                .panes
                .tree
                .widths
                .iter()
                .map(|w| w.1)
                .max()
                .unwrap_or(0),
        }
    }

    /// Whether the filter bar shows: when anything but the area filters, or
    /// while a chip is being chosen.
    pub fn filter_bar(&self) -> bool {
        self.filters.active() || self.top.mode() == Mode::Chips
    }

    /// Whether the "files failed to load" banner shows.
    pub fn banner(&self) -> bool {
        !self.env.options.problems.is_empty() || self.problems.failed_files > 0
    }

    pub fn error_files(&self) -> usize {
        self.problems.failed_files
    }

    pub(super) fn pane_height(&self, pane: Pane) -> usize {
        let inner = self
            .areas()
            .and_then(|a| a.pane(pane))
            .map_or(1, layout::inner_height);
        // The list spends a row on its column headings.
        if pane == Pane::List {
            inner.saturating_sub(1).max(1)
        } else {
            inner.max(1)
        }
    }

    pub(super) fn detail_width(&self) -> usize {
        self.areas()
            .and_then(|a| a.detail)
            .map_or(40, layout::inner_width)
    }

    pub(super) fn detail_len(&self) -> usize {
        let Some(c) = self.panes.case else { return 0 };
        let width = self.detail_width();
        self.panes
            .derived
            .detail_len((c, width, self.env.lang), || {
                detail::screen(self, c, width).len()
            })
    }

    pub(super) fn overlay_len(&self) -> (usize, usize) {
        let area = self.areas().map_or(self.env.size, |a| a.overlay);
        let height = layout::inner_height(area).max(1);
        let width = layout::inner_width(area);
        let len = match self.top.mode() {
            Mode::Help => {
                let words = self.help_filter().and_then(|f| f.words());
                help::lines(self.env.theme, self.env.lang, words, width).len()
            }
            Mode::Diagnostics => self.problems.panel.len(),
            _ => 0,
        };
        (len, height)
    }

    /// Wraps the `!` panel again when it is open and its width or language changed.
    pub(super) fn refresh_diagnostics_panel(&mut self) {
        if self.top.mode() != Mode::Diagnostics {
            return;
        }
        let area = self.areas().map_or(self.env.size, |a| a.overlay);
        let width = layout::inner_width(area);
        self.problems
            .panel
            .refresh(&self.problems.list, width, self.env.lang);
    }
}
