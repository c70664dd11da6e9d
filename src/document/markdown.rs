//! Markdown that renders the same in CommonMark, GitHub/GitLab (GFM) and
//! pandoc: ATX headings, lists, pipe tables, links, code spans for ids. No
//! emphasis (its flanking rules fail next to Japanese punctuation); labels are
//! bracketed (`【編集部の教訓】`). Every markup character of case text is
//! escaped, and link destinations are percent-encoded so that no URL can
//! close its link and open another.

use super::{Block, Citation, Document, Inline, List, Ref, Table, Text};

/// The whole document, its headings `shift` levels deeper (a case summary
/// pasted into another document starts at `##`).
pub fn render(doc: &Document, shift: u8) -> String {
    let mut out: Vec<String> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text, .. } => {
                let hashes = "#".repeat(usize::from(level + shift).min(6));
                out.push(format!("{hashes} {}", inline(text)));
            }
            Block::Byline(text) | Block::Paragraph(text) => out.push(inline(text)),
            Block::List(list) => out.push(self::list(list, doc.lang)),
            Block::Table(t) => out.push(table(t)),
            Block::Aside { .. } | Block::PageBreak => continue,
        }
        out.push(String::new());
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n") + "\n"
}

fn list(list: &List, lang: crate::lang::Lang) -> String {
    let mut lines = Vec::new();
    for (i, item) in list.items.iter().enumerate() {
        let marker = if list.numbered {
            format!("{}. ", i + 1)
        } else {
            "- ".to_string()
        };
        let text = inline(&item.text);
        if item.refs.is_empty() {
            lines.push(format!("{marker}{text}"));
        } else {
            // A backslash at the end of a line is a hard line break (CommonMark and pandoc).
            lines.push(format!("{marker}{text}\\"));
            let indent = " ".repeat(marker.len());
            lines.push(format!("{indent}{}", refs(&item.refs, lang)));
        }
    }
    lines.join("\n")
}

/// `` `iso27001:A.7.14` 装置の…／`ppc:10-5-4` 個人データの… ``
fn refs(refs: &[Ref], lang: crate::lang::Lang) -> String {
    refs.iter()
        .map(reference)
        .collect::<Vec<_>>()
        .join(super::plain::separator(lang))
}

fn reference(r: &Ref) -> String {
    match &r.title {
        Some(title) if !title.is_empty() => format!("`{}` {}", r.id(), escape(title)),
        _ => format!("`{}`", r.id()),
    }
}

/// A pipe table with a header row; cells on one line.
fn table(table: &Table) -> String {
    let row = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let mut lines = vec![row(table.header.iter().map(|h| escape(h)).collect())];
    lines.push(format!(
        "|{}|",
        table
            .header
            .iter()
            .map(|_| "---")
            .collect::<Vec<_>>()
            .join("|")
    ));
    for r in &table.rows {
        lines.push(row(r
            .iter()
            .map(|c| inline(c).replace('\n', " "))
            .collect()));
    }
    lines.join("\n")
}

/// Inline pieces as Markdown. Line breaks of the source join the lines
/// (with a space only after Latin text).
pub fn inline(text: &Text) -> String {
    let mut s = String::new();
    for piece in &text.0 {
        match piece {
            Inline::Plain(p) | Inline::Label(p) => s.push_str(&escape(p)),
            Inline::Anchored { text, .. } => s.push_str(&escape(text)),
            Inline::Term { title, .. } => s.push_str(&escape(title)),
            Inline::Break => {
                if s.chars().last().is_some_and(|c| c.is_ascii()) {
                    s.push(' ');
                }
            }
            Inline::Control(r) => s.push_str(&reference(r)),
            Inline::Citation(c) => s.push_str(&citation(c)),
        }
    }
    s
}

/// The citation, its title linked to the URL when known:
/// `{who}「[{title}]({url})」({date}) \[casebook: `{id}`\]`.
pub fn citation(c: &Citation) -> String {
    let mut s = escape(&c.who);
    if !c.title.is_empty() {
        let title = match &c.url {
            Some(url) => link(&c.title, url),
            None => escape(&c.title),
        };
        s.push_str(&format!("「{title}」"));
    }
    if let Some(d) = &c.date {
        s.push_str(&format!("({})", escape(d)));
    }
    if let Some(id) = &c.id {
        s.push_str(&format!(" \\[casebook: `{id}`\\]"));
    }
    s.push_str(&super::plain::accessed(c));
    s
}

/// A link whose destination cannot break out of it.
pub fn link(text: &str, url: &str) -> String {
    format!("[{}]({})", escape(text), destination(url))
}

/// Percent-encodes what could end a link destination or start markup inside
/// it: spaces, controls, `()<>[]`, quotes, backslashes and backticks.
pub fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | '<' | '>' | '[' | ']' | '"' | '\'' | '\\' | '`'
            )
        {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes characters that Markdown (and pandoc) would read as markup.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '$' | '~' | '^' | '@'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("a*b_[c]|d"), "a\\*b\\_\\[c\\]\\|d");
    }

    #[test]
    fn a_destination_cannot_close_its_link() {
        assert_eq!(
            destination("https://x.test/a)[click](javascript:alert(1)"),
            "https://x.test/a%29%5Bclick%5D%28javascript:alert%281%29"
        );
        assert_eq!(
            destination("https://x.test/a b<c>"),
            "https://x.test/a%20b%3Cc%3E"
        );
    }
}
