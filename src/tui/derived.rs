//! State derived from the app's state, computed once per change instead of on
//! every call and every draw: the case list (a sort of up to every case), the
//! tree rows, and the detail's line count. Each is kept with the inputs it was
//! computed from; asked with other inputs (a change not yet followed by
//! `App::sync`), it is computed afresh for that call, so it is never stale.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashSet;

use super::list::{self, Sort};
use super::tree::{self, Row};
use crate::casebook::Casebook;
use crate::catalog::Catalog;
use crate::lang::Lang;

#[derive(Clone, PartialEq)]
struct ListKey {
    scheme: usize,
    node: Option<String>,
    sort: Sort,
    passing: Option<Vec<bool>>,
}

#[derive(Clone, PartialEq)]
struct TreeKey {
    scheme: usize,
    expanded: HashSet<String>,
    hide_empty: bool,
    /// The filter's cases: the rows count only those.
    passing: Option<Vec<bool>>,
    lang: Lang,
}

/// (case, width, language): what the detail's line count depends on.
pub type DetailKey = (usize, usize, Lang);

#[derive(Default)]
pub struct Derived {
    list: Option<(ListKey, Vec<usize>)>,
    tree: Option<(TreeKey, Vec<Row>)>,
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
    /// The filters' mask of passing cases, when any filter is on.
    pub passing: Option<&'a [bool]>,
    pub expanded: &'a HashSet<String>,
    pub hide_empty: bool,
    pub lang: Lang,
}

impl Inputs<'_> {
    fn list_matches(&self, key: &ListKey) -> bool {
        key.scheme == self.scheme
            && key.node.as_deref() == self.node
            && key.sort == self.sort
            && key.passing.as_deref() == self.passing
    }

    fn tree_matches(&self, key: &TreeKey) -> bool {
        key.scheme == self.scheme
            && key.expanded == *self.expanded
            && key.hide_empty == self.hide_empty
            && key.passing.as_deref() == self.passing
            && key.lang == self.lang
    }

    fn compute_list(&self) -> Vec<usize> {
        let mut list = list::cases(self.book, self.scheme_name, self.node, self.sort);
        if let Some(passing) = self.passing {
            list.retain(|&i| passing.get(i).copied().unwrap_or(false));
        }
        list
    }

    fn compute_tree(&self) -> Vec<Row> {
        match self.catalog {
            Some(c) => tree::rows(
                self.book,
                c,
                self.expanded,
                self.hide_empty,
                self.passing,
                self.lang,
            ),
            None => Vec::new(),
        }
    }
}

impl Derived {
    /// Brings the list and the tree up to date with `inputs`, recomputing only
    /// what changed.
    pub fn refresh(&mut self, inputs: Inputs) {
        if !self
            .list
            .as_ref()
            .is_some_and(|(k, _)| inputs.list_matches(k))
        {
            let key = ListKey {
                scheme: inputs.scheme,
                node: inputs.node.map(str::to_string),
                sort: inputs.sort,
                passing: inputs.passing.map(<[bool]>::to_vec),
            };
            self.list = Some((key, inputs.compute_list()));
        }
        if !self
            .tree
            .as_ref()
            .is_some_and(|(k, _)| inputs.tree_matches(k))
        {
            let key = TreeKey {
                scheme: inputs.scheme,
                expanded: inputs.expanded.clone(),
                hide_empty: inputs.hide_empty,
                passing: inputs.passing.map(<[bool]>::to_vec),
                lang: inputs.lang,
            };
            self.tree = Some((key, inputs.compute_tree()));
        }
    }

    /// The case list for `inputs`: the kept one, or computed for this call.
    pub fn cases(&self, inputs: Inputs) -> Cow<'_, [usize]> {
        match &self.list {
            Some((k, list)) if inputs.list_matches(k) => Cow::Borrowed(list),
            _ => Cow::Owned(inputs.compute_list()),
        }
    }

    /// The tree rows for `inputs`: the kept ones, or computed for this call.
    pub fn tree(&self, inputs: Inputs) -> Cow<'_, [Row]> {
        match &self.tree {
            Some((k, rows)) if inputs.tree_matches(k) => Cow::Borrowed(rows),
            _ => Cow::Owned(inputs.compute_tree()),
        }
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
