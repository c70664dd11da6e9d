//! Writing exports to disk: never over an existing file without consent, and
//! atomically (a temporary file in the same directory, then a rename), so a
//! full disk, a file-size limit or a crash never leaves a partial file behind.
//!
//! What `path` names decides how:
//! - a regular file (or nothing yet): the atomic write ([`crate::temp`]: no
//!   name until whole, so nothing is left part-written whatever ends the
//!   program; a replaced file's permissions and owner are kept); a symbolic
//!   link is followed, so the file it points to is replaced and the link stays;
//! - a character device (a terminal, /dev/null, /dev/stdout) or a FIFO: written
//!   through, in place: no temporary file, no rename, nothing replaced, so no
//!   consent is needed. A FIFO nobody reads from is an error, not a wait;
//!   binary data (Word, Excel) is never written to a terminal;
//! - anything else (a directory, a socket, a block device): refused.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use crate::diag::Message;
use crate::load::read::{file_kind, os_error};
use crate::msg;
use crate::temp::{PlaceError, Temp};

#[derive(Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The file exists and overwriting was not asked for.
    Exists,
    /// Why the file could not be written, in both languages.
    Io(Message),
}

impl WriteError {
    /// Why the file could not be written.
    pub fn reason(&self) -> Message {
        match self {
            WriteError::Exists => Message::new("ファイルが既にあります", "the file already exists"),
            WriteError::Io(reason) => reason.clone(),
        }
    }
}

fn reason(e: &io::Error) -> Message {
    match e.raw_os_error() {
        Some(libc::ENXIO) => {
            return Message::new(
                "この FIFO から読み出しているプログラムがありません",
                "no program is reading from this FIFO",
            );
        }
        Some(libc::EFBIG) => {
            return Message::new(
                "ファイルの大きさの上限（ulimit -f）を超えてしまいます",
                "the file would exceed the file-size limit (ulimit -f)",
            );
        }
        _ => {}
    }
    match e.kind() {
        io::ErrorKind::PermissionDenied => Message::new(
            "権限がありません（ディレクトリが読み取り専用では？）",
            "permission denied (is the directory read-only?)",
        ),
        io::ErrorKind::NotFound => {
            Message::new("ディレクトリがありません", "the directory does not exist")
        }
        io::ErrorKind::StorageFull => Message::new("ディスクがいっぱいです", "the disk is full"),
        io::ErrorKind::ReadOnlyFilesystem => Message::new(
            "読み取り専用のファイルシステムです",
            "the file system is read-only",
        ),
        _ => os_error(e),
    }
}

fn io_error(e: io::Error) -> WriteError {
    WriteError::Io(reason(&e))
}

/// Writes `bytes` to `path` (see the module docs). Refuses to replace an
/// existing file unless `overwrite`.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    match fs::metadata(path) {
        Ok(m) if m.file_type().is_char_device() || m.file_type().is_fifo() => {
            write_through(path, bytes)
        }
        Ok(m) if m.is_dir() => Err(WriteError::Io(Message::new(
            "ディレクトリです。書き込むファイルの名前を指定してください",
            "it is a directory; give the name of a file to write",
        ))),
        Ok(m) if !m.is_file() => {
            let kind = file_kind(&m.file_type());
            let (ja, en) = (kind.ja, kind.en);
            Err(WriteError::Io(msg!(
                "ファイルではなく{ja}です。書き込めるのはファイル、端末などのキャラクターデバイス、FIFO です",
                "it is {en}, not a file; casebook writes to files, terminals and other character devices, and FIFOs"
            )))
        }
        Ok(_) if !overwrite => Err(WriteError::Exists),
        // Follow a symbolic link: replace the file it points to, keep the link.
        Ok(_) => atomic(&fs::canonicalize(path).map_err(io_error)?, bytes, true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(WriteError::Io(Message::new(
                    "存在しないものを指すシンボリックリンクです",
                    "it is a symbolic link to something that does not exist",
                )));
            }
            atomic(path, bytes, overwrite)
        }
        Err(e) => Err(io_error(e)),
    }
}

/// Writes into a character device or FIFO in place.
fn write_through(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    // Non-blocking open: a FIFO without a reader fails at once (ENXIO).
    let mut file = OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(io_error)?;
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // A Word or Excel file's bytes would be drawn as garbage (and escape
    // sequences) on a terminal: refused, as for standard output.
    // SAFETY: isatty only looks at a file descriptor we own.
    let terminal = unsafe { libc::isatty(fd) } == 1;
    if terminal && (bytes.contains(&0) || std::str::from_utf8(bytes).is_err()) {
        return Err(WriteError::Io(Message::new(
            "端末で、この形式はバイナリです。ファイル名を指定してください",
            "it is a terminal, and this format is binary: give a file name",
        )));
    }
    // Then ordinary blocking writes, so a slow reader is waited for.
    // SAFETY: fcntl on a file descriptor we own, clearing one status flag.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
        }
    }
    file.write_all(bytes)
        .and_then(|_| file.flush())
        .map_err(io_error)
}

/// The atomic write ([`crate::temp`]): a file with no name until it is
/// whole, then put in place (replacing a file only when `overwrite`; the new
/// file takes the old one's permissions and owner).
fn atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let mut temp = Temp::beside(path).map_err(io_error)?;
    let file = temp.file();
    file.write_all(bytes)
        .and_then(|_| file.sync_all())
        .map_err(io_error)?;
    temp.place(path, overwrite).map_err(|e| match e {
        PlaceError::Exists => WriteError::Exists,
        PlaceError::Io(e) => io_error(e),
    })
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
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.yaml");
        fs::write(&path, "一").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_file(&path, "二".as_bytes(), true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "二");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn a_missing_directory_is_an_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_file(&dir.path().join("no/such/dir/x.md"), b"x", false).unwrap_err();
        assert_eq!(
            err.reason(),
            Message::new("ディレクトリがありません", "the directory does not exist")
        );
    }
}
