//! The detail pane's content: a case in full, wrapped to the pane's width.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::app::App;
use crate::catalog::Kind;
use crate::model::ControlRef;
use crate::text::thousands;
use crate::wrap;

/// Wraps styled text to `width` columns after a first-line `prefix`; later lines
/// are indented by the prefix's width (a hanging indent).
pub fn paragraph(
    prefix: Span<'static>,
    parts: &[(String, Style)],
    width: usize,
) -> Vec<Line<'static>> {
    let indent = wrap::width(&prefix.content);
    let room = width.saturating_sub(indent).max(4);
    let styled: Vec<(char, Style)> = parts
        .iter()
        .flat_map(|(t, s)| t.chars().map(move |c| (c, *s)))
        .collect();
    let mut out = Vec::new();
    let mut first = true;
    for para in styled.split(|(c, _)| *c == '\n') {
        let chars: Vec<char> = para.iter().map(|(c, _)| *c).collect();
        for range in wrap::break_lines(&chars, room) {
            let lead = if first {
                prefix.clone()
            } else {
                Span::raw(" ".repeat(indent))
            };
            first = false;
            let mut spans = vec![lead];
            let mut run = String::new();
            let mut style = None;
            for &(c, s) in &para[range] {
                if style.is_some_and(|st| st != s) {
                    spans.push(Span::styled(
                        std::mem::take(&mut run),
                        style.unwrap_or_default(),
                    ));
                }
                style = Some(s);
                run.push(c);
            }
            if !run.is_empty() {
                spans.push(Span::styled(
                    run.trim_end().to_string(),
                    style.unwrap_or_default(),
                ));
            }
            out.push(Line::from(spans));
        }
    }
    out
}

pub use crate::lang::t;

/// Whether a control reference lies in the area selected in the tree.
pub fn in_selected_area(app: &App, r: &ControlRef) -> bool {
    let (Some(catalog), Some(node)) = (app.catalog(), app.node()) else {
        return false;
    };
    if catalog.kind != Kind::Controls || r.scheme != catalog.scheme {
        return false;
    }
    let mut current = Some(r.id.as_str());
    while let Some(id) = current {
        if id == node {
            return true;
        }
        current = catalog.parent(id);
    }
    false
}

fn selected_vocabulary(app: &App, kind: Kind, id: &str) -> bool {
    app.catalog().is_some_and(|c| c.kind == kind) && app.node() == Some(id)
}

/// Every line of the detail for case `index`, at `width` columns.
pub fn lines(app: &App, index: usize, width: usize) -> Vec<Line<'static>> {
    let th = app.theme;
    let lang = app.lang;
    let Some(entry) = app.book.entries().get(index) else {
        return Vec::new();
    };
    let case = &entry.case;
    let cats = &app.book.catalogs;
    let mut out: Vec<Line<'static>> = Vec::new();
    let heading = |out: &mut Vec<Line<'static>>, ja: &'static str, en: &'static str| {
        out.push(Line::raw(""));
        out.push(Line::styled(format!("■ {}", t(lang, ja, en)), th.heading()));
    };

    out.extend(paragraph(
        Span::raw(""),
        &[(case.title.clone(), th.bold())],
        width,
    ));
    let sector = cats.title_of(Kind::Sectors, &case.sector, lang);
    let sector_style = if selected_vocabulary(app, Kind::Sectors, &case.sector) {
        th.highlight()
    } else {
        th.dim()
    };
    let mut meta = vec![
        (case.organization.clone(), Style::new()),
        (" ・ ".into(), th.dim()),
        (sector, sector_style),
        (
            format!(" ・ {} {}", t(lang, "公表", "published"), case.published),
            th.dim(),
        ),
    ];
    if let Some(o) = case.occurred {
        meta.push((format!(" ・ {} {o}", t(lang, "発生", "occurred")), th.dim()));
    }
    out.extend(paragraph(Span::raw(""), &meta, width));
    if let Some(a) = &case.affected {
        let mut figures = Vec::new();
        if let Some(p) = a.people {
            figures.push(format!("{}{}", thousands(p), t(lang, "人", " people")));
        }
        if let Some(r) = a.records {
            figures.push(format!("{}{}", thousands(r), t(lang, "件", " records")));
        }
        let mut text = figures.join(" ・ ");
        if !a.data.is_empty() {
            if !text.is_empty() {
                text.push_str(" — ");
            }
            text.push_str(&a.data.join(t(lang, "、", ", ")));
        }
        if !text.is_empty() {
            let prefix = Span::styled(format!("{}: ", t(lang, "影響", "Affected")), th.bold());
            out.extend(paragraph(prefix, &[(text, Style::new())], width));
        }
    }

    heading(&mut out, "概要", "Summary");
    out.extend(paragraph(
        Span::raw("  "),
        &[(case.summary.clone(), Style::new())],
        width,
    ));

    heading(&mut out, "原因", "Root causes");
    for cause in &case.root_causes {
        let label = cats.title_of(Kind::Causes, &cause.category, lang);
        let style = if selected_vocabulary(app, Kind::Causes, &cause.category) {
            th.highlight()
        } else {
            th.warning()
        };
        let parts = [
            (format!("[{label}]"), style),
            (format!(" {}", cause.text), Style::new()),
        ];
        out.extend(paragraph(Span::raw("  ・"), &parts, width));
    }

    heading(&mut out, "再発防止策", "Measures");
    for (i, m) in case.measures.iter().enumerate() {
        let text_style = if app.measure_highlight == Some(i) {
            th.highlight()
        } else {
            Style::new()
        };
        let mut parts = Vec::new();
        if let Some(label) = crate::export::credit_label(m, lang) {
            parts.push((label, th.editorial()));
        }
        parts.push((m.text.clone(), text_style));
        out.extend(paragraph(
            Span::raw(format!("  {}. ", i + 1)),
            &parts,
            width,
        ));
        let mut ids = Vec::new();
        for (j, r) in m.controls.iter().enumerate() {
            if j > 0 {
                ids.push(("  ".to_string(), Style::new()));
            }
            let style = if in_selected_area(app, r) {
                th.highlight()
            } else {
                th.control()
            };
            ids.push((r.to_string(), style));
        }
        let pad = " ".repeat(4 + (i + 1).to_string().len());
        out.extend(paragraph(Span::raw(pad), &ids, width));
    }

    if !case.response.is_empty() {
        heading(&mut out, "発覚後の対応", "Response");
        for r in &case.response {
            out.extend(paragraph(
                Span::raw("  ・"),
                &[(r.clone(), Style::new())],
                width,
            ));
        }
    }

    heading(&mut out, "出典", "Sources");
    for s in &case.sources {
        let date = s.date.map(|d| format!(" ({d})")).unwrap_or_default();
        let text = format!("{}「{}」{date}", s.publisher, s.title);
        out.extend(paragraph(Span::raw("  ・"), &[(text, Style::new())], width));
        if let Some(url) = &s.url {
            out.extend(paragraph(
                Span::raw("    "),
                &[(url.clone(), th.control())],
                width,
            ));
        }
    }

    if !case.tags.is_empty() {
        heading(&mut out, "タグ", "Tags");
        out.extend(paragraph(
            Span::raw("  "),
            &[(case.tags.join(" · "), th.dim())],
            width,
        ));
    }

    out.push(Line::raw(""));
    let id = format!("id: {}   {}", case.id, entry.path);
    out.extend(paragraph(Span::raw(""), &[(id, th.dim())], width));
    if app.case == Some(index) && !app.similar.is_empty() {
        similar(app, &mut out, width);
    }
    out
}

/// The similar cases, last: date, organization and title, then what is shared.
/// Enter in the detail chooses one, Enter again opens it.
fn similar(app: &App, out: &mut Vec<Line<'static>>, width: usize) {
    let th = app.theme;
    let lang = app.lang;
    let cats = &app.book.catalogs;
    out.push(Line::raw(""));
    let hint = if app.similar_cursor.is_some() {
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
    for (i, s) in app.similar.iter().enumerate() {
        let case = &app.book.entries()[s.index].case;
        let style = if app.similar_cursor == Some(i) {
            th.selected(true)
        } else {
            Style::new()
        };
        let text = format!("{} {} — {}", case.published, case.organization, case.title);
        out.extend(paragraph(
            Span::styled(format!("  {}. ", i + 1), style),
            &[(text, style)],
            width,
        ));
        let shared: Vec<String> = s
            .shared
            .iter()
            .map(|f| {
                if let Some(c) = f.strip_prefix("cause:") {
                    cats.title_of(Kind::Causes, c, lang)
                } else if let Some(tag) = f.strip_prefix("tag:") {
                    format!("#{tag}")
                } else {
                    f.clone()
                }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hanging_indent_and_width() {
        let lines = paragraph(
            Span::raw("  1. "),
            &[(
                "委託で情報機器を廃棄するときは破砕作業に立ち会う".into(),
                Style::new(),
            )],
            20,
        );
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert!(text[0].starts_with("  1. 委託"), "{text:?}");
        assert!(text[1].starts_with("     "), "{text:?}");
        assert!(text.iter().all(|l| wrap::width(l) <= 20), "{text:?}");
    }
}
