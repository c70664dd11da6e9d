//! Finding case and catalog files on disk, safe against symlink loops.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

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

/// A case file found on disk: as it will be shown, and its canonical path
/// (to load a file reached twice only once).
pub struct Found {
    pub path: PathBuf,
    pub canonical: PathBuf,
}

/// Case files of a casebook directory: everything under `cases/` when it has
/// one, otherwise every YAML file under `dir` except its `catalogs/`.
pub fn case_files(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Found> {
    let cases = dir.join("cases");
    let mut out = Vec::new();
    let mut visited = HashSet::new();
    if cases.is_dir() {
        walk(&cases, None, &mut out, &mut visited, diags);
    } else {
        walk(
            dir,
            Some(&dir.join("catalogs")),
            &mut out,
            &mut visited,
            diags,
        );
    }
    out
}

/// The YAML files directly in `dir` (catalogs are not nested), sorted.
pub fn yaml_files_in(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    entries(dir, diags)
        .into_iter()
        .map(|e| e.path())
        .filter(|p| is_yaml(p) && !is_hidden(p) && p.is_file())
        .collect()
}

/// The casebook a single case file belongs to: `ROOT` for a file somewhere
/// under `ROOT/cases/`, else (a flat layout, case files beside `catalogs/`)
/// the nearest directory above the file that has a `catalogs/` directory.
pub fn casebook_root(file: &Path) -> Option<PathBuf> {
    let absolute = std::fs::canonicalize(file).ok()?;
    absolute.ancestors().skip(1).find_map(|a| {
        if a.file_name().is_some_and(|n| n == "cases") {
            a.parent().map(Path::to_path_buf)
        } else if a.join("catalogs").is_dir() {
            Some(a.to_path_buf())
        } else {
            None
        }
    })
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

fn walk(
    dir: &Path,
    skip: Option<&Path>,
    out: &mut Vec<Found>,
    visited: &mut HashSet<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    let Ok(real) = std::fs::canonicalize(dir) else {
        diags.push(Diagnostic::warning(
            dir.display().to_string(),
            "skipped: the directory cannot be resolved",
        ));
        return;
    };
    if !visited.insert(real.clone()) {
        diags.push(Diagnostic::warning(
            dir.display().to_string(),
            format!(
                "skipped: a symbolic link leads back to {} (a loop)",
                real.display()
            ),
        ));
        return;
    }
    for entry in entries(dir, diags) {
        let path = entry.path();
        if is_hidden(&path) || Some(path.as_path()) == skip {
            continue;
        }
        // The entry's own type needs no system call; only links are followed.
        let kind = match entry.file_type() {
            Ok(t) if t.is_symlink() => std::fs::metadata(&path).map(|m| m.file_type()),
            other => other,
        };
        match kind {
            Ok(t) if t.is_dir() => walk(&path, None, out, visited, diags),
            Ok(t) if t.is_file() && is_yaml(&path) => {
                let canonical = match entry.file_type() {
                    Ok(t) if t.is_symlink() => {
                        std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone())
                    }
                    _ => real.join(entry.file_name()),
                };
                out.push(Found { path, canonical });
            }
            Ok(_) => {}
            Err(e) if is_yaml(&path) || path.is_symlink() => diags.push(Diagnostic::warning(
                path.display().to_string(),
                format!(
                    "skipped: {}",
                    super::read::io_message(&e).replace("the file", "the entry")
                ),
            )),
            Err(_) => {}
        }
    }
}
