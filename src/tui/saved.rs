//! What the browser remembers between sessions: the marks, the classification
//! and the selection, in `state.json` in the data directory. A file that
//! cannot be read or makes no sense is ignored (and replaced on the next
//! exit); saving never fails loudly.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::app::App;

const VERSION: u32 = 1;

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    /// The classification shown (`iso27001`, `cause`, ...).
    pub scheme: Option<String>,
    /// The selected area in it.
    pub node: Option<String>,
    /// The selected case's id.
    pub case: Option<String>,
    /// Marked cases' ids.
    #[serde(default)]
    pub marks: Vec<String>,
}

/// `state.json` in the data directory.
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("state.json")
}

/// The state of `app` worth keeping.
pub fn snapshot(app: &App) -> Saved {
    let ids = |i: usize| app.book.entries()[i].case.id.clone();
    Saved {
        version: VERSION,
        scheme: Some(app.scheme_name().to_string()).filter(|s| !s.is_empty()),
        node: app.node().map(str::to_string),
        case: app.panes.case.map(ids),
        marks: app.marks.iter().map(|&i| ids(i)).collect(),
    }
}

impl App {
    /// Applies what was saved, skipping whatever no longer exists.
    pub fn restore(&mut self, saved: &Saved) {
        if saved.version != VERSION {
            return;
        }
        if let Some(scheme) = saved.scheme.as_deref()
            && let Some(i) = self.panes.tree.schemes.iter().position(|s| s == scheme)
        {
            self.panes.tree.scheme = i;
            if let Some(node) = saved.node.as_deref()
                && self.catalog().is_some_and(|c| c.get(node).is_some())
            {
                self.expand_to(node);
                self.set_node(Some(node.to_string()));
            }
        }
        self.marks = saved
            .marks
            .iter()
            .filter_map(|id| self.book.index_of(id))
            .collect();
        if let Some(case) = saved.case.as_deref().and_then(|id| self.book.index_of(id))
            && self.cases().contains(&case)
        {
            self.select_case(Some(case));
        }
        self.sync();
    }
}

/// Reads the saved state; None when the file is missing or bad. Read as
/// case files are: opened without waiting (a FIFO there is no hang), a
/// regular file only, at most 1 MiB (a link to /dev/zero is no state).
pub fn read(file: &Path) -> Option<Saved> {
    let bytes = crate::load::read::read_file(file).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Writes the state, quietly, as every file is written ([`crate::temp`]):
/// in a file of its own, put in place in one step. The folder is also the
/// user's casebook, which others' commits fill: nothing planted there (a
/// link at a temporary name) is written through, and two browsers saving
/// at once leave one whole state.
pub fn write(file: &Path, saved: &Saved) {
    use std::io::Write;
    let Ok(text) = serde_json::to_string_pretty(saved) else {
        return;
    };
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let Ok(mut temp) = crate::temp::Temp::beside(file) else {
        return;
    };
    if temp.file().write_all(text.as_bytes()).is_ok() {
        let _ = temp.place(file, true);
    }
}
