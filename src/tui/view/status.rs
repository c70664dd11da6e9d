//! The header line, the load-problem banner and the status bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::header::{self, Piece};
use crate::tui::keymap;
use crate::wrap;

/// `casebook  [ISO 27001] PPC 原因 業種`: the schemes, the current one
/// highlighted, laid out by [`header::pieces`] (which a click reads too).
pub fn header(frame: &mut Frame, app: &App, area: Rect) {
    let th = app.env.theme;
    let spans: Vec<Span> = header::pieces(app, area.width as usize)
        .into_iter()
        .map(|(text, piece)| {
            let style = match piece {
                Piece::Name => th.bold(),
                Piece::Tab(i) if i == app.panes.tree.scheme => th.selected(true),
                Piece::Tab(_) | Piece::Hint => th.dim(),
                Piece::Gap => Style::new(),
            };
            Span::styled(text, style)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(Line::from(fit(spans, area.width as usize))),
        area,
    );
}

pub fn banner(frame: &mut Frame, app: &App, area: Rect) {
    let n = app.error_files();
    let text = if !app.env.options.problems.is_empty() {
        let problems: Vec<&str> = app
            .env
            .options
            .problems
            .iter()
            .map(|p| p.get(app.env.lang))
            .collect();
        let problems = problems.join(" · ");
        match (app.env.lang, n) {
            (_, 0) => format!(" ⚠ {problems} "),
            (crate::lang::Lang::Ja, _) => {
                format!(" ⚠ {problems} · ほか{n}件のファイルを読み込めませんでした（! で理由） ")
            }
            (crate::lang::Lang::En, _) => {
                format!(
                    " ⚠ {problems} · {} could not be loaded (! shows why) ",
                    crate::plural::count(n, "more file", "more files")
                )
            }
        }
    } else {
        let stale = app.jobs.live.stale.len();
        match (app.env.lang, stale) {
            (crate::lang::Lang::Ja, 0) => {
                format!(" ⚠ {n}件のファイルを読み込めませんでした。! で理由を表示 ")
            }
            (crate::lang::Lang::En, 0) => {
                format!(
                    " ⚠ {} could not be loaded. Press ! to see why ",
                    crate::plural::count(n, "file", "files")
                )
            }
            (crate::lang::Lang::Ja, _) => format!(
                " ⚠ {n}件のファイルを読み込めませんでした（うち{stale}件は前の版を表示中）。! で理由を表示 "
            ),
            (crate::lang::Lang::En, _) => format!(
                " ⚠ {} could not be loaded ({stale} shown as last loaded). Press ! to see why ",
                crate::plural::count(n, "file", "files")
            ),
        }
    };
    let line = Line::styled(
        wrap::pad(&text, area.width as usize),
        app.env.theme.banner(),
    );
    frame.render_widget(Paragraph::new(line), area);
}

/// Key hints (or the transient message) on the left, counts on the right.
pub fn status(frame: &mut Frame, app: &App, area: Rect) {
    let th = app.env.theme;
    let width = area.width as usize;
    let counts = match app.env.lang {
        crate::lang::Lang::Ja if app.marks.is_empty() => format!(" {}件 ", app.book.len()),
        crate::lang::Lang::Ja => format!(" 印 {}件 · 全{}件 ", app.marks.len(), app.book.len()),
        crate::lang::Lang::En if app.marks.is_empty() => format!(
            " {} ",
            crate::plural::count(app.book.len(), "case", "cases")
        ),
        crate::lang::Lang::En => format!(
            " {} marked · {} ",
            app.marks.len(),
            crate::plural::count(app.book.len(), "case", "cases")
        ),
    };
    let mut room = width.saturating_sub(wrap::width(&counts));
    let mut left: Vec<Span> = Vec::new();
    if let Some(message) = &app.status {
        // A message goes before the counts; too long even then, it loses its
        // middle, so a path keeps its file name and a question its end.
        let message = format!(" {message}");
        if wrap::width(&message) > room {
            room = width;
        }
        let shown = wrap::truncate_middle(&message, room).into_owned();
        left.push(Span::styled(shown, th.bold()));
    } else {
        let hints = keymap::hints(app.context(), app.env.lang);
        let essentials_shown = hints
            .iter()
            .zip(fitting(&hints, room))
            .filter(|(h, show)| h.essential && *show)
            .count();
        if essentials_shown < hints.iter().filter(|h| h.essential).count() {
            // Not even help and quit fit beside the counts: the counts give way.
            room = width;
        }
        for (hint, show) in hints.iter().zip(fitting(&hints, room)) {
            if show {
                left.push(Span::styled(format!(" {}", hint.key), th.key()));
                left.push(Span::raw(format!(" {} ", hint.text)));
            }
        }
    }
    let mut spans = fit(left, room);
    let used: usize = spans.iter().map(|s| wrap::width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(room.saturating_sub(used))));
    if room < width {
        spans.push(Span::styled(counts, th.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Which hints show in `room` columns: the essential ones first (help, quit,
/// close), then the others by rank while they fit.
fn fitting(hints: &[keymap::Hint], room: usize) -> Vec<bool> {
    let cost = |h: &keymap::Hint| wrap::width(&h.key) + wrap::width(h.text) + 3;
    let mut used = 0;
    let mut show: Vec<bool> = hints
        .iter()
        .map(|h| {
            let fits = h.essential && used + cost(h) <= room;
            used += if fits { cost(h) } else { 0 };
            fits
        })
        .collect();
    let mut by_rank: Vec<usize> = (0..hints.len()).collect();
    by_rank.sort_by_key(|&i| hints[i].rank);
    for i in by_rank {
        let h = &hints[i];
        if !h.essential && used + cost(h) <= room {
            used += cost(h);
            show[i] = true;
        }
    }
    show
}

/// Keeps whole spans while they fit in `width` columns, cutting the last one with `…`.
pub fn fit(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    for mut span in spans {
        if let std::borrow::Cow::Owned(shown) = crate::width::screen(&span.content) {
            span.content = shown.into();
        }
        let w = wrap::width(&span.content);
        if used + w <= width {
            used += w;
            out.push(span);
        } else {
            let cut = wrap::truncate(&span.content, width - used).into_owned();
            out.push(Span::styled(cut, span.style));
            break;
        }
    }
    if out.is_empty() {
        out.push(Span::styled(String::new(), Style::new()));
    }
    out
}
