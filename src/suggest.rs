//! "Did you mean ...?" for misspelled fields and ids.

use crate::diag::Message;

/// Edit distance counted in characters, where swapping two neighbours
/// ("titel" for "title") counts as one edit (optimal string alignment).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// The candidates closest to `input` (case-insensitive), best first, if close enough
/// to be a plausible typo: at most a third of the longer string, and at least 1 edit.
///
/// The work is bounded whatever the input's length (a 10,000-character id on
/// the command line): the edit distance is computed only for candidates whose
/// length leaves it a chance, or that share a long enough beginning.
pub fn nearest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let lower = input.to_lowercase();
    let input_len = lower.chars().count();
    let shared = |c: &str| {
        lower
            .chars()
            .zip(c.to_lowercase().chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let c_len = c.chars().count();
            let len = input_len.max(c_len);
            // A typo, or an abbreviation of a long name ("local-govt").
            let n = shared(c);
            let by_prefix =
                n >= 4.max(input_len * 2 / 3) || (n >= 3 && (n == input_len || n == c_len));
            let allowed = (len / 3).max(1);
            // The distance is at least the difference in length.
            if !by_prefix && input_len.abs_diff(c_len) > allowed {
                return None;
            }
            let d = distance(&lower, &c.to_lowercase());
            (d <= allowed || by_prefix).then_some((d, c))
        })
        .collect();
    // Fewest edits first; among equals, the longest shared beginning (A.7.1x before A.5.15).
    scored.sort_by_key(|(d, c)| (*d, std::cmp::Reverse(shared(c)), *c));
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

/// "; did you mean `a`?" or "; did you mean `a` or `b`?" or "" (in both languages).
pub fn did_you_mean(options: &[&str]) -> Message {
    let quoted: Vec<String> = options.iter().map(|o| format!("`{o}`")).collect();
    match quoted.as_slice() {
        [] => Message::default(),
        [one] => Message::new(
            format!("（{one} の誤りでは？）"),
            format!("; did you mean {one}?"),
        ),
        [init @ .., last] => Message::new(
            format!("（{}、{last} のどれかの誤りでは？）", init.join("、")),
            format!("; did you mean {} or {last}?", init.join(", ")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_field() {
        let fields = ["title", "tags", "summary", "sources", "sector"];
        assert_eq!(nearest("titel", fields, 1), vec!["title"]);
        assert_eq!(nearest("sumary", fields, 1), vec!["summary"]);
        assert_eq!(nearest("source", fields, 1), vec!["sources"]);
        assert!(nearest("zzzzzz", fields, 1).is_empty());
        assert_eq!(
            nearest("local-govt", ["government", "local-government"], 1),
            vec!["local-government"]
        );
    }

    #[test]
    fn ids_find_their_neighbours() {
        let ids = ["A.7.14", "A.7.1", "A.7.4", "A.8.14"];
        assert_eq!(nearest("A.7.15", ids, 2), vec!["A.7.1", "A.7.14"]);
        assert_eq!(
            nearest("A.7.15", ["A.5.15", "A.7.1", "A.7.10"], 2),
            vec!["A.7.1", "A.7.10"]
        );
        assert_eq!(
            did_you_mean(&["a", "b", "c"]).en,
            "; did you mean `a`, `b` or `c`?"
        );
        assert_eq!(
            did_you_mean(&["a", "b", "c"]).ja,
            "（`a`、`b`、`c` のどれかの誤りでは？）"
        );
    }
}
