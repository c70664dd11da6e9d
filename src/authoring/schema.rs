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
use crate::model::{Origin, Progress};

pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema of a case file, with the ids of `catalogs` as enums.
pub fn schema(catalogs: &Catalogs) -> Value {
    let mut root = object(format::CASE);
    let mut defs = defs(catalogs);
    // The id lists are written where they are used: yaml-language-server offers
    // an enum's values for completion only when it is not behind a `$ref`.
    for name in ["sector", "cause", "control", "report_to", "stage"] {
        if let Some(def) = defs.as_object_mut().and_then(|d| d.remove(name)) {
            inline(&mut root, &format!("#/$defs/{name}"), &def);
        }
    }
    let root_map = root.as_object_mut().expect("object() builds an object");
    root_map.insert("$schema".into(), json!(DIALECT));
    root_map.insert(
        "title".into(),
        json!("casebook case file, format version 1 / casebook 事例ファイル（形式 1）"),
    );
    root_map.insert("$defs".into(), defs);
    // The one rule across top-level fields: an incident never made public
    // gives the day it was discovered instead of a publication date.
    let either: Vec<Value> = format::REQUIRED_UNLESS
        .iter()
        .map(|(a, b)| json!({"anyOf": [{"required": [a]}, {"required": [b]}]}))
        .collect();
    root_map.insert("allOf".into(), Value::Array(either));
    root
}

/// Replaces `{"$ref": reference, ...}` objects under `value` with `def`'s
/// keywords (keeping their other keywords, such as `description`).
fn inline(value: &mut Value, reference: &str, def: &Value) {
    match value {
        Value::Object(map) => {
            if map.get("$ref").and_then(Value::as_str) == Some(reference) {
                map.remove("$ref");
                if let Some(d) = def.as_object() {
                    for (k, v) in d {
                        map.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
            }
            for v in map.values_mut() {
                inline(v, reference, def);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| inline(v, reference, def)),
        _ => {}
    }
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
    // The rules across fields: an editorial lesson is nobody's announcement, and
    // a suggestion names who made it.
    if place.iter().any(|f| f.ty == Type::Origin) && place.iter().any(|f| f.name == "by") {
        let map = schema.as_object_mut().expect("built as an object");
        let when = |origin: &str| json!({"required": ["origin"], "properties": {"origin": {"const": origin}}});
        map.insert(
            "allOf".into(),
            json!([
                {"if": when("editorial"), "then": {"not": {"required": ["by"]}}},
                {"if": when("suggested"), "then": {"required": ["by"]}},
            ]),
        );
    }
    schema
}

fn of_type(ty: Type) -> Value {
    match ty {
        Type::Slug => json!({"type": "string", "pattern": "^[a-z0-9-]+$"}),
        Type::Line | Type::Text => json!({"$ref": "#/$defs/text"}),
        Type::Date => json!({"$ref": "#/$defs/date"}),
        Type::Day => json!({"$ref": "#/$defs/day"}),
        Type::Fact => json!({"enum": [true, false, "unknown"]}),
        Type::ReportTo => json!({"$ref": "#/$defs/report_to"}),
        Type::Stage => json!({"$ref": "#/$defs/stage"}),
        Type::Count => json!({"type": "integer", "minimum": 0}),
        Type::Lines => json!({"type": "array", "items": {"$ref": "#/$defs/item"}}),
        Type::Sector => json!({"$ref": "#/$defs/sector"}),
        Type::Cause => json!({"$ref": "#/$defs/cause"}),
        Type::Threats => json!({"type": "array", "items": {"$ref": "#/$defs/threat"}}),
        Type::Controls => {
            json!({"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/control"}})
        }
        Type::Origin => json!({"enum": Origin::NAMES}),
        Type::Progress => json!({
            "enum": Progress::NAMES,
            "enumDescriptions": Progress::ALL
                .map(|p| format!("{} / {}", p.label(crate::lang::Lang::Ja), p.label(crate::lang::Lang::En))),
        }),
        Type::Url => json!({
            "type": "string",
            "pattern": "^https?://\\S+$",
            "patternErrorMessage": "a web address: https://... / URL（https://...）"
        }),
        Type::Map(inner) => object(inner),
        Type::Entries(inner) => json!({"type": "array", "minItems": 1, "items": object(inner)}),
    }
}

fn defs(catalogs: &Catalogs) -> Value {
    // Not empty, not only spaces, and not the placeholder `casebook new` writes.
    // (`patternErrorMessage` and `errorMessage` are what editors show; validators ignore them.)
    let text = json!({
        "type": "string",
        "pattern": "^(?!\\s*TODO\\s*$)[\\s\\S]*\\S",
        "patternErrorMessage": "still TODO or empty: write the value / まだ TODO か空です"
    });
    let item = json!({"anyOf": [{"$ref": "#/$defs/text"}, {"type": "number"}]});
    let date = json!({
        "anyOf": [
            {
                "type": "string",
                "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
                "patternErrorMessage": "a date: YYYY-MM-DD, YYYY-MM or YYYY / 日付（YYYY-MM-DD、YYYY-MM、YYYY）"
            },
            {"type": "integer", "minimum": 1900, "maximum": 2100}
        ],
        "description": "YYYY-MM-DD, YYYY-MM or YYYY",
        "errorMessage": "a date: YYYY-MM-DD, YYYY-MM or YYYY / 日付（YYYY-MM-DD、YYYY-MM、YYYY）"
    });
    let day = json!({
        "type": "string",
        "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        "patternErrorMessage": "a date: YYYY-MM-DD / 日付（YYYY-MM-DD）"
    });
    // Enums carry no `type`: with one, an editor offers no completion on an empty value.
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
        let what = match kind {
            Kind::Sectors => "not a sector id of catalogs/sectors.yaml / 業種IDではありません",
            _ => "not a cause id of catalogs/causes.yaml / 原因分類IDではありません",
        };
        json!({"enum": ids, "enumDescriptions": titles, "errorMessage": what})
    };
    // Every threat list's ids: a case may name an id of any list.
    let (mut threat_ids, mut threat_titles) = (Vec::<String>::new(), Vec::<String>::new());
    for catalog in catalogs.of_kinds(Kind::Threats) {
        for item in &catalog.items {
            if !threat_ids.contains(&item.id) {
                threat_ids.push(item.id.clone());
                threat_titles.push(label(&item.title.ja, &item.title.en));
            }
        }
    }
    let mut refs = Vec::new();
    let mut titles = Vec::new();
    for catalog in catalogs.control_schemes() {
        for (_, item) in catalog.flatten() {
            refs.push(format!("{}:{}", catalog.scheme, item.id));
            titles.push(label(&item.title.ja, &item.title.en));
        }
    }
    let rules = &catalogs.rules;
    let report_to = json!({
        "enum": rules.ids(),
        "enumDescriptions": rules.ids().iter().map(|id| {
            rules.all().iter().find(|r| r.id == *id).map_or_else(String::new, |r| label(&r.name.ja, &r.name.en))
        }).collect::<Vec<_>>(),
        "errorMessage": "not a rule id of catalogs/report-rules.yaml / 報告規則のIDではありません"
    });
    let stage = json!({
        "enum": rules.all_stage_ids(),
        "errorMessage": "not a stage id of catalogs/report-rules.yaml (preliminary, final) / 報告の段階IDではありません"
    });
    json!({
        "text": text,
        "item": item,
        "date": date,
        "day": day,
        "report_to": report_to,
        "stage": stage,
        "threat": {
            "enum": threat_ids,
            "enumDescriptions": threat_titles,
            "errorMessage": "not a threat id of the threat lists (catalogs/threats-*.yaml) / 脅威IDではありません"
        },
        "sector": vocabulary(Kind::Sectors),
        "cause": vocabulary(Kind::Causes),
        "control": {
            "enum": refs,
            "enumDescriptions": titles,
            "errorMessage": "not a SCHEME:ID of the loaded catalogs (regenerate the schema after changing catalogs) / 既知の管理策IDではありません"
        },
    })
}

fn label(ja: &str, en: &str) -> String {
    match (ja.is_empty(), en.is_empty()) {
        (false, false) => format!("{ja} / {en}"),
        (false, true) => ja.to_string(),
        _ => en.to_string(),
    }
}
