//! The command palette (Ctrl-p): the words typed, then every browsing action
//! they match, its key beside it, the chosen one highlighted.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::palette;
use crate::wrap;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = app.env.theme;
    let super::super::app::Top::Palette(p) = &app.top else {
        return;
    };
    let title = format!(" {} ", palette::title(app.env.lang));
    let inner = super::framed(frame, app, area, title);
    let width = inner.width as usize;
    let height = inner.height as usize;
    if width < 4 || height < 2 {
        return;
    }
    let label = "> ";
    let (text, caret) = p.field.window(width.saturating_sub(wrap::width(label) + 1));
    frame.set_cursor_position(Position::new(
        inner.x + (wrap::width(label) + caret) as u16,
        inner.y,
    ));
    let mut lines = vec![Line::from(vec![
        Span::styled(label, th.key()),
        Span::raw(text),
    ])];
    let entries = palette::entries(&p.field.text);
    let key_w = entries
        .iter()
        .map(|b| wrap::width(&keymap::keys_label(b)))
        .max()
        .unwrap_or(0)
        .min(16);
    let room = height - 1;
    let from = p.cursor.saturating_sub(room.saturating_sub(1));
    for (i, b) in entries.iter().enumerate().skip(from).take(room) {
        let keys = wrap::pad(&wrap::truncate(&keymap::keys_label(b), key_w), key_w);
        let text = format!("  {keys}  {}", b.help(app.env.lang));
        let text = wrap::pad(&wrap::truncate(&text, width), width);
        let style = if i == p.cursor {
            th.selected(true)
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    if entries.is_empty() {
        lines.push(Line::styled(
            crate::lang::t(
                app.env.lang,
                "当てはまる操作はありません",
                "No action matches",
            ),
            th.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
