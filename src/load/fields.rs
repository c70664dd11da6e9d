//! Reading typed values out of a [`yaml::Node`] tree, collecting a diagnostic
//! for every problem instead of stopping at the first.

use crate::diag::Diagnostic;
use crate::suggest;
use crate::text::{self, Lines};
use crate::yaml::{Node, Pos, Value};

/// The file being read and the diagnostics found so far.
pub struct Ctx<'a> {
    pub file: &'a str,
    pub diags: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    pub fn new(file: &'a str) -> Self {
        Ctx {
            file,
            diags: Vec::new(),
        }
    }

    pub fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::error(self.file, message).at(pos.line, pos.col));
    }

    pub fn warning(&mut self, pos: Pos, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::warning(self.file, message).at(pos.line, pos.col));
    }

    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }
}

/// `measures[2].controls` style paths; list items are counted from 1.
pub fn join(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_string()
    } else {
        format!("{parent}.{field}")
    }
}

pub fn item(parent: &str, index: usize) -> String {
    format!("{parent}[{}]", index + 1)
}

/// A mapping's fields, checked against the names a place accepts.
pub struct Fields<'n> {
    pub pos: Pos,
    /// (name, position of the name, value)
    pairs: Vec<(&'n str, Pos, &'n Node)>,
}

impl<'n> Fields<'n> {
    /// Reads `node` as a mapping. Unknown and repeated fields are reported
    /// (with the nearest known name); `what` names the place for messages.
    pub fn read(
        ctx: &mut Ctx,
        node: &'n Node,
        path: &str,
        what: &str,
        known: &[&str],
    ) -> Option<Self> {
        let Value::Map(pairs) = &node.value else {
            let at = if path.is_empty() {
                String::new()
            } else {
                format!("`{path}`: ")
            };
            ctx.error(
                node.pos,
                format!(
                    "{at}expected {what} (a mapping of `field: value` lines), found {}",
                    node.kind()
                ),
            );
            return None;
        };
        let mut fields = Fields {
            pos: node.pos,
            pairs: Vec::with_capacity(pairs.len()),
        };
        for (key, value) in pairs {
            let Value::Scalar { text: name, .. } = &key.value else {
                ctx.error(
                    key.pos,
                    format!(
                        "{}: field names must be plain words, found {}",
                        describe(path),
                        key.kind()
                    ),
                );
                continue;
            };
            let name = name.as_str();
            if !known.contains(&name) {
                // A BOM or zero-width character in a name is shown (<U+FEFF>title),
                // or the message would read "unknown field `title`".
                let shown = text::reveal(name);
                let hint = suggest::did_you_mean(&suggest::nearest(name, known.iter().copied(), 1));
                let list = if hint.is_empty() {
                    format!(" (known fields: {})", known.join(", "))
                } else {
                    String::new()
                };
                ctx.error(
                    key.pos,
                    format!("unknown field `{}`{hint}{list}", join(path, &shown)),
                );
                continue;
            }
            if let Some((_, first, _)) = fields.pairs.iter().find(|(n, _, _)| *n == name) {
                let first_line = first.line;
                ctx.error(
                    key.pos,
                    format!(
                        "field `{}` appears twice (first on line {first_line}); keep one",
                        join(path, &text::reveal(name))
                    ),
                );
                continue;
            }
            fields.pairs.push((name, key.pos, value));
        }
        Some(fields)
    }

    /// The value of an optional field; None when absent or null.
    pub fn get(&self, name: &str) -> Option<&'n Node> {
        self.pairs
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, _, v)| *v)
            .filter(|v| v.value != Value::Null)
    }

    /// The value of a required field; reports it missing (or empty) otherwise.
    pub fn require(
        &self,
        ctx: &mut Ctx,
        name: &str,
        path: &str,
        expected: &str,
    ) -> Option<&'n Node> {
        let present = self.pairs.iter().find(|(n, _, _)| *n == name);
        match present {
            None => {
                ctx.error(
                    self.pos,
                    format!("missing required field `{}` ({expected})", join(path, name)),
                );
                None
            }
            // An empty value's own position is where the next line starts; the name is clearer.
            Some((_, key, v)) if v.value == Value::Null => {
                ctx.error(
                    *key,
                    format!("`{}` is empty; expected {expected}", join(path, name)),
                );
                None
            }
            Some((_, _, v)) => Some(*v),
        }
    }
}

fn describe(path: &str) -> String {
    if path.is_empty() {
        "the top level".into()
    } else {
        format!("`{path}`")
    }
}

/// A non-empty piece of text. Numbers and other plain scalars are read as text.
/// Control characters are made visible (with a warning).
pub fn text(ctx: &mut Ctx, node: &Node, path: &str, lines: Lines) -> Option<String> {
    let Value::Scalar { text: raw, .. } = &node.value else {
        if node.value == Value::Null {
            ctx.error(node.pos, format!("`{path}` is empty; write some text"));
        } else {
            ctx.error(
                node.pos,
                format!("`{path}`: expected text, found {}", node.kind()),
            );
        }
        return None;
    };
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        ctx.error(node.pos, format!("`{path}` is empty; write some text"));
        return None;
    }
    if still_todo(ctx, node, raw, path) {
        return None;
    }
    // Nearly all text is clean: one scan, one copy.
    if text::is_clean(trimmed, lines) {
        return Some(trimmed.to_owned());
    }
    let cleaned = text::clean(trimmed, lines);
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        ctx.error(
            node.pos,
            format!(
                "`{path}` holds only invisible characters ({}); write some text",
                text::reveal(trimmed)
            ),
        );
        return None;
    }
    // A zero-width joiner is removed too, but it is normal inside emoji (👨‍👩‍👧), so it does not warn.
    let had_controls = trimmed
        .chars()
        .any(|c| !matches!(c, '\n' | '\r' | '\t' | '\u{200D}') && text::is_unsafe(c));
    if had_controls {
        ctx.warning(
            node.pos,
            format!("`{path}` contains control or invisible formatting characters; they are shown as symbols or removed"),
        );
    }
    Some(cleaned.to_owned())
}

/// A list; a single value where a list belongs is an error that says how to write one.
pub fn list<'n>(ctx: &mut Ctx, node: &'n Node, path: &str, of: &str) -> Option<&'n [Node]> {
    match &node.value {
        Value::Seq(items) => Some(items),
        _ => {
            ctx.error(
                node.pos,
                format!("`{path}`: expected a list of {of} (lines starting with `- `, or [a, b]), found {}", node.kind()),
            );
            None
        }
    }
}

/// A list that must hold at least one item.
pub fn non_empty_list<'n>(
    ctx: &mut Ctx,
    node: &'n Node,
    path: &str,
    of: &str,
) -> Option<&'n [Node]> {
    let items = list(ctx, node, path, of)?;
    if items.is_empty() {
        ctx.error(node.pos, format!("`{path}` needs at least one item ({of})"));
        return None;
    }
    Some(items)
}

/// A list of non-empty one-line texts.
pub fn text_list(ctx: &mut Ctx, node: &Node, path: &str, of: &str) -> Vec<String> {
    let Some(items) = list(ctx, node, path, of) else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, n)| text(ctx, n, &item(path, i), Lines::Join))
        .collect()
}

/// A whole number written as digits.
pub fn whole_number(ctx: &mut Ctx, node: &Node, path: &str) -> Option<u64> {
    let Value::Scalar { text: raw, plain } = &node.value else {
        ctx.error(
            node.pos,
            format!("`{path}`: expected a whole number, found {}", node.kind()),
        );
        return None;
    };
    if still_todo(ctx, node, raw, path) {
        return None;
    }
    let raw = raw.trim();
    if raw.bytes().all(|b| b.is_ascii_digit()) && !raw.is_empty() {
        if !plain {
            ctx.error(node.pos, format!("`{path}`: expected a whole number, found the text \"{}\"; write the number without quotes", text::line(raw)));
            return None;
        }
        return match raw.parse() {
            Ok(n) => Some(n),
            Err(_) => {
                ctx.error(node.pos, format!("`{path}`: {raw} is too large"));
                None
            }
        };
    }
    let hint = if raw.chars().any(|c| matches!(c, ',' | '，' | '_'))
        && raw.chars().any(|c| c.is_ascii_digit())
    {
        "; write digits only, without separators (48651, not 48,651)"
    } else if raw.chars().any(|c| c.is_ascii_digit()) {
        "; write digits only (an approximate figure belongs in the summary)"
    } else {
        ""
    };
    ctx.error(
        node.pos,
        format!(
            "`{path}`: expected a whole number, found \"{}\"{hint}",
            text::line(raw)
        ),
    );
    None
}

/// `TODO` is what `casebook new` and `casebook draft` write where a value is
/// still to be found: one clear message saying what belongs there.
fn still_todo(ctx: &mut Ctx, node: &Node, raw: &str, path: &str) -> bool {
    if raw.trim() != "TODO" {
        return false;
    }
    let message = match crate::format::at_path(path) {
        Some(f) if f.required => format!("`{path}`: still TODO; expected {}", f.en),
        Some(f) => format!(
            "`{path}`: still TODO; expected {} (or delete the line)",
            f.en
        ),
        None => format!("`{path}`: still TODO"),
    };
    ctx.error(node.pos, message);
    true
}
