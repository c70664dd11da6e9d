//! Reading a file's bytes into text: size limit, encodings, binary files.

use std::io::Read;
use std::path::Path;

/// Case and catalog files larger than this are refused.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// A problem reading a file, with the line where it is known.
#[derive(Debug, PartialEq)]
pub struct ReadError {
    pub line: Option<u32>,
    pub message: String,
}

fn fail(message: impl Into<String>) -> ReadError {
    ReadError {
        line: None,
        message: message.into(),
    }
}

/// Reads a file from disk, refusing files over [`MAX_FILE_BYTES`] and anything
/// that is not a regular file. Never blocks: the file is opened non-blocking
/// (a FIFO opens at once instead of waiting for a writer) and its type is
/// checked on the open file before anything is read.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| fail(io_message(&e)))?;
    let meta = file.metadata().map_err(|e| fail(io_message(&e)))?;
    if !meta.is_file() {
        return Err(fail(format!(
            "not a regular file ({}); skipped",
            file_kind(&meta.file_type())
        )));
    }
    let size = meta.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(io_message(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// What a file system entry is, for messages: "a directory", "a FIFO (named pipe)", ...
pub fn file_kind(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "a regular file"
    }
}

fn too_large(size: u64) -> ReadError {
    fail(format!(
        "the file is {:.1} MiB; case and catalog files are limited to 1 MiB (is it really a case file?)",
        size as f64 / (1024.0 * 1024.0)
    ))
}

pub fn io_message(e: &std::io::Error) -> String {
    format!("could not read the file: {}", io_reason(e))
}

/// An I/O error in words, with what to do where there is something to do.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            "it no longer exists (moved or deleted while loading?)".into()
        }
        std::io::ErrorKind::PermissionDenied => {
            "permission denied (check the file's permissions)".into()
        }
        std::io::ErrorKind::InvalidFilename => {
            "the path is too long for the system (more than 4,096 bytes)".into()
        }
        _ => e.to_string(),
    }
}

/// Decodes UTF-8 text: a byte-order mark is dropped; UTF-16, binary data and
/// legacy Japanese encodings are refused with advice on re-saving.
pub fn decode(bytes: &[u8]) -> Result<&str, ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(
            "the file is UTF-16 text; case files must be UTF-8: re-save it as \"UTF-8\" (in Notepad: \
             Save As > Encoding > UTF-8; in VS Code: Save with Encoding > UTF-8)",
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError {
            line: Some(line_of(bytes, at)),
            message: "the file holds binary data (a NUL byte), not YAML text".into(),
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let guess = guess_encoding(bytes);
        ReadError {
            line: Some(line_of(bytes, at)),
            message: format!(
                "the file is not UTF-8 text{guess}; re-save it as \"UTF-8\" (in VS Code: Save with Encoding > \
                 UTF-8; in Notepad: Save As > Encoding > UTF-8). Shift_JIS files from Windows must be converted"
            ),
        }
    })
}

fn line_of(bytes: &[u8], at: usize) -> u32 {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1
}

/// " (it looks like Shift_JIS)" when a legacy Japanese encoding decodes cleanly.
fn guess_encoding(bytes: &[u8]) -> &'static str {
    let clean = |enc: &'static encoding_rs::Encoding| {
        enc.decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    };
    // EUC-JP first: its byte ranges also decode as (odd) Shift_JIS, but not the reverse.
    if clean(encoding_rs::EUC_JP) {
        " (it looks like EUC-JP)"
    } else if clean(encoding_rs::SHIFT_JIS) {
        " (it looks like Shift_JIS)"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFid: a\n").unwrap(), "id: a\n");
    }

    #[test]
    fn shift_jis_and_euc_jp_are_named() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("id: a\ntitle: 紛失\n");
        let err = decode(&sjis).unwrap_err();
        assert!(err.message.contains("Shift_JIS"), "{}", err.message);
        assert_eq!(err.line, Some(2));
        let (euc, _, _) = encoding_rs::EUC_JP.encode("title: 個人情報の紛失\n");
        assert!(decode(&euc).unwrap_err().message.contains("EUC-JP"));
    }

    #[test]
    fn utf16_and_binary_are_refused() {
        assert!(
            decode(b"\xFF\xFEi\0d\0")
                .unwrap_err()
                .message
                .contains("UTF-16")
        );
        assert!(
            decode(b"id: a\n\0\x01\x02")
                .unwrap_err()
                .message
                .contains("binary")
        );
    }
}
