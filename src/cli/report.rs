//! `casebook triage`, `report` and `due`: a team's own incidents under the
//! report rules (catalogs/report-rules.yaml and the team's overrides).

use std::io::IsTerminal;
use std::process::ExitCode;

use serde_json::json;

use super::commands::{case, deliver, json};
use super::{Cli, Command, ListFormat, ReportFormat, Session};
use crate::diag::Message;
use crate::document::{self, plain};
use crate::lang::{Lang, t};
use crate::model::Fact;
use crate::msg;
use crate::out::{Fail, Out};
use crate::rules::Rules;
use crate::triage::due::{self, Open, Status};
use crate::triage::{self, json as triage_json};

pub fn run(cli: &Cli, command: &Command) -> Result<ExitCode, Fail> {
    let session = Session::open(cli)?;
    session.warn_if_incomplete()?;
    let book = &session.loaded.casebook;
    let lang = session.lang;
    let rules = &book.catalogs.rules;
    if rules.is_empty() {
        return Err(Fail::Error(Message::new(
            "報告規則の表（catalogs/report-rules.yaml）を読み込めませんでした。`casebook validate` で確かめてください",
            "the report rules (catalogs/report-rules.yaml) could not be loaded; run `casebook validate`",
        )));
    }
    let mut out = Out::new();
    let code = match command {
        Command::Triage { id, format, today } => {
            let today = day_arg(today.as_deref())?;
            let entry = case(book, id)?;
            let t = triage::triage(&entry.case, rules, Some(today));
            match format {
                ListFormat::Json => out.print(&(json(&triage_json::value(&t, lang)) + "\n"))?,
                ListFormat::Text => {
                    let doc = document::triage::document(&entry.case, &t, lang);
                    out.print(&plain::render(&doc, width()))?;
                }
            }
            ExitCode::SUCCESS
        }
        Command::Report {
            id,
            to,
            stage,
            format,
            out: path,
            force,
            today,
        } => {
            let today = day_arg(today.as_deref())?;
            let entry = case(book, id)?;
            let c = &entry.case;
            known_rule(rules, to)?;
            let t = triage::triage(c, rules, Some(today));
            let Some(outcome) = t.outcome(to) else {
                return Err(Fail::Error(unknown_rule(rules, to)));
            };
            let Some(rule) = outcome.rule else {
                return Err(Fail::Error(outcome.reason.clone()));
            };
            if !rule.applies {
                return Err(Fail::Error(outcome.reason.clone()));
            }
            let chosen = match stage {
                Some(s) => outcome.stage(s).ok_or_else(|| {
                    let ids: Vec<&str> = rule.stages.iter().map(|s| s.id.as_str()).collect();
                    let (ja, en) = (ids.join("、"), ids.join(", "));
                    Fail::Usage(msg!(
                        "--stage `{s}` は {to} の報告にありません（使える値: {ja}）",
                        "--stage `{s}` is not a stage of the {to} report (expected one of: {en})"
                    ))
                })?,
                // The first stage called for and not yet filed (the last
                // one when all are).
                None => outcome.next_stage().ok_or_else(|| {
                    Fail::Error(Message::new(
                        "報告の段階がありません",
                        "the rule has no stages",
                    ))
                })?,
            };
            let doc = document::report::draft(c, &book.catalogs, &t, outcome, rule, chosen, lang);
            let format = match (format, path) {
                (Some(f), _) => *f,
                (None, Some(p)) => format_of(p)?,
                (None, None) => ReportFormat::Text,
            };
            let data = match format {
                ReportFormat::Text => plain::render(&doc, None).into_bytes(),
                ReportFormat::Md => document::markdown::render(&doc, 0).into_bytes(),
                ReportFormat::Docx => document::docx::render(&doc)?,
            };
            deliver(
                &mut out,
                path.as_deref(),
                &data,
                format == ReportFormat::Docx,
                *force,
                lang,
            )?;
            ExitCode::SUCCESS
        }
        Command::Due {
            within,
            today,
            format,
        } => {
            let today = day_arg(today.as_deref())?;
            let (rows, triages) = due::open(book, today, within.map(i64::from));
            let used: Vec<&crate::rules::Rule> = if triages.is_empty() {
                rules
                    .ids()
                    .iter()
                    .filter_map(|id| rules.in_force(id, today))
                    .collect()
            } else {
                triages
                    .iter()
                    .flat_map(|t| t.outcomes.iter().filter_map(|o| o.rule))
                    .collect()
            };
            let word = triage_json::final_word_of(used, lang);
            let overdue = rows.iter().filter(|r| r.status == Status::Overdue).count();
            let today_s = crate::date::partial(today).to_string();
            match format {
                ListFormat::Json => {
                    let reports: Vec<_> = rows.iter().map(|r| due_json(r, lang)).collect();
                    out.print(
                        &(json(&json!({
                            "today": today_s,
                            "within": within,
                            "overdue": overdue,
                            "reports": reports,
                            "final_word": word,
                        })) + "\n"),
                    )?;
                }
                ListFormat::Text => {
                    for r in &rows {
                        out.print(&(due_line(r, lang) + "\n"))?;
                    }
                    let due_count = rows.len() - overdue;
                    out.print(&match lang {
                        Lang::Ja => format!(
                            "{today_s} 時点: 期限超過 {overdue}件、未提出 {due_count}件。{word}\n"
                        ),
                        Lang::En => format!(
                            "As of {today_s}: {overdue} overdue, {due_count} open. {word}\n"
                        ),
                    })?;
                }
            }
            if overdue > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => unreachable!("only triage, report and due come here"),
    };
    out.finish()?;
    std::mem::forget(session);
    Ok(code)
}

/// `--today DATE`, else today on the local clock.
pub(super) fn day_arg(arg: Option<&str>) -> Result<time::Date, Fail> {
    match arg {
        None => Ok(crate::date::today()),
        Some(s) => crate::date::parse_day(s)
            .map_err(|e| Fail::Usage(msg!("--today: ", "--today: ").then(&e))),
    }
}

pub(super) fn width() -> Option<usize> {
    std::io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().ok().map(|(w, _)| w as usize))
        .flatten()
}

fn known_rule(rules: &Rules, to: &str) -> Result<(), Fail> {
    if rules.ids().contains(&to) {
        Ok(())
    } else {
        Err(Fail::Usage(unknown_rule(rules, to)))
    }
}

fn unknown_rule(rules: &Rules, to: &str) -> Message {
    let ids = rules.ids();
    let (ja, en) = (ids.join("、"), ids.join(", "));
    let hint = crate::suggest::did_you_mean(&crate::suggest::nearest(to, ids.iter().copied(), 1));
    msg!(
        "--to `{to}` は報告規則にありません",
        "--to `{to}` is not a rule of the report rules"
    )
    .then(&hint)
    .then(&msg!("（使える値: {ja}）", " (expected one of: {en})"))
}

/// The format a file name asks for: .docx, .md, .txt.
pub(super) fn format_of(path: &std::path::Path) -> Result<ReportFormat, Message> {
    match crate::export::file::Format::from_path(path)? {
        crate::export::file::Format::Docx => Ok(ReportFormat::Docx),
        crate::export::file::Format::Md => Ok(ReportFormat::Md),
        crate::export::file::Format::Txt => Ok(ReportFormat::Text),
        _ => Err(Message::new(
            "報告の下書きは .txt、.md、.docx のどれかで書き出します",
            "a report draft is written as .txt, .md or .docx",
        )),
    }
}

/// `2026-11-07⇥超過 13日⇥ppc⇥速報（目安）⇥our-misdelivery-2026⇥タイトル`, tab-separated.
fn due_line(r: &Open, lang: Lang) -> String {
    let due = r.due.map_or_else(
        || "----------".to_string(),
        |d| crate::date::partial(d).to_string(),
    );
    let status = match (r.status, r.days_left) {
        (Status::Overdue, Some(n)) => match lang {
            Lang::Ja => format!("超過 {}日", -n),
            Lang::En => format!("overdue {} d", -n),
        },
        (Status::Due, Some(0)) => t(lang, "今日まで", "due today").to_string(),
        (Status::Due, Some(n)) => match lang {
            Lang::Ja => format!("あと {n}日"),
            Lang::En => format!("in {n} d"),
        },
        _ => t(lang, "発覚日未記入", "no discovered date").to_string(),
    };
    let mut stage = r.stage_title.get(lang).to_string();
    if r.guidance {
        stage.push_str(t(lang, "（目安）", " (guidance)"));
    }
    if r.required == Fact::Unknown {
        stage.push_str(t(lang, "（要否未確定）", " (required? not known)"));
    }
    format!("{due}\t{status}\t{}\t{stage}\t{}\t{}", r.to, r.id, r.title)
}

fn due_json(r: &Open, lang: Lang) -> serde_json::Value {
    json!({
        "id": r.id,
        "title": r.title,
        "to": r.to,
        "name": r.name.get(lang),
        "stage": r.stage,
        "stage_title": r.stage_title.get(lang),
        "guidance": r.guidance,
        "required": r.required.value(),
        "due": r.due.map(|d| crate::date::partial(d).to_string()),
        "days_left": r.days_left,
        "status": r.status,
    })
}
