//! The diagnostics overlay's lines: every problem the loader found. Not view
//! code: the state asks it how long the list is, to scroll it.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::diag::Severity;
use crate::tui::app::App;
use crate::tui::detail::{paragraph, t};

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let th = app.theme;
    if app.diagnostics.is_empty() {
        return vec![Line::styled(
            t(
                app.lang,
                "問題はありません。すべてのファイルを読み込みました。",
                "No problems: every file loaded.",
            ),
            th.dim(),
        )];
    }
    let mut out = vec![Line::styled(
        t(
            app.lang,
            "エラーのあるファイルは読み込まれていません。直して casebook validate で確かめてください。",
            "Files with errors were not loaded. Fix them and check with `casebook validate`.",
        ),
        th.dim(),
    )];
    for d in &app.diagnostics {
        out.push(Line::raw(""));
        let (label, style) = match d.severity {
            Severity::Error => (t(app.lang, "エラー", "error"), th.error()),
            Severity::Warning => (t(app.lang, "警告", "warning"), th.warning()),
        };
        let place = match (d.line, d.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", d.path),
            (Some(l), None) => format!("{}:{l}", d.path),
            _ => d.path.clone(),
        };
        let place = crate::text::line(&place).into_owned();
        out.extend(paragraph(
            Span::styled(format!("{label}: "), style),
            &[(place, th.bold())],
            width,
        ));
        let message = crate::text::line(&d.message).into_owned();
        out.extend(paragraph(
            Span::raw("  "),
            &[(message, Style::new())],
            width,
        ));
    }
    out
}
