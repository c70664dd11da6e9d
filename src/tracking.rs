//! A measure's follow-through (status, owner, due date, done, verified): whether
//! it records any, how late it is, and its labels, the same in the register,
//! a case's detail and the minute.

use time::Date;

use crate::lang::{Lang, t};
use crate::model::{Measure, Progress};

/// Whether a measure is followed through: it records any of the tracking
/// fields (status, owner, a date, evidence).
pub fn is_tracked(m: &Measure) -> bool {
    m.status.is_some()
        || m.owner.is_some()
        || m.due.is_some()
        || m.done.is_some()
        || m.verified.is_some()
        || m.evidence.is_some()
}

/// Days a measure is past its due date on `today`: None when it has no due
/// date, is done or verified, or is not yet due.
pub fn days_overdue(m: &Measure, today: Date) -> Option<i64> {
    if m.status.is_some_and(Progress::is_done) {
        return None;
    }
    let due = crate::date::day(m.due?)?;
    let late = crate::date::days_between(due, today);
    (late > 0).then_some(late)
}

/// A status as the register shows it; 未設定 / not set without one.
pub fn status_label(s: Option<Progress>, lang: Lang) -> &'static str {
    match s {
        Some(s) => s.label(lang),
        None => t(lang, "未設定", "not set"),
    }
}

/// `超過 3日` / `3 d overdue`, or nothing.
pub fn overdue_label(days: Option<i64>, lang: Lang) -> String {
    match (days, lang) {
        (Some(n), Lang::Ja) => format!("超過 {n}日"),
        (Some(n), Lang::En) => format!("{n} d overdue"),
        (None, _) => String::new(),
    }
}
