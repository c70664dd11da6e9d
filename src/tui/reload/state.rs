//! What the browser keeps between reloads: the reloads waiting to be read
//! and the files read again.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::cache::key::FileKey;

/// Reloads asked for while another is being read: each is merged into the
/// next job, which is made only when the reading thread is free (from the
/// casebook as it is then). However many changes come while a large casebook
/// is read again, one job waits, never a queue of copies.
#[derive(Debug, Default)]
pub struct Queue {
    paths: Vec<PathBuf>,
    seen: HashSet<PathBuf>,
    everything: bool,
    /// A job is being read.
    busy: bool,
}

impl Queue {
    /// Adds paths (or everything) to the next job.
    pub fn add(&mut self, paths: Vec<PathBuf>, everything: bool) {
        self.everything |= everything;
        for path in paths {
            if self.seen.insert(path.clone()) {
                self.paths.push(path);
            }
        }
    }

    /// The next job's paths and whether it reads everything, when there is
    /// one and no other is being read (it is then being read).
    pub fn take_job(&mut self) -> Option<(Vec<PathBuf>, bool)> {
        if self.busy || (self.paths.is_empty() && !self.everything) {
            return None;
        }
        self.busy = true;
        self.seen.clear();
        Some((
            std::mem::take(&mut self.paths),
            std::mem::take(&mut self.everything),
        ))
    }

    /// The job being read has been applied.
    pub fn done(&mut self) {
        self.busy = false;
    }
}

/// The live-reload state of the browser.
#[derive(Clone, Debug, Default)]
pub struct Live {
    /// Files that turned bad: their last good version is shown (paths as shown).
    pub stale: HashSet<String>,
    /// A file written or edited in the browser: once read again, it is
    /// selected (or its problems shown).
    pub show: Option<String>,
    /// Each file read again: its key, and when that reading began.
    pub keys: HashMap<String, (FileKey, i64)>,
}
