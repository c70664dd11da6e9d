//! `App` applies what the overlays' keys came to: each overlay keeps its
//! state and answers a key with an outcome; the changes to what is shared
//! (the selection, the status, what is on top) are made here.

mod author;
mod copy;
mod filters;
mod jumps;
mod progress;
mod report;

use crate::document::Anchor;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Mode, Pane, Top};
use crate::tui::coverage::{self, CoverageState, StatsState};
use crate::tui::detail;
use crate::tui::layout;
use crate::tui::search::{Outcome, ROW_LINES};

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

// ----- coverage and statistics ---------------------------------------------------

impl App {
    pub(super) fn open_coverage(&mut self) {
        let mut cov = CoverageState::new(
            &self.book,
            self.env.soa.as_ref(),
            &self.filters,
            self.env.lang,
        );
        // Start on the area selected in the tree, when it is a control: the
        // cursor only, the count is of the whole casebook.
        if let Some(here) = self
            .node()
            .and_then(|node| cov.position(self.scheme_name(), node))
        {
            cov.cursor = here;
        }
        self.overlays.coverage = cov;
        self.top = Top::Coverage;
    }

    /// After a reload (cases or the statement changed): the open coverage
    /// view counts again, its cursor kept where it was.
    pub(super) fn recount_answers(&mut self) {
        match self.top.mode() {
            Mode::Coverage => {
                let at = self
                    .overlays
                    .coverage
                    .selected()
                    .map(|r| (r.control.scheme.clone(), r.control.id.clone()));
                let mut cov = CoverageState::new(
                    &self.book,
                    self.env.soa.as_ref(),
                    &self.filters,
                    self.env.lang,
                );
                if let Some(here) = at.and_then(|(s, id)| cov.position(&s, &id)) {
                    cov.cursor = here;
                }
                self.overlays.coverage = cov;
            }
            Mode::Stats => {
                self.overlays.stats = StatsState::new(
                    &self.book,
                    &self.filters,
                    self.env.lang,
                    self.overlays.stats.tab,
                )
            }
            _ => {}
        }
    }

    /// When the Statement of Applicability is among the changed files: read
    /// it again (its problems replace the old ones in `!`) and count again.
    pub(super) fn statement_changed(&mut self, paths: &[std::path::PathBuf]) {
        let Some(path) = self.env.options.soa_path.clone() else {
            return;
        };
        // Read from the disk once, not for each changed path (a `git pull`
        // reports thousands).
        let canonical = path.canonicalize().ok();
        let same = |p: &std::path::PathBuf| {
            p == &path
                || canonical
                    .as_ref()
                    .is_some_and(|c| p.canonicalize().is_ok_and(|a| &a == c))
        };
        if !paths.iter().any(same) {
            return;
        }
        // As the statement names itself in its diagnostics.
        let shown = path.display().to_string();
        let (soa, diags) = crate::answers::soa::read_file(&path, &self.book.catalogs);
        // A statement that cannot be read at all leaves the last one in use.
        let keep = soa.is_none() && !diags.is_empty();
        self.problems.list.retain(|d| d.path != shown);
        self.problems.list.extend(diags);
        self.problems.failed_files = crate::diag::failed_files(&self.problems.list);
        self.problems.panel = Default::default();
        self.refresh_diagnostics_panel();
        if !keep {
            self.env.soa = soa;
        }
        self.recount_answers();
    }

    pub(super) fn coverage_update(&mut self, action: Action) -> Vec<Effect> {
        let outcome = self.overlays.coverage.update(action);
        self.answers_outcome(outcome);
        Vec::new()
    }

    pub(super) fn open_stats(&mut self) {
        self.overlays.stats = StatsState::new(
            &self.book,
            &self.filters,
            self.env.lang,
            self.overlays.stats.tab,
        );
        self.top = Top::Stats;
    }

    pub(super) fn stats_update(&mut self, action: Action) -> Vec<Effect> {
        let outcome = self.overlays.stats.update(action);
        self.answers_outcome(outcome);
        Vec::new()
    }

    fn answers_outcome(&mut self, outcome: coverage::Outcome) {
        match outcome {
            coverage::Outcome::Stay => {}
            coverage::Outcome::Close => self.top = Top::Browse,
            coverage::Outcome::Quit => self.quit = true,
            coverage::Outcome::Go(control) => {
                self.go_to_control(&control);
                self.sync();
            }
        }
    }
}
