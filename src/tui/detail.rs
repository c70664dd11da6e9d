//! The detail pane's content: the selected case's document, laid out at the
//! pane's width and styled for the browser's state (the selected area's
//! controls, the selected cause or sector, a search hit). The state asks this
//! for line counts and anchor positions; the view draws the same lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::answers::similar::Feature;
use crate::catalog::Kind;
use crate::document::screen::{self, Look, Screen, paragraph};
use crate::document::{Term, case, collection};
use crate::model::ControlRef;

use super::app::App;
use super::deadlines::Deadlines;

use crate::lang::t;

/// Whether a control reference lies in the area selected in the tree.
pub fn in_selected_area(app: &App, r: &ControlRef) -> bool {
    match (app.catalog(), app.node()) {
        (Some(catalog), Some(node)) if catalog.kind == Kind::Controls => {
            collection::cites(catalog, r, node)
        }
        _ => false,
    }
}

/// The detail of case `index` at `width` columns: its lines and anchors.
pub fn screen(app: &App, index: usize, width: usize) -> Screen {
    let Some(entry) = app.book.entries().get(index) else {
        return Screen::default();
    };
    let today = app.today();
    let mut doc = case::on_screen(entry, &app.book.catalogs, app.env.lang);
    case::with_tracking(&mut doc, &entry.case, Some(today), app.env.lang);
    let th = app.env.theme;
    let in_area = |r: &ControlRef| in_selected_area(app, r);
    let term = app.catalog().and_then(|c| match c.kind {
        Kind::Causes => Some(Term::Cause),
        Kind::Sectors => Some(Term::Sector),
        Kind::Threats => Some(Term::Threat),
        Kind::Controls => None,
    });
    let look = Look {
        title: th.bold(),
        heading: th.heading(),
        dim: th.dim(),
        label: th.editorial(),
        term: th.warning(),
        control: th.control(),
        highlight: th.highlight(),
        marked: app.panes.detail.highlight,
        in_area: &in_area,
        selected: term.zip(app.node()),
    };
    let mut out = screen::render(&doc, width, &look);
    if app.panes.case == Some(index) && !app.panes.detail.similar.is_empty() {
        similar(app, &mut out.lines, width);
    }
    // What is due on the browser's day comes first.
    let notes = Deadlines::of(&app.book, index, today).notes(today, app.env.lang);
    if !notes.is_empty() {
        let mut lines = Vec::new();
        for (i, note) in notes.into_iter().enumerate() {
            let indent = Span::raw(if i == 0 { "" } else { "  " });
            lines.extend(paragraph(indent, &[(note, th.warning())], width));
        }
        lines.push(Line::raw(""));
        let n = lines.len();
        out.lines.splice(0..0, lines);
        for (_, line) in &mut out.anchors {
            *line += n;
        }
    }
    if app.is_stale(index) {
        // The note goes first; anchors move down with the lines.
        let note = paragraph(
            Span::raw(""),
            &[(app.stale_note().to_string(), th.warning())],
            width,
        );
        let n = note.len();
        out.lines.splice(0..0, note);
        for (_, line) in &mut out.anchors {
            *line += n;
        }
    }
    out
}

/// The similar cases, last: date, organization and title, then what is shared.
/// Enter in the detail chooses one, Enter again opens it.
fn similar(app: &App, out: &mut Vec<Line<'static>>, width: usize) {
    let th = app.env.theme;
    let lang = app.env.lang;
    let cats = &app.book.catalogs;
    out.push(Line::raw(""));
    let hint = if app.panes.detail.similar_cursor.is_some() {
        t(
            lang,
            "（↑↓ で選び Enter で開く・Esc で戻る）",
            " (↑↓ choose, Enter opens, Esc back)",
        )
    } else {
        t(lang, "（Enter で選ぶ）", " (Enter to choose)")
    };
    out.push(Line::from(vec![
        Span::styled(
            format!("■ {}", t(lang, "似ている事例", "Similar cases")),
            th.heading(),
        ),
        Span::styled(hint, th.dim()),
    ]));
    for (i, s) in app.panes.detail.similar.iter().enumerate() {
        let case = &app.book.entries()[s.index].case;
        let style = if app.panes.detail.similar_cursor == Some(i) {
            th.selected(true)
        } else {
            Style::new()
        };
        let text = format!(
            "{} {} — {}",
            case.date().date(),
            case.organization,
            case.title
        );
        out.extend(paragraph(
            Span::styled(format!("  {}. ", i + 1), style),
            &[(text, style)],
            width,
        ));
        let shared: Vec<String> = s
            .shared
            .iter()
            .map(|f| match f {
                Feature::Cause(c) => cats.title_of(Kind::Causes, c, lang),
                Feature::Tag(tag) => format!("#{tag}"),
                Feature::Control(r) => r.to_string(),
            })
            .collect();
        let label = t(lang, "共通: ", "shared: ");
        out.extend(paragraph(
            Span::raw("     "),
            &[(format!("{label}{}", shared.join("  ")), th.dim())],
            width,
        ));
    }
}
