//! `casebook validate [PATH...]`: diagnostics on stderr (or JSON on stdout),
//! a one-line summary, exit 1 on any error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Cli, DiagFormat, Session};
use crate::diag::{self, Diagnostic};
use crate::load::{self, Input};

pub fn run(cli: &Cli, paths: &[PathBuf], format: DiagFormat) -> ExitCode {
    let (diagnostics, cases) = if paths.is_empty() {
        let session = Session::open(cli);
        let cases = session.loaded.casebook.len();
        (session.diagnostics, cases)
    } else {
        let mut inputs = Vec::new();
        if !cli.no_bundled {
            inputs.push(Input::Bundled);
        }
        inputs.extend(paths.iter().cloned().map(Input::path));
        let loaded = load::load_with(&inputs, &cli.casebooks, &super::cache_settings(cli));
        super::report_cache(&loaded);
        let book = &loaded.casebook;
        let cases = (0..book.len()).filter(|&i| !book.is_bundled(i)).count();
        (loaded.diagnostics, cases)
    };
    report(&diagnostics, cases, format);
    if diagnostics.iter().any(Diagnostic::is_error) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn report(diags: &[Diagnostic], cases: usize, format: DiagFormat) {
    let (errors, warnings) = diag::counts(diags);
    let mut err = std::io::stderr().lock();
    match format {
        DiagFormat::Text => {
            for d in diags {
                let _ = writeln!(err, "{d}");
            }
        }
        DiagFormat::Json => {
            let json = serde_json::to_string_pretty(diags).unwrap_or_else(|_| "[]".into());
            println!("{json}");
        }
    }
    let _ = writeln!(err, "{cases} cases, {errors} errors, {warnings} warnings");
}
