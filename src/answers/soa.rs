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

use std::path::Path;

use crate::catalog::Catalogs;
use crate::control_id::Resolver;
use crate::diag::Diagnostic;
use crate::load::fields::{self, Ctx, Fields, item, join};
use crate::load::read;
use crate::model::ControlRef;
use crate::text::Lines;
use crate::yaml::{Node, Value};

const TOP_FIELDS: &[&str] = &["soa"];
const ENTRY_FIELDS: &[&str] = &["control", "applicable", "reason"];

/// One control's line in the statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Canonical, whatever spelling the file used.
    pub control: ControlRef,
    pub applicable: bool,
    pub reason: Option<String>,
    pub line: u32,
}

/// A loaded statement.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Soa {
    /// As shown in messages.
    pub path: String,
    pub entries: Vec<Entry>,
}

impl Soa {
    /// The entry that decides a control: its own, else the nearest entry for a
    /// node above it (an excluded theme excludes its controls).
    pub fn decision(&self, catalogs: &Catalogs, r: &ControlRef) -> Option<&Entry> {
        let catalog = catalogs.scheme(&r.scheme)?;
        let mut id = Some(r.id.as_str());
        while let Some(current) = id {
            if let Some(e) = self
                .entries
                .iter()
                .find(|e| e.control.scheme == r.scheme && e.control.id == current)
            {
                return Some(e);
            }
            id = catalog.parent(current);
        }
        None
    }
}

/// Reads and checks a statement file. `None` when the file cannot be read at all.
pub fn read_file(path: &Path, catalogs: &Catalogs) -> (Option<Soa>, Vec<Diagnostic>) {
    let shown = path.display().to_string();
    if !path.exists() {
        let d = Diagnostic::error(
            &shown,
            "statement of applicability: no such file (named by --soa or by `soa:` in the config file)",
        );
        return (None, vec![d]);
    }
    let bytes = match read::read_file(path) {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::error(&shown, format!("statement of applicability: {}", e.message));
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
    let empty = "the statement of applicability is empty; it needs `soa:` and a list of {control, applicable, reason}";
    let soa = crate::load::tree(&mut ctx, text, empty)
        .and_then(|root| from_node(&mut ctx, &root, catalogs));
    (soa, ctx.diags)
}

fn from_node(ctx: &mut Ctx, root: &Node, catalogs: &Catalogs) -> Option<Soa> {
    let f = Fields::read(ctx, root, "", "a statement of applicability", TOP_FIELDS)?;
    let list = f
        .require(ctx, "soa", "", "a list of {control, applicable, reason}")
        .and_then(|n| fields::list(ctx, n, "soa", "controls with applicable: true or false"))?;
    let resolver = Resolver::new(catalogs);
    let mut entries: Vec<Entry> = Vec::with_capacity(list.len());
    for (i, n) in list.iter().enumerate() {
        let errors = ctx.diags.iter().filter(|d| d.is_error()).count();
        let Some(e) = entry(ctx, &resolver, n, &item("soa", i)) else {
            continue;
        };
        // Like a case file with an error, an entry with an error does not count.
        if ctx.diags.iter().filter(|d| d.is_error()).count() > errors {
            continue;
        }
        if let Some(first) = entries.iter().find(|x| x.control == e.control) {
            ctx.error(
                n.pos,
                format!(
                    "`{}`: `{}` is already in the statement on line {}; keep one entry per control",
                    item("soa", i),
                    e.control,
                    first.line
                ),
            );
            continue;
        }
        entries.push(e);
    }
    Some(Soa {
        path: ctx.file.to_string(),
        entries,
    })
}

fn entry(ctx: &mut Ctx, resolver: &Resolver, node: &Node, path: &str) -> Option<Entry> {
    let f = Fields::read(
        ctx,
        node,
        path,
        "an entry with `control` and `applicable`",
        ENTRY_FIELDS,
    )?;
    let control = f
        .require(ctx, "control", path, "a control such as iso27001:A.7.14")
        .and_then(|n| {
            let typed = fields::text(ctx, n, &join(path, "control"), Lines::Join)?;
            resolver
                .resolve(&typed)
                .map_err(|e| {
                    ctx.error(
                        n.pos,
                        format!(
                            "`{}`: {}",
                            join(path, "control"),
                            e.message(&typed, &resolver.scheme_names())
                        ),
                    )
                })
                .ok()
        });
    let applicable = f
        .require(ctx, "applicable", path, "true or false")
        .and_then(|n| boolean(ctx, n, &join(path, "applicable")));
    let reason = f
        .get("reason")
        .and_then(|n| fields::text(ctx, n, &join(path, "reason"), Lines::Keep));
    if applicable == Some(false) && reason.is_none() && f.get("reason").is_none() {
        ctx.warning(
            f.pos,
            format!("`{path}`: an excluded control needs its reason (`reason:`); ISO/IEC 27001 6.1.3 d) asks for the justification of every exclusion"),
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
    let found = match &node.value {
        Value::Scalar { text, plain } => {
            let shown = crate::text::line(text.trim());
            let hint = match text.trim() {
                "yes" | "y" | "on" | "適用" | "○" | "有" => "; write `true`",
                "no" | "n" | "off" | "除外" | "適用除外" | "×" | "無" => "; write `false`",
                _ => "",
            };
            if *plain {
                format!("`{shown}`{hint}")
            } else {
                format!("the text \"{shown}\"; write true or false without quotes")
            }
        }
        _ => node.kind().to_string(),
    };
    ctx.error(
        node.pos,
        format!("`{path}`: expected true or false, found {found}"),
    );
    None
}
