//! Reading a team's own incident's fields: the `leak` facts (true, false or
//! unknown) and the `reports` filed, each `to` and `stage` checked against the
//! report rules loaded with the catalogs.

use std::sync::LazyLock;

use super::value::value;
use crate::diag::phrase;
use crate::fields::{self, Ctx, Fields, item, join};
use crate::format;
use crate::model::{DatePrecision, Fact, Filed, Leak, PartialDate};
use crate::msg;
use crate::rules::Rules;
use crate::suggest;
use crate::text::Lines;
use crate::yaml::{Node, Value};

static LEAK_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::LEAK));
static REPORT_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::REPORT));

/// `leak:`; a fact not written is unknown.
pub(super) fn leak(ctx: &mut Ctx, node: &Node) -> Option<Leak> {
    let what = phrase(
        "漏えい等報告の要否を決める事実（sensitive: true など）",
        "the facts a leak report turns on (sensitive: true, ...)",
    );
    let f = Fields::read(ctx, node, "leak", what, &LEAK_NAMES)?;
    let mut fact = |name: &str| {
        value(ctx, &f, format::LEAK, name, "leak").and_then(|n| read_fact(ctx, n, name))
    };
    Some(Leak {
        sensitive: fact("sensitive").unwrap_or_default(),
        financial: fact("financial").unwrap_or_default(),
        malicious: fact("malicious").unwrap_or_default(),
        encrypted: fact("encrypted").unwrap_or_default(),
        recovered_unseen: fact("recovered_unseen").unwrap_or_default(),
        public_body: fact("public_body"),
    })
}

/// `true`, `false` or `unknown`; `TODO` asks the fact's question.
fn read_fact(ctx: &mut Ctx, node: &Node, name: &str) -> Option<Fact> {
    let path = join("leak", name);
    let question = format::get(format::LEAK, name).map_or(("", ""), |f| (f.ja, f.en));
    let (q_ja, q_en) = question;
    let raw = match &node.value {
        Value::Scalar { text, .. } => text.trim().to_string(),
        _ => {
            let kind = node.kind();
            let (kind_ja, kind) = (kind.ja, kind.en);
            ctx.error(
                node.pos,
                msg!(
                    "`{path}`: `true`、`false`、`unknown` のいずれかが必要ですが、{kind_ja}が書かれています",
                    "`{path}`: expected true, false or unknown, found {kind}"
                ),
            );
            return None;
        }
    };
    if raw == "TODO" {
        ctx.error(
            node.pos,
            msg!(
                "`{path}`: まだ TODO のままです。{q_ja}？ `true` か `false`、分からなければ `unknown` と書きます",
                "`{path}`: still TODO; {q_en} Answer true or false, or unknown while it is not known"
            ),
        );
        return None;
    }
    let word = raw.to_ascii_lowercase();
    if let Some(f) = Fact::parse(&word) {
        return Some(f);
    }
    let shown = crate::text::line(&raw);
    let hint = suggest::did_you_mean(&suggest::nearest(&word, Fact::NAMES, 1));
    ctx.error(
        node.pos,
        msg!(
            "`{path}`: `{shown}` は使えません。`true`、`false`、`unknown` のいずれかを書きます",
            "`{path}`: `{shown}` is not accepted; expected true, false or unknown"
        )
        .then(&hint),
    );
    None
}

/// `reports:`, each `{to, stage, date}`.
pub(super) fn reports(
    ctx: &mut Ctx,
    node: &Node,
    rules: &Rules,
    discovered: Option<PartialDate>,
) -> Vec<Filed> {
    let what = phrase("提出した報告", "reports filed");
    let Some(items) = fields::list(ctx, node, "reports", what) else {
        return Vec::new();
    };
    let mut out: Vec<Filed> = Vec::new();
    for (i, n) in items.iter().enumerate() {
        let path = item("reports", i);
        let what = phrase(
            "`to`、`stage`、`date` を持つ報告",
            "a report with `to`, `stage` and `date`",
        );
        let Some(f) = Fields::read(ctx, n, &path, what, &REPORT_NAMES) else {
            continue;
        };
        let r = format::REPORT;
        let to = value(ctx, &f, r, "to", &path).and_then(|n| {
            one_of(
                ctx,
                n,
                &join(&path, "to"),
                &rules.ids(),
                "提出先",
                "recipient",
            )
        });
        let stage = value(ctx, &f, r, "stage", &path).and_then(|n| {
            let ids = match &to {
                Some(to) => rules.stage_ids(to),
                None => rules.all_stage_ids(),
            };
            one_of(ctx, n, &join(&path, "stage"), &ids, "段階", "stage")
        });
        let date = value(ctx, &f, r, "date", &path).and_then(|n| {
            let p = join(&path, "date");
            let s = fields::text(ctx, n, &p, Lines::Join)?;
            PartialDate::parse(&s, DatePrecision::Day)
                .map_err(|e| ctx.error(n.pos, msg!("`{p}`: ", "`{p}`: ").then(&e)))
                .ok()
        });
        let (Some(to), Some(stage), Some(date)) = (to, stage, date) else {
            continue;
        };
        if let (Some(d), Some(n)) = (discovered, f.get("date"))
            && d.is_after(&date)
        {
            ctx.warning(
                n.pos,
                msg!(
                    "`{path}.date`（{date}）が発覚日 `discovered`（{d}）より前になっています",
                    "`{path}.date` ({date}) is earlier than `discovered` ({d})"
                ),
            );
        }
        if out.iter().any(|o| o.to == to && o.stage == stage) {
            ctx.warning(
                f.pos,
                msg!(
                    "`{path}`: {to} への {stage} は既に書かれています（最初の日付を使います）",
                    "`{path}`: the {stage} report to {to} is already listed (the first date counts)"
                ),
            );
            continue;
        }
        out.push(Filed { to, stage, date });
    }
    out
}

/// An id from the report rules, or an error naming them (and the nearest).
fn one_of(
    ctx: &mut Ctx,
    node: &Node,
    path: &str,
    ids: &[&str],
    what_ja: &str,
    what_en: &str,
) -> Option<String> {
    let id = fields::text(ctx, node, path, Lines::Join)?;
    // Without any rules loaded (their file failed), nothing can be checked.
    if ids.is_empty() || ids.contains(&id.as_str()) {
        return Some(id);
    }
    let hint = suggest::did_you_mean(&suggest::nearest(&id, ids.iter().copied(), 1));
    let ja = ids
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join("、");
    let en = ids.join(", ");
    ctx.error(
        node.pos,
        msg!(
            "`{path}`: 不明な{what_ja} `{id}` です",
            "`{path}`: unknown {what_en} `{id}`"
        )
        .then(&hint)
        .then(&msg!(
            "（使える値: {ja}。`catalogs/report-rules.yaml` の規則による）",
            " (known: {en}, from the report rules in catalogs/report-rules.yaml)"
        )),
    );
    None
}
