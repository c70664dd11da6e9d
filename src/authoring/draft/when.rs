//! When it happened and when it came to light. A date under a label
//! (発生日時, 判明日) is taken as labelled; otherwise each date of the account
//! is read with its sentence: one that tells of the discovery (判明, 発覚,
//! 気付いた, 連絡を受けた) is the `discovered` date, one that tells of the
//! event (紛失, 送信, 不正アクセス, 発生) the `occurred` date. A document's
//! date (`…付`), the period a record covers (`…から…までの患者の氏名`) and a
//! date after the notice's own are neither.

use std::sync::LazyLock;

use regex::Regex;

use super::dates;
use super::header::Fact;
use super::lines::Line;
use super::sections::{self, Kind, Section};
use crate::model::PartialDate;

/// The dates of the incident found in a notice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct When {
    pub occurred: Option<Fact<PartialDate>>,
    pub discovered: Option<Fact<PartialDate>>,
}

/// The year a month and day written alone belong to: the last full date read
/// before them, else the publication year.
struct Years {
    current: Option<u16>,
    /// The publication's year: a year written after it (令和5年2月から…される方)
    /// is one to come, and dates no day written alone after it.
    limit: Option<u16>,
}

impl Years {
    fn dates(&mut self, text: &str) -> Vec<dates::Found> {
        let mut found = dates::find(text, self.current);
        // 令和7年11月5日に…、11月21日に…: the year written first in the line
        // dates the month and day after it.
        if self.current.is_none()
            && let Some(first) = found.iter().find(|f| f.year_written)
        {
            found = dates::find(text, Some(first.date.year));
        }
        // A month and day alone after a year to come is in the publication's year.
        if let Some(limit) = self.limit {
            // (29 February is kept in its own year.)
            for f in found.iter_mut().filter(|f| {
                !f.year_written
                    && f.date.year > limit
                    && (f.date.month, f.date.day) != (Some(2), Some(29))
            }) {
                f.date.year = limit;
            }
        }
        found = with_days_alone(text, found);
        if let Some(last) = found
            .iter()
            .rev()
            .find(|f| f.year_written && self.limit.is_none_or(|y| f.date.year <= y))
        {
            self.current = Some(last.date.year);
        }
        found
    }
}

static DAY_ALONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9０-９]{1,2})日[（(][月火水木金土日]").expect("valid"));

/// `8月16日(金)に送付したところ、19日(月)に連絡があり`: a day written alone
/// with its weekday is in the month of the full date before it (the next
/// month when its day is smaller).
fn with_days_alone(text: &str, mut found: Vec<dates::Found>) -> Vec<dates::Found> {
    let mut extra = Vec::new();
    for c in DAY_ALONE.captures_iter(text) {
        let m = c.get(0).expect("whole");
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|b| b.is_ascii_digit() || ('０'..='９').contains(&b) || b == '月')
            || found
                .iter()
                .any(|f| f.start <= m.start() && m.start() < f.end)
        {
            continue;
        }
        let day: u8 = dates::fold(&c[1]).0.parse().unwrap_or(0);
        let Some(prev) = found
            .iter()
            .rev()
            .find(|f| f.end <= m.start() && f.date.day.is_some() && f.date.month.is_some())
        else {
            continue;
        };
        let (mut year, mut month) = (prev.date.year, prev.date.month.unwrap_or(1));
        if day < prev.date.day.unwrap_or(0) {
            (year, month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
        }
        if !(1..=31).contains(&day) {
            continue;
        }
        let end = m.start() + c[1].len() + "日".len();
        extra.push(dates::Found {
            date: PartialDate {
                year,
                month: Some(month),
                day: Some(day),
            },
            text: text[m.start()..end].to_string(),
            start: m.start(),
            end,
            year_written: false,
            weekday_mismatch: false,
        });
    }
    found.extend(extra);
    found.sort_by_key(|f| f.start);
    found
}

const DISCOVERY: &[&str] = &[
    "判明",
    "事実を確認",
    "発覚",
    "気づ",
    "気付",
    "把握",
    "覚知",
    "指摘",
    "連絡があり",
    "連絡があった",
    "連絡を受け",
    "通報",
    "申し出",
    "問い合わせがあり",
    "報告を受け",
    "報告があり",
    "相談を受け",
    "相談があり",
    "見つか",
    "検知",
];

const EVENT: &[&str] = &[
    "発生",
    "紛失",
    "盗",
    "送信",
    "送付",
    "発送",
    "郵送",
    "発付",
    "発行",
    "同封",
    "配信",
    "誤",
    "不正アクセス",
    "不正に",
    "不正使用",
    "感染",
    "侵入",
    "置き忘",
    "持ち出",
    "流出",
    "公開",
    "掲載",
    "投稿",
    "改ざん",
    "攻撃",
    "窃取",
    "漏えいし",
    "閲覧可能",
    "設定",
    "変更",
    "廃棄",
    "受理",
    "開封",
    "ログイン",
    "暗号化され",
];

/// What a date in a sentence dates.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dates {
    Discovery,
    /// The day something was announced (公表, 発表): neither the event nor its discovery.
    Publication,
    /// The day of a step taken after it (修正を行いました, 謝罪): neither.
    Response,
    Event,
    Neither,
}

/// A text without what it says in brackets (`…侵入（後日の調査で判明）`,
/// `氏名（ふりがな）`).
pub(super) fn without_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn kind_of(sentence: &str) -> Dates {
    // 障害が発生しないよう: what is to be prevented, not what happened.
    let plain = super::measure::without_prevented(
        without_asides(sentence),
        EVENT,
        &["しないよう", "させないよう", "することのないよう"],
    );
    let sentence = plain.as_str();
    // …に送信しようとしたところ、誤って…送信してしまい、…ことが判明: the
    // event told in its own clause, then found out. (…が紛失したことが判明
    // dates the finding: a loss is found, not seen.)
    let reported = [
        "ことが判明",
        "ことが発覚",
        "ことが分か",
        "ことを確認",
        "事実を確認",
        "ことに気",
    ]
    .iter()
    .filter_map(|w| sentence.find(w))
    .chain(
        // …していたことが、電話で判明: the finding told after a comma.
        sentence.find("ことが、").filter(|&at| {
            ["判明", "発覚", "分か"]
                .iter()
                .any(|w| sentence[at..].contains(w))
        }),
    )
    .min();
    // 11月25日頃から…メールが送信されているという事実を確認: the date opens
    // what was found going on, and dates it.
    if reported.is_some()
        && ["頃から", "ごろから", "から", "以降", "頃より", "より"]
            .iter()
            .any(|w| sentence.starts_with(w))
        && EVENT.iter().any(|w| sentence.contains(w))
    {
        return Dates::Event;
    }
    // …に送付したところ、…から連絡があり発覚: the clause before the finding
    // tells the event, whichever word tells the finding.
    // (A contrast, …感染したが、…との報告があり, may be what was reported.)
    let (found_out, joints): (_, &[&str]) = match reported {
        Some(at) => (
            Some(at),
            &[
                "ところ",
                "際に",
                "しまい",
                "した後",
                "ましたが、",
                "したが、",
            ],
        ),
        None => (
            DISCOVERY.iter().filter_map(|w| sentence.find(w)).min(),
            &["ところ", "際に", "しまい", "した後"],
        ),
    };
    if let Some(at) = found_out
        && let Some(clause) = joints.iter().filter_map(|w| sentence[..at].find(w)).min()
        && EVENT.iter().any(|w| sentence[..clause].contains(w))
    {
        return Dates::Event;
    }
    // (6月24日発送済み): a step of the response, done (not …送信済みメールを確認し).
    let done = sentence.trim_end_matches([')', '）', '。', ' ']);
    if ["発送済", "送付済", "発送済み", "送付済み"]
        .iter()
        .any(|w| done.ends_with(w))
    {
        return Dates::Response;
    }
    if DISCOVERY.iter().any(|w| sentence.contains(w)) {
        Dates::Discovery
    } else if ["公表", "発表", "お知らせいたしました", "お知らせしました"]
        .iter()
        .any(|w| sentence.contains(w))
    {
        Dates::Publication
    } else if EVENT.iter().any(|w| sentence.contains(w)) {
        Dates::Event
    } else if [
        "修正を行",
        "修正しま",
        "復旧",
        "謝罪",
        "回収",
        "届け出",
        "相談し",
    ]
    .iter()
    .any(|w| sentence.contains(w))
    {
        Dates::Response
    } else {
        Dates::Neither
    }
}

/// The date `found[k]` opens a span to the next within which the event fell
/// (`3月9日20時頃から3月10日7時頃の間`): the two as precise as they agree
/// (2023-03), or `None`.
fn span(text: &str, found: &[dates::Found], k: usize) -> Option<PartialDate> {
    let (a, b) = (found.get(k)?, found.get(k + 1)?);
    let between = &text[a.end..b.start];
    let after: String = text[b.end..].chars().take(14).collect();
    let opens = ["から", "~", "～", "〜"]
        .iter()
        .any(|w| between.contains(w))
        && between.chars().count() <= 16;
    // (…から…まで送信, …の間、…公開: it went on from the first; …の間に,
    // …の間(詳細不明): sometime within.)
    let closes = after
        .find("の間")
        .is_some_and(|at| !after[at + "の間".len()..].starts_with(['、', ',', '，']));
    if !(opens && closes) || a.date == b.date {
        return None;
    }
    let (a, b) = (a.date, b.date);
    Some(
        if a.year == b.year && a.month.is_some() && a.month == b.month {
            PartialDate { day: None, ..a }
        } else {
            PartialDate {
                month: None,
                day: None,
                ..a
            }
        },
    )
}

/// Where a date found in a line is among the line's dates.
fn found_index(found: &[dates::Found], f: &dates::Found) -> usize {
    found
        .iter()
        .position(|g| g.start == f.start)
        .unwrap_or(found.len())
}

/// `2022年12月27日付の依頼`: the date of a document, not of an event.
fn document_date(text: &str, f: &dates::Found) -> bool {
    text[f.end..].trim_start().starts_with('付')
}

/// `お詫びの文書を5月3日に送付しました`, `…に…訪問し説明及び謝罪を行いました`:
/// a letter of apology sent, or an apology made as the sentence's act.
fn apology(sentence: &str) -> bool {
    let s = sentence.trim_end_matches(['。', ' ']);
    [
        "お詫びの文書",
        "お詫び文",
        "お詫び状",
        "おわび状",
        "謝罪文",
        "謝罪の文書",
    ]
    .iter()
    .any(|w| sentence.contains(w))
        || [
            "謝罪を行いました",
            "謝罪を行った",
            "謝罪しました",
            "謝罪した",
            "お詫びしました",
            "お詫びいたしました",
        ]
        .iter()
        .any(|e| s.ends_with(e))
}

/// `発表日:2022年12月19日`, `更新日 …`: the page's own date under its label.
fn page_date(text: &str, f: &dates::Found) -> bool {
    let label = text[..f.start].trim_end_matches([':', '：', ' ', '　']);
    super::date_line::PAGE_DATE_LABELS
        .iter()
        .any(|w| label.ends_with(w))
}

/// A date of something other than the incident: a law's (`平成16年の法改正`,
/// `…に施行された改正法`), one a rule refers to (`賦課期日の1月1日`), and what
/// those concerned had done before (`既に1月29日に…済ませていた`, `1月31日以前に…`).
fn background(text: &str, f: &dates::Found) -> bool {
    let before = &text[..f.start];
    let after = &text[f.end..];
    [
        "の法改正",
        "の改正",
        "に施行",
        "施行",
        "の制度改正",
        "の税制改正",
        // …2月1日から始まった審査: when something began.
        "から始ま",
        "に始ま",
        "から開始され",
        "に開始され",
    ]
    .iter()
    .any(|w| after.trim_start().starts_with(w))
        || ["期日の", "基準日の", "基準日である", "期日である"]
            .iter()
            .any(|w| before.ends_with(w))
        || crate::text::last_chars(before, 3).ends_with("既に")
        || after.starts_with("以前")
}

/// `令和7年12月25日を納期限とする督促状`: the day a bill falls due, not an event.
fn deadline(text: &str, f: &dates::Found) -> bool {
    let after = without_asides(&text[f.end..]);
    ["を納期限", "を期限", "納期限の", "を支払期限", "を提出期限"]
        .iter()
        .any(|w| after.trim_start().starts_with(w))
}

/// `…から`, `～…`, `…まで`: a date that opens or closes a period.
fn bounds_a_period(text: &str, f: &dates::Found) -> bool {
    let after = text[f.end..].trim_start();
    after.starts_with(['か', '～', '~', '〜', '-', '－'])
        || text[..f.start].ends_with(['～', '~', '〜'])
        || text[..f.start]
            .trim_end()
            .strip_suffix("から")
            .is_some_and(|b| b.ends_with(['日', '月', '年']))
        || after.starts_with("まで")
}

/// `2014年6月30日から2017年10月27日までの患者ID…が記録`, `…から…までに転出した方`:
/// the period a record covers, or whose data it holds, not an event (either end).
fn period_of_records(sentence: &str, f: &dates::Found) -> bool {
    let range = bounds_a_period(sentence, f);
    // …1月から3月までの施設一覧: the list the period makes.
    let listed = sentence[f.end..].find("までの").is_some_and(|at| {
        let next: String = sentence[f.end + at..].chars().take(24).collect();
        ["一覧", "名簿", "台帳", "リスト"]
            .iter()
            .any(|w| next.contains(w))
    });
    range
        && (listed
            || [
                "記載",
                "記録",
                "含まれ",
                "分の",
                "期間",
                "受診",
                "利用",
                "取得",
                "登録",
                "作成",
                "在籍",
                "入院",
                "手術",
                "保存",
                "転出",
                "転入",
                "加入",
                "申込",
                "申し込",
            ]
            .iter()
            .any(|w| sentence.contains(w)))
}

/// The incident's dates.
pub fn when(
    lines: &[Line],
    sections: &[Section],
    published: Option<&Fact<PartialDate>>,
    skip: &[usize],
) -> When {
    let not_after = |d: &PartialDate| published.is_none_or(|p| !d.is_after(&p.value));
    // Undated, the notice's days alone are in the first year it writes.
    // (Not one that opens or closes a period, …年8月1日から…に入院された方.)
    let first_year = lines
        .iter()
        .find_map(|l| {
            dates::find(&l.text, None)
                .into_iter()
                .find(|f| f.year_written && !bounds_a_period(&l.text, f))
        })
        .map(|f| f.date.year);
    let new_years = || Years {
        current: published.map(|p| p.value.year).or(first_year),
        limit: published.map(|p| p.value.year),
    };
    let fact = |i: usize, f: &dates::Found| Fact {
        value: f.date,
        lines: vec![i],
        quote: f.text.clone(),
    };
    let mut years = new_years();
    let mut out = When::default();
    // Dated by a label: 発生日時 / 判明日.
    for s in sections {
        let slot = if s.is(Kind::Occurred) {
            &mut out.occurred
        } else if s.is(Kind::Discovered) {
            &mut out.discovered
        } else {
            continue;
        };
        if slot.is_some() {
            continue;
        }
        if let Some((line, f, span)) = s.blocks.iter().find_map(|b| {
            let found = years.dates(&b.text);
            let k = found.iter().position(|f| not_after(&f.date))?;
            Some((b.line, found[k].clone(), span(&b.text, &found, k)))
        }) {
            let mut dated = fact(line, &f);
            if let Some(within) = span {
                dated.value = within;
            }
            *slot = Some(dated);
        }
    }
    // The account first, then the rest of the body. In the account the
    // earliest event is when it happened (a timeline may tell the intrusion
    // after the day it was found); elsewhere the first.
    let owners = sections::owners(lines.len(), sections);
    let mut in_account = vec![false; lines.len()];
    let account: Vec<usize> = sections
        .iter()
        .filter(|s| s.is(Kind::Summary))
        .flat_map(|s| s.blocks.iter().map(|b| b.line))
        .collect();
    for &i in &account {
        in_account[i] = true;
    }
    let rest = (0..lines.len()).filter(|&i| !in_account[i]);
    // (前回の概要) … (今回の概要): the lines of an earlier incident's account.
    // (Another heading ends them too.)
    let headings: Vec<usize> = sections.iter().filter_map(|s| s.heading).collect();
    let mut earlier_on = false;
    let earlier: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let label = l
                .text
                .trim()
                .trim_matches(['(', ')', '（', '）', '【', '】', '〈', '〉']);
            if label.chars().count() <= 12 && label.starts_with("前回") {
                earlier_on = true;
            } else if label.chars().count() <= 12 && label.starts_with("今回")
                || headings.contains(&i)
            {
                earlier_on = false;
            }
            earlier_on
        })
        .collect();
    let mut neither: Option<Fact<PartialDate>> = None;
    let mut years = new_years();
    // The last date read, for 同日 (the same day).
    let mut last: Option<PartialDate> = None;
    for i in account.iter().copied().chain(rest) {
        if !in_account[i] && out.occurred.is_some() && out.discovered.is_some() {
            break;
        }
        if skip.contains(&i) || earlier[i] {
            continue;
        }
        let section = owners[i].map(|(s, _)| &sections[s]);
        if section.is_some_and(|s| {
            [
                Kind::Measures,
                Kind::Contact,
                Kind::Aside,
                Kind::Signature,
                Kind::Occurred,
                Kind::Discovered,
            ]
            .iter()
            .any(|k| s.is(*k))
        }) {
            continue;
        }
        let text = lines[i].text.as_str();
        let found = years.dates(text);
        for (at, sentence) in crate::sentence::split(text) {
            // A date inside a quotation (「…(2019年会費未納の方へ)」, a mail's
            // subject) dates nothing that happened.
            let quoted = |pos: usize| {
                let before = &text[at..pos];
                before.matches(['「', '『']).count() > before.matches(['」', '』']).count()
            };
            let within: Vec<&dates::Found> = found
                .iter()
                .filter(|f| f.start >= at && f.end <= at + sentence.len() && !quoted(f.start))
                .collect();
            // 同日朝…に気付き: the day of the date before.
            if within.is_empty()
                && let (Some(day), Some(pos)) = (last, sentence.find("同日"))
            {
                let kind = kind_of(&sentence[pos..]);
                let same = Fact {
                    value: day,
                    lines: vec![i],
                    quote: "同日".to_string(),
                };
                match kind {
                    Dates::Discovery if out.discovered.is_none() => out.discovered = Some(same),
                    Dates::Event if out.occurred.is_none() => out.occurred = Some(same),
                    _ => {}
                }
            }
            for (k, f) in within.iter().enumerate() {
                last = Some(f.date);
                let local = dates::Found {
                    start: f.start - at,
                    end: f.end - at,
                    ..(*f).clone()
                };
                // What the words after the date (up to the next date) tell of;
                // else the whole sentence.
                let until = within.get(k + 1).map_or(sentence.len(), |n| n.start - at);
                let segment = &sentence[local.end..until];
                // A date of reference (…時点, 午後1時時点, …現在) dates nothing that happened.
                let head: String = segment.chars().take(10).collect();
                if head.contains("時点") || head.trim_start().starts_with("現在") {
                    continue;
                }
                // The start of a range (…から…まで) is dated by what follows the range.
                // So is a date joined to the next (…11月29日と12月22日に…).
                // (…20時21分以降、…までの間: the start of a period, too.)
                let opening = segment.chars().count() <= 16
                    && ["以降", "から"]
                        .iter()
                        .any(|w| segment.trim_end_matches(['、', ' ']).ends_with(w));
                let kind = if opening
                    || matches!(
                        segment.trim(),
                        "から" | "～" | "~" | "〜" | "-" | "と" | "及び" | "および" | "、" | "や"
                    ) {
                    let after = within.get(k + 2).map_or(sentence.len(), |n| n.start - at);
                    kind_of(&sentence[until.min(after)..after])
                } else {
                    kind_of(segment)
                };
                // A timeline's date on a line of its own, with its weekday or time
                // (4月16日(水曜日)14時00分):
                // what the next line tells, unless it has a date of its own.
                let stamp = f.start == 0
                    && !text.contains('。')
                    && (['曜', '時', '(', '（']
                        .iter()
                        .any(|c| text[f.end..].contains(*c))
                        || text[f.end..].trim().is_empty());
                // Only a discovery is taken from it: what a timeline tells
                // after a date may as well be a step of the response
                // (1月19日(金曜日) 画像を削除するよう指示).
                // Before any discovery and outside a section of the response,
                // what the next line tells happened is the event
                // (5月2日(火曜日) / …データをメール送付).
                let kind = match lines.get(i + 1) {
                    Some(next)
                        if kind == Dates::Neither
                            && stamp
                            && dates::find(&next.text, years.current).is_empty() =>
                    {
                        match kind_of(
                            crate::sentence::split(&next.text)
                                .next()
                                .map_or("", |s| s.1),
                        ) {
                            Dates::Discovery => Dates::Discovery,
                            Dates::Event
                                if out.discovered.is_none()
                                    && !section.is_some_and(|s| s.is(Kind::Response)) =>
                            {
                                Dates::Event
                            }
                            _ => kind,
                        }
                    }
                    _ => kind,
                };
                // お詫びの文書を…に送付: the apology sent afterwards, whatever
                // the words after its date.
                let kind = if kind == Dates::Event && apology(sentence) {
                    Dates::Response
                } else {
                    kind
                };
                if !not_after(&f.date)
                    || document_date(sentence, &local)
                    || deadline(sentence, &local)
                    || page_date(sentence, &local)
                    || period_of_records(sentence, &local)
                    || background(sentence, &local)
                {
                    continue;
                }
                // A step of the timeline after the discovery (…16時20分 回収に
                //伺った): the response, not the event.
                let after_discovery = matches!(kind, Dates::Event | Dates::Neither)
                    && out.discovered.as_ref().is_some_and(|d| {
                        d.lines.first().is_some_and(|&l| l < i)
                            && d.value.day.is_some()
                            && !d.value.is_after(&f.date)
                    });
                if after_discovery {
                    continue;
                }
                // A date under a heading of the response alone (対応日) tells no event.
                let response_only = section.is_some_and(|s| s.kinds == [Kind::Response]);
                let slot = match kind {
                    Dates::Discovery => &mut out.discovered,
                    Dates::Event => &mut out.occurred,
                    Dates::Neither if response_only => continue,
                    Dates::Neither => &mut neither,
                    Dates::Publication | Dates::Response => continue,
                };
                let earlier = kind == Dates::Event
                    && in_account[i]
                    && slot
                        .as_ref()
                        .is_some_and(|s| s.value.is_after(&f.date) && f.date.day.is_some());
                if slot.is_none() || earlier {
                    let mut dated = fact(i, f);
                    // Sometime between two dates (…18時頃から…16時頃の間):
                    // as precise as both agree.
                    if kind == Dates::Event
                        && let Some(within) = span(text, &found, found_index(&found, f))
                    {
                        dated.value = within;
                    }
                    *slot = Some(dated);
                }
            }
        }
    }
    if out.occurred.is_none() {
        // A date the text does not describe, not after the discovery, may be the event's.
        out.occurred = neither.filter(|n| {
            out.discovered
                .as_ref()
                .is_none_or(|d| !n.value.is_after(&d.value))
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::sections::parse;
    use super::*;

    fn dated(text: &str) -> (Option<String>, Option<String>) {
        let (ls, ss) = parse(text);
        let first = ss.iter().find_map(|s| s.heading).unwrap_or(ls.len());
        let published = super::super::header::published(&ls, &ss, first);
        let skip: Vec<usize> = published.iter().flat_map(|p| p.lines.clone()).collect();
        let w = when(&ls, &ss, published.as_ref(), &skip);
        (
            w.occurred.map(|f| f.value.to_string()),
            w.discovered.map(|f| f.value.to_string()),
        )
    }

    #[test]
    fn a_day_alone_in_full_width_digits_is_read_too() {
        assert_eq!(
            dated(
                "経緯\n令和６年８月１６日（金）に書類を送付したところ、１９日（月）に連絡があり誤送付が判明しました。\n"
            ),
            (Some("2024-08-16".into()), Some("2024-08-19".into()))
        );
    }

    #[test]
    fn a_date_in_a_quoted_subject_dates_nothing() {
        assert_eq!(
            dated(
                "経緯\n2019年12月20日(金)夕方、「【お願い】年会費の納入(2019年度分がお済みでない方へ)」のメールを、宛先が見える形で誤って送信しました。\n"
            ),
            (Some("2019-12-20".into()), None)
        );
    }

    #[test]
    fn a_day_written_alone_after_a_full_date_is_in_its_month() {
        assert_eq!(
            dated(
                "1. 経緯\n令和6年8月16日(金)に60社へ調査票を郵送したところ、19日(月)に受け取った会社から連絡があり、59件の誤送付が判明しました。\n"
            ),
            (Some("2024-08-16".into()), Some("2024-08-19".into()))
        );
    }

    #[test]
    fn the_event_and_its_discovery_are_told_apart() {
        let table: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "表題について\n令和6年6月17日\n1 概要\n令和6年5月31日（金曜日）に書類を誤って送付し、6月1日に判明しました。\n",
                Some("2024-05-31"),
                Some("2024-06-01"),
            ),
            (
                "表題について\n2023年6月23日\n1 事故の概要\n6月16日（金曜日）午後5時頃、職員が動画を掲載した。\n",
                Some("2023-06-16"),
                None,
            ),
            // The event reported as found out; a neutral date goes to occurred
            // only when it is not after the discovery.
            (
                "表題について\n令和7年7月18日\n1 概要\n県立高校で、令和7年7月15日(火曜日)に案内のメールを送信しようとしたところ、他校の生徒にも送信していたことが判明した。\n",
                Some("2025-07-15"),
                None,
            ),
            // Only the discovery is dated: occurred stays open.
            (
                "表題について\n2023年12月21日\n概要\n名簿が外部から見られる設定だったことが、2023年11月2日に判明しました。\n",
                None,
                Some("2023-11-02"),
            ),
            // Labels.
            (
                "表題\n令和8年1月19日\n発生時期\n令和7年12月19日\n事案\n誤って添付した。\n判明日\n令和7年12月20日\n",
                Some("2025-12-19"),
                Some("2025-12-20"),
            ),
            // 把握日時 labels when it became known.
            (
                "表題について\n令和4年6月8日\n1 把握日時\n令和4年6月7日(火曜日) 11時14分ごろ\n2 事象概要\n事業所から問い合わせがありました。\n",
                None,
                Some("2022-06-07"),
            ),
            // A page's label of its date is no event; an event told before
            // `…が、…ことが、…で判明` is dated by its own clause.
            (
                "更新日:2022年3月9日\n発表日:2022年3月9日\n案内の文書を3月2日に発送しましたが、古い文書を入れていたことが、受け取った方からの電話で判明しました。\n",
                Some("2022-03-02"),
                None,
            ),
            // What those concerned had done before (既に…済ませていた, …以前に) is
            // no event: the sentence's own date is.
            (
                "投票用紙の交付誤りについて\n1 概要\n令和8年2月4日、期日前投票所において、既に1月29日に投票を済ませていた選挙人に、誤って投票用紙を再度交付した。\n",
                Some("2026-02-04"),
                None,
            ),
            (
                "投票用紙の交付誤りについて\n2 経緯\n令和8年2月8日(日曜日)12時頃、投票所において、1月31日以前に期日前投票を済ませた選挙人(1名)に対し、誤って投票用紙を交付しました。\n",
                Some("2026-02-08"),
                None,
            ),
            // When something began (…から始まった審査の投票) is no event.
            (
                "投票用紙の交付誤りについて\n2 経緯\n令和8年2月9日(月曜日)10時頃、投票所において、2月2日から始まった国民審査の期日前投票で、選挙人(1名)に誤って投票用紙を交付しました。\n",
                Some("2026-02-09"),
                None,
            ),
            // The previous incident's account (前回の概要) dates this one's not.
            (
                "メールの誤送信について(第2報)\n2 内容\n(前回の概要)\n令和5年10月3日(火)、教頭が参加者にメールを送信した際、宛先欄に入力して送信しました。\n(今回の概要)\n10月10日(火)、教頭が、3日の誤送信メールを削除する作業で、誤って再び送信しました。\n",
                Some("2023-10-10"),
                None,
            ),
            // A mailing in a timeline is the event; a date of reference (賦課期日の1月1日) none.
            (
                "表題について\n1 経緯\n令和6年10月8日 結果通知(1名分)を郵送\n10月11日 受け取った方が別人の書類が入っていることに気付き、\n南浜保健所に連絡\n同日、先方に伺って保護者に謝罪し、誤って同封\nした書類を回収\n",
                Some("2024-10-08"),
                Some("2024-10-11"),
            ),
            (
                "表題について\n令和6年12月25日\n1. 内容\n国外から移った方のうち、賦課期日の1月1日に国内に住所がなかった方の区分を誤って判定したため、支給が多すぎました。\n",
                None,
                None,
            ),
            // A law's date (…年の法改正以前に) and an apology made on a date
            // (…に…訪問し説明及び謝罪を行いました) date no event.
            (
                "表題について\n令和元年8月1日\n平成16年の法改正以前に建てた住宅の係数を誤って適用していました。\n",
                None,
                None,
            ),
            (
                "表題について\n令和2年10月1日\n令和2年9月3日に、計算の誤りについて各戸を訪ね説明し謝罪を行いました。\n",
                None,
                None,
            ),
            // A year to come (令和5年2月から…される方) sets no year for the days after it.
            (
                "表題について\n2022年12月19日\n概要\n令和5年2月から天引きされる方に対し、案内を12月12日に発送しましたが、誤った案内を同封していたことが、問い合わせで判明しました。\n",
                Some("2022-12-12"),
                None,
            ),
            // Undated, a day alone in the account is in the year the notice first writes.
            (
                "メールサーバーへの不正アクセスについて\n令和5年1月10日、不審なメールの送信が発覚しました。\n1 概要\nサーバーが不正アクセスを受け、1月9日(月)に大量の不審なメールが送信されました。\n",
                Some("2023-01-09"),
                Some("2023-01-10"),
            ),
            // A step done (…お詫びの文書をお送りします(6月24日発送済み)) is no event,
            // and the start of a period sets no year.
            (
                "表題について\n記憶媒体を紛失する事案が発生しました。\n患者様にお詫びの文書を順次お送りします。(6月24日発送済み)\n※平成26年8月から平成28年3月までの入院患者の記録です。\n",
                None,
                None,
            ),
            // A notice issued in error (…を…に発付しました) is the event; the
            // apology sent afterwards (お詫びの文書を…に送付) is not.
            (
                "表題について\n税額に誤りがありました。\n税額を誤った通知書は平成30年4月27日に発付しました。\n該当の方には、お詫びの文書を5月3日に送付いたしました。\n",
                Some("2018-04-27"),
                None,
            ),
            (
                "表題について\n平成30年5月10日\n税額に誤りがありました。\n該当の方には、お詫びの文書を5月3日に送付いたしました。\n",
                None,
                None,
            ),
            // A consultation received (…から…と相談を受けた) is how it came to light.
            (
                "表題について\n令和6年5月1日\n・令和6年3月26日(火)に、対象の農家から、交付額が例年より少ないと相談を受けた。\n",
                None,
                Some("2024-03-26"),
            ),
            // The days of the response (対応日) date no event.
            (
                "表題について\n令和6年7月31日\n事案\n案内に別の方の情報を記載して送付しました。\n対応日\n令和6年6月17日~令和6年6月25日\n対応\n送付先に謝罪しました。\n",
                None,
                None,
            ),
            // A due date (…を納期限とする) dates a bill, not the event.
            (
                "表題について\n令和8年2月10日\n経過\n令和7年11月30日を納期限とする通知を令和8年1月15日に発送したところ、受け取った方からの連絡で発覚しました。\n",
                Some("2026-01-15"),
                None,
            ),
            // The period the records cover is not the event.
            (
                "表題について\n令和7年2月1日\n失われたファイルには、令和6年5月1日から令和7年2月28日までに入院した患者の氏名が書かれていました。\n令和7年1月10日にファイルがないことが発覚しました。\n",
                None,
                Some("2025-01-10"),
            ),
            // A fact confirmed is found out; a repair made so that nothing
            // happens again is no event.
            (
                "表題について\n2022年2月10日\n- 2022年2月3日(木)、社員の名をかたるメールが取引先へ送られている事実を確認しました。\n",
                None,
                Some("2022-02-03"),
            ),
            // …頃から…送信されているという事実を確認: the date opens the event.
            (
                "表題について\n2019年11月28日\n端末がウイルスに感染したため、令和元年11月22日頃から協会の名で不審なメールが送信されている事実を確認しました。\n",
                Some("2019-11-22"),
                None,
            ),
            (
                "表題について\n2010年4月12日\n誤って通知書を配付しました。\nなお、誤りの元となったプログラムは、不具合が発生しないよう4月7日に修正を行いました。\n",
                None,
                None,
            ),
            // The period a list covers.
            (
                "表題について\n令和5年6月1日\n概要\n令和5年1月から3月までの施設一覧を、別の法人へ送付しました。\n",
                None,
                None,
            ),
            // A timeline's date alone, then what was sent that day: the event.
            (
                "表題について\n令和5年6月1日\n経過\n5月2日(火曜日)\n申請のあった2法人に対し、対象データをメール送付\n5月18日(木曜日)\n受け取った法人から問い合わせがあり、誤りが判明\n",
                Some("2023-05-02"),
                Some("2023-05-18"),
            ),
            // Sometime between two dates: as precise as they agree.
            (
                "表題について\n令和5年3月11日\n1.発生日時\n3月9日(木曜日)20時頃から3月10日(金曜日)7時頃の間(詳細不明)\n2.概要\n公用車が盗まれました。\n",
                Some("2023-03"),
                None,
            ),
            (
                "表題について\n令和5年3月11日\n概要\n3月9日(木曜日)夜から3月10日(金曜日)朝までの間に、駐車場で公用車が盗まれました。\n",
                Some("2023-03"),
                None,
            ),
            // …の間、…: it went on from the first date.
            (
                "表題について\n令和5年6月20日\n概要\n2023年4月3日~6月9日の間、応募者の一覧をサイトに公開していました。\n",
                Some("2023-04-03"),
                None,
            ),
            // Both ends of a period that tells whose data it was.
            (
                "表題について\n令和7年6月2日\n紛失した名簿は、令和5年4月1日から令和6年9月30日に入院された患者から抜き出したものです。\n",
                None,
                None,
            ),
            (
                "表題について\n令和7年6月2日\n対象は、平成30年4月2日から令和2年3月31日までに市外へ転出した方です。\n",
                None,
                None,
            ),
            // A timeline's date on a line of its own is dated by the line
            // after it: here a call that told of the mistake; the steps after
            // it are the response.
            (
                "表題について\n令和7年4月24日\n経緯\n4月16日(水曜日)午後2時\n診療所から、別の方の書類が届いたとの連絡がありました。\n4月16日(水曜日)午後4時\n診療所へ伺い、書類を回収しました。\n",
                None,
                Some("2025-04-16"),
            ),
            // A step of the response after a date alone is not the event.
            (
                "表題について\n2024年2月1日\n概要\n令和6年1月17日(水曜日)、職員が一覧表を教室に掲示させた。\n対応\n1月19日(金曜日)\n画像を送信した生徒に削除するよう指示した。\n",
                Some("2024-01-17"),
                None,
            ),
            // A date alone, then what happened that day on the next line.
            (
                "表題について\n2020年8月14日\n概要\n書面を誤って送付しました。\n記\n令和2年8月13日\n審査請求人から書面が届いた旨の連絡を受けた。\n",
                None,
                Some("2020-08-13"),
            ),
        ];
        for (text, occurred, discovered) in table {
            let (o, d) = dated(text);
            assert_eq!(
                (o.as_deref(), d.as_deref()),
                (*occurred, *discovered),
                "{text}"
            );
        }
    }
}
