//! Reading one case file's tree into a [`Case`], checking every rule of format v1.

use std::sync::LazyLock;

use super::value::value;
use crate::catalog::{Catalogs, Kind, is_slug};
use crate::diag::{Message, Phrase, phrase};
use crate::fields::{self, Ctx, Fields, item, join};
use crate::format;
use crate::load::incident;
use crate::load::measure::measure;
use crate::model::{Affected, Case, DatePrecision, PartialDate, RootCause, Source};
use crate::msg;
use crate::text::Lines;
use crate::yaml::Node;

// The names each place accepts, from the format's one table.
static CASE_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::CASE));
static AFFECTED_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::AFFECTED));
static CAUSE_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::ROOT_CAUSE));
static SOURCE_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::SOURCE));

/// Reads a case. Problems go to `ctx`; None when the case has any error.
pub fn from_node(ctx: &mut Ctx, root: &Node, catalogs: &Catalogs) -> Option<Case> {
    let f = Fields::read(ctx, root, "", phrase("事例", "a case"), &CASE_NAMES)?;

    let c = format::CASE;
    let id = value(ctx, &f, c, "id", "").and_then(|n| {
        let id = fields::text(ctx, n, "id", Lines::Join)?;
        if !is_slug(&id) {
            ctx.error(
                n.pos,
                msg!(
                    "`id`: `{id}` には小文字の a-z、数字の 0-9 と `-` だけが使えます",
                    "`id`: `{id}` may use only lowercase a-z, digits 0-9 and `-`"
                ),
            );
            return None;
        }
        Some(id)
    });
    let copied_from = value(ctx, &f, c, "copied_from", "").and_then(|n| {
        let from = fields::text(ctx, n, "copied_from", Lines::Join)?;
        if !is_slug(&from) {
            ctx.error(
                n.pos,
                msg!(
                    "`copied_from`: `{from}` には小文字の a-z、数字の 0-9 と `-` だけが使えます（事例IDを書きます）",
                    "`copied_from`: `{from}` may use only lowercase a-z, digits 0-9 and `-`"
                ),
            );
            return None;
        }
        Some(from)
    });
    let title =
        value(ctx, &f, c, "title", "").and_then(|n| fields::text(ctx, n, "title", Lines::Join));
    let organization = value(ctx, &f, c, "organization", "")
        .and_then(|n| fields::text(ctx, n, "organization", Lines::Join));
    let sector = value(ctx, &f, c, "sector", "")
        .and_then(|n| vocabulary(ctx, catalogs, n, "sector", Kind::Sectors));
    let published = value(ctx, &f, c, "published", "")
        .and_then(|n| date(ctx, n, "published", DatePrecision::Any));
    let discovered = value(ctx, &f, c, "discovered", "")
        .and_then(|n| date(ctx, n, "discovered", DatePrecision::Day));
    // `published` is required unless the incident was never made public,
    // which `discovered` in its place says.
    if f.get("published").is_none() && f.get("discovered").is_none() {
        ctx.error(
            f.pos,
            msg!(
                "必須の項目 `published` がありません。書くもの: 組織が公表した日（YYYY-MM-DD）。公表していない事例では代わりに発覚日 `discovered` を書きます",
                "missing required field `published` (the date it was made public, YYYY-MM-DD; for an incident never made public, give `discovered` instead)"
            ),
        );
    }
    let occurred = value(ctx, &f, c, "occurred", "")
        .and_then(|n| date(ctx, n, "occurred", DatePrecision::Any));
    let summary =
        value(ctx, &f, c, "summary", "").and_then(|n| fields::text(ctx, n, "summary", Lines::Keep));
    let affected = value(ctx, &f, c, "affected", "").and_then(|n| affected(ctx, n));

    let root_causes = value(ctx, &f, c, "root_causes", "")
        .and_then(|n| fields::non_empty_list(ctx, n, "root_causes", phrase("原因", "root causes")))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| root_cause(ctx, catalogs, n, &item("root_causes", i)))
                .collect::<Vec<_>>()
        });
    let measures = value(ctx, &f, c, "measures", "")
        .and_then(|n| fields::non_empty_list(ctx, n, "measures", phrase("再発防止策", "measures")))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| measure(ctx, catalogs, n, &item("measures", i)))
                .collect::<Vec<_>>()
        });
    let response = value(ctx, &f, c, "response", "")
        .map(|n| fields::text_list(ctx, n, "response", phrase("行った対応", "actions taken")))
        .unwrap_or_default();
    let sources = value(ctx, &f, c, "sources", "")
        .and_then(|n| fields::non_empty_list(ctx, n, "sources", phrase("出典", "sources")))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| source(ctx, n, &item("sources", i)))
                .collect::<Vec<_>>()
        });
    let tags = value(ctx, &f, c, "tags", "")
        .map(|n| tags(ctx, n))
        .unwrap_or_default();
    let leak = value(ctx, &f, c, "leak", "").and_then(|n| incident::leak(ctx, n));
    let reports = value(ctx, &f, c, "reports", "")
        .map(|n| incident::reports(ctx, n, &catalogs.rules, discovered))
        .unwrap_or_default();
    let threats = value(ctx, &f, c, "threats", "")
        .map(|n| threats(ctx, catalogs, n))
        .unwrap_or_default();

    if let (Some(p), Some(o), Some(n)) = (published, occurred, f.get("occurred"))
        && o.is_after(&p)
    {
        ctx.warning(
            n.pos,
            msg!(
                "`occurred`（{o}）が `published`（{p}）より後になっています",
                "`occurred` ({o}) is later than `published` ({p})"
            ),
        );
    }
    if let (Some(d), Some(o), Some(n)) = (discovered, occurred, f.get("occurred"))
        && o.is_after(&d)
    {
        ctx.warning(
            n.pos,
            msg!(
                "`occurred`（{o}）が `discovered`（{d}）より後になっています",
                "`occurred` ({o}) is later than `discovered` ({d})"
            ),
        );
    }
    if let (Some(p), Some(d), Some(n)) = (published, discovered, f.get("discovered"))
        && d.is_after(&p)
    {
        ctx.warning(
            n.pos,
            msg!(
                "`discovered`（{d}）が `published`（{p}）より後になっています",
                "`discovered` ({d}) is later than `published` ({p})"
            ),
        );
    }
    if ctx.has_errors() {
        return None;
    }
    Some(Case {
        id: id?,
        copied_from,
        title: title?,
        organization: organization?,
        sector: sector?,
        published,
        discovered,
        occurred,
        summary: summary?,
        affected,
        root_causes: root_causes?,
        measures: measures?,
        response,
        sources: sources?,
        tags,
        leak,
        reports,
        threats,
    })
}

fn date(ctx: &mut Ctx, node: &Node, path: &str, precision: DatePrecision) -> Option<PartialDate> {
    let s = fields::text(ctx, node, path, Lines::Join)?;
    PartialDate::parse(&s, precision)
        .map_err(|e| ctx.error(node.pos, msg!("`{path}`: ", "`{path}`: ").then(&e)))
        .ok()
}

/// A cause or sector id, checked against its vocabulary.
fn vocabulary(
    ctx: &mut Ctx,
    catalogs: &Catalogs,
    node: &Node,
    path: &str,
    kind: Kind,
) -> Option<String> {
    let id = fields::text(ctx, node, path, Lines::Join)?;
    let catalog = catalogs.of_kind(kind)?;
    if catalog.get(&id).is_some() {
        return Some(id);
    }
    let Phrase {
        ja: what_ja,
        en: what,
    } = if kind == Kind::Causes {
        phrase("原因分類", "cause category")
    } else {
        phrase("業種", "sector")
    };
    let hint = catalog.suggest(&id);
    let known = if hint.en.is_empty() {
        let ids: Vec<&str> = catalog.items.iter().map(|i| i.id.as_str()).collect();
        let ids = ids.join(", ");
        msg!("（使える値: {ids}）", " (known: {ids})")
    } else {
        Message::default()
    };
    ctx.error(
        node.pos,
        msg!(
            "`{path}`: 不明な{what_ja} `{id}` です",
            "`{path}`: unknown {what} `{id}`"
        )
        .then(&hint)
        .then(&known),
    );
    None
}

fn affected(ctx: &mut Ctx, node: &Node) -> Option<Affected> {
    let f = Fields::read(
        ctx,
        node,
        "affected",
        phrase(
            "影響を受けた人数・件数・情報",
            "the affected people, records and data",
        ),
        &AFFECTED_NAMES,
    )?;
    let a = format::AFFECTED;
    Some(Affected {
        people: value(ctx, &f, a, "people", "affected")
            .and_then(|n| fields::whole_number(ctx, n, "affected.people")),
        records: value(ctx, &f, a, "records", "affected")
            .and_then(|n| fields::whole_number(ctx, n, "affected.records")),
        data: value(ctx, &f, a, "data", "affected")
            .map(|n| {
                fields::text_list(
                    ctx,
                    n,
                    "affected.data",
                    phrase("情報の種類", "kinds of data"),
                )
            })
            .unwrap_or_default(),
    })
}

fn root_cause(ctx: &mut Ctx, catalogs: &Catalogs, node: &Node, path: &str) -> Option<RootCause> {
    let f = Fields::read(
        ctx,
        node,
        path,
        phrase(
            "`category` と `text` を持つ原因",
            "a root cause with `category` and `text`",
        ),
        &CAUSE_NAMES,
    )?;
    let r = format::ROOT_CAUSE;
    let category = value(ctx, &f, r, "category", path)
        .and_then(|n| vocabulary(ctx, catalogs, n, &join(path, "category"), Kind::Causes));
    let text = value(ctx, &f, r, "text", path)
        .and_then(|n| fields::text(ctx, n, &join(path, "text"), Lines::Join));
    Some(RootCause {
        category: category?,
        text: text?,
    })
}

fn source(ctx: &mut Ctx, node: &Node, path: &str) -> Option<Source> {
    let f = Fields::read(
        ctx,
        node,
        path,
        phrase(
            "`publisher` と `title` を持つ出典",
            "a source with `publisher` and `title`",
        ),
        &SOURCE_NAMES,
    )?;
    let s = format::SOURCE;
    let publisher = value(ctx, &f, s, "publisher", path)
        .and_then(|n| fields::text(ctx, n, &join(path, "publisher"), Lines::Join));
    let title = value(ctx, &f, s, "title", path)
        .and_then(|n| fields::text(ctx, n, &join(path, "title"), Lines::Join));
    let date = value(ctx, &f, s, "date", path)
        .and_then(|n| date(ctx, n, &join(path, "date"), DatePrecision::Any));
    let url = value(ctx, &f, s, "url", path).and_then(|n| {
        let path = join(path, "url");
        if let crate::yaml::Value::Scalar { text: raw, .. } = &n.value
            && raw.trim() != "TODO"
            && let Some(problem) = url_problem(raw.trim())
        {
            let shown = crate::text::line(raw.trim());
            let Phrase {
                ja: problem_ja,
                en: problem,
            } = problem;
            ctx.error(
                n.pos,
                msg!(
                    "`{path}`: `{shown}` はウェブのアドレスではありません。{problem_ja}（https://... の形で書きます）",
                    "`{path}`: `{shown}` is not a web address: {problem} (expected https://...)"
                ),
            );
            return None;
        }
        fields::text(ctx, n, &path, Lines::Join)
    });
    let accessed = value(ctx, &f, s, "accessed", path)
        .and_then(|n| self::date(ctx, n, &join(path, "accessed"), DatePrecision::Day));
    Some(Source {
        publisher: publisher?,
        title: title?,
        date,
        url,
        accessed,
    })
}

fn tags(ctx: &mut Ctx, node: &Node) -> Vec<String> {
    let Some(items) = fields::list(ctx, node, "tags", phrase("検索語", "search words")) else {
        return Vec::new();
    };
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for (i, n) in items.iter().enumerate() {
        let p = item("tags", i);
        if let Some(tag) = fields::text(ctx, n, &p, Lines::Join) {
            if seen.insert(tag.clone()) {
                out.push(tag);
            } else {
                ctx.warning(
                    n.pos,
                    msg!(
                        "`{p}`: タグ `{tag}` が2回書かれています",
                        "`{p}`: tag `{tag}` is listed twice"
                    ),
                );
            }
        }
    }
    out
}

/// `threats`: ids of the threat lists (any year's), each known to one of
/// them; an unknown id is an error with the nearest ids, a repeated one a
/// warning.
fn threats(ctx: &mut Ctx, catalogs: &Catalogs, node: &Node) -> Vec<String> {
    let Some(items) = fields::list(ctx, node, "threats", phrase("脅威の分類", "threat ids"))
    else {
        return Vec::new();
    };
    let known = catalogs.vocabulary(Kind::Threats);
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for (i, n) in items.iter().enumerate() {
        let p = item("threats", i);
        let Some(id) = fields::text(ctx, n, &p, Lines::Join) else {
            continue;
        };
        if out.contains(&id) {
            ctx.warning(
                n.pos,
                msg!(
                    "`{p}`: 脅威 `{id}` が2回書かれています",
                    "`{p}`: threat `{id}` is listed twice"
                ),
            );
            continue;
        }
        if known.contains(&id.as_str()) {
            out.push(id);
            continue;
        }
        let mut sorted = known.clone();
        sorted.sort_unstable();
        let hint = crate::suggest::did_you_mean(&crate::suggest::nearest(&id, sorted, 3));
        let all = known.join(", ");
        let listed = if hint.en.is_empty() {
            msg!("（使える値: {all}）", " (known: {all})")
        } else {
            Message::default()
        };
        ctx.error(
            n.pos,
            msg!(
                "`{p}`: 不明な脅威 `{id}` です",
                "`{p}`: unknown threat `{id}`"
            )
            .then(&hint)
            .then(&listed),
        );
    }
    out
}

/// Why a source URL is refused: only http(s) addresses, with no spaces, no
/// control or invisible characters and none of `<`, `>` or `"` (which could
/// end a link in the documents casebook writes).
pub fn url_problem(url: &str) -> Option<Phrase> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        None => Some(phrase(
            "http:// か https:// で始まるアドレスだけが使えます",
            "only http:// and https:// addresses are accepted",
        )),
        Some("") => Some(phrase("ホスト名がありません", "the address has no host")),
        Some(_) if url.chars().any(char::is_whitespace) => {
            Some(phrase("空白が含まれています", "it contains a space"))
        }
        Some(_)
            if url
                .chars()
                .any(|c| c.is_control() || crate::text::is_invisible_format(c)) =>
        {
            Some(phrase(
                "制御文字か見えない文字が含まれています",
                "it contains a control or invisible character",
            ))
        }
        Some(_) if url.contains(['<', '>', '"']) => Some(phrase(
            "<、>、\" のいずれかが含まれています",
            "it contains <, > or \"",
        )),
        Some(_) => None,
    }
}
