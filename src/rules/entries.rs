//! Reading the entries of a rule: its situations and exemptions (each
//! turning on a leak fact or on the number of persons), its stages with
//! their deadlines, and the items of its report.

use super::values::{boolean, days, own_label, slug, word};
use crate::diag::phrase;
use crate::fields::{self, Ctx, Fields, item, join};
use crate::msg;
use crate::rules::{Condition, Fill, PublicBody, ReportItem, Stage, StageWhen, Test};
use crate::text::Lines;
use crate::yaml::{Node, Value};

const CONDITION_FIELDS: &[&str] = &[
    "id",
    "basis",
    "ja",
    "en",
    "fact",
    "people_over",
    "public_body",
];
const PUBLIC_BODY_FIELDS: &[&str] = &["people_over", "basis", "source"];
const STAGE_FIELDS: &[&str] = &[
    "id", "ja", "en", "basis", "days", "guidance", "days_if", "when",
];
const ITEM_FIELDS: &[&str] = &["no", "ja", "en", "from"];

/// The leak facts a situation or an exemption may turn on.
pub const FACTS: &[&str] = &[
    "sensitive",
    "financial",
    "malicious",
    "encrypted",
    "recovered_unseen",
];

pub(super) fn conditions(ctx: &mut Ctx, node: &Node, path: &str) -> Vec<Condition> {
    let Some(list) = fields::list(ctx, node, path, phrase("事態", "situations")) else {
        return Vec::new();
    };
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (i, n) in list.iter().enumerate() {
        let p = item(path, i);
        let what = phrase(
            "id、basis、ja・en と fact か people_over を持つ項目",
            "an entry with id, basis, ja/en and fact or people_over",
        );
        let Some(f) = Fields::read(ctx, n, &p, what, CONDITION_FIELDS) else {
            continue;
        };
        let id = f
            .require(
                ctx,
                "id",
                &p,
                phrase("ID（\"7-1\" など）", "an id (\"7-1\", ...)"),
            )
            .and_then(|n| fields::text(ctx, n, &join(&p, "id"), Lines::Join));
        let basis = f
            .require(
                ctx,
                "basis",
                &p,
                phrase("根拠（条文）", "its basis (article)"),
            )
            .and_then(|n| fields::text(ctx, n, &join(&p, "basis"), Lines::Join));
        let title = own_label(ctx, &f, &p);
        let test = match (f.get("fact"), f.get("people_over")) {
            (Some(n), None) => word(ctx, n, &join(&p, "fact"), FACTS, |w| {
                FACTS.contains(&w).then(|| w.to_string())
            })
            .map(Test::Fact),
            (None, Some(n)) => {
                let over = fields::whole_number(ctx, n, &join(&p, "people_over"));
                let public_body = f
                    .get("public_body")
                    .and_then(|n| public_body(ctx, n, &join(&p, "public_body")));
                over.map(|over| Test::PeopleOver { over, public_body })
            }
            _ => {
                ctx.error(
                    f.pos,
                    msg!(
                        "`{p}` には `fact:` か `people_over:` のどちらか一つが必要です",
                        "`{p}` needs exactly one of `fact:` and `people_over:`"
                    ),
                );
                None
            }
        };
        if let (Some(n), Some(Test::Fact(_))) = (f.get("public_body"), &test) {
            ctx.error(
                n.pos,
                msg!(
                    "`{p}.public_body` は `people_over:` のある項目にだけ書けます",
                    "`{p}.public_body` belongs only with `people_over:`"
                ),
            );
        }
        let Some(id) = id else { continue };
        if seen.contains(&id) {
            ctx.error(
                f.pos,
                msg!(
                    "`{p}.id`: `{id}` が2回使われています",
                    "`{p}.id`: `{id}` is used twice"
                ),
            );
            continue;
        }
        seen.push(id.clone());
        if let (Some(basis), Some(title), Some(test)) = (basis, title, test) {
            out.push(Condition {
                id,
                basis,
                title,
                test,
            });
        }
    }
    out
}

pub(super) fn public_body(ctx: &mut Ctx, node: &Node, path: &str) -> Option<PublicBody> {
    let what = phrase("people_over と basis", "people_over and basis");
    let f = Fields::read(ctx, node, path, what, PUBLIC_BODY_FIELDS)?;
    let over = f
        .require(
            ctx,
            "people_over",
            path,
            phrase("人数", "a number of persons"),
        )
        .and_then(|n| fields::whole_number(ctx, n, &join(path, "people_over")));
    let basis = f
        .require(
            ctx,
            "basis",
            path,
            phrase("根拠（条文）", "its basis (article)"),
        )
        .and_then(|n| fields::text(ctx, n, &join(path, "basis"), Lines::Join));
    let source = f
        .get("source")
        .and_then(|n| fields::text(ctx, n, &join(path, "source"), Lines::Join));
    Some(PublicBody {
        over: over?,
        basis: basis?,
        source,
    })
}

pub(super) fn stages(
    ctx: &mut Ctx,
    node: &Node,
    path: &str,
    situations: &[Condition],
) -> Vec<Stage> {
    let what = phrase("報告の段階", "stages");
    let Some(list) = fields::non_empty_list(ctx, node, path, what) else {
        return Vec::new();
    };
    let mut out: Vec<Stage> = Vec::new();
    for (i, n) in list.iter().enumerate() {
        let p = item(path, i);
        let what = phrase(
            "id、ja・en、basis、days を持つ段階",
            "a stage with id, ja/en, basis and days",
        );
        let Some(f) = Fields::read(ctx, n, &p, what, STAGE_FIELDS) else {
            continue;
        };
        let id = f
            .require(
                ctx,
                "id",
                &p,
                phrase(
                    "段階ID（preliminary、final など）",
                    "a stage id (preliminary, final, ...)",
                ),
            )
            .and_then(|n| slug(ctx, n, &join(&p, "id")));
        let title = own_label(ctx, &f, &p);
        let basis = f
            .require(ctx, "basis", &p, phrase("根拠", "its basis"))
            .and_then(|n| fields::text(ctx, n, &join(&p, "basis"), Lines::Join));
        let days = f
            .require(
                ctx,
                "days",
                &p,
                phrase("発覚からの日数", "the number of days from discovery"),
            )
            .and_then(|n| days(ctx, n, &join(&p, "days")));
        let guidance = match f.get("guidance") {
            Some(n) => boolean(ctx, n, &join(&p, "guidance")),
            None => Some(false),
        };
        let days_if = f
            .get("days_if")
            .map(|n| days_if(ctx, n, &join(&p, "days_if"), situations))
            .unwrap_or_default();
        let when = match f.get("when") {
            None => Some(StageWhen::Required),
            Some(n) => word(
                ctx,
                n,
                &join(&p, "when"),
                &["required", "situation"],
                |w| match w {
                    "required" => Some(StageWhen::Required),
                    "situation" => Some(StageWhen::Situation),
                    _ => None,
                },
            ),
        };
        let Some(id) = id else { continue };
        if out.iter().any(|s| s.id == id) {
            ctx.error(
                f.pos,
                msg!(
                    "`{p}.id`: `{id}` が2回使われています",
                    "`{p}.id`: `{id}` is used twice"
                ),
            );
            continue;
        }
        if let (Some(title), Some(basis), Some(days), Some(guidance), Some(when)) =
            (title, basis, days, guidance, when)
        {
            out.push(Stage {
                id,
                title,
                basis,
                days,
                guidance,
                days_if,
                when,
            });
        }
    }
    out
}

/// `{"7-3": 60}`: longer deadlines when a situation of the rule applies.
pub(super) fn days_if(
    ctx: &mut Ctx,
    node: &Node,
    path: &str,
    situations: &[Condition],
) -> Vec<(String, i64)> {
    let Value::Map(pairs) = &node.value else {
        let kind = node.kind();
        let (kind_ja, kind) = (kind.ja, kind.en);
        ctx.error(
            node.pos,
            msg!(
                "`{path}`: 事態IDと日数のマッピング（{{\"7-3\": 60}}）が必要ですが、{kind_ja}が書かれています",
                "`{path}`: expected a mapping of situation ids to days ({{\"7-3\": 60}}), found {kind}"
            ),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, v) in pairs {
        let Some(id) = fields::text(ctx, k, path, Lines::Join) else {
            continue;
        };
        let p = format!("{path}.{id}");
        if !situations.iter().any(|s| s.id == id) {
            let ids: Vec<&str> = situations.iter().map(|s| s.id.as_str()).collect();
            let known = ids.join(", ");
            ctx.error(
                k.pos,
                msg!(
                    "`{p}`: この規則に事態 `{id}` はありません（あるもの: {known}）",
                    "`{p}`: this rule has no situation `{id}` (it has: {known})"
                ),
            );
            continue;
        }
        if let Some(d) = days(ctx, v, &p) {
            out.push((id, d));
        }
    }
    out
}

pub(super) fn items(ctx: &mut Ctx, node: &Node, path: &str) -> Vec<ReportItem> {
    let what = phrase("報告の項目", "report items");
    let Some(list) = fields::non_empty_list(ctx, node, path, what) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, n) in list.iter().enumerate() {
        let p = item(path, i);
        let what = phrase("ja・en と from を持つ項目", "an item with ja/en and from");
        let Some(f) = Fields::read(ctx, n, &p, what, ITEM_FIELDS) else {
            continue;
        };
        let no = f
            .get("no")
            .and_then(|n| fields::whole_number(ctx, n, &join(&p, "no")))
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        let title = own_label(ctx, &f, &p);
        let from = f
            .require(
                ctx,
                "from",
                &p,
                phrase(
                    "事例のどこから埋めるか（summary、data など）",
                    "what of a case fills it (summary, data, ...)",
                ),
            )
            .map(|n| fills(ctx, n, &join(&p, "from")));
        if let (Some(title), Some(from)) = (title, from) {
            out.push(ReportItem { no, title, from });
        }
    }
    out
}

/// `from: summary` or `from: [reports, sources]`.
pub(super) fn fills(ctx: &mut Ctx, node: &Node, path: &str) -> Vec<Fill> {
    let nodes: Vec<(String, &Node)> = match &node.value {
        Value::Seq(items) => items
            .iter()
            .enumerate()
            .map(|(i, n)| (item(path, i), n))
            .collect(),
        _ => vec![(path.to_string(), node)],
    };
    nodes
        .into_iter()
        .filter_map(|(p, n)| word(ctx, n, &p, &Fill::NAMES, Fill::parse))
        .collect()
}
