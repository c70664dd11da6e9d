//! The command palette (Ctrl-p): every browsing action by name with its key,
//! read from the key table ([`super::keymap::KEYMAP`]), narrowed by what is
//! typed; Enter does the chosen one. A small type owning its state: its
//! `update` returns what the app is to do.

use super::action::Action;
use super::field::Field;
use super::keymap::{self, Binding, Context, KEYMAP};
use crate::lang::Lang;

#[derive(Debug, Default)]
pub struct Palette {
    pub field: Field,
    /// The chosen entry among those shown.
    pub cursor: usize,
}

/// What the app does after a key in the palette.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Close,
    /// Close, then do this browsing action.
    Run(Action),
}

/// Whether a binding is listed for what is typed: every word of it in the
/// binding's text (either language) or its keys, ignoring case.
pub fn matches(binding: &Binding, typed: &str) -> bool {
    let hay = format!(
        "{} {} {}",
        binding.ja,
        binding.en.to_lowercase(),
        keymap::keys_label(binding).to_lowercase()
    );
    typed
        .split_whitespace()
        .all(|w| hay.contains(&w.to_lowercase()))
}

/// The actions listed: the browsing bindings that match what is typed, in
/// the table's order (the palette itself left out).
pub fn entries(typed: &str) -> Vec<&'static Binding> {
    KEYMAP
        .iter()
        .filter(|b| b.context == Context::Browse && b.action != Action::OpenPalette)
        .filter(|b| matches(b, typed))
        .collect()
}

impl Palette {
    pub fn update(&mut self, action: Action) -> Outcome {
        if self.field.edit(&action) {
            self.cursor = 0;
            return Outcome::Stay;
        }
        let n = entries(&self.field.text).len();
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Action::Back => return Outcome::Close,
            Action::Quit => return Outcome::Run(Action::Quit),
            Action::Enter => {
                return match entries(&self.field.text).get(self.cursor) {
                    Some(b) => Outcome::Run(b.action.clone()),
                    None => Outcome::Stay,
                };
            }
            _ => {}
        }
        Outcome::Stay
    }
}

/// The palette's title.
pub fn title(lang: Lang) -> &'static str {
    crate::lang::t(
        lang,
        "コマンド一覧（語句で絞り込み、Enter で実行）",
        "Commands (type to narrow, Enter runs)",
    )
}
