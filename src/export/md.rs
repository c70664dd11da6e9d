//! Markdown escaping, so case text renders as text.

/// Escapes characters that Markdown (and pandoc) would read as markup.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '$' | '~' | '^'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A table cell: escaped, on one line.
pub fn cell(s: &str) -> String {
    escape(&s.replace(['\n', '\r'], " "))
}

/// A pipe table with a header row.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "| {} |\n",
        header
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    out.push_str(&format!(
        "|{}|\n",
        header.iter().map(|_| "---").collect::<Vec<_>>().join("|")
    ));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("a*b_[c]|d"), "a\\*b\\_\\[c\\]\\|d");
        assert_eq!(cell("一行目\n二行目|"), "一行目 二行目\\|");
    }
}
