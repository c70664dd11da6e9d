//! The notice's own title, the organization that issued it, the date it was
//! published and its address: from the heading and signature lines.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use unicode_width::UnicodeWidthStr;

pub use super::date_line::date_line;
use super::date_line::signature_date_line;
use super::lines::Line;
use super::sections::{Kind, Section};
use super::{dates, marker};
use crate::model::PartialDate;

pub use super::organization::{organization_line, organization_name, sector_hint};

/// A value found in the notice, with the lines it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact<T> {
    pub value: T,
    /// Indices into the notice's lines.
    pub lines: Vec<usize>,
    /// The words of the notice it was read from.
    pub quote: String,
}

/// How many lines at the top hold headings.
pub(super) const EDGE: usize = 8;

/// The notice's own date: the earliest line that is only a date among the
/// heading lines above the first section and the signature (a page dated
/// when it was posted and again when it was updated was published on the
/// first), else a date closing the first (heading) line. Dates inside
/// sentences (an earlier report the notice mentions) never count here.
pub fn published(
    lines: &[Line],
    sections: &[Section],
    first_heading: usize,
) -> Option<Fact<PartialDate>> {
    let top = 0..first_heading.min(2 * EDGE).min(lines.len());
    let signature = sections
        .iter()
        .filter(|s| s.is(Kind::Signature))
        .flat_map(|s| s.blocks.iter().map(|b| b.line));
    // A date alone above the first sentence heads the notice; a date alone
    // after it may be an entry of the timeline (記 令和2年8月13日 …), so is
    // read only when none heads it.
    let account = first_sentence(lines);
    let heads = (0..top.end.min(account)).any(|i| date_line(&lines[i].text).is_some());
    let top = if heads { 0..top.end.min(account) } else { top };
    let mut best: Option<Fact<PartialDate>> = None;
    // A release headed by its day (6月8日プレスリリース) is dated by it, not
    // by the page's later update.
    let release = release_heading(lines);
    let updated = |i: usize| release.is_some() && lines[i].text.contains("更新");
    // A signature's line may be dated by its month alone (令和4年1月).
    // A month alone above the body's name dates it too (平成30年11月 / 北浜市福祉課).
    let above_name = |i: usize| {
        lines.get(i + 1).is_some_and(|n| {
            let t = n.text.trim();
            super::organization::organization_line(t).is_some()
                || super::organization::department(t) && t.chars().count() <= 20
        })
    };
    let dated = top
        .clone()
        .map(|i| {
            let t = &lines[i].text;
            (
                i,
                date_line(t).or_else(|| above_name(i).then(|| signature_date_line(t)).flatten()),
            )
        })
        .chain(
            signature
                .filter(|i| !top.contains(i))
                .map(|i| (i, signature_date_line(&lines[i].text))),
        )
        // 就学援助費の誤りについて(令和元年7月2日), `【...】組織 表題 2024/8/7`:
        // the date the heading line ends with;
        // …について 最終更新日:2024年3月1日 (ID:1234) 印刷 …: a page's label and
        // date inside a first line that runs on.
        .chain(lines.iter().take(3).enumerate().filter_map(|(i, l)| {
            let t = &l.text;
            let found = dates::find(t, None);
            let closing = found.last().filter(|f| {
                i == 0
                    && f.date.day.is_some()
                    && t[f.end..].trim().trim_matches([')', '）', ' ']).is_empty()
                    && !t.ends_with('。')
            });
            // (The page may have set the title apart: the label then opens
            // the next line.)
            let labelled = found.iter().find(|f| {
                let before = t[..f.start].trim_end_matches([':', '：', ' ', '　']);
                f.date.day.is_some()
                    && super::date_line::PAGE_DATE_LABELS
                        .iter()
                        .any(|w| before.ends_with(w))
            });
            closing.or(labelled).map(|f| (i, Some(f.clone())))
        }))
        // (令和7年5月21日更新) closing the page: its date, labelled.
        .chain(
            lines
                .iter()
                .enumerate()
                .rev()
                .find(|(_, l)| !l.text.trim().is_empty())
                .filter(|(i, l)| {
                    !top.contains(i)
                        && super::date_line::PAGE_DATE_LABELS
                            .iter()
                            .chain(&["更新", "掲載", "公開"])
                            .any(|w| l.text.contains(w))
                })
                .map(|(i, l)| (i, date_line(&l.text))),
        );
    for (i, f) in dated {
        if let Some(f) = f
            && !updated(i)
            && best.as_ref().is_none_or(|b| b.value.is_after(&f.date))
        {
            best = Some(Fact {
                value: f.date,
                lines: vec![i],
                quote: f.text,
            });
        }
    }
    if best.is_some() {
        return best;
    }
    // (A heading line that ends with its date, `【...】組織 表題 2024/8/7`, is
    // read above among the dated lines.)
    // `2022.12.22 …の誤送付について`: a heading line that begins with its date.
    for (i, line) in lines.iter().enumerate().take(top_end(lines, first_heading)) {
        let t = line.text.as_str();
        // …の誤送付について(令和7年4月2日発表): the title with its date.
        if let Some(f) = dates::find(t, None).into_iter().last()
            && f.date.day.is_some()
            && f.year_written
            && ["発表)", "発表）", "公表)", "公表）", "掲載)", "掲載）"]
                .iter()
                .any(|w| {
                    // (…日報道発表), (…日記者発表): the kind of announcement too.
                    let rest = t[f.end..].trim_start();
                    let rest = ["報道", "記者"]
                        .iter()
                        .fold(rest, |r, k| r.strip_prefix(k).unwrap_or(r));
                    rest.starts_with(w)
                })
        {
            return Some(Fact {
                value: f.date,
                lines: vec![i],
                quote: f.text,
            });
        }
        if let Some(f) = dates::find(t, None).into_iter().next()
            && f.start == 0
            && f.year_written
            && f.date.day.is_some()
            && t[f.end..].starts_with([' ', '\u{3000}'])
            && !t.contains('。')
            && ["について", "お詫び", "おわび", "お知らせ", "ご報告"]
                .iter()
                .any(|w| t.contains(w))
        {
            return Some(Fact {
                value: f.date,
                lines: vec![i],
                quote: f.text,
            });
        }
    }
    told_today(lines, top_end(lines, first_heading))
        .or_else(|| press_release_entry(lines))
        .or(release)
        .or_else(|| footer_date(lines))
}

/// `6月8日プレスリリース:…について`: a release headed by its month and day,
/// in the year of the first dated event it tells (the next year when that
/// falls later in the year).
fn release_heading(lines: &[Line]) -> Option<Fact<PartialDate>> {
    let (i, line) = lines
        .iter()
        .enumerate()
        .take(3)
        .find(|(_, l)| !l.text.trim().is_empty())?;
    let t = line.text.trim();
    let f = dates::find(t, Some(2000)).into_iter().next()?;
    let rest = t[f.end..].trim_start();
    let released = [
        "プレスリリース",
        "プレリリース",
        "記者発表",
        "報道発表",
        "発表",
    ]
    .iter()
    .any(|w| rest.starts_with(w));
    if f.start != 0 || f.year_written || f.date.day.is_none() || !released {
        return None;
    }
    let event = lines[i + 1..]
        .iter()
        .flat_map(|l| dates::find(&l.text, None))
        .find(|g| g.year_written && g.date.month.is_some())?;
    let mut date = PartialDate {
        year: event.date.year,
        ..f.date
    };
    if event.date.is_after(&date) {
        date.year += 1;
    }
    Some(Fact {
        value: date,
        lines: vec![i],
        quote: f.text,
    })
}

/// The page's date in its footer, below the contact lines (`更新日:…`).
fn footer_date(lines: &[Line]) -> Option<Fact<PartialDate>> {
    let footer = lines.len().saturating_sub(3)..lines.len();
    footer.rev().find_map(|i| {
        let t = &lines[i].text;
        super::date_line::PAGE_DATE_LABELS
            .iter()
            .any(|w| t.contains(w))
            .then(|| date_line(t))
            .flatten()
            .map(|f| Fact {
                value: f.date,
                lines: vec![i],
                quote: f.text,
            })
    })
}

/// The first line that holds a sentence (`。`): where the account begins,
/// below the heading lines.
fn first_sentence(lines: &[Line]) -> usize {
    lines
        .iter()
        .position(|l| l.text.contains('。'))
        .unwrap_or(lines.len())
}

/// Where a notice's opening lines end: the first section, within limits.
fn top_end(lines: &[Line], first_heading: usize) -> usize {
    first_heading.clamp(4, 2 * EDGE).min(lines.len())
}

/// `本日（平成28年10月10日）、…`: the notice dates itself in its opening lines.
fn told_today(lines: &[Line], end: usize) -> Option<Fact<PartialDate>> {
    lines.iter().enumerate().take(end).find_map(|(i, line)| {
        let at = line.text.find("本日")?;
        let after = &line.text[at + "本日".len()..];
        let f = dates::find(after, None).into_iter().next()?;
        let opening = after[..f.start].trim();
        (matches!(opening, "(" | "（") && f.date.day.is_some()).then(|| Fact {
            value: f.date,
            lines: vec![i],
            quote: f.text,
        })
    })
}

/// A timeline's entry of the press release itself (`令和7年10月21日：…報道発表を
/// 行った`): the day the notice was made public, when nothing else dates it.
fn press_release_entry(lines: &[Line]) -> Option<Fact<PartialDate>> {
    let mut best: Option<Fact<PartialDate>> = None;
    for (i, line) in lines.iter().enumerate() {
        let t = marker::marker(&line.text).map_or(line.text.as_str(), |(_, rest)| rest);
        let Some(f) = dates::find(t, None).into_iter().next() else {
            continue;
        };
        let released = ["報道発表", "記者発表", "プレスリリース", "公表"]
            .iter()
            .any(|w| t[f.end..].contains(w))
            && ["を行った", "を行いました", "しました", "した。"]
                .iter()
                .any(|w| t.contains(w));
        // An entry: the date, then a colon or a space (not 2024年5月1日に公表した件).
        let entry = t[f.end..].starts_with([':', '：', ' ', '\u{3000}']);
        if f.start == 0
            && entry
            && f.date.day.is_some()
            && released
            && best.as_ref().is_none_or(|b| f.date.is_after(&b.value))
        {
            best = Some(Fact {
                value: f.date,
                lines: vec![i],
                quote: f.text,
            });
        }
    }
    best
}

/// The day a later report (第2報, その後の対応) says the matter was first made
/// public: `令和7年12月18日に公表いたしました…`, `R7.2.28に公表した…（第1報）`,
/// `2023年12月7日に「…（以下、既報）」を公表いたしました`, in its opening
/// lines and before the report's own date.
pub fn announced(
    lines: &[Line],
    first_heading: usize,
    own: Option<&Fact<PartialDate>>,
) -> Option<Fact<PartialDate>> {
    let lead = top_end(lines, first_heading);
    for (i, line) in lines.iter().enumerate().take(lead) {
        for (_, sentence) in crate::sentence::split(&line.text) {
            // 公表いたしました / 公表した / (以下、既報): an announcement made, not
            // something published in the incident (…に公表していたことが判明).
            let publishing = [
                "公表いたしました",
                "公表しました",
                "公表した",
                "発表いたしました",
                "発表しました",
                "発表した",
                "お知らせいたしました",
                "お知らせしました",
                "既報",
                "第1報",
                "第一報",
                "第１報",
            ]
            .iter()
            .any(|w| sentence.contains(w));
            // 公表した契約案件「…」, 公表した「…工事」: a tender or a document
            // made public, not this matter.
            let thing = ["公表した", "発表した", "公表しました", "公表いたしました"]
                .iter()
                .flat_map(|w| sentence.match_indices(w).map(move |(at, _)| at + w.len()))
                .any(|end| {
                    let next = &sentence[end..];
                    next.starts_with('「')
                        || ["契約", "案件", "入札", "資料"]
                            .iter()
                            .any(|w| next.starts_with(w))
                });
            // 厚生労働省が…と公表した: another body's announcement.
            let others = ["省が", "庁が", "国が", "省は", "庁は"]
                .iter()
                .any(|w| sentence.contains(w));
            if !publishing || thing || others || sentence.contains("個人情報保護委員会") {
                continue;
            }
            let Some(f) = dates::find(sentence, None)
                .into_iter()
                .find(|f| f.year_written && f.date.day.is_some())
            else {
                continue;
            };
            if own.is_none_or(|o| o.value.is_after(&f.date)) {
                return Some(Fact {
                    value: f.date,
                    lines: vec![i],
                    quote: f.text,
                });
            }
        }
    }
    None
}

/// The title line: near the top, not a date, an organization or a sentence;
/// one that reads like a notice's title (…について, …お詫び) is preferred.
/// Returns the title and, when the line began with the organization's name
/// (`気仙沼市 市立病院における…`), that name.
pub fn title(lines: &[Line], first_heading: usize) -> Option<(Fact<String>, Option<Fact<String>>)> {
    // A page's navigation may come first: look as far as the first section.
    let top = first_heading.min(3 * EDGE).min(lines.len());
    let account = first_sentence(lines);
    let mut best: Option<(usize, usize, usize)> = None; // (score, width, index)
    for (i, line) in lines.iter().enumerate().take(top) {
        let t = title_head(&line.text);
        if t.ends_with(['。', '．'])
            || t.starts_with(['※', '＊', '*', '・', '●', '○', '■', '□', '◆', '◇', '-'])
            // (*注)…, (注1)…: a note.
            || t.starts_with("(*") || t.starts_with("（＊") || t.starts_with("(注") || t.starts_with("（注")
            || date_line(t).is_some()
            || t.width() < 12
            || t.width() > 240
        {
            continue;
        }
        if organization_line(t).is_some() || URL.is_match(t) && t.split_whitespace().count() == 1 {
            continue;
        }
        // 11月8日(金曜日)~14日(木曜日), 5月26日(金曜日)より: a timeline's dates.
        let mut undated = t.to_string();
        for f in dates::find(t, None).iter().rev() {
            undated.replace_range(f.start..f.end, "");
        }
        if DAY_ALONE_OR_WEEKDAY.replace_all(&undated, "").width() < 12 {
            continue;
        }
        // A sentence without its full stop (…よろしくお願いします), a
        // contact line (担当 教職員課 山中), a bracketed label ([記者発表資料]).
        // (…がマルウェアに感染しました twice at the top, as the page's heading
        // and its text's: a title said as a sentence.)
        let repeated =
            lines[..top].iter().filter(|l| l.text == line.text).count() >= 2 && !t.contains('、');
        let sentence = ["ます", "ません", "ください", "さい", "です", "でした"]
            .iter()
            .any(|e| t.ends_with(e))
            // …についてお詫びいたします: a title that apologizes.
            && !t.contains("お詫び")
            && !t.contains("おわび")
            // …メールにご注意ください: a warning's title.
            && !["ご注意ください", "ご注意下さい", "ご注意願います"]
                .iter()
                .any(|e| t.ends_with(e))
            && !repeated;
        let label =
            (t.starts_with('[') && t.ends_with(']')) || (t.starts_with('［') && t.ends_with('］'));
        let contact = ["担当", "問い合わせ", "問合せ", "お問い合わせ", "お問合せ"]
            .iter()
            .any(|w| t.starts_with(w))
            // お取引先各位, 組合員・利用者各位: whom the notice addresses.
            || ["各位", "の皆様", "の皆さま", "の皆さん"]
                .iter()
                .any(|w| t.ends_with(w));
        // 警察庁サイバー犯罪対策プロジェクト: a link to another body's page.
        if sentence
            || label
            || contact
            || super::organization::THIRD_PARTIES
                .iter()
                .any(|w| t.starts_with(w))
        {
            continue;
        }
        // A line with a person's title is a signature (…院長 山田一郎), not a
        // title; so is what is left of one once its date and body are taken
        // off (平成30年3月 北浜県立中央病院 院長 山田一郎).
        if t.split(' ')
            .any(|w| super::organization::without_role(w).is_some())
            || super::organization::role_line(t)
            || super::organization::role_line(strip_edges(t).0)
        {
            continue;
        }
        let stripped = strip_edges(t).0;
        // A menu item (協会けんぽについて) is short; a notice's title says more.
        let score = if TITLE_ENDS.iter().any(|e| stripped.ends_with(e)) && stripped.width() >= 20 {
            3
        } else if !t.contains('、') {
            2
        } else {
            1
        };
        // After the account has begun, only a line that reads as a title
        // is one (not an item of a list of data: 氏名、住所、…).
        if i > account && score < 3 {
            continue;
        }
        // Of lines alike, the longer (a title, not a menu item), the earlier.
        let width = t.width().min(60);
        if best.is_none_or(|(s, w, _)| (score, width) > (s, w)) {
            best = Some((score, width, i));
        }
    }
    let (_, _, i) = best?;
    let (text, org) = strip_edges(title_head(&lines[i].text));
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
    // An archive's label (【セキュリティ事件簿#2024-350】) is not the notice's;
    // the notice's own (【お詫び】, 【重要】) is part of its title.
    if t.starts_with('【')
        && let Some(end) = t.find('】')
        && t[..end].contains(|c: char| c == '#' || c == '＃' || c.is_ascii_digit())
    {
        let after = t[end + '】'.len_utf8()..].trim();
        if after.width() >= 10 {
            t = after;
        }
    }
    // 【プレスリリース】: a label of the kind of document, not the title's.
    for label in DOCUMENT_LABELS {
        if let Some(after) = t.strip_prefix(label)
            && after.trim().width() >= 10
        {
            t = after.trim();
        }
    }
    // A site's separator after the title (…のお詫び｜ サイト名 was cut).
    t = t.trim_end_matches(['|', '｜']).trim_end();
    if let Some(last) = dates::find(t, None).last()
        && t[last.end..].trim().is_empty()
        && last.start > 0
    {
        t = t[..last.start].trim_end();
    }
    // …お詫びとご案内(2023/02/14): the date in brackets after the title.
    if let Some(last) = dates::find(t, None).last()
        && matches!(t[last.end..].trim(), ")" | "）")
        && t[..last.start].ends_with(['(', '（'])
        && last.start > 1
    {
        t = t[..last.start].trim_end_matches(['(', '（']).trim_end();
    }
    // The page's date before the title: 2025年10月1日区立小学校における….
    // (令和7年国勢調査…: a year alone names what follows.)
    // (令和4年7月10日(日)執行の…選挙: a date naming what follows.)
    if let Some(first) = dates::find(t, None).first()
        && first.start == 0
        && first.date.month.is_some()
        && t[first.end..].trim().width() >= 10
        && !names_what_follows(&t[first.end..])
    {
        t = t[first.end..].trim_start();
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

/// How a notice's title ends (…について, …お詫び, …(第2報)).
const TITLE_ENDS: &[&str] = &[
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

/// A title with the text after it on its line (`…お詫びとご報告(続報)
/// 5月8日当法人の…しました。`): the title; any other line whole.
fn title_head(line: &str) -> &str {
    let t = line.trim();
    if let Some((head, rest)) = t.split_once([' ', '　'])
        && head.width() >= 12
        && rest.trim_end().ends_with('。')
        && !head.contains(['、', '。'])
        && TITLE_ENDS.iter().any(|e| head.ends_with(e))
    {
        return head;
    }
    t
}

/// What follows a date, its weekday aside, says the date is of it
/// (`(日)執行の…選挙`, `の説明会`): the date is part of a name.
fn names_what_follows(after: &str) -> bool {
    let mut rest = after.trim_start();
    if let Some(m) = DAY_ALONE_OR_WEEKDAY.find(rest)
        && m.start() == 0
    {
        rest = &rest[m.end()..];
    }
    ["執行", "開催", "実施", "の"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// Labels of the kind of document before a title.
const DOCUMENT_LABELS: &[&str] = &[
    "【プレスリリース】",
    "【報道発表】",
    "【報道発表資料】",
    "【記者発表】",
    "【記者発表資料】",
    "【報道資料】",
];

/// A day written alone or a weekday in brackets (`14日`, `(木曜日)`, `（金）`).
static DAY_ALONE_OR_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9０-９]{1,2}日|[（(][月火水木金土日](曜日?)?[)）]").expect("valid")
});

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"https?://[^\s　)）」』>\]]+").expect("valid"));

/// Web addresses in the notice, each once, with the line they appear on.
pub fn urls(lines: &[Line]) -> Vec<Fact<String>> {
    let mut out: Vec<Fact<String>> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        for m in URL.find_iter(&line.text) {
            let url = m.as_str().trim_end_matches(['.', '。', '、', ',']);
            if seen.insert(url) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        super::super::lines::read(text)
    }

    /// The published date drafted from a notice whose first section starts at `first`
    /// (`None`: at the end).
    fn published_of(text: &str, first: Option<usize>) -> Option<String> {
        let ls = lines(text);
        let first = first.unwrap_or(ls.len());
        published(&ls, &super::super::sections::split(&ls), first).map(|f| f.value.to_string())
    }

    #[test]
    fn a_tender_made_public_earlier_is_not_the_matter_first_made_public() {
        for text in [
            "- 報道発表資料\n教育庁\n予定価格の誤掲載について\n令和6年10月22日に北浜出張所が公表した契約案件「公用車の購入」について、予定価格を誤って掲載しました。\n",
            "見積条件の誤記載について\n令和7年6月23日に公表した「北浜町配水管工事」の契約事務で、資料の一部を誤って記載しました。\n",
        ] {
            let ls = lines(text);
            assert!(announced(&ls, ls.len(), None).is_none(), "{text}");
        }
        // What a ministry made public is not this notice's first publication.
        let ls = lines(
            "保険税の賦課誤りについて\n2017年5月24日\n平成29年1月10日、厚生労働省が全国で保険料の計算に誤りがあったことを公表した。\n",
        );
        assert!(announced(&ls, ls.len(), None).is_none());
        // The matter itself made public before (…に公表しました件の続報) still is.
        let ls = lines("表題（第2報）\n2024年5月1日に公表しました件の続報です。\n");
        assert!(announced(&ls, ls.len(), None).is_some());
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
            // A date heading the notice; a date alone after its first
            // sentence is an entry of the timeline.
            (
                "2020年08月14日 総務局\n別の方あての書面を送付していたことが分かりましたので、お知らせします。\n記\n令和2年8月13日\n受け取った方から連絡を受けた。",
                Some("2020-08-14"),
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
            // A bullet before the date line.
            (
                "保育料の誤りについて\n• 平成30年1月22日\n保育料を誤って算定していました。",
                Some("2018-01-22"),
            ),
            // The page's label and date inside a first line that runs on.
            (
                "【お詫び】北浜市給付金の過払いのお知らせ 最終更新日:2024年6月8日 (ID:8123) 印刷 北浜市の給付金の事務で、金額を誤りました。対象の方には通知を送ります。今後は二人で確かめます。",
                Some("2024-06-08"),
            ),
            (
                // (A page stored as one line, split at its sentences: the
                // title then stands apart and the label opens the next line.)
                "【お詫び】給付事務の誤りについて 最終更新日:2024年6月9日 (ID:8124) 印刷 北浜市が実施している「臨時給付金」の事務で、一部の方の給付額を多く算定し、誤った案内を送ってしまいました。 市民の皆さまにお詫び申し上げます。 誤りの原因 給付額の計算で、給与の支払の報告の欄を読み違え、控除の額を少なく見ていました。 対象の方には個別に連絡し、差額の返還をお願いします。 今後は計算の設定を二人で確かめ、手順書を改めます。",
                Some("2024-06-09"),
            ),
            // The date the title gives, before the page's later update.
            (
                "就学援助費の支給の誤りについて(平成30年8月24日)\n\n更新日:2023年08月02日\n就学援助金を誤って支給しました。",
                Some("2018-08-24"),
            ),
            // The page's date at its foot, labelled.
            (
                "給付遅延のお詫び\n1.概要\n支給の処理を失念しました。\n2.再発防止策\n担当を二人にします。\n\n(令和7年5月22日更新)",
                Some("2025-05-22"),
            ),
            // A page's id on the line of its date.
            (
                "名簿の紛失について\nページID:0004321 更新日:2023年10月11日 印刷ページ表示\n名簿を紛失しました。",
                Some("2023-10-11"),
            ),
            (
                "メールにご注意ください\n【令和2年9月4日掲載】\n職員を装ったメールが確認されています。",
                Some("2020-09-04"),
            ),
            // The page's date in its footer, below the contact lines.
            (
                "迷惑メールにご注意ください\n市を装ったメールが送信されています。\nこの記事に関するお問い合わせ先\n総務部 地域政策課\nメールでのお問い合わせはこちら\n更新日:2020年09月02日",
                Some("2020-09-02"),
            ),
            // A release headed by its month and day (6月8日プレスリリース:…), in
            // the year of the events it tells, before the page's later update.
            (
                "6月8日プレスリリース:観光課をかたるメールについて\n観光課をかたるメールが送られていることが分かりました。\n1 把握日時\n令和4年6月7日\n更新日:2024年09月02日",
                Some("2022-06-08"),
            ),
            (
                "1月9日記者発表:書類の紛失について\n令和5年12月26日に書類を紛失しました。\n更新日:2024年09月02日",
                Some("2024-01-09"),
            ),
            // A heading's month alone above the body's name (平成30年11月 / 北浜市福祉課).
            (
                "認定誤りについてのお詫び\n平成30年11月\n北浜市福祉課\nこの度、認定に誤りがあることがわかりました。",
                Some("2018-11"),
            ),
            // A signature dated by its month alone.
            (
                "書類の送達について(お詫び)\n文書を誤って送達していました。\n1 概要\n令和3年12月に判明した。\n2 今後の対応\n確認を徹底する。\n令和4年1月\n北浜市社会福祉協議会 福祉資金部\nTEL 03-1234-5678",
                Some("2022-01"),
            ),
            (
                "2022年5月20日掲載 独立行政法人こだま病院機構 北町医療センター院長 山田 一郎\n【お詫び】当院職員による紛失について\n当院職員がUSBメモリを紛失しました。",
                Some("2022-05-20"),
            ),
        ];
        for (text, want) in table {
            let (ls, ss) = super::super::sections::parse(text);
            let first = ss.iter().find_map(|s| s.heading).unwrap_or(ls.len());
            let got = published(&ls, &ss, first).map(|f| f.value.to_string());
            assert_eq!(got.as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn a_notice_that_dates_itself_in_a_sentence_or_in_its_timeline() {
        let today = "研究情報の流出について\n本日（平成28年10月10日）、一部報道がありました。\n";
        assert_eq!(published_of(today, None).as_deref(), Some("2016-10-10"));
        let timeline = "個人情報の漏えいについて\n1 経過\n- 令和7年10月1日：誤って公開した。\n- 令和7年10月21日：事案の発生について報道発表を行った。\n";
        assert_eq!(
            published_of(timeline, Some(1)).as_deref(),
            Some("2025-10-21")
        );
        // The day of the incident in the timeline is not the notice's.
        let incident = "漏えいについて\n1 経過\n- 令和7年10月1日：誤って公開した。\n";
        assert_eq!(published_of(incident, Some(1)), None);
    }

    #[test]
    fn a_title_line_that_begins_with_its_date_and_a_date_with_spaced_dots() {
        let title = "2022.12.22 出願案内ハガキの誤送付について\n本学が送付したハガキの宛名が誤っていました。\n";
        assert_eq!(published_of(title, None).as_deref(), Some("2022-12-22"));
        let spaced = "お知らせ\n2019. 11. 25\n不審なメールに関するお詫び\n本文。\n";
        assert_eq!(published_of(spaced, None).as_deref(), Some("2019-11-25"));
    }

    #[test]
    fn a_title_with_its_announcement_date_in_brackets() {
        let title =
            "認定調査の書類の誤送付について(令和7年4月14日発表)\n書類を誤って送付しました。\n";
        assert_eq!(published_of(title, None).as_deref(), Some("2025-04-14"));
        let press = "調査票の紛失について(令和5(2023)年7月12日報道発表)\n調査票を紛失しました。\n";
        assert_eq!(published_of(press, None).as_deref(), Some("2023-07-12"));
    }

    #[test]
    fn a_signers_line_is_no_title_even_with_its_date_and_body() {
        let ls = lines(
            "このたび、当院で患者の情報を保存したパソコンを紛失しました。\n平成30年3月 北浜県立中央病院 院長 山田一郎\n",
        );
        assert_eq!(title(&ls, ls.len()).map(|(t, _)| t.value), None);
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
                "【重要】個人情報漏えいに関するお詫びとお知らせ",
            ),
            (
                "全市民の個人情報入ったUSBを紛失 兵庫 尼崎市が発表\n本文。",
                "全市民の個人情報入ったUSBを紛失 兵庫 尼崎市が発表",
            ),
            // The page's date before the title, a site's separator after it,
            // the page's text-size buttons before it.
            (
                "• 文字サイズ\n2025年10月1日区立中学校での個人情報の誤った配信\n本文。",
                "区立中学校での個人情報の誤った配信",
            ),
            // A salutation is no title; a warning's request is.
            ("組合員・利用者各位\n標記の件につき、お知らせします。", ""),
            (
                "なりすましメールにご注意ください\n\n市を装ったメールが送信されています。",
                "なりすましメールにご注意ください",
            ),
            // A bullet or a note is no title.
            (
                "・交付すべきだった文書:令和5年春に許可した施設の一覧\n(*注)認定の順に県が付ける番号\n本文。",
                "",
            ),
            (
                "11月8日(金曜日)~14日(木曜日)\n5月26日(金曜日)より\n本文。",
                "",
            ),
            (
                "県は、文書を誤って送付しました。\n氏名、推進員認定番号(*注)\n業種、営業者氏名、営業者所在地、屋号\n",
                "",
            ),
            // A sentence as the page's heading and again as its text's.
            (
                "本文\n市立中学校の端末がマルウェアに感染しました\n更新日:2023年5月9日\n市立中学校の端末がマルウェアに感染しました\n5月8日、感染が発生しました。",
                "市立中学校の端末がマルウェアに感染しました",
            ),
            // The date in brackets after the title.
            (
                "電子カルテの障害についてのお詫びとご案内(2023/02/14)\n本文。",
                "電子カルテの障害についてのお詫びとご案内",
            ),
            // A date that names what follows (the election held that day) stays.
            (
                "令和4年7月10日(日)執行の北浜県議会議員選挙における投票用紙の交付誤りについて\n本文。",
                "令和4年7月10日(日)執行の北浜県議会議員選挙における投票用紙の交付誤りについて",
            ),
            // A label of the kind of document is not the title's.
            (
                "【プレスリリース】接種会場におけるシールの貼り間違えについて\n本文。",
                "接種会場におけるシールの貼り間違えについて",
            ),
            // A page's content number is no title.
            (
                "2024年07月26日\nコンテンツ番号17662\nこのたび、料金の集計が合わない部分が見つかりました。\n",
                "",
            ),
            // A title with the text after it on the same line.
            (
                "お知らせ\n2021.5.12\nメール送信についてのお詫びとご報告(続報) 5月8日当法人の端末がウイルスに感染しました。\n当該端末は使っておりません。\n",
                "メール送信についてのお詫びとご報告(続報)",
            ),
            // A year alone names something (the 2025 census), not the page's date.
            (
                "令和7年国勢調査の地図の紛失について\n本文。",
                "令和7年国勢調査の地図の紛失について",
            ),
            (
                "メール誤送信によるお客様情報の漏えいについてのお詫び｜\n本文。",
                "メール誤送信によるお客様情報の漏えいについてのお詫び",
            ),
            (
                "院長細矢貴亮\nノートパソコンの紛失についてのお詫び\n本文。",
                "ノートパソコンの紛失についてのお詫び",
            ),
            // A link to the police's page is no title; a news title about the police is.
            (
                "警察庁サイバー犯罪対策プロジェクト\n当法人を装った迷惑メールについて\n本文。",
                "当法人を装った迷惑メールについて",
            ),
            (
                "千葉県警、国交省のシステムへの不正アクセスで職員を書類送検\n本文。",
                "千葉県警、国交省のシステムへの不正アクセスで職員を書類送検",
            ),
            (
                "[財団記者発表資料]\n担当教職員課山中一郎の報告\nメール送信事故についてのお詫びとご報告\n本文。\nどうか今後ともよろしくお願いします",
                "メール送信事故についてのお詫びとご報告",
            ),
        ];
        for (text, want) in table {
            let ls = lines(text);
            let t = title(&ls, ls.len()).map(|t| t.0.value).unwrap_or_default();
            assert_eq!(t, *want, "{text}");
        }
    }
}
