//! Triage of a team's own incident: which situations of the report rules
//! apply and the fact behind each, which exemption applies, whether each
//! report is required (true, false, or unknown with the questions that
//! decide it — never a silent "not required"), and the due date of each
//! stage counted from `discovered`. Everything about the law comes from the
//! rule table ([`crate::rules`]); this file only applies it.
//!
//! [`due`] lists the reports still open across a casebook against a date.

pub mod due;
pub mod json;

use time::Date;

use crate::diag::Message;
use crate::format;
use crate::lang::Lang;
use crate::model::{Case, Fact, Leak, PartialDate};
use crate::msg;
use crate::rules::{Condition, CountFrom, ReportWhen, Rule, Rules, Stage, StageWhen, Test};
use crate::text::thousands;

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

/// Whether the organization is a public body: `leak.public_body` when
/// written, else by the rule's sectors.
fn public_body_of(case: &Case, leak: &Leak, rule: &Rule) -> (Fact, Message) {
    if let Some(f) = leak.public_body {
        let v = fact_word(f);
        return (f, msg!("leak.public_body: {v}", "leak.public_body: {v}"));
    }
    let sector = &case.sector;
    if rule.public_body_sectors.contains(sector) {
        (
            Fact::True,
            msg!(
                "業種 {sector}（行政機関等として扱う業種）",
                "sector {sector} (one the rules treat as public bodies)"
            ),
        )
    } else {
        (
            Fact::False,
            msg!(
                "業種 {sector}（行政機関等ではない）",
                "sector {sector} (not a public body)"
            ),
        )
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

/// One condition against the case: its result and the fact behind it.
fn test(case: &Case, leak: &Leak, test: &Test, public_body: &(Fact, Message)) -> (Fact, Message) {
    match test {
        Test::Fact(name) => {
            let f = leak.fact(name).unwrap_or_default();
            let v = fact_word(f);
            let shown = if case.leak.is_none() {
                msg!("leak.{name}: 未記入", "leak.{name}: not written")
            } else {
                msg!("leak.{name}: {v}", "leak.{name}: {v}")
            };
            (f, shown)
        }
        Test::PeopleOver {
            over,
            public_body: pb,
        } => {
            let Some(people) = case.affected.as_ref().and_then(|a| a.people) else {
                return (
                    Fact::Unknown,
                    msg!("affected.people: 未記入", "affected.people: not written"),
                );
            };
            let n = thousands(people);
            let over_default = Fact::known(people > *over);
            let (result, limit) = match (pb, public_body.0) {
                (None, _) | (Some(_), Fact::False) => (over_default, thousands(*over)),
                (Some(pb), Fact::True) => (Fact::known(people > pb.over), thousands(pb.over)),
                (Some(pb), Fact::Unknown) => {
                    let over_public = Fact::known(people > pb.over);
                    let result = if over_public == over_default {
                        over_default
                    } else {
                        Fact::Unknown
                    };
                    (
                        result,
                        format!("{} / {}", thousands(pb.over), thousands(*over)),
                    )
                }
            };
            let because = match result {
                Fact::True => msg!(
                    "affected.people: {n}人（{limit}人を超える）",
                    "affected.people: {n} (over {limit})"
                ),
                Fact::False => msg!(
                    "affected.people: {n}人（{limit}人以下）",
                    "affected.people: {n} (not over {limit})"
                ),
                Fact::Unknown => msg!(
                    "affected.people: {n}人（行政機関等かどうかで基準が {limit}人）",
                    "affected.people: {n} (the threshold is {limit} depending on whether it is a public body)"
                ),
            };
            (result, because)
        }
    }
}

/// Asks for the fact a check turned on, when it is unknown.
fn ask_check(questions: &mut Vec<Question>, c: &Check, public_body: Fact) {
    if c.result != Fact::Unknown {
        return;
    }
    match &c.condition.test {
        Test::Fact(name) => ask(questions, &format!("leak.{name}"), None),
        Test::PeopleOver { .. } if c.because.en.starts_with("affected.people: not") => {
            ask(questions, "affected.people", None)
        }
        Test::PeopleOver { .. } if public_body == Fact::Unknown => {
            ask(questions, "leak.public_body", None)
        }
        Test::PeopleOver { .. } => {}
    }
}

/// Adds the question for `field` (from the format's own description of it).
fn ask(questions: &mut Vec<Question>, field: &str, text: Option<Message>) {
    if questions.iter().any(|q| q.field == field) {
        return;
    }
    let text = text.unwrap_or_else(|| match field {
        "affected.people" => msg!(
            "本人の数は何人か（affected.people に数字で書く）",
            "how many persons are concerned? (write the number in affected.people)"
        ),
        "discovered" => msg!(
            "発覚日（組織が事態を知った日）はいつか（discovered に YYYY-MM-DD で書く）。期限はこの日から数える",
            "on what day did the organization become aware of it? (write it in discovered, YYYY-MM-DD); deadlines count from it"
        ),
        _ => {
            let (ja, en) = format::at_path(field).map_or(("", ""), |f| (f.ja, f.en));
            msg!(
                "{ja}（{field} に true か false で書く）",
                "{en} (write true or false in {field})"
            )
        }
    });
    questions.push(Question {
        field: field.to_string(),
        text,
    });
}

fn fact_word(f: Fact) -> &'static str {
    match f {
        Fact::True => "true",
        Fact::False => "false",
        Fact::Unknown => "unknown",
    }
}

/// Why the report is required or not, in a sentence naming the situations
/// and exemptions.
fn reason(
    rule: &Rule,
    situations: &[Check],
    exemptions: &[Check],
    situation: Fact,
    required: Fact,
) -> Message {
    let ids = |checks: &[Check], result: Fact| {
        checks
            .iter()
            .filter(|c| c.result == result)
            .map(|c| c.condition.id.clone())
            .collect::<Vec<_>>()
    };
    let (applying, unknown) = (ids(situations, Fact::True), ids(situations, Fact::Unknown));
    let (exempt, exempt_unknown) = (ids(exemptions, Fact::True), ids(exemptions, Fact::Unknown));
    let list = |v: &[String]| v.join(", ");
    let every = rule.report_when == ReportWhen::EveryIncident;
    match (required, situation) {
        (Fact::True, Fact::True) if every => {
            let a = list(&applying);
            msg!(
                "すべての事故が報告の対象。該当する事態: {a}",
                "every incident is reported; situations that apply: {a}"
            )
        }
        (Fact::True, Fact::False) if every => msg!(
            "すべての事故が報告の対象。該当する事態はない",
            "every incident is reported; no situation applies"
        ),
        (Fact::True, _) if every => msg!(
            "すべての事故が報告の対象。事態に当たるかは未確定",
            "every incident is reported; whether a situation applies is not known"
        ),
        (Fact::True, _) => {
            let a = list(&applying);
            msg!(
                "該当する事態 {a} があり、適用除外に当たらない",
                "situation {a} applies and no exemption does"
            )
        }
        (Fact::False, _) if !exempt.is_empty() && !applying.is_empty() => {
            let (a, e) = (list(&applying), list(&exempt));
            msg!(
                "事態 {a} に当たるが、適用除外 {e} に当たる",
                "situation {a} applies, but exemption {e} does too"
            )
        }
        (Fact::False, _) if !exempt.is_empty() => {
            let e = list(&exempt);
            msg!("適用除外 {e} に当たる", "exemption {e} applies")
        }
        (Fact::False, _) => msg!(
            "報告が必要な事態のどれにも当たらない",
            "none of the situations that require a report applies"
        ),
        (Fact::Unknown, _) if !applying.is_empty() => {
            let (a, e) = (list(&applying), list(&exempt_unknown));
            msg!(
                "事態 {a} に当たるが、適用除外 {e} に当たるかが未確定",
                "situation {a} applies, but whether exemption {e} does is not known"
            )
        }
        (Fact::Unknown, _) => {
            let u = list(&unknown);
            msg!(
                "事態 {u} に当たるかが未確定",
                "whether situation {u} applies is not known"
            )
        }
    }
}
