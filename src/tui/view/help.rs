//! The help overlay's title; its lines come from [`crate::tui::help`].

use crate::tui::app::App;
use crate::tui::detail::t;

pub use crate::tui::help::lines;

pub fn title(app: &App) -> String {
    t(app.lang, "キーとマウスの操作", "Keys and mouse").to_string()
}
