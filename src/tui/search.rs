//! The search overlay (`/`): a query line and results that update on every key.

use std::collections::HashMap;

use super::action::Action;
use super::field::{Edited, Field};
use crate::casebook::Casebook;
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

/// What a key in the search came to, for `App` to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// The query was cut at [`MAX_QUERY_CHARS`].
    Capped,
    Close,
    /// Enter on a result: show this case with this part highlighted.
    Show {
        case: usize,
        anchor: Anchor,
    },
}

impl SearchState {
    /// `/`: on the last query (selected, so typing replaces it and → or
    /// End keeps it) and its results. `rows`: the result rows that fit.
    pub fn open(&mut self, book: &Casebook, rows: usize) {
        self.field.select_all();
        self.run(book, rows);
    }

    pub fn update(&mut self, action: Action, book: &Casebook, rows: usize) -> Outcome {
        match self.field.edit_capped(&action, MAX_QUERY_CHARS) {
            Edited::Changed { cut } => {
                self.run(book, rows);
                return if cut { Outcome::Capped } else { Outcome::Stay };
            }
            Edited::Moved => return Outcome::Stay,
            Edited::No => {}
        }
        let page = rows as i64;
        match action {
            Action::CycleTarget => {
                self.target = self.target.next();
                self.run(book, rows);
            }
            Action::Up => self.move_result(-1, book, rows),
            Action::Down => self.move_result(1, book, rows),
            Action::PageUp => self.move_result(-page, book, rows),
            Action::PageDown => self.move_result(page, book, rows),
            Action::Scroll { delta, .. } => self.move_result(delta as i64, book, rows),
            Action::Enter => {
                if let Some((case, anchor)) = self.chosen(book) {
                    return Outcome::Show { case, anchor };
                }
            }
            Action::Back => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// Runs the query again (after a key, or a reload).
    pub fn run(&mut self, book: &Casebook, rows: usize) {
        self.hits = self.searcher.search(&self.field.text, self.target);
        self.selected = 0;
        self.offset = 0;
        self.positions.clear();
        self.fill_positions(book, rows);
    }

    fn move_result(&mut self, delta: i64, book: &Casebook, rows: usize) {
        if self.hits.is_empty() {
            return;
        }
        self.selected =
            (self.selected as i64 + delta).clamp(0, self.hits.len() as i64 - 1) as usize;
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.fill_positions(book, rows);
    }

    /// Computes highlight positions for the rows on screen only.
    fn fill_positions(&mut self, book: &Casebook, rows: usize) {
        if self.field.text.trim().is_empty() {
            return;
        }
        for hit in self.hits.iter().skip(self.offset).take(rows) {
            // A hit through a control matched no characters of its own text.
            if hit.via.is_none() && !self.positions.contains_key(&hit.item) {
                let p = self.searcher.positions(book, hit.item, &self.field.text);
                self.positions.insert(hit.item, p);
            }
        }
    }

    /// The selected result's case, and the part to highlight: the matched
    /// measure or, for a case hit, the best-matching sentence, cause or title.
    fn chosen(&mut self, book: &Casebook) -> Option<(usize, Anchor)> {
        let hit = self.hits.get(self.selected).copied()?;
        let (case, kind) = self.searcher.index.item_of(hit.item);
        let anchor = match kind {
            Kind::Measure(i) => Anchor::Measure(i as usize),
            Kind::Case => {
                let positions = self.searcher.positions(book, hit.item, &self.field.text);
                let c = &book.entries()[case].case;
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
        Some((case, anchor))
    }
}
