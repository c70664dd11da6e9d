//! Setting a measure's `status` (and its `done` / `verified` days) in a case
//! file, the way a person would edit it: only those values change, or a line
//! is added for a field not yet written; every comment, blank line, quote
//! style, flow or block layout and line ending stays as it was.
//!
//! The file's own YAML tree ([`crate::yaml`], with positions) finds the
//! measure; the text is changed at those places, never re-serialized. The
//! result is parsed again and must be the same tree but for the fields set,
//! or nothing is written. [`set_status`] writes the file atomically (a
//! temporary file renamed over it, its permissions kept) and refuses a
//! bundled case.

use std::path::PathBuf;

use crate::casebook::Casebook;
use crate::diag::Message;
use crate::format;
use crate::model::{PartialDate, Progress};
use crate::msg;
use crate::yaml::{self, Node, Pos, Value};

/// What to write into one measure: its status, and the days it was carried
/// out and checked when given (a field not given is left as it is).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub status: Progress,
    pub done: Option<PartialDate>,
    pub verified: Option<PartialDate>,
}

impl Change {
    /// Only the status.
    pub fn status(status: Progress) -> Change {
        Change {
            status,
            done: None,
            verified: None,
        }
    }

    /// The fields to write, in the format's order.
    fn fields(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("status", self.status.id().to_string())];
        out.extend(self.done.map(|d| ("done", d.to_string())));
        out.extend(self.verified.map(|d| ("verified", d.to_string())));
        out
    }
}

/// Sets measure `measure` (counted from 0) of the case file `text` as
/// `change` says and returns the new text. A byte-order mark and the line
/// endings (LF or CRLF) are kept.
pub fn edit(text: &str, measure: usize, change: &Change) -> Result<String, Message> {
    let (bom, body) = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => ("\u{FEFF}", rest),
        None => ("", text),
    };
    let before = tree(body)?;
    let mut current = body.to_string();
    for (name, value) in change.fields() {
        let root = tree(&current)?;
        let node = measure_node(&root, measure)?;
        current = set_field(&current, node, name, &value).ok_or_else(|| layout(measure))?;
    }
    // The same document but for the fields set, or nothing is written.
    let mut expected = Plain::of(&before);
    expected.set(measure, &change.fields());
    if Plain::of(&tree(&current)?) != expected {
        return Err(layout(measure));
    }
    Ok(format!("{bom}{current}"))
}

/// Sets measure `measure` (from 0) of case `case` of `book` in its file and
/// writes the file atomically; returns the file's path. Refuses a bundled
/// case, and a file that no longer holds that measure (changed since it was
/// loaded).
pub fn set_status(
    book: &Casebook,
    case: usize,
    measure: usize,
    change: &Change,
) -> Result<PathBuf, Message> {
    if book.is_bundled(case) {
        return Err(bundled_refused());
    }
    let path = PathBuf::from(book.path(case));
    let shown = crate::text::path(&path);
    let entry = book.fetch(case);
    let Some(loaded) = entry.case.measures.get(measure) else {
        let n = measure + 1;
        return Err(msg!(
            "{shown}: 再発防止策 {n} はありません",
            "{shown}: there is no measure {n}"
        ));
    };
    let read = || -> Result<Vec<u8>, Message> {
        crate::load::read::read_file(&path)
            .map_err(|e| msg!("{shown} を読めません: ", "cannot read {shown}: ").then(&e.message))
    };
    let bytes = read()?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        msg!(
            "{shown} が UTF-8 ではなくなっています",
            "{shown} is no longer UTF-8"
        )
    })?;
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if measure_text(&tree(body)?, measure).as_deref() != Some(loaded.text.as_str()) {
        return Err(msg!(
            "{shown} は読み込んだ後に変更されています（再読み込みしてからもう一度）",
            "{shown} has changed since it was loaded (reload it and try again)"
        ));
    }
    let new = edit(text, measure, change).map_err(|e| msg!("{shown}: ", "{shown}: ").then(&e))?;
    if read()? != bytes {
        return Err(msg!(
            "{shown} は今まさに変更されています（もう一度試してください）",
            "{shown} changed while it was being edited (try again)"
        ));
    }
    crate::export::write::write_file(&path, new.as_bytes(), true).map_err(|e| {
        msg!("{shown} に書き込めません: ", "cannot write {shown}: ").then(&e.reason())
    })?;
    Ok(path)
}

/// Why a bundled case's measure cannot be given a status.
pub fn bundled_refused() -> Message {
    Message::new(
        "同梱の公開事例は書き換えられません。状況はチームの事例に記録します",
        "a bundled public case cannot be changed: status goes in your team's cases",
    )
}

fn tree(text: &str) -> Result<Node, Message> {
    match yaml::parse(text) {
        Ok(Some(root)) => Ok(root),
        Ok(None) => Err(Message::new("ファイルが空です", "the file is empty")),
        Err(e) => {
            let (line, col) = (e.pos.line, e.pos.col);
            Err(msg!("{line}:{col}: ", "{line}:{col}: ").then(&e.message))
        }
    }
}

fn pairs(node: &Node) -> &[(Node, Node)] {
    match &node.value {
        Value::Map(pairs) => pairs,
        _ => &[],
    }
}

fn key_is(key: &Node, name: &str) -> bool {
    matches!(&key.value, Value::Scalar { text, .. } if text == name)
}

fn measure_node(root: &Node, measure: usize) -> Result<&Node, Message> {
    let n = measure + 1;
    pairs(root)
        .iter()
        .find(|(k, _)| key_is(k, "measures"))
        .and_then(|(_, v)| match &v.value {
            Value::Seq(items) => items.get(measure),
            _ => None,
        })
        .filter(|m| matches!(m.value, Value::Map(_)))
        .ok_or_else(|| {
            msg!(
                "再発防止策 {n}（`measures[{n}]`）がありません",
                "there is no measure {n} (`measures[{n}]`)"
            )
        })
}

/// The text of measure `measure` as the loader reads it.
fn measure_text(root: &Node, measure: usize) -> Option<String> {
    let node = measure_node(root, measure).ok()?;
    let (_, v) = pairs(node).iter().find(|(k, _)| key_is(k, "text"))?;
    let mut ctx = crate::fields::Ctx::new("");
    crate::fields::text(&mut ctx, v, "text", crate::text::Lines::Join)
}

fn layout(measure: usize) -> Message {
    let n = measure + 1;
    msg!(
        "`measures[{n}]` の書き方では状況を自動で書き換えられません（ファイルを直接編集してください）",
        "`measures[{n}]` is written in a way whose status cannot be changed automatically (edit the file by hand)"
    )
}

/// The text with `name: value` set in the measure mapping `node`; None when
/// the field is written in a way this does not edit (a block scalar, an
/// anchor, a value on the next line).
fn set_field(text: &str, node: &Node, name: &str, value: &str) -> Option<String> {
    let lines = Lines::of(text);
    let first_key = lines.offset(text, node.pos);
    let open = text[..first_key].trim_end();
    let flow = open.ends_with('{');
    if let Some((key, _)) = pairs(node).iter().find(|(k, _)| key_is(k, name)) {
        let at = lines.offset(text, key.pos);
        let colon = key_end(text, at)?;
        let mut start = colon + 1;
        while text[start..].starts_with([' ', '\t']) {
            start += 1;
        }
        if text[start..].starts_with(['|', '>', '&', '*', '!', '[', '{']) {
            return None;
        }
        let end = value_end(text, start, flow);
        let old = &text[start..end];
        let written = match old.chars().next() {
            Some(q @ ('"' | '\'')) => format!("{q}{value}{q}"),
            _ => value.to_string(),
        };
        let written = if start == colon + 1 {
            format!(" {written}")
        } else {
            written
        };
        return Some(splice(text, start, end, &written));
    }
    if flow {
        let close = flow_end(text, open.len() - 1)?;
        let last = text[..close].trim_end().len();
        return Some(splice(text, last, last, &format!(", {name}: {value}")));
    }
    // A block mapping: a line of its own at the keys' indentation, before the
    // first field the format puts after this one, else after the mapping.
    let indent = " ".repeat(node.pos.col.saturating_sub(1) as usize);
    let order = |n: &str| format::MEASURE.iter().position(|f| f.name == n);
    let rank = order(name);
    let before = pairs(node)
        .iter()
        .filter(|(k, _)| k.pos.line != node.pos.line)
        .filter(|(k, _)| match &k.value {
            Value::Scalar { text, .. } => order(text) > rank,
            _ => false,
        })
        .map(|(k, _)| k.pos.line)
        .min();
    let line_no = match before {
        // Above the comment lines that introduce that field.
        Some(mut l) => {
            while l - 1 > node.pos.line && lines.is_comment_at(text, l - 1, &indent) {
                l -= 1;
            }
            l - 1
        }
        None => lines.last_content(text, node.pos.line, indent.len()),
    };
    let eol = lines.ending(text, line_no);
    let at = lines.end_of(text, line_no);
    let mut added = String::new();
    if at == text.len() && !text.ends_with('\n') {
        added.push_str(eol);
    }
    added.push_str(&format!("{indent}{name}: {value}{eol}"));
    Some(splice(text, at, at, &added))
}

fn splice(text: &str, start: usize, end: usize, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..start]);
    out.push_str(with);
    out.push_str(&text[end..]);
    out
}

/// The `:` after the key starting at `at` (a plain or quoted key).
fn key_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let after = match rest.chars().next()? {
        q @ ('"' | '\'') => at + quoted_len(rest, q)?,
        _ => at,
    };
    let colon = text[after..].find(':')? + after;
    text[after..colon]
        .chars()
        .all(|c| !matches!(c, '\n' | '\r' | '#'))
        .then_some(colon)
}

/// The length of the quoted scalar at the start of `s`, quotes included.
fn quoted_len(s: &str, quote: char) -> Option<usize> {
    let mut chars = s.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                // '' inside single quotes is an escaped quote.
                if quote == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                    chars.next();
                } else {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Where the scalar starting at `start` ends: after its closing quote, or a
/// plain scalar's last character before a comment, the line's end or (in a
/// flow mapping) `,`, `}` or `]`.
fn value_end(text: &str, start: usize, flow: bool) -> usize {
    let rest = &text[start..];
    if let Some(q @ ('"' | '\'')) = rest.chars().next() {
        return start + quoted_len(rest, q).unwrap_or(0);
    }
    let mut end = start;
    let mut prev = ' ';
    for (i, c) in rest.char_indices() {
        let stop = matches!(c, '\n' | '\r')
            || (c == '#' && prev.is_whitespace())
            || (flow && matches!(c, ',' | '}' | ']'));
        if stop {
            break;
        }
        if !c.is_whitespace() {
            end = start + i + c.len_utf8();
        }
        prev = c;
    }
    end
}

/// The `}` closing the flow mapping opened at `open`.
fn flow_end(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut prev = ' ';
    let mut i = open;
    while i < text.len() {
        let c = text[i..].chars().next()?;
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            '"' | '\'' if matches!(prev, ' ' | '\t' | '\n' | '{' | '[' | ',' | ':') => {
                i += quoted_len(&text[i..], c)?;
                prev = c;
                continue;
            }
            '#' if prev.is_whitespace() => {
                i += text[i..].find('\n').unwrap_or(text.len() - i);
                continue;
            }
            _ => {}
        }
        prev = c;
        i += c.len_utf8();
    }
    None
}

/// Where each line of a text starts.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn of(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// The byte offset of a 1-based line and (character) column.
    fn offset(&self, text: &str, pos: Pos) -> usize {
        let start = self.start(pos.line);
        let line = &text[start..];
        line.char_indices()
            .nth(pos.col.saturating_sub(1) as usize)
            .map_or(text.len(), |(i, _)| start + i)
    }

    fn start(&self, line: u32) -> usize {
        self.starts
            .get(line.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(usize::MAX)
    }

    /// The text of a 1-based line, without its line ending.
    fn line<'t>(&self, text: &'t str, line: u32) -> &'t str {
        let start = self.start(line).min(text.len());
        let rest = &text[start..];
        let end = rest.find('\n').unwrap_or(rest.len());
        rest[..end].trim_end_matches('\r')
    }

    /// The offset just after a line's ending (the text's end on its last line).
    fn end_of(&self, text: &str, line: u32) -> usize {
        let start = self.start(line).min(text.len());
        text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1)
    }

    /// The line ending to write after `line`: its own, else the text's first.
    fn ending(&self, text: &str, line: u32) -> &'static str {
        let start = self.start(line).min(text.len());
        let own = &text[start..];
        let sample = match own.find('\n') {
            Some(i) => &own[..=i],
            None => text.split_inclusive('\n').next().unwrap_or(""),
        };
        if sample.ends_with("\r\n") {
            "\r\n"
        } else {
            "\n"
        }
    }

    /// Whether a line is a comment starting at the given indentation.
    fn is_comment_at(&self, text: &str, line: u32, indent: &str) -> bool {
        self.line(text, line)
            .strip_prefix(indent)
            .is_some_and(|rest| rest.starts_with('#'))
    }

    /// The last line holding something of the block mapping whose first key
    /// is on `first` at indentation `indent`: lines indented at least as much
    /// (comment and blank lines only when more content follows).
    fn last_content(&self, text: &str, first: u32, indent: usize) -> u32 {
        let mut last = first;
        for line in first + 1..=self.starts.len() as u32 {
            let l = self.line(text, line);
            let body = l.trim_start_matches(' ');
            if body.is_empty() || body.starts_with('#') {
                continue;
            }
            if l.len() - body.len() < indent {
                break;
            }
            last = line;
        }
        last
    }
}

/// A YAML tree without positions or quoting, its mappings in key order: what
/// an edit must keep.
#[derive(Clone, Debug, PartialEq)]
enum Plain {
    Null,
    Scalar(String),
    Seq(Vec<Plain>),
    Map(Vec<(Plain, Plain)>),
}

impl Plain {
    fn of(node: &Node) -> Plain {
        match &node.value {
            Value::Null => Plain::Null,
            Value::Scalar { text, .. } => Plain::Scalar(text.clone()),
            Value::Seq(items) => Plain::Seq(items.iter().map(Plain::of).collect()),
            Value::Map(pairs) => {
                let mut pairs: Vec<(Plain, Plain)> = pairs
                    .iter()
                    .map(|(k, v)| (Plain::of(k), Plain::of(v)))
                    .collect();
                pairs.sort_by(|a, b| format!("{:?}", a.0).cmp(&format!("{:?}", b.0)));
                Plain::Map(pairs)
            }
        }
    }

    /// Sets fields of measure `measure` as an edit should.
    fn set(&mut self, measure: usize, fields: &[(&str, String)]) {
        let Plain::Map(top) = self else { return };
        let Some((_, Plain::Seq(items))) = top
            .iter_mut()
            .find(|(k, _)| *k == Plain::Scalar("measures".into()))
        else {
            return;
        };
        let Some(Plain::Map(pairs)) = items.get_mut(measure) else {
            return;
        };
        for (name, value) in fields {
            let key = Plain::Scalar((*name).into());
            match pairs.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => *v = Plain::Scalar(value.clone()),
                None => pairs.push((key, Plain::Scalar(value.clone()))),
            }
        }
        pairs.sort_by(|a, b| format!("{:?}", a.0).cmp(&format!("{:?}", b.0)));
    }
}
