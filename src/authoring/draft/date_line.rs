//! A line of a notice that is its date (and perhaps who dated it), not a
//! sentence.

use super::dates;
use super::organization::{department, organization_name, without_role};

/// Labels of a page's own date (`更新日:…`, `発表日:…`).
pub(super) const PAGE_DATE_LABELS: &[&str] = &[
    "発表日",
    "更新日",
    "掲載日",
    "公開日",
    "公表日",
    "作成日",
    "登録日",
    "最終更新",
];

/// Whether a line is a date and nothing else (`令和6年6月17日`, `[2011年10月17日]`,
/// `平成23年10月17日 14時発表`, `公表日：2024/5/22`, `更新日:2025年7月8日 印刷ページ表示`),
/// or a date and the department or body that issued it (`令和3年9月2日 水道局`).
pub fn date_line(text: &str) -> Option<dates::Found> {
    date_line_of(text, false)
}

/// A date line of a signature, where a month alone dates the notice too
/// (`令和4年1月` above the body's name, `平成30年3月 北浜病院 院長 山田太郎`).
pub fn signature_date_line(text: &str) -> Option<dates::Found> {
    date_line_of(text, true)
}

fn date_line_of(text: &str, month_ok: bool) -> Option<dates::Found> {
    let found = dates::find(text, None);
    let first = found.first()?.clone();
    // 初期公開日:…更新日:…: the first publication and the update, each under
    // the page's label of its date.
    let labelled = |f: &dates::Found| {
        let before = text[..f.start].trim_end_matches([':', '：', ' ', '　']);
        PAGE_DATE_LABELS.iter().any(|w| before.ends_with(w))
    };
    let both_labelled = found.len() == 2 && found.iter().all(labelled);
    let mut rest = String::new();
    let mut at = 0;
    for f in found.iter().take(if both_labelled { 2 } else { 1 }) {
        rest.push_str(&text[at..f.start]);
        rest.push(' ');
        at = f.end;
    }
    rest.push_str(&text[at..]);
    let (rest, _) = dates::fold(&rest);
    let rest = [
        "印刷用ページを表示する",
        "文字を大きくして印刷",
        "記者発表資料",
        "記者資料提供",
        "資料提供",
        "ページ番号",
        "ページID",
        "記事ID",
        "印刷ページ表示",
        "印刷用ページ",
        "印刷",
        "報道発表資料",
        "報道発表日",
        "記者発表",
        "報道発表",
        "発表日",
        "公表日",
        "掲載日",
        "初期公開日",
        "公開日",
        "更新日",
        "作成日",
        "掲載",
        "発表",
        "公表",
        // A page's category beside the date (お知らせ |2022年03月02日).
        "重要なお知らせ",
        "お知らせ",
        "新着情報",
        "ニュース",
        "トピックス",
        "プレスリリース",
    ]
    .iter()
    .fold(rest, |s, w| s.replace(w, " "));
    let leftover: String = rest
        .chars()
        .filter(|c| !c.is_ascii_digit() && !" []()（）［］【】:：・•/.,、|｜".contains(*c))
        .collect();
    let leftover = [
        // 更新日令和3年12月2日木曜日: the weekday after the date.
        "月曜日",
        "火曜日",
        "水曜日",
        "木曜日",
        "金曜日",
        "土曜日",
        "日曜日",
        "月曜",
        "火曜",
        "水曜",
        "木曜",
        "金曜",
        "土曜",
        "日曜",
        "発表",
        "公表",
        "更新",
        "掲載",
        "公開",
        "作成",
        "提供",
        "日付",
        "最終",
        "時",
        "分",
        "日",
        "付",
        "版",
    ]
    .iter()
    .fold(leftover, |s, w| s.replace(w, ""));
    // 水道局, 総務課, 株式会社サンプル: who dated it; or the whole signature on
    // one line (…掲載 独立行政法人… …医療センター院長 森田 茂樹).
    let issuer = {
        // (財産管理課 : 2026/02/25: a colon between.)
        let words: Vec<&str> = rest
            .split_whitespace()
            .filter(|w| !w.chars().all(|c| ":：|｜".contains(c)))
            .collect();
        let body = |w: &str| {
            organization_name(w) || department(w) || w.ends_with('局') || without_role(w).is_some()
        };
        match words.as_slice() {
            [w] => w.chars().count() <= 20 && body(w),
            [first, rest @ ..] => {
                body(first)
                    && rest.iter().all(|w| {
                        body(w) || w.chars().count() <= 4 && !w.contains(|c: char| c.is_ascii())
                    })
            }
            [] => false,
        }
    };
    // A month alone dates a signature, or a line that signs beside it.
    let precise = first.date.day.is_some()
        || (month_ok || issuer && !leftover.is_empty())
            && first.date.month.is_some()
            && first.year_written;
    ((found.len() == 1 || both_labelled) && (leftover.is_empty() || issuer) && precise)
        .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::date_line;

    #[test]
    fn a_page_number_beside_the_update_date_leaves_a_date_line() {
        let f = date_line("ページ番号1004321  更新日 2021年9月29日").unwrap();
        assert_eq!(f.date.to_string(), "2021-09-29");
        assert!(date_line("2021年9月29日に職員が閲覧した").is_none());
        let f = date_line("印刷用ページを表示する掲載日2025年3月16日").unwrap();
        assert_eq!(f.date.to_string(), "2025-03-16");
        let f = date_line("記者資料提供(2024年5月15日)").unwrap();
        assert_eq!(f.date.to_string(), "2024-05-15");
        let f = date_line("記者発表資料発表日:2025年5月12日").unwrap();
        assert_eq!(f.date.to_string(), "2025-05-12");
        let f = date_line("2011年02月10日提供 資料提供").unwrap();
        assert_eq!(f.date.to_string(), "2011-02-10");
        let f = date_line("印刷 文字を大きくして印刷 ページ番号:0123456 更新日:2023年5月9日更新")
            .unwrap();
        assert_eq!(f.date.to_string(), "2023-05-09");
        // The page's category beside the date.
        let f = date_line("お知らせ |2022年03月02日").unwrap();
        assert_eq!(f.date.to_string(), "2022-03-02");
        assert!(date_line("お知らせ 2022年3月2日に発生した障害について").is_none());
        // The label run into the date, the weekday after it.
        let f = date_line("更新日令和3年12月2日木曜日").unwrap();
        assert_eq!(f.date.to_string(), "2021-12-02");
        assert!(date_line("令和3年12月2日木曜日に書類を送付しました").is_none());
        // The section that dated it, a colon between.
        let f = date_line("財産管理課 : 2026/02/25").unwrap();
        assert_eq!(f.date.to_string(), "2026-02-25");
        // A page's id before the label; the date in brackets with 掲載.
        let f = date_line("ページID:0004321 更新日:2023年10月11日 印刷ページ表示").unwrap();
        assert_eq!(f.date.to_string(), "2023-10-11");
        let f = date_line("【令和2年9月4日掲載】").unwrap();
        assert_eq!(f.date.to_string(), "2020-09-04");
        // The first publication and the update, both labelled: the first.
        let f = date_line("初期公開日:2022年4月3日更新日:2022年5月9日").unwrap();
        assert_eq!(f.date.to_string(), "2022-04-03");
    }

    #[test]
    fn a_signature_is_dated_by_a_month_alone() {
        use super::signature_date_line;
        assert!(date_line("令和4年1月").is_none());
        let f = signature_date_line("令和4年1月").unwrap();
        assert_eq!(f.date.to_string(), "2022-01");
        let f = signature_date_line("平成30年3月 北浜県立中央病院 院長 山田太郎").unwrap();
        assert_eq!(f.date.to_string(), "2018-03");
        assert!(signature_date_line("3月").is_none());
        // Beside the body and its head, anywhere.
        let f = date_line("平成30年3月 北浜県立中央病院 院長 山田太郎").unwrap();
        assert_eq!(f.date.to_string(), "2018-03");
    }
}
