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
                    assert_eq!(app.mode(), mode);
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
        app.overlays
            .coverage
            .selected()
            .unwrap()
            .control
            .to_string(),
        "iso27001:A.7.14"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Browse);
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
        assert_eq!(app.mode(), Mode::Browse, "{typed}");
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
        app.overlays.jump.field.text, "iso27001:A.7.1",
        "Tab completes to the first"
    );
    press(&mut app, "5<Enter>");
    assert_eq!(app.mode(), Mode::Jump, "an unknown id stays in the prompt");
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("管理策 `iso27001:A.7.15` はありません。`iso27001:A.7.1`、`iso27001:A.7.10`、`iso27001:A.7.11` のことですか？"),
        "{shown}"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Browse);
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
    assert_eq!(app.mode(), Mode::Chips);
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
    let stats = app.overlays.stats.stats.as_ref().unwrap();
    assert_eq!(stats.cases, 3);
    assert!(screen(&app, 120, 36).contains("統計 ・ 3件 ・ 絞り込み: [2024]"));
    press(&mut app, "<Esc>C");
    let a714 = app
        .overlays
        .coverage
        .rows
        .iter()
        .find(|r| r.control.to_string() == "iso27001:A.7.14")
        .unwrap();
    assert_eq!(a714.cases, 2, "both disposal cases are from 2024");
    let a710 = app
        .overlays
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
    assert_eq!(app.panes.detail.similar[0].case_id, "abc-toys-hdd-2024");
    press(&mut app, "<Tab><Tab>");
    let shown = screen(&app, 120, 36);
    assert!(
        !shown.contains("■ 似ている事例"),
        "at the end, below the fold"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.panes.detail.similar_cursor, Some(0));
    let shown = screen(&app, 120, 36);
    assert!(shown.contains("■ 似ている事例"), "{shown}");
    assert!(shown.contains("1. 2024-06-11 株式会社ABCトイズ"), "{shown}");
    press(&mut app, "<Enter>");
    assert_eq!(case_id(&app), "abc-toys-hdd-2024");
    assert_eq!(
        app.panes.detail.similar[0].case_id, "minato-hospital-pc-2024",
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
    while app.env.similar_index.get().is_none() {
        std::thread::yield_now();
    }
    app.update(Action::SimilarReady);
    assert_eq!(app.panes.detail.similar[0].case_id, "abc-toys-hdd-2024");
}

/// A case of the fixture casebooks below: `controls` cited by its one measure.
fn fixture_case(id: &str, published: &str, cause: &str, controls: &str) -> String {
    format!(
        "id: {id}
title: テスト事例 {id}
organization: テスト株式会社
sector: finance
published: {published}
summary: |
  テストのための事例。
root_causes:
  - category: {cause}
    text: テストの原因
measures:
  - text: テストの対策
    controls: [{controls}]
sources:
  - publisher: テスト株式会社
    title: お知らせ
    date: {published}
    url: https://example.jp/{id}
"
    )
}

/// Three cases: A.7.14 and A.5.23 (2024), A.5.23 (2023), A.8.24 (2022); a
/// statement excluding A.5.23 and A.7.14.
fn fixture_dir() -> common::Dir {
    let dir = common::Dir::new();
    dir.case(
        "disposal-2024.yaml",
        fixture_case(
            "disposal-2024",
            "2024-05-01",
            "mismanagement",
            "iso27001:A.7.14, iso27001:A.5.23",
        ),
    );
    dir.case(
        "cloud-2023.yaml",
        fixture_case(
            "cloud-2023",
            "2023-05-01",
            "misconfiguration",
            "iso27001:A.5.23",
        ),
    );
    dir.case(
        "crypto-2022.yaml",
        fixture_case("crypto-2022", "2022-05-01", "loss", "iso27001:A.8.24"),
    );
    dir.file(
        "soa.yaml",
        "soa:
  - control: A.5.23
    applicable: false
    reason: クラウドサービスは利用していない
  - control: A.7.14
    applicable: false
    reason: 機器の廃棄は本社が行う
  - control: A.8.24
    applicable: true
  - control: A.5.7
    applicable: true
",
    );
    dir
}

/// The browser over a fixture casebook alone (no bundled cases), with its statement.
fn fixture_app(dir: &common::Dir, lang: casebook::lang::Lang, width: u16, height: u16) -> App {
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let (soa, diags) =
        casebook::answers::soa::read_file(&dir.path().join("soa.yaml"), &loaded.casebook.catalogs);
    assert!(diags.is_empty(), "{diags:?}");
    let options = Options {
        lang,
        theme: Some(Theme { color: false }),
        soa,
        ..Options::default()
    };
    let mut app = App::new(loaded.casebook, loaded.diagnostics, options);
    app.update(Action::Resize { width, height });
    app
}

/// Whitespace runs as one space.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Coverage against the statement is over the whole casebook: the area
/// selected in the tree (A.7.14 here, one case) changes nothing, and the
/// view says what `casebook coverage --soa` says.
#[test]
fn coverage_is_of_the_whole_casebook_whatever_the_tree_selects() {
    let dir = fixture_dir();
    let soa = dir.path().join("soa.yaml");
    let cli = common::casebook(&[
        "--no-bundled",
        "--lang",
        "ja",
        "--casebook",
        dir.path().to_str().unwrap(),
        "--soa",
        soa.to_str().unwrap(),
        "coverage",
    ]);
    let cli = common::stdout(&cli);
    let flags: Vec<&str> = cli.lines().take(2).collect();
    assert_eq!(
        flags,
        [
            "除外したが先例あり (2): iso27001:A.5.23 (2) iso27001:A.7.14 (1)",
            "適用だが先例なし (1): iso27001:A.5.7",
        ],
        "{cli}"
    );
    let mut app = fixture_app(&dir, casebook::lang::Lang::Ja, 80, 24);
    press(&mut app, ":A.7.14<Enter>");
    assert_eq!(
        selected_ids(&app),
        ["disposal-2024"],
        "the tree's area: one case"
    );
    press(&mut app, "C");
    let shown = screen(&app, 80, 24);
    let lines: Vec<String> = shown
        .lines()
        .map(|l| squeeze(l.trim_matches('│')))
        .collect();
    for flag in flags {
        assert!(
            lines.iter().any(|l| l.ends_with(flag)),
            "`{flag}` not on screen:\n{shown}"
        );
    }
    assert!(
        shown
            .lines()
            .nth(1)
            .unwrap()
            .contains(" 管理策の網羅状況 ・ 全3件 "),
        "{shown}"
    );
}

/// `!` then `E` edits the file that failed at start-up, with the view at its
/// top (the note above the problems there): the recovery path when a pull
/// brings in a broken file.
#[test]
fn e_in_the_problems_view_edits_the_file_that_failed_at_start_up() {
    let dir = common::Dir::new();
    dir.case("good.yaml", common::case_file("good-2024"));
    let broken = dir.case("broken.yaml", "id: broken\ntitle: [unclosed\n");
    let loaded = casebook::load::load(&[Input::Dir(dir.path().to_path_buf())], &[]);
    assert!(!loaded.diagnostics.is_empty());
    let mut app = App::new(loaded.casebook, loaded.diagnostics, options());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    press(&mut app, "!");
    assert_eq!(app.mode(), Mode::Diagnostics);
    let effects = press(&mut app, "E");
    assert_eq!(
        effects,
        [Effect::Edit {
            path: broken.clone()
        }],
        "{:?}",
        app.status
    );
}

/// When `!` opens on a file's problems (after an edit that failed), the
/// view starts at the problem's heading, not inside the previous message.
#[test]
fn the_problems_view_opens_at_the_problems_heading() {
    let dir = common::Dir::new();
    dir.case("a-first.yaml", "id: a-first\ntitle: [unclosed\n");
    let second = dir.case("b-2024.yaml", common::case_file("b-2024"));
    let inputs = [Input::Dir(dir.path().to_path_buf())];
    let loaded = casebook::load::load(&inputs, &[]);
    let setup = casebook::tui::reload::Setup::new(&inputs, 0, &loaded.casebook, 0);
    let mut app = App::new(
        loaded.casebook,
        loaded.diagnostics,
        Options { setup, ..options() },
    );
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    press(&mut app, ":A.7.10<Enter><Tab>");
    let effects = press(&mut app, "E");
    let edited = perform(&mut app, effects, &|p| {
        std::fs::write(p, "id: b-2024\ntitle: [broken\n").unwrap()
    });
    assert_eq!(edited, [second]);
    assert_eq!(app.mode(), Mode::Diagnostics);
    let shown = screen(&app, 80, 24);
    // Below the classification bar and the view's top border.
    let body: Vec<&str> = shown
        .lines()
        .skip(2)
        .map(|l| l.trim_matches('│').trim())
        .collect();
    assert!(
        body[0].starts_with("エラー: ") && body[0].contains("b-2024.yaml"),
        "{shown}"
    );
}

/// The coverage view's line of controls excluded but with precedents, at 80×24.
fn flagged(app: &App) -> String {
    screen(app, 80, 24)
        .lines()
        .map(|l| squeeze(l.trim_matches('│')))
        .find(|l| l.starts_with("! 除外したが先例あり"))
        .unwrap()
}

/// Live reload: `soa.yaml` in the casebook's root is the statement, not a
/// case (no problems in `!`), and an edit of it shows in the open coverage view.
#[test]
fn an_edit_of_the_statement_shows_in_the_coverage_view() {
    let dir = fixture_dir();
    let soa = dir.path().join("soa.yaml");
    let mut app = fixture_app(&dir, casebook::lang::Lang::Ja, 80, 24);
    watch_statement(&mut app, &dir, &soa);
    press(&mut app, "C");
    assert_eq!(
        flagged(&app),
        "! 除外したが先例あり (2): iso27001:A.5.23 (2) iso27001:A.7.14 (1)"
    );
    exclude_only_a_8_24(&soa);
    app.reload_now(vec![soa.clone()]);
    assert_eq!(app.mode(), Mode::Coverage);
    assert_eq!(
        flagged(&app),
        "! 除外したが先例あり (1): iso27001:A.8.24 (1)"
    );
    assert!(app.problems.list.is_empty(), "{:?}", app.problems.list);
}

/// Writes a statement that excludes A.8.24 alone, as a user's save would.
fn exclude_only_a_8_24(soa: &std::path::Path) {
    std::fs::write(
        soa,
        "soa:
  - control: A.8.24
    applicable: false
    reason: 暗号は使っていない
",
    )
    .unwrap();
}

/// The browser started with `--soa SOA` on the fixture casebook in `dir`,
/// watching both.
fn watch_statement(app: &mut App, dir: &common::Dir, soa: &std::path::Path) {
    app.env.options.soa_path = Some(soa.to_path_buf());
    app.env.options.setup =
        casebook::tui::reload::Setup::new(&[Input::Dir(dir.path().to_path_buf())], 0, &app.book, 0);
}

/// Live reload: a statement given with `--soa` from outside the casebook
/// is read again when it changes, and never read as a case.
#[test]
fn an_edit_of_a_statement_outside_the_casebook_shows_in_the_coverage_view() {
    let dir = fixture_dir();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut app = fixture_app(&dir, casebook::lang::Lang::Ja, 80, 24);
    // The statement lives elsewhere (the fixture's is moved there).
    let soa = elsewhere.path().join("our-soa.yaml");
    std::fs::rename(dir.path().join("soa.yaml"), &soa).unwrap();
    watch_statement(&mut app, &dir, &soa);
    let cases = app.book.len();
    exclude_only_a_8_24(&soa);
    app.reload_now(vec![soa.clone()]);
    press(&mut app, "C");
    assert_eq!(
        flagged(&app),
        "! 除外したが先例あり (1): iso27001:A.8.24 (1)"
    );
    assert_eq!(app.book.len(), cases, "the statement is not a case");
    assert!(app.problems.list.is_empty(), "{:?}", app.problems.list);
}

/// `:` finds controls by words of their titles, in either language, and by
/// the words that point to them; ↑↓ walk the candidates, Tab cycles them.
#[test]
fn colon_finds_controls_by_title_and_walks_the_candidates() {
    let mut app = app();
    press(&mut app, ":供給者");
    let ids = |app: &App| -> Vec<String> {
        app.overlays
            .jump
            .candidates
            .iter()
            .map(|r| r.to_string())
            .collect()
    };
    assert_eq!(
        ids(&app),
        ["iso27001:A.5.19", "iso27001:A.5.20", "iso27001:A.5.22"]
    );
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("  iso27001:A.5.20  供給者との合意における情報セキュリティの取扱い"),
        "{shown}"
    );
    press(&mut app, "<Down><Down>");
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("▶ iso27001:A.5.20  供給者との合意における情報セキュリティの取扱い"),
        "{shown}"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(
        (app.scheme_name(), app.node()),
        ("iso27001", Some("A.5.20"))
    );

    // Tab fills the field with each candidate in turn, round the list.
    press(&mut app, ":supplier<Tab>");
    assert_eq!(app.overlays.jump.field.text, "iso27001:A.5.19");
    press(&mut app, "<Tab><Tab>");
    assert_eq!(app.overlays.jump.field.text, "iso27001:A.5.22");
    press(&mut app, "<Tab>");
    assert_eq!(app.overlays.jump.field.text, "iso27001:A.5.19");
    press(&mut app, "<Esc>");

    // A word of a measure that points to a control: both schemes.
    press(&mut app, ":廃棄");
    assert_eq!(ids(&app), ["ppc:10-5-4", "iso27001:A.7.14"]);
}

/// With a statement, each control in the tree says whether it applies.
#[test]
fn the_tree_shows_the_statements_decision_beside_each_control() {
    let dir = fixture_dir();
    let mut app = fixture_app(&dir, casebook::lang::Lang::Ja, 100, 30);
    press(&mut app, ":A.7.14<Enter>");
    let shown = screen(&app, 100, 30);
    let row = |id: &str| {
        shown
            .lines()
            // A control's row in the tree, indented under its theme.
            .find(|l| l.starts_with("│    ") && l.contains(&format!(" {id} ")))
            .unwrap_or_else(|| panic!("{id}:\n{shown}"))
            .to_string()
    };
    assert!(row("A.7.14").contains("(1) 除外"), "{shown}");
    assert!(row("A.7.13").contains("(0)") && !row("A.7.13").contains("除外"));
    press(&mut app, ":A.8.24<Enter>");
    let shown = screen(&app, 100, 30);
    assert!(
        shown
            .lines()
            .any(|l| l.starts_with("│    ") && l.contains(" A.8.24 ") && l.contains("(1) 適用")),
        "{shown}"
    );
}

/// `M` with more than one case marked asks first; `n` keeps the marks.
#[test]
fn clearing_several_marks_asks_first() {
    let mut app = app();
    press(&mut app, "<Tab>mjm");
    assert_eq!(app.marks.len(), 2);
    press(&mut app, "M");
    assert_eq!(app.mode(), Mode::Prompt);
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("印を付けた2件の印をすべて外しますか？ (y/N)"),
        "{shown}"
    );
    press(&mut app, "n");
    assert_eq!((app.mode(), app.marks.len()), (Mode::Browse, 2));
    press(&mut app, "My");
    assert_eq!((app.mode(), app.marks.len()), (Mode::Browse, 0));
    // One mark goes without a question.
    press(&mut app, "mM");
    assert_eq!((app.mode(), app.marks.len()), (Mode::Browse, 0));
}

/// `F` reads a range written backwards the right way round, and years of
/// the Japanese eras.
#[test]
fn the_filter_reads_reversed_ranges_and_era_years() {
    let mut app = app();
    press(&mut app, "F2024-2023<Enter>");
    let forward = selected_ids(&app);
    assert!(!forward.is_empty());
    assert!(screen(&app, 120, 36).contains("[2023–2024]"));
    press(&mut app, "X");
    press(&mut app, "F令和5年-令和6年<Enter>");
    assert_eq!(selected_ids(&app), forward);
    press(&mut app, "X");
    press(&mut app, "F平成25年<Enter>");
    assert!(screen(&app, 120, 36).contains("[2013]"));
    assert_eq!(
        selected_ids(&app),
        [
            "higashiyama-bureau-camera-2013",
            "umino-gakuen-applicants-2013"
        ]
    );
}

/// The tree keeps its width when a theme is opened.
#[test]
fn the_tree_keeps_its_width_when_a_theme_opens() {
    let mut app = app_at(casebook::lang::Lang::Ja, 120, 36);
    let border = |app: &App| {
        let shown = screen(app, 120, 36);
        let row = shown.lines().nth(2).unwrap().to_string();
        row.chars().skip(1).position(|c| c == '│' || c == '┐')
    };
    let before = border(&app);
    press(&mut app, "j<Right>");
    assert!(app.tree_rows().len() > 6, "a theme is open");
    assert_eq!(border(&app), before, "{}", screen(&app, 120, 36));
}

/// The statistics' bars are proportional to their counts: three causes of
/// one case each draw three equal bars and equal shares, and the view says
/// how the shares are rounded.
#[test]
fn statistics_bars_are_proportional_and_say_how_shares_round() {
    let dir = fixture_dir();
    let mut app = fixture_app(&dir, casebook::lang::Lang::Ja, 80, 24);
    press(&mut app, "S");
    assert_eq!(
        screen(&app, 80, 24),
        " ISO 27001   PPC安全管理措置   10大脅威2026   原因   業種  [s] 分類を切替       
┌ 統計 ・ 全3件 ───────────────────────────────────────────────────────────────┐
│原因の割合: 本書（1事例を原因分類ごとに1件）と JNSA調査 2018年（443件）       │
│ 原因   業種   公表年   現在の調査  ← → で切替                                │
│原因分類の割合（棒と左の数字: 本書、右の数字: JNSA調査 2018年）               │
│紛失・置忘れ             █████████████████████████████████████ 33.3% (1) 26.2%│
│誤操作                                                          0.0% (0) 24.6%│
│不正アクセス                                                    0.0% (0) 20.3%│
│管理ミス                 █████████████████████████████████████ 33.3% (1) 12.2%│
│盗難                                                            0.0% (0)  3.8%│
│設定ミス                 █████████████████████████████████████ 33.3% (1)  3.6%│
│内部犯罪・内部不正行為                                          0.0% (0)  2.9%│
│不正な情報持ち出し                                              0.0% (0)  2.3%│
│バグ・セキュリティホール                                        0.0% (0)  1.8%│
│ワーム・ウイルス                                                0.0% (0)     -│
│目的外使用                                                      0.0% (0)     -│
│不正入手                                                        0.0% (0)     -│
│その他                                                          0.0% (0)     -│
│割合は小数第1位に四捨五入しています（そのため合計が100.0%にならないことがあり │
│ます）                                                                        │
│                                                                              │
│                                                                              │
└──────────────────────────────────────────────────────────────────────────────┘
 Tab グラフ切替  ↑↓ 調査の表を送る  Esc 閉じる                              3件 
"
    );
}

/// On the sample casebook: 1, 2, 3 and 4 cases of a cause draw bars in
/// proportion, and at 200 columns every bar stops before the next chart.
#[test]
fn statistics_bars_keep_to_their_chart() {
    let mut app = answers_app(casebook::lang::Lang::Ja, false, 200, 60);
    press(&mut app, "S");
    let shown = screen(&app, 200, 60);
    let bar = |name: &str| -> usize {
        let line = shown.lines().find(|l| l.contains(name)).unwrap();
        let after = line.split(name).nth(1).unwrap();
        // Eighths of a cell: full blocks, then the partial block.
        after
            .trim_start()
            .chars()
            .take_while(|c| "█▏▎▍▌▋▊▉".contains(*c))
            .map(|c| match c {
                '█' => 8,
                c => "▏▎▍▌▋▊▉".chars().position(|p| p == c).unwrap() + 1,
            })
            .sum()
    };
    // 内部犯罪・内部不正行為 1, 紛失・置忘れ 2, 設定ミス 3, 管理ミス 4 cases.
    let (one, two, three, four) = (
        bar("内部犯罪・内部不正行為"),
        bar("紛失・置忘れ"),
        bar("設定ミス"),
        bar("管理ミス"),
    );
    assert!(one > 0, "{shown}");
    for (n, len) in [(1, one), (2, two), (3, three)] {
        let want = four * n / 4;
        assert!(
            len.abs_diff(want) <= 1,
            "{n} cases: {len} eighths, want {want}\n{shown}"
        );
    }
    assert_eq!(bar("紛失・置忘れ"), bar("不正アクセス"), "2 cases each");
    // The causes chart ends with the survey's figure, two spaces before the sectors.
    let line = shown.lines().find(|l| l.starts_with("│管理ミス")).unwrap();
    assert!(line.contains("23.5% (4) 12.2%  "), "{line}");
}

/// `S` shows the current surveys beside the casebook: each with its source
/// and year, its figures as bars beside the casebook's, the mapping under it.
#[test]
fn statistics_show_the_current_surveys_with_sources_and_mapping() {
    let dir = fixture_dir();
    let mut app = fixture_app(&dir, casebook::lang::Lang::Ja, 80, 24);
    press(&mut app, "S<Left>");
    let shown = screen(&app, 80, 24);
    for line in [
        "│JIPDEC 2024年度 — プライバシーマーク付与事業者の個人情報の取扱いにおける事故報│",
        "│  一般財団法人日本情報経済社会推進協会（JIPDEC）、2024年度（令和6年度）、     │",
        "│  出典: https://www.newton-consulting.co.jp/itilnavi/flash/id=8673、          │",
        "│紛失・滅失・毀損           ██████▏                                       11.3%│",
        "│  本書                     █████████████████▉                        33.3% (1)│",
    ] {
        assert!(shown.contains(line), "`{line}`:\n{shown}");
    }
    press(&mut app, &"j".repeat(10));
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains(
            "│  紛失・滅失・毀損 ← 紛失・置忘れ: 紛失は本書の紛失・置忘れに当たる（滅失・毀 │"
        ),
        "{shown}"
    );
    assert!(
        shown.contains(
            "│東京商工リサーチ 2025年 — 上場企業の個人情報漏えい・紛失事故（2025年）        │"
        ),
        "{shown}"
    );
}

/// `e` with pinned controls writes one register for them all: a row per
/// measure with the control it cites and the statement's decision.
#[test]
fn e_exports_the_pinned_controls_as_one_register() {
    let dir = fixture_dir();
    let mut app = fixture_app(&dir, casebook::lang::Lang::Ja, 100, 30);
    press(&mut app, ":A.5.23<Enter>p:A.8.24<Enter>p");
    assert_eq!(app.filters.filter.controls.len(), 2);
    press(&mut app, "e");
    assert_eq!(app.mode(), Mode::Prompt);
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("固定した管理策の登録簿の書き出し（形式は拡張子で: .xlsx .docx .csv .md）"),
        "{shown}"
    );
    assert_eq!(app.prompt().unwrap().field.text, "register.xlsx");
    let out = dir.path().join("register.csv");
    let effects = press(&mut app, &format!("<C-u>{}<Enter>", out.display()));
    perform(&mut app, effects, &|_| {});
    let csv = std::fs::read_to_string(&out).unwrap();
    let csv = csv.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].contains("当組織の状況・所見"), "{csv}");
    for (case, control, decision) in [
        ("disposal-2024", "A.5.23", "除外"),
        ("cloud-2023", "A.5.23", "除外"),
        ("crypto-2022", "A.8.24", "適用"),
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(case) && l.contains(control) && l.contains(decision)),
            "{case} {control} {decision}:\n{csv}"
        );
    }
    assert_eq!(lines.len(), 4, "a row per citing measure:\n{csv}");
}

/// `/` inside `?` narrows the help to the keys whose text holds the words.
#[test]
fn slash_in_the_help_narrows_it() {
    let mut app = app_at(casebook::lang::Lang::Ja, 80, 24);
    press(&mut app, "?/網羅");
    let shown = screen(&app, 80, 24);
    let body: Vec<String> = shown
        .lines()
        .skip(2)
        .take_while(|l| !l.starts_with('└'))
        .map(|l| l.trim_matches(['│', ' ']).to_string())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        body,
        [
            "閲覧",
            "C                  管理策の網羅状況（事例数の濃淡と適用宣言書）",
        ],
        "{shown}"
    );
    assert!(
        shown.contains("キーとマウスの操作 ・ 絞り込み: 網羅▏"),
        "{shown}"
    );
    // Enter keeps the words (the keys scroll again); Esc closes the help.
    press(&mut app, "<Enter>");
    assert!(!app.help_filter().unwrap().typing);
    assert!(screen(&app, 80, 24).contains("絞り込み: 網羅 "));
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Browse);
    // Open again: the whole help.
    press(&mut app, "?");
    assert!(screen(&app, 80, 24).contains("上へ"));
}

/// Ctrl-p lists every browsing action by name with its key, from the key
/// table; typing narrows the list and Enter does the chosen action.
#[test]
fn the_command_palette_lists_every_action_and_runs_one() {
    let mut app = app_at(casebook::lang::Lang::Ja, 80, 24);
    press(&mut app, "<C-p>");
    assert_eq!(app.mode(), Mode::Palette);
    let browsing = keymap::KEYMAP
        .iter()
        .filter(|b| b.context == keymap::Context::Browse && b.action != Action::OpenPalette)
        .count();
    assert_eq!(casebook::tui::palette::entries("").len(), browsing);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("│  ↑ k           上へ"), "{shown}");
    press(&mut app, "統計");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("│  S  統計（原因・業種・年、JNSA調査と現在の調査との比較）"),
        "{shown}"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Stats);
    // English words find it too, and Esc closes the palette.
    press(&mut app, "<Esc><C-p>coverage");
    assert_eq!(casebook::tui::palette::entries("coverage").len(), 1);
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Browse);
}

/// A question answered with a letter shows no key that does nothing there
/// (no Tab to complete a file name).
#[test]
fn questions_show_only_the_keys_that_work_there() {
    let mut app = app_at(casebook::lang::Lang::Ja, 80, 24);
    press(&mut app, "<Tab>mjmM");
    assert_eq!(app.mode(), Mode::Prompt);
    let status = screen(&app, 80, 24).lines().last().unwrap().to_string();
    assert!(status.contains("Esc 取消"), "{status}");
    assert!(!status.contains("補完"), "{status}");
    press(&mut app, "<Esc>e");
    let status = screen(&app, 80, 24).lines().last().unwrap().to_string();
    assert!(
        status.contains("Enter 決定") && !status.contains("補完"),
        "{status}"
    );
}

/// A tag stays whole in the detail, like an id: `#委託先` is never cut.
#[test]
fn a_tag_stays_whole_in_the_detail() {
    let tags = [
        "USB",
        "委託先",
        "個人情報",
        "持ち出し",
        "飲食店",
        "置き忘れ",
        "再委託",
        "市民",
        "暗号化なし",
        "監督不足",
        "記憶媒体",
        "情報漏えい",
    ];
    let dir = common::Dir::new();
    dir.case(
        "usb-2024.yaml",
        common::case_file("usb-2024").replace(
            "tags: [USB, 委託先]",
            &format!("tags: [{}]", tags.join(", ")),
        ),
    );
    let loaded = dir.load();
    let mut app = App::new(loaded.casebook, loaded.diagnostics, options());
    for w in 80..=120 {
        app.update(Action::Resize {
            width: w,
            height: 40,
        });
        // The detail, at its end.
        press(&mut app, "<Tab><Tab>G");
        let shown = screen(&app, w, 40);
        assert!(shown.contains("タグ: #USB"), "{w}:\n{shown}");
        for tag in tags {
            assert!(shown.contains(&format!("#{tag}")), "{w}: #{tag}\n{shown}");
        }
        press(&mut app, "<Tab>");
    }
}
