//! Documents of several cases: a training pack of marked cases, and the
//! precedent list of a catalog node (with its register: one record per case
//! and citing measure, for spreadsheets).

use std::collections::HashMap;

use super::case::{self, citation, measure_text, refs};
use super::{Block, Document, Inline, Item, List, Ref, Table, Text};
use crate::casebook::Casebook;
use crate::catalog::Catalog;
use crate::export::{cause_titles, controls_of};
use crate::lang::{Lang, t};
use crate::model::{Case, ControlRef, Measure};

/// A training pack of `cases` (indices into `book.entries()`), newest first:
/// a contents table, each case's summary, and the controls the pack covers.
pub fn pack(book: &Casebook, cases: &[usize], lang: Lang) -> Document {
    let e = book.entries();
    let mut cases = cases.to_vec();
    book.sort_newest_first(&mut cases);
    cases.dedup();
    let cats = &book.catalogs;
    let title = match lang {
        Lang::Ja => format!("研修資料: 情報セキュリティ事故の事例（{}件）", cases.len()),
        Lang::En => format!(
            "Training pack: {}",
            crate::plural::count(
                cases.len(),
                "security incident case",
                "security incident cases"
            )
        ),
    };
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: Text::plain(title.clone()),
            anchor: None,
        },
        Block::Paragraph(Text::plain(t(
            lang,
            "公表された事故の事例と再発防止策を、ISO/IEC 27001:2022 附属書A と個人情報保護委員会ガイドラインの安全管理措置に対応付けてまとめたものです。各事例の末尾に出典を示します。",
            "Published incidents and their prevention measures, mapped to ISO/IEC 27001:2022 Annex A and the PPC guideline's safety-management measures. Each case ends with its source.",
        ))),
        heading(2, t(lang, "目次", "Contents")),
    ];
    let rows = cases
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let case = &e[i].case;
            vec![
                Text::plain((n + 1).to_string()),
                Text::plain(case.date().label(lang)),
                Text::plain(case.organization.clone()),
                Text::plain(cause_titles(case, cats, lang).join(t(lang, "、", ", "))),
                ids(controls_of(case)),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        header: [
            "#",
            t(lang, "公表日", "Published"),
            t(lang, "組織", "Organization"),
            t(lang, "原因", "Causes"),
            t(lang, "管理策", "Controls"),
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }));
    for (n, &i) in cases.iter().enumerate() {
        blocks.extend(case::blocks(&e[i].case, cats, lang, 2, Some(n + 1)));
    }

    // Which controls the pack covers, in catalog order, with the cases citing each.
    let mut covered: HashMap<ControlRef, Vec<usize>> = HashMap::new();
    for (n, &i) in cases.iter().enumerate() {
        for r in controls_of(&e[i].case) {
            covered.entry(r.clone()).or_default().push(n + 1);
        }
    }
    let order: HashMap<(String, String), usize> = cats
        .control_schemes()
        .flat_map(|c| {
            c.flatten()
                .into_iter()
                .map(move |(_, item)| (c.scheme.clone(), item.id.clone()))
        })
        .enumerate()
        .map(|(pos, key)| (key, pos))
        .collect();
    let mut covered: Vec<(ControlRef, Vec<usize>)> = covered.into_iter().collect();
    covered.sort_by_key(|(r, _)| {
        order
            .get(&(r.scheme.clone(), r.id.clone()))
            .copied()
            .unwrap_or(usize::MAX)
    });
    blocks.push(heading(
        2,
        t(lang, "この資料で扱った管理策", "Controls covered"),
    ));
    blocks.push(Block::Table(Table {
        header: [
            t(lang, "管理策", "Control"),
            t(lang, "名称", "Title"),
            t(lang, "事例", "Cases"),
        ]
        .map(String::from)
        .to_vec(),
        rows: covered
            .iter()
            .map(|(r, numbers)| {
                let title = cats
                    .control(r)
                    .map(|i| i.title.get(lang).to_string())
                    .unwrap_or_default();
                let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
                vec![
                    ids([r]),
                    Text::plain(title),
                    Text::plain(numbers.join(", ")),
                ]
            })
            .collect(),
    }));
    Document {
        title,
        lang,
        blocks,
        register: None,
    }
}

/// The precedent list of a catalog node ("which public cases do we have for
/// A.7.14?"): per case, newest first, the measures citing the node and the
/// citation; and the register of the same, one row per case and measure.
/// None when the scheme or node does not exist.
pub fn precedents(book: &Casebook, scheme: &str, id: &str, lang: Lang) -> Option<Document> {
    let catalog = book.catalogs.scheme(scheme)?;
    let item = catalog.get(id)?;
    let title = format!("{scheme}:{id} {}", item.title.get(lang));
    let mut cases: Vec<usize> = book.under(scheme, id).to_vec();
    book.sort_newest_first(&mut cases);
    let count = match lang {
        Lang::Ja => format!("先例 {}件（casebook、新しい順）", cases.len()),
        Lang::En => format!(
            "{} (casebook, newest first)",
            crate::plural::count(cases.len(), "precedent", "precedents")
        ),
    };
    let mut blocks = vec![heading(1, &title), Block::Paragraph(Text::plain(count))];
    if cases.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(t(
            lang,
            "この項目の先例はまだありません。",
            "No precedents for this item yet.",
        ))));
    }
    let mut rows = Vec::new();
    let e = book.entries();
    for i in cases {
        let case = &e[i].case;
        blocks.push(heading(
            2,
            &format!(
                "{} {} — {}",
                case.date().label(lang),
                case.organization,
                case.title
            ),
        ));
        let citing: Vec<&Measure> = case
            .measures
            .iter()
            .filter(|m| m.controls.iter().any(|r| cites(catalog, r, id)))
            .collect();
        blocks.push(Block::Paragraph(Text::plain(t(
            lang,
            "この項目に当たる再発防止策:",
            "Measures under this item:",
        ))));
        blocks.push(Block::List(List {
            numbered: false,
            items: citing
                .iter()
                .map(|m| Item {
                    text: measure_text(m, lang),
                    refs: refs(&m.controls, &book.catalogs, lang),
                    anchor: None,
                })
                .collect(),
        }));
        let mut source = Text::plain(t(lang, "出典: ", "Source: "));
        source.push(Inline::Citation(citation(case, 0, lang)));
        blocks.push(Block::Paragraph(source));
        for m in citing {
            rows.push(record(case, m, lang));
        }
    }
    let register = Table {
        header: [
            t(lang, "公表日", "Published"),
            t(lang, "組織", "Organization"),
            t(lang, "事例", "Case"),
            t(lang, "再発防止策", "Measure"),
            t(lang, "管理策", "Controls"),
            t(lang, "出所", "Origin"),
            t(lang, "出典", "Citation"),
            "URL",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    };
    Some(Document {
        title,
        lang,
        blocks,
        register: Some(register),
    })
}

/// One register row: a case and one of its measures citing the node.
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

use super::Citation;

/// Control ids, comma-separated.
fn ids<'a>(refs: impl IntoIterator<Item = &'a ControlRef>) -> Text {
    let mut text = Text::default();
    for (j, r) in refs.into_iter().enumerate() {
        if j > 0 {
            text.push_str(", ");
        }
        text.push(Inline::Control(Ref {
            control: r.clone(),
            title: None,
        }));
    }
    text
}

/// Whether reference `r` names `node` of `catalog` or something below it.
pub fn cites(catalog: &Catalog, r: &ControlRef, node: &str) -> bool {
    if r.scheme != catalog.scheme {
        return false;
    }
    let mut current = Some(r.id.as_str());
    while let Some(id) = current {
        if id == node {
            return true;
        }
        current = catalog.parent(id);
    }
    false
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: Text::plain(text),
        anchor: None,
    }
}
