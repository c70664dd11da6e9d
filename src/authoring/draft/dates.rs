//! Dates as Japanese notices write them: 2024年8月7日, 令和6年8月7日 (and 平成,
//! 昭和, 元年), full-width digits, 2024/8/7, R6.11.5, a month and day alone
//! (the year from context), each optionally followed by a weekday in brackets
//! （火）, which is checked against the calendar.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::PartialDate;

/// A date found in a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub date: PartialDate,
    /// The text as written in the notice.
    pub text: String,
    /// Byte range in the original line.
    pub start: usize,
    pub end: usize,
    /// False when the year came from context (`7月25日` after `平成25年…`).
    pub year_written: bool,
    /// A weekday in brackets that does not fall on this date.
    pub weekday_mismatch: bool,
}

/// Full-width ASCII → ASCII and the ideographic space → a space; one char for
/// one char, so positions map back. Returns the folded text and, for each
/// folded char, its byte offset in the original (plus the end).
pub fn fold(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        map.push((out.len(), i));
        let f = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        };
        out.push(f);
    }
    map.push((out.len(), s.len()));
    (out, map)
}

/// The original byte offset of a folded byte offset.
pub fn original(map: &[(usize, usize)], folded: usize) -> usize {
    match map.binary_search_by_key(&folded, |&(f, _)| f) {
        Ok(i) => map[i].1,
        Err(i) => map[i.saturating_sub(1)].1,
    }
}

const S: &str = r"[ \t]*";

static ERA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(令和|平成|昭和){S}(元|\d{{1,2}}){S}年(?:(?:{S}[)）])?{S}(\d{{1,2}}){S}月(?:{S}(\d{{1,2}}){S}日)?)?"
    ))
    .expect("valid")
});
/// 令和7年(2025年)7月16日, 令和5(2023)年7月12日: the era year with the
/// western year in brackets.
static ERA_WESTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:令和|平成|昭和){S}(?:元|\d{{1,2}}){S}年?{S}[(（]{S}((?:19|20)\d\d){S}年?{S}[)）]{S}年?{S}(\d{{1,2}}){S}月(?:{S}(\d{{1,2}}){S}日)?"
    ))
    .expect("valid")
});
static ERA_SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^A-Za-z])([RHS])(\d{1,2})[./](\d{1,2})[./](\d{1,2})").expect("valid")
});
static WESTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"((?:19|20)\d\d){S}年(?:{S}(\d{{1,2}}){S}月(?:{S}(\d{{1,2}}){S}日)?)?"
    ))
    .expect("valid")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    // 2024/8/7, 2024-08-07, 2024.8.7, and 2019. 11. 25 (a space after each dot).
    Regex::new(r"((?:19|20)\d\d)([/.-]|\. )(\d{1,2})(?:(?:[/.-]|\. )(\d{1,2}))?").expect("valid")
});
static MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(\d{{1,2}}){S}月{S}(\d{{1,2}}){S}日")).expect("valid"));
static LAST_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"昨年(?:(末)|{S}(\d{{1,2}}){S}月(?:{S}(\d{{1,2}}){S}日)?)"
    ))
    .expect("valid")
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*[（(][ \t]*([月火水木金土日])(?:曜日?)?[ \t]*[)）]").expect("valid")
});

/// A match before checking: (start, end, year, month, day, year written).
type Raw = (usize, usize, u16, Option<u8>, Option<u8>, bool);

/// Every date in `line`, in order. `year` is the year for a month and day written alone.
pub fn find(line: &str, year: Option<u16>) -> Vec<Found> {
    let (folded, map) = fold(line);
    let mut raw: Vec<Raw> = Vec::new();
    for c in ERA.captures_iter(&folded) {
        let base = match &c[1] {
            "令和" => 2018,
            "平成" => 1988,
            _ => 1925,
        };
        let n: u16 = if &c[2] == "元" {
            1
        } else {
            c[2].parse().unwrap_or(0)
        };
        let m = c.get(0).expect("whole match");
        // A year alone must be followed by nothing that makes it a span (年度, 年間).
        if c.get(3).is_none() && folded[m.end()..].starts_with(['度', '間', '代']) {
            continue;
        }
        raw.push((
            m.start(),
            m.end(),
            base + n,
            c.get(3).and_then(|x| x.as_str().parse().ok()),
            c.get(4).and_then(|x| x.as_str().parse().ok()),
            true,
        ));
    }
    for c in ERA_WESTERN.captures_iter(&folded) {
        let m = c.get(0).expect("whole match");
        raw.push((
            m.start(),
            m.end(),
            c[1].parse().unwrap_or(0),
            c[2].parse().ok(),
            c.get(3).and_then(|x| x.as_str().parse().ok()),
            true,
        ));
    }
    for c in ERA_SHORT.captures_iter(&folded) {
        let base = match &c[1] {
            "R" => 2018,
            "H" => 1988,
            _ => 1925,
        };
        let start = c.get(1).expect("group").start();
        raw.push((
            start,
            c.get(0).expect("whole").end(),
            base + c[2].parse::<u16>().unwrap_or(0),
            c[3].parse().ok(),
            c[4].parse().ok(),
            true,
        ));
    }
    for c in WESTERN.captures_iter(&folded) {
        let m = c.get(0).expect("whole");
        if c.get(2).is_none() && folded[m.end()..].starts_with(['度', '間', '代']) {
            continue;
        }
        raw.push((
            m.start(),
            m.end(),
            c[1].parse().unwrap_or(0),
            c.get(2).and_then(|x| x.as_str().parse().ok()),
            c.get(3).and_then(|x| x.as_str().parse().ok()),
            true,
        ));
    }
    for c in NUMERIC.captures_iter(&folded) {
        let m = c.get(0).expect("whole");
        // Part of a longer number (a telephone number, a document number) is no date.
        let before = folded[..m.start()].chars().next_back();
        let after = folded[m.end()..].chars().next();
        if before.is_some_and(|b| b.is_ascii_digit() || b == '-')
            || after.is_some_and(|a| a.is_ascii_digit() || a == '-')
        {
            continue;
        }
        // 2024-08 alone is a month; 2024.8 or 2024/8 with no day too.
        raw.push((
            m.start(),
            m.end(),
            c[1].parse().unwrap_or(0),
            c[3].parse().ok(),
            c.get(4).and_then(|x| x.as_str().parse().ok()),
            true,
        ));
    }
    // A month and day alone is in the year of the full date before it in
    // the line (令和4年5月13日から5月15日まで), else in the year given.
    let written: Vec<(usize, u16)> = raw.iter().map(|r| (r.1, r.2)).collect();
    for c in MONTH_DAY.captures_iter(&folded) {
        let m = c.get(0).expect("whole");
        let before = written
            .iter()
            .filter(|(end, _)| *end <= m.start())
            .max_by_key(|(end, _)| *end)
            .map(|(_, y)| *y);
        let Some(y) = before.or(year) else {
            continue;
        };
        raw.push((
            m.start(),
            m.end(),
            y,
            c[1].parse().ok(),
            c[2].parse().ok(),
            false,
        ));
    }
    // 昨年末, 昨年11月(5日): the year before the one given.
    if let Some(y) = year {
        for c in LAST_YEAR.captures_iter(&folded) {
            let m = c.get(0).expect("whole");
            let (month, day) = match c.get(1) {
                Some(_) => (Some(12), None),
                None => (
                    c.get(2).and_then(|x| x.as_str().parse().ok()),
                    c.get(3).and_then(|x| x.as_str().parse().ok()),
                ),
            };
            raw.push((m.start(), m.end(), y.saturating_sub(1), month, day, false));
        }
    }
    // Earliest first; at one place the longest; no overlaps.
    raw.sort_by_key(|r| (r.0, std::cmp::Reverse(r.1)));
    let mut out: Vec<Found> = Vec::new();
    let mut taken_to = 0;
    for (start, end, y, m, d, written) in raw {
        if start < taken_to {
            continue;
        }
        let Some(date) = checked(y, m, d) else {
            continue;
        };
        let mut end = end;
        let mut weekday_mismatch = false;
        if let Some(w) = WEEKDAY.captures(&folded[end..]) {
            if let Some(day) = date.day {
                let expected = weekday(date.year, date.month.unwrap_or(1), day);
                weekday_mismatch = "日月火水木金土".chars().nth(expected) != w[1].chars().next();
            }
            end += w.get(0).expect("whole").end();
        }
        taken_to = end;
        let (s, e) = (original(&map, start), original(&map, end));
        out.push(Found {
            date,
            text: line[s..e].to_string(),
            start: s,
            end: e,
            year_written: written,
            weekday_mismatch,
        });
    }
    out
}

fn checked(year: u16, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
    let text = match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    };
    PartialDate::parse(&text, crate::model::DatePrecision::Any).ok()
}

/// 0 = Sunday.
pub fn weekday(year: u16, month: u8, day: u8) -> usize {
    // Days since 1970-01-01 (a Thursday), by the civil-from-days inverse.
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    (days + 4).rem_euclid(7) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(line: &str, year: Option<u16>) -> Vec<String> {
        find(line, year)
            .iter()
            .map(|f| {
                let mut s = f.date.to_string();
                if !f.year_written {
                    s.push_str(" (year from context)");
                }
                if f.weekday_mismatch {
                    s.push_str(" (weekday mismatch)");
                }
                s
            })
            .collect()
    }

    #[test]
    fn dates_in_every_written_form() {
        let table: &[(&str, &[&str])] = &[
            ("2024年8月7日", &["2024-08-07"]),
            ("2024年 8 月 7 日に公表", &["2024-08-07"]),
            ("２０２４年８月７日", &["2024-08-07"]),
            ("令和6年5月29日", &["2024-05-29"]),
            ("令和元年5月1日", &["2019-05-01"]),
            // This year, named in brackets, then its month.
            ("今年(平成30年)2月に行われた試験", &["2018-02"]),
            ("本年（令和5年）3月10日", &["2023-03-10"]),
            ("令和５年９月 26 日、連絡を受けました", &["2023-09-26"]),
            ("平成 25 年8月2日", &["2013-08-02"]),
            ("平成元年1月8日", &["1989-01-08"]),
            ("昭和64年1月7日", &["1989-01-07"]),
            ("2025/2/10", &["2025-02-10"]),
            ("2024/08/07 更新", &["2024-08-07"]),
            ("2024.8.7", &["2024-08-07"]),
            ("2024-08-07", &["2024-08-07"]),
            ("R6.11.5", &["2024-11-05"]),
            ("Ｒ６．１１．５", &["2024-11-05"]),
            ("H25.8.2付", &["2013-08-02"]),
            ("2023年6月から2024年1月までの間", &["2023-06", "2024-01"]),
            ("平成21年5月頃", &["2009-05"]),
            ("2015年9月～2024年4月", &["2015-09", "2024-04"]),
            ("2022年に発生", &["2022"]),
            ("令和5年度の事業", &[]),
            ("2023年間の件数", &[]),
            ("[2011年10月17日]", &["2011-10-17"]),
            ("平成23年10月12日(水)正午頃", &["2011-10-12"]),
            ("令和6年5月31日（金曜日）に連絡", &["2024-05-31"]),
            ("令和6年5月31日（月）", &["2024-05-31 (weekday mismatch)"]),
            ("令和7年(2025年)7月16日(水)", &["2025-07-16"]),
            ("(令和5(2023)年7月12日報道発表)", &["2023-07-12"]),
            ("2023年2月30日", &[]),
            ("2023年13月1日", &[]),
            ("電話 06-6616-5690", &[]),
            ("電話 03-2024-1234", &[]),
            ("PR6.1.1", &[]),
            ("午前9時30分", &[]),
        ];
        for (line, want) in table {
            assert_eq!(dates(line, None), *want, "{line}");
        }
    }

    #[test]
    fn a_month_and_day_alone_take_the_year_from_context() {
        assert_eq!(
            dates("翌10月13日(木)に判明", Some(2011)),
            ["2011-10-13 (year from context)"]
        );
        assert_eq!(
            dates("7月26日以降", Some(2013)),
            ["2013-07-26 (year from context)"]
        );
        assert_eq!(dates("7月26日以降", None), Vec::<String>::new());
        assert_eq!(
            dates("4 月 10 日にリリース", Some(2023)),
            ["2023-04-10 (year from context)"]
        );
        // Last year's end or month (昨年末, 昨年12月): the year before the context's.
        assert_eq!(
            dates("昨年末に紛失した可能性が高い", Some(2017)),
            ["2016-12 (year from context)"]
        );
        assert_eq!(
            dates("昨年11月に送付した", Some(2017)),
            ["2016-11 (year from context)"]
        );
        assert_eq!(dates("昨年末に", None), Vec::<String>::new());
        // The full date before it in the line, over the year of the context.
        assert_eq!(
            dates("令和4年5月13日(金)午後9時頃から5月15日(日)まで", Some(2023)),
            ["2022-05-13", "2022-05-15 (year from context)"]
        );
    }

    #[test]
    fn the_matched_text_is_the_notices_own() {
        let f = &find("公表日：令和６年５月２２日（水）です", None)[0];
        assert_eq!(f.text, "令和６年５月２２日（水）");
        assert!(!f.weekday_mismatch);
    }

    #[test]
    fn weekdays_follow_the_calendar() {
        assert_eq!(weekday(1970, 1, 1), 4);
        assert_eq!(weekday(2024, 8, 7), 3);
        assert_eq!(weekday(2000, 2, 29), 2);
    }
}
