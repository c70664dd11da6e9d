//! Terminal events → actions.

use crossterm::event::{Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};

use super::action::Action;
use super::app::App;
use super::keymap;

/// Rows moved per mouse-wheel notch.
const WHEEL: i32 = 3;

pub fn action(app: &App, event: Event) -> Option<Action> {
    match event {
        // Only presses: some terminals also report releases and repeats.
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            if app.options.debug_panic_key && key.code == KeyCode::F(12) {
                return Some(Action::DebugPanic);
            }
            keymap::lookup(app.mode.context(), &key)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                x: m.column,
                y: m.row,
                delta: -WHEEL,
            }),
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                x: m.column,
                y: m.row,
                delta: WHEEL,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                x: m.column,
                y: m.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) if keymap::takes_text(app.mode.context()) => Some(Action::Paste(text)),
        _ => None,
    }
}
