//! Reading one case file's tree into a [`Case`], checking every rule of format v1.

use std::sync::LazyLock;

use crate::catalog::{Catalogs, Kind, is_slug};
use crate::format;
use crate::load::fields::{self, Ctx, Fields, item, join};
use crate::model::{
    Affected, Case, ControlRef, DatePrecision, Measure, Origin, PartialDate, RootCause, Source,
};
use crate::suggest;
use crate::text::Lines;
use crate::yaml::Node;

// The names each place accepts, from the format's one table.
static CASE_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::CASE));
static AFFECTED_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::AFFECTED));
static CAUSE_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::ROOT_CAUSE));
static MEASURE_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::MEASURE));
static SOURCE_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::SOURCE));

/// A field's value, as the format table says: a required field is reported
/// when missing or empty, an optional one is simply absent.
fn value<'n>(
    ctx: &mut Ctx,
    f: &Fields<'n>,
    place: &'static [format::Field],
    name: &str,
    path: &str,
) -> Option<&'n Node> {
    match format::get(place, name) {
        Some(spec) if spec.required => f.require(ctx, name, path, spec.en),
        _ => f.get(name),
    }
}

/// Reads a case. Problems go to `ctx`; None when the case has any error.
pub fn from_node(ctx: &mut Ctx, root: &Node, catalogs: &Catalogs) -> Option<Case> {
    let f = Fields::read(ctx, root, "", "a case", &CASE_NAMES)?;

    let c = format::CASE;
    let id = value(ctx, &f, c, "id", "").and_then(|n| {
        let id = fields::text(ctx, n, "id", Lines::Join)?;
        if !is_slug(&id) {
            ctx.error(
                n.pos,
                format!("`id`: `{id}` may use only lowercase a-z, digits 0-9 and `-`"),
            );
            return None;
        }
        Some(id)
    });
    let title =
        value(ctx, &f, c, "title", "").and_then(|n| fields::text(ctx, n, "title", Lines::Join));
    let organization = value(ctx, &f, c, "organization", "")
        .and_then(|n| fields::text(ctx, n, "organization", Lines::Join));
    let sector = value(ctx, &f, c, "sector", "")
        .and_then(|n| vocabulary(ctx, catalogs, n, "sector", Kind::Sectors));
    let published = value(ctx, &f, c, "published", "")
        .and_then(|n| date(ctx, n, "published", DatePrecision::Any));
    let occurred = value(ctx, &f, c, "occurred", "")
        .and_then(|n| date(ctx, n, "occurred", DatePrecision::Any));
    let summary =
        value(ctx, &f, c, "summary", "").and_then(|n| fields::text(ctx, n, "summary", Lines::Keep));
    let affected = value(ctx, &f, c, "affected", "").and_then(|n| affected(ctx, n));

    let root_causes = value(ctx, &f, c, "root_causes", "")
        .and_then(|n| fields::non_empty_list(ctx, n, "root_causes", "root causes"))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| root_cause(ctx, catalogs, n, &item("root_causes", i)))
                .collect::<Vec<_>>()
        });
    let measures = value(ctx, &f, c, "measures", "")
        .and_then(|n| fields::non_empty_list(ctx, n, "measures", "measures"))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| measure(ctx, catalogs, n, &item("measures", i)))
                .collect::<Vec<_>>()
        });
    let response = value(ctx, &f, c, "response", "")
        .map(|n| fields::text_list(ctx, n, "response", "actions taken"))
        .unwrap_or_default();
    let sources = value(ctx, &f, c, "sources", "")
        .and_then(|n| fields::non_empty_list(ctx, n, "sources", "sources"))
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

    if let (Some(p), Some(o), Some(n)) = (published, occurred, f.get("occurred"))
        && o.is_after(&p)
    {
        ctx.warning(
            n.pos,
            format!("`occurred` ({o}) is later than `published` ({p})"),
        );
    }
    if ctx.has_errors() {
        return None;
    }
    Some(Case {
        id: id?,
        title: title?,
        organization: organization?,
        sector: sector?,
        published: published?,
        occurred,
        summary: summary?,
        affected,
        root_causes: root_causes?,
        measures: measures?,
        response,
        sources: sources?,
        tags,
    })
}

fn date(ctx: &mut Ctx, node: &Node, path: &str, precision: DatePrecision) -> Option<PartialDate> {
    let s = fields::text(ctx, node, path, Lines::Join)?;
    PartialDate::parse(&s, precision)
        .map_err(|e| ctx.error(node.pos, format!("`{path}`: {e}")))
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
    let what = if kind == Kind::Causes {
        "cause category"
    } else {
        "sector"
    };
    let hint = catalog.suggest(&id);
    let known = if hint.is_empty() {
        let ids: Vec<&str> = catalog.items.iter().map(|i| i.id.as_str()).collect();
        format!(" (known: {})", ids.join(", "))
    } else {
        String::new()
    };
    ctx.error(
        node.pos,
        format!("`{path}`: unknown {what} `{id}`{hint}{known}"),
    );
    None
}

fn affected(ctx: &mut Ctx, node: &Node) -> Option<Affected> {
    let f = Fields::read(
        ctx,
        node,
        "affected",
        "the affected people, records and data",
        &AFFECTED_NAMES,
    )?;
    let a = format::AFFECTED;
    Some(Affected {
        people: value(ctx, &f, a, "people", "affected")
            .and_then(|n| fields::whole_number(ctx, n, "affected.people")),
        records: value(ctx, &f, a, "records", "affected")
            .and_then(|n| fields::whole_number(ctx, n, "affected.records")),
        data: value(ctx, &f, a, "data", "affected")
            .map(|n| fields::text_list(ctx, n, "affected.data", "kinds of data"))
            .unwrap_or_default(),
    })
}

fn root_cause(ctx: &mut Ctx, catalogs: &Catalogs, node: &Node, path: &str) -> Option<RootCause> {
    let f = Fields::read(
        ctx,
        node,
        path,
        "a root cause with `category` and `text`",
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

fn measure(ctx: &mut Ctx, catalogs: &Catalogs, node: &Node, path: &str) -> Option<Measure> {
    let f = Fields::read(
        ctx,
        node,
        path,
        "a measure with `text` and `controls`",
        &MEASURE_NAMES,
    )?;
    let m = format::MEASURE;
    let text = value(ctx, &f, m, "text", path)
        .and_then(|n| fields::text(ctx, n, &join(path, "text"), Lines::Join));
    let controls_path = join(path, "controls");
    let controls = value(ctx, &f, m, "controls", path)
        .and_then(|n| fields::non_empty_list(ctx, n, &controls_path, "SCHEME:ID references"))
        .map(|items| {
            let mut refs: Vec<ControlRef> = Vec::new();
            for (i, n) in items.iter().enumerate() {
                let p = item(&controls_path, i);
                if let Some(r) = control(ctx, catalogs, n, &p) {
                    if refs.contains(&r) {
                        ctx.warning(n.pos, format!("`{p}`: `{r}` is listed twice"));
                    } else {
                        refs.push(r);
                    }
                }
            }
            refs
        });
    let origin = match value(ctx, &f, m, "origin", path) {
        None => Some(Origin::Reported),
        Some(n) => match fields::text(ctx, n, &join(path, "origin"), Lines::Join).as_deref() {
            Some(word) if Origin::parse(word).is_some() => Origin::parse(word),
            Some(other) => {
                let hint = suggest::did_you_mean(&suggest::nearest(other, Origin::NAMES, 1));
                ctx.error(
                    n.pos,
                    format!("`{path}.origin`: `{other}` is not an origin{hint} (expected reported, required or editorial)"),
                );
                None
            }
            None => None,
        },
    };
    let by = value(ctx, &f, m, "by", path)
        .and_then(|n| fields::text(ctx, n, &join(path, "by"), Lines::Join));
    if let (Some(Origin::Editorial), Some(n)) = (origin, f.get("by")) {
        ctx.error(
            n.pos,
            format!("`{path}.by`: an editorial lesson is the casebook editor's own; `by` names who announced or required a measure (remove it, or use origin: reported or required)"),
        );
    }
    Some(Measure {
        text: text?,
        controls: controls?,
        origin: origin?,
        by,
    })
}

fn control(ctx: &mut Ctx, catalogs: &Catalogs, node: &Node, path: &str) -> Option<ControlRef> {
    let raw = fields::text(ctx, node, path, Lines::Join)?;
    let Some(r) = ControlRef::parse(&raw) else {
        let schemes: Vec<String> = catalogs
            .control_schemes()
            .map(|c| c.scheme.clone())
            .collect();
        let guess = schemes
            .iter()
            .find_map(|s| {
                catalogs
                    .scheme(s)
                    .and_then(|c| c.get(raw.trim()))
                    .map(|_| format!("; did you mean `{s}:{}`?", raw.trim()))
            })
            .unwrap_or_default();
        ctx.error(
            node.pos,
            format!(
                "`{path}`: `{raw}` is not a SCHEME:ID reference such as iso27001:A.7.14{guess}"
            ),
        );
        return None;
    };
    let Some(catalog) = catalogs
        .scheme(&r.scheme)
        .filter(|c| c.kind == Kind::Controls)
    else {
        let schemes: Vec<&str> = catalogs
            .control_schemes()
            .map(|c| c.scheme.as_str())
            .collect();
        if let Some(failed) = catalogs.failed(&r.scheme) {
            ctx.error(
                node.pos,
                format!(
                    "`{path}`: unknown scheme `{}` in `{r}`: its catalog {failed} has errors and was not loaded (fix it first)",
                    r.scheme
                ),
            );
            return None;
        }
        let hint = suggest::did_you_mean(&suggest::nearest(&r.scheme, schemes.iter().copied(), 1));
        ctx.error(
            node.pos,
            format!(
                "`{path}`: unknown scheme `{}` in `{r}`{hint} (known schemes: {})",
                r.scheme,
                schemes.join(", ")
            ),
        );
        return None;
    };
    if catalog.get(&r.id).is_none() {
        let hint = catalog.suggest_refs(&r.id);
        ctx.error(
            node.pos,
            format!(
                "`{path}`: unknown control `{r}` in scheme `{}`{hint}",
                r.scheme
            ),
        );
        return None;
    }
    Some(r)
}

fn source(ctx: &mut Ctx, node: &Node, path: &str) -> Option<Source> {
    let f = Fields::read(
        ctx,
        node,
        path,
        "a source with `publisher` and `title`",
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
            ctx.error(
                n.pos,
                format!(
                    "`{path}`: `{shown}` is not a web address: {problem} (expected https://...)"
                ),
            );
            return None;
        }
        fields::text(ctx, n, &path, Lines::Join)
    });
    Some(Source {
        publisher: publisher?,
        title: title?,
        date,
        url,
    })
}

fn tags(ctx: &mut Ctx, node: &Node) -> Vec<String> {
    let Some(items) = fields::list(ctx, node, "tags", "search words") else {
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
                ctx.warning(n.pos, format!("`{p}`: tag `{tag}` is listed twice"));
            }
        }
    }
    out
}

/// Why a source URL is refused: only http(s) addresses, with no spaces, no
/// control or invisible characters and none of `<`, `>` or `"` (which could
/// end a link in the documents casebook writes).
pub fn url_problem(url: &str) -> Option<&'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        None => Some("only http:// and https:// addresses are accepted"),
        Some("") => Some("the address has no host"),
        Some(_) if url.chars().any(char::is_whitespace) => Some("it contains a space"),
        Some(_)
            if url
                .chars()
                .any(|c| c.is_control() || crate::text::is_invisible_format(c)) =>
        {
            Some("it contains a control or invisible character")
        }
        Some(_) if url.contains(['<', '>', '"']) => Some("it contains <, > or \""),
        Some(_) => None,
    }
}
