//! The loaded casebook: cases and catalogs, indexed by id and by catalog node.

use std::collections::HashMap;

use crate::catalog::{Catalogs, Kind};
use crate::model::{Case, ControlRef};
use crate::suggest;

/// A loaded case and where it came from.
#[derive(Clone, Debug)]
pub struct Entry {
    pub case: Case,
    /// The file, as shown in diagnostics (`bundled:cases/...` for bundled cases).
    pub path: String,
    pub bundled: bool,
}

#[derive(Debug, Default)]
pub struct Casebook {
    pub catalogs: Catalogs,
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// scheme → node id → indices of cases under that node, including its descendants.
    by_node: HashMap<String, HashMap<String, Vec<usize>>>,
    /// Each case's organization's place in Japanese reading order, computed
    /// the first time a list is sorted by organization.
    organization_order: std::sync::OnceLock<Vec<u32>>,
}

impl Casebook {
    pub fn new(catalogs: Catalogs, entries: Vec<Entry>) -> Self {
        let mut by_id = HashMap::with_capacity(entries.len());
        let mut by_node: HashMap<String, HashMap<String, Vec<usize>>> = HashMap::new();
        let cause = catalogs
            .of_kind(Kind::Causes)
            .map_or("", |c| c.scheme.as_str());
        let sector = catalogs
            .of_kind(Kind::Sectors)
            .map_or("", |c| c.scheme.as_str());
        let mut nodes: Vec<(&str, &str)> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            by_id.insert(entry.case.id.clone(), i);
            let case = &entry.case;
            nodes.clear();
            for r in case.measures.iter().flat_map(|m| &m.controls) {
                let Some(catalog) = catalogs.scheme(&r.scheme) else {
                    continue;
                };
                let mut id = Some(r.id.as_str());
                while let Some(current) = id {
                    nodes.push((r.scheme.as_str(), current));
                    id = catalog.parent(current);
                }
            }
            nodes.extend(
                case.root_causes
                    .iter()
                    .map(|c| (cause, c.category.as_str())),
            );
            nodes.push((sector, case.sector.as_str()));
            nodes.sort_unstable();
            nodes.dedup();
            for &(scheme, id) in &nodes {
                // Keys are allocated once per node, not once per case.
                if !by_node.contains_key(scheme) {
                    by_node.insert(scheme.to_string(), HashMap::new());
                }
                let ids = by_node.get_mut(scheme).expect("inserted above");
                match ids.get_mut(id) {
                    Some(cases) => cases.push(i),
                    None => {
                        ids.insert(id.to_string(), vec![i]);
                    }
                }
            }
        }
        Casebook {
            catalogs,
            entries,
            by_id,
            by_node,
            organization_order: std::sync::OnceLock::new(),
        }
    }

    /// Case `i`'s organization's place in Japanese reading order
    /// ([`crate::order`]): cases sort by organization by comparing these.
    pub fn organization_rank(&self, i: usize) -> u32 {
        let ranks = self.organization_order.get_or_init(|| {
            crate::order::ranks(self.entries.iter().map(|e| e.case.organization.as_str()))
        });
        ranks.get(i).copied().unwrap_or(u32::MAX)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Indices of the cases under a catalog node (the node itself or anything below it).
    pub fn under(&self, scheme: &str, id: &str) -> &[usize] {
        self.by_node
            .get(scheme)
            .and_then(|ids| ids.get(id))
            .map_or(&[], Vec::as_slice)
    }

    /// Indices of the cases citing a control reference or anything below it.
    pub fn under_control(&self, r: &ControlRef) -> &[usize] {
        self.under(&r.scheme, &r.id)
    }

    /// Sorts case indices newest first (then by id): the order of lists and exports.
    pub fn sort_newest_first(&self, cases: &mut [usize]) {
        let e = &self.entries;
        cases.sort_by(|&a, &b| {
            let (a, b) = (&e[a].case, &e[b].case);
            b.published
                .sort_key()
                .cmp(&a.published.sort_key())
                .then_with(|| a.id.cmp(&b.id))
        });
    }

    /// The ids closest to a mistyped one, for "did you mean".
    pub fn nearest_ids(&self, id: &str) -> Vec<&str> {
        let mut near = suggest::nearest(id, self.entries.iter().map(|e| e.case.id.as_str()), 3);
        if near.is_empty() {
            // A typed fragment ("amagasaki") is worth offering too.
            near = self
                .entries
                .iter()
                .map(|e| e.case.id.as_str())
                .filter(|c| c.contains(id))
                .take(3)
                .collect();
        }
        near
    }
}
