//! The cache of validated cases: one entry per loaded directory, in the
//! platform's cache directory (`~/.cache/casebook` on Linux; `CASEBOOK_CACHE`
//! names another; `--no-cache` bypasses it).
//!
//! An entry holds, for every file of the directory, its [`key::FileKey`], the
//! hash of its bytes, its diagnostics (without the path) and, when it holds a
//! valid case, the case's summary, the catalog nodes it is under and the case
//! itself (postcard, read from the memory map when first needed). A second
//! file beside it holds the directory's search index (see `search`).
//!
//! What makes it never wrong:
//! - a file's record is used without reading the file only when its key
//!   matches and is settled ([`key::FileKey::settled`]); otherwise the file is
//!   read, and the record is used only when the bytes hash the same;
//! - the entry is used only with the same catalogs (their content hash), the
//!   same cache format and the same program build;
//! - everything is checksummed; a damaged, truncated or foreign entry is
//!   ignored (with a one-line notice) and written again;
//! - entries are written to a file without a name and put in place whole
//!   (a run that fills the cache writes each case there as it is encoded:
//!   [`spool`]).

pub mod blob;
pub mod file;
pub mod key;
pub mod spool;
pub mod wire;

pub use spool::{Spool, Spooled};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use key::FileKey;
use wire::{WDate, WDiag};

/// The layout of cache files; raise it when anything cached changes shape.
pub const FORMAT: u32 = 5;

/// The program that writes and reads the cache: its version and a hash of the
/// sources it was built from, so a rebuilt program never trusts an old entry.
pub const PROGRAM: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("CASEBOOK_BUILD_ID"));

/// Where the cache lives for this run; None: no cache.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub dir: Option<PathBuf>,
}

impl Settings {
    /// `CASEBOOK_CACHE` when set, else the platform's cache directory.
    pub fn from_env() -> Settings {
        let dir = match std::env::var_os("CASEBOOK_CACHE").filter(|v| !v.is_empty()) {
            Some(dir) => Some(PathBuf::from(dir)),
            None => directories::ProjectDirs::from("", "", "casebook")
                .map(|d| d.cache_dir().to_path_buf()),
        };
        Settings { dir }
    }

    pub fn none() -> Settings {
        Settings { dir: None }
    }

    /// The cases file and the index file of a directory's entry.
    pub fn entry(&self, canonical: &Path) -> Option<(PathBuf, PathBuf)> {
        if cfg!(not(all(unix, target_endian = "little"))) {
            return None;
        }
        let dir = self.dir.as_ref()?;
        let name = format!(
            "{:016x}",
            xxhash_rust::xxh3::xxh3_64(canonical.as_os_str().as_encoded_bytes())
        );
        Some((
            dir.join(format!("{name}.cases")),
            dir.join(format!("{name}.index")),
        ))
    }
}

/// What the cache keeps of one file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    /// The path relative to the directory.
    pub rel: String,
    pub key: FileKey,
    pub hash: u128,
    pub diags: Vec<WDiag>,
    pub case: Option<CaseRecord>,
}

/// A valid case's part of a record.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CaseRecord {
    /// Where the id is (for the duplicate-id diagnostic).
    pub id_line: u32,
    pub id_col: u32,
    pub id: String,
    pub title: String,
    pub organization: String,
    /// The case's date (published, else discovered) and whether it is the publication's.
    pub date: WDate,
    pub published: bool,
    pub people: Option<u64>,
    pub nodes: Vec<u32>,
    /// The encoded case within the blobs section, and its checksum.
    pub offset: u64,
    pub len: u64,
    pub sum: u64,
}

impl CaseRecord {
    /// An empty record that only says "a case" (where one was moved out).
    pub fn placeholder() -> CaseRecord {
        CaseRecord {
            id_line: 0,
            id_col: 0,
            id: String::new(),
            title: String::new(),
            organization: String::new(),
            date: WDate::from(crate::model::PartialDate::UNKNOWN),
            published: true,
            people: None,
            nodes: Vec::new(),
            offset: 0,
            len: 0,
            sum: 0,
        }
    }
}

/// A directory's entry as found on disk.
pub struct Entry {
    pub opened: file::Opened,
    pub records: Vec<Record>,
    /// Records by the hash of their path (checked against the path on lookup).
    by_rel: HashMap<u64, usize>,
}

impl Entry {
    /// Opens the cases file; Err with the reason when it exists but cannot be used.
    pub fn open(path: &Path, catalogs: u128) -> Result<Option<Entry>, file::Problem> {
        let Some(opened) = file::open(path, file::Kind::Cases, FORMAT, PROGRAM)? else {
            return Ok(None);
        };
        if opened.meta.sections.len() != 2 {
            return Err(file::Problem::Damaged);
        }
        if opened.meta.depends_on != catalogs {
            // Other catalogs: a normal change, not a damaged cache.
            return Ok(None);
        }
        let records: Vec<Record> =
            postcard::from_bytes(opened.section(0)).map_err(|_| file::Problem::Damaged)?;
        let s = opened.meta.sections[0];
        // The records are decoded and not read again: give their pages back.
        file::release(&opened.map, s.offset as usize, s.len as usize);
        let blobs = opened.meta.sections[1];
        let in_blobs = |c: &CaseRecord| {
            c.offset
                .checked_add(c.len)
                .is_some_and(|end| end <= blobs.len)
        };
        if records
            .iter()
            .filter_map(|r| r.case.as_ref())
            .any(|c| !in_blobs(c))
        {
            return Err(file::Problem::Damaged);
        }
        let by_rel = records
            .iter()
            .enumerate()
            .map(|(i, r)| (xxhash_rust::xxh3::xxh3_64(r.rel.as_bytes()), i))
            .collect();
        Ok(Some(Entry {
            opened,
            records,
            by_rel,
        }))
    }

    pub fn find(&self, rel: &str) -> Option<usize> {
        let i = *self
            .by_rel
            .get(&xxhash_rust::xxh3::xxh3_64(rel.as_bytes()))?;
        (self.records[i].rel == rel).then_some(i)
    }

    /// Whether a record can be used on its key alone.
    pub fn settled(&self, record: usize, key: &FileKey) -> bool {
        let r = &self.records[record];
        r.key == *key && r.key.settled(self.opened.meta.read_from)
    }

    /// The encoded case of a record, as a blob in the memory map.
    pub fn blob(&self, c: &CaseRecord) -> blob::Blob {
        blob::Blob {
            bytes: blob::Bytes::Map(self.opened.map.clone()),
            offset: (self.opened.meta.sections[1].offset + c.offset) as usize,
            len: c.len as usize,
            sum: c.sum,
        }
    }

    /// The encoded case's bytes, when they are intact.
    pub fn blob_bytes(&self, c: &CaseRecord) -> Option<&[u8]> {
        let blobs = self.opened.section(1);
        let bytes = blobs.get(c.offset as usize..(c.offset + c.len) as usize)?;
        (file::checksum(bytes) == c.sum).then_some(bytes)
    }

    pub fn generation(&self) -> u64 {
        self.opened.meta.generation
    }
}

/// A record to write, with its encoded case when it has one.
pub struct NewRecord<'a> {
    pub record: Record,
    pub blob: Option<&'a [u8]>,
}

/// Writes a directory's cases file; returns its generation.
pub fn write_entry(
    path: &Path,
    dir: &Path,
    catalogs: u128,
    read_from: i64,
    mut records: Vec<NewRecord>,
) -> std::io::Result<u64> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut at = 0u64;
    let mut blobs: Vec<&[u8]> = Vec::new();
    for r in &mut records {
        if let (Some(case), Some(blob)) = (r.record.case.as_mut(), r.blob) {
            case.offset = at;
            case.len = blob.len() as u64;
            case.sum = file::checksum(blob);
            at += case.len;
            blobs.push(blob);
        }
    }
    let list: Vec<&Record> = records.iter().map(|r| &r.record).collect();
    let encoded = postcard::to_allocvec(&list).map_err(std::io::Error::other)?;
    let generation = generation();
    let meta = file::Meta {
        program: PROGRAM.to_string(),
        dir: dir.display().to_string(),
        depends_on: catalogs,
        generation,
        read_from,
        sections: Vec::new(),
    };
    file::write(
        path,
        file::Kind::Cases,
        FORMAT,
        meta,
        &[
            file::Out {
                parts: vec![&encoded],
                checked: true,
            },
            file::Out {
                parts: blobs,
                checked: false,
            },
        ],
    )?;
    Ok(generation)
}

/// A number that differs between any two writes.
fn generation() -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&key::now().to_le_bytes());
    h.update(&std::process::id().to_le_bytes());
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    h.update(
        &COUNTER
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            .to_le_bytes(),
    );
    h.digest()
}

/// What the cache did for one directory (`CASEBOOK_CACHE_STATS=1` prints it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub dir: String,
    /// Records used on their key alone.
    pub reused: usize,
    /// Records used after the file's bytes hashed the same.
    pub verified: usize,
    /// Files parsed and validated.
    pub parsed: usize,
    /// Whether the entry was written.
    pub written: bool,
}

impl Stats {
    /// The line `CASEBOOK_CACHE_STATS=1` prints.
    pub fn line(&self) -> crate::diag::Message {
        let Stats {
            dir,
            reused,
            verified,
            parsed,
            written,
        } = self;
        let (ja, en) = if *written {
            ("、書き込み済み", ", written")
        } else {
            ("", "")
        };
        crate::msg!(
            "キャッシュ {dir}: 再利用 {reused}、内容で確認 {verified}、解析 {parsed}{ja}",
            "cache {dir}: {reused} reused, {verified} verified by content, {parsed} parsed{en}"
        )
    }
}
