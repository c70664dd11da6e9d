//! Entering and leaving the full-screen terminal, safely: the terminal is
//! restored on normal exit, on error (the guard's Drop), on panic (the hook)
//! and on every terminating signal that can be caught (a thread of its own).

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
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

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

/// Every signal whose default action ends the process and that can be caught,
/// except SIGPIPE and SIGXFSZ (ignored: writes fail instead) and the faults a
/// handler cannot return from (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT).
fn terminating_signals() -> Vec<libc::c_int> {
    let mut list = vec![
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGTERM,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGXCPU,
        libc::SIGIO,
        libc::SIGSYS,
        libc::SIGTRAP,
    ];
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        list.extend([libc::SIGPWR, libc::SIGSTKFLT]);
        list.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    list
}

/// From now on, a terminating signal restores the terminal (if it is set up)
/// and ends the process with status 128 + the signal's number. The work is
/// done on a thread of its own, so it happens promptly whatever the event loop
/// is busy with (a huge paste, a slow clipboard tool).
pub fn restore_on_signals() -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(terminating_signals())?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                // Standard output stays locked (it is reentrant) until the end:
                // no frame is drawn over the restored terminal.
                let _out = io::stdout().lock();
                restore();
                // SAFETY: ends the process at once; the terminal is restored and
                // standard output flushed, and no other state needs saving.
                unsafe { libc::_exit(128 + sig) };
            }
        })?;
    Ok(())
}

/// Raw mode, alternate screen, mouse capture and bracketed paste, with a panic
/// hook that restores the terminal before the panic message is printed.
/// Drawing is confined to `area` (see [`super::layout::drawable`]).
pub fn enter(area: Rect) -> io::Result<(Term, Session)> {
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
    let terminal = Terminal::with_options(
        CrosstermBackend::new(io::stdout()),
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )?;
    Ok((terminal, session))
}

/// Leaves everything `enter` set up. Safe to call more than once: only the
/// first call after `enter` does anything.
pub fn restore() {
    // Standard output's lock serializes callers (the signal thread, the panic
    // hook, the guard): a second one waits until the first has finished.
    let mut out = io::stdout().lock();
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
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
