//! The terminal UI as a user drives it: keys in, state and screen out, on
//! the sample casebook of the tests (tests/fixtures/casebooks/sample).
//! State changes only through `App::update`; the screen is drawn on ratatui's
//! TestBackend, exactly as the real terminal would show it.

use casebook::diag::Diagnostic;
use casebook::tui::action::{Action, Effect, Outcome, What};
use casebook::tui::app::{Mode, Options, Pane};
use casebook::tui::{input, keymap, view};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common;
use common::tui::*;

// ----- browsing -----------------------------------------------------------------------

#[test]
fn opens_on_all_cases_newest_first() {
    let app = app();
    assert_eq!(app.panes.focus, Pane::Tree);
    assert_eq!(app.node(), None);
    let ids = selected_ids(&app);
    assert_eq!(ids.len(), 9);
    assert_eq!(ids[0], "minato-hospital-pc-2024");
    assert_eq!(ids[8], "nankai-energy-p2p-2011");
    assert_eq!(case_id(&app), "minato-hospital-pc-2024");
}

#[test]
fn picking_a7_14_shows_the_disposal_cases() {
    let mut app = app();
    press(&mut app, "jjj"); // A.7
    assert_eq!(app.node(), Some("A.7"));
    press(&mut app, "<Enter>"); // expand
    press(&mut app, &"j".repeat(14));
    assert_eq!(app.node(), Some("A.7.14"));
    assert_eq!(
        selected_ids(&app),
        vec!["minato-hospital-pc-2024", "abc-toys-hdd-2024"]
    );
    press(&mut app, "<Enter>"); // a leaf: on to the list
    assert_eq!(app.panes.focus, Pane::List);
    press(&mut app, "j<Enter>");
    assert_eq!(app.panes.focus, Pane::Detail);
    assert_eq!(case_id(&app), "abc-toys-hdd-2024");
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("事例 2件 · A.7.14 装置のセキュリティを保った処分又は再利用"),
        "{s}"
    );
    assert!(
        s.contains("委託先の社員が顧客データを保存した私物のハードディスクを消去せずに廃棄"),
        "{s}"
    );
}

#[test]
fn left_collapses_then_goes_to_the_parent() {
    let mut app = app();
    press(&mut app, "jjj<Right>j");
    assert_eq!(app.node(), Some("A.7.1"));
    press(&mut app, "h");
    assert_eq!(app.node(), Some("A.7"));
    assert_eq!(app.tree_rows().len(), 4 + 1 + 14, "still expanded");
    press(&mut app, "h");
    assert_eq!(app.tree_rows().len(), 5, "collapsed");
    press(&mut app, "h");
    assert_eq!(app.node(), None, "the root");
}

#[test]
fn tab_and_esc_move_between_panes() {
    let mut app = app();
    press(&mut app, "<Tab>");
    assert_eq!(app.panes.focus, Pane::List);
    press(&mut app, "<Tab>");
    assert_eq!(app.panes.focus, Pane::Detail);
    press(&mut app, "<Tab>");
    assert_eq!(app.panes.focus, Pane::Tree);
    press(&mut app, "<S-Tab>");
    assert_eq!(app.panes.focus, Pane::Detail);
    press(&mut app, "<Esc>");
    assert_eq!(app.panes.focus, Pane::List);
    press(&mut app, "<Esc>");
    assert_eq!(app.panes.focus, Pane::Tree);
}

#[test]
fn the_list_scrolls_to_keep_the_selection_in_view() {
    let mut app = app();
    app.update(Action::Resize {
        width: 120,
        height: 24,
    });
    press(&mut app, "<Tab>");
    // 120×24: the list pane shows 5 rows of the nine cases.
    press(&mut app, &"j".repeat(7));
    assert_eq!(
        selected_ids(&app)
            .iter()
            .position(|id| *id == case_id(&app)),
        Some(7)
    );
    assert!(app.panes.list.offset > 0 && app.panes.list.offset <= 7);
    press(&mut app, "G");
    assert_eq!(case_id(&app), "nankai-energy-p2p-2011");
    press(&mut app, "g");
    assert_eq!(app.panes.list.offset, 0);
    press(&mut app, "<PgDn>");
    let page = selected_ids(&app)
        .iter()
        .position(|id| *id == case_id(&app))
        .unwrap();
    assert!(page >= 3, "a page moves several rows: {page}");
}

#[test]
fn the_detail_scrolls_and_stops_at_the_end() {
    let mut app = app();
    press(&mut app, "<Tab><Tab>");
    press(&mut app, "jjj");
    assert_eq!(app.panes.detail.scroll, 3);
    press(&mut app, "G");
    let bottom = app.panes.detail.scroll;
    press(&mut app, "j");
    assert_eq!(app.panes.detail.scroll, bottom, "no scrolling past the end");
    press(&mut app, "g");
    assert_eq!(app.panes.detail.scroll, 0);
}

#[test]
fn s_cycles_the_classification() {
    let mut app = app();
    let mut seen = vec![app.scheme_name().to_string()];
    for _ in 0..5 {
        press(&mut app, "s");
        seen.push(app.scheme_name().to_string());
    }
    assert_eq!(
        seen,
        vec!["iso27001", "ppc", "ipa2026", "cause", "sector", "iso27001"]
    );
    press(&mut app, "sss");
    press(&mut app, "j");
    assert_eq!(app.node(), Some("loss"));
    assert!(selected_ids(&app).contains(&"kitahama-usb-2022".to_string()));
}

#[test]
fn o_sorts_by_people_then_organization_and_shift_o_reverses() {
    let mut app = app();
    let orgs = |app: &casebook::tui::App| -> Vec<String> {
        app.cases()
            .iter()
            .map(|&i| app.book.entries()[i].case.organization.clone())
            .collect()
    };
    press(&mut app, "O");
    assert_eq!(
        selected_ids(&app)[0],
        "nankai-energy-p2p-2011",
        "oldest first"
    );
    press(&mut app, "o");
    assert_eq!(selected_ids(&app)[0], "minato-hospital-pc-2024"); // 52,310 people
    assert_eq!(selected_ids(&app)[1], "sakura-web-login-2024"); // 8,900
    press(&mut app, "O");
    let fewest = selected_ids(&app);
    assert_eq!(
        fewest[0], "higashiyama-bureau-camera-2013",
        "fewest people first: 5"
    );
    let last = &app.book.entries()[app.book.index_of(fewest.last().unwrap()).unwrap()].case;
    assert!(
        last.affected.as_ref().and_then(|a| a.people).is_none(),
        "unknown counts stay last"
    );
    // Organizations in Japanese reading order: Latin, then kana by 五十音,
    // then kanji by reading; 株式会社 and the like do not count.
    press(&mut app, "o");
    assert_eq!(
        orgs(&app),
        [
            "株式会社ABCトイズ",
            "学校法人うみの学園",
            "株式会社さくらウェブ",
            "みなと市立病院",
            "ヤマネコ電力株式会社",
            "東山労働局",
            "東西運輸局",
            "南海エネルギー株式会社",
            "北浜市",
        ]
    );
    assert!(screen(&app, 120, 36).contains("組織名順"));
    press(&mut app, "O");
    assert_eq!(orgs(&app)[0], "北浜市");
    assert_eq!(orgs(&app)[8], "株式会社ABCトイズ");
    assert!(screen(&app, 120, 36).contains("組織名の逆順"));
    // The help says what the order is: kanji names are not in 五十音 order.
    use casebook::lang::Lang;
    let help = keymap::KEYMAP
        .iter()
        .find(|b| b.action == Action::CycleSort)
        .unwrap();
    for lang in [Lang::Ja, Lang::En] {
        assert!(
            !help.help(lang).contains("組織名の五十音"),
            "{}",
            help.help(lang)
        );
    }
    assert_eq!(
        help.help(Lang::Ja),
        "並び順を切替（公表日 / 人数 / 組織名: かなは五十音、漢字は代表読み）"
    );
    assert_eq!(
        help.help(Lang::En),
        "Sort: date / people / organization (kana by 五十音, kanji by a representative reading)"
    );
}

#[test]
fn f_hides_items_without_cases() {
    let mut app = app();
    press(&mut app, "jjj<Enter>");
    let all = app.tree_rows().len();
    press(&mut app, "f");
    let rows = app.tree_rows();
    assert!(rows.len() < all);
    assert!(rows.iter().all(|r| r.count > 0));
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    let areas = app.areas().unwrap();
    let (tree, list, detail) = (
        areas.tree.unwrap(),
        areas.list.unwrap(),
        areas.detail.unwrap(),
    );
    let wheel = |app: &mut casebook::tui::App, r: ratatui::layout::Rect| {
        let action =
            input::action(app, mouse(MouseEventKind::ScrollDown, r.x + 5, r.y + 3)).unwrap();
        app.update(action);
    };
    // One notch in the list selects the next case: one row.
    wheel(&mut app, list);
    assert_eq!(
        app.panes.focus,
        Pane::Tree,
        "the wheel does not move the focus"
    );
    let at = |app: &casebook::tui::App| selected_ids(app).iter().position(|id| *id == case_id(app));
    assert_eq!(at(&app), Some(1));
    // One notch in the tree moves one row (three would skip areas and
    // change the list under it three times).
    wheel(&mut app, tree);
    assert_eq!(app.node(), Some("A.5"));
    // One notch in the detail scrolls three lines.
    wheel(&mut app, detail);
    assert_eq!(app.panes.detail.scroll, 3);
    let click = input::action(
        &app,
        mouse(
            MouseEventKind::Down(crossterm::event::MouseButton::Left),
            list.x + 5,
            list.y + 2 + 1,
        ),
    )
    .unwrap();
    app.update(click);
    assert_eq!(app.panes.focus, Pane::List);
}

#[test]
fn a_click_on_a_scheme_tab_switches_to_it() {
    let mut app = app();
    let s = screen(&app, 120, 36);
    let header = s.lines().next().unwrap();
    for (name, scheme) in [
        ("原因", "cause"),
        ("業種", "sector"),
        ("PPC", "ppc"),
        ("ISO", "iso27001"),
    ] {
        let column = header
            .find(name)
            .map(|b| casebook::width::of(&header[..b]))
            .unwrap();
        let click = mouse(
            MouseEventKind::Down(crossterm::event::MouseButton::Left),
            column as u16 + 1,
            0,
        );
        let action = input::action(&app, click).unwrap();
        app.update(action);
        assert_eq!(app.scheme_name(), scheme, "a click on {name}");
    }
    // The help lists what the mouse does, from the same table.
    press(&mut app, "?");
    let help: String = view::help::lines(&app, 400)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for m in input::MOUSE {
        assert!(help.contains(m.ja), "help lacks {:?}", m.ja);
    }
}

#[test]
fn key_releases_and_repeats_are_ignored() {
    let app = app();
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        let event = Event::Key(KeyEvent {
            code: KeyCode::Char('j'),
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        });
        assert_eq!(input::action(&app, event), None);
    }
}

#[test]
fn q_quits() {
    let mut app = app();
    press(&mut app, "q");
    assert!(app.quit);
}

// ----- overlays -----------------------------------------------------------------------

#[test]
fn help_lists_every_binding_from_the_keymap() {
    let mut app = app();
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    let text: String = view::help::lines(&app, 100)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for binding in keymap::KEYMAP {
        assert!(text.contains(binding.ja), "help lacks {:?}", binding.ja);
        assert!(
            text.contains(&keymap::keys_label(binding)),
            "help lacks {:?}",
            keymap::keys_label(binding)
        );
    }
    let s = screen(&app, 120, 36);
    assert!(s.contains("キーとマウスの操作"), "{s}");
    press(&mut app, "j");
    assert_eq!(app.overlay_scroll(), 1);
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn a_failed_file_shows_a_banner_and_the_diagnostics_view() {
    let bad = Diagnostic::error(
        "team/cases/usb.yaml",
        casebook::diag::Message::new(
            "不明な項目 `titel` です（`title` の誤りでは？）",
            "unknown field `titel`; did you mean `title`?",
        ),
    )
    .at(2, 1);
    let mut app = app_with(options(), vec![bad]);
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("⚠ 1件のファイルを読み込めませんでした。! で理由を表示"),
        "{s}"
    );
    press(&mut app, "!");
    assert_eq!(app.mode(), Mode::Diagnostics);
    let s = screen(&app, 120, 36);
    assert!(s.contains("エラー: team/cases/usb.yaml:2:1"), "{s}");
    // The note says what happened to files with errors, the config file's included.
    assert!(
        s.contains("エラーのある事例ファイルは読み込まれていません（ほかの事例は読み込み済み）"),
        "{s}"
    );
    assert!(
        s.contains("設定ファイルと適用宣言書は、エラーのある項"),
        "{s}"
    );
    assert!(
        s.contains("不明な項目 `titel` です（`title` の誤りでは？）"),
        "{s}"
    );
}

#[test]
fn english_labels() {
    let app = app_with(
        Options {
            lang: casebook::lang::Lang::En,
            ..options()
        },
        Vec::new(),
    );
    let s = screen(&app, 120, 36);
    assert!(s.contains("Areas: ISO 27001"), "{s}");
    assert!(s.contains("All cases (9)"), "{s}");
    assert!(s.contains("A.5 Organizational controls"), "{s}");
    assert!(s.contains("9 cases · newest first"), "{s}");
}

// ----- the screen ---------------------------------------------------------------------

#[test]
fn wide_characters_never_break_the_borders() {
    let mut app = app();
    press(&mut app, "<Tab><Tab>");
    for (w, h) in [(120u16, 36u16), (100, 30), (81, 24), (200, 60)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        let s = screen(&app, w, h);
        for (y, line) in s.lines().enumerate() {
            assert_eq!(
                unicode_width::UnicodeWidthStr::width(line),
                w as usize,
                "row {y} at {w}×{h}: {line}"
            );
        }
        // Every body row ends with a pane's right border.
        for line in s.lines().skip(1).take(h as usize - 2) {
            assert!(line.ends_with(['│', '┐', '┘']), "{w}×{h}: {line}");
        }
    }
}

#[test]
fn main_screen() {
    let mut app = app();
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn main_screen_on_a_7_14() {
    let mut app = app();
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    press(&mut app, "jjj<Enter>jjjjjjjjjjjjjj<Tab><Tab>");
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn help_screen() {
    let mut app = app();
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn smallest_supported_terminal() {
    let mut app = app();
    app.update(Action::Resize {
        width: 40,
        height: 12,
    });
    insta::assert_snapshot!("tree_40x12", screen(&app, 40, 12));
    press(&mut app, "<Tab>");
    insta::assert_snapshot!("list_40x12", screen(&app, 40, 12));
    press(&mut app, "<Tab>");
    insta::assert_snapshot!("detail_40x12", screen(&app, 40, 12));
}

#[test]
fn too_small_says_so() {
    let mut app = app();
    app.update(Action::Resize {
        width: 20,
        height: 5,
    });
    let s = screen(&app, 20, 5);
    assert!(s.contains("端末が小さすぎます"), "{s}");
    press(&mut app, "jj<Tab>"); // keys still work, nothing panics
    app.update(Action::Resize {
        width: 120,
        height: 36,
    });
    assert!(screen(&app, 120, 36).contains("分類: ISO 27001"));
}

#[test]
fn tiny_sizes_never_panic() {
    let mut app = app();
    for (w, h) in [
        (1, 1),
        (2, 3),
        (39, 11),
        (40, 11),
        (39, 12),
        (41, 13),
        (10, 40),
    ] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        screen(&app, w, h);
        press(&mut app, "j<Tab>?<Esc>/a<Esc>");
    }
}

// ----- search -------------------------------------------------------------------------

#[test]
fn search_overlay_finds_jumps_and_highlights() {
    let mut app = app();
    press(&mut app, "jjj<Tab>j"); // some browsing state first
    let before = (
        app.node().map(str::to_string),
        app.panes.case,
        app.panes.focus,
    );
    press(&mut app, "/");
    assert_eq!(app.mode(), Mode::Search);
    press(&mut app, "廃棄 確認");
    let first = app.overlays.search.hits[0];
    let (case, kind) = app.overlays.search.searcher.index.item_of(first.item);
    assert_eq!(app.book.entries()[case].case.id, "minato-hospital-pc-2024");
    assert_eq!(kind, casebook::search::Kind::Measure(0));
    let s = screen(&app, 120, 36);
    assert!(s.contains("/ 廃棄 確認"), "{s}");
    assert!(
        s.contains("病院や委託事業者の情報機器を委託して廃棄するときは"),
        "{s}"
    );
    assert!(s.contains("iso27001:A.7.14"), "{s}");
    // Esc restores the view as it was.
    press(&mut app, "<Esc>");
    assert_eq!(
        (
            app.node().map(str::to_string),
            app.panes.case,
            app.panes.focus
        ),
        before
    );
    // Enter jumps to the case with the measure highlighted.
    press(&mut app, "/<Enter>");
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(case_id(&app), "minato-hospital-pc-2024");
    assert_eq!(app.panes.focus, Pane::Detail);
    assert_eq!(
        app.panes.detail.highlight,
        Some(casebook::document::Anchor::Measure(0))
    );
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("1. 病院や委託事業者の情報機器を委託して廃棄するときは"),
        "the measure is scrolled into view: {s}"
    );
}

#[test]
fn a_search_result_too_long_for_its_row_ends_with_an_ellipsis() {
    let mut app = app();
    press(&mut app, "/廃棄 確認");
    let s = screen(&app, 80, 24);
    // The first hit, a measure longer than 80 columns, cut and marked.
    let row = s
        .lines()
        .find(|l| l.contains("▶策 "))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(row.trim_end_matches('│').trim_end().ends_with('…'), "{row}");
    // One that fits is not marked.
    press(&mut app, "<C-u>消去");
    let s = screen(&app, 200, 40);
    let rows: Vec<&str> = s.lines().filter(|l| l.contains("策 ")).collect();
    assert!(
        rows.iter()
            .any(|r| !r.trim_end().trim_end_matches('│').trim_end().ends_with('…')),
        "{s}"
    );
}

#[test]
fn search_input_edits_characters_not_bytes() {
    let mut app = app();
    press(&mut app, "/暗号化");
    assert_eq!(app.overlays.search.field.text, "暗号化");
    press(&mut app, "<BS>");
    assert_eq!(app.overlays.search.field.text, "暗号");
    assert_eq!(app.overlays.search.field.cursor, 2);
    let paste = input::action(&app, Event::Paste("ＵＳＢ\nメモリ".into())).unwrap();
    app.update(paste);
    assert_eq!(app.overlays.search.field.text, "暗号ＵＳＢ メモリ");
}

#[test]
fn tab_switches_the_search_target() {
    let mut app = app();
    press(&mut app, "/usb");
    use casebook::search::Target;
    assert_eq!(app.overlays.search.target, Target::All);
    assert!(!app.overlays.search.hits.is_empty());
    press(&mut app, "<Tab>");
    assert_eq!(app.overlays.search.target, Target::Measures);
    press(&mut app, "<Tab>");
    assert_eq!(app.overlays.search.target, Target::Cases);
    let (case, _) = app
        .overlays
        .search
        .searcher
        .index
        .item_of(app.overlays.search.hits[0].item);
    assert_eq!(app.book.entries()[case].case.id, "kitahama-usb-2022");
}

#[test]
fn the_cursor_sits_at_the_caret_for_input_methods() {
    let mut app = app();
    press(&mut app, "/廃棄<Left>");
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
    terminal.draw(|f| view::draw(f, &app)).unwrap();
    let pos = terminal.get_cursor_position().unwrap();
    let overlay = app.areas().unwrap().overlay;
    // border + "/ " + one kanji (two columns)
    assert_eq!(pos.x, overlay.x + 1 + 2 + 2);
    assert_eq!(pos.y, overlay.y + 1);
}

// ----- copy, mark and export ----------------------------------------------------------

#[test]
fn y_copies_the_summary_and_c_the_citation() {
    let mut app = app();
    let effects = press(&mut app, "y");
    let [
        Effect::Copy {
            text,
            what: What::Summary,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert!(
        text.starts_with(
            "委託して廃棄した診療用パソコンが患者データを残したままネットオークションに出品\n"
        ),
        "{text}"
    );
    let effects = press(&mut app, "<Tab>c");
    let [
        Effect::Copy {
            text,
            what: What::Citation,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(
        text,
        "みなと市立病院 — みなと市「市立病院の診療用パソコンからの個人データの漏えいのおそれについて」(2024-08-07) [casebook: minato-hospital-pc-2024]\n"
    );
    app.update(Action::Done(Outcome::Copied {
        what: What::Citation,
        via: vec!["OSC 52".into()],
    }));
    assert_eq!(
        app.status.as_deref(),
        Some("出典表記をコピーしました（OSC 52）")
    );
}

#[test]
fn c_on_a_control_copies_its_precedent_list() {
    let mut app = app();
    press(&mut app, "jjj<Enter>jjjjjjjjjjjjjj");
    assert!(
        press(&mut app, "c").is_empty(),
        "first it asks: copy or save"
    );
    assert!(
        screen(&app, 120, 36).contains(
            "iso27001:A.7.14 の先例一覧: c コピー / s 保存（.xlsx .docx .pptx .md .csv）/ Esc 取消"
        ),
        "{}",
        screen(&app, 120, 36)
    );
    let effects = press(&mut app, "c");
    let [
        Effect::Copy {
            text,
            what: What::Precedents,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert!(
        text.starts_with("iso27001:A.7.14 装置のセキュリティを保った処分又は再利用\n先例 2件"),
        "{text}"
    );
}

#[test]
fn marks_survive_changing_area_and_export_asks_before_overwriting() {
    let mut app = app();
    press(&mut app, "<Tab>mjm");
    assert_eq!(app.marks.len(), 2);
    press(&mut app, "<Esc>s"); // another classification
    press(&mut app, "<Tab>jjm");
    assert_eq!(app.marks.len(), 3);
    assert!(screen(&app, 120, 36).contains("印 3件"));
    let effects = press(&mut app, "e<Enter>");
    assert!(effects.is_empty());
    assert_eq!(app.mode(), Mode::Prompt);
    assert!(screen(&app, 120, 36).contains("保存先: training.docx"));
    // The format follows the extension: Markdown for .md.
    press(&mut app, "<BS><BS><BS><BS>md");
    let effects = press(&mut app, "<Enter>");
    let [
        Effect::Write {
            path,
            data,
            overwrite: false,
            make_dirs: false,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(path.to_str(), Some("training.md"));
    assert!(data.starts_with("# 研修資料: 情報セキュリティ事故の事例（3件）".as_bytes()));
    // The file exists: ask, then overwrite on y.
    app.update(Action::Done(Outcome::Exists {
        path: path.clone(),
        data: data.clone(),
    }));
    assert!(screen(&app, 120, 36).contains("training.md は既にあります。上書きしますか？ (y/N)"));
    let effects = press(&mut app, "y");
    assert!(matches!(
        effects.as_slice(),
        [Effect::Write {
            overwrite: true,
            ..
        }]
    ));
    app.update(Action::Done(Outcome::Written { path: path.clone() }));
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.status.as_deref(), Some("training.md に書き出しました"));
    // `M` asks before clearing more than one mark: `y` clears them.
    press(&mut app, "M");
    assert!(!app.marks.is_empty());
    press(&mut app, "y");
    assert!(app.marks.is_empty());
}

/// `y`, and then the clipboard could not take the summary (`stuck`: the tool
/// that did not take it in time).
fn copy_fails(app: &mut casebook::tui::App, stuck: Option<&str>) {
    let effects = press(app, "y");
    let [Effect::Copy { text, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    app.update(Action::Done(Outcome::CopyFailed {
        what: What::Summary,
        text: text.clone(),
        stuck: stuck.map(str::to_string),
    }));
}

#[test]
fn when_nothing_can_copy_a_file_is_offered() {
    let mut app = app();
    copy_fails(&mut app, None);
    assert_eq!(app.mode(), Mode::Prompt);
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("コピーできませんでした。ファイルに保存します"),
        "{s}"
    );
    assert!(s.contains("保存先: summary.txt"), "{s}");
    let effects = press(&mut app, "<Esc>");
    assert!(effects.is_empty());
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn enter_on_the_overwrite_question_means_no() {
    let mut app = app();
    press(&mut app, "<Tab>m");
    press(&mut app, "e<Enter>");
    let effects = press(&mut app, "<Enter>");
    let [Effect::Write { path, data, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    app.update(Action::Done(Outcome::Exists {
        path: path.clone(),
        data: data.clone(),
    }));
    // `e` Enter Enter Enter (title, name, question): the last Enter answers the question, and means no.
    let effects = press(&mut app, "<Enter>");
    assert!(effects.is_empty(), "nothing is written: {effects:?}");
    assert_eq!(app.mode(), Mode::Prompt);
    assert!(screen(&app, 120, 36).contains("保存先: training.docx"));
    // Any other key but y leaves the question open and writes nothing.
    app.update(Action::Done(Outcome::Exists {
        path: path.clone(),
        data: data.clone(),
    }));
    for key in ["<Enter>", "x", " "] {
        let effects = press(&mut app, key);
        assert!(effects.is_empty(), "{key}: {effects:?}");
        app.update(Action::Done(Outcome::Exists {
            path: path.clone(),
            data: data.clone(),
        }));
    }
}

#[test]
fn a_stuck_clipboard_tool_is_named_and_a_file_offered() {
    let mut app = app();
    copy_fails(&mut app, Some("xclip"));
    assert_eq!(app.mode(), Mode::Prompt);
    let s = screen(&app, 120, 36);
    assert!(s.contains("保存先: summary.txt"), "{s}");
    assert!(
        s.contains("xclip が1秒以内に受け取らなかったため止めました"),
        "{s}"
    );
}
