//! The terminal UI: `casebook` with no subcommand.

pub mod action;
pub mod app;
pub mod copy;
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
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
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
}

/// Runs the UI until the user quits or a signal arrives. The terminal is
/// restored before this returns, whatever happens.
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
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|frame| view::draw(frame, app))?;
            dirty = false;
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            return Ok(Exit::Signal(sig as i32));
        }
        if event::poll(Duration::from_millis(200))? {
            let Some(action) = input::action(app, event::read()?) else {
                continue;
            };
            let effects = app.update(action);
            for effect in effects {
                let outcome = effects::perform(effect, &app.options);
                app.update(Action::Done(outcome));
            }
            dirty = true;
        }
    }
}
