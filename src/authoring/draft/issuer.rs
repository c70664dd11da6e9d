//! Which organization issued a notice. In order: the name that opens the
//! title line; the name the notice defines itself by (`東京都水道局（以下
//! 「当局」という。）`); the heading lines above the first section and the
//! signature at the end, where a parent body and its hospital or branch on
//! one line or on two (`独立行政法人こだま病院機構 南町医療センター`, `全国健康
//! 保険協会` … `広島支部`) are one name; the announcer of a news headline; the
//! subject of the first sentences. A notice that calls itself only 本学,
//! 当院 or 県 gets no name: the draft says so and leaves the field to the
//! author.

use std::sync::LazyLock;

use regex::Regex;

use super::dates;
use super::header::{EDGE, Fact};
use super::lines::Line;
use super::organization::{
    ORG_PREFIXES, bare_reference, branch_name, branch_of, organization_line, organization_name,
    role_line, third_party, tidy, umbrella_name, without_role,
};
use super::sections::{Kind, Section};

/// The organization, and the word the notice uses for itself when it gives no name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Issuer {
    pub name: Option<Fact<String>>,
    /// 本学, 当院, 当社…: how the notice refers to itself.
    pub self_word: Option<String>,
}

static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:この度、|このたび、|本日、|今般、|今回、)?([^、。「」\s]{2,30}?)(?:\(|（|では、|は、|において|におきまして|が発表|は発表|より、|が)")
        .expect("valid")
});
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([^\s、。「」()（）]{2,30}?)(?:といたしましては|としましては)").expect("valid")
});
static ANNOUNCER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([^\s、。「」]{2,20}?)(?:が発表|は発表)").expect("valid"));
/// `X（以下「当局」という。）`, `X（本社：…、以下、当社）`: a name defined for the notice.
static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[、。「\s])([^、。「」\s()（）]{2,40}?)[（(][^）)]{0,60}?以下[、，]?「?([^」）)]{1,8})")
        .expect("valid")
});
/// `…北浜地理学会が送信したものではございません`: the body a spoofing
/// warning says the mail is not from.
static DENIED_SENDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([^\s、。,，「」()（）]{2,30}?)(?:から|が)(?:発信|送信|配信)(?:して|し|され)?(?:いる|た)?もの(?:では|で)(?:あり|ござい|な)")
        .expect("valid")
});
/// `尾張旭市立旭小学校における…について`: the body a title is about.
static TITLE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([^、。「」\s]{2,30}?)(?:における|での|で発生した|の)").expect("valid")
});

const SELF_WORDS: &[&str] = &[
    "本学",
    "当院",
    "本院",
    "本校",
    "当校",
    "当社",
    "弊社",
    "本市",
    "当市",
    "本県",
    "当局",
    "当組合",
    "当法人",
    "当協会",
    "当センター",
    "当機構",
    "当館",
    "本会",
    "当会",
    "本法人",
    "当財団",
];

/// Bodies named only by the kind of place that runs them.
const BARE_WORDS: &[&str] = &[
    "県教育委員会",
    "市教育委員会",
    "町教育委員会",
    "県選挙管理委員会",
    "市選挙管理委員会",
    "区選挙管理委員会",
    "町選挙管理委員会",
    "村選挙管理委員会",
    "市立小学校",
    "市立中学校",
    "県立高校",
    "県立学校",
    "市立病院",
    "県立病院",
];

/// The organization that issued the notice.
pub fn issuer(
    lines: &[Line],
    sections: &[Section],
    title: Option<&(Fact<String>, Option<Fact<String>>)>,
    first_heading: usize,
) -> Issuer {
    let self_word = SELF_WORDS
        .iter()
        .chain(BARE_WORDS)
        .find(|w| lines.iter().any(|l| l.text.contains(**w)))
        .map(|w| w.to_string());
    // 医療法人北浜会 北浜中央病院: the hospital, not its corporation.
    let name = find(lines, sections, title, first_heading).map(|mut f| {
        if let Some(e) = super::organization::establishment(&f.value) {
            f.value = e.to_string();
        }
        f
    });
    Issuer { name, self_word }
}

/// The bureau a prefecture's press release is headed by: a line above the
/// title (or among the first four) that is only a bureau's name, after the
/// release's date (`港湾局`, `2020年08月14日 総務局`, `教育庁`, `住宅政策本部`).
pub fn bureau(lines: &[Line], title_line: Option<usize>) -> Option<Fact<String>> {
    let end = title_line.unwrap_or(4).min(lines.len());
    lines[..end].iter().enumerate().find_map(|(i, l)| {
        let name = l
            .text
            .trim_start_matches(|c: char| {
                c.is_ascii_digit() || "０１２３４５６７８９年月日./ 　".contains(c)
            })
            .trim();
        let n = name.chars().count();
        let bureau = (2..=8).contains(&n)
            && (name.ends_with('局') || name.ends_with('庁') || name.ends_with("本部"))
            && name.chars().all(crate::text::is_kanji)
            && !name.starts_with('当')
            && !name.starts_with('本');
        bureau.then(|| Fact {
            value: name.to_string(),
            lines: vec![i],
            quote: name.to_string(),
        })
    })
}

fn find(
    lines: &[Line],
    sections: &[Section],
    title: Option<&(Fact<String>, Option<Fact<String>>)>,
    first_heading: usize,
) -> Option<Fact<String>> {
    let fact = |lines_of: Vec<usize>, name: String| Fact {
        quote: lines_of
            .iter()
            .map(|&i| lines[i].text.as_str())
            .collect::<Vec<_>>()
            .join(" / "),
        value: name,
        lines: lines_of,
    };
    if let Some((_, Some(org))) = title {
        return Some(org.clone());
    }
    let title_line = title.map(|(t, _)| t.lines[0]);
    // The vendors of systems the body uses, read once and only when a name is
    // looked for in the text.
    let vendors = std::cell::LazyCell::new(|| vendors(lines));
    // 尾張旭市立旭小学校における…について: the body the title is about.
    let title_subject = title
        .and_then(|(t, _)| TITLE_SUBJECT.captures(&t.value))
        .map(|c| c.get(1).expect("a name").as_str());
    let top = first_heading.clamp(3, EDGE * 2).min(lines.len());
    // A name the notice defines itself by.
    for (i, line) in lines.iter().enumerate().take(top.max(EDGE)) {
        for c in DEFINED.captures_iter(&line.text) {
            let name = after_clause(
                c[1].trim_start_matches(['こ', 'の', '度'])
                    .trim_start_matches([',', '，', '、', '・']),
            );
            let alias = &c[2];
            if (organization_name(name) || branch_name(name))
                && !bare_reference(name)
                && (alias.starts_with(['当', '本', '弊']) || alias.chars().count() <= 6)
            {
                return Some(fact(vec![i], name.to_string()));
            }
        }
    }
    // The heading lines above the first section, then the signature.
    let heading_lines: Vec<usize> = (0..top).filter(|&i| Some(i) != title_line).collect();
    if let Some((at, name)) = names_in(lines, &heading_lines) {
        // 福知山市病院事業管理者 above 市立福知山市民病院大江分院において…: the
        // city's hospital the notice is about, not the city.
        if municipality(&name)
            && let Some((i, subject)) = first_subject(lines, top, title_line, &vendors)
            && subject != name
            && subject.contains(name.as_str())
        {
            return Some(fact(vec![i], subject));
        }
        return Some(fact(at, name));
    }
    let signature: Vec<usize> = sections
        .iter()
        .filter(|s| s.is(Kind::Signature))
        .flat_map(|s| s.blocks.iter().map(|b| b.line))
        .collect();
    // Of bodies signing together (北浜町長 … / 公立北浜病院長 …), the one of the
    // kind the notice speaks as (当院: a hospital), if one is.
    let own_kinds = own_kinds(lines);
    let fits = |n: &str| own_kinds.is_some_and(|kinds| kinds.iter().any(|k| n.ends_with(k)));
    let own_signer: Vec<usize> = signature
        .iter()
        .copied()
        .filter(|&i| organization_line(&lines[i].text).is_some_and(fits))
        .collect();
    let signed = match names_in(lines, &signature) {
        Some((_, name)) if !fits(&name) && !own_signer.is_empty() => names_in(lines, &own_signer),
        other => other,
    };
    if let Some((at, name)) = signed {
        // A prefecture's release about its school (県立…高校における…について):
        // the school, named with the prefecture.
        if let Some(i) = title_line
            && let Some(body) = title_subject.and_then(|subject| run_by(&name, subject))
        {
            return Some(fact(vec![i], body));
        }
        return Some(fact(at, name));
    }
    let last: Vec<usize> = (lines.len().saturating_sub(6)..lines.len()).collect();
    if let Some(i) = signer(
        lines,
        if signature.is_empty() {
            &last
        } else {
            &signature
        },
    ) {
        return Some(fact(vec![i], lines[i].text.trim().to_string()));
    }
    if let Some(i) = title_line {
        if let Some(c) = ANNOUNCER.captures(&lines[i].text) {
            let name = c[1].rsplit(' ').next().unwrap_or(&c[1]);
            if organization_name(name) {
                return Some(fact(vec![i], name.to_string()));
            }
        }
        if let Some(name) = title_subject {
            // 【注意喚起】学会のメール…: a label and a bare word, no name.
            if organization_name(name) && !bare_reference(name) && tidy(name).is_some() {
                return Some(fact(vec![i], name.to_string()));
            }
        }
    }
    if let Some((i, name)) = speaker(lines) {
        return Some(fact(vec![i], name));
    }
    if let Some((i, name)) = first_subject(lines, top, title_line, &vendors) {
        return Some(fact(vec![i], name));
    }
    self_named(lines, &vendors)
        .or_else(|| denied_sender(lines))
        .or_else(|| ministry_office(lines, top.max(6), title_line))
}

/// The body a spoofing warning says the mail is not from (…から発信している
/// ものではありません).
fn denied_sender(lines: &[Line]) -> Option<Fact<String>> {
    lines.iter().enumerate().find_map(|(i, l)| {
        DENIED_SENDER.captures_iter(&l.text).find_map(|c| {
            let name = &c[1];
            (organization_name(name) && !bare_reference(name) && !third_party(name)).then(|| Fact {
                value: name.to_string(),
                lines: vec![i],
                quote: l.text.clone(),
            })
        })
    })
}

/// `平成30年度に北浜協会` → `北浜協会`: a name after the clause it is the
/// subject of, when the words before it end with a particle.
fn after_clause(words: &str) -> &str {
    // A particle after a word that is not kana (年度に, not にかほ市 or うきは市).
    let particle = |at: usize| {
        words[..at]
            .chars()
            .last()
            .is_some_and(|p| !crate::text::is_hiragana(p))
    };
    words
        .char_indices()
        .filter(|&(at, c)| "にでがはを".contains(c) && particle(at))
        .map(|(at, c)| &words[at + c.len_utf8()..])
        .find(|rest| organization_name(rest))
        .unwrap_or(words)
}

/// `北浜県` and `県立南町高校` → `北浜県立南町高校`: a body the prefecture or
/// municipality runs, named by its kind of owner, with the owner's name.
fn run_by(owner: &str, subject: &str) -> Option<String> {
    if !municipality(owner) {
        return None;
    }
    let kind = owner.chars().last()?;
    let rest = subject.strip_prefix(kind)?.strip_prefix('立')?;
    let body = format!("{owner}立{rest}");
    (organization_name(&body) && !rest.is_empty()).then_some(body)
}

/// Whether the words before a name make it the contractor of the notice's
/// body (…が事業を委託する株式会社イセトー, 受託者である株式会社div,
/// 委託先の…): not the issuer.
fn contractor(before: &str) -> bool {
    let near = crate::text::last_chars(before, 12);
    [
        "委託する",
        "委託している",
        "委託先の",
        "委託先である",
        "受託者である",
        "受託者の",
        "受託者",
        "委託先",
    ]
    .iter()
    .any(|w| near.ends_with(w))
}

/// A prefecture or a municipality (福知山市, 埼玉県), not a body of one.
pub(super) fn municipality(name: &str) -> bool {
    let n = name.chars().count();
    (2..=6).contains(&n) && name.ends_with(['市', '区', '町', '村', '県', '都', '府', '道'])
}

/// The line of a signature above its head's title and name (`国立天文台` /
/// `台長 林 正彦`): the body signing, whatever its name ends with.
fn signer(lines: &[Line], signature: &[usize]) -> Option<usize> {
    signature.iter().copied().find(|&i| {
        let t = lines[i].text.trim();
        let n = t.chars().count();
        let head = lines.get(i + 1).is_some_and(|next| {
            let first = next.text.split_whitespace().next().unwrap_or("");
            let words = next.text.split_whitespace().count();
            role_line(&next.text)
                || (2..=6).contains(&first.chars().count()) && first.ends_with('長') && words >= 2
        });
        head && (2..=20).contains(&n)
            && t.chars()
                .all(|c| crate::text::is_kanji(c) || crate::text::is_katakana(c))
            && dates::find(t, None).is_empty()
    })
}

/// The body that speaks as itself (`名護市教育委員会といたしましては、…`):
/// its line and name.
fn speaker(lines: &[Line]) -> Option<(usize, String)> {
    lines.iter().enumerate().find_map(|(i, line)| {
        SPEAKER.captures_iter(&line.text).find_map(|c| {
            let run = &c[1];
            // The longest end of the run that is a name (本件について名護市教育委員会).
            run.char_indices()
                .map(|(at, _)| &run[at..])
                .find(|name| {
                    organization_name(name)
                        && !bare_reference(name)
                        && !contractor(&line.text[..c.get(1).expect("group").start()])
                })
                .map(|name| (i, name.to_string()))
        })
    })
}

/// The subject of the first sentences (`…病院において、…`): its line and name.
fn first_subject(
    lines: &[Line],
    top: usize,
    title_line: Option<usize>,
    vendors: &[String],
) -> Option<(usize, String)> {
    for (i, line) in lines.iter().enumerate().take(top.max(6)) {
        if Some(i) == title_line {
            continue;
        }
        for (_, sentence) in crate::sentence::split(&line.text).take(2) {
            if let Some(c) = SUBJECT.captures(sentence) {
                // 株式会社…の職員が: the body of the one who did it.
                let name = match c[1].split_once('の') {
                    Some((body, who))
                        if [
                            "職員",
                            "社員",
                            "従業員",
                            "担当者",
                            "教員",
                            "元",
                            "役員",
                            "関係者",
                        ]
                        .iter()
                        .any(|w| who.starts_with(w)) =>
                    {
                        body
                    }
                    // 一般社団法人北浜通信社のサーバー機器が: the body, not what of it.
                    Some((body, what))
                        if ORG_PREFIXES.iter().any(|p| body.starts_with(p))
                            && organization_name(body)
                            && !organization_name(what)
                            && !branch_name(what) =>
                    {
                        body
                    }
                    _ => &c[1],
                };
                let name = strip_place(name);
                // 全国健康保険協会北浜支部: an organization's branch, named with it.
                let branch_of_a_body = branch_name(name)
                    && branch_of(name).is_some_and(|body| {
                        body.char_indices()
                            .any(|(at, _)| at > 0 && organization_name(&body[..at]))
                            || organization_name(body)
                    });
                if (organization_name(name) || branch_of_a_body)
                    && !bare_reference(name)
                    && !vendors.iter().any(|v| v == name)
                {
                    return Some((i, name.to_string()));
                }
            }
        }
    }
    None
}

/// Ministries and agencies of the state, whose offices write as their
/// ministry (厚生労働省人材開発統括官付…室で発生した…).
const MINISTRIES: &[&str] = &[
    "内閣府",
    "総務省",
    "法務省",
    "外務省",
    "財務省",
    "文部科学省",
    "厚生労働省",
    "農林水産省",
    "経済産業省",
    "国土交通省",
    "環境省",
    "防衛省",
    "デジタル庁",
    "消費者庁",
    "こども家庭庁",
    "金融庁",
    "警察庁",
    "国税庁",
    "文化庁",
    "スポーツ庁",
];

/// A first sentence that begins with a ministry's office: the ministry.
fn ministry_office(lines: &[Line], top: usize, title: Option<usize>) -> Option<Fact<String>> {
    lines.iter().enumerate().take(top).find_map(|(i, line)| {
        // 総務省所管令和7年国勢調査に係る…の紛失について: a title about the
        // ministry's survey, not the ministry's own notice.
        if Some(i) == title {
            return None;
        }
        let t = line.text.trim_start();
        let m = MINISTRIES.iter().find(|m| t.starts_with(**m))?;
        // (厚生労働省から「…」の情報提供があり: the ministry told the body.)
        if told_by(&t[m.len()..]) {
            return None;
        }
        // Its office, then the sentence: not a heading that is only the name.
        (t.chars().count() > m.chars().count() + 4).then(|| Fact {
            value: m.to_string(),
            lines: vec![i],
            quote: line.text.clone(),
        })
    })
}

/// The organization named by some of the lines: a name alone on its line,
/// one before a department or a person (`株式会社サンプル 総務部`), one of a
/// title (`…病院長`), a parent body with its branch or hospital after it.
fn names_in(lines: &[Line], at: &[usize]) -> Option<(Vec<usize>, String)> {
    let mut parent: Option<(usize, String)> = None;
    for &i in at {
        let t = lines[i].text.trim();
        if t.ends_with(['。', '．']) || t.chars().count() > 50 {
            continue;
        }
        let words: Vec<&str> = t.split(' ').collect();
        // Words that name bodies, in order: organizations and branches.
        let mut found: Vec<String> = Vec::new();
        for (k, w) in words.iter().enumerate() {
            if let Some(n) = without_role(w) {
                found.push(n.to_string());
                break;
            }
            // 一般社団法人 日本神経理学療法学会: a legal form, then the name.
            if ORG_PREFIXES.contains(w)
                && let Some(next) = words.get(k + 1)
                && next.chars().count() >= 2
                && dates::find(next, None).is_empty()
            {
                // (社会福祉法人 北浜会 北浜中央病院: with the hospital it runs.)
                let with_third = words
                    .get(k + 2)
                    .map(|third| format!("{w} {next} {third}"))
                    .filter(|n| super::organization::establishment(n).is_some());
                found.push(with_third.unwrap_or(format!("{w} {next}")));
                break;
            }
            if organization_name(w) || (branch_name(w) && (!found.is_empty() || parent.is_some())) {
                found.push(w.to_string());
            } else if !found.is_empty() || role_line(w) {
                break;
            }
        }
        if found.is_empty() && organization_name(t) {
            found.push(t.to_string());
        }
        // A help desk or the police the notice refers readers to is not its issuer.
        found.retain(|n| !third_party(n));
        match found.as_slice() {
            [] => {}
            [one] => {
                if let Some((p, name)) = &parent
                    && (branch_name(one) || umbrella_name(name))
                {
                    // The same name again (in the signature, without its space).
                    let bare = |n: &str| n.replace([' ', '　'], "");
                    if bare(one) == bare(name) {
                        return Some((vec![*p], name.clone()));
                    }
                    return Some((vec![*p, i], format!("{name} {one}")));
                }
                if branch_name(one) {
                    continue;
                }
                if umbrella_name(one) && parent.is_none() {
                    // A parent body: its hospital or branch may follow.
                    parent = Some((i, one.clone()));
                    continue;
                }
                // 北浜電力株式会社 / 南町支店: its branch on the next line.
                if let Some(next) = lines.get(i + 1).map(|l| l.text.trim())
                    && at.contains(&(i + 1))
                    && branch_name(next)
                    && !next.contains(' ')
                    && next.chars().count() <= 12
                {
                    return Some((vec![i, i + 1], format!("{one} {next}")));
                }
                return Some((vec![i], one.clone()));
            }
            [first, second, ..] => {
                if umbrella_name(first) || branch_name(second) {
                    return Some((vec![i], format!("{first} {second}")));
                }
                return Some((vec![i], first.clone()));
            }
        }
    }
    parent.map(|(i, name)| (vec![i], name))
}

/// What each word a notice uses for itself says it is: 当協会 is an
/// association, 本学 a university.
const SELF_KINDS: &[(&str, &[&str])] = &[
    ("本学", &["大学", "学園", "大学校"]),
    (
        "当院",
        &["病院", "医院", "医療センター", "クリニック", "診療所"],
    ),
    ("本院", &["病院", "医院"]),
    ("本校", &["学校", "高校", "中学校", "小学校"]),
    ("当校", &["学校", "高校", "中学校", "小学校"]),
    ("当社", &["株式会社", "会社", "社"]),
    ("弊社", &["株式会社", "会社", "社"]),
    ("本市", &["市"]),
    ("当市", &["市"]),
    ("本県", &["県"]),
    ("当局", &["局"]),
    ("当組合", &["組合"]),
    ("当広域連合", &["広域連合"]),
    // A council of social welfare or a foundation calls itself 当法人 too.
    ("当法人", &["法人", "協議会", "事業団", "福祉会"]),
    ("当協会", &["協会"]),
    ("本協会", &["協会"]),
    ("当連盟", &["連盟"]),
    ("当学会", &["学会"]),
    ("当センター", &["センター"]),
    ("当機構", &["機構"]),
    ("当財団", &["財団"]),
];

/// The kinds of body the notice's word for itself says it is (当院: a
/// hospital, 本学: a university).
fn own_kinds(lines: &[Line]) -> Option<&'static [&'static str]> {
    SELF_KINDS
        .iter()
        .find(|(w, _)| lines.iter().any(|l| l.text.contains(w)))
        .map(|(_, kinds)| *kinds)
}

static NAME_RUN: LazyLock<Regex> = LazyLock::new(|| {
    // Kana inside a name (川島ひばりが丘特別支援学校, 東北海道いすゞ自動車株式会社)
    // between kanji or katakana, when it does not begin with a particle or
    // a verb's ending (…宛てに北浜市).
    Regex::new(r"(?:株式会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|学校法人|医療法人|社会福祉法人)?[\p{Han}\p{Katakana}ーA-Za-z0-9]+(?:[\p{Hiragana}--[はがをにのでともへやかよまなだらすしさせれるたって]][\p{Hiragana}ゝゞ]{0,3}[\p{Han}\p{Katakana}ー]+)*")
        .expect("valid")
});

/// The name the notice's own word for itself points to (当協会 → the one
/// association the text names, 本市 → the city it names), the most often
/// named when it names several.
fn self_named(lines: &[Line], vendors: &[String]) -> Option<Fact<String>> {
    let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    // No word for itself: a name the text repeats (日本栄養士連盟会員の皆様 …
    // 日本栄養士連盟事務局へ), but never a regulator's or the police's.
    let kinds: &[&str] = own_kinds(lines).unwrap_or(&[]);
    // (name, count, first line)
    let mut names: Vec<(String, usize, usize)> = Vec::new();
    for (i, t) in text.iter().enumerate() {
        for m in NAME_RUN.find_iter(t) {
            let run = m.as_str();
            // 千葉県警: the police, and no 千葉県 in it; a contractor.
            // (株式会社北浜ソフトのサーバー: the vendor of its system; 厚生労働省より、
            // 「…」報道発表があり: the body that told it.)
            if third_party(run)
                || told_by(&t[m.end()..])
                || contractor(&t[..m.start()])
                || vendors.iter().any(|v| run.starts_with(v.as_str()))
            {
                continue;
            }
            // The longest beginning of the run that is a name of the kind.
            let name = run
                .char_indices()
                .map(|(at, c)| &run[..at + c.len_utf8()])
                .filter(|n| {
                    (kinds.is_empty() || kinds.iter().any(|k| n.ends_with(k)))
                        && organization_name(n)
                        && !bare_reference(n)
                        // 万が一当法人: the notice's word for itself, not a name.
                        && !SELF_KINDS.iter().any(|(w, _)| n.contains(w))
                        // 障害支援区分: a word, not a ward; 市民課: the citizens'
                        // section, not a city (生活環境部市民課 gave 生活環境部市).
                        && !run[n.len()..].starts_with(['分', '域', '画', '民'])
                        // 北浜市内の: a place within the city, not the city
                        // (北浜広域連合内での管理 is the union's own).
                        && !(n.ends_with(['市', '区', '町', '村', '県', '都', '府', '道'])
                            && run[n.len()..].starts_with(['内', '外']))
                        // 宮城県知事選挙: an election's name, not the prefecture.
                        && !election(&run[n.len()..])
                })
                .max_by_key(|n| n.len())
                // 京都市中京区烏丸通…: an address, not a body.
                .filter(|n| {
                    let after = &run[n.len()..];
                    !after.starts_with(|c: char| "区町丁立".contains(c))
                        && !after.contains("丁目")
                        && !t[..m.start()].ends_with(['：', ':'])
                });
            // 公益社団法人 日本農業法人協会: the legal form before the name, a
            // space between, is part of it.
            let name = name.map(|n| {
                let before = t[..m.start()].trim_end();
                ORG_PREFIXES
                    .iter()
                    .find(|p| before.ends_with(**p))
                    .map_or(n.to_string(), |p| format!("{p} {n}"))
            });
            if let Some(n) = name.as_deref() {
                match names.iter_mut().find(|(x, _, _)| x == n) {
                    Some(e) => e.1 += 1,
                    None => names.push((n.to_string(), 1, i)),
                }
            }
        }
    }
    let (name, count, i) = names
        .into_iter()
        .max_by_key(|(_, count, i)| (*count, std::cmp::Reverse(*i)))?;
    if kinds.is_empty() && count < 2 {
        return None;
    }
    Some(Fact {
        value: name,
        lines: vec![i],
        quote: lines[i].text.clone(),
    })
}

/// A body named as the one that told the notice's body of the matter
/// (`厚生労働省より、「…」報道発表があり`, `…報道発表をご確認ください`).
fn told_by(after: &str) -> bool {
    let clause = after.split('。').next().unwrap_or("");
    // (厚生労働省の通知: what the body received from it.)
    let told = [
        "報道発表",
        "通知",
        "情報提供",
        "事務連絡",
        "依頼",
        "指摘",
        "指導",
    ];
    after.starts_with("報道発表")
        || after
            .strip_prefix('の')
            .is_some_and(|r| told.iter().any(|w| r.starts_with(w)))
        || ["より", "から"].iter().any(|w| after.starts_with(w))
            && [
                "報道発表",
                "通知",
                "連絡",
                "指摘",
                "依頼",
                "情報提供",
                "照会",
                "指導",
            ]
            .iter()
            .any(|w| clause.contains(w))
}

/// What follows a place's name that makes it an election's (`知事選挙`,
/// `議会議員選挙`), not a body (`選挙管理委員会` is one).
fn election(after: &str) -> bool {
    after.contains("選挙") && !after.starts_with("選挙管理")
}

/// The companies whose system or service the body uses (`「社労夢」(株式会社
/// 北浜ソフト)を導入`, `株式会社北浜ソフト提供のクラウドサービス`): a vendor,
/// not the body that speaks.
fn vendors(lines: &[Line]) -> Vec<String> {
    let mut out = Vec::new();
    for l in lines {
        let t = l.text.as_str();
        for c in SYSTEM_MAKER.captures_iter(t) {
            let name = c[1].trim();
            if organization_name(name) {
                out.push(name.to_string());
            }
        }
        for w in [
            "提供の",
            "が提供する",
            "が提供している",
            "が運営する",
            "製の",
        ] {
            for (at, _) in t.match_indices(w) {
                // A name is at most 30 characters long.
                let before = crate::text::last_chars(&t[..at], 32);
                // The longest end of what comes before that starts after a
                // kana or a mark and is a name.
                let name = before
                    .char_indices()
                    .filter(|&(k, c)| {
                        !crate::text::is_hiragana(c)
                            && before[..k].chars().next_back().is_none_or(|p| {
                                crate::text::is_hiragana(p) || "、。「」()（） 　".contains(p)
                            })
                    })
                    .map(|(k, _)| &before[k..])
                    .find(|n| organization_name(n));
                if let Some(n) = name {
                    out.push(n.to_string());
                }
            }
        }
    }
    // (A long notice may name one vendor on every line.)
    out.sort_unstable();
    out.dedup();
    out
}

/// `「社労夢」(株式会社北浜ソフト)`: a system's name, its maker in brackets.
static SYSTEM_MAKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"」[（(]([^（()）]{2,30})[)）]").expect("valid"));

/// `兵庫県尼崎市` → `尼崎市`: a municipality is named without its prefecture.
fn strip_place(name: &str) -> &str {
    for p in super::organization::PREFECTURES {
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

#[cfg(test)]
mod tests {
    use super::super::header::title;
    use super::super::sections;
    use super::*;

    fn named(text: &str) -> Option<String> {
        let (ls, ss) = sections::parse(text);
        let first = ss.iter().find_map(|s| s.heading).unwrap_or(ls.len());
        let t = title(&ls, first);
        issuer(&ls, &ss, t.as_ref(), first).name.map(|f| f.value)
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
            // A ministry that told the body of the error is not its issuer.
            (
                "保険料の算定誤りについて\n厚生労働省から「保険料の軽減判定の誤りに係る情報提供」があり、本町でも確認したところ、誤りがありました。\n厚生労働省から連絡を受けました。\n",
                None,
            ),
            (
                "保険料の算定誤りについて\n厚生労働省より各地の計算システムに設定の誤りがあるとの情報提供を受け、調べたところ誤りが分かりました。\n厚生労働省の通知を受けました。\n",
                None,
            ),
            // Kinds of bodies, a year before a name, a word for a group's companies.
            (
                "保育料の誤りについて\n認可保育所及び認定こども園の保育料を誤って算定しました。\n認可保育所及び認定こども園に通う方が対象です。\n",
                None,
            ),
            (
                "調査票の紛失について\n平成30年度北浜県社会福祉調査の調査票を紛失しました。\n平成30年度北浜県社会福祉調査の調査員です。\n",
                None,
            ),
            // The hospital that signs, not the corporation that runs it.
            (
                "USBメモリの紛失について\n当院で患者様の情報を記録したUSBメモリを紛失しました。\n令和2年11月20日\n社会福祉法人 北浜会 北浜中央病院\n院長 山田太郎\n",
                Some("北浜中央病院"),
            ),
            // A place (北浜市内の…), or a label (市町名、…), is no body.
            (
                "表題について\n1 概要\n北浜市内の世帯から受け取った調査票の一部(3世帯分)が見当たりません。\n2 経過\n調査員が北浜市内のポストに入れたとのことです。\n",
                None,
            ),
            (
                "名簿の紛失について\n1 概要\n調査員が名簿を紛失しました。\n2 記載内容\n市町名、調査員氏名、世帯主の氏名(12名)\n3 対応\n",
                None,
            ),
            // A name defined after a comma of the other width.
            (
                "表題についてのご報告\nこの度,言語文化研究学会(以下「学会」)が利用する決済会社で流出がありました。",
                Some("言語文化研究学会"),
            ),
            // The contractor the notice's body commissioned is not its issuer,
            // however often it is named.
            (
                "委託先への不正アクセスについて\n北浜県後期高齢者医療広域連合が業務を委託する株式会社どこか印刷のサーバーがウイルスに感染しました。\n当広域連合は、株式会社どこか印刷に調査を求めています。",
                Some("北浜県後期高齢者医療広域連合"),
            ),
            (
                "講座の案内メールについて\n県が委託している講座の受託者である株式会社divが、受講予定者にメールを送信しました。\n受託者である株式会社divに対し、周知徹底を行いました。",
                None,
            ),
            // A kind of body is no name.
            (
                "表題について\n本校の卒業生の指導要録に誤りがありました。\n中学校3年生時の評定です。中学校の記録です。",
                None,
            ),
            ("表題について\n代表取締役 山田太郎", None),
            // Of two heads signing, the one of the body the notice speaks as (当院).
            (
                "表題について\n当院の駐車場で、検査の名簿を紛失しました。\n【事案の内容】\n強風で名簿が飛ばされ、1枚が見つかっていません。\n北浜町長 山田 太郎\n公立北浜病院長 佐藤 次郎",
                Some("公立北浜病院"),
            ),
            // 市民課 is a section, not a city (生活環境部市民課).
            (
                "表題について\n本市において、手数料を誤って徴収していたことが判明しました。\n年末に、市民生活部市民課が事務を見直しました。",
                None,
            ),
            // Those a mail went to (市内事業所宛てに) are not part of the name.
            (
                "表題について\n市内事業所宛てに北浜市観光課(広報係)を名乗る偽のメールが届いていることが分かりました。本市のメールサーバーは感染していません。",
                Some("北浜市"),
            ),
        ];
        for (text, want) in table {
            assert_eq!(named(text).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn a_parent_body_and_its_hospital_or_branch_are_one_name() {
        let table: &[(&str, &str)] = &[
            // The signature: the parent on one line, the hospital on the next.
            (
                "個人情報の漏えいについてのお知らせ\n当院で書類を誤送付しました。\n令和6年11月15日\n独立行政法人こだま病院機構\n南町医療センター\n院長 山田 一郎",
                "独立行政法人こだま病院機構 南町医療センター",
            ),
            // One line, the hospital with its director's title.
            (
                "2022年5月20日掲載 独立行政法人こだま病院機構 北町医療センター院長 山田 一郎\n【お詫び】当院職員による紛失について\n当院職員がUSBメモリを紛失しました。",
                "独立行政法人こだま病院機構 北町医療センター",
            ),
            // Navigation lines between the parent and its branch.
            (
                "全国保険協会\nについて\n健診・保健指導\n西川支部\n委託機関による再委託の申請漏れ\n発生年月日\n令和7年4月11日",
                "全国保険協会 西川支部",
            ),
            // A hospital named by its director's title.
            (
                "患者情報の紛失について\n令和4年10月17日\n東西医科大学病院長\n東西医科大学病院において、ノートを紛失しました。",
                "東西医科大学病院",
            ),
        ];
        for (text, want) in table {
            assert_eq!(named(text).as_deref(), Some(*want), "{text}");
        }
    }

    #[test]
    fn a_name_the_notice_defines_and_names_only_in_the_title() {
        assert_eq!(
            named(
                "委託業務受託者へのサイバー攻撃について\n令和3年9月2日 水道局\n北浜市水道局(以下「当局」という。)が業務を頼んでいる事業者から報告がありました。\n1 委託内容\n(1)受託者\n株式会社どこか設計"
            )
            .as_deref(),
            Some("北浜市水道局")
        );
        // Named only in the title.
        assert_eq!(
            named("本文\n南浜市立東小学校における児童の書類の紛失について\n1 概要\n教員がファイルを紛失した。")
                .as_deref(),
            Some("南浜市立東小学校")
        );
        // Named in the text where the notice calls itself 当協会.
        assert_eq!(
            named("サービスへの攻撃につきまして\nサービスが利用しづらくなりました。\nなお、東西気象協会は警察に相談しています。当協会が被った被害をお伝えします。")
                .as_deref(),
            Some("東西気象協会")
        );
    }

    /// Notices of the shapes real ones take, and the name each gives (None:
    /// the field stays TODO).
    #[test]
    fn names_read_from_notices_of_these_shapes() {
        let table: &[(&str, &str, Option<&str>)] = &[
            (
                "the line above the head of the body signing, whatever its name ends with",
                "研究用計算機への不正アクセスについて\n研究者の計算機に外部から不正なアクセスがありました。\n計算機は停止しました。\n2014年2月3日\n北浜天文台\n台長 山田 太郎",
                Some("北浜天文台"),
            ),
            (
                "the body the first sentence is about, as the subject of が",
                "書類の誤送付について\n令和7年2月28日\n発生年月日\n令和6年12月26日\n事案\n全国健康保険協会北浜支部が業務を委託している機関が、書類を別の方に送付しました。",
                Some("全国健康保険協会北浜支部"),
            ),
            (
                "a corporation named at the top and again in the signature is one name",
                "不正アクセスについて\n2021年3月18日\n国立研究開発法人 北浜研究機構\n当機構のネットワークに不正なアクセスがありました。\n以上\n国立研究開発法人北浜研究機構",
                Some("国立研究開発法人 北浜研究機構"),
            ),
            (
                "a company, then its branch on the next line",
                "検針票の未交付について\n2012年10月09日\n北浜電力株式会社\n南町支店\n当社は、南町支店の営業所で検針票を交付していませんでした。",
                Some("北浜電力株式会社 南町支店"),
            ),
            (
                "a body's name with a middle dot",
                "関連会社の不祥事に関するお詫び\n株式会社コープ・ミナミの職員が会社のお金を着服していたことが判明しました。",
                Some("株式会社コープ・ミナミ"),
            ),
            (
                "a signature whose head acts for another",
                "不正経理事案の発覚について\n2020年9月16日\n会計で不適切な経理の疑いが見つかりました。\n皆様に深くお詫び申し上げます。\n北浜県労働組合総連合会南町地域連合会   会長代行  山田 太郎",
                Some("北浜県労働組合総連合会南町地域連合会"),
            ),
            (
                "a body that speaks as itself, over a school named by kind",
                "北浜市立小学校において、教員が名簿を入れたUSBメモリを紛失しました。\n北浜市教育委員会といたしましては、本件を重く受け止めております。",
                Some("北浜市教育委員会"),
            ),
            (
                "a corporation and its hospital on two lines: the hospital",
                "社会福祉法人 仁生社\n江戸川病院\n2021-01-22更新\nこの度、当院でUSBメモリを紛失しました。",
                Some("江戸川病院"),
            ),
            (
                "a corporation and its hospital on one line: the hospital",
                "システム障害に関するお詫び\n医療法人久仁会 鳴門山上病院\n当院のシステムに障害が発生しました。",
                Some("鳴門山上病院"),
            ),
            (
                "a society alone is itself",
                "メール送信事故について\n公益社団法人日本植物学会\n会員の皆様へのメールを誤って送信しました。",
                Some("公益社団法人日本植物学会"),
            ),
            (
                "a legal form written apart from the name is part of it",
                "迷惑メールにご注意ください\n公益社団法人 日本農業法人協会\n当協会の名をかたるメールが届いています。当協会からのメールではありません。\n",
                Some("公益社団法人 日本農業法人協会"),
            ),
            (
                "a sender named with より、",
                "不審なメールについて\n南町商工会より、標題の件についてお知らせいたします。\n",
                Some("南町商工会"),
            ),
            (
                "a city's hospital under the heading of the city's post",
                "USBメモリの紛失について\n北浜市病院事業管理者\n今般、市立北浜市民病院西分院において患者情報の入ったUSBメモリを紛失しました。\n1 概要\n紛失した。",
                Some("市立北浜市民病院西分院"),
            ),
            (
                "an office of a ministry writes as its ministry",
                "メールアドレスの誤送信について\n厚生労働省の統括官付の室で起きたメールアドレスの誤送信について、お知らせします。\n1 概要\n誤って宛先欄に入力した。",
                Some("厚生労働省"),
            ),
            (
                "kana inside a name",
                "不審メールについて\n弊社社員を名乗る不審なメールが届いています。\n北ひばりが丘自動車株式会社\n問い合わせ先 北ひばりが丘自動車株式会社 総務部\n",
                Some("北ひばりが丘自動車株式会社"),
            ),
            (
                "a help desk the notice refers readers to is not its issuer",
                "迷惑メールについて\n認定NPO法人まちづくりスポット\nNOTICEサポートセンター\n当法人を差出人とする迷惑メールが送られています。",
                Some("認定NPO法人まちづくりスポット"),
            ),
            (
                "a spoofing warning names the body it denies sending as",
                "【注意喚起】学会のアドレスを詐称したメールについて\n学会のアドレスを差出人にしたメールが届いています。\nこれは表示名を偽ったもので、北浜地理学会が送信したものではございません。\n",
                Some("北浜地理学会"),
            ),
            (
                "当法人 is a council of social welfare, named in the sample of a spoofed sender",
                "なりすましメールについて\n当法人の職員を装ったメールが送られています。\n差出人:\"南町社会福祉協議会\"<abc@example.jp>\n",
                Some("南町社会福祉協議会"),
            ),
            (
                "a prefecture's press release about its school, named in the title",
                "県立南町高等学校における名簿の誤送信について\n掲載日:2019年6月3日\n県立南町高等学校において、メールを誤って送信しました。\n(問合せ先)\n北浜県教育委員会教育局高校教育課\n電話012-345-6789\n北浜県",
                Some("北浜県立南町高等学校"),
            ),
            (
                "a name the notice defines, after the year it acted in",
                "個人情報の表示について\n令和6年10月31日\n事案\n別の方の情報が表示されました。\n発生原因\n平成30年度に北浜健康保険協会(以下「北浜協会」という。)が実施した業務において、番号の誤りがありました。\n",
                Some("北浜健康保険協会"),
            ),
            (
                "a city whose name begins with a particle's kana keeps it",
                "書類の誤送付について\nにかほ市(以下「市」という。)は、通知書を別の方に送付しました。\n",
                Some("にかほ市"),
            ),
            (
                "a title's label and its bracketed subject are no name",
                "注意喚起(当協会の名をかたる不審メールについて)\n2020年3月2日から、当協会を名乗る不審なメールが取引先に届いています。\n",
                None,
            ),
            (
                "the bodies a list of links refers readers to are not the issuer",
                "不審メールについて\n協会職員名を騙った不審メールが送信されています。\n添付ファイルは開かないでください。\n関係機関の案内もご覧ください。\n〇警視庁\n感染を疑ったら\n〇独立行政法人 情報処理推進機構\n感染に関する注意喚起\n",
                None,
            ),
            (
                "万が一当法人: the notice's own word, not a name",
                "なりすましメールについて\n万が一当法人職員を装ったメールを開封された場合は削除してください。\n",
                None,
            ),
            (
                "障害支援区分: a classification, not a ward",
                "障害支援区分の調査の書類の誤送付について\n障害支援区分の調査の書類を誤って送りました。\n",
                None,
            ),
            (
                "the prefectural police is no prefecture",
                "千葉県警、国交省のシステムへの不正アクセスで職員を書類送検\n千葉県警は、国土交通省のシステムに不正にアクセスした疑いで職員を書類送検しました。\n",
                None,
            ),
            (
                "no name runs on through a verb's ending (参加する区)",
                "メール誤送信について\n研修に参加する区民の皆様へ送信しました。参加する区民の方に。\n",
                None,
            ),
            (
                "the chair of a committee signs for the committee",
                "投票用紙の交付誤りについて\n令和3年10月21日、期日前投票所において、選挙人に誤った投票用紙を交付しました。\n令和3年10月21日\n北浜市選挙管理委員会委員長   山田 太郎",
                Some("北浜市選挙管理委員会"),
            ),
            (
                "a prefecture in an election's name is no body",
                "北浜県知事選挙における投票用紙の二重交付について\n更新日:2021年11月02日\n令和3年10月31日執行の北浜県知事選挙の期日前投票所において、投票済みの者に誤って投票用紙を交付しました。",
                None,
            ),
            (
                "都市 (in 都市計画税) is no city",
                "令和5年度 都市計画税と固定資産税の税額の誤りについて\n都市計画税の税額に誤りがありました。\n都市計画税の額を改めます。",
                None,
            ),
            (
                "the company whose system the body uses is not the body",
                "当事務組合が利用しているシステムの障害について\n当事務組合は会計システム「北浜会計」(株式会社北浜ソフト)を導入しています。6月5日に株式会社北浜ソフトのサーバーが不正アクセスを受けました。\n株式会社北浜ソフトによりますと、漏えいは確認されていません。",
                None,
            ),
            (
                "the provider of a service the body uses is not the body",
                "事業主の皆様へ\n当所が利用する株式会社北浜ソフト提供のクラウドサービスが、不正アクセスにより停止しました。\n株式会社北浜ソフトが調査を実施した結果、漏洩は確認されませんでした。",
                None,
            ),
            (
                "the ministry that informed the body is not the body",
                "保険料の誤りについて\n平成29年3月14日に、厚生労働省より、「保険料の軽減判定の誤りについて」報道発表があり、本町でも対象となる方がいることが判明しました。\n対象となる方には文書でご連絡します。\n詳しくは厚生労働省の報道発表をご覧ください。",
                None,
            ),
            (
                "がん inside a name (…国際がんセンター) is part of it",
                "書類の誤送付について\n先日、当センターで、受診者の書類を誤って郵送しました。\n【問い合わせ先】\n北浜国際がんセンター\n事務局 総務グループ",
                Some("北浜国際がんセンター"),
            ),
            (
                "自組合 (one's own union) is no name",
                "振込手数料の誤りについて\n送金手数料は本来330円(他行あて)110円(自組合あて)ですが、誤って多く引き落としました。\n自組合宛の手数料は返金します。",
                None,
            ),
            (
                "the body before what of it was attacked (…のサーバー機器が)",
                "不正アクセスについて\n一般社団法人北浜通信社のサーバー機器が、外部から不正に侵入されました。",
                Some("一般社団法人北浜通信社"),
            ),
            (
                "no name runs on through a particle (当院より患者)",
                "書類の紛失について\n当院より患者の皆様にお知らせします。当院では調査を続けています。\n",
                None,
            ),
        ];
        for (shape, text, want) in table {
            assert_eq!(named(text).as_deref(), *want, "{shape}");
        }
    }

    #[test]
    fn a_notice_that_names_itself_only_as_本学_or_県_gets_no_name() {
        for text in [
            "メールの誤送信について\n本学職員が、メールを誤って送信しました。",
            "招待メールの誤送信について\n県教育委員会においては、全ての県立学校長に指示する。",
            "書類の紛失について\n市立小学校において、書類を紛失しました。",
        ] {
            assert_eq!(named(text), None, "{text}");
        }
        let (ls, ss) =
            sections::parse("メールの誤送信について\n本学職員が、メールを誤って送信しました。");
        let t = title(&ls, ls.len());
        assert_eq!(
            issuer(&ls, &ss, t.as_ref(), ls.len()).self_word.as_deref(),
            Some("本学")
        );
    }
}
