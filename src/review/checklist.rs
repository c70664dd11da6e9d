//! `casebook checklist`: the measures precedents of a profile announced — the
//! cases of a sector, and the cases classified under the threats a team faces
//! — one row per control they cite, with the measures under it and the cases
//! they come from, held against the Statement of Applicability, and columns
//! for the team to fill in: status, owner, due date and a note.
//! [`super::import`] reads the filled sheet back.

use std::collections::HashMap;

use crate::answers::filter;
use crate::answers::soa::Soa;
use crate::casebook::Casebook;
use crate::catalog::Kind;
use crate::document::{Inline, Ref, Table, Text};
use crate::lang::{Lang, t};
use crate::model::{ControlRef, Origin};

/// The profile: a sector and the threats a team faces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub sectors: Vec<String>,
    pub threats: Vec<String>,
}

/// One row: a control, the measures precedents announced under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub control: ControlRef,
    pub title: String,
    /// Each measure once, with the ids of the cases that announced it.
    pub measures: Vec<(String, Vec<String>)>,
    /// What the Statement of Applicability says: Some(true) applied,
    /// Some(false) excluded (with the reason), None not in it (or none given).
    pub applicable: Option<bool>,
    pub reason: Option<String>,
}

/// The cases of the profile: any of its sectors, and any classified under
/// any of its threats, bundled or the team's own.
pub fn cases(book: &Casebook, profile: &Profile) -> Vec<usize> {
    let sector = |i: usize| {
        profile.sectors.iter().any(|s| {
            book.catalogs
                .of_kind(Kind::Sectors)
                .is_some_and(|c| book.under(&c.scheme, s).binary_search(&i).is_ok())
        })
    };
    let threat = |i: usize| profile.threats.iter().any(|t| filter::threat(book, i, t));
    let mut out: Vec<usize> = (0..book.len())
        .filter(|&i| sector(i) || threat(i))
        .collect();
    book.sort_newest_first(&mut out);
    out
}

/// The checklist's rows, in catalog order: every control cited by a measure
/// the organization announced or was required to take (an editor's lesson
/// and an outside expert's suggestion are nobody's announcement and are left
/// out).
pub fn rows(book: &Casebook, profile: &Profile, soa: Option<&Soa>, lang: Lang) -> Vec<Row> {
    let mut by_control: HashMap<ControlRef, Vec<(String, Vec<String>)>> = HashMap::new();
    for i in cases(book, profile) {
        let entry = book.fetch(i);
        let case = &entry.case;
        for m in case
            .measures
            .iter()
            .filter(|m| m.origin != Origin::Editorial)
        {
            for r in &m.controls {
                let measures = by_control.entry(r.clone()).or_default();
                match measures.iter_mut().find(|(text, _)| *text == m.text) {
                    Some((_, ids)) if !ids.contains(&case.id) => ids.push(case.id.clone()),
                    Some(_) => {}
                    None => measures.push((m.text.clone(), vec![case.id.clone()])),
                }
            }
        }
    }
    let mut out: Vec<Row> = by_control
        .into_iter()
        .map(|(control, measures)| {
            let decision = soa.and_then(|s| s.decision(&book.catalogs, &control));
            Row {
                title: book
                    .catalogs
                    .control(&control)
                    .map(|i| i.title.get(lang).to_string())
                    .unwrap_or_default(),
                measures,
                applicable: decision.map(|d| d.applicable),
                reason: decision.and_then(|d| d.reason.clone()),
                control,
            }
        })
        .collect();
    out.sort_by_key(|r| {
        (
            book.node_number(&r.control.scheme, &r.control.id)
                .unwrap_or(u32::MAX),
            r.control.clone(),
        )
    });
    out
}

/// The values the status column offers, in order: the four statuses and
/// 対象外 / not applicable.
pub fn status_choices(lang: Lang) -> Vec<String> {
    crate::model::Progress::ALL
        .iter()
        .map(|p| p.label(lang).to_string())
        .chain([not_applicable(lang).to_string()])
        .collect()
}

/// 対象外 / not applicable.
pub fn not_applicable(lang: Lang) -> &'static str {
    t(lang, "対象外", "not applicable")
}

/// The columns; the last four are filled in ([`INPUTS`]).
pub fn header(lang: Lang, with_soa: bool) -> Vec<String> {
    let mut h = vec![
        t(lang, "管理策", "Control"),
        t(lang, "名称", "Title"),
        t(lang, "先例の再発防止策", "Measures of precedents"),
        t(lang, "事例", "Cases"),
    ];
    if with_soa {
        h.push(t(lang, "適用宣言書", "Statement of Applicability"));
    }
    h.extend([
        t(lang, "状況", "Status"),
        t(lang, "担当", "Owner"),
        t(lang, "期限", "Due"),
        t(lang, "備考", "Note"),
    ]);
    h.into_iter().map(String::from).collect()
}

/// The header names of the columns the reader looks for, in both languages.
pub const COLUMNS: [(&str, &str, &str); 5] = [
    ("control", "管理策", "Control"),
    ("status", "状況", "Status"),
    ("owner", "担当", "Owner"),
    ("due", "期限", "Due"),
    ("note", "備考", "Note"),
];

/// The checklist as a table (its input cells empty).
pub fn table(rows: &[Row], with_soa: bool, lang: Lang) -> Table {
    let records = rows
        .iter()
        .map(|r| {
            let measures: Vec<String> = r
                .measures
                .iter()
                .map(|(text, _)| format!("{}{text}", crate::document::plain::bullet(lang)))
                .collect();
            let mut ids: Vec<&str> = Vec::new();
            for (_, cases) in &r.measures {
                for id in cases {
                    if !ids.contains(&id.as_str()) {
                        ids.push(id);
                    }
                }
            }
            let mut row = vec![
                Text(vec![Inline::Control(Ref::new(r.control.clone(), None))]),
                Text::plain(r.title.clone()),
                Text::plain(measures.join("\n")),
                Text::plain(ids.join("\n")),
            ];
            if with_soa {
                row.push(Text::plain(soa_cell(r, lang)));
            }
            row.extend((0..4).map(|_| Text::default()));
            row
        })
        .collect();
    Table {
        header: header(lang, with_soa),
        rows: records,
    }
}

fn soa_cell(r: &Row, lang: Lang) -> String {
    match (r.applicable, &r.reason, lang) {
        (Some(true), _, _) => t(lang, "適用", "applied").to_string(),
        (Some(false), Some(why), Lang::Ja) => format!("除外（{why}）"),
        (Some(false), Some(why), Lang::En) => format!("excluded ({why})"),
        (Some(false), None, _) => t(lang, "除外", "excluded").to_string(),
        (None, _, _) => t(lang, "記載なし", "not listed").to_string(),
    }
}

/// The checklist's title: 先例に学ぶ再発防止策チェックリスト（医療、ランサムウェア）.
pub fn title(book: &Casebook, profile: &Profile, lang: Lang) -> String {
    let names: Vec<String> = profile
        .sectors
        .iter()
        .map(|s| book.catalogs.title_of(Kind::Sectors, s, lang))
        .chain(
            profile
                .threats
                .iter()
                .map(|id| book.catalogs.title_of(Kind::Threats, id, lang)),
        )
        .collect();
    match lang {
        Lang::Ja => format!("先例に学ぶ再発防止策チェックリスト（{}）", names.join("、")),
        Lang::En => format!("Checklist of precedents' measures ({})", names.join(", ")),
    }
}
