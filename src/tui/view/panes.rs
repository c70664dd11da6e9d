//! The three browsing panes: control areas, case list and detail.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::lang::t;
use crate::text::thousands;
use crate::tui::app::{App, Pane};
use crate::tui::deadlines::Deadlines;
use crate::tui::detail;
use crate::tui::layout;
use crate::wrap;

fn block(app: &App, pane: Pane, title: String, footer: String) -> Block<'static> {
    let focused = app.panes.focus == pane;
    let title_style = if focused {
        app.env.theme.heading()
    } else {
        app.env.theme.bold()
    };
    Block::bordered()
        .border_style(app.env.theme.border(focused))
        .title(Span::styled(
            crate::width::screen(&title).into_owned(),
            title_style,
        ))
        .title_bottom(Line::from(footer).right_aligned())
}

/// `(3/40)` when not everything fits.
fn position(offset: usize, height: usize, total: usize) -> String {
    if total > height {
        format!(
            " {}-{}/{} ",
            offset + 1,
            (offset + height).min(total),
            total
        )
    } else {
        String::new()
    }
}

pub fn tree(frame: &mut Frame, app: &App, area: Rect) {
    let th = app.env.theme;
    let rows = app.tree_rows();
    let selected = app.tree_selected(&rows);
    let width = layout::inner_width(area);
    let height = layout::inner_height(area);
    let title = app.tree_title();
    // With a statement, each control says whether it applies.
    let soa = app.env.soa.as_ref().filter(|_| {
        app.catalog()
            .is_some_and(|c| c.kind == crate::catalog::Kind::Controls)
    });
    let decided = |id: &str| {
        let r = crate::model::ControlRef::new(app.scheme_name(), id);
        soa.and_then(|s| s.decision(&app.book.catalogs, &r))
            .map(|d| crate::answers::coverage::applicable_label(Some(d.applicable), app.env.lang))
    };
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(app.panes.tree.offset)
        .take(height)
        .map(|(i, row)| {
            let indent = "  ".repeat(row.depth);
            let marker = match (row.id.is_some() && row.has_children, row.expanded) {
                (true, true) => "▾ ",
                (true, false) => "▸ ",
                _ => "  ",
            };
            let id = row
                .id
                .as_deref()
                .map(|id| format!("{id} "))
                .unwrap_or_default();
            let decision = row.id.as_deref().and_then(decided);
            let count = match decision {
                Some(d) => format!(" ({}) {d}", row.count),
                None => format!(" ({})", row.count),
            };
            let fixed = wrap::width(&indent) + 2 + wrap::width(&id) + wrap::width(&count);
            let title = wrap::truncate(&row.title, width.saturating_sub(fixed)).into_owned();
            let text = wrap::pad(&format!("{indent}{marker}{id}{title}{count}"), width);
            let style = if i == selected {
                th.selected(app.panes.focus == Pane::Tree)
            } else if row.count == 0 {
                th.dim()
            } else if row.id.is_none() {
                th.bold()
            } else {
                Style::new()
            };
            Line::styled(text, style)
        })
        .collect();
    let footer = position(app.panes.tree.offset, height, rows.len());
    frame.render_widget(
        Paragraph::new(lines).block(block(app, Pane::Tree, title, footer)),
        area,
    );
}

/// Column widths of the case list for an inner width: (organization, people).
fn columns(width: usize) -> (usize, usize) {
    if width >= 64 {
        ((width * 22 / 100).clamp(10, 22), 9)
    } else if width >= 44 {
        (12, 0)
    } else {
        (0, 0)
    }
}

pub fn list(frame: &mut Frame, app: &App, area: Rect) {
    let th = app.env.theme;
    let cases = app.cases();
    let width = layout::inner_width(area);
    let height = layout::inner_height(area).saturating_sub(1);
    let (org_w, people_w) = columns(width);
    let title_w = width.saturating_sub(
        2 + 11
            + if org_w > 0 { org_w + 1 } else { 0 }
            + if people_w > 0 { people_w + 1 } else { 0 },
    );
    let row = |mark: &str, date: &str, org: &str, title: &str, people: &str| {
        let mut s = format!("{mark} {}", wrap::pad(date, 10));
        if org_w > 0 {
            s.push(' ');
            s.push_str(&wrap::pad(org, org_w));
        }
        s.push(' ');
        s.push_str(&wrap::pad(title, title_w));
        if people_w > 0 {
            s.push(' ');
            s.push_str(&wrap::pad_left(people, people_w));
        }
        wrap::pad(&s, width)
    };
    let mut lines = vec![Line::styled(
        row(
            " ",
            t(app.env.lang, "公表日", "Published"),
            t(app.env.lang, "組織", "Organization"),
            t(app.env.lang, "件名", "Title"),
            t(app.env.lang, "人数", "People"),
        ),
        th.dim(),
    )];
    if cases.is_empty() {
        lines.push(Line::styled(
            t(
                app.env.lang,
                " この項目の事例はまだありません",
                " No cases under this item yet",
            ),
            th.dim(),
        ));
    }
    // Team cases carry a badge when bundled ones are listed too.
    let book = &app.book;
    let bundled = (0..book.len()).filter(|&i| book.is_bundled(i)).count();
    let mixed = bundled > 0 && bundled < book.len();
    let today = app.today();
    for &i in cases.iter().skip(app.panes.list.offset).take(height) {
        let case = &book.entries()[i].case;
        // A report or a measure due or overdue (see `deadlines`) says more
        // than `[team]` (only a team's own incident has reports), and leaves
        // the title room at 80 columns.
        let due = Deadlines::of(book, i, today).badge(app.env.lang);
        let mut badge = match (app.is_stale(i), mixed && !book.is_bundled(i)) {
            (true, _) => t(app.env.lang, "⚠前の版 ", "⚠stale "),
            (false, _) if !due.is_empty() => "",
            (false, true) => t(app.env.lang, "[チーム] ", "[team] "),
            (false, false) => "",
        }
        .to_string();
        badge.push_str(due);
        let people = case
            .affected
            .as_ref()
            .and_then(|a| a.people)
            .map(thousands)
            .unwrap_or_default();
        let mark = if app.marks.contains(&i) { "●" } else { " " };
        let text = row(
            mark,
            &case.date().date().to_string(),
            &case.organization,
            &format!("{badge}{}", case.title),
            &people,
        );
        let style = if Some(i) == app.panes.case {
            th.selected(app.panes.focus == Pane::List)
        } else {
            Style::new()
        };
        if app.marks.contains(&i) && Some(i) != app.panes.case {
            let (head, tail) = text.split_at(mark.len());
            lines.push(Line::from(vec![
                Span::styled(head.to_string(), th.mark()),
                Span::styled(tail.to_string(), style),
            ]));
        } else {
            lines.push(Line::styled(text, style));
        }
    }
    let node = match (app.catalog(), app.node()) {
        (Some(c), Some(id)) => c
            .label(id, app.env.lang)
            .map(|l| format!("{l} · "))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let title = match app.env.lang {
        crate::lang::Lang::Ja => format!(
            " 事例 {}件 · {node}{} ",
            cases.len(),
            app.panes.list.sort.label(app.env.lang)
        ),
        crate::lang::Lang::En => format!(
            " {} · {node}{} ",
            crate::plural::count(cases.len(), "case", "cases"),
            app.panes.list.sort.label(app.env.lang)
        ),
    };
    let title = wrap::truncate(&title, width.saturating_sub(2)).into_owned();
    let footer = position(app.panes.list.offset, height, cases.len());
    frame.render_widget(
        Paragraph::new(lines).block(block(app, Pane::List, title, footer)),
        area,
    );
}

pub fn detail(frame: &mut Frame, app: &App, area: Rect) {
    let width = layout::inner_width(area);
    let height = layout::inner_height(area);
    let lines = app
        .panes
        .case
        .map(|c| detail::screen(app, c, width).lines)
        .unwrap_or_default();
    let footer = position(app.panes.detail.scroll, height, lines.len());
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(app.panes.detail.scroll)
        .take(height)
        .collect();
    let title = format!(" {} ", t(app.env.lang, "詳細", "Detail"));
    frame.render_widget(
        Paragraph::new(shown).block(block(app, Pane::Detail, title, footer)),
        area,
    );
}
