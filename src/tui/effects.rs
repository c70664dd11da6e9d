//! Performing effects: the clipboard, the file system and the platform's opener.

use super::action::{Effect, Outcome};
use super::app::Options;
use crate::clipboard;
use crate::export::write::{WriteError, write_file};

pub fn perform(effect: Effect, options: &Options) -> Outcome {
    match effect {
        Effect::Copy { text, what } => {
            let copied = clipboard::copy(&text, options.clipboard, &mut std::io::stdout());
            if copied.via.is_empty() || copied.stuck.is_some() {
                Outcome::CopyFailed {
                    what,
                    text,
                    stuck: copied.stuck,
                }
            } else {
                Outcome::Copied {
                    what,
                    via: copied.via,
                }
            }
        }
        Effect::Write {
            path,
            data,
            overwrite,
            make_dirs,
        } => {
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
            if let Some(dir) = dir.filter(|d| !d.exists()) {
                if !make_dirs {
                    let dir = dir.to_path_buf();
                    return Outcome::NoFolder { path, data, dir };
                }
                if let Err(e) = std::fs::create_dir_all(dir) {
                    let reason = crate::load::read::io_reason(&e);
                    return Outcome::WriteFailed { path, reason };
                }
            }
            match write_file(&path, &data, overwrite) {
                Ok(()) => Outcome::Written {
                    path: absolute(path),
                },
                Err(WriteError::Exists) => Outcome::Exists { path, data },
                Err(WriteError::Io(reason)) => Outcome::WriteFailed { path, reason },
            }
        }
        Effect::ListDir { dir } => Outcome::Listed {
            entries: list(&dir),
            dir,
        },
        Effect::OpenUrl { url } => {
            // Over SSH an opener would start a browser on the remote machine, out of sight.
            let over_ssh = ["SSH_CONNECTION", "SSH_TTY"]
                .iter()
                .any(|v| std::env::var_os(v).is_some_and(|v| !v.is_empty()));
            if !over_ssh && open::that_detached(&url).is_ok() {
                return Outcome::Opened { url };
            }
            let via = clipboard::copy(&url, options.clipboard, &mut std::io::stdout()).via;
            Outcome::UrlCopied { url, over_ssh, via }
        }
    }
}

/// The entries of a folder (name, whether a folder), at most 10,000 of them.
fn list(dir: &std::path::Path) -> Result<Vec<(String, bool)>, String> {
    let read = if dir.as_os_str().is_empty() {
        std::fs::read_dir(".")
    } else {
        std::fs::read_dir(dir)
    };
    let entries = read.map_err(|e| crate::load::read::io_reason(&e))?;
    Ok(entries
        .filter_map(Result::ok)
        .take(10_000)
        .map(|e| {
            let is_dir = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
            (e.file_name().to_string_lossy().into_owned(), is_dir)
        })
        .collect())
}

/// Where a file written went, in full: its folder resolved (no `..`, no
/// link in the way), then its name.
fn absolute(path: std::path::PathBuf) -> std::path::PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    match (std::fs::canonicalize(&dir), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => std::path::absolute(&path).unwrap_or(path),
    }
}
