//! Answers over the whole casebook rather than one case: coverage of the
//! controls against a team's Statement of Applicability, statistics beside the
//! national survey, similar cases, and the filters they all follow. Where
//! cases are counted, each incident counts once ([`once`]).

pub mod coverage;
pub mod filter;
pub mod once;
pub mod similar;
pub mod soa;
pub mod stats;

/// Splits `total` tenths of a percent (1000 = 100.0%) among `counts` in
/// proportion, by the largest remainder, so the shown shares add up to exactly
/// 100.0. All zeros when the counts are.
pub fn tenths(counts: &[usize]) -> Vec<u32> {
    let sum: usize = counts.iter().sum();
    if sum == 0 {
        return vec![0; counts.len()];
    }
    let exact: Vec<f64> = counts
        .iter()
        .map(|&c| c as f64 * 1000.0 / sum as f64)
        .collect();
    let mut out: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    let given: u32 = out.iter().sum();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &i in order.iter().take(1000u32.saturating_sub(given) as usize) {
        out[i] += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn shares_add_up_to_exactly_100_percent() {
        let t = super::tenths(&[1, 1, 1]);
        assert_eq!(t.iter().sum::<u32>(), 1000);
        assert_eq!(t, vec![334, 333, 333]);
        assert_eq!(super::tenths(&[0, 0]), vec![0, 0]);
        assert_eq!(super::tenths(&[3, 0, 1]), vec![750, 0, 250]);
    }
}
