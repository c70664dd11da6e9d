//! `casebook` alone: the full-screen browser's start-up, the team
//! directories its `n` may write to, and the first-frame mode for benchmarks.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use super::inputs::user_dir;
use super::{Cli, Session};
use crate::diag::Message;
use crate::load::Input;
use crate::msg;
use crate::out::Fail;

/// `casebook` alone: the full-screen browser.
pub(super) fn browse(cli: &Cli) -> Result<ExitCode, Fail> {
    const LIST: &str = "casebook list | show ID | search QUERY | cite ID | export | coverage | stats | similar ID | validate";
    let commands = msg!(
        "\nスクリプトからはコマンドを使います: {LIST}\n（`casebook --help` を参照）",
        "\nFor scripts, use the commands: {LIST}\n(see `casebook --help`)"
    );
    // For measuring start-up: load, draw the first frame off-screen, exit.
    let first_frame = std::env::var("CASEBOOK_FIRST_FRAME")
        .ok()
        .filter(|v| !v.is_empty());
    if first_frame.is_none()
        && (!std::io::stdout().is_terminal() || !std::io::stdin().is_terminal())
    {
        return Err(Fail::Error(
            Message::new(
                "ブラウザには端末が必要ですが、標準入力か標準出力が端末ではありません。",
                "the browser needs a terminal, and standard input or output is not one.",
            )
            .then(&commands),
        ));
    }
    if first_frame.is_none() && std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(Fail::Error(
            Message::new(
                "ブラウザには全画面を描ける端末が必要ですが、TERM=dumb の端末では描けません。",
                "the browser needs a terminal that can draw full-screen, and TERM=dumb says this one cannot.",
            )
            .then(&commands),
        ));
    }
    // Files read from here on may be read again when they change (live reload).
    let read_from = crate::cache::key::now();
    let session = Session::load(cli);
    let session_lang = session.lang;
    let options = crate::tui::Options {
        lang: session.lang,
        theme: None,
        scheme: session.config.scheme.clone(),
        copy_markdown: session.config.copy_markdown,
        clipboard: session.config.clipboard,
        debug_panic_key: std::env::var_os("CASEBOOK_TEST_PANIC").is_some(),
        similar_in_background: true,
        soa: session.soa.clone(),
        soa_path: crate::cli::session::soa_path(cli, &session.config),
        clipboard_reader: None,
        home: directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()),
        problems: session.problems.clone(),
        setup: crate::tui::reload::Setup::new(
            &session.inputs,
            session.diagnostics.len() - session.loaded.diagnostics.len(),
            &session.loaded.casebook,
            read_from,
        ),
        team_dirs: team_dirs(&session),
        today: None,
    };
    let (searcher, notices) =
        crate::search::Searcher::open(&session.loaded.casebook, &session.loaded.index);
    let mut app = crate::tui::App::with_searcher(
        session.loaded.casebook,
        session.diagnostics,
        options,
        searcher,
    );
    let state = user_dir().map(|d| crate::tui::saved::path(&d));
    if let Some(saved) = state.as_deref().and_then(crate::tui::saved::read) {
        app.restore(&saved);
    }
    if let Some(notice) = notices.first() {
        app.status = Some(crate::text::line(notice.get(session_lang)).into_owned());
    }
    if let Some(size) = first_frame {
        return Ok(first_frame_only(&mut app, &size));
    }
    let result = crate::tui::run(&mut app);
    if let Some(file) = &state {
        crate::tui::saved::write(file, &crate::tui::saved::snapshot(&app));
    }
    match result {
        Ok(crate::tui::Exit::Quit) => Ok(ExitCode::SUCCESS),
        Ok(crate::tui::Exit::HungUp) => Ok(ExitCode::from(128 + libc::SIGHUP as u8)),
        Err(e) => Err(Fail::Error(
            Message::new("端末のエラーです: ", "terminal error: ")
                .then(&crate::load::read::os_error(&e)),
        )),
    }
}

/// The team casebooks the browser's `n` may write to: the user's own directory
/// (created when first written to), then every other directory loaded.
fn team_dirs(session: &Session) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = user_dir().into_iter().collect();
    for input in &session.inputs {
        if let Input::Dir(d) = input
            && d.is_dir()
        {
            let same = |o: &PathBuf| std::fs::canonicalize(o).ok() == std::fs::canonicalize(d).ok();
            if !dirs.iter().any(same) {
                dirs.push(d.clone());
            }
        }
    }
    dirs
}

/// `CASEBOOK_FIRST_FRAME=WxH casebook`: draws the browser's first frame at
/// that size on an off-screen buffer and exits (the start-up benchmark).
fn first_frame_only(app: &mut crate::tui::App, size: &str) -> ExitCode {
    let (w, h) = size
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
        .unwrap_or((200, 60));
    app.update(crate::tui::action::Action::Resize {
        width: w,
        height: h,
    });
    let mut terminal = match ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)) {
        Ok(t) => t,
        Err(_) => return ExitCode::FAILURE,
    };
    match terminal.draw(|frame| crate::tui::view::draw(frame, app)) {
        Ok(_) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
