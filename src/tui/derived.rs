//! State derived from the app's state, computed once per change instead of on
//! every call and every draw: the case list (a sort of up to every case), the
//! tree rows, and the detail's line count.

use std::cell::Cell;
use std::collections::HashSet;

use super::list::{self, Sort};
use super::tree::{self, Row};
use crate::casebook::Casebook;
use crate::catalog::Catalog;
use crate::lang::Lang;

type ListKey = (usize, Option<String>, Sort);
type TreeKey = (usize, HashSet<String>, bool, Lang);
/// (case, width, language): what the detail's line count depends on.
pub type DetailKey = (usize, usize, Lang);

#[derive(Default)]
pub struct Derived {
    list_key: Option<ListKey>,
    list: Vec<usize>,
    tree_key: Option<TreeKey>,
    tree: Vec<Row>,
    detail_len: Cell<Option<(DetailKey, usize)>>,
}

/// What the derived state is computed from.
pub struct Inputs<'a> {
    pub book: &'a Casebook,
    pub scheme: usize,
    pub scheme_name: &'a str,
    pub catalog: Option<&'a Catalog>,
    pub node: Option<&'a str>,
    pub sort: Sort,
    pub expanded: &'a HashSet<String>,
    pub hide_empty: bool,
    pub lang: Lang,
}

impl Derived {
    /// Brings the list and the tree up to date with `inputs`, recomputing only
    /// what changed.
    pub fn refresh(&mut self, inputs: Inputs) {
        let list_key = (inputs.scheme, inputs.node.map(str::to_string), inputs.sort);
        if self.list_key.as_ref() != Some(&list_key) {
            self.list = list::cases(inputs.book, inputs.scheme_name, inputs.node, inputs.sort);
            self.list_key = Some(list_key);
        }
        let tree_unchanged = self.tree_key.as_ref().is_some_and(|(s, e, h, l)| {
            *s == inputs.scheme
                && e == inputs.expanded
                && *h == inputs.hide_empty
                && *l == inputs.lang
        });
        if !tree_unchanged {
            self.tree = match inputs.catalog {
                Some(c) => tree::rows(
                    inputs.book,
                    c,
                    inputs.expanded,
                    inputs.hide_empty,
                    inputs.lang,
                ),
                None => Vec::new(),
            };
            self.tree_key = Some((
                inputs.scheme,
                inputs.expanded.clone(),
                inputs.hide_empty,
                inputs.lang,
            ));
        }
    }

    pub fn cases(&self) -> &[usize] {
        &self.list
    }

    pub fn tree(&self) -> &[Row] {
        &self.tree
    }

    /// The detail's line count for `key`, computed by `count` when not known.
    pub fn detail_len(&self, key: DetailKey, count: impl FnOnce() -> usize) -> usize {
        match self.detail_len.get() {
            Some((k, len)) if k == key => len,
            _ => {
                let len = count();
                self.detail_len.set(Some((key, len)));
                len
            }
        }
    }
}
