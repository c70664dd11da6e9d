//! The search overlay (`/`): a query line and results that update on every key.

use std::collections::HashMap;

use super::action::{Action, Effect};
use super::app::{App, Pane, Top};
use super::detail;
use super::field::{Edited, Field};
use super::layout;
use crate::document::{self, Anchor};
use crate::search::{Hit, Kind, Searcher, Target};

/// Lines per result row: the matched text, then organization, date and controls.
pub const ROW_LINES: usize = 2;

/// The longest query, in characters: a huge paste is cut here (and the status
/// bar says so), so neither the search nor the query line grows with it.
pub const MAX_QUERY_CHARS: usize = 1000;

pub struct SearchState {
    /// The index searched (opened from the cache, or built at start-up).
    pub searcher: Searcher,
    pub field: Field,
    pub target: Target,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub offset: usize,
    /// Match positions of the rows on screen, by item.
    pub positions: HashMap<u32, Vec<usize>>,
}

impl SearchState {
    pub fn new(searcher: Searcher) -> SearchState {
        SearchState {
            searcher,
            field: Field::default(),
            target: Target::default(),
            hits: Vec::new(),
            selected: 0,
            offset: 0,
            positions: HashMap::new(),
        }
    }
}

impl App {
    /// Result rows that fit in the overlay (below the query line and a rule).
    pub fn search_rows(&self) -> usize {
        let area = self.areas().map_or(self.env.size, |a| a.overlay);
        layout::search_rows(area, ROW_LINES)
    }

    /// `/`: the search overlay, on the last query (selected, so typing
    /// replaces it and → or End keeps it) and its results.
    pub(super) fn open_search(&mut self) {
        self.top = Top::Search;
        self.overlays.search.field.select_all();
        self.run_search();
    }

    pub(super) fn search_update(&mut self, action: Action) -> Vec<Effect> {
        let page = self.search_rows() as i64;
        let s = &mut self.overlays.search;
        match s.field.edit_capped(&action, MAX_QUERY_CHARS) {
            Edited::Changed { cut } => {
                self.query_capped(cut);
                self.run_search();
                return Vec::new();
            }
            Edited::Moved => return Vec::new(),
            Edited::No => {}
        }
        match action {
            Action::CycleTarget => {
                s.target = s.target.next();
                self.run_search();
            }
            Action::Up => self.move_result(-1),
            Action::Down => self.move_result(1),
            Action::PageUp => self.move_result(-page),
            Action::PageDown => self.move_result(page),
            Action::Scroll { delta, .. } => self.move_result(delta as i64),
            Action::Enter => self.jump(),
            Action::Back => self.top = Top::Browse,
            _ => {}
        }
        Vec::new()
    }

    fn query_capped(&mut self, cut: bool) {
        if cut {
            self.status = Some(
                crate::lang::t(
                    self.env.lang,
                    "検索語は1,000文字までです（超えた分は入れていません）",
                    "A query holds at most 1,000 characters (the rest was left out)",
                )
                .into(),
            );
        }
    }

    pub(super) fn run_search(&mut self) {
        let s = &mut self.overlays.search;
        s.hits = s.searcher.search(&s.field.text, s.target);
        s.selected = 0;
        s.offset = 0;
        s.positions.clear();
        self.fill_positions();
    }

    fn move_result(&mut self, delta: i64) {
        let s = &mut self.overlays.search;
        if s.hits.is_empty() {
            return;
        }
        s.selected = (s.selected as i64 + delta).clamp(0, s.hits.len() as i64 - 1) as usize;
        let rows = self.search_rows();
        let s = &mut self.overlays.search;
        if s.selected < s.offset {
            s.offset = s.selected;
        } else if s.selected >= s.offset + rows {
            s.offset = s.selected + 1 - rows;
        }
        self.fill_positions();
    }

    /// Computes highlight positions for the rows on screen only.
    fn fill_positions(&mut self) {
        let rows = self.search_rows();
        let s = &mut self.overlays.search;
        if s.field.text.trim().is_empty() {
            return;
        }
        for hit in s.hits.iter().skip(s.offset).take(rows) {
            // A hit through a control matched no characters of its own text.
            if hit.via.is_none() && !s.positions.contains_key(&hit.item) {
                let p = s.searcher.positions(&self.book, hit.item, &s.field.text);
                s.positions.insert(hit.item, p);
            }
        }
    }

    /// Enter: show the selected result's case in the browser, with the matched
    /// measure (or, for a case hit, the best-matching sentence, cause or
    /// title) on screen and highlighted.
    fn jump(&mut self) {
        let Some(hit) = self
            .overlays
            .search
            .hits
            .get(self.overlays.search.selected)
            .copied()
        else {
            return;
        };
        let (case, kind) = self.overlays.search.searcher.index.item_of(hit.item);
        let anchor = match kind {
            Kind::Measure(i) => Anchor::Measure(i as usize),
            Kind::Case => {
                let positions = self.overlays.search.searcher.positions(
                    &self.book,
                    hit.item,
                    &self.overlays.search.field.text,
                );
                let c = &self.book.entries()[case].case;
                let (_, parts) = crate::search::case_parts(c);
                // The part holding most of the matched characters.
                let part = (0..parts.len())
                    .max_by_key(|&p| {
                        let n = positions.iter().filter(|i| parts[p].contains(i)).count();
                        (n, std::cmp::Reverse(p))
                    })
                    .unwrap_or(0);
                document::case::search_anchor(c, part)
            }
        };
        self.remember();
        self.reveal_case(case);
        self.panes.detail.highlight = Some(anchor);
        self.top = Top::Browse;
        self.panes.focus = Pane::Detail;
        self.sync();
        // Scroll the highlighted part into view, a little below the top (at
        // the top of a small pane).
        let width = self
            .areas()
            .and_then(|a| a.detail)
            .map_or(40, layout::inner_width);
        let margin = (self.pane_height(Pane::Detail) / 4).min(2);
        if let Some(line) = detail::screen(self, case, width).line_of(anchor) {
            self.panes.detail.scroll = line.saturating_sub(margin);
            self.sync();
        }
    }
}
