//! The bundled cases each release of casebook added after the first
//! (casebook/releases.yaml): the digest lists apart those a review has not
//! seen yet.

use crate::diag::Message;
use crate::model::{DatePrecision, PartialDate};
use crate::msg;
use crate::yaml::{self, Node, Value};

/// One release and the bundled cases it added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Release {
    pub version: String,
    pub date: PartialDate,
    pub cases: Vec<String>,
}

const TEXT: &str = include_str!("../../casebook/releases.yaml");

/// The releases of the casebook compiled in (a test checks the file reads).
pub fn bundled() -> Vec<Release> {
    parse(TEXT).unwrap_or_default()
}

/// Reads a releases file: `releases: [{version, date, cases}]`.
pub fn parse(text: &str) -> Result<Vec<Release>, Message> {
    let bad = |what: &str| msg!("releases.yaml: {what}", "releases.yaml: {what}");
    let root = yaml::parse(text)
        .map_err(|e| e.message)?
        .ok_or_else(|| bad("empty"))?;
    let Some(Value::Seq(items)) = get(&root, "releases").map(|n| &n.value) else {
        return Err(bad("`releases` is not a list"));
    };
    items
        .iter()
        .map(|item| {
            let version =
                scalar(get(item, "version")).ok_or_else(|| bad("a release without `version`"))?;
            let date = scalar(get(item, "date"))
                .and_then(|d| PartialDate::parse(&d, DatePrecision::Day).ok())
                .ok_or_else(|| bad("a release without a `date` (YYYY-MM-DD)"))?;
            let cases = match get(item, "cases").map(|n| &n.value) {
                Some(Value::Seq(ids)) => ids.iter().filter_map(|n| scalar(Some(n))).collect(),
                _ => return Err(bad("a release without a list of `cases`")),
            };
            Ok(Release {
                version,
                date,
                cases,
            })
        })
        .collect()
}

/// The ids of the bundled cases added by releases dated on or after `since`.
pub fn added_since(releases: &[Release], since: PartialDate) -> Vec<(&str, &Release)> {
    releases
        .iter()
        .filter(|r| !since.is_after(&r.date))
        .flat_map(|r| r.cases.iter().map(move |c| (c.as_str(), r)))
        .collect()
}

fn get<'n>(node: &'n Node, name: &str) -> Option<&'n Node> {
    let Value::Map(pairs) = &node.value else {
        return None;
    };
    pairs
        .iter()
        .find(|(k, _)| matches!(&k.value, Value::Scalar { text, .. } if text == name))
        .map(|(_, v)| v)
}

fn scalar(node: Option<&Node>) -> Option<String> {
    match &node?.value {
        Value::Scalar { text, .. } => Some(text.trim().to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_file_reads_and_names_only_bundled_cases() {
        let releases = parse(TEXT).expect("casebook/releases.yaml reads");
        let book = crate::load::load(&[crate::load::Input::Bundled], &[]).casebook;
        for r in &releases {
            for id in &r.cases {
                assert!(
                    book.get(id).is_some(),
                    "{} lists {id}, not a bundled case",
                    r.version
                );
            }
        }
    }

    #[test]
    fn cases_of_releases_on_or_after_the_day_are_new() {
        let text = "releases:\n  - {version: 0.2.0, date: 2027-04-01, cases: [a, b]}\n  - {version: 0.3.0, date: 2027-10-01, cases: [c]}\n";
        let releases = parse(text).unwrap();
        let day = |s| PartialDate::parse(s, DatePrecision::Day).unwrap();
        let ids = |d| {
            added_since(&releases, day(d))
                .iter()
                .map(|(id, _)| id.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("2027-04-01"), ["a", "b", "c"]);
        assert_eq!(ids("2027-04-02"), ["c"]);
        assert!(ids("2027-10-02").is_empty());
        assert!(parse("releases:\n  - {version: 1, cases: []}\n").is_err());
    }
}
