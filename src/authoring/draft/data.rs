//! The kinds of personal data a notice says were involved (氏名、住所、…):
//! from the list under a heading about the data, else the known words of a
//! sentence that names them.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::facts::shorten;
use super::header::Fact;
use super::lines::Line;
use super::numbers;
use super::sections::{self, Kind, Section};

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
    "部署名",
    "会社名",
    "担当者名",
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
    let mut seen: HashSet<String> = HashSet::new();
    let mut add = |i: usize, item: &str, out: &mut Vec<Fact<String>>| {
        // 口座番号 ３２０名分: the figure is a count, not part of the kind of data.
        let mut item = item.to_string();
        for c in numbers::counts(&item.clone()).iter().rev() {
            item.replace_range(c.start..c.end, "");
        }
        let item = item.trim();
        if !item.is_empty() && seen.insert(item.to_string()) {
            out.push(Fact {
                value: item.to_string(),
                lines: vec![i],
                quote: shorten(&lines[i].text, 50),
            });
        }
    };
    let owners = sections::owners(lines.len(), sections);
    for (i, line) in lines.iter().enumerate() {
        let section = owners[i].map(|(s, _)| &sections[s]);
        let in_data = section.is_some_and(|s| s.is(Kind::Data));
        if section.is_some_and(|s| {
            [
                Kind::Measures,
                Kind::Contact,
                Kind::Causes,
                Kind::Aside,
                Kind::Signature,
            ]
            .iter()
            .any(|k| s.is(*k))
        }) {
            continue;
        }
        let text = owners[i].map_or(line.text.as_str(), |(s, b)| {
            sections[s].blocks[b].text.as_str()
        });
        // A text about the data names two kinds, though it may say one was not there.
        let named = known_words(text);
        if !(in_data || named.len() >= 2) {
            continue;
        }
        let masked = without_negated(text);
        let (text, words) = match masked {
            std::borrow::Cow::Borrowed(t) => (t, named),
            std::borrow::Cow::Owned(ref t) => (t.as_str(), known_words(t)),
        };
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

/// What a notice says was not there: `…は含まれておりません`, `…は記載されていない`,
/// `…は流出していません`.
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[はもが]?(?:含まれ|記載され|流出し|漏えいし|漏洩し)(?:て(?:おりませ|いませ|おらず|いない|はおりませ|はいませ)|ませ|ない|ず)",
    )
    .expect("valid")
});

/// The text without the data a notice says was not included (`なお、氏名等の
/// 個人情報は含まれておりません`): each negated phrase from the start of its
/// clause (after `。`, a bracket, or a `、` that follows kana, as in `…で、` or
/// `…ものの、`). `住所と氏名以外の…は含まれておりません` says what was there and stays.
fn without_negated(text: &str) -> std::borrow::Cow<'_, str> {
    if !NEGATED.is_match(text) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for m in NEGATED.find_iter(text) {
        let before = &text[from..m.start()];
        let mut start = 0;
        let mut prev: Option<char> = None;
        for (at, c) in before.char_indices() {
            let joint = match c {
                '。' | '(' | '（' | '「' | '\n' => true,
                '、' | ',' | '，' => prev.is_some_and(crate::text::is_hiragana),
                _ => false,
            };
            if joint {
                start = at + c.len_utf8();
            }
            prev = Some(c);
        }
        let clause = &before[start..];
        out.push_str(&before[..start]);
        if clause.contains("以外") || clause.contains("のみ") {
            out.push_str(clause);
        }
        out.push_str(m.as_str());
        from = m.end();
    }
    out.push_str(&text[from..]);
    out.into()
}

/// The first characters of the data words.
static FIRST_CHARS: LazyLock<HashSet<char>> =
    LazyLock::new(|| DATA_WORDS.iter().filter_map(|w| w.chars().next()).collect());

/// The known data words in a text, longest first at each place, in order.
fn known_words(text: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        // Most characters begin no data word: look no further at them.
        let first = rest.chars().next().unwrap_or_default();
        if !FIRST_CHARS.contains(&first) {
            rest = &rest[first.len_utf8()..];
            continue;
        }
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
    let body = super::when::without_asides(body);
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

#[cfg(test)]
mod tests {
    use super::super::sections::parse;
    use super::*;

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
        // A figure inside an item is a count, not part of the item.
        assert_eq!(
            kinds("２．漏えいした情報\n氏名、口座番号 ３２０名分、電話番号\n"),
            ["氏名", "口座番号", "電話番号"]
        );
        assert_eq!(
            kinds("２．対象となる情報\n会員２，０４５件の氏名、メールアドレス、購入履歴\n"),
            ["氏名", "メールアドレス", "購入履歴"]
        );
    }

    #[test]
    fn data_the_notice_says_was_not_included_is_no_kind() {
        assert_eq!(
            kinds(
                "宛先の取り違えで、別の学生のメールアドレスが見える状態でした。氏名などの個人情報は含まれていません。"
            ),
            ["メールアドレス"]
        );
        // What was said not to be there goes; what follows ものの stays.
        assert_eq!(
            kinds(
                "調査中ですが、紛失した鞄の書類には氏名や住所は含まれていないものの、患者番号、年齢、性別が記載されていました。"
            ),
            ["患者番号", "年齢", "性別"]
        );
        assert_eq!(
            kinds(
                "流出したのは会員の氏名や電話番号、メールアドレスで、クレジットカード番号は含まれていません。"
            ),
            ["氏名", "電話番号", "メールアドレス"]
        );
        // `…以外の情報は含まれていません` says what was there.
        assert_eq!(
            kinds("なお、はがきには氏名と住所以外の個人の情報は記載されていません。"),
            ["氏名", "住所"]
        );
    }
}
