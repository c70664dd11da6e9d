//! The terminal UI as a user drives it: keys in, state and screen out.
//! State changes only through `App::update`; the screen is drawn on ratatui's
//! TestBackend, exactly as the real terminal would show it.

use casebook::diag::Diagnostic;
use casebook::load::{Input, load};
use casebook::tui::action::{Action, Effect, Outcome, What};
use casebook::tui::app::{App, Mode, Options, Pane};
use casebook::tui::theme::Theme;
use casebook::tui::{input, keymap, view};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn options() -> Options {
    Options {
        theme: Some(Theme { color: false }),
        ..Options::default()
    }
}

/// The bundled casebook in Japanese on a 120×36 terminal.
fn app() -> App {
    app_with(options(), Vec::new())
}

fn app_with(options: Options, extra_diags: Vec<Diagnostic>) -> App {
    let loaded = load(&[Input::Bundled], &[]);
    let mut diags = loaded.diagnostics;
    diags.extend(extra_diags);
    let mut app = App::new(loaded.casebook, diags, options);
    app.update(Action::Resize {
        width: 120,
        height: 36,
    });
    app
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

/// Types keys: plain characters, or names in angle brackets (`<Enter>`, `<Tab>`,
/// `<S-Tab>`, `<Esc>`, `<Down>`, `<Up>`, `<PgDn>`, `<PgUp>`, `<BS>`, `<Del>`,
/// `<C-o>` for Ctrl-o, `<A-Left>` for Alt-←).
fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, len) = if c == '<' && rest.contains('>') {
            let end = rest.find('>').unwrap();
            let code = match &rest[1..end] {
                "Enter" => KeyCode::Enter,
                "Tab" => KeyCode::Tab,
                "S-Tab" => KeyCode::BackTab,
                "Esc" => KeyCode::Esc,
                "Down" => KeyCode::Down,
                "Up" => KeyCode::Up,
                "Left" => KeyCode::Left,
                "Right" => KeyCode::Right,
                "PgDn" => KeyCode::PageDown,
                "PgUp" => KeyCode::PageUp,
                "BS" => KeyCode::Backspace,
                "Del" => KeyCode::Delete,
                name if name.starts_with("C-") || name.starts_with("A-") => {
                    let modifiers = if name.starts_with("C-") {
                        KeyModifiers::CONTROL
                    } else {
                        KeyModifiers::ALT
                    };
                    let code = match &name[2..] {
                        "Left" => KeyCode::Left,
                        "Right" => KeyCode::Right,
                        c => KeyCode::Char(c.chars().next().unwrap()),
                    };
                    let event = Event::Key(KeyEvent {
                        code,
                        modifiers,
                        kind: KeyEventKind::Press,
                        state: KeyEventState::NONE,
                    });
                    rest = &rest[end + 1..];
                    if let Some(action) = input::action(app, event) {
                        effects.extend(app.update(action));
                    }
                    continue;
                }
                other => panic!("unknown key <{other}>"),
            };
            (key(code), end + 1)
        } else {
            (key(KeyCode::Char(c)), c.len_utf8())
        };
        rest = &rest[len..];
        if let Some(action) = input::action(app, event) {
            effects.extend(app.update(action));
        }
    }
    effects
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..height {
        let mut skip = 0;
        for x in 0..width {
            let cell = &buffer[(x, y)];
            // A wide character fills two cells; the second is blank in the buffer.
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = cell.symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

fn selected_ids(app: &App) -> Vec<String> {
    app.cases()
        .iter()
        .map(|&i| app.book.entries()[i].case.id.clone())
        .collect()
}

fn case_id(app: &App) -> String {
    app.book.entries()[app.case.unwrap()].case.id.clone()
}

// ----- browsing -----------------------------------------------------------------------

#[test]
fn opens_on_all_cases_newest_first() {
    let app = app();
    assert_eq!(app.focus, Pane::Tree);
    assert_eq!(app.node(), None);
    let ids = selected_ids(&app);
    assert_eq!(ids.len(), 23);
    assert_eq!(ids[0], "kesennuma-hospital-pos-2024");
    assert_eq!(ids[22], "osaka-water-p2p-2011");
    assert_eq!(case_id(&app), "kesennuma-hospital-pos-2024");
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
        vec!["kesennuma-hospital-pos-2024", "bandai-spirits-hdd-2024"]
    );
    press(&mut app, "<Enter>"); // a leaf: on to the list
    assert_eq!(app.focus, Pane::List);
    press(&mut app, "j<Enter>");
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(case_id(&app), "bandai-spirits-hdd-2024");
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("事例 2件 · A.7.14 装置のセキュリティを保った処分又は再利用"),
        "{s}"
    );
    assert!(
        s.contains("委託先従業員が業務に使った私物の外付けHDDをデータ消去せずに廃棄"),
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
    assert_eq!(app.focus, Pane::List);
    press(&mut app, "<Tab>");
    assert_eq!(app.focus, Pane::Detail);
    press(&mut app, "<Tab>");
    assert_eq!(app.focus, Pane::Tree);
    press(&mut app, "<S-Tab>");
    assert_eq!(app.focus, Pane::Detail);
    press(&mut app, "<Esc>");
    assert_eq!(app.focus, Pane::List);
    press(&mut app, "<Esc>");
    assert_eq!(app.focus, Pane::Tree);
}

#[test]
fn the_list_scrolls_to_keep_the_selection_in_view() {
    let mut app = app();
    press(&mut app, "<Tab>");
    // 120×36: the list pane shows 11 rows of cases.
    press(&mut app, &"j".repeat(15));
    assert_eq!(
        selected_ids(&app)
            .iter()
            .position(|id| *id == case_id(&app)),
        Some(15)
    );
    assert!(app.list_offset > 0 && app.list_offset <= 15);
    press(&mut app, "G");
    assert_eq!(case_id(&app), "osaka-water-p2p-2011");
    press(&mut app, "g");
    assert_eq!(app.list_offset, 0);
    press(&mut app, "<PgDn>");
    let page = selected_ids(&app)
        .iter()
        .position(|id| *id == case_id(&app))
        .unwrap();
    assert!(page >= 8, "a page moves several rows: {page}");
}

#[test]
fn the_detail_scrolls_and_stops_at_the_end() {
    let mut app = app();
    press(&mut app, "<Tab><Tab>");
    press(&mut app, "jjj");
    assert_eq!(app.detail_scroll, 3);
    press(&mut app, "G");
    let bottom = app.detail_scroll;
    press(&mut app, "j");
    assert_eq!(app.detail_scroll, bottom, "no scrolling past the end");
    press(&mut app, "g");
    assert_eq!(app.detail_scroll, 0);
}

#[test]
fn s_cycles_the_classification() {
    let mut app = app();
    let mut seen = vec![app.scheme_name().to_string()];
    for _ in 0..4 {
        press(&mut app, "s");
        seen.push(app.scheme_name().to_string());
    }
    assert_eq!(seen, vec!["iso27001", "ppc", "cause", "sector", "iso27001"]);
    press(&mut app, "ss");
    press(&mut app, "j");
    assert_eq!(app.node(), Some("loss"));
    assert!(selected_ids(&app).contains(&"amagasaki-usb-2022".to_string()));
}

#[test]
fn o_sorts_by_people_then_organization() {
    let mut app = app();
    press(&mut app, "o");
    assert_eq!(selected_ids(&app)[0], "kesennuma-hospital-pos-2024"); // 48,651 people
    assert_eq!(selected_ids(&app)[1], "openwork-realtime-status-2023"); // 8,965
    press(&mut app, "o");
    let orgs: Vec<String> = app
        .cases()
        .iter()
        .map(|&i| app.book.entries()[i].case.organization.clone())
        .collect();
    let mut sorted = orgs.clone();
    sorted.sort();
    assert_eq!(orgs, sorted);
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

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    let areas = app.areas().unwrap();
    let list = areas.list.unwrap();
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: list.x + 5,
        row: list.y + 3,
        modifiers: KeyModifiers::NONE,
    });
    let action = input::action(&app, wheel).unwrap();
    app.update(action);
    assert_eq!(app.focus, Pane::Tree, "the wheel does not move the focus");
    assert_eq!(
        selected_ids(&app)
            .iter()
            .position(|id| *id == case_id(&app)),
        Some(3)
    );
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: list.x + 5,
        row: list.y + 2 + 1,
        modifiers: KeyModifiers::NONE,
    });
    let action = input::action(&app, click).unwrap();
    app.update(action);
    assert_eq!(app.focus, Pane::List);
    assert_eq!(
        selected_ids(&app)
            .iter()
            .position(|id| *id == case_id(&app)),
        Some(1)
    );
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
    assert_eq!(app.mode, Mode::Help);
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
    assert!(s.contains("キー操作（Esc で閉じる）"), "{s}");
    press(&mut app, "j");
    assert_eq!(app.overlay_scroll, 1);
    press(&mut app, "<Esc>");
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn a_failed_file_shows_a_banner_and_the_diagnostics_view() {
    let bad = Diagnostic::error(
        "team/cases/usb.yaml",
        "unknown field `titel`; did you mean `title`?",
    )
    .at(2, 1);
    let mut app = app_with(options(), vec![bad]);
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("⚠ 1件のファイルを読み込めませんでした。! で理由を表示"),
        "{s}"
    );
    press(&mut app, "!");
    assert_eq!(app.mode, Mode::Diagnostics);
    let s = screen(&app, 120, 36);
    assert!(s.contains("エラー: team/cases/usb.yaml:2:1"), "{s}");
    assert!(
        s.contains("unknown field `titel`; did you mean `title`?"),
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
    assert!(s.contains("All cases (23)"), "{s}");
    assert!(s.contains("A.5 Organizational controls"), "{s}");
    assert!(s.contains("Cases 23 · newest first"), "{s}");
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
    let before = (app.node().map(str::to_string), app.case, app.focus);
    press(&mut app, "/");
    assert_eq!(app.mode, Mode::Search);
    press(&mut app, "廃棄 確認");
    let first = app.search.hits[0];
    let (case, kind) = app.searcher.index.item_of(first.item);
    assert_eq!(
        app.book.entries()[case].case.id,
        "kesennuma-hospital-pos-2024"
    );
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
        (app.node().map(str::to_string), app.case, app.focus),
        before
    );
    // Enter jumps to the case with the measure highlighted.
    press(&mut app, "/<Enter>");
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(case_id(&app), "kesennuma-hospital-pos-2024");
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(app.measure_highlight, Some(0));
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("1. 病院や委託事業者の情報機器を委託して廃棄するときは"),
        "the measure is scrolled into view: {s}"
    );
}

#[test]
fn search_input_edits_characters_not_bytes() {
    let mut app = app();
    press(&mut app, "/暗号化");
    assert_eq!(app.search.field.text, "暗号化");
    press(&mut app, "<BS>");
    assert_eq!(app.search.field.text, "暗号");
    assert_eq!(app.search.field.cursor, 2);
    let paste = input::action(&app, Event::Paste("ＵＳＢ\nメモリ".into())).unwrap();
    app.update(paste);
    assert_eq!(app.search.field.text, "暗号ＵＳＢ メモリ");
}

#[test]
fn tab_switches_the_search_target() {
    let mut app = app();
    press(&mut app, "/usb");
    use casebook::search::Target;
    assert_eq!(app.search.target, Target::All);
    assert!(!app.search.hits.is_empty());
    press(&mut app, "<Tab>");
    assert_eq!(app.search.target, Target::Measures);
    press(&mut app, "<Tab>");
    assert_eq!(app.search.target, Target::Cases);
    let (case, _) = app.searcher.index.item_of(app.search.hits[0].item);
    assert_eq!(app.book.entries()[case].case.id, "amagasaki-usb-2022");
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
        text.starts_with("委託で処分したPOSレジ端末が患者データを残したままフリマアプリで流通\n"),
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
        "気仙沼市立病院 — 気仙沼市「市立病院における個人データの漏えいのおそれについて」(2024-08-07) [casebook: kesennuma-hospital-pos-2024]\n"
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
    let effects = press(&mut app, "e");
    assert!(effects.is_empty());
    assert_eq!(app.mode, Mode::Prompt);
    assert!(screen(&app, 120, 36).contains("保存先: training.md"));
    let effects = press(&mut app, "<Enter>");
    let [
        Effect::Write {
            path,
            text,
            overwrite: false,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(path.to_str(), Some("training.md"));
    assert!(text.starts_with("# 研修資料: 情報セキュリティ事故の事例（3件）"));
    // The file exists: ask, then overwrite on y.
    app.update(Action::Done(Outcome::Exists {
        path: path.clone(),
        text: text.clone(),
    }));
    assert!(screen(&app, 120, 36).contains("training.md は既にあります。上書きしますか？ (y/n)"));
    let effects = press(&mut app, "y");
    assert!(matches!(
        effects.as_slice(),
        [Effect::Write {
            overwrite: true,
            ..
        }]
    ));
    app.update(Action::Done(Outcome::Written { path: path.clone() }));
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.status.as_deref(), Some("training.md に書き出しました"));
    press(&mut app, "M");
    assert!(app.marks.is_empty());
}

#[test]
fn when_nothing_can_copy_a_file_is_offered() {
    let mut app = app();
    let effects = press(&mut app, "y");
    let [Effect::Copy { text, .. }] = effects.as_slice() else {
        panic!()
    };
    app.update(Action::Done(Outcome::CopyFailed {
        what: What::Summary,
        text: text.clone(),
    }));
    assert_eq!(app.mode, Mode::Prompt);
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("コピーできませんでした。ファイルに保存します"),
        "{s}"
    );
    assert!(s.contains("保存先: summary.txt"), "{s}");
    let effects = press(&mut app, "<Esc>");
    assert!(effects.is_empty());
    assert_eq!(app.mode, Mode::Browse);
}

// ----- answers: coverage, statistics, similar cases, filters, jumps -------------------

const SOA: &str = "soa:
  - control: iso27001:A.7.14
    applicable: false
    reason: 機器の廃棄は本社総務部が一括して行う
  - control: A.8.24
    applicable: true
  - control: 10-5(4)
    applicable: false
    reason: 本社で一括
  - control: A.6.7
    applicable: false
    reason: 在宅勤務を認めていない
";

/// The bundled casebook with the SoA above, in `lang`, with or without colour.
fn answers_app(lang: casebook::lang::Lang, color: bool, width: u16, height: u16) -> App {
    let loaded = load(&[Input::Bundled], &[]);
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

/// The screen with its colours and modifiers (ratatui's own listing of the buffer).
fn styled_screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    format!("{:?}", terminal.backend().buffer())
}

/// No cell has a colour: NO_COLOR shades with characters only.
fn assert_colourless(app: &App, width: u16, height: u16) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
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
                press(&mut app, "C");
                assert_eq!(app.mode, Mode::Coverage);
                let name = format!(
                    "coverage_{l}_{w}x{h}_{}",
                    if color { "color" } else { "no_color" }
                );
                if color {
                    insta::assert_snapshot!(name, styled_screen(&app, w, h));
                } else {
                    assert_colourless(&app, w, h);
                    insta::assert_snapshot!(name, screen(&app, w, h));
                }
                press(&mut app, "<Esc>S");
                assert_eq!(app.mode, Mode::Stats);
                let name = format!(
                    "stats_{l}_{w}x{h}_{}",
                    if color { "color" } else { "no_color" }
                );
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

#[test]
fn the_coverage_view_answers_which_excluded_controls_have_precedents() {
    let mut coverage = answers_app(casebook::lang::Lang::Ja, false, 80, 24);
    press(&mut coverage, "C");
    let shown = screen(&coverage, 80, 24);
    assert!(
        shown.contains("! 除外したが先例あり (2): iso27001:A.7.14 (2)  ppc:10-5-4 (6)"),
        "{shown}"
    );
    // The A.7 row: A.7.14 (the 14th cell) carries the mark.
    let a7 = shown.lines().find(|l| l.contains("A.7 ")).unwrap();
    assert!(
        a7.trim_end()
            .trim_end_matches('│')
            .trim_end()
            .ends_with("░!"),
        "{a7}"
    );
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
        ["kesennuma-hospital-pos-2024", "bandai-spirits-hdd-2024"]
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
    press(&mut app, "ssj");
    assert_eq!(app.node(), Some("loss"));
    press(&mut app, "p");
    assert_eq!(app.node(), None, "pinned: the tree is free again");
    // Sectors: local government, AND with the pinned cause.
    press(&mut app, "sjj");
    assert_eq!(app.node(), Some("local-government"));
    assert_eq!(selected_ids(&app), ["amagasaki-usb-2022"]);
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("絞り込み: [業種: 地方公共団体] [原因: 紛失・置忘れ] → 1件"),
        "{shown}"
    );
    // Years and words.
    // Remove the area chip: `x` chooses the last chip, ← the one before.
    press(&mut app, "x<Left><Enter><Esc>");
    let ids = selected_ids(&app);
    assert_eq!(
        ids,
        ["amagasaki-usb-2022", "iwate-labour-bureau-camera-2013"]
    );
    press(&mut app, "F2013<Enter>");
    assert_eq!(selected_ids(&app), ["iwate-labour-bureau-camera-2013"]);
    // The prompt starts from the current years: typing extends 2013 to 2013-2022.
    press(&mut app, "F-2022 USB<Enter>");
    assert_eq!(selected_ids(&app), ["amagasaki-usb-2022"]);
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("[原因: 紛失・置忘れ] [2013–2022] [“USB”] → 1件"),
        "{shown}"
    );
    press(&mut app, "b");
    assert_eq!(selected_ids(&app), ["amagasaki-usb-2022"], "bundled only");
    press(&mut app, "b");
    assert!(selected_ids(&app).is_empty(), "team only: there are none");
    press(&mut app, "b");
    // Remove the words: choose the last chip.
    press(&mut app, "x");
    assert_eq!(app.mode, Mode::Chips);
    press(&mut app, "<Enter><Esc>");
    assert_eq!(
        selected_ids(&app),
        ["amagasaki-usb-2022", "iwate-labour-bureau-camera-2013"]
    );
    press(&mut app, "X");
    assert_eq!(selected_ids(&app).len(), app.book.len());
    assert!(!app.filter_bar());
}

#[test]
fn statistics_follow_the_filter() {
    let mut app = answers_app(casebook::lang::Lang::Ja, false, 120, 36);
    press(&mut app, "F2024<Enter>S");
    let stats = app.stats.stats.as_ref().unwrap();
    assert_eq!(stats.cases, 7);
    assert!(screen(&app, 120, 36).contains("統計 ・ 絞り込み 7件"));
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
    assert!(
        a710.case_ids.iter().all(|id| id.ends_with("2024")),
        "{a710:?}"
    );
}

#[test]
fn the_detail_ends_with_similar_cases_and_enter_follows_one() {
    let mut app = app();
    // A.7.14, the POS terminals of Kesennuma.
    press(&mut app, ":A.7.14<Enter>");
    assert_eq!(case_id(&app), "kesennuma-hospital-pos-2024");
    assert_eq!(app.similar[0].case_id, "bandai-spirits-hdd-2024");
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
    assert!(
        shown.contains("1. 2024-06-11 株式会社BANDAI SPIRITS"),
        "{shown}"
    );
    press(&mut app, "<Enter>");
    assert_eq!(case_id(&app), "bandai-spirits-hdd-2024");
    assert_eq!(
        app.similar[0].case_id, "kesennuma-hospital-pos-2024",
        "and back"
    );
    press(&mut app, "<C-o>");
    assert_eq!(case_id(&app), "kesennuma-hospital-pos-2024");
}

#[test]
fn u_opens_the_source_url_through_the_event_loop() {
    let mut app = app();
    press(&mut app, ":A.7.10<Enter><Tab>");
    while case_id(&app) != "amagasaki-usb-2022" {
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
    assert_eq!(case_id(&app), "kesennuma-hospital-pos-2024");
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
        r#"{"version": 1, "scheme": "ppc", "node": "10-9", "case": "gone", "marks": ["gone", "amagasaki-usb-2022"]}"#,
    )
    .unwrap();
    let mut later = app();
    later.restore(&saved::read(&file).unwrap());
    assert_eq!((later.scheme_name(), later.node()), ("ppc", None));
    assert_eq!(later.marks.len(), 1);
}

#[test]
fn every_browsing_key_is_in_the_readme_table() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("| key | does |")
        .expect("the README has a key table");
    let table: String = readme[start..]
        .lines()
        .take_while(|l| l.starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n");
    for binding in keymap::KEYMAP
        .iter()
        .filter(|b| b.context == keymap::Context::Browse)
    {
        for key in binding.keys {
            let label = format!("`{}`", keymap::key_label(key));
            assert!(
                table.contains(&label),
                "{label} ({}) is not in the README key table",
                binding.en
            );
        }
    }
}

#[test]
fn search_marks_hits_found_through_a_control() {
    let mut app = app();
    press(&mut app, "/暗号の利用");
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("▶策 〔iso27001:A.8.24 経由〕委託先のシステムで、暗号化を用いて"),
        "{shown}"
    );
}
