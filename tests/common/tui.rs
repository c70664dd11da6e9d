//! Driving the browser in tests: the bundled casebook on a TestBackend, keys
//! typed by name, the screen read back as text.

use casebook::diag::Diagnostic;
use casebook::load::{Input, load};
use casebook::tui::action::{Action, Effect};
use casebook::tui::app::{App, Options};
use casebook::tui::theme::Theme;
use casebook::tui::{input, view};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn options() -> Options {
    Options {
        theme: Some(Theme { color: false }),
        ..Options::default()
    }
}

/// The bundled casebook in Japanese on a 120×36 terminal.
pub fn app() -> App {
    app_with(options(), Vec::new())
}

pub fn app_with(options: Options, extra_diags: Vec<Diagnostic>) -> App {
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

pub fn key(code: KeyCode) -> Event {
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
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, len) = if c == '<' && rest.contains('>') {
            let end = rest.find('>').unwrap();
            let name = &rest[1..end];
            let (modifiers, name) = match name.split_once('-') {
                Some(("C", key)) => (KeyModifiers::CONTROL, key),
                Some(("A", key)) => (KeyModifiers::ALT, key),
                _ => (KeyModifiers::NONE, name),
            };
            let code = match name {
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
                one if one.chars().count() == 1 => KeyCode::Char(one.chars().next().unwrap()),
                other => panic!("unknown key <{other}>"),
            };
            let event = Event::Key(KeyEvent {
                code,
                modifiers,
                kind: KeyEventKind::Press,
                state: KeyEventState::NONE,
            });
            (event, end + 1)
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

pub fn screen(app: &App, width: u16, height: u16) -> String {
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

pub fn selected_ids(app: &App) -> Vec<String> {
    app.cases()
        .iter()
        .map(|&i| app.book.entries()[i].case.id.clone())
        .collect()
}

pub fn case_id(app: &App) -> String {
    app.book.entries()[app.case.unwrap()].case.id.clone()
}
