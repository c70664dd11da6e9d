//! The coverage view (`C`: every control as a cell, shaded by its number of
//! cases, SoA flags marked) and the statistics view (`S`). Both count the
//! whole casebook narrowed only by the explicit filters (`F`, `p`, `b`), never
//! by the area selected in the tree ([`crate::answers::scope`]), each incident
//! once; their titles name the filters in force.

use super::action::Action;
use super::filters::FilterState;
use crate::answers::coverage::Row;
use crate::answers::scope;
use crate::answers::soa::Soa;
use crate::answers::stats::Stats;
use crate::casebook::Casebook;
use crate::lang::Lang;
use crate::model::ControlRef;

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
    /// The cases counted (each incident once).
    pub counted: usize,
    /// The filters in force, named for the title.
    pub named: Vec<String>,
}

impl CoverageState {
    /// Coverage of every control scheme over the cases the explicit filters
    /// pass, held against `soa`; the cursor on the first cell.
    pub fn new(book: &Casebook, soa: Option<&Soa>, filters: &FilterState, lang: Lang) -> Self {
        let schemes: Vec<&str> = book
            .catalogs
            .control_schemes()
            .map(|c| c.scheme.as_str())
            .collect();
        let (filter, words) = filters.scope();
        let counted = scope::counted(book, filter, words);
        let rows = crate::answers::coverage::rows(book, &schemes, soa, Some(&counted), lang);
        let grid = grid(&rows);
        let max = grid
            .iter()
            .flat_map(|g| &g.cells)
            .map(|&i| rows[i].cases)
            .max()
            .unwrap_or(0);
        CoverageState {
            rows,
            grid,
            cursor: (0, 0),
            max,
            counted: counted.iter().filter(|&&c| c).count(),
            named: filters.named(&book.catalogs, lang),
        }
    }

    /// The grid position of a control, when it is a cell.
    pub fn position(&self, scheme: &str, id: &str) -> Option<(usize, usize)> {
        self.grid.iter().enumerate().find_map(|(gi, g)| {
            g.cells
                .iter()
                .position(|&i| {
                    self.rows[i].control.scheme == scheme && self.rows[i].control.id == id
                })
                .map(|ci| (gi, ci))
        })
    }

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

/// The statistics' charts shown one at a time on narrow screens.
const STATS_TABS: usize = 4;

#[derive(Default)]
pub struct StatsState {
    pub stats: Option<Stats>,
    /// The chart shown when they do not fit side by side: 0 causes, 1
    /// sectors, 2 years, 3 the current surveys.
    pub tab: usize,
    /// How far the surveys are scrolled (↑/↓).
    pub scroll: usize,
    /// The filters in force, named for the title.
    pub named: Vec<String>,
}

impl StatsState {
    /// Statistics of the cases the explicit filters pass, on chart `tab`.
    pub fn new(book: &Casebook, filters: &FilterState, lang: Lang, tab: usize) -> Self {
        let (filter, words) = filters.scope();
        StatsState {
            stats: Some(scope::stats(book, filter, words, lang)),
            tab,
            scroll: 0,
            named: filters.named(&book.catalogs, lang),
        }
    }
}

/// What a key in coverage or statistics came to, for `App` to apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Close,
    Quit,
    /// Enter on a cell: the control in the tree.
    Go(ControlRef),
}

impl CoverageState {
    pub fn update(&mut self, action: Action) -> Outcome {
        let (r, c) = self.cursor;
        let grid = &self.grid;
        let cells = |r: usize| grid.get(r).map_or(1, |g| g.cells.len());
        match action {
            Action::Left => self.cursor.1 = c.saturating_sub(1),
            Action::Right => self.cursor.1 = (c + 1).min(cells(r).saturating_sub(1)),
            Action::Up if r > 0 => self.cursor = (r - 1, c.min(cells(r - 1).saturating_sub(1))),
            Action::Down if r + 1 < grid.len() => {
                self.cursor = (r + 1, c.min(cells(r + 1).saturating_sub(1)))
            }
            Action::Enter => {
                if let Some(control) = self.selected().map(|row| row.control.clone()) {
                    return Outcome::Go(control);
                }
            }
            Action::Back => return Outcome::Close,
            Action::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }
}

impl StatsState {
    pub fn update(&mut self, action: Action) -> Outcome {
        match action {
            Action::NextPane => self.tab = (self.tab + 1) % STATS_TABS,
            Action::PrevPane => self.tab = (self.tab + STATS_TABS - 1) % STATS_TABS,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            // The view stops at the last line.
            Action::Down => self.scroll = (self.scroll + 1).min(10_000),
            Action::Top => self.scroll = 0,
            Action::Back => return Outcome::Close,
            Action::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }
}
