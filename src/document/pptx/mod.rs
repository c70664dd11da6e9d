//! PowerPoint (.pptx), written natively beside the Word writer: a 16:9 deck
//! of the slides of a [`Deck`], each with its speaker notes, in a package
//! written with the zip crate. Every run names its Latin and East Asian fonts
//! (Yu Gothic / 游ゴシック, as the Word files do; the theme names the same, so
//! text typed into the deck later matches). Text is measured ([`layout`])
//! before it is placed: a long title shrinks, then wraps; a body that does not
//! fit at the smallest size continues on another slide (「（続き）」), so no
//! text runs out of its box.
//!
//! Slide titles are title placeholders (PowerPoint's outline and navigation
//! show them); lists are real numbered and bulleted paragraphs; source URLs
//! are hyperlinks.

pub mod layout;
mod parts;

use std::io::Write as _;

use layout::{Bullet, Look, Para, Role, Span};

use super::deck::{Deck, Kind, Slide};
use super::{Block, Citation, Inline, Text};
use crate::lang::{Lang, t};
use crate::text::{Lines, clean};

/// EMU per point.
const PT: f64 = 12700.0;
/// 16:9, 13.333 × 7.5 inches, in EMU.
pub const SLIDE_W: i64 = 12192000;
pub const SLIDE_H: i64 = 6858000;

/// The slide in points, and where text goes.
const W: f64 = 960.0;
const H: f64 = 540.0;
const SIDE: f64 = 40.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 18.0;
/// Title sizes, largest first, and the most lines a title takes before it shrinks.
const TITLE_SIZES: [f64; 5] = [28.0, 26.0, 24.0, 22.0, 20.0];
const TITLE_LINES: usize = 2;
const COVER_SIZES: [f64; 5] = [40.0, 36.0, 32.0, 28.0, 24.0];
const COVER_LINES: usize = 3;
/// Speaker notes, in points.
const NOTES_SIZE: f64 = 12.0;

/// A text box: where, and its paragraphs.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub paras: Vec<Para>,
}

/// A slide as laid out: its title box, its body's boxes (one per column)
/// and footer box, and its notes.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub cover: bool,
    pub title: Frame,
    /// The title's size in points.
    pub title_size: f64,
    pub body: Vec<Frame>,
    pub footer: Option<Frame>,
    pub notes: Vec<String>,
}

/// The deck as a .pptx file.
pub fn render(deck: &Deck) -> Result<Vec<u8>, crate::diag::Message> {
    let placed: Vec<Placed> = deck
        .slides
        .iter()
        .flat_map(|s| place(s, deck.lang))
        .collect();
    let failed = |e: &dyn std::fmt::Display| {
        crate::msg!(
            "PowerPoint ファイルを作れませんでした: {e}",
            "cannot build the PowerPoint file: {e}"
        )
    };
    let now = super::docx::now().map_err(|e| failed(&e))?;
    package(deck, &placed, &now).map_err(|e| failed(&e))
}

/// Between columns, in points.
const GUTTER: f64 = 28.0;

/// The slides of `slide` as laid out: one, or more when its body continues.
pub fn place(slide: &Slide, lang: Lang) -> Vec<Placed> {
    let notes = notes(&slide.notes, lang);
    let title = safe(&slide.title);
    if slide.kind == Kind::Cover {
        return vec![cover(&title, &slide.body, notes, lang)];
    }
    let width = W - 2.0 * SIDE;
    let more = format!("{title}{}", t(lang, "（続き）", " (continued)"));
    let footer = slide.footer.as_ref().map(|text| {
        let paras = vec![Para::new(Role::Footer, Bullet::None, spans(text))];
        let h = layout::height(&paras, width);
        Frame {
            x: SIDE,
            y: H - BOTTOM - h,
            w: width,
            h,
            paras,
        }
    });
    let body_bottom = footer.as_ref().map_or(H - BOTTOM, |f| f.y - 10.0);
    let columns = slide.columns.max(1);
    let column_w = (width - GUTTER * (columns - 1) as f64) / columns as f64;
    let paras = body(&slide.body, lang);
    let set = layout::fit_title(&title, width, &TITLE_SIZES, TITLE_LINES);
    let set_more = layout::fit_title(&more, width, &TITLE_SIZES, TITLE_LINES);
    // The body under the title; when it continues on more slides, under the
    // taller of the two titles on all of them.
    let mut title_h = set.height();
    let mut flowed = layout::paginate(&paras, column_w, body_bottom - body_top(title_h), columns);
    if flowed.len() > columns && set_more.height() > title_h {
        title_h = set_more.height();
        flowed = layout::paginate(&paras, column_w, body_bottom - body_top(title_h), columns);
    }
    let (top, room) = (body_top(title_h), body_bottom - body_top(title_h));
    let mut pages: Vec<Vec<Vec<Para>>> = flowed.chunks(columns).map(<[_]>::to_vec).collect();
    if pages.is_empty() {
        pages.push(Vec::new());
    }
    pages
        .into_iter()
        .enumerate()
        .map(|(k, page)| {
            let (text, set) = if k == 0 {
                (&title, set)
            } else {
                (&more, set_more)
            };
            Placed {
                cover: false,
                title: Frame {
                    x: SIDE,
                    y: TOP,
                    w: set.width,
                    h: set.height(),
                    paras: vec![title_para(text, set)],
                },
                title_size: set.size,
                body: page
                    .into_iter()
                    .enumerate()
                    .map(|(c, paras)| Frame {
                        x: SIDE + c as f64 * (column_w + GUTTER),
                        y: top,
                        w: column_w,
                        h: room,
                        paras,
                    })
                    .collect(),
                footer: footer.clone(),
                // The notes go with the first of the slides.
                notes: if k == 0 { notes.clone() } else { Vec::new() },
            }
        })
        .collect()
}

/// Where the body starts under a title `title_h` points high (and its rule).
fn body_top(title_h: f64) -> f64 {
    TOP + title_h + 16.0
}

/// The title slide: the title large, the lines under it, the block centred.
fn cover(title: &str, body: &[Block], notes: Vec<String>, lang: Lang) -> Placed {
    let (x, width) = (60.0, W - 120.0);
    let set = layout::fit_title(title, width, &COVER_SIZES, COVER_LINES);
    let title_h = set.height();
    let mut paras = body_paras(body, lang);
    for p in &mut paras {
        if p.role == Role::Text {
            *p = Para::new(Role::Subtitle, p.bullet, p.spans.clone());
        }
    }
    // The lines under the title at a size that leaves the page to the title.
    let room = H - 2.0 * 30.0 - title_h - 24.0;
    let mut sub_h = layout::height(&paras, width);
    for scale in layout::SCALES {
        if sub_h <= room {
            break;
        }
        paras = paras.iter().map(|p| p.scaled(scale)).collect();
        sub_h = layout::height(&paras, width);
    }
    let top = ((H - title_h - 24.0 - sub_h) / 2.0 - 20.0).max(30.0);
    Placed {
        cover: true,
        title: Frame {
            x,
            y: top,
            w: set.width,
            h: title_h,
            paras: vec![title_para(title, set)],
        },
        title_size: set.size,
        body: if paras.is_empty() {
            Vec::new()
        } else {
            vec![Frame {
                x,
                y: top + title_h + 24.0,
                w: width,
                h: sub_h,
                paras,
            }]
        },
        footer: None,
        notes,
    }
}

/// A title as one paragraph, with a line break where it breaks between phrases.
fn title_para(text: &str, set: layout::Title) -> Para {
    let spans = match set.break_at {
        Some(at) => {
            let first: String = text.chars().take(at).collect();
            let rest: String = text.chars().skip(at).collect();
            vec![
                Span::plain(first.trim_end()),
                Span::plain("\n"),
                Span::plain(rest.trim_start()),
            ]
        }
        None => vec![Span::plain(text)],
    };
    Para {
        size: set.size,
        ..Para::new(Role::Title, Bullet::None, spans)
    }
}

/// The paragraphs of a slide's body.
fn body(blocks: &[Block], lang: Lang) -> Vec<Para> {
    body_paras(blocks, lang)
}

fn body_paras(blocks: &[Block], lang: Lang) -> Vec<Para> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { text, .. } => {
                out.push(Para::new(Role::Heading, Bullet::None, spans(text)))
            }
            Block::Paragraph(text) => out.push(Para::new(Role::Text, Bullet::None, spans(text))),
            Block::Byline(text) => out.push(Para::new(Role::Byline, Bullet::None, spans(text))),
            Block::List(list) => {
                for (i, item) in list.items.iter().enumerate() {
                    let bullet = if list.numbered {
                        Bullet::Number(i + 1)
                    } else {
                        Bullet::Dot
                    };
                    out.push(Para::new(Role::Item, bullet, spans(&item.text)));
                    if !item.refs.is_empty() {
                        let mut refs = Vec::new();
                        for (j, r) in item.refs.iter().enumerate() {
                            if j > 0 {
                                refs.push(Span::plain(super::plain::separator(lang)));
                            }
                            refs.extend(control(r));
                        }
                        out.push(Para::new(
                            Role::Byline,
                            Bullet::Hang {
                                numbered: list.numbered,
                            },
                            refs,
                        ));
                    }
                }
            }
            Block::Table(table) => {
                for row in &table.rows {
                    let cells: Vec<String> = row.iter().map(Text::to_plain).collect();
                    out.push(Para::new(
                        Role::Item,
                        Bullet::Dot,
                        vec![Span::plain(safe(&cells.join(" — ")))],
                    ));
                }
            }
            Block::PageBreak | Block::Aside { .. } => {}
        }
    }
    out
}

/// The spans of a text; a line break joins the lines (as in Word).
fn spans(text: &Text) -> Vec<Span> {
    let mut out = Vec::new();
    for piece in &text.0 {
        match piece {
            Inline::Plain(s) | Inline::Anchored { text: s, .. } | Inline::Term { title: s, .. } => {
                out.push(Span::plain(safe(s)))
            }
            Inline::Break => {}
            Inline::Label(s) => out.push(Span {
                text: safe(s),
                look: Look::Label,
                url: None,
            }),
            Inline::Control(r) => out.extend(control(r)),
            Inline::Citation(c) => out.extend(citation(c)),
        }
    }
    out.retain(|s| !s.text.is_empty());
    out
}

fn control(r: &super::Ref) -> Vec<Span> {
    let mut out = vec![Span {
        text: super::docx::unbroken(&r.id()),
        look: Look::Control,
        url: None,
    }];
    if let Some(title) = r.title.as_deref().filter(|t| !t.is_empty()) {
        out.push(Span::plain(format!(" {}", safe(title))));
    }
    out
}

/// `{who}「{title}」({date}) [casebook: {id}]` and the URL as a hyperlink;
/// ids never break at their hyphens (non-breaking hyphens, as in Word).
fn citation(c: &Citation) -> Vec<Span> {
    let mut out = vec![Span::plain(safe(&super::plain::citation(&Citation {
        url: None,
        id: None,
        ..c.clone()
    })))];
    if let Some(id) = &c.id {
        out.push(Span::plain(format!(
            " [casebook: {}]",
            super::docx::unbroken(id)
        )));
    }
    if let Some(url) = &c.url {
        out.push(Span::plain(" "));
        out.push(Span {
            text: safe(url),
            look: Look::Link,
            url: Some(safe(url)),
        });
    }
    out
}

/// The speaker notes as lines of plain text: headings, paragraphs, list
/// items with their marks and control references.
fn notes(blocks: &[Block], lang: Lang) -> Vec<String> {
    if blocks.is_empty() {
        return Vec::new();
    }
    let doc = super::Document {
        title: String::new(),
        lang,
        blocks: blocks.to_vec(),
        register: None,
    };
    super::plain::render(&doc, None).lines().map(safe).collect()
}

/// One line of text, without control characters.
fn safe(s: &str) -> String {
    clean(s, Lines::Join).into_owned()
}

fn esc(s: &str) -> String {
    super::docx::xml_escape(s)
}

fn emu(points: f64) -> i64 {
    (points * PT).round() as i64
}

/// `sz` and spacing values: hundredths of a point.
fn centi(points: f64) -> i64 {
    (points * 100.0).round() as i64
}

fn lang_attrs(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "lang=\"ja-JP\" altLang=\"en-US\"",
        Lang::En => "lang=\"en-US\" altLang=\"ja-JP\"",
    }
}

/// A paragraph's XML; `links` collects hyperlink targets (their ids are
/// `rId{3 + index}` in the slide's relationships).
fn para_xml(
    p: &Para,
    first: bool,
    start: Option<usize>,
    lang: Lang,
    links: &mut Vec<String>,
) -> String {
    let indent = emu(p.indent());
    let hanging = match p.bullet {
        Bullet::Number(_) | Bullet::Dot => -indent,
        _ => 0,
    };
    let before = if first { 0.0 } else { p.before() };
    let bullet = match p.bullet {
        Bullet::None | Bullet::Hang { .. } => "<a:buNone/>".to_string(),
        Bullet::Dot => "<a:buClr><a:srgbClr val=\"1F3864\"/></a:buClr>\
             <a:buFont typeface=\"游ゴシック\"/><a:buChar char=\"・\"/>"
            .to_string(),
        Bullet::Number(_) => {
            let at = start
                .filter(|&n| n != 1)
                .map(|n| format!(" startAt=\"{n}\""))
                .unwrap_or_default();
            format!(
                "<a:buClr><a:srgbClr val=\"262626\"/></a:buClr><a:buFont typeface=\"+mj-lt\"/>\
                 <a:buAutoNum type=\"arabicPeriod\"{at}/>"
            )
        }
    };
    let mut s = format!(
        "<a:p><a:pPr marL=\"{indent}\" indent=\"{hanging}\"><a:lnSpc><a:spcPts val=\"{}\"/></a:lnSpc>\
         <a:spcBef><a:spcPts val=\"{}\"/></a:spcBef>{bullet}</a:pPr>",
        centi(p.pitch()),
        centi(before)
    );
    let (sz, la) = (centi(p.size), lang_attrs(lang));
    for span in &p.spans {
        let (color, bold) = match span.look {
            Look::Plain => (p.color(), p.bold()),
            Look::Label => ("833C0B", true),
            Look::Control => ("1F3864", true),
            Look::Link => ("0563C1", false),
        };
        let b = if bold { " b=\"1\"" } else { "" };
        let u = if span.look == Look::Link {
            " u=\"sng\""
        } else {
            ""
        };
        let link = match &span.url {
            Some(url) => {
                links.push(url.clone());
                format!("<a:hlinkClick r:id=\"rId{}\"/>", 2 + links.len())
            }
            None => String::new(),
        };
        if span.text == "\n" {
            s.push_str(&format!(
                "<a:br><a:rPr {la} sz=\"{sz}\"{b} dirty=\"0\">{}</a:rPr></a:br>",
                parts::FONTS
            ));
            continue;
        }
        s.push_str(&format!(
            "<a:r><a:rPr {la} sz=\"{sz}\"{b}{u} dirty=\"0\"><a:solidFill><a:srgbClr val=\"{color}\"/></a:solidFill>{}{link}</a:rPr><a:t>{}</a:t></a:r>",
            parts::FONTS,
            esc(&span.text)
        ));
    }
    s.push_str(&format!(
        "<a:endParaRPr {la} sz=\"{sz}\" dirty=\"0\">{}</a:endParaRPr></a:p>",
        parts::FONTS
    ));
    s
}

/// The paragraphs of a box; a numbered list picks up its numbering where
/// the slide before left off.
fn paras_xml(paras: &[Para], lang: Lang, links: &mut Vec<String>) -> String {
    let mut s = String::new();
    let mut numbering = false;
    for (i, p) in paras.iter().enumerate() {
        let start = match p.bullet {
            Bullet::Number(n) if !numbering => {
                numbering = true;
                Some(n)
            }
            _ => None,
        };
        s.push_str(&para_xml(p, i == 0, start, lang, links));
    }
    s
}

fn body_pr() -> &'static str {
    "<a:bodyPr vert=\"horz\" wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" \
     rtlCol=\"0\" anchor=\"t\" anchorCtr=\"0\"><a:noAutofit/></a:bodyPr><a:lstStyle/>"
}

fn xfrm(f: &Frame) -> String {
    format!(
        "<a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm>",
        emu(f.x),
        emu(f.y),
        emu(f.w),
        emu(f.h)
    )
}

fn placeholder_shape(
    id: u32,
    name: &str,
    ph: &str,
    f: &Frame,
    lang: Lang,
    links: &mut Vec<String>,
) -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr><p:txBody>{}{}</p:txBody></p:sp>",
        xfrm(f),
        body_pr(),
        paras_xml(&f.paras, lang, links)
    )
}

fn text_box(id: u32, name: &str, f: &Frame, lang: Lang, links: &mut Vec<String>) -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>\
         <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>\
         <p:txBody>{}{}</p:txBody></p:sp>",
        xfrm(f),
        body_pr(),
        paras_xml(&f.paras, lang, links)
    )
}

/// The rule under a slide's title.
fn rule(id: u32, y: f64) -> String {
    let f = Frame {
        x: SIDE,
        y,
        w: W - 2.0 * SIDE,
        h: 1.5,
        paras: Vec::new(),
    };
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Rule\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>\
         <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>\
         <a:solidFill><a:srgbClr val=\"1F3864\"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>",
        xfrm(&f)
    )
}

/// A slide's XML and its hyperlink targets.
fn slide_xml(p: &Placed, lang: Lang) -> (String, Vec<String>) {
    let mut links = Vec::new();
    let mut shapes = String::new();
    if p.cover {
        shapes.push_str(&placeholder_shape(
            2,
            "Title 1",
            "type=\"ctrTitle\"",
            &p.title,
            lang,
            &mut links,
        ));
        if let Some(body) = p.body.first() {
            shapes.push_str(&placeholder_shape(
                3,
                "Subtitle 2",
                "type=\"subTitle\" idx=\"1\"",
                body,
                lang,
                &mut links,
            ));
        }
    } else {
        shapes.push_str(&placeholder_shape(
            2,
            "Title 1",
            "type=\"title\"",
            &p.title,
            lang,
            &mut links,
        ));
        shapes.push_str(&rule(3, p.title.y + p.title.h + 6.0));
        if let Some(footer) = &p.footer {
            shapes.push_str(&text_box(4, "Source", footer, lang, &mut links));
        }
        for (c, body) in p.body.iter().enumerate() {
            let name = format!("Body {}", c + 1);
            shapes.push_str(&text_box(5 + c as u32, &name, body, lang, &mut links));
        }
    }
    let xml = format!(
        "{}<p:sld {}><p:cSld><p:spTree>{}{shapes}</p:spTree></p:cSld>\
         <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>",
        parts::HEAD,
        parts::NS,
        parts::group()
    );
    (xml, links)
}

fn notes_xml(lines: &[String], lang: Lang) -> String {
    let la = lang_attrs(lang);
    let sz = centi(NOTES_SIZE);
    let paras: String = lines
        .iter()
        .map(|l| {
            if l.is_empty() {
                format!("<a:p><a:endParaRPr {la} sz=\"{sz}\" dirty=\"0\">{}</a:endParaRPr></a:p>", parts::FONTS)
            } else {
                format!(
                    "<a:p><a:r><a:rPr {la} sz=\"{sz}\" dirty=\"0\">{}</a:rPr><a:t>{}</a:t></a:r></a:p>",
                    parts::FONTS,
                    esc(l)
                )
            }
        })
        .collect();
    format!(
        "{}<p:notes {}><p:cSld><p:spTree>{}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/>\
         <p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>\
         <p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/>\
         <p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr>\
         <p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp>\
         </p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>",
        parts::HEAD,
        parts::NS,
        parts::group()
    )
}

/// The package: every part, `[Content_Types].xml` first.
fn package(deck: &Deck, slides: &[Placed], now: &str) -> Result<Vec<u8>, zip::result::ZipError> {
    let with_notes: Vec<usize> = (1..=slides.len())
        .filter(|&n| !slides[n - 1].notes.is_empty())
        .collect();
    let mut files: Vec<(String, String)> = vec![
        (
            "[Content_Types].xml".into(),
            parts::content_types(slides.len(), &with_notes),
        ),
        ("_rels/.rels".into(), parts::root_rels()),
        (
            "docProps/core.xml".into(),
            super::docx::core_xml(&deck.title, now),
        ),
        (
            "docProps/app.xml".into(),
            parts::app(slides.len(), with_notes.len()),
        ),
        (
            "ppt/presentation.xml".into(),
            parts::presentation(slides.len()),
        ),
        (
            "ppt/_rels/presentation.xml.rels".into(),
            parts::presentation_rels(slides.len()),
        ),
        ("ppt/presProps.xml".into(), parts::pres_props()),
        ("ppt/viewProps.xml".into(), parts::view_props()),
        ("ppt/tableStyles.xml".into(), parts::table_styles()),
        ("ppt/theme/theme1.xml".into(), parts::theme("casebook")),
        (
            "ppt/theme/theme2.xml".into(),
            parts::theme("casebook notes"),
        ),
        (
            "ppt/slideMasters/slideMaster1.xml".into(),
            parts::slide_master(),
        ),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels".into(),
            parts::slide_master_rels(),
        ),
        (
            "ppt/notesMasters/notesMaster1.xml".into(),
            parts::notes_master(),
        ),
        (
            "ppt/notesMasters/_rels/notesMaster1.xml.rels".into(),
            parts::notes_master_rels(),
        ),
    ];
    for n in 1..=2 {
        files.push((
            format!("ppt/slideLayouts/slideLayout{n}.xml"),
            parts::slide_layout(n),
        ));
        files.push((
            format!("ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"),
            parts::slide_layout_rels(),
        ));
    }
    for (i, slide) in slides.iter().enumerate() {
        let n = i + 1;
        let (xml, links) = slide_xml(slide, deck.lang);
        let layout = if slide.cover { 1 } else { 2 };
        let mut rels = vec![(
            "rId1".to_string(),
            "slideLayout",
            format!("../slideLayouts/slideLayout{layout}.xml"),
        )];
        if !slide.notes.is_empty() {
            rels.push((
                "rId2".into(),
                "notesSlide",
                format!("../notesSlides/notesSlide{n}.xml"),
            ));
            files.push((
                format!("ppt/notesSlides/notesSlide{n}.xml"),
                notes_xml(&slide.notes, deck.lang),
            ));
            files.push((
                format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
                parts::rels(&[
                    (
                        "rId1".into(),
                        "notesMaster",
                        "../notesMasters/notesMaster1.xml".into(),
                    ),
                    ("rId2".into(), "slide", format!("../slides/slide{n}.xml")),
                ]),
            ));
        }
        for (k, url) in links.iter().enumerate() {
            rels.push((
                format!("rId{}", 3 + k),
                "hyperlink",
                esc(&super::markdown::destination(url)),
            ));
        }
        files.push((format!("ppt/slides/slide{n}.xml"), xml));
        files.push((
            format!("ppt/slides/_rels/slide{n}.xml.rels"),
            parts::rels(&rels),
        ));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in files {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}
