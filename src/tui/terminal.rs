//! Entering and leaving the full-screen terminal, safely: the terminal is
//! restored on normal exit, on error (the guard's Drop), on panic (the hook),
//! on every terminating signal that can be caught (a thread of its own), and
//! on a fatal fault (async-signal-safe, from [`crate::fault`]'s handler).
//!
//! Job control: SIGTSTP (`kill -TSTP`) puts the terminal back before the
//! program stops; on SIGCONT (`fg`, or after an outside SIGSTOP) the full
//! screen is set up again and redrawn.
//!
//! While an editor has the terminal ([`suspend`] … [`resume`]) it runs in a
//! process group of its own, the terminal's foreground group where job
//! control allows (see `editor`): Ctrl-C typed there reaches only the
//! editor, and a terminating signal sent to casebook is passed to the
//! editor's group and waited for (so the editor saves or ends cleanly, and
//! is not left orphaned on a terminal that is no longer its own) before the
//! terminal is restored and casebook ends.

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Condvar, Mutex, Once};

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

use super::events::Msg;

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
/// Whether an editor runs in the terminal (see [`suspend`]).
static HANDED_OVER: AtomicBool = AtomicBool::new(false);
/// The terminal was put back for a SIGTSTP: set up again on SIGCONT.
static STOPPED: AtomicBool = AtomicBool::new(false);

/// The terminal's modes before raw mode, for the fault handler (which cannot
/// ask crossterm). Written once, before [`ORIGINAL_SET`] is set; read after.
static mut ORIGINAL: Option<libc::termios> = None;
static ORIGINAL_SET: AtomicBool = AtomicBool::new(false);

/// What leaving the full screen writes: bracketed paste, every mouse mode
/// crossterm turns on, the alternate screen off; the cursor shown.
const LEAVE: &[u8] =
    b"\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

/// The editor running while the terminal is handed over.
#[derive(Debug, Default)]
struct Editor {
    /// Its process id (0: none runs).
    pid: libc::pid_t,
    /// Whether it runs in a process group of its own (led by `pid`).
    own_group: bool,
    /// A terminating signal came: casebook ends once the editor has.
    exiting: bool,
}

static EDITOR: Mutex<Editor> = Mutex::new(Editor {
    pid: 0,
    own_group: false,
    exiting: false,
});
static EDITOR_ENDED: Condvar = Condvar::new();

fn editor() -> std::sync::MutexGuard<'static, Editor> {
    EDITOR.lock().unwrap_or_else(|e| e.into_inner())
}

/// Every signal whose default action ends the process and that can be caught,
/// except SIGPIPE and SIGXFSZ (ignored: writes fail instead) and the faults a
/// handler cannot return from (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT: see
/// [`crate::fault`]).
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
/// and ends the process with status 128 + the signal's number; SIGTSTP and
/// SIGCONT leave and take back the full screen (a redraw is asked for on
/// `redraw`). The work is done on a thread of its own, so it happens
/// promptly whatever the event loop is busy with (a huge paste, a slow
/// clipboard tool).
pub fn restore_on_signals(redraw: Sender<Msg>) -> io::Result<()> {
    let mut wanted = terminating_signals();
    wanted.extend([libc::SIGTSTP, libc::SIGCONT]);
    let mut signals = signal_hook::iterator::Signals::new(wanted)?;
    crate::fault::on_fatal(restore_from_fault);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                match sig {
                    libc::SIGTSTP => stop(),
                    libc::SIGCONT => {
                        if set_up_again() {
                            let _ = redraw.send(Msg::Redraw);
                        }
                    }
                    sig => terminate(sig),
                }
            }
        })?;
    Ok(())
}

/// SIGTSTP: put the terminal back, then stop. An editor in a group of its
/// own is stopped instead (casebook stops with it: see `editor`).
fn stop() {
    {
        let editor = editor();
        if editor.pid > 0 && editor.own_group {
            // SAFETY: a signal to the editor's process group.
            unsafe { libc::kill(-editor.pid, libc::SIGTSTP) };
            return;
        }
    }
    if !HANDED_OVER.load(Ordering::SeqCst) && ACTIVE.load(Ordering::SeqCst) {
        restore();
        STOPPED.store(true, Ordering::SeqCst);
    }
    // SAFETY: stops this process until SIGCONT.
    unsafe { libc::raise(libc::SIGSTOP) };
}

/// SIGCONT: the full screen again, when the browser has the terminal.
/// Whether a redraw is needed.
fn set_up_again() -> bool {
    if HANDED_OVER.load(Ordering::SeqCst) {
        return false;
    }
    if STOPPED.swap(false, Ordering::SeqCst) {
        return set_up().is_ok();
    }
    if ACTIVE.load(Ordering::SeqCst) {
        // Stopped from outside (SIGSTOP): the shell has put the terminal in
        // its own modes meanwhile. Leave and enter again.
        restore();
        return set_up().is_ok();
    }
    false
}

/// A terminating signal: the editor first, if one runs; then the terminal
/// put back and the process ended with 128 + the signal.
fn terminate(sig: libc::c_int) {
    let from_keyboard = sig == libc::SIGINT || sig == libc::SIGQUIT;
    if from_keyboard && HANDED_OVER.load(Ordering::SeqCst) {
        // Ctrl-C or Ctrl-\ typed in the editor (which shares casebook's
        // group when it has none of its own) is the editor's.
        return;
    }
    {
        let mut editor = editor();
        if editor.pid > 0 {
            editor.exiting = true;
            let target = if editor.own_group {
                -editor.pid
            } else {
                editor.pid
            };
            // SAFETY: the signal passed on to the editor (its group).
            unsafe { libc::kill(target, sig) };
            while editor.pid > 0 {
                editor = EDITOR_ENDED.wait(editor).unwrap_or_else(|e| e.into_inner());
            }
        }
    }
    // Standard output stays locked (it is reentrant) until the end: no frame
    // is drawn over the restored terminal.
    let _out = io::stdout().lock();
    restore();
    // SAFETY: ends the process at once; the terminal is restored and standard
    // output flushed, and no other state needs saving.
    unsafe { libc::_exit(128 + sig) };
}

/// Raw mode, alternate screen, mouse capture and bracketed paste, with a panic
/// hook that restores the terminal before the panic message is printed.
/// Drawing is confined to `area` (see `layout::drawable`).
pub fn enter(area: Rect) -> io::Result<(Term, Session)> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    let session = Session(());
    set_up()?;
    let terminal = Terminal::with_options(
        CrosstermBackend::new(io::stdout()),
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )?;
    Ok((terminal, session))
}

/// Raw mode, the alternate screen, mouse capture and bracketed paste.
fn set_up() -> io::Result<()> {
    let mut out = io::stdout().lock();
    if !ORIGINAL_SET.load(Ordering::SeqCst) {
        // SAFETY: tcgetattr fills the struct; ORIGINAL is written here only,
        // before ORIGINAL_SET says it may be read.
        unsafe {
            let mut modes: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut modes) == 0 {
                *std::ptr::addr_of_mut!(ORIGINAL) = Some(modes);
                ORIGINAL_SET.store(true, Ordering::SeqCst);
            }
        }
    }
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        out,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Hands the terminal over to another program (an editor): everything
/// `enter` set up is left, as on exit, until [`resume`].
pub fn suspend() {
    HANDED_OVER.store(true, Ordering::SeqCst);
    restore();
}

/// Takes the terminal back after [`suspend`]. The caller redraws the whole screen.
pub fn resume() -> io::Result<()> {
    let result = set_up();
    HANDED_OVER.store(false, Ordering::SeqCst);
    result
}

/// An editor started (`pid`, leading a process group of its own when
/// `own_group`): terminating signals are passed on to it from now on.
pub fn editor_started(pid: libc::pid_t, own_group: bool) {
    let mut editor = editor();
    editor.pid = pid;
    editor.own_group = own_group;
}

/// The editor ended. True when a terminating signal is ending casebook: the
/// caller must not take the terminal back (the signal thread ends the
/// process now).
pub fn editor_ended() -> bool {
    let mut editor = editor();
    editor.pid = 0;
    EDITOR_ENDED.notify_all();
    editor.exiting
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

/// [`restore`] for the fault handler: no lock, no allocation, only
/// `write` and `tcsetattr` (async-signal-safe).
fn restore_from_fault() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    // SAFETY: write and tcsetattr on the standard descriptors; ORIGINAL was
    // written before ORIGINAL_SET was set, and is not written again.
    unsafe {
        libc::write(libc::STDOUT_FILENO, LEAVE.as_ptr().cast(), LEAVE.len());
        if ORIGINAL_SET.load(Ordering::SeqCst)
            && let Some(modes) = &*std::ptr::addr_of!(ORIGINAL)
        {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, modes);
        }
    }
}
