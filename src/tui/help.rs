//! The help overlay's lines, generated from the keymap table. Not view code:
//! the state asks it how long the help is, to scroll it.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::detail::{paragraph, t};
use crate::tui::keymap::{self, Context, KEYMAP};
use crate::wrap;

/// Every binding, grouped by where it applies.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let th = app.theme;
    let mut out = Vec::new();
    let key_w = KEYMAP
        .iter()
        .map(|b| wrap::width(&keymap::keys_label(b)))
        .max()
        .unwrap_or(8)
        .min(22)
        + 2;
    for context in [
        Context::Browse,
        Context::Coverage,
        Context::Stats,
        Context::Jump,
        Context::Filter,
        Context::Chips,
        Context::Search,
        Context::Prompt,
        Context::Field,
        Context::Help,
        Context::Diagnostics,
        Context::Overlay,
    ] {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(
            context.title(app.lang).to_string(),
            th.heading(),
        ));
        for binding in KEYMAP.iter().filter(|b| b.context == context) {
            let keys = wrap::pad(&format!("  {}", keymap::keys_label(binding)), key_w + 2);
            out.extend(paragraph(
                Span::styled(keys, th.key()),
                &[(binding.help(app.lang).to_string(), Style::new())],
                width,
            ));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        t(
            app.lang,
            "検索欄では、割り当てのない文字はそのまま入力されます（日本語入力にも対応）。",
            "In the search box, other keys type text (Japanese input methods work).",
        ),
        th.dim(),
    ));
    out
}
