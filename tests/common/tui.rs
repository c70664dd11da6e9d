//! Driving the browser in tests: the sample casebook of the tests
//! (tests/fixtures/casebooks/sample) on a TestBackend, keys typed by name,
//! the screen read back as text.

use casebook::diag::Diagnostic;
use casebook::load::{Input, load};
use casebook::tui::action::{Action, Effect};
use casebook::tui::app::{App, Options};
use casebook::tui::theme::Theme;
use casebook::tui::{input, view};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

pub fn options() -> Options {
    Options {
        theme: Some(Theme { color: false }),
        ..Options::default()
    }
}

/// The sample casebook in Japanese on a 120×36 terminal.
pub fn app() -> App {
    app_with(options(), Vec::new())
}

/// The sample casebook in `lang` on a `width` × `height` terminal.
pub fn app_at(lang: casebook::lang::Lang, width: u16, height: u16) -> App {
    let mut app = app_with(Options { lang, ..options() }, Vec::new());
    app.update(Action::Resize { width, height });
    app
}

/// The sample casebook with `options` and `extra_diags` on a 120×36 terminal.
pub fn app_with(options: Options, extra_diags: Vec<Diagnostic>) -> App {
    let loaded = load(&[Input::Dir(super::SAMPLE.into())], &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
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
    buffer_text(terminal.backend().buffer())
}

/// The buffer's rows as text: each cell's symbol, the cells a wide symbol
/// covers (by ratatui's own measure) left out.
pub fn buffer_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in buffer.area.top()..buffer.area.bottom() {
        let mut x = buffer.area.left();
        while x < buffer.area.right() {
            let cell = &buffer[(x, y)];
            out.push_str(cell.symbol());
            x += cell.cell_width().max(1);
        }
        out.push('\n');
    }
    out
}

/// The screen with its colours and modifiers, readable in a diff: the text
/// of each row, then the same rows with each cell's style as a letter
/// (blank: the default style, no colour and no modifier), then a legend
/// naming each letter's colours and modifiers.
pub fn styled_screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    styled_text(terminal.backend().buffer())
}

/// A buffer as [`styled_screen`] shows it. Letters go to the styles in a
/// fixed order (by colours, then modifiers), not in the order they appear,
/// so a change in one corner of the screen does not rename every letter.
pub fn styled_text(buffer: &Buffer) -> String {
    use ratatui::style::{Color, Modifier};
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    type Style = (Color, Color, Modifier);
    let plain: Style = (Color::Reset, Color::Reset, Modifier::empty());
    let style_of = |x: u16, y: u16| {
        let cell = &buffer[(x, y)];
        (cell.fg, cell.bg, cell.modifier)
    };
    let name = |(fg, bg, modifier): &Style| {
        let mut parts = Vec::new();
        if *fg != Color::Reset {
            parts.push(format!("fg {fg:?}"));
        }
        if *bg != Color::Reset {
            parts.push(format!("bg {bg:?}"));
        }
        if !modifier.is_empty() {
            parts.push(format!("{modifier:?}").to_lowercase());
        }
        parts.join(", ")
    };
    let mut styles: Vec<Style> = Vec::new();
    for y in buffer.area.top()..buffer.area.bottom() {
        for x in buffer.area.left()..buffer.area.right() {
            let style = style_of(x, y);
            if style != plain && !styles.contains(&style) {
                styles.push(style);
            }
        }
    }
    styles.sort_by_key(|s| name(s));
    assert!(
        styles.len() <= LETTERS.len(),
        "at most 62 styles on a screen"
    );
    let letter = |style: Style| match styles.iter().position(|s| *s == style) {
        Some(at) => LETTERS.chars().nth(at).unwrap(),
        None => ' ',
    };
    let mut out = buffer_text(buffer);
    out.push_str("\nstyles (a letter per cell; blank: the default style):\n");
    for y in buffer.area.top()..buffer.area.bottom() {
        let mut row = String::new();
        let mut x = buffer.area.left();
        while x < buffer.area.right() {
            // A wide character's style covers both of its columns, as its text does.
            let width = buffer[(x, y)]
                .cell_width()
                .max(1)
                .min(buffer.area.right() - x);
            row.extend(std::iter::repeat_n(letter(style_of(x, y)), width as usize));
            x += width;
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out.push_str("\nlegend:\n");
    for (letter, style) in LETTERS.chars().zip(&styles) {
        out.push_str(&format!("{letter}  {}\n", name(style)));
    }
    out
}

/// The bytes written to the emulated terminal, shared with the backend.
#[derive(Clone, Default)]
pub struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Written {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A real terminal in a test: frames drawn by ratatui's crossterm backend
/// (the bytes the program writes to the terminal), read by a terminal
/// emulator (vt100, which measures characters as tmux does). Frames follow
/// one another, so only what changed is written, as in the real program.
pub struct Emulator {
    terminal: Terminal<CrosstermBackend<Written>>,
    written: Written,
    parser: vt100::Parser,
    pub width: u16,
    pub height: u16,
}

impl Emulator {
    pub fn new(width: u16, height: u16) -> Emulator {
        let written = Written::default();
        let terminal = Terminal::with_options(
            CrosstermBackend::new(written.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
            },
        )
        .unwrap();
        Emulator {
            terminal,
            written,
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(height).unwrap(),
                std::num::NonZeroU16::new(width).unwrap(),
                0,
            ),
            width,
            height,
        }
    }

    /// Draws a frame of `app`; returns the text ratatui meant to show.
    pub fn draw(&mut self, app: &App) -> String {
        let frame = self.terminal.draw(|f| view::draw(f, app)).unwrap();
        let meant = buffer_text(frame.buffer);
        let bytes = std::mem::take(&mut *self.written.0.borrow_mut());
        self.parser.process(&bytes);
        meant
    }

    /// The terminal's screen as text (a wide character once).
    pub fn shown(&self) -> String {
        let screen = self.parser.screen();
        let mut out = String::new();
        for row in 0..self.height {
            for col in 0..self.width {
                let Some(cell) = screen.cell(row, col) else {
                    continue;
                };
                if cell.is_wide_continuation() {
                    continue;
                }
                let text = cell.contents();
                out.push_str(if text.is_empty() { " " } else { text });
            }
            out.push('\n');
        }
        out
    }

    /// The terminal cursor (column, row) when it is shown.
    pub fn cursor(&self) -> Option<(u16, u16)> {
        let screen = self.parser.screen();
        (!screen.hide_cursor()).then(|| {
            let (row, col) = screen.cursor_position();
            (col, row)
        })
    }
}

pub fn selected_ids(app: &App) -> Vec<String> {
    app.cases()
        .iter()
        .map(|&i| app.book.entries()[i].case.id.clone())
        .collect()
}

pub fn case_id(app: &App) -> String {
    app.book.entries()[app.panes.case.unwrap()].case.id.clone()
}

/// Every key bound in `contexts` is in the README's key table (`| key | does |`),
/// written as the help writes it.
pub fn assert_keys_in_readme(contexts: &[casebook::tui::keymap::Context]) {
    use casebook::tui::keymap;
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
        .filter(|b| contexts.contains(&b.context))
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

/// Performs effects as the event loop does and reports how each went, until
/// none is left: new case files written, the clipboard, files and the opener
/// for real, reloads read on the spot; the editor is `edit` (which changes the
/// file as a person would) and the watcher is left out. Returns the files
/// edited.
pub fn perform(
    app: &mut App,
    effects: Vec<Effect>,
    edit: &dyn Fn(&std::path::Path),
) -> Vec<std::path::PathBuf> {
    use casebook::tui::action::{Authored, Shared};
    let mut edited = Vec::new();
    let mut queue = effects;
    while !queue.is_empty() {
        let mut next = Vec::new();
        for effect in queue {
            match effect {
                Effect::NewCase {
                    dir,
                    id,
                    start,
                    cancel,
                } => {
                    let authored = casebook::tui::effects::create(
                        &dir,
                        &id,
                        &start,
                        &app.book,
                        app.env.lang,
                        &cancel,
                    );
                    next.extend(app.update(Action::Authored(authored)));
                }
                Effect::Edit { path } => {
                    edit(&path);
                    edited.push(path.clone());
                    next.extend(
                        app.update(Action::Authored(Authored::Edited { path, failed: None })),
                    );
                }
                Effect::Reload { paths, everything } => {
                    let batch = casebook::tui::reload::read(&app.reload_job(paths, everything));
                    next.extend(app.update(Action::Reloaded(Shared::new(batch))));
                }
                Effect::SetStatus {
                    case,
                    measure,
                    change,
                } => {
                    let report = casebook::tui::effects::set_status(app, case, measure, &change);
                    next.extend(app.update(report));
                }
                Effect::Watch { .. } => {}
                other => {
                    if let Some(outcome) = casebook::tui::effects::outside(other, &app.env.options)
                    {
                        next.extend(app.update(Action::Done(outcome)));
                    }
                }
            }
        }
        queue = next;
    }
    edited
}
