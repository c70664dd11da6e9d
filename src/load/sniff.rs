//! What a file's text is before it is parsed: a case file, or something that
//! only sits beside them.

/// Whether a file's text is a statement of applicability rather than a case:
/// its first key (after comments, blank lines and `---`) is `soa:`. Read from
/// the lines, so a statement with a syntax error further down is still one.
pub fn soa(text: &str) -> bool {
    let first = text
        .trim_start_matches('\u{FEFF}')
        .lines()
        .map(str::trim_end)
        .find(|l| {
            let t = l.trim_start();
            !(t.is_empty() || t.starts_with('#') || t.starts_with('%') || t == "---")
        });
    first.is_some_and(|l| {
        let l = l.strip_prefix("---").map_or(l, str::trim_start);
        l.strip_prefix("soa")
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    })
}
