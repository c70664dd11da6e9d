//! What the event loop waits for: terminal events (read on a thread of their
//! own, which can be paused while an editor has the terminal), changed files
//! from the watcher, and the results of background work.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crossterm::event::{self, Event};

use super::action::Action;

/// One thing for the event loop.
#[derive(Debug)]
pub enum Msg {
    Term(Event),
    /// Files or directories changed under a watched casebook directory.
    Changed(Vec<PathBuf>),
    /// The result of background work, for `App::update`.
    Action(Action),
    /// The terminal can no longer be read (it went away).
    Gone,
    /// The screen must be drawn whole again (after a stop and `fg`).
    Redraw,
}

#[derive(Default)]
struct Pause {
    /// The loop asks the reader to stop reading.
    asked: bool,
    /// The reader has stopped and reads nothing until `asked` is false again.
    parked: bool,
}

/// The terminal reader thread. While paused it reads nothing, so an editor
/// started meanwhile gets every key typed.
pub struct Reader {
    pause: Arc<(Mutex<Pause>, Condvar)>,
}

/// How long the reader waits for input before looking whether it should pause.
const POLL: Duration = Duration::from_millis(50);

impl Reader {
    /// Starts reading terminal events into `tx`. When the terminal cannot be
    /// read any more, it sends [`Msg::Gone`] and ends. (Reading happens on
    /// this thread because crossterm's reader can spin without returning when
    /// the terminal disappears, crossterm issue #793: the loop must still see
    /// the hangup, and end.)
    pub fn spawn(tx: Sender<Msg>) -> Reader {
        let pause = Arc::new((Mutex::new(Pause::default()), Condvar::new()));
        let shared = Arc::clone(&pause);
        std::thread::spawn(move || {
            let (lock, wake) = &*shared;
            loop {
                {
                    let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
                    if state.asked {
                        state.parked = true;
                        wake.notify_all();
                        while state.asked {
                            state = wake.wait(state).unwrap_or_else(|e| e.into_inner());
                        }
                        state.parked = false;
                    }
                }
                let event = match event::poll(POLL) {
                    Ok(true) => event::read(),
                    Ok(false) => continue,
                    Err(e) => Err(e),
                };
                match event {
                    Ok(event) => {
                        if tx.send(Msg::Term(event)).is_err() {
                            return;
                        }
                    }
                    Err(_) => {
                        let _ = tx.send(Msg::Gone);
                        return;
                    }
                }
            }
        });
        Reader { pause }
    }

    /// Stops reading; returns once the reader reads nothing more (or after a
    /// second, if it is stuck in a read that never returns).
    pub fn pause(&self) {
        let (lock, wake) = &*self.pause;
        let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
        state.asked = true;
        wake.notify_all();
        let (_state, _) = wake
            .wait_timeout_while(state, Duration::from_secs(1), |s| !s.parked)
            .unwrap_or_else(|e| e.into_inner());
    }

    /// Reads again after [`Reader::pause`].
    pub fn resume(&self) {
        let (lock, wake) = &*self.pause;
        let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
        state.asked = false;
        wake.notify_all();
    }
}
