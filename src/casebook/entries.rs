//! The cases of a casebook as slots: each case's summary always, its full
//! content decoded from the cache's memory map when first asked for (and
//! read from its file again if that entry turns out damaged).

use std::ops::Index;
use std::sync::{Mutex, OnceLock};

use super::{Entry, Summary};
use crate::cache::blob::Blob;
use crate::catalog::Catalogs;
use crate::model::Case;

/// Reads a case file again, against the catalogs, when its cache entry
/// turns out damaged.
pub type Reread = fn(&str, &Catalogs) -> Option<Case>;

/// The loader's [`Reread`]: the casebook parses no file itself, so loading
/// hands its reader down once (only a load puts cases in the cache).
static REREAD: OnceLock<Reread> = OnceLock::new();

/// Sets how a damaged cache entry's file is read again (the first call wins).
pub fn reread_with(reread: Reread) {
    let _ = REREAD.set(reread);
}

#[derive(Debug)]
pub(super) struct Slot {
    pub(super) summary: Summary,
    pub(super) path: String,
    pub(super) bundled: bool,
    pub(super) blob: Option<Blob>,
    pub(super) entry: OnceLock<Box<Entry>>,
}

/// A case known only by its summary (its file and its cache entry both gone).
pub(super) fn stand_in(s: &Summary) -> Case {
    Case {
        id: s.id.clone(),
        copied_from: None,
        title: s.title.clone(),
        organization: s.organization.clone(),
        sector: String::new(),
        published: s.date.is_published().then(|| s.date.date()),
        discovered: (!s.date.is_published()).then(|| s.date.date()),
        occurred: None,
        summary: String::new(),
        affected: None,
        root_causes: Vec::new(),
        measures: Vec::new(),
        response: Vec::new(),
        sources: Vec::new(),
        tags: Vec::new(),
        leak: None,
        reports: Vec::new(),
        threats: Vec::new(),
    }
}

/// The cases of a casebook, indexable and iterable like a slice of entries.
#[derive(Debug, Default)]
pub struct Entries {
    pub(super) slots: Vec<Slot>,
    /// To read a file again when its cache entry is damaged.
    pub(super) catalogs: Catalogs,
    /// Problems met while materializing cases from the cache.
    pub(super) notices: Mutex<Vec<crate::diag::Message>>,
}

impl Entries {
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&Entry> {
        (i < self.len()).then(|| self.entry(i))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        (0..self.len()).map(move |i| self.entry(i))
    }

    /// The case at `i`, materialized on first use.
    pub(super) fn entry(&self, i: usize) -> &Entry {
        let slot = &self.slots[i];
        slot.entry
            .get_or_init(|| Box::new(self.materialize(slot, false)))
    }

    /// The case of a slot from its encoding, else from its file. `once`:
    /// read for one use and not kept, so read from the cache file without
    /// touching its map (a search's hits are spread over most of a large
    /// cache, which would otherwise become resident).
    pub(super) fn materialize(&self, slot: &Slot, once: bool) -> Entry {
        let entry = |case| Entry {
            case,
            path: slot.path.clone(),
            bundled: slot.bundled,
        };
        let decoded = slot
            .blob
            .as_ref()
            .and_then(|b| if once { b.read() } else { b.decode() });
        if let Some(case) = decoded {
            return entry(case);
        }
        // The cache was damaged after it was checked: read the file again.
        let reread = REREAD
            .get()
            .and_then(|reread| reread(&slot.path, &self.catalogs))
            .filter(|c| c.id == slot.summary.id);
        let path = &slot.path;
        self.notice(if reread.is_some() {
            crate::msg!(
                "{path} のキャッシュが壊れていたため、ファイルを読み直しました",
                "the cache entry for {path} was damaged; read the file again"
            )
        } else {
            crate::msg!(
                "{path} のキャッシュが壊れていて、ファイルにもその事例がありません。casebook をもう一度実行してください",
                "the cache entry for {path} was damaged; the file no longer holds the case: run casebook again"
            )
        });
        entry(reread.unwrap_or_else(|| stand_in(&slot.summary)))
    }

    fn notice(&self, text: crate::diag::Message) {
        if let Ok(mut n) = self.notices.lock() {
            n.push(text);
        }
    }

    /// Problems met while reading cases from the cache (each said once).
    pub fn take_notices(&self) -> Vec<crate::diag::Message> {
        self.notices
            .lock()
            .map(|mut n| std::mem::take(&mut *n))
            .unwrap_or_default()
    }
}

impl Index<usize> for Entries {
    type Output = Entry;

    fn index(&self, i: usize) -> &Entry {
        self.entry(i)
    }
}

impl<'a> IntoIterator for &'a Entries {
    type Item = &'a Entry;
    type IntoIter = Box<dyn Iterator<Item = &'a Entry> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}
