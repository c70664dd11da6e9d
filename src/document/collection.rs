//! Documents of several cases: a training pack of marked cases, and the
//! precedent list of a catalog node (with its register: one record per case
//! and citing measure, for spreadsheets).

use std::collections::HashMap;

use super::case::{self, citation, measure_text, refs};
use super::labels::{cause_titles, controls_of};
use super::{Block, Document, Inline, Item, List, Ref, Table, Text, register, schemes};
use crate::casebook::Casebook;
pub use crate::catalog::cites;
use crate::lang::{Lang, t};
use crate::model::{ControlRef, Measure};
use crate::text::{Lines, clean};

/// The default title of a training pack of `n` cases.
pub fn pack_title(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("研修資料: 情報セキュリティ事故の事例（{n}件）"),
        Lang::En => format!(
            "Training pack: {}",
            crate::plural::count(n, "security incident case", "security incident cases")
        ),
    }
}

/// The title of a pack: `title` as given (one line, no control characters),
/// or the default when it is missing or blank.
pub fn chosen_title(title: Option<&str>, n: usize, lang: Lang) -> String {
    match title.map(|t| clean(t, Lines::Join).trim().to_string()) {
        Some(t) if !t.is_empty() => t,
        _ => pack_title(n, lang),
    }
}

/// The cases of a pack in the order the user chose them (the `--case`
/// arguments, the browser's marking order), each once.
pub fn chosen(cases: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(cases.len());
    for &i in cases {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// A training pack of `cases` (indices into `book.entries()`), in the order
/// given ([`chosen`]), titled `title` (else [`pack_title`]): a contents table
/// (number, title, organization, date, causes), each case's summary on a page
/// of its own, and the controls the pack covers with the cases citing each. Control ids are short (`A.7.14`, `10-5-4`), their
/// schemes named once in the introduction ([`schemes`]).
pub fn pack(book: &Casebook, cases: &[usize], lang: Lang, title: Option<&str>) -> Document {
    let e = book.entries();
    let cases = chosen(cases);
    let cats = &book.catalogs;
    let title = chosen_title(title, cases.len(), lang);
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
                Text::plain(case.title.clone()),
                Text::plain(case.organization.clone()),
                Text::plain(case.date().label(lang)),
                Text::plain(cause_titles(case, cats, lang).join(t(lang, "、", ", "))),
            ]
        })
        .collect();
    // The controls are in the closing table, with the cases citing each: the
    // contents leave the room to the titles.
    blocks.push(Block::Table(Table {
        header: [
            "#",
            t(lang, "事例", "Case"),
            t(lang, "組織", "Organization"),
            t(lang, "公表日", "Published"),
            t(lang, "原因", "Causes"),
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }));
    for (n, &i) in cases.iter().enumerate() {
        blocks.push(Block::PageBreak);
        blocks.extend(case::blocks(&e[i].case, cats, lang, 2, Some(n + 1)));
    }

    blocks.push(Block::PageBreak);
    blocks.push(heading(2, covered_title(lang)));
    blocks.push(Block::Table(Table {
        header: [
            t(lang, "管理策", "Control"),
            t(lang, "名称", "Title"),
            t(lang, "事例", "Cases"),
        ]
        .map(String::from)
        .to_vec(),
        rows: covered(book, &cases, lang)
            .into_iter()
            .map(|(r, numbers)| {
                let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
                vec![
                    ids([&r.control]),
                    Text::plain(r.title.unwrap_or_default()),
                    Text::plain(numbers.join(", ")),
                ]
            })
            .collect(),
    }));
    let cited = schemes::shorten([&mut blocks[..]]);
    if let Some(note) = schemes::note(&cited, cats, lang) {
        blocks.insert(2, Block::Paragraph(note));
    }
    Document {
        title,
        lang,
        blocks,
        register: None,
    }
}

/// The heading of the controls a pack covers.
pub fn covered_title(lang: Lang) -> &'static str {
    t(lang, "この資料で扱った管理策", "Controls covered")
}

/// The controls `cases` cite, in catalog order, each with its title and the
/// numbers (from 1, in the order of `cases`) of the cases citing it.
pub fn covered(book: &Casebook, cases: &[usize], lang: Lang) -> Vec<(Ref, Vec<usize>)> {
    let (e, cats) = (book.entries(), &book.catalogs);
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
        (
            order
                .get(&(r.scheme.clone(), r.id.clone()))
                .copied()
                .unwrap_or(usize::MAX),
            r.clone(),
        )
    });
    covered
        .into_iter()
        .map(|(r, numbers)| {
            let title = cats.control(&r).map(|i| i.title.get(lang).to_string());
            (Ref::new(r, title), numbers)
        })
        .collect()
}

/// The precedent list of a catalog node ("which public cases do we have for
/// A.7.14?"): per case, newest first, the measures citing the node and the
/// citation; and the register of the same, one row per case and measure.
/// None when the scheme or node does not exist.
pub fn precedents(book: &Casebook, scheme: &str, id: &str, lang: Lang) -> Option<Document> {
    let catalog = book.catalogs.scheme(scheme)?;
    let item = catalog.get(id)?;
    let title = format!("{scheme}:{id} {}", item.title.get(lang));
    let mut cases: Vec<usize> = crate::answers::once::counted(book, book.under(scheme, id));
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
    }
    // One row per case and citing measure, for spreadsheets.
    let node = [ControlRef::new(scheme, id)];
    let register = register::table(book, &register::rows(book, &node, None), None, lang);
    Some(Document {
        title,
        lang,
        blocks,
        register: Some(register),
    })
}

/// Control ids, comma-separated.
fn ids<'a>(refs: impl IntoIterator<Item = &'a ControlRef>) -> Text {
    register::ids(refs)
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: Text::plain(text),
        anchor: None,
    }
}
