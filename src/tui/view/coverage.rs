//! The coverage view: every control a cell, shaded by its number of cases
//! (characters ·░▒▓█, and colour unless NO_COLOR), its Statement of
//! Applicability flag after the shade: `!` excluded but with precedents, `?`
//! applicable without precedents, `×` excluded. Below: the selected cell, the
//! flagged controls by name, and the legend.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::answers::coverage::{Flag, Row};
use crate::document::screen::paragraph;
use crate::lang::{Lang, t};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::wrap;

pub const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];

/// 0 for no case, else 1..=4 by the share of the largest count.
pub fn level(count: usize, max: usize) -> usize {
    if count == 0 || max == 0 {
        0
    } else {
        (count * 4).div_ceil(max).clamp(1, 4)
    }
}

/// The mark after a cell's shade, and its style.
fn mark(th: Theme, row: &Row) -> (char, Style) {
    match (row.flag, row.applicable) {
        (Some(Flag::ExcludedWithPrecedents), _) => ('!', th.flag(true)),
        (Some(Flag::ApplicableWithoutPrecedents), _) => ('?', th.flag(false)),
        (None, Some(false)) => ('×', th.dim()),
        _ => (' ', Style::new()),
    }
}

fn flag_mark(flag: Flag) -> char {
    match flag {
        Flag::ExcludedWithPrecedents => '!',
        Flag::ApplicableWithoutPrecedents => '?',
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = app.env.theme;
    let lang = app.env.lang;
    let cov = &app.overlays.coverage;
    let title = super::scope_title(
        lang,
        ("管理策の網羅状況", "Control coverage"),
        cov.counted,
        &cov.named,
    );
    let inner = super::framed(frame, app, area, title);
    let width = inner.width as usize;
    let height = inner.height as usize;
    if width < 8 || height == 0 {
        return;
    }

    // The grid, one line per theme (wrapped when it does not fit).
    let mut grid: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    let mut scheme = "";
    let (mut label_w, mut cell_w, mut per_line) = (0, 2, 1);
    for (gi, g) in cov.grid.iter().enumerate() {
        let head = &cov.rows[g.head];
        if head.control.scheme != scheme {
            scheme = &head.control.scheme;
            // Each scheme's grid is laid out on its own: ids as labels, then cells.
            let of_scheme = cov
                .grid
                .iter()
                .filter(|x| cov.rows[x.head].control.scheme == scheme);
            label_w = of_scheme
                .clone()
                .map(|x| wrap::width(&cov.rows[x.head].control.id))
                .max()
                .unwrap_or(3)
                + 1;
            let most = of_scheme.map(|x| x.cells.len()).max().unwrap_or(1);
            let room = width.saturating_sub(label_w).max(2);
            cell_w = (room / most).clamp(2, 4);
            per_line = (room / cell_w).max(1);
            let name = app
                .book
                .catalogs
                .scheme(scheme)
                .map_or(scheme.to_string(), |c| c.short.get(lang).to_string());
            grid.push(Line::styled(name, th.bold()));
        }
        for (chunk_i, chunk) in g.cells.chunks(per_line).enumerate() {
            let label = if chunk_i == 0 {
                head.control.id.as_str()
            } else {
                ""
            };
            let mut spans = vec![Span::styled(wrap::pad(label, label_w), th.dim())];
            for (ci, &i) in chunk.iter().enumerate() {
                let row = &cov.rows[i];
                let col = chunk_i * per_line + ci;
                let selected = cov.cursor == (gi, col);
                if selected {
                    cursor_line = grid.len();
                }
                let lv = level(row.cases, cov.max);
                let (m, m_style) = mark(th, row);
                let shade_n = if cell_w >= 4 { cell_w - 2 } else { cell_w - 1 };
                let mut cell: Vec<Span> = Vec::new();
                if cell_w >= 4 {
                    cell.push(Span::raw(" "));
                }
                cell.push(Span::styled(
                    SHADES[lv].to_string().repeat(shade_n),
                    th.heat(lv),
                ));
                cell.push(Span::styled(m.to_string(), m_style));
                if selected {
                    let sel = th.selected(true);
                    cell = cell
                        .into_iter()
                        .map(|s| {
                            let style = s.style.patch(sel);
                            Span::styled(s.content, style)
                        })
                        .collect();
                }
                spans.extend(cell);
            }
            grid.push(Line::from(spans));
        }
    }

    // What the cursor is on, the flags by name, and the legend.
    let mut below: Vec<Line> = Vec::new();
    if let Some(row) = cov.selected() {
        let state = match row.applicable {
            Some(true) => t(lang, "適用", "applies").to_string(),
            Some(false) => match &row.reason {
                Some(r) => format!("{}: {r}", t(lang, "除外", "excluded")),
                None => t(lang, "除外", "excluded").to_string(),
            },
            None if app.env.soa.is_some() => {
                t(lang, "適用宣言書に記載なし", "not in the SoA").to_string()
            }
            None => String::new(),
        };
        let mut parts = vec![
            (format!("{} ", row.control), th.control()),
            (row.title.clone(), th.bold()),
            (
                match lang {
                    Lang::Ja => format!(" ・ {}件", row.cases),
                    Lang::En => format!(" · {}", crate::plural::count(row.cases, "case", "cases")),
                },
                Style::new(),
            ),
        ];
        let dot = t(lang, " ・ ", " · ");
        if !state.is_empty() {
            parts.push((format!("{dot}{state}"), Style::new()));
        }
        if let Some(flag) = row.flag {
            parts.push((
                format!("{dot}{} {}", flag_mark(flag), flag.label(lang)),
                th.error(),
            ));
        }
        below.extend(paragraph(Span::raw(""), &parts, width));
    }
    if app.env.soa.is_some() {
        for flag in [
            Flag::ExcludedWithPrecedents,
            Flag::ApplicableWithoutPrecedents,
        ] {
            let flagged: Vec<&Row> = cov.rows.iter().filter(|r| r.flag == Some(flag)).collect();
            let list = if flagged.is_empty() {
                t(lang, "なし", "none").to_string()
            } else {
                flagged
                    .iter()
                    .map(|r| match flag {
                        Flag::ExcludedWithPrecedents => format!("{} ({})", r.control, r.cases),
                        Flag::ApplicableWithoutPrecedents => r.control.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("  ")
            };
            let head = format!(
                "{} {} ({}): ",
                flag_mark(flag),
                flag.label(lang),
                flagged.len()
            );
            let style = if flag == Flag::ExcludedWithPrecedents && !flagged.is_empty() {
                th.error()
            } else {
                th.bold()
            };
            below.extend(paragraph(
                Span::raw(""),
                &[(head, style), (list, Style::new())],
                width,
            ));
        }
    } else {
        below.push(Line::styled(
            wrap::truncate(
                t(
                    lang,
                    "適用宣言書なし（--soa FILE または設定ファイルの soa: で指定）",
                    "No Statement of Applicability (--soa FILE, or soa: in the config file)",
                ),
                width,
            )
            .into_owned(),
            th.dim(),
        ));
    }
    below.extend(by_item(legend(app, cov.max), width));

    // The grid scrolls to keep the cursor in view; what is below stays, cut
    // from the end (the legend first) when the grid would get less than half.
    let grid_room = height
        .saturating_sub(below.len())
        .max(grid.len().min(height / 2))
        .max(1);
    below.truncate(height.saturating_sub(grid_room.min(grid.len()).max(1)));
    let offset = cursor_line.saturating_sub(grid_room.saturating_sub(1));
    let cut = grid.len() > grid_room;
    let mut lines: Vec<Line> = grid.into_iter().skip(offset).take(grid_room).collect();
    if !cut {
        lines.push(Line::raw(""));
    }
    lines.extend(below);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The legend's items: `· 0`, `░ 1-2`, `▒ 3-4` ... (the last with the unit,
/// cases), then `! excluded, precedents`, `? ...`, `× excluded`.
fn legend(app: &App, max: usize) -> Vec<Vec<(String, Style)>> {
    let th = app.env.theme;
    let lang = app.env.lang;
    let mut items = vec![vec![
        (format!("{}", SHADES[0]), th.heat(0)),
        (" 0".to_string(), th.dim()),
    ]];
    for (lv, shade) in SHADES.iter().enumerate().skip(1) {
        let counts: Vec<usize> = (1..=max).filter(|&c| level(c, max) == lv).collect();
        let (Some(first), Some(last)) = (counts.first(), counts.last()) else {
            continue;
        };
        let range = if first == last {
            format!("{first}")
        } else {
            format!("{first}-{last}")
        };
        items.push(vec![
            (shade.to_string(), th.heat(lv)),
            (format!(" {range}"), th.dim()),
        ]);
    }
    if let Some(last) = items.last_mut() {
        last.push((format!("  {}", t(lang, "件", "cases")), th.dim()));
    }
    for (mark, ja, en) in [
        ('!', "除外・先例あり", "excluded, precedents"),
        ('?', "適用・先例なし", "applies, no precedent"),
        ('×', "除外", "excluded"),
    ] {
        items.push(vec![(format!("{mark} {}", t(lang, ja, en)), th.dim())]);
    }
    items
}

/// Items laid out two spaces apart, a line broken between items, never
/// inside one (an item wider than the line is wrapped on lines of its own).
fn by_item(items: Vec<Vec<(String, Style)>>, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for item in items {
        let w: usize = item.iter().map(|(text, _)| wrap::width(text)).sum();
        if used > 0 && used + 2 + w > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if w > width {
            lines.extend(paragraph(Span::raw(""), &item, width));
            continue;
        }
        if used > 0 {
            line.push(Span::raw("  "));
            used += 2;
        }
        line.extend(
            item.into_iter()
                .map(|(text, style)| Span::styled(text, style)),
        );
        used += w;
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::level;

    #[test]
    fn shading_levels_split_the_range_in_four() {
        assert_eq!(level(0, 9), 0);
        assert_eq!(level(1, 9), 1);
        assert_eq!(level(2, 9), 1);
        assert_eq!(level(3, 9), 2);
        assert_eq!(level(9, 9), 4);
        assert_eq!(level(1, 1), 4);
        assert_eq!(level(0, 0), 0);
    }
}
