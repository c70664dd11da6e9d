//! Building a segment's arrays in memory from the casebook's cases.

use super::{Arrays, CASE_ITEM, Slab};
use crate::casebook::Casebook;
use crate::search::{case_parts, char_set, normalize_into};

/// Arrays being built.
#[derive(Default)]
pub(super) struct Builder {
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
    pub(super) fn add(&mut self, book: &Casebook, cases: &[u32], first: u32) {
        for (local, &ci) in cases.iter().enumerate() {
            // Read for this alone, not kept: a first run builds the index of
            // cases it holds only as their encodings (see `load`).
            let entry = book.fetch(ci as usize);
            let case = &entry.case;
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

    /// Room for the items of `others`, to be appended next.
    pub(super) fn reserve(&mut self, others: &[Builder]) {
        let sum = |f: fn(&Builder) -> usize| others.iter().map(f).sum::<usize>();
        self.item_case.reserve(sum(|b| b.item_case.len()));
        self.item_kind.reserve(sum(|b| b.item_kind.len()));
        self.item_chars.reserve(sum(|b| b.item_chars.len()));
        self.item_parts.reserve(sum(|b| b.item_parts.len()) + 1);
        self.part_chars.reserve(sum(|b| b.part_chars.len()));
        self.part_start.reserve(sum(|b| b.part_start.len()) + 1);
        self.part_ascii.reserve(sum(|b| b.part_ascii.len()));
        self.text.reserve(sum(|b| b.text.len()));
        self.item_ctrl.reserve(sum(|b| b.item_ctrl.len()) + 1);
        self.ctrl.reserve(sum(|b| b.ctrl.len()));
    }

    /// Appends another builder's items (built from the cases after ours).
    pub(super) fn append(&mut self, other: Builder) {
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

    pub(super) fn finish(mut self) -> Arrays {
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
