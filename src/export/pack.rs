//! A training pack: the marked cases as one Markdown document with a contents
//! table, each case's summary, and a closing table of the controls covered.
//! Plain pipe tables and ATX headings: readable as is, and pandoc turns it into
//! Word or PowerPoint (`pandoc training.md -o training.docx`).

use std::collections::HashMap;

use super::{controls_of, md, summary, t};
use crate::casebook::Casebook;
use crate::lang::Lang;
use crate::model::ControlRef;

/// The pack for `cases` (indices into `book.entries()`), newest first.
pub fn pack(book: &Casebook, cases: &[usize], lang: Lang) -> String {
    let e = book.entries();
    let mut cases = cases.to_vec();
    book.sort_newest_first(&mut cases);
    cases.dedup();
    let cats = &book.catalogs;
    let mut out = Vec::new();
    out.push(match lang {
        Lang::Ja => format!(
            "# 研修資料: 情報セキュリティ事故の事例（{}件）",
            cases.len()
        ),
        Lang::En => format!("# Training pack: {} security incident cases", cases.len()),
    });
    out.push(String::new());
    out.push(
        t(
            lang,
            "公表された事故の事例と再発防止策を、ISO/IEC 27001:2022 附属書A と個人情報保護委員会ガイドラインの安全管理措置に対応付けてまとめたものです。各事例の末尾に出典を示します。",
            "Published incidents and their prevention measures, mapped to ISO/IEC 27001:2022 Annex A and the PPC guideline's safety-management measures. Each case ends with its source.",
        )
        .to_string(),
    );
    out.push(String::new());
    out.push(format!("## {}", t(lang, "目次", "Contents")));
    out.push(String::new());
    let rows: Vec<Vec<String>> = cases
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let case = &e[i].case;
            let controls: Vec<String> = controls_of(case).iter().map(|r| r.to_string()).collect();
            vec![
                (n + 1).to_string(),
                case.published.to_string(),
                md::cell(&case.organization),
                md::cell(&summary::causes(case, cats, lang)),
                md::cell(&controls.join(", ")),
            ]
        })
        .collect();
    out.push(md::table(
        &[
            "#",
            t(lang, "公表日", "Published"),
            t(lang, "組織", "Organization"),
            t(lang, "原因", "Causes"),
            t(lang, "管理策", "Controls"),
        ],
        &rows,
    ));
    for (n, &i) in cases.iter().enumerate() {
        out.push(summary::markdown(&e[i].case, cats, lang, 2, Some(n + 1)));
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
    let mut refs: Vec<&ControlRef> = covered.keys().collect();
    refs.sort_by_key(|r| {
        order
            .get(&(r.scheme.clone(), r.id.clone()))
            .copied()
            .unwrap_or(usize::MAX)
    });
    let rows: Vec<Vec<String>> = refs
        .iter()
        .map(|r| {
            let title = cats
                .control(r)
                .map(|i| i.title.get(lang).to_string())
                .unwrap_or_default();
            let numbers: Vec<String> = covered[*r].iter().map(usize::to_string).collect();
            vec![format!("`{r}`"), md::cell(&title), numbers.join(", ")]
        })
        .collect();
    out.push(format!(
        "## {}",
        t(lang, "この資料で扱った管理策", "Controls covered")
    ));
    out.push(String::new());
    out.push(md::table(
        &[
            t(lang, "管理策", "Control"),
            t(lang, "名称", "Title"),
            t(lang, "事例", "Cases"),
        ],
        &rows,
    ));
    out.join("\n")
}
