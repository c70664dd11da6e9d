//! Which cases to look at: areas (controls), causes, sectors and threats (any of the
//! given values within each), a range of years and where the case came from,
//! all combined with AND. The CLI's `list` and the browser's filter bar use it;
//! coverage and statistics follow it.

use crate::casebook::Casebook;
use crate::catalog::Kind;
use crate::model::ControlRef;

/// Where a case came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Origin {
    /// The public cases compiled into casebook.
    Bundled,
    /// The team's own casebook directories.
    Team,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A case citing any of these (or anything below them).
    pub controls: Vec<ControlRef>,
    /// A case with any of these cause categories.
    pub causes: Vec<String>,
    /// A case in any of these sectors.
    pub sectors: Vec<String>,
    /// A case classified under any of these threats (of any year's list).
    pub threats: Vec<String>,
    /// Published in this year or later.
    pub since: Option<u16>,
    /// Published in this year or earlier.
    pub until: Option<u16>,
    pub origin: Option<Origin>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether the case with this index passes every condition. Read from
    /// the case's summary and the casebook's indexes: no case is decoded.
    pub fn matches(&self, book: &Casebook, index: usize) -> bool {
        let year = book.summary(index).date.date().year;
        let under = |kind: Kind, id: &String| {
            book.catalogs
                .of_kind(kind)
                .is_some_and(|c| book.under(&c.scheme, id).binary_search(&index).is_ok())
        };
        self.since.is_none_or(|y| year >= y)
            && self.until.is_none_or(|y| year <= y)
            && self
                .origin
                .is_none_or(|o| (o == Origin::Bundled) == book.is_bundled(index))
            && (self.sectors.is_empty() || self.sectors.iter().any(|s| under(Kind::Sectors, s)))
            && (self.causes.is_empty() || self.causes.iter().any(|c| under(Kind::Causes, c)))
            && (self.threats.is_empty() || self.threats.iter().any(|t| threat(book, index, t)))
            && (self.controls.is_empty() || self.controls.iter().any(|r| cites(book, index, r)))
    }

    /// The indices of the cases that pass, in index order.
    pub fn apply(&self, book: &Casebook) -> Vec<usize> {
        (0..book.len()).filter(|&i| self.matches(book, i)).collect()
    }

    /// Which cases pass, as a mask over every case index.
    pub fn mask(&self, book: &Casebook) -> Vec<bool> {
        (0..book.len()).map(|i| self.matches(book, i)).collect()
    }
}

/// Whether a case is classified under a threat id, in any threat list.
pub fn threat(book: &Casebook, index: usize, id: &str) -> bool {
    book.catalogs
        .of_kinds(Kind::Threats)
        .any(|c| book.under(&c.scheme, id).binary_search(&index).is_ok())
}

/// Whether a case cites a control or anything below it.
pub fn cites(book: &Casebook, index: usize, r: &ControlRef) -> bool {
    book.under_control(r).binary_search(&index).is_ok()
}
