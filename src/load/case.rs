//! Reading one case file's tree into a [`Case`], checking every rule of format v1.

use crate::catalog::{Catalogs, Kind, is_slug};
use crate::load::fields::{self, Ctx, Fields, item, join};
use crate::model::{
    Affected, Case, ControlRef, DatePrecision, Measure, Origin, PartialDate, RootCause, Source,
};
use crate::suggest;
use crate::text::Lines;
use crate::yaml::Node;

pub const CASE_FIELDS: &[&str] = &[
    "id",
    "title",
    "organization",
    "sector",
    "published",
    "occurred",
    "summary",
    "affected",
    "root_causes",
    "measures",
    "response",
    "sources",
    "tags",
];
const AFFECTED_FIELDS: &[&str] = &["people", "records", "data"];
const CAUSE_FIELDS: &[&str] = &["category", "text"];
const MEASURE_FIELDS: &[&str] = &["text", "controls", "origin", "by"];
const SOURCE_FIELDS: &[&str] = &["publisher", "title", "date", "url"];

/// Reads a case. Problems go to `ctx`; None when the case has any error.
pub fn from_node(ctx: &mut Ctx, root: &Node, catalogs: &Catalogs) -> Option<Case> {
    let f = Fields::read(ctx, root, "", "a case", CASE_FIELDS)?;

    let id = f
        .require(
            ctx,
            "id",
            "",
            "the case id, e.g. kesennuma-hospital-pos-2024",
        )
        .and_then(|n| {
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
    let title = required_text(
        ctx,
        &f,
        "title",
        "a one-line title in Japanese",
        Lines::Join,
    );
    let organization = required_text(
        ctx,
        &f,
        "organization",
        "the organization that reported the incident",
        Lines::Join,
    );
    let sector = f
        .require(ctx, "sector", "", "a sector id from catalogs/sectors.yaml")
        .and_then(|n| vocabulary(ctx, catalogs, n, "sector", Kind::Sectors));
    let published = f
        .require(
            ctx,
            "published",
            "",
            "the date it was made public, YYYY-MM-DD",
        )
        .and_then(|n| date(ctx, n, "published", DatePrecision::Any));
    let occurred = f
        .get("occurred")
        .and_then(|n| date(ctx, n, "occurred", DatePrecision::Any));
    let summary = required_text(
        ctx,
        &f,
        "summary",
        "a few sentences on what happened",
        Lines::Keep,
    );
    let affected = f.get("affected").and_then(|n| affected(ctx, n));

    let root_causes = f
        .require(ctx, "root_causes", "", "a list of {category, text}")
        .and_then(|n| fields::non_empty_list(ctx, n, "root_causes", "root causes"))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| root_cause(ctx, catalogs, n, &item("root_causes", i)))
                .collect::<Vec<_>>()
        });
    let measures = f
        .require(ctx, "measures", "", "a list of {text, controls}")
        .and_then(|n| fields::non_empty_list(ctx, n, "measures", "measures"))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| measure(ctx, catalogs, n, &item("measures", i)))
                .collect::<Vec<_>>()
        });
    let response = f
        .get("response")
        .map(|n| fields::text_list(ctx, n, "response", "actions taken"))
        .unwrap_or_default();
    let sources = f
        .require(
            ctx,
            "sources",
            "",
            "a list of {publisher, title, date, url}",
        )
        .and_then(|n| fields::non_empty_list(ctx, n, "sources", "sources"))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| source(ctx, n, &item("sources", i)))
                .collect::<Vec<_>>()
        });
    let tags = f.get("tags").map(|n| tags(ctx, n)).unwrap_or_default();

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

fn required_text(
    ctx: &mut Ctx,
    f: &Fields,
    name: &str,
    expected: &str,
    lines: Lines,
) -> Option<String> {
    f.require(ctx, name, "", expected)
        .and_then(|n| fields::text(ctx, n, name, lines))
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
        AFFECTED_FIELDS,
    )?;
    Some(Affected {
        people: f
            .get("people")
            .and_then(|n| fields::whole_number(ctx, n, "affected.people")),
        records: f
            .get("records")
            .and_then(|n| fields::whole_number(ctx, n, "affected.records")),
        data: f
            .get("data")
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
        CAUSE_FIELDS,
    )?;
    let category = f
        .require(
            ctx,
            "category",
            path,
            "a cause id from catalogs/causes.yaml",
        )
        .and_then(|n| vocabulary(ctx, catalogs, n, &join(path, "category"), Kind::Causes));
    let text = f
        .require(ctx, "text", path, "what went wrong, in a sentence")
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
        MEASURE_FIELDS,
    )?;
    let text = f
        .require(ctx, "text", path, "the measure, in a sentence")
        .and_then(|n| fields::text(ctx, n, &join(path, "text"), Lines::Join));
    let controls_path = join(path, "controls");
    let controls = f
        .require(
            ctx,
            "controls",
            path,
            "a list of SCHEME:ID such as iso27001:A.7.14",
        )
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
    let origin = match f.get("origin") {
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
    let by = f
        .get("by")
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
        SOURCE_FIELDS,
    )?;
    let publisher = f
        .require(
            ctx,
            "publisher",
            path,
            "who published the notice or article",
        )
        .and_then(|n| fields::text(ctx, n, &join(path, "publisher"), Lines::Join));
    let title = f
        .require(ctx, "title", path, "the notice's or article's own title")
        .and_then(|n| fields::text(ctx, n, &join(path, "title"), Lines::Join));
    let date = f
        .get("date")
        .and_then(|n| date(ctx, n, &join(path, "date"), DatePrecision::Any));
    let url = f.get("url").and_then(|n| {
        let path = join(path, "url");
        if let crate::yaml::Value::Scalar { text: raw, .. } = &n.value
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
