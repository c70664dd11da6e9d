//! Proportional bars for charts of counts, in eighths of a cell: a bar's
//! length is its count over the largest count of the chart, times the width
//! the chart gives its bars, rounded to the nearest eighth (half up). Equal
//! counts draw equal bars; a count above zero always draws at least an
//! eighth, and zero draws nothing. The browser's statistics view renders
//! these; the shares written beside them come from [`super::tenths`].

/// The eighth-block characters, from one eighth to seven.
const PARTS: [char; 7] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// A bar's length in eighths of a cell: `count` of `max` over `width` cells.
pub fn eighths(count: usize, max: usize, width: usize) -> usize {
    if count == 0 || max == 0 || width == 0 {
        return 0;
    }
    let count = count.min(max) as u128;
    let full = (width * 8) as u128;
    let length = (count * full * 2 + max as u128) / (max as u128 * 2);
    (length as usize).max(1)
}

/// The bar as text: full blocks, then the partial block for the rest.
pub fn bar(count: usize, max: usize, width: usize) -> String {
    let e = eighths(count, max, width);
    let mut s = "█".repeat(e / 8);
    if !e.is_multiple_of(8) {
        s.push(PARTS[e % 8 - 1]);
    }
    s
}

/// Bars for every count of a chart, scaled to its largest count.
pub fn bars(counts: &[usize], width: usize) -> Vec<String> {
    let max = counts.iter().copied().max().unwrap_or(0);
    counts.iter().map(|&c| bar(c, max, width)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_to_their_counts() {
        // The counts of the bundled casebook's causes, on 40 cells.
        let counts = [2, 3, 1, 11, 0, 4, 1, 3, 1, 1, 7, 0, 4];
        let e: Vec<usize> = counts.iter().map(|&c| eighths(c, 11, 40)).collect();
        assert_eq!(e[3], 320, "the largest fills the width");
        assert_eq!(e[0], 58, "2/11 of 320 eighths is 58.2");
        assert_eq!(e[1], e[7], "equal counts, equal bars");
        assert_eq!(e[5], e[12]);
        assert_eq!(e[4], 0, "no case, no bar");
        // Twice the count is twice the bar, within rounding.
        assert!((e[0] as i64 * 2 - e[5] as i64).abs() <= 1);
    }

    #[test]
    fn a_small_count_still_shows() {
        assert_eq!(eighths(1, 1000, 10), 1);
        assert_eq!(bar(1, 1000, 10), "▏");
        assert_eq!(bar(0, 1000, 10), "");
        assert_eq!(bar(2, 2, 3), "███");
        assert_eq!(bar(1, 2, 3), "█▌");
        assert_eq!(bars(&[2, 2, 1], 2), vec!["██", "██", "█"]);
        assert_eq!(bar(5, 0, 10), "");
    }

    #[test]
    fn no_bar_runs_past_its_width() {
        for width in 0..50 {
            for max in 1..30 {
                for count in 0..=max {
                    assert!(eighths(count, max, width) <= width * 8);
                }
            }
        }
        assert_eq!(
            eighths(9, 3, 4),
            32,
            "a count above the maximum is cut at the width"
        );
    }
}
