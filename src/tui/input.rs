//! Terminal events → actions. Keys go through the keymap; mouse events
//! through the mouse table in [`keymap`], which the help lists as it lists keys.

use crossterm::event::{Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};

use super::action::Action;
use super::app::App;
use super::keymap;
pub use super::keymap::{Gesture, MOUSE, MouseBinding};

pub fn action(app: &App, event: Event) -> Option<Action> {
    match event {
        // Only presses: some terminals also report releases and repeats.
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            if app.env.options.debug_panic_key && key.code == KeyCode::F(12) {
                return Some(Action::DebugPanic);
            }
            keymap::lookup(app.context(), &key)
        }
        Event::Mouse(m) => {
            let gesture = match m.kind {
                MouseEventKind::ScrollUp => Gesture::WheelUp,
                MouseEventKind::ScrollDown => Gesture::WheelDown,
                MouseEventKind::Down(MouseButton::Left) => Gesture::Click,
                _ => return None,
            };
            let binding = MOUSE.iter().find(|b| b.gesture == gesture)?;
            let (x, y) = (m.column, m.row);
            Some(match binding.gesture {
                Gesture::WheelUp => Action::Scroll { x, y, delta: -1 },
                Gesture::WheelDown => Action::Scroll { x, y, delta: 1 },
                Gesture::Click => Action::Click { x, y },
            })
        }
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) if keymap::takes_text(app.context()) => Some(Action::Paste(text)),
        _ => None,
    }
}
