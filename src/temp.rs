//! A file written beside its final place and put there in one step: every
//! file casebook writes (exports, new case files, the cache, the browser's
//! saved state) is written this way, so a reader sees the old file or the new
//! one, never part of one.
//!
//! On Linux the file has no name while it is written (`O_TMPFILE`): a
//! program ended part-way (Ctrl-C, SIGTERM, SIGKILL, a crash) leaves nothing
//! behind, and nothing planted in the directory (a symbolic link, a FIFO) can
//! be written through. It is then linked in under a name of its own
//! (`linkat`), which cannot replace anything: straight at its place when no
//! file may be replaced, else at a fresh temporary name renamed over the old
//! file. Where the file system cannot do that, a temporary name is created
//! new (`O_EXCL`, so nothing planted there is followed) and removed on failure.
//!
//! A file that replaces another takes its permissions and, where the system
//! allows, its owner and group: a 0600 file stays 0600. (A replaced file is a
//! new file: other hard links to the old one keep the old contents.)

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A file being written; dropped without [`Temp::place`], it leaves nothing.
pub struct Temp {
    file: Option<File>,
    dir: PathBuf,
    /// The temporary name, when the file has one.
    named: Option<PathBuf>,
}

/// Why a file could not be put in place.
#[derive(Debug)]
pub enum PlaceError {
    /// A file is already there, and replacing was not asked for.
    Exists,
    Io(io::Error),
}

impl From<io::Error> for PlaceError {
    fn from(e: io::Error) -> Self {
        PlaceError::Io(e)
    }
}

impl Temp {
    /// A new file in the directory of `path` (which is not touched yet).
    pub fn beside(path: &Path) -> io::Result<Temp> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        if let Some(file) = unnamed(&dir) {
            return Ok(Temp {
                file: Some(file),
                dir,
                named: None,
            });
        }
        let (named, file) = create_named(&dir)?;
        Ok(Temp {
            file: Some(file),
            dir,
            named: Some(named),
        })
    }

    /// The file, open for writing and reading.
    pub fn file(&mut self) -> &mut File {
        self.file.as_mut().expect("the file is open until placed")
    }

    /// Puts the file at `path`. Without `replace`, an existing file (or
    /// anything else there) is kept and [`PlaceError::Exists`] returned; with
    /// it, an existing file is replaced and lends the new one its permissions
    /// and owner. The caller flushes (and syncs) what it wrote first.
    pub fn place(mut self, path: &Path, replace: bool) -> Result<(), PlaceError> {
        let file = self.file.take().expect("placed once");
        if replace && let Ok(old) = fs::metadata(path) {
            take_over(&file, &old);
        }
        match self.named.take() {
            None => {
                let source = format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&file));
                if !replace {
                    return link(Path::new(&source), path);
                }
                let named = link_named(Path::new(&source), &self.dir)?;
                let renamed = fs::rename(&named, path);
                if renamed.is_err() {
                    let _ = fs::remove_file(&named);
                }
                Ok(renamed?)
            }
            Some(named) => {
                drop(file);
                let placed = if replace {
                    fs::rename(&named, path).map_err(PlaceError::Io)
                } else {
                    match fs::hard_link(&named, path) {
                        Ok(()) => Ok(()),
                        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                            Err(PlaceError::Exists)
                        }
                        // File systems without hard links: check again and rename.
                        Err(_) if fs::symlink_metadata(path).is_err() => {
                            fs::rename(&named, path).map_err(PlaceError::Io)
                        }
                        Err(_) => Err(PlaceError::Exists),
                    }
                };
                let _ = fs::remove_file(&named);
                placed
            }
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(named) = self.named.take() {
            let _ = fs::remove_file(named);
        }
    }
}

/// An unnamed file in `dir`, where the system and the file system allow one
/// (and `/proc` is there to give it a name later).
fn unnamed(dir: &Path) -> Option<File> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        if !Path::new("/proc/self/fd").is_dir() {
            return None;
        }
        OpenOptions::new()
            .read(true)
            .write(true)
            .mode(0o666)
            .custom_flags(libc::O_TMPFILE)
            .open(dir)
            .ok()
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    {
        let _ = dir;
        None
    }
}

/// Gives the unnamed file behind `source` (`/proc/self/fd/N`) the name `path`,
/// which must not exist.
fn link(source: &Path, path: &Path) -> Result<(), PlaceError> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let cstr = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))
    };
    let (from, to) = (cstr(source)?, cstr(path)?);
    // SAFETY: two valid NUL-terminated paths; linkat only reads them.
    let done = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    if done == 0 {
        return Ok(());
    }
    let e = io::Error::last_os_error();
    if e.kind() == io::ErrorKind::AlreadyExists {
        Err(PlaceError::Exists)
    } else {
        Err(PlaceError::Io(e))
    }
}

/// Links the unnamed file in at a fresh temporary name in `dir`.
fn link_named(source: &Path, dir: &Path) -> io::Result<PathBuf> {
    for _ in 0..100 {
        let named = dir.join(temp_name());
        match link(source, &named) {
            Ok(()) => return Ok(named),
            Err(PlaceError::Exists) => continue,
            Err(PlaceError::Io(e)) => return Err(e),
        }
    }
    Err(io::Error::from(io::ErrorKind::AlreadyExists))
}

/// A temporary file created new in `dir` (never through a planted link).
fn create_named(dir: &Path) -> io::Result<(PathBuf, File)> {
    let mut tries = 0;
    loop {
        let named = dir.join(temp_name());
        match OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(0o666)
            .open(&named)
        {
            Ok(file) => return Ok((named, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 100 => tries += 1,
            Err(e) => return Err(e),
        }
    }
}

/// `.casebook-PID-N.tmp`: short whatever the final name's length, and
/// different for every file this process writes.
fn temp_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    format!(
        ".casebook-{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// The new file takes the old one's permissions and, where allowed, its
/// owner and group.
fn take_over(file: &File, old: &fs::Metadata) {
    let _ = file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777));
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    // Changing the owner may clear set-user-id bits: set the mode again.
    let _ = file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777));
}

/// The names in a directory, sorted: what tests of writers check is left.
#[cfg(test)]
pub(crate) fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_file_being_written_leaves_nothing_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let mut temp = Temp::beside(&dir.path().join("out.md")).unwrap();
        temp.file().write_all(b"half").unwrap();
        drop(temp);
        assert!(file_names(dir.path()).is_empty());
    }

    #[test]
    fn placing_never_replaces_without_consent_and_keeps_the_old_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        let mut temp = Temp::beside(&path).unwrap();
        temp.file().write_all(b"one").unwrap();
        temp.place(&path, false).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let mut temp = Temp::beside(&path).unwrap();
        temp.file().write_all(b"two").unwrap();
        assert!(matches!(temp.place(&path, false), Err(PlaceError::Exists)));
        assert_eq!(fs::read(&path).unwrap(), b"one");
        let mut temp = Temp::beside(&path).unwrap();
        temp.file().write_all(b"three").unwrap();
        temp.place(&path, true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
        assert_eq!(file_names(dir.path()), ["out.md"]);
    }
}
