//! The English interface: counts in their number ("1 case", never "1 cases"),
//! no full-width punctuation around English words, catalog titles named as the
//! guideline's English edition names them, and English queries on Japanese
//! cases told what English can find.

use crate::common;

use casebook::diag::Diagnostic;
use casebook::lang::Lang;
use casebook::load::{Input, load};
use casebook::tui::action::{Action, Outcome};
use casebook::tui::app::{App, Options};
use common::tui::*;
use common::{Dir, stderr};

/// A casebook of one case written in English (teams may write in any
/// language), so anything full-width on an English screen is the program's.
const ENGLISH_CASE: &str = "id: laptop-2024
title: Laptop with customer records lost on a train
organization: Example City
sector: local-government
published: 2024-05-01
summary: |
  A contractor lost a laptop holding customer records on a train.
affected:
  people: 1
root_causes:
  - category: loss
    text: The laptop was taken out without permission
measures:
  - text: Encrypt laptops and require approval before taking one out
    controls: [iso27001:A.8.1, ppc:10-5-3]
sources:
  - publisher: Example City
    title: Loss of a laptop
    date: 2024-05-01
    url: https://example.com/notice
";

fn english_app(width: u16, height: u16, diags: Vec<Diagnostic>) -> App {
    let dir = Dir::new();
    dir.case("2024/laptop-2024.yaml", ENGLISH_CASE);
    let loaded = load(&[Input::Dir(dir.path().to_path_buf())], &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let options = Options {
        lang: Lang::En,
        ..options()
    };
    let mut app = App::new(loaded.casebook, diags, options);
    app.update(Action::Resize { width, height });
    app
}

#[test]
fn counts_of_one_are_singular() {
    let bad = Diagnostic::error(
        "team/cases/x.yaml",
        casebook::diag::Message::new("不明な項目 `titel` です", "unknown field `titel`"),
    )
    .at(2, 1);
    let mut app = english_app(120, 36, vec![bad]);
    let s = screen(&app, 120, 36);
    assert!(s.contains(" 1 case · newest first "), "{s}");
    assert!(s.lines().last().unwrap().ends_with(" 1 case "), "{s}");
    assert!(s.contains("1 file could not be loaded"), "{s}");
    press(&mut app, "!");
    assert!(
        screen(&app, 120, 36).contains("Load problems: 1 error, 0 warnings"),
        "{}",
        screen(&app, 120, 36)
    );
    press(&mut app, "<Esc>/contractor");
    assert!(
        screen(&app, 120, 36).contains(" — 1 result "),
        "{}",
        screen(&app, 120, 36)
    );
    press(&mut app, "<Esc><Tab>m");
    assert_eq!(
        app.status.as_deref(),
        Some("Marked (1 case marked; e exports a training pack)")
    );
    let book = &app.book;
    let pack = casebook::export::pack::pack(book, &[0], Lang::En);
    assert!(
        pack.starts_with("# Training pack: 1 security incident case\n"),
        "{pack}"
    );
    let list = casebook::export::precedents::precedents(
        book,
        "iso27001",
        "A.8.1",
        Lang::En,
        casebook::export::Style::Plain,
    )
    .unwrap();
    assert!(
        list.contains("1 precedent (casebook, newest first)"),
        "{list}"
    );
}

#[test]
fn validate_counts_in_their_number() {
    let dir = Dir::new();
    dir.case("2024/laptop-2024.yaml", ENGLISH_CASE);
    let out = common::casebook(&[
        "--lang",
        "en",
        "--no-bundled",
        "validate",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(stderr(&out), "1 case, 0 errors, 0 warnings\n");
}

/// Every English count in the source goes through the plural helper: no
/// string writes a number straight before a counted noun.
#[test]
fn no_english_count_is_written_without_the_plural_helper() {
    let counted = regex::Regex::new(
        r"\{[a-z_.()0-9:]*\}\s+(cases?|errors?|warnings?|results?|precedents?|files?|incidents?|people|persons?|items?|entries|hits?|marked cases)\b",
    )
    .unwrap();
    let mut found = Vec::new();
    for file in rust_files("src") {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if counted.is_match(line) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, code));
            }
        }
    }
    assert!(
        found.is_empty(),
        "counts without plural::count:\n{}",
        found.join("\n")
    );
}

fn rust_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out
}

/// Full-width punctuation and brackets: what an English screen must not show.
fn full_width(c: char) -> bool {
    "（）・、。「」：；！？【】『』［］｛｝〔〕〈〉《》～，．／　＝＋＃＊＠＄％＆".contains(c)
}

/// What the current surveys publish in Japanese only, and the statistics
/// show as published in English too: their classes and publishers.
fn survey_names() -> Vec<String> {
    let book = common::bundled();
    let all: Vec<usize> = (0..book.len()).collect();
    let mut out = Vec::new();
    for b in casebook::answers::baselines::compare(&book, &all, Lang::En) {
        out.push(b.publisher.clone());
        for r in &b.rows {
            out.extend(r.classes.iter().cloned());
        }
    }
    // The longest first: `誤表示・誤送信` before `誤送信`.
    out.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    out
}

/// `line` without the surveys' names (whole, or cut short with `…`).
fn without_survey_names(line: &str, names: &[String]) -> String {
    let mut line = line.to_string();
    for name in names {
        line = line.replace(name.as_str(), "");
        let chars: Vec<char> = name.chars().collect();
        for n in (2..chars.len()).rev() {
            let cut: String = chars[..n].iter().chain(['…'].iter()).collect();
            line = line.replace(&cut, "");
        }
    }
    line
}

/// Rows of an English screen with full-width punctuation, citations aside
/// (a citation quotes a Japanese source as `publisher「title」`), and the
/// current surveys' own Japanese names.
fn full_width_rows(s: &str) -> Vec<String> {
    let names = survey_names();
    s.lines()
        .filter(|l| {
            without_survey_names(l, &names).chars().any(full_width)
                && !l.contains("[casebook:")
                && !l.contains("「Loss")
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn english_screens_have_no_full_width_punctuation() {
    let bad = Diagnostic::error(
        "team/cases/x.yaml",
        casebook::diag::Message::new("不明な項目 `titel` です", "unknown field `titel`"),
    )
    .at(2, 1);
    for (w, h) in [(80, 24), (40, 12), (200, 60)] {
        let mut app = english_app(w, h, vec![bad.clone()]);
        let mut rows = Vec::new();
        let mut look = |app: &App, what: &str| {
            for row in full_width_rows(&screen(app, w, h)) {
                rows.push(format!("{w}×{h} {what}: {row}"));
            }
        };
        // (keys, what the screen then shows); `?` is followed page by page.
        let steps = [
            ("", "tree"),
            ("<Tab>", "list"),
            ("<Tab>", "detail"),
            ("/", "search"),
            ("laptop", "search results"),
            ("<Tab>", "search in measures"),
            ("<Esc>?", "help"),
            ("<Esc>!", "load problems"),
            ("<Esc>C", "coverage"),
            ("<Esc>S", "statistics"),
            ("<Esc>:", "jump"),
            ("<Esc>F", "filter"),
            ("<Esc><Tab>me", "export prompt"),
        ];
        for (keys, what) in steps {
            press(&mut app, keys);
            look(&app, what);
            // Every page of the help, until it scrolls no further.
            if what == "help" {
                loop {
                    let before = app.overlay_scroll();
                    press(&mut app, "<PgDn>");
                    if app.overlay_scroll() == before {
                        break;
                    }
                    look(&app, what);
                }
            }
        }
        app.update(Action::Done(Outcome::Exists {
            path: "training.docx".into(),
            data: Vec::new(),
        }));
        look(&app, "overwrite question");
        press(&mut app, "<Esc><Esc>y");
        look(&app, "copy marked question");
        press(&mut app, "<Esc><S-Tab>jc");
        look(&app, "precedent list question");
        press(&mut app, "<Esc>");
        assert!(rows.is_empty(), "{}", rows.join("\n"));
    }
}

#[test]
fn english_queries_on_japanese_cases_are_told_what_english_finds() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = app_at(Lang::En, w, h);
        press(&mut app, "/encryption");
        assert!(app.overlays.search.hits.is_empty());
        let s = screen(&app, w, h)
            .replace(['│', '\n'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            s.contains("No matches. The cases are written in Japanese"),
            "{s}"
        );
        // A control title in English does find its precedents.
        press(&mut app, "<C-u>secure disposal");
        assert!(!app.overlays.search.hits.is_empty());
    }
    // In Japanese too, and from the command line.
    let mut app = app();
    press(&mut app, "/encryption");
    assert!(screen(&app, 120, 36).contains("一致なし。事例の本文は日本語です"));
    let out = common::on_sample(&["--lang", "en", "search", "encryption"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("\nThe cases are written in Japanese"),
        "{}",
        stderr(&out)
    );
    // Not the hint for a Japanese query: only that nothing matches.
    let out = common::on_sample(&["--lang", "en", "search", "存在しない語句"]);
    assert_eq!(
        stderr(&out),
        "casebook: nothing matches \u{201C}存在しない語句\u{201D} in measures or cases\n"
    );
}

#[test]
fn ppc_categories_are_titled_as_the_guidelines_english_edition_names_them() {
    let book = common::bundled();
    let ppc = book.catalogs.scheme("ppc").unwrap();
    let titles: Vec<(&str, &str)> = ppc
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.title.get(Lang::En)))
        .collect();
    assert_eq!(
        titles,
        [
            ("10-1", "Formulating a basic policy"),
            (
                "10-2",
                "Establishing rules for the handling of personal data"
            ),
            ("10-3", "Organizational security control measures"),
            ("10-4", "Human security control measures"),
            ("10-5", "Physical security control measures"),
            ("10-6", "Technical security control measures"),
            ("10-7", "Understanding the external environment"),
        ]
    );
    // The pattern holds for every 安全管理措置, and Annex A's themes are "… controls".
    for item in &ppc.items {
        if item.title.ja.ends_with("安全管理措置") {
            assert!(
                item.title.en.ends_with(" security control measures"),
                "{}",
                item.id
            );
        }
    }
    let iso = book.catalogs.scheme("iso27001").unwrap();
    let themes: Vec<&str> = iso.items.iter().map(|i| i.title.get(Lang::En)).collect();
    assert_eq!(
        themes,
        [
            "Organizational controls",
            "People controls",
            "Physical controls",
            "Technological controls"
        ]
    );
}
