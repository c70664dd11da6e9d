//! The register of a group of controls ("which precedents do we have for
//! A.5.19–A.5.23 and A.7.14, against our SoA?"): one row per measure that
//! cites any control of the group (or anything below one), with the
//! control(s) of the group it matched, the Statement of Applicability's
//! decision and reason for them when a statement is given, and an empty
//! 「当組織の状況・所見」 column for the auditor. The CLI's `export --control`
//! (repeatable, with ranges) and the browser's pinned areas build it with
//! [`register`]; a single node's precedent list shares its rows ([`rows`]).
//!
//! Rows come in the order of the group's controls (the first, in catalog
//! order, that the measure matched), then newest case first, then in the
//! case's own order of measures. Each incident counts once
//! ([`crate::answers::once`]).

use super::case::citation;
use super::{Block, Citation, Document, Inline, Ref, Table, Text};
use crate::answers::soa::{Entry, Soa};
use crate::casebook::Casebook;
use crate::catalog::{Catalogs, cites};
use crate::lang::{Lang, t};
use crate::model::{Case, ControlRef, Measure};

/// One measure of the register.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The case's index in the casebook.
    pub case: usize,
    /// The measure's index in its case.
    pub measure: usize,
    /// The measure's own references that fall under a control of the group,
    /// in the group's order.
    pub matched: Vec<ControlRef>,
}

/// The group's controls as given, without repeats and those no catalog has,
/// in catalog order.
pub fn group(catalogs: &Catalogs, controls: &[ControlRef]) -> Vec<ControlRef> {
    let mut out: Vec<(usize, ControlRef)> = Vec::new();
    let mut base = 0;
    for catalog in catalogs.all() {
        let flat = catalog.flatten();
        for (pos, (_, item)) in flat.iter().enumerate() {
            if let Some(r) = controls
                .iter()
                .find(|r| r.scheme == catalog.scheme && r.id == item.id)
                && !out.iter().any(|(_, o)| o == r)
            {
                out.push((base + pos, r.clone()));
            }
        }
        base += flat.len();
    }
    out.sort_by_key(|(pos, _)| *pos);
    out.into_iter().map(|(_, r)| r).collect()
}

/// The measures citing any control of `controls` (see [`group`]), among the
/// cases `only` allows (every case when None), each incident once.
pub fn rows(book: &Casebook, controls: &[ControlRef], only: Option<&[bool]>) -> Vec<Row> {
    let controls = group(&book.catalogs, controls);
    let counted = crate::answers::once::mask(book, only);
    let mut cases: Vec<usize> = controls
        .iter()
        .flat_map(|r| book.under_control(r).iter().copied())
        .filter(|&i| counted[i])
        .collect();
    cases.sort_unstable();
    cases.dedup();
    let rank = book.ranks();
    let place = |r: &ControlRef| {
        controls.iter().position(|g| {
            book.catalogs
                .scheme(&g.scheme)
                .is_some_and(|c| cites(c, r, &g.id))
        })
    };
    let mut out: Vec<(usize, u32, Row)> = Vec::new();
    for i in cases {
        let entry = book.fetch(i);
        for (m, measure) in entry.case.measures.iter().enumerate() {
            let mut matched: Vec<ControlRef> = measure
                .controls
                .iter()
                .filter(|r| place(r).is_some())
                .cloned()
                .collect();
            matched.sort_by(|a, b| {
                (place(a), crate::control_id::id_key(&a.id))
                    .cmp(&(place(b), crate::control_id::id_key(&b.id)))
            });
            matched.dedup();
            let Some(first) = matched.iter().filter_map(place).min() else {
                continue;
            };
            out.push((
                first,
                rank[i],
                Row {
                    case: i,
                    measure: m,
                    matched,
                },
            ));
        }
    }
    out.sort_by_key(|(first, rank, row)| (*first, *rank, row.measure));
    out.into_iter().map(|(_, _, row)| row).collect()
}

/// What a statement decides for a control: `適用` / `除外`, or `記載なし`
/// when it does not mention it (nor anything above it).
pub fn decision_label(entry: Option<&Entry>, lang: Lang) -> &'static str {
    match entry.map(|e| e.applicable) {
        Some(true) => t(lang, "適用", "applies"),
        Some(false) => t(lang, "除外", "excluded"),
        None => t(lang, "記載なし", "not stated"),
    }
}

/// The decision and reason cells for the controls a measure matched: one
/// label and reason when they are decided alike, else each control with its
/// own (`iso27001:A.7.14 除外、iso27001:A.5.22 適用`).
pub fn decision_cells(
    soa: &Soa,
    catalogs: &Catalogs,
    matched: &[ControlRef],
    lang: Lang,
) -> (String, String) {
    let decided: Vec<(&ControlRef, Option<&Entry>)> = matched
        .iter()
        .map(|r| (r, soa.decision(catalogs, r)))
        .collect();
    let key = |e: Option<&Entry>| e.map(|e| (e.applicable, e.reason.clone()));
    let alike = decided.windows(2).all(|w| key(w[0].1) == key(w[1].1));
    let sep = t(lang, "、", "; ");
    if alike {
        let entry = decided.first().and_then(|(_, e)| *e);
        return (
            decision_label(entry, lang).to_string(),
            entry.and_then(|e| e.reason.clone()).unwrap_or_default(),
        );
    }
    let labels: Vec<String> = decided
        .iter()
        .map(|(r, e)| format!("{r} {}", decision_label(*e, lang)))
        .collect();
    let reasons: Vec<String> = decided
        .iter()
        .filter_map(|(r, e)| {
            e.and_then(|e| e.reason.as_ref())
                .map(|why| format!("{r}: {why}"))
        })
        .collect();
    (labels.join(sep), reasons.join(sep))
}

/// The header of the register: the matched controls, the statement's
/// decision and reason (with a statement), the case and measure, all the
/// measure's controls, its origin, the citation, the URL, and the auditor's
/// empty column.
pub fn header(with_soa: bool, lang: Lang) -> Vec<String> {
    let mut h = vec![t(lang, "該当する管理策", "Matched controls")];
    if with_soa {
        h.push(t(lang, "適用宣言", "SoA"));
        h.push(t(lang, "宣言の理由", "SoA reason"));
    }
    h.extend([
        t(lang, "公表日", "Published"),
        t(lang, "組織", "Organization"),
        t(lang, "事例", "Case"),
        t(lang, "再発防止策", "Measure"),
        t(lang, "管理策", "Controls"),
        t(lang, "出所", "Origin"),
        t(lang, "出典", "Citation"),
        "URL",
        findings_title(lang),
    ]);
    h.into_iter().map(String::from).collect()
}

/// The title of the auditor's column, left empty.
pub fn findings_title(lang: Lang) -> &'static str {
    t(lang, "当組織の状況・所見", "Our situation and findings")
}

/// The register table of `rows` (see [`header`]).
pub fn table(book: &Casebook, rows: &[Row], soa: Option<&Soa>, lang: Lang) -> Table {
    let cells = rows
        .iter()
        .map(|row| {
            let entry = book.fetch(row.case);
            let case = &entry.case;
            let m = &case.measures[row.measure];
            let mut cells = vec![ids(&row.matched)];
            if let Some(soa) = soa {
                let (label, reason) = decision_cells(soa, &book.catalogs, &row.matched, lang);
                cells.push(Text::plain(label));
                cells.push(Text::plain(reason));
            }
            cells.extend(record(case, m, lang));
            cells.push(Text::default());
            cells
        })
        .collect();
    Table {
        header: header(soa.is_some(), lang),
        rows: cells,
    }
}

/// A case and one of its measures: date, organization, title, measure, its
/// controls, who announced it, the citation (without its URL) and the URL.
fn record(case: &Case, m: &Measure, lang: Lang) -> Vec<Text> {
    let origin = m.credit(lang).unwrap_or_else(|| match lang {
        Lang::Ja => format!("{}の発表", case.organization),
        Lang::En => format!("announced by {}", case.organization),
    });
    let cite = citation(case, 0, lang);
    vec![
        Text::plain(case.date().label(lang)),
        Text::plain(case.organization.clone()),
        Text::plain(case.title.clone()),
        Text::plain(m.text.clone()),
        ids(&m.controls),
        Text::plain(origin),
        Text(vec![Inline::Citation(Citation {
            url: None,
            ..cite.clone()
        })]),
        Text::plain(cite.url.unwrap_or_default()),
    ]
}

/// Control ids, comma-separated.
pub fn ids<'a>(refs: impl IntoIterator<Item = &'a ControlRef>) -> Text {
    let mut text = Text::default();
    for (j, r) in refs.into_iter().enumerate() {
        if j > 0 {
            text.push_str(", ");
        }
        text.push(Inline::Control(Ref::new(r.clone(), None)));
    }
    text
}

/// The group named in a title: runs of three or more neighbours of one level
/// written `iso27001:A.5.19〜A.5.23` (`–` in English), the others one by one.
pub fn group_name(catalogs: &Catalogs, controls: &[ControlRef], lang: Lang) -> String {
    let controls = group(catalogs, controls);
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < controls.len() {
        let mut j = i;
        while j + 1 < controls.len() && neighbours(catalogs, &controls[j], &controls[j + 1]) {
            j += 1;
        }
        if j >= i + 2 {
            let dash = t(lang, "〜", "–");
            parts.push(format!("{}{dash}{}", controls[i], controls[j].id));
        } else {
            parts.extend(controls[i..=j].iter().map(ToString::to_string));
        }
        i = j + 1;
    }
    parts.join(t(lang, "、", ", "))
}

/// Whether `b` comes right after `a` among the items of their level.
fn neighbours(catalogs: &Catalogs, a: &ControlRef, b: &ControlRef) -> bool {
    if a.scheme != b.scheme {
        return false;
    }
    let Some(catalog) = catalogs.scheme(&a.scheme) else {
        return false;
    };
    let flat = catalog.flatten();
    let Some(pa) = flat.iter().position(|(_, item)| item.id == a.id) else {
        return false;
    };
    let depth = flat[pa].0;
    flat[pa + 1..]
        .iter()
        .find(|(d, _)| *d == depth)
        .is_some_and(|(_, item)| item.id == b.id)
}

/// The register of a group of controls as a document: its title, what it
/// holds, the controls with their decisions, and the register itself (a
/// table for Word and Markdown with the columns a page holds, and every
/// column for spreadsheets in [`Document::register`]). `only` limits the
/// cases (the browser's other filters); the browser passes its pinned areas
/// as `controls`.
pub fn register(
    book: &Casebook,
    controls: &[ControlRef],
    soa: Option<&Soa>,
    only: Option<&[bool]>,
    lang: Lang,
) -> Document {
    let cats = &book.catalogs;
    let controls = group(cats, controls);
    let rows = rows(book, &controls, only);
    let title = format!(
        "{}{}",
        t(lang, "先例の登録簿: ", "Register of precedents: "),
        group_name(cats, &controls, lang)
    );
    let mut case_ids: Vec<usize> = rows.iter().map(|r| r.case).collect();
    case_ids.sort_unstable();
    case_ids.dedup();
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: Text::plain(title.clone()),
            anchor: None,
        },
        Block::Paragraph(Text::plain(match lang {
            Lang::Ja => format!(
                "該当する再発防止策 {}件（事例 {}件、casebook）。1行が1つの再発防止策で、当たった管理策の順に、同じ管理策の中では新しい事例から並べています。「{}」欄は記入用に空けてあります。",
                rows.len(),
                case_ids.len(),
                findings_title(lang)
            ),
            Lang::En => format!(
                "{} ({}, casebook). One row per measure, in the order of the controls it matched, newest case first within a control. The column “{}” is left empty for you.",
                crate::plural::count(rows.len(), "matching measure", "matching measures"),
                crate::plural::count(case_ids.len(), "case", "cases"),
                findings_title(lang)
            ),
        })),
    ];
    if let Some(soa) = soa {
        let decided: Vec<Option<&Entry>> = controls.iter().map(|r| soa.decision(cats, r)).collect();
        let count = |a: Option<bool>| {
            decided
                .iter()
                .filter(|e| e.map(|e| e.applicable) == a)
                .count()
        };
        let path = crate::text::path(std::path::Path::new(&soa.path));
        let (yes, no, none) = (count(Some(true)), count(Some(false)), count(None));
        blocks.push(Block::Paragraph(Text::plain(match lang {
            Lang::Ja => format!(
                "適用宣言書: {path}（この登録簿の管理策のうち 適用 {yes}、除外 {no}、記載なし {none}）"
            ),
            Lang::En => format!(
                "Statement of applicability: {path} (of these controls: {yes} applied, {no} excluded, {none} not stated)"
            ),
        })));
    }
    // The controls, with their decisions and how many measures each has.
    let mut overview = vec![
        t(lang, "管理策", "Control").to_string(),
        t(lang, "名称", "Title").to_string(),
    ];
    if soa.is_some() {
        overview.push(t(lang, "適用宣言", "SoA").to_string());
        overview.push(t(lang, "宣言の理由", "SoA reason").to_string());
    }
    overview.push(t(lang, "再発防止策", "Measures").to_string());
    let overview_rows = controls
        .iter()
        .map(|r| {
            let title = cats.control(r).map(|i| i.title.get(lang).to_string());
            let mut cells = vec![ids([r]), Text::plain(title.unwrap_or_default())];
            if let Some(soa) = soa {
                let entry = soa.decision(cats, r);
                cells.push(Text::plain(decision_label(entry, lang)));
                cells.push(Text::plain(
                    entry.and_then(|e| e.reason.clone()).unwrap_or_default(),
                ));
            }
            let n = rows
                .iter()
                .filter(|row| {
                    row.matched
                        .iter()
                        .any(|m| cats.scheme(&r.scheme).is_some_and(|c| cites(c, m, &r.id)))
                })
                .count();
            cells.push(Text::plain(n.to_string()));
            cells
        })
        .collect();
    blocks.push(heading(2, t(lang, "管理策", "Controls")));
    blocks.push(Block::Table(Table {
        header: overview,
        rows: overview_rows,
    }));
    blocks.push(heading(2, t(lang, "登録簿", "Register")));
    let full = table(book, &rows, soa, lang);
    if rows.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(t(
            lang,
            "この管理策の先例はまだありません。",
            "No precedents for these controls yet.",
        ))));
    } else {
        blocks.push(Block::Table(page_table(book, &rows, soa, lang)));
    }
    Document {
        title,
        lang,
        blocks,
        register: Some(full),
    }
}

/// The register with the columns a (landscape) page holds: the matched
/// controls, the decision (its reason in brackets), the case (date,
/// organization, title), the measure (who announced it in brackets), the
/// citation with its link, and the auditor's column.
fn page_table(book: &Casebook, rows: &[Row], soa: Option<&Soa>, lang: Lang) -> Table {
    let mut header = vec![t(lang, "該当する管理策", "Matched controls")];
    if soa.is_some() {
        header.push(t(lang, "適用宣言", "SoA"));
    }
    header.extend([
        t(lang, "事例", "Case"),
        t(lang, "再発防止策", "Measure"),
        t(lang, "出典", "Citation"),
        findings_title(lang),
    ]);
    let rows = rows
        .iter()
        .map(|row| {
            let entry = book.fetch(row.case);
            let case = &entry.case;
            let m = &case.measures[row.measure];
            let mut cells = vec![ids(&row.matched)];
            if let Some(soa) = soa {
                let (label, why) = decision_cells(soa, &book.catalogs, &row.matched, lang);
                cells.push(Text::plain(match (why.is_empty(), lang) {
                    (true, _) => label,
                    (false, Lang::Ja) => format!("{label}（{why}）"),
                    (false, Lang::En) => format!("{label} ({why})"),
                }));
            }
            cells.push(Text::plain(format!(
                "{} {}{}{}",
                case.date().label(lang),
                case.organization,
                t(lang, "：", ": "),
                case.title
            )));
            let mut measure = Text::plain(m.text.clone());
            let origin = m.credit(lang).unwrap_or_else(|| match lang {
                Lang::Ja => format!("{}の発表", case.organization),
                Lang::En => format!("announced by {}", case.organization),
            });
            measure.push_str(&match lang {
                Lang::Ja => format!("【{origin}】"),
                Lang::En => format!(" [{origin}]"),
            });
            cells.push(measure);
            cells.push(Text(vec![Inline::Citation(citation(case, 0, lang))]));
            cells.push(Text::default());
            cells
        })
        .collect();
    Table {
        header: header.into_iter().map(String::from).collect(),
        rows,
    }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: Text::plain(text),
        anchor: None,
    }
}
