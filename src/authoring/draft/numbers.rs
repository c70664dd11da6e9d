//! Counts as notices write them: 1,284人, ２名分, 約1万2千件, 三百二十名,
//! 46万人余り. Persons (人, 名) are people; 件 (and 枚, 通) are records.
//!
//! Approximate figures (約, およそ, 余り, 以上, 超, 程度, ...) are kept as
//! approximate: the format wants exact whole numbers, so a draft never turns
//! "約1万2千件" into `records: 12000`.

use super::dates::fold;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    People,
    Records,
    /// 12世帯: households, counted as those affected where no person is.
    Households,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    pub value: u64,
    pub unit: Unit,
    pub approximate: bool,
    /// The figure as written, with its unit and qualifiers.
    pub text: String,
    /// Byte range in the original line.
    pub start: usize,
    pub end: usize,
}

const KANJI_DIGITS: &str = "〇一二三四五六七八九";

fn kanji_digit(c: char) -> Option<u64> {
    if c == '零' {
        return Some(0);
    }
    KANJI_DIGITS.chars().position(|k| k == c).map(|p| p as u64)
}

fn small_unit(c: char) -> Option<u64> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

fn big_unit(c: char) -> Option<u64> {
    match c {
        '万' => Some(10_000),
        '億' => Some(100_000_000),
        _ => None,
    }
}

/// Reads a number at the start of `chars` (already folded to ASCII digits):
/// `1,284`, `46万`, `1万2千`, `三百二十`, `4万8,651`. Returns the value, how
/// many chars it took, and whether any kanji numeral was used.
pub fn parse(chars: &[char]) -> Option<(u64, usize, bool)> {
    let mut i = 0;
    let mut total: u64 = 0;
    let mut section: u64 = 0; // below 10,000
    let mut any = false;
    let mut kanji = false;
    loop {
        // A coefficient: digits (with thousands separators) or one kanji digit.
        let mut coef: Option<u64> = None;
        if chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
            let mut v: u64 = 0;
            while let Some(&c) = chars.get(i) {
                if let Some(d) = c.to_digit(10) {
                    v = v.checked_mul(10)?.checked_add(u64::from(d))?;
                    i += 1;
                } else if c == ','
                    && chars
                        .get(i + 1..i + 4)
                        .is_some_and(|g| g.iter().all(|c| c.is_ascii_digit()))
                    && !chars.get(i + 4).is_some_and(|c| c.is_ascii_digit())
                {
                    i += 1;
                } else {
                    break;
                }
            }
            coef = Some(v);
        } else if let Some(d) = chars.get(i).and_then(|&c| kanji_digit(c)) {
            coef = Some(d);
            kanji = true;
            i += 1;
        }
        if let Some(mult) = chars.get(i).and_then(|&c| small_unit(c)) {
            section = section.checked_add(coef.unwrap_or(1).checked_mul(mult)?)?;
            kanji = true;
            any = true;
            i += 1;
            continue;
        }
        if let Some(v) = coef {
            section = section.checked_add(v)?;
            any = true;
        }
        if let Some(mult) = chars.get(i).and_then(|&c| big_unit(c)).filter(|_| any) {
            total = total.checked_add(section.checked_mul(mult)?)?;
            section = 0;
            i += 1;
            continue;
        }
        if coef.is_none()
            || !chars
                .get(i)
                .is_some_and(|c| c.is_ascii_digit() || kanji_digit(*c).is_some())
        {
            break;
        }
    }
    any.then(|| (total + section, i, kanji))
}

/// Words that make a figure other than an exact count: approximate (約, 余り)
/// or cumulative (延べ, which counts the same person or record more than once).
const BEFORE_APPROX: &[&str] = &[
    "約",
    "およそ",
    "概ね",
    "おおむね",
    "推計",
    "推定",
    "最大",
    "延べ",
    "のべ",
];
const AFTER_APPROX: &[&str] = &[
    "余り",
    "あまり",
    "余",
    "以上",
    "超",
    "強",
    "弱",
    "程度",
    "前後",
    "ほど",
    "近く",
];

/// Every count with a person or record unit in `line`.
pub fn counts(line: &str) -> Vec<Count> {
    let (folded, map) = fold(line);
    let chars: Vec<char> = folded.chars().collect();
    let byte_of = |ci: usize| -> usize {
        let fb: usize = chars[..ci].iter().map(|c| c.len_utf8()).sum();
        super::dates::original(&map, fb)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts = c.is_ascii_digit() || kanji_digit(c).is_some() || small_unit(c).is_some();
        let after_digit = i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == ',');
        if !starts || after_digit {
            i += 1;
            continue;
        }
        let Some((value, len, kanji)) = parse(&chars[i..]) else {
            i += 1;
            continue;
        };
        let mut j = i + len;
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        // (9世帯分: the households a sheet holds, no count of them.)
        let unit = match chars.get(j) {
            Some('人' | '名') => Some(Unit::People),
            Some('件' | '枚' | '通') => Some(Unit::Records),
            Some('世') if chars.get(j + 1) == Some(&'帯') && chars.get(j + 2) != Some(&'分') => {
                Some(Unit::Households)
            }
            _ => None,
        };
        let unit_len = if unit == Some(Unit::Households) { 2 } else { 1 };
        // A kanji numeral inside a word (統一, 一部) is not a count: only with a unit,
        // and not right after another kanji (十一人 is fine, 統一人 is not).
        let preceded_by_kanji = i > 0
            && is_kanji(chars[i - 1])
            && kanji_digit(chars[i - 1]).is_none()
            && small_unit(chars[i - 1]).is_none()
            && big_unit(chars[i - 1]).is_none()
            && !BEFORE_APPROX.iter().any(|w| w.ends_with(chars[i - 1]));
        // One kanji digit after a kanji is part of a word (統一人); 調査票三百二十名 is a count.
        let word = kanji && preceded_by_kanji && len == 1;
        let Some(unit) = unit.filter(|_| !word) else {
            i += len.max(1);
            continue;
        };
        // 名義, 名簿, 件名, 人数 are words, not units; 一人ひとり is everyone.
        let next = chars.get(j + 1).copied();
        if chars[j] == '人' && matches!(next, Some('ひ' | '一')) {
            i = j + 1;
            continue;
        }
        if matches!(
            (chars[j], next),
            ('名', Some('義' | '簿' | '称' | '前' | '刺'))
                | ('件', Some('名'))
                | ('人', Some('数' | '物' | '事' | '材' | '員' | '目'))
        ) {
            i = j + 1;
            continue;
        }
        let mut end = j + unit_len;
        if chars.get(end) == Some(&'分') {
            end += 1;
        }
        let rest: String = chars[end..].iter().take(3).collect();
        let mut approximate = false;
        if let Some(w) = AFTER_APPROX.iter().find(|w| rest.starts_with(**w)) {
            approximate = true;
            end += w.chars().count();
        }
        let mut start = i;
        let before: String = chars[..i].iter().collect();
        let before = before.trim_end();
        if let Some(w) = BEFORE_APPROX.iter().find(|w| before.ends_with(**w)) {
            approximate = true;
            start = before.chars().count() - w.chars().count();
        }
        let (s, e) = (byte_of(start), byte_of(end));
        out.push(Count {
            value,
            unit,
            approximate,
            text: line[s..e].to_string(),
            start: s,
            end: e,
        });
        i = end;
    }
    out
}

fn is_kanji(c: char) -> bool {
    crate::text::is_kanji(c) || c == '々'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(line: &str) -> Vec<String> {
        counts(line)
            .iter()
            .map(|c| {
                format!(
                    "{} {}{}",
                    c.value,
                    match c.unit {
                        Unit::People => "people",
                        Unit::Records => "records",
                        Unit::Households => "households",
                    },
                    if c.approximate { " approx" } else { "" }
                )
            })
            .collect()
    }

    #[test]
    fn counts_in_every_written_form() {
        let table: &[(&str, &[&str])] = &[
            ("1,284人", &["1284 people"]),
            ("対象世帯 82世帯", &["82 households"]),
            ("名簿1枚(9世帯分)", &["1 records"]),
            ("１，２８４人", &["1284 people"]),
            ("２名分の個人情報", &["2 people"]),
            ("約1万2千件", &["12000 records approx"]),
            ("三百二十名", &["320 people"]),
            ("46万人余り", &["460000 people approx"]),
            ("全市民46万人余の個人情報", &["460000 people approx"]),
            ("48,651人", &["48651 people"]),
            ("4万8,651人", &["48651 people"]),
            (
                "延べ3,427件(実人数2,567人)",
                &["3427 records approx", "2567 people"],
            ),
            ("メールアドレス 233件", &["233 records"]),
            ("住所、氏名、電話番号 1,951件", &["1951 records"]),
            ("画像データ88枚", &["88 records"]),
            ("153組 合計275名分", &["275 people"]),
            ("8,965 名分", &["8965 people"]),
            ("およそ3時間", &[]),
            ("約 756 万のユニークブラウザ", &[]),
            ("十一人", &["11 people"]),
            ("一部の方", &[]),
            ("統一人材", &[]),
            ("調査票三百二十名分", &["320 people"]),
            ("一名", &["1 people"]),
            ("100人以上", &["100 people approx"]),
            ("名簿(9,623名)", &["9623 people"]),
            ("2,799棟の管理責任者1,338件", &["1338 records"]),
            ("件名", &[]),
            ("5人目", &[]),
            ("患者さん一人ひとりに", &[]),
            ("99999999999999999999999人", &[]),
        ];
        for (line, want) in table {
            assert_eq!(shown(line), *want, "{line}");
        }
    }

    #[test]
    fn the_figure_is_quoted_as_written() {
        let c = &counts("全市民46万人余りの情報")[0];
        assert_eq!(c.text, "46万人余り");
        let c = &counts("約１万２千件を")[0];
        assert_eq!(c.text, "約１万２千件");
    }
}
