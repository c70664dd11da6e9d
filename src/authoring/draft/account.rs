//! The account in the notice's own words: summary material, root causes,
//! measures and the response, one list item or one sentence per entry.

use std::collections::HashSet;

use super::header::Fact;
use super::lines::Line;
use super::measure;
use super::sections::{Block, Kind, Section};

/// Words of apologies, thanks and contact offers.
const COURTESY: &[&str] = &[
    "お詫び",
    "おわび",
    "ご迷惑",
    "ご心配",
    "申し訳",
    "ご不便",
    "ご理解",
    "ご協力をお願い",
    "お問い合わせ",
    "問い合わせ",
    "深く反省",
    "重く受け止め",
    "厳粛に受け止め",
];

/// Sentences that carry no fact: apologies, thanks, contact offers.
fn courtesy(s: &str) -> bool {
    COURTESY.iter().any(|w| s.contains(w)) && s.chars().count() < 90
}

/// A sentence that announces a list (次のとおり, 以下のとおり).
fn introduces(s: &str) -> bool {
    [
        "次のとおり",
        "以下のとおり",
        "下記のとおり",
        "以下の通り",
        "次の通り",
        "下記の通り",
        "以下の対策",
        "次の対策",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// Splits a paragraph into sentences at `。` outside brackets; keeps the `。`
/// ([`crate::sentence::split_outside_brackets`]), each trimmed.
pub fn sentences(text: &str) -> Vec<String> {
    crate::sentence::split_outside_brackets(text)
        .map(|(_, s)| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A paragraph that is one quotation (`「…。…」`, an official's comment)
/// without its brackets, so that its sentences are split.
fn unquoted(text: &str) -> &str {
    let Some(inner) = text.strip_prefix('「').and_then(|t| t.strip_suffix('」')) else {
        return text;
    };
    // The first bracket closes at the end, not before (「台帳」と「名簿」).
    let mut depth = 0usize;
    for c in inner.chars() {
        match c {
            '「' => depth += 1,
            '」' if depth == 0 => return text,
            '」' => depth -= 1,
            _ => {}
        }
    }
    inner
}

/// An entry's text: full-width letters and digits made plain, no closing `。`.
pub fn tidy(s: &str) -> String {
    let s = &without_definitions(s);
    let t: String = s
        .chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect();
    t.trim().trim_end_matches(['。', '．']).trim().to_string()
}

/// A text without the names it defines for the rest of the notice
/// (`南町支部（以下「支部」といいます。）において…`).
fn without_definitions(s: &str) -> String {
    let mut out = s.to_string();
    for (open, close) in [('(', ')'), ('（', '）')] {
        while let Some(at) = out.find(&format!("{open}以下")) {
            let Some(len) = out[at..].find(close) else {
                break;
            };
            out.replace_range(at..at + len + close.len_utf8(), "");
        }
    }
    out
}

/// What is said to reassure or to report, not what went wrong: no further
/// leak is possible, the papers are back, no harm was found, what this
/// report covers, what others said.
fn reassurance(s: &str) -> bool {
    [
        "可能性はございません",
        "可能性はありません",
        "事実は確認",
        "確認できませんでした",
        "ご報告いたします",
        "ご報告します",
        "ご報告申し上げます",
        "とのこと",
        "ということ",
        "回収いたしております",
        "回収しております",
        "被害は確認されて",
        "お願い",
        "ご注意",
    ]
    .iter()
    .any(|w| s.contains(w))
        // The subject of a notice (…に係るメール誤送信について), not a sentence.
        || s.trim_end_matches('。').ends_with("について")
}

/// A web address alone is a source, not part of the account.
fn address(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("http://") || s.starts_with("https://")) && !s.contains(' ')
}

/// Entries in the order found, each text once (news pages often repeat a
/// paragraph), with a set for the check so that a long notice stays linear.
#[derive(Default)]
struct Found {
    out: Vec<Fact<String>>,
    seen: HashSet<String>,
}

impl Found {
    /// Adds an entry unless it is an address, too short, or already there.
    fn push(&mut self, b: &Block, text: String, lines: &[Line]) {
        // A list item may be short (研修の実施); a sentence cut off by a page
        // break (本件事案が) is no entry.
        let least = if b.item { 4 } else { 8 };
        if !address(&text)
            && !footnote(&text)
            && !label(&text)
            && text.chars().count() >= least
            && self.seen.insert(text.clone())
        {
            self.out.push(Fact {
                value: text,
                lines: vec![b.line],
                quote: lines[b.line].cite(),
            });
        }
    }
}

/// A label in brackets (`<1月7日 更新>`, `［追記］`): no entry.
fn label(s: &str) -> bool {
    [
        ('<', '>'),
        ('＜', '＞'),
        ('〈', '〉'),
        ('[', ']'),
        ('［', '］'),
    ]
    .iter()
    .any(|(open, close)| s.starts_with(*open) && s.ends_with(*close))
}

/// A footnote to a mark in the text (`※1 …`, `注2 …`): what a word means,
/// not an entry.
fn footnote(s: &str) -> bool {
    ["※", "注", "（注", "(注"].iter().any(|m| {
        s.strip_prefix(m).is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        })
    })
}

/// The entries of the sections of one kind: each list item, or each
/// sentence of the paragraphs when the section has no list.
fn entries(
    lines: &[Line],
    sections: &[Section],
    kind: Kind,
    skip_courtesy: bool,
) -> Vec<Fact<String>> {
    let mut out = Found::default();
    for s in sections.iter().filter(|s| s.is(kind)) {
        let has_items = s.blocks.iter().any(|b| b.item);
        for b in &s.blocks {
            // A paragraph between items is an introduction or a note; one
            // that goes on (また、…を検討します) adds to them.
            if has_items && !b.item && !goes_on(b) {
                continue;
            }
            let parts = if b.item {
                vec![b.text.clone()]
            } else {
                sentences(&b.text)
            };
            for p in parts {
                if introduces(&p) || (skip_courtesy && !b.item && courtesy(&p)) {
                    continue;
                }
                // What came of the cause (これにより、…課税していたことが判明) is none.
                if kind == Kind::Causes
                    && !b.item
                    && [
                        "これにより",
                        "これによって",
                        "その結果",
                        "この結果",
                        "このため",
                        "そのため",
                    ]
                    .iter()
                    .any(|w| p.starts_with(w))
                {
                    continue;
                }
                // A section of two kinds (原因と再発防止策) gives each sentence to one.
                if s.kinds.len() > 1 && own_kind(&p, &s.kinds) != kind {
                    continue;
                }
                // The closing promise after a 原因 or 経緯 section's text
                // (…お詫びするとともに、今後は…を強化して参ります) is a measure.
                if kind != Kind::Measures && !b.item && promises_a_measure(&p) {
                    continue;
                }
                out.push(b, tidy(&p), lines);
            }
        }
    }
    out.out
}

/// A sentence that commits to a concrete measure from here on (今後…,
/// …してまいります), as a section of another kind may end with one.
fn promises_a_measure(p: &str) -> bool {
    let body = p.trim_end_matches('。');
    measure::announces(p)
        && (p.contains("今後")
            || ["まいります", "参ります", "いたします", "します"]
                .iter()
                .any(|e| body.ends_with(e)))
}

fn own_kind(sentence: &str, kinds: &[Kind]) -> Kind {
    if kinds.contains(&Kind::Causes) && sentence.contains("原因") {
        return Kind::Causes;
    }
    let future = [
        "今後",
        "再発防止",
        "努めて",
        "まいります",
        "徹底",
        "強化",
        "予定",
    ];
    if kinds.contains(&Kind::Measures) && future.iter().any(|w| sentence.contains(w)) {
        return Kind::Measures;
    }
    kinds[0]
}

/// Summary material: the account's sentences, else the lead paragraphs.
pub fn summary(lines: &[Line], sections: &[Section], header_lines: &[usize]) -> Vec<Fact<String>> {
    let mut out = entries(lines, sections, Kind::Summary, true);
    if out.is_empty() {
        let mut found = Found::default();
        // No 概要 heading: the paragraphs before the first heading, else all of them.
        let lead: Vec<&Section> = sections
            .iter()
            .filter(|s| lead(s) && !s.is(Kind::Signature))
            .collect();
        for s in lead {
            for b in s.blocks.iter().filter(|b| !header_lines.contains(&b.line)) {
                for p in sentences(&b.text) {
                    // A measure the notice announces belongs to the measures.
                    // (What readers are asked to do is no account.)
                    if p.ends_with('。')
                        && !p.contains("ください")
                        && !courtesy(&p)
                        && !introduces(&p)
                        && !measure::announces(&p)
                    {
                        found.push(b, tidy(&p), lines);
                    }
                }
            }
        }
        out = found.out;
    }
    out.truncate(6);
    out
}

/// The entries of the sections of `kind`; without such a section, the
/// sentences anywhere else (but in the sections of `skip`) that `wanted` accepts.
fn entries_or_sentences(
    lines: &[Line],
    sections: &[Section],
    kind: Kind,
    skip: &[Kind],
    wanted: impl Fn(&str) -> bool,
) -> Vec<Fact<String>> {
    let out = entries(lines, sections, kind, true);
    if !out.is_empty() {
        return out;
    }
    let mut found = Found::default();
    for s in sections.iter().filter(|s| !skip.iter().any(|k| s.is(*k))) {
        for b in &s.blocks {
            for p in sentences(&b.text).into_iter().filter(|p| wanted(p)) {
                found.push(b, tidy(&p), lines);
            }
        }
    }
    found.out
}

/// A section before the first heading, or under a label of what the notice
/// is (`【注意喚起】`, `お知らせ`): where the account is when no heading names it.
fn lead(s: &Section) -> bool {
    let label = s
        .title
        .trim()
        .trim_start_matches('【')
        .trim_end_matches('】')
        .trim();
    s.heading.is_none()
        || s.kinds.is_empty()
            && [
                "注意喚起",
                "お知らせ",
                "重要",
                "お詫び",
                "おわび",
                "ご報告",
                "お詫びとお知らせ",
                "お詫びとご報告",
                "重要なお知らせ",
            ]
            .contains(&label)
}

/// A paragraph that goes on from the items before it (`また、…`, `さらに、…`).
fn goes_on(b: &Block) -> bool {
    [
        "また、",
        "また今後",
        "さらに、",
        "加えて、",
        "併せて、",
        "あわせて、",
    ]
    .iter()
    .any(|w| b.text.trim_start().starts_with(w))
}

/// Sections that hold nothing of the account.
const NOT_ACCOUNT: &[Kind] = &[Kind::Contact, Kind::Aside, Kind::Signature];

/// Root causes: the 原因 sections, else sentences that name a cause.
pub fn causes(lines: &[Line], sections: &[Section]) -> Vec<Fact<String>> {
    let skip = [NOT_ACCOUNT, &[Kind::Measures, Kind::Response]].concat();
    entries_or_sentences(lines, sections, Kind::Causes, &skip, |p| {
        // (原因は, が原因, に起因 and …ため発生 are read by states_cause.)
        let names = [
            "原因と",
            "原因で",
            "によるものです",
            "によるものでした",
            "ためです",
            "ためでした",
            "不注意",
        ]
        .iter()
        .any(|w| p.contains(w))
            || states_cause(p)
            // A sentence that is its reason alone (…確認が不十分であったため。),
            // or that tells a lapse and what came of it (…確認を怠ったことから、…;
            // …落ちたことに気付かず、…).
            || (p.trim_end_matches('。').ends_with("ため")
                || ["ことから、", "気付かず", "気づかず"].iter().any(|w| p.contains(w)))
                && ["誤", "不十分", "不足", "怠", "なかった", "漏れ", "気付かず", "気づかず"]
                    .iter()
                    .any(|w| p.contains(w));
        let open = [
            "調査中",
            "確認中",
            "確認している",
            "不明",
            "究明",
            "原因を調査",
        ]
        .iter()
        .any(|w| p.contains(w));
        names && !open && !measure::announces(p) && !courtesy(p)
    })
    .into_iter()
    .chain(told_with_measures(lines, sections))
    .map(|mut f| {
        f.value = without_time(&f.value).to_string();
        f
    })
    .collect()
}

/// `…が不十分であったため発生しました`, `…ことにより生じたもの`: a sentence
/// that says what gave rise to it.
fn states_cause(p: &str) -> bool {
    let p = p.replace([' ', '　'], "");
    // …を行ったため、情報が…流出したものであった: a reason, then what it led to.
    // (Not このため、… or その後、…: what followed.)
    if let Some((reason, led_to)) = p.split_once("ため、")
        && reason.chars().count() >= 8
        && !p.starts_with("その後")
        && ["流出し", "漏えいし", "漏洩し", "発生し", "紛失し"]
            .iter()
            .any(|w| led_to.contains(w))
    {
        return true;
    }
    [
        "ため発生",
        "ために発生",
        "ことにより発生",
        "ことによって発生",
        "ことにより生じ",
        "ことによって生じ",
        "ため生じ",
        "が原因",
        "原因は",
        "に起因",
    ]
    .iter()
    .any(|w| p.contains(w))
}

/// A sentence that says what gave rise to it and announces nothing to come.
fn tells_why(p: &str) -> bool {
    states_cause(p) && !measure::announces(p) && !p.contains("今後")
}

/// Why it happened, told under the measures (`本件は、…確認が不十分であった
/// ため発生しました。今後は…`): a cause, when the notice has no 原因 section.
fn told_with_measures(lines: &[Line], sections: &[Section]) -> Vec<Fact<String>> {
    if sections.iter().any(|s| s.is(Kind::Causes)) {
        return Vec::new();
    }
    let mut found = Found::default();
    for s in sections
        .iter()
        .filter(|s| s.is(Kind::Measures) && s.kinds.len() == 1)
    {
        for b in s.blocks.iter().filter(|b| !b.item) {
            for p in sentences(&b.text) {
                if tells_why(&p) {
                    found.push(b, tidy(&p), lines);
                }
            }
        }
    }
    found.out
}

/// Words of what went wrong, for a cause read from the account.
const MECHANISM: &[&str] = &[
    "誤って",
    "誤送信",
    "誤送付",
    "誤配",
    "誤り",
    "べきところ",
    "紛失",
    "所在不明",
    "盗",
    "車上荒らし",
    "感染",
    "不正アクセス",
    "不正に",
    "不正使用",
    "不正利用",
    "攻撃",
    "ランサムウェア",
    "持ち出",
    "流用",
    "閲覧可能",
    "閲覧できる状態",
    "確認できる状態",
    "見える状態",
    "公開され",
    "設定",
    "置き忘",
    "廃棄",
    // Dumped (投棄されて), not a patrol against dumping (不法投棄監視).
    "投棄され",
    "投棄し",
    // A mistake the body owns: 本校のミスにより, 事務処理上のミス.
    "のミス",
    "ミスにより",
    "取り違え",
    "窃取",
    "なりすまし",
    // Mail sent in the body's name by another: 市を名乗る不審なメール.
    "不審なメール",
    "を名乗",
    "をかたっ",
    "を装っ",
    "を騙っ",
    // Something found missing: 書類が1枚無いことが判明, 見当たらず.
    "無いこと",
    "ないことが判明",
    "見当たらな",
    "見当たらず",
    // An insider's act: 着服, 横領, 不正経理, 無断で.
    "着服",
    "横領",
    "詐取",
    "不正経理",
    "無断で",
    "漏らし",
    "口外",
    // Acting without the leave or the check it needed: 指定を受けずに開催,
    // 内容を精査しないまま配信.
    "を受けずに",
    "を得ずに",
    "ないまま",
    // A third party using the body's name: 市長の名前をかたるメール.
    "かたる",
    "かたった",
    "騙る",
    "装った",
    "詐称",
];

/// Without a 原因 section or a sentence that says why: the sentence of the
/// account that tells what went wrong (`…Bccで送信すべきところを、誤って
/// Toで送信したもの`, `…USBメモリを院内で紛失する事案が発生しました`), as the
/// notice's own statement of the mechanism for the author to confirm.
pub fn incident(
    lines: &[Line],
    sections: &[Section],
    header_lines: &[usize],
) -> Option<Fact<String>> {
    let account = sections.iter().filter(|s| s.is(Kind::Summary));
    let lead = sections.iter().filter(|s| lead(s) && s.kinds.is_empty());
    for s in account.chain(lead) {
        // The first paragraph that tells it; in it, the sentence that says most.
        for b in s.blocks.iter().filter(|b| !header_lines.contains(&b.line)) {
            let mut best: Option<(usize, String)> = None;
            for p in sentences(&b.text) {
                // An apology after the facts: the facts (a courtesy's word in
                // a name, 「…お問い合わせ窓口」, cuts nothing).
                let p = match COURTESY
                    .iter()
                    .flat_map(|w| p.match_indices(w).map(|(at, _)| at))
                    .filter(|&at| crate::text::bracket_depth(&p[..at]) <= 0)
                    .min()
                {
                    // (…今回の誤送信に関するお詫びと…を送付: the apology itself,
                    // cut inside its own phrase.)
                    Some(at)
                        if ["に関する", "についての", "に対する", "の", "と", "に"]
                            .iter()
                            .any(|e| p[..at].trim_end_matches(['、', '，']).ends_with(e)) =>
                    {
                        continue;
                    }
                    Some(at) => p[..at].trim_end_matches(['、', '，']).to_string(),
                    None => p,
                };
                let told = without_reports(&p);
                let hits = MECHANISM.iter().filter(|w| told.contains(**w)).count();
                // 紛失時期:9月19日に紛失判明: an entry of when, not what went wrong.
                let when_label = p.split_once([':', '：']).is_some_and(|(label, _)| {
                    label.chars().count() <= 8
                        && ["時期", "日時", "日", "場所", "時刻", "時間"]
                            .iter()
                            .any(|w| label.ends_with(w))
                });
                if hits == 0
                    || when_label
                    || reassurance(&p)
                    || warns_what_may_happen(&p)
                    || measure::announces(&p)
                    || p.contains("ください")
                    || p.chars().count() < 12
                {
                    continue;
                }
                let why = p.replace("そのため", "");
                let why = ["ため", "誤って", "べきところ", "により", "によって"]
                    .iter()
                    .any(|w| why.contains(w));
                // What it was not (町のパソコンが感染したものではありません)
                // tells less than what it was.
                let denial = ["ものではありません", "ものではございません"]
                    .iter()
                    .any(|w| p.contains(w));
                let score = (hits.min(2) + usize::from(why)).saturating_sub(usize::from(denial));
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    best = Some((score, p));
                }
            }
            if let Some((_, p)) = best {
                return Some(Fact {
                    value: tidy(without_time(&p)),
                    lines: vec![b.line],
                    quote: lines[b.line].cite(),
                });
            }
        }
    }
    None
}

/// What an act may lead to, as a warning (`…を開くことで、…感染する恐れが
/// ございます`), not what happened (`…流出した可能性があります` is).
fn warns_what_may_happen(p: &str) -> bool {
    let p = p.trim_end_matches('。');
    [
        "恐れがあります",
        "おそれがあります",
        "恐れがございます",
        "おそれがございます",
    ]
    .iter()
    .any(|e| p.ends_with(e))
        && ["ことで", "場合", "すると", "と、"]
            .iter()
            .any(|w| p.contains(w))
}

/// A sentence without the reports and apologies made afterwards that close
/// it (`…へ名簿の紛失を報告`, `…紛失を報告し、謝罪した`): what is left tells
/// what went wrong, if anything.
fn without_reports(s: &str) -> &str {
    const MADE: &[&str] = &[
        "報告",
        "報告し",
        "報告した",
        "報告しました",
        "報告いたしました",
        "謝罪した",
        "謝罪しました",
        "提出",
        "提出し",
        "提出した",
        "提出しました",
        "届け出た",
        "届け出ました",
    ];
    let mut rest = s.trim_end_matches('。');
    loop {
        let (head, last) = rest.rsplit_once('、').unwrap_or(("", rest));
        if !MADE.iter().any(|e| last.ends_with(e)) {
            return rest;
        }
        rest = head;
        if rest.is_empty() {
            return rest;
        }
    }
}

/// A sentence without its opening words (`この度、`, `これは、`) and date and
/// time (`令和7年8月25日月曜日午後6時9分、`).
fn without_time(s: &str) -> &str {
    let s = ["この度、", "このたび、", "これは、", "本件は、", "今回、"]
        .iter()
        .fold(s, |t, w| t.strip_prefix(w).unwrap_or(t));
    match s.split_once('、') {
        // Only a date and time before the comma, not a clause
        // (`5月21日(火) 攻撃が原因と特定し、公表`).
        Some((head, rest))
            if super::dates::find(head, Some(2000))
                .last()
                .is_some_and(|d| !head[d.end..].contains(['が', 'を', 'は', 'と', 'し']))
                && head.chars().count() <= 30
                && !rest.is_empty() =>
        {
            rest
        }
        _ => s,
    }
}

/// Measures: each item (or concrete sentence) of the 再発防止策 sections,
/// else the sentences anywhere that announce a concrete measure; a sentence
/// (not a numbered item) that announces several gives one entry each.
pub fn measures(lines: &[Line], sections: &[Section]) -> Vec<Fact<String>> {
    let mut found = Found::default();
    // Where the measures are listed (in the section or its subsections), a
    // paragraph is an introduction or a note.
    let has_items = sections
        .iter()
        .filter(|s| s.is(Kind::Measures))
        .any(|s| s.blocks.iter().any(|b| b.item));
    // `(1) 督促状発送手順の見直し`, `(2) …` under the measures, each over one
    // paragraph: the numbered measures, as the notice counts them (not
    // `3 再発防止策` itself, whose sentence may hold several).
    let numbered_heading = |s: &Section| {
        s.heading
            .is_some_and(|h| super::marker::marker(&lines[h].text).is_some())
            && !super::sections::kinds_of(&s.title).contains(&Kind::Measures)
            && matches!(s.blocks.as_slice(), [b] if !b.item && sentences(&b.text).len() == 1)
    };
    let numbered_list = sections
        .iter()
        .filter(|s| s.is(Kind::Measures) && numbered_heading(s))
        .count()
        >= 2;
    for s in sections.iter().filter(|s| s.is(Kind::Measures)) {
        let numbered = numbered_list && numbered_heading(s);
        for b in &s.blocks {
            // A paragraph between items is an introduction or a note; one
            // that goes on (また、…を検討します) adds to them.
            if has_items && !b.item && !goes_on(b) {
                continue;
            }
            let parts = if b.item {
                vec![b.text.clone()]
            } else {
                // What was always done before (これまでも…指導してきたが、) goes.
                sentences(&b.text)
                    .iter()
                    .map(|p| measure::without_reason(measure::without_past_practice(p)).to_string())
                    .collect()
            };
            for p in parts {
                // A sentence must say what will be done; an item only must
                // not be a bare promise (再発防止策の徹底に努めてまいります).
                let bare = !measure::concrete(&p)
                    && ["再発防止", "努め", "まいります", "参ります"]
                        .iter()
                        .any(|w| p.contains(w));
                // After the items, a sentence that goes on must announce one.
                let sentence_no_measure = !b.item
                    && (!measure::concrete(&p)
                        || measure::disqualified(&p)
                        || has_items && !measure::announces(&p));
                // Why it happened (…不十分であったため発生しました) is a cause.
                if introduces(&p) || sentence_no_measure || bare || !b.item && tells_why(&p) {
                    continue;
                }
                if s.kinds.len() > 1 && own_kind(&p, &s.kinds) != Kind::Measures {
                    continue;
                }
                // A numbered paragraph or item is one measure as the notice
                // counts them; a sentence or a bullet may announce several.
                let counted = b.item
                    && !matches!(
                        super::marker::marker(&lines[b.line].text),
                        Some((super::marker::Style::Bullet, _))
                    );
                let split = if numbered || counted {
                    vec![p]
                } else {
                    measure::split(&p)
                };
                for m in split {
                    found.push(b, tidy(&m), lines);
                }
            }
        }
    }
    if !found.out.is_empty() {
        return found.out;
    }
    // A section of the response alone is no place for measures; one of the
    // account and the response (発生の経緯と対応) is.
    let skip = [NOT_ACCOUNT, &[Kind::Response]].concat();
    let skipped = |s: &Section| {
        skip.iter().any(|k| s.is(*k)) && !(s.is(Kind::Summary) && s.is(Kind::Response))
    };
    for s in sections.iter().filter(|s| !skipped(s)) {
        let theirs = others_lists(s);
        for (k, b) in s.blocks.iter().enumerate() {
            // In a 原因 section only a sentence that commits to a measure.
            if s.is(Kind::Causes)
                && (b.item || !sentences(&b.text).iter().any(|p| promises_a_measure(p)))
            {
                continue;
            }
            // A list of data is no measure; what follows it without a heading
            // of its own may be (●…を徹底します after the data's line).
            if s.is(Kind::Data) && Some(b.line) == s.heading {
                continue;
            }
            // A table's cell (指導に関する記録) is no sentence; an item of a
            // list given as another's advice is not the body's measure.
            if !b.item && cell(&b.text) || theirs[k] {
                continue;
            }
            // An official's comment, quoted whole, is its sentences.
            for p in sentences(unquoted(b.text.trim())) {
                let p = measure::without_closing_request(measure::without_reason(
                    measure::without_past_practice(&p),
                ))
                .to_string();
                let said = if measure::announces(&p) {
                    Some(p.as_str())
                } else {
                    measure::after_incident(&p)
                };
                if let Some(said) = said.filter(|s| !introduces(s)) {
                    for m in measure::split(said) {
                        found.push(b, tidy(&m), lines);
                    }
                }
            }
        }
    }
    if !found.out.is_empty() {
        return found.out;
    }
    // No measure announced as such: what the organization did or required
    // to stop it (the 対応 items that are not an apology, a notice or a report);
    // of them, when some commit to the next time (…を徹底する), not those told
    // as done (…カードの使用を停止した, a step on the incident).
    let mut steps: Vec<(&Block, String, bool, bool)> = Vec::new();
    for s in sections.iter().filter(|s| s.kinds == [Kind::Response]) {
        for b in &s.blocks {
            let parts = if b.item {
                vec![b.text.clone()]
            } else {
                sentences(&b.text)
            };
            for p in parts {
                // A listed step counts as it is; a sentence must say what was done.
                let act = b.item || measure::concrete(&p);
                // A step on the incident's own objects (当該PCの…, 当該職員が…)
                // is the response to it, not a measure against the next one.
                let own_objects = p.starts_with("当該");
                // What readers are asked to do (不審なメールは開かないでください).
                if act
                    && !own_objects
                    && !measure::response_only(&p)
                    && !measure::request(&p)
                    && !introduces(&p)
                {
                    // A sentence may tell of several steps, as a measures
                    // section's sentence may.
                    let body = p.trim_end_matches(['。', '．']);
                    let done = body.ends_with('た');
                    let commits = !done && measure::announces(&p) && body.ends_with(['る', 'す']);
                    let split = if b.item { vec![p] } else { measure::split(&p) };
                    steps.extend(split.into_iter().map(|m| (b, m, commits, done)));
                }
            }
        }
    }
    let committed = steps.iter().any(|(_, _, commits, _)| *commits);
    for (b, m, _, done) in steps {
        if !(committed && done) {
            found.push(b, tidy(&m), lines);
        }
    }
    found.out
}

/// For each block of a section, whether it is an item of a list the section
/// goes on to give as another's (`・…開かない。` … `といったことが…より挙げられ
/// ています`).
fn others_lists(s: &Section) -> Vec<bool> {
    let mut out = vec![false; s.blocks.len()];
    // Whether the next paragraph after the items read so far (from the end) says so.
    let mut theirs = false;
    for (k, b) in s.blocks.iter().enumerate().rev() {
        if b.item {
            out[k] = theirs;
        } else {
            theirs = ["といった", "と言った", "などが", "などの点が"]
                .iter()
                .any(|w| b.text.trim_start().starts_with(w));
        }
    }
    out
}

/// A phrase ending in a noun, with no clause or sentence end: a cell of a
/// table or a label when short, a document's title when it says what it is
/// about (…に関する注意喚起); not a sentence.
fn cell(text: &str) -> bool {
    let t = text.trim();
    let noun = t
        .chars()
        .last()
        .is_some_and(|c| crate::text::is_kanji(c) || crate::text::is_katakana(c));
    !t.contains(['、', '。', '，']) && noun && (t.chars().count() <= 15 || t.contains("に関する"))
}

/// With no measure announced: the notice's promise to prevent a recurrence
/// (`今後、…再発防止に努めてまいります`), the first it makes, without the
/// apology it is joined to.
pub fn pledge(lines: &[Line], sections: &[Section]) -> Option<Fact<String>> {
    let mut found = Found::default();
    for s in sections
        .iter()
        .filter(|s| !NOT_ACCOUNT.iter().any(|k| s.is(*k)))
    {
        for b in &s.blocks {
            for p in sentences(&b.text) {
                if !measure::pledge(&p) || measure::incident(&p) || introduces(&p) {
                    continue;
                }
                let promise = match p.rsplit_once("とともに、") {
                    Some((apology, promise))
                        if ["お詫び", "おわび", "謝罪", "申し訳"]
                            .iter()
                            .any(|w| apology.contains(w)) =>
                    {
                        promise
                    }
                    _ => p.as_str(),
                };
                found.push(b, tidy(promise), lines);
                if !found.out.is_empty() {
                    return found.out.into_iter().next();
                }
            }
        }
    }
    None
}

/// What was done after discovery: the 対応 sections, apologies made
/// (お詫びのメールを送信) included, apologies offered to the reader not.
pub fn response(lines: &[Line], sections: &[Section]) -> Vec<Fact<String>> {
    entries(lines, sections, Kind::Response, false)
        .into_iter()
        .filter(|f| {
            ![
                "お詫び申し上げ",
                "おわび申し上げ",
                "申し訳",
                "ご迷惑",
                "ご心配",
            ]
            .iter()
            .any(|w| f.value.contains(w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::sections;
    use super::*;

    fn parts(text: &str) -> (Vec<String>, Vec<String>, Vec<String>, Vec<String>) {
        let (ls, ss) = sections::parse(text);
        let v = |f: Vec<Fact<String>>| f.into_iter().map(|f| f.value).collect::<Vec<_>>();
        (
            v(summary(&ls, &ss, &[])),
            v(causes(&ls, &ss)),
            v(measures(&ls, &ss)),
            v(response(&ls, &ss)),
        )
    }

    #[test]
    fn one_item_or_one_sentence_per_entry() {
        let (s, c, m, r) = parts(
            "1 概要\n職員がＵＳＢメモリーを紛失しました。ご迷惑をおかけし深くお詫び申し上げます。\n\
             2 原因\n持ち出しの許可を得ていなかったこと。\n\
             3 対応\n(1) 警察に届け出ました。\n(2) 対象者に連絡しました。\n\
             4 再発防止策\n今後、次のとおり取り組んでまいります。\n(1) 持ち出しを許可制とします。\n(2) 媒体を暗号化します。\n",
        );
        assert_eq!(s, ["職員がUSBメモリーを紛失しました"]);
        assert_eq!(c, ["持ち出しの許可を得ていなかったこと"]);
        assert_eq!(r, ["警察に届け出ました", "対象者に連絡しました"]);
        assert_eq!(m, ["持ち出しを許可制とします", "媒体を暗号化します"]);
    }

    #[test]
    fn a_section_of_causes_and_measures_is_shared_out_by_sentence() {
        let (_, c, m, _) = parts(
            "本事案が発生した原因と再発防止に向けて\n仕様の確認が不十分であったことが原因です。\n今後、確認の手続を整備し、運用を徹底してまいります。\n",
        );
        assert_eq!(c, ["仕様の確認が不十分であったことが原因です"]);
        assert_eq!(m, ["確認の手続を整備し、運用を徹底してまいります"]);
    }

    #[test]
    fn without_headings_causes_and_measures_come_from_their_words() {
        let (s, c, m, _) = parts(
            "個人情報の漏えいについて\n動画に患者の一覧が映っていました。映り込みの原因は、確認時の見落としにあります。\n本学は、今後、個人情報の厳正な管理を徹底してまいります。\n",
        );
        // The measure sentence is a measure, not summary material.
        assert_eq!(s.len(), 2);
        assert_eq!(c, ["映り込みの原因は、確認時の見落としにあります"]);
        // The measure without the clause that only frames it (今後、).
        assert_eq!(m, ["本学は、個人情報の厳正な管理を徹底してまいります"]);
    }

    #[test]
    fn without_a_measures_section_the_listed_steps_against_a_recurrence_are_the_measures() {
        let (_, _, m, _) = parts(
            "北浜市教育委員会としては、事態を厳粛に受け止め、再発防止策の徹底を図ってまいります。\n\
             1 学校の対応\n当該教員が紛失に気がつき、警察への紛失届を行いました。\n\
             2 教育委員会の対応\n(1)学校向け注意喚起文書発出\n(2)情報担当者研修で注意喚起の実施\n\
             (3)当該教員のUSBメモリの捜索\n(4)USBメモリ管理台帳の所持状況の確認\n",
        );
        // Not the board's promise, not the school's report of the loss, not
        // the search for the lost stick.
        assert_eq!(
            m,
            [
                "学校向け注意喚起文書発出",
                "情報担当者研修で注意喚起の実施",
                "USBメモリ管理台帳の所持状況の確認"
            ]
        );
    }

    #[test]
    fn a_measure_closing_a_section_of_the_account_and_the_response_is_found() {
        let (_, _, m, _) = parts(
            "なりすましメールに関するお知らせ\n[発生の経緯と対応]\n- 2月3日、不審なメールが発信されている事実を確認しました。\n\
             - 2月4日、当該PCをネットワークから隔離しました。\n皆様に深くお詫び申し上げます。\n\
             今後は、情報セキュリティ対策の一層の強化に取り組みます。\n",
        );
        assert_eq!(m, ["情報セキュリティ対策の一層の強化に取り組みます"]);
    }

    #[test]
    fn what_readers_are_asked_to_do_is_no_measure() {
        let (ls, ss) = sections::parse(
            "不審なメールにご注意ください\n町長の名前をかたるメールが複数の方に届いています。\n受信したときの対応(お願い)\n・添付ファイルは開かないでください。\n・本文のURLはクリックしないでください。\n",
        );
        assert!(measures(&ls, &ss).is_empty());
        assert_eq!(
            incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
            Some("町長の名前をかたるメールが複数の方に届いています")
        );
    }

    #[test]
    fn steps_taken_on_the_lost_device_itself_are_the_response() {
        let (_, _, m, r) = parts(
            "1 概要\n社員がPCを紛失しました。\n2 対応\n・当該PCのパスワードを管理側で変更し、不正な利用を防止\n\
             ・当該PCのアクセス権を削除\n・鉄道会社および警察への遺失物届の提出\n",
        );
        assert!(m.is_empty(), "{m:?}");
        assert_eq!(r.len(), 3);
    }

    #[test]
    fn a_cause_is_not_a_reassurance_and_defines_no_names() {
        // Without a 原因: the account's sentence of what went wrong, not the
        // one that says no further leak is possible.
        let (ls, ss) = sections::parse(
            "1 概要\n報告書は送付先からすぐ返却いただき、先方に残っていないため、これ以上漏れる可能性はございません。報告書を別の患者様に誤って送付しました。\n",
        );
        assert_eq!(
            incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
            Some("報告書を別の患者様に誤って送付しました")
        );
        let (_, c, _, _) = parts(
            "2 原因\n協会けんぽ南町支部（以下「支部」といいます。）で発送時の二重確認をしていなかったためです。\n",
        );
        assert_eq!(
            c,
            ["協会けんぽ南町支部で発送時の二重確認をしていなかったためです"]
        );
    }

    #[test]
    fn a_response_sentence_of_several_steps_required_of_a_contractor_is_split() {
        let (_, _, m, _) = parts(
            "1 概要\n受託者がランサムウェアに感染しました。\n2 対応\n受託者に対し、調査結果の報告を求めるとともに、原因究明と情報セキュリティ対策の強化を指示しています。\n",
        );
        assert_eq!(
            m,
            [
                "受託者に対し、調査結果の報告を求める",
                "原因究明と情報セキュリティ対策の強化を指示しています"
            ]
        );
    }

    #[test]
    fn measures_after_a_data_line_without_a_heading_of_their_own_are_found() {
        let (_, _, m, _) = parts(
            "メールアドレスの流出について\n(1)発生日:令和5年2月28日\n(2)流出した情報:施設のメールアドレス:897施設分\n\
             ●令和5年2月28日\n委託先から調査票のメールを送信。\n\
             ●委託先では、複数の宛先に送るメールはBCCで一斉に送ることとし、複数の職員で確かめる体制を徹底します。\n",
        );
        assert_eq!(
            m,
            [
                "委託先では、複数の宛先に送るメールはBCCで一斉に送ることとし、複数の職員で確かめる体制を徹底します"
            ]
        );
    }

    #[test]
    fn a_closing_promise_in_the_causes_section_is_a_measure_not_a_cause() {
        let (_, c, m, _) = parts(
            "1. 経緯\n外部機関から通報がありました。\n2. 原因\n使用していないアプリケーションが残っており、その脆弱性を突かれたためです。\n\
             関係者の皆様にお詫び申し上げるとともに、今後は脆弱性への対策を強化するなど、再発防止策を確実に実施して参ります。\n",
        );
        assert_eq!(
            c,
            ["使用していないアプリケーションが残っており、その脆弱性を突かれたためです"]
        );
        assert_eq!(m, ["今後は脆弱性への対策を強化する"]);
    }

    #[test]
    fn a_rule_for_the_next_time_without_a_heading_is_a_measure() {
        let (_, c, m, _) = parts(
            "北浜市保健所において、名簿を誤って提供しました。\n職員が抽出の条件を誤ったことと確認が不十分であったため。\n\
             同様の申請があった場合、送付の前に複数名で内容を確認する。\n",
        );
        assert_eq!(
            c,
            ["職員が抽出の条件を誤ったことと確認が不十分であったため"]
        );
        assert_eq!(
            m,
            ["同様の申請があった場合、送付の前に複数名で内容を確認する"]
        );
    }

    #[test]
    fn a_notice_that_only_promises_to_prevent_a_recurrence_has_that_promise_as_its_measure() {
        let (ls, ss) = sections::parse(
            "成績の記載誤りについて\n生徒の成績の一部に誤りがありました。\n進学先には差し替えを依頼します。\n\
             ご心配をおかけしたことを心からお詫びするとともに、今後は同じことが起きないよう再発の防止に努めます。\n",
        );
        assert!(measures(&ls, &ss).is_empty());
        // A promise never to let it happen again is one too.
        let (ls3, ss3) = sections::parse(
            "職員の不祥事について\n職員が売上金を着服していました。\n今後、二度とこのような事態を起こさぬよう、全力で信頼の回復に努めてまいります。\n",
        );
        assert!(measures(&ls3, &ss3).is_empty());
        assert_eq!(
            pledge(&ls3, &ss3).map(|f| f.value).as_deref(),
            Some("今後、二度とこのような事態を起こさぬよう、全力で信頼の回復に努めてまいります")
        );
        // What the notice goes on to tell is no promise.
        let (ls2, ss2) = sections::parse(
            "調査結果について\n名簿が閲覧できる状態でした。\n調べが済みましたので、その結果と再発防止の取組をまとめてご報告いたします。\n",
        );
        assert_eq!(pledge(&ls2, &ss2), None);
        assert_eq!(
            pledge(&ls, &ss).map(|f| f.value).as_deref(),
            Some("今後は同じことが起きないよう再発の防止に努めます")
        );
        // A notice with a concrete measure keeps it alone.
        let (_, _, m, _) = parts(
            "成績の記載誤りについて\n生徒の成績の一部に誤りがありました。\n\
             今後は複数の教員で成績を照合します。再発防止に努めてまいります。\n",
        );
        assert_eq!(m, ["今後は複数の教員で成績を照合します"]);
    }

    #[test]
    fn a_timeline_entry_keeps_what_follows_its_date_and_a_label_of_when_is_no_cause() {
        assert_eq!(
            without_time("2024年5月21日(火) 攻撃が原因と特定し、公表"),
            "2024年5月21日(火) 攻撃が原因と特定し、公表"
        );
        assert_eq!(
            without_time("令和7年8月25日月曜日午後6時9分、メールを送信しました"),
            "メールを送信しました"
        );
        let (ls, ss) = sections::parse(
            "調査員証の紛失について\n1 紛失の概要\n(1)紛失時期:令和6年3月4日に紛失が判明\n(2)紛失場所:南浜市内\n",
        );
        assert_eq!(incident(&ls, &ss, &[]), None);
        // An apology sent, cut at its courtesy word, leaves no account.
        let (ls, ss) = sections::parse(
            "通知メールの誤送信について\nまた、12月2日付で、理事長の名で、今回の誤送信に関するお詫びと経過の説明を、該当する方に文書でお届けしました。\n",
        );
        assert_eq!(incident(&ls, &ss, &[]), None);
        // A warning of what opening such mail may do is no account of what went wrong.
        let (ls, ss) = sections::parse(
            "不審なメールについて\n怪しいメールには、暗号化されたZIP形式の添付があります。\nそうした添付を開くことで、ウイルスに感染する恐れがございます。\n",
        );
        assert_eq!(incident(&ls, &ss, &[]), None);
    }

    #[test]
    fn a_lapse_and_what_came_of_it_is_a_cause() {
        let (_, c, _, _) = parts(
            "個人情報の漏えいについて\n授業で教員が事前の確認を怠ったことから、端末をモニターにつないだ際に名簿が映った。\n\
             面談の後、資料が机の下に落ちたことに気付かず、そのまま教室を出た。\n",
        );
        assert_eq!(
            c,
            [
                "授業で教員が事前の確認を怠ったことから、端末をモニターにつないだ際に名簿が映った",
                "面談の後、資料が机の下に落ちたことに気付かず、そのまま教室を出た"
            ]
        );
        // Acting without leave, or without the check it needed.
        for (text, want) in [
            (
                "不祥事について\nこの度、当会の担当職員が県の承認を受けずに講座を開いたことが判明しました。\n",
                "当会の担当職員が県の承認を受けずに講座を開いたことが判明しました",
            ),
            (
                "配信について\n事務局が依頼の中身を確かめないまま会員に配信したことが分かりました。\n",
                "事務局が依頼の中身を確かめないまま会員に配信したことが分かりました",
            ),
        ] {
            let (ls, ss) = sections::parse(text);
            assert_eq!(
                incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
                Some(want)
            );
        }
    }

    #[test]
    fn an_account_under_a_label_of_the_notices_kind_is_read() {
        // 【注意喚起】 over the account: a label of what the notice is, no
        // section of another kind.
        let (ls, ss) = sections::parse(
            "【注意喚起】北浜町を名乗る不審なメールについて\n更新日:2021年5月6日\n【注意喚起】\n北浜町の職員を名乗った不審なメールが町民の方に送信されていることを確認しました。\nなお、町のパソコンが感染したものではありません。\n町民の皆様へのお願い\n添付ファイルは開かないでください。\n",
        );
        assert_eq!(
            incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
            Some("北浜町の職員を名乗った不審なメールが町民の方に送信されていることを確認しました")
        );
        let s: Vec<String> = summary(&ls, &ss, &[0, 1])
            .into_iter()
            .map(|f| f.value)
            .collect();
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn a_paper_found_missing_is_what_went_wrong() {
        let (ls, ss) = sections::parse(
            "調査書類の紛失について\n3 経過\n10月2日\n- 調査員が夕方に訪問を行い、19時頃書類を確かめたところ、名簿が1枚無いことが判明。\n- 翌朝、南町役場へ報告。\n",
        );
        assert_eq!(
            incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
            Some("調査員が夕方に訪問を行い、19時頃書類を確かめたところ、名簿が1枚無いことが判明")
        );
    }

    #[test]
    fn an_insiders_act_told_in_the_account_is_its_cause_to_confirm() {
        let (ls, ss) = sections::parse(
            "職員による不祥事について\n2019年4月から2021年3月までの間、当組合の職員が窓口の現金を着服していたことが分かりました。\n",
        );
        assert_eq!(
            incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
            Some("当組合の職員が窓口の現金を着服していたことが分かりました")
        );
        // Telling what one learnt at work is one too.
        let (ls, ss) = sections::parse(
            "職員による情報の漏えいについて\n1.事実内容\n令和4年3月2日に、職員が利用者の病名を口頭で知人2名に漏らしたことが分かりました。\n",
        );
        assert_eq!(
            incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
            Some("職員が利用者の病名を口頭で知人2名に漏らしたことが分かりました")
        );
        // Papers dumped outside are what went wrong.
        let (ls, ss) = sections::parse(
            "表題について\n患者の情報を含む文書が河川敷に投棄されていたことが分かりました。\n",
        );
        assert_eq!(
            incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
            Some("患者の情報を含む文書が河川敷に投棄されていたことが分かりました")
        );
        // A desk's name (…お問い合わせ窓口) before the facts cuts nothing.
        let (ls, ss) = sections::parse(
            "表題について\n弊社の「製品に関するお問い合わせ窓口」において、要員のパソコンがウイルスに感染し、業務ファイルが流出する事態が発生いたしました。\n",
        );
        assert_eq!(
            incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
            Some(
                "弊社の「製品に関するお問い合わせ窓口」において、要員のパソコンがウイルスに感染し、業務ファイルが流出する事態が発生いたしました"
            )
        );
        // A mistake the body owns (本校のミスにより) tells what went wrong.
        let (ls, ss) = sections::parse(
            "校長室から\n本日、入学者選抜の合格発表を行いました。\nインターネットでの結果の掲示は、当方のミスにより一時見られない状態となりました。心よりお詫び申し上げます。\n",
        );
        assert_eq!(
            incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
            Some("インターネットでの結果の掲示は、当方のミスにより一時見られない状態となりました")
        );
    }

    #[test]
    fn a_report_of_the_loss_made_afterwards_is_no_account_of_what_went_wrong() {
        let (ls, ss) = sections::parse(
            "調査書類の紛失について\n3 経過\n10月2日\n- 調査員が夕方に訪問を終えたところで、名簿を持っていないことに気づいた。\n- 翌朝、南町役場へ名簿の紛失を報告。\n- 役場職員と各戸を訪ね、紛失を報告し、謝罪した。\n",
        );
        assert_eq!(incident(&ls, &ss, &[]), None);
        // A sentence that tells the loss, then the report, is the loss.
        let (ls, ss) = sections::parse(
            "書類の紛失について\n職員が帰宅途中に鞄ごと書類を紛失したため、警察に遺失届を提出しました。\n",
        );
        assert_eq!(
            incident(&ls, &ss, &[]).map(|f| f.value).as_deref(),
            Some("職員が帰宅途中に鞄ごと書類を紛失したため、警察に遺失届を提出しました")
        );
    }

    #[test]
    fn advice_another_body_gives_readers_is_no_measure() {
        let (_, _, m, _) = parts(
            "なりすましメールについて\n当所の担当者を装ったメールが送られています。\n主な対策としては、\n\
             ・心当たりのない添付ファイルは開かないこと。\n\
             ・開いてしまった場合は、すぐに管理部門へ連絡する。\n\
             といったことが北浜情報センターより挙げられています。\n",
        );
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn of_the_steps_of_the_response_those_that_commit_to_the_next_time() {
        let (_, _, m, _) = parts(
            "公用車の盗難について\n1 概要\n車を離れた間に鍵と鞄を盗まれた。\n2 対応\n\
             ・北浜警察署に被害届を出した。\n・盗まれた給油カードは利用を止めた。\n\
             ・短い間でも車を離れるときは施錠し、車内に鞄を残さないよう徹底する。\n",
        );
        assert_eq!(
            m,
            ["短い間でも車を離れるときは施錠し、車内に鞄を残さないよう徹底する"]
        );
        // A label of an update among them is none.
        let (_, _, m, _) = parts(
            "公用車の盗難について\n1 概要\n車を離れた間に鍵と鞄を盗まれた。\n2 対応\n\
             ・<5月9日 更新>\n・車の鍵の保管庫を設けた。\n",
        );
        assert_eq!(m, ["車の鍵の保管庫を設けた"]);
        // Without such a step, the steps taken stand.
        let (_, _, m, _) = parts(
            "公用車の盗難について\n1 概要\n車を離れた間に鍵と鞄を盗まれた。\n2 対応\n\
             ・北浜警察署に被害届を出した。\n・車の鍵の保管庫を設けた。\n",
        );
        assert_eq!(m, ["車の鍵の保管庫を設けた"]);
    }

    #[test]
    fn what_was_always_done_leaves_a_measures_sections_sentence() {
        let (_, _, m, _) = parts(
            "書類の紛失について\n教員が書類を紛失しました。\n再発防止策\n\
             これまでも文書の管理を指導してきたが、今後さらに、文書の持ち出しを許可制とするよう指導を徹底する。\n",
        );
        assert_eq!(
            m,
            ["今後さらに、文書の持ち出しを許可制とするよう指導を徹底する"]
        );
    }

    #[test]
    fn why_it_happened_told_under_the_measures_is_a_cause() {
        let (_, c, m, _) = parts(
            "名簿の誤送信について\n1 事故の発生\n名簿を別の病院へメールで送信しました。\n3 今後の防止策\n\
             本件は、送信先を確かめる手順が足りなかったため発生したものです。\n\
             今後は、送信前に複数の職員で宛先を確かめるよう徹底してまいります。\n",
        );
        assert_eq!(
            c,
            ["送信先を確かめる手順が足りなかったため発生したものです"]
        );
        assert_eq!(
            m,
            ["送信前に複数の職員で宛先を確かめるよう徹底してまいります"]
        );
    }

    #[test]
    fn a_numbered_heading_over_one_paragraph_is_one_measure() {
        let (_, _, m, _) = parts(
            "督促状の誤送付について\n税務課で督促状を誤って送付しました。\n〇再発防止策\n\
             (1) 発送手順の見直し\n誤りが起きやすい箇所を明確にし、二重チェックの体制を構築する。\n\
             (2) 職員の研修\n担当の職員に、気を付ける点の共有を図り、発送の管理に必要な力を身につける研修を行う。\n",
        );
        assert_eq!(
            m,
            [
                "誤りが起きやすい箇所を明確にし、二重チェックの体制を構築する",
                "担当の職員に、気を付ける点の共有を図り、発送の管理に必要な力を身につける研修を行う"
            ]
        );
    }

    #[test]
    fn a_bullet_may_hold_two_measures_and_a_numbered_item_is_one() {
        let (_, _, m, _) = parts(
            "保険料の誤りについて\n1. 概要\n保険料を誤って計算しました。\n2. 再発防止策\n\
             ・申告書に転入日の記載欄を設置するとともに、転入者の一覧を町と毎月照合する体制とします。\n\
             また、計算の結果を機械で点検する仕組みを検討します。\n",
        );
        assert_eq!(
            m,
            [
                "申告書に転入日の記載欄を設置する",
                "転入者の一覧を町と毎月照合する体制とします",
                "計算の結果を機械で点検する仕組みを検討します"
            ]
        );
        let (_, _, m, _) = parts(
            "保険料の誤りについて\n1. 概要\n保険料を誤って計算しました。\n2. 再発防止策\n\
             ① 申告書に転入日の記載欄を設置するとともに、転入者の一覧を町と毎月照合する体制とします。\n\
             ② 計算の結果を二人で確かめます。\n\
             なお、詳しくは担当課にお尋ねください。\n",
        );
        assert_eq!(m.len(), 2, "{m:?}");
    }

    #[test]
    fn what_came_of_a_cause_is_not_another_cause() {
        let (_, c, _, _) = parts(
            "課税誤りについて\n1.原因\n登録の際に誤った種別を入力したため。\n\
             これにより、一部の車両に高い税額で課税していたことが判明しました。\n2.対象者 5人\n",
        );
        assert_eq!(c, ["登録の際に誤った種別を入力したため"]);
        let (_, c, _, _) = parts(
            "課税誤りについて\n原因\nシステム改修の際、判定の設定に誤りがあったことにより、人数を数えていなかった。このため、7月の算定において、税を低く計算していた世帯があることが判明しました。\n対象世帯及び金額\n対象世帯 1世帯\n",
        );
        assert_eq!(
            c,
            ["システム改修の際、判定の設定に誤りがあったことにより、人数を数えていなかった"]
        );
    }

    #[test]
    fn a_reason_and_the_leak_it_led_to_is_a_cause() {
        let (_, c, _, _) = parts(
            "個人情報の流出について\n3.調査の結果\n委託先がデータ入力を個人に再委託した。再委託先の1名が交換ソフトの入ったパソコンで作業したため、名簿がネット上に流出したものであった。\n",
        );
        assert_eq!(
            c,
            [
                "再委託先の1名が交換ソフトの入ったパソコンで作業したため、名簿がネット上に流出したものであった"
            ]
        );
        // What it led to (このため、…) and what was done because of it are no cause.
        let (_, c, _, _) = parts(
            "メールの誤送信について\n1 概要\n通知のメールを宛先欄に入力して一斉送信しました。\nこのため、受信した方が他の方のアドレスを見られる状態となり、59人のメールアドレスが流出しました。\n",
        );
        assert!(c.is_empty(), "{c:?}");
        let (_, c, _, _) = parts(
            "書類の誤送付について\n1 概要\n別の方の書類が含まれていたため、直ちに回収しました。\n",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_lapse_said_to_have_given_rise_to_it_is_its_cause() {
        let (_, c, _, _) = parts(
            "市民のみなさまへ\n税額の計算に誤りがあったことが判明いたしました。\n\
             このことは、担当者間の連携不足および入力の点検が足りなかったことにより 生じたものであります。\n\
             今後はチェック機能を強化してまいります。\n",
        );
        assert_eq!(
            c,
            [
                "このことは、担当者間の連携不足および入力の点検が足りなかったことにより 生じたものであります"
            ]
        );
    }

    #[test]
    fn a_footnote_is_neither_a_cause_nor_a_measure() {
        let (_, c, m, _) = parts(
            "発生原因\n登録の変更が照会システム(※1)に届く前に表示されました。\n\
             ※1 加入者の情報の写しを保管し、照会に答えるシステム。\n\
             再発防止策\n登録の際は本人確認書類で照合するよう手順を改めました。\n\
             ※2 住民基本台帳を介した照会。\n",
        );
        assert_eq!(c, ["登録の変更が照会システム(※1)に届く前に表示されました"]);
        assert_eq!(m, ["登録の際は本人確認書類で照合するよう手順を改めました"]);
    }

    #[test]
    fn sentences_split_outside_brackets() {
        assert_eq!(
            sentences("「流出している。」との連絡がありました。確認しました。"),
            ["「流出している。」との連絡がありました。", "確認しました。"]
        );
        // A paragraph that is one quotation (an official's comment) is its
        // sentences once unquoted.
        assert_eq!(
            sentences(unquoted("「重大な事故です。今後は「台帳」で管理します。」")),
            ["重大な事故です。", "今後は「台帳」で管理します。"]
        );
        assert_eq!(
            sentences(unquoted("「台帳」と「名簿」を紛失しました。")),
            ["「台帳」と「名簿」を紛失しました。"]
        );
    }

    #[test]
    fn an_official_s_quoted_comment_and_a_table_s_cells_in_measures() {
        let (_, _, m, _) = parts(
            "文書の紛失について\n北浜市立の小学校で文書を紛失しました。\n1 紛失した文書\n文書名\n指導に関する記録\n2 教育長のコメント\n\
             「重大な事故であり、深くお詫びします。今後、全校で文書の管理体制を見直し、同様の事故の防止に努めます」\n",
        );
        assert_eq!(m, ["全校で文書の管理体制を見直す"]);
        // A linked document's title is no measure either.
        let (_, _, m, _) = parts(
            "不審メールについて\n職員名を騙ったメールが送られています。\n〇北浜情報センター\n不審メールの感染拡大に関する注意喚起\n",
        );
        assert!(m.is_empty(), "{m:?}");
    }
}
