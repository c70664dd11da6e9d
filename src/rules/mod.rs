//! The report rules: a dated, sourced table of when an incident must be
//! reported, to whom, by when and with which items (the APPI's 漏えい等報告 to
//! the PPC, the P-mark's 事故報告 to the 審査機関). The table is data, in
//! `catalogs/report-rules.yaml` (bundled) and in a team's own `catalogs/`;
//! the program knows only how to read and apply it ([`crate::triage`]).
//!
//! Overrides: every rule is one version of a rule id, keyed by its id and
//! `effective_from`. A version with the key of one already loaded replaces it
//! (a team's 審査機関 practice); one with a new `effective_from` is added, and
//! an incident follows the latest version in force on the day it was
//! discovered (an amendment coming into force).

mod entries;
mod read;
mod values;

pub use read::{Sectors, from_node, is_rules_file};

use time::Date;

use crate::lang::Label;
use crate::model::PartialDate;

/// How sure the facts of a rule are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// The authority's own page, or the rule's text as quoted by several sources.
    High,
    /// Secondary sources that agree.
    Medium,
    /// Practices differ or are being revised: confirm with the authority.
    Check,
}

impl Confidence {
    pub const NAMES: [&'static str; 3] = ["high", "medium", "check"];

    pub fn parse(s: &str) -> Option<Confidence> {
        match s {
            "high" => Some(Confidence::High),
            "medium" => Some(Confidence::Medium),
            "check" => Some(Confidence::Check),
            _ => None,
        }
    }
}

/// When a report is due at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportWhen {
    /// When a situation applies and no exemption does.
    Situation,
    /// For every incident.
    EveryIncident,
}

/// When a stage of a report is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StageWhen {
    /// Whenever the report is required.
    Required,
    /// Only when a situation applies (and no exemption does).
    Situation,
}

/// Where a deadline's days count from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountFrom {
    /// Day 1 is the day after discovery: due = discovered + days.
    NextDay,
    /// Day 1 is the day of discovery: due = discovered + days - 1.
    Discovered,
}

/// What a situation or an exemption turns on.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// A fact of the case's `leak:` (`sensitive`, `encrypted`, ...) is true.
    Fact(String),
    /// `affected.people` is over the number (for a public body, over
    /// `public_body`'s number when given).
    PeopleOver {
        over: u64,
        public_body: Option<PublicBody>,
    },
}

/// The threshold for public bodies (行政機関等), with its own basis.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PublicBody {
    pub over: u64,
    pub basis: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A situation in which a report is required, or an exemption from it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Condition {
    pub id: String,
    pub basis: String,
    pub title: Label,
    pub test: Test,
}

/// One report of a rule (速報, 確報) and its deadline.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Stage {
    pub id: String,
    pub title: Label,
    pub basis: String,
    pub days: i64,
    /// The deadline is the authority's guidance, not the rule's text.
    pub guidance: bool,
    /// Longer deadlines when a situation applies: (situation id, days).
    pub days_if: Vec<(String, i64)>,
    pub when: StageWhen,
}

/// What of a case fills an item of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fill {
    Organization,
    Sector,
    Occurred,
    Discovered,
    Summary,
    Timeline,
    Data,
    People,
    Causes,
    Response,
    Publication,
    Measures,
    Reports,
    Sources,
    /// Nothing in a case file: written 調査中 for the author to fill in.
    None,
}

impl Fill {
    pub const NAMES: [&'static str; 15] = [
        "organization",
        "sector",
        "occurred",
        "discovered",
        "summary",
        "timeline",
        "data",
        "people",
        "causes",
        "response",
        "publication",
        "measures",
        "reports",
        "sources",
        "none",
    ];

    pub fn parse(s: &str) -> Option<Fill> {
        use Fill::*;
        const ALL: [Fill; 15] = [
            Organization,
            Sector,
            Occurred,
            Discovered,
            Summary,
            Timeline,
            Data,
            People,
            Causes,
            Response,
            Publication,
            Measures,
            Reports,
            Sources,
            None,
        ];
        Fill::NAMES.iter().position(|n| *n == s).map(|i| ALL[i])
    }
}

/// An item of a report, in the order the authority asks for them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ReportItem {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no: Option<u32>,
    pub title: Label,
    pub from: Vec<Fill>,
}

/// One version of a rule.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Rule {
    pub id: String,
    /// The first day of discovery it applies to.
    #[serde(serialize_with = "day")]
    pub effective_from: Date,
    /// False when a team's table says the rule does not apply to it (with `reason`).
    pub applies: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Label>,
    pub name: Label,
    pub authority: Label,
    pub basis: Label,
    pub confidence: Confidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Label>,
    pub sources: Vec<String>,
    pub report_when: ReportWhen,
    pub public_body_sectors: Vec<String>,
    pub situations: Vec<Condition>,
    pub exemptions: Vec<Condition>,
    pub stages: Vec<Stage>,
    pub count_from: CountFrom,
    pub items: Vec<ReportItem>,
    /// The file it was read from.
    pub path: String,
}

fn day<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&crate::date::partial(*d))
}

impl Rule {
    /// The situation with this id.
    pub fn situation(&self, id: &str) -> Option<&Condition> {
        self.situations.iter().find(|c| c.id == id)
    }

    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn effective(&self) -> PartialDate {
        crate::date::partial(self.effective_from)
    }
}

/// Every version of every rule, as loaded and overridden.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    list: Vec<Rule>,
}

impl Rules {
    /// Adds a version; one with the id and date of a version already loaded
    /// replaces it (and keeps its place in the order).
    pub fn add(&mut self, rule: Rule) {
        match self
            .list
            .iter_mut()
            .find(|r| r.id == rule.id && r.effective_from == rule.effective_from)
        {
            Some(existing) => *existing = rule,
            None => self.list.push(rule),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every version, in the order loaded.
    pub fn all(&self) -> &[Rule] {
        &self.list
    }

    /// The rule ids, in the order first loaded.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for r in &self.list {
            if !ids.contains(&r.id.as_str()) {
                ids.push(&r.id);
            }
        }
        ids
    }

    /// The stage ids of a rule id over all its versions, in order.
    pub fn stage_ids(&self, id: &str) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for s in self
            .list
            .iter()
            .filter(|r| r.id == id)
            .flat_map(|r| &r.stages)
        {
            if !ids.contains(&s.id.as_str()) {
                ids.push(&s.id);
            }
        }
        ids
    }

    /// Every stage id of every rule, in order.
    pub fn all_stage_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for s in self.list.iter().flat_map(|r| &r.stages) {
            if !ids.contains(&s.id.as_str()) {
                ids.push(&s.id);
            }
        }
        ids
    }

    /// The version of rule `id` in force on `on`: the latest whose
    /// `effective_from` is not after it.
    pub fn in_force(&self, id: &str, on: Date) -> Option<&Rule> {
        self.list
            .iter()
            .filter(|r| r.id == id && r.effective_from <= on)
            .max_by_key(|r| r.effective_from)
    }

    /// The earliest `effective_from` of rule `id`.
    pub fn earliest(&self, id: &str) -> Option<Date> {
        self.list
            .iter()
            .filter(|r| r.id == id)
            .map(|r| r.effective_from)
            .min()
    }
}
