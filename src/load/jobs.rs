//! The files to read: one job per case file of the inputs, each file once,
//! with the directory whose cache may know it.

use std::collections::HashSet;
use std::path::PathBuf;

use super::cached::{DirState, open_dir};
use super::input::{BUNDLED_PREFIX, Input, canonical};
use super::walk;
use crate::bundled;
use crate::cache;
use crate::diag::{Diagnostic, Message, phrase};
use crate::text;

/// Where a case file's text comes from.
pub(super) enum Text {
    Bundled(&'static str),
    Disk(PathBuf),
}

pub(super) struct Job {
    pub(super) shown: String,
    pub(super) text: Text,
    /// The directory whose cache may know the file, the file's path in it
    /// and where its key comes from.
    pub(super) cached: Option<(usize, String, walk::KeyFrom)>,
}

/// The jobs for `inputs`, in order, and the state of each directory among
/// them; a directory that is missing or holds no case file is reported.
pub(super) fn jobs(
    inputs: &[Input],
    settings: &cache::Settings,
    catalogs_hash: u128,
    diags: &mut Vec<Diagnostic>,
    notices: &mut Vec<Message>,
) -> (Vec<Job>, Vec<DirState>) {
    let mut jobs = Vec::new();
    let mut dirs: Vec<DirState> = Vec::new();
    let mut seen_files = HashSet::new();
    for input in inputs {
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
                let state = open_dir(dir, settings, catalogs_hash, notices);
                let caching = state.files.is_some();
                let files = walk::case_files(dir, caching, diags);
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
    (jobs, dirs)
}
