//! Diagnostics: every problem found while loading, as `path:line:col: severity: message`.
//!
//! A message is written once, where the problem is found, in Japanese and in
//! English ([`Message`]); it is shown in the interface language. The
//! `path:line:col: error:` part stays as it is in both languages (`error` and
//! `warning` are not translated), so editors and CI parsers read it the same way.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A message in both languages, built once where the problem is found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Message {
    pub ja: String,
    pub en: String,
}

impl Message {
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            ja: ja.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    /// Both languages with `other` appended to each.
    pub fn then(mut self, other: &Message) -> Self {
        self.ja.push_str(&other.ja);
        self.en.push_str(&other.en);
        self
    }
}

impl From<Phrase> for Message {
    fn from(p: Phrase) -> Self {
        Message::new(p.ja, p.en)
    }
}

/// A fixed piece of a message in both languages ("a list" / リスト).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub ja: &'static str,
    pub en: &'static str,
}

/// `phrase("リスト", "a list")`.
pub const fn phrase(ja: &'static str, en: &'static str) -> Phrase {
    Phrase { ja, en }
}

/// A [`Message`] from two format strings, Japanese first; both may name
/// variables in scope (`msg!("{n}行目", "line {n}")`).
#[macro_export]
macro_rules! msg {
    ($ja:literal, $en:literal $(,)?) => {
        $crate::diag::Message::new(format!($ja), format!($en))
    };
}

/// A problem found while loading. Its path and message are shown (as text or
/// JSON) only through the text rule: a file name can hold anything.
///
/// It serializes with both languages (`message: {ja, en}`), so a stored
/// diagnostic can be shown in either; [`Diagnostic::shown`] is the form
/// `validate --format json` prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub severity: Severity,
    pub message: Message,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<Message>) -> Self {
        Diagnostic {
            path: path.into(),
            line: None,
            column: None,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: error: message`, the message in `lang`.
    pub fn display(&self, lang: Lang) -> Display<'_> {
        Display { d: self, lang }
    }

    /// The diagnostic as `validate --format json` prints it: the message in
    /// `lang`, and both languages beside it.
    pub fn shown(&self, lang: Lang) -> Shown {
        Shown {
            path: crate::text::line(&self.path).into_owned(),
            line: self.line,
            column: self.column,
            severity: self.severity,
            message: crate::text::line(self.message.get(lang)).into_owned(),
            message_ja: crate::text::line(&self.message.ja).into_owned(),
            message_en: crate::text::line(&self.message.en).into_owned(),
        }
    }
}

/// A diagnostic as printed in JSON (clean text only).
#[derive(Serialize)]
pub struct Shown {
    pub path: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub severity: Severity,
    pub message: String,
    pub message_ja: String,
    pub message_en: String,
}

/// A diagnostic shown in one language.
pub struct Display<'a> {
    d: &'a Diagnostic,
    lang: Lang,
}

impl fmt::Display for Display<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.d;
        let path = crate::text::line(&d.path);
        let message = crate::text::line(d.message.get(self.lang));
        match (d.line, d.column) {
            (Some(l), Some(c)) => write!(f, "{path}:{l}:{c}: {}: {message}", d.severity),
            (Some(l), None) => write!(f, "{path}:{l}: {}: {message}", d.severity),
            _ => write!(f, "{path}: {}: {message}", d.severity),
        }
    }
}

/// In English (the form tests and logs compare).
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display(Lang::En).fmt(f)
    }
}

/// How many files have an error (and so did not load).
pub fn failed_files(diags: &[Diagnostic]) -> usize {
    let files: std::collections::HashSet<&str> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.path.as_str())
        .collect();
    files.len()
}

/// Counts for the one-line summary.
pub fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_follows_the_compiler_convention() {
        let field = "titel";
        let d = Diagnostic::error(
            "cases/a.yaml",
            msg!("不明な項目 `{field}` です", "unknown field `{field}`"),
        )
        .at(3, 1);
        assert_eq!(
            d.to_string(),
            "cases/a.yaml:3:1: error: unknown field `titel`"
        );
        assert_eq!(
            d.display(Lang::Ja).to_string(),
            "cases/a.yaml:3:1: error: 不明な項目 `titel` です"
        );
        let d = Diagnostic::warning("cases", phrase("事例がありません", "no case files found"));
        assert_eq!(d.to_string(), "cases: warning: no case files found");
        assert_eq!(
            d.display(Lang::Ja).to_string(),
            "cases: warning: 事例がありません"
        );
    }

    #[test]
    fn a_stored_diagnostic_keeps_both_languages() {
        let d = Diagnostic::error("a.yaml", Message::new("日本語", "English")).at(1, 2);
        let json = serde_json::to_string(&d).unwrap();
        let back: Diagnostic = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
        let shown = serde_json::to_value(d.shown(Lang::Ja)).unwrap();
        assert_eq!(shown["message"], "日本語");
        assert_eq!(shown["message_en"], "English");
    }
}
