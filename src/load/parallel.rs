//! Reading and parsing every file on all cores: a file whose cache record
//! still holds (by its key, or by the hash of its bytes) is not parsed again.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::cached::{DirState, from_record};
use super::input::with_line;
use super::jobs::{Job, Text};
use super::outcome::{Found, How, Outcome, Stored};
use super::parse::{internal_error, parse_case};
use super::read;
use crate::cache;
use crate::casebook::Nodes;
use crate::catalog::Catalogs;
use crate::diag::Diagnostic;

/// Parses the files on all cores; results come back in `jobs` order.
pub(super) fn parse_all(
    jobs: &[Job],
    catalogs: &Catalogs,
    nodes: &Nodes,
    dirs: &[DirState],
) -> Vec<Outcome> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().div_ceil(16))
        .max(1);
    let one = |job: &Job| {
        catch_unwind(AssertUnwindSafe(|| parse_job(job, catalogs, nodes, dirs)))
            .unwrap_or_else(|_| Outcome::failed(vec![internal_error(&job.shown)]))
    };
    if threads == 1 {
        return jobs.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Outcome>> = (0..jobs.len()).map(|_| None).collect();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else { break };
                        done.push((i, one(job)));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            for (i, outcome) in worker.join().unwrap_or_default() {
                slots[i] = Some(outcome);
            }
        }
    });
    slots
        .into_iter()
        .zip(jobs)
        .map(|(slot, job)| {
            slot.unwrap_or_else(|| Outcome::failed(vec![internal_error(&job.shown)]))
        })
        .collect()
}

fn parse_job(job: &Job, catalogs: &Catalogs, nodes: &Nodes, dirs: &[DirState]) -> Outcome {
    let path = match &job.text {
        Text::Bundled(t) => return parse_case(&job.shown, t, catalogs),
        Text::Disk(path) => path,
    };
    let cached = job.cached.as_ref().and_then(|(d, rel, from)| {
        let key = from.key(path)?;
        let prior = dirs[*d]
            .entry
            .as_ref()
            .and_then(|e| Some((e, e.find(rel)?)));
        Some((key, prior))
    });
    if let Some((key, Some((entry, r)))) = &cached
        && entry.settled(*r, key)
    {
        return from_record(&entry.records[*r], *r, &job.shown, How::Reused, *key);
    }
    let owned = match read::read_file(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Outcome::failed(vec![with_line(
                Diagnostic::error(&job.shown, e.message),
                e.line,
            )]);
        }
    };
    let Some((key, prior)) = cached else {
        return match read::decode(&owned) {
            Ok(text) => parse_case(&job.shown, text, catalogs),
            Err(e) => Outcome::failed(vec![with_line(
                Diagnostic::error(&job.shown, e.message),
                e.line,
            )]),
        };
    };
    let hash = cache::key::content_hash(&owned);
    if let Some((entry, r)) = prior
        && entry.records[r].hash == hash
    {
        return from_record(&entry.records[r], r, &job.shown, How::Verified, key);
    }
    let mut outcome = match read::decode(&owned) {
        Ok(text) => parse_case(&job.shown, text, catalogs),
        Err(e) => Outcome::failed(vec![with_line(
            Diagnostic::error(&job.shown, e.message),
            e.line,
        )]),
    };
    // Encoded here, on the worker, and written at once into the case section
    // of the directory's next cache entry (its file still unnamed): a run
    // filling the cache for 100,000 cases holds neither the cases nor their
    // encodings, only each case's summary, catalog nodes and place in that
    // file. Where the file cannot be written, the encoding is held instead.
    if let Some((found @ Found::Owned(..), _)) = outcome.case.as_mut()
        && let Found::Owned(case, _) = &*found
    {
        let encoded = cache::wire::encode_case(case);
        let spool = job
            .cached
            .as_ref()
            .and_then(|(d, _, _)| dirs[*d].spool.as_ref());
        let blob = match spool.map(|s| s.append(&encoded)) {
            Some(Ok(spooled)) => Stored::Spooled(spooled),
            _ => Stored::Held(encoded.into()),
        };
        *found = Found::Encoded {
            summary: crate::casebook::Summary::of(case),
            nodes: nodes.of_case(catalogs, case),
            blob,
        };
    }
    outcome.key = Some(key);
    outcome.hash = Some(hash);
    outcome
}
