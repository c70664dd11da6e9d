//! Watching the loaded casebook directories: changes are debounced (an
//! editor's save is several events) and sent to the event loop as the paths
//! that changed, written as loading writes them.
//!
//! Only events that change something are taken: a file or directory written,
//! created, removed, renamed or given other attributes. Opening and reading
//! are not changes: every watch that is added opens its directory, and every
//! reload reads the directories again, so taking them would make each reload
//! the cause of the next (and any `ls` or `git status` a reload). An idle
//! browser's watcher thread sleeps until the kernel reports a change.
//!
//! A watched directory that is deleted or moved away is looked for once a
//! second until it is there again, then watched again and read whole.
//!
//! A single file outside the casebooks (a statement of applicability given
//! with `--soa`) is watched through its directory, not recursively, and only
//! its own changes are reported.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use super::events::Msg;

/// How long the files must be quiet before they are read again.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// However busy the files, changes are sent at least this often.
const LONGEST_WAIT: Duration = Duration::from_secs(2);

/// How often a watched directory that went away is looked for.
const LOST_POLL: Duration = Duration::from_secs(1);

/// One watched directory.
struct Root {
    /// As the watcher reports it (absolute).
    seen: PathBuf,
    /// As it was given (as loading writes the paths of its files).
    given: PathBuf,
    /// Whether it is watched now (false while it is gone).
    watched: bool,
    /// For a single file: the file (as the watcher reports it); its
    /// directory, `seen`, is watched without its subdirectories and no
    /// other path in it is reported.
    only: Option<PathBuf>,
}

impl Root {
    /// How its directory is watched: a single file's without subdirectories.
    fn mode(&self) -> RecursiveMode {
        if self.only.is_some() {
            RecursiveMode::NonRecursive
        } else {
            RecursiveMode::Recursive
        }
    }

    /// Whether a reported path is one this root reports.
    fn covers(&self, path: &Path) -> bool {
        match &self.only {
            None => path.starts_with(&self.seen),
            Some(file) => path == file,
        }
    }
}

/// What the watcher's callback and the debouncing thread share with the handle.
struct Shared {
    watcher: Mutex<Option<RecommendedWatcher>>,
    roots: Mutex<Vec<Root>>,
}

/// A running watcher; dropping it stops watching.
pub struct Watch {
    shared: Arc<Shared>,
    /// Dropped with the handle: the debouncing thread then ends.
    _stop: Sender<Event>,
}

/// What reaches the debouncing thread.
enum Event {
    Changed(PathBuf),
    /// The kernel's queue overflowed: everything may have changed.
    Rescan,
}

impl Watch {
    /// Watches `dirs` (recursively); None when nothing can be watched.
    pub fn start(dirs: &[PathBuf], tx: Sender<Msg>) -> Option<Watch> {
        let (events, queue) = mpsc::channel::<Event>();
        let raw = events.clone();
        let watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
            let Ok(event) = result else { return };
            if event.need_rescan() {
                let _ = raw.send(Event::Rescan);
            }
            if is_change(&event.kind) {
                for path in event.paths {
                    let _ = raw.send(Event::Changed(path));
                }
            }
        })
        .ok()?;
        let shared = Arc::new(Shared {
            watcher: Mutex::new(Some(watcher)),
            roots: Mutex::new(Vec::new()),
        });
        let thread = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || debounce(&thread, &queue, &tx))
            .ok()?;
        let mut watch = Watch {
            shared,
            _stop: events,
        };
        for dir in dirs {
            watch.add(dir);
        }
        Some(watch)
    }

    /// Watches one more directory (a casebook just created).
    pub fn add(&mut self, dir: &Path) {
        let seen = absolute(dir);
        let mut root = Root {
            seen,
            given: dir.to_path_buf(),
            watched: false,
            only: None,
        };
        root.watched = self.shared.watch(&root.seen, root.mode());
        let mut roots = lock(&self.shared.roots);
        roots.push(root);
        // The most specific directory first, for a directory inside another.
        roots.sort_by_key(|r| std::cmp::Reverse(r.seen.components().count()));
    }
}

impl Watch {
    /// Watches one file (a statement of applicability outside the
    /// casebooks); nothing when a watched directory already holds it.
    pub fn add_file(&mut self, file: &Path) {
        let seen_file = absolute(file);
        let (Some(dir), Some(name)) = (seen_file.parent(), seen_file.file_name()) else {
            return;
        };
        if lock(&self.shared.roots)
            .iter()
            .any(|r| r.only.is_none() && seen_file.starts_with(&r.seen))
        {
            return;
        }
        let given = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut root = Root {
            only: Some(dir.join(name)),
            seen: dir.to_path_buf(),
            given,
            watched: false,
        };
        root.watched = self.shared.watch(&root.seen, root.mode());
        let mut roots = lock(&self.shared.roots);
        roots.push(root);
        roots.sort_by_key(|r| std::cmp::Reverse(r.seen.components().count()));
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        // The watcher's own thread ends when the watcher is dropped.
        lock(&self.shared.watcher).take();
    }
}

impl Shared {
    fn watch(&self, seen: &Path, mode: RecursiveMode) -> bool {
        let mut watcher = lock(&self.watcher);
        let Some(watcher) = watcher.as_mut() else {
            return false;
        };
        // A directory watched before (moved away, then another put in its
        // place) is watched afresh.
        let _ = watcher.unwatch(seen);
        watcher.watch(seen, mode).is_ok()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether an event reports a change (not an open, a read or a close
/// after reading).
pub fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Any
        | EventKind::Create(_)
        | EventKind::Modify(_)
        | EventKind::Remove(_)
        | EventKind::Other => true,
    }
}

/// The paths changed since the last batch, each once, in the order they came.
#[derive(Default)]
struct Pending {
    paths: Vec<PathBuf>,
    seen: HashSet<PathBuf>,
    first: Option<Instant>,
    last: Option<Instant>,
}

impl Pending {
    fn add(&mut self, path: PathBuf) {
        let now = Instant::now();
        self.first.get_or_insert(now);
        self.last = Some(now);
        if self.seen.insert(path.clone()) {
            self.paths.push(path);
        }
    }

    /// When the batch is due (None: nothing pending).
    fn due(&self) -> Option<Instant> {
        let (first, last) = (self.first?, self.last?);
        Some((last + DEBOUNCE).min(first + LONGEST_WAIT))
    }

    fn take(&mut self) -> Vec<PathBuf> {
        self.seen.clear();
        self.first = None;
        self.last = None;
        std::mem::take(&mut self.paths)
    }
}

/// The debouncing thread: sleeps until an event comes; sends a batch once
/// the files have been quiet for [`DEBOUNCE`]; looks for directories that
/// went away only while there are some.
fn debounce(shared: &Shared, queue: &Receiver<Event>, tx: &Sender<Msg>) {
    let mut pending = Pending::default();
    let mut next_look = Instant::now() + LOST_POLL;
    loop {
        let lost = lock(&shared.roots).iter().any(|r| !r.watched);
        let wake = match (pending.due(), lost) {
            (Some(due), true) => Some(due.min(next_look)),
            (Some(due), false) => Some(due),
            (None, true) => Some(next_look),
            (None, false) => None,
        };
        let event = match wake {
            None => queue.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(at) => queue.recv_timeout(at.saturating_duration_since(Instant::now())),
        };
        match event {
            Ok(Event::Changed(path)) => {
                let root = self_event(shared, &path);
                let reported = {
                    let roots = lock(&shared.roots);
                    roots
                        .iter()
                        .any(|r| r.covers(&path))
                        .then(|| as_given(&roots, &path))
                };
                if let Some(path) = reported {
                    pending.add(path);
                }
                if let Some(seen) = root {
                    recheck(shared, &seen);
                }
            }
            Ok(Event::Rescan) => {
                for root in lock(&shared.roots).iter() {
                    pending.add(reported_whole(root));
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let now = Instant::now();
        if lost && now >= next_look {
            next_look = now + LOST_POLL;
            for given in found_again(shared) {
                pending.add(given);
            }
        }
        if pending.due().is_some_and(|due| now >= due)
            && tx.send(Msg::Changed(pending.take())).is_err()
        {
            return;
        }
    }
}

/// The watched directory `path` is, when an event is about one itself
/// (deleted, moved, its attributes changed).
fn self_event(shared: &Shared, path: &Path) -> Option<PathBuf> {
    lock(&shared.roots)
        .iter()
        .find(|r| r.seen == path)
        .map(|r| r.seen.clone())
}

/// A watched directory had an event of its own: watched again when it is
/// (still or again) there, else looked for until it is.
fn recheck(shared: &Shared, seen: &Path) {
    let mode = lock(&shared.roots)
        .iter()
        .find(|r| r.seen == seen)
        .map_or(RecursiveMode::Recursive, Root::mode);
    let watched = seen.is_dir() && shared.watch(seen, mode);
    if let Some(root) = lock(&shared.roots).iter_mut().find(|r| r.seen == seen) {
        root.watched = watched;
    }
}

/// The directories that were gone and are there again, now watched (as given).
fn found_again(shared: &Shared) -> Vec<PathBuf> {
    let lost: Vec<(PathBuf, RecursiveMode)> = lock(&shared.roots)
        .iter()
        .filter(|r| !r.watched && r.seen.is_dir())
        .map(|r| (r.seen.clone(), r.mode()))
        .collect();
    let mut found = Vec::new();
    for (seen, mode) in lost {
        if shared.watch(&seen, mode) {
            let mut roots = lock(&shared.roots);
            if let Some(root) = roots.iter_mut().find(|r| r.seen == seen) {
                root.watched = true;
                found.push(reported_whole(root));
            }
        }
    }
    found
}

/// What is reported when all of a root may have changed: the directory, or
/// the one file watched in it.
fn reported_whole(root: &Root) -> PathBuf {
    match root.only.as_ref().and_then(|f| f.file_name()) {
        Some(name) => root.given.join(name),
        None => root.given.clone(),
    }
}

/// The path as the watcher reports it: relative paths are taken from the
/// current directory (what notify does itself).
fn absolute(dir: &Path) -> PathBuf {
    if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| dir.to_path_buf(), |cwd| cwd.join(dir))
    }
}

/// A reported path written from the directory as it was given, as loading
/// writes the paths of the files it finds.
fn as_given(roots: &[Root], path: &Path) -> PathBuf {
    roots
        .iter()
        .find_map(|r| {
            path.strip_prefix(&r.seen)
                .ok()
                .map(|rest| r.given.join(rest))
        })
        .unwrap_or_else(|| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, ModifyKind, RemoveKind, RenameMode};

    #[test]
    fn reported_paths_are_written_as_the_directory_was_given() {
        let roots = vec![Root {
            seen: PathBuf::from("/home/u/work/our"),
            given: PathBuf::from("our"),
            watched: true,
            only: None,
        }];
        assert_eq!(
            as_given(&roots, Path::new("/home/u/work/our/cases/2024/a.yaml")),
            Path::new("our/cases/2024/a.yaml")
        );
        assert_eq!(
            as_given(&roots, Path::new("/elsewhere/b.yaml")),
            Path::new("/elsewhere/b.yaml")
        );
    }

    #[test]
    fn opening_and_reading_are_not_changes() {
        for kind in [
            AccessKind::Open(AccessMode::Any),
            AccessKind::Read,
            AccessKind::Close(AccessMode::Read),
            AccessKind::Close(AccessMode::Execute),
            AccessKind::Any,
        ] {
            assert!(!is_change(&EventKind::Access(kind)), "{kind:?}");
        }
        for kind in [
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Create(CreateKind::File),
            EventKind::Remove(RemoveKind::Folder),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            EventKind::Other,
        ] {
            assert!(is_change(&kind), "{kind:?}");
        }
    }
}
