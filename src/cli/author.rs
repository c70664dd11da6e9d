//! `casebook new`, `casebook schema`: writing case files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Cli, Command, Session, user_dir};
use crate::authoring::{new, schema};
use crate::export::write;
use crate::lang::Lang;
use crate::load;
use crate::out::{self, Fail};
use crate::text;

pub fn run(cli: &Cli, command: &Command) -> Result<ExitCode, Fail> {
    match command {
        Command::New { id, dir } => {
            new::check_id(id)?;
            let dir = casebook_dir(dir.as_deref())?;
            let path = new::case_path(&dir, id, new::this_year());
            new::create(&path, &new::scaffold(id, lang(cli)))?;
            ensure_schema(cli, &dir)?;
            print_path(&path)
        }
        Command::Schema { out } => {
            let session = Session::open(cli)?;
            session.warn_if_incomplete()?;
            let schema = schema::text(&session.loaded.casebook.catalogs);
            match out {
                None => out::print(&schema)?,
                Some(path) => {
                    let shown = text::path(path);
                    write::write_file(path, schema.as_bytes(), true)
                        .map_err(|e| format!("cannot write {shown}: {e}"))?;
                    out::error(&format!("schema written to {shown}"))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Draft {
            notice,
            out,
            dir,
            id,
        } => draft(cli, notice, out.as_deref(), dir.as_deref(), id.as_deref()),
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
pub fn ensure_schema(cli: &Cli, dir: &Path) -> Result<(), Fail> {
    let path = dir.join(new::SCHEMA_FILE);
    if path.exists() {
        return Ok(());
    }
    let mut dirs = cli.casebooks.clone();
    dirs.push(dir.to_path_buf());
    let loaded = load::load(&[], &dirs);
    let schema = schema::text(&loaded.casebook.catalogs);
    if write::write_file(&path, schema.as_bytes(), false).is_ok() {
        let (file, dir) = (text::path(&path), text::path(dir));
        out::error(&format!(
            "wrote {file} for editors (refresh it with `casebook --casebook {dir} schema --out {file}` after changing catalogs)"
        ))?;
    }
    Ok(())
}

fn print_path(path: &Path) -> Result<ExitCode, Fail> {
    out::print(&format!("{}\n", text::path(path)))?;
    Ok(ExitCode::SUCCESS)
}

/// A notice larger than this is not a notice.
const MAX_NOTICE: u64 = 4 << 20;

fn draft(
    cli: &Cli,
    notice: &Path,
    out: Option<&Path>,
    dir: Option<&Path>,
    id: Option<&str>,
) -> Result<ExitCode, Fail> {
    if let Some(id) = id {
        new::check_id(id)?;
    }
    if dir.is_some() && id.is_none() {
        return Err(Fail::Error(
            "--dir needs --id ID to name the case file (e.g. --id our-usb-loss-2024)".into(),
        ));
    }
    let (bytes, source) = read_notice(notice)?;
    let (config, _) = crate::config::load().map_err(Fail::Usage)?;
    let mut inputs = super::normal_inputs(cli, &config);
    if let Some(d) = dir.filter(|d| d.is_dir()) {
        inputs.push(load::Input::Dir(d.to_path_buf()));
    }
    let loaded = load::load(&inputs, &[]);
    let options = crate::authoring::draft::Options {
        id: id.map(str::to_string),
        source,
        lang: lang(cli),
    };
    let drafted = crate::authoring::draft::draft(&bytes, &loaded.casebook, &options)
        .map_err(|e| format!("{}: {e}", text::path(notice)))?;
    let todos = drafted
        .text
        .lines()
        .filter(|l| l.split('#').next().is_some_and(|v| v.contains("TODO")))
        .count();
    let target = match (out, dir) {
        (Some(file), _) => Some(file.to_path_buf()),
        (None, Some(d)) => {
            let year = drafted
                .extract
                .published
                .as_ref()
                .map_or_else(new::this_year, |p| p.value.year);
            Some(new::case_path(d, id.unwrap_or_default(), year))
        }
        (None, None) => None,
    };
    match &target {
        None => out::print(&drafted.text)?,
        Some(path) => {
            new::create(path, &drafted.text)?;
            if let Some(d) = dir {
                ensure_schema(cli, d)?;
            }
            print_path(path)?;
        }
    }
    let shown = target.as_deref().map_or("FILE".to_string(), text::path);
    out::error(&format!(
        "drafted from {} ({}); {todos} TODO left: run `casebook validate {shown}` and rewrite the text fields in your own words",
        text::path(notice),
        drafted.encoding
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The notice's bytes and how to name it, from a file or `-` (standard input).
fn read_notice(notice: &Path) -> Result<(Vec<u8>, String), String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    if notice.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_NOTICE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        let file = std::fs::File::open(notice)
            .map_err(|e| format!("cannot read {}: {e}", notice.display()))?;
        file.take(MAX_NOTICE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read {}: {e}", notice.display()))?;
    }
    if bytes.len() as u64 > MAX_NOTICE {
        return Err(format!(
            "{}: over 4 MiB, too large to be a notice's text",
            notice.display()
        ));
    }
    let source = if notice.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        notice.file_name().map_or_else(
            || notice.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    Ok((bytes, source))
}
