//! The search index as flat arrays, one segment per source (the bundled cases,
//! each cached directory): built in memory, or read in place from a
//! directory's index file in the cache.
//!
//! Normalized text is kept as UTF-16 (two bytes a character for Japanese) and
//! widened for the matcher part by part, so 100,000 cases fit in memory.

use std::ops::Deref;
use std::sync::Arc;

use super::Kind;
use crate::cache::{self, file};
use crate::casebook::Casebook;
use crate::diag::Message;
use crate::load::{IndexFile, IndexSource};

/// An array built in memory or read in place from a memory-mapped file.
pub enum Slab<T: bytemuck::Pod> {
    Owned(Vec<T>),
    Mapped {
        map: Arc<file::Map>,
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

impl<T: bytemuck::Pod> Slab<T> {
    /// Bytes held in memory (none when read in place).
    fn held(&self) -> usize {
        match self {
            Slab::Owned(v) => std::mem::size_of_val(&v[..]),
            Slab::Mapped { .. } => 0,
        }
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

/// The section of `text`.
const TEXT: usize = 7;

mod build;
mod reader;

use build::Batches;
pub use reader::{ItemView, Reader, Scratch};

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

    fn held(&self) -> usize {
        self.item_case.held()
            + self.item_kind.held()
            + self.item_chars.held()
            + self.item_parts.held()
            + self.part_chars.held()
            + self.part_start.held()
            + self.part_ascii.held()
            + self.text.held()
            + self.item_ctrl.held()
            + self.ctrl.held()
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

    /// Builds the arrays for `cases` (casebook indices), in memory.
    fn build(book: &Casebook, cases: &[u32]) -> Arrays {
        Batches::build(book, cases).join()
    }

    /// Builds the arrays for `cases` into the index file `f` and reads them
    /// from there, as a warm run does: the text, most of the index, is
    /// written batch by batch as it is built and never held whole, and what
    /// the search reads of it can be handed back. Built in memory when the
    /// file cannot be written.
    fn build_into(book: &Casebook, cases: &[u32], f: &IndexFile) -> Arrays {
        let written = (|| {
            let mut out = file::Writer::beside(
                &f.path,
                file::Kind::Index,
                cache::FORMAT,
                cache::PROGRAM,
                &f.dir,
                SECTIONS,
            )?;
            out.begin(true)?;
            let batches = Batches::stream(book, cases, |text| {
                out.write(bytemuck::cast_slice(text)).map(drop)
            })?;
            out.end_section(TEXT)?;
            for (i, parts) in batches.sections().into_iter().enumerate() {
                if i != TEXT {
                    out.begin(true)?;
                    for part in parts {
                        out.write(part)?;
                    }
                    out.end_section(i)?;
                }
            }
            let meta = file::Meta {
                program: cache::PROGRAM.to_string(),
                dir: f.dir.clone(),
                depends_on: u128::from(f.generation),
                ..file::Meta::default()
            };
            out.finish_opened(&f.path, meta)
        })();
        written
            .ok()
            .and_then(|o| Arrays::open(&o, cases.len()))
            .unwrap_or_else(|| Arrays::build(book, cases))
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
}

struct Segment {
    /// The casebook index of each of the segment's cases.
    cases: Vec<u32>,
    /// The first item's number in the whole index.
    first: u32,
    arrays: Arrays,
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
                    mapped.unwrap_or_else(|| Arrays::build_into(book, &source.cases, f))
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
                    let cited = match (bounds.get(i), bounds.get(i + 1)) {
                        (Some(&a), Some(&b)) => nodes.get(a as usize..b as usize).unwrap_or(&[]),
                        _ => &[],
                    };
                    (s.first + i as u32, kinds[i] == CASE_ITEM, cited)
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

    /// Bytes of the index's arrays held in memory: built there, rather than
    /// read in place from a cache file.
    pub fn held_bytes(&self) -> usize {
        self.segments.iter().map(|s| s.arrays.held()).sum()
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
        let case = s
            .arrays
            .item_case
            .get(local)
            .and_then(|&c| s.cases.get(c as usize))
            .map_or(0, |&c| c as usize);
        let kind = match s.arrays.item_kind.get(local).copied().unwrap_or(CASE_ITEM) {
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
