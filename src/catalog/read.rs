//! Reading a catalog file's tree: its scheme, kind and titles, and its items
//! at any depth, each id checked (a slug, unique in the catalog, reported at
//! its line when repeated).

use std::collections::HashMap;

use super::{Catalog, Item, Kind, is_slug};
use crate::diag::phrase;
use crate::fields::{self, Ctx, Fields};
use crate::lang::Label;
use crate::msg;
use crate::text::Lines;
use crate::yaml::{Node, Pos};

const CATALOG_FIELDS: &[&str] = &["scheme", "kind", "title", "short", "items"];
const ITEM_FIELDS: &[&str] = &["id", "ja", "en", "words", "items"];
const LABEL_FIELDS: &[&str] = &["ja", "en"];

/// Reads a catalog file's tree. Problems go to `ctx`; None when unusable.
pub fn from_node(ctx: &mut Ctx, root: &Node) -> Option<Catalog> {
    let f = Fields::read(ctx, root, "", phrase("分類表", "a catalog"), CATALOG_FIELDS)?;
    let scheme = f
        .require(
            ctx,
            "scheme",
            "",
            phrase(
                "SCHEME:ID のコロンの前に書く体系名",
                "the scheme name used before the colon in SCHEME:ID",
            ),
        )
        .and_then(|n| fields::text(ctx, n, "scheme", Lines::Join));
    if let (Some(s), Some(n)) = (&scheme, f.get("scheme"))
        && !is_slug(s)
    {
        ctx.error(
            n.pos,
            msg!(
                "`scheme`: `{s}` には a-z、0-9 と `-` だけが使えます",
                "`scheme`: `{s}` may use only a-z, 0-9 and `-`"
            ),
        );
    }
    let kind = f
        .require(
            ctx,
            "kind",
            "",
            phrase(
                "controls、causes、sectors、threats のいずれか",
                "controls, causes, sectors or threats",
            ),
        )
        .and_then(
            |n| match fields::text(ctx, n, "kind", Lines::Join).as_deref() {
                Some("controls") => Some(Kind::Controls),
                Some("causes") => Some(Kind::Causes),
                Some("sectors") => Some(Kind::Sectors),
                Some("threats") => Some(Kind::Threats),
                Some(other) => {
                    ctx.error(
                        n.pos,
                        msg!(
                            "`kind`: 不明な種類 `{other}` です（controls、causes、sectors、threats のいずれか）",
                            "`kind`: unknown kind `{other}`; expected controls, causes, sectors or threats"
                        ),
                    );
                    None
                }
                None => None,
            },
        );
    let title = f
        .require(
            ctx,
            "title",
            "",
            phrase("ja: と en: の表題", "ja: and en: titles"),
        )
        .and_then(|n| label(ctx, n, "title"));
    let short = match f.get("short") {
        Some(n) => label(ctx, n, "short"),
        None => title.clone(),
    };
    let items = f
        .require(
            ctx,
            "items",
            "",
            phrase("IDと表題のリスト", "the list of ids and titles"),
        )
        .map(|n| items(ctx, n, "items", &mut HashMap::new()))
        .unwrap_or_default();
    // A problem in an item (a duplicate id, a missing title) is reported at its
    // line and leaves that item out; the catalog itself still loads.
    Some(Catalog::new(
        &scheme?, kind?, title?, short?, items, ctx.file,
    ))
}

/// The `scheme:` a catalog file names, read without checking anything else
/// (to say which scheme a catalog that failed would have defined).
pub fn scheme_named(root: &Node) -> Option<String> {
    let crate::yaml::Value::Map(pairs) = &root.value else {
        return None;
    };
    pairs.iter().find_map(|(k, v)| match (&k.value, &v.value) {
        (
            crate::yaml::Value::Scalar { text: key, .. },
            crate::yaml::Value::Scalar { text: value, .. },
        ) if key == "scheme" => Some(value.trim().to_string()),
        _ => None,
    })
}

fn label(ctx: &mut Ctx, node: &Node, path: &str) -> Option<Label> {
    let f = Fields::read(
        ctx,
        node,
        path,
        phrase("日本語と英語の表題", "titles in Japanese and English"),
        LABEL_FIELDS,
    )?;
    let ja = f
        .get("ja")
        .and_then(|n| fields::text(ctx, n, &fields::join(path, "ja"), Lines::Join));
    let en = f
        .get("en")
        .and_then(|n| fields::text(ctx, n, &fields::join(path, "en"), Lines::Join));
    if ja.is_none() && en.is_none() {
        ctx.error(
            f.pos,
            msg!(
                "`{path}` には `ja:` か `en:`（または両方）が必要です",
                "`{path}` needs `ja:` or `en:` (or both)"
            ),
        );
        return None;
    }
    Some(Label {
        ja: ja.unwrap_or_default(),
        en: en.unwrap_or_default(),
    })
}

fn items(ctx: &mut Ctx, node: &Node, path: &str, seen: &mut HashMap<String, Pos>) -> Vec<Item> {
    let Some(list) = fields::list(ctx, node, path, phrase("項目", "items")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, n) in list.iter().enumerate() {
        let p = fields::item(path, i);
        let what = phrase("id・ja・en を持つ項目", "an item with id, ja and en");
        let Some(f) = Fields::read(ctx, n, &p, what, ITEM_FIELDS) else {
            continue;
        };
        let id = f
            .require(
                ctx,
                "id",
                &p,
                phrase("SCHEME: の後に書くID", "the id cited after SCHEME:"),
            )
            .and_then(|v| fields::text(ctx, v, &fields::join(&p, "id"), Lines::Join));
        let ja = f
            .get("ja")
            .and_then(|v| fields::text(ctx, v, &fields::join(&p, "ja"), Lines::Join));
        let en = f
            .get("en")
            .and_then(|v| fields::text(ctx, v, &fields::join(&p, "en"), Lines::Join));
        if ja.is_none() && en.is_none() {
            ctx.error(
                f.pos,
                msg!(
                    "`{p}` には表題（`ja:` か `en:`、または両方）が必要です",
                    "`{p}` needs a title: `ja:` or `en:` (or both)"
                ),
            );
        }
        let words: Vec<String> = f
            .get("words")
            .and_then(|v| {
                let path = fields::join(&p, "words");
                fields::list(ctx, v, &path, phrase("語", "words")).map(|list| {
                    list.iter()
                        .enumerate()
                        .filter_map(|(i, w)| {
                            fields::text(ctx, w, &fields::item(&path, i), Lines::Join)
                        })
                        .collect()
                })
            })
            .unwrap_or_default();
        let children = f
            .get("items")
            .map(|v| items(ctx, v, &fields::join(&p, "items"), seen))
            .unwrap_or_default();
        let Some(id) = id else { continue };
        if id.contains(char::is_whitespace) || id.contains(',') {
            ctx.error(
                f.pos,
                msg!(
                    "`{p}.id`: `{id}` に空白やカンマは使えません",
                    "`{p}.id`: `{id}` may not contain spaces or commas"
                ),
            );
        }
        if let Some(first) = seen.get(&id) {
            let line = first.line;
            ctx.error(
                f.pos,
                msg!(
                    "`{p}.id`: `{id}` は{line}行目で既に使われています。この項目は読み込みません",
                    "`{p}.id`: `{id}` is already used on line {line}; this item is left out"
                ),
            );
            continue;
        }
        seen.insert(id.clone(), f.pos);
        out.push(Item {
            id,
            title: Label {
                ja: ja.unwrap_or_default(),
                en: en.unwrap_or_default(),
            },
            words,
            items: children,
        });
    }
    out
}
