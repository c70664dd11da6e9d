//! Writing exports to disk: never over an existing file without consent, and
//! atomically (a temporary file in the same directory, then a rename), so a
//! full disk or a crash never leaves a partial file behind.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The file exists and overwriting was not asked for.
    Exists,
    Io(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Exists => f.write_str("the file already exists"),
            WriteError::Io(reason) => f.write_str(reason),
        }
    }
}

fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied (is the directory read-only?)".into(),
        io::ErrorKind::NotFound => "the directory does not exist".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        _ => e.to_string(),
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes `data` to `path` atomically. Refuses an existing file unless `overwrite`.
pub fn write_file(path: &Path, data: &[u8], overwrite: bool) -> Result<(), WriteError> {
    if !overwrite && path.exists() {
        return Err(WriteError::Exists);
    }
    let tmp = temp_path(path);
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(data)?;
        file.sync_all()?;
        Ok::<(), io::Error>(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(WriteError::Io(reason(&e)));
    }
    let placed = if overwrite {
        fs::rename(&tmp, path).map_err(|e| WriteError::Io(reason(&e)))
    } else {
        // A hard link fails if the name was taken meanwhile: no race can clobber a file.
        match fs::hard_link(&tmp, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(WriteError::Exists),
            // File systems without hard links: check again and rename.
            Err(_) if !path.exists() => {
                fs::rename(&tmp, path).map_err(|e| WriteError::Io(reason(&e)))
            }
            Err(_) => Err(WriteError::Exists),
        }
    };
    let _ = fs::remove_file(&tmp);
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pack.md");
        write_file(&path, "一".as_bytes(), false).unwrap();
        assert_eq!(
            write_file(&path, "二".as_bytes(), false),
            Err(WriteError::Exists)
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "一");
        write_file(&path, "三".as_bytes(), true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "三");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    }

    #[test]
    fn a_missing_directory_is_an_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_file(&dir.path().join("no/such/dir/x.md"), b"x", false).unwrap_err();
        assert_eq!(err, WriteError::Io("the directory does not exist".into()));
    }
}
