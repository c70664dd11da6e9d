//! Answers over the whole casebook rather than one case: coverage of the
//! controls against a team's Statement of Applicability, statistics beside the
//! national survey, similar cases, and the filters they all follow. Where
//! cases are counted, each incident counts once ([`once`]).

pub mod bars;
pub mod baselines;
pub mod coverage;
pub mod filter;
pub mod once;
pub mod scope;
pub mod similar;
pub mod soa;
pub mod stats;

/// Each count's share of their sum in tenths of a percent (1000 = 100.0%),
/// each rounded on its own, half up: equal counts show equal shares, and the
/// shares shown may add up to a little more or less than 100.0% (see
/// [`rounding_note`]). All zeros when the counts are.
pub fn tenths(counts: &[usize]) -> Vec<u32> {
    let sum: usize = counts.iter().sum();
    counts.iter().map(|&c| share_tenths(c, sum)).collect()
}

/// `count` of `total` in tenths of a percent, rounded half up; 0 of nothing is 0.
pub fn share_tenths(count: usize, total: usize) -> u32 {
    if total == 0 {
        return 0;
    }
    // Whole numbers only: (count * 1000 + total / 2) / total rounds half up exactly.
    ((count as u128 * 1000 + total as u128 / 2) / total as u128) as u32
}

/// How shown shares are rounded, for a line under every table or chart of them.
pub fn rounding_note(lang: crate::lang::Lang) -> &'static str {
    crate::lang::t(
        lang,
        "割合は小数第1位に四捨五入しています（そのため合計が100.0%にならないことがあります）",
        "Shares are rounded to one decimal place, each on its own (so they may not add up to exactly 100.0%)",
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn equal_counts_have_equal_shares() {
        assert_eq!(super::tenths(&[1, 1, 1]), vec![333, 333, 333]);
        assert_eq!(super::tenths(&[0, 0]), vec![0, 0]);
        assert_eq!(super::tenths(&[3, 0, 1]), vec![750, 0, 250]);
        // Three cases of 23, twice: 13.0% both (the largest remainder gave 13.1% and 13.0%).
        let t = super::tenths(&[2, 5, 2, 3, 0, 3, 4, 0, 1, 3, 0, 0, 0]);
        assert_eq!((t[3], t[5], t[9]), (130, 130, 130));
        assert_eq!(
            t.iter().sum::<u32>(),
            998,
            "rounded each on its own: said under the table"
        );
        assert_eq!(super::share_tenths(1, 8), 125, "12.5 exactly");
        assert_eq!(super::share_tenths(1, 16), 63, "6.25 rounds half up to 6.3");
        assert_eq!(super::share_tenths(2, 3), 667);
    }
}
