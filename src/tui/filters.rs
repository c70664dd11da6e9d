//! The browser's filters: the selected area AND pinned areas, causes and
//! sectors AND a year range AND the source AND words, shown as chips in the
//! filter bar, each removable. The list, coverage and statistics follow them.

use unicode_normalization::UnicodeNormalization;

use super::field::Field;
use crate::answers::filter::Filter;
use crate::lang::Lang;

/// One condition of the filter bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chip {
    /// The area selected in the tree.
    Area,
    Control(usize),
    Cause(usize),
    Sector(usize),
    Threat(usize),
    Years,
    Source,
    Words,
}

/// The filter state: what the user asked for, and which cases pass (derived
/// once per change, not per key or draw).
#[derive(Default)]
pub struct FilterState {
    pub filter: Filter,
    /// Words every passing case must match (as search matches them).
    pub words: String,
    /// Which case indices pass; None when nothing but the area filters.
    pub passing: Option<Vec<bool>>,
    /// Which case indices match the words; None without words.
    pub found: Option<Vec<bool>>,
    /// The `F` prompt.
    pub field: Field,
    /// The chip chosen for removal (`x`).
    pub chip: usize,
}

impl FilterState {
    /// Whether anything but the tree's area filters the list.
    pub fn active(&self) -> bool {
        !self.filter.is_empty() || !self.words.is_empty()
    }

    /// The explicit filters (never the tree's area) as coverage and
    /// statistics take them: the filter, and which cases match the words.
    pub fn scope(&self) -> (&Filter, Option<&[bool]>) {
        (&self.filter, self.found.as_deref())
    }

    /// The filters in force, named as the coverage and statistics titles name them.
    pub fn named(&self, catalogs: &crate::catalog::Catalogs, lang: Lang) -> Vec<String> {
        crate::answers::scope::named(&self.filter, &self.words, catalogs, lang)
    }
}

/// The Japanese eras a year may be written in (`令和5年`), with the year
/// before their first.
const ERAS: [(&str, u16); 3] = [("令和", 2018), ("平成", 1988), ("昭和", 1925)];

/// `token` with years of an era (`令和5年`, `平成元年`) written as Western
/// years, and the `年` after a year dropped (`2023年`).
fn western_years(token: &str) -> String {
    let mut out = String::new();
    let mut rest = token;
    while !rest.is_empty() {
        let era = ERAS.iter().find(|(name, _)| rest.starts_with(name));
        if let Some(&(name, base)) = era {
            let after = &rest[name.len()..];
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            let (n, used) = if let Some(tail) = after.strip_prefix('元') {
                (Some(1), after.len() - tail.len())
            } else {
                (digits.parse::<u16>().ok(), digits.len())
            };
            if let Some(n) = n.filter(|n| (1..100).contains(n)) {
                out.push_str(&(base + n).to_string());
                rest = &after[used..];
                rest = rest.strip_prefix('年').unwrap_or(rest);
                continue;
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        if c == '年' && out.ends_with(|d: char| d.is_ascii_digit()) {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Reads `2022-2024`, `2022-`, `-2024`, `2022〜2024` or `2022`, also in
/// Japanese eras (`令和5年`, `平成31年-令和2年`), as (since, until); a range
/// written backwards (`2024-2022`) is read the right way round.
pub fn year_range(token: &str) -> Option<(Option<u16>, Option<u16>)> {
    let token: String = token.nfkc().collect();
    let token = western_years(&token);
    let token: String = token
        .chars()
        .map(|c| {
            if matches!(c, '〜' | '~' | '–') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let year = |s: &str| -> Option<Option<u16>> {
        if s.is_empty() {
            return Some(None);
        }
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .map(Some)
    };
    match token.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (year(a)?, year(b)?);
            match (a, b) {
                (Some(x), Some(y)) if x > y => Some((b, a)),
                _ => (a.is_some() || b.is_some()).then_some((a, b)),
            }
        }
        None => year(&token)?.map(|y| (Some(y), Some(y))),
    }
}

#[cfg(test)]
mod tests {
    use super::year_range;

    #[test]
    fn year_ranges_in_the_ways_people_write_them() {
        assert_eq!(year_range("2022-2024"), Some((Some(2022), Some(2024))));
        assert_eq!(year_range("2022〜2024"), Some((Some(2022), Some(2024))));
        assert_eq!(year_range("２０２２－"), Some((Some(2022), None)));
        assert_eq!(year_range("-2013"), Some((None, Some(2013))));
        assert_eq!(year_range("2023"), Some((Some(2023), Some(2023))));
        assert_eq!(year_range("廃棄"), None);
        assert_eq!(year_range("10-5-4"), None);
        assert_eq!(year_range("-"), None);
    }

    #[test]
    fn reversed_ranges_turn_round_and_era_years_read() {
        assert_eq!(year_range("2024-2022"), Some((Some(2022), Some(2024))));
        assert_eq!(year_range("令和5年"), Some((Some(2023), Some(2023))));
        assert_eq!(year_range("令和５"), Some((Some(2023), Some(2023))));
        assert_eq!(
            year_range("平成元年-令和2年"),
            Some((Some(1989), Some(2020)))
        );
        assert_eq!(year_range("平成31年〜"), Some((Some(2019), None)));
        assert_eq!(year_range("2023年"), Some((Some(2023), Some(2023))));
        assert_eq!(year_range("令和"), None);
        assert_eq!(year_range("年度"), None);
    }
}
