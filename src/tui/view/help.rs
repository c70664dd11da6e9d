//! The help overlay's title; its lines come from [`crate::tui::help`].

use ratatui::text::Line;

use crate::lang::t;
use crate::tui::app::App;

/// The help's lines at `width`, narrowed by the words typed in it.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let words = app.help_filter().and_then(|f| f.words());
    crate::tui::help::lines(app.env.theme, app.env.lang, words, width)
}

/// The title, with the words narrowing the help (and a caret while they
/// are typed).
pub fn title(app: &App) -> String {
    let base = t(app.env.lang, "キーとマウスの操作", "Keys and mouse");
    let Some(f) = app.help_filter() else {
        return base.to_string();
    };
    if !f.typing && f.words().is_none() {
        return base.to_string();
    }
    let caret = if f.typing { "▏" } else { "" };
    let text = crate::text::line(&f.field.text);
    match app.env.lang {
        crate::lang::Lang::Ja => format!("{base} ・ 絞り込み: {text}{caret}"),
        crate::lang::Lang::En => format!("{base} · filtered: {text}{caret}"),
    }
}
