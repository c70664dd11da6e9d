//! Building a segment's arrays in memory from the casebook's cases, in
//! batches of cases: their arrays are written to the cache file as they are
//! (a section in several parts) or joined into one set of arrays.

use super::{Arrays, CASE_ITEM, SECTIONS, Slab};
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
}

/// Cases per batch. Small against the whole (each batch's arrays grow by
/// doubling, so spare room is a fraction of one batch, not of the index),
/// large enough that the batches cost nothing to hand out.
const BATCH: usize = 1024;

/// The arrays of consecutive batches of a segment's cases, in order, their
/// offsets (into the parts, the text, the nodes) counting from the segment's
/// start: the whole arrays are their concatenation, and `ends` the closing
/// offsets of `item_parts`, `part_start` and `item_ctrl`.
pub(super) struct Batches {
    batches: Vec<Builder>,
    ends: [u32; 3],
}

impl Batches {
    /// Builds the batches of `cases` (casebook indices), all kept.
    pub(super) fn build(book: &Casebook, cases: &[u32]) -> Batches {
        match Batches::run(book, cases, |_| Ok::<(), std::convert::Infallible>(())) {
            Ok(batches) => batches,
            Err(e) => match e {},
        }
    }

    /// Builds the batches of `cases`, handing each batch's text to `write`
    /// in order, as soon as it and the batches before it are built, and
    /// keeping none of it: the text is most of the index. The batches
    /// returned hold the other arrays. Stops at `write`'s first error.
    pub(super) fn stream(
        book: &Casebook,
        cases: &[u32],
        mut write: impl FnMut(&[u16]) -> std::io::Result<()>,
    ) -> std::io::Result<Batches> {
        Batches::run(book, cases, |b| {
            write(&b.text)?;
            b.text = Vec::new();
            Ok(())
        })
    }

    /// Builds the batches of `cases` on up to four threads, each taking the
    /// next batch as it is free, and calls `each` on them in order once
    /// their offsets count from the segment's start.
    fn run<E>(
        book: &Casebook,
        cases: &[u32],
        mut each: impl FnMut(&mut Builder) -> Result<(), E>,
    ) -> Result<Batches, E> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        let chunks: Vec<&[u32]> = cases.chunks(BATCH).collect();
        let next = AtomicUsize::new(0);
        let one = |i: usize| {
            let chunk = chunks.get(i)?;
            let mut b = Builder::default();
            b.add(book, chunk, (i * BATCH) as u32);
            b.buf = Vec::new();
            Some(b)
        };
        let mut batches = Batches {
            batches: Vec::with_capacity(chunks.len()),
            ends: [0; 3],
        };
        if chunks.len() < 2 || threads == 1 {
            for i in 0..chunks.len() {
                if let Some(b) = one(i) {
                    batches.push(b, &mut each)?;
                }
            }
            return Ok(batches);
        }
        std::thread::scope(|s| {
            let (tx, rx) = std::sync::mpsc::channel();
            for _ in 0..threads.min(chunks.len()) {
                let tx = tx.clone();
                let (next, one) = (&next, &one);
                s.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(b) = one(i) else { return };
                        if tx.send((i, b)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(tx);
            // Batches built ahead of their turn wait here (a few at most:
            // the threads take them in order).
            let mut ahead = std::collections::BTreeMap::new();
            for (i, b) in rx {
                ahead.insert(i, b);
                while let Some(b) = ahead.remove(&batches.batches.len()) {
                    if let Err(e) = batches.push(b, &mut each) {
                        // The threads stop at their next batch.
                        next.store(chunks.len(), Ordering::Relaxed);
                        return Err(e);
                    }
                }
            }
            Ok(batches)
        })
    }

    /// Adds the next batch, its offsets moved on by what the batches before
    /// it hold (each batch's count from its own start).
    fn push<E>(
        &mut self,
        mut b: Builder,
        each: &mut impl FnMut(&mut Builder) -> Result<(), E>,
    ) -> Result<(), E> {
        let [parts, text, ctrl] = &mut self.ends;
        b.item_parts.iter_mut().for_each(|p| *p += *parts);
        b.part_start.iter_mut().for_each(|t| *t += *text);
        b.item_ctrl.iter_mut().for_each(|c| *c += *ctrl);
        *parts += b.part_chars.len() as u32;
        *text += b.text.len() as u32;
        *ctrl += b.ctrl.len() as u32;
        each(&mut b)?;
        self.batches.push(b);
        Ok(())
    }

    /// Each array's bytes, as parts to be written one after the other, in
    /// the order of the file's sections.
    pub(super) fn sections(&self) -> [Vec<&[u8]>; SECTIONS] {
        fn each<'a, T: bytemuck::Pod>(
            batches: &'a [Builder],
            array: impl Fn(&'a Builder) -> &'a [T],
            end: Option<&'a u32>,
        ) -> Vec<&'a [u8]> {
            batches
                .iter()
                .map(|b| bytemuck::cast_slice(array(b)))
                .chain(end.map(std::slice::from_ref).map(bytemuck::cast_slice))
                .collect()
        }
        let b = &self.batches[..];
        let [parts, text, ctrl] = &self.ends;
        [
            each(b, |b| &b.item_case[..], None),
            each(b, |b| &b.item_kind[..], None),
            each(b, |b| &b.item_chars[..], None),
            each(b, |b| &b.item_parts[..], Some(parts)),
            each(b, |b| &b.part_chars[..], None),
            each(b, |b| &b.part_start[..], Some(text)),
            each(b, |b| &b.part_ascii[..], None),
            each(b, |b| &b.text[..], None),
            each(b, |b| &b.item_ctrl[..], Some(ctrl)),
            each(b, |b| &b.ctrl[..], None),
        ]
    }

    /// The batches as one set of arrays in memory.
    pub(super) fn join(self) -> Arrays {
        fn join<T: Copy>(
            batches: &mut [Builder],
            array: impl Fn(&mut Builder) -> &mut Vec<T>,
            end: Option<T>,
        ) -> Vec<T> {
            let len = batches.iter_mut().map(|b| array(b).len()).sum::<usize>();
            let mut all = Vec::with_capacity(len + usize::from(end.is_some()));
            for b in batches.iter_mut() {
                all.extend_from_slice(array(b));
                // Each batch's array is let go once copied.
                *array(b) = Vec::new();
            }
            all.extend(end);
            all
        }
        let Batches { mut batches, ends } = self;
        let b = &mut batches[..];
        let [parts, text, ctrl] = ends;
        Arrays {
            item_case: Slab::Owned(join(b, |b| &mut b.item_case, None)),
            item_kind: Slab::Owned(join(b, |b| &mut b.item_kind, None)),
            item_chars: Slab::Owned(join(b, |b| &mut b.item_chars, None)),
            item_parts: Slab::Owned(join(b, |b| &mut b.item_parts, Some(parts))),
            part_chars: Slab::Owned(join(b, |b| &mut b.part_chars, None)),
            part_start: Slab::Owned(join(b, |b| &mut b.part_start, Some(text))),
            part_ascii: Slab::Owned(join(b, |b| &mut b.part_ascii, None)),
            text: Slab::Owned(join(b, |b| &mut b.text, None)),
            item_ctrl: Slab::Owned(join(b, |b| &mut b.item_ctrl, Some(ctrl))),
            ctrl: Slab::Owned(join(b, |b| &mut b.ctrl, None)),
        }
    }
}
