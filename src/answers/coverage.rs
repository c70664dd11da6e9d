//! Coverage: for every item of a control scheme, how many cases have a measure
//! citing it, held against the team's Statement of Applicability.
//!
//! A theme or category counts the cases citing it or anything below it; each
//! item counts its own. `applicable` is what the statement says of the item
//! (its own entry, else the entry of the nearest node above it), and `None`
//! when there is no statement or it does not mention the item.

use serde::Serialize;

use super::soa::Soa;
use crate::casebook::Casebook;
use crate::lang::Lang;
use crate::model::ControlRef;

/// Where the statement and the casebook disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// Excluded in the statement, yet public cases cite it.
    ExcludedWithPrecedents,
    /// Applicable, and no case cites it yet: a gap in the casebook.
    ApplicableWithoutPrecedents,
}

impl Flag {
    pub fn id(self) -> &'static str {
        match self {
            Flag::ExcludedWithPrecedents => "excluded-with-precedents",
            Flag::ApplicableWithoutPrecedents => "applicable-without-precedents",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Flag::ExcludedWithPrecedents => {
                crate::lang::t(lang, "除外したが先例あり", "excluded, with precedents")
            }
            Flag::ApplicableWithoutPrecedents => {
                crate::lang::t(lang, "適用だが先例なし", "applicable, no precedent")
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub control: ControlRef,
    pub title: String,
    /// 0 for a theme or category, 1 for its items, ...
    #[serde(skip)]
    pub depth: usize,
    pub cases: usize,
    pub case_ids: Vec<String>,
    /// Indices into the casebook, newest first.
    #[serde(skip)]
    pub indices: Vec<usize>,
    pub applicable: Option<bool>,
    /// What the statement decides, in the interface's language: `適用`,
    /// `除外`, or `記載なし` when it does not mention the item; null without
    /// a statement.
    pub applicable_label: Option<String>,
    /// The statement's reason, when it gives one.
    pub reason: Option<String>,
    pub flag: Option<Flag>,
    /// The flag in the interface's language.
    pub flag_label: Option<String>,
}

/// The schemes `casebook coverage` shows when none is asked for.
pub const DEFAULT_SCHEMES: &[&str] = &["iso27001", "ppc"];

/// Coverage rows of the given schemes, each in catalog order. `only` limits the
/// cases counted (a filter's mask over case indices); each incident counts
/// once ([`super::once`]).
pub fn rows(
    book: &Casebook,
    schemes: &[&str],
    soa: Option<&Soa>,
    only: Option<&[bool]>,
    lang: Lang,
) -> Vec<Row> {
    let counted = super::once::mask(book, only);
    let mut out = Vec::new();
    for scheme in schemes {
        let Some(catalog) = book.catalogs.scheme(scheme) else {
            continue;
        };
        for (depth, item) in catalog.flatten() {
            let control = ControlRef::new(scheme, &item.id);
            let mut indices: Vec<usize> = book
                .under(scheme, &item.id)
                .iter()
                .copied()
                .filter(|&i| counted[i])
                .collect();
            book.sort_newest_first(&mut indices);
            let decision = soa.and_then(|s| s.decision(&book.catalogs, &control));
            let applicable = decision.map(|d| d.applicable);
            let flag = match (applicable, indices.is_empty()) {
                (Some(false), false) => Some(Flag::ExcludedWithPrecedents),
                (Some(true), true) => Some(Flag::ApplicableWithoutPrecedents),
                _ => None,
            };
            out.push(Row {
                case_ids: indices
                    .iter()
                    .map(|&i| book.entries()[i].case.id.clone())
                    .collect(),
                cases: indices.len(),
                indices,
                title: item.title.get(lang).to_string(),
                control,
                depth,
                applicable,
                applicable_label: soa.map(|_| applicable_label(applicable, lang).to_string()),
                reason: decision.and_then(|d| d.reason.clone()),
                flag,
                flag_label: flag.map(|f| f.label(lang).to_string()),
            });
        }
    }
    out
}

/// What a statement decides for an item: `適用` / `除外`, `記載なし` when it
/// does not mention it.
pub fn applicable_label(applicable: Option<bool>, lang: Lang) -> &'static str {
    match applicable {
        Some(true) => crate::lang::t(lang, "適用", "applies"),
        Some(false) => crate::lang::t(lang, "除外", "excluded"),
        None => crate::lang::t(lang, "記載なし", "not stated"),
    }
}

/// The coverage table for spreadsheets (CSV, Excel), in the interface's
/// language: the header, then one row per item (its control, title, number
/// of cases, their ids, the statement's decision and reason, the flag).
pub fn table(rows: &[Row], lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let t = |ja, en| crate::lang::t(lang, ja, en).to_string();
    let header = vec![
        t("管理策", "Control"),
        t("名称", "Title"),
        t("事例数", "Cases"),
        t("事例ID", "Case ids"),
        t("適用宣言", "SoA"),
        t("宣言の理由", "SoA reason"),
        t("指摘", "Flag"),
    ];
    let body = rows
        .iter()
        .map(|r| {
            vec![
                r.control.to_string(),
                r.title.clone(),
                r.cases.to_string(),
                r.case_ids.join(" "),
                r.applicable_label.clone().unwrap_or_default(),
                r.reason.clone().unwrap_or_default(),
                r.flag_label.clone().unwrap_or_default(),
            ]
        })
        .collect();
    (header, body)
}
