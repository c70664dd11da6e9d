//! One cache file: a header, a checksummed description (`Meta`, postcard) and
//! sections of bytes, each starting at a multiple of 8 so arrays can be read
//! in place from the memory map.
//!
//! ```text
//! 0   magic "CBCACHE\0"      8   format (u32)   12  kind (u32)
//! 16  meta length (u64)      24  meta checksum (xxh3-64)
//! 32  meta (postcard)  ...   sections
//! ```
//!
//! The meta gives each section's offset and length: the sections may follow
//! it after a gap of zeros and in any order ([`Writer`] writes the sections
//! first, as their bytes come, and the meta last, into room kept for it).
//!
//! Files are written unnamed in the same directory and put in place in one
//! step ([`crate::temp`]), so a reader sees the old file or the new one, never
//! half of one, and a run ended part-way leaves nothing.

use std::io::{self, BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::Arc;

use memmap2::Mmap;
use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 8] = b"CBCACHE\0";
const HEADER: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Cases = 1,
    Index = 2,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The program that wrote it (version and build).
    pub program: String,
    /// The directory it describes (canonical).
    pub dir: String,
    /// Cases: the hash of the catalogs the cases were validated against.
    /// Index: the generation of the cases file it was built from.
    pub depends_on: u128,
    /// This file's generation (a cases file's; an index file names it in `depends_on`).
    pub generation: u64,
    /// When the run that read the files began (ns since the epoch).
    pub read_from: i64,
    pub sections: Vec<Section>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub offset: u64,
    pub len: u64,
    /// xxh3-64 of the section, checked on opening; None for sections whose
    /// parts carry their own checksums (checked when read).
    pub sum: Option<u64>,
}

/// Why a cache file was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    NotACache,
    Truncated,
    OtherVersion,
    Damaged,
}

impl Problem {
    pub fn describe(&self) -> crate::diag::Phrase {
        use crate::diag::phrase;
        match self {
            Problem::NotACache => phrase(
                "casebook のキャッシュファイルではありません",
                "it is not a casebook cache file",
            ),
            Problem::Truncated => phrase("途中で切れています", "it is truncated"),
            Problem::OtherVersion => phrase(
                "別の版の casebook が書いたものです",
                "another version of casebook wrote it",
            ),
            Problem::Damaged => phrase(
                "壊れています（チェックサムが合いません）",
                "it is damaged (a checksum does not match)",
            ),
        }
    }

    /// The one-line notice when the cache for `what` (a directory, or its
    /// search index) was not used for this reason.
    pub fn notice(&self, what: crate::diag::Phrase, dir: &str) -> crate::diag::Message {
        let (why, what) = (self.describe(), what);
        let (wja, wen, rja, ren) = (what.ja, what.en, why.ja, why.en);
        crate::msg!(
            "{dir} の{wja}は使いませんでした（{rja}）。作り直します",
            "the {wen} for {dir} was not used ({ren}); it is rebuilt"
        )
    }
}

/// A cache file's memory map, watched for the file changing under it
/// ([`crate::fault`]: a truncated file reads as zeros instead of ending the
/// program).
#[derive(Debug)]
pub struct Map {
    /// Declared first: dropped (no longer watched) before the map is unmapped.
    guard: crate::fault::Guard,
    map: Mmap,
    /// The file mapped, for reading a few bytes without touching the map.
    file: std::fs::File,
}

impl Map {
    fn new(map: Mmap, file: std::fs::File) -> Map {
        Map {
            guard: crate::fault::watch(map.as_ptr(), map.len()),
            map,
            file,
        }
    }

    /// Whether the file changed under the map (its contents are now zeros).
    pub fn changed(&self) -> bool {
        self.guard.changed()
    }

    /// `len` bytes from `offset`, read from the file (a copy): for data read
    /// once at scattered places, such as the cases a search shows. Reading
    /// them through the map would make resident, at each place, every page
    /// the kernel maps around a fault (hundreds of kilobytes for a case of
    /// two), until handed back. None when the file no longer holds them.
    pub fn read_at(&self, offset: usize, len: usize) -> Option<Vec<u8>> {
        use std::os::unix::fs::FileExt;
        let mut bytes = vec![0; len];
        self.file.read_exact_at(&mut bytes, offset as u64).ok()?;
        Some(bytes)
    }
}

impl std::ops::Deref for Map {
    type Target = Mmap;

    fn deref(&self) -> &Mmap {
        &self.map
    }
}

/// An open cache file.
pub struct Opened {
    pub map: Arc<Map>,
    pub meta: Meta,
}

impl Opened {
    /// Whether the file changed under its map since it was opened.
    pub fn changed(&self) -> bool {
        self.map.changed()
    }

    pub fn section(&self, i: usize) -> &[u8] {
        let s = self.meta.sections[i];
        &self.map[s.offset as usize..(s.offset + s.len) as usize]
    }
}

/// Drops `len` bytes from `offset` of a cache file's mapping (and the rest
/// of the pages they touch) from the process's resident memory, for data read
/// once and not needed again soon. Cache files are mapped read-only and
/// shared, and never changed in place (they are replaced by rename): a dropped
/// page is read from the file again when next touched, never zeroed.
pub fn release(map: &Mmap, offset: usize, len: usize) {
    // SAFETY: see above; DontNeed on such a mapping changes no contents.
    #[cfg(unix)]
    let _ = unsafe { map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, offset, len) };
    #[cfg(not(unix))]
    let _ = (map, offset, len);
}

pub fn checksum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Opens and checks a cache file. Ok(None) when there is none.
pub fn open(
    path: &Path,
    kind: Kind,
    format: u32,
    program: &str,
) -> Result<Option<Opened>, Problem> {
    // Opened without waiting (a FIFO planted there opens at once), and used
    // only when it is a regular file: a FIFO, a device or a link to one is
    // no cache entry (and is replaced when the entry is written).
    let file = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
    {
        Ok(f) => f,
        Err(_) => return Ok(None),
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(Problem::NotACache);
    }
    // SAFETY: cache files are only ever replaced by rename, never changed in
    // place, so the mapped file does not change under us.
    let map = match unsafe { Mmap::map(&file) } {
        Ok(m) => m,
        Err(_) => return Ok(None),
    };
    if map.len() < HEADER {
        return Err(if MAGIC.starts_with(&map[..map.len().min(8)]) {
            Problem::Truncated
        } else {
            Problem::NotACache
        });
    }
    if &map[..8] != MAGIC {
        return Err(Problem::NotACache);
    }
    let word = |at: usize| u32::from_le_bytes(map[at..at + 4].try_into().unwrap_or_default());
    let long = |at: usize| u64::from_le_bytes(map[at..at + 8].try_into().unwrap_or_default());
    if word(8) != format || word(12) != kind as u32 {
        return Err(Problem::OtherVersion);
    }
    let meta_len = long(16);
    if meta_len > (map.len() - HEADER) as u64 {
        return Err(Problem::Truncated);
    }
    let meta_bytes = &map[HEADER..HEADER + meta_len as usize];
    if checksum(meta_bytes) != long(24) {
        return Err(Problem::Damaged);
    }
    let meta: Meta = postcard::from_bytes(meta_bytes).map_err(|_| Problem::Damaged)?;
    if meta.program != program {
        return Err(Problem::OtherVersion);
    }
    for s in &meta.sections {
        let end = s.offset.checked_add(s.len).ok_or(Problem::Damaged)?;
        if end > map.len() as u64 {
            return Err(Problem::Truncated);
        }
        if s.offset % 8 != 0 {
            return Err(Problem::Damaged);
        }
    }
    let opened = Opened {
        map: Arc::new(Map::new(map, file)),
        meta,
    };
    for (i, s) in opened.meta.sections.iter().enumerate() {
        if let Some(sum) = s.sum
            && checked_sum(&opened, i) != sum
        {
            return Err(Problem::Damaged);
        }
    }
    Ok(Some(opened))
}

/// A section's checksum, read piece by piece, each piece's pages handed back
/// once hashed: checking a 150 MB index must not make all of it resident at
/// once (the browser may never search it; a command-line search reads it
/// again piece by piece). The same value as [`checksum`] of the whole.
fn checked_sum(opened: &Opened, section: usize) -> u64 {
    const PIECE: usize = 4 << 20;
    let bytes = opened.section(section);
    if bytes.len() <= PIECE {
        return checksum(bytes);
    }
    let start = opened.meta.sections[section].offset as usize;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for (n, piece) in bytes.chunks(PIECE).enumerate() {
        hasher.update(piece);
        release(&opened.map, start + n * PIECE, piece.len());
    }
    hasher.digest()
}

/// A section to write: its bytes in parts, and whether to checksum it whole.
pub struct Out<'a> {
    pub parts: Vec<&'a [u8]>,
    pub checked: bool,
}

fn padding(len: u64) -> u64 {
    (8 - len % 8) % 8
}

/// Writes a cache file atomically ([`crate::temp`]: no name until whole).
pub fn write(
    path: &Path,
    kind: Kind,
    format: u32,
    mut meta: Meta,
    sections: &[Out],
) -> io::Result<()> {
    // Lay the sections out first: their offsets go into the meta, whose
    // length moves them, so settle the meta's length by iterating.
    let lens: Vec<u64> = sections
        .iter()
        .map(|s| s.parts.iter().map(|p| p.len() as u64).sum())
        .collect();
    let sums: Vec<Option<u64>> = sections
        .iter()
        .map(|s| {
            s.checked.then(|| {
                let mut h = xxhash_rust::xxh3::Xxh3::new();
                s.parts.iter().for_each(|p| h.update(p));
                h.digest()
            })
        })
        .collect();
    let mut meta_bytes = Vec::new();
    let mut start = 0u64;
    for _ in 0..4 {
        let mut at = start;
        meta.sections = lens
            .iter()
            .zip(&sums)
            .map(|(&len, &sum)| {
                let s = Section {
                    offset: at,
                    len,
                    sum,
                };
                at += len + padding(len);
                s
            })
            .collect();
        meta_bytes = postcard::to_allocvec(&meta).map_err(io::Error::other)?;
        let first = HEADER as u64 + meta_bytes.len() as u64;
        let first = first + padding(first);
        if first == start {
            break;
        }
        start = first;
    }
    let mut temp = crate::temp::Temp::beside(path)?;
    let mut out = BufWriter::with_capacity(1 << 20, temp.file());
    out.write_all(MAGIC)?;
    out.write_all(&format.to_le_bytes())?;
    out.write_all(&(kind as u32).to_le_bytes())?;
    out.write_all(&(meta_bytes.len() as u64).to_le_bytes())?;
    out.write_all(&checksum(&meta_bytes).to_le_bytes())?;
    out.write_all(&meta_bytes)?;
    let mut at = (HEADER + meta_bytes.len()) as u64;
    for (section, s) in sections.iter().zip(&meta.sections) {
        out.write_all(&vec![0; (s.offset - at) as usize])?;
        for part in &section.parts {
            out.write_all(part)?;
        }
        at = s.offset + s.len;
    }
    out.into_inner().map_err(|e| e.into_error())?;
    temp.place(path, true).map_err(|e| match e {
        crate::temp::PlaceError::Io(e) => e,
        crate::temp::PlaceError::Exists => io::Error::from(io::ErrorKind::AlreadyExists),
    })
}

/// A cache file written section by section as the sections' bytes come,
/// without holding them: room for the meta is kept after the header, and the
/// meta (with every section's place) and the header are written last, once
/// the sections are whole. The file has no name until [`Writer::finish`]
/// places it ([`crate::temp`]), exactly as [`write`] does; a reader cannot
/// tell the two apart (sections may lie in the file in any order).
pub struct Writer {
    temp: crate::temp::Temp,
    kind: Kind,
    format: u32,
    /// The room kept for the meta: the longest it can encode to.
    room: u64,
    /// Bytes not yet written, and the file offset they go to.
    buf: Vec<u8>,
    at: u64,
    /// Where the section being written began, and its checksum so far.
    section: Option<(u64, Option<xxhash_rust::xxh3::Xxh3>)>,
    sections: Vec<Option<Section>>,
    /// A write failed: the bytes it held (at their offset) are kept here,
    /// and nothing more is written.
    lost: Option<(u64, Arc<[u8]>)>,
}

/// The bytes a [`Writer`] wrote, readable from the file whether or not it
/// was put in place.
pub struct Written {
    /// The whole file, mapped (None when it could not be mapped).
    pub map: Option<Arc<Map>>,
    /// Bytes a failed write could not put in the file, at their offset.
    pub lost: Option<(u64, Arc<[u8]>)>,
}

const BUFFER: usize = 1 << 20;

impl Writer {
    /// A file of `sections` sections, to be put at `path`; `program` and
    /// `dir` are those its meta will name (the meta's length depends on them).
    pub fn beside(
        path: &Path,
        kind: Kind,
        format: u32,
        program: &str,
        dir: &str,
        sections: usize,
    ) -> io::Result<Writer> {
        let widest = Meta {
            program: program.to_string(),
            dir: dir.to_string(),
            depends_on: u128::MAX,
            generation: u64::MAX,
            read_from: i64::MIN,
            sections: vec![
                Section {
                    offset: u64::MAX,
                    len: u64::MAX,
                    sum: Some(u64::MAX),
                };
                sections
            ],
        };
        let room = postcard::to_allocvec(&widest)
            .map_err(io::Error::other)?
            .len() as u64;
        let first = HEADER as u64 + room;
        Ok(Writer {
            temp: crate::temp::Temp::beside(path)?,
            kind,
            format,
            room,
            buf: Vec::with_capacity(BUFFER),
            at: first + padding(first),
            section: None,
            sections: vec![None; sections],
            lost: None,
        })
    }

    /// Where the next byte goes in the file.
    fn end(&self) -> u64 {
        self.at + self.buf.len() as u64
    }

    /// Starts a section (at the next multiple of 8); returns its file offset.
    /// `checked`: its checksum goes into the meta, checked on opening.
    pub fn begin(&mut self, checked: bool) -> io::Result<u64> {
        let pad = padding(self.end()) as usize;
        self.put(&[0; 8][..pad])?;
        let start = self.end();
        self.section = Some((start, checked.then(xxhash_rust::xxh3::Xxh3::new)));
        Ok(start)
    }

    /// Appends to the section begun; returns the bytes' offset in the section.
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<u64> {
        let Some((start, sum)) = self.section.as_mut() else {
            return Err(io::Error::other("no section begun"));
        };
        let at = self.at + self.buf.len() as u64 - *start;
        if let Some(h) = sum {
            h.update(bytes);
        }
        self.put(bytes)?;
        Ok(at)
    }

    /// Ends the section begun as section `i` of the meta.
    pub fn end_section(&mut self, i: usize) -> io::Result<()> {
        let (start, sum) = self
            .section
            .take()
            .ok_or_else(|| io::Error::other("no section begun"))?;
        let slot = self
            .sections
            .get_mut(i)
            .ok_or_else(|| io::Error::other("no such section"))?;
        *slot = Some(Section {
            offset: start,
            len: self.at + self.buf.len() as u64 - start,
            sum: sum.map(|h| h.digest()),
        });
        Ok(())
    }

    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.lost.is_some() {
            return Err(io::Error::other("an earlier write failed"));
        }
        if self.buf.len() + bytes.len() > BUFFER {
            self.flush()?;
        }
        if bytes.len() >= BUFFER {
            let written = self.write_out(bytes);
            if written.is_err() {
                // The caller keeps these bytes; no more is written.
                self.lost = Some((self.at - bytes.len() as u64, Arc::from(&[][..])));
            }
            return written;
        }
        self.buf.extend_from_slice(bytes);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        let buf = std::mem::take(&mut self.buf);
        let written = self.write_out(&buf);
        if written.is_err() {
            self.lost = Some((self.at - buf.len() as u64, buf.into()));
        } else {
            self.buf = buf;
            self.buf.clear();
        }
        written
    }

    /// Writes `bytes` at `at`, which moves past them.
    fn write_out(&mut self, bytes: &[u8]) -> io::Result<()> {
        use std::os::unix::fs::FileExt;
        let at = self.at;
        self.at += bytes.len() as u64;
        self.temp.file().write_all_at(bytes, at)
    }

    /// Writes the meta (`meta`, with the sections written) and the header,
    /// and puts the file at `path` (replacing what is there). The bytes
    /// written stay readable from what is returned, even when placing fails.
    pub fn finish(mut self, path: &Path, mut meta: Meta) -> (io::Result<()>, Written) {
        let placed = self.complete(&mut meta);
        let written = self.read_back();
        let placed = placed.and_then(|()| {
            self.temp.place(path, true).map_err(|e| match e {
                crate::temp::PlaceError::Io(e) => e,
                crate::temp::PlaceError::Exists => io::Error::from(io::ErrorKind::AlreadyExists),
            })
        });
        (placed, written)
    }

    /// [`Writer::finish`], returning the file as [`open`] would find it (its
    /// map and meta) once it is in place: the very file written, whatever
    /// replaces it afterwards.
    pub fn finish_opened(mut self, path: &Path, mut meta: Meta) -> io::Result<Opened> {
        self.complete(&mut meta)?;
        let map = self
            .read_back()
            .map
            .ok_or_else(|| io::Error::other("the file could not be mapped"))?;
        self.temp.place(path, true).map_err(|e| match e {
            crate::temp::PlaceError::Io(e) => e,
            crate::temp::PlaceError::Exists => io::Error::from(io::ErrorKind::AlreadyExists),
        })?;
        Ok(Opened { map, meta })
    }

    /// The bytes written so far, for when the file is not finished.
    pub fn abandon(mut self) -> Written {
        let _ = self.flush_kept();
        self.read_back()
    }

    fn flush_kept(&mut self) -> io::Result<()> {
        if self.lost.is_none() && !self.buf.is_empty() {
            self.flush()?;
        }
        Ok(())
    }

    fn complete(&mut self, meta: &mut Meta) -> io::Result<()> {
        use std::os::unix::fs::FileExt;
        self.flush_kept()?;
        if self.lost.is_some() {
            return Err(io::Error::other("a write failed"));
        }
        meta.sections = self
            .sections
            .iter()
            .map(|s| s.ok_or_else(|| io::Error::other("a section was not written")))
            .collect::<io::Result<_>>()?;
        let meta_bytes = postcard::to_allocvec(&meta).map_err(io::Error::other)?;
        if meta_bytes.len() as u64 > self.room {
            return Err(io::Error::other("the meta outgrew its room"));
        }
        let mut head = Vec::with_capacity(HEADER + meta_bytes.len());
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&self.format.to_le_bytes());
        head.extend_from_slice(&(self.kind as u32).to_le_bytes());
        head.extend_from_slice(&(meta_bytes.len() as u64).to_le_bytes());
        head.extend_from_slice(&checksum(&meta_bytes).to_le_bytes());
        head.extend_from_slice(&meta_bytes);
        let file = self.temp.file();
        file.write_all_at(&head, 0)?;
        // The file ends where its last section does (a section may be empty).
        file.set_len(self.at)
    }

    fn read_back(&mut self) -> Written {
        // SAFETY: the file is this writer's own, not yet named or just placed;
        // cache files are never changed in place once written.
        let file = self.temp.file();
        let map = unsafe { Mmap::map(&*file) }
            .ok()
            .zip(file.try_clone().ok())
            .map(|(m, f)| Arc::new(Map::new(m, f)));
        Written {
            map,
            lost: self.lost.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn meta() -> Meta {
        Meta {
            program: "p".into(),
            ..Meta::default()
        }
    }

    #[test]
    fn sections_come_back_and_damage_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.cases");
        let a = b"hello".to_vec();
        let b: Vec<u8> = (0..100u8).collect();
        let outs = [
            Out {
                parts: vec![&a[..2], &a[2..]],
                checked: true,
            },
            Out {
                parts: vec![&b],
                checked: false,
            },
        ];
        write(&path, Kind::Cases, 7, meta(), &outs).unwrap();
        let opened = open(&path, Kind::Cases, 7, "p").unwrap().unwrap();
        assert_eq!(opened.section(0), b"hello");
        assert_eq!(opened.section(1), &b[..]);
        assert_eq!(opened.meta.sections[1].offset % 8, 0);
        assert_eq!(
            open(&path, Kind::Cases, 8, "p").err(),
            Some(Problem::OtherVersion)
        );
        assert_eq!(
            open(&path, Kind::Cases, 7, "q").err(),
            Some(Problem::OtherVersion)
        );
        assert_eq!(
            open(&path, Kind::Index, 7, "p").err(),
            Some(Problem::OtherVersion)
        );
        let mut bytes = fs::read(&path).unwrap();
        let at = opened.meta.sections[0].offset as usize;
        bytes[at] ^= 1;
        fs::write(&path, &bytes).unwrap();
        assert_eq!(
            open(&path, Kind::Cases, 7, "p").err(),
            Some(Problem::Damaged)
        );
        fs::write(&path, &bytes[..at]).unwrap();
        assert_eq!(
            open(&path, Kind::Cases, 7, "p").err(),
            Some(Problem::Truncated)
        );
        fs::write(&path, b"garbage that is long enough to be a header....").unwrap();
        assert_eq!(
            open(&path, Kind::Cases, 7, "p").err(),
            Some(Problem::NotACache)
        );
        assert!(
            open(&dir.path().join("none"), Kind::Cases, 7, "p")
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn a_file_truncated_under_its_mapping_reads_as_zeros_and_says_so() {
        // `cp`, `rsync --inplace` or a backup restore writing over a cache
        // file that a running casebook has mapped.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.index");
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8 + 1).collect();
        let outs = [Out {
            parts: vec![&big],
            checked: true,
        }];
        write(&path, Kind::Index, 7, meta(), &outs).unwrap();
        let opened = open(&path, Kind::Index, 7, "p").unwrap().unwrap();
        assert!(!opened.changed());
        fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(0)
            .unwrap();
        // Without the fault handler, this read ends the process (SIGBUS).
        assert!(opened.section(0).iter().all(|&b| b == 0));
        assert!(opened.changed(), "the change is noticed");
    }

    #[test]
    fn a_large_section_is_checked_piece_by_piece_and_damage_is_still_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.index");
        // Over two 4 MB pieces, not a whole number of them.
        let big: Vec<u8> = (0..9_500_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let outs = [Out {
            parts: vec![&big],
            checked: true,
        }];
        write(&path, Kind::Index, 7, meta(), &outs).unwrap();
        let opened = open(&path, Kind::Index, 7, "p").unwrap().unwrap();
        assert_eq!(
            opened.section(0),
            &big[..],
            "read again after the pages were handed back"
        );
        let mut bytes = fs::read(&path).unwrap();
        // A flipped byte in the last piece.
        let at = opened.meta.sections[0].offset as usize + 9_000_000;
        bytes[at] ^= 1;
        fs::write(&path, &bytes).unwrap();
        assert_eq!(
            open(&path, Kind::Index, 7, "p").err(),
            Some(Problem::Damaged)
        );
    }
}
