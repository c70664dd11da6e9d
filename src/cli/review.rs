//! `casebook measures` (the register of measures followed through),
//! `casebook digest` (what changed since the last review) and `casebook
//! checklist` (the precedents' measures to fill in, and the filled sheet read
//! back).

use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use super::commands::{SECTOR, THREAT, deliver, json, vocabulary};
use super::report::{day_arg, format_of, width};
use super::{ChecklistFormat, Cli, Command, RegisterFormat, ReportFormat, Session};
use crate::diag::Message;
use crate::document::{self, xlsx};
use crate::lang::{Lang, t};
use crate::msg;
use crate::out::{Fail, Out};
use crate::review::checklist;
use crate::review::import::Imported;
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
                            lang,
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
            let since = crate::review::changes::Since::read(since)
                .map_err(|e| Fail::Usage(msg!("--since: ", "--since: ").then(&e)))?;
            let releases = crate::review::releases::bundled();
            let digest = crate::review::digest::digest(book, &dirs, since, today, &releases, lang)?;
            let doc = crate::review::minute::document(book, &digest, lang);
            let format = match (format, path) {
                (Some(f), _) => *f,
                (None, Some(p)) => format_of(p).map_err(|_| {
                    Message::new(
                        "変更の要約は .txt、.md、.docx のどれかで書き出します",
                        "the digest is written as .txt, .md or .docx",
                    )
                })?,
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
        Command::Checklist {
            sector,
            threat,
            import,
            format,
            out: path,
            force,
        } => {
            if let Some(file) = import {
                let imported = crate::review::import::read(file, book)?;
                let data = match format.unwrap_or(ChecklistFormat::Text) {
                    ChecklistFormat::Json => json(&imported) + "\n",
                    _ => imported_text(&imported, lang),
                };
                out.print(&data)?;
                let code = if imported.rows.iter().any(|r| !r.problems.is_empty()) {
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                };
                out.finish()?;
                std::mem::forget(session);
                return Ok(code);
            }
            let kind = crate::catalog::Kind::Sectors;
            let sectors = sector
                .iter()
                .map(|s| vocabulary(book, kind, s, SECTOR))
                .collect::<Result<Vec<_>, _>>()
                .map_err(Fail::Usage)?;
            let kind = crate::catalog::Kind::Threats;
            let threats = threat
                .iter()
                .map(|s| vocabulary(book, kind, s, THREAT))
                .collect::<Result<Vec<_>, _>>()
                .map_err(Fail::Usage)?;
            let profile = checklist::Profile { sectors, threats };
            let soa = session.soa.as_ref();
            let rows = checklist::rows(book, &profile, soa, lang);
            let title = checklist::title(book, &profile, lang);
            let format = match (format, path) {
                (Some(f), _) => *f,
                (None, Some(p)) if p.extension().is_some_and(|e| e == "json") => {
                    ChecklistFormat::Json
                }
                (None, Some(p)) if p.extension().is_some_and(|e| e == "txt") => {
                    ChecklistFormat::Text
                }
                _ => ChecklistFormat::Xlsx,
            };
            let data = match format {
                ChecklistFormat::Xlsx => {
                    let table = checklist::table(&rows, soa.is_some(), lang);
                    let first_input = table.header.len() - 4;
                    let inputs = [
                        (first_input, checklist::status_choices(lang)),
                        (first_input + 1, Vec::new()),
                        (first_input + 2, Vec::new()),
                        (first_input + 3, Vec::new()),
                    ];
                    xlsx::sheet(&xlsx::Sheet {
                        title: &title,
                        lang,
                        name: t(lang, "チェックリスト", "Checklist"),
                        table: &table,
                        dates: &[first_input + 2],
                        links: None,
                        inputs: &inputs,
                        input_note: Some((
                            t(lang, "状況", "Status"),
                            t(
                                lang,
                                "一覧から選ぶか、未着手・対応中・実施済み・有効性確認済み・対象外のどれかを書きます",
                                "Pick from the list, or write planned, in progress, done, verified or not applicable",
                            ),
                        )),
                    })?
                }
                ChecklistFormat::Json => (json(&checklist_json(&rows)) + "\n").into_bytes(),
                ChecklistFormat::Text => checklist_text(&title, &rows, lang).into_bytes(),
            };
            let binary = format == ChecklistFormat::Xlsx;
            deliver(&mut out, path.as_deref(), &data, binary, *force, lang)?;
            ExitCode::SUCCESS
        }
        _ => unreachable!("only measures, digest and checklist come here"),
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

fn checklist_json(rows: &[checklist::Row]) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            json!({
                "control": r.control,
                "title": r.title,
                "measures": r.measures.iter().map(|(text, cases)| json!({"text": text, "cases": cases})).collect::<Vec<_>>(),
                "applicable": r.applicable,
                "reason": r.reason,
            })
        })
        .collect();
    json!({ "controls": rows })
}

/// The checklist for a quick look: each control, its measures and cases.
fn checklist_text(title: &str, rows: &[checklist::Row], lang: Lang) -> String {
    let mut s = format!("{title}\n");
    for r in rows {
        s.push_str(&format!("\n{} {}", r.control, r.title));
        if r.applicable == Some(false) {
            s.push_str(t(
                lang,
                "（適用宣言書で除外）",
                " (excluded by the Statement of Applicability)",
            ));
        }
        s.push('\n');
        for (text, cases) in &r.measures {
            s.push_str(&format!(
                "{}{text} [{}]\n",
                crate::document::plain::bullet(lang),
                cases.join(", ")
            ));
        }
    }
    s.push_str(&match lang {
        Lang::Ja => format!("\n管理策 {}件\n", rows.len()),
        Lang::En => format!(
            "\n{}\n",
            crate::plural::count(rows.len(), "control", "controls")
        ),
    });
    s
}

/// What a filled checklist says, row by row, then the counts.
fn imported_text(imported: &Imported, lang: Lang) -> String {
    let mut s = String::new();
    for r in &imported.rows {
        let control = r
            .control
            .as_ref()
            .map_or_else(|| r.written.clone(), ToString::to_string);
        let status = r.status.map_or("-", |a| a.label(lang));
        let owner = r.owner.as_deref().unwrap_or("-");
        let due = r.due.map_or_else(|| "-".to_string(), |d| d.to_string());
        let mut line = match lang {
            Lang::Ja => format!("{}行目\t{control}\t{status}\t{owner}\t{due}", r.row),
            Lang::En => format!("row {}\t{control}\t{status}\t{owner}\t{due}", r.row),
        };
        if let Some(note) = &r.note {
            line.push('\t');
            line.push_str(&note.replace(['\n', '\t'], " "));
        }
        s.push_str(&line);
        s.push('\n');
        for p in &r.problems {
            s.push_str(&format!("  {}\n", p.get(lang)));
        }
    }
    let n = imported.rows.len();
    let bad = imported
        .rows
        .iter()
        .filter(|r| !r.problems.is_empty())
        .count();
    let filled = imported.rows.iter().filter(|r| r.status.is_some()).count();
    let sheet = &imported.sheet;
    let blank = imported.blank;
    s.push_str(&match lang {
        Lang::Ja => format!(
            "シート「{sheet}」: {n}行を読みました（状況の記入あり {filled}行、読めない箇所のある行 {bad}行、空の行 {blank}行）\n"
        ),
        Lang::En => format!(
            "Sheet \"{sheet}\": read {} ({filled} with a status, {bad} with something not understood, {blank} blank)\n",
            crate::plural::count(n, "row", "rows")
        ),
    });
    s
}
