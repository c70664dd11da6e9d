//! The search index as flat arrays, one segment per source (the bundled cases,
//! each cached directory): built in memory, or read in place from a
//! directory's index file in the cache.
//!
//! Normalized text is kept as UTF-16 (two bytes a character for Japanese) and
//! widened for the matcher part by part, so 100,000 cases fit in memory.

use std::ops::Deref;
use std::path::Path;
use std::sync::Arc;

use memmap2::Mmap;
use nucleo_matcher::Utf32Str;

use super::{Kind, case_parts, char_set, normalize_into};
use crate::cache::{self, file};
use crate::casebook::Casebook;
use crate::diag::Message;
use crate::load::{IndexFile, IndexSource};

/// An array built in memory or read in place from a memory-mapped file.
pub enum Slab<T: bytemuck::Pod> {
    Owned(Vec<T>),
    Mapped {
        map: Arc<Mmap>,
        offset: usize,
        len: usize,
    },
}

impl<T: bytemuck::Pod> Slab<T> {
    /// The section's bytes as an array; None when they do not fit one.
    fn mapped(opened: &file::Opened, section: usize) -> Option<Slab<T>> {
        let bytes = opened.section(section);
        bytemuck::try_cast_slice::<u8, T>(bytes).ok()?;
        Some(Slab::Mapped {
            map: opened.map.clone(),
            offset: opened.meta.sections[section].offset as usize,
            len: bytes.len() / std::mem::size_of::<T>(),
        })
    }
}

impl<T: bytemuck::Pod> Deref for Slab<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Slab::Owned(v) => v,
            Slab::Mapped { map, offset, len } => {
                let bytes = &map[*offset..*offset + len * std::mem::size_of::<T>()];
                // Checked when mapped: aligned and of a whole number of elements.
                bytemuck::cast_slice(bytes)
            }
        }
    }
}

/// The item kind value of a case (measures store their index).
const CASE_ITEM: u32 = u32::MAX;

/// The arrays of one segment. Items are the measures of each case, then the
/// case itself; each item has parts (one for a measure; a case's title,
/// organization, tags, summary sentences and root causes).
pub struct Arrays {
    /// The segment's own index of the item's case.
    item_case: Slab<u32>,
    item_kind: Slab<u32>,
    /// Which characters occur in the item, as a 64-bit set.
    item_chars: Slab<u64>,
    /// Item i's parts are `item_parts[i]..item_parts[i + 1]`.
    item_parts: Slab<u32>,
    part_chars: Slab<u64>,
    /// Part p's text is `text[part_start[p]..part_start[p + 1]]`.
    part_start: Slab<u32>,
    /// 1 when the part is ASCII (matched as bytes).
    part_ascii: Slab<u8>,
    text: Slab<u16>,
    /// Item i cites the catalog nodes `ctrl[item_ctrl[i]..item_ctrl[i + 1]]`
    /// (a measure its controls, a case every control its measures cite).
    item_ctrl: Slab<u32>,
    ctrl: Slab<u32>,
}

const SECTIONS: usize = 10;

impl Arrays {
    fn empty() -> Arrays {
        Arrays {
            item_case: Slab::Owned(Vec::new()),
            item_kind: Slab::Owned(Vec::new()),
            item_chars: Slab::Owned(Vec::new()),
            item_parts: Slab::Owned(vec![0]),
            part_chars: Slab::Owned(Vec::new()),
            part_start: Slab::Owned(vec![0]),
            part_ascii: Slab::Owned(Vec::new()),
            text: Slab::Owned(Vec::new()),
            item_ctrl: Slab::Owned(vec![0]),
            ctrl: Slab::Owned(Vec::new()),
        }
    }

    fn len(&self) -> usize {
        self.item_case.len()
    }

    /// Whether the arrays agree with each other (a file could say anything).
    fn consistent(&self, cases: usize) -> bool {
        let items = self.item_case.len();
        let parts = self.part_chars.len();
        self.item_kind.len() == items
            && self.item_chars.len() == items
            && self.item_parts.len() == items + 1
            && self.part_start.len() == parts + 1
            && self.part_ascii.len() == parts
            && self.item_case.iter().all(|&c| (c as usize) < cases)
            && self.item_parts.windows(2).all(|w| w[0] <= w[1])
            && self.item_parts.last().is_some_and(|&p| p as usize == parts)
            && self.part_start.windows(2).all(|w| w[0] <= w[1])
            && self
                .part_start
                .last()
                .is_some_and(|&t| t as usize == self.text.len())
            && self.item_ctrl.len() == items + 1
            && self.item_ctrl.windows(2).all(|w| w[0] <= w[1])
            && self
                .item_ctrl
                .last()
                .is_some_and(|&c| c as usize == self.ctrl.len())
    }

    /// Builds the arrays for `cases` (casebook indices), on up to four threads.
    fn build(book: &Casebook, cases: &[u32]) -> Arrays {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        if cases.len() < 256 || threads == 1 {
            let mut out = Builder::default();
            out.add(book, cases, 0);
            return out.finish();
        }
        let chunk = cases.len().div_ceil(threads);
        let built: Vec<Builder> = std::thread::scope(|s| {
            let handles: Vec<_> = cases
                .chunks(chunk)
                .enumerate()
                .map(|(i, part)| {
                    s.spawn(move || {
                        let mut b = Builder::default();
                        b.add(book, part, (i * chunk) as u32);
                        b
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut all = Builder::default();
        for b in built {
            all.append(b);
        }
        all.finish()
    }

    fn open(opened: &file::Opened, cases: usize) -> Option<Arrays> {
        if opened.meta.sections.len() != SECTIONS {
            return None;
        }
        let arrays = Arrays {
            item_case: Slab::mapped(opened, 0)?,
            item_kind: Slab::mapped(opened, 1)?,
            item_chars: Slab::mapped(opened, 2)?,
            item_parts: Slab::mapped(opened, 3)?,
            part_chars: Slab::mapped(opened, 4)?,
            part_start: Slab::mapped(opened, 5)?,
            part_ascii: Slab::mapped(opened, 6)?,
            text: Slab::mapped(opened, 7)?,
            item_ctrl: Slab::mapped(opened, 8)?,
            ctrl: Slab::mapped(opened, 9)?,
        };
        arrays.consistent(cases).then_some(arrays)
    }

    fn write(&self, path: &Path, f: &IndexFile) -> std::io::Result<()> {
        fn out(bytes: &[u8]) -> file::Out<'_> {
            file::Out {
                parts: vec![bytes],
                checked: true,
            }
        }
        let sections = [
            out(bytemuck::cast_slice(&self.item_case)),
            out(bytemuck::cast_slice(&self.item_kind)),
            out(bytemuck::cast_slice(&self.item_chars)),
            out(bytemuck::cast_slice(&self.item_parts)),
            out(bytemuck::cast_slice(&self.part_chars)),
            out(bytemuck::cast_slice(&self.part_start)),
            out(bytemuck::cast_slice(&self.part_ascii)),
            out(bytemuck::cast_slice(&self.text)),
            out(bytemuck::cast_slice(&self.item_ctrl)),
            out(bytemuck::cast_slice(&self.ctrl)),
        ];
        let meta = file::Meta {
            program: cache::PROGRAM.to_string(),
            dir: f.dir.clone(),
            depends_on: u128::from(f.generation),
            ..file::Meta::default()
        };
        file::write(path, file::Kind::Index, cache::FORMAT, meta, &sections)
    }
}

/// Arrays being built.
#[derive(Default)]
struct Builder {
    item_case: Vec<u32>,
    item_kind: Vec<u32>,
    item_chars: Vec<u64>,
    item_parts: Vec<u32>,
    part_chars: Vec<u64>,
    part_start: Vec<u32>,
    part_ascii: Vec<u8>,
    text: Vec<u16>,
    item_ctrl: Vec<u32>,
    ctrl: Vec<u32>,
    buf: Vec<char>,
}

impl Builder {
    /// Adds the items of `cases`, the first being the segment's case `first`.
    fn add(&mut self, book: &Casebook, cases: &[u32], first: u32) {
        for (local, &ci) in cases.iter().enumerate() {
            let case = &book.entry(ci as usize).case;
            let local = first + local as u32;
            let mut all = Vec::new();
            for (mi, m) in case.measures.iter().enumerate() {
                self.item(local, mi as u32, std::iter::once(m.text.as_str()));
                for r in &m.controls {
                    let n = book.node_number(&r.scheme, &r.id);
                    self.ctrl.extend(n);
                    if let Some(n) = n.filter(|n| !all.contains(n)) {
                        all.push(n);
                    }
                }
            }
            let (text, ranges) = case_parts(case);
            // Character ranges to byte ranges, in one pass over the text.
            let mut bytes = text
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(text.len()))
                .enumerate();
            // Ranges come in order; a part may start where the last one ended.
            let mut last = (usize::MAX, 0);
            let mut byte_at = |char_at: usize| {
                if last.0 != char_at {
                    last = bytes
                        .find(|&(c, _)| c == char_at)
                        .unwrap_or((char_at, text.len()));
                }
                last.1
            };
            let spans: Vec<(usize, usize)> = ranges
                .iter()
                .map(|r| (byte_at(r.start), byte_at(r.end)))
                .collect();
            self.item(local, CASE_ITEM, spans.iter().map(|&(a, b)| &text[a..b]));
            self.ctrl.extend(all);
        }
    }

    fn item<'a>(&mut self, case: u32, kind: u32, parts: impl Iterator<Item = &'a str>) {
        self.item_case.push(case);
        self.item_kind.push(kind);
        // The item's nodes are pushed after this (they start here).
        self.item_ctrl.push(self.ctrl.len() as u32);
        self.item_parts.push(self.part_chars.len() as u32);
        let mut chars = 0;
        for part in parts {
            self.buf.clear();
            normalize_into(part, &mut self.buf, None);
            let set = char_set(self.buf.iter().copied());
            chars |= set;
            self.part_chars.push(set);
            self.part_start.push(self.text.len() as u32);
            self.part_ascii
                .push(u8::from(self.buf.iter().all(char::is_ascii)));
            let mut units = [0u16; 2];
            for c in &self.buf {
                self.text.extend_from_slice(c.encode_utf16(&mut units));
            }
        }
        self.item_chars.push(chars);
    }

    /// Appends another builder's items (built from the cases after ours).
    fn append(&mut self, other: Builder) {
        let parts = self.part_chars.len() as u32;
        let text = self.text.len() as u32;
        let ctrl = self.ctrl.len() as u32;
        self.item_case.extend(other.item_case);
        self.item_kind.extend(other.item_kind);
        self.item_chars.extend(other.item_chars);
        self.item_parts
            .extend(other.item_parts.into_iter().map(|p| p + parts));
        self.part_chars.extend(other.part_chars);
        self.part_start
            .extend(other.part_start.into_iter().map(|t| t + text));
        self.part_ascii.extend(other.part_ascii);
        self.text.extend(other.text);
        self.item_ctrl
            .extend(other.item_ctrl.into_iter().map(|c| c + ctrl));
        self.ctrl.extend(other.ctrl);
    }

    fn finish(mut self) -> Arrays {
        self.item_parts.push(self.part_chars.len() as u32);
        self.part_start.push(self.text.len() as u32);
        self.item_ctrl.push(self.ctrl.len() as u32);
        Arrays {
            item_case: Slab::Owned(self.item_case),
            item_kind: Slab::Owned(self.item_kind),
            item_chars: Slab::Owned(self.item_chars),
            item_parts: Slab::Owned(self.item_parts),
            part_chars: Slab::Owned(self.part_chars),
            part_start: Slab::Owned(self.part_start),
            part_ascii: Slab::Owned(self.part_ascii),
            text: Slab::Owned(self.text),
            item_ctrl: Slab::Owned(self.item_ctrl),
            ctrl: Slab::Owned(self.ctrl),
        }
    }
}

struct Segment {
    /// The casebook index of each of the segment's cases.
    cases: Vec<u32>,
    /// The first item's number in the whole index.
    first: u32,
    arrays: Arrays,
}

/// A scratch buffer per thread, for widening a part's text for the matcher.
#[derive(Default)]
pub struct Scratch {
    chars: Vec<char>,
    bytes: Vec<u8>,
}

/// A segment's arrays as plain slices, resolved once per search.
pub struct Slices<'a> {
    cases: &'a [u32],
    item_case: &'a [u32],
    item_kind: &'a [u32],
    item_chars: &'a [u64],
    item_parts: &'a [u32],
    part_chars: &'a [u64],
    part_start: &'a [u32],
    part_ascii: &'a [u8],
    text: &'a [u16],
    /// Whether `text` lies in a file mapping (its pages can be handed back).
    text_mapped: bool,
}

impl Segment {
    fn slices(&self) -> Slices<'_> {
        let a = &self.arrays;
        Slices {
            cases: &self.cases,
            item_case: &a.item_case,
            item_kind: &a.item_kind,
            item_chars: &a.item_chars,
            item_parts: &a.item_parts,
            part_chars: &a.part_chars,
            part_start: &a.part_start,
            part_ascii: &a.part_ascii,
            text: &a.text,
            text_mapped: matches!(a.text, Slab::Mapped { .. }),
        }
    }
}

/// The whole index as slices: what the scoring loop reads.
pub struct Reader<'a> {
    /// (first item, slices) per segment.
    segments: Vec<(u32, Slices<'a>)>,
}

impl<'a> Reader<'a> {
    /// (case index, kind) of an item.
    pub fn item_of(&self, item: u32) -> (usize, Kind) {
        let view = self.view(item);
        let s = view.s;
        let case = s.cases[s.item_case[view.local] as usize] as usize;
        let kind = match s.item_kind[view.local] {
            CASE_ITEM => Kind::Case,
            m => Kind::Measure(m as u16),
        };
        (case, kind)
    }

    /// Hands back the memory pages holding the text of items `from..to`
    /// where that text is read in place from a cache file: a search that
    /// reads each item once (the command line's) then keeps no more of a
    /// large index resident than the part it is reading. Pages touched again
    /// are read from the file again. Text built in memory is left alone.
    pub fn release_text(&self, from: u32, to: u32) {
        for (first, s) in &self.segments {
            let end = *first + s.item_case.len() as u32;
            let (a, b) = (from.max(*first), to.min(end));
            if a >= b || !s.text_mapped {
                continue;
            }
            let (a, b) = ((a - first) as usize, (b - first) as usize);
            let text = &s.text[s.part_start[s.item_parts[a] as usize] as usize
                ..s.part_start[s.item_parts[b] as usize] as usize];
            release_pages(text);
        }
    }

    pub fn view(&self, item: u32) -> ItemView<'_> {
        let at = self
            .segments
            .partition_point(|(first, _)| *first <= item)
            .saturating_sub(1);
        let (first, slices) = &self.segments[at];
        ItemView {
            s: slices,
            local: (item - first) as usize,
        }
    }
}

/// Drops the whole pages inside `text` from the process's resident memory.
/// Only for slices of a read-only shared file mapping, whose pages are read
/// from the file again when next touched (never zeroed); the cache file
/// under the mapping is never changed in place (it is replaced by rename).
#[cfg(unix)]
fn release_pages(text: &[u16]) {
    // SAFETY: sysconf is always safe to call.
    let page = match unsafe { libc::sysconf(libc::_SC_PAGESIZE) } {
        p if p > 0 => p as usize,
        _ => return,
    };
    let start = text.as_ptr() as usize;
    let end = start + std::mem::size_of_val(text);
    let (a, b) = (start.div_ceil(page) * page, end / page * page);
    if a < b {
        // SAFETY: [a, b) lies inside `text`, part of a file mapping that stays
        // mapped (the slice borrows it); MADV_DONTNEED on a shared file
        // mapping only drops pages, which are faulted in from the file again.
        unsafe { libc::madvise(a as *mut libc::c_void, b - a, libc::MADV_DONTNEED) };
    }
}

#[cfg(not(unix))]
fn release_pages(_: &[u16]) {}

/// An item as the matcher sees it.
pub struct ItemView<'a> {
    s: &'a Slices<'a>,
    local: usize,
}

impl ItemView<'_> {
    pub fn chars(&self) -> u64 {
        self.s.item_chars[self.local]
    }

    pub fn parts(&self) -> std::ops::Range<usize> {
        let p = self.s.item_parts;
        p[self.local] as usize..p[self.local + 1] as usize
    }

    pub fn part_chars(&self, part: usize) -> u64 {
        self.s.part_chars[part]
    }

    /// A part's normalized text for the matcher, widened into `scratch`.
    pub fn hay<'s>(&self, part: usize, scratch: &'s mut Scratch) -> Utf32Str<'s> {
        let s = self.s;
        let text = &s.text[s.part_start[part] as usize..s.part_start[part + 1] as usize];
        if s.part_ascii[part] == 1 {
            scratch.bytes.clear();
            scratch.bytes.extend(text.iter().map(|&u| u as u8));
            Utf32Str::Ascii(&scratch.bytes)
        } else {
            scratch.chars.clear();
            scratch
                .chars
                .extend(char::decode_utf16(text.iter().copied()).map(|c| c.unwrap_or('\u{FFFD}')));
            Utf32Str::Unicode(&scratch.chars)
        }
    }
}

/// The searchable form of a casebook.
pub struct Index {
    segments: Vec<Segment>,
    len: u32,
    /// Position of each case when newest first (ties between equal scores).
    rank: Vec<u32>,
    controls: super::controls::Controls,
}

impl Index {
    /// Builds the index of every case in memory.
    pub fn new(book: &Casebook) -> Index {
        let cases: Vec<u32> = (0..book.len() as u32).collect();
        let arrays = Arrays::build(book, &cases);
        Index::assemble(book, vec![(cases, arrays)])
    }

    /// The index of `sources`: each read from its cache file when that holds
    /// it, else built (and written there for next time). Notices say which
    /// cache files were damaged.
    pub fn open(book: &Casebook, sources: &[IndexSource]) -> (Index, Vec<Message>) {
        let mut notices = Vec::new();
        let mut parts = Vec::new();
        for source in sources {
            let arrays = match &source.file {
                None => Arrays::build(book, &source.cases),
                Some(f) => {
                    let opened =
                        file::open(&f.path, file::Kind::Index, cache::FORMAT, cache::PROGRAM);
                    let mapped = match opened {
                        Ok(Some(o)) if o.meta.depends_on == u128::from(f.generation) => {
                            let arrays = Arrays::open(&o, source.cases.len());
                            if arrays.is_none() {
                                notices.push(damaged(f, &file::Problem::Damaged));
                            }
                            arrays
                        }
                        Ok(_) => None,
                        Err(problem) => {
                            notices.push(damaged(f, &problem));
                            None
                        }
                    };
                    mapped.unwrap_or_else(|| {
                        let built = Arrays::build(book, &source.cases);
                        let _ = built.write(&f.path, f);
                        built
                    })
                }
            };
            parts.push((source.cases.clone(), arrays));
        }
        (Index::assemble(book, parts), notices)
    }

    fn assemble(book: &Casebook, parts: Vec<(Vec<u32>, Arrays)>) -> Index {
        let rank = book.ranks().to_vec();
        let mut first = 0u32;
        let mut segments = Vec::new();
        for (cases, arrays) in parts {
            let n = arrays.len() as u32;
            segments.push(Segment {
                cases,
                first,
                arrays,
            });
            first += n;
        }
        if segments.is_empty() {
            segments.push(Segment {
                cases: Vec::new(),
                first: 0,
                arrays: Arrays::empty(),
            });
        }
        let controls = super::controls::Controls::new(
            book,
            segments.iter().flat_map(|s| {
                let a = &s.arrays;
                let (bounds, nodes, kinds): (&[u32], &[u32], &[u32]) =
                    (&a.item_ctrl, &a.ctrl, &a.item_kind);
                (0..kinds.len()).map(move |i| {
                    let range = bounds[i] as usize..bounds[i + 1] as usize;
                    (s.first + i as u32, kinds[i] == CASE_ITEM, &nodes[range])
                })
            }),
        );
        Index {
            segments,
            len: first,
            rank,
            controls,
        }
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn segment(&self, item: u32) -> &Segment {
        let at = self
            .segments
            .partition_point(|s| s.first <= item)
            .saturating_sub(1);
        &self.segments[at]
    }

    /// (case index, kind) of an item.
    pub fn item_of(&self, item: u32) -> (usize, Kind) {
        let s = self.segment(item);
        let local = (item - s.first) as usize;
        let case = s.cases[s.arrays.item_case[local] as usize] as usize;
        let kind = match s.arrays.item_kind[local] {
            CASE_ITEM => Kind::Case,
            m => Kind::Measure(m as u16),
        };
        (case, kind)
    }

    /// The index as plain slices, for a search's many reads.
    pub fn reader(&self) -> Reader<'_> {
        Reader {
            segments: self
                .segments
                .iter()
                .map(|s| (s.first, s.slices()))
                .collect(),
        }
    }

    /// (case index, kind) of every item, in item order (for choosing candidates).
    pub fn kinds(&self) -> impl Iterator<Item = (u32, bool)> + '_ {
        self.segments.iter().flat_map(|s| {
            let kinds: &[u32] = &s.arrays.item_kind;
            kinds
                .iter()
                .enumerate()
                .map(move |(i, &k)| (s.first + i as u32, k == CASE_ITEM))
        })
    }

    /// Search through controls: what a query names, and the items citing it.
    pub fn controls(&self) -> &super::controls::Controls {
        &self.controls
    }

    /// The control a hit came through (its `via`).
    pub fn control(&self, via: u32) -> &crate::model::ControlRef {
        self.controls.control(via)
    }

    /// Position of the case when newest first.
    pub fn rank(&self, case: usize) -> u32 {
        self.rank[case]
    }
}

fn damaged(f: &IndexFile, why: &file::Problem) -> Message {
    let what = crate::diag::phrase("検索索引のキャッシュ", "search index cache");
    why.notice(what, &f.dir)
}
