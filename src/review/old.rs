//! What an earlier version of a case file said, read leniently: its id, its
//! measures' text, status and controls, and its threats. An old version need
//! not pass today's checks (a catalog may have changed since); only these
//! facts are compared with the case as it is now.

use crate::model::{ControlRef, Progress};
use crate::yaml::{self, Node, Value};

/// An earlier version of a case.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OldCase {
    pub id: String,
    pub title: String,
    pub measures: Vec<OldMeasure>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct OldMeasure {
    pub text: String,
    pub status: Option<Progress>,
    pub controls: Vec<ControlRef>,
}

/// The facts of a file's text; None when it is not a case at all (no id).
pub fn read(bytes: &[u8]) -> Option<OldCase> {
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let root = yaml::parse(text).ok()??;
    let id = scalar(get(&root, "id")?)?;
    let measures = match get(&root, "measures").map(|n| &n.value) {
        Some(Value::Seq(items)) => items.iter().map(measure).collect(),
        _ => Vec::new(),
    };
    Some(OldCase {
        id: id.trim().to_string(),
        title: get(&root, "title").and_then(scalar).unwrap_or_default(),
        measures,
    })
}

fn measure(node: &Node) -> OldMeasure {
    let controls = match get(node, "controls").map(|n| &n.value) {
        Some(Value::Seq(items)) => items
            .iter()
            .filter_map(scalar)
            .filter_map(|s| ControlRef::parse(&s))
            .collect(),
        _ => Vec::new(),
    };
    OldMeasure {
        text: get(node, "text")
            .and_then(scalar)
            .map(|t| normalize(&t))
            .unwrap_or_default(),
        status: get(node, "status")
            .and_then(scalar)
            .and_then(|s| Progress::parse(s.trim())),
        controls,
    }
}

/// Text as the loader keeps it for comparison: trimmed, lines joined.
pub fn normalize(text: &str) -> String {
    crate::text::clean(text.trim(), crate::text::Lines::Join).into_owned()
}

fn get<'n>(node: &'n Node, name: &str) -> Option<&'n Node> {
    let Value::Map(pairs) = &node.value else {
        return None;
    };
    pairs
        .iter()
        .find(|(k, _)| matches!(&k.value, Value::Scalar { text, .. } if text == name))
        .map(|(_, v)| v)
}

fn scalar(node: &Node) -> Option<String> {
    match &node.value {
        Value::Scalar { text, .. } => Some(text.clone()),
        _ => None,
    }
}
