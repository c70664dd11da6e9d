//! Calendar facts that dates of every precision rest on.

use time::Month;

/// The number of days in a month (28 to 31).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    Month::try_from(month).map_or(31, |m| m.length(i32::from(year)))
}
