//! Finding case and catalog files on disk, safe against symlink loops.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::cache::key::FileKey;
use crate::diag::Diagnostic;

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// A case file found on disk: as it will be shown, and its canonical path's
/// hash (to load a file reached twice only once).
pub struct Found {
    pub path: PathBuf,
    pub canonical: u128,
    /// Where the file's cache key comes from, when asked for.
    pub key: Option<KeyFrom>,
}

/// The source of a file's key: its directory entry (a stat relative to the
/// open directory, no path lookup), or, for a link, the path it leads to.
pub enum KeyFrom {
    Entry(std::fs::DirEntry),
    Link,
    /// Taken during the walk (a kept entry holds its directory open: past a
    /// few hundred directories, keys are taken at once instead).
    Known(Option<FileKey>),
}

/// Directories whose entries may be kept open for their keys.
const OPEN_DIRS: usize = 256;

impl KeyFrom {
    /// Takes the key now (on whichever thread reads the file).
    pub fn key(&self, path: &Path) -> Option<FileKey> {
        match self {
            KeyFrom::Entry(entry) => entry
                .metadata()
                .ok()
                .as_ref()
                .and_then(FileKey::from_metadata),
            KeyFrom::Link => FileKey::of(path),
            KeyFrom::Known(key) => *key,
        }
    }
}

/// Case files of a casebook directory: everything under `cases/` when it has
/// one, otherwise every YAML file under `dir` except its `catalogs/`.
pub fn case_files(dir: &Path, keys: bool, diags: &mut Vec<Diagnostic>) -> Vec<Found> {
    let cases = dir.join("cases");
    let mut walker = Walker {
        keys,
        out: Vec::new(),
        visited: HashSet::new(),
        diags,
    };
    if cases.is_dir() {
        walker.walk(&cases, None);
    } else {
        walker.walk(dir, Some(&dir.join("catalogs")));
    }
    walker.out
}

/// The YAML files directly in `dir` (catalogs are not nested), sorted.
pub fn yaml_files_in(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    entries(dir, diags)
        .into_iter()
        .map(|e| e.path())
        .filter(|p| is_yaml(p) && !is_hidden(p) && p.is_file())
        .collect()
}

/// A path's identity for "seen before": the hash of its bytes.
pub fn path_hash(path: &Path) -> u128 {
    xxhash_rust::xxh3::xxh3_128(path.as_os_str().as_encoded_bytes())
}

/// For a case file somewhere under `ROOT/cases/`, the casebook root `ROOT`.
pub fn casebook_root(file: &Path) -> Option<PathBuf> {
    let absolute = std::fs::canonicalize(file).ok()?;
    absolute
        .ancestors()
        .skip(1)
        .find(|a| a.file_name().is_some_and(|n| n == "cases"))
        .and_then(|cases| cases.parent())
        .map(Path::to_path_buf)
}

fn entries(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<std::fs::DirEntry> {
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            let mut entries: Vec<std::fs::DirEntry> = rd.flatten().collect();
            entries.sort_by_key(|e| e.file_name());
            entries
        }
        Err(e) => {
            diags.push(Diagnostic::error(
                dir.display().to_string(),
                super::read::io_message(&e).replace("the file", "the directory"),
            ));
            Vec::new()
        }
    }
}

struct Walker<'a> {
    keys: bool,
    out: Vec<Found>,
    visited: HashSet<PathBuf>,
    diags: &'a mut Vec<Diagnostic>,
}

impl Walker<'_> {
    fn walk(&mut self, dir: &Path, skip: Option<&Path>) {
        let Ok(real) = std::fs::canonicalize(dir) else {
            self.diags.push(Diagnostic::warning(
                dir.display().to_string(),
                "skipped: the directory cannot be resolved",
            ));
            return;
        };
        if !self.visited.insert(real.clone()) {
            self.diags.push(Diagnostic::warning(
                dir.display().to_string(),
                format!(
                    "skipped: a symbolic link leads back to {} (a loop)",
                    real.display()
                ),
            ));
            return;
        }
        for entry in entries(dir, self.diags) {
            let path = entry.path();
            if is_hidden(&path) || Some(path.as_path()) == skip {
                continue;
            }
            // The entry's own type needs no system call; only links are followed.
            let link = matches!(entry.file_type(), Ok(t) if t.is_symlink());
            let kind = match entry.file_type() {
                Ok(_) if link => std::fs::metadata(&path).map(|m| m.file_type()),
                other => other,
            };
            match kind {
                Ok(t) if t.is_dir() => self.walk(&path, None),
                Ok(t) if t.is_file() && is_yaml(&path) => {
                    let canonical = if link {
                        path_hash(&std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone()))
                    } else {
                        path_hash(&real.join(entry.file_name()))
                    };
                    let key = match (self.keys, link) {
                        (false, _) => None,
                        (true, true) => Some(KeyFrom::Link),
                        (true, false) if self.visited.len() <= OPEN_DIRS => {
                            Some(KeyFrom::Entry(entry))
                        }
                        (true, false) => Some(KeyFrom::Known(
                            entry
                                .metadata()
                                .ok()
                                .as_ref()
                                .and_then(FileKey::from_metadata),
                        )),
                    };
                    self.out.push(Found {
                        path,
                        canonical,
                        key,
                    });
                }
                Ok(_) => {}
                Err(e) if is_yaml(&path) || path.is_symlink() => {
                    self.diags.push(Diagnostic::warning(
                        path.display().to_string(),
                        format!(
                            "skipped: {}",
                            super::read::io_message(&e).replace("the file", "the entry")
                        ),
                    ))
                }
                Err(_) => {}
            }
        }
    }
}
