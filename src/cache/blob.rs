//! A case encoded for the cache: where its bytes are and their checksum.

use std::sync::Arc;

use super::{file, wire};
use crate::model::Case;

/// A case encoded for the cache, with its checksum: in a memory-mapped
/// cache file, or held in memory until the file it goes into is written.
#[derive(Clone, Debug)]
pub struct Blob {
    pub bytes: Bytes,
    pub offset: usize,
    pub len: usize,
    pub sum: u64,
}

/// Where a blob's bytes are.
#[derive(Clone, Debug)]
pub enum Bytes {
    Map(Arc<file::Map>),
    Held(Arc<[u8]>),
}

impl Blob {
    /// A case just encoded, held until its cache file is written.
    pub fn held(bytes: Arc<[u8]>) -> Blob {
        Blob {
            len: bytes.len(),
            sum: file::checksum(&bytes),
            bytes: Bytes::Held(bytes),
            offset: 0,
        }
    }

    /// The case, read from the file rather than through its map (see
    /// [`file::Map::read_at`]), when the bytes are whole: for a case read
    /// once and not kept.
    pub fn read(&self) -> Option<Case> {
        let Bytes::Map(map) = &self.bytes else {
            return self.decode();
        };
        let bytes = map.read_at(self.offset, self.len)?;
        if file::checksum(&bytes) != self.sum {
            return None;
        }
        wire::decode_case(&bytes)
    }

    /// The case, when the bytes are whole (their checksum holds).
    pub fn decode(&self) -> Option<Case> {
        let all: &[u8] = match &self.bytes {
            Bytes::Map(map) => map,
            Bytes::Held(bytes) => bytes,
        };
        let bytes = all.get(self.offset..self.offset.checked_add(self.len)?)?;
        if file::checksum(bytes) != self.sum {
            return None;
        }
        wire::decode_case(bytes)
    }
}
