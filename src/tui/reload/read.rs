//! Reading changed files again, off the browser's thread: what was loaded
//! (to load it again), the job for the event loop, and what it brings back.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::cache::key::{self, FileKey};
use crate::casebook::Casebook;
use crate::catalog::Catalogs;
use crate::diag::Diagnostic;
use crate::load::{self, Input};
use crate::model::Case;
use crate::text;
use crate::yaml::Pos;

/// What the browser loaded, to load it again and watch it.
#[derive(Clone, Debug, Default)]
pub struct Setup {
    /// What was loaded, in order (for a reload of everything).
    pub inputs: Vec<Input>,
    /// The casebook directories to watch (those of `inputs` that exist).
    pub watch: Vec<PathBuf>,
    /// How many diagnostics at the start are not the loader's (the config
    /// file's): a reload of everything keeps them.
    pub kept_diagnostics: usize,
    /// The key of each file loaded from disk, and when loading began.
    pub keys: HashMap<String, (FileKey, i64)>,
}

impl Setup {
    /// What a browser over `book`, loaded from `inputs` from the moment
    /// `read_from` on, watches and loads again.
    pub fn new(
        inputs: &[Input],
        kept_diagnostics: usize,
        book: &Casebook,
        read_from: i64,
    ) -> Setup {
        let keys = (0..book.len())
            .filter(|&i| !book.is_bundled(i))
            .filter_map(|i| {
                let path = book.path(i);
                FileKey::of(Path::new(path)).map(|k| (path.to_string(), (k, read_from)))
            })
            .collect();
        Setup {
            inputs: inputs.to_vec(),
            watch: inputs
                .iter()
                .filter_map(|i| match i {
                    Input::Dir(d) if d.is_dir() => Some(d.clone()),
                    _ => None,
                })
                .collect(),
            kept_diagnostics,
            keys,
        }
    }
}

/// What one file holds now.
#[derive(Clone, Debug)]
pub enum Fresh {
    /// It loads: the case (and where its id is), with any warnings.
    Parsed {
        case: Box<Case>,
        pos: Pos,
        diags: Vec<Diagnostic>,
    },
    /// It has errors.
    Failed(Vec<Diagnostic>),
    /// It is gone (deleted or moved away).
    Gone,
}

/// One file read again; `shown` is its path as loading shows it.
#[derive(Clone, Debug)]
pub struct Reloaded {
    pub shown: String,
    pub fresh: Fresh,
    /// The file's key when it was read, and when that reading began.
    pub key: Option<(FileKey, i64)>,
}

/// The result of a reload.
#[derive(Debug)]
pub enum Batch {
    Files(Vec<Reloaded>),
    /// Everything loaded again (a catalog changed).
    Everything {
        casebook: Box<Casebook>,
        diagnostics: Vec<Diagnostic>,
    },
}

/// Work for the reload thread.
pub struct Job {
    pub paths: Vec<PathBuf>,
    pub everything: bool,
    pub catalogs: Catalogs,
    pub inputs: Vec<Input>,
    /// The files loaded from disk now (as shown), to find those under a
    /// directory that went away or that left a directory read again.
    pub known: BTreeSet<String>,
    /// Each file's key when it was last read (and when that reading began).
    pub keys: HashMap<String, (FileKey, i64)>,
    /// A file to read whatever its key (one just edited in the browser).
    pub always: Option<String>,
}

/// Reads what a job names. Changed paths that are directories are read
/// whole (a file loaded from under one and no longer there is gone); a path
/// that is gone takes the loaded files under it with it.
pub fn read(job: &Job) -> Batch {
    if job.everything {
        let loaded = load::load(&job.inputs, &[]);
        return Batch::Everything {
            casebook: Box::new(loaded.casebook),
            diagnostics: loaded.diagnostics,
        };
    }
    // Each file once, in the order reported.
    let mut files: Vec<PathBuf> = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut add = |p: PathBuf| {
        if seen.insert(p.clone()) {
            files.push(p);
        }
    };
    let is_case = |p: &Path| load::layout::is_case_in(&job.inputs, p);
    for path in &job.paths {
        if is_case(path) {
            add(path.clone());
        } else if path.is_dir() {
            let found: Vec<PathBuf> = load::case_files_under(path)
                .into_iter()
                .filter(|p| is_case(p))
                .collect();
            let listed: HashSet<String> = found.iter().map(|f| text::path(f)).collect();
            found.into_iter().for_each(&mut add);
            known_under(&job.known, path)
                .filter(|k| !listed.contains(*k))
                .for_each(|k| add(PathBuf::from(k)));
        } else if std::fs::symlink_metadata(path).is_err() {
            known_under(&job.known, path).for_each(|k| add(PathBuf::from(k)));
        }
    }
    let unchanged = |path: &Path| {
        let shown = text::path(path);
        job.always.as_deref() != Some(shown.as_str())
            && job
                .keys
                .get(&shown)
                .is_some_and(|&(old, from)| old.settled(from) && FileKey::of(path) == Some(old))
    };
    Batch::Files(
        files
            .iter()
            .filter(|path| !unchanged(path))
            .map(|path| read_file(path, &job.catalogs))
            .collect(),
    )
}

/// The loaded files under directory `dir` (a range of the sorted set).
fn known_under<'a>(known: &'a BTreeSet<String>, dir: &Path) -> impl Iterator<Item = &'a String> {
    let shown = text::path(dir);
    let prefix = if shown.ends_with('/') {
        shown
    } else {
        format!("{shown}/")
    };
    known
        .range(prefix.clone()..)
        .take_while(move |k| k.starts_with(&prefix))
}

/// One file, as loading reads it.
pub fn read_file(path: &Path, catalogs: &Catalogs) -> Reloaded {
    let shown = text::path(path);
    // The key is taken before the file is read: a change after that moment
    // shows in the key next time (or leaves it unsettled).
    let from = key::now();
    let key = FileKey::of(path).map(|k| (k, from));
    let fresh = if std::fs::symlink_metadata(path).is_err() {
        Fresh::Gone
    } else {
        match load::parse_file(path, &shown, catalogs) {
            (Some((case, pos)), diags) => Fresh::Parsed {
                case: Box::new(case),
                pos,
                diags,
            },
            (None, diags) => Fresh::Failed(diags),
        }
    };
    Reloaded { shown, fresh, key }
}
