//! Plain text: no Markdown symbols, so it pastes cleanly into Word or
//! PowerPoint. With a width it is wrapped for a terminal, following the
//! Japanese line-breaking rules, with hanging indents.

use super::{Block, Citation, Document, Inline, Ref, Table, Text};
use crate::wrap;

/// The whole document; `width` wraps it.
pub fn render(doc: &Document, width: Option<usize>) -> String {
    let mut out: Vec<String> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level: 1, text, .. } => {
                if !out.is_empty() {
                    out.push(String::new());
                }
                out.push(fill("", &inline_text(text), width));
            }
            Block::Heading { text, .. } => {
                out.push(String::new());
                out.push(fill("■ ", &inline_text(text), width));
            }
            Block::Byline(text) | Block::Paragraph(text) => {
                for line in inline_text(text).split('\n') {
                    out.push(fill("", line, width));
                }
            }
            Block::List(list) => {
                for (i, item) in list.items.iter().enumerate() {
                    let prefix = if list.numbered {
                        format!("{}. ", i + 1)
                    } else {
                        bullet(doc.lang).to_string()
                    };
                    out.push(fill(&prefix, &inline_text(&item.text), width));
                    if !item.refs.is_empty() {
                        let indent = " ".repeat(wrap::width(&prefix));
                        out.push(fill(&indent, &refs(&item.refs, separator(doc.lang)), width));
                    }
                }
            }
            Block::Table(table) => out.push(self::table(table)),
            Block::Aside { .. } | Block::PageBreak => {}
        }
    }
    out.join("\n") + "\n"
}

/// A table as tab-separated lines, header first.
fn table(table: &Table) -> String {
    let mut lines = vec![table.header.join("\t")];
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| inline_text(c).replace(['\n', '\t'], " "))
            .collect();
        lines.push(cells.join("\t"));
    }
    lines.join("\n")
}

/// A list bullet: `・` in Japanese, `• ` in English.
pub fn bullet(lang: crate::lang::Lang) -> &'static str {
    crate::lang::t(lang, "・", "• ")
}

/// Between control references: `／` in Japanese, ` / ` in English.
pub fn separator(lang: crate::lang::Lang) -> &'static str {
    crate::lang::t(lang, "／", " / ")
}

/// Control ids with their titles: `iso27001:A.7.14 装置の…／ppc:10-5-4 個人データの…`.
pub fn refs(refs: &[Ref], sep: &str) -> String {
    refs.iter().map(reference).collect::<Vec<_>>().join(sep)
}

fn reference(r: &Ref) -> String {
    match &r.title {
        Some(title) if !title.is_empty() => format!("{} {title}", r.id()),
        _ => r.id(),
    }
}

/// `{who}「{title}」({date}) [casebook: {id}] <{url}>`
pub fn citation(c: &Citation) -> String {
    let mut s = c.who.clone();
    if !c.title.is_empty() {
        s.push_str(&format!("「{}」", c.title));
    }
    if let Some(d) = &c.date {
        s.push_str(&format!("({d})"));
    }
    if let Some(id) = &c.id {
        s.push_str(&format!(" [casebook: {id}]"));
    }
    if let Some(url) = &c.url {
        s.push_str(&format!(" <{url}>"));
    }
    s.push_str(&accessed(c));
    s
}

/// `（2026-12-07閲覧）` when the day the page was read is known.
pub fn accessed(c: &Citation) -> String {
    c.accessed
        .map(|d| format!("（{d}閲覧）"))
        .unwrap_or_default()
}

/// Inline pieces as text; a line break is `\n`.
pub fn inline_text(text: &Text) -> String {
    let mut s = String::new();
    for inline in &text.0 {
        match inline {
            Inline::Plain(p) | Inline::Label(p) => s.push_str(p),
            Inline::Anchored { text, .. } => s.push_str(text),
            Inline::Break => s.push('\n'),
            Inline::Term { title, .. } => s.push_str(title),
            Inline::Control(r) => s.push_str(&reference(r)),
            Inline::Citation(c) => s.push_str(&citation(c)),
        }
    }
    s
}

/// Wraps `text` after `prefix` to `width` columns with a hanging indent; no wrapping without a width.
fn fill(prefix: &str, text: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return format!("{prefix}{text}");
    };
    let indent = " ".repeat(wrap::width(prefix));
    let room = width.saturating_sub(indent.len()).max(10);
    wrap::wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{prefix}{l}")
            } else {
                format!("{indent}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
