//! The diagnostics overlay: every problem the loader found.

use crate::tui::app::App;
pub use crate::tui::diagnostics::lines;

pub fn title(app: &App) -> String {
    let errors = app.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = app.diagnostics.len() - errors;
    match app.lang {
        crate::lang::Lang::Ja => {
            format!("読み込みの問題: エラー {errors}件・警告 {warnings}件（Esc で閉じる）")
        }
        crate::lang::Lang::En => {
            format!("Load problems: {errors} errors, {warnings} warnings (Esc closes)")
        }
    }
}
