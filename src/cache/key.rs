//! The per-file key: what proves a file unchanged since it was last read.
//!
//! A file is taken as unchanged when its size, modification time, change time
//! (ctime), inode and device are all as recorded, and when that record is not
//! "racy": a file changed in the same tick of the file system's clock as it was
//! read could keep all of them (the classic racy-git problem), so a record
//! whose times are not clearly older than the moment its reading began is
//! checked by content instead. ctime cannot be set by users (`touch -r` and
//! editors restoring mtime still move it), so an edit that keeps size and
//! mtime is caught too. Live reload uses the same keys to re-read one file.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// How far a file's times must lie before the start of the run that read it to
/// be trusted: covers file systems that keep times to the second or two (FAT
/// keeps two) and the coarse kernel clock behind file times.
pub const RACY_SLACK: Duration = Duration::from_secs(2);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileKey {
    pub size: u64,
    /// Nanoseconds since the Unix epoch (i64 holds them until 2262).
    pub mtime: i64,
    pub ctime: i64,
    pub inode: u64,
    pub device: u64,
}

impl FileKey {
    /// The key of the file `path` leads to (symbolic links followed).
    pub fn of(path: &Path) -> Option<FileKey> {
        std::fs::metadata(path)
            .ok()
            .as_ref()
            .and_then(FileKey::from_metadata)
    }

    /// The key from metadata already at hand (of the file itself, not of a link).
    #[cfg(unix)]
    pub fn from_metadata(meta: &std::fs::Metadata) -> Option<FileKey> {
        use std::os::unix::fs::MetadataExt;
        let ns = |s: i64, n: i64| s.saturating_mul(1_000_000_000).saturating_add(n);
        Some(FileKey {
            size: meta.size(),
            mtime: ns(meta.mtime(), meta.mtime_nsec()),
            ctime: ns(meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
            device: meta.dev(),
        })
    }

    /// Without a change time a key cannot prove a file unchanged: no key.
    #[cfg(not(unix))]
    pub fn from_metadata(_meta: &std::fs::Metadata) -> Option<FileKey> {
        None
    }

    /// Whether this key, recorded by a run that began at `read_from`
    /// (nanoseconds since the epoch), proves the file unchanged when it
    /// matches: both times lie more than [`RACY_SLACK`] before that moment.
    pub fn settled(&self, read_from: i64) -> bool {
        let limit = read_from.saturating_sub(RACY_SLACK.as_nanos() as i64);
        self.mtime < limit && self.ctime < limit
    }
}

/// Now, in nanoseconds since the Unix epoch (the clock file times come from).
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i64)
}

/// The content hash that identifies a file's bytes when its key cannot.
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_settled_only_well_before_the_read() {
        let key = FileKey {
            size: 1,
            mtime: 10_000_000_000,
            ctime: 10_000_000_000,
            inode: 1,
            device: 1,
        };
        assert!(key.settled(13_000_000_000));
        assert!(!key.settled(11_000_000_000), "within the slack: racy");
        let future = FileKey {
            mtime: 20_000_000_000,
            ..key
        };
        assert!(
            !future.settled(13_000_000_000),
            "an mtime set in the future"
        );
    }
}
