//! Everything the commands print goes through here (the crate denies `println!`
//! and friends), so three rules hold for every command:
//!
//! - Everything printed passes the one text rule ([`crate::text::clean`] with
//!   [`Lines::Output`]): no control character, bidi override or invisible
//!   character from a file name, an argument or a file reaches the terminal.
//!   The one exception is a rendered document (`show`, `export`), written byte
//!   for byte with [`Out::write_bytes`]: its text passed the rule when it was
//!   loaded, and a CSV's byte-order mark or a Word file must not be altered.
//! - A reader that goes away (`casebook list | head -1`) ends the program
//!   quietly with exit status 141 (128 + SIGPIPE, what a shell shows for a
//!   process ended by SIGPIPE); nothing more is written, not even to stderr.
//!   SIGPIPE itself stays ignored (Rust's default), so the same holds for the
//!   pipe to a clipboard tool.
//! - Any other failure to write standard output (a full disk: `>/dev/full`)
//!   gives one line on stderr and exit status 1. A standard error that cannot
//!   be written (`2>/dev/full`) is not reported anywhere: there is nowhere left.

use std::io::{self, BufWriter, StdoutLock, Write};
use std::process::ExitCode;

use crate::diag::Message;
use crate::lang::Lang;
use crate::text::{self, Lines};

/// The exit status when the reader of standard output or error went away.
pub const CLOSED: u8 = 128 + 13;

/// Why a command stopped early. The message is in both languages, written
/// where the problem was found; it is shown in the interface language when
/// the program ends ([`Fail::exit`]).
#[derive(Debug, PartialEq, Eq)]
pub enum Fail {
    /// A problem to report on stderr; exit status 1.
    Error(Message),
    /// A mistake in the command line; exit status 2.
    Usage(Message),
    /// The reader of our output went away: exit quietly with [`CLOSED`].
    Closed,
}

impl From<Message> for Fail {
    fn from(message: Message) -> Fail {
        Fail::Error(message)
    }
}

impl Fail {
    /// Reports the failure in `lang` (when there is anything to say) and
    /// gives the exit status.
    pub fn exit(self, lang: Lang) -> ExitCode {
        match self {
            Fail::Closed => ExitCode::from(CLOSED),
            Fail::Error(message) => {
                let _ = error(lang, &message);
                ExitCode::FAILURE
            }
            Fail::Usage(message) => {
                let _ = error(lang, &message);
                ExitCode::from(2)
            }
        }
    }
}

fn stdout_failed(e: io::Error) -> Fail {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Fail::Closed;
    }
    let reason = match e.kind() {
        io::ErrorKind::StorageFull => Message::new(
            "デバイスに空きがありません（ディスクがいっぱいです）",
            "no space left on the device (the disk is full)",
        ),
        _ => crate::load::read::os_error(&e),
    };
    Fail::Error(
        Message::new(
            "標準出力に書き込めません: ",
            "cannot write to standard output: ",
        )
        .then(&reason),
    )
}

/// Buffered standard output for one command.
pub struct Out {
    w: BufWriter<StdoutLock<'static>>,
}

impl Out {
    pub fn new() -> Out {
        Out {
            w: BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
        }
    }

    /// Writes `text` (cleaned by the text rule).
    pub fn print(&mut self, text: &str) -> Result<(), Fail> {
        let text = text::clean(text, Lines::Output);
        self.w.write_all(text.as_bytes()).map_err(stdout_failed)
    }

    /// Writes a document's bytes as they are (see `cli::commands::deliver`).
    pub fn write_bytes(&mut self, data: &[u8]) -> Result<(), Fail> {
        self.w.write_all(data).map_err(stdout_failed)
    }

    /// Flushes what is buffered; every command ends with this, so a failure
    /// that shows only at the end (a full disk) is still reported.
    pub fn finish(mut self) -> Result<(), Fail> {
        self.w.flush().map_err(stdout_failed)
    }
}

impl Default for Out {
    fn default() -> Self {
        Out::new()
    }
}

/// Writes all of `text` to standard output at once (help and version texts).
pub fn print(text: &str) -> Result<(), Fail> {
    let mut out = Out::new();
    out.print(text)?;
    out.finish()
}

/// Writes `text` to standard error, cleaned. A closed stderr stops the
/// program quietly; any other failure is ignored (there is nowhere to say it).
pub fn eprint(text: &str) -> Result<(), Fail> {
    let text = text::clean(text, Lines::Output);
    let mut err = io::stderr().lock();
    match err.write_all(text.as_bytes()).and_then(|_| err.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Fail::Closed),
        _ => Ok(()),
    }
}

/// `casebook: {message}` on standard error, the message in `lang`.
pub fn error(lang: Lang, message: &Message) -> Result<(), Fail> {
    eprint(&format!("casebook: {}\n", message.get(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_one_clear_line_and_a_closed_pipe_is_quiet() {
        let full = stdout_failed(io::Error::from(io::ErrorKind::StorageFull));
        let Fail::Error(message) = full else {
            panic!("{full:?}")
        };
        assert_eq!(
            message.en,
            "cannot write to standard output: no space left on the device (the disk is full)"
        );
        assert_eq!(
            message.ja,
            "標準出力に書き込めません: デバイスに空きがありません（ディスクがいっぱいです）"
        );
        let closed = stdout_failed(io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!(closed, Fail::Closed);
    }
}
