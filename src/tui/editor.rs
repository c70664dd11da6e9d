//! Running the user's editor on a case file: the browser hands the terminal
//! over (raw mode, the alternate screen, mouse capture and bracketed paste
//! left; the key reader paused, so every key reaches the editor; Ctrl-C
//! typed there does not end casebook) and takes it back after.
//!
//! Where job control allows (casebook is the terminal's foreground process
//! group), the editor runs in a process group of its own made the
//! foreground one, as a shell runs a job: keys and their signals reach the
//! editor only; a terminating signal sent to casebook is passed to the
//! editor's group and waited for (see `terminal`); Ctrl-Z in the editor
//! stops casebook with it, and `fg` continues both.

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, ExitStatus};

use super::events::Reader;
use super::terminal;
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
/// terminal back (the caller has the next frame drawn whole). Returns why it failed, if it did.
pub fn run(path: &Path, reader: &Reader) -> Option<Message> {
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
    // apart, never as part of the command line. `exec`: the editor is then
    // the process waited for, not a shell that a signal could end first.
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("exec {editor} \"$1\""))
        .arg("casebook-editor")
        .arg(path);
    let status = run_in_foreground(command);
    let back = terminal::resume();
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

/// Whether casebook leads the terminal's foreground process group (so it
/// can hand the terminal to another group and take it back).
fn job_control() -> bool {
    // SAFETY: plain queries of this process and its terminal.
    unsafe {
        let foreground = libc::tcgetpgrp(libc::STDIN_FILENO);
        foreground > 0 && foreground == libc::getpgrp()
    }
}

/// Makes process group `group` the terminal's foreground group. SIGTTOU is
/// blocked meanwhile: a background process may then do it.
fn give_terminal(group: libc::pid_t) {
    // SAFETY: a signal mask changed and put back on this thread; tcsetpgrp on
    // standard input (the terminal).
    unsafe {
        let mut block: libc::sigset_t = std::mem::zeroed();
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut block);
        libc::sigaddset(&mut block, libc::SIGTTOU);
        libc::pthread_sigmask(libc::SIG_BLOCK, &block, &mut old);
        libc::tcsetpgrp(libc::STDIN_FILENO, group);
        libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
    }
}

/// Runs `command` as the terminal's foreground job (in a group of its own,
/// where job control allows) and waits for it to end. Casebook stops while
/// the editor is stopped (Ctrl-Z), and continues it when continued itself.
/// When a terminating signal is ending casebook meanwhile, this does not
/// return: the signal thread ends the process once the editor has ended.
fn run_in_foreground(mut command: Command) -> std::io::Result<ExitStatus> {
    let own_group = job_control();
    if own_group {
        // SAFETY: only async-signal-safe calls between fork and exec: the
        // child leads a new group and makes it the terminal's foreground
        // one (as the parent does too, whichever runs first).
        unsafe {
            command.pre_exec(|| {
                libc::setpgid(0, 0);
                let mut block: libc::sigset_t = std::mem::zeroed();
                let mut old: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut block);
                libc::sigaddset(&mut block, libc::SIGTTOU);
                libc::sigprocmask(libc::SIG_BLOCK, &block, &mut old);
                libc::tcsetpgrp(libc::STDIN_FILENO, libc::getpid());
                libc::sigprocmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
                // Writes that fail on a full disk end the editor as they would
                // anywhere else (casebook ignores SIGXFSZ for itself).
                libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
                Ok(())
            });
        }
    }
    let child = command.spawn();
    let child = match child {
        Ok(child) => child,
        Err(e) => {
            return Err(e);
        }
    };
    let pid = child.id() as libc::pid_t;
    if own_group {
        // SAFETY: the same as the child does; harmless when done twice.
        unsafe { libc::setpgid(pid, pid) };
        give_terminal(pid);
    }
    terminal::editor_started(pid, own_group);
    let status = loop {
        let mut raw = 0;
        // SAFETY: waits for our own child; WUNTRACED also reports a stop.
        let got = unsafe { libc::waitpid(pid, &mut raw, libc::WUNTRACED) };
        if got < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            break Err(e);
        }
        if libc::WIFSTOPPED(raw) {
            if own_group {
                // The editor was stopped (Ctrl-Z): stop with it, so the
                // shell gets the terminal back; when continued (fg), give
                // the terminal to the editor again and continue it.
                // SAFETY: our own process group, then the editor's.
                unsafe {
                    give_terminal(libc::getpgrp());
                    libc::kill(0, libc::SIGSTOP);
                    give_terminal(pid);
                    libc::kill(-pid, libc::SIGCONT);
                }
            }
            continue;
        }
        break Ok(ExitStatus::from_raw(raw));
    };
    if own_group {
        // SAFETY: our own process group.
        give_terminal(unsafe { libc::getpgrp() });
    }
    if terminal::editor_ended() {
        // The signal thread ends the process now.
        loop {
            std::thread::park();
        }
    }
    status
}
