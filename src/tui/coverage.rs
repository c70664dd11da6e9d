//! The coverage view (`C`: every control as a cell, shaded by its number of
//! cases, SoA flags marked) and the statistics view (`S`). Both count the cases
//! of the current list: the area and the filters apply.

use super::action::{Action, Effect};
use super::app::{App, Mode};
use crate::answers::coverage::{self, Row};
use crate::answers::stats::{self, Stats};

/// One line of the grid: a theme or category and the cells under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridRow {
    /// Index of the theme's own coverage row.
    pub head: usize,
    /// Indices of the coverage rows shown as cells (the theme itself when it has no items).
    pub cells: Vec<usize>,
}

#[derive(Default)]
pub struct CoverageState {
    pub rows: Vec<Row>,
    pub grid: Vec<GridRow>,
    /// (grid row, cell)
    pub cursor: (usize, usize),
    /// The largest count of a cell, for the shading.
    pub max: usize,
}

impl CoverageState {
    pub fn selected(&self) -> Option<&Row> {
        let (r, c) = self.cursor;
        self.grid
            .get(r)
            .and_then(|g| g.cells.get(c))
            .and_then(|&i| self.rows.get(i))
    }
}

/// Groups coverage rows (catalog order) into grid lines: each top-level node
/// with everything below it.
pub fn grid(rows: &[Row]) -> Vec<GridRow> {
    let mut out: Vec<GridRow> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if row.depth == 0 {
            out.push(GridRow {
                head: i,
                cells: Vec::new(),
            });
        } else if let Some(last) = out.last_mut() {
            last.cells.push(i);
        }
    }
    for g in &mut out {
        if g.cells.is_empty() {
            g.cells.push(g.head);
        }
    }
    out
}

#[derive(Default)]
pub struct StatsState {
    pub stats: Option<Stats>,
    /// The chart shown when they do not fit side by side: 0 causes, 1 sectors, 2 years.
    pub tab: usize,
}

impl App {
    /// A mask of the cases in the current list.
    fn list_mask(&self) -> Vec<bool> {
        let mut mask = vec![false; self.book.len()];
        for &i in self.cases().iter() {
            mask[i] = true;
        }
        mask
    }

    pub(super) fn open_coverage(&mut self) {
        let schemes: Vec<String> = self
            .book
            .catalogs
            .control_schemes()
            .map(|c| c.scheme.clone())
            .collect();
        let schemes: Vec<&str> = schemes.iter().map(String::as_str).collect();
        let mask = self.list_mask();
        let rows = coverage::rows(
            &self.book,
            &schemes,
            self.soa.as_ref(),
            Some(&mask),
            self.lang,
        );
        let grid = grid(&rows);
        let max = grid
            .iter()
            .flat_map(|g| &g.cells)
            .map(|&i| rows[i].cases)
            .max()
            .unwrap_or(0);
        // Start on the area selected in the tree, when it is a control.
        let here = self.node().and_then(|node| {
            let scheme = self.scheme_name();
            grid.iter().enumerate().find_map(|(gi, g)| {
                g.cells
                    .iter()
                    .position(|&i| rows[i].control.scheme == scheme && rows[i].control.id == node)
                    .map(|ci| (gi, ci))
            })
        });
        self.coverage = CoverageState {
            rows,
            grid,
            cursor: here.unwrap_or((0, 0)),
            max,
        };
        self.mode = Mode::Coverage;
    }

    pub(super) fn coverage_update(&mut self, action: Action) -> Vec<Effect> {
        let cov = &mut self.coverage;
        let (r, c) = cov.cursor;
        let cells = |r: usize| cov.grid.get(r).map_or(1, |g| g.cells.len());
        match action {
            Action::Left => cov.cursor.1 = c.saturating_sub(1),
            Action::Right => cov.cursor.1 = (c + 1).min(cells(r).saturating_sub(1)),
            Action::Up if r > 0 => cov.cursor = (r - 1, c.min(cells(r - 1).saturating_sub(1))),
            Action::Down if r + 1 < cov.grid.len() => {
                cov.cursor = (r + 1, c.min(cells(r + 1).saturating_sub(1)))
            }
            Action::Enter => {
                if let Some(control) = cov.selected().map(|row| row.control.clone()) {
                    self.go_to_control(&control);
                    self.sync();
                }
            }
            Action::Back => self.mode = Mode::Browse,
            Action::Quit => self.quit = true,
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn open_stats(&mut self) {
        let cases = self.cases();
        self.stats = StatsState {
            stats: Some(stats::stats(&self.book, &cases, self.lang)),
            tab: self.stats.tab,
        };
        self.mode = Mode::Stats;
    }

    pub(super) fn stats_update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::NextPane => self.stats.tab = (self.stats.tab + 1) % 3,
            Action::PrevPane => self.stats.tab = (self.stats.tab + 2) % 3,
            Action::Back => self.mode = Mode::Browse,
            Action::Quit => self.quit = true,
            _ => {}
        }
        Vec::new()
    }
}
