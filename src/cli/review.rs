//! `casebook measures` (the register of measures followed through) and
//! `casebook digest` (what changed since the last review).

use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use super::commands::{deliver, json};
use super::report::{day_arg, format_of, width};
use super::{Cli, Command, RegisterFormat, ReportFormat, Session};
use crate::diag::Message;
use crate::document::{self, xlsx};
use crate::lang::{Lang, t};
use crate::out::{Fail, Out};
use crate::review::register::{self, Row};

pub fn run(cli: &Cli, command: &Command) -> Result<ExitCode, Fail> {
    let session = Session::open(cli)?;
    session.warn_if_incomplete()?;
    let book = &session.loaded.casebook;
    let lang = session.lang;
    let mut out = Out::new();
    let code = match command {
        Command::Measures {
            status,
            overdue,
            today,
            format,
            out: path,
            force,
        } => {
            let today = day_arg(today.as_deref())?;
            let rows = register::rows(book, today, status, *overdue);
            let format = register_format(*format, path.as_deref())?;
            let data = match format {
                RegisterFormat::Text => text(&rows, today, lang).into_bytes(),
                RegisterFormat::Json => (json(&json!({
                    "today": crate::date::partial(today).to_string(),
                    "count": rows.len(),
                    "overdue": rows.iter().filter(|r| r.is_overdue()).count(),
                    "measures": rows,
                })) + "\n")
                    .into_bytes(),
                RegisterFormat::Csv | RegisterFormat::Xlsx => {
                    let doc = register::document(&rows, today, lang);
                    let table = doc.register.as_ref().expect("the register has its table");
                    if format == RegisterFormat::Csv {
                        let cells = table
                            .rows
                            .iter()
                            .map(|r| r.iter().map(|c| c.to_plain()).collect());
                        document::csv::table_bytes(&table.header, cells)?
                    } else {
                        xlsx::sheet(&xlsx::Sheet {
                            title: &doc.title,
                            name: t(lang, "再発防止策", "Measures"),
                            table,
                            dates: &register::DATE_COLUMNS,
                            links: None,
                            inputs: &[],
                            input_note: None,
                        })?
                    }
                }
            };
            let binary = format == RegisterFormat::Xlsx;
            deliver(&mut out, path.as_deref(), &data, binary, *force, lang)?;
            if *overdue && !rows.is_empty() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Digest {
            since,
            today,
            format,
            out: path,
            force,
        } => {
            let today = day_arg(today.as_deref())?;
            let dirs: Vec<std::path::PathBuf> = session
                .inputs
                .iter()
                .filter_map(|i| match i {
                    crate::load::Input::Dir(d) if d.is_dir() => Some(d.clone()),
                    _ => None,
                })
                .collect();
            if dirs.is_empty() {
                return Err(Fail::Usage(Message::new(
                    "チームの事例集がありません。--casebook DIR で指定してください",
                    "no team casebook to look at: name one with --casebook DIR",
                )));
            }
            let since = crate::review::changes::Since::parse(since);
            let releases = crate::review::releases::bundled();
            let digest =
                crate::review::digest::digest(book, &dirs, since, today, &releases, lang)?;
            let doc = document::digest::document(book, &digest, lang);
            let format = match (format, path) {
                (Some(f), _) => *f,
                (None, Some(p)) => format_of(p)?,
                (None, None) => ReportFormat::Text,
            };
            let data = match format {
                ReportFormat::Text => document::plain::render(&doc, width()).into_bytes(),
                ReportFormat::Md => document::markdown::render(&doc, 0).into_bytes(),
                ReportFormat::Docx => document::docx::render(&doc)?,
            };
            let binary = format == ReportFormat::Docx;
            deliver(&mut out, path.as_deref(), &data, binary, *force, lang)?;
            ExitCode::SUCCESS
        }
        _ => unreachable!("only measures and digest come here"),
    };
    out.finish()?;
    std::mem::forget(session);
    Ok(code)
}

/// The format asked for, else the one a file name's extension names, else text.
fn register_format(
    format: Option<RegisterFormat>,
    path: Option<&Path>,
) -> Result<RegisterFormat, Message> {
    use crate::export::file::Format;
    match (format, path) {
        (Some(f), _) => Ok(f),
        (None, None) => Ok(RegisterFormat::Text),
        (None, Some(p)) => match Format::from_path(p)? {
            Format::Xlsx => Ok(RegisterFormat::Xlsx),
            Format::Csv => Ok(RegisterFormat::Csv),
            Format::Txt => Ok(RegisterFormat::Text),
            _ if p
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json")) =>
            {
                Ok(RegisterFormat::Json)
            }
            _ => Err(Message::new(
                "再発防止策の一覧は .txt、.json、.csv、.xlsx のどれかで書き出します",
                "the register of measures is written as .txt, .json, .csv or .xlsx",
            )),
        },
    }
}

/// `2026-12-20⇥対応中⇥業務管理課⇥our-x-2026#1⇥text`, one line a measure,
/// then the counts.
fn text(rows: &[Row], today: time::Date, lang: Lang) -> String {
    let mut s = String::new();
    for r in rows {
        let due = r
            .due
            .map_or_else(|| "----------".to_string(), |d| d.to_string());
        let mut status = register::status_label(r.status, lang).to_string();
        if r.is_overdue() {
            let late = register::overdue_label(r.days_overdue, lang);
            status.push_str(&match lang {
                Lang::Ja => format!("（{late}）"),
                Lang::En => format!(" ({late})"),
            });
        }
        let owner = r.owner.as_deref().unwrap_or("-");
        s.push_str(&format!(
            "{due}\t{status}\t{owner}\t{}#{}\t{}\n",
            r.case_id, r.measure, r.text
        ));
    }
    s.push_str(&register::summary(rows, today, lang));
    s.push('\n');
    s
}
