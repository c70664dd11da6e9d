//! Statistics: cases by cause category, sector and year, and each cause's
//! share beside the JNSA survey's (casebook/reference/jnsa-causes.yaml), and
//! current surveys in their own classes ([`super::baselines`]).
//!
//! The unit of the cause shares: a case counts once in each distinct cause
//! category it names (a case naming `loss` twice counts once for `loss`; a
//! case naming `loss` and `theft` counts once for each). A category's share is
//! its count over the sum of the counts. Each share is rounded to a tenth of
//! a percent on its own, half up, so equal counts show equal shares and the
//! shown figures may add up to a little more or less than 100.0
//! ([`super::rounding_note`] says so wherever they are shown). Sector and
//! year shares count each case once. Each incident counts once ([`super::once`]).

use serde::Serialize;

use super::tenths;
use crate::bundled;
use crate::casebook::Casebook;
use crate::catalog::Kind;
use crate::fields::{Ctx, Fields};
use crate::lang::{Label, Lang};
use crate::yaml::{self, Value};

/// The survey the cause shares are compared with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Survey {
    pub title: Label,
    /// A short name for headings: "JNSA調査 2018年".
    pub short: Label,
    pub year: u16,
    /// Incidents the survey counted.
    pub incidents: u32,
    /// (cause id, percent of incidents)
    #[serde(skip)]
    pub shares: Vec<(String, f64)>,
}

impl Survey {
    pub fn share(&self, cause: &str) -> Option<f64> {
        self.shares
            .iter()
            .find(|(id, _)| id == cause)
            .map(|&(_, s)| s)
    }
}

const REFERENCE: &str = "reference/jnsa-causes.yaml";

/// The bundled survey figures; None only if the bundled file is broken (a test checks it is not).
pub fn survey() -> Option<Survey> {
    let (_, text) = bundled::FILES.iter().find(|(p, _)| *p == REFERENCE)?;
    parse_survey(text)
}

fn parse_survey(text: &str) -> Option<Survey> {
    let root = yaml::parse(text).ok()??;
    let mut ctx = Ctx::new(REFERENCE);
    let fields = ["survey", "short", "year", "incidents", "shares"];
    let what = crate::diag::phrase("調査の数値", "survey figures");
    let f = Fields::read(&mut ctx, &root, "", what, &fields)?;
    let label = |name: &str| -> Option<Label> {
        let Value::Map(pairs) = &f.get(name)?.value else {
            return None;
        };
        let get = |lang: &str| {
            pairs.iter().find_map(|(k, v)| match (&k.value, &v.value) {
                (Value::Scalar { text: k, .. }, Value::Scalar { text, .. }) if k == lang => {
                    Some(text.clone())
                }
                _ => None,
            })
        };
        Some(Label {
            ja: get("ja")?,
            en: get("en")?,
        })
    };
    let number = |name: &str| -> Option<String> {
        match &f.get(name)?.value {
            Value::Scalar { text, .. } => Some(text.trim().to_string()),
            _ => None,
        }
    };
    let Value::Map(pairs) = &f.get("shares")?.value else {
        return None;
    };
    let mut shares = Vec::new();
    for (k, v) in pairs {
        if let (Value::Scalar { text: id, .. }, Value::Scalar { text: share, .. }) =
            (&k.value, &v.value)
        {
            shares.push((id.clone(), share.trim().parse().ok()?));
        }
    }
    if ctx.has_errors() {
        return None;
    }
    Some(Survey {
        title: label("survey")?,
        short: label("short")?,
        year: number("year")?.parse().ok()?,
        incidents: number("incidents")?.parse().ok()?,
        shares,
    })
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Share {
    pub id: String,
    pub title: String,
    pub cases: usize,
    /// Percent, to one decimal place.
    pub share: f64,
    /// The survey's percent for this cause (causes only; null where it gives none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jnsa_share: Option<Option<f64>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Year {
    pub year: u16,
    pub cases: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    /// Cases counted.
    pub cases: usize,
    pub causes: Vec<Share>,
    pub sectors: Vec<Share>,
    /// Every year from the earliest to the latest publication, with zeros between.
    pub years: Vec<Year>,
    pub survey: Option<Survey>,
    /// Current surveys beside the casebook, in their own classes.
    pub baselines: Vec<super::baselines::Comparison>,
}

/// Statistics of the cases with the given indices, each incident once
/// ([`super::once`]).
pub fn stats(book: &Casebook, cases: &[usize], lang: Lang) -> Stats {
    let cases = &super::once::counted(book, cases)[..];
    let e = book.entries();
    let survey = survey();
    let counted = |kind: Kind, of: &dyn Fn(usize, &str) -> bool| -> Vec<(String, String, usize)> {
        book.catalogs
            .of_kind(kind)
            .map(|c| {
                c.items
                    .iter()
                    .map(|item| {
                        let n = cases.iter().filter(|&&i| of(i, &item.id)).count();
                        (item.id.clone(), item.title.get(lang).to_string(), n)
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let causes = counted(Kind::Causes, &|i, id| {
        e[i].case.root_causes.iter().any(|c| c.category == id)
    });
    let sectors = counted(Kind::Sectors, &|i, id| e[i].case.sector == id);
    let shares = |rows: Vec<(String, String, usize)>, jnsa: bool| -> Vec<Share> {
        let t = tenths(&rows.iter().map(|r| r.2).collect::<Vec<_>>());
        rows.into_iter()
            .zip(t)
            .map(|((id, title, cases), t)| Share {
                jnsa_share: jnsa.then(|| survey.as_ref().and_then(|s| s.share(&id))),
                id,
                title,
                cases,
                share: f64::from(t) / 10.0,
            })
            .collect()
    };
    let mut years = Vec::new();
    // An incident never made public counts in the year it was discovered.
    let published: Vec<u16> = cases
        .iter()
        .map(|&i| e[i].case.date().date().year)
        .collect();
    if let (Some(&first), Some(&last)) = (published.iter().min(), published.iter().max()) {
        for year in first..=last {
            let cases = published.iter().filter(|&&y| y == year).count();
            years.push(Year { year, cases });
        }
    }
    Stats {
        baselines: super::baselines::compare(book, cases, lang),
        cases: cases.len(),
        causes: shares(causes, true),
        sectors: shares(sectors, false),
        years,
        survey,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_survey_figures_read() {
        let s = super::survey().expect("casebook/reference/jnsa-causes.yaml reads");
        assert_eq!((s.year, s.incidents), (2018, 443));
        assert_eq!(s.share("loss"), Some(26.2));
        assert_eq!(s.share("malware"), None);
        let sum: f64 = s.shares.iter().map(|(_, p)| p).sum();
        assert!((sum - 97.7).abs() < 1e-9, "the nine itemised causes: {sum}");
    }
}
