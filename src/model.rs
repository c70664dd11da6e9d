//! The case-file format, version 1 (documented field by field in casebook/README.md).
//!
//! These types hold a case after validation: every id is known to a catalog,
//! every date is a real date and all text has passed [`crate::text::clean`].
//! They serialize back to the file's own field names (for `--format json`).

use std::fmt;

use serde::{Serialize, Serializer};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Case {
    pub id: String,
    /// The id of the case this one was copied from (a team's copy of a
    /// bundled case): counted once, as this copy (see `answers::once`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copied_from: Option<String>,
    pub title: String,
    pub organization: String,
    pub sector: String,
    /// The day the organization made it public; absent for an incident
    /// never made public (then `discovered` is present).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// The day the organization became aware of it (発覚日); report
    /// deadlines count from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discovered: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurred: Option<PartialDate>,
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affected: Option<Affected>,
    /// The facts a leak report turns on (a team's own incident).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leak: Option<Leak>,
    pub root_causes: Vec<RootCause>,
    pub measures: Vec<Measure>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub response: Vec<String>,
    /// The reports filed so far.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<Filed>,
    pub sources: Vec<Source>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Ids from the threat lists (`ransomware`, `supply-chain`, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub threats: Vec<String>,
}

impl Case {
    /// The date the case is listed, sorted and filtered by: `published`,
    /// else `discovered` (validated cases have one of them).
    pub fn date(&self) -> Dated {
        match (self.published, self.discovered) {
            (Some(d), _) => Dated::Published(d),
            (None, Some(d)) => Dated::Discovered(d),
            (None, None) => Dated::Published(PartialDate::UNKNOWN),
        }
    }

    /// Whether the case records a team's own incident: it has any of the
    /// fields reports turn on (`discovered`, `leak`, `reports`).
    pub fn is_incident(&self) -> bool {
        self.discovered.is_some() || self.leak.is_some() || !self.reports.is_empty()
    }
}

/// A case's date and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dated {
    /// The day it was made public.
    Published(PartialDate),
    /// Never made public: the day it was discovered.
    Discovered(PartialDate),
}

impl Dated {
    pub fn date(self) -> PartialDate {
        match self {
            Dated::Published(d) | Dated::Discovered(d) => d,
        }
    }

    pub fn is_published(self) -> bool {
        matches!(self, Dated::Published(_))
    }

    /// As lists show it: `2024-08-07`, or `2026-11-02（非公表）` /
    /// `2026-11-02 (not published)` for an incident never made public.
    pub fn label(self, lang: crate::lang::Lang) -> String {
        match self {
            Dated::Published(d) => d.to_string(),
            Dated::Discovered(d) => match lang {
                crate::lang::Lang::Ja => format!("{d}（{NOT_PUBLISHED_JA}）"),
                crate::lang::Lang::En => format!("{d} ({NOT_PUBLISHED_EN})"),
            },
        }
    }
}

/// What citations and documents say instead of a publication date.
pub const NOT_PUBLISHED_JA: &str = "非公表";
pub const NOT_PUBLISHED_EN: &str = "not published";

/// `非公表` / `not published`.
pub fn not_published(lang: crate::lang::Lang) -> &'static str {
    crate::lang::t(lang, NOT_PUBLISHED_JA, NOT_PUBLISHED_EN)
}

/// A fact that is known to be true or false, or not yet known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Fact {
    True,
    False,
    #[default]
    Unknown,
}

impl Fact {
    pub const NAMES: [&'static str; 3] = ["true", "false", "unknown"];

    pub fn parse(s: &str) -> Option<Fact> {
        match s {
            "true" => Some(Fact::True),
            "false" => Some(Fact::False),
            "unknown" => Some(Fact::Unknown),
            _ => None,
        }
    }

    pub fn known(b: bool) -> Fact {
        if b { Fact::True } else { Fact::False }
    }

    /// Some(true), Some(false), or None when unknown.
    pub fn value(self) -> Option<bool> {
        match self {
            Fact::True => Some(true),
            Fact::False => Some(false),
            Fact::Unknown => None,
        }
    }

    /// True when either is; false when both are; else unknown.
    pub fn or(self, other: Fact) -> Fact {
        match (self, other) {
            (Fact::True, _) | (_, Fact::True) => Fact::True,
            (Fact::False, Fact::False) => Fact::False,
            _ => Fact::Unknown,
        }
    }

    /// False when either is; true when both are; else unknown.
    pub fn and(self, other: Fact) -> Fact {
        match (self, other) {
            (Fact::False, _) | (_, Fact::False) => Fact::False,
            (Fact::True, Fact::True) => Fact::True,
            _ => Fact::Unknown,
        }
    }

    /// Any of them true: true; all false (or none): false; else unknown.
    pub fn any(facts: impl IntoIterator<Item = Fact>) -> Fact {
        facts.into_iter().fold(Fact::False, Fact::or)
    }
}

impl std::ops::Not for Fact {
    type Output = Fact;

    fn not(self) -> Fact {
        match self {
            Fact::True => Fact::False,
            Fact::False => Fact::True,
            Fact::Unknown => Fact::Unknown,
        }
    }
}

impl Serialize for Fact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.value() {
            Some(b) => s.serialize_bool(b),
            None => s.serialize_str("unknown"),
        }
    }
}

/// `leak:` — the facts the report obligations turn on. A fact not written
/// is unknown; `public_body` not written follows the sector (see the rule table).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Leak {
    /// 要配慮個人情報 are among the data.
    pub sensitive: Fact,
    /// Misuse of the data may cause financial damage.
    pub financial: Fact,
    /// It may have been caused by an act with an improper purpose.
    pub malicious: Fact,
    /// The data was protected by strong encryption and the key did not leak.
    pub encrypted: Fact,
    /// All of it was recovered before anyone saw it.
    pub recovered_unseen: Fact,
    /// The organization is a public body (行政機関等); None: not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_body: Option<Fact>,
}

impl Leak {
    /// The names of the facts, in the order of the format.
    pub const FACTS: [&'static str; 6] = [
        "sensitive",
        "financial",
        "malicious",
        "encrypted",
        "recovered_unseen",
        "public_body",
    ];

    /// A fact by its name; None for a name that is not a fact or
    /// `public_body` not written.
    pub fn fact(&self, name: &str) -> Option<Fact> {
        match name {
            "sensitive" => Some(self.sensitive),
            "financial" => Some(self.financial),
            "malicious" => Some(self.malicious),
            "encrypted" => Some(self.encrypted),
            "recovered_unseen" => Some(self.recovered_unseen),
            "public_body" => self.public_body,
            _ => None,
        }
    }
}

/// One report filed (`reports[]`): to whom (a rule id of the report rules,
/// e.g. `ppc`), which stage (`preliminary`, `final`) and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Filed {
    pub to: String,
    pub stage: String,
    pub date: PartialDate,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Affected {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RootCause {
    pub category: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Measure {
    pub text: String,
    pub controls: Vec<ControlRef>,
    pub origin: Origin,
    /// Who announced or required it, when not the case's organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Where carrying it out stands (a team following its measures through).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Progress>,
    /// Who is responsible for it (a person or a section).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The day it is to be done by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<PartialDate>,
    /// The day it was carried out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done: Option<PartialDate>,
    /// The day its effect was checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<PartialDate>,
    /// What shows it was done (a document, a record), free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// Where carrying out a measure stands: `planned`, `in-progress`, `done`
/// (carried out) or `verified` (its effect checked), in that order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    Planned,
    InProgress,
    Done,
    Verified,
}

impl Progress {
    pub const ALL: [Progress; 4] = [
        Progress::Planned,
        Progress::InProgress,
        Progress::Done,
        Progress::Verified,
    ];
    pub const NAMES: [&'static str; 4] = ["planned", "in-progress", "done", "verified"];

    pub fn parse(s: &str) -> Option<Progress> {
        Progress::NAMES
            .iter()
            .position(|n| *n == s)
            .map(|i| Progress::ALL[i])
    }

    /// The word a case file uses.
    pub fn id(self) -> &'static str {
        Progress::NAMES[self as usize]
    }

    /// 未着手 / planned, 対応中 / in progress, 実施済み / done, 有効性確認済み / verified.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        let (ja, en) = match self {
            Progress::Planned => ("未着手", "planned"),
            Progress::InProgress => ("対応中", "in progress"),
            Progress::Done => ("実施済み", "done"),
            Progress::Verified => ("有効性確認済み", "verified"),
        };
        crate::lang::t(lang, ja, en)
    }

    /// Carried out (done or verified): no longer overdue, whatever its due date.
    pub fn is_done(self) -> bool {
        self >= Progress::Done
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The organization announced it.
    #[default]
    Reported,
    /// A regulator or a client required or recommended it.
    Required,
    /// The casebook editor's lesson, not the organization's.
    Editorial,
    /// An outside expert or commentator suggested it (named in `by`); nobody
    /// announced it.
    Suggested,
}

impl Origin {
    pub const NAMES: [&'static str; 4] = ["reported", "required", "suggested", "editorial"];

    pub fn parse(s: &str) -> Option<Origin> {
        match s {
            "reported" => Some(Origin::Reported),
            "required" => Some(Origin::Required),
            "suggested" => Some(Origin::Suggested),
            "editorial" => Some(Origin::Editorial),
            _ => None,
        }
    }
}

impl Measure {
    /// The label that says whose measure this is, when it is not simply the
    /// organization's own announcement: 編集部の教訓, 総務省の要請, ○○の発表,
    /// ○○氏の提言.
    pub fn credit(&self, lang: crate::lang::Lang) -> Option<String> {
        use crate::lang::Lang;
        let by = self.by.as_deref();
        match (self.origin, by, lang) {
            (Origin::Editorial, _, Lang::Ja) => Some("編集部の教訓".into()),
            (Origin::Editorial, _, Lang::En) => Some("editorial lesson".into()),
            (Origin::Required, Some(by), Lang::Ja) => Some(format!("{by}の要請")),
            (Origin::Required, Some(by), Lang::En) => Some(format!("required by {by}")),
            (Origin::Required, None, Lang::Ja) => Some("要請".into()),
            (Origin::Required, None, Lang::En) => Some("required".into()),
            (Origin::Suggested, Some(by), Lang::Ja) => Some(format!("{by}の提言")),
            (Origin::Suggested, Some(by), Lang::En) => Some(format!("suggested by {by}")),
            // The loader requires `by` for a suggestion; this is for hand-built values.
            (Origin::Suggested, None, Lang::Ja) => Some("提言".into()),
            (Origin::Suggested, None, Lang::En) => Some("suggestion".into()),
            (Origin::Reported, Some(by), Lang::Ja) => Some(format!("{by}の発表")),
            (Origin::Reported, Some(by), Lang::En) => Some(format!("announced by {by}")),
            (Origin::Reported, None, _) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub publisher: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The day the page was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessed: Option<PartialDate>,
}

/// A `SCHEME:ID` reference to a catalog node, e.g. `iso27001:A.7.14`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ControlRef {
    pub scheme: String,
    pub id: String,
}

impl ControlRef {
    pub fn new(scheme: &str, id: &str) -> Self {
        ControlRef {
            scheme: scheme.to_string(),
            id: id.to_string(),
        }
    }

    /// Splits `SCHEME:ID`; None when there is no colon or either side is empty.
    pub fn parse(s: &str) -> Option<Self> {
        let (scheme, id) = s.trim().split_once(':')?;
        let (scheme, id) = (scheme.trim(), id.trim());
        (!scheme.is_empty() && !id.is_empty()).then(|| ControlRef::new(scheme, id))
    }
}

impl fmt::Display for ControlRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.scheme, self.id)
    }
}

impl Serialize for ControlRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A calendar date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How precise a date field must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePrecision {
    /// YYYY-MM-DD only.
    Day,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    Any,
}

impl PartialDate {
    /// A stand-in for a date that is not known (sorts before every real one).
    pub const UNKNOWN: PartialDate = PartialDate {
        year: 0,
        month: None,
        day: None,
    };

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and checks it is a real calendar date.
    pub fn parse(s: &str, precision: DatePrecision) -> Result<Self, crate::diag::Message> {
        use crate::msg;
        let (expected_ja, expected) = match precision {
            DatePrecision::Day => ("YYYY-MM-DD", "YYYY-MM-DD"),
            DatePrecision::Any => (
                "YYYY、YYYY-MM、YYYY-MM-DD のいずれか",
                "YYYY, YYYY-MM or YYYY-MM-DD",
            ),
        };
        let parts: Vec<&str> = s.split('-').collect();
        let shape_ok = matches!(parts.len(), 1..=3)
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !shape_ok || (precision == DatePrecision::Day && parts.len() != 3) {
            return Err(msg!(
                "`{s}` は {expected_ja} の形の日付ではありません",
                "`{s}` is not a date in the form {expected}"
            ));
        }
        let year: u16 = parts[0]
            .parse()
            .map_err(|_| msg!("`{s}` は日付ではありません", "`{s}` is not a date"))?;
        let month: Option<u8> = parts.get(1).and_then(|p| p.parse().ok());
        let day: Option<u8> = parts.get(2).and_then(|p| p.parse().ok());
        if !(1900..=2100).contains(&year) {
            return Err(msg!(
                "`{s}`: {year}年は範囲外です（1900〜2100年）",
                "`{s}`: the year {year} is out of range (1900-2100)"
            ));
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(msg!(
                "`{s}` は暦にない日付です（{m}月はありません）",
                "`{s}` is not a real calendar date: there is no month {m}"
            ));
        }
        if let (Some(m), Some(d)) = (month, day)
            && (d == 0 || d > crate::calendar::days_in_month(year, m))
        {
            let days = crate::calendar::days_in_month(year, m);
            return Err(msg!(
                "`{s}` は暦にない日付です（{year}-{m:02} は{days}日までです）",
                "`{s}` is not a real calendar date: {year}-{m:02} has {days} days"
            ));
        }
        Ok(PartialDate { year, month, day })
    }

    /// True when `self` is later than `other` at the precision both share
    /// (2024-06 is not after 2024-06-15, 2024-07 is).
    pub fn is_after(&self, other: &PartialDate) -> bool {
        let month = self.month.is_some() && other.month.is_some();
        let day = month && self.day.is_some() && other.day.is_some();
        let cut = |d: &PartialDate| (d.year, d.month.filter(|_| month), d.day.filter(|_| day));
        cut(self) > cut(other)
    }

    /// A key that sorts dates chronologically, a partial date before full dates within its period.
    pub fn sort_key(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist_on_the_calendar() {
        use DatePrecision::*;
        assert!(PartialDate::parse("2024-02-29", Day).is_ok());
        assert!(
            PartialDate::parse("2023-02-29", Day)
                .unwrap_err()
                .en
                .contains("has 28 days")
        );
        assert!(
            PartialDate::parse("2024-13-01", Day)
                .unwrap_err()
                .en
                .contains("no month 13")
        );
        assert!(
            PartialDate::parse("2024-06", Day)
                .unwrap_err()
                .en
                .contains("YYYY-MM-DD")
        );
        assert_eq!(
            PartialDate::parse("2022-06", Any).unwrap().to_string(),
            "2022-06"
        );
        assert_eq!(PartialDate::parse("2013", Any).unwrap().to_string(), "2013");
        assert!(PartialDate::parse("2024/08/07", Any).is_err());
        assert!(PartialDate::parse("24-08-07", Any).is_err());
    }

    #[test]
    fn control_refs_split_on_the_first_colon() {
        let r = ControlRef::parse("iso27001:A.7.14").unwrap();
        assert_eq!((r.scheme.as_str(), r.id.as_str()), ("iso27001", "A.7.14"));
        assert_eq!(ControlRef::parse("A.7.14"), None);
        assert_eq!(ControlRef::parse("iso27001:"), None);
    }
}
