//! Where a node starts, and how deep nodes may nest: what the parser and
//! its error messages share.

use yaml_rust2::scanner::Marker;

/// Deepest nesting accepted. Case files need four levels.
pub const MAX_DEPTH: usize = 64;

/// A 1-based line and column (columns count characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub(super) fn from_marker(m: &Marker) -> Pos {
        Pos {
            line: m.line().max(1) as u32,
            col: m.col() as u32 + 1,
        }
    }
}
