//! The control-area tree: the rows of the current scheme, as shown and navigated.

use std::collections::HashSet;

use crate::casebook::Casebook;
use crate::catalog::Catalog;
use crate::lang::Lang;

/// One visible row. `id` None is the root row, "all cases".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: Option<String>,
    pub depth: usize,
    pub title: String,
    pub count: usize,
    pub has_children: bool,
    pub expanded: bool,
}

/// The rows of `catalog` with the given nodes expanded, optionally without
/// empty nodes. With a filter (`passing`, by case index), each row counts the
/// cases under it that pass, as the list shows them.
pub fn rows(
    book: &Casebook,
    catalog: &Catalog,
    expanded: &HashSet<String>,
    hide_empty: bool,
    passing: Option<&[bool]>,
    lang: Lang,
) -> Vec<Row> {
    let counted = |cases: &[usize]| match passing {
        Some(p) => cases
            .iter()
            .filter(|&&i| p.get(i).copied().unwrap_or(false))
            .count(),
        None => cases.len(),
    };
    let mut out = vec![Row {
        id: None,
        depth: 0,
        title: match lang {
            Lang::Ja => "すべての事例".into(),
            Lang::En => "All cases".into(),
        },
        count: match passing {
            Some(p) => p.iter().filter(|&&b| b).count(),
            None => book.len(),
        },
        has_children: true,
        expanded: true,
    }];
    Walker {
        book,
        catalog,
        counted: &counted,
        expanded,
        hide_empty,
        lang,
        out: &mut out,
    }
    .walk(&catalog.items, 1);
    out
}

struct Walker<'a> {
    book: &'a Casebook,
    catalog: &'a Catalog,
    counted: &'a dyn Fn(&[usize]) -> usize,
    expanded: &'a HashSet<String>,
    hide_empty: bool,
    lang: Lang,
    out: &'a mut Vec<Row>,
}

impl Walker<'_> {
    fn walk(&mut self, items: &[crate::catalog::Item], depth: usize) {
        for item in items {
            let count = (self.counted)(self.book.under(&self.catalog.scheme, &item.id));
            if self.hide_empty && count == 0 {
                continue;
            }
            let open = self.expanded.contains(&item.id);
            self.out.push(Row {
                id: Some(item.id.clone()),
                depth,
                title: item.title.get(self.lang).to_string(),
                count,
                has_children: !item.items.is_empty(),
                expanded: open,
            });
            if open {
                self.walk(&item.items, depth + 1);
            }
        }
    }
}

/// The columns a row needs whole: indent, marker, id, title, count.
pub fn row_width(row: &Row) -> usize {
    let id = row.id.as_deref().map_or(0, |id| crate::wrap::width(id) + 1);
    2 * row.depth
        + 2
        + id
        + crate::wrap::width(&crate::width::screen(&row.title))
        + format!(" ({})", row.count).len()
}

/// The width (borders included) the tree needs to show `rows` whole.
pub fn rows_width(rows: &[Row]) -> usize {
    rows.iter().map(row_width).max().unwrap_or(0) + 2
}

/// [`rows_width`] of every row of `catalog`, expanded or not: the widest the
/// tree can want.
pub fn natural_width(book: &Casebook, catalog: &Catalog, lang: Lang) -> usize {
    let all: HashSet<String> = catalog.ids().map(str::to_string).collect();
    rows_width(&rows(book, catalog, &all, false, None, lang))
}

/// The row index of a node, falling back to its nearest visible ancestor, then the root.
pub fn position(rows: &[Row], catalog: &Catalog, id: Option<&str>) -> usize {
    let mut current = id;
    while let Some(c) = current {
        if let Some(i) = rows.iter().position(|r| r.id.as_deref() == Some(c)) {
            return i;
        }
        current = catalog.parent(c);
    }
    0
}
