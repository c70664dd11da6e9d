//! What the browser hands over, driven by keys: a search hit opens its case
//! with the hit on screen and highlighted (in every classification), `y`/`Y`
//! copy the summary or the brief (all marked cases, if asked), `e` writes the
//! marked cases, in the order they were marked and with the title given, in
//! the format of the file name (slides too), `c` on an area copies or saves
//! its precedent list.

use crate::common;

use casebook::document::Anchor;
use casebook::tui::action::{Action, Effect, Outcome, What};
use casebook::tui::app::{App, Mode, Pane};
use casebook::tui::view;
use common::tui::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The text drawn in the highlight style (a search hit's measure or sentence).
fn highlighted(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let style = app.env.theme.highlight();
    let mut out = String::new();
    for y in 0..height {
        for x in 0..width {
            let cell = &buffer[(x, y)];
            if cell.modifier == style.add_modifier && cell.fg == style.fg.unwrap_or(cell.fg) {
                out.push_str(cell.symbol());
            }
        }
    }
    out.replace(' ', "")
}

fn small(app: &mut App) {
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
}

#[test]
fn a_measure_hit_is_on_screen_and_highlighted_with_an_area_selected() {
    let mut app = app();
    small(&mut app);
    // A.5.34 selected: the first measure of the case cites it, so its id is
    // highlighted near the top of the detail; the hit is the 8th measure.
    press(&mut app, "j<Enter>");
    press(&mut app, &"j".repeat(34));
    assert_eq!(app.node(), Some("A.5.34"));
    press(&mut app, "/従業者をどう監督するかを定め<Enter>");
    assert_eq!(case_id(&app), "yamaneko-power-customers-2023");
    assert_eq!(app.panes.detail.highlight, Some(Anchor::Measure(7)));
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("8. 【エネルギー監督庁の要請】顧客情報の取扱い"),
        "the 8th measure is on screen, not the first measure's A.5.34:\n{s}"
    );
    assert!(
        highlighted(&app, 80, 24).contains("顧客情報の取扱いに携わる従業者をどう監督するかを定め"),
        "{s}"
    );
}

#[test]
fn every_classification_scrolls_to_the_hit() {
    for scheme_presses in ["", "s", "ss", "sss"] {
        let mut app = app();
        small(&mut app);
        press(&mut app, scheme_presses);
        press(&mut app, "j"); // the first area of the classification
        press(&mut app, "/研修会を定期的に開く<Enter>");
        let s = screen(&app, 80, 24);
        assert!(
            s.contains("4. 個人情報の扱いについての研修会を定期的に開"),
            "after `{scheme_presses}`:\n{s}"
        );
        assert!(highlighted(&app, 80, 24).contains("個人情報の扱いについての研修会を定期的に開く"));
    }
}

#[test]
fn a_case_hit_shows_the_matching_sentence() {
    let mut app = app();
    small(&mut app);
    press(&mut app, "/<Tab><Tab>");
    press(&mut app, "部品取り用のジャンク品として出した");
    press(&mut app, "<Enter>");
    assert_eq!(case_id(&app), "minato-hospital-pc-2024");
    assert_eq!(app.panes.focus, Pane::Detail);
    assert_eq!(app.panes.detail.highlight, Some(Anchor::Sentence(4)));
    let lit = highlighted(&app, 80, 24);
    assert!(
        lit.contains("残る3台については、再委託事業者が部品取り用のジャンク品として出した"),
        "{lit}\n{}",
        screen(&app, 80, 24)
    );
}

#[test]
fn y_with_marked_cases_offers_to_copy_them_all() {
    let mut app = app();
    press(&mut app, "<Tab>mjm");
    assert!(press(&mut app, "y").is_empty());
    assert_eq!(app.mode(), Mode::Prompt);
    assert!(screen(&app, 120, 36).contains("印を付けた2件をすべてコピーしますか？"));
    let effects = press(&mut app, "y");
    let [Effect::Copy { text, what }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(*what, What::Marked(2));
    assert_eq!(text.matches("■ 出典").count(), 2, "each with its citation");
    // n copies only the case under the cursor.
    press(&mut app, "y");
    let effects = press(&mut app, "n");
    assert!(matches!(
        effects.as_slice(),
        [Effect::Copy {
            what: What::Summary,
            ..
        }]
    ));
}

#[test]
fn shift_y_copies_the_brief() {
    let mut app = app();
    let effects = press(&mut app, "Y");
    let [
        Effect::Copy {
            text,
            what: What::Brief,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert!(text.lines().count() <= 15, "{text}");
    assert!(text.starts_with(
        "委託して廃棄した診療用パソコンが患者データを残したままネットオークションに出品\n"
    ));
    assert!(text.contains("出典: みなと市立病院 — みなと市「"));
}

#[test]
fn e_writes_word_by_default_and_refuses_a_spreadsheet_for_a_pack() {
    let mut app = app();
    press(&mut app, "<Tab>mjm");
    // First the pack's title (the default offered), then the file name.
    press(&mut app, "e");
    assert!(
        screen(&app, 120, 36).contains("題名: 研修資料: 情報セキュリティ事故の事例（2件）"),
        "{}",
        screen(&app, 120, 36)
    );
    press(&mut app, "<Enter>");
    assert!(screen(&app, 120, 36).contains("保存先: training.docx"));
    let effects = press(&mut app, "<Enter>");
    let [Effect::Write { path, data, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(path.to_str(), Some("training.docx"));
    assert!(data.starts_with(b"PK"), "a zip (Word) file");
    app.update(Action::Done(Outcome::Written { path: path.clone() }));
    // Excel is for precedent lists: say so and stay in the prompt.
    press(&mut app, "e<Enter><BS><BS><BS><BS>xlsx");
    assert!(press(&mut app, "<Enter>").is_empty());
    assert_eq!(app.mode(), Mode::Prompt);
    assert!(
        screen(&app, 120, 36).contains("Excel と CSV は先例一覧だけです"),
        "{}",
        screen(&app, 120, 36)
    );
}

#[test]
fn c_on_an_area_saves_its_precedent_list_as_a_spreadsheet() {
    let mut app = app();
    press(&mut app, "jjj<Enter>jjjjjjjjjjjjjj");
    press(&mut app, "cs");
    assert!(
        screen(&app, 120, 36).contains("保存先: precedents-iso27001-A.7.14.xlsx"),
        "{}",
        screen(&app, 120, 36)
    );
    let effects = press(&mut app, "<Enter>");
    let [Effect::Write { data, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(data.starts_with(b"PK"));
}

#[test]
fn a_precedent_list_s_suggested_file_name_stays_in_the_folder() {
    // A team catalog whose item id holds `/` and `..`.
    let dir = common::Dir::new();
    dir.file(
        "catalogs/team.yaml",
        "scheme: team\nkind: controls\ntitle: {ja: チーム規程, en: Team rules}\nitems:\n  - {id: \"../../escape\", ja: 逃げる項目}\n",
    );
    dir.case(
        "2024/esc-2024.yaml",
        common::case_file("esc-2024").replace(
            "controls: [iso27001:A.7.10, ppc:10-5-3]",
            "controls: [iso27001:A.7.10, \"team:../../escape\"]",
        ),
    );
    let loaded = casebook::load::load(&[casebook::load::Input::Dir(dir.path().to_path_buf())], &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let mut app = App::new(loaded.casebook, loaded.diagnostics, options());
    app.update(Action::Resize {
        width: 120,
        height: 36,
    });
    for _ in 0..10 {
        if screen(&app, 120, 36).contains("分類: チーム規程") {
            break;
        }
        press(&mut app, "s");
    }
    press(&mut app, "j");
    press(&mut app, "cs");
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("保存先: precedents-team-..-..-escape.xlsx"),
        "{s}"
    );
    let effects = press(&mut app, "<Enter>");
    let [Effect::Write { path, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(path.components().count(), 1, "{}", path.display());
}

/// The title of the case at `at` in the list.
fn listed(app: &App, at: usize) -> String {
    app.book.entries()[app.cases()[at]].case.title.clone()
}

#[test]
fn marked_cases_are_copied_and_exported_in_the_order_they_were_marked() {
    let mut app = app();
    press(&mut app, "<Tab>");
    // Three cases marked in an order that is neither the list's (newest
    // first) nor the casebook's.
    let index: Vec<usize> = (0..3).map(|at| app.cases()[at]).collect();
    let order = [[1, 2, 0], [2, 0, 1], [1, 0, 2], [0, 2, 1], [2, 1, 0]]
        .into_iter()
        .find(|o| {
            let by_index = o.windows(2).all(|w| index[w[0]] < index[w[1]]);
            *o != [0, 1, 2] && !by_index
        })
        .unwrap();
    let titles: Vec<String> = order.iter().map(|&at| listed(&app, at)).collect();
    for at in order {
        press(&mut app, &format!("kkkkk{}m", "j".repeat(at)));
    }
    assert_eq!(app.marks.len(), 3);
    let effects = press(&mut app, "yy");
    let [Effect::Copy { text, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let found: Vec<usize> = titles
        .iter()
        .map(|t| text.find(t.as_str()).unwrap())
        .collect();
    assert!(found.windows(2).all(|w| w[0] < w[1]), "{titles:?}");
    let effects = press(&mut app, "e<Enter><C-u>pack.md<Enter>");
    let [Effect::Write { data, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let md = String::from_utf8_lossy(data);
    for (n, title) in titles.iter().enumerate() {
        assert!(md.contains(&format!("## {}. {title}", n + 1)), "{md}");
    }
}

#[test]
fn e_takes_a_title_and_writes_slides_but_leaves_pdf_to_the_command() {
    let mut app = app();
    press(&mut app, "<Tab>mjm");
    press(&mut app, "e<C-u>新人研修 2025<Enter><C-u>deck.pptx");
    let s = screen(&app, 120, 36);
    assert!(s.contains("保存先: deck.pptx"), "{s}");
    assert!(s.contains(".docx .pptx .md"), "the formats are named: {s}");
    let effects = press(&mut app, "<Enter>");
    let [Effect::Write { path, data, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(path.to_str(), Some("deck.pptx"));
    let slide = common::office::part(data, "ppt/slides/slide1.xml");
    assert!(slide.contains(">新人研修 2025</a:t>"), "{slide}");
    assert!(common::office::part(data, "ppt/slides/slide2.xml").contains("<p:ph type=\"title\"/>"));
    app.update(Action::Done(Outcome::Written { path: path.clone() }));
    // PDF needs LibreOffice, which would hold the browser: the command does it.
    press(&mut app, "e<Enter><C-u>pack.pdf");
    assert!(press(&mut app, "<Enter>").is_empty());
    assert_eq!(app.mode(), Mode::Prompt);
    let s = screen(&app, 120, 36);
    assert!(s.contains("PDF はコマンドで書き出します"), "{s}");
    // Esc on the title cancels.
    press(&mut app, "<Esc><Esc>e<Esc>");
    assert_eq!(app.mode(), Mode::Browse);
}
