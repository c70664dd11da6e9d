//! `App` applies what the overlays' keys came to: each overlay keeps its
//! state and answers a key with an outcome; the changes to what is shared
//! (the selection, the status, what is on top) are made here.

use super::action::{Action, Effect};
use super::app::{App, Pane, Top};
use super::detail;
use super::layout;
use super::search::{Outcome, ROW_LINES};
use crate::document::Anchor;

impl App {
    /// Result rows that fit in the overlay (below the query line and a rule).
    pub fn search_rows(&self) -> usize {
        let area = self.areas().map_or(self.env.size, |a| a.overlay);
        layout::search_rows(area, ROW_LINES)
    }

    /// `/`: the search overlay, on the last query and its results.
    pub(super) fn open_search(&mut self) {
        self.top = Top::Search;
        let rows = self.search_rows();
        self.overlays.search.open(&self.book, rows);
    }

    pub(super) fn run_search(&mut self) {
        let rows = self.search_rows();
        self.overlays.search.run(&self.book, rows);
    }

    pub(super) fn search_update(&mut self, action: Action) -> Vec<Effect> {
        let rows = self.search_rows();
        match self.overlays.search.update(action, &self.book, rows) {
            Outcome::Stay => {}
            Outcome::Capped => {
                self.status = Some(
                    crate::lang::t(
                        self.env.lang,
                        "検索語は1,000文字までです（超えた分は入れていません）",
                        "A query holds at most 1,000 characters (the rest was left out)",
                    )
                    .into(),
                );
            }
            Outcome::Close => self.top = Top::Browse,
            Outcome::Show { case, anchor } => self.show_hit(case, anchor),
        }
        Vec::new()
    }

    /// Enter on a search result: the case in the browser, with `anchor` on
    /// screen and highlighted.
    fn show_hit(&mut self, case: usize, anchor: Anchor) {
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
