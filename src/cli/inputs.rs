//! What a run loads: the bundled casebook, the user's own directory, the
//! config file's and `--casebook` directories, and why a named one cannot be used.

use std::path::PathBuf;

use super::Cli;
use crate::config::Config;
use crate::diag::Message;
use crate::load::Input;
use crate::msg;

/// The user's own casebook directory (e.g. ~/.local/share/casebook), if any.
pub fn user_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "casebook").map(|d| d.data_dir().to_path_buf())
}

pub(super) fn normal_inputs(cli: &Cli, config: &Config) -> Vec<Input> {
    let mut inputs = Vec::new();
    if !cli.no_bundled {
        inputs.push(Input::Bundled);
    }
    if let Some(dir) = user_dir().filter(|d| holds_cases(d)) {
        inputs.push(Input::Dir(dir));
    }
    inputs.extend(config.casebooks.iter().cloned().map(Input::Dir));
    inputs.extend(cli.casebooks.iter().cloned().map(Input::Dir));
    inputs
}

/// Whether the user's data directory holds a casebook (it may hold only the
/// browser's saved state).
fn holds_cases(dir: &std::path::Path) -> bool {
    if dir.join("cases").is_dir() {
        return true;
    }
    let layout = crate::load::layout::Layout::of(dir);
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let p = e.path();
            p.is_dir() || layout.role(&p) == crate::load::layout::Role::Case
        })
    })
}

/// Why a directory named with `--casebook` cannot be loaded, if it cannot.
pub fn dir_problem(dir: &std::path::Path) -> Option<Message> {
    let shown = crate::text::path(dir);
    let cannot_read = Message::new("読めません: ", "cannot be read: ");
    let problem = match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Message::new("そのようなディレクトリはありません", "no such directory")
        }
        Err(e) => cannot_read.then(&crate::load::read::os_error(&e)),
        Ok(m) if m.is_file() => Message::new(
            "ファイルです。事例集のディレクトリではありません（ファイル1つを確かめるには casebook validate FILE）",
            "is a file, not a casebook directory (to check one file: casebook validate FILE)",
        ),
        Ok(m) if !m.is_dir() => Message::new("ディレクトリではありません", "is not a directory"),
        Ok(_) => match std::fs::read_dir(dir) {
            Ok(_) => return None,
            Err(e) => cannot_read.then(&crate::load::read::io_reason(&e)),
        },
    };
    Some(msg!("--casebook {shown}: ", "--casebook {shown}: ").then(&problem))
}

/// Why the file named with `--soa` cannot be read as a statement, if it
/// cannot: like a `--casebook DIR`, a path named on the command line that is
/// missing or of the wrong kind is a usage error (exit 2). (One named in the
/// config file is reported where it was written, like every config mistake.)
pub fn soa_problem(file: &std::path::Path) -> Option<Message> {
    let shown = crate::text::path(file);
    let problem = match std::fs::metadata(file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Message::new("そのようなファイルはありません", "no such file")
        }
        Err(e) => {
            Message::new("読めません: ", "cannot be read: ").then(&crate::load::read::os_error(&e))
        }
        Ok(m) if m.is_dir() => Message::new(
            "ディレクトリです。適用宣言書のファイル（soa.yaml など）を指定してください",
            "is a directory; name the statement's file (such as soa.yaml)",
        ),
        Ok(_) => return None,
    };
    Some(msg!("--soa {shown}: ", "--soa {shown}: ").then(&problem))
}
