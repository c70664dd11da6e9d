//! `casebook validate [PATH...]`: diagnostics on stderr (or JSON on stdout),
//! a one-line summary, exit 1 on any error.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Cli, DiagFormat, Session};
use crate::diag::{self, Diagnostic};
use crate::lang::Lang;
use crate::load::{self, Input};
use crate::out::{self, Fail, Out};

pub fn run(cli: &Cli, paths: &[PathBuf], format: DiagFormat) -> Result<ExitCode, Fail> {
    let (diagnostics, cases, lang) = if paths.is_empty() {
        let session = Session::open(cli)?;
        let cases = session.loaded.casebook.len();
        (session.diagnostics, cases, session.lang)
    } else {
        let (config, _) = crate::config::load().map_err(Fail::Usage)?;
        let lang = super::interface_lang(cli, Some(&config));
        let problems: Vec<crate::diag::Message> = cli
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
        super::report_cache(&loaded, lang);
        let book = &loaded.casebook;
        let cases = (0..book.len()).filter(|&i| !book.is_bundled(i)).count();
        let mut diagnostics = loaded.diagnostics;
        if let Some(path) = &cli.soa {
            let (_, diags) = crate::answers::soa::read_file(path, &loaded.casebook.catalogs);
            diagnostics.extend(diags);
        }
        (diagnostics, cases, lang)
    };
    report(&diagnostics, cases, format, lang)?;
    Ok(if diagnostics.iter().any(Diagnostic::is_error) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Diagnostics in the interface language; the `path:line:col: error:` part
/// (and `error`/`warning`) stays the same in every language, for parsers.
fn report(diags: &[Diagnostic], cases: usize, format: DiagFormat, lang: Lang) -> Result<(), Fail> {
    let (errors, warnings) = diag::counts(diags);
    match format {
        DiagFormat::Text => {
            // One write for all of them: 80,000 diagnostics are 80,000 lines.
            let mut text = String::new();
            for d in diags {
                text.push_str(&d.display(lang).to_string());
                text.push('\n');
            }
            out::eprint(&text)?;
        }
        DiagFormat::Json => {
            let shown: Vec<diag::Shown> = diags.iter().map(|d| d.shown(lang)).collect();
            let json = serde_json::to_string_pretty(&shown).unwrap_or_else(|_| "[]".into());
            let mut stdout = Out::new();
            stdout.print(&json)?;
            stdout.print("\n")?;
            stdout.finish()?;
        }
    }
    out::eprint(&match lang {
        Lang::Ja => format!("事例 {cases}件、エラー {errors}件、警告 {warnings}件\n"),
        Lang::En => format!(
            "{}, {}, {}\n",
            crate::plural::count(cases, "case", "cases"),
            crate::plural::count(errors, "error", "errors"),
            crate::plural::count(warnings, "warning", "warnings")
        ),
    })
}
