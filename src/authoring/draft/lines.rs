//! A notice's text as lines worth reading: control characters removed, page
//! numbers, 以上, 記, contact lines and web-page furniture dropped, and lines
//! that a PDF broke in the middle of a sentence joined again. Every line keeps
//! the numbers of the notice lines it came from.

use unicode_width::UnicodeWidthStr;

use super::marker;
use crate::text::{self, Lines};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// First and last line of the notice (1-based) this line was made from.
    pub from: usize,
    pub to: usize,
    pub text: String,
    /// A blank line came before it (a paragraph break).
    pub after_blank: bool,
}

impl Line {
    /// `L12` or `L12-13`, for provenance comments.
    pub fn cite(&self) -> String {
        if self.from == self.to {
            format!("L{}", self.from)
        } else {
            format!("L{}-{}", self.from, self.to)
        }
    }
}

/// The notice's lines, cleaned, dropped and joined as described above.
pub fn read(notice: &str) -> Vec<Line> {
    let mut kept: Vec<Line> = Vec::new();
    let mut blank = false;
    for (i, raw) in notice.split('\n').enumerate() {
        let cleaned = text::clean(raw.trim_end_matches('\r'), Lines::Join);
        let t = squeeze(cleaned.trim_matches(|c: char| c.is_whitespace()));
        if t.is_empty() {
            blank = true;
            continue;
        }
        for part in unflatten(&t) {
            if dropped(part) {
                continue;
            }
            kept.push(Line {
                from: i + 1,
                to: i + 1,
                text: part.to_string(),
                after_blank: blank,
            });
            blank = false;
        }
    }
    join_broken(kept)
}

/// A whole page copied as one line (some archives and readers store it so):
/// a very long line is split after each sentence that a space follows
/// (`…しました。 当院では…`) and before a bracketed label that a space
/// precedes (` 【お詫び】…`).
fn unflatten(t: &str) -> Vec<&str> {
    if t.chars().count() < 200 {
        return vec![t];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (at, c) in t.char_indices() {
        let titled = ["について", "お詫び", "おわび", "お知らせ", "ご報告"]
            .iter()
            .any(|w| t[start..at].ends_with(w));
        if c == ' ' && (matches!(prev, Some('。' | '！' | '？')) || titled) {
            parts.push(&t[start..at]);
            start = at + 1;
        } else if c == '【' && prev == Some(' ') && at > start + 1 {
            parts.push(&t[start..at - 1]);
            start = at;
        }
        prev = Some(c);
    }
    parts.push(&t[start..]);
    parts.retain(|p| !p.trim().is_empty());
    parts
}

/// Runs of spaces become one; a space between two Japanese characters in a
/// letter-spaced heading (岩 手 労 働 局) goes.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == ' ' || c == '\u{3000}' || c == '\u{A0}' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    let chars: Vec<char> = out.chars().collect();
    let spaced = chars.len() >= 5
        && chars
            .iter()
            .enumerate()
            .all(|(i, c)| (i % 2 == 1) == (*c == ' '));
    if spaced {
        return chars.iter().filter(|c| **c != ' ').collect();
    }
    out
}

/// Lines that carry nothing for a case: page numbers, 以上, 記, contact
/// details, and the furniture of a copied web page.
pub fn dropped(t: &str) -> bool {
    let (folded, _) = super::dates::fold(t);
    let f = folded.trim();
    // - 1 -, -1-, ― 2 ―, 1/3, P.2, Page 2
    let core = f.trim_matches(|c: char| matches!(c, '-' | '―' | '‐' | '−' | '－' | 'ー' | ' '));
    let page =
        (core.len() < f.len() && !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()))
            || f.split_once('/').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && (a.trim().chars().chain(b.trim().chars())).all(|c| c.is_ascii_digit())
                    && f.len() <= 7
            })
            || f.strip_prefix("P.")
                .or_else(|| f.strip_prefix("Page "))
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if page {
        return true;
    }
    let bare = f.trim_matches(|c: char| "<>＜＞()（）[]【】-－― ".contains(c));
    if matches!(
        bare,
        "以上" | "記" | "PR" | "×" | "情報ソース" | "出典" | "ソース" | "参照元"
    ) {
        return true;
    }
    // A line of symbols only (rules, separators).
    if !f.chars().any(|c| c.is_alphanumeric()) {
        return true;
    }
    const CONTACT: &[&str] = &[
        "電話番号",
        "電話:",
        "TEL",
        "Tel",
        "FAX",
        "Fax",
        "E-mail",
        "E-Mail",
        "メール:",
        "メールアドレス:",
        "受付時間",
        "対応日時",
        "受付日時",
        "フリーダイヤル",
        "ナビダイヤル",
        "問合せ先:",
        "問い合わせ先:",
    ];
    // TEL 03-…, FAX：…, E-mail info@…: not FAX誤送信による… (a title).
    if CONTACT.iter().any(|w| {
        f.strip_prefix(w).is_some_and(|rest| {
            !w.is_ascii()
                || rest.is_empty()
                || rest.starts_with(|c: char| {
                    c.is_ascii_digit() || " :：（(番.".contains(c) || ('０'..='９').contains(&c)
                })
        })
    }) {
        return true;
    }
    // 平日 午前9時から午後5時30分 / 土曜 午前9時から午後5時まで
    if (f.starts_with("平日")
        || f.starts_with("土曜")
        || f.starts_with("土日")
        || f.starts_with("月曜日"))
        && (f.contains('時') || f.contains('~') || f.contains('〜'))
        && f.chars().count() < 40
    {
        return true;
    }
    // Breadcrumbs of a web page: ホーム > お知らせ, 現在地 トップページ > …
    let crumbs = [" > ", "＞", " › ", " » "]
        .iter()
        .map(|w| f.matches(w).count())
        .sum::<usize>();
    if crumbs > 0 && (f.chars().count() < 60 || crumbs >= 2 || f.starts_with("現在地")) {
        return true;
    }
    // A postal address, a telephone or fax number line, an attachment link.
    if f.starts_with('〒')
        || f.starts_with("電話 ") && f.chars().nth(3).is_some_and(|c| c.is_ascii_digit())
        || ["ファックス番号", "ファクス番号", "FAX番号", "内線"]
            .iter()
            .any(|w| f.starts_with(w))
        || (f.contains("(PDF") || f.contains("(PDF:") || f.contains("（PDF"))
            && f.chars().count() < 60
        // A link to a document: …資料(教育委員会)[PDFファイル/120KB]
        || f.ends_with(']') && (f.contains("[PDF") || f.contains("[ PDF"))
    {
        return true;
    }
    // Navigation of a web page, each a line of its own.
    const NAVIGATION: &[&str] = &[
        "本文",
        "本文へ",
        "本文へ移動",
        "メインコンテンツに",
        "メインコンテンツへ",
        "スキップします",
        "閉じる",
        "メニュー",
        "ここから本文です。",
        "ここから本文です",
        "グローバルナビゲーションへ",
        "ローカルナビゲーションへ",
        "フッターへ",
        "印刷ページ表示",
        "印刷用ページを表示する",
        "このページを印刷する",
        "メールでのお問い合わせ",
        "お問い合わせフォーム",
        "引用",
        "シェアする",
        "ポスト",
        "このページの先頭へ",
        "ページの先頭へ戻る",
        "トップへ戻る",
        "Adobe Acrobat Reader DC",
    ];
    if NAVIGATION.contains(&f) {
        return true;
    }
    // A menu or breadcrumb item, numbered or not: 1. トップページ, - 報道発表資料.
    let item = marker::marker(f).map_or(f, |(_, rest)| rest);
    const MENU: &[&str] = &[
        "トップページ",
        "ホーム",
        "TOP",
        "Top",
        "ニュース",
        "新着情報",
        "お知らせ一覧",
        "ニュース一覧",
        "プレスリリース",
        "報道発表資料",
        "報道資料",
        "記者発表資料",
        "一覧へ戻る",
        "前のページへ戻る",
        "前のページに戻る",
        "ページトップへ戻る",
        "ページトップへ",
        "Press Release",
        "印刷",
        "大きな文字で印刷",
        "印刷大きな文字で印刷",
        "文字サイズ",
        "文字サイズ変更",
        "文字の大きさ",
        "背景色",
        "背景色変更",
        "サイトマップ",
        "English",
    ];
    if MENU.contains(&item) {
        return true;
    }
    // A page's number without a date (ページID:0003652 更新日:… dates it).
    let numbered = [
        "ページID",
        "コンテンツ番号",
        "コンテンツID",
        "ページ番号",
        "記事ID",
    ]
    .iter()
    .any(|w| f.starts_with(w))
        && super::dates::find(f, None).is_empty();
    if f.starts_with("ページの先頭です")
        // (Press Release 報道資料 …: a page's banner.)
        || f.starts_with("Press Release")
        || numbered
    {
        return true;
    }
    const FURNITURE: &[&str] = &[
        "コメントする",
        "この記事をシェア",
        "ツイート",
        "ブックマーク",
        "ページの先頭",
        "印刷する",
        "リリース文アーカイブ",
        "上記の広告は",
        "前の記事",
        "次の記事",
        "すべての投稿を表示",
    ];
    FURNITURE.iter().any(|w| f.contains(w))
}

/// Joins a line to the next when a PDF or a narrow page broke it: the line
/// does not end a sentence, the next line starts neither a heading nor a list
/// item, and either the line fills the width of the text's long lines, or it
/// is as wide as a neighbour in its paragraph (a block with a right margin,
/// `…受理した。そ` / `の後、…`, even where a longer unwrapped paragraph sets
/// the text's width).
fn join_broken(lines: Vec<Line>) -> Vec<Line> {
    let width: Vec<usize> = lines.iter().map(|l| l.text.width()).collect();
    let mut widths: Vec<usize> = width.iter().copied().filter(|w| *w >= 20).collect();
    widths.sort_unstable();
    // Too few long lines say nothing about the page width.
    let full = if widths.len() >= 3 {
        widths[widths.len() * 9 / 10]
    } else {
        0
    };
    let similar = |a: usize, b: usize| {
        let (wa, wb) = (width[a], width[b]);
        wa >= 30 && wb >= 30 && wa.abs_diff(wb) * 10 <= wa.max(wb)
    };
    // Lines `i` and `i + 1` are one paragraph: no blank line and no gap between them.
    let together: Vec<bool> = (0..lines.len())
        .map(|i| {
            lines
                .get(i + 1)
                .is_some_and(|n| !n.after_blank && n.from == lines[i].to + 1)
        })
        .collect();
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        if let Some(prev) = out.last_mut() {
            let p = i - 1;
            // Prose (with 、 or 。), not a heading or a signature that happens
            // to be as wide.
            let prose = prev.text.contains(['、', '。', '，']);
            let fills = prose && full >= 30 && width[p] * 10 >= full * 8;
            // …年1回確認す / る。: the next line starts where no sentence starts.
            let continues = prose
                && line.text.starts_with([
                    'る', 'た', 'て', 'ん', 'っ', 'ゃ', 'ゅ', 'ょ', 'ー', '。', '、', 'の', 'を',
                    'に', 'は', 'が', 'で', 'へ', 'ず', 'う',
                ]);
            // …見直していたところ、 / システムの…: a line broken after its comma.
            let comma = prev.text.ends_with(['、', '，']);
            let margin = continues
                || comma
                || prose && ((p > 0 && together[p - 1] && similar(p - 1, p)) || similar(p, i));
            // …にご注意下さい: a request ends a sentence without its 。.
            let asks = ["ください", "下さい"]
                .iter()
                .any(|e| prev.text.ends_with(e))
                && !line.text.starts_with(['ま', '。']);
            let open = !prev
                .text
                .ends_with(['。', '．', '」', '）', ')', '！', '？', '：', ':'])
                && !asks
                && super::dates::find(&prev.text, None)
                    .last()
                    .is_none_or(|d| d.end != prev.text.len());
            let next_starts = marker::marker(&line.text).is_some()
                || line.text.starts_with('【')
                || !super::dates::find(&line.text, None).is_empty() && line.text.width() < 24;
            // …二重チェックの体制を / (blank) / 構築する。: a sentence that a
            // page spaced out, broken after a particle no sentence ends with.
            let spaced_out = prose
                && line.after_blank
                && line.from == prev.to + 2
                && prev.text.ends_with(['を', 'に', 'が', 'は', '、'])
                && line.text.ends_with('。')
                && line.text.matches('。').count() == 1
                && !next_starts;
            if spaced_out
                || (fills || margin)
                    && open
                    && !line.after_blank
                    && !next_starts
                    && line.from == prev.to + 1
            {
                let glue = if prev.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && line.text.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    " "
                } else {
                    ""
                };
                prev.text = format!("{}{glue}{}", prev.text, line.text);
                prev.to = line.to;
                continue;
            }
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(notice: &str) -> Vec<String> {
        read(notice).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn page_numbers_and_closing_words_are_dropped() {
        for line in [
            "- 1 -",
            "－１－",
            "-2-",
            "― 3 ―",
            "1/3",
            "P.2",
            "以上",
            "記",
            "＜以上＞",
            "――――――",
            "電話番号 06-1234-5678",
            "FAX：03-0000-0001",
            "TEL：03-0000-0000",
            "FAX 03-0000-0001",
            "平日 午前9時から午後5時30分",
            "受付時間：9:00～17:00",
            "この記事にコメントする",
            "前のページに戻る",
            "Press Release 報道資料 北浜市 The City of KITAHAMA",
            "コンテンツ番号17662",
            "コンテンツID021801",
        ] {
            assert!(dropped(line), "{line}");
        }
        for line in [
            "1 概要",
            "(1) 経緯",
            "2024/8/7",
            "1,284人",
            "記録媒体の管理",
            "以上のとおり対応します。",
            "FAXの誤送信で個人情報が流出した件について",
        ] {
            assert!(!dropped(line), "{line}");
        }
    }

    #[test]
    fn letter_spaced_headings_are_closed_up() {
        assert_eq!(texts("岩 手 労 働 局"), ["岩手労働局"]);
        assert_eq!(texts("稲村 和美"), ["稲村 和美"]);
        assert_eq!(texts("Power  Shot\u{3000}A3300"), ["Power Shot A3300"]);
    }

    #[test]
    fn lines_a_pdf_broke_are_joined_and_remember_their_numbers() {
        let notice = "\
本件事案は、個人データ漏えい等事案として、個人情報保護委員会に遅
滞なく報告しております。
また、個人情報の保護に関する法律に基づく本人通知をしており、連絡
先の不明な方に対してはホームページにおいても周知しました。
- 2 -
３ 再発防止策
(1) 委託により機器を廃棄する際は、破砕等の作業を実地で確認します。
";
        let lines = read(notice);
        let shown: Vec<(String, String)> =
            lines.iter().map(|l| (l.cite(), l.text.clone())).collect();
        assert_eq!(
            shown,
            [
                ("L1-2".to_string(), "本件事案は、個人データ漏えい等事案として、個人情報保護委員会に遅滞なく報告しております。".to_string()),
                ("L3-4".into(), "また、個人情報の保護に関する法律に基づく本人通知をしており、連絡先の不明な方に対してはホームページにおいても周知しました。".into()),
                ("L6".into(), "３ 再発防止策".into()),
                ("L7".into(), "(1) 委託により機器を廃棄する際は、破砕等の作業を実地で確認します。".into()),
            ]
        );
    }

    #[test]
    fn a_sentence_broken_after_each_comma_is_joined() {
        let notice = "電気料金の誤請求について\n\n先月、料金表を改めていたところ、\n請求システムの設定が不適切となっており、\n一部の契約者の料金を正しく計算できていませんでした。\n\n氏名\n住所\n";
        assert_eq!(
            texts(notice),
            [
                "電気料金の誤請求について",
                "先月、料金表を改めていたところ、請求システムの設定が不適切となっており、一部の契約者の料金を正しく計算できていませんでした。",
                "氏名",
                "住所",
            ]
        );
    }

    #[test]
    fn a_sentence_wrapped_across_a_blank_line_is_joined() {
        let notice = "(1) 発送手順の見直し\n\n   誤りが起きやすい箇所を明確にし、複数の職員による二重チェックの体制を\n\n         構築する。\n\n(2) 研修\n";
        assert_eq!(
            texts(notice),
            [
                "(1) 発送手順の見直し",
                "誤りが起きやすい箇所を明確にし、複数の職員による二重チェックの体制を構築する。",
                "(2) 研修"
            ]
        );
        // A salutation is no broken sentence.
        assert_eq!(
            texts("関係者の皆様へ\n\n職員が書類を紛失しました。\n").len(),
            2
        );
    }

    #[test]
    fn short_lines_and_paragraphs_are_not_joined() {
        let notice = "岩手労働局\n平成25年8月2日\nデジタルカメラの紛失について\n\n本日、職員がデジタルカメラを紛失したことが判明しました。\n";
        assert_eq!(
            texts(notice),
            [
                "岩手労働局",
                "平成25年8月2日",
                "デジタルカメラの紛失について",
                "本日、職員がデジタルカメラを紛失したことが判明しました。"
            ]
        );
        // A title that asks (…にご注意下さい) ends where it ends, even as wide
        // as the paragraph under it.
        let notice = "【重要】当会、当会の職員の名を使った不審な電子メールにご注意下さい
最近、北浜農業協会の名前や当会の職員の名前を含むメールが
会員の皆さまに発信されていることが確認されました。
";
        assert_eq!(
            texts(notice)[0],
            "【重要】当会、当会の職員の名を使った不審な電子メールにご注意下さい"
        );
    }
}
