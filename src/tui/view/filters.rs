//! The filter bar: every condition on the list as a chip, the one chosen for
//! removal (`x`) highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::status::fit;
use crate::lang::{Lang, t};
use crate::tui::app::{App, Mode};

pub fn bar(frame: &mut Frame, app: &App, area: Rect) {
    let th = app.env.theme;
    let lang = app.env.lang;
    let mut spans = vec![Span::styled(
        format!(" {} ", t(lang, "絞り込み:", "Filters:")),
        th.bold(),
    )];
    for (i, chip) in app.chips().into_iter().enumerate() {
        let style = if app.mode() == Mode::Chips && i == app.filters.chip {
            th.selected(true)
        } else {
            th.key()
        };
        spans.push(Span::styled(format!("[{}]", app.chip_label(chip)), style));
        spans.push(Span::raw(" "));
    }
    let n = app.cases().len();
    spans.push(Span::styled(
        match lang {
            Lang::Ja => format!("→ {n}件  x 外す・X すべて外す"),
            Lang::En => format!(
                "→ {}  x remove · X remove all",
                crate::plural::count(n, "case", "cases")
            ),
        },
        th.dim(),
    ));
    frame.render_widget(
        Paragraph::new(Line::from(fit(spans, area.width as usize))),
        area,
    );
}
