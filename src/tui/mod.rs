//! The terminal UI: `casebook` with no subcommand.

pub mod action;
pub mod app;
pub mod copy;
pub mod coverage;
pub mod derived;
pub mod detail;
pub mod diagnostics;
pub mod effects;
pub mod export;
pub mod field;
pub mod filters;
pub mod header;
pub mod help;
pub mod input;
pub mod jumps;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod paths;
pub mod saved;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod tree;
pub mod view;

use std::io;
use std::sync::mpsc;
use std::time::Duration;

use crossterm::event::{self, Event};

use action::Action;
pub use app::{App, Options};

/// How the UI ended (a signal ends the process itself: see [`terminal`]).
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// The terminal went away (its window closed, the SSH connection dropped).
    HungUp,
}

/// How often the loop looks at the terminal while no key comes.
const TICK: Duration = Duration::from_millis(200);

/// Runs the UI until the user quits or the terminal goes away. The terminal is
/// restored before this returns, whatever happens; a terminating signal
/// restores it and ends the process from its own thread, whatever the loop is
/// doing at the time.
pub fn run(app: &mut App) -> io::Result<Exit> {
    terminal::restore_on_signals()?;
    let (width, height) = crossterm::terminal::size()?;
    let (mut terminal, _session) = terminal::enter(layout::drawable(width, height))?;
    let result = event_loop(&mut terminal, app);
    // The session guard restores the terminal (cursor included). Dropping the
    // ratatui terminal would try to show the cursor again and, when the
    // terminal is gone (a hangup), report that failure on a stderr that is
    // gone too, which panics.
    std::mem::forget(terminal);
    result
}

fn event_loop(terminal: &mut terminal::Term, app: &mut App) -> io::Result<Exit> {
    let area = terminal.get_frame().area();
    app.update(Action::Resize {
        width: area.width,
        height: area.height,
    });
    // Keys are read on their own thread: when the terminal disappears,
    // crossterm's reader can spin without returning (crossterm issue #793), and
    // the loop below must still see the hangup, and end.
    //
    // crossterm sets up its event source (and its SIGWINCH handler) on first
    // use: do it here, before the first frame, so a resize that comes while the
    // reading thread has not yet run is not lost.
    let _ = event::poll(Duration::ZERO);
    let (keys, events) = mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if keys.send(event).is_err() {
                break;
            }
        }
    });
    let mut dirty = true;
    // Whether the similar cases were asked for once their index was ready.
    let mut similar_shown = false;
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
        match events.recv_timeout(TICK) {
            Ok(event) => {
                handle(terminal, app, event)?;
                // Keys that came meanwhile (a held key, a burst) are all applied
                // before the next frame is drawn: the screen never lags behind.
                while let Ok(event) = events.try_recv() {
                    handle(terminal, app, event)?;
                    if app.quit {
                        return Ok(Exit::Quit);
                    }
                }
                dirty = true;
            }
            Err(mpsc::RecvTimeoutError::Timeout) if terminal_hung_up() => return Ok(Exit::HungUp),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if !similar_shown && app.similar_index.get().is_some() {
                    similar_shown = true;
                    app.update(Action::SimilarReady);
                    dirty = true;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(Exit::HungUp),
        }
    }
}

/// One terminal event: resizes reach the drawing area too (bounded by what
/// can be drawn), then the action goes to `App::update` and its effects are
/// performed.
fn handle(terminal: &mut terminal::Term, app: &mut App, event: Event) -> io::Result<()> {
    let event = match event {
        Event::Resize(width, height) => {
            let area = layout::drawable(width, height);
            terminal.resize(area)?;
            Event::Resize(area.width, area.height)
        }
        other => other,
    };
    let Some(action) = input::action(app, event) else {
        return Ok(());
    };
    for effect in app.update(action) {
        let outcome = effects::perform(effect, &app.options);
        app.update(Action::Done(outcome));
    }
    Ok(())
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
