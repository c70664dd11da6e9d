//! A directory's next cases file, written as its cases are encoded: each
//! encoding goes to the file's case section (the file still unnamed) as soon
//! as it exists, so a run that fills the cache never holds all of them. The
//! records, the meta and the header follow once every file is read, and the
//! file is put in place in one step, as [`super::write_entry`] puts one
//! written whole; a run ended part-way leaves no entry.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{FORMAT, PROGRAM, Record, file};

/// Where one encoded case went in the case section, and its checksum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spooled {
    pub offset: u64,
    pub len: u64,
    pub sum: u64,
}

/// The cases file being written for a directory (opened on the first case).
pub struct Spool {
    path: PathBuf,
    dir: String,
    state: Mutex<State>,
}

enum State {
    Unopened,
    /// The writer, and the file offset of the case section.
    Open(Box<file::Writer>, u64),
    /// The file could not be created: no entry this time.
    Unwritable,
}

/// What finishing a spool gives.
pub struct Finished {
    /// The entry's generation, when it was written and put in place.
    pub generation: io::Result<u64>,
    /// The file written (placed or not) and the offset of its case section:
    /// the spooled cases are read from it.
    pub cases: Option<(file::Written, u64)>,
}

impl Finished {
    /// A spooled case, read from the file written (placed or not), or from
    /// the bytes a failed write kept.
    pub fn blob(&self, s: &Spooled) -> Option<super::blob::Blob> {
        use super::blob::{Blob, Bytes};
        let (written, start) = self.cases.as_ref()?;
        let at = start.checked_add(s.offset)?;
        let end = at.checked_add(s.len)?;
        let (bytes, offset) = match (&written.lost, &written.map) {
            (Some((from, lost)), _) if at >= *from && end <= from + lost.len() as u64 => {
                (Bytes::Held(std::sync::Arc::clone(lost)), at - from)
            }
            (_, Some(map)) if end <= map.len() as u64 => {
                (Bytes::Map(std::sync::Arc::clone(map)), at)
            }
            _ => return None,
        };
        Some(Blob {
            bytes,
            offset: offset as usize,
            len: s.len as usize,
            sum: s.sum,
        })
    }
}

impl Spool {
    /// The cases file at `path` for the directory `dir` (nothing is created yet).
    pub fn new(path: &Path, dir: &Path) -> Spool {
        Spool {
            path: path.to_path_buf(),
            dir: dir.display().to_string(),
            state: Mutex::new(State::Unopened),
        }
    }

    /// Writes one encoded case into the case section; Err when it could not
    /// be written (the caller keeps the bytes: no entry is written this time).
    pub fn append(&self, blob: &[u8]) -> io::Result<Spooled> {
        let sum = file::checksum(blob);
        let mut state = self
            .state
            .lock()
            .map_err(|_| io::Error::other("a writer panicked"))?;
        self.open(&mut state);
        let State::Open(writer, _) = &mut *state else {
            return Err(unwritable());
        };
        let offset = writer.write(blob)?;
        Ok(Spooled {
            offset,
            len: blob.len() as u64,
            sum,
        })
    }

    fn open(&self, state: &mut State) {
        if let State::Unopened = state {
            *state = match self.create() {
                Ok((writer, start)) => State::Open(Box::new(writer), start),
                Err(_) => State::Unwritable,
            };
        }
    }

    fn create(&self) -> io::Result<(file::Writer, u64)> {
        if let Some(parent) = self.path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut writer =
            file::Writer::beside(&self.path, file::Kind::Cases, FORMAT, PROGRAM, &self.dir, 2)?;
        let start = writer.begin(false)?;
        Ok((writer, start))
    }

    /// Writes `records` (their cases' places already set, each case in this
    /// spool), the meta and the header, and puts the entry in place.
    pub fn finish(self, records: &[Record], catalogs: u128, read_from: i64) -> Finished {
        let mut state = {
            let mut held = self.state.lock().unwrap_or_else(|p| p.into_inner());
            std::mem::replace(&mut *held, State::Unwritable)
        };
        self.open(&mut state);
        let State::Open(mut writer, start) = state else {
            return Finished {
                generation: Err(unwritable()),
                cases: None,
            };
        };
        let written = (|| {
            writer.end_section(1)?;
            let encoded = postcard::to_allocvec(records).map_err(io::Error::other)?;
            writer.begin(true)?;
            writer.write(&encoded)?;
            writer.end_section(0)
        })();
        if let Err(e) = written {
            return Finished {
                generation: Err(e),
                cases: Some((writer.abandon(), start)),
            };
        }
        let generation = super::generation();
        let meta = file::Meta {
            program: PROGRAM.to_string(),
            dir: self.dir.clone(),
            depends_on: catalogs,
            generation,
            read_from,
            sections: Vec::new(),
        };
        let (placed, written) = writer.finish(&self.path, meta);
        Finished {
            generation: placed.map(|()| generation),
            cases: Some((written, start)),
        }
    }
}

fn unwritable() -> io::Error {
    io::Error::other("the cache file could not be created")
}

#[cfg(test)]
mod tests {
    use super::super::{CaseRecord, Entry, NewRecord, key::FileKey, write_entry};
    use super::*;
    use crate::cache::blob::Bytes;

    /// Records of files, every third without a case, each case's encoding
    /// of its own size (one larger than the writer's buffer).
    fn records() -> Vec<(Record, Option<Vec<u8>>)> {
        (0..300u32)
            .map(|i| {
                let case = (i % 3 != 0).then(|| CaseRecord {
                    id: format!("case-{i:03}"),
                    title: format!("事例 {i}"),
                    nodes: vec![i, i + 1],
                    ..CaseRecord::placeholder()
                });
                let size = if i == 100 {
                    1_500_000
                } else {
                    1 + (i as usize * 37) % 5000
                };
                let blob = case
                    .is_some()
                    .then(|| (0..size).map(|b| (b as u32 * 31 + i) as u8).collect());
                let record = Record {
                    rel: format!("cases/2026/case-{i:03}.yaml"),
                    key: FileKey {
                        size: i as u64,
                        mtime: 1,
                        ctime: 2,
                        inode: i as u64,
                        device: 3,
                    },
                    hash: i as u128 * 7,
                    diags: Vec::new(),
                    case,
                };
                (record, blob)
            })
            .collect()
    }

    /// A record as text, without its case's place in the file.
    fn shown(r: &Record) -> String {
        let mut r = r.clone();
        if let Some(c) = r.case.as_mut() {
            (c.offset, c.len, c.sum) = (0, 0, 0);
        }
        format!("{r:?}")
    }

    /// The records as `write_entry` takes them.
    fn as_new(all: &[(Record, Option<Vec<u8>>)]) -> Vec<NewRecord<'_>> {
        all.iter()
            .map(|(record, blob)| NewRecord {
                record: record.clone(),
                blob: blob.as_deref(),
            })
            .collect()
    }

    #[test]
    fn an_entry_written_case_by_case_reads_back_as_one_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let (whole, streamed) = (dir.path().join("a.cases"), dir.path().join("b.cases"));
        let all = records();
        let new = as_new(&all);
        write_entry(&whole, Path::new("/casebook"), 5, 11, new).unwrap();

        // Two threads write the cases in an order of their own, as the
        // loader's workers do.
        let spool = Spool::new(&streamed, Path::new("/casebook"));
        let mut places: Vec<Option<Spooled>> = vec![None; all.len()];
        std::thread::scope(|s| {
            let halves: Vec<_> = [0, 1]
                .map(|half| {
                    let (spool, all) = (&spool, &all);
                    s.spawn(move || {
                        let mut done = Vec::new();
                        for (i, (_, blob)) in all.iter().enumerate().rev() {
                            if let (Some(blob), true) = (blob, i % 2 == half) {
                                done.push((i, spool.append(blob).unwrap()));
                            }
                        }
                        done
                    })
                })
                .into();
            for half in halves {
                for (i, place) in half.join().unwrap() {
                    places[i] = Some(place);
                }
            }
        });
        let list: Vec<Record> = all
            .iter()
            .zip(&places)
            .map(|((record, _), place)| {
                let mut record = record.clone();
                if let (Some(c), Some(p)) = (record.case.as_mut(), place) {
                    (c.offset, c.len, c.sum) = (p.offset, p.len, p.sum);
                }
                record
            })
            .collect();
        let finished = spool.finish(&list, 5, 11);
        let generation = finished.generation.as_ref().unwrap();
        assert_eq!(crate::temp::file_names(dir.path()), ["a.cases", "b.cases"]);

        let a = Entry::open(&whole, 5).unwrap().unwrap();
        let b = Entry::open(&streamed, 5).unwrap().unwrap();
        assert_eq!(b.generation(), *generation);
        assert_eq!(
            (
                &a.opened.meta.dir,
                a.opened.meta.read_from,
                &a.opened.meta.program
            ),
            (
                &b.opened.meta.dir,
                b.opened.meta.read_from,
                &b.opened.meta.program
            )
        );
        assert_eq!(a.records.len(), b.records.len());
        for (i, (ra, rb)) in a.records.iter().zip(&b.records).enumerate() {
            assert_eq!(shown(ra), shown(rb), "record {i}");
            let (ca, cb) = (ra.case.as_ref(), rb.case.as_ref());
            assert_eq!(
                ca.and_then(|c| a.blob_bytes(c)),
                cb.and_then(|c| b.blob_bytes(c)),
                "case {i}"
            );
            assert_eq!(cb.and_then(|c| b.blob_bytes(c)), all[i].1.as_deref());
        }
        // Each case is read from the file just written as from the entry.
        for (i, place) in places.iter().enumerate() {
            let Some(place) = place else { continue };
            let blob = finished.blob(place).unwrap();
            let Bytes::Map(map) = &blob.bytes else {
                panic!("case {i} is read from the file")
            };
            assert_eq!(
                Some(&map[blob.offset..blob.offset + blob.len]),
                all[i].1.as_deref()
            );
            assert_eq!(blob.sum, file::checksum(all[i].1.as_deref().unwrap()));
        }
        // A damaged case section is still noticed case by case.
        let c = b.records[1].case.clone().unwrap();
        drop(b);
        let mut bytes = std::fs::read(&streamed).unwrap();
        let start = file::open(&streamed, file::Kind::Cases, FORMAT, PROGRAM)
            .unwrap()
            .unwrap()
            .meta
            .sections[1]
            .offset;
        bytes[(start + c.offset) as usize] ^= 1;
        std::fs::write(&streamed, &bytes).unwrap();
        let b = Entry::open(&streamed, 5).unwrap().unwrap();
        assert_eq!(b.blob_bytes(&c), None);
    }

    #[test]
    fn a_write_ended_before_it_is_finished_leaves_no_entry_and_the_old_one_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.cases");
        let all = records();
        let new = as_new(&all);
        let generation = write_entry(&path, Path::new("/casebook"), 5, 11, new).unwrap();
        let before = std::fs::read(&path).unwrap();

        let spool = Spool::new(&path, Path::new("/casebook"));
        for (_, blob) in &all {
            if let Some(blob) = blob {
                spool.append(blob).unwrap();
            }
        }
        // What a run ended part-way (a signal, a panic) does: the file is
        // closed without being finished.
        drop(spool);
        assert_eq!(crate::temp::file_names(dir.path()), ["a.cases"]);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(
            Entry::open(&path, 5).unwrap().unwrap().generation(),
            generation
        );
    }

    #[test]
    fn a_directory_that_cannot_hold_the_file_means_no_entry_and_the_caller_keeps_its_case() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the cache directory should be.
        std::fs::write(dir.path().join("cache"), b"").unwrap();
        let path = dir.path().join("cache").join("a.cases");
        let spool = Spool::new(&path, Path::new("/casebook"));
        assert!(spool.append(b"case").is_err());
        let finished = spool.finish(&[], 5, 11);
        assert!(finished.generation.is_err());
        assert!(finished.cases.is_none());
        assert_eq!(crate::temp::file_names(dir.path()), ["cache"]);
    }
}
