//! The search overlay: the query line (with the terminal cursor at the caret, so an
//! input method's candidate window appears there) and two-line result rows.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::lang::Lang;
use crate::lang::t;
use crate::search::{self, Kind, Target};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::search::ROW_LINES;
use crate::wrap;

fn target_label(target: Target, lang: crate::lang::Lang) -> &'static str {
    match target {
        Target::All => t(lang, "すべて", "everything"),
        Target::Measures => t(lang, "再発防止策", "measures"),
        Target::Cases => t(lang, "事例", "cases"),
    }
}

/// `text` with the characters at `positions` styled as matches, cut to `width`
/// columns; a window is chosen so the first match is visible. The text is
/// drawn in screen form, cluster by cluster; a cluster is a match when any
/// character it comes from is.
pub fn highlighted(
    text: &str,
    positions: &[usize],
    width: usize,
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    let (shown, from) = crate::width::screen_map(text);
    // (cluster, width, matched)
    let mut clusters: Vec<(&str, usize, bool)> = Vec::new();
    let mut at = 0;
    for (g, w) in crate::width::clusters(&shown) {
        let n = g.chars().count();
        let lo = from.get(at).copied().unwrap_or(usize::MAX);
        let hi = from.get(at + n).copied().unwrap_or(usize::MAX);
        let p = positions.partition_point(|&x| x < lo);
        clusters.push((g, w, positions.get(p).is_some_and(|&x| x < hi)));
        at += n;
    }
    let first = clusters.iter().position(|c| c.2).unwrap_or(0);
    let lead: usize = clusters[..first].iter().map(|c| c.1).sum();
    let mut start = 0;
    if lead > width / 2 {
        // Start a few characters before the first match.
        start = first.saturating_sub(6);
    }
    let mut spans = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", base));
        used += 1;
    }
    let mut run = String::new();
    let mut run_matched = false;
    // Text that does not fit ends with `…`, which takes a column of its own.
    let rest: usize = clusters[start..].iter().map(|c| c.1).sum();
    let cut = used + rest > width;
    let limit = if cut { width.saturating_sub(1) } else { width };
    for &(g, w, m) in &clusters[start..] {
        if used + w > limit {
            break;
        }
        if m != run_matched && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_matched { matched } else { base },
            ));
        }
        run_matched = m;
        run.push_str(g);
        used += w;
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    if cut && width > 0 {
        spans.push(Span::styled("…", base));
    }
    spans
}

/// A case hit's searched text, its parts (title, organization, summary,
/// causes) separated as the language separates them: the ideographic space
/// search puts between parts reads ` · ` in English. Match positions follow.
fn case_line(case: &crate::model::Case, positions: &[usize], lang: Lang) -> (String, Vec<usize>) {
    let (text, parts) = search::case_parts(case);
    if lang == Lang::Ja {
        return (text, positions.to_vec());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut between = vec![true; chars.len()];
    for part in &parts {
        for i in part.clone() {
            between[i] = false;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = Vec::with_capacity(chars.len());
    let mut shift = 0;
    for (i, &c) in chars.iter().enumerate() {
        at.push(i + shift);
        if between[i] && c == '\u{3000}' {
            out.push_str(" · ");
            shift += 2;
        } else {
            out.push(c);
        }
    }
    let positions = positions
        .iter()
        .filter_map(|&p| at.get(p).copied())
        .collect();
    (out, positions)
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = app.env.theme;
    let lang = app.env.lang;
    let s = &app.overlays.search;
    let count = match lang {
        crate::lang::Lang::Ja => format!("{}件", s.hits.len()),
        crate::lang::Lang::En => crate::plural::count(s.hits.len(), "result", "results"),
    };
    let title = match lang {
        crate::lang::Lang::Ja => format!(
            " 検索 — 対象: {}（Tab） — {count} ",
            target_label(s.target, lang)
        ),
        crate::lang::Lang::En => format!(
            " Search — in: {} (Tab) — {count} ",
            target_label(s.target, lang)
        ),
    };
    let inner = super::framed(frame, app, area, title);
    let width = inner.width as usize;

    // The query line, scrolled so the caret stays visible; a query reopened
    // is shown selected (typing replaces it).
    let prompt = "/ ";
    let room = width.saturating_sub(prompt.len() + 1);
    let (visible, caret) = s.field.window(room);
    let style = if s.field.selected {
        th.selected(true)
    } else {
        Style::new()
    };
    let query = Line::from(vec![
        Span::styled(prompt, th.key()),
        Span::styled(visible, style),
    ]);
    frame.render_widget(Paragraph::new(query), Rect { height: 1, ..inner });
    frame.set_cursor_position(Position::new(
        inner.x + (prompt.len() + caret) as u16,
        inner.y,
    ));
    if inner.height > 1 {
        let rule = Line::styled("─".repeat(width), th.dim());
        frame.render_widget(
            Paragraph::new(rule),
            Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            },
        );
    }

    let results = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let mut lines: Vec<Line> = Vec::new();
    if s.hits.is_empty() {
        let empty = s.field.text.trim().is_empty();
        let text = match search::no_hits_hint(&s.field.text, lang) {
            _ if empty => t(
                lang,
                "再発防止策や事例のことばを入力してください（例: 暗号化、持ち出し、USB、廃棄 立会い、A.7.14）",
                "Type words from measures or cases, in Japanese (暗号化, 廃棄), or a control's title or id (secure disposal, A.7.14)",
            ),
            Some(hint) => hint,
            None => t(lang, "一致する結果はありません", "No matches"),
        };
        lines.extend(crate::document::screen::paragraph(
            Span::raw(""),
            &[(text.to_string(), th.dim())],
            width,
        ));
    }
    let rows = layout::search_rows(area, ROW_LINES);
    for (n, hit) in s.hits.iter().enumerate().skip(s.offset).take(rows) {
        let (case_index, kind) = app.overlays.search.searcher.index.item_of(hit.item);
        let case = &app.book.entries()[case_index].case;
        let selected = n == s.selected;
        let base = if selected {
            th.selected(true)
        } else {
            Style::new()
        };
        let tag = match (kind, lang) {
            (Kind::Measure(_), crate::lang::Lang::Ja) => "策 ",
            (Kind::Case, crate::lang::Lang::Ja) => "例 ",
            (Kind::Measure(_), crate::lang::Lang::En) => "M ",
            (Kind::Case, crate::lang::Lang::En) => "C ",
        };
        let positions = s.positions.get(&hit.item).map(Vec::as_slice).unwrap_or(&[]);
        let (text, positions) = match kind {
            Kind::Case => case_line(case, positions, lang),
            Kind::Measure(_) => (
                search::item_text(&app.book, case_index, kind),
                positions.to_vec(),
            ),
        };
        let positions = positions.as_slice();
        let mut spans = vec![
            Span::styled(if selected { "▶" } else { " " }, base),
            Span::styled(tag, th.dim().patch(base)),
        ];
        // Found through a control, not by its own words: say which.
        if let Some(via) = hit.via {
            let r = app.overlays.search.searcher.index.control(via);
            let label = match lang {
                crate::lang::Lang::Ja => format!("〔{r} 経由〕"),
                crate::lang::Lang::En => format!("[via {r}] "),
            };
            spans.push(Span::styled(label, th.control().patch(base)));
        }
        let used: usize = spans.iter().map(|sp| wrap::width(&sp.content)).sum();
        let room = width.saturating_sub(used);
        spans.extend(highlighted(
            &text,
            positions,
            room,
            base,
            th.matched().patch(base),
        ));
        let used: usize = spans.iter().map(|sp| wrap::width(&sp.content)).sum();
        spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
        lines.push(Line::from(spans));
        let mut meta = format!("   {} · {}", case.organization, case.date().date());
        match kind {
            Kind::Measure(i) => {
                let ids: Vec<String> = case.measures[i as usize]
                    .controls
                    .iter()
                    .map(|r| r.to_string())
                    .collect();
                meta.push_str(&format!(" · {}", ids.join(" ")));
            }
            Kind::Case => meta.push_str(&format!(" · {}", case.title)),
        }
        lines.push(Line::styled(
            wrap::truncate(&meta, width).into_owned(),
            th.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), results);
}
