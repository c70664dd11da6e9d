//! Drawing: pure functions of `&App` onto a ratatui frame.

mod author;
mod cells;
mod chart;
pub mod coverage;
pub mod diagnostics;
mod filters;
pub mod help;
mod jump;
mod palette;
mod panes;
mod prompt;
pub mod search;
pub mod stats;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::app::{App, Mode};
use super::layout;
use crate::lang::Lang;
use crate::lang::t;
use crate::wrap;

pub fn draw(frame: &mut Frame, app: &App) {
    draw_screen(frame, app);
    cells::settle(frame.buffer_mut());
}

fn draw_screen(frame: &mut Frame, app: &App) {
    let size = frame.area();
    let Some(areas) = layout::areas(
        size,
        app.panes.focus,
        app.banner(),
        app.filter_bar(),
        app.tree_width(),
    ) else {
        too_small(frame, app, size);
        return;
    };
    status::header(frame, app, areas.header);
    if let Some(r) = areas.filters {
        filters::bar(frame, app, r);
    }
    if let Some(r) = areas.tree {
        panes::tree(frame, app, r);
    }
    if let Some(r) = areas.list {
        panes::list(frame, app, r);
    }
    if let Some(r) = areas.detail {
        panes::detail(frame, app, r);
    }
    if let Some(r) = areas.banner {
        status::banner(frame, app, r);
    }
    status::status(frame, app, areas.status);
    match app.mode() {
        Mode::Help => {
            let lines = help::lines(app, layout::inner_width(areas.overlay));
            let shown = lines
                .iter()
                .skip(app.overlay_scroll())
                .take(layout::inner_height(areas.overlay))
                .cloned()
                .collect();
            overlay(
                frame,
                app,
                areas.overlay,
                &help::title(app),
                lines.len(),
                shown,
            )
        }
        Mode::Diagnostics => {
            let (total, shown) = diagnostics::rows(
                app,
                layout::inner_width(areas.overlay),
                layout::inner_height(areas.overlay),
            );
            overlay(
                frame,
                app,
                areas.overlay,
                &diagnostics::title(app),
                total,
                shown,
            )
        }
        Mode::Search => search::draw(frame, app, areas.overlay),
        Mode::Prompt => prompt::draw(frame, app, areas.status),
        Mode::Coverage => coverage::draw(frame, app, page(&areas)),
        Mode::Stats => stats::draw(frame, app, page(&areas)),
        Mode::Jump => jump::draw_jump(frame, app, areas.status),
        Mode::Filter => jump::draw_filter(frame, app, areas.status),
        Mode::Author => author::draw(frame, app, areas.status),
        Mode::Palette => palette::draw(frame, app, areas.overlay),
        Mode::Browse | Mode::Chips => {}
    }
}

/// The whole screen between the header (and filter bar) and the status bar.
fn page(areas: &layout::Areas) -> Rect {
    areas.overlay
}

/// A popup: clears the whole cells under `area` (wide characters reaching
/// into it included, see [`cells::clear`]), draws `block` around it and
/// returns the inside. Every overlay and prompt is drawn through this.
pub(super) fn popup(frame: &mut Frame, area: Rect, block: Block) -> Rect {
    cells::clear(frame.buffer_mut(), area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A focused border titled `title` around `area` (a [`popup`]); returns the inside.
/// The title of a view counting the casebook (coverage, statistics): what
/// it is, the cases counted and the filters in force, each in brackets as
/// the filter bar shows them (` 統計 ・ 7件 ・ 絞り込み: [2024] `).
pub(super) fn scope_title(
    lang: Lang,
    what: (&str, &str),
    cases: usize,
    named: &[String],
) -> String {
    let chips: String = named.iter().map(|n| format!(" [{n}]")).collect();
    match (lang, named.is_empty()) {
        (Lang::Ja, true) => format!(" {} ・ 全{cases}件 ", what.0),
        (Lang::Ja, false) => format!(" {} ・ {cases}件 ・ 絞り込み:{chips} ", what.0),
        (Lang::En, true) => format!(
            " {} · all {} ",
            what.1,
            crate::plural::count(cases, "case", "cases")
        ),
        (Lang::En, false) => format!(
            " {} · {} · filtered:{chips} ",
            what.1,
            crate::plural::count(cases, "case", "cases")
        ),
    }
}

pub(super) fn framed(frame: &mut Frame, app: &App, area: Rect, title: String) -> Rect {
    popup(frame, area, border(app, &title, area.width))
}

/// The focused border of a popup `width` wide, titled in screen form (cut
/// with `…` when it does not fit between the corners).
pub(super) fn border(app: &App, title: &str, width: u16) -> Block<'static> {
    let room = (width as usize).saturating_sub(3);
    Block::bordered()
        .border_style(app.env.theme.border(true))
        .title(Span::styled(
            wrap::truncate(title, room).into_owned(),
            app.env.theme.heading(),
        ))
}

/// A bordered box over the screen showing `shown`, the rows from the overlay
/// scroll position, of `total`.
fn overlay(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    title: &str,
    total: usize,
    shown: Vec<Line<'static>>,
) {
    let height = layout::inner_height(area);
    let position = if total > height {
        format!(
            " {}-{}/{} ",
            app.overlay_scroll() + 1,
            (app.overlay_scroll() + height).min(total),
            total
        )
    } else {
        String::new()
    };
    let block = border(app, &format!(" {title} "), area.width)
        .title_bottom(Line::from(position).right_aligned());
    let inner = popup(frame, area, block);
    frame.render_widget(Paragraph::new(shown), inner);
}

fn too_small(frame: &mut Frame, app: &App, size: Rect) {
    let text = format!(
        "{} {}×{} {}",
        t(app.env.lang, "端末が小さすぎます。", "Terminal too small:"),
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT,
        t(
            app.env.lang,
            "以上に広げてください（q で終了）",
            "or larger needed (q quits)"
        )
    );
    let lines: Vec<Line> = wrap::wrap(&text, size.width.max(1) as usize)
        .into_iter()
        .map(|l| Line::styled(l, Style::new()))
        .collect();
    let top = size.height.saturating_sub(lines.len() as u16) / 2;
    let area = Rect {
        y: size.y + top,
        height: size.height - top,
        ..size
    };
    frame.render_widget(Paragraph::new(lines).centered(), area);
}
