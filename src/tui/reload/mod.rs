//! Live reload: the files that changed under a watched casebook directory are
//! read again (in the background) and replace their entries; the rest of the
//! casebook stays as it is. A file that turns bad keeps its last good version
//! on screen, marked stale, with its diagnostics in `!`. A catalog that
//! changes reloads everything (the cases' controls depend on it).
//!
//! Reading is "re-parse these paths, replace their entries". A file whose key
//! (size, times, inode: the cache's [`FileKey`]) is what it was when last read,
//! and was settled then, is not read again: a `touch`, or an editor saving a
//! file unchanged, costs nothing.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::action::{Action, Effect};
use super::app::{App, Mode, Pane, Top};
use super::diagnostics::Panel;
use crate::casebook::{Casebook, Entry, Nodes, Part, Source, Summary};
use crate::catalog::Catalogs;
use crate::diag::Diagnostic;
use crate::lang::t;
use crate::load;
use crate::search::Searcher;

pub mod read;
pub mod state;

pub use read::{Batch, Fresh, Job, Reloaded, Setup, read, read_file};
pub use state::{Live, Queue};

impl App {
    /// Whether case `index` shows the last good version of a file that turned bad.
    pub fn is_stale(&self, index: usize) -> bool {
        !self.jobs.live.stale.is_empty()
            && index < self.book.len()
            && self.jobs.live.stale.contains(self.book.path(index))
    }

    /// Files changed on disk: read them again (everything, when a catalog changed).
    pub(super) fn files_changed(&mut self, paths: Vec<PathBuf>) -> Vec<Effect> {
        self.statement_changed(&paths);
        let catalogs: Vec<PathBuf> = self
            .env
            .options
            .setup
            .watch
            .iter()
            .map(|d| d.join("catalogs"))
            .collect();
        let everything = paths
            .iter()
            .any(|p| catalogs.iter().any(|c| p.starts_with(c)));
        vec![Effect::Reload { paths, everything }]
    }

    /// A reload's results: entries replaced, removed or added, the selection
    /// and marks kept (by file), the banner and `!` brought up to date.
    pub(super) fn reloaded(&mut self, batch: Batch) -> Vec<Effect> {
        if matches!(&batch, Batch::Files(files) if files.is_empty()) {
            // Only other files changed (an editor's swap file, the saved state).
            return Vec::new();
        }
        // Cases are held by index (the selection, marks, jumps): by file across the change.
        let paths: Vec<String> = (0..self.book.len())
            .map(|i| self.book.path(i).to_string())
            .collect();
        let book = std::mem::take(&mut self.book);
        let (catalogs, nodes, parts, reread) = match batch {
            Batch::Files(files) => {
                let reread: Vec<String> = files.iter().map(|f| f.shown.clone()).collect();
                let (catalogs, nodes, old) = parts_of(book);
                let parts = self.replace(&catalogs, &nodes, old, files);
                (catalogs, nodes, parts, reread)
            }
            Batch::Everything {
                casebook,
                diagnostics,
            } => {
                let mut reread: Vec<String> = diagnostics.iter().map(|d| d.path.clone()).collect();
                let (catalogs, nodes, mut parts) = casebook.into_parts();
                for entry in self.stale_after_all(&book, &parts, diagnostics) {
                    parts.push(part(&catalogs, &nodes, entry));
                }
                reread.extend(parts.iter().map(|p| p.path.clone()));
                (catalogs, nodes, parts, reread)
            }
        };
        self.book = std::sync::Arc::new(Casebook::from_parts(catalogs, nodes, parts));
        self.env.similar_index =
            super::app::similar_index(&self.book, self.env.options.similar_in_background);
        self.panes.derived = Default::default();
        self.overlays.search.searcher = Searcher::new(&self.book);
        self.env.resolver = crate::control_id::Resolver::new(&self.book.catalogs);
        self.refresh_schemes();
        self.measure_trees();
        let now: std::collections::HashMap<&str, usize> = (0..self.book.len())
            .map(|i| (self.book.path(i), i))
            .collect();
        let moved = |i: usize| paths.get(i).and_then(|p| now.get(p.as_str()).copied());
        self.panes.case = self.panes.case.and_then(moved);
        self.marks = self.marks.iter().filter_map(|&i| moved(i)).collect();
        for place in self
            .history
            .back
            .iter_mut()
            .chain(&mut self.history.forward)
        {
            place.case = place.case.and_then(moved);
        }
        self.panes.detail.similar_of = None;
        self.problems.failed_files = crate::diag::failed_files(&self.problems.list);
        self.problems.panel = Panel::default();
        self.refresh_diagnostics_panel();
        if self.filters.active() {
            self.refilter();
        }
        match self.top.mode() {
            Mode::Search => self.run_search(),
            Mode::Coverage => {
                let cursor = self.overlays.coverage.cursor;
                self.open_coverage();
                self.overlays.coverage.cursor = cursor;
            }
            Mode::Stats => self.open_stats(),
            _ => {}
        }
        self.sync();
        if let Some(path) = self.jobs.live.show.take() {
            if reread.contains(&path) {
                self.show_file(&path);
            } else {
                self.jobs.live.show = Some(path);
            }
        }
        Vec::new()
    }

    /// `old` with the files read again replaced, removed or added. Slots are
    /// found by path and by id through maps, so reading every file again
    /// (a checkout, a rescan) costs time in proportion to the files.
    fn replace(
        &mut self,
        catalogs: &Catalogs,
        nodes: &Nodes,
        old: Vec<Part>,
        files: Vec<Reloaded>,
    ) -> Vec<Part> {
        let mut slots: Vec<Option<Part>> = old.into_iter().map(Some).collect();
        let mut by_path: HashMap<String, usize> = HashMap::with_capacity(slots.len());
        let mut by_id: HashMap<String, usize> = HashMap::with_capacity(slots.len());
        for (i, p) in slots.iter().enumerate() {
            if let Some(p) = p {
                by_path.insert(p.path.clone(), i);
                by_id.insert(p.summary.id.clone(), i);
            }
        }
        let reread: HashSet<&str> = files.iter().map(|f| f.shown.as_str()).collect();
        self.problems
            .list
            .retain(|d| !reread.contains(d.path.as_str()));
        let mut diagnostics = Vec::new();
        for Reloaded { shown, fresh, key } in files {
            match key {
                Some(key) => self.jobs.live.keys.insert(shown.clone(), key),
                None => self.jobs.live.keys.remove(&shown),
            };
            self.jobs.live.stale.remove(&shown);
            let at = by_path.get(&shown).copied();
            match fresh {
                Fresh::Gone => {
                    if let Some(i) = at
                        && let Some(gone) = slots[i].take()
                    {
                        by_path.remove(&gone.path);
                        if by_id.get(&gone.summary.id) == Some(&i) {
                            by_id.remove(&gone.summary.id);
                        }
                    }
                }
                Fresh::Failed(diags) => {
                    diagnostics.extend(diags);
                    if at.is_some() {
                        self.jobs.live.stale.insert(shown);
                    }
                }
                Fresh::Parsed { case, pos, diags } => {
                    diagnostics.extend(diags);
                    let other = by_id
                        .get(&case.id)
                        .copied()
                        .filter(|&i| Some(i) != at)
                        .and_then(|i| slots[i].as_ref().map(|p| p.path.clone()));
                    if let Some(other) = other {
                        diagnostics.push(load::duplicate_id(&shown, &case.id, pos, &other, None));
                        if at.is_some() {
                            self.jobs.live.stale.insert(shown);
                        }
                        continue;
                    }
                    let entry = Entry {
                        case: *case,
                        path: shown,
                        bundled: false,
                    };
                    let new = part(catalogs, nodes, entry);
                    let i = match at {
                        Some(i) => {
                            if let Some(was) = &slots[i]
                                && by_id.get(&was.summary.id) == Some(&i)
                            {
                                by_id.remove(&was.summary.id);
                            }
                            i
                        }
                        None => {
                            slots.push(None);
                            slots.len() - 1
                        }
                    };
                    by_path.insert(new.path.clone(), i);
                    by_id.insert(new.summary.id.clone(), i);
                    slots[i] = Some(new);
                }
            }
        }
        self.problems.list.extend(diagnostics);
        slots.into_iter().flatten().collect()
    }

    /// Everything loaded again (`parts`): the last good version of each file
    /// that turned bad, to keep beside them. The diagnostics become the new ones.
    fn stale_after_all(
        &mut self,
        old: &Casebook,
        parts: &[Part],
        diagnostics: Vec<Diagnostic>,
    ) -> Vec<Entry> {
        self.problems
            .list
            .truncate(self.env.options.setup.kept_diagnostics);
        let failed: HashSet<&str> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.path.as_str())
            .collect();
        let paths: HashSet<&str> = parts.iter().map(|p| p.path.as_str()).collect();
        let ids: HashSet<&str> = parts.iter().map(|p| p.summary.id.as_str()).collect();
        let mut stale = HashSet::new();
        let mut kept = Vec::new();
        for i in 0..old.len() {
            let (path, id) = (old.path(i), old.summary(i).id.as_str());
            let present = paths.contains(path) || ids.contains(id);
            if !present && !old.is_bundled(i) && failed.contains(path) {
                stale.insert(path.to_string());
                kept.push(old.entry(i).clone());
            }
        }
        self.jobs.live.stale = stale;
        // Files were read again without their keys.
        self.jobs.live.keys.clear();
        self.problems.list.extend(diagnostics);
        kept
    }

    /// After writing or editing `path`: select its case, or show its problems.
    fn show_file(&mut self, path: &str) {
        let at = (0..self.book.len()).find(|&i| self.book.path(i) == path);
        let problems = self.problems.list.iter().position(|d| d.path == path);
        match (at, problems) {
            (Some(i), None) if !self.jobs.live.stale.contains(path) => {
                if !self.cases().contains(&i) {
                    self.set_node(None);
                }
                if !self.cases().contains(&i) {
                    // The filters hide it: they go, so it shows.
                    self.filters.filter = Default::default();
                    self.filters.words.clear();
                    self.refilter();
                }
                self.select_case(Some(i));
                self.panes.focus = Pane::List;
                self.sync();
                let id = &self.book.entries()[i].case.id;
                self.status = Some(match self.env.lang {
                    crate::lang::Lang::Ja => format!("{id} を読み込みました（E で編集）"),
                    crate::lang::Lang::En => format!("{id} loaded (E edits it)"),
                });
            }
            (Some(i), _) if !self.jobs.live.stale.contains(path) => {
                // Warnings only: the case loads.
                self.select_case(Some(i));
                self.show_problems(path);
            }
            _ => self.show_problems(path),
        }
    }

    /// Opens `!` at the first problem of `path`.
    fn show_problems(&mut self, path: &str) {
        let Some(first) = self.problems.list.iter().position(|d| d.path == path) else {
            return;
        };
        let count = self.problems.list.iter().filter(|d| d.path == path).count();
        self.top = Top::Diagnostics { scroll: 0 };
        self.refresh_diagnostics_panel();
        // At its heading (the row after its blank line), not in the message before.
        self.top = Top::Diagnostics {
            scroll: self.problems.panel.start_of(first) + 1,
        };
        self.status = Some(match self.env.lang {
            crate::lang::Lang::Ja => {
                format!("このファイルには問題が{count}件あります（E でもう一度編集、Esc で閉じる）")
            }
            crate::lang::Lang::En => {
                format!("{count} problem(s) in this file (E edits it again, Esc closes)")
            }
        });
    }

    /// `!` then `E`: the file of the problem at the top of the view (the
    /// first problem while the note above them is in view).
    pub(super) fn problem_file(&self) -> Option<String> {
        let i = self.problems.panel.at_top(self.top.scroll())?;
        self.problems.list.get(i).map(|d| d.path.clone())
    }

    /// The note above a stale case's detail.
    pub fn stale_note(&self) -> &'static str {
        t(
            self.env.lang,
            "⚠ このファイルには問題があるため、前に読み込めた版を表示しています（! で理由、E で編集）",
            "⚠ This file has problems: showing the last version that loaded (! shows why, E edits it)",
        )
    }

    /// Files changed while a reload was queued are read once: a helper for
    /// tests and the event loop alike.
    pub fn reload_job(&self, paths: Vec<PathBuf>, everything: bool) -> Job {
        Job {
            paths,
            everything,
            catalogs: self.book.catalogs.clone(),
            inputs: self.env.options.setup.inputs.clone(),
            known: (0..self.book.len())
                .filter(|&i| !self.book.is_bundled(i))
                .map(|i| self.book.path(i).to_string())
                .collect::<std::collections::BTreeSet<String>>(),
            keys: self.jobs.live.keys.clone(),
            always: self.jobs.live.show.clone(),
        }
    }

    /// Reads a job and applies it at once (what the event loop does in two
    /// steps, the reading on a thread of its own).
    pub fn reload_now(&mut self, paths: Vec<PathBuf>) -> Vec<Effect> {
        let mut effects = Vec::new();
        for effect in self.update(Action::FilesChanged(paths)) {
            match effect {
                Effect::Reload { paths, everything } => {
                    let batch = read(&self.reload_job(paths, everything));
                    effects
                        .extend(self.update(Action::Reloaded(super::action::Shared::new(batch))));
                }
                other => effects.push(other),
            }
        }
        effects
    }
}

/// A casebook taken apart; when the similar-case thread still holds it, its
/// cases are copied out instead (the first seconds after start-up).
fn parts_of(book: std::sync::Arc<Casebook>) -> (Catalogs, Nodes, Vec<Part>) {
    match std::sync::Arc::try_unwrap(book) {
        Ok(book) => book.into_parts(),
        Err(shared) => {
            let catalogs = shared.catalogs.clone();
            let nodes = Nodes::new(&catalogs);
            let parts = (0..shared.len())
                .map(|i| part(&catalogs, &nodes, shared.entry(i).clone()))
                .collect();
            (catalogs, nodes, parts)
        }
    }
}

/// A case in hand as a part of a casebook.
fn part(catalogs: &Catalogs, nodes: &Nodes, entry: Entry) -> Part {
    Part {
        summary: Summary::of(&entry.case),
        nodes: nodes.of_case(catalogs, &entry.case),
        path: entry.path,
        bundled: entry.bundled,
        source: Source::Owned(Box::new(entry.case)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reloads_asked_for_while_one_is_read_wait_merged_into_one_job() {
        let p = |s: &str| PathBuf::from(s);
        let mut queue = Queue::default();
        assert_eq!(queue.take_job(), None, "nothing asked for");
        queue.add(vec![p("a.yaml")], false);
        assert_eq!(queue.take_job(), Some((vec![p("a.yaml")], false)));
        // While that one is read, a thousand events for three files.
        for _ in 0..1000 {
            queue.add(vec![p("b.yaml"), p("cases"), p("a.yaml")], false);
        }
        assert_eq!(queue.take_job(), None, "the thread is busy");
        queue.add(vec![p("catalogs/x.yaml")], true);
        queue.done();
        assert_eq!(
            queue.take_job(),
            Some((
                vec![p("b.yaml"), p("cases"), p("a.yaml"), p("catalogs/x.yaml")],
                true
            ))
        );
        queue.done();
        assert_eq!(queue.take_job(), None);
    }
}
