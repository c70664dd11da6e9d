//! The header line's layout: the program's name, a tab per classification
//! and the `s` hint, fitted to the width. The view draws it and a click
//! finds its tab from the same pieces, so they always agree.

use super::app::App;
use crate::lang::t;
use crate::wrap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    Name,
    /// The tab of classification `i` (an index into `app.panes.tree.schemes`).
    Tab(usize),
    Hint,
    Gap,
}

/// The header's pieces from the left, each with its text (in screen form).
/// When they do not fit, the name goes first, then the hint, then the
/// spaces inside the tabs, then the tabs far from the current one (shown as
/// `‹` and `›`); only where not even two tabs fit are the tabs other than the
/// current one shortened.
pub fn pieces(app: &App, width: usize) -> Vec<(String, Piece)> {
    let labels: Vec<String> = app
        .panes
        .tree
        .schemes
        .iter()
        .map(|name| {
            app.book
                .catalogs
                .scheme(name)
                .map_or(name.clone(), |c| c.short.get(app.env.lang).to_string())
        })
        .collect();
    let build = |name: bool, hint: bool, other: usize, pad: bool| {
        let mut out = Vec::new();
        if name {
            out.push((" casebook ".to_string(), Piece::Name));
            out.push((" ".to_string(), Piece::Gap));
        }
        for (i, label) in labels.iter().enumerate() {
            let label = if i == app.panes.tree.scheme {
                wrap::truncate(label, usize::MAX).into_owned()
            } else {
                wrap::truncate(label, other).into_owned()
            };
            let label = if pad { format!(" {label} ") } else { label };
            out.push((label, Piece::Tab(i)));
            out.push((" ".to_string(), Piece::Gap));
        }
        if hint {
            out.push((
                t(app.env.lang, "[s] 分類を切替", "[s] switch").to_string(),
                Piece::Hint,
            ));
        }
        out
    };
    let fits =
        |p: &Vec<(String, Piece)>| p.iter().map(|(s, _)| wrap::width(s)).sum::<usize>() <= width;
    for (name, hint, pad) in [
        (true, true, true),
        (false, true, true),
        (false, false, true),
        (false, false, false),
    ] {
        let p = build(name, hint, usize::MAX, pad);
        if fits(&p) {
            return p;
        }
    }
    // Too narrow for every tab: a window of whole tabs around the current
    // one, `‹` and `›` standing for the tabs left out (a click on one goes
    // to the nearest hidden tab).
    let window = |start: usize, end: usize| {
        let mut out = Vec::new();
        if start > 0 {
            out.push(("‹".to_string(), Piece::Tab(start - 1)));
            out.push((" ".to_string(), Piece::Gap));
        }
        for (i, label) in labels.iter().enumerate().take(end).skip(start) {
            out.push((label.clone(), Piece::Tab(i)));
            out.push((" ".to_string(), Piece::Gap));
        }
        if end < labels.len() {
            out.push(("›".to_string(), Piece::Tab(end)));
        }
        out
    };
    let current = app.panes.tree.scheme.min(labels.len().saturating_sub(1));
    for count in (2..labels.len()).rev() {
        // Windows of `count` tabs holding the current one, the one that
        // starts earliest first.
        let first = (current + 1).saturating_sub(count);
        for start in first..=current {
            let end = start + count;
            if end > labels.len() {
                break;
            }
            let p = window(start, end);
            if fits(&p) {
                return p;
            }
        }
    }
    let mut other = labels.iter().map(|l| wrap::width(l)).max().unwrap_or(1);
    while other > 1 {
        other -= 1;
        let p = build(false, false, other, false);
        if fits(&p) {
            return p;
        }
    }
    build(false, false, 1, false)
}

/// The classification whose tab is at column `x` of the header.
pub fn tab_at(app: &App, width: usize, x: u16) -> Option<usize> {
    let mut at = 0;
    for (text, piece) in pieces(app, width) {
        let w = wrap::width(&text);
        if (at..at + w).contains(&(x as usize)) {
            return match piece {
                Piece::Tab(i) => Some(i),
                _ => None,
            };
        }
        at += w;
    }
    None
}
