//! Entering and leaving the full-screen terminal, safely: the terminal is
//! restored on normal exit, on error (the guard's Drop) and on panic (the hook).

use std::io::{self, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct Session(());

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

static HOOK: Once = Once::new();
/// Whether the terminal is in the state `enter` set up (so `restore` runs once).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Raw mode, alternate screen, mouse capture and bracketed paste, with a panic
/// hook that restores the terminal before the panic message is printed.
pub fn enter() -> io::Result<(Term, Session)> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    let session = Session(());
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok((terminal, session))
}

/// Leaves everything `enter` set up. Safe to call more than once: only the
/// first call after `enter` does anything.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}
