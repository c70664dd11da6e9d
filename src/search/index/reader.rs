//! Reading the index during a search: a segment's arrays as slices, one
//! item's parts and text, and handing back pages already read.
//!
//! Arrays read in place from a cache file were checked when it was opened,
//! but the file can still change under its map afterwards (rewritten in
//! place; truncated, when it reads as zeros: see [`crate::fault`]): every
//! read here is bounds-checked, and what does not fit reads as empty.

use memmap2::Mmap;
use nucleo_matcher::Utf32Str;

use super::{CASE_ITEM, Segment, Slab};
use crate::search::Kind;

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
    /// The file mapping `text` lies in and its byte offset there, when it
    /// is read in place from a cache file (its pages can be handed back).
    text_map: Option<(&'a Mmap, usize)>,
}

impl Segment {
    pub(super) fn slices(&self) -> Slices<'_> {
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
            text_map: match &a.text {
                Slab::Mapped { map, offset, .. } => Some((&***map, *offset)),
                Slab::Owned(_) => None,
            },
        }
    }
}

/// The whole index as slices: what the scoring loop reads.
pub struct Reader<'a> {
    /// (first item, slices) per segment.
    pub(super) segments: Vec<(u32, Slices<'a>)>,
}

impl<'a> Reader<'a> {
    /// (case index, kind) of an item.
    pub fn item_of(&self, item: u32) -> (usize, Kind) {
        let view = self.view(item);
        let s = view.s;
        let case = s
            .item_case
            .get(view.local)
            .and_then(|&c| s.cases.get(c as usize))
            .map_or(0, |&c| c as usize);
        let kind = match s.item_kind.get(view.local).copied().unwrap_or(CASE_ITEM) {
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
            let Some((map, offset)) = s.text_map else {
                continue;
            };
            if a >= b {
                continue;
            }
            let (a, b) = ((a - first) as usize, (b - first) as usize);
            let start = |i: usize| {
                s.item_parts
                    .get(i)
                    .and_then(|&p| s.part_start.get(p as usize))
                    .map(|&t| t as usize)
            };
            let (Some(from), Some(to)) = (start(a), start(b)) else {
                continue;
            };
            let unit = std::mem::size_of::<u16>();
            crate::cache::file::release(map, offset + from * unit, to.saturating_sub(from) * unit);
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

/// An item as the matcher sees it.
pub struct ItemView<'a> {
    s: &'a Slices<'a>,
    local: usize,
}

impl ItemView<'_> {
    pub fn chars(&self) -> u64 {
        self.s.item_chars.get(self.local).copied().unwrap_or(0)
    }

    pub fn parts(&self) -> std::ops::Range<usize> {
        let p = self.s.item_parts;
        match (p.get(self.local), p.get(self.local + 1)) {
            (Some(&a), Some(&b)) if a <= b && (b as usize) < self.s.part_start.len() => {
                a as usize..b as usize
            }
            _ => 0..0,
        }
    }

    pub fn part_chars(&self, part: usize) -> u64 {
        self.s.part_chars.get(part).copied().unwrap_or(0)
    }

    /// A part's normalized text for the matcher, widened into `scratch`.
    pub fn hay<'s>(&self, part: usize, scratch: &'s mut Scratch) -> Utf32Str<'s> {
        let s = self.s;
        let text = match (s.part_start.get(part), s.part_start.get(part + 1)) {
            (Some(&a), Some(&b)) => s.text.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        };
        if s.part_ascii.get(part) == Some(&1) {
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
