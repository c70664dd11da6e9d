//! The case list: the cases under the selected node, in the chosen order.

use std::cmp::Reverse;

use crate::casebook::Casebook;

/// The order of the list: by what, and whether reversed (`O`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    pub by: By,
    pub reversed: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum By {
    /// Newest published first.
    #[default]
    Date,
    /// Most people affected first; unknown counts last.
    People,
    /// By organization, in Japanese reading order ([`crate::order`]).
    Organization,
}

impl Sort {
    /// `o`: the next order, not reversed.
    pub fn next(self) -> Sort {
        let by = match self.by {
            By::Date => By::People,
            By::People => By::Organization,
            By::Organization => By::Date,
        };
        Sort {
            by,
            reversed: false,
        }
    }

    /// `O`: the same order, the other way round.
    pub fn reverse(self) -> Sort {
        Sort {
            reversed: !self.reversed,
            ..self
        }
    }

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        use crate::lang::Lang::*;
        match (self.by, self.reversed, lang) {
            (By::Date, false, Ja) => "新しい順",
            (By::Date, false, En) => "newest first",
            (By::Date, true, Ja) => "古い順",
            (By::Date, true, En) => "oldest first",
            (By::People, false, Ja) => "影響人数の多い順",
            (By::People, false, En) => "most people first",
            (By::People, true, Ja) => "影響人数の少ない順",
            (By::People, true, En) => "fewest people first",
            (By::Organization, false, Ja) => "組織名順",
            (By::Organization, false, En) => "by organization",
            (By::Organization, true, Ja) => "組織名の逆順",
            (By::Organization, true, En) => "by organization, reversed",
        }
    }
}

/// Case indices under a node (`None`: all cases), sorted. Reversing turns the
/// order's own key round; unknown people counts stay last and cases of one
/// organization stay newest first.
pub fn cases(book: &Casebook, scheme: &str, node: Option<&str>, sort: Sort) -> Vec<usize> {
    let mut list: Vec<usize> = match (node, sort.by) {
        (None, By::Date) => book.newest_first().to_vec(),
        (None, _) => (0..book.len()).collect(),
        (Some(id), _) => book.under(scheme, id).to_vec(),
    };
    // Summaries, not whole cases: sorting must not read every case.
    let date = |i: usize| Reverse(book.summary(i).date.date().sort_key());
    let flip = |o: std::cmp::Ordering| if sort.reversed { o.reverse() } else { o };
    match sort.by {
        By::Date => {
            if node.is_some() {
                book.sort_newest_first(&mut list);
            }
            if sort.reversed {
                list.reverse();
            }
        }
        By::People => list.sort_by(|&a, &b| {
            let (pa, pb) = (book.summary(a).people, book.summary(b).people);
            pa.is_none()
                .cmp(&pb.is_none())
                .then_with(|| flip(pb.cmp(&pa)))
                .then_with(|| date(a).cmp(&date(b)))
        }),
        By::Organization => list.sort_by(|&a, &b| {
            flip(book.organization_rank(a).cmp(&book.organization_rank(b)))
                .then_with(|| date(a).cmp(&date(b)))
        }),
    }
    list
}
