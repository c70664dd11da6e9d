//! What the terminal shows, column for column: titles, organizations and
//! queries full of half-width kana (ﾊﾟｽﾜｰﾄﾞ), combining marks and emoji, under
//! popups and in every pane, at 80×24, 60×20, 40×12 and 200×60, in Japanese
//! and English. Each frame is drawn by ratatui's crossterm backend into a
//! terminal emulator (vt100, which measures characters as tmux does), and
//! the emulator's screen must be exactly the frame ratatui meant to show.

use crate::common;

use casebook::diag::Diagnostic;
use casebook::lang::Lang;
use casebook::load::{Input, load};
use casebook::tui::action::Action;
use casebook::tui::app::{App, Mode, Options};
use common::Dir;
use common::tui::*;

const SIZES: [(u16, u16); 4] = [(80, 24), (60, 20), (40, 12), (200, 60)];

/// A case whose title, organization and text are full of half-width kana,
/// combining marks and emoji.
const HALF_WIDTH: &str = "id: half-width-2024
title: ﾊﾟｽﾜｰﾄﾞ管理ﾂｰﾙの設定ﾐｽで顧客ﾃﾞｰﾀが閲覧可能に❤\u{FE0F}👍🏽
organization: 株式会社ﾃﾞｰﾀｻｰﾋﾞｽ
sector: it-services
published: 2024-08-07
summary: |
  ﾊﾟｽﾜｰﾄﾞを共有ﾌｫﾙﾀﾞに置いたまま運用し、は\u{3099}かは\u{3099}かしい設定ﾐｽで外部から閲覧できた。
  café の予約ｼｽﾃﾑも同じﾊﾟｽﾜｰﾄﾞだった。
affected:
  people: 1284
root_causes:
  - category: misconfiguration
    text: ｱｸｾｽ権の設定を確認しなかった
measures:
  - text: ﾊﾟｽﾜｰﾄﾞは管理ﾂｰﾙで個別に発行し、共有ﾌｫﾙﾀﾞには置かない
    controls: [iso27001:A.5.17]
sources:
  - publisher: 株式会社ﾃﾞｰﾀｻｰﾋﾞｽ
    title: 不正ｱｸｾｽに関するお知らせ
    date: 2024-08-07
";

/// The fixture: the half-width case beside an ordinary one, bundled catalogs,
/// a load problem quoting half-width text (for `!`).
fn fixture(lang: Lang, width: u16, height: u16) -> App {
    let dir = Dir::new();
    dir.case("2024/half-width-2024.yaml", HALF_WIDTH);
    dir.case("2024/usb-2024.yaml", common::case_file("usb-2024"));
    let loaded = load(&[Input::Dir(dir.path().to_path_buf())], &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let bad = Diagnostic::error(
        "team/cases/ﾃﾞｰﾀ.yaml",
        casebook::diag::Message::new(
            "不明な項目 `ﾀｲﾄﾙ` です（`title` の誤りでは？）",
            "unknown field `ﾀｲﾄﾙ`; did you mean `title`?",
        ),
    )
    .at(2, 1);
    let options = Options { lang, ..options() };
    let mut app = App::new(loaded.casebook, vec![bad], options);
    app.update(Action::Resize { width, height });
    app
}

/// Presses `keys`, draws a frame and checks that the terminal shows exactly
/// what ratatui meant, that no half-width sound mark or emoji modifier
/// reached a cell, and that no row is wider than the screen. Returns the
/// screen as the terminal shows it.
fn step(term: &mut Emulator, app: &mut App, keys: &str, what: &str) -> String {
    press(app, keys);
    let meant = term.draw(app);
    let shown = term.shown();
    let at = format!(
        "{what} at {}×{} ({:?})",
        term.width, term.height, app.env.lang
    );
    assert_eq!(shown, meant, "{at}: the terminal disagrees with the frame");
    for (y, row) in shown.lines().enumerate() {
        assert!(
            !row.contains(['\u{FF9E}', '\u{FF9F}', '\u{FE0F}', '\u{1F3FD}']),
            "{at}, row {y}: {row}"
        );
        assert_eq!(
            casebook::width::of(row),
            term.width as usize,
            "{at}, row {y}: {row}"
        );
    }
    shown
}

#[test]
fn half_width_kana_combining_marks_and_emoji_show_as_drawn_everywhere() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in SIZES {
            let mut app = fixture(lang, w, h);
            let mut term = Emulator::new(w, h);
            let tree = step(&mut term, &mut app, "", "the tree");
            if w >= 80 {
                assert!(tree.contains("パスワード管理ツール"), "{tree}");
            }
            let list = step(&mut term, &mut app, "<Tab>", "the list");
            assert!(list.contains("パスワード") || w < 60, "{list}");
            let detail = step(&mut term, &mut app, "<Tab>", "the detail");
            assert!(detail.contains("café の予約システム") || h < 20, "{detail}");
            step(&mut term, &mut app, "jjjj", "the detail scrolled");
            let search = step(&mut term, &mut app, "/ﾊﾟｽﾜｰﾄﾞ", "a search");
            assert!(search.contains("/ パスワード"), "{search}");
            step(&mut term, &mut app, "<BS><BS>ｰﾄﾞ<Down>", "a search edited");
            step(&mut term, &mut app, "<Esc>?", "the help");
            step(&mut term, &mut app, "<PgDn>", "the help scrolled");
            step(&mut term, &mut app, "<Esc>!", "the load problems");
            step(&mut term, &mut app, "<Esc><S-Tab>me", "the export prompt");
            step(&mut term, &mut app, "<Esc>C", "the coverage");
            step(&mut term, &mut app, "<Esc>S", "the statistics");
            step(&mut term, &mut app, "<Esc>:ﾊﾟ", "the jump prompt");
            step(&mut term, &mut app, "<Esc>", "back to browsing");
        }
    }
}

#[test]
fn the_caret_sits_after_the_query_as_the_terminal_shows_it() {
    for (w, h) in SIZES {
        let mut app = fixture(Lang::Ja, w, h);
        let mut term = Emulator::new(w, h);
        step(&mut term, &mut app, "/ﾊﾟｽﾜｰﾄﾞ", "a search");
        let overlay = app.areas().unwrap().overlay;
        // The border, "/ ", then パスワード: ten columns.
        assert_eq!(
            term.cursor(),
            Some((overlay.x + 1 + 2 + 10, overlay.y + 1)),
            "{w}×{h}"
        );
        step(&mut term, &mut app, "<Left><Left>", "the caret moved back");
        assert_eq!(
            term.cursor(),
            Some((overlay.x + 1 + 2 + 8, overlay.y + 1)),
            "{w}×{h}: before ﾄﾞ (ド), after ﾊﾟｽﾜｰ (パスワー)"
        );
    }
}

#[test]
fn popups_cover_the_page_with_whole_borders_over_wide_characters() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in SIZES {
            let mut app = fixture(lang, w, h);
            let mut term = Emulator::new(w, h);
            step(&mut term, &mut app, "<Tab><Tab>", "the detail");
            for (keys, mode) in [
                ("/", Mode::Search),
                ("<Esc>?", Mode::Help),
                ("<Esc>!", Mode::Diagnostics),
            ] {
                let s = step(&mut term, &mut app, keys, keys);
                assert_eq!(app.mode(), mode);
                let rows: Vec<&str> = s.lines().collect();
                let o = app.areas().unwrap().overlay;
                let (top, bottom) = (o.y as usize, o.bottom() as usize - 1);
                assert!(
                    rows[top].starts_with('┌') && rows[top].ends_with('┐'),
                    "{keys} at {w}×{h}:\n{s}"
                );
                assert!(
                    rows[bottom].starts_with('└') && rows[bottom].ends_with('┘'),
                    "{keys} at {w}×{h}:\n{s}"
                );
                for row in &rows[top + 1..bottom] {
                    assert!(
                        row.starts_with('│') && row.ends_with('│'),
                        "{keys} at {w}×{h}: {row}\n{s}"
                    );
                }
                // Nothing of the panes shows around the popup: it spans the page.
                assert_eq!((o.x, o.width), (0, w));
            }
            step(&mut term, &mut app, "<Esc>", "closed");
        }
    }
}

#[test]
fn wider_terminals_give_the_list_and_the_detail_more_room() {
    let panes = |w: u16, h: u16, keys: &str| {
        let mut app = app_at(Lang::Ja, w, h);
        press(&mut app, keys);
        let a = app.areas().unwrap();
        let s = screen(&app, w, h);
        let need = casebook::tui::tree::rows_width(&app.tree_rows());
        (
            a.tree.unwrap().width as usize,
            need,
            a.list.unwrap().width,
            a.detail.unwrap().width,
            s,
        )
    };
    for keys in ["", "jjj<Enter>", "s", "ss", "sss"] {
        let (_, _, list_120, _, _) = panes(120, 40, keys);
        let (tree, need, list, detail, s) = panes(200, 60, keys);
        assert!(
            list >= list_120,
            "`{keys}`: the list is {list} wide, {list_120} at 120×40\n{s}"
        );
        assert!(detail >= 64, "{s}");
        // The people column shows, as at 120 columns.
        assert!(s.contains("人数"), "{s}");
        // The tree is as wide as its rows need closed (its title too), within a cap.
        assert!(tree <= need.max(27), "`{keys}`: {tree} for {need}\n{s}");
    }
    // The tree is as wide as its classification's rows need with every
    // theme closed (26 columns here, with counts of one digit, as in the
    // sample casebook), whatever is open: it does not jump when a theme opens.
    assert_eq!(panes(200, 60, "").0, 26);
    assert_eq!(
        panes(200, 60, "jjj<Enter>").0,
        26,
        "expanded, the same width"
    );
}

#[test]
fn help_and_quit_always_fit_in_the_status_bar() {
    for (lang, help, quit, close) in [
        (Lang::Ja, "? ヘルプ", "q 終了", "Esc 閉じる"),
        (Lang::En, "? help", "q quit", "Esc close"),
    ] {
        for (w, h) in SIZES {
            let mut app = app_at(lang, w, h);
            press(&mut app, "<Tab>mjm<Esc>"); // two marks: the counts grow
            let s = screen(&app, w, h);
            let status = s.lines().last().unwrap();
            assert!(
                status.contains(help) && status.contains(quit),
                "{w}×{h}: {status}"
            );
            assert!(!status.contains('…'), "no hint is cut: {status}");
            press(&mut app, "/");
            let s = screen(&app, w, h);
            let status = s.lines().last().unwrap();
            assert!(status.contains(close), "{w}×{h}: {status}");
            assert!(status.contains("↑↓") || w < 80, "{w}×{h}: {status}");
        }
    }
}

/// The tokens a line must never split: dates (with their brackets), numbers
/// with thousands separators, ids and URLs with their angle brackets.
fn tokens(text: &str) -> Vec<String> {
    let re = regex::Regex::new(
        r"\(\d{4}(-\d{2}){0,2}\)|\d{4}-\d{2}-\d{2}|\d{1,3}(,\d{3})+|<https?://[^>\s]+>|\[casebook: [a-z0-9-]+\]|(iso27001|ppc):[A-Z0-9.-]+",
    )
    .unwrap();
    re.find_iter(text).map(|m| m.as_str().to_string()).collect()
}

/// Every token of `text` that fits in `width` appears whole on one of `lines`.
fn assert_unbroken(text: &str, lines: &[String], width: usize, what: &str) {
    for token in tokens(text) {
        // A token holding a space may break there, as at `[casebook: id]`.
        for part in token.split(' ') {
            if casebook::width::of(part) + 4 <= width {
                assert!(
                    lines.iter().any(|l| l.contains(part)),
                    "{what} at {width}: `{part}` is broken:\n{}",
                    lines.join("\n")
                );
            }
        }
    }
}

#[test]
fn dates_numbers_ids_and_urls_are_never_broken() {
    // The detail pane at every supported size, every case of the bundled
    // casebook (whatever it holds) and of the sample one.
    for input in [Input::Bundled, Input::Dir(common::SAMPLE.into())] {
        detail_tokens_are_unbroken(input);
    }
    // `casebook show --width 80`: the URL keeps its `<`.
    for id in [
        "kitahama-usb-2022",
        "minato-hospital-pc-2024",
        "sakura-web-login-2024",
    ] {
        for width in ["80", "60", "100"] {
            let out = common::on_sample(&["show", id, "--width", width]);
            let text = common::stdout(&out);
            let lines: Vec<String> = text.lines().map(str::to_string).collect();
            assert!(lines.iter().all(|l| !l.ends_with('<')), "{text}");
            let whole = common::stdout(&common::on_sample(&["show", id, "--width", "0"]));
            assert_unbroken(
                &whole,
                &lines,
                width.parse().unwrap(),
                &format!("show {id}"),
            );
        }
    }
}

fn detail_tokens_are_unbroken(input: Input) {
    let book = load(std::slice::from_ref(&input), &[]).casebook;
    for (w, h) in [(200, 60), (80, 24), (60, 20), (40, 12)] {
        let loaded = load(std::slice::from_ref(&input), &[]);
        let mut app = App::new(loaded.casebook, Vec::new(), options());
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        press(&mut app, "<Tab>");
        for i in 0..book.len() {
            app.select_case(Some(app.cases()[i]));
            let width = app
                .areas()
                .unwrap()
                .detail
                .map_or(w as usize, |d| d.width as usize - 2);
            let lines: Vec<String> =
                casebook::tui::detail::screen(&app, app.panes.case.unwrap(), width)
                    .lines
                    .iter()
                    .map(|l| l.to_string())
                    .collect();
            let text = casebook::export::summary::plain(
                &book.entries()[app.panes.case.unwrap()].case,
                &book.catalogs,
                Lang::Ja,
                None,
            );
            assert_unbroken(&text, &lines, width, &format!("{w}×{h} detail"));
        }
    }
}

#[test]
fn statistics_keep_their_figures_and_years_whole_on_small_screens() {
    for (w, h) in SIZES {
        let mut app = app_at(Lang::Ja, w, h);
        press(&mut app, "S");
        let s = screen(&app, w, h);
        // Each cause's figures end in its count: `26.2% 4.3% (2)`.
        let rows: Vec<&str> = s.lines().filter(|l| l.contains('%')).collect();
        assert!(!rows.is_empty(), "{s}");
        for row in rows {
            let (open, close) = (row.matches('(').count(), row.matches(')').count());
            assert_eq!(open, close, "{w}×{h}: a figure is cut: {row}\n{s}");
        }
        press(&mut app, "<Tab><Tab>");
        let s = screen(&app, w, h);
        // The years' labels: the last line of nothing but numbers.
        let labels = s
            .lines()
            .rev()
            .find(|l| {
                let t = l.trim_matches(['│', ' ']);
                !t.is_empty()
                    && t.split_whitespace()
                        .all(|y| y.bytes().all(|b| b.is_ascii_digit()))
            })
            .unwrap_or_else(|| panic!("{w}×{h}: no year labels\n{s}"));
        for year in labels.trim_matches(['│', ' ']).split_whitespace() {
            assert!(
                year.len() == 2 || year.len() == 4,
                "{w}×{h}: `{year}` in {labels}\n{s}"
            );
        }
    }
}

#[test]
fn every_classification_tab_fits_the_header_whole() {
    // Each tab is shown whole or not at all: where not every tab fits, the
    // ones left out are `‹` and `›`, and `s` brings each into view.
    for (lang, names) in [
        (
            Lang::Ja,
            [
                "ISO 27001",
                "PPC安全管理措置",
                "10大脅威2026",
                "原因",
                "業種",
            ],
        ),
        (
            Lang::En,
            [
                "ISO 27001",
                "PPC measures",
                "Threats 2026",
                "Causes",
                "Sectors",
            ],
        ),
    ] {
        for (w, h) in SIZES {
            let mut app = app_at(lang, w, h);
            let mut seen = Vec::new();
            for _ in 0..names.len() {
                let s = screen(&app, w, h);
                let header = s.lines().next().unwrap().to_string();
                assert!(!header.contains('…'), "{w}×{h}: {header}");
                for name in names {
                    if header.contains(name) && !seen.contains(&name) {
                        seen.push(name);
                    }
                }
                let current = app
                    .book
                    .catalogs
                    .scheme(&app.panes.tree.schemes[app.panes.tree.scheme])
                    .unwrap();
                assert!(
                    header.contains(current.short.get(lang)),
                    "{w}×{h}: the current tab is whole: {header}"
                );
                if w >= 60 {
                    assert!(
                        !header.contains('‹') && !header.contains('›'),
                        "{w}×{h}: {header}"
                    );
                }
                press(&mut app, "s");
            }
            assert_eq!(seen.len(), names.len(), "{w}×{h}: {seen:?}");
        }
    }
}
