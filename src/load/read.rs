//! Reading a file's bytes into text: size limit, encodings, binary files.

use std::io::Read;
use std::path::Path;

use crate::diag::{Message, Phrase, phrase};
use crate::msg;

/// Case and catalog files larger than this are refused.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// A problem reading a file, with the line where it is known.
#[derive(Debug, PartialEq)]
pub struct ReadError {
    pub line: Option<u32>,
    pub message: Message,
}

fn fail(message: impl Into<Message>) -> ReadError {
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
        return Err(fail(not_regular(&meta.file_type())));
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
pub fn file_kind(t: &std::fs::FileType) -> Phrase {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        phrase("ディレクトリ", "a directory")
    } else if t.is_fifo() {
        phrase("FIFO（名前付きパイプ）", "a FIFO (named pipe)")
    } else if t.is_socket() {
        phrase("ソケット", "a socket")
    } else if t.is_char_device() {
        phrase("キャラクターデバイス", "a character device")
    } else if t.is_block_device() {
        phrase("ブロックデバイス", "a block device")
    } else if t.is_symlink() {
        phrase("シンボリックリンク", "a symbolic link")
    } else {
        phrase("通常のファイル", "a regular file")
    }
}

/// A YAML-named entry that is no file to read (a FIFO, a socket, a device).
pub fn not_regular(t: &std::fs::FileType) -> Message {
    let Phrase { ja, en } = file_kind(t);
    msg!(
        "通常のファイルではない（{ja}）ため読み飛ばしました",
        "not a regular file ({en}); skipped"
    )
}

fn too_large(size: u64) -> ReadError {
    let mib = format!("{:.1}", size as f64 / (1024.0 * 1024.0));
    fail(msg!(
        "ファイルの大きさが {mib} MiB あります。事例と分類表のファイルは 1 MiB までです（本当に事例ファイルですか？）",
        "the file is {mib} MiB; case and catalog files are limited to 1 MiB (is it really a case file?)"
    ))
}

pub fn io_message(e: &std::io::Error) -> Message {
    Message::new("ファイルを読めませんでした: ", "could not read the file: ").then(&io_reason(e))
}

/// An I/O error in words, with what to do where there is something to do.
pub fn io_reason(e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => Message::new(
            "ファイルがなくなりました（読み込みの途中で移動または削除された？）",
            "it no longer exists (moved or deleted while loading?)",
        ),
        ErrorKind::PermissionDenied => Message::new(
            "権限がありません（ファイルのアクセス権を確かめてください）",
            "permission denied (check the file's permissions)",
        ),
        ErrorKind::InvalidFilename => Message::new(
            "パスがシステムの上限より長すぎます（4,096 バイト超）",
            "the path is too long for the system (more than 4,096 bytes)",
        ),
        _ => os_error(e),
    }
}

/// An I/O error in the system's own English words (`No such file or
/// directory (os error 2)`), with its Japanese equivalent.
pub fn os_error(e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    let ja = match e.kind() {
        ErrorKind::NotFound => "ファイルまたはディレクトリがありません".to_string(),
        ErrorKind::PermissionDenied => "権限がありません".into(),
        ErrorKind::AlreadyExists => "既にあります".into(),
        ErrorKind::IsADirectory => "ディレクトリです".into(),
        ErrorKind::NotADirectory => "パスの途中にディレクトリでないものがあります".into(),
        _ if e.raw_os_error() == Some(libc::ELOOP) => "シンボリックリンクがループしています".into(),
        ErrorKind::TimedOut | ErrorKind::WouldBlock => "応答がありません".into(),
        ErrorKind::StaleNetworkFileHandle => {
            "ネットワーク上のファイルの参照が古くなっています".into()
        }
        ErrorKind::StorageFull => "ディスクがいっぱいです".into(),
        ErrorKind::ReadOnlyFilesystem => "読み取り専用のファイルシステムです".into(),
        ErrorKind::FileTooLarge => "ファイルが大きすぎます".into(),
        ErrorKind::InvalidFilename => "ファイル名が長すぎるか、使えない文字を含みます".into(),
        ErrorKind::BrokenPipe => "読み手のいないパイプです".into(),
        _ => match e.raw_os_error() {
            Some(code) => format!("入出力エラーです（OS エラー番号 {code}）"),
            None => "入出力エラーです".into(),
        },
    };
    Message::new(ja, e.to_string())
}

/// Decodes UTF-8 text: a byte-order mark is dropped; UTF-16, binary data and
/// legacy Japanese encodings are refused with advice on re-saving.
pub fn decode(bytes: &[u8]) -> Result<&str, ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(Message::new(
            "ファイルが UTF-16 で書かれています。事例ファイルは UTF-8 で保存し直してください（メモ帳: \
             名前を付けて保存 > 文字コード > UTF-8、VS Code: エンコード付きで保存 > UTF-8）",
            "the file is UTF-16 text; case files must be UTF-8: re-save it as \"UTF-8\" (in Notepad: \
             Save As > Encoding > UTF-8; in VS Code: Save with Encoding > UTF-8)",
        )));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError {
            line: Some(line_of(bytes, at)),
            message: Message::new(
                "ファイルに YAML の文字ではなくバイナリデータ（NUL バイト）が含まれています",
                "the file holds binary data (a NUL byte), not YAML text",
            ),
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let Phrase { ja: guess_ja, en: guess } = guess_encoding(bytes);
        ReadError {
            line: Some(line_of(bytes, at)),
            message: msg!(
                "ファイルが UTF-8 で書かれていません{guess_ja}。UTF-8 で保存し直してください（VS Code: \
                 エンコード付きで保存 > UTF-8、メモ帳: 名前を付けて保存 > 文字コード > UTF-8）。\
                 Windows の Shift_JIS のファイルは変換が必要です",
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
fn guess_encoding(bytes: &[u8]) -> Phrase {
    let clean = |enc: &'static encoding_rs::Encoding| {
        enc.decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    };
    // EUC-JP first: its byte ranges also decode as (odd) Shift_JIS, but not the reverse.
    if clean(encoding_rs::EUC_JP) {
        phrase("（EUC-JP のようです）", " (it looks like EUC-JP)")
    } else if clean(encoding_rs::SHIFT_JIS) {
        phrase("（Shift_JIS のようです）", " (it looks like Shift_JIS)")
    } else {
        phrase("", "")
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
        assert!(err.message.en.contains("Shift_JIS"), "{}", err.message.en);
        assert_eq!(err.line, Some(2));
        let (euc, _, _) = encoding_rs::EUC_JP.encode("title: 個人情報の紛失\n");
        assert!(decode(&euc).unwrap_err().message.en.contains("EUC-JP"));
    }

    #[test]
    fn utf16_and_binary_are_refused() {
        assert!(
            decode(b"\xFF\xFEi\0d\0")
                .unwrap_err()
                .message
                .en
                .contains("UTF-16")
        );
        assert!(
            decode(b"id: a\n\0\x01\x02")
                .unwrap_err()
                .message
                .en
                .contains("binary")
        );
    }
}
