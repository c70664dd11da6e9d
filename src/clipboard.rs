//! Copying text to the clipboard: the OSC 52 terminal sequence (works locally,
//! over SSH and inside tmux) and a native tool where one is available
//! (wl-copy, xclip, xsel, pbcopy). clip.exe is never used: it garbles Japanese.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use base64::Engine;

use crate::config::ClipboardMode;
use crate::text::{self, Lines};

/// The OSC 52 sequence that sets the system clipboard to `text`.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// The same sequence wrapped in tmux's DCS passthrough (`ESC P tmux; ... ESC \`,
/// with every ESC inside doubled), which tmux forwards to the outer terminal
/// when `allow-passthrough` is on.
pub fn tmux_passthrough(sequence: &str) -> String {
    format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
}

/// What to write to the terminal for `text`. Inside tmux (`$TMUX` set) the plain
/// sequence is what tmux's `set-clipboard on` takes in; the wrapped copy reaches
/// the outer terminal through passthrough when that is allowed instead.
pub fn terminal_sequences(text: &str, in_tmux: bool) -> String {
    let plain = osc52(text);
    if in_tmux {
        let wrapped = tmux_passthrough(&plain);
        format!("{plain}{wrapped}")
    } else {
        plain
    }
}

/// A native clipboard tool usable in this session: (program, arguments).
pub fn native_tool() -> Option<(&'static str, &'static [&'static str])> {
    let env = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    let candidates: &[(&str, &[&str], bool)] = &[
        ("pbcopy", &[], cfg!(target_os = "macos")),
        (
            "wl-copy",
            &["--type", "text/plain;charset=utf-8"],
            env("WAYLAND_DISPLAY"),
        ),
        ("xclip", &["-selection", "clipboard", "-in"], env("DISPLAY")),
        ("xsel", &["--clipboard", "--input"], env("DISPLAY")),
    ];
    candidates
        .iter()
        .find(|(program, _, usable)| *usable && on_path(program))
        .map(|(program, args, _)| (*program, *args))
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// How long a native tool may take, for the whole exchange: starting, reading
/// all of the text and (for most tools) exiting.
pub const NATIVE_DEADLINE: Duration = Duration::from_secs(1);

/// How a native tool took the text.
#[derive(Debug, PartialEq, Eq)]
enum Native {
    Took,
    Failed,
    /// It did not read the text within [`NATIVE_DEADLINE`]; it was stopped.
    TimedOut,
}

/// Pipes `text` into a native tool. The text is written on a thread of its
/// own, so a tool that never reads cannot block the caller past the deadline;
/// such a tool is killed (with anything it started: it runs in a process
/// group of its own).
fn run_native(program: &str, args: &[&str], text: &str) -> Native {
    use std::os::unix::process::CommandExt;
    let Ok(mut child) = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
    else {
        return Native::Failed;
    };
    let deadline = Instant::now() + NATIVE_DEADLINE;
    let (done, written) = mpsc::channel();
    let stdin = child.stdin.take();
    let bytes = text.as_bytes().to_vec();
    std::thread::spawn(move || {
        // A short text fits in the pipe whether or not the tool reads it:
        // written is not taken. The text counts as taken once the pipe is
        // empty (the tool read it all); dropping the pipe then tells the
        // tool the text is complete.
        let ok = stdin
            .is_some_and(|mut pipe| pipe.write_all(&bytes).is_ok() && drained(&pipe, deadline));
        let _ = done.send(ok);
    });
    let left = deadline.saturating_duration_since(Instant::now());
    let written = match written.recv_timeout(left + Duration::from_millis(50)) {
        Ok(true) => true,
        Ok(false) if !still_running(&mut child) => false,
        Ok(false) | Err(_) => {
            stop(&mut child);
            return Native::TimedOut;
        }
    };
    loop {
        match child.try_wait() {
            Ok(Some(status)) if written && status.success() => return Native::Took,
            Ok(Some(_)) => return Native::Failed,
            // Tools such as xclip keep running to serve the selection: having
            // read everything, that is success.
            Ok(None) if Instant::now() >= deadline && written => return Native::Took,
            Ok(None) if Instant::now() >= deadline => {
                stop(&mut child);
                return Native::Failed;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => return Native::Failed,
        }
    }
}

/// Whether everything written to `pipe` has been read from it, waiting
/// until `deadline` at most.
fn drained(pipe: &std::process::ChildStdin, deadline: Instant) -> bool {
    use std::os::fd::AsRawFd;
    loop {
        let mut unread: libc::c_int = 0;
        // SAFETY: FIONREAD on a pipe we own writes one int (the bytes in the
        // pipe, from either end).
        if unsafe { libc::ioctl(pipe.as_raw_fd(), libc::FIONREAD, &mut unread) } != 0 {
            // Cannot tell: taken as read, as before this check existed.
            return true;
        }
        if unread == 0 {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn still_running(child: &mut std::process::Child) -> bool {
    matches!(child.try_wait(), Ok(None))
}

/// Kills a tool and everything in its process group, and reaps it.
fn stop(child: &mut std::process::Child) {
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: a signal to the process group the child leads.
        unsafe { libc::kill(-pid, libc::SIGKILL) };
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A native tool that prints the clipboard's text: (program, arguments).
pub fn paste_tool() -> Option<(&'static str, &'static [&'static str])> {
    let env = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    let candidates: &[(&str, &[&str], bool)] = &[
        ("pbpaste", &[], cfg!(target_os = "macos")),
        (
            "wl-paste",
            &["--no-newline", "--type", "text"],
            env("WAYLAND_DISPLAY"),
        ),
        (
            "xclip",
            &["-selection", "clipboard", "-out"],
            env("DISPLAY"),
        ),
        ("xsel", &["--clipboard", "--output"], env("DISPLAY")),
    ];
    candidates
        .iter()
        .find(|(program, _, usable)| *usable && on_path(program))
        .map(|(program, args, _)| (*program, *args))
}

/// How long reading the clipboard may take, for the whole exchange.
pub const PASTE_DEADLINE: Duration = Duration::from_secs(2);

/// What reading the clipboard gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Pasted {
    /// The clipboard's bytes (text in whatever encoding the tool gave).
    Bytes(Vec<u8>),
    /// No tool to read the clipboard with in this session.
    NoTool,
    /// The tool failed (an empty clipboard, no display).
    Failed(String),
    /// The tool gave nothing within [`PASTE_DEADLINE`] and was stopped.
    TimedOut(String),
    /// More than `limit` bytes: not a notice.
    TooLarge(String),
}

/// Reads the system clipboard with a native tool, at most `limit` bytes. A
/// tool that does not finish within [`PASTE_DEADLINE`] is stopped (with
/// anything it started).
pub fn paste(limit: usize) -> Pasted {
    use std::io::Read;
    use std::os::unix::process::CommandExt;
    let Some((program, args)) = paste_tool() else {
        return Pasted::NoTool;
    };
    let Ok(mut child) = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
    else {
        return Pasted::Failed(program.to_string());
    };
    let (done, read) = mpsc::channel();
    let stdout = child.stdout.take();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let ok =
            stdout.is_some_and(|pipe| pipe.take(limit as u64 + 1).read_to_end(&mut bytes).is_ok());
        let _ = done.send((ok, bytes));
    });
    let (ok, bytes) = match read.recv_timeout(PASTE_DEADLINE) {
        Ok(got) => got,
        Err(_) => {
            stop(&mut child);
            return Pasted::TimedOut(program.to_string());
        }
    };
    if bytes.len() > limit {
        stop(&mut child);
        return Pasted::TooLarge(program.to_string());
    }
    let deadline = Instant::now() + PASTE_DEADLINE;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if ok && status.success() => return Pasted::Bytes(bytes),
            Ok(Some(_)) | Err(_) => return Pasted::Failed(program.to_string()),
            Ok(None) if Instant::now() >= deadline => {
                stop(&mut child);
                return Pasted::TimedOut(program.to_string());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

/// What copying did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Copied {
    /// The ways that took the text ("OSC 52", "wl-copy").
    pub via: Vec<String>,
    /// A native tool that did not take the text in time and was stopped.
    pub stuck: Option<String>,
}

/// Copies `text` the configured ways. OSC 52 goes to `terminal`.
pub fn copy(text: &str, mode: ClipboardMode, terminal: &mut dyn Write) -> Copied {
    let text = text::clean(text, Lines::Keep);
    let mut copied = Copied::default();
    if matches!(mode, ClipboardMode::Auto | ClipboardMode::Osc52) {
        let in_tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
        let sequence = terminal_sequences(&text, in_tmux);
        if terminal
            .write_all(sequence.as_bytes())
            .and_then(|_| terminal.flush())
            .is_ok()
        {
            copied.via.push("OSC 52".to_string());
        }
    }
    if matches!(mode, ClipboardMode::Auto | ClipboardMode::Native)
        && let Some((program, args)) = native_tool()
    {
        match run_native(program, args, &text) {
            Native::Took => copied.via.push(program.to_string()),
            Native::TimedOut => copied.stuck = Some(program.to_string()),
            Native::Failed => {}
        }
    }
    copied
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_base64_of_utf8() {
        assert_eq!(osc52("紛失"), "\x1b]52;c;57Sb5aSx\x07");
    }

    #[test]
    fn tmux_gets_the_plain_sequence_and_a_passthrough_copy() {
        let s = terminal_sequences("a", true);
        assert!(s.starts_with("\x1b]52;c;YQ==\x07"));
        assert!(s.ends_with("\x1bPtmux;\x1b\x1b]52;c;YQ==\x07\x1b\\"));
        assert_eq!(terminal_sequences("a", false), "\x1b]52;c;YQ==\x07");
    }

    #[test]
    fn control_characters_never_reach_the_clipboard() {
        let mut out = Vec::new();
        let copied = copy("a\x1b]52;c;x\x07b", ClipboardMode::Osc52, &mut out);
        assert_eq!(copied.via, vec!["OSC 52"]);
        let s = String::from_utf8(out).unwrap();
        let b64 = s.trim_start_matches("\x1b]52;c;").trim_end_matches('\x07');
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap(), "a␛]52;c;x␇b");
    }

    #[test]
    fn off_copies_nothing() {
        let mut out = Vec::new();
        assert_eq!(copy("x", ClipboardMode::Off, &mut out), Copied::default());
        assert!(out.is_empty());
    }
}
