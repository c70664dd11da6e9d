//! What a notice's web address says of its source: the original of an
//! archive's copy (the address an editor cites), and the prefecture or
//! municipality whose site published it (a city's release about one of its
//! schools is the city's).

/// The prefectures by the name their sites use (`pref.saitama.lg.jp`).
const PREFECTURES: &[(&str, &str)] = &[
    ("hokkaido", "北海道"),
    ("aomori", "青森県"),
    ("iwate", "岩手県"),
    ("miyagi", "宮城県"),
    ("akita", "秋田県"),
    ("yamagata", "山形県"),
    ("fukushima", "福島県"),
    ("ibaraki", "茨城県"),
    ("tochigi", "栃木県"),
    ("gunma", "群馬県"),
    ("saitama", "埼玉県"),
    ("chiba", "千葉県"),
    ("tokyo", "東京都"),
    ("kanagawa", "神奈川県"),
    ("niigata", "新潟県"),
    ("toyama", "富山県"),
    ("ishikawa", "石川県"),
    ("fukui", "福井県"),
    ("yamanashi", "山梨県"),
    ("nagano", "長野県"),
    ("gifu", "岐阜県"),
    ("shizuoka", "静岡県"),
    ("aichi", "愛知県"),
    ("mie", "三重県"),
    ("shiga", "滋賀県"),
    ("kyoto", "京都府"),
    ("osaka", "大阪府"),
    ("hyogo", "兵庫県"),
    ("nara", "奈良県"),
    ("wakayama", "和歌山県"),
    ("tottori", "鳥取県"),
    ("shimane", "島根県"),
    ("okayama", "岡山県"),
    ("hiroshima", "広島県"),
    ("yamaguchi", "山口県"),
    ("tokushima", "徳島県"),
    ("kagawa", "香川県"),
    ("ehime", "愛媛県"),
    ("kochi", "高知県"),
    ("fukuoka", "福岡県"),
    ("saga", "佐賀県"),
    ("nagasaki", "長崎県"),
    ("kumamoto", "熊本県"),
    ("oita", "大分県"),
    ("miyazaki", "宮崎県"),
    ("kagoshima", "鹿児島県"),
    ("okinawa", "沖縄県"),
];

/// The host of a web address, lowercased, without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

/// The original address of an archive's copy: the Wayback Machine's
/// (`web.archive.org/web/<time>/<original>`), megalodon's
/// (`megalodon.jp/ref/<time>/<host/path>`) and Yahoo!'s cache
/// (`www-pref-saitama-lg-jp.cache.yimg.jp/<path>`). `None` for any other.
pub fn original(url: &str) -> Option<String> {
    let h = host(url)?;
    let path = url.split_once("://")?.1.split_once('/').map_or("", |p| p.1);
    let with_scheme = |s: &str| {
        if s.starts_with("http://") || s.starts_with("https://") {
            s.to_string()
        } else {
            format!("http://{s}")
        }
    };
    let after_stamp = |p: &str| {
        // <time>/<original>, where the time may carry a suffix (20240101id_).
        p.split_once('/')
            .filter(|(stamp, rest)| {
                stamp.starts_with(|c: char| c.is_ascii_digit()) && !rest.is_empty()
            })
            .map(|(_, rest)| with_scheme(rest))
    };
    if h == "web.archive.org" {
        return path.strip_prefix("web/").and_then(after_stamp);
    }
    if h == "megalodon.jp" {
        return path.strip_prefix("ref/").and_then(after_stamp);
    }
    if let Some(encoded) = h.strip_suffix(".cache.yimg.jp") {
        // Each dot of the original host is a hyphen in the cache's.
        let original = encoded.replace('-', ".");
        return Some(format!("https://{original}/{path}"));
    }
    None
}

/// The prefecture whose site the address is (`pref.X.lg.jp`, `pref.X.jp`,
/// `metro.tokyo.lg.jp`).
fn prefecture(h: &str) -> Option<&'static str> {
    let parts: Vec<&str> = h.split('.').collect();
    // pref.X…, or a host of the prefecture's under it (db.pref.tottori.jp).
    let name = match parts.as_slice() {
        ["pref", name, ..] | ["metro", name, ..] | [_, "pref", name, ..] => *name,
        _ => return None,
    };
    if !h.ends_with(".jp") {
        return None;
    }
    prefecture_named(name)
}

/// The prefecture a word of a host names (`saitama` → 埼玉県).
fn prefecture_named(romaji: &str) -> Option<&'static str> {
    PREFECTURES
        .iter()
        .find(|(r, _)| *r == romaji)
        .map(|(_, kanji)| *kanji)
}

/// The kind of municipality a host is of and the word that names it
/// (`city.kasugai.lg.jp` → `city`, `kasugai`).
fn kind_and_word(h: &str) -> Option<(&str, &str)> {
    let mut parts = h.split('.');
    let kind = parts.next()?;
    let word = parts.next()?;
    ["city", "town", "vill"]
        .contains(&kind)
        .then_some((kind, word))
}

/// Japan's municipalities by the host of their sites (`host\tname\tprefecture`),
/// from `tools/municipal_sites.py`.
const MUNICIPAL_SITES: &str = include_str!("municipal_sites.tsv");

/// The municipality whose site the host is: the list's entry for the host,
/// else, for a host of the usual shape (`city.kasugai.aichi.jp`, an older
/// host of `city.kasugai.lg.jp`), the one name the list gives to the same
/// kind (`city.`, `town.`, `vill.`) and word, the prefecture in the host
/// deciding between namesakes.
fn municipality(h: &str) -> Option<&'static str> {
    let entries = || {
        MUNICIPAL_SITES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, f.next()?, f.next()?))
            })
    };
    if let Some((_, name, _)) = entries().find(|(host, _, _)| *host == h) {
        return Some(name);
    }
    let key = kind_and_word(h)?;
    let mut found: Vec<(&str, &str)> = entries()
        .filter(|(host, _, _)| kind_and_word(host) == Some(key))
        .map(|(_, name, pref)| (name, pref))
        .collect();
    if found.iter().any(|(name, _)| *name != found[0].0) {
        let pref = h.split('.').find_map(prefecture_named);
        found.retain(|(_, p)| Some(*p) == pref);
    }
    match found.as_slice() {
        [(name, _), rest @ ..] if rest.iter().all(|(n, _)| n == name) => Some(name),
        _ => None,
    }
}

/// Whether the address is a municipality's site (`city.X…jp`, `town.`, `vill.`).
fn municipal(h: &str) -> bool {
    kind_and_word(h).is_some() && h.ends_with(".jp")
}

/// Words after a municipality's name that show it is one (名護市立, 江戸川区教育委員会).
const AFTER_NAME: &[&str] = &[
    "立",
    "教育委員会",
    "役所",
    "役場",
    "長",
    "議会",
    "民",
    "内",
    "では",
    "は",
    "の",
    "が",
    "、",
    "に",
    "と",
];

/// The municipality names in a text (…市, …区, …町, …村 followed by a word
/// that shows it is one), in order.
fn municipalities(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let kanji = |c: char| {
        crate::text::is_kanji(c) && !"県都府道市区町村立内".contains(c)
            || c == '々'
            || c == 'ヶ'
            || c == 'ケ'
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !kanji(chars[i]) || (i > 0 && kanji(chars[i - 1])) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && kanji(chars[j]) && j - i < 5 {
            j += 1;
        }
        // Two characters at least: 副村長 is a post, not a village.
        if j > i + 1 && j < chars.len() && "市区町村".contains(chars[j]) {
            let rest: String = chars[j + 1..].iter().take(6).collect();
            // 神戸市行政事務センター, 習志野市鷺沼: the city; 市場, 区分: other words.
            // (北浜市内: a place within the city.)
            let word = rest.starts_with(|c: char| "場販街分域画内外".contains(c));
            let name: String = chars[i..=j].iter().collect();
            // 担当調査区, 担当地区: areas, not wards.
            if !word && !super::organization::area(&name) {
                out.push(name);
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// The municipality an organization's name begins with (名護市立小学校,
/// 薩摩川内市危険物安全協会, 大町市教育委員会): the end of its first six
/// characters that a word of a municipality follows, else the first end.
fn leading_municipality(org: &str) -> Option<String> {
    // 市立吹田市民病院: the city is the one named after 市立.
    let org = ["市立", "県立", "町立", "村立", "区立", "都立", "府立"]
        .iter()
        .find_map(|p| org.strip_prefix(p))
        .unwrap_or(org);
    let chars: Vec<char> = org.chars().collect();
    if chars.first().is_none_or(|&c| !crate::text::is_kanji(c)) {
        return None;
    }
    let ends: Vec<usize> = (1..chars.len().min(7))
        .take_while(|&j| crate::text::is_kanji(chars[j]) || chars[j] == 'ヶ')
        .filter(|&j| "市区町村".contains(chars[j]) && !"県都府道".contains(chars[j - 1]))
        .collect();
    let followed = |j: &&usize| {
        let rest: String = chars[**j + 1..].iter().collect();
        rest.is_empty() || AFTER_NAME.iter().any(|w| rest.starts_with(w))
    };
    let j = ends.iter().find(followed).or(ends.first())?;
    Some(chars[..=*j].iter().collect())
}

/// The body whose site published the notice, when the address is a
/// prefecture's or a municipality's site: the prefecture by its name, the
/// municipality as the organization or the text names it.
/// `text` gives the notice's text, asked for only when the name is read from it.
pub fn publisher(
    url: &str,
    organization: Option<&str>,
    text: impl FnOnce() -> String,
) -> Option<String> {
    let h = host(&original(url).unwrap_or_else(|| url.to_string()))?;
    if let Some(p) = prefecture(&h) {
        return Some(p.to_string());
    }
    if let Some(name) = municipality(&h) {
        return Some(name.to_string());
    }
    if !municipal(&h) {
        return None;
    }
    if let Some(name) = organization.and_then(leading_municipality) {
        return Some(name);
    }
    // The name the text uses most, the first of equals.
    let found = municipalities(&text());
    let mut best: Option<(&String, usize)> = None;
    for name in &found {
        let n = found.iter().filter(|f| *f == name).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((name, n));
        }
    }
    best.map(|(name, _)| name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_copy_gives_the_original_address() {
        assert_eq!(
            original(
                "https://web.archive.org/web/20240101000000/https://www.city.example.lg.jp/a.html"
            )
            .as_deref(),
            Some("https://www.city.example.lg.jp/a.html")
        );
        assert_eq!(
            original(
                "https://megalodon.jp/ref/2013-1121-1117-56/www.city.suita.osaka.jp/home/a.html"
            )
            .as_deref(),
            Some("http://www.city.suita.osaka.jp/home/a.html")
        );
        assert_eq!(
            original("https://www-pref-saitama-lg-jp.cache.yimg.jp/f2207/news/page/n.html")
                .as_deref(),
            Some("https://www.pref.saitama.lg.jp/f2207/news/page/n.html")
        );
        assert_eq!(original("https://www.city.nago.okinawa.jp/a.html"), None);
    }

    #[test]
    fn a_prefecture_or_a_municipality_site_names_its_publisher() {
        let p = |url: &str, org: Option<&str>, text: &str| publisher(url, org, || text.to_string());
        assert_eq!(
            p(
                "https://www.pref.kanagawa.jp/docs/a.html",
                Some("バーチャル開放区"),
                ""
            )
            .as_deref(),
            Some("神奈川県")
        );
        assert_eq!(
            p("https://www.metro.tokyo.lg.jp/x", None, "").as_deref(),
            Some("東京都")
        );
        assert_eq!(
            p("http://db.pref.tottori.jp/pressrelease.nsf/x", None, "").as_deref(),
            Some("鳥取県")
        );
        assert_eq!(
            p(
                "https://www.city.edogawa.tokyo.jp/e004/a.html",
                Some("江戸川区立小学校"),
                ""
            )
            .as_deref(),
            Some("江戸川区")
        );
        assert_eq!(
            p(
                "https://www.city.satsumasendai.lg.jp/a",
                Some("薩摩川内市危険物安全協会"),
                ""
            )
            .as_deref(),
            Some("薩摩川内市")
        );
        assert_eq!(
            p(
                "https://www.city.omachi.nagano.jp/a",
                Some("大町市教育委員会"),
                ""
            )
            .as_deref(),
            Some("大町市")
        );
        assert_eq!(
            p(
                "http://www.city.suita.osaka.jp/a",
                Some("市立吹田市民病院"),
                ""
            )
            .as_deref(),
            Some("吹田市")
        );
        assert_eq!(
            p(
                "https://www.city.kobe.lg.jp/a.html",
                Some("行政事務センター"),
                "神戸市行政事務センターの職員が…。神戸市中央区…"
            )
            .as_deref(),
            Some("神戸市")
        );
        assert_eq!(
            p(
                "https://www.city.kasugai.lg.jp/a.html",
                None,
                "担当調査区の調査員が紛失しました。春日井市は、担当調査区の…。春日井市では"
            )
            .as_deref(),
            Some("春日井市")
        );
        // No organization: the municipality the text names most.
        assert_eq!(
            p(
                "https://www.city.oita.oita.jp/a.html",
                None,
                "大分市では、大分市の計画の…。県内の市町村に"
            )
            .as_deref(),
            Some("大分市")
        );
        assert_eq!(
            p("https://www.vill.x.lg.jp/a", None, "副村長が説明した。").as_deref(),
            None
        );
        // A company's or a hospital's own site says nothing of it.
        assert_eq!(
            p(
                "https://www.example.co.jp/news/1",
                Some("株式会社例"),
                "例市では"
            ),
            None
        );
        // An archive copy of a prefecture's page.
        assert_eq!(
            p(
                "https://www-pref-saitama-lg-jp.cache.yimg.jp/f2207/a.html",
                None,
                ""
            )
            .as_deref(),
            Some("埼玉県")
        );
    }
}
