//! Search through controls: a query that names a control (`A.7.14`, `10-5(4)`)
//! or matches its title in either language (`cryptography`, `暗号の利用`) also
//! finds the measures mapped to it and the cases citing it. These hits rank
//! after every direct text match and carry the control they came through.

use std::collections::HashMap;

use crate::casebook::Casebook;
use crate::control_id::Resolver;
use crate::model::ControlRef;

/// One control node: its label as search sees it, and what cites it.
struct Entry {
    control: ControlRef,
    /// `id ja-title en-title`, normalized like all searched text.
    label: String,
    /// Measure items citing it.
    measures: Vec<u32>,
    /// Case items whose case cites it.
    cases: Vec<u32>,
}

/// Every control of every control scheme, with the items citing it.
pub struct Controls {
    entries: Vec<Entry>,
    resolver: Resolver,
}

/// Shorter terms (one letter, one kanji) would match too many titles.
const MIN_TERM_CHARS: usize = 2;

impl Controls {
    /// `items` lists, for each item, its number, whether it is a case's own
    /// item, and the catalog nodes (see [`crate::casebook::Nodes`]) it cites:
    /// a measure's controls, or every control a case's measures cite. The
    /// index keeps these lists, so no case is read to build this.
    pub fn new<'a>(
        book: &Casebook,
        items: impl Iterator<Item = (u32, bool, &'a [u32])>,
    ) -> Controls {
        let mut entries = Vec::new();
        let mut at: HashMap<u32, usize> = HashMap::new();
        for catalog in book.catalogs.control_schemes() {
            for (_, item) in catalog.flatten() {
                let control = ControlRef::new(&catalog.scheme, &item.id);
                let raw = format!("{} {} {}", item.id, item.title.ja, item.title.en);
                if let Some(n) = book.node_number(&catalog.scheme, &item.id) {
                    at.entry(n).or_insert(entries.len());
                }
                entries.push(Entry {
                    control,
                    label: super::normalize(&raw).0.into_iter().collect(),
                    measures: Vec::new(),
                    cases: Vec::new(),
                });
            }
        }
        for (item, is_case, nodes) in items {
            for n in nodes {
                if let Some(&i) = at.get(n) {
                    let list = if is_case {
                        &mut entries[i].cases
                    } else {
                        &mut entries[i].measures
                    };
                    list.push(item);
                }
            }
        }
        Controls {
            entries,
            resolver: Resolver::new(&book.catalogs),
        }
    }

    /// The controls a query names: the whole query as a control id in any
    /// spelling, or every term (of two characters or more) inside one control's
    /// id or title.
    pub fn matching(&self, query: &str, terms: &[String]) -> Vec<u32> {
        if let Some(r) = self.resolver.lookup(query)
            && let Some(i) = self.entries.iter().position(|e| e.control == r)
        {
            return vec![i as u32];
        }
        if terms.is_empty() || terms.iter().any(|t| t.chars().count() < MIN_TERM_CHARS) {
            return Vec::new();
        }
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| terms.iter().all(|t| e.label.contains(t.as_str())))
            .map(|(i, _)| i as u32)
            .collect()
    }

    /// The items citing control `i`: measures, cases, or both.
    pub fn items(&self, i: u32, measures: bool, cases: bool) -> impl Iterator<Item = u32> + '_ {
        let e = &self.entries[i as usize];
        let m: &[u32] = if measures { &e.measures } else { &[] };
        let c: &[u32] = if cases { &e.cases } else { &[] };
        m.iter().chain(c).copied()
    }

    pub fn control(&self, i: u32) -> &ControlRef {
        &self.entries[i as usize].control
    }
}
