//! Counts in English: "1 case", "2 cases", "1,284 people". Every English
//! count in the program is written through [`count`], so none says "1 cases".
//! (Japanese counts need no plural: 1件, 2件.)

use crate::text::thousands;

/// `n` and the noun in the number it takes: `count(1, "case", "cases")` is
/// "1 case", `count(0, "case", "cases")` is "0 cases".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n as u64), noun(n, one, many))
}

/// The noun alone, for a number written elsewhere: `noun(1, "error", "errors")`.
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "case", "cases"), "1 case");
        assert_eq!(count(0, "case", "cases"), "0 cases");
        assert_eq!(count(2, "precedent", "precedents"), "2 precedents");
        assert_eq!(count(1, "person", "people"), "1 person");
        assert_eq!(count(48651, "person", "people"), "48,651 people");
        assert_eq!(noun(1, "error", "errors"), "error");
        assert_eq!(noun(11, "warning", "warnings"), "warnings");
    }
}
