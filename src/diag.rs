//! Diagnostics: every problem found while loading, as `path:line:col: severity: message`.

use std::fmt;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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

/// A problem found while loading. Its path and message are shown (as text or
/// JSON) only through the text rule: a file name can hold anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    #[serde(serialize_with = "clean_line")]
    pub path: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub severity: Severity,
    #[serde(serialize_with = "clean_line")]
    pub message: String,
}

fn clean_line<S: serde::Serializer>(s: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&crate::text::line(s))
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line: None,
            column: None,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
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
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::text::line(&self.path);
        let message = crate::text::line(&self.message);
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{path}:{l}:{c}: {}: {message}", self.severity),
            (Some(l), None) => write!(f, "{path}:{l}: {}: {message}", self.severity),
            _ => write!(f, "{path}: {}: {message}", self.severity),
        }
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
        let d = Diagnostic::error("cases/a.yaml", "unknown field `titel`").at(3, 1);
        assert_eq!(
            d.to_string(),
            "cases/a.yaml:3:1: error: unknown field `titel`"
        );
        let d = Diagnostic::warning("cases", "no case files found");
        assert_eq!(d.to_string(), "cases: warning: no case files found");
    }
}
