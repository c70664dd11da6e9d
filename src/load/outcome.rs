//! What reading one case file gives: its case (parsed now, or a cache
//! record's), its diagnostics, and what the cache needs to know about it.

use crate::cache;
use crate::diag::Diagnostic;
use crate::model::Case;
use crate::yaml::Pos;

/// A valid case: parsed now, parsed and encoded for the cache (what the
/// casebook keeps of it: the case itself is not kept), or the record of a
/// cache entry.
pub(super) enum Found {
    Owned(Box<Case>, Option<Vec<u8>>),
    Encoded {
        summary: crate::casebook::Summary,
        nodes: Vec<u32>,
        blob: Stored,
    },
    Record(usize),
}

/// Where a case encoded for the cache is until its entry is written.
#[derive(Clone)]
pub(super) enum Stored {
    /// Already in the entry's file, being written ([`cache::Spool`]).
    Spooled(cache::Spooled),
    /// In memory (the file could not be written).
    Held(std::sync::Arc<[u8]>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum How {
    Parsed,
    /// From the cache on the file's key.
    Reused,
    /// From the cache after the bytes hashed the same.
    Verified,
}

pub(super) struct Outcome {
    pub(super) case: Option<(Found, Pos)>,
    pub(super) diags: Vec<Diagnostic>,
    pub(super) how: How,
    /// For the cache: the file's key (taken before the file is read: a
    /// change after that moment shows in the key, or leaves it unsettled, next
    /// time) and the hash of its bytes, when it was read.
    pub(super) key: Option<cache::key::FileKey>,
    pub(super) hash: Option<u128>,
    /// The cache record the outcome came from.
    pub(super) record: Option<usize>,
}

impl Outcome {
    pub(super) fn failed(diags: Vec<Diagnostic>) -> Outcome {
        Outcome {
            case: None,
            diags,
            how: How::Parsed,
            key: None,
            hash: None,
            record: None,
        }
    }
}
