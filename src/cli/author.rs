//! `casebook new`, `casebook schema`: writing case files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Cli, Command, Session, user_dir};
use crate::authoring::{new, schema};
use crate::diag::Message;
use crate::export::write;
use crate::lang::Lang;
use crate::load;
use crate::msg;
use crate::out::{self, Fail};
use crate::text;

pub fn run(cli: &Cli, command: &Command) -> Result<ExitCode, Fail> {
    match command {
        Command::New { id, dir } => {
            let lang = super::interface_lang(cli, None);
            new::check_id(id)?;
            let dir = casebook_dir(dir.as_deref())?;
            let path = new::case_path(&dir, id, new::this_year());
            new::create(&path, &new::scaffold(id, lang))?;
            ensure_schema(cli, &dir, lang)?;
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
                    write::write_file(path, schema.as_bytes(), true).map_err(|e| {
                        msg!("{shown} に書き込めません: ", "cannot write {shown}: ")
                            .then(&e.reason())
                    })?;
                    out::error(
                        session.lang,
                        &msg!(
                            "スキーマを {shown} に書き出しました",
                            "schema written to {shown}"
                        ),
                    )?;
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

/// `--dir`, else the user's own casebook directory (created when missing).
fn casebook_dir(dir: Option<&Path>) -> Result<PathBuf, Message> {
    match dir {
        Some(d) => Ok(d.to_path_buf()),
        None => user_dir().ok_or_else(|| {
            Message::new(
                "自分の事例集のディレクトリが見つかりません（ホームディレクトリがありません）。--dir DIR で指定してください",
                "cannot find your casebook directory (no home directory); use --dir DIR",
            )
        }),
    }
}

/// Writes DIR/casebook.schema.json when it is not there yet, so an editor that
/// follows the scaffold's first line finds a schema at once.
pub fn ensure_schema(cli: &Cli, dir: &Path, lang: Lang) -> Result<(), Fail> {
    if dir.join(new::SCHEMA_FILE).exists() {
        return Ok(());
    }
    let mut dirs = cli.casebooks.clone();
    dirs.push(dir.to_path_buf());
    let loaded = load::load(&[], &dirs);
    if let Some(path) = new::write_schema_if_missing(dir, &loaded.casebook.catalogs) {
        let (file, dir) = (text::path(&path), text::path(dir));
        out::error(
            lang,
            &msg!(
                "エディタ用に {file} を書きました（分類表を変えたら `casebook --casebook {dir} schema --out {file}` で更新します）",
                "wrote {file} for editors (refresh it with `casebook --casebook {dir} schema --out {file}` after changing catalogs)"
            ),
        )?;
    }
    Ok(())
}

fn print_path(path: &Path) -> Result<ExitCode, Fail> {
    out::print(&format!("{}\n", text::path(path)))?;
    Ok(ExitCode::SUCCESS)
}

use crate::authoring::draft::MAX_NOTICE;

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
        return Err(Fail::Error(Message::new(
            "--dir には事例ファイルの名前にする --id ID が必要です（例: --id our-usb-loss-2024）",
            "--dir needs --id ID to name the case file (e.g. --id our-usb-loss-2024)",
        )));
    }
    let (bytes, source) = read_notice(notice)?;
    let (config, _) = crate::config::load().map_err(Fail::Usage)?;
    let lang = super::interface_lang(cli, Some(&config));
    let mut inputs = super::normal_inputs(cli, &config);
    if let Some(d) = dir.filter(|d| d.is_dir()) {
        inputs.push(load::Input::Dir(d.to_path_buf()));
    }
    let loaded = load::load(&inputs, &[]);
    let options = crate::authoring::draft::Options {
        id: id.map(str::to_string),
        source: source.get(lang).to_string(),
        lang,
    };
    let drafted =
        crate::authoring::draft::draft(&bytes, &loaded.casebook, &options).map_err(|e| {
            let notice = text::path(notice);
            msg!("{notice}: ", "{notice}: ").then(&e)
        })?;
    if let Some(reason) = new::too_large(&drafted.text) {
        let notice = text::path(notice);
        return Err(Fail::Error(msg!("{notice}: ", "{notice}: ").then(&reason)));
    }
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
                ensure_schema(cli, d, lang)?;
            }
            print_path(path)?;
        }
    }
    let shown = target.as_deref().map_or("FILE".to_string(), text::path);
    let (from, encoding) = (text::path(notice), drafted.encoding);
    out::error(
        lang,
        &msg!(
            "{from}（{encoding}）から下書きしました。TODO が {todos} 個残っています。`casebook validate {shown}` で確かめ、文章は自分たちの言葉で書き直してください",
            "drafted from {from} ({encoding}); {todos} TODO left: run `casebook validate {shown}` and rewrite the text fields in your own words"
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The notice's bytes and how to name it (in the draft's header), from a
/// file or `-` (standard input).
fn read_notice(notice: &Path) -> Result<(Vec<u8>, Message), Message> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let shown = text::path(notice);
    if notice.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_NOTICE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                Message::new("標準入力を読めません: ", "cannot read standard input: ")
                    .then(&crate::load::read::os_error(&e))
            })?;
    } else {
        let unreadable = |e: std::io::Error| {
            msg!("{shown} を読めません: ", "cannot read {shown}: ")
                .then(&crate::load::read::os_error(&e))
        };
        let file = std::fs::File::open(notice).map_err(unreadable)?;
        file.take(MAX_NOTICE + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    }
    if bytes.len() as u64 > MAX_NOTICE {
        return Err(msg!(
            "{shown}: 4 MiB を超えています。公表文のテキストにしては大きすぎます",
            "{shown}: over 4 MiB, too large to be a notice's text"
        ));
    }
    let source = if notice.as_os_str() == "-" {
        Message::new("標準入力", "standard input")
    } else {
        let name = notice.file_name().map_or_else(
            || notice.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Message::new(name.clone(), name)
    };
    Ok((bytes, source))
}
