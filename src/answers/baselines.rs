//! Current Japanese surveys beside the casebook (casebook/reference/
//! baselines.yaml): JIPDEC's Privacy Mark incident reports by event, Tokyo
//! Shoko Research's listed-company incidents by cause, the PPC's leak reports
//! by reason. Each counts in its own classes; the file also holds the mapping
//! from the casebook's cause categories to those classes (a judgement, shown
//! with the comparison), and each figure's source and year.
//!
//! The casebook's figure for a row is the share of the cases counted that
//! name any of the row's cause categories (a case may fall under several
//! rows, as an incident may in the PPC's reasons); `others` counts the cases
//! that fall under none. Shares are rounded like every share
//! ([`super::tenths`]).

use serde::{Deserialize, Serialize};

use crate::bundled;
use crate::casebook::Casebook;
use crate::catalog::Kind;
use crate::lang::{Label, Lang};
use crate::yaml::{self, Node, Value};

/// Where the figures and the mapping are.
pub const REFERENCE: &str = "reference/baselines.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    surveys: Vec<Survey>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Text {
    ja: String,
    en: String,
}

impl Text {
    fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    fn label(&self) -> Label {
        Label {
            ja: self.ja.clone(),
            en: self.en.clone(),
        }
    }
}

/// A survey as the file holds it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Survey {
    id: String,
    title: Text,
    short: Text,
    publisher: String,
    period: Text,
    year: u16,
    published: Option<String>,
    #[serde(default)]
    secondary: bool,
    sources: Vec<String>,
    what: Text,
    base: u64,
    note: Option<Text>,
    /// The survey's classes in its order.
    figures: Vec<Figure>,
    compare: Vec<Mapping>,
}

/// One class of a survey: its percent of the base, and its count where published.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Figure {
    class: String,
    percent: f64,
    count: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Mapping {
    classes: Vec<String>,
    causes: Vec<String>,
    why: Text,
}

/// One survey beside the casebook.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub id: String,
    pub title: String,
    /// For headings: `JIPDEC 2024年度`.
    pub short: String,
    pub publisher: String,
    /// The period counted: `2024年度（令和6年度）`.
    pub period: String,
    pub year: u16,
    /// The day the figures were published, when known.
    pub published: Option<String>,
    /// Figures taken from a report of the publisher's release, not the release itself.
    pub secondary: bool,
    pub sources: Vec<String>,
    /// What the survey counts.
    pub what: String,
    /// How many it counts (incidents, reports).
    pub base: u64,
    pub note: Option<String>,
    pub rows: Vec<Row>,
    /// Cases counted that fall under no row.
    pub others: usize,
    /// Their share of the cases counted.
    pub others_share: f64,
    /// Cases counted.
    pub cases_counted: usize,
}

/// A row: some of the survey's classes and the casebook's categories beside them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The survey's classes, as it names them.
    pub classes: Vec<String>,
    /// The survey's percent for them together (None if it gives none).
    pub survey: Option<f64>,
    /// The survey's count for them together, where published.
    pub count: Option<u64>,
    /// The casebook's cause category ids counted against them (none: not compared).
    pub causes: Vec<String>,
    pub cause_titles: Vec<String>,
    /// Cases naming any of `causes`; None when the row is not compared.
    pub cases: Option<usize>,
    /// Their share of the cases counted, in percent.
    pub share: Option<f64>,
    /// Why these categories stand beside these classes.
    pub why: String,
}

/// The survey descriptions of the bundled file, checked against nothing but
/// their own shape; None only if the bundled file is broken (a test checks it is not).
fn surveys() -> Option<Vec<Survey>> {
    let (_, text) = bundled::FILES.iter().find(|(p, _)| *p == REFERENCE)?;
    let root = yaml::parse(text).ok()??;
    let file: File = serde_json::from_value(to_json(&root)).ok()?;
    Some(file.surveys)
}

/// A YAML tree as JSON, for serde: plain scalars that read as numbers or
/// booleans become those.
fn to_json(node: &Node) -> serde_json::Value {
    use serde_json::Value as J;
    match &node.value {
        Value::Null => J::Null,
        Value::Scalar { text, plain } => {
            let t = text.trim();
            if *plain {
                if let Ok(i) = t.parse::<i64>() {
                    return J::from(i);
                }
                if let Ok(f) = t.parse::<f64>() {
                    return J::from(f);
                }
                match t {
                    "true" => return J::Bool(true),
                    "false" => return J::Bool(false),
                    _ => {}
                }
            }
            J::String(text.clone())
        }
        Value::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(pairs) => J::Object(
            pairs
                .iter()
                .map(|(k, v)| {
                    let key = match &k.value {
                        Value::Scalar { text, .. } => text.clone(),
                        _ => String::new(),
                    };
                    (key, to_json(v))
                })
                .collect(),
        ),
    }
}

/// The surveys beside the cases `cases` (indices, each incident once: the
/// caller passes the cases already counted once).
pub fn compare(book: &Casebook, cases: &[usize], lang: Lang) -> Vec<Comparison> {
    let Some(surveys) = surveys() else {
        return Vec::new();
    };
    // Read from the casebook's index of causes: no case is decoded.
    let scheme = book
        .catalogs
        .of_kind(Kind::Causes)
        .map(|c| c.scheme.clone())
        .unwrap_or_default();
    let mut counted = vec![false; book.len()];
    for &i in cases {
        if let Some(c) = counted.get_mut(i) {
            *c = true;
        }
    }
    let title = |id: &str| book.catalogs.title_of(Kind::Causes, id, lang);
    let total = cases.len();
    surveys
        .into_iter()
        .map(|s| {
            let figure = |class: &str| s.figures.iter().find(|f| f.class == class);
            let percent = |class: &str| figure(class).map(|f| f.percent);
            let count = |class: &str| figure(class).and_then(|f| f.count);
            let mut under_any = vec![false; book.len()];
            let rows = s
                .compare
                .iter()
                .map(|m| {
                    let figures: Option<Vec<f64>> = m.classes.iter().map(|c| percent(c)).collect();
                    let counts: Option<Vec<u64>> = m.classes.iter().map(|c| count(c)).collect();
                    let (cases, share) = if m.causes.is_empty() {
                        (None, None)
                    } else {
                        let mut under = vec![false; book.len()];
                        for id in &m.causes {
                            for &i in book.under(&scheme, id) {
                                under[i] = counted[i];
                            }
                        }
                        let mut n = 0;
                        for (i, _) in under.iter().enumerate().filter(|(_, u)| **u) {
                            n += 1;
                            under_any[i] = true;
                        }
                        (
                            Some(n),
                            Some(f64::from(super::share_tenths(n, total)) / 10.0),
                        )
                    };
                    Row {
                        classes: m.classes.clone(),
                        // Tenths: 41.4 + 29.4 + 5.6 is 76.4, not 76.39999.
                        survey: figures.map(|f| (f.iter().sum::<f64>() * 10.0).round() / 10.0),
                        count: counts.map(|c| c.iter().sum()),
                        causes: m.causes.clone(),
                        cause_titles: m.causes.iter().map(|c| title(c)).collect(),
                        cases,
                        share,
                        why: m.why.get(lang).to_string(),
                    }
                })
                .collect();
            let others = cases.iter().filter(|&&i| !under_any[i]).count();
            Comparison {
                id: s.id,
                title: s.title.get(lang).to_string(),
                short: s.short.get(lang).to_string(),
                publisher: s.publisher,
                period: s.period.get(lang).to_string(),
                year: s.year,
                published: s.published,
                secondary: s.secondary,
                sources: s.sources,
                what: s.what.get(lang).to_string(),
                base: s.base,
                note: s.note.map(|n| n.get(lang).to_string()),
                rows,
                others,
                others_share: f64::from(super::share_tenths(others, total)) / 10.0,
                cases_counted: total,
            }
        })
        .collect()
}

/// The short names of the surveys, in both languages (for headings).
pub fn names() -> Vec<Label> {
    surveys()
        .unwrap_or_default()
        .iter()
        .map(|s| s.short.label())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_baselines_read_and_map_to_known_classes_and_causes() {
        let surveys = surveys().expect("casebook/reference/baselines.yaml reads");
        let ids: Vec<&str> = surveys.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["jipdec-fy2024", "tsr-2025", "ppc-fy2024"]);
        let causes = crate::load::load(&[crate::load::Input::Bundled], &[])
            .casebook
            .catalogs
            .vocabulary(Kind::Causes)
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<String>>();
        for s in &surveys {
            assert!(!s.sources.is_empty(), "{}: sources", s.id);
            assert!(s.year >= 2024, "{}: a current survey", s.id);
            for m in &s.compare {
                for class in &m.classes {
                    assert!(
                        s.figures.iter().any(|f| &f.class == class),
                        "{}: {class} has a figure",
                        s.id
                    );
                }
                for cause in &m.causes {
                    assert!(causes.contains(cause), "{}: {cause} is a cause id", s.id);
                }
            }
        }
        let tsr = &surveys[1];
        let first = &tsr.figures[0];
        assert_eq!(
            (first.class.as_str(), first.percent, first.count),
            ("ウイルス感染・不正アクセス", 64.4, Some(116))
        );
        assert_eq!(names()[0].ja, "JIPDEC 2024年度");
    }
}
