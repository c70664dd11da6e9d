//! The `:` prompt (a control in any spelling, with completions and
//! did-you-mean) and the `F` prompt (years and words), drawn above the status bar.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::document::screen::paragraph;
use crate::lang::t;
use crate::tui::app::App;
use crate::tui::field::Field;
use crate::wrap;

/// A bordered box over the bottom of the screen: a field, then `below`.
fn prompt(
    frame: &mut Frame,
    app: &App,
    status: Rect,
    title: &str,
    field: &Field,
    below: Vec<Line<'static>>,
) {
    let th = app.env.theme;
    let height = (3 + below.len() as u16)
        .min(status.y.saturating_sub(1))
        .max(3);
    let area = Rect {
        y: status.y.saturating_sub(height),
        height,
        ..status
    };
    let inner = super::framed(frame, app, area, format!(" {title} "));
    let width = inner.width as usize;
    let label = "> ";
    let room = width.saturating_sub(wrap::width(label) + 1);
    let (text, caret) = field.window(room);
    let caret = (wrap::width(label) + caret) as u16;
    frame.set_cursor_position(Position::new(inner.x + caret, inner.y));
    let mut lines = vec![Line::from(vec![
        Span::styled(label, th.key()),
        Span::raw(text),
    ])];
    lines.extend(below.into_iter().map(|l| {
        let s = l.to_string();
        let style = l.spans.iter().last().map_or(Style::new(), |sp| sp.style);
        Line::styled(wrap::truncate(&s, width).into_owned(), style)
    }));
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn draw_jump(frame: &mut Frame, app: &App, status: Rect) {
    let th = app.env.theme;
    let lang = app.env.lang;
    let j = &app.overlays.jump;
    let mut below = Vec::new();
    if let Some(m) = &j.message {
        let width = status.width.saturating_sub(2) as usize;
        below.extend(paragraph(Span::raw(""), &[(m.clone(), th.error())], width));
    }
    for (i, r) in j.candidates.iter().enumerate() {
        let title = app
            .book
            .catalogs
            .control(r)
            .map(|i| i.title.get(lang).to_string())
            .unwrap_or_default();
        let (mark, style) = if j.chosen == Some(i) {
            ("▶ ", th.selected(true))
        } else {
            ("  ", th.control())
        };
        below.push(Line::styled(format!("{mark}{r}  {title}"), style));
    }
    if below.is_empty() {
        below.push(Line::styled(
            t(
                lang,
                "例: A.7.14 ・ 7.14 ・ 10-5(4) ・ 名称の語: 供給者、廃棄（↑↓ で選ぶ、Tab で補完）",
                "e.g. A.7.14 · 7.14 · 10-5(4) · words of the title: supplier, disposal (↑↓ choose, Tab completes)",
            ),
            th.dim(),
        ));
    }
    let title = t(lang, "管理策へ移動", "Jump to a control");
    prompt(frame, app, status, title, &j.field, below);
}

pub fn draw_filter(frame: &mut Frame, app: &App, status: Rect) {
    let lang = app.env.lang;
    let below = vec![Line::styled(
        t(
            lang,
            "年の範囲（2022-2024、2022-、-2013、2023）と語句。空で Enter: 年と語句の絞り込みを外す",
            "A range of years (2022-2024, 2022-, -2013, 2023) and words. Empty: remove both",
        ),
        app.env.theme.dim(),
    )];
    let title = t(lang, "年と語句で絞り込む", "Filter by years and words");
    prompt(frame, app, status, title, &app.filters.field, below);
}
