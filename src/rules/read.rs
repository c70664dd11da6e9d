//! Reading a report-rules file (`kind: report-rules`): every rule version,
//! each field checked and every problem reported at its line and column. A
//! rule with an error is left out; the other rules of the file still load.

use std::collections::HashMap;

use time::Date;

use super::entries::{conditions, items, stages};
use super::values::{boolean, day, label, slug, word};
use super::{Confidence, CountFrom, ReportWhen, Rule};
use crate::diag::{Message, phrase};
use crate::fields::{self, Ctx, Fields, item, join};
use crate::lang::Label;
use crate::msg;
use crate::text::Lines;
use crate::yaml::{Node, Value};

const FILE_FIELDS: &[&str] = &["kind", "rules"];
const RULE_FIELDS: &[&str] = &[
    "id",
    "effective_from",
    "applies",
    "reason",
    "name",
    "authority",
    "basis",
    "confidence",
    "note",
    "sources",
    "report_when",
    "public_body_sectors",
    "situations",
    "exemptions",
    "stages",
    "count_from",
    "items",
];

/// The `kind:` that marks a report-rules file among the catalogs.
pub const KIND: &str = "report-rules";

/// Whether a catalog file's tree is a report-rules file (`kind: report-rules`).
pub fn is_rules_file(root: &Node) -> bool {
    let Value::Map(pairs) = &root.value else {
        return false;
    };
    pairs.iter().any(|(k, v)| {
        matches!((&k.value, &v.value),
            (Value::Scalar { text: key, .. }, Value::Scalar { text: value, .. })
                if key == "kind" && value.trim() == KIND)
    })
}

/// The sectors that `public_body_sectors` may name: the sector catalog.
pub trait Sectors {
    /// Whether `id` is a sector.
    fn has(&self, id: &str) -> bool;
    /// The near names for an unknown `id`.
    fn suggest(&self, id: &str) -> Message;
}

/// Reads the rules of a report-rules file. Problems go to `ctx`; a rule with
/// an error is left out. `sectors` checks `public_body_sectors`.
pub fn from_node(ctx: &mut Ctx, root: &Node, sectors: Option<&dyn Sectors>) -> Vec<Rule> {
    let what = phrase("報告規則の表", "a report-rules table");
    let Some(f) = Fields::read(ctx, root, "", what, FILE_FIELDS) else {
        return Vec::new();
    };
    let what = phrase("規則のリスト", "the list of rules");
    let Some(list) = f
        .require(ctx, "rules", "", what)
        .and_then(|n| fields::non_empty_list(ctx, n, "rules", what))
    else {
        return Vec::new();
    };
    let mut seen: HashMap<(String, Date), u32> = HashMap::new();
    let mut out = Vec::new();
    for (i, n) in list.iter().enumerate() {
        let path = item("rules", i);
        let before = ctx.diags.iter().filter(|d| d.is_error()).count();
        let rule = rule(ctx, n, &path, sectors);
        let failed = ctx.diags.iter().filter(|d| d.is_error()).count() > before;
        let Some(rule) = rule.filter(|_| !failed) else {
            continue;
        };
        let key = (rule.id.clone(), rule.effective_from);
        if let Some(line) = seen.get(&key) {
            let (id, date) = (&rule.id, rule.effective());
            ctx.error(
                n.pos,
                msg!(
                    "`{path}`: 規則 `{id}` の {date} 施行の版は{line}行目で既に書かれています。この版は読み込みません",
                    "`{path}`: rule `{id}` effective from {date} is already given on line {line}; this version is left out"
                ),
            );
            continue;
        }
        seen.insert(key, n.pos.line);
        out.push(rule);
    }
    out
}

fn rule(ctx: &mut Ctx, node: &Node, path: &str, sectors: Option<&dyn Sectors>) -> Option<Rule> {
    let what = phrase(
        "id と effective_from を持つ規則",
        "a rule with id and effective_from",
    );
    let f = Fields::read(ctx, node, path, what, RULE_FIELDS)?;
    let id = f
        .require(
            ctx,
            "id",
            path,
            phrase("規則ID（ppc、pmark など）", "a rule id (ppc, pmark, ...)"),
        )
        .and_then(|n| slug(ctx, n, &join(path, "id")));
    let effective_from = f
        .require(
            ctx,
            "effective_from",
            path,
            phrase("施行日（YYYY-MM-DD）", "the day it took effect, YYYY-MM-DD"),
        )
        .and_then(|n| day(ctx, n, &join(path, "effective_from")));
    let applies = match f.get("applies") {
        Some(n) => boolean(ctx, n, &join(path, "applies"))?,
        None => true,
    };
    let reason = f
        .get("reason")
        .and_then(|n| label(ctx, n, &join(path, "reason")));
    if !applies {
        // A team's statement that a rule does not apply to it: only why.
        let Some(reason) = reason else {
            ctx.error(
                f.pos,
                msg!(
                    "`{path}`: `applies: false` には理由（`reason:`）が必要です",
                    "`{path}`: `applies: false` needs a `reason:`"
                ),
            );
            return None;
        };
        let name = f
            .get("name")
            .and_then(|n| label(ctx, n, &join(path, "name")));
        let authority = f
            .get("authority")
            .and_then(|n| label(ctx, n, &join(path, "authority")));
        let id = id?;
        return Some(Rule {
            name: name.unwrap_or_else(|| Label::new(&id, &id)),
            authority: authority.unwrap_or_default(),
            id,
            effective_from: effective_from?,
            applies,
            reason: Some(reason),
            basis: Label::default(),
            confidence: Confidence::Check,
            note: None,
            sources: Vec::new(),
            report_when: ReportWhen::EveryIncident,
            public_body_sectors: Vec::new(),
            situations: Vec::new(),
            exemptions: Vec::new(),
            stages: Vec::new(),
            count_from: CountFrom::NextDay,
            items: Vec::new(),
            path: ctx.file.to_string(),
        });
    }
    let labelled = |ctx: &mut Ctx, name: &str, what| {
        f.require(ctx, name, path, what)
            .and_then(|n| label(ctx, n, &join(path, name)))
    };
    let name = labelled(
        ctx,
        "name",
        phrase(
            "報告の名前（ja: と en:）",
            "the report's name (ja: and en:)",
        ),
    );
    let authority = labelled(
        ctx,
        "authority",
        phrase("報告先（ja: と en:）", "to whom it is filed (ja: and en:)"),
    );
    let basis = labelled(
        ctx,
        "basis",
        phrase("根拠（条文など）", "its legal basis (articles)"),
    );
    let confidence = f
        .require(
            ctx,
            "confidence",
            path,
            phrase("high、medium、check のいずれか", "high, medium or check"),
        )
        .and_then(|n| {
            word(
                ctx,
                n,
                &join(path, "confidence"),
                &Confidence::NAMES,
                Confidence::parse,
            )
        });
    let note = f
        .get("note")
        .and_then(|n| label(ctx, n, &join(path, "note")));
    let sources = f
        .require(
            ctx,
            "sources",
            path,
            phrase("出典（URL など）", "its sources (URLs)"),
        )
        .map(|n| {
            let p = join(path, "sources");
            let list = fields::non_empty_list(ctx, n, &p, phrase("出典", "sources")).unwrap_or(&[]);
            list.iter()
                .enumerate()
                .filter_map(|(i, n)| fields::text(ctx, n, &item(&p, i), Lines::Join))
                .collect::<Vec<_>>()
        });
    let report_when = f
        .require(
            ctx,
            "report_when",
            path,
            phrase("situation か every-incident", "situation or every-incident"),
        )
        .and_then(|n| {
            word(
                ctx,
                n,
                &join(path, "report_when"),
                &["situation", "every-incident"],
                |w| match w {
                    "situation" => Some(ReportWhen::Situation),
                    "every-incident" => Some(ReportWhen::EveryIncident),
                    _ => None,
                },
            )
        });
    let public_body_sectors = f
        .get("public_body_sectors")
        .map(|n| {
            let p = join(path, "public_body_sectors");
            let list = fields::list(ctx, n, &p, phrase("業種ID", "sector ids")).unwrap_or(&[]);
            list.iter()
                .enumerate()
                .filter_map(|(i, n)| {
                    let p = item(&p, i);
                    let id = fields::text(ctx, n, &p, Lines::Join)?;
                    if let Some(sectors) = sectors
                        && !sectors.has(&id)
                    {
                        ctx.error(
                            n.pos,
                            msg!(
                                "`{p}`: 不明な業種 `{id}` です",
                                "`{p}`: unknown sector `{id}`"
                            )
                            .then(&sectors.suggest(&id)),
                        );
                        return None;
                    }
                    Some(id)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let situations = f
        .require(
            ctx,
            "situations",
            path,
            phrase(
                "報告が必要になる事態のリスト",
                "the list of situations that require a report",
            ),
        )
        .map(|n| conditions(ctx, n, &join(path, "situations")))
        .unwrap_or_default();
    let exemptions = f
        .get("exemptions")
        .map(|n| conditions(ctx, n, &join(path, "exemptions")))
        .unwrap_or_default();
    let stages = f
        .require(
            ctx,
            "stages",
            path,
            phrase(
                "報告の段階（速報、確報）",
                "the stages (preliminary, final)",
            ),
        )
        .map(|n| stages(ctx, n, &join(path, "stages"), &situations))
        .unwrap_or_default();
    let count_from = match f.get("count_from") {
        None => Some(CountFrom::NextDay),
        Some(n) => word(
            ctx,
            n,
            &join(path, "count_from"),
            &["next-day", "discovered"],
            |w| match w {
                "next-day" => Some(CountFrom::NextDay),
                "discovered" => Some(CountFrom::Discovered),
                _ => None,
            },
        ),
    };
    let items = f
        .require(
            ctx,
            "items",
            path,
            phrase("報告の項目のリスト", "the list of the report's items"),
        )
        .map(|n| items(ctx, n, &join(path, "items")))
        .unwrap_or_default();
    Some(Rule {
        id: id?,
        effective_from: effective_from?,
        applies,
        reason,
        name: name?,
        authority: authority?,
        basis: basis?,
        confidence: confidence?,
        note,
        sources: sources?,
        report_when: report_when?,
        public_body_sectors,
        situations,
        exemptions,
        stages,
        count_from: count_from?,
        items,
        path: ctx.file.to_string(),
    })
}
