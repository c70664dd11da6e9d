//! Reading a case's measures: the text, who announced or required it
//! (`origin`, `by`), and the controls it is mapped to, each checked against
//! the loaded catalogs (with the nearest ids for a mistyped one).

use std::sync::LazyLock;

use super::value::value;
use crate::catalog::{Catalogs, Kind};
use crate::diag::{Message, phrase};
use crate::fields::{self, Ctx, Fields, item, join};
use crate::format;
use crate::model::{ControlRef, DatePrecision, Measure, Origin, PartialDate, Progress};
use crate::msg;
use crate::suggest;
use crate::text::Lines;
use crate::yaml::Node;

static MEASURE_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| format::names(format::MEASURE));

pub(super) fn measure(
    ctx: &mut Ctx,
    catalogs: &Catalogs,
    node: &Node,
    path: &str,
) -> Option<Measure> {
    let f = Fields::read(
        ctx,
        node,
        path,
        phrase(
            "`text` と `controls` を持つ再発防止策",
            "a measure with `text` and `controls`",
        ),
        &MEASURE_NAMES,
    )?;
    let m = format::MEASURE;
    let text = value(ctx, &f, m, "text", path)
        .and_then(|n| fields::text(ctx, n, &join(path, "text"), Lines::Join));
    let controls_path = join(path, "controls");
    let controls = value(ctx, &f, m, "controls", path)
        .and_then(|n| {
            let of = phrase("SCHEME:ID の形の参照", "SCHEME:ID references");
            fields::non_empty_list(ctx, n, &controls_path, of)
        })
        .map(|items| {
            let mut refs: Vec<ControlRef> = Vec::new();
            for (i, n) in items.iter().enumerate() {
                let p = item(&controls_path, i);
                if let Some(r) = control(ctx, catalogs, n, &p) {
                    if refs.contains(&r) {
                        ctx.warning(
                            n.pos,
                            msg!(
                                "`{p}`: `{r}` が2回書かれています",
                                "`{p}`: `{r}` is listed twice"
                            ),
                        );
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
                    msg!(
                        "`{path}.origin`: `{other}` は出どころの値ではありません",
                        "`{path}.origin`: `{other}` is not an origin"
                    )
                    .then(&hint)
                    .then(&Message::new(
                        "（reported、required、suggested、editorial のいずれか）",
                        " (expected reported, required, suggested or editorial)",
                    )),
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
            msg!(
                "`{path}.by`: editorial（編集部の教訓）は事例集の編集者自身のものです。`by` には対策を発表・要請・提言した者を書きます\
                 （`by` を消すか、origin を reported、required、suggested のいずれかにしてください）",
                "`{path}.by`: an editorial lesson is the casebook editor's own; `by` names who announced, required or suggested a measure (remove it, or use origin: reported, required or suggested)"
            ),
        );
    }
    if let (Some(Origin::Suggested), None, Some(n)) = (origin, f.get("by"), f.get("origin")) {
        ctx.error(
            n.pos,
            msg!(
                "`{path}.by` がありません。suggested（提言）には、提言した専門家や論者を `by` に書きます\
                 （例: `by: 山田太郎氏（○○大学教授）`）",
                "`{path}.by` is missing: a suggestion names who made it (an outside expert or commentator), e.g. `by: 山田太郎氏（○○大学教授）`"
            ),
        );
    }
    let tracking = tracking(ctx, &f, path);
    Some(Measure {
        text: text?,
        controls: controls?,
        origin: origin?,
        by,
        status: tracking.status,
        owner: tracking.owner,
        due: tracking.due,
        done: tracking.done,
        verified: tracking.verified,
        evidence: tracking.evidence,
    })
}

/// A measure's tracking fields as read (each None when absent or wrong).
#[derive(Default)]
struct Tracking {
    status: Option<Progress>,
    owner: Option<String>,
    due: Option<PartialDate>,
    done: Option<PartialDate>,
    verified: Option<PartialDate>,
    evidence: Option<String>,
}

/// `status`, `owner`, `due`, `done`, `verified` and `evidence`, with
/// warnings where they disagree (a `done` day on a measure still planned, a
/// check before the work, dates without a status).
fn tracking(ctx: &mut Ctx, f: &Fields, path: &str) -> Tracking {
    let m = format::MEASURE;
    let status = value(ctx, f, m, "status", path).and_then(|n| progress(ctx, n, path));
    let owner = value(ctx, f, m, "owner", path)
        .and_then(|n| fields::text(ctx, n, &join(path, "owner"), Lines::Join));
    let evidence = value(ctx, f, m, "evidence", path)
        .and_then(|n| fields::text(ctx, n, &join(path, "evidence"), Lines::Join));
    let mut day = |name: &str| {
        value(ctx, f, m, name, path).and_then(|n| {
            let p = join(path, name);
            let s = fields::text(ctx, n, &p, Lines::Join)?;
            PartialDate::parse(&s, DatePrecision::Day)
                .map_err(|e| ctx.error(n.pos, msg!("`{p}`: ", "`{p}`: ").then(&e)))
                .ok()
        })
    };
    let (due, done, verified) = (day("due"), day("done"), day("verified"));
    let t = Tracking {
        status,
        owner,
        due,
        done,
        verified,
        evidence,
    };
    // Disagreements are warnings: the measure still loads as written.
    if let (Some(s), Some(_), Some(n)) = (t.status, t.done, f.get("done"))
        && !s.is_done()
    {
        let s = s.id();
        ctx.warning(
            n.pos,
            msg!(
                "`{path}.done` に実施日がありますが、`status` は `{s}` です（実施したなら `status: done` に、まだなら `done` の行を消してください）",
                "`{path}.done` gives a day it was carried out, but `status` is {s} (set status: done, or remove `done`)"
            ),
        );
    }
    if let (Some(s), Some(_), Some(n)) = (t.status, t.verified, f.get("verified"))
        && s != Progress::Verified
    {
        let s = s.id();
        ctx.warning(
            n.pos,
            msg!(
                "`{path}.verified` に確認日がありますが、`status` は `{s}` です（有効性を確認したなら `status: verified` にしてください）",
                "`{path}.verified` gives a day the effect was checked, but `status` is {s} (set status: verified)"
            ),
        );
    }
    if let (Some(d), Some(v), Some(n)) = (t.done, t.verified, f.get("verified"))
        && d.is_after(&v)
    {
        ctx.warning(
            n.pos,
            msg!(
                "`{path}.verified`（{v}）が実施日 `done`（{d}）より前になっています",
                "`{path}.verified` ({v}) is earlier than `done` ({d})"
            ),
        );
    }
    if f.get("status").is_none()
        && let Some((name, n)) = ["due", "done", "verified", "owner"]
            .iter()
            .find_map(|name| f.get(name).map(|n| (*name, n)))
    {
        ctx.warning(
            n.pos,
            msg!(
                "`{path}.{name}` がありますが `status` がありません。追跡する再発防止策には `status`（`planned`、`in-progress`、`done`、`verified`）を書きます",
                "`{path}` has `{name}` but no `status`; a measure that is followed through needs status: planned, in-progress, done or verified"
            ),
        );
    }
    t
}

/// `status:` — one of the four words, or an error naming the nearest.
fn progress(ctx: &mut Ctx, node: &Node, path: &str) -> Option<Progress> {
    let p = join(path, "status");
    let word = fields::text(ctx, node, &p, Lines::Join)?;
    if let Some(s) = Progress::parse(&word) {
        return Some(s);
    }
    let folded = word.to_ascii_lowercase().replace(['_', ' '], "-");
    let hint = match Progress::parse(&folded) {
        Some(s) => suggest::did_you_mean(&[s.id()]),
        None => suggest::did_you_mean(&suggest::nearest(&folded, Progress::NAMES, 1)),
    };
    let shown = crate::text::line(&word);
    ctx.error(
        node.pos,
        msg!(
            "`{p}`: `{shown}` は実施状況の値ではありません",
            "`{p}`: `{shown}` is not a status"
        )
        .then(&hint)
        .then(&Message::new(
            "（`planned`、`in-progress`、`done`、`verified` のいずれか）",
            " (expected planned, in-progress, done or verified)",
        )),
    );
    None
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
                    .map(|_| suggest::did_you_mean(&[&format!("{s}:{}", raw.trim())]))
            })
            .unwrap_or_default();
        ctx.error(
            node.pos,
            msg!(
                "`{path}`: `{raw}` は iso27001:A.7.14 のような SCHEME:ID の形の参照ではありません",
                "`{path}`: `{raw}` is not a SCHEME:ID reference such as iso27001:A.7.14"
            )
            .then(&guess),
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
        let scheme = &r.scheme;
        if let Some(failed) = catalogs.failed(scheme) {
            ctx.error(
                node.pos,
                msg!(
                    "`{path}`: `{r}` の体系 `{scheme}` は読み込まれていません。その分類表 {failed} にエラーがあります（先に直してください）",
                    "`{path}`: unknown scheme `{scheme}` in `{r}`: its catalog {failed} has errors and was not loaded (fix it first)"
                ),
            );
            return None;
        }
        let hint = suggest::did_you_mean(&suggest::nearest(scheme, schemes.iter().copied(), 1));
        let known = schemes.join(", ");
        ctx.error(
            node.pos,
            msg!(
                "`{path}`: `{r}` の体系 `{scheme}` は不明です",
                "`{path}`: unknown scheme `{scheme}` in `{r}`"
            )
            .then(&hint)
            .then(&msg!(
                "（使える体系: {known}）",
                " (known schemes: {known})"
            )),
        );
        return None;
    };
    if catalog.get(&r.id).is_none() {
        let hint = catalog.suggest_refs(&r.id);
        let scheme = &r.scheme;
        ctx.error(
            node.pos,
            msg!(
                "`{path}`: 体系 `{scheme}` に `{r}` という項目はありません",
                "`{path}`: unknown control `{r}` in scheme `{scheme}`"
            )
            .then(&hint),
        );
        return None;
    }
    Some(r)
}
