//! `casebook checklist --import FILE`: the filled checklist read back (with
//! calamine; as Excel or LibreOffice saved it), every row after the header
//! accounted for: what it says of its control's status, owner, due date and
//! note, and what could not be understood. A row is never dropped: one that
//! cannot be read is listed with the reason.

use std::path::Path;

use calamine::{Data, Reader};

use super::checklist::COLUMNS;
use crate::casebook::Casebook;
use crate::diag::Message;
use crate::lang::Lang;
use crate::model::{ControlRef, DatePrecision, PartialDate, Progress};
use crate::msg;

/// What a row says of its control.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Planned,
    InProgress,
    Done,
    Verified,
    /// 対象外: the control does not apply.
    NotApplicable,
}

impl Answer {
    fn of(p: Progress) -> Answer {
        match p {
            Progress::Planned => Answer::Planned,
            Progress::InProgress => Answer::InProgress,
            Progress::Done => Answer::Done,
            Progress::Verified => Answer::Verified,
        }
    }

    /// As the sheet offers it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Answer::Planned => Progress::Planned.label(lang),
            Answer::InProgress => Progress::InProgress.label(lang),
            Answer::Done => Progress::Done.label(lang),
            Answer::Verified => Progress::Verified.label(lang),
            Answer::NotApplicable => super::checklist::not_applicable(lang),
        }
    }
}

/// One row of the sheet.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Row {
    /// The row's number as the spreadsheet shows it (from 1).
    pub row: u32,
    /// The control cell as written.
    pub written: String,
    pub control: Option<ControlRef>,
    pub status: Option<Answer>,
    pub owner: Option<String>,
    pub due: Option<PartialDate>,
    pub note: Option<String>,
    /// What could not be understood (both languages).
    pub problems: Vec<Message>,
}

/// The sheet as read.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Imported {
    pub sheet: String,
    /// The header's row number (from 1).
    pub header_row: u32,
    /// Every row after the header that holds anything.
    pub rows: Vec<Row>,
    /// Rows after the header that hold nothing.
    pub blank: usize,
}

/// Reads a filled checklist.
pub fn read(path: &Path, book: &Casebook) -> Result<Imported, Message> {
    let shown = crate::text::path(path);
    let cannot = |e: &dyn std::fmt::Display| {
        let e = crate::text::line(&e.to_string()).into_owned();
        msg!("{shown} を読めません: {e}", "cannot read {shown}: {e}")
    };
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| cannot(&e))?;
    let names = workbook.sheet_names();
    let mut found = None;
    for (n, name) in names.iter().enumerate() {
        let Some(range) = workbook.worksheet_range_at(n) else {
            continue;
        };
        let range = range.map_err(|e| cannot(&e))?;
        if let Some(header) = header_of(&range) {
            found = Some((name.clone(), range, header));
            break;
        }
    }
    let Some((sheet, range, (header_at, columns))) = found else {
        return Err(msg!(
            "{shown} に、管理策・状況の列見出しのあるシートがありません（casebook checklist で作ったファイルですか）",
            "{shown} has no sheet with the Control and Status column headings (was it made by casebook checklist?)"
        ));
    };
    let (top, _) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    let mut blank = 0;
    for (r, cells) in range.rows().enumerate().skip(header_at + 1) {
        let number = top + r as u32 + 1;
        if cells.iter().all(|c| text(c).is_empty()) {
            blank += 1;
            continue;
        }
        let cell = |name: &str| {
            columns
                .iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, c)| cells.get(*c))
        };
        rows.push(row(number, &cell, book));
    }
    Ok(Imported {
        sheet,
        header_row: top + header_at as u32 + 1,
        rows,
        blank,
    })
}

/// The header row (its index in the range) and where each known column is.
fn header_of(range: &calamine::Range<Data>) -> Option<(usize, Vec<(&'static str, usize)>)> {
    for (r, cells) in range.rows().enumerate().take(20) {
        let mut columns = Vec::new();
        for (c, cell) in cells.iter().enumerate() {
            let h = text(cell);
            if let Some((name, _, _)) = COLUMNS
                .iter()
                .find(|(_, ja, en)| h == *ja || h.eq_ignore_ascii_case(en))
            {
                columns.push((*name, c));
            }
        }
        let has = |n: &str| columns.iter().any(|(name, _)| *name == n);
        if has("control") && has("status") {
            return Some((r, columns));
        }
    }
    None
}

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        other => other.to_string().trim().to_string(),
    }
}

fn row<'c>(number: u32, cell: &dyn Fn(&str) -> Option<&'c Data>, book: &Casebook) -> Row {
    let mut problems = Vec::new();
    let written = cell("control").map(text).unwrap_or_default();
    let control = if written.is_empty() {
        problems.push(Message::new(
            "管理策の欄が空です",
            "the control cell is empty",
        ));
        None
    } else {
        crate::control_id::resolve(&book.catalogs, &written)
            .map_err(|e| problems.push(e))
            .ok()
    };
    let status = cell("status").and_then(|c| {
        let s = text(c);
        if s.is_empty() {
            return None;
        }
        let answer = answer(&s);
        if answer.is_none() {
            let shown = crate::text::line(&s);
            problems.push(msg!(
                "状況 `{shown}` が分かりません（未着手、対応中、実施済み、有効性確認済み、対象外のいずれか）",
                "status `{shown}` is not understood (expected planned, in progress, done, verified or not applicable)"
            ));
        }
        answer
    });
    let due = cell("due").and_then(|c| {
        if text(c).is_empty() {
            return None;
        }
        let d = date(c);
        if d.is_none() {
            let shown = crate::text::line(&text(c)).into_owned();
            problems.push(msg!(
                "期限 `{shown}` が日付として読めません（2026-12-20 の形で書きます）",
                "the due date `{shown}` is not a date (write it as 2026-12-20)"
            ));
        }
        d
    });
    let free = |name: &str| {
        cell(name)
            .map(text)
            .filter(|s| !s.is_empty())
            .map(|s| crate::text::clean(&s, crate::text::Lines::Keep).into_owned())
    };
    Row {
        row: number,
        written: crate::text::line(&written).into_owned(),
        control,
        status,
        owner: free("owner"),
        due,
        note: free("note"),
        problems,
    }
}

/// A status as written in any of the sheet's words (Japanese or English).
fn answer(s: &str) -> Option<Answer> {
    let folded = s.trim().to_lowercase().replace(['_', ' '], "-");
    if let Some(p) = Progress::parse(&folded) {
        return Some(Answer::of(p));
    }
    for p in Progress::ALL {
        if s == p.label(Lang::Ja) || folded == p.label(Lang::En).replace(' ', "-") {
            return Some(Answer::of(p));
        }
    }
    match s.trim() {
        "対象外" | "適用外" => Some(Answer::NotApplicable),
        "完了" => Some(Answer::Done),
        _ if matches!(folded.as_str(), "not-applicable" | "n/a" | "na") => {
            Some(Answer::NotApplicable)
        }
        _ => None,
    }
}

/// A due date: a date cell, a date serial number, or `YYYY-MM-DD` /
/// `YYYY/MM/DD` text.
fn date(cell: &Data) -> Option<PartialDate> {
    match cell {
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            real(y, m, day)
        }
        Data::DateTimeIso(s) => parse(s.get(..10)?),
        Data::Float(f) => serial(*f),
        Data::Int(i) => serial(*i as f64),
        Data::String(s) => parse(s.trim()),
        _ => None,
    }
}

fn parse(s: &str) -> Option<PartialDate> {
    let s = s.replace('/', "-");
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    real(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// An Excel serial date (days from 1899-12-30).
fn serial(days: f64) -> Option<PartialDate> {
    if !(1.0..=73_051.0).contains(&days) {
        return None;
    }
    let epoch = time::Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    crate::date::add_days(epoch, days.floor() as i64).map(crate::date::partial)
}

fn real(y: u16, m: u8, d: u8) -> Option<PartialDate> {
    PartialDate::parse(&format!("{y:04}-{m:02}-{d:02}"), DatePrecision::Day).ok()
}
