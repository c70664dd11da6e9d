//! Word (.docx), written natively with docx-rs: A4, real heading styles
//! (`heading 1`–`heading 3` with outline levels, so Word's navigation pane and
//! table of contents work), 游ゴシック / Yu Gothic set on every style (the East
//! Asian slot and the Latin slots, so Word and LibreOffice pick a Japanese
//! Gothic), tables whose columns fit their content, control ids that never
//! break (non-breaking hyphens, columns at least as wide as the longest id),
//! credit labels in bold, and source URLs as hyperlinks.

use docx_rs::{
    Docx, Hyperlink, HyperlinkType, LineSpacing, PageMargin, Paragraph, Run, RunFonts, Shading,
    SpecialIndentType, Style, StyleType, Table as DocxTable, TableCell, TableLayoutType, TableRow,
    WidthType,
};

use super::{Block, Citation, Document, Inline, List, Ref, Table, Text, widths};
use crate::text::{Lines, clean};

/// A4 in twentieths of a point, and the margins.
const PAGE: (u32, u32) = (11906, 16838);
const MARGIN_SIDE: i32 = 1134; // 20 mm
const MARGIN_TOP: i32 = 1418; // 25 mm
/// The width text can use.
pub const TEXT_WIDTH: u32 = PAGE.0 - 2 * MARGIN_SIDE as u32;
/// Font sizes in half-points.
const BODY: usize = 21; // 10.5 pt
const SMALL: usize = 18; // 9 pt: control references, tables
/// Table cell padding, left and right, in twips: Word's default cell margin
/// (0.19 cm), which Word and LibreOffice use as no margin is set.
const CELL_PAD: u32 = 108;

/// The East Asian font and its Latin name.
pub const FONT_EAST_ASIA: &str = "游ゴシック";
pub const FONT_LATIN: &str = "Yu Gothic";

/// The document as a .docx file, on portrait A4.
pub fn render(doc: &Document) -> Result<Vec<u8>, crate::diag::Message> {
    render_on(doc, false)
}

/// The document as a .docx file on landscape A4 (a register's wide table).
pub fn render_landscape(doc: &Document) -> Result<Vec<u8>, crate::diag::Message> {
    render_on(doc, true)
}

fn render_on(doc: &Document, landscape: bool) -> Result<Vec<u8>, crate::diag::Message> {
    let mut docx = styled(Docx::new(), landscape);
    let width = if landscape {
        PAGE.1 - 2 * MARGIN_SIDE as u32
    } else {
        TEXT_WIDTH
    };
    // A page break is the next heading's "page break before".
    let mut new_page = false;
    for block in &doc.blocks {
        docx = match block {
            Block::PageBreak => {
                new_page = true;
                continue;
            }
            Block::Heading { level, text, .. } => docx.add_paragraph(
                runs(Paragraph::new(), text)
                    .style(&format!("Heading{}", level.min(&3)))
                    .keep_next(true)
                    .page_break_before(std::mem::take(&mut new_page)),
            ),
            Block::Byline(text) => docx.add_paragraph(runs(Paragraph::new(), text).style("Byline")),
            Block::Paragraph(text) => docx.add_paragraph(runs(Paragraph::new(), text)),
            Block::List(list) => list_paragraphs(list, doc.lang)
                .into_iter()
                .fold(docx, |d, p| d.add_paragraph(p)),
            Block::Table(table) => docx
                .add_table(self::table(table, width))
                .add_paragraph(Paragraph::new()),
            Block::Aside { .. } => docx,
        };
    }
    let failed = |e: &dyn std::fmt::Display| {
        crate::msg!(
            "Word 文書を作れませんでした: {e}",
            "cannot build the Word document: {e}"
        )
    };
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).map_err(|e| failed(&e))?;
    let now = now().map_err(|e| failed(&e))?;
    with_core_properties(out.into_inner(), &doc.title, &now).map_err(|e| failed(&e))
}

/// The time now for document properties: `2024-08-07T01:02:03Z`.
pub(super) fn now() -> Result<String, time::error::Format> {
    time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .format(&time::format_description::well_known::Rfc3339)
}

/// docx-rs writes fixed document properties (created 1970-01-01, author and
/// last editor "unknown") and has no title: Word would show those under
/// File → Info. The package's `docProps/core.xml` is replaced by one with the
/// document's title and the time it was written (no author: Word fills in
/// whoever saves it). docx-rs cannot mark a table's header row either: in
/// `word/document.xml` the first row of each table is marked to repeat at the
/// top of every page the table runs onto. Every other part is copied as it is.
fn with_core_properties(
    package: Vec<u8>,
    title: &str,
    now: &str,
) -> Result<Vec<u8>, zip::result::ZipError> {
    use std::io::{Read as _, Write as _};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(package))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let name = part.name().to_string();
        let text = match name.as_str() {
            "docProps/core.xml" => core_xml(title, now),
            "word/document.xml" => {
                let mut xml = String::new();
                part.read_to_string(&mut xml)?;
                header_rows(&xml)
            }
            _ => {
                drop(part);
                out.raw_copy_file(archive.by_index_raw(i)?)?;
                continue;
            }
        };
        drop(part);
        out.start_file(name, options)?;
        out.write_all(text.as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

/// Marks the first row of every table as its header row (`w:tblHeader`).
fn header_rows(xml: &str) -> String {
    const ROW: &str = "<w:tr><w:trPr>";
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(at) = rest.find("<w:tbl>") {
        let (before, table) = rest.split_at(at);
        out.push_str(before);
        match table.find(ROW) {
            Some(row) => {
                out.push_str(&table[..row + ROW.len()]);
                out.push_str("<w:tblHeader />");
                rest = &table[row + ROW.len()..];
            }
            None => {
                out.push_str(table);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

pub(super) fn core_xml(title: &str, now: &str) -> String {
    let title = xml_escape(&clean(title, Lines::Join));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{now}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{now}</dcterms:modified>\
         </cp:coreProperties>"
    )
}

pub(super) fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT_LATIN)
        .hi_ansi(FONT_LATIN)
        .east_asia(FONT_EAST_ASIA)
        .cs(FONT_LATIN)
        .hint("eastAsia")
}

/// Page set-up and the styles every paragraph and run refers to.
fn styled(docx: Docx, landscape: bool) -> Docx {
    let heading = |level: usize, size: usize| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(level - 1)
            .fonts(fonts())
            .size(size)
            .bold()
            .color("1F3864")
            .line_spacing(
                LineSpacing::new()
                    .before(if level == 1 { 240 } else { 200 })
                    .after(80),
            )
    };
    let docx = if landscape {
        docx.page_size(PAGE.1, PAGE.0)
            .page_orient(docx_rs::PageOrientationType::Landscape)
    } else {
        docx.page_size(PAGE.0, PAGE.1)
    };
    docx.page_margin(PageMargin {
        top: MARGIN_TOP,
        left: MARGIN_SIDE,
        bottom: MARGIN_TOP,
        right: MARGIN_SIDE,
        header: 851,
        footer: 992,
        gutter: 0,
    })
    .default_fonts(fonts())
    .default_size(BODY)
    .default_line_spacing(LineSpacing::new().after(60))
    .add_style(heading(1, 32))
    .add_style(heading(2, 26))
    .add_style(heading(3, 22))
    .add_style(
        Style::new("Byline", StyleType::Paragraph)
            .name("Byline")
            .based_on("Normal")
            .fonts(fonts())
            .color("595959"),
    )
    .add_style(
        Style::new("References", StyleType::Paragraph)
            .name("Control references")
            .based_on("Normal")
            .fonts(fonts())
            .size(SMALL)
            .color("404040"),
    )
    .add_style(
        Style::new("TableText", StyleType::Paragraph)
            .name("Table text")
            .based_on("Normal")
            .fonts(fonts())
            .size(SMALL)
            .line_spacing(LineSpacing::new().after(0)),
    )
    .add_style(
        Style::new("TableHeader", StyleType::Paragraph)
            .name("Table header")
            .based_on("TableText")
            .fonts(fonts())
            .size(SMALL)
            .bold(),
    )
    .add_style(
        Style::new("CreditLabel", StyleType::Character)
            .name("Credit label")
            .fonts(fonts())
            .bold()
            .color("833C0B"),
    )
    .add_style(
        Style::new("ControlId", StyleType::Character)
            .name("Control id")
            .fonts(fonts())
            .color("1F3864"),
    )
    .add_style(
        Style::new("Hyperlink", StyleType::Character)
            .name("Hyperlink")
            .fonts(fonts())
            .color("0563C1")
            .underline("single"),
    )
}

/// Text for Word: no control characters.
fn safe(s: &str) -> String {
    clean(s, Lines::Join).into_owned()
}

/// A control id that never breaks: its hyphens become non-breaking hyphens.
pub fn unbroken(id: &str) -> String {
    safe(id).replace('-', "\u{2011}")
}

fn run(text: &str) -> Run {
    Run::new().add_text(safe(text))
}

/// Adds the runs of `text` to a paragraph (or a hyperlink for a URL).
fn runs(mut p: Paragraph, text: &Text) -> Paragraph {
    for piece in &text.0 {
        p = match piece {
            Inline::Plain(s) => p.add_run(run(s)),
            Inline::Anchored { text, .. } => p.add_run(run(text)),
            Inline::Term { title, .. } => p.add_run(run(title)),
            Inline::Label(s) => p.add_run(run(s).style("CreditLabel")),
            // Word joins the lines of a paragraph, as Markdown does.
            Inline::Break => p,
            Inline::Control(r) => reference(p, r),
            Inline::Citation(c) => citation(p, c),
        };
    }
    p
}

fn reference(p: Paragraph, r: &Ref) -> Paragraph {
    let p = p.add_run(run(&unbroken(&r.id())).style("ControlId"));
    match &r.title {
        Some(title) if !title.is_empty() => p.add_run(run(&format!(" {title}"))),
        _ => p,
    }
}

/// `{who}「{title}」({date}) [casebook: {id}]` and the URL as a hyperlink.
fn citation(mut p: Paragraph, c: &Citation) -> Paragraph {
    let plain = super::plain::citation(&Citation {
        url: None,
        id: None,
        accessed: None,
        ..c.clone()
    });
    p = p.add_run(run(&plain));
    if let Some(id) = &c.id {
        // The casebook id, like a control id, never breaks at its hyphens.
        p = p.add_run(run(&format!(" [casebook: {}]", unbroken(id))));
    }
    if let Some(url) = &c.url {
        p = p.add_run(run(" ")).add_hyperlink(
            Hyperlink::new(safe(url), HyperlinkType::External).add_run(run(url).style("Hyperlink")),
        );
    }
    let accessed = super::plain::accessed(c);
    if !accessed.is_empty() {
        p = p.add_run(run(&accessed));
    }
    p
}

/// A list: one paragraph per item with a hanging number or bullet, and the
/// item's control references on a smaller line under it.
fn list_paragraphs(list: &List, lang: crate::lang::Lang) -> Vec<Paragraph> {
    let indent = 420; // twips
    let mut out = Vec::new();
    for (i, item) in list.items.iter().enumerate() {
        let marker = if list.numbered {
            format!("{}.", i + 1)
        } else {
            crate::lang::t(lang, "・", "•").to_string()
        };
        let p = Paragraph::new()
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(indent)),
                None,
                None,
            )
            .add_run(run(&marker).add_tab());
        out.push(runs(p, &item.text).keep_next(!item.refs.is_empty()));
        if !item.refs.is_empty() {
            let mut refs =
                Paragraph::new()
                    .style("References")
                    .indent(Some(indent), None, None, None);
            for (j, r) in item.refs.iter().enumerate() {
                if j > 0 {
                    refs = refs.add_run(run(super::plain::separator(lang)));
                }
                refs = reference(refs, r);
            }
            out.push(refs);
        }
    }
    out
}

/// A table with a shaded header row and columns sized to their content,
/// `width` twentieths of a point wide at most.
fn table(table: &Table, width: u32) -> DocxTable {
    let cells: Vec<Vec<String>> = (0..table.header.len())
        .map(|c| {
            std::iter::once(table.header[c].clone())
                .chain(
                    table
                        .rows
                        .iter()
                        .map(|r| r.get(c).map(|t| t.to_plain()).unwrap_or_default()),
                )
                .collect()
        })
        .collect();
    // A column whose cells are all empty (the auditor's findings) is room
    // to write in: it asks for the width of twenty characters.
    let room = "　".repeat(20);
    let cells: Vec<Vec<String>> = cells
        .into_iter()
        .map(|mut column| {
            if !table.rows.is_empty() && column[1..].iter().all(String::is_empty) {
                column.push(room.clone());
            }
            column
        })
        .collect();
    let em = (SMALL * 10) as f64; // twips per em at the table's font size
    let pad = f64::from(2 * CELL_PAD) / em + 0.3;
    let grid: Vec<usize> = widths::fit(&cells, f64::from(width) / em, pad)
        .iter()
        .map(|w| (w * em).floor() as usize)
        .collect();
    let cell = |text: Paragraph, w: usize| {
        TableCell::new()
            .add_paragraph(text)
            .width(w, WidthType::Dxa)
    };
    let mut rows = vec![
        TableRow::new(
            table
                .header
                .iter()
                .zip(&grid)
                .map(|(h, &w)| {
                    cell(Paragraph::new().style("TableHeader").add_run(run(h)), w)
                        .shading(Shading::new().fill("D9E2F3"))
                })
                .collect(),
        )
        .cant_split(),
    ];
    for r in &table.rows {
        rows.push(
            TableRow::new(
                r.iter()
                    .zip(&grid)
                    .map(|(t, &w)| cell(runs(Paragraph::new().style("TableText"), t), w))
                    .collect(),
            )
            .cant_split(),
        );
    }
    DocxTable::new(rows)
        .set_grid(grid.clone())
        .layout(TableLayoutType::Fixed)
        .width(grid.iter().sum(), WidthType::Dxa)
        .align(docx_rs::TableAlignmentType::Left)
}
