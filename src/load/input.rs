//! What loading reads (the bundled casebook, a directory, a file), and the
//! small helpers every part of loading shares.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// One thing to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// The casebook compiled into the binary.
    Bundled,
    /// A casebook directory: `cases/` and `catalogs/` inside it, or case files directly.
    Dir(PathBuf),
    /// A single case file.
    File(PathBuf),
}

impl Input {
    /// A directory, or anything else that exists as a file to read (reading a
    /// FIFO or a device is refused with a clear message, never blocked on).
    pub fn path(path: impl Into<PathBuf>) -> Input {
        let path = path.into();
        match std::fs::metadata(&path) {
            Ok(m) if !m.is_dir() => Input::File(path),
            _ => Input::Dir(path),
        }
    }
}

/// How bundled files are named in diagnostics.
pub const BUNDLED_PREFIX: &str = "bundled:";

pub(super) fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

pub(super) fn with_line(d: Diagnostic, line: Option<u32>) -> Diagnostic {
    match line {
        Some(l) => d.at(l, 1),
        None => d,
    }
}
