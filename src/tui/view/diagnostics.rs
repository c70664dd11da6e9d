//! The diagnostics overlay: every problem the loader found, drawn from the
//! rows `tui::diagnostics` keeps (only the rows on screen are built).

use ratatui::text::Line;

use crate::tui::app::App;

pub fn title(app: &App) -> String {
    let (errors, warnings) = (app.problems.panel.errors, app.problems.panel.warnings);
    match app.env.lang {
        crate::lang::Lang::Ja => {
            format!("読み込みの問題: エラー {errors}件・警告 {warnings}件")
        }
        crate::lang::Lang::En => {
            format!(
                "Load problems: {}, {}",
                crate::plural::count(errors, "error", "errors"),
                crate::plural::count(warnings, "warning", "warnings")
            )
        }
    }
}

/// (all rows, the rows from the scroll position that fit in `height`).
pub fn rows(app: &App, width: usize, height: usize) -> (usize, Vec<Line<'static>>) {
    let panel = &app.problems.panel;
    let rows = panel.rows(
        &app.problems.list,
        width,
        app.env.lang,
        app.env.theme,
        app.overlay_scroll(),
        height,
    );
    (panel.len(), rows)
}
