//! `casebook validate [PATH...]`: diagnostics on stderr (or JSON on stdout),
//! a one-line summary, exit 1 on any error.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Cli, DiagFormat, Session};
use crate::diag::{self, Diagnostic};
use crate::load::{self, Input};
use crate::out::{self, Fail, Out};

pub fn run(cli: &Cli, paths: &[PathBuf], format: DiagFormat) -> Result<ExitCode, Fail> {
    let (diagnostics, cases) = if paths.is_empty() {
        let session = Session::open(cli)?;
        let cases = session.loaded.casebook.len();
        (session.diagnostics, cases)
    } else {
        let problems: Vec<String> = cli
            .casebooks
            .iter()
            .filter_map(|d| super::dir_problem(d))
            .collect();
        super::check_problems(&problems)?;
        let mut inputs = Vec::new();
        if !cli.no_bundled {
            inputs.push(Input::Bundled);
        }
        inputs.extend(paths.iter().cloned().map(Input::path));
        let loaded = load::load_with(&inputs, &cli.casebooks, &super::cache_settings(cli));
        super::report_cache(&loaded);
        let book = &loaded.casebook;
        let cases = (0..book.len()).filter(|&i| !book.is_bundled(i)).count();
        let mut diagnostics = loaded.diagnostics;
        if let Some(path) = &cli.soa {
            let (_, diags) = crate::answers::soa::read_file(path, &loaded.casebook.catalogs);
            diagnostics.extend(diags);
        }
        (diagnostics, cases)
    };
    report(&diagnostics, cases, format)?;
    Ok(if diagnostics.iter().any(Diagnostic::is_error) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn report(diags: &[Diagnostic], cases: usize, format: DiagFormat) -> Result<(), Fail> {
    let (errors, warnings) = diag::counts(diags);
    match format {
        DiagFormat::Text => {
            // One write for all of them: 80,000 diagnostics are 80,000 lines.
            let mut text = String::new();
            for d in diags {
                text.push_str(&d.to_string());
                text.push('\n');
            }
            out::eprint(&text)?;
        }
        DiagFormat::Json => {
            let json = serde_json::to_string_pretty(diags).unwrap_or_else(|_| "[]".into());
            let mut stdout = Out::new();
            stdout.print(&json)?;
            stdout.print("\n")?;
            stdout.finish()?;
        }
    }
    out::eprint(&format!(
        "{}, {}, {}\n",
        crate::plural::count(cases, "case", "cases"),
        crate::plural::count(errors, "error", "errors"),
        crate::plural::count(warnings, "warning", "warnings")
    ))
}
