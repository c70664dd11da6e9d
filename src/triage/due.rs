//! `casebook due`: every report still open across a casebook's own incidents
//! (bundled public cases are other organizations' and are left out), with
//! its due date against a given day. Reports recorded in `reports` are done;
//! so is an earlier stage once a later one is filed.

use time::Date;

use super::{Triage, triage};
use crate::casebook::Casebook;
use crate::lang::Label;
use crate::model::Fact;

/// Where an open report stands on the day asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Past its due date.
    Overdue,
    /// Due within the days asked for (or at all, without a limit).
    Due,
    /// Its due date cannot be computed: the case has no `discovered`.
    Undated,
}

/// One report still to file.
#[derive(Clone, Debug, PartialEq)]
pub struct Open {
    /// The case's index in the casebook.
    pub case: usize,
    pub id: String,
    pub title: String,
    /// The rule id (`ppc`) and its name.
    pub to: String,
    pub name: Label,
    pub stage: String,
    pub stage_title: Label,
    /// The deadline is guidance, not the rule's text.
    pub guidance: bool,
    /// Required, or not known yet (the case leaves a question open).
    pub required: Fact,
    pub due: Option<Date>,
    /// Days from the day asked about to the due date (negative: overdue).
    pub days_left: Option<i64>,
    pub status: Status,
}

/// The reports open on `today` across the casebook's own cases, soonest
/// first; with `within`, only those overdue or due within that many days.
/// Each case's triage comes back too (for the rules' dates).
pub fn open(book: &Casebook, today: Date, within: Option<i64>) -> (Vec<Open>, Vec<Triage<'_>>) {
    open_among(book, 0..book.len(), today, within)
}

/// [`open`] among the cases `cases` (indices into the casebook; bundled ones
/// are left out): a caller that has already read every case knows which are
/// incidents.
pub fn open_among(
    book: &Casebook,
    cases: impl IntoIterator<Item = usize>,
    today: Date,
    within: Option<i64>,
) -> (Vec<Open>, Vec<Triage<'_>>) {
    let mut rows = Vec::new();
    let mut triages = Vec::new();
    for i in cases {
        if book.is_bundled(i) {
            continue;
        }
        let entry = book.fetch(i);
        let case = &entry.case;
        if !case.is_incident() {
            continue;
        }
        let t = triage(case, &book.catalogs.rules, Some(today));
        for o in &t.outcomes {
            let Some(rule) = o.rule else { continue };
            for s in o
                .stages
                .iter()
                .filter(|s| s.required != Fact::False && !s.done)
            {
                let days_left = s.due.map(|d| crate::date::days_between(today, d));
                let status = match days_left {
                    None => Status::Undated,
                    Some(left) if left < 0 => Status::Overdue,
                    Some(left) if within.is_some_and(|w| left > w) => continue,
                    Some(_) => Status::Due,
                };
                rows.push(Open {
                    case: i,
                    id: case.id.clone(),
                    title: case.title.clone(),
                    to: rule.id.clone(),
                    name: rule.name.clone(),
                    stage: s.stage.id.clone(),
                    stage_title: s.stage.title.clone(),
                    guidance: s.stage.guidance,
                    required: s.required,
                    due: s.due,
                    days_left,
                    status,
                });
            }
        }
        triages.push(t);
    }
    rows.sort_by(|a, b| {
        (a.due.is_none(), a.due, &a.id, &a.to).cmp(&(b.due.is_none(), b.due, &b.id, &b.to))
    });
    (rows, triages)
}
