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
    // `7-1、7-3` in Japanese; `situation 7-1` / `situations 7-1 and 7-3` in English.
    let ja = |v: &[String]| v.join("、");
    let en = |v: &[String], one: &str, many: &str| match v {
        [only] => format!("{one} {only}"),
        [init @ .., last] => format!("{many} {} and {last}", init.join(", ")),
        [] => many.to_string(),
    };
    let verb = |v: &[String]| if v.len() == 1 { "applies" } else { "apply" };
    let every = rule.report_when == ReportWhen::EveryIncident;
    match (required, situation) {
        (Fact::True, Fact::True) if every => {
            let (a, e) = (ja(&applying), applying.join(", "));
            msg!(
                "すべての事故が報告の対象。該当する事態: {a}",
                "every incident is reported; situations that apply: {e}"
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
            let (a, e, v) = (
                ja(&applying),
                en(&applying, "situation", "situations"),
                verb(&applying),
            );
            msg!(
                "該当する事態 {a} があり、適用除外に当たらない",
                "{e} {v} and no exemption does"
            )
        }
        (Fact::False, _) if !exempt.is_empty() && !applying.is_empty() => {
            let (a, e) = (ja(&applying), ja(&exempt));
            let (a_en, v) = (en(&applying, "situation", "situations"), verb(&applying));
            let (e_en, w) = (en(&exempt, "exemption", "exemptions"), verb(&exempt));
            msg!(
                "事態 {a} に当たるが、適用除外 {e} に当たる",
                "{a_en} {v}, but {e_en} {w} too"
            )
        }
        (Fact::False, _) if !exempt.is_empty() => {
            let (e, e_en, w) = (
                ja(&exempt),
                en(&exempt, "exemption", "exemptions"),
                verb(&exempt),
            );
            msg!("適用除外 {e} に当たる", "{e_en} {w}")
        }
        (Fact::False, _) => msg!(
            "報告が必要な事態のどれにも当たらない",
            "none of the situations that require a report applies"
        ),
        (Fact::Unknown, _) if !applying.is_empty() => {
            let (a, e) = (ja(&applying), ja(&exempt_unknown));
            let (a_en, v) = (en(&applying, "situation", "situations"), verb(&applying));
            let e_en = en(&exempt_unknown, "exemption", "exemptions");
            msg!(
                "事態 {a} に当たるが、適用除外 {e} に当たるかが未確定",
                "{a_en} {v}, but whether {e_en} applies is not known"
            )
        }
        (Fact::Unknown, _) => {
            let (u, u_en) = (ja(&unknown), en(&unknown, "situation", "situations"));
            msg!(
                "事態 {u} に当たるかが未確定",
                "whether {u_en} applies is not known"
            )
        }
    }
}
