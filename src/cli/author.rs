//! `casebook new`, `casebook schema`: writing case files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Cli, Command, Session, user_dir};
use crate::authoring::{new, schema};
use crate::export::write;
use crate::lang::Lang;
use crate::load;

pub fn run(cli: &Cli, command: &Command) -> Result<ExitCode, String> {
    match command {
        Command::New { id, dir } => {
            new::check_id(id)?;
            let dir = casebook_dir(dir.as_deref())?;
            let path = new::case_path(&dir, id, new::this_year());
            new::create(&path, &new::scaffold(id, lang(cli)))?;
            ensure_schema(cli, &dir);
            print_path(&path)
        }
        Command::Schema { out } => {
            let session = Session::open(cli);
            session.warn_if_incomplete();
            let text = schema::text(&session.loaded.casebook.catalogs);
            match out {
                None => std::io::stdout()
                    .lock()
                    .write_all(text.as_bytes())
                    .map_err(|e| format!("cannot write output: {e}"))?,
                Some(path) => {
                    write::write_file(path, &text, true)
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    eprintln!("casebook: schema written to {}", path.display());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        _ => unreachable!("only authoring commands come here"),
    }
}

/// The language of scaffold comments: --lang, else LANG, else Japanese.
fn lang(cli: &Cli) -> Lang {
    cli.lang.or_else(Lang::from_env).unwrap_or_default()
}

/// `--dir`, else the user's own casebook directory (created when missing).
fn casebook_dir(dir: Option<&Path>) -> Result<PathBuf, String> {
    match dir {
        Some(d) => Ok(d.to_path_buf()),
        None => user_dir().ok_or_else(|| {
            "cannot find your casebook directory (no home directory); use --dir DIR".to_string()
        }),
    }
}

/// Writes DIR/casebook.schema.json when it is not there yet, so an editor that
/// follows the scaffold's first line finds a schema at once.
pub fn ensure_schema(cli: &Cli, dir: &Path) {
    let path = dir.join(new::SCHEMA_FILE);
    if path.exists() {
        return;
    }
    let mut dirs = cli.casebooks.clone();
    dirs.push(dir.to_path_buf());
    let loaded = load::load(&[], &dirs);
    let text = schema::text(&loaded.casebook.catalogs);
    if write::write_file(&path, &text, false).is_ok() {
        eprintln!(
            "casebook: wrote {} for editors (refresh it with `casebook --casebook {} schema --out {}` after changing catalogs)",
            path.display(),
            dir.display(),
            path.display()
        );
    }
}

fn print_path(path: &Path) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", path.display()).map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
