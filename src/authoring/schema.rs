//! `casebook schema`: a JSON Schema (draft 2020-12) of case format v1, built
//! from the format's field table and the loaded catalogs, so that an editor
//! with a YAML language server completes and checks case files as you type.
//!
//! Only keywords that mean the same in draft-07 are used (plus `$defs`, which
//! draft-07 tools resolve as a plain JSON pointer), so older editor plugins
//! read it too. `enumDescriptions` carries catalog titles for completion lists;
//! validators ignore it.

use serde_json::{Map, Value, json};

use crate::catalog::{Catalogs, Kind};
use crate::format::{self, Field, Type};
use crate::model::Origin;

pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema of a case file, with the ids of `catalogs` as enums.
pub fn schema(catalogs: &Catalogs) -> Value {
    let mut root = object(format::CASE);
    let root_map = root.as_object_mut().expect("object() builds an object");
    root_map.insert("$schema".into(), json!(DIALECT));
    root_map.insert(
        "title".into(),
        json!("casebook case file, format version 1 / casebook 事例ファイル（形式 1）"),
    );
    root_map.insert("$defs".into(), defs(catalogs));
    root
}

/// The schema as the text `casebook schema` prints.
pub fn text(catalogs: &Catalogs) -> String {
    let mut s = serde_json::to_string_pretty(&schema(catalogs)).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn describe(f: &Field) -> String {
    format!("{} / {}", f.ja, f.en)
}

fn object(place: &[Field]) -> Value {
    let mut properties = Map::new();
    for f in place {
        let mut schema = of_type(f.ty);
        if let Some(map) = schema.as_object_mut() {
            map.insert("description".into(), json!(describe(f)));
        }
        properties.insert(f.name.into(), schema);
    }
    let required: Vec<&str> = place
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    let mut schema = json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    });
    // The one rule across fields: an editorial lesson is nobody's announcement.
    if place.iter().any(|f| f.ty == Type::Origin) && place.iter().any(|f| f.name == "by") {
        let map = schema.as_object_mut().expect("built as an object");
        map.insert(
            "if".into(),
            json!({"required": ["origin"], "properties": {"origin": {"const": "editorial"}}}),
        );
        map.insert("then".into(), json!({"not": {"required": ["by"]}}));
    }
    schema
}

fn of_type(ty: Type) -> Value {
    match ty {
        Type::Slug => json!({"type": "string", "pattern": "^[a-z0-9-]+$"}),
        Type::Line | Type::Text => json!({"$ref": "#/$defs/text"}),
        Type::Date => json!({"$ref": "#/$defs/date"}),
        Type::Count => json!({"type": "integer", "minimum": 0}),
        Type::Lines => json!({"type": "array", "items": {"$ref": "#/$defs/item"}}),
        Type::Sector => json!({"$ref": "#/$defs/sector"}),
        Type::Cause => json!({"$ref": "#/$defs/cause"}),
        Type::Controls => {
            json!({"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/control"}})
        }
        Type::Origin => json!({"enum": Origin::NAMES}),
        Type::Url => json!({"type": "string", "pattern": "^https?://\\S+$"}),
        Type::Map(inner) => object(inner),
        Type::Entries(inner) => json!({"type": "array", "minItems": 1, "items": object(inner)}),
    }
}

fn defs(catalogs: &Catalogs) -> Value {
    // Not empty, not only spaces, and not the placeholder `casebook new` writes.
    let text = json!({"type": "string", "pattern": "\\S", "not": {"const": "TODO"}});
    let item = json!({
        "anyOf": [
            {"type": "string", "pattern": "\\S", "not": {"const": "TODO"}},
            {"type": "number"}
        ]
    });
    let date = json!({
        "anyOf": [
            {
                "type": "string",
                "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
            },
            {"type": "integer", "minimum": 1900, "maximum": 2100}
        ],
        "description": "YYYY-MM-DD, YYYY-MM or YYYY"
    });
    let vocabulary = |kind: Kind| {
        let (ids, titles): (Vec<String>, Vec<String>) = catalogs
            .of_kind(kind)
            .map(|c| {
                c.items
                    .iter()
                    .map(|i| (i.id.clone(), label(&i.title.ja, &i.title.en)))
                    .unzip()
            })
            .unwrap_or_default();
        json!({"type": "string", "enum": ids, "enumDescriptions": titles})
    };
    let mut refs = Vec::new();
    let mut titles = Vec::new();
    for catalog in catalogs.control_schemes() {
        for (_, item) in catalog.flatten() {
            refs.push(format!("{}:{}", catalog.scheme, item.id));
            titles.push(label(&item.title.ja, &item.title.en));
        }
    }
    json!({
        "text": text,
        "item": item,
        "date": date,
        "sector": vocabulary(Kind::Sectors),
        "cause": vocabulary(Kind::Causes),
        "control": {"type": "string", "enum": refs, "enumDescriptions": titles},
    })
}

fn label(ja: &str, en: &str) -> String {
    match (ja.is_empty(), en.is_empty()) {
        (false, false) => format!("{ja} / {en}"),
        (false, true) => ja.to_string(),
        _ => en.to_string(),
    }
}
