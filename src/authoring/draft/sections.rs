//! A notice's sections, found by their headings whatever the numbering (`1`,
//! `１．`, `(1)`, `（１）`, `①`, `第１`, `■`, `【】`, `・`, or none), and
//! what each holds: the account (概要, 経緯), causes (原因), measures
//! (再発防止策, 今後の対策), the response (対応), the data affected, contacts.

use unicode_width::UnicodeWidthStr;

use super::lines::Line;
use super::marker::{Style, marker};

/// What a section holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Summary,
    Causes,
    Measures,
    Response,
    Data,
    Contact,
    /// 今後の対応: the measures, unless the notice has a 再発防止策 section too.
    Future,
    /// 発生日時, 発生年月日, 発生時期: the date of the incident.
    Occurred,
    /// 判明日, 発覚日: the date the organization learned of it.
    Discovered,
    /// 説明, 用語, 参考, Q&A, 関連リンク: page material that holds nothing for the case
    /// and ends the section before it.
    Aside,
    /// The sender's signature at the end (organization, title and name, date).
    Signature,
}

/// The kinds a heading names, from its words.
pub fn kinds_of(heading: &str) -> Vec<Kind> {
    let heading = heading.trim().trim_end_matches([':', '：']).trim_end();
    let has = |words: &[&str]| words.iter().any(|w| heading.contains(w));
    let short = heading.chars().count() <= 12;
    if has(&[
        "問い合わせ",
        "問合せ",
        "問合わせ",
        "相談窓口",
        "連絡先",
        "お問合",
    ]) {
        return vec![Kind::Contact];
    }
    // Labels of a date: 発生日時, 発生年月日, 発生時期; 判明日, 発覚日時, 把握日時.
    if short
        && has(&[
            "判明日",
            "発覚日",
            "判明年月日",
            "発覚年月日",
            "覚知日",
            "把握日",
            "認知日",
        ])
    {
        return vec![Kind::Discovered];
    }
    if short
        && (heading.starts_with(['発', '事'])
            && has(&["発生日", "発生年月日", "発生時期", "発生日時", "発生期間"])
            || matches!(
                heading,
                "送信日" | "送信日時" | "発送日" | "送付日" | "紛失日" | "盗難日" | "誤送信日"
            ))
    {
        return vec![Kind::Occurred];
    }
    if short
        && (matches!(
            heading,
            "説明"
                | "用語解説"
                | "用語の説明"
                | "参考"
                | "（参考）"
                | "(参考)"
                | "参考資料"
                | "注"
                | "注記"
                | "Q&A"
                | "Ｑ＆Ａ"
                | "QA"
                | "よくある質問"
                | "よくあるご質問"
                | "関連リンク"
                | "関連情報"
                | "関連ページ"
                | "関連記事"
                | "添付ファイル"
                | "報道提供資料"
                | "報道発表資料"
                | "このページの情報発信元"
                | "対象期間"
        ) || heading.starts_with("用語")
            // ランサムウェアとは: what a word means.
            || heading.ends_with("とは"))
    {
        return vec![Kind::Aside];
    }
    let mut kinds = Vec::new();
    let summary_label = short
        && matches!(
            heading,
            "事案"
                | "事象"
                | "内容"
                | "事案内容"
                | "発生場所"
                | "被害状況"
                | "判明契機"
                | "発覚契機"
        );
    if summary_label
        || has(&[
            "概要",
            "経緯",
            "経過",
            "事実関係",
            "事実内容",
            "事案の内容",
            "事故の内容",
            "発生状況",
            "事案について",
            "判明の経緯",
            "発覚の経緯",
        ]) && !has(&["公表", "時間を要した"])
    {
        kinds.push(Kind::Summary);
    }
    if has(&["原因"]) {
        kinds.push(Kind::Causes);
    }
    if has(&[
        "再発防止",
        "防止策",
        "防止対策",
        "今後の対策",
        "今後の取り組み",
        "今後の取組",
        "改善策",
        "セキュリティ対策",
        "安全対策",
        "安全管理措置",
    ]) || (short && matches!(heading, "対策" | "対策等" | "今後の措置" | "改善措置"))
    {
        kinds.push(Kind::Measures);
    } else if has(&["今後の対応"]) {
        kinds.push(Kind::Future);
    } else if has(&["対応", "措置", "対処"]) {
        kinds.push(Kind::Response);
    }
    let data_label = short
        && matches!(
            heading,
            "対象"
                | "対象者"
                | "対象件数"
                | "対象者数"
                | "件数"
                | "人数"
                | "漏えい件数"
                | "流出件数"
        )
        // 送信人数, 誤送付件数: how many it was (not 郵送件数, the whole
        // mailing of which some went wrong).
        || short
            && (heading.ends_with("人数") || heading.ends_with("件数"))
            && !heading.starts_with(['郵', '発'])
        // 対象世帯及び金額, 多く算定した件数及び金額(…): how many and
        // how much.
        || heading.chars().count() <= 24
            && has(&["件数", "人数", "世帯", "対象者"])
            && has(&["金額", "税額", "課税額"]);
    // 漏えいのおそれがある個人情報, 流出した可能性のある情報, 個人情報の項目.
    // A title (…について) or a sentence (…がありました) is no heading about the data.
    let title_like = [
        "について",
        "お知らせ",
        "お詫び",
        "おわび",
        "ご報告",
        "の件",
        "報）",
        "報)",
        "ました",
        "です",
        "ます",
    ]
    .iter()
    .any(|w| heading.ends_with(w));
    let about_data = has(&["情報", "データ"])
        && has(&[
            "漏えい",
            "漏洩",
            "流出",
            "対象",
            "おそれ",
            "可能性",
            "項目",
            "内容",
            "種類",
            "件数",
        ])
        && !title_like;
    if kinds.is_empty()
        && (data_label
            || about_data
            || has(&[
                "個人情報の内容",
                "情報の内容",
                "情報の項目",
                "漏えいした",
                "流出した",
                "漏洩した",
                "対象となった",
                "対象となる",
                "対象の個人情報",
                "紛失した個人情報",
                "閲覧可能となっていた",
                "閲覧できる状態であった情報",
                "お客様の情報",
                "お客さまの情報",
                "記録されていた情報",
                "記録された個人情報",
                "流出情報",
                "漏えい情報",
                "漏洩情報",
                "流出した情報",
                "漏えいの対象",
                "対象情報",
                "含まれる個人情報",
                "含まれていた個人情報",
            ]))
    {
        kinds.push(Kind::Data);
    }
    kinds
}

/// `再発防止策 教育委員会は…`, `発生原因：…`, `経 緯 令和5年に…`: a short label
/// that names a section, then that section's text on the same line. Returns
/// the label (letter spacing closed up) and the text.
pub fn label_and_text(rest: &str, colon_only: bool) -> Option<(String, &str)> {
    // Letter-spaced label: 経 緯 → 経緯 (single characters separated by spaces).
    let mut label = String::new();
    let mut at = 0;
    let mut words = rest.split(' ');
    let mut consumed = 0;
    while let Some(w) = words.clone().next() {
        if w.chars().count() == 1 && w.chars().all(|c| !c.is_ascii()) {
            label.push_str(w);
            consumed += w.len() + 1;
            words.next();
        } else {
            break;
        }
    }
    if label.chars().count() >= 2 && consumed < rest.len() {
        at = consumed;
    } else {
        label.clear();
    }
    let tail = &rest[at..];
    let (head, text) = if label.is_empty() {
        let cut = tail
            .char_indices()
            .find(|&(_, c)| c == '：' || c == ':' || (!colon_only && c == ' '))?;
        (
            &tail[..cut.0],
            tail[cut.0 + cut.1.len_utf8()..].trim_start_matches([' ', '\u{3000}']),
        )
    } else {
        ("", tail)
    };
    label.push_str(head);
    let n = label.chars().count();
    if !(2..=12).contains(&n) || label.contains(['、', '。', '，']) || text.trim().is_empty() {
        return None;
    }
    (!kinds_of(&label).is_empty()).then_some((label, text))
}

/// One line of a section: a list item (its marker removed) or a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Index into the notice's lines.
    pub line: usize,
    pub text: String,
    pub item: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Index of the heading line; None for the lines before the first heading.
    pub heading: Option<usize>,
    pub title: String,
    pub kinds: Vec<Kind>,
    pub blocks: Vec<Block>,
}

impl Section {
    pub fn is(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }
}

/// Where each of the notice's lines went: the section and the block of it
/// that hold the line (`None` for a heading line). One pass over the
/// sections, so that a reader going line by line never searches them.
pub fn owners(lines: usize, sections: &[Section]) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; lines];
    for (si, s) in sections.iter().enumerate() {
        for (bi, b) in s.blocks.iter().enumerate() {
            if let Some(slot) = out.get_mut(b.line) {
                *slot = Some((si, bi));
            }
        }
    }
    out
}

/// A notice's text read into lines and split into sections: what the tests
/// of the readers that take both start from.
#[cfg(test)]
pub(super) fn parse(text: &str) -> (Vec<Line>, Vec<Section>) {
    let ls = super::lines::read(text);
    let ss = split(&ls);
    (ls, ss)
}

/// A heading found on a line: its style, its title, and the text after it on
/// the same line (`5 再発防止策 教育委員会は…`), if any.
struct Heading<'a> {
    style: Style,
    title: String,
    text: Option<&'a str>,
}

/// The heading a line is or begins with.
fn heading_of<'a>(
    lines: &'a [Line],
    marks: &[Option<(Style, &'a str)>],
    i: usize,
) -> Option<Heading<'a>> {
    let line = lines[i].text.as_str();
    // 【原因】確認が… : a bracketed label before its text.
    if marks[i].is_none()
        && let Some(inner) = line.strip_prefix('【')
        && let Some((label, text)) = inner.split_once('】')
        && !text.trim().is_empty()
        && !kinds_of(label).is_empty()
    {
        return Some(Heading {
            style: Style::Lenticular,
            title: label.trim().to_string(),
            text: Some(text.trim()),
        });
    }
    let (style, rest) = marks[i].unwrap_or((Style::Plain, line));
    // A numbered or bulleted label may be followed by a space or a colon; a
    // bare one only by a colon (a sentence may open with a section word).
    let colon_only = style == Style::Plain;
    if let Some((label, text)) = label_and_text(rest, colon_only)
        && (style != Style::Plain || label.chars().count() <= 8)
    {
        return Some(Heading {
            style,
            title: label,
            text: Some(text),
        });
    }
    is_heading(lines, marks, i).then(|| Heading {
        style,
        title: rest.to_string(),
        text: None,
    })
}

/// Splits the notice's lines into sections.
pub fn split(lines: &[Line]) -> Vec<Section> {
    let marks: Vec<Option<(Style, &str)>> = lines.iter().map(|l| marker(&l.text)).collect();
    let mut levels: Vec<Style> = Vec::new();
    // (level, kinds) of the headings seen so far, to inherit from.
    let mut stack: Vec<(usize, Vec<Kind>)> = Vec::new();
    let mut sections = vec![Section {
        heading: None,
        title: String::new(),
        kinds: Vec::new(),
        blocks: Vec::new(),
    }];
    let signature = signature_start(lines);
    // The marker of a label heading with its text on its line (・原因:…),
    // whose next item of that marker is its sibling, not its content.
    let mut labelled: Option<Style> = None;
    for (i, line) in lines.iter().enumerate().take(signature) {
        let (_, rest) = marks[i].unwrap_or((Style::Plain, line.text.as_str()));
        let heading = heading_of(lines, &marks, i);
        if let Some((style, _)) = marks[i]
            && heading.is_none()
            && labelled == Some(style)
            && style != Style::Plain
        {
            labelled = None;
            let parent = stack.iter().rev().nth(1).map(|(_, k)| k.clone());
            stack.pop();
            sections.push(Section {
                heading: Some(i),
                title: super::marker::inner(rest).to_string(),
                kinds: parent.unwrap_or_default(),
                blocks: Vec::new(),
            });
            continue;
        }
        if let Some(h) = heading {
            labelled = h.text.is_some().then_some(h.style);
            let level = match levels.iter().position(|s| *s == h.style) {
                Some(l) => l,
                None => {
                    levels.push(h.style);
                    levels.len() - 1
                }
            };
            while stack.last().is_some_and(|(l, _)| *l >= level) {
                stack.pop();
            }
            let own = kinds_of(&h.title);
            let kinds = if own.is_empty() {
                stack.last().map(|(_, k)| k.clone()).unwrap_or_default()
            } else {
                own
            };
            stack.push((level, kinds.clone()));
            sections.push(Section {
                heading: Some(i),
                title: h.title,
                kinds,
                blocks: h
                    .text
                    .map(|t| Block {
                        line: i,
                        text: t.to_string(),
                        item: false,
                    })
                    .into_iter()
                    .collect(),
            });
            continue;
        }
        let item = marks[i].is_some_and(|(s, _)| match s {
            Style::Lenticular => false,
            Style::Square => square_list(&marks, i),
            _ => true,
        });
        let text = if item {
            super::marker::inner(rest)
        } else if marks[i].is_some_and(|(s, _)| s == Style::Square) {
            // ●…を徹底します。: a bullet is not part of the sentence.
            rest
        } else {
            line.text.as_str()
        };
        sections
            .last_mut()
            .expect("one section at least")
            .blocks
            .push(Block {
                line: i,
                text: text.to_string(),
                item,
            });
    }
    if signature < lines.len() {
        sections.push(Section {
            heading: None,
            title: String::new(),
            kinds: vec![Kind::Signature],
            blocks: (signature..lines.len())
                .map(|i| Block {
                    line: i,
                    text: lines[i].text.clone(),
                    item: false,
                })
                .collect(),
        });
    }
    // 今後の対応 holds the measures only when nothing else does.
    let has_measures = sections.iter().any(|s| s.is(Kind::Measures));
    for s in &mut sections {
        for k in &mut s.kinds {
            if *k == Kind::Future {
                *k = if has_measures {
                    Kind::Response
                } else {
                    Kind::Measures
                };
            }
        }
    }
    sections
}

/// Where the sender's signature begins: the run of short lines at the end
/// that are each a date, an organization, a department, a title with a name
/// or an address, with an organization or a title among them. `lines.len()`
/// when the notice ends otherwise.
fn signature_start(lines: &[Line]) -> usize {
    use super::organization::{department, organization_line, role_line};
    let mut start = lines.len();
    let mut named = false;
    for i in (0..lines.len()).rev() {
        let t = lines[i].text.as_str();
        if t.width() > 44 || t.contains('。') {
            break;
        }
        let org = organization_line(t).is_some() || role_line(t);
        let other = department(t.split(' ').next().unwrap_or(t))
            || super::date_line::signature_date_line(t).is_some()
            || [
                "法人名",
                "理事長名",
                "代表者名",
                "所在地",
                "住所",
                "名称",
                "担当",
                // A telephone line under the body's name.
                "TEL",
                "Tel",
                "ＴＥＬ",
                "電話",
            ]
            .iter()
            .any(|w| t.starts_with(w));
        if !(org || other) {
            break;
        }
        named |= org;
        start = i;
    }
    if named { start } else { lines.len() }
}

fn is_heading(lines: &[Line], marks: &[Option<(Style, &str)>], i: usize) -> bool {
    let text = lines[i].text.as_str();
    let (style, rest) = marks[i].unwrap_or((Style::Plain, text));
    let short =
        |limit: usize| rest.width() <= limit && !rest.ends_with(['。', '．']) && !rest.is_empty();
    let keyword = !kinds_of(rest).is_empty();
    if rest.starts_with(['Q', 'Ｑ', 'A', 'Ａ']) && !keyword {
        // Q1. …？ / A. … : a question and its answer, not headings.
        return false;
    }
    match style {
        Style::Lenticular => short(50),
        // ○ A / ○ B / ○ C: a list of its own style, not three headings.
        Style::Square => short(50) && (keyword || !square_list(marks, i)),
        Style::Bullet => keyword && short(30),
        Style::Plain => keyword && short(40) && !rest.contains('、'),
        _ => {
            if !short(44) {
                return false;
            }
            if keyword {
                return true;
            }
            // A short numbered line is a heading unless it sits in a list of its own style.
            let same = |j: usize| {
                marks
                    .get(j)
                    .copied()
                    .flatten()
                    .is_some_and(|(s, _)| s == style)
            };
            let next_same = same(i + 1);
            let prev_same_item =
                i > 0 && same(i - 1) && !is_heading_simple(marks, lines, i - 1, style);
            !next_same && !prev_same_item
        }
    }
}

/// A line marked ■ or ○ next to another of its mark that is not a
/// heading's keyword: items of a list.
fn square_list(marks: &[Option<(Style, &str)>], i: usize) -> bool {
    let square = |j: usize| {
        marks
            .get(j)
            .copied()
            .flatten()
            .is_some_and(|(s, rest)| s == Style::Square && kinds_of(rest).is_empty())
    };
    square(i) && ((i > 0 && square(i - 1)) || square(i + 1))
}

/// The previous line of the same style was a heading when content (not an item of its style) followed it.
fn is_heading_simple(
    marks: &[Option<(Style, &str)>],
    lines: &[Line],
    j: usize,
    style: Style,
) -> bool {
    let rest = marks[j].map(|(_, r)| r).unwrap_or(&lines[j].text);
    let short = rest.width() <= 44 && !rest.ends_with(['。', '．']);
    let next_same = marks
        .get(j + 1)
        .copied()
        .flatten()
        .is_some_and(|(s, _)| s == style);
    short && !next_same
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_of_every_numbering_style() {
        let table: &[(&str, Option<(Style, &str)>)] = &[
            ("1 概要", Some((Style::Arabic, "概要"))),
            ("１．経緯", Some((Style::Arabic, "経緯"))),
            (
                "1. 本件の概要及び原因",
                Some((Style::Arabic, "本件の概要及び原因")),
            ),
            ("2) 住所", Some((Style::ArabicParen, "住所"))),
            ("(1)紛失の態様", Some((Style::Paren, "紛失の態様"))),
            ("（２） 原因", Some((Style::Paren, "原因"))),
            ("⑴ 削除", Some((Style::Paren, "削除"))),
            ("① 同カメラには", Some((Style::Circled, "同カメラには"))),
            ("第１ 概要", Some((Style::Dai, "概要"))),
            ("第2 経緯", Some((Style::Dai, "経緯"))),
            ("第三 再発防止策", Some((Style::Dai, "再発防止策"))),
            ("■再発防止策", Some((Style::Square, "再発防止策"))),
            ("【概要】", Some((Style::Lenticular, "概要"))),
            (
                "≪ランサムウェアとは≫",
                Some((Style::Lenticular, "ランサムウェアとは")),
            ),
            ("・氏名", Some((Style::Bullet, "氏名"))),
            ("ア 住宅名", Some((Style::Katakana, "住宅名"))),
            ("(イ) 監査", Some((Style::KanaParen, "監査"))),
            ("2024年8月7日", None),
            ("10月13日に判明", None),
            ("1,284人", None),
            ("3.5%", None),
            ("(株)大阪", None),
            ("第2報", None),
            ("アクセス制御", None),
            ("【対象】下記の方", None),
        ];
        for (line, want) in table {
            assert_eq!(marker(line), *want, "{line}");
        }
    }

    #[test]
    fn headings_map_to_what_they_hold() {
        use Kind::*;
        let table: &[(&str, &[Kind])] = &[
            ("概要", &[Summary]),
            ("事案の概要", &[Summary]),
            ("発生の経緯", &[Summary]),
            ("概要と事実経過", &[Summary]),
            ("事実内容", &[Summary]),
            ("原因", &[Causes]),
            ("発生原因", &[Causes]),
            ("本件の概要及び原因", &[Summary, Causes]),
            (
                "本事案が発生した原因と再発防止に向けて",
                &[Causes, Measures],
            ),
            ("再発防止策", &[Measures]),
            ("今後の対策", &[Measures]),
            ("防止策", &[Measures]),
            ("再発防止に向けた取り組み", &[Measures]),
            ("再発防止のための対応", &[Measures]),
            ("今後の対応", &[Future]),
            ("事案発生後の対応", &[Response]),
            ("対応", &[Response]),
            ("学校の対応", &[Response]),
            ("流出した個人情報", &[Data]),
            ("ランサムウェアとは", &[Aside]),
            ("個人情報の種類及び件数", &[Data]),
            ("送信人数", &[Data]),
            ("郵送件数", &[]),
            // How many and how much (a billing error's figures); the period
            // of the records is an aside.
            ("多く算定した件数及び金額(被保険者数)", &[Data]),
            ("対象世帯及び金額", &[Data]),
            ("課税誤りの人数・課税額", &[Data]),
            ("対象期間", &[Aside]),
            ("対象者と金額", &[Data]),
            ("個人情報の内容", &[Data]),
            ("お問い合わせ先", &[Contact]),
            ("本事案の公表までに時間を要した経緯", &[]),
            ("二次被害又はそのおそれの有無及びその内容", &[]),
        ];
        for (heading, want) in table {
            assert_eq!(kinds_of(heading), *want, "{heading}");
        }
    }

    fn lines(text: &str) -> Vec<Line> {
        super::super::lines::read(text)
    }

    fn outline(text: &str) -> Vec<(String, Vec<Kind>, Vec<String>)> {
        split(&lines(text))
            .into_iter()
            .map(|s| {
                (
                    s.title,
                    s.kinds,
                    s.blocks.into_iter().map(|b| b.text).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn the_item_after_a_label_with_its_text_is_its_sibling() {
        use Kind::*;
        let got = outline(
            "経緯\n・原因:業務外のサイトを閲覧したためと考えられる。\n・被害の状況\n  調査中です。\n",
        );
        assert_eq!(
            got,
            vec![
                ("".into(), vec![], vec![]),
                ("経緯".into(), vec![Summary], vec![]),
                (
                    "原因".into(),
                    vec![Causes],
                    vec!["業務外のサイトを閲覧したためと考えられる。".into()]
                ),
                (
                    "被害の状況".into(),
                    vec![Summary],
                    vec!["調査中です。".into()]
                ),
            ]
        );
    }

    #[test]
    fn sections_and_their_items() {
        use Kind::*;
        let notice = "\
お知らせ
1 概要
(1) 発生の状況
職員がUSBメモリーを紛失しました。
(2) 紛失した情報
ア 氏名
イ 住所
2 原因
持ち出しの手続が守られていなかったため。
3 再発防止策
(1) 持ち出しを許可制とします。
(2) 媒体を暗号化します。
4 お問い合わせ先
総務課
";
        let got = outline(notice);
        let want: Vec<(String, Vec<Kind>, Vec<String>)> = vec![
            ("".into(), vec![], vec!["お知らせ".into()]),
            ("概要".into(), vec![Summary], vec![]),
            (
                "発生の状況".into(),
                vec![Summary],
                vec!["職員がUSBメモリーを紛失しました。".into()],
            ),
            (
                "紛失した情報".into(),
                vec![Summary],
                vec!["氏名".into(), "住所".into()],
            ),
            (
                "原因".into(),
                vec![Causes],
                vec!["持ち出しの手続が守られていなかったため。".into()],
            ),
            (
                "再発防止策".into(),
                vec![Measures],
                vec![
                    "持ち出しを許可制とします。".into(),
                    "媒体を暗号化します。".into(),
                ],
            ),
            (
                "お問い合わせ先".into(),
                vec![Contact],
                vec!["総務課".into()],
            ),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_list_of_round_bullets_is_items_not_headings() {
        let got = outline(
            "3 県の対応\n○リンクの削除を依頼\n○県民への注意喚起\n○庁内へ注意点を改めて周知徹底\n■概要\n紛失しました。\n",
        );
        assert_eq!(got[1].0, "県の対応");
        assert_eq!(
            got[1].2,
            [
                "リンクの削除を依頼",
                "県民への注意喚起",
                "庁内へ注意点を改めて周知徹底"
            ]
        );
        // One marked line followed by its text is still a heading.
        assert_eq!(got[2].0, "概要");
    }

    #[test]
    fn future_response_is_the_measures_only_without_a_measures_section() {
        let alone = outline("1 概要\n紛失しました。\n2 今後の対応\n管理を徹底します。\n");
        assert_eq!(alone[2].1, [Kind::Measures]);
        let both = outline("1 今後の対応\n捜索を続けます。\n2 再発防止策\n管理を徹底します。\n");
        assert_eq!(both[1].1, [Kind::Response]);
        assert_eq!(both[2].1, [Kind::Measures]);
    }

    #[test]
    fn headings_in_other_shapes() {
        use Kind::*;
        let notice = "■概要\n紛失しました。\n【原因】\n確認不足です。\n第３ 再発防止策\n・二重確認を行います。\n経緯\n昨日判明しました。\n";
        let kinds: Vec<Vec<Kind>> = outline(notice).into_iter().map(|s| s.1).collect();
        assert_eq!(
            kinds,
            [
                vec![],
                vec![Summary],
                vec![Causes],
                vec![Measures],
                vec![Summary]
            ]
        );
    }
}
