//! Terminal events → actions. Keys go through the keymap; mouse events
//! through [`MOUSE`], which the help lists as it lists keys.

use crossterm::event::{Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};

use super::action::Action;
use super::app::App;
use super::keymap;
use crate::lang::Lang;

/// A mouse gesture the program answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    WheelUp,
    WheelDown,
    Click,
}

/// What a gesture does, for the help (ja, en).
pub struct MouseBinding {
    pub gesture: Gesture,
    pub ja: &'static str,
    pub en: &'static str,
    pub label: (&'static str, &'static str),
}

impl MouseBinding {
    pub fn help(&self, lang: Lang) -> &'static str {
        crate::lang::t(lang, self.ja, self.en)
    }

    pub fn label(&self, lang: Lang) -> &'static str {
        crate::lang::t(lang, self.label.0, self.label.1)
    }
}

#[rustfmt::skip]
pub static MOUSE: &[MouseBinding] = &[
    MouseBinding { gesture: Gesture::WheelUp, label: ("ホイール上", "Wheel up"), ja: "ポインタの下のペインを上へ（分類ツリーと事例一覧は1行ずつ、詳細・ヘルプは3行ずつ）", en: "Up in the pane under the pointer (the tree and the list one row a notch, the detail and the help three lines)" },
    MouseBinding { gesture: Gesture::WheelDown, label: ("ホイール下", "Wheel down"), ja: "同じく下へ", en: "Down, likewise" },
    MouseBinding { gesture: Gesture::Click, label: ("クリック", "Click"), ja: "分類項目・事例を選ぶ。上端の分類名で分類を切替", en: "Select an area or a case; on a classification's name at the top, switch to it" },
];

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
