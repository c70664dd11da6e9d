//! The document on screen: ratatui lines at a width, and the line where each
//! anchor starts. The browser's state asks this (not the view) how long a
//! case is and where a measure or sentence sits; the view draws the lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Anchor, Block, Document, Inline, Term, Text};
use crate::model::ControlRef;
use crate::wrap;

/// How the screen styles a document, and what it highlights.
pub struct Look<'a> {
    pub title: Style,
    pub heading: Style,
    pub dim: Style,
    pub label: Style,
    pub term: Style,
    pub control: Style,
    pub highlight: Style,
    /// The anchor to highlight (a search hit).
    pub marked: Option<Anchor>,
    /// Whether a control lies in the selected area.
    pub in_area: &'a dyn Fn(&ControlRef) -> bool,
    /// The selected cause or sector, highlighted where it appears.
    pub selected: Option<(Term, &'a str)>,
}

impl Default for Look<'_> {
    fn default() -> Self {
        Look {
            title: Style::new(),
            heading: Style::new(),
            dim: Style::new(),
            label: Style::new(),
            term: Style::new(),
            control: Style::new(),
            highlight: Style::new(),
            marked: None,
            in_area: &|_| false,
            selected: None,
        }
    }
}

/// Lines at a width, and where anchors start.
#[derive(Debug, Default)]
pub struct Screen {
    pub lines: Vec<Line<'static>>,
    pub anchors: Vec<(Anchor, usize)>,
}

impl Screen {
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The first line of an anchor.
    pub fn line_of(&self, anchor: Anchor) -> Option<usize> {
        self.anchors
            .iter()
            .find(|(a, _)| *a == anchor)
            .map(|&(_, l)| l)
    }
}

type Run = (String, Style, Option<Anchor>);

/// Lays the document out at `width` columns.
pub fn render(doc: &Document, width: usize, look: &Look) -> Screen {
    let mut s = Screen::default();
    let mut aside = false;
    for block in &doc.blocks {
        match block {
            Block::Heading {
                level,
                text,
                anchor,
            } => {
                let style = if *anchor == look.marked && anchor.is_some() {
                    look.highlight
                } else if *level == 1 {
                    look.title
                } else {
                    look.heading
                };
                if *level > 1 || !s.is_empty() {
                    s.lines.push(Line::raw(""));
                }
                let prefix = if *level > 1 { "■ " } else { "" };
                let runs = runs(text, style, *anchor, look);
                s.add(Span::styled(prefix, look.heading), &runs, width);
            }
            Block::Byline(text) => {
                let runs = runs(text, look.dim, None, look);
                s.add(Span::raw(""), &runs, width);
            }
            Block::Paragraph(text) => {
                let runs = runs(text, Style::new(), None, look);
                s.add(Span::raw("  "), &runs, width);
            }
            Block::List(list) => {
                for (i, item) in list.items.iter().enumerate() {
                    let prefix = if list.numbered {
                        format!("  {}. ", i + 1)
                    } else {
                        format!("  {}", super::plain::bullet(doc.lang))
                    };
                    let marked = item.anchor.is_some() && item.anchor == look.marked;
                    let base = if marked { look.highlight } else { Style::new() };
                    let runs = runs(&item.text, base, item.anchor, look);
                    s.add(Span::raw(prefix.clone()), &runs, width);
                    if !item.refs.is_empty() {
                        let mut ids: Vec<Run> = Vec::new();
                        for (j, r) in item.refs.iter().enumerate() {
                            if j > 0 {
                                ids.push(("  ".into(), Style::new(), None));
                            }
                            ids.push((r.id(), control_style(&r.control, look), None));
                        }
                        let pad = " ".repeat(wrap::width(&prefix));
                        s.add(Span::raw(pad), &ids, width);
                    }
                }
            }
            Block::Table(table) => {
                let header = table.header.join("  ");
                s.add(Span::raw(""), &[(header, look.heading, None)], width);
                for row in &table.rows {
                    let mut cells: Vec<Run> = Vec::new();
                    for (j, cell) in row.iter().enumerate() {
                        if j > 0 {
                            cells.push(("  ".into(), Style::new(), None));
                        }
                        cells.extend(runs(cell, Style::new(), None, look));
                    }
                    s.add(Span::raw(""), &cells, width);
                }
            }
            Block::PageBreak => {}
            Block::Aside { text, anchor } => {
                if !aside {
                    s.lines.push(Line::raw(""));
                    aside = true;
                }
                let style = if anchor.is_some() && *anchor == look.marked {
                    look.highlight
                } else {
                    look.dim
                };
                let runs = runs(text, style, *anchor, look);
                s.add(Span::raw(""), &runs, width);
            }
        }
    }
    s
}

fn control_style(r: &ControlRef, look: &Look) -> Style {
    if (look.in_area)(r) {
        look.highlight
    } else {
        look.control
    }
}

/// Styled runs of a text; `anchor` marks the first run (a heading or item).
fn runs(text: &Text, base: Style, anchor: Option<Anchor>, look: &Look) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (i, piece) in text.0.iter().enumerate() {
        let a = if i == 0 { anchor } else { None };
        let run = match piece {
            Inline::Plain(p) => (p.clone(), base, a),
            Inline::Label(p) => (p.clone(), look.label, a),
            Inline::Break => ("\n".into(), base, a),
            Inline::Anchored { text, anchor } => {
                let style = if Some(*anchor) == look.marked {
                    look.highlight
                } else {
                    base
                };
                (text.clone(), style, Some(*anchor))
            }
            Inline::Term { kind, id, title } => {
                let style = if look.selected == Some((*kind, id.as_str())) {
                    look.highlight
                } else if *kind == Term::Cause {
                    look.term
                } else {
                    base
                };
                (title.clone(), style, a)
            }
            Inline::Control(r) => (r.id(), control_style(&r.control, look), a),
            Inline::Citation(c) => (super::plain::citation(c), base, a),
        };
        out.push(run);
    }
    out
}

impl Screen {
    /// Wraps runs after a prefix and records where anchored runs start.
    fn add(&mut self, prefix: Span<'static>, runs: &[Run], width: usize) {
        let parts: Vec<(String, Style)> = runs.iter().map(|(t, s, _)| (t.clone(), *s)).collect();
        let (lines, starts) = wrap_runs(prefix, &parts, width);
        let base = self.lines.len();
        for ((_, _, anchor), start) in runs.iter().zip(starts) {
            if let Some(a) = anchor
                && !self.anchors.iter().any(|(x, _)| x == a)
            {
                self.anchors.push((*a, base + start));
            }
        }
        self.lines.extend(lines);
    }
}

/// Wraps styled text to `width` columns after a first-line `prefix`; later lines
/// are indented by the prefix's width (a hanging indent).
pub fn paragraph(
    prefix: Span<'static>,
    parts: &[(String, Style)],
    width: usize,
) -> Vec<Line<'static>> {
    wrap_runs(prefix, parts, width).0
}

/// [`paragraph`], and the line on which each part starts.
fn wrap_runs(
    prefix: Span<'static>,
    parts: &[(String, Style)],
    width: usize,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let indent = wrap::width(&prefix.content);
    let room = width.saturating_sub(indent).max(4);
    // Each character of the screen form with its style and the part it belongs to.
    let styled: Vec<(char, Style, usize)> = parts
        .iter()
        .enumerate()
        .flat_map(|(p, (t, s))| {
            let shown: Vec<char> = crate::width::screen(t).chars().collect();
            shown.into_iter().map(move |c| (c, *s, p))
        })
        .collect();
    let mut starts = vec![usize::MAX; parts.len()];
    let mut out = Vec::new();
    let mut first = true;
    for para in styled.split(|(c, _, _)| *c == '\n') {
        let chars: Vec<char> = para.iter().map(|(c, _, _)| *c).collect();
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
            for &(c, s, p) in &para[range] {
                if starts[p] == usize::MAX {
                    starts[p] = out.len();
                }
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
    // A part that starts with a line break (or is empty) starts where the next text does.
    let last = out.len().saturating_sub(1);
    for s in &mut starts {
        if *s == usize::MAX {
            *s = last;
        }
    }
    (out, starts)
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

    #[test]
    fn parts_know_their_first_line() {
        let (lines, starts) = wrap_runs(
            Span::raw(""),
            &[
                ("一二三四五".into(), Style::new()),
                ("六七八九十".into(), Style::new()),
                ("\n終".into(), Style::new()),
            ],
            12,
        );
        assert_eq!(lines.len(), 3);
        assert_eq!(starts, vec![0, 0, 2]);
    }
}
