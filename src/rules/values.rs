//! The values a rules file is made of: titles in both languages, ids,
//! dates, numbers of days, booleans and words from a fixed set, each
//! checked with a diagnostic naming the field.

use time::Date;

use crate::diag::phrase;
use crate::fields::{self, Ctx, Fields, join};
use crate::lang::Label;
use crate::model::{DatePrecision, PartialDate};
use crate::msg;
use crate::suggest;
use crate::text::Lines;
use crate::yaml::{Node, Value};

const LABEL_FIELDS: &[&str] = &["ja", "en"];

/// The `ja:`/`en:` title written on the entry itself.
pub(super) fn own_label(ctx: &mut Ctx, f: &Fields, path: &str) -> Option<Label> {
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
pub(super) fn label(ctx: &mut Ctx, node: &Node, path: &str) -> Option<Label> {
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

pub(super) fn slug(ctx: &mut Ctx, node: &Node, path: &str) -> Option<String> {
    let id = fields::text(ctx, node, path, Lines::Join)?;
    if crate::text::is_slug(&id) {
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

pub(super) fn day(ctx: &mut Ctx, node: &Node, path: &str) -> Option<Date> {
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

pub(super) fn days(ctx: &mut Ctx, node: &Node, path: &str) -> Option<i64> {
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

pub(super) fn boolean(ctx: &mut Ctx, node: &Node, path: &str) -> Option<bool> {
    word(ctx, node, path, &["true", "false"], |w| match w {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    })
}

/// One of a fixed set of words, or an error naming them (and the nearest).
pub(super) fn word<T>(
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
