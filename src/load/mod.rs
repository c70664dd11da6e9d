//! Loading: the bundled casebook, the user's directory and each `--casebook DIR`
//! → parsed, validated cases and catalogs, plus a diagnostic for every problem.
//! A bad file is skipped; everything else loads.

pub mod case;
pub mod fields;
pub mod read;
mod walk;

use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::bundled;
use crate::casebook::{Casebook, Entry};
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
}

/// Where a case file's text comes from.
enum Text {
    Bundled(&'static str),
    Disk(PathBuf),
}

struct Job {
    shown: String,
    text: Text,
}

struct Outcome {
    case: Option<(Case, Pos)>,
    diags: Vec<Diagnostic>,
}

pub const BUNDLED_PREFIX: &str = "bundled:";

/// Loads `inputs` in order. Catalogs: the bundled ones, those in each input
/// directory's `catalogs/`, and those in `catalog_dirs`.
pub fn load(inputs: &[Input], catalog_dirs: &[PathBuf]) -> Loaded {
    let mut diags = Vec::new();
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
    let catalogs = load_catalogs(&inputs, catalog_dirs, bundled_catalogs, &mut diags);

    let mut jobs = Vec::new();
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
                let files = walk::case_files(dir, &mut diags);
                if files.is_empty() {
                    diags.push(Diagnostic::warning(
                        text::path(dir),
                        phrase(
                            "ここには事例ファイル（*.yaml）がありません",
                            "no case files (*.yaml) found here",
                        ),
                    ));
                }
                for found in files {
                    if seen_files.insert(found.canonical) {
                        jobs.push(Job {
                            shown: text::path(&found.path),
                            text: Text::Disk(found.path),
                        });
                    }
                }
            }
            Input::File(file) => {
                if seen_files.insert(canonical(file)) {
                    jobs.push(Job {
                        shown: text::path(file),
                        text: Text::Disk(file.clone()),
                    });
                }
            }
        }
    }

    let outcomes = parse_all(&jobs, &catalogs);
    let mut entries: Vec<Entry> = Vec::with_capacity(outcomes.len());
    let mut first_seen: HashMap<String, (usize, Pos)> = HashMap::new();
    for (job, outcome) in jobs.into_iter().zip(outcomes) {
        diags.extend(outcome.diags);
        let Some((case, pos)) = outcome.case else {
            continue;
        };
        if let Some((other, other_pos)) = first_seen.get(&case.id) {
            let other = &entries[*other].path;
            diags.push(duplicate_id(
                &job.shown,
                &case.id,
                pos,
                other,
                Some(other_pos.line),
            ));
            continue;
        }
        first_seen.insert(case.id.clone(), (entries.len(), pos));
        entries.push(Entry {
            case,
            path: job.shown,
            bundled: matches!(job.text, Text::Bundled(_)),
        });
    }
    Loaded {
        casebook: Casebook::new(catalogs, entries),
        diagnostics: diags,
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

/// The case files under a directory of a casebook (everything below it but
/// hidden files and a `catalogs/` directly in it), for re-reading a directory
/// that appeared.
pub fn case_files_under(dir: &Path) -> Vec<PathBuf> {
    walk::case_files(dir, &mut Vec::new())
        .into_iter()
        .map(|f| f.path)
        .collect()
}

/// Whether a path names a case or catalog file: `.yaml` or `.yml`, not hidden.
pub fn is_case_file(path: &Path) -> bool {
    walk::is_yaml(path) && !walk::is_hidden(path)
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
) -> Catalogs {
    let mut catalogs = Catalogs::default();
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
            add_catalog(&mut catalogs, &shown, text, diags);
        }
    }
    catalogs
}

fn add_catalog(
    catalogs: &mut Catalogs,
    shown: &str,
    text: Result<&str, (Option<u32>, Message)>,
    diags: &mut Vec<Diagnostic>,
) {
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
fn parse_all(jobs: &[Job], catalogs: &Catalogs) -> Vec<Outcome> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().div_ceil(16))
        .max(1);
    let one = |job: &Job| {
        catch_unwind(AssertUnwindSafe(|| parse_job(job, catalogs))).unwrap_or_else(|_| Outcome {
            case: None,
            diags: vec![internal_error(&job.shown)],
        })
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
            slot.unwrap_or_else(|| Outcome {
                case: None,
                diags: vec![internal_error(&job.shown)],
            })
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

fn parse_job(job: &Job, catalogs: &Catalogs) -> Outcome {
    let owned;
    let text = match &job.text {
        Text::Bundled(t) => Ok(*t),
        Text::Disk(path) => match read::read_file(path) {
            Ok(bytes) => {
                owned = bytes;
                read::decode(&owned)
            }
            Err(e) => Err(e),
        },
    };
    match text {
        Ok(text) => parse_case(&job.shown, text, catalogs),
        Err(e) => Outcome {
            case: None,
            diags: vec![with_line(Diagnostic::error(&job.shown, e.message), e.line)],
        },
    }
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
        case,
        diags: ctx.diags,
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

/// Reads and validates one case file on disk against `catalogs`, as loading
/// does (live reload re-reads changed files with it). `shown` names it in
/// diagnostics. Returns the case (and where its id is) when it has no error.
pub fn parse_file(
    path: &Path,
    shown: &str,
    catalogs: &Catalogs,
) -> (Option<(Case, Pos)>, Vec<Diagnostic>) {
    let job = Job {
        shown: shown.to_string(),
        text: Text::Disk(path.to_path_buf()),
    };
    let outcome =
        catch_unwind(AssertUnwindSafe(|| parse_job(&job, catalogs))).unwrap_or_else(|_| Outcome {
            case: None,
            diags: vec![internal_error(shown)],
        });
    (outcome.case, outcome.diags)
}

/// Validates one case file's text on its own against `catalogs` (for tests and tools).
pub fn parse_text(shown: &str, text: &str, catalogs: &Catalogs) -> (Option<Case>, Vec<Diagnostic>) {
    let outcome = parse_case(shown, text, catalogs);
    (outcome.case.map(|(c, _)| c), outcome.diags)
}
