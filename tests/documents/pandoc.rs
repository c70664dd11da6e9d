//! The documents as other tools read them: pandoc converts the Markdown as
//! GitHub-flavoured Markdown and as pandoc Markdown, and the Word file, and
//! the text comes through (headings, tables, links, labels; no stray `*`).
//! pandoc is required: `.ci/run` installs it; without it these tests fail.
//! The documents are made from the sample casebook of the tests.

use crate::common;

use std::io::Write;
use std::process::{Command, Stdio};

use casebook::casebook::Casebook;
use casebook::export::file::{Content, Format, render};
use casebook::lang::Lang;

fn book() -> Casebook {
    common::sample()
}

fn three_cases(book: &Casebook) -> Content {
    Content::pack(common::three_cases(book))
}

/// `pandoc -f FROM -t TO` over `input`.
fn pandoc(from: &str, to: &str, input: &[u8]) -> String {
    let mut child = Command::new("pandoc")
        .args(["-f", from, "-t", to, "--wrap=none"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pandoc is required for this test: `apt-get install pandoc` (.ci/run installs it)");
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pandoc -f {from} -t {to} failed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn markdown_reads_the_same_as_gfm_and_as_pandoc_markdown() {
    let book = book();
    let md = render(&book, &three_cases(&book), Lang::Ja, Format::Md).unwrap();
    for from in ["gfm", "markdown"] {
        let html = pandoc(from, "html", &md);
        assert_eq!(
            html.matches("<table").count(),
            2,
            "{from}: contents and controls"
        );
        assert_eq!(html.matches("<h2").count(), 2 + 3, "{from}");
        assert_eq!(
            html.matches("<h3").count(),
            3 * 6,
            "{from}: six sections a case"
        );
        assert!(
            !html.contains("<em>") && !html.contains("<strong>"),
            "{from}: no emphasis"
        );
        assert!(html.contains("href=\"https://news.example.jp/2022/06/23/kitahama-usb.html\""));
        let text = pandoc(from, "plain", &md);
        assert!(!text.contains('*'), "{from}: no literal `*`:\n{text}");
        assert!(
            text.contains("【編集部の教訓】IDとパスワードを紙に書いて"),
            "{from}"
        );
        assert!(
            text.contains("管理ミス: 事務所の職員がシステムのIDとパスワードを付箋に書き"),
            "{from}"
        );
        assert!(
            text.contains("[casebook: minato-hospital-pc-2024]"),
            "{from}"
        );
    }
}

#[test]
fn word_converts_with_its_headings_tables_and_links() {
    let book = book();
    let docx = render(&book, &three_cases(&book), Lang::Ja, Format::Docx).unwrap();
    let html = pandoc("docx", "html", &docx);
    assert_eq!(html.matches("<h1").count(), 1, "{html}");
    assert_eq!(html.matches("<h2").count(), 2 + 3);
    assert_eq!(html.matches("<table").count(), 2);
    assert!(html.contains("href=\"https://news.example.jp/2022/06/23/kitahama-usb.html\""));
    // Ids keep their hyphens on one line as non-breaking hyphens (U+2011).
    let text = pandoc("docx", "plain", &docx).replace('\u{2011}', "-");
    assert!(!text.contains('*'), "{text}");
    assert!(text.contains("【編集部の教訓】IDとパスワードを紙に書いて"));
    // A training pack gives short ids (its introduction names the schemes).
    assert!(text.contains("A.7.14 装置のセキュリティを保った処分又は再利用"));
    assert!(!text.contains("iso27001:A.7.14"));
    assert!(text.contains("[casebook: kitahama-usb-2022]"));
}

#[test]
fn a_precedent_list_in_word_names_the_citing_measures() {
    let book = book();
    let content = Content::Precedents {
        scheme: "iso27001".into(),
        id: "A.7.14".into(),
    };
    let docx = render(&book, &content, Lang::Ja, Format::Docx).unwrap();
    let text = pandoc("docx", "plain", &docx);
    assert!(text.contains("病院や委託事業者の情報機器を委託して廃棄するときは"));
    assert!(text.contains("【編集部の教訓】委託先で業務データを保存した機器・媒体は"));
}
