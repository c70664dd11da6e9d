//! The terminal UI: `casebook` with no subcommand.

pub mod action;
pub mod app;
mod apply;
pub mod author;
mod browse;
pub mod copy;
pub mod coverage;
pub mod deadlines;
pub mod derived;
pub mod detail;
pub mod diagnostics;
pub mod editor;
pub mod effects;
pub mod env;
pub mod events;
pub mod export;
pub mod field;
pub mod filters;
pub mod header;
pub mod help;
pub mod input;
pub mod jobs;
pub mod jumps;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod marks;
pub mod palette;
pub mod panes;
pub mod paths;
mod progress;
mod prompt;
mod queries;
pub mod reload;
pub mod report;
pub mod saved;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod top;
pub mod tree;
pub mod view;
pub mod watch;

use std::collections::VecDeque;
use std::io;
use std::sync::mpsc;
use std::time::Duration;

use crossterm::event::Event;

use action::{Action, Shared};
pub use app::{App, Options};
use effects::World;
use events::{Msg, Reader};

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
    let (tx, events) = mpsc::channel();
    terminal::restore_on_signals(tx.clone())?;
    let (width, height) = crossterm::terminal::size()?;
    let (mut terminal, _session) = terminal::enter(layout::drawable(width, height))?;
    let result = event_loop(&mut terminal, app, tx, events);
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
    tx: mpsc::Sender<Msg>,
    events: mpsc::Receiver<Msg>,
) -> io::Result<Exit> {
    let area = terminal.get_frame().area();
    app.update(Action::Resize {
        width: area.width,
        height: area.height,
    });
    // Keys are read on their own thread (see `events::Reader`), files are
    // watched on another, and files are read again on a third.
    //
    // crossterm sets up its event source (and its SIGWINCH handler) on first
    // use: do it here, before the first frame, so a resize that comes while the
    // reading thread has not yet run is not lost.
    let _ = crossterm::event::poll(Duration::ZERO);
    let reader = Reader::spawn(tx.clone());
    let mut watch = watch::Watch::start(&app.env.options.setup.watch, tx.clone());
    // A statement of applicability outside the casebooks is watched on its own.
    if let (Some(w), Some(soa)) = (watch.as_mut(), app.env.options.soa_path.as_deref()) {
        w.add_file(soa);
    }
    let jobs = reload_thread(tx.clone());
    let mut reloads = reload::Queue::default();
    let mut world = World {
        terminal,
        reader: &reader,
        watch: &mut watch,
        jobs: &jobs,
        reloads: &mut reloads,
        tx: &tx,
    };
    if world.watch.is_some() {
        // A file changed after it was loaded and before the watch began is
        // found by reading the directories again (files whose keys prove
        // them unchanged are not read).
        handle(
            &mut world,
            app,
            Msg::Changed(app.env.options.setup.watch.clone()),
        )?;
    }
    let mut dirty = true;
    // The similar-case index whose readiness was told to the app (a reload
    // builds a new one).
    let mut similar_shown: Option<std::sync::Arc<_>> = None;
    loop {
        if dirty {
            if let Err(e) = world.terminal.draw(|frame| view::draw(frame, app)) {
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
            Ok(Msg::Gone) => return Ok(Exit::HungUp),
            Ok(msg) => {
                handle(&mut world, app, msg)?;
                // Keys that came meanwhile (a held key, a burst) are all applied
                // before the next frame is drawn: the screen never lags behind.
                while let Ok(msg) = events.try_recv() {
                    if matches!(msg, Msg::Gone) {
                        return Ok(Exit::HungUp);
                    }
                    handle(&mut world, app, msg)?;
                    if app.quit {
                        return Ok(Exit::Quit);
                    }
                }
                dirty = true;
            }
            Err(mpsc::RecvTimeoutError::Timeout) if terminal_hung_up() => return Ok(Exit::HungUp),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let told = similar_shown
                    .as_ref()
                    .is_some_and(|s| std::sync::Arc::ptr_eq(s, &app.env.similar_index));
                if !told && app.env.similar_index.get().is_some() {
                    similar_shown = Some(std::sync::Arc::clone(&app.env.similar_index));
                    app.update(Action::SimilarReady);
                    dirty = true;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(Exit::HungUp),
        }
    }
}

/// One message: a terminal event (resizes reach the drawing area too,
/// bounded by what can be drawn), changed files or finished work becomes an
/// action for `App::update`; its effects are performed, and their reports
/// go to `App::update` in turn.
fn handle(world: &mut World, app: &mut App, msg: Msg) -> io::Result<()> {
    let action = match msg {
        Msg::Term(Event::Resize(width, height)) => {
            let area = layout::drawable(width, height);
            world.terminal.resize(area)?;
            input::action(app, Event::Resize(area.width, area.height))
        }
        Msg::Term(event) => input::action(app, event),
        Msg::Changed(paths) => Some(Action::FilesChanged(paths)),
        // After a stop: drawn whole, at the size the terminal may have now.
        Msg::Redraw => layout::repaint(world.terminal).pop(),
        Msg::Action(action) => {
            if matches!(action, Action::Reloaded(_)) {
                world.reloads.done();
            }
            Some(action)
        }
        Msg::Gone => None,
    };
    let mut queue: VecDeque<Action> = action.into_iter().collect();
    while let Some(action) = queue.pop_front() {
        for effect in app.update(action) {
            queue.extend(effects::perform(effect, app, world));
        }
    }
    // Made from the casebook as it is now, after the last results were applied.
    world.send_reload(app);
    Ok(())
}

/// The thread that reads changed files again, one job after another (so
/// results arrive in the order the changes did), and reports to the loop.
fn reload_thread(tx: mpsc::Sender<Msg>) -> mpsc::Sender<reload::Job> {
    let (jobs, queue) = mpsc::channel::<reload::Job>();
    std::thread::spawn(move || {
        for job in queue {
            let batch = reload::read(&job);
            if tx
                .send(Msg::Action(Action::Reloaded(Shared::new(batch))))
                .is_err()
            {
                break;
            }
        }
    });
    jobs
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
