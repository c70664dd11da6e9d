//! A case file being written: values found so far (anything missing stays
//! `TODO`) with comments beside them, rendered as YAML in the order and with
//! the field comments of the format table. `casebook new` renders an empty
//! sketch; `casebook draft` one filled from a notice.

use std::collections::BTreeMap;

use crate::format::{self, Field, Type};
use crate::lang::Lang;
use crate::text::{self, Lines};

pub const TODO: &str = "TODO";

/// One value and the comment lines written above it (provenance, suggestions).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Slot {
    /// None: not known yet, written as `TODO`.
    pub value: Option<String>,
    pub notes: Vec<String>,
}

impl Slot {
    pub fn known(value: impl Into<String>, note: impl Into<String>) -> Slot {
        Slot {
            value: Some(value.into()),
            notes: vec![note.into()],
        }
    }

    pub fn todo(notes: Vec<String>) -> Slot {
        Slot { value: None, notes }
    }

    /// The slot with one more comment after those it has.
    pub fn noted(mut self, note: impl Into<String>) -> Slot {
        self.notes.push(note.into());
        self
    }
}

/// What a field holds in a sketch.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    One(Slot),
    /// A list of scalars (`data`, `controls`, `response`, `tags`); notes go above the list.
    Many(Vec<String>, Vec<String>),
    /// A list of mappings (`root_causes`, `measures`, `sources`).
    Entries(Vec<Sketch>),
    Map(Sketch),
}

/// A mapping under construction: field name → value. Fields not set are
/// written as `TODO` placeholders of the right shape.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sketch {
    pub fields: BTreeMap<&'static str, Val>,
    /// Write the fields of a team's own incident ([`format::INCIDENT`]):
    /// `discovered` and the `leak` facts as questions still TODO, `reports`
    /// as a commented example. `casebook new` and `casebook draft` set it.
    pub incident: bool,
    /// Write each measure's follow-through (`status`, `owner`, `due`, …):
    /// the scaffold of one's own incident (`casebook new`) does; a draft from
    /// a notice does not, since the measures it finds are the publisher's.
    pub tracking: bool,
}

impl Sketch {
    pub fn set(&mut self, name: &'static str, val: Val) -> &mut Self {
        self.fields.insert(name, val);
        self
    }

    pub fn one(&mut self, name: &'static str, slot: Slot) -> &mut Self {
        self.set(name, Val::One(slot))
    }
}

/// The first line of every file `new` and `draft` write: the editor's schema.
pub fn modeline(schema: &str) -> String {
    format!("# yaml-language-server: $schema={schema}\n")
}

/// Renders a case file: `header` comment lines, then every field of the format.
pub fn render(sketch: &Sketch, header: &[String], schema: &str, lang: Lang) -> String {
    let mut out = modeline(schema);
    for line in header {
        comment(&mut out, "", line);
    }
    let fields: Vec<Field> = format::CASE
        .iter()
        .filter(|f| sketch.incident || !format::INCIDENT.contains(&f.name))
        .copied()
        .collect();
    place(&mut out, &fields, sketch, "", false, sketch.tracking, lang);
    out
}

/// Writes the fields of one mapping. `indent` is the fields' indentation; when
/// `item` is set the mapping is a list item, and its first field carries the `- `.
/// `tracking`: write the measures' follow-through fields ([`format::TRACKING`]).
fn place(
    out: &mut String,
    fields: &[Field],
    sketch: &Sketch,
    indent: &str,
    item: bool,
    tracking: bool,
    lang: Lang,
) {
    let fields = fields
        .iter()
        .filter(|f| tracking || !(fields == format::MEASURE && format::TRACKING.contains(&f.name)));
    for (i, f) in fields.enumerate() {
        let lead = if item && i == 0 {
            format!("{}- ", &indent[..indent.len() - 2])
        } else {
            indent.to_string()
        };
        field(
            out,
            f,
            sketch.fields.get(f.name),
            indent,
            &lead,
            tracking,
            lang,
        );
    }
}

fn field(
    out: &mut String,
    f: &Field,
    val: Option<&Val>,
    indent: &str,
    lead: &str,
    tracking: bool,
    lang: Lang,
) {
    let hint = match lang {
        Lang::Ja => f.ja,
        Lang::En => f.en,
    };
    let unless = format::REQUIRED_UNLESS
        .iter()
        .find(|(name, _)| *name == f.name)
        .map(|(_, other)| other);
    let optional = match (f.required, unless, lang) {
        (true, _, _) => String::new(),
        (false, Some(other), Lang::Ja) => format!("（{other} があれば任意）"),
        (false, Some(other), Lang::En) => format!(" (optional with {other})"),
        (false, None, Lang::Ja) => "（任意）".into(),
        (false, None, Lang::En) => " (optional)".into(),
    };
    let hint = format!("{hint}{optional}");
    match (f.ty, val) {
        // Written by the browser when it copies a case; a new case has none.
        (_, None) if f.name == "copied_from" => {}
        (Type::Map(inner), v) => {
            let empty = Sketch::default();
            let sketch = match v {
                Some(Val::Map(s)) => s,
                _ => &empty,
            };
            line(out, lead, &format!("{}:", f.name), &hint);
            place(
                out,
                inner,
                sketch,
                &format!("{indent}  "),
                false,
                tracking,
                lang,
            );
        }
        (Type::Entries(inner), None) if f.name == "reports" => {
            // Nothing filed yet: an example to uncomment when a report is filed.
            line(out, lead, &format!("# {}:", f.name), &hint);
            let example = inner
                .iter()
                .map(|i| match i.ty {
                    Type::Day => format!("{}: YYYY-MM-DD", i.name),
                    Type::Stage => format!("{}: preliminary", i.name),
                    _ => format!("{}: ppc", i.name),
                })
                .collect::<Vec<_>>()
                .join(", ");
            out.push_str(&format!("{indent}#   - {{{example}}}\n"));
        }
        (Type::Entries(inner), v) => {
            let placeholder = vec![Sketch::default()];
            let entries = match v {
                Some(Val::Entries(e)) if !e.is_empty() => e,
                _ => &placeholder,
            };
            line(out, lead, &format!("{}:", f.name), &hint);
            for entry in entries {
                place(
                    out,
                    inner,
                    entry,
                    &format!("{indent}    "),
                    true,
                    tracking,
                    lang,
                );
            }
        }
        // Most cases name no threat: a comment to uncomment when one applies.
        (Type::Threats, None) => line(out, lead, &format!("# {}: [ransomware]", f.name), &hint),
        (Type::Lines | Type::Controls | Type::Threats, v) => {
            let (items, notes) = match v {
                Some(Val::Many(items, notes)) => (items.clone(), notes.as_slice()),
                Some(Val::One(slot)) => {
                    (slot.value.iter().cloned().collect(), slot.notes.as_slice())
                }
                _ => (Vec::new(), &[][..]),
            };
            notes_above(out, lead, indent, notes);
            let items = if items.is_empty() {
                vec![TODO.to_string()]
            } else {
                items
            };
            let flow: Vec<String> = items.iter().map(|s| flow_scalar(s)).collect();
            let flow = format!("[{}]", flow.join(", "));
            if flow.chars().count() <= 60 || f.ty == Type::Controls {
                line(out, lead, &format!("{}: {flow}", f.name), &hint);
            } else {
                line(out, lead, &format!("{}:", f.name), &hint);
                for item in &items {
                    out.push_str(&format!("{indent}  - {}\n", scalar(item)));
                }
            }
        }
        (ty, v) => {
            let slot = match v {
                Some(Val::One(slot)) => slot.clone(),
                _ => Slot::default(),
            };
            notes_above(out, lead, indent, &slot.notes);
            let value = match (&slot.value, ty) {
                (Some(v), _) => v.clone(),
                // The format's default, written out so the choice is visible.
                (None, Type::Origin) => "reported".to_string(),
                // A new measure of one's own is still to be carried out.
                (None, Type::Progress) => "planned".to_string(),
                (None, _) => TODO.to_string(),
            };
            let later = ["by", "public_body", "done", "verified", "evidence"];
            if slot.value.is_none() && later.contains(&f.name) {
                // Usually absent (or not yet): a comment to uncomment when it applies.
                let example = match ty {
                    Type::Fact => "false",
                    Type::Day => "YYYY-MM-DD",
                    _ => "...",
                };
                line(out, lead, &format!("# {}: {example}", f.name), &hint);
            } else if ty == Type::Text && value != TODO {
                line(out, lead, &format!("{}: |", f.name), &hint);
                for l in value.lines() {
                    let l = text::clean(l.trim(), Lines::Join);
                    if !l.is_empty() {
                        out.push_str(&format!("{indent}  {l}\n"));
                    }
                }
            } else {
                line(out, lead, &format!("{}: {}", f.name, scalar(&value)), &hint);
            }
        }
    }
}

/// `lead` + `body`, then the field's hint as a trailing comment.
fn line(out: &mut String, lead: &str, body: &str, hint: &str) {
    out.push_str(lead);
    out.push_str(body);
    if !hint.is_empty() {
        out.push_str("  # ");
        out.push_str(&text::clean(hint, Lines::Join));
    }
    out.push('\n');
}

/// Comment lines before a field. On a list item's first field they go above the "- ".
fn notes_above(out: &mut String, lead: &str, indent: &str, notes: &[String]) {
    let at = lead.strip_suffix("- ").unwrap_or(indent);
    for n in notes {
        comment(out, at, n);
    }
}

fn comment(out: &mut String, indent: &str, text_: &str) {
    let cleaned = text::clean(text_, Lines::Join);
    out.push_str(indent);
    out.push('#');
    if !cleaned.is_empty() {
        out.push(' ');
        out.push_str(cleaned.trim_end());
    }
    out.push('\n');
}

/// A scalar as YAML: plain when that reads back as the same text, else double-quoted.
pub fn scalar(s: &str) -> String {
    yaml_scalar(s, false)
}

/// The same inside a flow list `[a, b]`, where commas and brackets end a plain scalar.
fn flow_scalar(s: &str) -> String {
    yaml_scalar(s, true)
}

fn yaml_scalar(s: &str, in_flow: bool) -> String {
    let s = text::clean(s, Lines::Join);
    if plain_ok(&s, in_flow) {
        s.into_owned()
    } else {
        quoted(&s)
    }
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn plain_ok(s: &str, in_flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s != s.trim() || s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if in_flow && s.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    // Words YAML reads as something other than text.
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n"
    ) {
        return false;
    }
    // Whole numbers and dates stay plain (`people: 48651`, `published: 2024-08-07`);
    // other number-like text (0123, 1.50, 1e3) is quoted so it reads back unchanged.
    let numeric = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '+' | '-' | 'e' | 'E' | '_'));
    let whole = s.bytes().all(|b| b.is_ascii_digit()) && !(s.len() > 1 && s.starts_with('0'));
    let date = crate::model::PartialDate::parse(s, crate::model::DatePrecision::Any).is_ok();
    !numeric || whole || date
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for s in [
            "岩手労働局",
            "ID: 1",
            "- 箇条書き",
            "#1",
            "[PR]広告",
            "yes",
            "0123",
            "1.50",
            "1e3",
            "「かぎ括弧」で始まる",
            "a # b",
            "末尾:",
        ] {
            let yaml = format!("k: {}\nl: [{}]\n", scalar(s), flow_scalar(s));
            let v: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
            assert_eq!(v["k"].as_str(), Some(s), "{yaml}");
            assert_eq!(v["l"][0].as_str(), Some(s), "{yaml}");
        }
    }

    #[test]
    fn numbers_and_dates_stay_plain() {
        assert_eq!(scalar("48651"), "48651");
        assert_eq!(scalar("2024-08-07"), "2024-08-07");
        assert_eq!(scalar("2024-08"), "2024-08");
        assert_eq!(scalar("0123"), "\"0123\"");
    }
}
