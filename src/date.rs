//! Calendar arithmetic, all of it through the `time` crate: a case's
//! day-precise dates as [`time::Date`], days added and counted, and today's
//! date on the local clock (the one source of "today" in the program; every
//! command that depends on it also takes the date as an argument, so that
//! what it prints can be reproduced).

use time::{Date, Month};

pub use crate::calendar::days_in_month;
use crate::diag::Message;
use crate::model::{DatePrecision, PartialDate};
use crate::msg;

/// A day-precise date as a calendar date; None for `YYYY` or `YYYY-MM`
/// (and for a date the calendar does not have, which validation excludes).
pub fn day(d: PartialDate) -> Option<Date> {
    let month = Month::try_from(d.month?).ok()?;
    Date::from_calendar_date(i32::from(d.year), month, d.day?).ok()
}

/// A calendar date as a case date (`YYYY-MM-DD`).
pub fn partial(d: Date) -> PartialDate {
    PartialDate {
        year: u16::try_from(d.year()).unwrap_or(0),
        month: Some(u8::from(d.month())),
        day: Some(d.day()),
    }
}

/// `d` plus `days` days; None past the calendar's end.
pub fn add_days(d: Date, days: i64) -> Option<Date> {
    d.checked_add(time::Duration::days(days))
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    (to - from).whole_days()
}

/// `YYYY-MM-DD` as written on the command line (`--today 2026-11-20`).
pub fn parse_day(s: &str) -> Result<Date, Message> {
    let d = PartialDate::parse(s.trim(), DatePrecision::Day)?;
    day(d).ok_or_else(|| msg!("`{s}` は日付ではありません", "`{s}` is not a date"))
}

/// Today on the local clock (the TZ environment variable and the system's
/// zone), falling back to UTC when the local time cannot be read.
pub fn today() -> Date {
    local_today().unwrap_or_else(|| time::OffsetDateTime::now_utc().date())
}

fn local_today() -> Option<Date> {
    // SAFETY: `time` with a null pointer only returns the clock.
    local_date(unsafe { libc::time(std::ptr::null_mut()) })
}

/// The day a moment falls on, on the local clock (a file's modification
/// time, say); None before 1970 or when the local time cannot be read.
pub fn day_of(t: std::time::SystemTime) -> Option<Date> {
    let secs = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    local_date(libc::time_t::try_from(secs).ok()?)
}

fn local_date(at: libc::time_t) -> Option<Date> {
    // SAFETY: `localtime_r` writes into the `tm` it is given and reads the
    // zone (no shared buffer).
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&at, &mut tm).is_null() {
            return None;
        }
        tm
    };
    let month = Month::try_from(u8::try_from(tm.tm_mon + 1).ok()?).ok()?;
    Date::from_calendar_date(tm.tm_year + 1900, month, u8::try_from(tm.tm_mday).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_day(s).unwrap()
    }

    #[test]
    fn days_are_added_across_months_years_and_leap_days() {
        assert_eq!(add_days(d("2026-11-02"), 30), Some(d("2026-12-02")));
        assert_eq!(add_days(d("2026-12-15"), 30), Some(d("2027-01-14")));
        assert_eq!(add_days(d("2028-02-01"), 30), Some(d("2028-03-02")));
        assert_eq!(add_days(d("2027-02-01"), 30), Some(d("2027-03-03")));
        assert_eq!(days_between(d("2026-11-02"), d("2026-12-02")), 30);
        assert_eq!(days_between(d("2026-12-02"), d("2026-11-02")), -30);
    }

    #[test]
    fn only_day_precise_dates_are_days() {
        let p = |s| PartialDate::parse(s, DatePrecision::Any).unwrap();
        assert_eq!(day(p("2024-02-29")).map(partial), Some(p("2024-02-29")));
        assert_eq!(day(p("2024-02")), None);
        assert_eq!(day(p("2024")), None);
        assert!(parse_day("2026-02-30").is_err());
        assert!(parse_day("2026-11").is_err());
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2026, 11), 30);
    }
}
