//! Keys a user of fzf, lazygit and readline expects, driven as a user types
//! them: editing the search query by word (also in unspaced Japanese), the
//! last query selected when search reopens, `m` marking and moving down, and
//! the save prompt's `~`, Tab completion, new folders and absolute paths.

use crate::common;

use casebook::tui::action::{Action, Effect};
use casebook::tui::app::{App, Mode, Options, Pane};
use common::tui::*;

fn query(app: &App) -> (&str, usize) {
    (
        app.overlays.search.field.text.as_str(),
        app.overlays.search.field.cursor,
    )
}

#[test]
fn ctrl_u_clears_and_ctrl_w_deletes_a_word_by_script_run() {
    let mut app = app();
    press(&mut app, "/委託で廃棄する 確認");
    press(&mut app, "<C-w>");
    assert_eq!(query(&app), ("委託で廃棄する ", 8));
    press(&mut app, "<C-w>");
    assert_eq!(
        query(&app),
        ("委託で", 3),
        "back to where the kanji run starts"
    );
    press(&mut app, "<C-w>");
    assert_eq!(query(&app), ("", 0));
    press(&mut app, "USBメモリー紛失");
    press(&mut app, "<C-w>");
    assert_eq!(query(&app).0, "USBメモリー");
    press(&mut app, "<C-u>");
    assert_eq!(query(&app), ("", 0));
    assert!(app.overlays.search.hits.is_empty() || app.overlays.search.field.text.is_empty());
}

#[test]
fn alt_b_and_alt_f_move_by_word() {
    let mut app = app();
    press(&mut app, "/委託で廃棄する USB");
    press(&mut app, "<A-b>");
    assert_eq!(query(&app).1, 8);
    press(&mut app, "<A-b>");
    assert_eq!(query(&app).1, 3);
    press(&mut app, "<A-b><A-f>");
    assert_eq!(query(&app).1, 3);
    press(&mut app, "<A-f>");
    assert_eq!(query(&app).1, 7);
    // Typing goes in at the caret.
    press(&mut app, "を");
    assert_eq!(query(&app).0, "委託で廃棄するを USB");
}

#[test]
fn reopening_search_selects_the_last_query_so_typing_replaces_it() {
    let mut app = app();
    press(&mut app, "/廃棄<Esc>/");
    assert_eq!(app.mode(), Mode::Search);
    assert!(app.overlays.search.field.selected);
    assert!(
        !app.overlays.search.hits.is_empty(),
        "the last query's results show again"
    );
    let s = screen(&app, 120, 36);
    assert!(s.contains("/ 廃棄"), "{s}");
    press(&mut app, "USB");
    assert_eq!(
        query(&app),
        ("USB", 3),
        "typing replaced the selected query"
    );
    // → (or End) keeps the query and moves to its end.
    press(&mut app, "<Esc>/<Right>メモリー");
    assert_eq!(query(&app).0, "USBメモリー");
    // Backspace on the selection clears it.
    press(&mut app, "<Esc>/<BS>");
    assert_eq!(query(&app), ("", 0));
    // The footer names both arrows for moving through the results.
    press(&mut app, "廃棄");
    let s = screen(&app, 120, 36);
    assert!(s.lines().last().unwrap().contains("↑↓ 選択"), "{s}");
}

#[test]
fn m_marks_and_moves_down_and_unmarking_says_so() {
    let mut app = app();
    press(&mut app, "<Tab>");
    let ids = selected_ids(&app);
    press(&mut app, "m");
    assert_eq!(case_id(&app), ids[1], "on to the next case");
    assert_eq!(
        app.status.as_deref(),
        Some("印を付けました（印 1件、e で研修資料に書き出し）")
    );
    press(&mut app, "mm");
    assert_eq!(app.marks.len(), 3);
    press(&mut app, "k");
    assert_eq!(case_id(&app), ids[2]);
    press(&mut app, "m");
    assert_eq!(app.marks.len(), 2);
    let title = &app.book.entries()[app.book.index_of(&ids[2]).unwrap()]
        .case
        .title;
    let shown = casebook::wrap::truncate(title, 24);
    assert_eq!(
        app.status.as_deref(),
        Some(format!("「{shown}」の印を外しました（印 2件）").as_str())
    );
    // In the detail, m marks the case being read and stays on it.
    assert_eq!(case_id(&app), ids[3]);
    press(&mut app, "<Tab>m");
    assert_eq!(app.panes.focus, Pane::Detail);
    assert_eq!(case_id(&app), ids[3]);
    assert_eq!(app.marks.len(), 3);
    // English: counts take their number.
    let mut app = app_with(
        Options {
            lang: casebook::lang::Lang::En,
            ..options()
        },
        Vec::new(),
    );
    press(&mut app, "<Tab>m");
    assert_eq!(
        app.status.as_deref(),
        Some("Marked (1 case marked; e exports a training pack)")
    );
}

/// The save prompt after `m` `e` (and Enter on the title), with `home` as the home folder.
fn export_prompt(home: &std::path::Path) -> App {
    let mut app = app_with(
        Options {
            home: Some(home.to_path_buf()),
            ..options()
        },
        Vec::new(),
    );
    // `e` asks for the title first; Enter keeps the default.
    press(&mut app, "<Tab>me<Enter>");
    assert_eq!(app.mode(), Mode::Prompt);
    app
}

/// Performs the effects as the event loop does and reports the outcomes back.
fn run(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        if let Some(outcome) = casebook::tui::effects::outside(effect, &app.env.options) {
            app.update(Action::Done(outcome));
        }
    }
}

#[test]
fn the_save_prompt_expands_a_tilde_and_makes_missing_folders_after_asking() {
    let home = tempfile::tempdir().unwrap();
    let mut app = export_prompt(home.path());
    press(&mut app, "<C-u>~/研修/2024/pack.md");
    let effects = press(&mut app, "<Enter>");
    run(&mut app, effects);
    // The folder is missing: asked, not made.
    let folder = home.path().join("研修/2024");
    assert!(!folder.exists());
    let s = screen(&app, 120, 36);
    assert!(
        s.contains(&format!(
            "フォルダ {} はありません。作って書き出しますか？ (y/N)",
            folder.display()
        )),
        "{s}"
    );
    // Enter means no: back to the name.
    press(&mut app, "<Enter>");
    assert!(screen(&app, 120, 36).contains("保存先: "));
    assert!(!folder.exists());
    let effects = press(&mut app, "<Enter>");
    run(&mut app, effects);
    let effects = press(&mut app, "y");
    run(&mut app, effects);
    let file = folder.join("pack.md");
    assert!(file.is_file());
    assert_eq!(app.mode(), Mode::Browse);
    // The status bar shows where it went, in full; on a small screen its
    // middle gives way, not the file name.
    assert_eq!(
        app.status.as_deref(),
        Some(format!("{} に書き出しました", file.display()).as_str())
    );
    app.update(Action::Resize {
        width: 40,
        height: 12,
    });
    let status = screen(&app, 40, 12).lines().last().unwrap().to_string();
    assert!(
        status.contains('…') && status.trim_end().ends_with("pack.md に書き出しました"),
        "{status}"
    );
}

#[test]
fn a_relative_name_is_reported_with_its_absolute_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = export_prompt(dir.path());
    let name = dir.path().join("pack.md");
    let relative = pathdiff(&name);
    press(&mut app, "<C-u>");
    press(&mut app, &relative);
    let effects = press(&mut app, "<Enter>");
    run(&mut app, effects);
    let absolute = std::path::absolute(&name).unwrap();
    assert_eq!(
        app.status.as_deref(),
        Some(format!("{} に書き出しました", absolute.display()).as_str())
    );
}

/// `path` relative to the current directory, by going up to the root.
fn pathdiff(path: &std::path::Path) -> String {
    let cwd = std::env::current_dir().unwrap();
    let ups = cwd.components().count() - 1;
    format!(
        "{}{}",
        "../".repeat(ups),
        path.strip_prefix("/").unwrap().display()
    )
}

#[test]
fn tab_completes_file_names_in_the_save_prompt() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("研修資料")).unwrap();
    std::fs::write(home.path().join("training-2023.docx"), b"").unwrap();
    std::fs::write(home.path().join("training-2024.docx"), b"").unwrap();
    let mut app = export_prompt(home.path());
    let field = |app: &App| app.prompt().unwrap().field.text.clone();
    // One candidate: completed, a folder with its slash.
    press(&mut app, "<C-u>~/研");
    let effects = press(&mut app, "<Tab>");
    run(&mut app, effects);
    assert_eq!(field(&app), "~/研修資料/");
    // Several: as far as they agree, and the candidates listed.
    press(&mut app, "<C-u>~/tr");
    let effects = press(&mut app, "<Tab>");
    run(&mut app, effects);
    assert_eq!(field(&app), "~/training-202");
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("候補: training-2023.docx  training-2024.docx"),
        "{s}"
    );
    // None.
    press(&mut app, "<C-u>~/zz");
    let effects = press(&mut app, "<Tab>");
    run(&mut app, effects);
    assert_eq!(field(&app), "~/zz");
    assert_eq!(app.status.as_deref(), Some("一致する名前はありません"));
}

/// The README's key table lists the keys of the search box and the prompts
/// too, as the help does (both from the keymap).
#[test]
fn every_editing_and_search_key_is_in_the_readme_table() {
    use casebook::tui::keymap::Context;
    assert_keys_in_readme(&[Context::Field, Context::Search, Context::Prompt]);
}

#[test]
fn ctrl_l_redraws_the_whole_screen_from_anywhere() {
    // After another program wrote over the screen (a `wall` message, a
    // background job), Ctrl-L draws all of it again.
    let mut app = app();
    assert_eq!(press(&mut app, "<C-l>"), vec![Effect::Repaint]);
    press(&mut app, "/委託");
    assert_eq!(press(&mut app, "<C-l>"), vec![Effect::Repaint]);
    assert_eq!(
        app.overlays.search.field.text, "委託",
        "not typed into the query"
    );
    press(&mut app, "<Esc>?");
    assert_eq!(press(&mut app, "<C-l>"), vec![Effect::Repaint]);
    press(&mut app, "<Esc>C");
    assert_eq!(press(&mut app, "<C-l>"), vec![Effect::Repaint]);
}
