//! The terminal UI: `casebook` with no subcommand.

pub mod action;
pub mod app;
pub mod copy;
pub mod derived;
pub mod detail;
pub mod effects;
pub mod field;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod tree;
pub mod view;

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use crossterm::event;

use action::Action;
pub use app::{App, Options};

/// How the UI ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Stopped by a signal (SIGTERM, SIGHUP, SIGINT).
    Signal(i32),
    /// The terminal went away (its window closed, the SSH connection dropped).
    HungUp,
}

/// How often the loop looks at signals and the terminal while no key comes.
const TICK: Duration = Duration::from_millis(200);

/// Runs the UI until the user quits, a signal arrives or the terminal goes
/// away. The terminal is restored before this returns, whatever happens.
pub fn run(app: &mut App) -> io::Result<Exit> {
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    let (mut terminal, _session) = terminal::enter()?;
    let result = event_loop(&mut terminal, app, &signal);
    // The session guard restores the terminal (cursor included). Dropping the
    // ratatui terminal would try to show the cursor again and, when the
    // terminal is gone (a hangup), report that failure on a stderr that is
    // gone too, which panics.
    std::mem::forget(terminal);
    result
}

fn event_loop(
    terminal: &mut terminal::Term,
    app: &mut App,
    signal: &AtomicUsize,
) -> io::Result<Exit> {
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    // Keys are read on their own thread: when the terminal disappears,
    // crossterm's reader can spin without returning (crossterm issue #793), and
    // the loop below must still see signals and the hangup, and end.
    let (keys, events) = mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if keys.send(event).is_err() {
                break;
            }
        }
    });
    let mut dirty = true;
    loop {
        if dirty {
            if let Err(e) = terminal.draw(|frame| view::draw(frame, app)) {
                // Writing fails once the terminal is gone: that is a hangup, not an error.
                return if terminal_hung_up() {
                    Ok(Exit::HungUp)
                } else {
                    Err(e)
                };
            }
            dirty = false;
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            return Ok(Exit::Signal(sig as i32));
        }
        match events.recv_timeout(TICK) {
            Ok(event) => {
                let Some(action) = input::action(app, event) else {
                    continue;
                };
                for effect in app.update(action) {
                    let outcome = effects::perform(effect, &app.options);
                    app.update(Action::Done(outcome));
                }
                dirty = true;
            }
            Err(mpsc::RecvTimeoutError::Timeout) if terminal_hung_up() => return Ok(Exit::HungUp),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(Exit::HungUp),
        }
    }
}

/// Whether the terminal on standard input has hung up (POLLHUP), without waiting.
fn terminal_hung_up() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a zero timeout; poll only writes `revents`.
    let ready = unsafe { libc::poll(&mut fd, 1, 0) };
    ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}
