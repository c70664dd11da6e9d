//! The commands that answer questions about the whole casebook: coverage,
//! stats and similar.

use std::process::ExitCode;

use super::commands::{case, json};
use super::{Cli, Command, CoverageFormat, ListFormat, Session};
use crate::answers::coverage::{self, Flag, Row};
use crate::answers::similar;
use crate::answers::stats;
use crate::diag::Message;
use crate::lang::{Lang, t};
use crate::msg;
use crate::out::{self, Fail, Out};
use crate::suggest;
use crate::wrap::{pad, pad_left};

pub fn run(cli: &Cli, command: &Command) -> Result<ExitCode, Fail> {
    let session = Session::open(cli)?;
    session.warn_if_incomplete()?;
    let book = &session.loaded.casebook;
    let lang = session.lang;
    let text = match command {
        Command::Coverage {
            scheme,
            format,
            out: path,
            force,
        } => {
            if let Some(path) = super::soa_path(cli, &session.config) {
                let shown = path.display().to_string();
                for d in session.diagnostics.iter().filter(|d| d.path == shown) {
                    out::eprint(&format!("{}\n", d.display(lang)))?;
                }
                if session.soa.is_none() {
                    let path = crate::text::path(&path);
                    return Err(Fail::Error(msg!(
                        "適用宣言書 {path} を読めませんでした",
                        "the statement of applicability {path} could not be read"
                    )));
                }
            }
            let schemes: Vec<&str> = match scheme {
                Some(s) => vec![control_scheme(&session, s)?],
                None => coverage::DEFAULT_SCHEMES.to_vec(),
            };
            let rows = coverage::rows(book, &schemes, session.soa.as_ref(), None, lang);
            // Bytes as they are: a CSV's BOM is part of the format, every cell
            // was cleaned by the CSV writer, and Excel's file is binary.
            let data = match format {
                CoverageFormat::Json => (json(&rows) + "\n").into_bytes(),
                CoverageFormat::Csv => crate::export::coverage::csv(&rows, lang)?,
                CoverageFormat::Xlsx => crate::export::coverage::xlsx(
                    book,
                    &rows,
                    &schemes,
                    session.soa.as_ref(),
                    lang,
                )?,
                CoverageFormat::Text => {
                    let text = coverage_text(&rows, session.soa.is_some(), lang);
                    crate::text::clean(&text, crate::text::Lines::Output)
                        .into_owned()
                        .into_bytes()
                }
            };
            let mut out = Out::new();
            let binary = *format == CoverageFormat::Xlsx;
            super::commands::deliver(&mut out, path.as_deref(), &data, binary, *force, lang)?;
            out.finish()?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Stats { format } => {
            let all: Vec<usize> = (0..book.len()).collect();
            let s = stats::stats(book, &all, lang);
            match format {
                ListFormat::Json => json(&s) + "\n",
                ListFormat::Text => super::stats::text(&s, lang),
            }
        }
        Command::Similar { id, limit, format } => {
            let entry = case(book, id)?;
            let of = book.index_of(&entry.case.id).unwrap_or(0);
            let found = similar::Index::new(book).similar(book, of, limit.get()?);
            match format {
                ListFormat::Json => json(&found) + "\n",
                ListFormat::Text => found
                    .iter()
                    .map(|s| {
                        format!(
                            "{:.2}\t{}\t{}\t{}\n",
                            s.score,
                            s.case_id,
                            book.entries()[s.index].case.title,
                            s.shared
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join(" ")
                        )
                    })
                    .collect(),
            }
        }
        _ => unreachable!("other commands are handled elsewhere"),
    };
    let mut out = Out::new();
    out.print(&text)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// A control scheme's name, or an error naming the known ones.
fn control_scheme<'a>(session: &'a Session, s: &str) -> Result<&'a str, Message> {
    let catalogs = &session.loaded.casebook.catalogs;
    if let Some(c) = catalogs
        .control_schemes()
        .find(|c| c.scheme.eq_ignore_ascii_case(s))
    {
        return Ok(c.scheme.as_str());
    }
    let names: Vec<&str> = catalogs
        .control_schemes()
        .map(|c| c.scheme.as_str())
        .collect();
    let hint = suggest::did_you_mean(&suggest::nearest(s, names.iter().copied(), 1));
    let (known_ja, known_en) = (names.join("、"), names.join(", "));
    Err(msg!(
        "管理策の体系 `{s}` はありません",
        "unknown control scheme `{s}`"
    )
    .then(&hint)
    .then(&msg!("（使える値: {known_ja}）", " (known: {known_en})")))
}

fn applicable_label(a: Option<bool>, lang: Lang) -> &'static str {
    match a {
        Some(true) => t(lang, "適用", "applies"),
        Some(false) => t(lang, "除外", "excluded"),
        None => "-",
    }
}

/// The flagged controls first, then every row: id (indented), cases,
/// applicability, title and the flag.
fn coverage_text(rows: &[Row], with_soa: bool, lang: Lang) -> String {
    let mut out = String::new();
    if with_soa {
        for flag in [
            Flag::ExcludedWithPrecedents,
            Flag::ApplicableWithoutPrecedents,
        ] {
            let flagged: Vec<&Row> = rows.iter().filter(|r| r.flag == Some(flag)).collect();
            out.push_str(&format!("{} ({}):", flag.label(lang), flagged.len()));
            if flagged.is_empty() {
                out.push_str(t(lang, " なし", " none"));
            }
            for r in &flagged {
                out.push_str(&format!(" {}", r.control));
                if flag == Flag::ExcludedWithPrecedents {
                    out.push_str(&format!(" ({})", r.cases));
                }
            }
            out.push('\n');
        }
        let unstated = rows.iter().filter(|r| r.applicable.is_none()).count();
        if unstated > 0 {
            out.push_str(&match lang {
                Lang::Ja => format!("適用宣言書に記載のない項目: {unstated}\n"),
                Lang::En => format!("Items the statement does not mention: {unstated}\n"),
            });
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "{}  {}  {}  {}\n",
        pad(t(lang, "項目", "control"), 20),
        pad_left(t(lang, "事例", "cases"), 5),
        pad(t(lang, "宣言", "SoA"), 8),
        t(lang, "名称", "title")
    ));
    for r in rows {
        let id = format!("{}{}", "  ".repeat(r.depth), r.control);
        let flag = r
            .flag
            .map(|f| format!("  [{}]", f.label(lang)))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}  {}  {}  {}{flag}\n",
            pad(&id, 20),
            pad_left(&r.cases.to_string(), 5),
            pad(applicable_label(r.applicable, lang), 8),
            r.title
        ));
    }
    out
}
