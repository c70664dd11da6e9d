//! The organization that issued a notice: the heading and signature lines
//! that name it (a department or a title is not the organization), the legal
//! forms and places its name may carry, and the sector its name suggests.

use std::sync::LazyLock;

use regex::Regex;
use unicode_width::UnicodeWidthStr;

use super::header::{EDGE, Fact, edges};
use super::lines::Line;

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
pub(super) fn department(name: &str) -> bool {
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

/// Titles of the person who signs a notice.
const ROLES: &[&str] = &[
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
    "教育長",
    "病院長",
    "所長",
    "センター長",
    "支部長",
    "頭取",
    "総長",
];

/// A signature's person line: 代表取締役社長 山田太郎, 市長 稲村和美, 院長 新甲 靖.
pub fn role_line(text: &str) -> bool {
    let t = text.trim();
    t.width() <= 40
        && !t.contains(['、', '。'])
        && ROLES
            .iter()
            .any(|r| t.starts_with(r) || t.split(' ').any(|w| w.ends_with(r)))
}

/// A heading or signature line that names the organization; the name.
pub fn organization_line(text: &str) -> Option<&str> {
    let t = text.trim();
    if t.ends_with(['。', '．']) || t.width() > 50 {
        return None;
    }
    // A person's line: 代表取締役社長 山田太郎, 市長 稲村和美.
    if role_line(t) {
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
    use super::super::header::title;
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        super::super::lines::read(text)
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
    fn sectors_suggested_by_names() {
        assert_eq!(sector_hint("気仙沼市立病院"), Some("healthcare"));
        assert_eq!(sector_hint("尼崎市"), Some("local-government"));
        assert_eq!(sector_hint("大阪市水道局"), Some("local-government"));
        assert_eq!(sector_hint("岩手労働局"), Some("government"));
        assert_eq!(sector_hint("株式会社サンプル"), None);
    }
}
