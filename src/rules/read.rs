//! Reading a report-rules file (`kind: report-rules`): every rule version,
//! each field checked and every problem reported at its line and column. A
//! rule with an error is left out; the other rules of the file still load.

use std::collections::HashMap;

use time::Date;

use super::{
    Condition, Confidence, CountFrom, Fill, PublicBody, ReportItem, ReportWhen, Rule, Stage,
    StageWhen, Test,
};
use crate::catalog::Catalog;
use crate::diag::phrase;
use crate::lang::Label;
use crate::load::fields::{self, Ctx, Fields, item, join};
use crate::model::{DatePrecision, PartialDate};
use crate::msg;
use crate::suggest;
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
const LABEL_FIELDS: &[&str] = &["ja", "en"];

/// The leak facts a situation or an exemption may turn on.
pub const FACTS: &[&str] = &[
    "sensitive",
    "financial",
    "malicious",
    "encrypted",
    "recovered_unseen",
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

/// Reads the rules of a report-rules file. Problems go to `ctx`; a rule with
/// an error is left out. `sectors` checks `public_body_sectors`.
pub fn from_node(ctx: &mut Ctx, root: &Node, sectors: Option<&Catalog>) -> Vec<Rule> {
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

fn rule(ctx: &mut Ctx, node: &Node, path: &str, sectors: Option<&Catalog>) -> Option<Rule> {
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
                    if let Some(catalog) = sectors
                        && catalog.get(&id).is_none()
                    {
                        ctx.error(
                            n.pos,
                            msg!(
                                "`{p}`: 不明な業種 `{id}` です",
                                "`{p}`: unknown sector `{id}`"
                            )
                            .then(&catalog.suggest(&id)),
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

fn conditions(ctx: &mut Ctx, node: &Node, path: &str) -> Vec<Condition> {
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

fn public_body(ctx: &mut Ctx, node: &Node, path: &str) -> Option<PublicBody> {
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

fn stages(ctx: &mut Ctx, node: &Node, path: &str, situations: &[Condition]) -> Vec<Stage> {
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
fn days_if(ctx: &mut Ctx, node: &Node, path: &str, situations: &[Condition]) -> Vec<(String, i64)> {
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

fn items(ctx: &mut Ctx, node: &Node, path: &str) -> Vec<ReportItem> {
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
fn fills(ctx: &mut Ctx, node: &Node, path: &str) -> Vec<Fill> {
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

/// The `ja:`/`en:` title written on the entry itself.
fn own_label(ctx: &mut Ctx, f: &Fields, path: &str) -> Option<Label> {
    let ja = f
        .get("ja")
        .and_then(|n| fields::text(ctx, n, &join(path, "ja"), Lines::Join));
    let en = f
        .get("en")
        .and_then(|n| fields::text(ctx, n, &join(path, "en"), Lines::Join));
    if ja.is_none() && en.is_none() {
        ctx.error(
            f.pos,
            msg!(
                "`{path}` には表題（`ja:` か `en:`、または両方）が必要です",
                "`{path}` needs a title: `ja:` or `en:` (or both)"
            ),
        );
        return None;
    }
    Some(Label {
        ja: ja.unwrap_or_default(),
        en: en.unwrap_or_default(),
    })
}

/// Text in both languages: `{ja: ..., en: ...}`, or one text for both.
fn label(ctx: &mut Ctx, node: &Node, path: &str) -> Option<Label> {
    if let Value::Scalar { .. } = node.value {
        let text = fields::text(ctx, node, path, Lines::Join)?;
        return Some(Label {
            ja: text.clone(),
            en: text,
        });
    }
    let what = phrase("ja: と en: の文", "ja: and en: texts");
    let f = Fields::read(ctx, node, path, what, LABEL_FIELDS)?;
    own_label(ctx, &f, path)
}

fn slug(ctx: &mut Ctx, node: &Node, path: &str) -> Option<String> {
    let id = fields::text(ctx, node, path, Lines::Join)?;
    if crate::catalog::is_slug(&id) {
        return Some(id);
    }
    ctx.error(
        node.pos,
        msg!(
            "`{path}`: `{id}` には小文字の a-z、数字の 0-9 と `-` だけが使えます",
            "`{path}`: `{id}` may use only lowercase a-z, digits 0-9 and `-`"
        ),
    );
    None
}

fn day(ctx: &mut Ctx, node: &Node, path: &str) -> Option<Date> {
    let s = fields::text(ctx, node, path, Lines::Join)?;
    PartialDate::parse(&s, DatePrecision::Day)
        .ok()
        .and_then(crate::date::day)
        .or_else(|| {
            ctx.error(
                node.pos,
                msg!(
                    "`{path}`: `{s}` は YYYY-MM-DD の形の暦にある日付ではありません",
                    "`{path}`: `{s}` is not a calendar date in the form YYYY-MM-DD"
                ),
            );
            None
        })
}

fn days(ctx: &mut Ctx, node: &Node, path: &str) -> Option<i64> {
    let n = fields::whole_number(ctx, node, path)?;
    if (1..=3650).contains(&n) {
        return i64::try_from(n).ok();
    }
    ctx.error(
        node.pos,
        msg!(
            "`{path}`: 日数は 1 から 3650 までです（{n} と書かれています）",
            "`{path}`: days must be 1 to 3650 (found {n})"
        ),
    );
    None
}

fn boolean(ctx: &mut Ctx, node: &Node, path: &str) -> Option<bool> {
    word(ctx, node, path, &["true", "false"], |w| match w {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    })
}

/// One of a fixed set of words, or an error naming them (and the nearest).
fn word<T>(
    ctx: &mut Ctx,
    node: &Node,
    path: &str,
    names: &[&str],
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let w = fields::text(ctx, node, path, Lines::Join)?;
    if let Some(v) = parse(&w) {
        return Some(v);
    }
    let hint = suggest::did_you_mean(&suggest::nearest(&w, names.iter().copied(), 1));
    let ja = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join("、");
    let en = names.join(", ");
    ctx.error(
        node.pos,
        msg!(
            "`{path}`: `{w}` は使えません",
            "`{path}`: `{w}` is not accepted"
        )
        .then(&hint)
        .then(&msg!("（使える値: {ja}）", " (expected one of: {en})")),
    );
    None
}
