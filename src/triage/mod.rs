//! Triage of a team's own incident: which situations of the report rules
//! apply and the fact behind each, which exemption applies, whether each
//! report is required (true, false, or unknown with the questions that
//! decide it — never a silent "not required"), and the due date of each
//! stage counted from `discovered`. Everything about the law comes from the
//! rule table ([`crate::rules`]); this file only applies it.
//!
//! [`due`] lists the reports still open across a casebook against a date.

mod checks;
pub mod due;
pub mod json;
mod questions;
mod reason;

use time::Date;

use checks::{public_body_of, test};
use questions::{ask, ask_check};
use reason::reason;

use crate::diag::Message;
use crate::lang::Lang;
use crate::model::{Case, Fact, Leak, PartialDate};
use crate::msg;
use crate::rules::{Condition, CountFrom, ReportWhen, Rule, Rules, Stage, StageWhen};

/// The triage of one case under every rule of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Triage<'r> {
    pub id: String,
    pub discovered: Option<Date>,
    /// The day the rule versions were chosen for: `discovered`, else the day given.
    pub rules_on: Option<Date>,
    /// Whether the organization counts as a public body, and why.
    pub public_body: (Fact, Message),
    pub outcomes: Vec<Outcome<'r>>,
    /// What to find out, each question once, in the order met.
    pub questions: Vec<Question>,
}

/// One rule applied to the case.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome<'r> {
    /// The rule id (`ppc`, `pmark`).
    pub id: String,
    /// The version in force; None when the table has none for that day.
    pub rule: Option<&'r Rule>,
    pub situations: Vec<Check<'r>>,
    pub exemptions: Vec<Check<'r>>,
    /// A situation applies and no exemption does.
    pub situation: Fact,
    /// Whether the report is required.
    pub required: Fact,
    /// Why, in a sentence.
    pub reason: Message,
    pub stages: Vec<StageOutcome<'r>>,
}

/// A situation or an exemption, and the fact it turned on.
#[derive(Clone, Debug, PartialEq)]
pub struct Check<'r> {
    pub condition: &'r Condition,
    pub result: Fact,
    /// The fact behind the result: `leak.sensitive: true`, `affected.people: 1,001 (over 1,000)`.
    pub because: Message,
}

/// One stage of a report (速報, 確報).
#[derive(Clone, Debug, PartialEq)]
pub struct StageOutcome<'r> {
    pub stage: &'r Stage,
    pub required: Fact,
    /// The deadline in days (longer when a `days_if` situation applies).
    pub days: i64,
    /// The due date; None without `discovered` or when not required.
    pub due: Option<Date>,
    /// The day it was filed, from `reports`.
    pub filed: Option<PartialDate>,
    /// Filed, or a later stage of the same report was.
    pub done: bool,
}

/// A fact to find out, and the field that records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// `leak.sensitive`, `affected.people`, `discovered`.
    pub field: String,
    pub text: Message,
}

impl Triage<'_> {
    /// The ids of the situations that apply under any rule, in table order.
    pub fn situations(&self) -> Vec<&str> {
        self.situations_where(Fact::True)
    }

    /// The ids of the situations not known to apply or not.
    pub fn situations_unknown(&self) -> Vec<&str> {
        self.situations_where(Fact::Unknown)
    }

    fn situations_where(&self, result: Fact) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for c in self.outcomes.iter().flat_map(|o| &o.situations) {
            if c.result == result && !ids.contains(&c.condition.id.as_str()) {
                ids.push(&c.condition.id);
            }
        }
        ids
    }

    /// The ids of the exemptions that apply under any rule.
    pub fn exemptions(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for c in self.outcomes.iter().flat_map(|o| &o.exemptions) {
            if c.result == Fact::True && !ids.contains(&c.condition.id.as_str()) {
                ids.push(&c.condition.id);
            }
        }
        ids
    }

    pub fn outcome(&self, id: &str) -> Option<&Outcome<'_>> {
        self.outcomes.iter().find(|o| o.id == id)
    }
}

impl Outcome<'_> {
    pub fn stage(&self, id: &str) -> Option<&StageOutcome<'_>> {
        self.stages.iter().find(|s| s.stage.id == id)
    }

    /// The stage to draft when none is asked for: the first one called for
    /// and not yet filed (the last one when all are).
    pub fn next_stage(&self) -> Option<&StageOutcome<'_>> {
        self.stages
            .iter()
            .find(|s| !s.done && s.required != Fact::False)
            .or(self.stages.last())
    }
}

/// Triages `case` under every rule of `rules`. Each rule's version is the
/// one in force on `discovered`; without it, on `otherwise` (today, for a
/// command), or the latest version when that is None too.
pub fn triage<'r>(case: &Case, rules: &'r Rules, otherwise: Option<Date>) -> Triage<'r> {
    let discovered = case.discovered.and_then(crate::date::day);
    let rules_on = discovered.or(otherwise);
    let leak = case.leak.unwrap_or_default();
    let mut questions: Vec<Question> = Vec::new();
    if discovered.is_none() {
        ask(&mut questions, "discovered", None);
    }
    let mut public_body = (Fact::False, Message::default());
    let mut outcomes = Vec::new();
    for id in rules.ids() {
        let rule = match rules_on {
            Some(on) => rules.in_force(id, on),
            None => rules
                .all()
                .iter()
                .filter(|r| r.id == id)
                .max_by_key(|r| r.effective_from),
        };
        let Some(rule) = rule else {
            let (on, first) = (
                rules_on
                    .map(crate::date::partial)
                    .unwrap_or(PartialDate::UNKNOWN),
                rules
                    .earliest(id)
                    .map(crate::date::partial)
                    .unwrap_or(PartialDate::UNKNOWN),
            );
            outcomes.push(Outcome {
                id: id.to_string(),
                rule: None,
                situations: Vec::new(),
                exemptions: Vec::new(),
                situation: Fact::Unknown,
                required: Fact::Unknown,
                reason: msg!(
                    "規則の表に {on} 時点で効力のある `{id}` の規則がありません（最も早いものは {first} から）。当時の規則を確かめてください",
                    "the rule table has no `{id}` rule in force on {on} (the earliest is from {first}); check the rules of that time"
                ),
                stages: Vec::new(),
            });
            continue;
        };
        let pb = public_body_of(case, &leak, rule);
        if public_body.1.en.is_empty() {
            public_body = pb.clone();
        }
        outcomes.push(apply(case, &leak, rule, &pb, &mut questions));
    }
    Triage {
        id: case.id.clone(),
        discovered,
        rules_on,
        public_body,
        outcomes,
        questions,
    }
}

fn apply<'r>(
    case: &Case,
    leak: &Leak,
    rule: &'r Rule,
    public_body: &(Fact, Message),
    questions: &mut Vec<Question>,
) -> Outcome<'r> {
    let id = rule.id.clone();
    if !rule.applies {
        let reason = rule.reason.clone().unwrap_or_default();
        return Outcome {
            id,
            rule: Some(rule),
            situations: Vec::new(),
            exemptions: Vec::new(),
            situation: Fact::False,
            required: Fact::False,
            reason: Message::new(
                "この事例集の規則ではこの報告は対象外です: ",
                "the casebook's rules say this report does not apply: ",
            )
            .then(&Message::new(reason.get(Lang::Ja), reason.get(Lang::En))),
            stages: Vec::new(),
        };
    }
    let check = |c: &'r Condition| {
        let (result, because) = test(case, leak, &c.test, public_body);
        Check {
            condition: c,
            result,
            because,
        }
    };
    let situations: Vec<Check> = rule.situations.iter().map(check).collect();
    let exemptions: Vec<Check> = rule.exemptions.iter().map(check).collect();
    let any = Fact::any(situations.iter().map(|c| c.result));
    let exempt = Fact::any(exemptions.iter().map(|c| c.result));
    let situation = any.and(!exempt);
    let required = match rule.report_when {
        ReportWhen::Situation => situation,
        ReportWhen::EveryIncident => Fact::True,
    };

    // The questions that decide something: whether a situation applies (when
    // none is known to), whether an exemption does (when it could matter),
    // and the situations that lengthen a deadline.
    if exempt != Fact::True {
        if any != Fact::True {
            for c in &situations {
                ask_check(questions, c, public_body.0);
            }
        }
        if any != Fact::False {
            for c in &exemptions {
                ask_check(questions, c, public_body.0);
            }
        }
    }
    let lengthening: Vec<&str> = rule
        .stages
        .iter()
        .flat_map(|s| s.days_if.iter().map(|(id, _)| id.as_str()))
        .collect();
    if required != Fact::False {
        for c in situations
            .iter()
            .filter(|c| lengthening.contains(&c.condition.id.as_str()))
        {
            ask_check(questions, c, public_body.0);
        }
    }

    let reason = reason(rule, &situations, &exemptions, situation, required);
    let discovered = case.discovered.and_then(crate::date::day);
    let mut stages: Vec<StageOutcome> = rule
        .stages
        .iter()
        .map(|stage| {
            let required = match stage.when {
                StageWhen::Required => required,
                StageWhen::Situation => required.and(situation),
            };
            let days = stage
                .days_if
                .iter()
                .filter(|(sid, _)| {
                    situations
                        .iter()
                        .any(|c| &c.condition.id == sid && c.result == Fact::True)
                })
                .map(|(_, d)| *d)
                .fold(stage.days, i64::max);
            let due = discovered
                .filter(|_| required != Fact::False)
                .and_then(|d| crate::date::add_days(d, offset(rule.count_from, days)));
            let filed = case
                .reports
                .iter()
                .find(|r| r.to == rule.id && r.stage == stage.id)
                .map(|r| r.date);
            StageOutcome {
                stage,
                required,
                days,
                due,
                filed,
                done: filed.is_some(),
            }
        })
        .collect();
    // A later stage filed settles the earlier ones (a final report filed at
    // once carries everything a preliminary one would).
    for i in 0..stages.len() {
        if stages[i + 1..].iter().any(|s| s.filed.is_some()) {
            stages[i].done = true;
        }
    }
    Outcome {
        id,
        rule: Some(rule),
        situations,
        exemptions,
        situation,
        required,
        reason,
        stages,
    }
}

/// Days to add to `discovered` for a deadline of `days`.
fn offset(count_from: CountFrom, days: i64) -> i64 {
    match count_from {
        CountFrom::NextDay => days,
        CountFrom::Discovered => days - 1,
    }
}
