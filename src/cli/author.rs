//! `casebook new`, `casebook schema`: writing case files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Cli, Command, Session, user_dir};
use crate::authoring::{new, schema};
use crate::diag::Message;
use crate::export::write;
use crate::lang::Lang;
use crate::load;
use crate::model::{DatePrecision, PartialDate};
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
            url,
            published,
            update,
            write,
        } => match update {
            Some(case) => update_case(cli, notice, case, *write),
            None => draft(
                cli,
                notice,
                Target {
                    out: out.as_deref(),
                    dir: dir.as_deref(),
                    id: id.as_deref(),
                },
                url.as_deref(),
                published.as_deref(),
            ),
        },
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

/// Where a draft goes: standard output, a new file, or a casebook directory under an id.
struct Target<'a> {
    out: Option<&'a Path>,
    dir: Option<&'a Path>,
    id: Option<&'a str>,
}

/// `--url`: an http(s) address the case file accepts.
fn check_url(url: &str) -> Result<String, Message> {
    match crate::load::case::url_problem(url.trim()) {
        None => Ok(url.trim().to_string()),
        Some(problem) => {
            let shown = text::line(url);
            Err(msg!(
                "--url `{shown}` はウェブのアドレスではありません: ",
                "--url `{shown}` is not a web address: "
            )
            .then(&Message::new(problem.ja, problem.en)))
        }
    }
}

/// `--published`: YYYY-MM-DD, YYYY-MM or YYYY on the calendar.
fn check_date(date: &str) -> Result<PartialDate, Message> {
    PartialDate::parse(date.trim(), DatePrecision::Any).map_err(|e| {
        let shown = text::line(date);
        msg!("--published `{shown}`: ", "--published `{shown}`: ").then(&e)
    })
}

fn draft(
    cli: &Cli,
    notice: &Path,
    target: Target,
    url: Option<&str>,
    published: Option<&str>,
) -> Result<ExitCode, Fail> {
    let Target { out, dir, id } = target;
    if let Some(id) = id {
        new::check_id(id)?;
    }
    let url = url.map(check_url).transpose()?;
    let published = published.map(check_date).transpose()?;
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
        url,
        published,
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
                .map(|p| p.value.year)
                .or(published.map(|p| p.year))
                .unwrap_or_else(new::this_year);
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

/// `draft NOTICE --update ID [--write]`: what a later notice adds to a team's
/// case, as a unified diff of its file with the notice lines each change
/// came from; written into the file (atomically, its comments and layout
/// kept) only with `--write`.
fn update_case(cli: &Cli, notice: &Path, id: &str, write: bool) -> Result<ExitCode, Fail> {
    let (bytes, source) = read_notice(notice)?;
    let session = super::Session::open(cli)?;
    let lang = session.lang;
    let book = &session.loaded.casebook;
    let Some(entry) = book.get(id) else {
        let shown = text::line(id);
        return Err(Fail::Error(msg!(
            "事例 `{shown}` は読み込んだ事例集にありません（--casebook で事例集を指定します）",
            "case `{shown}` is not in the casebooks loaded (name yours with --casebook)"
        )));
    };
    if entry.bundled {
        return Err(Fail::Error(Message::new(
            "同梱の事例は書き換えられません。自分の事例集に写してから更新してください（ブラウザの E）",
            "a bundled case cannot be changed; copy it into your casebook first (E in the browser)",
        )));
    }
    let path = PathBuf::from(&entry.path);
    let shown = text::path(&path);
    let old = std::fs::read_to_string(&path).map_err(|e| {
        msg!("{shown} を読めません: ", "cannot read {shown}: ").then(&load::read::os_error(&e))
    })?;
    let options = crate::authoring::draft::Options {
        source: source.get(lang).to_string(),
        lang,
        ..crate::authoring::draft::Options::default()
    };
    let drafted = crate::authoring::draft::draft(&bytes, book, &options).map_err(|e| {
        let notice = text::path(notice);
        msg!("{notice}: ", "{notice}: ").then(&e)
    })?;
    let name = source.get(lang).to_string();
    let update =
        crate::authoring::draft::update::update(&old, &entry.case, &drafted.extract, &name);
    for c in &update.by_hand {
        let (field, was, now) = (c.field, text::line(&c.was), text::line(&c.now));
        out::error(
            lang,
            &msg!(
                "{field}: {was} → {now} は1行の書き方（{{...}}）なので書き換えません。手で直してください",
                "{field}: {was} → {now} is written on one line ({{...}}); change it by hand"
            ),
        )?;
    }
    if update.changes.is_empty() {
        out::error(
            lang,
            &msg!(
                "{name} は {shown} に新しいことを加えません",
                "{name} adds nothing new to {shown}"
            ),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if write {
        write::write_file(&path, update.text.as_bytes(), true).map_err(|e| {
            msg!("{shown} に書き込めません: ", "cannot write {shown}: ").then(&e.reason())
        })?;
    } else {
        let diff = similar::TextDiff::from_lines(old.as_str(), update.text.as_str());
        let label = shown.to_string();
        out::print(&crate::text::clean(
            &diff
                .unified_diff()
                .context_radius(2)
                .header(&label, &label)
                .to_string(),
            crate::text::Lines::Output,
        ))?;
    }
    let n = update.changes.len();
    let fields: Vec<&str> = {
        let mut f: Vec<&str> = update.changes.iter().map(|c| c.field).collect();
        f.dedup();
        f
    };
    let fields = fields.join(", ");
    out::error(
        lang,
        &if write {
            msg!(
                "{name} の {n} 件の変更（{fields}）を {shown} に書き込みました。TODO を決めて `casebook validate {shown}` で確かめてください",
                "wrote {n} changes from {name} ({fields}) into {shown}; decide the TODOs and run `casebook validate {shown}`"
            )
        } else {
            msg!(
                "{name} の {n} 件の変更（{fields}）です。書き込むには --write を付けます",
                "{n} changes from {name} ({fields}); add --write to write them"
            )
        },
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
