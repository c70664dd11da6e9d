//! One document, every output: golden tests of each renderer from the same
//! documents (a case, its brief, a training pack, a precedent list) of the
//! sample casebook, and the promise that the screen, plain text and Markdown
//! show the same sections in the same order for every case, of the bundled
//! casebook (whatever it holds) and of the sample one.

use crate::common;

use casebook::casebook::Casebook;
use casebook::document::screen::{self, Look};
use casebook::document::{Document, case, collection, csv, docx, markdown, plain, xlsx};
use casebook::lang::Lang;
use common::office::{part, sheet_cells};

fn book() -> Casebook {
    common::sample()
}

/// The casebooks whose every case the promises below hold for.
fn every_casebook() -> [Casebook; 2] {
    [common::bundled(), common::sample()]
}

fn hospital(book: &Casebook) -> Document {
    let c = &book.get("minato-hospital-pc-2024").unwrap().case;
    case::summary(c, &book.catalogs, Lang::Ja)
}

fn screen_text(doc: &Document, width: usize) -> String {
    let s = screen::render(doc, width, &Look::default());
    let mut out: Vec<String> = s.lines.iter().map(|l| l.to_string()).collect();
    out.push(String::new());
    out.join("\n")
}

/// Word's paragraphs as `[style] text`, in order (tables cell by cell).
fn docx_outline(data: &[u8]) -> String {
    let doc = part(data, "word/document.xml")
        .replace("<w:tab />", "<w:t xml:space=\"preserve\">\t</w:t>");
    let mut out = Vec::new();
    for p in doc.split("<w:p ").skip(1) {
        let p = &p[..p.find("</w:p>").unwrap_or(p.len())];
        let style = p
            .find("<w:pStyle w:val=\"")
            .map(|i| {
                let s = &p[i + 17..];
                s[..s.find('"').unwrap()].to_string()
            })
            .unwrap_or_default();
        let mut text = String::new();
        for t in p.split("<w:t xml:space=\"preserve\">").skip(1) {
            text.push_str(&t[..t.find("</w:t>").unwrap()]);
        }
        out.push(format!("[{style}] {text}"));
    }
    out.join("\n") + "\n"
}

#[test]
fn a_case_in_every_format() {
    let book = book();
    let doc = hospital(&book);
    insta::assert_snapshot!("case_screen_60", screen_text(&doc, 60));
    insta::assert_snapshot!("case_plain", plain::render(&doc, None));
    insta::assert_snapshot!("case_markdown", markdown::render(&doc, 1));
    insta::assert_snapshot!("case_docx", docx_outline(&docx::render(&doc).unwrap()));
}

#[test]
fn a_brief_in_every_format() {
    let book = book();
    let c = &book.get("minato-hospital-pc-2024").unwrap().case;
    let doc = casebook::document::brief::brief(c, &book.catalogs, Lang::Ja);
    insta::assert_snapshot!("brief_plain", plain::render(&doc, None));
    insta::assert_snapshot!("brief_markdown", markdown::render(&doc, 1));
    insta::assert_snapshot!("brief_screen_60", screen_text(&doc, 60));
}

#[test]
fn a_training_pack_in_every_format() {
    let book = book();
    let cases: Vec<usize> = ["kitahama-usb-2022", "tozai-transport-password-2023"]
        .iter()
        .map(|id| book.index_of(id).unwrap())
        .collect();
    let doc = collection::pack(&book, &cases, Lang::En, None);
    insta::assert_snapshot!("pack_markdown_en", markdown::render(&doc, 0));
    insta::assert_snapshot!("pack_docx_en", docx_outline(&docx::render(&doc).unwrap()));
    assert!(
        xlsx::render(&doc).is_none() && csv::render(&doc).is_none(),
        "a pack has no register"
    );
}

#[test]
fn a_precedent_list_in_every_format() {
    let book = book();
    let doc = collection::precedents(&book, "iso27001", "A.7.14", Lang::Ja).unwrap();
    insta::assert_snapshot!("precedents_plain", plain::render(&doc, None));
    insta::assert_snapshot!("precedents_markdown", markdown::render(&doc, 1));
    insta::assert_snapshot!(
        "precedents_docx",
        docx_outline(&docx::render(&doc).unwrap())
    );
    let cells = sheet_cells(&xlsx::render(&doc).unwrap().unwrap());
    let rows: Vec<String> = cells.iter().map(|r| r.join(" | ")).collect();
    insta::assert_snapshot!("precedents_xlsx", rows.join("\n"));
    let csv = csv::render(&doc).unwrap().unwrap();
    insta::assert_snapshot!("precedents_csv", String::from_utf8_lossy(&csv[3..]));
}

/// `■ X` lines of the screen and plain text, `### X` of Markdown.
fn sections(text: &str, marker: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim_start().strip_prefix(marker))
        .map(str::to_string)
        .collect()
}

#[test]
fn screen_plain_and_markdown_show_the_same_sections_for_every_case() {
    for book in every_casebook() {
        same_sections(&book);
    }
}

fn same_sections(book: &Casebook) {
    for lang in [Lang::Ja, Lang::En] {
        for entry in book.entries() {
            let doc = case::on_screen(entry, &book.catalogs, lang);
            let expected = doc.section_titles();
            assert!(expected.len() >= 4, "{}", entry.case.id);
            let shown = sections(&screen_text(&doc, 80), "■ ");
            let plain = sections(&plain::render(&doc, Some(80)), "■ ");
            let md = sections(&markdown::render(&doc, 1), "### ");
            assert_eq!(shown, expected, "screen, {}", entry.case.id);
            assert_eq!(plain, expected, "plain, {}", entry.case.id);
            assert_eq!(md, expected, "markdown, {}", entry.case.id);
        }
    }
}

#[test]
fn every_brief_fits_a_slide() {
    for book in every_casebook() {
        briefs_fit(&book);
    }
}

fn briefs_fit(book: &Casebook) {
    for lang in [Lang::Ja, Lang::En] {
        for entry in book.entries() {
            let doc = casebook::document::brief::brief(&entry.case, &book.catalogs, lang);
            let text = plain::render(&doc, None);
            assert!(text.lines().count() <= 15, "{}:\n{text}", entry.case.id);
            let md = markdown::render(&doc, 1);
            let lines = md.lines().filter(|l| !l.is_empty()).count();
            assert!(lines <= 15, "{}:\n{md}", entry.case.id);
            assert!(text.contains("[casebook: "), "the citation: {text}");
        }
    }
}

#[test]
fn every_anchor_of_a_case_has_a_line_on_screen() {
    for book in every_casebook() {
        anchors_on_screen(&book);
    }
}

fn anchors_on_screen(book: &Casebook) {
    for entry in book.entries() {
        let doc = case::on_screen(entry, &book.catalogs, Lang::Ja);
        let s = screen::render(&doc, 50, &Look::default());
        let c = &entry.case;
        for i in 0..c.measures.len() {
            let line = s.line_of(casebook::document::Anchor::Measure(i)).unwrap();
            let number = format!("  {}. ", i + 1);
            assert!(
                s.lines[line].to_string().starts_with(&number),
                "{} measure {i}",
                c.id
            );
        }
        for i in 0..c.root_causes.len() {
            assert!(s.line_of(casebook::document::Anchor::Cause(i)).is_some());
        }
        // Every searched part of the case maps to an anchor that is on screen.
        let (_, parts) = casebook::search::case_parts(c);
        for p in 0..parts.len() {
            let anchor = case::search_anchor(c, p);
            assert!(s.line_of(anchor).is_some(), "{} part {p}: {anchor:?}", c.id);
        }
    }
}

#[test]
fn the_browser_state_depends_on_no_view_code() {
    // `App::update` asks the document for line counts and anchors; only the
    // views (src/tui/view/) and the event loop draw.
    for file in std::fs::read_dir("src/tui").unwrap() {
        let path = file.unwrap().path();
        if path.is_dir() || path.ends_with("mod.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // `view::` as a path of its own (`crate::review::` is another module).
        let uses_view = text.match_indices("view::").any(|(at, _)| {
            !text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        });
        assert!(
            !uses_view && !text.contains("use super::view"),
            "{} uses view code",
            path.display()
        );
    }
}
