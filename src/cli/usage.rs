//! Help, version and command-line mistakes as clap reports them.

use std::process::ExitCode;

use super::lang::typed_lang;
use crate::out::{self, Fail};

/// Help, version and command-line mistakes from clap, printed by the output
/// module (so they follow its rules: clean text, quiet on a closed pipe).
pub(super) fn usage(e: clap::Error) -> ExitCode {
    let text = e.render().to_string();
    let printed = if e.use_stderr() {
        out::eprint(&text)
    } else {
        out::print(&text)
    };
    match printed {
        Err(Fail::Closed) => ExitCode::from(out::CLOSED),
        Err(fail) => fail.exit(typed_lang()),
        Ok(()) => ExitCode::from(e.exit_code().clamp(0, 255) as u8),
    }
}
