//! Facts from the account: when it happened, how many people and records,
//! and the kinds of data.

use super::dates;
use super::header::Fact;
use super::lines::Line;
use super::numbers::{self, Count, Unit};
use super::sections::{Kind, Section};
use crate::model::PartialDate;

/// The year a month and day written alone belong to: the last full date read
/// before them, else the publication year.
struct Years {
    current: Option<u16>,
}

impl Years {
    fn dates(&mut self, text: &str) -> Vec<dates::Found> {
        let found = dates::find(text, self.current);
        if let Some(last) = found.iter().rev().find(|f| f.year_written) {
            self.current = Some(last.date.year);
        }
        found
    }
}

/// When it happened: the first date in the account (概要, 経緯), else the first
/// date in the body that is not the publication date's own line.
pub fn occurred(
    lines: &[Line],
    sections: &[Section],
    published: Option<&Fact<PartialDate>>,
    skip: &[usize],
) -> Option<Fact<PartialDate>> {
    let mut years = Years {
        current: published.map(|p| p.value.year),
    };
    let not_after = |d: &PartialDate| published.is_none_or(|p| !d.is_after(&p.value));
    let pick = |i: usize, f: &dates::Found| Fact {
        value: f.date,
        lines: vec![i],
        quote: f.text.clone(),
    };
    let in_account = sections.iter().filter(|s| s.is(Kind::Summary));
    for s in in_account {
        for b in &s.blocks {
            if let Some(f) = years
                .dates(&b.text)
                .into_iter()
                .find(|f| not_after(&f.date) && !document_date(&b.text, f))
            {
                return Some(pick(b.line, &f));
            }
        }
    }
    let mut years = Years {
        current: published.map(|p| p.value.year),
    };
    for (i, line) in lines.iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        let in_section = sections
            .iter()
            .find(|s| s.blocks.iter().any(|b| b.line == i));
        if in_section.is_some_and(|s| s.is(Kind::Measures) || s.is(Kind::Contact)) {
            continue;
        }
        if let Some(f) = years
            .dates(&line.text)
            .into_iter()
            .find(|f| not_after(&f.date) && !document_date(&line.text, f))
        {
            return Some(pick(i, &f));
        }
    }
    None
}

/// `2022年12月27日付の依頼`: the date of a document, not of an event.
fn document_date(text: &str, f: &dates::Found) -> bool {
    text[f.end..].trim_start().starts_with('付')
}

/// A count chosen for `people` or `records`, and the others the notice gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counted {
    /// An exact figure the notice clearly gives for this.
    pub chosen: Option<Fact<u64>>,
    /// Other figures (with their lines), for the author to choose from.
    pub others: Vec<(usize, Count)>,
}

const ABOUT_DATA: &[&str] = &[
    "個人情報",
    "個人データ",
    "データ",
    "漏えい",
    "漏洩",
    "流出",
    "閲覧",
    "対象",
    "含まれ",
    "記録",
    "紛失",
    "患者",
    "お客様",
    "お客さま",
    "顧客",
    "会員",
    "生徒",
    "児童",
    "住民",
    "市民",
    "利用者",
    "応募",
    "保存",
];
const STAFF: &[&str] = &[
    "職員",
    "社員",
    "従業員",
    "男性",
    "女性",
    "教諭",
    "教員",
    "委員",
    "警察",
    "弁護士",
];
const TOTAL: &[&str] = &["件数", "人数", "合計", "総数", "全", ":", "："];

/// The people and records affected: the figure most plainly about the data
/// (`48,651人`, `275名分`); several equally plain figures, or an approximate
/// one, leave the field for the author, with the figures in a comment.
pub fn counts(lines: &[Line], sections: &[Section]) -> (Counted, Counted) {
    let mut scored: Vec<(i32, usize, Count)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let section = sections
            .iter()
            .find(|s| s.blocks.iter().any(|b| b.line == i));
        let kinds_penalty = match section {
            Some(s) if s.is(Kind::Measures) || s.is(Kind::Contact) => continue,
            Some(s) if s.is(Kind::Response) && !s.is(Kind::Summary) => -1,
            _ => 0,
        };
        let t = &line.text;
        let about =
            section.is_some_and(|s| s.is(Kind::Data)) || ABOUT_DATA.iter().any(|w| t.contains(w));
        for c in numbers::counts(t) {
            let before = &t[..c.start];
            let near_before: String = before
                .chars()
                .rev()
                .take(6)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let near_after: String = t[c.end..].chars().take(8).collect();
            let staff = STAFF
                .iter()
                .any(|w| near_before.contains(w) || near_after.contains(w));
            let mut score = kinds_penalty;
            if c.text.contains('分') {
                score += 3;
            }
            if about {
                score += 2;
            }
            if TOTAL.iter().any(|w| near_before.contains(w)) {
                score += 1;
            }
            if staff {
                score -= 5;
            }
            // A figure in brackets is an aside (実人数, 内訳).
            let depth = before.chars().fold(0usize, |d, c| match c {
                '(' | '（' => d + 1,
                ')' | '）' => d.saturating_sub(1),
                _ => d,
            });
            if depth > 0 {
                score -= 1;
            }
            scored.push((score, i, c));
        }
    }
    (
        choose(&scored, Unit::People, lines),
        choose(&scored, Unit::Records, lines),
    )
}

fn choose(scored: &[(i32, usize, Count)], unit: Unit, lines: &[Line]) -> Counted {
    let mut of_unit: Vec<&(i32, usize, Count)> = scored
        .iter()
        .filter(|(s, _, c)| c.unit == unit && *s >= 1)
        .collect();
    of_unit.sort_by_key(|(s, _, c)| (std::cmp::Reverse(*s), std::cmp::Reverse(c.value)));
    let others = |except: Option<u64>| {
        let mut seen = Vec::new();
        of_unit
            .iter()
            .filter(|(_, _, c)| Some(c.value) != except || c.approximate)
            .filter(|(_, _, c)| {
                let new = !seen.contains(&c.value);
                seen.push(c.value);
                new
            })
            .map(|(_, i, c)| (*i, c.clone()))
            .collect::<Vec<_>>()
    };
    let Some((top, i, best)) = of_unit.first().map(|(s, i, c)| (*s, *i, c)) else {
        return Counted::default();
    };
    // Another figure just as plain and different: the notice counts several things.
    let rival = of_unit
        .iter()
        .any(|(s, _, c)| *s == top && c.value != best.value);
    if best.approximate || rival {
        return Counted {
            chosen: None,
            others: others(None),
        };
    }
    Counted {
        chosen: Some(Fact {
            value: best.value,
            lines: vec![i],
            quote: format!("{} ({})", best.text, shorten(&lines[i].text, 40)),
        }),
        others: others(Some(best.value)),
    }
}

/// The first `n` characters of a line, with `…` when cut.
pub fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n).collect();
        out.push('…');
        out
    }
}

/// Words for kinds of personal data that notices list.
const DATA_WORDS: &[&str] = &[
    "カナ氏名",
    "漢字氏名",
    "氏名",
    "フリガナ",
    "お名前",
    "名前",
    "生年月日",
    "年齢",
    "性別",
    "郵便番号",
    "住所",
    "所在地",
    "携帯電話番号",
    "電話番号",
    "FAX番号",
    "Eメールアドレス",
    "メールアドレス",
    "勤務先",
    "職業",
    "所属",
    "役職名",
    "役職",
    "学年",
    "学科",
    "クラス",
    "出席番号",
    "学籍番号",
    "成績",
    "顔写真",
    "顔画像",
    "映像",
    "写真",
    "印影",
    "署名",
    "銀行口座",
    "口座番号",
    "クレジットカード番号",
    "カード番号",
    "有効期限",
    "セキュリティコード",
    "パスワード",
    "ログインID",
    "会員番号",
    "顧客番号",
    "社員番号",
    "職員番号",
    "患者ID",
    "患者番号",
    "診療科",
    "病名",
    "病歴",
    "診療情報",
    "入院日",
    "検査結果",
    "処方内容",
    "被保険者番号",
    "マイナンバー",
    "個人番号",
    "国籍",
    "家族構成",
    "年収",
    "給料月額",
    "給与",
    "賞与額",
    "勤務成績評価",
    "税額",
    "位置情報",
    "検索クエリ",
    "購入履歴",
    "注文内容",
    "利用履歴",
    "契約内容",
    "車両情報",
    "暗証番号",
    "部屋番号",
    "請求金額",
    "入社年月日",
];

/// The kinds of data: a list the notice gives (`氏名、学年、学科、クラス`) item by
/// item, else the known words for personal data in the lines about the data.
pub fn data_kinds(lines: &[Line], sections: &[Section]) -> Vec<Fact<String>> {
    let mut out: Vec<Fact<String>> = Vec::new();
    let add = |i: usize, item: &str, out: &mut Vec<Fact<String>>| {
        let item = item.trim();
        if !item.is_empty() && !out.iter().any(|f| f.value == item) {
            out.push(Fact {
                value: item.to_string(),
                lines: vec![i],
                quote: shorten(&lines[i].text, 50),
            });
        }
    };
    for (i, line) in lines.iter().enumerate() {
        let section = sections
            .iter()
            .find(|s| s.blocks.iter().any(|b| b.line == i));
        let in_data = section.is_some_and(|s| s.is(Kind::Data));
        if section
            .is_some_and(|s| s.is(Kind::Measures) || s.is(Kind::Contact) || s.is(Kind::Causes))
        {
            continue;
        }
        let text = section
            .and_then(|s| s.blocks.iter().find(|b| b.line == i))
            .map_or(line.text.as_str(), |b| b.text.as_str());
        let words = known_words(text);
        if !(in_data || words.len() >= 2) {
            continue;
        }
        match enumeration(text) {
            Some(items)
                if items
                    .iter()
                    .filter(|it| !known_words(it).is_empty())
                    .count()
                    * 2
                    >= items.len() =>
            {
                for it in items {
                    add(i, &it, &mut out);
                }
            }
            _ => {
                for w in words {
                    add(i, w, &mut out);
                }
            }
        }
    }
    out
}

/// The known data words in a text, longest first at each place, in order.
fn known_words(text: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(w) = DATA_WORDS.iter().find(|w| rest.starts_with(**w)) {
            if !found.contains(w) {
                found.push(*w);
            }
            rest = &rest[w.len()..];
        } else {
            let c = rest.chars().next().map_or(1, char::len_utf8);
            rest = &rest[c..];
        }
    }
    // "メールアドレス" inside "Eメールアドレス" was consumed with it; "氏名" inside "カナ氏名" too.
    found
}

/// `氏名、学年、学科、クラス、寮棟名` → its items, when the text is such a list
/// (three or more short items, or two and a label).
fn enumeration(text: &str) -> Option<Vec<String>> {
    // `対象：氏名、住所` (a label) or `氏名、住所：1,284人分` (a count after the list).
    let body = match text.split_once(['：', ':']) {
        Some((label, rest)) if label.chars().count() <= 12 => rest,
        Some((list, count)) if !numbers::counts(count).is_empty() => list,
        _ => text,
    };
    let body = strip_parens(body);
    let body = body
        .trim()
        .trim_end_matches(['。', '等'])
        .trim_end_matches("など");
    let parts: Vec<String> = split_items(body)
        .into_iter()
        .enumerate()
        .map(|(i, p)| if i == 0 { after_count(p) } else { p })
        .map(|p| {
            p.trim()
                .trim_start_matches(|c: char| ('①'..='⑳').contains(&c))
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect();
    let short = parts
        .iter()
        .all(|p| p.chars().count() <= 12 && !p.contains(['。', 'を', 'が', 'は']));
    (parts.len() >= 3 && short).then_some(parts)
}

/// Splits a list at `、` `・` `/` and at commas that are not a number's
/// thousands separator (`1,284`, `２，０４５`).
fn split_items(s: &str) -> Vec<&str> {
    let digit =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let mut items = Vec::new();
    let mut start = 0;
    let mut prev = None;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let separator = match c {
            '、' | '・' | '/' | '／' => true,
            ',' | '，' => !(digit(prev) && digit(next)),
            _ => false,
        };
        if separator {
            items.push(&s[start..at]);
            start = at + c.len_utf8();
        }
        prev = Some(c);
    }
    items.push(&s[start..]);
    items
}

/// `お客様1,284名分の氏名` → `氏名`: a count that leads the first item is not a kind of data.
fn after_count(item: &str) -> &str {
    for marker in ["名分の", "人分の", "件分の", "名の", "人の", "件の"] {
        if let Some((before, after)) = item.split_once(marker)
            && !after.trim().is_empty()
            && before.chars().last().is_some_and(|c| {
                c.is_ascii_digit() || ('０'..='９').contains(&c) || "十百千万億".contains(c)
            })
        {
            return after;
        }
    }
    item
}

fn strip_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{lines, sections};
    use super::*;

    fn parse(text: &str) -> (Vec<Line>, Vec<Section>) {
        let ls = lines::read(text);
        let ss = sections::split(&ls);
        (ls, ss)
    }

    #[test]
    fn the_first_date_of_the_account_is_when_it_happened() {
        let (ls, ss) = parse(
            "表題について\n令和6年6月17日\n1 概要\n令和6年5月31日（金曜日）に連絡があり、6月1日に確認しました。\n",
        );
        let published = super::super::header::published(&ls);
        assert_eq!(published.as_ref().unwrap().value.to_string(), "2024-06-17");
        let o = occurred(&ls, &ss, published.as_ref(), &[1]).unwrap();
        assert_eq!(o.value.to_string(), "2024-05-31");
        assert_eq!(o.quote, "令和6年5月31日（金曜日）");
    }

    #[test]
    fn a_month_and_day_take_the_year_of_the_notice() {
        let (ls, ss) = parse(
            "2023年6月23日\n1 事故の概要\n6月16日（金曜日）午後5時頃、職員が動画を掲載した。\n",
        );
        let published = super::super::header::published(&ls);
        let o = occurred(&ls, &ss, published.as_ref(), &[0]).unwrap();
        assert_eq!(o.value.to_string(), "2023-06-16");
    }

    fn counted(text: &str) -> (Option<u64>, Option<u64>, usize) {
        let (ls, ss) = parse(text);
        let (p, r) = counts(&ls, &ss);
        (
            p.chosen.map(|f| f.value),
            r.chosen.map(|f| f.value),
            p.others.len() + r.others.len(),
        )
    }

    #[test]
    fn the_plainest_figure_about_the_data_is_chosen() {
        assert_eq!(
            counted(
                "漏えいの恐れのある個人データの件数:48,651人\n延べ3,427件(実人数2,567人)分は閲覧可能"
            ),
            (Some(48651), None, 2)
        );
        assert_eq!(
            counted("生徒39名分の氏名が流出しました。\n職員1名が掲示した。"),
            (Some(39), None, 0)
        );
        assert_eq!(
            counted("730名の当社社員が、14,657契約の顧客情報を閲覧していた。"),
            (None, None, 0)
        );
        // Approximate: left to the author, the figure in a comment.
        assert_eq!(
            counted("全市民46万人余りの個人情報が入ったUSBメモリー"),
            (None, None, 1)
        );
        // Two equally plain figures: several groups, the author decides.
        assert_eq!(
            counted("購入者名簿(9,623名)やボランティア名簿(111名)などの個人情報を回収"),
            (None, None, 2)
        );
    }

    fn kinds(text: &str) -> Vec<String> {
        let (ls, ss) = parse(text);
        data_kinds(&ls, &ss).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn kinds_of_data_from_lists_and_known_words() {
        assert_eq!(
            kinds(
                "2 漏えいした個人情報\n氏名、学年、学科、クラス、寮棟名、部屋番号、点呼時間(一部の学校のみ)\n"
            ),
            [
                "氏名",
                "学年",
                "学科",
                "クラス",
                "寮棟名",
                "部屋番号",
                "点呼時間"
            ]
        );
        assert_eq!(
            kinds("USBメモリーには、すべての市民の氏名や住所、生年月日などが含まれていました。"),
            ["氏名", "住所", "生年月日"]
        );
        assert_eq!(
            kinds("閲覧可能な情報は、カナ氏名、患者ID、診療科でした。"),
            ["カナ氏名", "患者ID", "診療科"]
        );
        assert_eq!(
            kinds("1 概要\n職員が書類を紛失しました。\n"),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds("2 漏えいした情報\n① 組合員の氏名、口座番号、電話番号：２，０４５名分\n"),
            ["組合員の氏名", "口座番号", "電話番号"]
        );
        // A count before the list is not an item, and its thousands separator splits nothing.
        assert_eq!(
            kinds("２．対象となる情報\nお客様1,284名分の氏名、住所、電話番号\n"),
            ["氏名", "住所", "電話番号"]
        );
        assert_eq!(
            kinds("２．対象となる情報\n会員２，０４５件の氏名、メールアドレス、購入履歴\n"),
            ["氏名", "メールアドレス", "購入履歴"]
        );
    }
}
