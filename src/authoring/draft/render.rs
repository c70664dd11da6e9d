//! The draft as a case file: found values with the notice lines they came
//! from (`← L12「…」`), suggestions as comments, `TODO` for the rest.

use super::facts::{Counted, shorten};
use super::header::{self, Fact};
use super::issuer;
use super::organization;
use super::suggest::{self, Basis, Measures};
use super::{Extract, Options};
use crate::authoring::new::SCHEMA_REF;
use crate::authoring::sketch::{self, Sketch, Slot, Val};
use crate::casebook::Casebook;
use crate::catalog::Kind;
use crate::lang::Lang;
use crate::model::PartialDate;

use super::{dates, site};

/// A note in the language of the draft.
fn tr(lang: Lang, ja: &str, en: &str) -> String {
    match lang {
        Lang::Ja => ja.to_string(),
        Lang::En => en.to_string(),
    }
}

/// `← L12「quote」`, or `← L12` when the value is the quote.
fn from<T>(f: &Fact<T>, ex: &Extract, quote: bool) -> String {
    let cites: Vec<String> = f.lines.iter().map(|&i| ex.lines[i].cite()).collect();
    if quote {
        format!("← {}「{}」", cites.join(", "), shorten(&f.quote, 60))
    } else {
        format!("← {}", cites.join(", "))
    }
}

fn lines_of(facts: &[Fact<String>], ex: &Extract) -> String {
    let mut cites: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for f in facts {
        for &i in &f.lines {
            if seen.insert(i) {
                cites.push(ex.lines[i].cite());
            }
        }
    }
    format!("← {}", cites.join(", "))
}

pub fn render(ex: &Extract, book: &Casebook, options: &Options, encoding: &str) -> String {
    let lang = options.lang;
    // The facts a leak report turns on are questions for the author: a
    // notice rarely answers them, and never in those words.
    let mut s = Sketch {
        incident: true,
        ..Sketch::default()
    };

    s.one(
        "id",
        match &options.id {
            Some(id) => Slot::known(id.clone(), tr(lang, "← --id", "← --id")),
            None => Slot::todo(vec![tr(
                lang,
                "a-z・0-9・- で事例IDを決める（例: 組織名のローマ字-年）",
                "choose an id of a-z, 0-9 and - (e.g. organization-in-latin-letters-year)",
            )]),
        },
    );
    s.one(
        "title",
        match &ex.title {
            Some(f) => Slot {
                value: Some(f.value.clone()),
                notes: vec![
                    from(f, ex, false),
                    tr(
                        lang,
                        "通知文の表題そのまま: 何が起きたかを自分の言葉で一行に",
                        "the notice's own title: say what happened, in your own words",
                    ),
                ],
            },
            None => Slot::todo(Vec::new()),
        },
    );
    let site = site_publisher(ex, options);
    s.one("organization", organization(ex, options, site.as_deref()));
    let sector_notes = ex
        .organization
        .as_ref()
        .and_then(|o| header::sector_hint(&o.value).map(|id| (o, id)))
        .map(|(o, id)| {
            let title = book.catalogs.title_of(Kind::Sectors, id, lang);
            vec![tr(
                lang,
                &format!(
                    "候補: {id}（{title}）— 組織名「{}」から。確かめて書く",
                    o.value
                ),
                &format!(
                    "suggestion: {id} ({title}), from the name {}; confirm it",
                    o.value
                ),
            )]
        })
        .unwrap_or_default();
    s.one("sector", Slot::todo(sector_notes));
    s.one("published", published(ex, options));
    s.one("discovered", discovered(ex, lang));
    s.one("occurred", occurred(ex, lang));
    s.one("summary", summary(ex, lang));
    s.set("affected", Val::Map(affected(ex, lang)));
    s.set("leak", Val::Map(leak(ex, lang)));
    s.set("root_causes", Val::Entries(causes(ex, book, lang)));
    s.set("measures", Val::Entries(measures(ex, book, lang)));
    if !ex.response.is_empty() {
        s.set(
            "response",
            Val::Many(
                ex.response.iter().map(|f| f.value.clone()).collect(),
                vec![lines_of(&ex.response, ex)],
            ),
        );
    }
    s.set(
        "sources",
        Val::Entries(vec![source(ex, options, site.as_deref())]),
    );

    let header = header_comment(options, encoding, lang);
    sketch::render(&s, &header, SCHEMA_REF, lang)
}

fn fact_slot<T>(f: Option<&Fact<T>>, ex: &Extract, show: impl Fn(&T) -> String) -> Slot {
    match f {
        Some(f) => Slot::known(show(&f.value), from(f, ex, true)),
        None => Slot::todo(Vec::new()),
    }
}

/// A date's provenance, and a warning when its weekday is not the date's.
fn date_slot(f: &Fact<PartialDate>, ex: &Extract, lang: Lang) -> Slot {
    let mut slot = Slot::known(f.value.to_string(), from(f, ex, true));
    if dates::find(&f.quote, None)
        .first()
        .is_some_and(|d| d.weekday_mismatch)
    {
        slot.notes.push(tr(
            lang,
            "通知文の曜日がこの日付と合わない: どちらが正しいか確かめる",
            "the notice's weekday does not fall on this date: check which is right",
        ));
    }
    slot
}

/// The page's address: `--url`, or the one address the notice gives.
fn address<'a>(ex: &'a Extract, options: &'a Options) -> Option<&'a str> {
    match (options.url.as_deref(), ex.urls.as_slice()) {
        (Some(url), _) => Some(url),
        (None, [one]) if one.value.len() > 8 => Some(one.value.as_str()),
        _ => None,
    }
}

/// A government's unit named without the government (クリーンセンター,
/// 行政事務センター, 子ども家庭支援センター): not a school or a hospital, which
/// are bodies of their own, and no place name (県立…, …市…) in it.
fn unit_without_its_government(name: &str) -> bool {
    ["センター", "事務所", "課", "室", "局", "事業団"]
        .iter()
        .any(|e| name.ends_with(e))
        && !name.contains(['県', '市', '町', '村', '区', '都', '府'])
        && !name.contains("法人")
        && !name.contains("株式会社")
}

/// The prefecture or municipality whose site the page is.
fn site_publisher(ex: &Extract, options: &Options) -> Option<String> {
    site::publisher(
        address(ex, options)?,
        ex.organization.as_ref().map(|o| o.value.as_str()),
        || {
            ex.lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        },
    )
}

/// A body of a government named alone (教育委員会 on a prefecture's page).
const BOARDS: &[&str] = &[
    "教育委員会",
    "教育庁",
    "選挙管理委員会",
    "議会",
    "病院局",
    "水道局",
    "交通局",
];

/// `site`: the government whose page the notice is ([`site_publisher`]).
fn organization(ex: &Extract, options: &Options, site: Option<&str>) -> Slot {
    let lang = options.lang;
    if let Some(f) = &ex.organization {
        return named_organization(f, ex, site, lang);
    }
    let word = ex.self_word.as_deref();
    let Some(site) = site else {
        return match word {
            Some(word) => Slot::todo(vec![calls_itself(word, lang)]),
            None => Slot::todo(Vec::new()),
        };
    };
    // 港湾局 heading a prefecture's press release: the prefecture's bureau.
    if site.ends_with(['都', '道', '府', '県'])
        && let Some(b) = issuer::bureau(
            &ex.lines,
            ex.title.as_ref().and_then(|t| t.lines.first().copied()),
        )
    {
        return Slot::known(format!("{site}{}", b.value), from(&b, ex, true))
            .noted(site_note(lang));
    }
    let Some(word) = word else {
        return site_government(site, lang);
    };
    let kind = word.chars().next().unwrap_or_default();
    let after_kind = &word[kind.len_utf8()..];
    // The government's own word (本市), or its school named by kind
    // (市立小学校): that government.
    if ["本市", "当市", "本県"].contains(&word)
        || site.ends_with(kind)
            && organization::unnamed_school(&format!("{site}{after_kind}")).is_some()
    {
        return site_government(site, lang);
    }
    // 県教育委員会 on a prefecture's page: the prefecture's board.
    if let Some(name) = board_of(site, word) {
        return Slot::known(name, site_note(lang)).noted(tr(
            lang,
            &format!(
                "通知文は自らを「{word}」とだけ書いている: ページのアドレスの自治体（{site}）の{after_kind}"
            ),
            &format!(
                "the notice calls itself only \"{word}\": that of the government whose page it is ({site})"
            ),
        ));
    }
    Slot::todo(vec![
        calls_itself(word, lang),
        tr(
            lang,
            &format!("候補: {site}（ページのアドレスの自治体）"),
            &format!("candidate: {site} (the government whose page it is)"),
        ),
    ])
}

/// The organization the notice names, as the draft writes it.
fn named_organization(f: &Fact<String>, ex: &Extract, site: Option<&str>, lang: Lang) -> Slot {
    // クリーンセンター, 行政事務センター on a city's page: a unit of the
    // government whose page it is, named without it.
    if unit_without_its_government(&f.value)
        && let Some(site) = site
    {
        return Slot::known(site, from(f, ex, true)).noted(tr(
            lang,
            &format!("「{}」はこの自治体の組織（ページのアドレスから）", f.value),
            &format!(
                "{} is a unit of this government (from the page's address)",
                f.value
            ),
        ));
    }
    // Another government alone on a government's page (三沢市長 read as a
    // city, 北浜市 told of in a prefecture's release): the page's.
    // (A ministry, 厚生労働省, that told the body of it, too.)
    let government = |n: &str| {
        (issuer::municipality(n)
            || (2..=6).contains(&n.chars().count()) && n.ends_with(['省', '庁']))
            && n.chars().all(|c| crate::text::is_kanji(c) || c == 'ヶ')
    };
    if let Some(site) = site
        && government(&f.value)
        // (A ward of the city whose page it is is the city's, too.)
        && f.value != site
    {
        return Slot::known(site, site_note(lang)).noted(tr(
            lang,
            &format!(
                "「{}」はページのアドレスの自治体（{site}）ではない: 公表した組織を確かめる",
                f.value
            ),
            &format!(
                "{} is not the government whose page it is ({site}): confirm who published it",
                f.value
            ),
        ));
    }
    // 教育委員会 on a government's page: that government's board.
    if BOARDS.contains(&f.value.as_str())
        && let Some(site) = site
    {
        return Slot::known(format!("{site}{}", f.value), from(f, ex, true)).noted(site_note(lang));
    }
    // 江戸川区立小学校: no school's name, the municipality that runs it.
    if let Some(place) = organization::unnamed_school(&f.value) {
        return Slot::known(place, from(f, ex, true)).noted(tr(
            lang,
            &format!(
                "「{}」は学校の名前ではない: 設置する自治体。学校名が分かれば書く",
                f.value
            ),
            &format!(
                "{} names no school: the municipality that runs it; name the school if the page does",
                f.value
            ),
        ));
    }
    Slot::known(f.value.clone(), from(f, ex, true))
}

/// The comment on a notice that calls itself only 本学, 当院, 県立学校.
fn calls_itself(word: &str, lang: Lang) -> String {
    tr(
        lang,
        &format!(
            "通知文は自らを「{word}」とだけ書いている: 正式な名前をページの見出しや署名から書く"
        ),
        &format!(
            "the notice calls itself only \"{word}\": write its full name from the page's heading or signature"
        ),
    )
}

/// The government whose page the notice is, as its organization.
fn site_government(site: &str, lang: Lang) -> Slot {
    Slot::known(site, site_note(lang)).noted(tr(
        lang,
        &format!(
            "通知文は組織の名前を書いていない: ページのアドレスの自治体（{site}）。課や学校の名前があれば書く"
        ),
        &format!(
            "the notice names no body: the government whose page it is ({site}); name the department or school if the page does"
        ),
    ))
}

fn site_note(lang: Lang) -> String {
    tr(
        lang,
        "← ページのアドレス（この自治体のサイト）",
        "← the page's address (this government's site)",
    )
}

/// The board a notice names by its kind of government (県教育委員会) on that
/// government's page (群馬県): 群馬県教育委員会.
fn board_of(site: &str, word: &str) -> Option<String> {
    let kind = word.chars().next()?;
    let rest = &word[kind.len_utf8()..];
    (site.ends_with(kind) && rest.ends_with("委員会")).then(|| format!("{site}{rest}"))
}

fn published(ex: &Extract, options: &Options) -> Slot {
    let lang = options.lang;
    match (&ex.published, options.published) {
        (Some(f), given) => {
            let mut slot = date_slot(f, ex, lang);
            if ex.dated.as_ref().is_some_and(|d| d.value != f.value) {
                let d = ex.dated.as_ref().expect("checked");
                slot.notes.push(tr(
                    lang,
                    &format!(
                        "最初に公表した日（続報が書く日）。この通知文の日付は {}（{}）で、sources の date に書いた",
                        d.value,
                        ex.lines[d.lines[0]].cite()
                    ),
                    &format!(
                        "the day it was first made public, as this later report says; the report's own date, {} ({}), is the source's date",
                        d.value,
                        ex.lines[d.lines[0]].cite()
                    ),
                ));
            }
            if let Some(g) = given.filter(|g| *g != f.value) {
                slot.notes.push(tr(
                    lang,
                    &format!("--published の {g} と違う: どちらが公表日か確かめる"),
                    &format!("--published said {g}: check which is the publication date"),
                ));
            }
            slot
        }
        (None, Some(given)) => Slot::known(given.to_string(), "← --published".to_string()),
        (None, None) => Slot::todo(Vec::new()),
    }
}

/// The day it came to light, when the notice gives it to the day (判明日, …に判明).
fn discovered(ex: &Extract, lang: Lang) -> Slot {
    match &ex.discovered {
        Some(d) if d.value.day.is_some() => {
            let mut slot = date_slot(d, ex, lang);
            slot.notes.push(tr(
                lang,
                "判明・発覚を述べた文の日付。報告の期限はこの日から数える: 確かめて書く",
                "the date of the sentence on finding it out; report deadlines count from it: confirm it",
            ));
            slot
        }
        Some(d) => Slot::todo(vec![tr(
            lang,
            &format!(
                "通知文は発覚を {}（{}）とだけ書いている: 日まで分かれば書く",
                d.value,
                ex.lines[d.lines[0]].cite()
            ),
            &format!(
                "the notice dates the discovery only as {} ({}): give the day if known",
                d.value,
                ex.lines[d.lines[0]].cite()
            ),
        )]),
        None => Slot::todo(Vec::new()),
    }
}

/// The leak facts stay questions; where the notice's words bear on one, a
/// comment says which words and where.
fn leak(ex: &Extract, lang: Lang) -> Sketch {
    const HINTS: &[(&str, &[&str])] = &[
        (
            "sensitive",
            &[
                "要配慮",
                "病名",
                "病歴",
                "診療",
                "病気",
                "検査結果",
                "健康診断",
                "障害",
                "犯罪",
            ],
        ),
        (
            "financial",
            &[
                "クレジットカード",
                "カード番号",
                "口座番号",
                "口座情報",
                "暗証番号",
                "ネットバンキング",
            ],
        ),
        (
            "malicious",
            &[
                "不正アクセス",
                "盗難",
                "盗まれ",
                "ランサムウェア",
                "不正に",
                "持ち出",
                "窃取",
                "攻撃",
                "不正使用",
            ],
        ),
        (
            "encrypted",
            &["暗号化", "パスワードを設定", "パスワードロック"],
        ),
        (
            "recovered_unseen",
            &["回収", "削除を確認", "開封せず", "未開封"],
        ),
    ];
    let mut sketch = Sketch::default();
    for (fact, words) in HINTS {
        let found = ex.lines.iter().find_map(|l| {
            words.iter().find(|w| l.text.contains(**w)).map(|w| {
                let denied = [
                    "含まれておりません",
                    "含まれていません",
                    "含まれていない",
                    "含まれません",
                ]
                .iter()
                .any(|n| l.text.contains(n));
                (w, l.cite(), denied)
            })
        });
        let notes = found
            .map(|(word, at, denied)| {
                vec![if denied {
                    tr(
                        lang,
                        &format!("通知文は「{word}」が含まれないと書いている（{at}）: 確かめて false か unknown"),
                        &format!("the notice says \"{word}\" was not included ({at}): confirm, then false or unknown"),
                    )
                } else {
                    tr(
                        lang,
                        &format!("通知文に「{word}」（{at}）: 確かめて true / false / unknown"),
                        &format!("the notice says \"{word}\" ({at}): confirm, then true, false or unknown"),
                    )
                }]
            })
            .unwrap_or_default();
        sketch.one(fact, Slot::todo(notes));
    }
    sketch
}

fn occurred(ex: &Extract, lang: Lang) -> Slot {
    let discovered = ex
        .discovered
        .as_ref()
        .filter(|d| d.value.day.is_none())
        .map(|d| {
            tr(
                lang,
                &format!(
                    "発覚（判明）は {}（{}「{}」）: 発生日とは別",
                    d.value,
                    ex.lines[d.lines[0]].cite(),
                    shorten(&d.quote, 30)
                ),
                &format!(
                    "it came to light on {} ({} \"{}\"), which is not when it happened",
                    d.value,
                    ex.lines[d.lines[0]].cite(),
                    shorten(&d.quote, 30)
                ),
            )
        });
    match &ex.occurred {
        Some(f) => {
            let mut slot = date_slot(f, ex, lang);
            slot.notes.push(tr(
                lang,
                "出来事を述べた文の日付。発生日と違えば直す",
                "the date of the sentence that tells of the event; correct it if it happened earlier",
            ));
            slot.notes.extend(discovered);
            slot
        }
        None => Slot::todo(discovered.into_iter().collect()),
    }
}

fn header_comment(options: &Options, encoding: &str, lang: Lang) -> Vec<String> {
    let source = crate::text::line(&options.source).into_owned();
    match lang {
        Lang::Ja => vec![
            format!("casebook draft による下書き: {source}（{encoding}）"),
            "title・summary・root_causes・measures・response は通知文の言い回しのまま。公開・共有の前にチームの言葉で書き直す（事実は残し、文章は写さない）。".into(),
            "「← L12」は元の通知文の行番号。sector・category・controls の候補は提案にすぎないので、確かめてから書く。".into(),
            "見つからなかった値は TODO。残りは `casebook validate このファイル` が一覧にする。".into(),
        ],
        Lang::En => vec![
            format!("Drafted by casebook draft from {source} ({encoding})."),
            "title, summary, root_causes, measures and response keep the notice's own wording: rewrite them in your team's words before sharing (facts carry over, sentences do not).".into(),
            "\"← L12\" is the line of the notice a value came from. Suggested sector, category and controls are suggestions: confirm them.".into(),
            "What was not found is TODO; `casebook validate THIS-FILE` lists what is left.".into(),
        ],
    }
}

fn summary(ex: &Extract, lang: Lang) -> Slot {
    if ex.summary.is_empty() {
        return Slot::todo(Vec::new());
    }
    let text: Vec<String> = ex
        .summary
        .iter()
        .map(|f| {
            let v = f.value.trim_end_matches('。');
            format!("{v}。")
        })
        .collect();
    Slot {
        value: Some(text.join("\n")),
        notes: vec![
            lines_of(&ex.summary, ex),
            tr(
                lang,
                "通知文の文のまま: 2〜6文に要約し、自分の言葉で書き直す",
                "the notice's sentences: cut to 2-6 and rewrite in your own words",
            ),
        ],
    }
}

fn count_slot(c: &Counted, ex: &Extract, lang: Lang) -> Slot {
    let mut notes = Vec::new();
    let mut slot = match &c.chosen {
        Some(f) => Slot::known(f.value.to_string(), from(f, ex, true)),
        None => Slot::todo(Vec::new()),
    };
    if !c.others.is_empty() {
        let figures: Vec<String> = c
            .others
            .iter()
            .map(|(i, n)| format!("{}（{}）", n.text, ex.lines[*i].cite()))
            .collect();
        notes.push(tr(
            lang,
            &format!("通知文の数字: {}", figures.join("、")),
            &format!("figures in the notice: {}", figures.join(", ")),
        ));
        if c.others.iter().any(|(_, n)| n.approximate) {
            notes.push(tr(lang,
                "概数・延べ数は正確な数として書かない: summary に書き、この行は消す",
                "an approximate or cumulative figure is not an exact count: put it in the summary and delete this line",
            ));
        }
    }
    slot.notes.extend(notes);
    slot
}

fn affected(ex: &Extract, lang: Lang) -> Sketch {
    let mut a = Sketch::default();
    a.one("people", count_slot(&ex.people, ex, lang));
    a.one("records", count_slot(&ex.records, ex, lang));
    if !ex.data.is_empty() {
        a.set(
            "data",
            Val::Many(
                ex.data.iter().map(|f| f.value.clone()).collect(),
                vec![lines_of(&ex.data, ex)],
            ),
        );
    }
    a
}

fn causes(ex: &Extract, book: &Casebook, lang: Lang) -> Vec<Sketch> {
    let told: String = ex
        .title
        .iter()
        .map(|t| t.value.as_str())
        .chain(ex.summary.iter().map(|f| f.value.as_str()))
        .collect::<Vec<_>>()
        .join("\n");
    let notice = suggest::notice_category(&told);
    ex.causes
        .iter()
        .map(|f| {
            let mut c = Sketch::default();
            let mut found = suggest::cause_categories(&f.value);
            // A notice of 誤送信 points its causes to misoperation first.
            if let Some((id, word)) = notice
                && !found.iter().any(|(x, _)| *x == id)
            {
                found.insert(0, (id, word));
                found.truncate(2);
            }
            let notes = found
                .into_iter()
                .map(|(id, word)| {
                    let title = book.catalogs.title_of(Kind::Causes, id, lang);
                    tr(
                        lang,
                        &format!("候補: {id}（{title}）—「{word}」から"),
                        &format!("suggestion: {id} ({title}), from the word {word}"),
                    )
                })
                .collect();
            c.one("category", Slot::todo(notes));
            c.one(
                "text",
                notice_text(
                    f,
                    ex,
                    ex.cause_from_account.then(|| tr(
                        lang,
                        "通知文に原因の項はない: 何が起きたかを述べた文から。仕組みとしての原因に書き直す",
                        "the notice has no section on causes: this is its sentence on what went wrong; rewrite it as the mechanism",
                    )),
                ),
            );
            c
        })
        .collect()
}

/// A sentence in the notice's words, with where it came from and a note on
/// how it was chosen.
fn notice_text(f: &Fact<String>, ex: &Extract, note: Option<String>) -> Slot {
    let slot = Slot::known(f.value.clone(), from(f, ex, false));
    match note {
        Some(note) => slot.noted(note),
        None => slot,
    }
}

fn measures(ex: &Extract, book: &Casebook, lang: Lang) -> Vec<Sketch> {
    let index = Measures::new(book);
    let title_of = |c: &crate::model::ControlRef| {
        book.catalogs
            .control(c)
            .map(|i| i.title.get(lang).to_string())
            .unwrap_or_default()
    };
    ex.measures
        .iter()
        .map(|f| {
            let mut m = Sketch::default();
            m.one(
                "text",
                notice_text(
                    f,
                    ex,
                    ex.measures_pledged.then(|| tr(
                        lang,
                        "通知文は再発防止を約束するだけで、何をするかを書いていない: 分かれば具体的な策を書く",
                        "the notice only promises to prevent a recurrence and names no step: write the step if you learn it",
                    )),
                ),
            );
            let mut notes = Vec::new();
            match suggest::suggested(&index, &book.catalogs, &f.value) {
                Some((controls, Basis::Similar(s))) => {
                    notes.push(tr(lang,
                        "候補（事例集の似た再発防止策から。確かめて TODO を置き換える）:",
                        "suggestions (from similar measures in the casebook; confirm, then replace TODO):",
                    ));
                    for c in &controls {
                        notes.push(format!("  {c} {}", title_of(c)));
                    }
                    notes.push(tr(lang,
                        &format!("  似た策: 「{}」[{}]", shorten(&s.text, 40), s.case),
                        &format!("  similar: 「{}」[{}]", shorten(&s.text, 40), s.case),
                    ));
                }
                Some((controls, Basis::Words(words, best, weak))) => {
                    let words: Vec<&str> = words.iter().map(String::as_str).take(3).collect();
                    notes.push(tr(lang,
                        &format!("候補（分類表の語「{}」から。確かめて TODO を置き換える）:", words.join("」「")),
                        &format!("suggestions (from the catalogs' words {}; confirm, then replace TODO):", words.join(", ")),
                    ));
                    for c in &controls {
                        notes.push(format!("  {c} {}", title_of(c)));
                    }
                    if !weak.is_empty() {
                        let ids: Vec<String> = weak.iter().map(ToString::to_string).collect();
                        notes.push(tr(lang,
                            &format!("  似た策は弱い（類似度 {best:.2}）: {}", ids.join(" ")),
                            &format!("  similar measures are weak (similarity {best:.2}): {}", ids.join(" ")),
                        ));
                    }
                }
                Some((controls, Basis::Weak(best))) => {
                    notes.push(tr(lang,
                        &format!("弱い候補（事例集の似た策の類似度 {best:.2}。確かめて TODO を置き換える）:"),
                        &format!("weak suggestions (similar measures in the casebook, similarity {best:.2}; confirm, then replace TODO):"),
                    ));
                    for c in &controls {
                        notes.push(format!("  {c} {}", title_of(c)));
                    }
                }
                None => {}
            }
            m.set("controls", Val::Many(Vec::new(), notes));
            m
        })
        .collect()
}

fn source(ex: &Extract, options: &Options, site: Option<&str>) -> Sketch {
    let lang = options.lang;
    let mut s = Sketch::default();
    let mut publisher = match site {
        Some(site) => Slot::known(site, site_note(lang)),
        None => fact_slot(ex.organization.as_ref(), ex, |v| v.clone()),
    };
    if publisher.value.is_some() {
        publisher.notes.push(tr(
            lang,
            "報道やまとめサイトから写したときは、その発行者を書く",
            "if you copied the text from a news site or an archive, name that publisher",
        ));
    }
    s.one("publisher", publisher);
    s.one("title", fact_slot(ex.title.as_ref(), ex, |v| v.clone()));
    s.one(
        "date",
        match (&ex.dated, options.published) {
            (Some(d), _) => date_slot(d, ex, lang),
            (None, Some(given)) => Slot::known(given.to_string(), "← --published".to_string()),
            (None, None) => Slot::todo(Vec::new()),
        },
    );
    let url = match ex.urls.as_slice() {
        _ if options.url.is_some() => {
            let given = options.url.clone().expect("checked");
            // An archive's copy is where the notice was read: the source's
            // address, with the original page's beside it.
            match site::original(&given) {
                Some(original) => Slot::known(
                    given,
                    tr(
                        lang,
                        &format!("← --url（アーカイブの写し。元のページ: {original}）"),
                        &format!("← --url (an archive's copy; the original page: {original})"),
                    ),
                ),
                None => Slot::known(given, "← --url".to_string()),
            }
        }
        [one] if one.value.len() > 8 => Slot::known(one.value.clone(), from(one, ex, false)),
        [] => Slot::todo(Vec::new()),
        many => Slot::todo(vec![tr(
            lang,
            &format!(
                "通知文のURL: {}",
                many.iter()
                    .map(|f| f.value.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            &format!(
                "addresses in the notice: {}",
                many.iter()
                    .map(|f| f.value.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        )]),
    };
    s.one("url", url);
    s
}
