//! The Statement of Applicability (適用宣言書): which controls a team applies
//! and which it excludes, with the reason. A YAML file kept beside the casebook
//! (format in docs/soa.md):
//!
//! ```yaml
//! soa:
//!   - control: iso27001:A.7.14
//!     applicable: false
//!     reason: 機器の廃棄は本社が一括して行う
//! ```
//!
//! It is checked like a case file: every problem becomes a diagnostic with its
//! line, and an entry with an error is left out while the others count.

use std::collections::HashMap;
use std::path::Path;

use crate::catalog::Catalogs;
use crate::control_id::Resolver;
use crate::diag::{Diagnostic, Message, phrase};
use crate::fields::{self, Ctx, Fields, item, join};
use crate::load::read;
pub use crate::load::sniff::soa as looks_like;
use crate::model::ControlRef;
use crate::msg;
use crate::text::Lines;
use crate::yaml::{Node, Value};

const TOP_FIELDS: &[&str] = &["soa"];
const ENTRY_FIELDS: &[&str] = &["control", "applicable", "reason"];

/// One control's line in the statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Canonical, whatever spelling the file used.
    pub control: ControlRef,
    pub applicable: bool,
    pub reason: Option<String>,
    pub line: u32,
}

/// A loaded statement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Soa {
    /// As shown in messages.
    pub path: String,
    pub entries: Vec<Entry>,
    /// Each entry by its control (scheme, id): a decision is a lookup, not
    /// a pass over the statement.
    by_control: HashMap<(String, String), usize>,
}

impl Soa {
    /// A statement of these entries (one per control).
    pub fn new(path: String, entries: Vec<Entry>) -> Soa {
        let by_control = entries
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.control.scheme.clone(), e.control.id.clone()), i))
            .collect();
        Soa {
            path,
            entries,
            by_control,
        }
    }

    /// The entry that decides a control: its own, else the nearest entry for a
    /// node above it (an excluded theme excludes its controls).
    pub fn decision(&self, catalogs: &Catalogs, r: &ControlRef) -> Option<&Entry> {
        let catalog = catalogs.scheme(&r.scheme)?;
        let mut key = (r.scheme.clone(), r.id.clone());
        loop {
            if let Some(&i) = self.by_control.get(&key) {
                return self.entries.get(i);
            }
            key.1 = catalog.parent(&key.1)?.to_string();
        }
    }
}

/// Whether the file at `path` is a statement of applicability ([`looks_like`]);
/// false when it cannot be read (reading it as a case says why).
pub fn is_statement_file(path: &Path) -> bool {
    read::read_file(path)
        .ok()
        .and_then(|bytes| read::decode(&bytes).ok().map(looks_like))
        .unwrap_or(false)
}

/// Reads and checks a statement file. `None` when the file cannot be read at all.
pub fn read_file(path: &Path, catalogs: &Catalogs) -> (Option<Soa>, Vec<Diagnostic>) {
    let shown = path.display().to_string();
    if !path.exists() {
        let d = Diagnostic::error(
            &shown,
            phrase(
                "適用宣言書: ファイルがありません（--soa か設定ファイルの `soa:` で指定されたもの）",
                "statement of applicability: no such file (named by --soa or by `soa:` in the config file)",
            ),
        );
        return (None, vec![d]);
    }
    let bytes = match read::read_file(path) {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::error(
                &shown,
                Message::new("適用宣言書: ", "statement of applicability: ").then(&e.message),
            );
            return (None, vec![d]);
        }
    };
    match read::decode(&bytes) {
        Ok(text) => parse(&shown, text, catalogs),
        Err(e) => {
            let mut d = Diagnostic::error(&shown, e.message);
            if let Some(line) = e.line {
                d = d.at(line, 1);
            }
            (None, vec![d])
        }
    }
}

/// Checks a statement's text; `shown` names it in diagnostics.
pub fn parse(shown: &str, text: &str, catalogs: &Catalogs) -> (Option<Soa>, Vec<Diagnostic>) {
    let mut ctx = Ctx::new(shown);
    let empty = phrase(
        "適用宣言書が空です。`soa:` と {control, applicable, reason} のリストが必要です",
        "the statement of applicability is empty; it needs `soa:` and a list of {control, applicable, reason}",
    );
    let soa = crate::fields::tree(&mut ctx, text, empty)
        .and_then(|root| from_node(&mut ctx, &root, catalogs));
    (soa, ctx.diags)
}

fn from_node(ctx: &mut Ctx, root: &Node, catalogs: &Catalogs) -> Option<Soa> {
    let what = phrase("適用宣言書", "a statement of applicability");
    let f = Fields::read(ctx, root, "", what, TOP_FIELDS)?;
    let expected = phrase(
        "{control, applicable, reason} のリスト",
        "a list of {control, applicable, reason}",
    );
    let of = phrase(
        "applicable: true か false を持つ管理策",
        "controls with applicable: true or false",
    );
    let list = f
        .require(ctx, "soa", "", expected)
        .and_then(|n| fields::list(ctx, n, "soa", of))?;
    let resolver = Resolver::new(catalogs);
    let mut entries: Vec<Entry> = Vec::with_capacity(list.len());
    let mut lines: HashMap<ControlRef, u32> = HashMap::with_capacity(list.len());
    for (i, n) in list.iter().enumerate() {
        let before = ctx.diags.len();
        let Some(e) = entry(ctx, &resolver, n, &item("soa", i)) else {
            continue;
        };
        // Like a case file with an error, an entry with an error does not count.
        if ctx.diags[before..].iter().any(|d| d.is_error()) {
            continue;
        }
        if let Some(&line) = lines.get(&e.control) {
            let (at, control) = (item("soa", i), &e.control);
            ctx.error(
                n.pos,
                msg!(
                    "`{at}`: `{control}` は既に{line}行目にあります。1つの管理策に1項目にしてください",
                    "`{at}`: `{control}` is already in the statement on line {line}; keep one entry per control"
                ),
            );
            continue;
        }
        lines.insert(e.control.clone(), e.line);
        entries.push(e);
    }
    Some(Soa::new(ctx.file.to_string(), entries))
}

fn entry(ctx: &mut Ctx, resolver: &Resolver, node: &Node, path: &str) -> Option<Entry> {
    let f = Fields::read(
        ctx,
        node,
        path,
        phrase(
            "`control` と `applicable` を持つ項目",
            "an entry with `control` and `applicable`",
        ),
        ENTRY_FIELDS,
    )?;
    let control = f
        .require(
            ctx,
            "control",
            path,
            phrase(
                "iso27001:A.7.14 のような管理策",
                "a control such as iso27001:A.7.14",
            ),
        )
        .and_then(|n| {
            let typed = fields::text(ctx, n, &join(path, "control"), Lines::Join)?;
            resolver
                .resolve(&typed)
                .map_err(|e| {
                    let at = join(path, "control");
                    ctx.error(
                        n.pos,
                        msg!("`{at}`: ", "`{at}`: ")
                            .then(&e.both(&typed, &resolver.scheme_names())),
                    )
                })
                .ok()
        });
    let applicable = f
        .require(
            ctx,
            "applicable",
            path,
            phrase("true か false", "true or false"),
        )
        .and_then(|n| boolean(ctx, n, &join(path, "applicable")));
    let reason = f
        .get("reason")
        .and_then(|n| fields::text(ctx, n, &join(path, "reason"), Lines::Keep));
    if applicable == Some(false) && reason.is_none() && f.get("reason").is_none() {
        ctx.warning(
            f.pos,
            msg!(
                "`{path}`: 除外する管理策には理由（`reason:`）が必要です。ISO/IEC 27001 の 6.1.3 d) はすべての除外に正当化を求めています",
                "`{path}`: an excluded control needs its reason (`reason:`); ISO/IEC 27001 6.1.3 d) asks for the justification of every exclusion"
            ),
        );
    }
    Some(Entry {
        control: control?,
        applicable: applicable?,
        reason,
        line: f.pos.line,
    })
}

/// `true` or `false`, unquoted.
fn boolean(ctx: &mut Ctx, node: &Node, path: &str) -> Option<bool> {
    if let Value::Scalar { text, plain: true } = &node.value {
        match text.trim() {
            "true" | "True" | "TRUE" => return Some(true),
            "false" | "False" | "FALSE" => return Some(false),
            _ => {}
        }
    }
    let message = match &node.value {
        Value::Scalar { text, plain } => {
            let shown = crate::text::line(text.trim());
            let hint = match text.trim() {
                "yes" | "y" | "on" | "適用" | "○" | "有" => {
                    Message::new("。`true` と書きます", "; write `true`")
                }
                "no" | "n" | "off" | "除外" | "適用除外" | "×" | "無" => {
                    Message::new("。`false` と書きます", "; write `false`")
                }
                _ => Message::default(),
            };
            if *plain {
                msg!(
                    "`{path}`: true か false が必要ですが、`{shown}` が書かれています",
                    "`{path}`: expected true or false, found `{shown}`"
                )
                .then(&hint)
            } else {
                msg!(
                    "`{path}`: true か false が必要ですが、文字列 \"{shown}\" が書かれています。引用符を付けずに true か false と書いてください",
                    "`{path}`: expected true or false, found the text \"{shown}\"; write true or false without quotes"
                )
            }
        }
        _ => {
            let kind = node.kind();
            let (kind_ja, kind) = (kind.ja, kind.en);
            msg!(
                "`{path}`: true か false が必要ですが、{kind_ja}が書かれています",
                "`{path}`: expected true or false, found {kind}"
            )
        }
    };
    ctx.error(node.pos, message);
    None
}

#[cfg(test)]
mod tests {
    use super::looks_like;

    #[test]
    fn a_statement_is_told_by_its_first_key() {
        assert!(looks_like("soa:\n  - control: A.7.14\n"));
        assert!(looks_like("\u{FEFF}# 適用宣言書\n\n---\nsoa: []\n"));
        assert!(looks_like("--- soa:\n"));
        assert!(
            looks_like("soa:\n  - control: [A.7.14\n"),
            "a syntax error later"
        );
        assert!(!looks_like("id: a-2024\nsoa:\n"));
        assert!(!looks_like("soap: x\n"));
        assert!(!looks_like("  soa: x\n"), "indented: not a top-level key");
        assert!(!looks_like("- soa: x\n"));
        assert!(!looks_like(""));
    }
}
