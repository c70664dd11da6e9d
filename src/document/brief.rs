//! The brief of a case, for a slide (`show --format brief`, `Y`).

use super::case::{byline, citation, measure_text};
use super::{Anchor, Block, Document, Inline, Item, List, Ref, Text};
use crate::catalog::Catalogs;
use crate::lang::{Lang, t};
use crate::model::Case;

/// The brief for a slide: title, organization and date, a one- or
/// two-sentence gist, the causes in one line, at most five measures with
/// their control ids, and the citation. Fifteen lines at most.
pub fn brief(case: &Case, catalogs: &Catalogs, lang: Lang) -> Document {
    const MEASURES: usize = 5;
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: Text::plain(case.title.clone()),
        anchor: Some(Anchor::Title),
    }];
    blocks.push(Block::Byline(byline(case, catalogs, lang)));
    blocks.push(Block::Paragraph(Text::plain(gist(&case.summary))));
    let causes = crate::export::cause_titles(case, catalogs, lang).join(t(lang, "、", ", "));
    blocks.push(Block::Paragraph(Text::plain(format!(
        "{}{causes}",
        t(lang, "原因: ", "Causes: ")
    ))));
    let total = case.measures.len();
    let heading = match (lang, total > MEASURES) {
        (Lang::Ja, false) => "再発防止策:".to_string(),
        (Lang::Ja, true) => format!("再発防止策（全{total}件のうち{MEASURES}件）:"),
        (Lang::En, false) => "Measures:".to_string(),
        (Lang::En, true) => format!("Measures ({MEASURES} of {total}):"),
    };
    blocks.push(Block::Paragraph(Text::plain(heading)));
    blocks.push(Block::List(List {
        numbered: true,
        items: case
            .measures
            .iter()
            .take(MEASURES)
            .enumerate()
            .map(|(i, m)| {
                let mut text = measure_text(m, lang);
                text.push_str(t(lang, "（", " ("));
                for (j, r) in m.controls.iter().enumerate() {
                    if j > 0 {
                        text.push_str(", ");
                    }
                    text.push(Inline::Control(Ref {
                        control: r.clone(),
                        title: None,
                    }));
                }
                text.push_str(t(lang, "）", ")"));
                Item {
                    text,
                    refs: Vec::new(),
                    anchor: Some(Anchor::Measure(i)),
                }
            })
            .collect(),
    }));
    let mut source = Text::plain(t(lang, "出典: ", "Source: "));
    source.push(Inline::Citation(citation(case, 0, lang)));
    blocks.push(Block::Paragraph(source));
    Document {
        title: case.title.clone(),
        lang,
        blocks,
        register: None,
    }
}

/// The first sentence of a summary, and the second too when both are short.
fn gist(summary: &str) -> String {
    let joined = crate::export::summary::join_lines(summary);
    let mut sentences = joined.split_inclusive('。');
    let first = sentences.next().unwrap_or_default().to_string();
    match sentences.next() {
        Some(second) if (first.chars().count() + second.chars().count()) <= 140 => first + second,
        _ => first,
    }
}
