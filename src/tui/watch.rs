//! Watching the loaded casebook directories: changes are debounced (an
//! editor's save is several events) and sent to the event loop as the paths
//! that changed, written as loading writes them.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use super::events::Msg;

/// How long a file must be quiet before it is read again.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// (the directory as the watcher sees it, as it was given).
type Roots = Arc<Mutex<Vec<(PathBuf, PathBuf)>>>;

/// A running watcher; dropping it stops watching.
pub struct Watch {
    debouncer: Debouncer<RecommendedWatcher>,
    roots: Roots,
}

impl Watch {
    /// Watches `dirs` (recursively); None when nothing can be watched.
    pub fn start(dirs: &[PathBuf], tx: Sender<Msg>) -> Option<Watch> {
        let roots: Roots = Arc::default();
        let shared = Arc::clone(&roots);
        let debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            let roots = shared.lock().unwrap_or_else(|e| e.into_inner());
            let mut paths: Vec<PathBuf> = Vec::new();
            for event in events {
                let path = as_given(&roots, &event.path);
                if !paths.contains(&path) {
                    paths.push(path);
                }
            }
            if !paths.is_empty() {
                let _ = tx.send(Msg::Changed(paths));
            }
        })
        .ok()?;
        let mut watch = Watch { debouncer, roots };
        for dir in dirs {
            watch.add(dir);
        }
        Some(watch)
    }

    /// Watches one more directory (a casebook just created).
    pub fn add(&mut self, dir: &Path) {
        let seen = absolute(dir);
        if self
            .debouncer
            .watcher()
            .watch(&seen, RecursiveMode::Recursive)
            .is_ok()
        {
            let mut roots = self.roots.lock().unwrap_or_else(|e| e.into_inner());
            roots.push((seen, dir.to_path_buf()));
            // The most specific directory first, for a directory inside another.
            roots.sort_by_key(|(seen, _)| std::cmp::Reverse(seen.components().count()));
        }
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
fn as_given(roots: &[(PathBuf, PathBuf)], path: &Path) -> PathBuf {
    roots
        .iter()
        .find_map(|(seen, given)| path.strip_prefix(seen).ok().map(|rest| given.join(rest)))
        .unwrap_or_else(|| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_paths_are_written_as_the_directory_was_given() {
        let roots = vec![(PathBuf::from("/home/u/work/our"), PathBuf::from("our"))];
        assert_eq!(
            as_given(&roots, Path::new("/home/u/work/our/cases/2024/a.yaml")),
            Path::new("our/cases/2024/a.yaml")
        );
        assert_eq!(
            as_given(&roots, Path::new("/elsewhere/b.yaml")),
            Path::new("/elsewhere/b.yaml")
        );
    }
}
