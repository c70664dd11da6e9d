//! Running the user's editor on a case file: the browser hands the terminal
//! over (raw mode, the alternate screen, mouse capture and bracketed paste
//! left; the key reader paused, so every key reaches the editor; Ctrl-C
//! typed there does not end casebook) and takes it back after.

use std::path::Path;
use std::process::Command;

use super::events::Reader;
use super::terminal::{self, Term};
use crate::diag::Message;
use crate::msg;
use crate::text;

/// The editor to run: `$VISUAL`, else `$EDITOR`, else the first of vi and
/// nano found on the PATH. It may carry arguments (`code --wait`).
pub fn command() -> Option<String> {
    let set = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
    set("VISUAL").or_else(|| set("EDITOR")).or_else(|| {
        let paths = std::env::var_os("PATH")?;
        ["vi", "nano"]
            .into_iter()
            .find(|e| std::env::split_paths(&paths).any(|d| d.join(e).is_file()))
            .map(str::to_string)
    })
}

/// Runs the editor on `path` with the terminal handed over, and takes the
/// terminal back (the next frame redraws everything). Returns why it failed, if it did.
pub fn run(path: &Path, term: &mut Term, reader: &Reader) -> Option<Message> {
    let shown = text::path(path);
    if !path.is_file() {
        return Some(msg!(
            "{shown} がありません（移動または削除された？）",
            "{shown} is not there (moved or deleted?)"
        ));
    }
    let Some(editor) = command() else {
        return Some(Message::new(
            "エディタが見つかりません。環境変数 VISUAL か EDITOR にエディタを設定してください",
            "No editor found: set VISUAL or EDITOR",
        ));
    };
    reader.pause();
    terminal::suspend();
    // The shell splits an editor given with arguments; the file is passed
    // apart, never as part of the command line.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("casebook-editor")
        .arg(path)
        .status();
    let back = terminal::resume();
    let _ = term.clear();
    reader.resume();
    if let Err(e) = back {
        return Some(
            Message::new(
                "端末を元に戻せませんでした: ",
                "could not take the terminal back: ",
            )
            .then(&crate::load::read::os_error(&e)),
        );
    }
    let editor = text::line(&editor);
    match status {
        Ok(s) if s.success() => None,
        Ok(s) if s.code() == Some(127) => Some(msg!(
            "エディタ（{editor}）を起動できませんでした（コマンドが見つかりません。空白を含むパスなら引用符で囲んでください）",
            "could not start the editor ({editor}): command not found (quote a path that contains spaces)"
        )),
        Ok(s) => {
            let code = s.code().map_or("-".to_string(), |c| c.to_string());
            Some(msg!(
                "エディタ（{editor}）が終了コード {code} で終わりました",
                "the editor ({editor}) ended with exit status {code}"
            ))
        }
        Err(e) => Some(
            msg!(
                "エディタ（{editor}）を起動できませんでした: ",
                "could not start the editor ({editor}): "
            )
            .then(&crate::load::read::os_error(&e)),
        ),
    }
}
