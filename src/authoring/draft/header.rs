//! The notice's own title, the organization that issued it, the date it was
//! published and its address: from the heading and signature lines.

use std::sync::LazyLock;

use regex::Regex;
use unicode_width::UnicodeWidthStr;

use super::dates;
use super::lines::Line;
use crate::model::PartialDate;

/// A value found in the notice, with the lines it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact<T> {
    pub value: T,
    /// Indices into the notice's lines.
    pub lines: Vec<usize>,
    /// The words of the notice it was read from.
    pub quote: String,
}

/// How many lines at the top and at the bottom hold headings and signatures.
const EDGE: usize = 8;

fn edges(lines: &[Line]) -> impl Iterator<Item = usize> + '_ {
    let n = lines.len();
    (0..n.min(EDGE)).chain(n.saturating_sub(EDGE).max(EDGE.min(n))..n)
}

/// Whether a line is a date and nothing else (`令和6年6月17日`, `[2011年10月17日]`,
/// `平成23年10月17日 14時発表`, `公表日：2024/5/22`).
pub fn date_line(text: &str) -> Option<dates::Found> {
    let found = dates::find(text, None);
    let first = found.first()?.clone();
    let mut rest = String::new();
    rest.push_str(&text[..first.start]);
    rest.push_str(&text[first.end..]);
    let (rest, _) = dates::fold(&rest);
    let leftover: String = rest
        .chars()
        .filter(|c| !c.is_ascii_digit() && !" []()（）［］【】:：・/.,、".contains(*c))
        .collect();
    let leftover = [
        "発表", "公表", "更新", "掲載", "公開", "作成", "日付", "最終", "時", "分", "日", "付",
        "版",
    ]
    .iter()
    .fold(leftover, |s, w| s.replace(w, ""));
    (found.len() == 1 && leftover.is_empty() && first.date.day.is_some()).then_some(first)
}

/// The notice's own date: a line that is only a date at the top or the bottom,
/// else a date closing the first (heading) line. Dates inside sentences (an
/// earlier report the notice mentions) never count.
pub fn published(lines: &[Line]) -> Option<Fact<PartialDate>> {
    for i in edges(lines) {
        if let Some(f) = date_line(&lines[i].text) {
            return Some(Fact {
                value: f.date,
                lines: vec![i],
                quote: f.text,
            });
        }
    }
    // `【...】組織 表題 2024/8/7`: a heading line that ends with its date.
    let first = lines.first()?;
    let found = dates::find(&first.text, None);
    let last = found.last()?;
    let tail = first.text[last.end..].trim();
    (last.date.day.is_some() && tail.is_empty() && !first.text.ends_with('。')).then(|| Fact {
        value: last.date,
        lines: vec![0],
        quote: last.text.clone(),
    })
}

/// The title line: near the top, not a date, an organization or a sentence;
/// one that reads like a notice's title (…について, …お詫び) is preferred.
/// Returns the title and, when the line began with the organization's name
/// (`気仙沼市 市立病院における…`), that name.
pub fn title(lines: &[Line], first_heading: usize) -> Option<(Fact<String>, Option<Fact<String>>)> {
    let top = first_heading.min(EDGE).min(lines.len());
    let mut best: Option<(usize, usize)> = None; // (score, index)
    for (i, line) in lines.iter().enumerate().take(top) {
        let t = line.text.as_str();
        if t.ends_with(['。', '．']) || date_line(t).is_some() || t.width() < 12 || t.width() > 240
        {
            continue;
        }
        if organization_line(t).is_some() {
            continue;
        }
        let ends = [
            "について",
            "お詫び",
            "おわび",
            "お知らせ",
            "ご報告",
            "報告",
            "発表",
            "の件",
            "ご案内",
            "報）",
            "報)",
            "（指導及び要請）",
            "(指導及び要請)",
        ];
        let stripped = strip_edges(t).0;
        let score = if ends.iter().any(|e| stripped.ends_with(e)) {
            3
        } else if !t.contains('、') {
            2
        } else {
            1
        };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    let (_, i) = best?;
    let (text, org) = strip_edges(&lines[i].text);
    let title = Fact {
        value: text.to_string(),
        lines: vec![i],
        quote: lines[i].text.clone(),
    };
    let org = org.map(|o| Fact {
        value: o.to_string(),
        lines: vec![i],
        quote: lines[i].text.clone(),
    });
    Some((title, org))
}

/// Removes an archive label (`【セキュリティ事件簿#…】`), a leading organization
/// name followed by a space, and a trailing date from a heading line.
fn strip_edges(t: &str) -> (&str, Option<&str>) {
    let mut t = t.trim();
    if t.starts_with('【')
        && let Some(end) = t.find('】')
    {
        let after = t[end + '】'.len_utf8()..].trim();
        if after.width() >= 10 {
            t = after;
        }
    }
    if let Some(last) = dates::find(t, None).last()
        && t[last.end..].trim().is_empty()
        && last.start > 0
    {
        t = t[..last.start].trim_end();
    }
    // 組織名 表題: the first word is an organization and the rest is the title.
    let mut org = None;
    if let Some((head, rest)) = t.split_once(' ') {
        let mut head_end = head.len();
        let mut rest = rest;
        // 株式会社BANDAI SPIRITS: Latin words continue a Latin name.
        if head.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            while let Some((word, more)) = rest.split_once(' ') {
                if word
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '&' || c == '.')
                {
                    head_end += 1 + word.len();
                    rest = more;
                } else {
                    break;
                }
            }
        }
        let head = &t[..head_end];
        if organization_name(head) && rest.width() >= 10 {
            org = Some(head);
            t = rest.trim();
        }
    }
    (t, org)
}

const ORG_PREFIXES: &[&str] = &[
    "株式会社",
    "有限会社",
    "合同会社",
    "(株)",
    "（株）",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "学校法人",
    "医療法人",
    "社会福祉法人",
    "独立行政法人",
    "国立大学法人",
    "地方独立行政法人",
    "国立研究開発法人",
    "特定非営利活動法人",
];
const ORG_SUFFIXES: &[&str] = &[
    "株式会社",
    "有限会社",
    "合同会社",
    "(株)",
    "（株）",
    "市",
    "区",
    "町",
    "村",
    "県",
    "都",
    "府",
    "道",
    "省",
    "庁",
    "大学",
    "学園",
    "学校",
    "高等学校",
    "中学校",
    "小学校",
    "病院",
    "医療センター",
    "機構",
    "協会",
    "銀行",
    "信用金庫",
    "信用組合",
    "組合",
    "公社",
    "公団",
    "法人",
    "研究所",
    "委員会",
    "財団",
    "Inc.",
    "Co., Ltd.",
    "Corporation",
    "ホールディングス",
    "グループ",
];
const PREFECTURES: &[&str] = &[
    "北海道",
    "青森",
    "岩手",
    "宮城",
    "秋田",
    "山形",
    "福島",
    "茨城",
    "栃木",
    "群馬",
    "埼玉",
    "千葉",
    "東京",
    "神奈川",
    "新潟",
    "富山",
    "石川",
    "福井",
    "山梨",
    "長野",
    "岐阜",
    "静岡",
    "愛知",
    "三重",
    "滋賀",
    "京都",
    "大阪",
    "兵庫",
    "奈良",
    "和歌山",
    "鳥取",
    "島根",
    "岡山",
    "広島",
    "山口",
    "徳島",
    "香川",
    "愛媛",
    "高知",
    "福岡",
    "佐賀",
    "長崎",
    "熊本",
    "大分",
    "宮崎",
    "鹿児島",
    "沖縄",
    "関東",
    "東北",
    "近畿",
    "中部",
    "九州",
    "中国",
    "四国",
    "北陸",
];

/// A department of an organization (総務局, 職業対策課, 広報室), not the organization.
fn department(name: &str) -> bool {
    let ends = [
        "部",
        "課",
        "室",
        "係",
        "グループ",
        "チーム",
        "担当",
        "本部",
        "事務局",
        "窓口",
    ];
    if ends.iter().any(|e| name.ends_with(e)) {
        return true;
    }
    // A bureau is an organization when it is a place's (岩手労働局, 大阪市水道局).
    name.ends_with('局')
        && !PREFECTURES.iter().any(|p| name.contains(p))
        && !name.contains(['市', '県', '都', '府', '町', '村', '区'])
}

/// Whether a word names an organization (and not a department or a person).
pub fn organization_name(name: &str) -> bool {
    let n = name.trim();
    let chars = n.chars().count();
    if !(2..=30).contains(&chars)
        || n.contains(['、', '。', ' ']) && !n.starts_with("株式会社") && !n.contains("(株)")
    {
        return false;
    }
    if department(n) {
        return false;
    }
    if n.ends_with('局') {
        return true;
    }
    ORG_PREFIXES
        .iter()
        .any(|p| n.starts_with(p) && n.len() > p.len())
        || ORG_SUFFIXES
            .iter()
            .any(|s| n.ends_with(s) && n.len() > s.len())
}

/// A heading or signature line that names the organization; the name.
pub fn organization_line(text: &str) -> Option<&str> {
    let t = text.trim();
    if t.ends_with(['。', '．']) || t.width() > 50 {
        return None;
    }
    // A person's line: 代表取締役社長 山田太郎, 市長 稲村和美.
    let roles = [
        "代表取締役",
        "取締役",
        "社長",
        "市長",
        "町長",
        "村長",
        "知事",
        "理事長",
        "学長",
        "院長",
        "局長",
        "校長",
        "会長",
        "代表者",
        "執行役",
    ];
    if roles
        .iter()
        .any(|r| t.starts_with(r) || t.split(' ').any(|w| w.ends_with(r)))
    {
        return None;
    }
    let first = t.split(' ').next()?;
    // 株式会社サンプル 総務部: the organization before its department.
    let name = if organization_name(t) { t } else { first };
    organization_name(name).then_some(name)
}

static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:この度、|このたび、|本日、)?([^、。「」\s]{2,30}?)(?:\(|（|では、|は、|において|におきまして|が発表|は発表)")
        .expect("valid")
});
static ANNOUNCER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([^\s、。「」]{2,20}?)(?:が発表|は発表)").expect("valid"));

/// The organization: a heading or signature line, else the name that opens
/// the title line, else the announcer of a news headline, else the subject of
/// the notice's first sentences.
pub fn organization(
    lines: &[Line],
    title: Option<&(Fact<String>, Option<Fact<String>>)>,
) -> Option<Fact<String>> {
    let fact = |i: usize, name: &str| Fact {
        value: name.to_string(),
        lines: vec![i],
        quote: lines[i].text.clone(),
    };
    if let Some((_, Some(org))) = title {
        return Some(org.clone());
    }
    let title_line = title.map(|(t, _)| t.lines[0]);
    for i in edges(lines) {
        if Some(i) == title_line {
            continue;
        }
        if let Some(name) = organization_line(&lines[i].text) {
            return Some(fact(i, name));
        }
    }
    if let Some(i) = title_line
        && let Some(c) = ANNOUNCER.captures(&lines[i].text)
    {
        let name = c[1].rsplit(' ').next().unwrap_or(&c[1]);
        if organization_name(name) {
            return Some(fact(i, name));
        }
    }
    for (i, line) in lines.iter().enumerate().take(EDGE * 2) {
        if Some(i) == title_line {
            continue;
        }
        for sentence in line.text.split('。').take(2) {
            if let Some(c) = SUBJECT.captures(sentence) {
                let name = strip_place(&c[1]);
                if organization_name(name) && !name.starts_with(['当', '弊', '本']) {
                    return Some(fact(i, name));
                }
            }
        }
    }
    None
}

/// `兵庫県尼崎市` → `尼崎市`: a municipality is named without its prefecture.
fn strip_place(name: &str) -> &str {
    for p in PREFECTURES {
        for suffix in ["県", "府", "都", ""] {
            let prefix = format!("{p}{suffix}");
            if let Some(rest) = name.strip_prefix(prefix.as_str())
                && rest.chars().count() >= 2
                && (rest.ends_with('市') || rest.ends_with('町') || rest.ends_with('村'))
            {
                return rest;
            }
        }
    }
    name
}

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"https?://[^\s　)）」』>\]]+").expect("valid"));

/// Web addresses in the notice, each once, with the line they appear on.
pub fn urls(lines: &[Line]) -> Vec<Fact<String>> {
    let mut out: Vec<Fact<String>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        for m in URL.find_iter(&line.text) {
            let url = m.as_str().trim_end_matches(['.', '。', '、', ',']);
            if !out.iter().any(|f| f.value == url) {
                out.push(Fact {
                    value: url.to_string(),
                    lines: vec![i],
                    quote: url.to_string(),
                });
            }
        }
    }
    out
}

/// A sector the organization's name suggests, for the author to confirm.
pub fn sector_hint(org: &str) -> Option<&'static str> {
    let has = |ws: &[&str]| ws.iter().any(|w| org.contains(w));
    let ends = |ws: &[&str]| ws.iter().any(|w| org.ends_with(w));
    if has(&["病院", "クリニック", "医療センター", "診療所", "医院"]) {
        Some("healthcare")
    } else if has(&["大学", "学校", "学園", "高校", "教育委員会"]) {
        Some("education")
    } else if has(&["省", "庁", "労働局", "運輸局", "国税局", "法務局", "整備局"])
    {
        Some("government")
    } else if ends(&["市", "区", "町", "村", "県", "都", "府", "道"])
        || org.contains("水道局")
        || org.contains("市") && org.ends_with('局')
    {
        Some("local-government")
    } else if has(&["銀行", "信用金庫", "証券", "保険", "信用組合", "カード"]) {
        Some("finance")
    } else if has(&["電力", "ガス", "エネルギー"]) {
        Some("energy")
    } else if has(&["運輸", "物流", "急便", "運送", "郵便"]) {
        Some("logistics")
    } else if has(&["通信", "テレコム", "モバイル"]) {
        Some("telecom")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        super::super::lines::read(text)
    }

    #[test]
    fn the_published_date_is_the_notices_own_dated_line() {
        let table: &[(&str, Option<&str>)] = &[
            (
                "令和6年6月17日\n群馬県\n個人情報の不正使用について\n本文です。",
                Some("2024-06-17"),
            ),
            (
                "お知らせ\n[2011年10月17日]\n平成23年10月17日 14時発表\n本文。",
                Some("2011-10-17"),
            ),
            (
                "表題について\n本文です。\n\n2025年2月10日\n株式会社サンプル",
                Some("2025-02-10"),
            ),
            (
                "【事件簿#1】組織 表題について 2024/8/7\n本文。",
                Some("2024-08-07"),
            ),
            // An earlier report mentioned in a sentence is not the notice's date.
            (
                "個人情報漏えいについて（第2報）\n2024年5月1日に公表しました件の続報です。",
                None,
            ),
            (
                "公表日：令和６年５月２２日（水）\n表題について",
                Some("2024-05-22"),
            ),
            ("4月21日午後1時現在\n表題について", None),
        ];
        for (text, want) in table {
            let got = published(&lines(text)).map(|f| f.value.to_string());
            assert_eq!(got.as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn organizations_from_heading_and_signature_lines() {
        let table: &[(&str, Option<&str>)] = &[
            (
                "2025年2月10日\n株式会社サンプル\n代表取締役社長 山田太郎\n表題について",
                Some("株式会社サンプル"),
            ),
            (
                "岩 手 労 働 局\n平成25年8月2日\n表題について",
                Some("岩手労働局"),
            ),
            (
                "総務局\n表題について\n大阪市では、本日発表しました。",
                Some("大阪市"),
            ),
            (
                "表題について\n経済戦略局文化部文化課\n大阪市経済戦略局では、調査しました。",
                Some("大阪市経済戦略局"),
            ),
            (
                "【事件簿#1】株式会社BANDAI SPIRITS 「会員」情報の漏えいについて 2024/6/11",
                Some("株式会社BANDAI SPIRITS"),
            ),
            (
                "【事件簿#2】総務省 NAVER Corporation への提供について 2023年8月30日",
                Some("総務省"),
            ),
            (
                "全市民の個人情報入ったUSBを紛失 兵庫 尼崎市が発表\n本文。",
                Some("尼崎市"),
            ),
            (
                "表題について\n兵庫県尼崎市は、USBメモリーを紛失したと発表しました。",
                Some("尼崎市"),
            ),
            ("表題について\n当社は、お詫び申し上げます。", None),
            ("表題について\n代表取締役 山田太郎", None),
        ];
        for (text, want) in table {
            let ls = lines(text);
            let t = title(&ls, ls.len());
            let got = organization(&ls, t.as_ref()).map(|f| f.value);
            assert_eq!(got.as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn titles_without_archive_labels_names_or_dates() {
        let table: &[(&str, &str)] = &[
            (
                "岩手労働局\n平成25年8月2日\nデジタルカメラの紛失について\n本文。",
                "デジタルカメラの紛失について",
            ),
            (
                "【事件簿#2024-350】気仙沼市 市立病院における個人データの漏えいのおそれについて  2024/8/7",
                "市立病院における個人データの漏えいのおそれについて",
            ),
            (
                "【重要】個人情報漏えいに関するお詫びとお知らせ\n2024年1月1日",
                "個人情報漏えいに関するお詫びとお知らせ",
            ),
            (
                "全市民の個人情報入ったUSBを紛失 兵庫 尼崎市が発表\n本文。",
                "全市民の個人情報入ったUSBを紛失 兵庫 尼崎市が発表",
            ),
        ];
        for (text, want) in table {
            let ls = lines(text);
            let (t, _) = title(&ls, ls.len()).unwrap();
            assert_eq!(t.value, *want, "{text}");
        }
    }

    #[test]
    fn sectors_suggested_by_names() {
        assert_eq!(sector_hint("気仙沼市立病院"), Some("healthcare"));
        assert_eq!(sector_hint("尼崎市"), Some("local-government"));
        assert_eq!(sector_hint("大阪市水道局"), Some("local-government"));
        assert_eq!(sector_hint("岩手労働局"), Some("government"));
        assert_eq!(sector_hint("株式会社サンプル"), None);
    }
}
