//! The command line: `main`, and the dispatch of each subcommand to the file
//! that runs it.

mod answers;
mod args;
mod author;
mod browse;
mod cache;
mod commands;
mod inputs;
mod lang;
mod report;
mod review;
mod session;
mod stats;
mod usage;
mod validate;

use std::process::ExitCode;

use clap::Parser;

pub use args::{
    ChecklistFormat, Cli, Command, CoverageFormat, DiagFormat, Limit, ListFormat, RegisterFormat,
    ReportFormat, ShowFormat, TextFormat,
};
pub use cache::{cache_settings, report_cache};
use inputs::normal_inputs;
pub use inputs::{dir_problem, soa_problem, user_dir};
pub use lang::interface_lang;
pub use session::{Session, check_problems, soa_path};

use crate::out::{self, Fail};

pub fn main() -> ExitCode {
    // A file-size limit (`ulimit -f`) must make a write fail (EFBIG), which the
    // export reports and cleans up after, instead of killing the program.
    // SAFETY: setting a signal's disposition to "ignore" at start-up, before any thread.
    unsafe { libc::signal(libc::SIGXFSZ, libc::SIG_IGN) };
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage::usage(e),
    };
    match run(&cli) {
        Ok(code) => code,
        Err(Fail::Closed) => ExitCode::from(out::CLOSED),
        // Said in the interface language, read again here: the failure may
        // have come before the session (or without one).
        Err(fail) => fail.exit(interface_lang(&cli, None)),
    }
}

fn run(cli: &Cli) -> Result<ExitCode, Fail> {
    // `--limit` is checked before anything is loaded, as a usage error.
    if let Some(Command::Search { limit: Some(l), .. } | Command::Similar { limit: l, .. }) =
        &cli.command
    {
        l.get()?;
    }
    // As the browser's query line: at most 1,000 characters are searched for.
    if let Some(Command::Search { query, .. }) = &cli.command {
        let n = query.chars().count();
        if n > crate::tui::search::MAX_QUERY_CHARS {
            let (n, max) = (
                crate::text::thousands(n as u64),
                crate::text::thousands(crate::tui::search::MAX_QUERY_CHARS as u64),
            );
            return Err(Fail::Usage(crate::msg!(
                "検索語が{n}文字あります。検索できるのは{max}文字までです",
                "the search query has {n} characters; at most {max} are searched for"
            )));
        }
    }
    match &cli.command {
        Some(Command::Validate { paths, format }) => validate::run(cli, paths, *format),
        Some(command @ (Command::New { .. } | Command::Schema { .. } | Command::Draft { .. })) => {
            author::run(cli, command)
        }
        Some(
            command @ (Command::Coverage { .. } | Command::Stats { .. } | Command::Similar { .. }),
        ) => answers::run(cli, command),
        Some(command @ (Command::Triage { .. } | Command::Report { .. } | Command::Due { .. })) => {
            report::run(cli, command)
        }
        Some(
            command @ (Command::Measures { .. }
            | Command::Digest { .. }
            | Command::Checklist { .. }),
        ) => review::run(cli, command),
        Some(command) => commands::run(cli, command),
        None => browse::browse(cli),
    }
}
