//! The organization that issued a notice: the heading and signature lines
//! that name it (a department or a title is not the organization), the legal
//! forms and places its name may carry, and the sector its name suggests.

use unicode_width::UnicodeWidthStr;

pub(super) const ORG_PREFIXES: &[&str] = &[
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
    "認定特定非営利活動法人",
    "認定NPO法人",
    "NPO法人",
    "社会医療法人",
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
    "分院",
    "分校",
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
    "学会",
    "連盟",
    "医師会",
    "法人会",
    "協議会",
    "広域連合",
    "連合会",
    "事務組合",
    "事業団",
    "振興会",
    "公庫",
    "共済会",
    "商工会",
    "会議所",
    "クリニック",
    "診療所",
    "医院",
    "幼稚園",
    "保育園",
    "こども園",
    "高校",
    "短期大学",
    "センター",
    "Inc.",
    "Co., Ltd.",
    "Corporation",
    "ホールディングス",
    "グループ",
];
pub(super) const PREFECTURES: &[&str] = &[
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
    // A bureau is an organization when it is a place's (岩手労働局, 大阪市水道局);
    // 都市整備局 and 市民局 name no place.
    if !name.ends_with('局') {
        return false;
    }
    let place = [
        "都市", "市民", "県民", "都民", "府民", "区民", "町民", "村民",
    ]
    .iter()
    .fold(name.to_string(), |n, w| n.replace(w, ""));
    !PREFECTURES.iter().any(|p| place.contains(p))
        && !place.contains(['市', '県', '都', '府', '町', '村', '区'])
}

/// Whether a word names an organization (and not a department or a person).
pub fn organization_name(name: &str) -> bool {
    let n = name.trim();
    let chars = n.chars().count();
    // ※一般社団法人: a note's mark, not a name's first character.
    if n.starts_with(|c: char| "※＊*・●○〇◎■□◆◇".contains(c)) {
        return false;
    }
    // 注意喚起(当協会: a bracket opened and not closed, not a name.
    if crate::text::bracket_depth(n) != 0 {
        return false;
    }
    // 独立行政法人, 株式会社: a legal form alone.
    if ORG_PREFIXES.contains(&n) {
        return false;
    }
    // 交付申請のあった2法人: a clause, not a name.
    if [
        "のあった",
        "した",
        "する",
        "された",
        "による",
        "に係る",
        "における",
        "に対し",
    ]
    .iter()
    .any(|w| n.contains(w))
    {
        return false;
    }
    // 中学校, 病院: a kind of body, not a name.
    if ORG_SUFFIXES.contains(&n) || ["高校", "大学院", "センター", "事務局"].contains(&n)
    {
        return false;
    }
    // 2法人, ３社: a count of bodies, not one (21世紀職業財団 is one).
    let counted = n.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if counted.len() < n.len() && counted.chars().count() <= 3 {
        return false;
    }
    // 水道 ends like 北海道, the only 道.
    if n.ends_with('道') && !n.contains("北海道") {
        return false;
    }
    // 都市(計画税), 政令指定都市: the word for a city, not one (京都市 and
    // 西都市 are the municipalities whose names end so).
    if n.ends_with("都市") && !n.ends_with("京都市") && !n.ends_with("西都市") {
        return false;
    }
    // 不都(合), 首都: 東京都 is the only body whose name ends in 都.
    if n.ends_with('都') && !n.ends_with("東京都") {
        return false;
    }
    // 調査区, 学区, 選挙区: areas, not wards; 中央区市(民課): a ward and a department.
    if area(n) || ["区市", "町市", "村市"].iter().any(|w| n.ends_with(w)) {
        return false;
    }
    // Y病院, A社, Ｂ小学校: a body the notice does not name.
    let mut letters = n.chars();
    if letters
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || ('Ａ'..='Ｚ').contains(&c))
        && letters.next().is_some_and(|c| !c.is_ascii_alphanumeric())
    {
        return false;
    }
    if !(2..=30).contains(&chars)
        || n.contains(['、', '。', ' ']) && !n.starts_with("株式会社") && !n.contains("(株)")
    {
        return false;
    }
    // 株式会社エイチーム is a company, whatever its name ends with.
    let legal = ORG_PREFIXES
        .iter()
        .any(|p| n.starts_with(p) && n.len() > p.len());
    if (department(n) && !legal) || bare_reference(n) {
        return false;
    }
    // 認可保育所及び認定こども園, 私立幼稚園: kinds of bodies, two or one,
    // not a body's name; 平成30年度北浜県…: a year's survey, not a body.
    if ["及び", "および", "並びに"].iter().any(|w| n.contains(w))
        || ["私立", "認可", "公立", "民間", "各"].iter().any(|p| {
            n.strip_prefix(p)
                .is_some_and(|kind| ORG_SUFFIXES.contains(&kind) || kind.chars().count() <= 3)
        })
        || n.starts_with(['平', '令', '昭']) && n.contains("年度")
        || n.ends_with("グループ社")
    {
        return false;
    }
    // 市町, 市区町村: the kinds of local government, none of them by name.
    if n.chars().all(|c| "都道府県市区町村".contains(c)) {
        return false;
    }
    if n.ends_with('局') {
        return true;
    }
    // 沖縄タイムス社, 新聞社: a company named with 社 (not 当社, 本社, 会社).
    if n.ends_with('社')
        && chars >= 4
        && ![
            "当社", "弊社", "本社", "会社", "各社", "同社", "自社", "他社", "貴社", "御社", "支社",
        ]
        .iter()
        .any(|w| n.ends_with(w))
    {
        return true;
    }
    ORG_PREFIXES
        .iter()
        .any(|p| n.starts_with(p) && n.len() > p.len())
        || ORG_SUFFIXES
            .iter()
            .any(|s| n.ends_with(s) && n.len() > s.len())
}

/// A name as the drafter writes it: without a label before it (【注意喚起】),
/// the first of two bodies that sign together (…保勝会・横浜俳話会); `None` when
/// what is left is no name (学会).
pub fn tidy(name: &str) -> Option<String> {
    let n = name.trim();
    // 提供課等:教育委員会: a page's label, then the body.
    if let Some((label, rest)) = n.split_once([':', '：'])
        && label.chars().count() <= 6
        && !rest.trim().is_empty()
    {
        return tidy(rest);
    }
    if n.starts_with('【')
        && let Some(end) = n.find('】')
    {
        let rest = n[end + '】'.len_utf8()..].trim();
        return organization_name(rest).then(|| rest.to_string());
    }
    // Each side ends as a body's name does (…保勝会・横浜俳話会); not a name
    // with a ・ inside it (茅ヶ崎市文化・スポーツ振興財団).
    let ends_as_name = |x: &str| {
        x.chars().count() >= 3
            && (ORG_SUFFIXES
                .iter()
                .any(|s| x.ends_with(s) && x.len() > s.len())
                || x.ends_with('会'))
    };
    if let Some((first, second)) = n.split_once('・')
        && ends_as_name(first)
        && ends_as_name(second)
    {
        return Some(first.to_string());
    }
    Some(n.to_string())
}

/// A municipality's school or nursery named by its kind only (江戸川区立小学校,
/// 中之条町立の学校): the municipality (江戸川区), which runs it.
pub fn unnamed_school(name: &str) -> Option<&str> {
    let (place, kind) = name.split_once('立')?;
    let kind = kind.strip_prefix('の').unwrap_or(kind);
    let municipal = place.chars().count() >= 2 && place.ends_with(['市', '区', '町', '村']);
    let bare = [
        "小学校",
        "中学校",
        "学校",
        "小・中学校",
        "小中学校",
        "高校",
        "高等学校",
        "義務教育学校",
        "特別支援学校",
        "幼稚園",
        "保育園",
        "保育所",
        "こども園",
        "認定こども園",
    ]
    .contains(&kind);
    (municipal && bare).then_some(place)
}

/// 調査区, 担当地区, 学区, 選挙区: an area, not a ward or a municipality.
pub fn area(name: &str) -> bool {
    ["調査区", "地区", "学区", "校区", "選挙区"]
        .iter()
        .any(|a| name.ends_with(a))
}

/// 県教育委員会, 市立小学校, 本学: a body named only by the kind of place that
/// runs it (the notice's own prefecture or city), not a name.
pub fn bare_reference(n: &str) -> bool {
    let mut chars = n.chars();
    let first = chars.next();
    let rest = chars.as_str();
    // 実際に当商工会: the notice's own word after a particle.
    let all: Vec<char> = n.chars().collect();
    if all
        .windows(2)
        .any(|w| crate::text::is_hiragana(w[0]) && matches!(w[1], '当' | '本' | '弊'))
    {
        return true;
    }
    match first {
        Some('県' | '市' | '町' | '村' | '区' | '府' | '都') => {
            // 市立小学校 is any city's; 市立福知山市民病院 names its city.
            rest.strip_prefix('立')
                .is_some_and(|r| !r.contains(['市', '町', '村', '県']))
                || [
                    "教育委員会",
                    "議会",
                    "警察",
                    "警察本部",
                    "病院局",
                    "水道局",
                    "交通局",
                    "選挙管理委員会",
                    "監査委員会",
                    "教委",
                ]
                .contains(&rest)
        }
        Some('当' | '本' | '弊' | '同') => true,
        // 自組合, 自社, 自行: one's own, as a bank's fee table says.
        Some('自') => ["組合", "社", "行", "金庫", "庫", "会社"].contains(&rest),
        // 教育庁, 病院局: a body of some government, not named.
        _ => [
            "教育庁",
            "教育委員会",
            "病院局",
            "水道局",
            "交通局",
            "総務局",
            "警察本部",
            "事務局",
        ]
        .contains(&n),
    }
}

/// A branch or hospital named after its parent body: 広島支部, 東京支社.
pub fn branch_name(name: &str) -> bool {
    let n = name.trim();
    n.chars().count() >= 3 && branch_of(n).is_some()
}

/// `全国健康保険協会北浜支部` → `全国健康保険協会北浜`: what a branch's name
/// holds before its word for a branch.
pub fn branch_of(name: &str) -> Option<&str> {
    ["支部", "支社", "支店", "支所", "事業所", "営業所", "分院"]
        .iter()
        .find_map(|b| name.strip_suffix(b))
}

/// Names that hold other organizations (a hospital organization, a
/// university corporation, an association of branches).
pub fn umbrella_name(name: &str) -> bool {
    // 医療法人久仁会, 社会福祉法人 仁生社: a corporation that runs a hospital or a school.
    const CORPORATIONS: &[&str] = &[
        "医療法人",
        "社会医療法人",
        "社会福祉法人",
        "公益社団法人",
        "一般社団法人",
        "公益財団法人",
        "一般財団法人",
        "学校法人",
        "独立行政法人",
        "地方独立行政法人",
        "国立大学法人",
    ];
    if CORPORATIONS
        .iter()
        .any(|c| name.starts_with(c) && name.len() > c.len())
    {
        return true;
    }
    [
        "機構",
        "法人",
        "協会",
        "連合会",
        "共済組合",
        "グループ",
        "ホールディングス",
    ]
    .iter()
    .any(|s| name.ends_with(s))
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
    "委員長",
    "病院長",
    "所長",
    "センター長",
    "支部長",
    "頭取",
    "総長",
    "病院事業管理者",
    "事業管理者",
];

/// A signature's person line: 代表取締役社長 山田太郎, 市長 稲村和美, 院長 新甲 靖.
pub fn role_line(text: &str) -> bool {
    let t = text.trim();
    // 会長代行, 理事長代理: one who acts for the head.
    let acting = |w: &str| {
        let w = w
            .strip_suffix("代行")
            .or(w.strip_suffix("代理"))
            .unwrap_or(w);
        ROLES.iter().any(|r| w.ends_with(r))
    };
    t.width() <= 40
        && !t.contains(['、', '。'])
        && (ROLES.iter().any(|r| t.starts_with(r)) || t.split(' ').any(acting))
}

/// `産業医科大学病院長` → `産業医科大学病院`, `群馬県知事` → `群馬県`: the
/// organization a title is of.
pub fn without_role(word: &str) -> Option<&str> {
    // 病院長, センター長, 支部長: the body is the word without 長.
    if let Some(n) = word.strip_suffix('長')
        && (organization_name(n) || n.ends_with("支部"))
    {
        return Some(n);
    }
    // 北浜大学入試部長, 北浜市総務課長: the head of a department; the body
    // is the name before the department.
    if let Some(n) = word.strip_suffix('長')
        && department(n)
        && let Some(body) = n
            .char_indices()
            .map(|(at, _)| &n[..at])
            .filter(|b| b.chars().count() >= 2 && n[b.len()..].chars().count() >= 2)
            .rfind(|b| organization_name(b))
    {
        return Some(body);
    }
    ROLES
        .iter()
        .find_map(|r| word.strip_suffix(r).filter(|n| organization_name(n)))
}

/// A heading or signature line that names the organization; the name.
pub fn organization_line(text: &str) -> Option<&str> {
    let t = text.trim();
    if t.ends_with(['。', '．']) || t.width() > 50 {
        return None;
    }
    // 九州医療センター院長 森田 茂樹: the organization of the title.
    if let Some(name) = t.split(' ').next().and_then(without_role) {
        return Some(name);
    }
    // A person's line: 代表取締役社長 山田太郎, 市長 稲村和美.
    if role_line(t) {
        return None;
    }
    let mut words = t.split(' ');
    let first = words.next()?;
    // 社会福祉法人 仁生社: a legal form and the name after it.
    if ORG_PREFIXES.contains(&first)
        && let Some(second) = words.next()
        && second.chars().count() >= 2
    {
        return Some(&t[..first.len() + 1 + second.len()]);
    }
    // 株式会社サンプル 総務部: the organization before its department.
    let name = if organization_name(t) { t } else { first };
    organization_name(name).then_some(name)
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

/// A national body's regional office, by the ending of its name, and the
/// ministry it belongs to (関東総合通信局 is 総務省's).
const REGIONAL_OFFICES: &[(&str, &str)] = &[
    ("総合通信局", "総務省"),
    ("地方整備局", "国土交通省"),
    ("運輸局", "国土交通省"),
    ("労働局", "厚生労働省"),
    ("厚生局", "厚生労働省"),
    ("財務局", "財務省"),
    ("経済産業局", "経済産業省"),
    ("農政局", "農林水産省"),
    ("法務局", "法務省"),
];

/// Short names a body goes by and its formal name.
const SHORT_NAMES: &[(&str, &str)] = &[("協会けんぽ", "全国健康保険協会")];

/// Abbreviated legal forms, `(公社)` and `（株）`, written out.
const LEGAL_FORMS: &[(&str, &str)] = &[
    ("株", "株式会社"),
    ("有", "有限会社"),
    ("公社", "公益社団法人"),
    ("公財", "公益財団法人"),
    ("一社", "一般社団法人"),
    ("一財", "一般財団法人"),
    ("独", "独立行政法人"),
    ("特非", "特定非営利活動法人"),
    ("学", "学校法人"),
    ("医", "医療法人"),
    ("社福", "社会福祉法人"),
];

/// A name with its abbreviated legal form written out: (公社)日本植物学会 →
/// 公益社団法人日本植物学会, サンプル(株) → サンプル株式会社.
fn legal_form_written_out(name: &str) -> String {
    for (short, full) in LEGAL_FORMS {
        for (open, close) in [("(", ")"), ("（", "）")] {
            let mark = format!("{open}{short}{close}");
            if let Some(rest) = name.strip_prefix(&mark) {
                return format!("{full}{}", rest.trim_start());
            }
            if let Some(rest) = name.strip_suffix(&mark) {
                return format!("{}{full}", rest.trim_end());
            }
        }
    }
    name.to_string()
}

/// The organization's formal name: a regional office with its ministry
/// when the notice names that ministry (総務省関東総合通信局), a short name
/// written out (協会けんぽ東京支部 → 全国健康保険協会東京支部). `names`: whether the
/// notice names a word.
pub fn formal(name: &str, names: impl Fn(&str) -> bool) -> String {
    let mut out = legal_form_written_out(name);
    for (short, full) in SHORT_NAMES {
        if let Some(rest) = out.strip_prefix(short) {
            out = format!("{full}{rest}");
        }
    }
    if let Some((_, ministry)) = REGIONAL_OFFICES.iter().find(|(end, _)| out.ends_with(end))
        && !out.contains(ministry)
        && names(ministry)
        && !out.contains(['県', '都', '府'])
        && out.chars().count() <= 12
    {
        out = format!("{ministry}{out}");
    }
    out
}

/// The hospital, school or nursery a corporation runs, where the name is
/// the corporation's and then the establishment's (医療法人北浜会 北浜中央病院 →
/// 北浜中央病院): the establishment speaks for itself.
pub fn establishment(name: &str) -> Option<&str> {
    const CORPORATIONS: &[&str] = &[
        "医療法人",
        "社会医療法人",
        "社会福祉法人",
        "学校法人",
        "公益社団法人",
        "公益財団法人",
        "一般社団法人",
        "一般財団法人",
        "独立行政法人",
    ];
    const KINDS: &[&str] = &[
        "病院",
        "医院",
        "クリニック",
        "診療所",
        "薬局",
        "学校",
        "大学",
        "保育園",
        "保育所",
        "幼稚園",
        "こども園",
    ];
    let name = name.trim();
    let corporation = CORPORATIONS.iter().find(|c| name.starts_with(**c))?;
    let rest = &name[corporation.len()..];
    let runs_one = |e: &str| {
        let e = e.trim();
        e.chars().count() >= 3 && KINDS.iter().any(|k| e.ends_with(k) && e.len() > k.len())
    };
    // 社会福祉法人 北浜会 北浜病院: the last word, written apart.
    if let Some((_, last)) = rest.trim().rsplit_once([' ', '　'])
        && runs_one(last)
    {
        return Some(last.trim());
    }
    // 医療法人北浜会北浜病院: after the corporation's own name (…会, …団).
    rest.char_indices()
        .filter(|(at, c)| *at > 0 && "会団社園構".contains(*c))
        .map(|(at, c)| &rest[at + c.len_utf8()..])
        .find(|e| runs_one(e))
}

/// Whether a name is a body the notice names that is not its issuer.
pub fn third_party(name: &str) -> bool {
    THIRD_PARTIES.iter().any(|w| name.contains(w))
}

/// Bodies a notice names that are not its issuer: regulators, the police.
pub const THIRD_PARTIES: &[&str] = &[
    "個人情報保護委員会",
    "警察庁",
    "NOTICEサポートセンター",
    "JPCERT",
    "内閣サイバーセキュリティセンター",
    "警察",
    "警視庁",
    "県警",
    "府警",
    "道警",
    "国民生活センター",
    "情報処理推進機構",
];

#[cfg(test)]
mod tests {
    #[test]
    fn a_corporations_hospital_speaks_for_itself() {
        use super::establishment;
        assert_eq!(
            establishment("医療法人北浜会 北浜中央病院"),
            Some("北浜中央病院")
        );
        assert_eq!(
            establishment("医療法人北浜会北浜中央病院"),
            Some("北浜中央病院")
        );
        assert_eq!(
            establishment("社会福祉法人 南浜会 南浜こども園"),
            Some("南浜こども園")
        );
        // The corporation alone, or a body that is no corporation's establishment.
        assert_eq!(establishment("医療法人北浜会"), None);
        assert_eq!(establishment("北浜市立北浜病院"), None);
        assert_eq!(establishment("学校法人北浜大学"), None);
    }

    #[test]
    fn a_regional_office_takes_its_ministry_and_a_short_name_its_formal_one() {
        use super::formal;
        let formal_in = |name: &str, text: &str| formal(name, |w| text.contains(w));
        let told = "総務省の地方局です。厚生労働省の地方局です。";
        assert_eq!(formal_in("関東総合通信局", told), "総務省関東総合通信局");
        assert_eq!(formal_in("岩手労働局", told), "厚生労働省岩手労働局");
        // The ministry only when the notice names it.
        assert_eq!(formal_in("岩手労働局", "本文"), "岩手労働局");
        assert_eq!(
            formal_in("総務省関東総合通信局", told),
            "総務省関東総合通信局"
        );
        assert_eq!(
            formal_in("協会けんぽ東京支部", "本文"),
            "全国健康保険協会東京支部"
        );
        assert_eq!(formal_in("埼玉県労働局", told), "埼玉県労働局");
        assert_eq!(formal_in("気仙沼市立病院", told), "気仙沼市立病院");
        assert_eq!(
            formal_in("(公社)日本植物学会", ""),
            "公益社団法人日本植物学会"
        );
        assert!(!super::organization_name("Y病院"));
        assert!(!super::organization_name("担当調査区"));
        assert!(!super::organization_name("中央区市"));
        // The kinds of local government, none by name (市町名、…).
        assert!(!super::organization_name("市町"));
        assert!(!super::organization_name("市区町村"));
        assert!(super::organization_name("北浜町"));
        assert!(!super::organization_name("認可保育所及び認定こども園"));
        assert!(!super::organization_name("私立幼稚園"));
        assert!(!super::organization_name("平成30年度東京都"));
        assert!(!super::organization_name("グループ社"));
        assert!(super::organization_name("北浜私立学校協会"));
        assert!(!super::organization_name("※一般社団法人"));
        assert!(!super::organization_name("交付申請のあった2法人"));
        // A count of bodies, or water (水道), which ends like 北海道.
        assert!(!super::organization_name("2法人"));
        assert!(!super::organization_name("3社"));
        assert!(super::organization_name("21世紀職業財団"));
        // A label before a name goes; of two bodies signing together, the first;
        // a kind of body alone is no name.
        for (name, tidied) in [
            ("【注意喚起】日本社会心理学会", Some("日本社会心理学会")),
            ("【注意喚起】学会", None),
            ("提供課等:教育委員会", Some("教育委員会")),
            (
                "公益財団法人三溪園保勝会・横浜俳話会",
                Some("公益財団法人三溪園保勝会"),
            ),
            ("株式会社サンプル", Some("株式会社サンプル")),
            (
                "公益財団法人南町文化・スポーツ振興財団",
                Some("公益財団法人南町文化・スポーツ振興財団"),
            ),
            (
                "一般社団法人 日本神経理学療法学会",
                Some("一般社団法人 日本神経理学療法学会"),
            ),
        ] {
            assert_eq!(tidy(name).as_deref(), tidied, "{name}");
        }
        assert!(super::organization_name("平塚法人会"));
        assert!(!super::organization_name("水道"));
        assert!(super::organization_name("北海道"));
        assert!(super::organization_name("北海道旭川市"));
        // The head of a department signs for the body the department is of.
        assert_eq!(super::without_role("北浜大学入試部長"), Some("北浜大学"));
        assert_eq!(super::without_role("南町総務課長"), Some("南町"));
        assert_eq!(super::without_role("入試部長"), None);
        // システムの不都合 ends like 東京都, the only 都.
        assert!(!super::organization_name("不都"));
        assert!(super::organization_name("東京都"));
        assert!(super::organization_name("京都府"));
        assert!(super::bare_reference("実際に当商工会"));
        assert!(super::organization_name("豊見城市商工会"));
        assert!(!super::organization_name("Ａ社会福祉法人"));
        assert!(super::organization_name("NTT東日本株式会社"));
        assert_eq!(
            formal_in("（株）ぐんまフラワー管理", ""),
            "株式会社ぐんまフラワー管理"
        );
        assert_eq!(formal_in("サンプル(株)", ""), "サンプル株式会社");
    }

    use super::*;

    #[test]
    fn sectors_suggested_by_names() {
        assert_eq!(sector_hint("気仙沼市立病院"), Some("healthcare"));
        assert_eq!(sector_hint("尼崎市"), Some("local-government"));
        assert_eq!(sector_hint("大阪市水道局"), Some("local-government"));
        assert_eq!(sector_hint("岩手労働局"), Some("government"));
        assert_eq!(sector_hint("株式会社サンプル"), None);
    }
}
