//! One condition of a rule against a case: a leak fact, or the number of
//! persons against the threshold (the public bodies' own when the
//! organization is one), and the fact behind the result.

use crate::diag::Message;
use crate::model::{Case, Fact, Leak};
use crate::msg;
use crate::rules::{Rule, Test};
use crate::text::thousands;

/// Whether the organization is a public body: `leak.public_body` when
/// written, else by the rule's sectors.
pub(super) fn public_body_of(case: &Case, leak: &Leak, rule: &Rule) -> (Fact, Message) {
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

/// One condition against the case: its result and the fact behind it.
pub(super) fn test(
    case: &Case,
    leak: &Leak,
    test: &Test,
    public_body: &(Fact, Message),
) -> (Fact, Message) {
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

pub(super) fn fact_word(f: Fact) -> &'static str {
    match f {
        Fact::True => "true",
        Fact::False => "false",
        Fact::Unknown => "unknown",
    }
}
