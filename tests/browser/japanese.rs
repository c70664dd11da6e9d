//! The Japanese interface holds no English sentence: the browser driven
//! through its problem paths (start-up problems, files that do not load,
//! exports that cannot be written, copies that find no clipboard, new cases
//! that cannot be made) shows each in Japanese. The scan is the one
//! tests/cli/messages.rs applies to the command line's messages.

use crate::common;

use std::path::Path;

use casebook::config::ClipboardMode;
use casebook::diag::Message;
use casebook::lang::Lang;
use casebook::load::{Input, load};
use casebook::tui::action::{Action, Outcome};
use casebook::tui::app::{App, Options};
use casebook::tui::reload::Setup;
use common::tui::{options, perform, press, screen};
use common::{Dir, case_file, english_sentences};

const SIZES: [(u16, u16); 2] = [(120, 36), (200, 60)];

/// The sample casebook and a team one, in `lang`, with the start-up
/// problems a run would meet.
fn app_in(lang: Lang, team: &Path, problems: Vec<Message>) -> App {
    let inputs = vec![
        Input::Dir(common::SAMPLE.into()),
        Input::Dir(team.to_path_buf()),
    ];
    let loaded = load(&inputs, &[]);
    let options = Options {
        setup: Setup::new(&inputs, 0, &loaded.casebook, casebook::cache::key::now()),
        team_dirs: vec![team.to_path_buf()],
        clipboard: ClipboardMode::Off,
        home: Some(team.to_path_buf()),
        problems,
        lang,
        ..options()
    };
    let mut app = App::new(loaded.casebook, loaded.diagnostics, options);
    app.update(Action::Resize {
        width: 120,
        height: 36,
    });
    app
}

/// Every screen size's English sentences, named by the step. A case's own
/// source titles are data, not the interface (a company's notice may be in
/// English), so words from them do not count.
fn look(app: &App, step: &str, found: &mut Vec<String>) {
    let titles: Vec<&str> = app
        .book
        .entries()
        .iter()
        .flat_map(|e| e.case.sources.iter().map(|s| s.title.as_str()))
        .collect();
    for (w, h) in SIZES {
        for sentence in english_sentences(&screen(app, w, h)) {
            if !titles.iter().any(|t| t.contains(&sentence)) {
                found.push(format!("{w}×{h} {step}: {sentence}"));
            }
        }
    }
}

#[test]
fn the_japanese_browser_says_every_problem_in_japanese() {
    let team = Dir::new();
    team.case("2024/our-a-2024.yaml", case_file("our-a-2024"));
    team.case("bad.yaml", "id: bad\ntitel: x\n");
    let file = team.file("notes.txt", "memo");
    let binary = team.file("binary.bin", b"\x00\x01\x02");
    let broken = team.file("broken.txt", [0x82, 0xA0, 0x82, 0xFF, 0xFF, 0xFE]);
    let fifo = team.path().join("fifo.md");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let socket = team.path().join("socket.md");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    // What `casebook --casebook DIR` finds wrong with the directories named.
    let problems = [team.path().join("none"), file.clone()]
        .iter()
        .filter_map(|d| casebook::cli::dir_problem(d))
        .collect();
    let mut app = app_in(Lang::Ja, team.path(), problems);
    let mut found = Vec::new();
    let s = screen(&app, 200, 60);
    assert!(s.contains("そのようなディレクトリはありません"), "{s}");
    look(&app, "start-up banner", &mut found);
    press(&mut app, "!");
    look(&app, "load problems", &mut found);
    press(&mut app, "<Esc>");

    // Exports that cannot be written: a folder, a FIFO nobody reads, a
    // socket, an extension of no format, a folder that is not there.
    let t = team.path().display().to_string();
    press(&mut app, "<Tab>m");
    for (target, says) in [
        (t.clone(), "ディレクトリです"),
        (fifo.display().to_string(), "FIFO から読み出している"),
        (socket.display().to_string(), "ファイルではなくソケットです"),
        (format!("{t}/pack.odt"), "拡張子から形式が分かりません"),
        (format!("{t}/pack.pdf"), "PDF はコマンドで書き出します"),
        (
            format!("{t}/none/pack.md"),
            "はありません。作って書き出しますか？",
        ),
    ] {
        // `e`, Enter on the title, then the file name.
        press(&mut app, "<Esc><Esc>e<Enter>");
        let effects = press(&mut app, &format!("<C-u>{target}<Enter>"));
        perform(&mut app, effects, &|_| {});
        let s = screen(&app, 200, 60);
        assert!(s.contains(says), "{target}: {s}");
        look(&app, &format!("export to {target}"), &mut found);
    }
    press(&mut app, "<Esc><Esc>");

    // A copy with no clipboard: offered as a file.
    let effects = press(&mut app, "y");
    perform(&mut app, effects, &|_| {});
    look(&app, "copy without a clipboard", &mut found);
    press(&mut app, "<Esc>");
    // A source URL that could be neither opened nor copied.
    app.update(Action::Done(Outcome::UrlCopied {
        url: "https://example.jp/notice".into(),
        over_ssh: true,
        via: Vec::new(),
    }));
    look(&app, "URL", &mut found);

    // New cases that cannot be made: a draft of what is not a notice, of a
    // file that is not there, of a folder; an id taken by a file on disk.
    for (notice, says) in [
        (binary.display().to_string(), "テキストではありません"),
        (
            broken.display().to_string(),
            "UTF-8 でも Shift_JIS でもありません",
        ),
        (format!("{t}/none.txt"), "を読めません"),
        (t.clone(), "通常のファイルではありません"),
    ] {
        press(&mut app, "<Esc><Esc>");
        let effects = press(&mut app, &format!("nf{notice}<Enter>our-new-2024<Enter>"));
        assert!(!effects.is_empty(), "{notice}: {}", screen(&app, 200, 60));
        perform(&mut app, effects, &|_| {});
        let s = screen(&app, 200, 60);
        assert!(s.contains(says), "{notice}: {s}");
        look(&app, &format!("draft of {notice}"), &mut found);
    }
    team.case("2025/our-taken-2025.yaml", "id: x\n");
    press(&mut app, "<Esc><Esc>");
    let effects = press(&mut app, "nsour-taken-2025<Enter>");
    perform(&mut app, effects, &|_| {});
    let s = screen(&app, 200, 60);
    assert!(s.contains("既にあります"), "{s}");
    look(&app, "an id taken on disk", &mut found);

    assert!(
        found.is_empty(),
        "English on Japanese screens:\n{}",
        found.join("\n")
    );
}

/// The same paths in English say them in English: the scan finds them.
#[test]
fn the_scan_finds_english_on_an_english_screen() {
    let team = Dir::new();
    let problems = casebook::cli::dir_problem(&team.path().join("none"))
        .into_iter()
        .collect();
    let app = app_in(Lang::En, team.path(), problems);
    let s = screen(&app, 200, 60);
    assert!(
        english_sentences(&s)
            .iter()
            .any(|e| e.contains("no such directory")),
        "{s}"
    );
}
