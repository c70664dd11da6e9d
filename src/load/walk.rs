//! Finding case and catalog files on disk: safe against symbolic-link loops,
//! never opening a file (so a FIFO cannot block), and without resolving every
//! ancestor again at each level (which made deep trees cost the cube of their depth).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::layout::{is_hidden, is_yaml};
use super::read::io_reason;
use crate::cache::key::FileKey;
use crate::diag::{Diagnostic, Message};
use crate::msg;
use crate::text;

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

/// A path's identity for "seen before": the hash of its bytes.
pub fn path_hash(path: &Path) -> u128 {
    xxhash_rust::xxh3::xxh3_128(path.as_os_str().as_encoded_bytes())
}

/// Case files of a casebook directory, by the rule of [`super::layout`]:
/// everything under `cases/` when it has one, otherwise every YAML file under
/// `dir` except its `catalogs/` and its statement of applicability. With
/// `keys`, each comes with the source of its cache key.
pub fn case_files(dir: &Path, keys: bool, diags: &mut Vec<Diagnostic>) -> Vec<Found> {
    let layout = super::layout::Layout::of(dir);
    // Links are followed only within the casebook directory.
    let within = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let found = if layout.has_cases {
        walk(&dir.join("cases"), None, &within, keys, diags)
    } else {
        walk(dir, Some(&dir.join("catalogs")), &within, keys, diags)
    };
    found
        .into_iter()
        .filter(|f| layout.role(&f.path) == super::layout::Role::Case)
        .collect()
}

/// A symbolic link whose target lies outside the casebook directory: not
/// followed (a link committed to a team's repository could lead anywhere on
/// the machine that runs `validate`), and said so.
fn leaves(path: &Path, target: &Path) -> Diagnostic {
    let target = text::path(target);
    Diagnostic::warning(
        text::path(path),
        msg!(
            "読み飛ばしました: 事例集のディレクトリの外（{target}）を指すシンボリックリンクです",
            "skipped: a symbolic link that leads outside the casebook (to {target})"
        ),
    )
}

/// The YAML files directly in `dir` (catalogs are not nested), sorted. A
/// link is followed only to a file inside the casebook (`dir`'s parent).
pub fn yaml_files_in(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let within = std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.parent().map(Path::to_path_buf));
    for entry in entries(dir, diags) {
        let path = entry.path();
        if !is_yaml(&path) || is_hidden(&path) {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_symlink())
            && let (Some(within), Ok(target)) = (&within, std::fs::canonicalize(&path))
            && !target.starts_with(within)
            && target.is_file()
        {
            diags.push(leaves(&path, &target));
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => out.push(path),
            Ok(m) => diags.push(not_regular(&path, &m.file_type())),
            Err(e) => diags.push(skipped(&path, &e)),
        }
    }
    out
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

/// The casebook a directory of case files belongs to, by the same rule as
/// [`casebook_root`]: `ROOT` for `ROOT/cases` or a directory under it, else the
/// nearest directory at or above it that has a `catalogs/` directory.
pub fn casebook_root_of_dir(dir: &Path) -> Option<PathBuf> {
    let absolute = std::fs::canonicalize(dir).ok()?;
    absolute.ancestors().find_map(|a| {
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
                text::path(dir),
                Message::new(
                    "ディレクトリを読めなかったため、中のファイルを読み飛ばしました: ",
                    "could not read the directory, so its files were skipped: ",
                )
                .then(&io_reason(&e)),
            ));
            Vec::new()
        }
    }
}

/// A YAML-named entry that is no file to read (a FIFO, a socket, a device).
fn not_regular(path: &Path, kind: &std::fs::FileType) -> Diagnostic {
    Diagnostic::warning(text::path(path), super::read::not_regular(kind))
}

/// An entry that could not be looked at: what it held is missing, an error.
fn skipped(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        text::path(path),
        Message::new(
            "読めなかったため読み飛ばしました: ",
            "could not be read, so it was skipped: ",
        )
        .then(&io_reason(e)),
    )
}

/// Depth first, in name order, with an explicit stack (no recursion): each
/// directory's canonical path is its parent's joined with its name, so only
/// symbolic links are resolved.
fn walk(
    root: &Path,
    skip: Option<&Path>,
    within: &Path,
    keys: bool,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Found> {
    let mut out = Vec::new();
    let real_root = match std::fs::canonicalize(root) {
        Ok(r) => r,
        Err(e) => {
            diags.push(skipped(root, &e));
            return out;
        }
    };
    let mut visited = HashSet::new();
    visited.insert(real_root.clone());
    let mut stack = vec![(entries(root, diags).into_iter(), real_root)];
    while let Some((iter, real)) = stack.last_mut() {
        let Some(entry) = iter.next() else {
            stack.pop();
            continue;
        };
        let real = real.clone();
        let path = entry.path();
        if is_hidden(&path) || (stack.len() == 1 && Some(path.as_path()) == skip) {
            continue;
        }
        let own = real.join(entry.file_name());
        // The entry's own type needs no system call; only links are followed.
        let (kind, linked) = match entry.file_type() {
            Ok(t) if t.is_symlink() => (std::fs::metadata(&path).map(|m| m.file_type()), true),
            other => (other, false),
        };
        match kind {
            Ok(t) if t.is_dir() => {
                let target = if linked {
                    match std::fs::canonicalize(&path) {
                        Ok(r) if !r.starts_with(within) => {
                            diags.push(leaves(&path, &r));
                            continue;
                        }
                        Ok(r) => r,
                        Err(e) => {
                            diags.push(skipped(&path, &e));
                            continue;
                        }
                    }
                } else {
                    own
                };
                if !visited.insert(target.clone()) {
                    let target = text::path(&target);
                    diags.push(Diagnostic::warning(
                        text::path(&path),
                        msg!(
                            "読み飛ばしました: シンボリックリンクが {target} に戻っています（ループ）",
                            "skipped: a symbolic link leads back to {target} (a loop)"
                        ),
                    ));
                    continue;
                }
                let inside = entries(&path, diags);
                stack.push((inside.into_iter(), target));
            }
            Ok(t) if t.is_file() && is_yaml(&path) => {
                let canonical = if linked {
                    let target = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                    if !target.starts_with(within) {
                        diags.push(leaves(&path, &target));
                        continue;
                    }
                    path_hash(&target)
                } else {
                    path_hash(&own)
                };
                let key = match (keys, linked) {
                    (false, _) => None,
                    (true, true) => Some(KeyFrom::Link),
                    (true, false) if visited.len() <= OPEN_DIRS => Some(KeyFrom::Entry(entry)),
                    (true, false) => Some(KeyFrom::Known(
                        entry
                            .metadata()
                            .ok()
                            .as_ref()
                            .and_then(FileKey::from_metadata),
                    )),
                };
                out.push(Found {
                    path,
                    canonical,
                    key,
                });
            }
            Ok(t) if is_yaml(&path) && !t.is_file() => diags.push(not_regular(&path, &t)),
            Ok(_) => {}
            Err(e) if linked && is_yaml(&path) && e.kind() == std::io::ErrorKind::NotFound => diags
                .push(Diagnostic::error(
                    text::path(&path),
                    Message::new(
                        "存在しないファイルへのシンボリックリンクのため読み飛ばしました",
                        "a symbolic link to a file that does not exist, so it was skipped",
                    ),
                )),
            Err(e) if is_yaml(&path) => diags.push(skipped(&path, &e)),
            Err(_) if linked => diags.push(Diagnostic::warning(
                text::path(&path),
                Message::new(
                    "読み飛ばしました: リンク先のないシンボリックリンクです",
                    "skipped: a symbolic link that leads nowhere",
                ),
            )),
            Err(e) => diags.push(skipped(&path, &e)),
        }
    }
    out
}

/// The YAML files under a directory of a casebook (everything below it but
/// hidden files), for reading a directory that appeared; which of them are
/// cases is for [`super::layout`] to say.
pub fn case_files_under(dir: &Path) -> Vec<PathBuf> {
    let within = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    walk(dir, None, &within, false, &mut Vec::new())
        .into_iter()
        .map(|f| f.path)
        .collect()
}
