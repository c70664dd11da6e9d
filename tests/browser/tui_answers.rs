//! The browser's answers as a user drives them: the coverage grid against a
//! Statement of Applicability, the statistics charts, the similar cases at the
//! end of the detail, the filter chips, `:` jumps, the history of jumps, `u`
//! and the state kept between sessions.

use crate::common;

use casebook::load::{Input, load};
use casebook::tui::action::{Action, Effect, Outcome};
use casebook::tui::app::{App, Mode, Options};
use casebook::tui::keymap;
use casebook::tui::theme::Theme;
use common::tui::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SOA: &str = "soa:
  - control: iso27001:A.7.14
    applicable: false
    reason: 機器の廃棄は本社総務部が一括して行う
  - control: A.8.24
    applicable: true
  - control: A.5.7
    applicable: true
  - control: 10-5(4)
    applicable: false
    reason: 本社で一括
  - control: A.6.7
    applicable: false
    reason: 在宅勤務を認めていない
";

/// The sample casebook with the SoA above, in `lang`, with or without colour.
fn answers_app(lang: casebook::lang::Lang, color: bool, width: u16, height: u16) -> App {
    let loaded = load(&[Input::Dir(common::SAMPLE.into())], &[]);
    let (soa, diags) = casebook::answers::soa::parse("soa.yaml", SOA, &loaded.casebook.catalogs);
    assert!(diags.is_empty(), "{diags:?}");
    let options = Options {
        lang,
        theme: Some(Theme { color }),
        soa,
        ..Options::default()
    };
    let mut app = App::new(loaded.casebook, loaded.diagnostics, options);
    app.update(Action::Resize { width, height });
    app
}

/// No cell has a colour: NO_COLOR shades with characters only.
fn assert_colourless(app: &App, width: u16, height: u16) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| casebook::tui::view::draw(f, app))
        .unwrap();
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
}

#[test]
fn coverage_and_statistics_screens() {
    use casebook::lang::Lang;
    for (lang, l) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        for (w, h) in [(80u16, 24u16), (200, 60)] {
            for color in [false, true] {
                let mut app = answers_app(lang, color, w, h);
                for (keys, mode, view) in [
                    ("C", Mode::Coverage, "coverage"),
                    ("<Esc>S", Mode::Stats, "stats"),
                ] {
                    press(&mut app, keys);
                    assert_eq!(app.mode, mode);
                    let name = format!(
                        "{view}_{l}_{w}x{h}_{}",
                        if color { "color" } else { "no_color" }
                    );
                    // In colour, the snapshot is the text and, below it, each
                    // cell's style as a letter of a legend; without, no cell has
                    // a colour and the shading is in the characters.
                    if color {
                        insta::assert_snapshot!(name, styled_screen(&app, w, h));
                    } else {
                        assert_colourless(&app, w, h);
                        insta::assert_snapshot!(name, screen(&app, w, h));
                    }
                }
            }
        }
    }
}

#[test]
fn the_coverage_view_answers_which_excluded_controls_have_precedents() {
    let mut coverage = answers_app(casebook::lang::Lang::Ja, false, 80, 24);
    press(&mut coverage, "C");
    let shown = screen(&coverage, 80, 24);
    assert!(
        shown.contains("! 除外したが先例あり (2): iso27001:A.7.14 (2)  ppc:10-5-4 (4)"),
        "{shown}"
    );
    // The A.7 row: A.7.14 (the 14th cell, 2 cases of at most 4) carries the mark.
    let a7 = shown.lines().find(|l| l.contains("A.7 ")).unwrap();
    assert!(
        a7.trim_end()
            .trim_end_matches('│')
            .trim_end()
            .ends_with("▒!"),
        "{a7}"
    );
}

/// The legend wraps between its items, never inside one: `× 除外` stays on
/// one line at 80×24 (and the unit stays with the counts it names).
#[test]
fn the_coverage_legend_wraps_by_item() {
    use casebook::lang::Lang;
    for (lang, items) in [
        (
            Lang::Ja,
            ["█ 4 件", "! 除外・先例あり", "? 適用・先例なし", "× 除外"],
        ),
        (
            Lang::En,
            [
                "█ 4 cases",
                "! excluded, precedents",
                "? applies, no precedent",
                "× excluded",
            ],
        ),
    ] {
        for (w, h) in [(80u16, 24u16), (60, 30), (200, 60)] {
            let mut app = answers_app(lang, false, w, h);
            press(&mut app, "C");
            let s = screen(&app, w, h);
            let rows: Vec<String> = s
                .lines()
                .map(|l| {
                    l.trim_matches('│')
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            for item in items {
                assert!(
                    rows.iter().any(|r| r.contains(item)),
                    "{lang:?} {w}×{h}: `{item}` split:\n{s}"
                );
            }
            assert!(
                !rows
                    .iter()
                    .any(|r| r.ends_with(" ×") || r.ends_with(" ?") || r.ends_with(" !")),
                "{lang:?} {w}×{h}: a mark without its words:\n{s}"
            );
        }
    }
}

#[test]
fn enter_on_a_coverage_cell_opens_the_control_in_the_tree_and_ctrl_o_comes_back() {
    let mut app = answers_app(casebook::lang::Lang::Ja, false, 120, 36);
    press(&mut app, "C");
    // Row A.7 (third), 14th cell.
    press(&mut app, "jj");
    press(&mut app, &"l".repeat(13));
    assert_eq!(
        app.coverage.selected().unwrap().control.to_string(),
        "iso27001:A.7.14"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(
        (app.scheme_name(), app.node()),
        ("iso27001", Some("A.7.14"))
    );
    assert_eq!(
        selected_ids(&app),
        ["minato-hospital-pc-2024", "abc-toys-hdd-2024"]
    );
    press(&mut app, "<C-o>");
    assert_eq!(app.node(), None, "back where the jump started");
    press(&mut app, "<A-Right>");
    assert_eq!(app.node(), Some("A.7.14"), "and forward again");
}

#[test]
fn colon_jumps_to_a_control_in_every_spelling() {
    for (typed, scheme, node) in [
        ("a.7.14", "iso27001", "A.7.14"),
        ("A.7.14", "iso27001", "A.7.14"),
        ("7.14", "iso27001", "A.7.14"),
        ("iso27001:A.7.14", "iso27001", "A.7.14"),
        ("10-5-4", "ppc", "10-5-4"),
        ("ppc:10-5(4)", "ppc", "10-5-4"),
    ] {
        let mut app = app();
        press(&mut app, &format!(":{typed}<Enter>"));
        assert_eq!(app.mode, Mode::Browse, "{typed}");
        assert_eq!(
            (app.scheme_name(), app.node()),
            (scheme, Some(node)),
            "{typed}"
        );
    }
    let mut app = app();
    press(&mut app, ":a.7.1");
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("iso27001:A.7.14  装置のセキュリティを保った処分又は再利用"),
        "{shown}"
    );
    press(&mut app, "<Tab>");
    assert_eq!(
        app.jump.field.text, "iso27001:A.7.1",
        "Tab completes to the first"
    );
    press(&mut app, "5<Enter>");
    assert_eq!(app.mode, Mode::Jump, "an unknown id stays in the prompt");
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("管理策 `iso27001:A.7.15` はありません。`iso27001:A.7.1`、`iso27001:A.7.10`、`iso27001:A.7.11` のことですか？"),
        "{shown}"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn filters_combine_as_chips_and_each_is_removable() {
    let mut app = app();
    // Causes: pin 紛失・置忘れ (loss), the second row.
    press(&mut app, "sssj");
    assert_eq!(app.node(), Some("loss"));
    press(&mut app, "p");
    assert_eq!(app.node(), None, "pinned: the tree is free again");
    // Sectors: local government, AND with the pinned cause.
    press(&mut app, "sjj");
    assert_eq!(app.node(), Some("local-government"));
    assert_eq!(selected_ids(&app), ["kitahama-usb-2022"]);
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("絞り込み: [業種: 地方公共団体] [原因: 紛失・置忘れ] → 1件"),
        "{shown}"
    );
    // Years and words.
    // Remove the area chip: `x` chooses the last chip, ← the one before.
    press(&mut app, "x<Left><Enter><Esc>");
    let ids = selected_ids(&app);
    assert_eq!(ids, ["kitahama-usb-2022", "higashiyama-bureau-camera-2013"]);
    press(&mut app, "F2013<Enter>");
    assert_eq!(selected_ids(&app), ["higashiyama-bureau-camera-2013"]);
    // The prompt starts from the current years: typing extends 2013 to 2013-2022.
    press(&mut app, "F-2022 USB<Enter>");
    assert_eq!(selected_ids(&app), ["kitahama-usb-2022"]);
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("[原因: 紛失・置忘れ] [2013–2022] [“USB”] → 1件"),
        "{shown}"
    );
    // The sample casebook is read as a team's: the origin chip combines
    // with the others as well.
    press(&mut app, "b");
    assert!(
        selected_ids(&app).is_empty(),
        "bundled only: there are none"
    );
    press(&mut app, "b");
    assert_eq!(selected_ids(&app), ["kitahama-usb-2022"], "team only");
    press(&mut app, "b");
    // Remove the words: choose the last chip.
    press(&mut app, "x");
    assert_eq!(app.mode, Mode::Chips);
    press(&mut app, "<Enter><Esc>");
    assert_eq!(
        selected_ids(&app),
        ["kitahama-usb-2022", "higashiyama-bureau-camera-2013"]
    );
    press(&mut app, "X");
    assert_eq!(selected_ids(&app).len(), app.book.len());
    assert!(!app.filter_bar());
}

#[test]
fn the_tree_counts_follow_the_filter_and_f_hides_what_it_leaves_empty() {
    let mut app = app();
    let count = |app: &App, id: Option<&str>| {
        app.tree_rows()
            .iter()
            .find(|r| r.id.as_deref() == id)
            .map(|r| r.count)
    };
    assert_eq!(count(&app, None), Some(9));
    let a7_all = count(&app, Some("A.7")).unwrap();
    press(&mut app, "F2024<Enter>");
    let shown = selected_ids(&app).len();
    assert_eq!(shown, 3);
    assert_eq!(
        count(&app, None),
        Some(3),
        "all cases: those the filter passes"
    );
    let a7 = count(&app, Some("A.7")).unwrap();
    assert!(a7 < a7_all, "{a7} of {a7_all}");
    // Entering A.7 lists exactly as many cases as its row says.
    let at = app
        .tree_rows()
        .iter()
        .position(|r| r.id.as_deref() == Some("A.7"))
        .unwrap();
    press(&mut app, &"j".repeat(at));
    assert_eq!(app.node(), Some("A.7"));
    assert_eq!(selected_ids(&app).len(), a7);
    // `f` hides the areas the filter leaves without cases.
    press(&mut app, "f");
    assert!(app.tree_rows().iter().all(|r| r.count > 0));
}

#[test]
fn statistics_follow_the_filter() {
    let mut app = answers_app(casebook::lang::Lang::Ja, false, 120, 36);
    press(&mut app, "F2024<Enter>S");
    let stats = app.stats.stats.as_ref().unwrap();
    assert_eq!(stats.cases, 3);
    assert!(screen(&app, 120, 36).contains("統計 ・ 絞り込み 3件"));
    press(&mut app, "<Esc>C");
    let a714 = app
        .coverage
        .rows
        .iter()
        .find(|r| r.control.to_string() == "iso27001:A.7.14")
        .unwrap();
    assert_eq!(a714.cases, 2, "both disposal cases are from 2024");
    let a710 = app
        .coverage
        .rows
        .iter()
        .find(|r| r.control.to_string() == "iso27001:A.7.10")
        .unwrap();
    assert_eq!(a710.case_ids, ["abc-toys-hdd-2024"], "{a710:?}");
}

#[test]
fn the_detail_ends_with_similar_cases_and_enter_follows_one() {
    let mut app = app();
    // A.7.14, the hospital's computers.
    press(&mut app, ":A.7.14<Enter>");
    assert_eq!(case_id(&app), "minato-hospital-pc-2024");
    assert_eq!(app.similar[0].case_id, "abc-toys-hdd-2024");
    press(&mut app, "<Tab><Tab>");
    let shown = screen(&app, 120, 36);
    assert!(
        !shown.contains("■ 似ている事例"),
        "at the end, below the fold"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.similar_cursor, Some(0));
    let shown = screen(&app, 120, 36);
    assert!(shown.contains("■ 似ている事例"), "{shown}");
    assert!(shown.contains("1. 2024-06-11 株式会社ABCトイズ"), "{shown}");
    press(&mut app, "<Enter>");
    assert_eq!(case_id(&app), "abc-toys-hdd-2024");
    assert_eq!(
        app.similar[0].case_id, "minato-hospital-pc-2024",
        "and back"
    );
    press(&mut app, "<C-o>");
    assert_eq!(case_id(&app), "minato-hospital-pc-2024");
}

#[test]
fn u_opens_the_source_url_through_the_event_loop() {
    let mut app = app();
    press(&mut app, ":A.7.10<Enter><Tab>");
    let listed = selected_ids(&app);
    assert!(
        listed.contains(&"kitahama-usb-2022".to_string()),
        "{listed:?}"
    );
    while case_id(&app) != "kitahama-usb-2022" {
        press(&mut app, "j");
    }
    let effects = press(&mut app, "u");
    let [Effect::OpenUrl { url }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(url.starts_with("https://"), "{url}");
    app.update(Action::Done(Outcome::UrlCopied {
        url: url.clone(),
        over_ssh: true,
        via: vec!["OSC 52".into()],
    }));
    assert_eq!(
        app.status.as_deref(),
        Some(format!("SSH接続中のため開かずにURLをコピーしました（OSC 52）: {url}").as_str())
    );
    // A case whose sources have no URL says so and asks for nothing.
    press(&mut app, ":A.7.14<Enter>");
    assert_eq!(case_id(&app), "minato-hospital-pc-2024");
    assert!(press(&mut app, "u").is_empty());
    assert_eq!(
        app.status.as_deref(),
        Some("この事例の出典にはURLがありません")
    );
}

#[test]
fn marks_classification_and_selection_persist_and_a_bad_state_file_is_ignored() {
    use casebook::tui::saved;
    let dir = tempfile::tempdir().unwrap();
    let file = saved::path(dir.path());
    let mut first = app();
    press(&mut first, ":10-5(4)<Enter><Tab>jm");
    let chosen = case_id(&first);
    saved::write(&file, &saved::snapshot(&first));
    let mut again = app_with(options(), Vec::new());
    again.restore(&saved::read(&file).unwrap());
    assert_eq!((again.scheme_name(), again.node()), ("ppc", Some("10-5-4")));
    assert_eq!(case_id(&again), chosen);
    assert_eq!(again.marks.len(), 1);
    for bad in [
        "",
        "{",
        "[]",
        "{\"version\": 99, \"scheme\": \"ppc\"}",
        "\u{0}\u{1}",
    ] {
        std::fs::write(&file, bad).unwrap();
        let mut fresh = app_with(options(), Vec::new());
        if let Some(s) = saved::read(&file) {
            fresh.restore(&s);
        }
        assert_eq!(
            (fresh.scheme_name(), fresh.node()),
            ("iso27001", None),
            "{bad:?}"
        );
    }
    // A state naming what no longer exists keeps only what does.
    std::fs::write(
        &file,
        r#"{"version": 1, "scheme": "ppc", "node": "10-9", "case": "gone", "marks": ["gone", "kitahama-usb-2022"]}"#,
    )
    .unwrap();
    let mut later = app();
    later.restore(&saved::read(&file).unwrap());
    assert_eq!((later.scheme_name(), later.node()), ("ppc", None));
    assert_eq!(later.marks.len(), 1);
}

#[test]
fn every_browsing_key_is_in_the_readme_table() {
    assert_keys_in_readme(&[keymap::Context::Browse]);
}

#[test]
fn search_marks_hits_found_through_a_control() {
    let mut app = app();
    press(&mut app, "/暗号の利用");
    let shown = screen(&app, 120, 36);
    assert!(
        shown
            .contains("▶策 〔iso27001:A.8.24 経由〕委託先のシステムと外部ネットワークの間の通信を"),
        "{shown}"
    );
}

#[test]
fn similar_cases_built_in_the_background_arrive_when_ready() {
    // The browser builds the similar-case index on a thread of its own, so
    // its first frame does not wait for it; the cases appear once it is there.
    let loaded = load(&[Input::Dir(common::SAMPLE.into())], &[]);
    let options = Options {
        similar_in_background: true,
        ..Options::default()
    };
    let mut app = App::new(loaded.casebook, loaded.diagnostics, options);
    app.update(Action::Resize {
        width: 120,
        height: 36,
    });
    press(&mut app, ":A.7.14<Enter>");
    assert_eq!(case_id(&app), "minato-hospital-pc-2024");
    // Waiting on the condition itself (the index is set once, when built).
    while app.similar_index.get().is_none() {
        std::thread::yield_now();
    }
    app.update(Action::SimilarReady);
    assert_eq!(app.similar[0].case_id, "abc-toys-hdd-2024");
}
