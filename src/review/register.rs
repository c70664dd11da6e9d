//! `casebook measures`: the register of measures followed through — every
//! measure of a team's own cases, and any bundled case's measure that records
//! a status — with its case, controls, status, owner, due date and the days it
//! was done and verified; overdue when its due date has passed and it is not
//! yet done or verified.

use time::Date;

use crate::casebook::Casebook;
use crate::document::{Document, Inline, Ref, Table, Text};
use crate::lang::{Lang, t};
use crate::model::{ControlRef, PartialDate, Progress};
pub use crate::tracking::{days_overdue, is_tracked, overdue_label, status_label};

/// One measure in the register.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Row {
    /// The case's index in the casebook.
    #[serde(skip)]
    pub case: usize,
    pub case_id: String,
    pub title: String,
    /// The measure's number in its case, from 1.
    pub measure: usize,
    pub text: String,
    pub controls: Vec<ControlRef>,
    pub status: Option<Progress>,
    pub owner: Option<String>,
    pub due: Option<PartialDate>,
    pub done: Option<PartialDate>,
    pub verified: Option<PartialDate>,
    pub evidence: Option<String>,
    /// Days past its due date on the day asked about; None when not overdue.
    pub days_overdue: Option<i64>,
    /// The case file, as shown in diagnostics.
    pub file: String,
}

impl Row {
    pub fn is_overdue(&self) -> bool {
        self.days_overdue.is_some()
    }
}

/// Which statuses to keep: `none` is a measure without one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFilter {
    Planned,
    InProgress,
    Done,
    Verified,
    /// No status written
    None,
}

impl StatusFilter {
    fn keeps(self, status: Option<Progress>) -> bool {
        match self {
            StatusFilter::None => status.is_none(),
            StatusFilter::Planned => status == Some(Progress::Planned),
            StatusFilter::InProgress => status == Some(Progress::InProgress),
            StatusFilter::Done => status == Some(Progress::Done),
            StatusFilter::Verified => status == Some(Progress::Verified),
        }
    }
}

/// The register on `today`: the measures of the casebook's own cases and
/// the bundled cases' followed-through ones, with only the statuses in
/// `status` (all when empty) and, with `overdue`, only those overdue. Sorted
/// by due date (none last), then case id and measure number.
pub fn rows(book: &Casebook, today: Date, status: &[StatusFilter], overdue: bool) -> Vec<Row> {
    rows_with(book, today, status, overdue, |_, _| {})
}

/// [`rows`], handing every case read to `each` as well (with its index), so
/// that a caller needing more of each case reads it once.
pub fn rows_with(
    book: &Casebook,
    today: Date,
    status: &[StatusFilter],
    overdue: bool,
    mut each: impl FnMut(usize, &crate::model::Case),
) -> Vec<Row> {
    let mut out = Vec::new();
    for i in 0..book.len() {
        let bundled = book.is_bundled(i);
        let entry = book.fetch(i);
        let case = &entry.case;
        each(i, case);
        for (n, m) in case.measures.iter().enumerate() {
            if bundled && !is_tracked(m) {
                continue;
            }
            if !status.is_empty() && !status.iter().any(|s| s.keeps(m.status)) {
                continue;
            }
            let days_overdue = days_overdue(m, today);
            if overdue && days_overdue.is_none() {
                continue;
            }
            out.push(Row {
                case: i,
                case_id: case.id.clone(),
                title: case.title.clone(),
                measure: n + 1,
                text: m.text.clone(),
                controls: m.controls.clone(),
                status: m.status,
                owner: m.owner.clone(),
                due: m.due,
                done: m.done,
                verified: m.verified,
                evidence: m.evidence.clone(),
                days_overdue,
                file: book.path(i).to_string(),
            });
        }
    }
    out.sort_by(|a, b| {
        (a.due.is_none(), a.due, &a.case_id, a.measure).cmp(&(
            b.due.is_none(),
            b.due,
            &b.case_id,
            b.measure,
        ))
    });
    out
}

/// The register's columns; the date columns are [`DATE_COLUMNS`].
pub fn header(lang: Lang) -> Vec<String> {
    [
        t(lang, "事例ID", "Case ID"),
        t(lang, "事例", "Case"),
        "No.",
        t(lang, "再発防止策", "Measure"),
        t(lang, "管理策", "Controls"),
        t(lang, "状況", "Status"),
        t(lang, "担当", "Owner"),
        t(lang, "期限", "Due"),
        t(lang, "実施日", "Done"),
        t(lang, "確認日", "Verified"),
        t(lang, "証跡", "Evidence"),
        t(lang, "期限超過", "Overdue"),
    ]
    .map(String::from)
    .to_vec()
}

/// The columns holding dates (written as dates in a spreadsheet).
pub const DATE_COLUMNS: [usize; 3] = [7, 8, 9];

/// The register as a document: its title, a line saying the day and the
/// counts, and the table (the spreadsheet's and CSV's records).
pub fn document(rows: &[Row], today: Date, lang: Lang) -> Document {
    let day = crate::date::partial(today);
    let title = match lang {
        Lang::Ja => format!("再発防止策の実施状況（{day} 時点）"),
        Lang::En => format!("Measures and their status (as of {day})"),
    };
    let records: Vec<Vec<Text>> = rows.iter().map(|r| record(r, lang)).collect();
    let table = Table {
        header: header(lang),
        rows: records,
    };
    Document {
        title: title.clone(),
        lang,
        blocks: vec![
            crate::document::Block::Heading {
                level: 1,
                text: Text::plain(title),
                anchor: None,
            },
            crate::document::Block::Paragraph(Text::plain(summary(rows, today, lang))),
            crate::document::Block::Table(table.clone()),
        ],
        register: Some(table),
    }
}

fn record(r: &Row, lang: Lang) -> Vec<Text> {
    let date = |d: Option<PartialDate>| Text::plain(d.map(|d| d.to_string()).unwrap_or_default());
    let mut controls = Text::default();
    for (j, c) in r.controls.iter().enumerate() {
        if j > 0 {
            controls.push_str(", ");
        }
        controls.push(Inline::Control(Ref::new(c.clone(), None)));
    }
    vec![
        Text::plain(r.case_id.clone()),
        Text::plain(r.title.clone()),
        Text::plain(r.measure.to_string()),
        Text::plain(r.text.clone()),
        controls,
        Text::plain(status_label(r.status, lang)),
        Text::plain(r.owner.clone().unwrap_or_default()),
        date(r.due),
        date(r.done),
        date(r.verified),
        Text::plain(r.evidence.clone().unwrap_or_default()),
        Text::plain(overdue_label(r.days_overdue, lang)),
    ]
}

/// `2026-12-20 時点: 再発防止策 12件（未着手 3、対応中 4、…）、期限超過 2件`.
pub fn summary(rows: &[Row], today: Date, lang: Lang) -> String {
    let day = crate::date::partial(today);
    let mut parts = Vec::new();
    for s in Progress::ALL.map(Some).into_iter().chain([None]) {
        let n = rows.iter().filter(|r| r.status == s).count();
        if n > 0 {
            parts.push(match lang {
                Lang::Ja => format!("{} {n}", status_label(s, lang)),
                Lang::En => format!("{n} {}", status_label(s, lang)),
            });
        }
    }
    let overdue = rows.iter().filter(|r| r.is_overdue()).count();
    let n = rows.len();
    match lang {
        Lang::Ja => {
            let parts = if parts.is_empty() {
                String::new()
            } else {
                format!("（{}）", parts.join("、"))
            };
            format!("{day} 時点: 再発防止策 {n}件{parts}、期限超過 {overdue}件")
        }
        Lang::En => {
            let parts = if parts.is_empty() {
                String::new()
            } else {
                format!(" ({})", parts.join(", "))
            };
            let measures = crate::plural::count(n, "measure", "measures");
            format!("As of {day}: {measures}{parts}, {overdue} overdue")
        }
    }
}
