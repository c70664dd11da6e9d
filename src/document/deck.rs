//! A slide deck: the slides of a training pack, of one case or of a precedent
//! list. Each slide is a title, blocks of the document model, a footer (the
//! citation) and speaker notes, taken from the builders every other output
//! uses: a case's brief ([`brief::parts`]) for its slide and its summary
//! ([`case::blocks`]) for the notes; the pack's title, order and covered
//! controls from [`collection`]. [`super::pptx`] lays the slides out.

use super::brief;
use super::case;
use super::collection;
use super::schemes;
use super::{Block, Document, Inline, Item, List, Text};
use crate::casebook::Casebook;
use crate::lang::{Lang, t};

#[derive(Clone, Debug, PartialEq)]
pub struct Deck {
    pub title: String,
    pub lang: Lang,
    pub slides: Vec<Slide>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The title slide: a large title and a few lines under it.
    Cover,
    /// A title, then the body.
    Content,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    pub kind: Kind,
    pub title: String,
    pub body: Vec<Block>,
    /// Set at the foot of the slide (a case's citation).
    pub footer: Option<Text>,
    /// The speaker notes.
    pub notes: Vec<Block>,
    /// Columns of the body: 2 for a list of short lines.
    pub columns: usize,
}

/// The deck of a training pack: a title slide (title, date, number of
/// cases, the control schemes), one slide per case in the order given
/// (its brief; its full summary in the notes), and a closing slide with the
/// controls the cases cite. `date` is the day the deck is made.
pub fn pack(book: &Casebook, cases: &[usize], lang: Lang, title: Option<&str>, date: &str) -> Deck {
    let cases = collection::chosen(cases);
    let title = collection::chosen_title(title, cases.len(), lang);
    let (e, cats) = (book.entries(), &book.catalogs);
    let count = match lang {
        Lang::Ja => format!("{date}　事例 {}件", cases.len()),
        Lang::En => format!(
            "{date} · {}",
            crate::plural::count(cases.len(), "case", "cases")
        ),
    };
    // The cover's notes: what the pack is, and its contents.
    let contents = List {
        numbered: true,
        items: cases
            .iter()
            .map(|&i| {
                let c = &e[i].case;
                plain_item(format!(
                    "{}（{} {}）",
                    c.title,
                    c.organization,
                    c.date().label(lang)
                ))
            })
            .collect(),
    };
    let mut slides = vec![Slide {
        kind: Kind::Cover,
        title: title.clone(),
        body: vec![Block::Paragraph(Text::plain(count))],
        footer: None,
        notes: vec![
            Block::Paragraph(Text::plain(t(
                lang,
                "公表された事故の事例と再発防止策を、ISO/IEC 27001:2022 附属書A と個人情報保護委員会ガイドラインの安全管理措置に対応付けてまとめたものです。各事例の全文と出典は、その事例のスライドのノートにあります。",
                "Published incidents and their prevention measures, mapped to ISO/IEC 27001:2022 Annex A and the PPC guideline's safety-management measures. Each case's full summary and source are in its slide's notes.",
            ))),
            Block::List(contents),
        ],
        columns: 1,
    }];
    for (n, &i) in cases.iter().enumerate() {
        slides.push(case_slide(book, i, lang, Some(n + 1)));
    }
    let covered = collection::covered(book, &cases, lang);
    if !covered.is_empty() {
        let items = covered
            .into_iter()
            .map(|(r, numbers)| {
                let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
                let cases = match lang {
                    Lang::Ja => format!("（事例 {}）", numbers.join("・")),
                    Lang::En => format!(
                        " ({} {})",
                        if numbers.len() == 1 { "case" } else { "cases" },
                        numbers.join(", ")
                    ),
                };
                Item {
                    text: Text(vec![Inline::Control(r), Inline::Plain(cases)]),
                    refs: Vec::new(),
                    anchor: None,
                }
            })
            .collect();
        slides.push(Slide {
            kind: Kind::Content,
            title: collection::covered_title(lang).to_string(),
            body: vec![Block::List(List {
                numbered: false,
                items,
            })],
            footer: None,
            notes: Vec::new(),
            columns: 2,
        });
    }
    let cited = schemes::shorten(
        slides
            .iter_mut()
            .flat_map(|s| [&mut s.body[..], &mut s.notes[..]]),
    );
    if let Some(note) = schemes::note(&cited, cats, lang) {
        slides[0].body.push(Block::Byline(note));
    }
    Deck {
        title,
        lang,
        slides,
    }
}

/// The deck of one case: its slide, with its summary in the notes.
pub fn case(book: &Casebook, i: usize, lang: Lang) -> Option<Deck> {
    let title = book.entries().get(i)?.case.title.clone();
    Some(Deck {
        title,
        lang,
        slides: vec![case_slide(book, i, lang, None)],
    })
}

/// A case's slide: its brief (numbered `n. ` in a pack); the notes hold the
/// whole summary and every source.
fn case_slide(book: &Casebook, i: usize, lang: Lang, number: Option<usize>) -> Slide {
    let c = &book.entries()[i].case;
    let p = brief::parts(c, &book.catalogs, lang);
    let number = number.map(|n| format!("{n}. ")).unwrap_or_default();
    Slide {
        kind: Kind::Content,
        title: format!("{number}{}", p.title),
        body: vec![
            Block::Byline(p.byline),
            Block::Paragraph(Text::plain(p.gist)),
            Block::Paragraph(Text::plain(p.causes)),
            Block::Heading {
                level: 2,
                text: Text::plain(p.measures_heading),
                anchor: None,
            },
            Block::List(p.measures),
        ],
        footer: Some(p.source),
        notes: case::blocks(c, &book.catalogs, lang, 1, None),
        columns: 1,
    }
}

/// The deck of a document made of sections (a precedent list): its title
/// and opening paragraphs on the title slide, then a slide for each
/// level-2 section; a paragraph holding a citation is the slide's footer.
pub fn sections(doc: &Document, date: &str) -> Deck {
    let mut slides = vec![Slide {
        kind: Kind::Cover,
        title: doc.title.clone(),
        body: vec![Block::Paragraph(Text::plain(date))],
        footer: None,
        notes: Vec::new(),
        columns: 1,
    }];
    for block in &doc.blocks {
        match block {
            Block::Heading { level: 1, .. } | Block::PageBreak | Block::Aside { .. } => {}
            Block::Heading { level: 2, text, .. } => slides.push(Slide {
                kind: Kind::Content,
                title: text.to_plain(),
                body: Vec::new(),
                footer: None,
                notes: Vec::new(),
                columns: 1,
            }),
            Block::Paragraph(text)
                if text.0.iter().any(|i| matches!(i, Inline::Citation(_))) && slides.len() > 1 =>
            {
                if let Some(slide) = slides.last_mut() {
                    slide.footer = Some(text.clone());
                }
            }
            other => {
                if let Some(slide) = slides.last_mut() {
                    slide.body.push(other.clone());
                }
            }
        }
    }
    Deck {
        title: doc.title.clone(),
        lang: doc.lang,
        slides,
    }
}

fn plain_item(text: String) -> Item {
    Item {
        text: Text::plain(text),
        refs: Vec::new(),
        anchor: None,
    }
}
