//! The cache's side of loading: finding a directory's entry, and writing the
//! entries that changed (see `crate::cache`).

use std::path::{Path, PathBuf};

use super::input::canonical;
use super::outcome::{Found, How, Outcome, Stored};
use crate::cache;
use crate::casebook::Casebook;
use crate::yaml::Pos;

/// A part of the search index: these cases (indices into the casebook, in
/// the index's order), and the cache file that may hold their index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexSource {
    pub cases: Vec<u32>,
    pub file: Option<IndexFile>,
}

/// A directory's index file, valid for one generation of its cases file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexFile {
    pub path: PathBuf,
    pub dir: String,
    pub generation: u64,
}

/// A loaded directory and its cache entry.
pub(super) struct DirState {
    pub(super) canonical: PathBuf,
    pub(super) files: Option<(PathBuf, PathBuf)>,
    pub(super) entry: Option<cache::Entry>,
    /// The next entry's file, which cases parsed now are written to.
    pub(super) spool: Option<cache::Spool>,
    pub(super) stats: cache::Stats,
}

/// A record for the next cache entry: one of the current entry's (the file
/// unchanged), or a new one with its encoded case.
pub(super) enum Pending {
    Old {
        prior: usize,
        key: cache::key::FileKey,
    },
    New {
        record: Box<cache::Record>,
        blob: Option<Stored>,
    },
}

impl Pending {
    pub(super) fn has_case(&self, entry: Option<&cache::Entry>) -> bool {
        match self {
            Pending::Old { prior, .. } => entry.is_some_and(|e| e.records[*prior].case.is_some()),
            Pending::New { record, .. } => record.case.is_some(),
        }
    }
}

/// Finds a directory's cache entry; a damaged one is reported in `notices`.
pub(super) fn open_dir(
    dir: &Path,
    settings: &cache::Settings,
    catalogs: u128,
    notices: &mut Vec<crate::diag::Message>,
) -> DirState {
    let canonical = canonical(dir);
    let files = settings.entry(&canonical);
    let entry = files
        .as_ref()
        .and_then(|(cases, _)| match cache::Entry::open(cases, catalogs) {
            Ok(entry) => entry,
            Err(problem) => {
                let what = crate::diag::phrase("キャッシュ", "cache");
                notices.push(problem.notice(what, &dir.display().to_string()));
                None
            }
        });
    DirState {
        stats: cache::Stats {
            dir: dir.display().to_string(),
            ..cache::Stats::default()
        },
        spool: files
            .as_ref()
            .map(|(cases, _)| cache::Spool::new(cases, &canonical)),
        canonical,
        files,
        entry,
    }
}

/// Writes the cache entries that changed; returns where each part of the
/// search index comes from.
pub(super) fn save_caches(
    dirs: &mut [DirState],
    pending: Vec<Vec<(Pending, Option<usize>)>>,
    catalogs: u128,
    read_from: i64,
    book: &mut Casebook,
) -> Vec<IndexSource> {
    let mut sources = Vec::new();
    let mut covered = vec![false; book.len()];
    for (dir, mut pending) in dirs.iter_mut().zip(pending) {
        let Some((cases_path, index_path)) = dir.files.clone() else {
            continue;
        };
        let entry = dir.entry.as_ref();
        let unchanged = entry.is_some_and(|e| {
            dir.stats.verified == 0 && dir.stats.parsed == 0 && pending.len() == e.records.len()
        });
        let generation = if unchanged {
            entry.map(cache::Entry::generation)
        } else {
            let spool = dir
                .spool
                .take()
                .unwrap_or_else(|| cache::Spool::new(&cases_path, &dir.canonical));
            let total = pending.len();
            let mut list = Vec::with_capacity(total);
            // The casebook index of each case written from this run, and its place.
            let mut spooled: Vec<(usize, cache::Spooled)> = Vec::new();
            // Bytes copied from the current entry since its pages were last handed back.
            let mut copied = 0usize;
            for (p, placed) in &mut pending {
                let (mut record, at) = match p {
                    Pending::Old { prior, key } => {
                        let Some(e) = entry else { continue };
                        let mut record = e.records[*prior].clone();
                        record.key = *key;
                        let at = match record.case.as_ref() {
                            // A damaged case is left out: its file is read next time.
                            Some(c) => match e.blob_bytes(c) {
                                Some(bytes) => {
                                    copied += bytes.len();
                                    if copied > 16 << 20 {
                                        copied = 0;
                                        cache::file::release(&e.opened.map, 0, e.opened.map.len());
                                    }
                                    Some(spool.append(bytes))
                                }
                                None => continue,
                            },
                            None => None,
                        };
                        (record, at)
                    }
                    Pending::New { record, blob } => {
                        let at = match (record.case.is_some(), blob.take()) {
                            (false, _) => None,
                            (true, None) => continue,
                            (true, Some(Stored::Spooled(s))) => Some(Ok(s)),
                            (true, Some(Stored::Held(bytes))) => Some(spool.append(&bytes)),
                        };
                        // Moved, not copied: the records are not needed after this.
                        let left = cache::Record {
                            rel: String::new(),
                            key: record.key,
                            hash: record.hash,
                            diags: Vec::new(),
                            case: record
                                .case
                                .as_ref()
                                .map(|_| cache::CaseRecord::placeholder()),
                        };
                        let record = *std::mem::replace(record, Box::new(left));
                        if let (Some(Ok(s)), Some(i)) = (&at, placed) {
                            spooled.push((*i, *s));
                        }
                        (record, at)
                    }
                };
                match (at, record.case.as_mut()) {
                    (Some(Ok(s)), Some(c)) => {
                        c.offset = s.offset;
                        c.len = s.len;
                        c.sum = s.sum;
                    }
                    // The file could not be written: no entry this time
                    // (finishing the spool says so).
                    (Some(Err(_)), _) => continue,
                    _ => {}
                }
                list.push(record);
            }
            let complete = list.len() == total;
            let finished = spool.finish(&list, catalogs, read_from);
            drop(list);
            dir.stats.written = finished.generation.is_ok();
            // The cases of this run are read from the file written from now
            // on (whether or not it could be put in place).
            for (i, s) in spooled {
                if let Some(blob) = finished.blob(&s) {
                    book.hold_no_longer(i, blob);
                }
            }
            // An entry missing a record cannot vouch for the index of all cases.
            finished.generation.ok().filter(|_| complete)
        };
        // The index part of each record's case, in record order.
        let placed: Vec<Option<usize>> = pending
            .iter()
            .filter(|(p, _)| p.has_case(entry))
            .map(|(_, placed)| *placed)
            .collect();
        if let (Some(generation), true) = (generation, placed.iter().all(Option::is_some)) {
            let cases: Vec<u32> = placed.iter().map(|p| p.unwrap_or(0) as u32).collect();
            for &c in &cases {
                covered[c as usize] = true;
            }
            sources.push(IndexSource {
                cases,
                file: Some(IndexFile {
                    path: index_path,
                    dir: dir.canonical.display().to_string(),
                    generation,
                }),
            });
        }
    }
    let rest: Vec<u32> = (0..book.len() as u32)
        .filter(|&c| !covered[c as usize])
        .collect();
    if !rest.is_empty() || sources.is_empty() {
        sources.push(IndexSource {
            cases: rest,
            file: None,
        });
    }
    sources
}

/// The outcome a cache record holds, for the file shown as `shown`.
pub(super) fn from_record(
    record: &cache::Record,
    r: usize,
    shown: &str,
    how: How,
    key: cache::key::FileKey,
) -> Outcome {
    Outcome {
        case: record.case.as_ref().map(|c| {
            (
                Found::Record(r),
                Pos {
                    line: c.id_line,
                    col: c.id_col,
                },
            )
        }),
        diags: record.diags.iter().map(|d| d.to_diag(shown)).collect(),
        how,
        key: Some(key),
        hash: Some(record.hash),
        record: Some(r),
    }
}
