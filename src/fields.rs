//! Reading typed values out of a [`yaml::Node`] tree, collecting a diagnostic
//! for every problem instead of stopping at the first.

use crate::diag::{Diagnostic, Message, Phrase};
use crate::excel::MAX_CELL;
use crate::msg;
use crate::suggest;
use crate::text::{self, Lines};
use crate::yaml::{self, Node, Pos, Value};

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

    pub fn error(&mut self, pos: Pos, message: impl Into<Message>) {
        self.diags
            .push(Diagnostic::error(self.file, message).at(pos.line, pos.col));
    }

    pub fn warning(&mut self, pos: Pos, message: impl Into<Message>) {
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
        what: Phrase,
        known: &[&str],
    ) -> Option<Self> {
        let Value::Map(pairs) = &node.value else {
            let at = if path.is_empty() {
                String::new()
            } else {
                format!("`{path}`: ")
            };
            let (
                Phrase {
                    ja: what_ja,
                    en: what,
                },
                kind,
            ) = (what, node.kind());
            let (kind_ja, kind) = (kind.ja, kind.en);
            ctx.error(
                node.pos,
                msg!(
                    "{at}{what_ja}（`項目名: 値` の行の並び）が必要ですが、{kind_ja}が書かれています",
                    "{at}expected {what} (a mapping of `field: value` lines), found {kind}"
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
                let (place, kind) = (describe(path), key.kind());
                let (place_ja, place, kind_ja, kind) = (place.ja, place.en, kind.ja, kind.en);
                ctx.error(
                    key.pos,
                    msg!(
                        "{place_ja}: 項目名は単純な語で書きます（{kind_ja}が書かれています）",
                        "{place}: field names must be plain words, found {kind}"
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
                let list = if hint.en.is_empty() {
                    let known = known.join(", ");
                    msg!("（使える項目: {known}）", " (known fields: {known})")
                } else {
                    Message::default()
                };
                let field = join(path, &shown);
                ctx.error(
                    key.pos,
                    msg!("不明な項目 `{field}` です", "unknown field `{field}`")
                        .then(&hint)
                        .then(&list),
                );
                continue;
            }
            if let Some((_, first, _)) = fields.pairs.iter().find(|(n, _, _)| *n == name) {
                let first_line = first.line;
                let field = join(path, &text::reveal(name));
                ctx.error(
                    key.pos,
                    msg!(
                        "項目 `{field}` が2回書かれています（最初は{first_line}行目）。1つにしてください",
                        "field `{field}` appears twice (first on line {first_line}); keep one"
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
        expected: Phrase,
    ) -> Option<&'n Node> {
        let present = self.pairs.iter().find(|(n, _, _)| *n == name);
        let field = join(path, name);
        let Phrase {
            ja: expected_ja,
            en: expected,
        } = expected;
        match present {
            None => {
                ctx.error(
                    self.pos,
                    msg!(
                        "必須の項目 `{field}` がありません。書くもの: {expected_ja}",
                        "missing required field `{field}` ({expected})"
                    ),
                );
                None
            }
            // An empty value's own position is where the next line starts; the name is clearer.
            Some((_, key, v)) if v.value == Value::Null => {
                ctx.error(
                    *key,
                    msg!(
                        "`{field}` が空です。書くもの: {expected_ja}",
                        "`{field}` is empty; expected {expected}"
                    ),
                );
                None
            }
            Some((_, _, v)) => Some(*v),
        }
    }
}

/// The YAML tree of a file's text (a byte-order mark is fine); a syntax error,
/// or `empty` when there is no document, goes to `ctx`.
pub fn tree(ctx: &mut Ctx, text: &str, empty: Phrase) -> Option<yaml::Node> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    match yaml::parse(text) {
        Err(e) => {
            ctx.error(e.pos, e.message);
            None
        }
        Ok(None) => {
            ctx.error(Pos { line: 1, col: 1 }, empty);
            None
        }
        Ok(Some(root)) => Some(root),
    }
}

fn describe(path: &str) -> Message {
    if path.is_empty() {
        Message::new("最上位", "the top level")
    } else {
        msg!("`{path}`", "`{path}`")
    }
}

/// A text longer than a spreadsheet cell holds loads, with a warning: the
/// precedent list's Excel file cuts it (see [`crate::excel`]).
fn over_a_cell(ctx: &mut Ctx, node: &Node, path: &str, text: &str) {
    // Cheap first: UTF-16 is never shorter than a quarter of UTF-8.
    if text.len() / 4 <= MAX_CELL {
        if text.len() <= MAX_CELL {
            return;
        }
        if text.encode_utf16().count() <= MAX_CELL {
            return;
        }
    }
    let n = crate::text::thousands(text.chars().count() as u64);
    let max = crate::text::thousands(MAX_CELL as u64);
    ctx.warning(
        node.pos,
        msg!(
            "`{path}` は{n}文字あります。Excel のセルには{max}文字までしか入らないため、先例一覧の Excel ファイルでは省略されます",
            "`{path}` has {n} characters; an Excel cell holds at most {max}, so the precedent list's Excel file cuts it"
        ),
    );
}

/// "`path` is empty; write some text".
fn empty(path: &str) -> Message {
    msg!(
        "`{path}` が空です。文を書いてください",
        "`{path}` is empty; write some text"
    )
}

/// A non-empty piece of text. Numbers and other plain scalars are read as text.
/// Control characters are made visible (with a warning).
pub fn text(ctx: &mut Ctx, node: &Node, path: &str, lines: Lines) -> Option<String> {
    let Value::Scalar { text: raw, .. } = &node.value else {
        if node.value == Value::Null {
            ctx.error(node.pos, empty(path));
        } else {
            let Phrase {
                ja: kind_ja,
                en: kind,
            } = node.kind();
            ctx.error(
                node.pos,
                msg!(
                    "`{path}`: 文字列が必要ですが、{kind_ja}が書かれています",
                    "`{path}`: expected text, found {kind}"
                ),
            );
        }
        return None;
    };
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        ctx.error(node.pos, empty(path));
        return None;
    }
    if still_todo(ctx, node, raw, path) {
        return None;
    }
    // Nearly all text is clean: one scan, one copy.
    if text::is_clean(trimmed, lines) {
        over_a_cell(ctx, node, path, trimmed);
        return Some(trimmed.to_owned());
    }
    let cleaned = text::clean(trimmed, lines);
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        let shown = text::reveal(trimmed);
        ctx.error(
            node.pos,
            msg!(
                "`{path}` には見えない文字（{shown}）しかありません。文を書いてください",
                "`{path}` holds only invisible characters ({shown}); write some text"
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
            msg!(
                "`{path}` に制御文字または見えない書式文字が含まれています。記号で表示するか取り除きます",
                "`{path}` contains control or invisible formatting characters; they are shown as symbols or removed"
            ),
        );
    }
    over_a_cell(ctx, node, path, cleaned);
    Some(cleaned.to_owned())
}

/// A list; a single value where a list belongs is an error that says how to write one.
pub fn list<'n>(ctx: &mut Ctx, node: &'n Node, path: &str, of: Phrase) -> Option<&'n [Node]> {
    match &node.value {
        Value::Seq(items) => Some(items),
        _ => {
            let (Phrase { ja: of_ja, en: of }, kind) = (of, node.kind());
            let (kind_ja, kind) = (kind.ja, kind.en);
            ctx.error(
                node.pos,
                msg!(
                    "`{path}`: {of_ja}のリスト（`- ` で始まる行、または [a, b]）が必要ですが、{kind_ja}が書かれています",
                    "`{path}`: expected a list of {of} (lines starting with `- `, or [a, b]), found {kind}"
                ),
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
    of: Phrase,
) -> Option<&'n [Node]> {
    let items = list(ctx, node, path, of)?;
    if items.is_empty() {
        let Phrase { ja: of_ja, en: of } = of;
        ctx.error(
            node.pos,
            msg!(
                "`{path}` には1つ以上必要です（{of_ja}）",
                "`{path}` needs at least one item ({of})"
            ),
        );
        return None;
    }
    Some(items)
}

/// A list of non-empty one-line texts.
pub fn text_list(ctx: &mut Ctx, node: &Node, path: &str, of: Phrase) -> Vec<String> {
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
        let Phrase {
            ja: kind_ja,
            en: kind,
        } = node.kind();
        ctx.error(
            node.pos,
            msg!(
                "`{path}`: 整数が必要ですが、{kind_ja}が書かれています",
                "`{path}`: expected a whole number, found {kind}"
            ),
        );
        return None;
    };
    if still_todo(ctx, node, raw, path) {
        return None;
    }
    let raw = raw.trim();
    if raw.bytes().all(|b| b.is_ascii_digit()) && !raw.is_empty() {
        let shown = text::line(raw);
        if !plain {
            ctx.error(
                node.pos,
                msg!(
                    "`{path}`: 整数が必要ですが、文字列 \"{shown}\" が書かれています。引用符を付けずに数字を書いてください",
                    "`{path}`: expected a whole number, found the text \"{shown}\"; write the number without quotes"
                ),
            );
            return None;
        }
        return match raw.parse() {
            Ok(n) => Some(n),
            Err(_) => {
                ctx.error(
                    node.pos,
                    msg!(
                        "`{path}`: {raw} は大きすぎます",
                        "`{path}`: {raw} is too large"
                    ),
                );
                None
            }
        };
    }
    let hint = if raw.chars().any(|c| matches!(c, ',' | '，' | '_'))
        && raw.chars().any(|c| c.is_ascii_digit())
    {
        Message::new(
            "。区切りを入れずに数字だけで書いてください（48,651 ではなく 48651）",
            "; write digits only, without separators (48651, not 48,651)",
        )
    } else if raw.chars().any(|c| c.is_ascii_digit()) {
        Message::new(
            "。数字だけで書いてください（概数は summary に書きます）",
            "; write digits only (an approximate figure belongs in the summary)",
        )
    } else {
        Message::default()
    };
    let shown = text::line(raw);
    ctx.error(
        node.pos,
        msg!(
            "`{path}`: 整数が必要ですが、\"{shown}\" が書かれています",
            "`{path}`: expected a whole number, found \"{shown}\""
        )
        .then(&hint),
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
        Some(f) if f.required => {
            let (ja, en) = (f.ja, f.en);
            msg!(
                "`{path}`: まだ TODO のままです。書くもの: {ja}",
                "`{path}`: still TODO; expected {en}"
            )
        }
        Some(f) => {
            let (ja, en) = (f.ja, f.en);
            msg!(
                "`{path}`: まだ TODO のままです。書くもの: {ja}（不要なら行ごと消します）",
                "`{path}`: still TODO; expected {en} (or delete the line)"
            )
        }
        None => msg!("`{path}`: まだ TODO のままです", "`{path}`: still TODO"),
    };
    ctx.error(node.pos, message);
    true
}
