//! The brief of a case, for a slide (`show --format brief`, `Y`).

use super::case::{byline, citation, measure_text};
use super::{Anchor, Block, Document, Inline, Item, List, Ref, Text};
use crate::catalog::Catalogs;
use crate::lang::{Lang, t};
use crate::model::Case;

/// The parts of a brief, for a document ([`brief`]) or a slide
/// ([`super::deck`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Parts {
    pub title: String,
    pub byline: Text,
    /// The first sentence or two of the summary.
    pub gist: String,
    /// `原因: 管理ミス、紛失・置忘れ`
    pub causes: String,
    /// `再発防止策` or `再発防止策（全8件のうち5件）`, without a colon.
    pub measures_heading: String,
    /// At most five measures, each with its control ids.
    pub measures: List,
    /// `出典: ` and the citation.
    pub source: Text,
}

/// The most measures a brief shows.
pub const MEASURES: usize = 5;

/// The parts of the brief of `case`.
pub fn parts(case: &Case, catalogs: &Catalogs, lang: Lang) -> Parts {
    let causes = super::labels::cause_titles(case, catalogs, lang).join(t(lang, "、", ", "));
    let total = case.measures.len();
    let measures_heading = match (lang, total > MEASURES) {
        (Lang::Ja, false) => "再発防止策".to_string(),
        (Lang::Ja, true) => format!("再発防止策（全{total}件のうち{MEASURES}件）"),
        (Lang::En, false) => "Measures".to_string(),
        (Lang::En, true) => format!("Measures ({MEASURES} of {total})"),
    };
    let measures = List {
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
                    text.push(Inline::Control(Ref::new(r.clone(), None)));
                }
                text.push_str(t(lang, "）", ")"));
                Item {
                    text,
                    refs: Vec::new(),
                    anchor: Some(Anchor::Measure(i)),
                }
            })
            .collect(),
    };
    let mut source = Text::plain(t(lang, "出典: ", "Source: "));
    source.push(Inline::Citation(citation(case, 0, lang)));
    Parts {
        title: case.title.clone(),
        byline: byline(case, catalogs, lang),
        gist: gist(&case.summary),
        causes: format!("{}{causes}", t(lang, "原因: ", "Causes: ")),
        measures_heading,
        measures,
        source,
    }
}

/// The brief for a slide: title, organization and date, a one- or
/// two-sentence gist, the causes in one line, at most five measures with
/// their control ids, and the citation. Fifteen lines at most.
pub fn brief(case: &Case, catalogs: &Catalogs, lang: Lang) -> Document {
    let p = parts(case, catalogs, lang);
    let blocks = vec![
        Block::Heading {
            level: 1,
            text: Text::plain(p.title.clone()),
            anchor: Some(Anchor::Title),
        },
        Block::Byline(p.byline),
        Block::Paragraph(Text::plain(p.gist)),
        Block::Paragraph(Text::plain(p.causes)),
        Block::Paragraph(Text::plain(format!("{}:", p.measures_heading))),
        Block::List(p.measures),
        Block::Paragraph(p.source),
    ];
    Document {
        title: p.title,
        lang,
        blocks,
        register: None,
    }
}

/// The first sentence of a summary, and the second too when both are short.
fn gist(summary: &str) -> String {
    let joined = super::labels::join_lines(summary);
    let mut sentences = crate::sentence::split(&joined).map(|(_, s)| s);
    let first = sentences.next().unwrap_or_default().to_string();
    match sentences.next() {
        Some(second) if (first.chars().count() + second.chars().count()) <= 140 => first + second,
        _ => first,
    }
}
