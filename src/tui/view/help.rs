//! The help overlay's title; its lines come from [`crate::tui::help`].

use crate::tui::app::App;
use crate::tui::detail::t;

pub use crate::tui::help::lines;

pub fn title(app: &App) -> String {
    t(app.lang, "キー操作（Esc で閉じる）", "Keys (Esc closes)").to_string()
}
