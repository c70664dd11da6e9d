//! The loaded casebook: cases and catalogs, indexed by id and by catalog node.
//!
//! Every case has a [`Summary`] (what lists, trees and sorting need) kept in
//! memory; the full case is materialized when first asked for, from the
//! cache's memory map when it came from there, so a command that needs one
//! case of 10,000 decodes one.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::catalog::{Catalogs, Kind};
use crate::model::{Case, ControlRef, Dated};
use crate::suggest;

/// A loaded case and where it came from.
#[derive(Clone, Debug)]
pub struct Entry {
    pub case: Case,
    /// The file, as shown in diagnostics (`bundled:cases/...` for bundled cases).
    pub path: String,
    pub bundled: bool,
}

/// What lists, the tree and sorting need of a case.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub organization: String,
    /// The date it is listed and sorted by: published, else discovered.
    pub date: Dated,
    pub people: Option<u64>,
}

impl Summary {
    pub fn of(case: &Case) -> Summary {
        Summary {
            id: case.id.clone(),
            title: case.title.clone(),
            organization: case.organization.clone(),
            date: case.date(),
            people: case.affected.as_ref().and_then(|a| a.people),
        }
    }
}

/// Where a case's full content comes from.
#[derive(Debug)]
pub enum Source {
    Owned(Box<Case>),
    Cached(Blob),
}

/// One case as the loader hands it over.
#[derive(Debug)]
pub struct Part {
    pub summary: Summary,
    pub path: String,
    pub bundled: bool,
    /// The catalog nodes the case is under (see [`Nodes`]).
    pub nodes: Vec<u32>,
    pub source: Source,
}

/// Every catalog node numbered, in catalog order, depth first.
#[derive(Debug, Default)]
pub struct Nodes {
    ids: HashMap<String, HashMap<String, u32>>,
    count: usize,
}

impl Nodes {
    pub fn new(catalogs: &Catalogs) -> Nodes {
        let mut ids: HashMap<String, HashMap<String, u32>> = HashMap::new();
        let mut count = 0;
        for catalog in catalogs.all() {
            let map = ids.entry(catalog.scheme.clone()).or_default();
            for (_, item) in catalog.flatten() {
                map.entry(item.id.clone()).or_insert_with(|| {
                    count += 1;
                    count as u32 - 1
                });
            }
        }
        Nodes { ids, count }
    }

    pub fn get(&self, scheme: &str, id: &str) -> Option<u32> {
        self.ids.get(scheme)?.get(id).copied()
    }

    /// The nodes a case is under: each control it cites and their ancestors,
    /// its root-cause categories, its sector and its threats (in every
    /// threat list that has them). Sorted, without repeats.
    pub fn of_case(&self, catalogs: &Catalogs, case: &Case) -> Vec<u32> {
        let mut out = Vec::new();
        for r in case.measures.iter().flat_map(|m| &m.controls) {
            let Some(catalog) = catalogs.scheme(&r.scheme) else {
                continue;
            };
            let mut id = Some(r.id.as_str());
            while let Some(current) = id {
                out.extend(self.get(&r.scheme, current));
                id = catalog.parent(current);
            }
        }
        if let Some(causes) = catalogs.of_kind(Kind::Causes) {
            for c in &case.root_causes {
                out.extend(self.get(&causes.scheme, &c.category));
            }
        }
        if let Some(sectors) = catalogs.of_kind(Kind::Sectors) {
            out.extend(self.get(&sectors.scheme, &case.sector));
        }
        for list in catalogs.of_kinds(Kind::Threats) {
            for id in &case.threats {
                out.extend(self.get(&list.scheme, id));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[derive(Debug, Default)]
pub struct Casebook {
    pub catalogs: Catalogs,
    cases: Entries,
    by_id: HashMap<String, usize>,
    nodes: Nodes,
    /// node number → indices of cases under that node, including its descendants.
    by_node: Vec<Vec<usize>>,
    /// Every case newest first, and each case's position in that order.
    newest: OnceLock<(Vec<usize>, Vec<u32>)>,
    /// Each case's organization's place in Japanese reading order, computed
    /// the first time a list is sorted by organization.
    organization_order: OnceLock<Vec<u32>>,
}

impl Casebook {
    pub fn new(catalogs: Catalogs, entries: Vec<Entry>) -> Self {
        let nodes = Nodes::new(&catalogs);
        let parts = entries
            .into_iter()
            .map(|e| Part {
                summary: Summary::of(&e.case),
                nodes: nodes.of_case(&catalogs, &e.case),
                path: e.path,
                bundled: e.bundled,
                source: Source::Owned(Box::new(e.case)),
            })
            .collect();
        Casebook::from_parts(catalogs, nodes, parts)
    }

    /// A casebook of cases in hand or in the cache; `nodes` numbers `catalogs`.
    pub fn from_parts(catalogs: Catalogs, nodes: Nodes, parts: Vec<Part>) -> Self {
        let mut by_id = HashMap::with_capacity(parts.len());
        let mut by_node = vec![Vec::new(); nodes.count];
        let mut slots = Vec::with_capacity(parts.len());
        for (i, part) in parts.into_iter().enumerate() {
            by_id.insert(part.summary.id.clone(), i);
            for &n in &part.nodes {
                if let Some(list) = by_node.get_mut(n as usize) {
                    list.push(i);
                }
            }
            let (blob, entry) = match part.source {
                Source::Owned(case) => (
                    None,
                    OnceLock::from(Box::new(Entry {
                        case: *case,
                        path: part.path.clone(),
                        bundled: part.bundled,
                    })),
                ),
                Source::Cached(blob) => (Some(blob), OnceLock::new()),
            };
            slots.push(Slot {
                summary: part.summary,
                path: part.path,
                bundled: part.bundled,
                blob,
                entry,
            });
        }
        Casebook {
            cases: Entries {
                slots,
                catalogs: catalogs.clone(),
                notices: Mutex::new(Vec::new()),
            },
            catalogs,
            by_id,
            nodes,
            by_node,
            newest: OnceLock::new(),
            organization_order: OnceLock::new(),
        }
    }

    /// Taken apart again, to build a changed casebook from (live reload): the
    /// catalogs, their numbering and every case as it is held (a case still in
    /// the cache stays there).
    pub fn into_parts(self) -> (Catalogs, Nodes, Vec<Part>) {
        let mut nodes_of: Vec<Vec<u32>> = vec![Vec::new(); self.cases.slots.len()];
        for (n, cases) in self.by_node.iter().enumerate() {
            for &i in cases {
                nodes_of[i].push(n as u32);
            }
        }
        let parts = self
            .cases
            .slots
            .into_iter()
            .zip(nodes_of)
            .map(|(slot, nodes)| {
                let source = match (slot.entry.into_inner(), slot.blob) {
                    (Some(entry), _) => Source::Owned(Box::new(entry.case)),
                    (None, Some(blob)) => Source::Cached(blob),
                    (None, None) => Source::Owned(Box::new(stand_in(&slot.summary))),
                };
                Part {
                    summary: slot.summary,
                    path: slot.path,
                    bundled: slot.bundled,
                    nodes,
                    source,
                }
            })
            .collect();
        (self.catalogs, self.nodes, parts)
    }

    /// Case `i`'s organization's place in Japanese reading order
    /// ([`crate::order`]): cases sort by organization by comparing these.
    pub fn organization_rank(&self, i: usize) -> u32 {
        let ranks = self.organization_order.get_or_init(|| {
            crate::order::ranks((0..self.len()).map(|i| self.summary(i).organization.as_str()))
        });
        ranks.get(i).copied().unwrap_or(u32::MAX)
    }

    /// The cases, indexable like a slice: `book.entries()[i].case`.
    pub fn entries(&self) -> &Entries {
        &self.cases
    }

    /// The case at `i`, materialized on first use.
    pub fn entry(&self, i: usize) -> &Entry {
        self.cases.entry(i)
    }

    /// The case at `i` without keeping it: borrowed when already in memory,
    /// else read from the cache for the caller alone.
    pub fn fetch(&self, i: usize) -> std::borrow::Cow<'_, Entry> {
        let slot = &self.cases.slots[i];
        match slot.entry.get() {
            Some(entry) => std::borrow::Cow::Borrowed(entry),
            None => std::borrow::Cow::Owned(self.cases.materialize(slot, true)),
        }
    }

    /// How many cases are held in memory (loaded from their files, or read
    /// from the cache and kept); the rest stay in the cache until needed.
    pub fn held(&self) -> usize {
        self.cases
            .slots
            .iter()
            .filter(|s| s.entry.get().is_some())
            .count()
    }

    /// Problems met while reading cases from the cache (each said once).
    pub fn take_notices(&self) -> Vec<crate::diag::Message> {
        self.cases.take_notices()
    }

    pub fn summary(&self, i: usize) -> &Summary {
        &self.cases.slots[i].summary
    }

    pub fn path(&self, i: usize) -> &str {
        &self.cases.slots[i].path
    }

    pub fn is_bundled(&self, i: usize) -> bool {
        self.cases.slots[i].bundled
    }

    pub fn len(&self) -> usize {
        self.cases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// The case with this id, also as typed or pasted in another form
    /// (`ＡＢＣ`, a non-breaking hyphen copied from a Word file).
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index_of(id).map(|i| self.entry(i))
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id
            .get(id)
            .or_else(|| self.by_id.get(&crate::control_id::fold_case_id(id)))
            .copied()
    }

    /// The number of a catalog node (see [`Nodes`]).
    pub fn node_number(&self, scheme: &str, id: &str) -> Option<u32> {
        self.nodes.get(scheme, id)
    }

    /// Indices of the cases under a catalog node (the node itself or anything below it).
    pub fn under(&self, scheme: &str, id: &str) -> &[usize] {
        self.nodes
            .get(scheme, id)
            .and_then(|n| self.by_node.get(n as usize))
            .map_or(&[], Vec::as_slice)
    }

    /// Indices of the cases citing a control reference or anything below it.
    pub fn under_control(&self, r: &ControlRef) -> &[usize] {
        self.under(&r.scheme, &r.id)
    }

    /// Sorts case indices newest first (then by id): the order of lists and exports.
    pub fn sort_newest_first(&self, cases: &mut [usize]) {
        let rank = self.ranks();
        cases.sort_unstable_by_key(|&i| rank[i]);
    }

    /// Every case, newest first (then by id); sorted once.
    pub fn newest_first(&self) -> &[usize] {
        &self.newest().0
    }

    /// Each case's position in [`Casebook::newest_first`].
    pub fn ranks(&self) -> &[u32] {
        &self.newest().1
    }

    fn newest(&self) -> &(Vec<usize>, Vec<u32>) {
        self.newest.get_or_init(|| {
            let s = &self.cases.slots;
            let mut order: Vec<usize> = (0..s.len()).collect();
            order.sort_by(|&a, &b| {
                let (a, b) = (&s[a].summary, &s[b].summary);
                b.date
                    .date()
                    .sort_key()
                    .cmp(&a.date.date().sort_key())
                    .then_with(|| a.id.cmp(&b.id))
            });
            let mut rank = vec![0u32; s.len()];
            for (r, &i) in order.iter().enumerate() {
                rank[i] = r as u32;
            }
            (order, rank)
        })
    }

    /// Case `i`, held in memory as its encoding until its cache entry was
    /// written, is read from the entry (`blob`) from now on; the encoding
    /// is freed. A case already decoded keeps what it decoded.
    pub fn hold_no_longer(&mut self, i: usize, blob: Blob) {
        if let Some(slot) = self.cases.slots.get_mut(i)
            && matches!(
                slot.blob,
                Some(Blob {
                    bytes: Bytes::Held(_),
                    ..
                })
            )
        {
            slot.blob = Some(blob);
        }
    }

    /// The ids closest to a mistyped one, for "did you mean".
    pub fn nearest_ids(&self, id: &str) -> Vec<&str> {
        let ids = || self.cases.slots.iter().map(|s| s.summary.id.as_str());
        let mut near = suggest::nearest(id, ids(), 3);
        if near.is_empty() {
            // A typed fragment ("amagasaki") is worth offering too.
            near = ids().filter(|c| c.contains(id)).take(3).collect();
        }
        near
    }
}

mod entries;

pub use crate::cache::blob::{Blob, Bytes};
pub use entries::{Entries, Reread, reread_with};
use entries::{Slot, stand_in};
