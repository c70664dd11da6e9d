//! Column widths that fit their content: every column at least as wide as its
//! widest unbreakable token (a control id, a date, a number: never split), the
//! rest of the room shared by how much more each column would like.
//!
//! Widths are in ems of the table's font: a kanji or kana is 1, Latin text
//! about 0.6 (proportional fonts vary; this errs on the wide side).

/// The width of text in ems.
pub fn ems(s: &str) -> f64 {
    s.chars()
        .map(|c| match crate::wrap::char_width(c) {
            0 => 0.0,
            1 => 0.6,
            _ => 1.0,
        })
        .sum()
}

/// The narrowest a cell can be: its widest token that must stay on one line.
/// Japanese text may break between any characters, but a column narrower than
/// eight characters reads badly (an organization's name broken in two), so
/// that is its floor (or the text's width). A web address breaks where it
/// must (Word and LibreOffice break a word wider than its cell): it asks for
/// [`URL_EMS`] at most.
pub fn min_ems(s: &str) -> f64 {
    let mut widest: f64 = 0.0;
    for line in s.lines() {
        for token in line.split([' ', '　']) {
            let w = if token.contains("://") {
                ems(token).min(URL_EMS)
            } else if token.is_ascii() {
                ems(token.trim_end_matches(','))
            } else {
                ems(token).min(8.0)
            };
            widest = widest.max(w);
        }
    }
    widest
}

/// The most a web address asks for before it breaks.
pub const URL_EMS: f64 = 16.0;

/// The widest line of a cell.
pub fn natural_ems(s: &str) -> f64 {
    s.lines().map(ems).fold(0.0, f64::max)
}

/// Column widths for a table of `columns[column][row]` texts (the header
/// among them) within `total`, each column `pad` wider than its text.
pub fn fit(columns: &[Vec<String>], total: f64, pad: f64) -> Vec<f64> {
    let min: Vec<f64> = columns
        .iter()
        .map(|c| c.iter().map(|s| min_ems(s)).fold(0.0, f64::max) + pad)
        .collect();
    let max: Vec<f64> = columns
        .iter()
        .zip(&min)
        .map(|(c, &m)| (c.iter().map(|s| natural_ems(s)).fold(0.0, f64::max) + pad).max(m))
        .collect();
    let (sum_min, sum_max): (f64, f64) = (min.iter().sum(), max.iter().sum());
    if sum_max <= total {
        // Everything fits on one line: the widest column takes the spare room.
        let mut out = max.clone();
        if let Some(widest) = (0..out.len()).max_by(|&a, &b| max[a].total_cmp(&max[b])) {
            out[widest] += total - sum_max;
        }
        return out;
    }
    if sum_min >= total {
        return min;
    }
    let spare = total - sum_min;
    let wish = sum_max - sum_min;
    min.iter()
        .zip(&max)
        .map(|(lo, hi)| lo + spare * (hi - lo) / wish)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_never_narrower_than_themselves() {
        let cols = vec![
            vec![
                "管理策".to_string(),
                "iso27001:A.7.14, ppc:10-5-4".to_string(),
            ],
            vec![
                "名称".to_string(),
                "装置のセキュリティを保った処分又は再利用".repeat(4),
            ],
        ];
        let w = fit(&cols, 30.0, 0.5);
        assert!(w[0] >= ems("iso27001:A.7.14") + 0.5, "{w:?}");
        assert!((w.iter().sum::<f64>() - 30.0).abs() < 1e-6, "{w:?}");
    }

    #[test]
    fn a_web_address_breaks_rather_than_squeeze_the_other_columns() {
        let url = "https://www3.nhk.or.jp/news/html/20220623/k10013684811000.html";
        assert_eq!(min_ems(url), URL_EMS);
        assert_eq!(min_ems("iso27001:A.7.14"), ems("iso27001:A.7.14"));
    }

    #[test]
    fn spare_room_goes_to_the_widest_column() {
        let cols = vec![vec!["#".to_string()], vec!["公表日".to_string()]];
        let w = fit(&cols, 10.0, 0.0);
        assert_eq!(w, vec![0.6, 9.4]);
    }
}
