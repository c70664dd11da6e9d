//! Short control ids in documents that name their schemes once: a training
//! pack shows `A.7.14` and `10-5-4`, and its introduction says which scheme
//! each kind of id belongs to. An id that two cited schemes share keeps its
//! scheme (`iso27001:X`, `team:X`), so no short id is ambiguous.

use std::collections::HashMap;

use super::{Block, Inline, Ref, Text};
use crate::catalog::Catalogs;
use crate::lang::Lang;

/// A scheme a document cites, with the first id cited from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    pub scheme: String,
    pub example: String,
}

/// Marks every control reference in `groups` of blocks short, except ids
/// that more than one cited scheme has; returns the schemes cited, in order
/// of first appearance.
pub fn shorten<'a>(groups: impl IntoIterator<Item = &'a mut [Block]>) -> Vec<Cited> {
    let mut refs: Vec<&mut Ref> = groups.into_iter().flat_map(refs_mut).collect();
    let mut cited: Vec<Cited> = Vec::new();
    let mut schemes_of: HashMap<String, Vec<String>> = HashMap::new();
    for r in &refs {
        let (scheme, id) = (&r.control.scheme, &r.control.id);
        if !cited.iter().any(|c| &c.scheme == scheme) {
            cited.push(Cited {
                scheme: scheme.clone(),
                example: id.clone(),
            });
        }
        let schemes = schemes_of.entry(id.clone()).or_default();
        if !schemes.contains(scheme) {
            schemes.push(scheme.clone());
        }
    }
    for r in &mut refs {
        r.short = schemes_of.get(&r.control.id).is_some_and(|s| s.len() == 1);
    }
    cited
}

/// The sentence that names the schemes once: `管理策は番号で示します。A.7.14
/// などは ISO/IEC 27001:2022 附属書A、10-5-4 などは …の項目です。` None when
/// nothing is cited.
pub fn note(cited: &[Cited], catalogs: &Catalogs, lang: Lang) -> Option<Text> {
    if cited.is_empty() {
        return None;
    }
    let parts: Vec<String> = cited
        .iter()
        .map(|c| {
            let title = catalogs
                .scheme(&c.scheme)
                .map(|cat| cat.title.get(lang).to_string())
                .unwrap_or_else(|| c.scheme.clone());
            // A space where Japanese meets Latin letters, as elsewhere.
            let space = if title.starts_with(|c: char| c.is_ascii()) {
                " "
            } else {
                ""
            };
            match lang {
                Lang::Ja => format!("{} などは{space}{title}", c.example),
                Lang::En => format!("{} and the like: {title}", c.example),
            }
        })
        .collect();
    Some(Text::plain(match lang {
        Lang::Ja => format!("管理策は番号で示します。{}の項目です。", parts.join("、")),
        Lang::En => format!(
            "Controls are given by their numbers ({}).",
            parts.join("; ")
        ),
    }))
}

fn refs_mut(blocks: &mut [Block]) -> Vec<&mut Ref> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { text, .. }
            | Block::Paragraph(text)
            | Block::Byline(text)
            | Block::Aside { text, .. } => text_refs(text, &mut out),
            Block::List(list) => {
                for item in &mut list.items {
                    text_refs(&mut item.text, &mut out);
                    out.extend(item.refs.iter_mut());
                }
            }
            Block::Table(table) => {
                for cell in table.rows.iter_mut().flatten() {
                    text_refs(cell, &mut out);
                }
            }
            Block::PageBreak => {}
        }
    }
    out
}

fn text_refs<'a>(text: &'a mut Text, out: &mut Vec<&'a mut Ref>) {
    for inline in &mut text.0 {
        if let Inline::Control(r) = inline {
            out.push(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Item, List};
    use crate::model::ControlRef;

    fn item(refs: &[(&str, &str)]) -> Item {
        Item {
            text: Text::plain("策"),
            refs: refs
                .iter()
                .map(|(s, i)| Ref::new(ControlRef::new(s, i), None))
                .collect(),
            anchor: None,
        }
    }

    #[test]
    fn ids_are_short_unless_two_schemes_share_one() {
        let mut blocks = [Block::List(List {
            numbered: true,
            items: vec![
                item(&[("iso27001", "A.7.14"), ("ppc", "10-5-4")]),
                item(&[("team", "A.7.14"), ("iso27001", "A.5.1")]),
            ],
        })];
        let cited = shorten([&mut blocks[..]]);
        let Block::List(list) = &blocks[0] else {
            unreachable!()
        };
        let shown: Vec<String> = list
            .items
            .iter()
            .flat_map(|i| i.refs.iter().map(Ref::id))
            .collect();
        assert_eq!(shown, ["iso27001:A.7.14", "10-5-4", "team:A.7.14", "A.5.1"]);
        let schemes: Vec<&str> = cited.iter().map(|c| c.scheme.as_str()).collect();
        assert_eq!(schemes, ["iso27001", "ppc", "team"]);
        assert_eq!(cited[0].example, "A.7.14");
    }
}
