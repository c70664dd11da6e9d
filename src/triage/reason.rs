//! Why a report is required or not, in a sentence naming the situations
//! and exemptions behind the verdict.

use super::Check;
use crate::diag::Message;
use crate::model::Fact;
use crate::msg;
use crate::rules::{ReportWhen, Rule};

/// Why the report is required or not, in a sentence naming the situations
/// and exemptions.
pub(super) fn reason(
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
