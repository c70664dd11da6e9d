//! The case list: the cases under the selected node, in the chosen order.

use std::cmp::Reverse;

use crate::casebook::Casebook;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest published first.
    #[default]
    Date,
    /// Most people affected first; unknown counts last.
    People,
    /// By organization name.
    Organization,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Date => Sort::People,
            Sort::People => Sort::Organization,
            Sort::Organization => Sort::Date,
        }
    }

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        use crate::lang::Lang::*;
        match (self, lang) {
            (Sort::Date, Ja) => "新しい順",
            (Sort::Date, En) => "newest first",
            (Sort::People, Ja) => "影響人数順",
            (Sort::People, En) => "most people first",
            (Sort::Organization, Ja) => "組織名順",
            (Sort::Organization, En) => "by organization",
        }
    }
}

/// Case indices under a node (`None`: all cases), sorted.
pub fn cases(book: &Casebook, scheme: &str, node: Option<&str>, sort: Sort) -> Vec<usize> {
    let mut list: Vec<usize> = match (node, sort) {
        (None, Sort::Date) => return book.newest_first().to_vec(),
        (None, _) => (0..book.len()).collect(),
        (Some(id), _) => book.under(scheme, id).to_vec(),
    };
    // Summaries, not whole cases: sorting must not read every case.
    let date = |i: usize| Reverse(book.summary(i).published.sort_key());
    match sort {
        Sort::Date => book.sort_newest_first(&mut list),
        Sort::People => list.sort_by_key(|&i| {
            let people = book.summary(i).people;
            (people.is_none(), Reverse(people), date(i))
        }),
        Sort::Organization => list.sort_by(|&a, &b| {
            book.summary(a)
                .organization
                .cmp(&book.summary(b).organization)
                .then_with(|| date(a).cmp(&date(b)))
        }),
    }
    list
}
