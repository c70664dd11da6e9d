//! Loading: the bundled casebook, the user's directory and each `--casebook DIR`
//! → parsed, validated cases and catalogs, plus a diagnostic for every problem.
//! A bad file is skipped; everything else loads.

mod cached;
pub mod case;
pub mod fields;
pub mod read;
mod walk;

use cached::{DirState, Pending, from_record, open_dir, save_caches};
pub use cached::{IndexFile, IndexSource};

use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::bundled;
use crate::cache;
use crate::casebook::{Casebook, Part, Source, Summary};
use crate::catalog::{self, Catalogs};
use crate::diag::{Diagnostic, Message, Phrase, phrase};
use crate::model::Case;
use crate::msg;
use crate::text;
use crate::yaml::{self, Pos};
use fields::Ctx;

/// One thing to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// The casebook compiled into the binary.
    Bundled,
    /// A casebook directory: `cases/` and `catalogs/` inside it, or case files directly.
    Dir(PathBuf),
    /// A single case file.
    File(PathBuf),
}

impl Input {
    /// A directory, or anything else that exists as a file to read (reading a
    /// FIFO or a device is refused with a clear message, never blocked on).
    pub fn path(path: impl Into<PathBuf>) -> Input {
        let path = path.into();
        match std::fs::metadata(&path) {
            Ok(m) if !m.is_dir() => Input::File(path),
            _ => Input::Dir(path),
        }
    }
}

/// The result of loading: what loaded and what did not.
pub struct Loaded {
    pub casebook: Casebook,
    pub diagnostics: Vec<Diagnostic>,
    /// One line each: cache entries that could not be used and were rebuilt.
    pub notices: Vec<crate::diag::Message>,
    /// What the cache did, per directory.
    pub cache: Vec<cache::Stats>,
    /// Where each part of the casebook's search index comes from.
    pub index: Vec<IndexSource>,
}

/// Where a case file's text comes from.
enum Text {
    Bundled(&'static str),
    Disk(PathBuf),
}

struct Job {
    shown: String,
    text: Text,
    /// The directory whose cache may know the file, the file's path in it
    /// and where its key comes from.
    cached: Option<(usize, String, walk::KeyFrom)>,
}

/// A valid case: parsed now, or the record of a cache entry.
enum Found {
    Owned(Box<Case>, Option<Vec<u8>>),
    Record(usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    Parsed,
    /// From the cache on the file's key.
    Reused,
    /// From the cache after the bytes hashed the same.
    Verified,
}

struct Outcome {
    case: Option<(Found, Pos)>,
    diags: Vec<Diagnostic>,
    how: How,
    /// For the cache: the file's key (taken before the file is read: a
    /// change after that moment shows in the key, or leaves it unsettled, next
    /// time) and the hash of its bytes, when it was read.
    key: Option<cache::key::FileKey>,
    hash: Option<u128>,
    /// The cache record the outcome came from.
    record: Option<usize>,
}

impl Outcome {
    fn failed(diags: Vec<Diagnostic>) -> Outcome {
        Outcome {
            case: None,
            diags,
            how: How::Parsed,
            key: None,
            hash: None,
            record: None,
        }
    }
}

pub const BUNDLED_PREFIX: &str = "bundled:";

/// Loads `inputs` in order, without the cache. Catalogs: the bundled ones,
/// those in each input directory's `catalogs/`, and those in `catalog_dirs`.
pub fn load(inputs: &[Input], catalog_dirs: &[PathBuf]) -> Loaded {
    load_with(inputs, catalog_dirs, &cache::Settings::none())
}

/// Loads `inputs` in order, using and refreshing the cache of each directory.
pub fn load_with(inputs: &[Input], catalog_dirs: &[PathBuf], settings: &cache::Settings) -> Loaded {
    // Files are trusted on their keys only when their times are settled
    // relative to this moment (taken before any file is looked at).
    let read_from = cache::key::now();
    let mut diags = Vec::new();
    let mut notices = Vec::new();
    // Validating the bundled casebook's own source directory checks the files
    // on disk, not the copy compiled in earlier (which would clash with them).
    let source = bundle_source();
    let on_disk = |i: &Input| match (i, &source) {
        (Input::Dir(p) | Input::File(p), Some(source)) => canonical(p).starts_with(source),
        _ => false,
    };
    let inputs: Vec<Input> = if inputs.iter().any(on_disk) {
        inputs
            .iter()
            .filter(|i| **i != Input::Bundled)
            .cloned()
            .collect()
    } else {
        inputs.to_vec()
    };
    let bundled_catalogs = !inputs.iter().any(on_disk);
    let (catalogs, catalogs_hash) =
        load_catalogs(&inputs, catalog_dirs, bundled_catalogs, &mut diags);

    let mut jobs = Vec::new();
    let mut dirs: Vec<DirState> = Vec::new();
    let mut seen_files = HashSet::new();
    for input in &inputs {
        match input {
            Input::Bundled => jobs.extend(
                bundled::FILES
                    .iter()
                    .filter(|(p, _)| p.starts_with("cases/"))
                    .map(|(p, text)| Job {
                        shown: format!("{BUNDLED_PREFIX}{p}"),
                        text: Text::Bundled(text),
                        cached: None,
                    }),
            ),
            Input::Dir(dir) => {
                if !dir.is_dir() {
                    let problem = if dir.exists() {
                        phrase("ディレクトリではありません", "not a directory")
                    } else {
                        phrase(
                            "そのようなファイルやディレクトリはありません",
                            "no such file or directory",
                        )
                    };
                    diags.push(Diagnostic::error(text::path(dir), problem));
                    continue;
                }
                let state = open_dir(dir, settings, catalogs_hash, &mut notices);
                let caching = state.files.is_some();
                let files = walk::case_files(dir, caching, &mut diags);
                if files.is_empty() {
                    diags.push(Diagnostic::warning(
                        text::path(dir),
                        phrase(
                            "ここには事例ファイル（*.yaml）がありません",
                            "no case files (*.yaml) found here",
                        ),
                    ));
                }
                let d = dirs.len();
                dirs.push(state);
                for found in files {
                    if seen_files.insert(found.canonical) {
                        let rel = found
                            .path
                            .strip_prefix(dir)
                            .ok()
                            .and_then(|r| r.to_str())
                            .map(str::to_string);
                        jobs.push(Job {
                            shown: text::path(&found.path),
                            text: Text::Disk(found.path),
                            cached: rel.zip(found.key).map(|(rel, from)| (d, rel, from)),
                        });
                    }
                }
            }
            Input::File(file) => {
                if seen_files.insert(walk::path_hash(&canonical(file))) {
                    jobs.push(Job {
                        shown: text::path(file),
                        text: Text::Disk(file.clone()),
                        cached: None,
                    });
                }
            }
        }
    }

    let nodes = crate::casebook::Nodes::new(&catalogs);
    let outcomes = parse_all(&jobs, &catalogs, &dirs);
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
        .zip(&dirs)
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
                    let node_list = nodes.of_case(&catalogs, &case);
                    if let Some(Pending::New { record, blob }) = record.as_mut() {
                        record.case = Some(cache::CaseRecord {
                            id_line: pos.line,
                            id_col: pos.col,
                            id: summary.id.clone(),
                            title: summary.title.clone(),
                            organization: summary.organization.clone(),
                            published: summary.published.into(),
                            people: summary.people,
                            nodes: node_list.clone(),
                            offset: 0,
                            len: 0,
                            sum: 0,
                        });
                        *blob = encoded;
                    }
                    (summary, node_list, Source::Owned(case))
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
                    let text = |s: &mut String| if keep { std::mem::take(s) } else { s.clone() };
                    let summary = Summary {
                        id: text(&mut c.id),
                        title: text(&mut c.title),
                        organization: text(&mut c.organization),
                        published: c.published.into(),
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
    let casebook = Casebook::from_parts(catalogs, nodes, parts);
    let index = save_caches(&mut dirs, pending, catalogs_hash, read_from, &casebook);
    let cache = dirs
        .iter()
        .filter(|d| d.files.is_some())
        .map(|d| d.stats.clone())
        .collect();
    // A hundred thousand records take a while to free: not on the way to the first output.
    std::thread::spawn(move || drop((dirs, first_seen)));
    Loaded {
        casebook,
        diagnostics: diags,
        notices,
        cache,
        index,
    }
}

/// The directory the bundled casebook was compiled from, when it still exists.
fn bundle_source() -> Option<PathBuf> {
    std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("casebook")).ok()
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The bundled catalogs, then every `catalogs/*.yaml` that belongs to an input.
fn load_catalogs(
    inputs: &[Input],
    extra: &[PathBuf],
    bundled: bool,
    diags: &mut Vec<Diagnostic>,
) -> (Catalogs, u128) {
    let mut catalogs = Catalogs::default();
    // What the cases are validated against: every catalog file's name and text.
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    if bundled {
        for (path, text) in bundled::FILES
            .iter()
            .filter(|(p, _)| p.starts_with("catalogs/"))
        {
            add_catalog(
                &mut catalogs,
                &format!("{BUNDLED_PREFIX}{path}"),
                Ok(text),
                diags,
                &mut hash,
            );
        }
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    for input in inputs {
        match input {
            Input::Bundled => {}
            Input::Dir(dir) => dirs.push(dir.join("catalogs")),
            Input::File(file) => {
                dirs.extend(walk::casebook_root(file).map(|root| root.join("catalogs")))
            }
        }
    }
    dirs.extend(extra.iter().map(|d| d.join("catalogs")));
    let mut seen = HashSet::new();
    for dir in dirs.into_iter().filter(|d| d.is_dir()) {
        if !seen.insert(canonical(&dir)) {
            continue;
        }
        for file in walk::yaml_files_in(&dir, diags) {
            let shown = text::path(&file);
            let bytes = read::read_file(&file);
            let text = bytes
                .as_deref()
                .map_err(|e| (e.line, e.message.clone()))
                .and_then(|b| read::decode(b).map_err(|e| (e.line, e.message)));
            add_catalog(&mut catalogs, &shown, text, diags, &mut hash);
        }
    }
    (catalogs, hash.digest128())
}

fn add_catalog(
    catalogs: &mut Catalogs,
    shown: &str,
    text: Result<&str, (Option<u32>, Message)>,
    diags: &mut Vec<Diagnostic>,
    hash: &mut xxhash_rust::xxh3::Xxh3,
) {
    for part in [shown, "\0", text.as_ref().map_or("\u{1}", |t| t), "\0"] {
        hash.update(part.as_bytes());
    }
    let text = match text {
        Ok(t) => t,
        Err((line, message)) => {
            diags.push(with_line(Diagnostic::error(shown, message), line));
            return;
        }
    };
    let mut ctx = Ctx::new(shown);
    match yaml::parse(text) {
        Err(e) => ctx.error(e.pos, e.message),
        Ok(None) => ctx.error(
            Pos { line: 1, col: 1 },
            phrase("分類表のファイルが空です", "the catalog file is empty"),
        ),
        Ok(Some(root)) => {
            let added = match catalog::from_node(&mut ctx, &root) {
                Some(catalog) => catalogs
                    .add(catalog)
                    .map_err(|reason| ctx.error(root.pos, reason)),
                None => Err(()),
            };
            if added.is_err()
                && let Some(scheme) = catalog::scheme_named(&root)
            {
                catalogs.add_failed(&scheme, shown);
            }
        }
    }
    diags.extend(ctx.diags);
}

fn with_line(d: Diagnostic, line: Option<u32>) -> Diagnostic {
    match line {
        Some(l) => d.at(l, 1),
        None => d,
    }
}

/// Parses the files on all cores; results come back in `jobs` order.
fn parse_all(jobs: &[Job], catalogs: &Catalogs, dirs: &[DirState]) -> Vec<Outcome> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().div_ceil(16))
        .max(1);
    let one = |job: &Job| {
        catch_unwind(AssertUnwindSafe(|| parse_job(job, catalogs, dirs)))
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

fn internal_error(shown: &str) -> Diagnostic {
    Diagnostic::error(
        shown,
        phrase(
            "このファイルの読み込み中に内部エラーが起きました（報告してください）",
            "internal error while reading this file (please report it)",
        ),
    )
}

fn parse_job(job: &Job, catalogs: &Catalogs, dirs: &[DirState]) -> Outcome {
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
    // Encoded here, on the worker, so writing the cache costs the main thread little.
    if let Some((Found::Owned(case, encoded), _)) = outcome.case.as_mut() {
        *encoded = Some(cache::wire::encode_case(case));
    }
    outcome.key = Some(key);
    outcome.hash = Some(hash);
    outcome
}

/// The YAML tree of a file's text (a byte-order mark is fine); a syntax error,
/// or `empty` when there is no document, goes to `ctx`.
pub fn tree(ctx: &mut Ctx, text: &str, empty: Phrase) -> Option<yaml::Node> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    match yaml::parse(text) {
        Err(e) => {
            ctx.error(e.pos, e.message);
            None
        }
        Ok(None) => {
            ctx.error(Pos { line: 1, col: 1 }, empty);
            None
        }
        Ok(Some(root)) => Some(root),
    }
}

/// Parses and validates one case file's text. `shown` names it in diagnostics.
fn parse_case(shown: &str, text: &str, catalogs: &Catalogs) -> Outcome {
    let mut ctx = Ctx::new(shown);
    let empty = phrase(
        "ファイルが空です（またはコメントだけです）。事例ファイルには id, title, organization, sector, \
         published, summary, root_causes, measures, sources が必要です",
        "the file is empty (or only comments); a case file needs id, title, organization, sector, \
         published, summary, root_causes, measures and sources",
    );
    let case = tree(&mut ctx, text, empty).and_then(|root| {
        case::from_node(&mut ctx, &root, catalogs).map(|case| {
            let id_pos = id_position(&root).unwrap_or(root.pos);
            check_file_name(&mut ctx, shown, &case, id_pos);
            (case, id_pos)
        })
    });
    Outcome {
        case: case.map(|(case, pos)| (Found::Owned(Box::new(case), None), pos)),
        diags: ctx.diags,
        how: How::Parsed,
        key: None,
        hash: None,
        record: None,
    }
}

fn id_position(root: &yaml::Node) -> Option<Pos> {
    let yaml::Value::Map(pairs) = &root.value else {
        return None;
    };
    pairs
        .iter()
        .find(|(k, _)| matches!(&k.value, yaml::Value::Scalar { text, .. } if text == "id"))
        .map(|(_, v)| v.pos)
}

fn check_file_name(ctx: &mut Ctx, shown: &str, case: &Case, id_pos: Pos) {
    let stem = Path::new(shown)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    if stem != case.id {
        let id = &case.id;
        ctx.warning(
            id_pos,
            msg!(
                "ID `{id}` がファイル名 `{stem}` と違います。見つけやすいようにファイル名を {id}.yaml にしてください",
                "the id `{id}` differs from the file name `{stem}`; name the file {id}.yaml so it is easy to find"
            ),
        );
    }
}

/// Validates one case file's text on its own against `catalogs` (for tests and tools).
pub fn parse_text(shown: &str, text: &str, catalogs: &Catalogs) -> (Option<Case>, Vec<Diagnostic>) {
    let outcome = parse_case(shown, text, catalogs);
    let case = match outcome.case {
        Some((Found::Owned(case, _), _)) => Some(*case),
        _ => None,
    };
    (case, outcome.diags)
}

/// Reads and validates a case file again (when its cache entry turned out damaged).
pub fn reread(path: &str, catalogs: &Catalogs) -> Option<Case> {
    let bytes = read::read_file(Path::new(path)).ok()?;
    let text = read::decode(&bytes).ok()?;
    parse_text(path, text, catalogs).0
}

/// Reads and validates one case file on disk against `catalogs`, as loading
/// does (live reload reads changed files with it). `shown` names it in
/// diagnostics. Returns the case (and where its id is) when it has no error.
pub fn parse_file(
    path: &Path,
    shown: &str,
    catalogs: &Catalogs,
) -> (Option<(Case, Pos)>, Vec<Diagnostic>) {
    let read = || {
        let bytes = read::read_file(path)?;
        let text = read::decode(&bytes)?;
        Ok(parse_case(shown, text, catalogs))
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        read().unwrap_or_else(|e: read::ReadError| {
            Outcome::failed(vec![with_line(Diagnostic::error(shown, e.message), e.line)])
        })
    }))
    .unwrap_or_else(|_| Outcome::failed(vec![internal_error(shown)]));
    let case = match outcome.case {
        Some((Found::Owned(case, _), pos)) => Some((*case, pos)),
        _ => None,
    };
    (case, outcome.diags)
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

/// The case files under a directory of a casebook (everything below it but
/// hidden files and a `catalogs/` directly in it), for reading a directory
/// that appeared.
pub fn case_files_under(dir: &Path) -> Vec<PathBuf> {
    walk::case_files(dir, false, &mut Vec::new())
        .into_iter()
        .map(|f| f.path)
        .collect()
}

/// Whether a path names a case or catalog file: `.yaml` or `.yml`, not hidden.
pub fn is_case_file(path: &Path) -> bool {
    walk::is_yaml(path) && !walk::is_hidden(path)
}
