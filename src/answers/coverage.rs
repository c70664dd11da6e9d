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
    /// The statement's reason, when it gives one.
    pub reason: Option<String>,
    pub flag: Option<Flag>,
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
                reason: decision.and_then(|d| d.reason.clone()),
                flag,
            });
        }
    }
    out
}
