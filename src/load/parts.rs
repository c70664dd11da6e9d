//! From each file's outcome to the casebook's parts: the cache's counts,
//! the records to write next, and the check that every case id is unique.

use std::collections::HashMap;

use super::cached::{DirState, Pending};
use super::jobs::{Job, Text};
use super::outcome::{Found, How, Outcome, Stored};
use crate::cache;
use crate::casebook::{Nodes, Part, Source, Summary};
use crate::catalog::Catalogs;
use crate::diag::Diagnostic;
use crate::model::Dated;
use crate::msg;
use crate::yaml::Pos;

/// The casebook's parts and, per directory, the records to write next.
pub(super) struct Parts {
    pub(super) parts: Vec<Part>,
    pub(super) pending: Vec<Vec<(Pending, Option<usize>)>>,
    /// Where each id was first defined: its part and position.
    pub(super) first_seen: HashMap<String, (usize, Pos)>,
}

/// The parts of `outcomes` (in `jobs` order); a case whose id an earlier one
/// already defines is skipped with an error.
pub(super) fn parts(
    jobs: Vec<Job>,
    outcomes: Vec<Outcome>,
    catalogs: &Catalogs,
    nodes: &Nodes,
    dirs: &mut [DirState],
    diags: &mut Vec<Diagnostic>,
) -> Parts {
    // A directory whose every file is unchanged keeps its entry as it is:
    // its records' texts can move into the casebook instead of being copied.
    let mut unchanged: Vec<(usize, bool)> = dirs.iter().map(|_| (0, true)).collect();
    for (job, outcome) in jobs.iter().zip(&outcomes) {
        if let Some((d, _, _)) = &job.cached {
            unchanged[*d].0 += 1;
            unchanged[*d].1 &= outcome.how == How::Reused;
        }
    }
    let unchanged: Vec<bool> = unchanged
        .iter()
        .zip(dirs.iter())
        .map(|(&(n, all), dir)| all && dir.entry.as_ref().is_some_and(|e| e.records.len() == n))
        .collect();
    let mut parts: Vec<Part> = Vec::with_capacity(outcomes.len());
    let mut first_seen: HashMap<String, (usize, Pos)> = HashMap::new();
    // Per directory: the records to write next, each with the casebook index
    // of its case (None when it has none or it was skipped).
    let mut pending: Vec<Vec<(Pending, Option<usize>)>> = dirs.iter().map(|_| Vec::new()).collect();
    for (job, outcome) in jobs.into_iter().zip(outcomes) {
        let dir = job.cached.as_ref().map(|(d, _, _)| *d);
        if let Some(d) = dir {
            let stats = &mut dirs[d].stats;
            match outcome.how {
                How::Reused => stats.reused += 1,
                How::Verified => stats.verified += 1,
                How::Parsed => stats.parsed += 1,
            }
        }
        let mut record = match (&job.cached, outcome.key, outcome.hash, outcome.record) {
            (Some(_), Some(key), Some(_), Some(prior)) => Some(Pending::Old { prior, key }),
            (Some((_, rel, _)), Some(key), Some(hash), None) => Some(Pending::New {
                record: Box::new(cache::Record {
                    rel: rel.clone(),
                    key,
                    hash,
                    diags: outcome
                        .diags
                        .iter()
                        .map(cache::wire::WDiag::from_diag)
                        .collect(),
                    case: None,
                }),
                blob: None,
            }),
            _ => None,
        };
        diags.extend(outcome.diags);
        let mut placed = None;
        if let Some((found, pos)) = outcome.case {
            let (summary, node_list, source) = match found {
                Found::Owned(case, encoded) => {
                    let summary = Summary::of(&case);
                    let node_list = nodes.of_case(catalogs, &case);
                    if let Some(Pending::New { record, blob }) = record.as_mut() {
                        record.case = Some(cache::CaseRecord {
                            id_line: pos.line,
                            id_col: pos.col,
                            id: summary.id.clone(),
                            title: summary.title.clone(),
                            organization: summary.organization.clone(),
                            date: summary.date.date().into(),
                            published: summary.date.is_published(),
                            people: summary.people,
                            nodes: node_list.clone(),
                            offset: 0,
                            len: 0,
                            sum: 0,
                        });
                        *blob = encoded.map(|e| Stored::Held(e.into()));
                    }
                    (summary, node_list, Source::Owned(case))
                }
                Found::Encoded {
                    summary,
                    nodes: node_list,
                    blob,
                } => {
                    if let Some(Pending::New { record, blob: held }) = record.as_mut() {
                        record.case = Some(cache::CaseRecord {
                            id_line: pos.line,
                            id_col: pos.col,
                            id: summary.id.clone(),
                            title: summary.title.clone(),
                            organization: summary.organization.clone(),
                            date: summary.date.date().into(),
                            published: summary.date.is_published(),
                            people: summary.people,
                            nodes: node_list.clone(),
                            offset: 0,
                            len: 0,
                            sum: 0,
                        });
                        *held = Some(blob.clone());
                    }
                    let blob = match blob {
                        Stored::Held(bytes) => crate::casebook::Blob::held(bytes),
                        // Read from the entry once it is written (see
                        // `save_caches`); until then only its size and sum.
                        Stored::Spooled(s) => crate::casebook::Blob {
                            bytes: crate::casebook::Bytes::Held(std::sync::Arc::from(&[][..])),
                            offset: 0,
                            len: s.len as usize,
                            sum: s.sum,
                        },
                    };
                    (summary, node_list, Source::Cached(blob))
                }
                Found::Record(r) => {
                    let Some(d) = dir else { continue };
                    let keep = unchanged[d];
                    let Some(entry) = dirs[d].entry.as_mut() else {
                        continue;
                    };
                    let Some(c) = entry.records[r].case.as_mut() else {
                        continue;
                    };
                    let text = |s: &mut String| {
                        let s = if keep { std::mem::take(s) } else { s.clone() };
                        cache::wire::clean(s, crate::text::Lines::Join)
                    };
                    let summary = Summary {
                        id: text(&mut c.id),
                        title: text(&mut c.title),
                        organization: text(&mut c.organization),
                        date: if c.published {
                            Dated::Published(c.date.into())
                        } else {
                            Dated::Discovered(c.date.into())
                        },
                        people: c.people,
                    };
                    let node_list = if keep {
                        std::mem::take(&mut c.nodes)
                    } else {
                        c.nodes.clone()
                    };
                    let c = entry.records[r].case.as_ref().expect("matched above");
                    (summary, node_list, Source::Cached(entry.blob(c)))
                }
            };
            if let Some((other, other_pos)) = first_seen.get(&summary.id) {
                let other = &parts[*other].path;
                diags.push(duplicate_id(
                    &job.shown,
                    &summary.id,
                    pos,
                    other,
                    Some(other_pos.line),
                ));
            } else {
                first_seen.insert(summary.id.clone(), (parts.len(), pos));
                placed = Some(parts.len());
                parts.push(Part {
                    summary,
                    path: job.shown,
                    bundled: matches!(job.text, Text::Bundled(_)),
                    nodes: node_list,
                    source,
                });
            }
        }
        if let (Some(d), Some(record)) = (dir, record) {
            pending[d].push((record, placed));
        }
    }
    Parts {
        parts,
        pending,
        first_seen,
    }
}

/// The error for a case whose id `other` (at `line`) already defines: the file is skipped.
pub fn duplicate_id(shown: &str, id: &str, pos: Pos, other: &str, line: Option<u32>) -> Diagnostic {
    let other = match line {
        Some(line) => format!("{other}:{line}"),
        None => other.to_string(),
    };
    Diagnostic::error(
        shown,
        msg!(
            "事例ID `{id}` が重複しています。{other} で既に定義されているため、このファイルは読み込みません（IDは重複できません）",
            "duplicate case id `{id}`: {other} already defines it; this file is skipped (ids must be unique)"
        ),
    )
    .at(pos.line, pos.col)
}
