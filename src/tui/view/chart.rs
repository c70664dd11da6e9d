//! Horizontal bar charts as lines of text: a column of labels, each bar as
//! long as its value over the chart's largest ([`crate::answers::bars`], in
//! eighths of a cell), and the figures in a column of their own at the right.
//! Every line fits the width it is given: a bar never runs into what is beside
//! the chart.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::answers::bars;
use crate::wrap;

/// One bar of a chart.
pub struct Bar {
    pub label: String,
    pub label_style: Style,
    /// What the bar's length is proportional to.
    pub value: usize,
    /// The figure written at the right (`13.0% (3)`).
    pub figure: String,
    pub style: Style,
}

/// The chart's lines, `width` columns at most, scaled to `max` (at least
/// the largest value).
pub fn lines(rows: &[Bar], max: usize, width: usize) -> Vec<Line<'static>> {
    let max = rows.iter().map(|r| r.value).max().unwrap_or(0).max(max);
    let figure_w = rows
        .iter()
        .map(|r| wrap::width(&r.figure))
        .max()
        .unwrap_or(0);
    let label_w = rows
        .iter()
        .map(|r| wrap::width(&r.label))
        .max()
        .unwrap_or(0)
        .min((width / 3).max(4));
    let bar_w = width.saturating_sub(label_w + figure_w + 2);
    rows.iter()
        .map(|r| {
            let label = wrap::truncate(&r.label, label_w);
            let bar = bars::bar(r.value, max, bar_w);
            let used = wrap::width(&bar);
            Line::from(vec![
                Span::styled(wrap::pad(&label, label_w), r.label_style),
                Span::raw(" "),
                Span::styled(bar, r.style),
                Span::raw(" ".repeat(bar_w.saturating_sub(used) + 1)),
                Span::styled(wrap::pad_left(&r.figure, figure_w), r.label_style),
            ])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: usize) -> Bar {
        Bar {
            label: label.into(),
            label_style: Style::new(),
            value,
            figure: format!("{value}"),
            style: Style::new(),
        }
    }

    #[test]
    fn bars_are_proportional_and_fit_the_width() {
        let rows = [
            bar("紛失", 2),
            bar("盗難", 3),
            bar("誤送信", 4),
            bar("不正アクセス", 8),
        ];
        for width in [20, 40, 66, 200] {
            let shown: Vec<String> = lines(&rows, 0, width)
                .iter()
                .map(|l| l.to_string())
                .collect();
            for l in &shown {
                assert_eq!(wrap::width(l), width, "{l}");
            }
            let len = |i: usize| shown[i].chars().filter(|c| "█▏▎▍▌▋▊▉".contains(*c)).count();
            assert!(len(0) >= 1, "{shown:?}");
            assert!(len(3) >= len(2) && len(2) >= len(1) && len(1) >= len(0));
        }
        let wide: Vec<String> = lines(&rows, 0, 44).iter().map(|l| l.to_string()).collect();
        // 44 - 12 (label) - 1 (figure) - 2 = 29 cells for 8: 2 is 7¼ cells, 4 is 14½.
        assert!(wide[0].contains("███████▎ "), "{wide:?}");
        assert!(wide[2].contains("██████████████▌ "), "{wide:?}");
        assert!(wide[3].contains(&"█".repeat(29)), "{wide:?}");
    }
}
