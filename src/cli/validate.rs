//! `casebook validate [PATH...]`: diagnostics on stderr (or JSON on stdout),
//! a one-line summary, exit 1 on any error.
//!
//! Statements of applicability are checked as statements: a path named
//! whose first key is `soa:`, the `soa.yaml` in the root of each casebook
//! directory checked ([`crate::load::layout`]), and the one given by `--soa`
//! or the config file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::session::Scope;
use super::{Cli, DiagFormat, Session};
use crate::answers::soa;
use crate::catalog::Catalogs;
use crate::diag::{self, Diagnostic};
use crate::lang::Lang;
use crate::load::layout::Layout;
use crate::load::{self, Input};
use crate::out::{self, Fail, Out};

pub fn run(cli: &Cli, paths: &[PathBuf], format: DiagFormat) -> Result<ExitCode, Fail> {
    let (diagnostics, counts, lang) = if paths.is_empty() {
        let session = Session::open(cli)?;
        let mut diagnostics = session.diagnostics;
        let configured = super::soa_path(cli, &session.config);
        let mut statements = usize::from(configured.is_some());
        let book = &session.loaded.casebook;
        for file in root_statements(&session.inputs) {
            if configured.as_deref().is_some_and(|c| same_file(c, &file)) {
                continue;
            }
            statements += 1;
            diagnostics.extend(soa::read_file(&file, &book.catalogs).1);
        }
        let counts = Counts {
            cases: book.len(),
            statements,
        };
        (diagnostics, counts, session.lang)
    } else {
        // A file whose first key is `soa:` is a statement, whatever its name.
        let (named, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .iter()
            .cloned()
            .partition(|p| p.is_file() && soa::is_statement_file(p));
        let mut inputs = Vec::new();
        if !cli.no_bundled {
            inputs.push(Input::Bundled);
        }
        inputs.extend(paths.into_iter().map(Input::path));
        // A statement is read against the catalogs of the casebook it is in.
        let mut catalog_dirs = cli.casebooks.clone();
        catalog_dirs.extend(named.iter().filter_map(|f| load::casebook_root(f)));
        let session = Session::open_scope(
            cli,
            Scope::Named {
                inputs,
                catalog_dirs,
            },
        )?;
        let lang = session.lang;
        let book = &session.loaded.casebook;
        let cases = (0..book.len()).filter(|&i| !book.is_bundled(i)).count();
        let mut diagnostics = session.diagnostics;
        let mut statements: Vec<PathBuf> = named;
        statements.extend(root_statements(&session.inputs));
        statements.extend(cli.soa.clone());
        let statements = distinct(statements);
        for file in &statements {
            diagnostics.extend(check(file, &book.catalogs));
        }
        let counts = Counts {
            cases,
            statements: statements.len(),
        };
        (diagnostics, counts, lang)
    };
    report(&diagnostics, counts, format, lang)?;
    Ok(if diagnostics.iter().any(Diagnostic::is_error) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// What was checked.
struct Counts {
    cases: usize,
    statements: usize,
}

/// The statement of applicability in the root of each casebook directory among `inputs`.
fn root_statements(inputs: &[Input]) -> Vec<PathBuf> {
    inputs
        .iter()
        .filter_map(|i| match i {
            Input::Dir(dir) => Layout::of(dir).statement(),
            _ => None,
        })
        .collect()
}

fn check(file: &Path, catalogs: &Catalogs) -> Vec<Diagnostic> {
    soa::read_file(file, catalogs).1
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Each file once, however it was named.
fn distinct(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::with_capacity(files.len());
    for f in files {
        if !out.iter().any(|o| same_file(o, &f)) {
            out.push(f);
        }
    }
    out
}

/// Diagnostics in the interface language; the `path:line:col: error:` part
/// (and `error`/`warning`) stays the same in every language, for parsers.
fn report(
    diags: &[Diagnostic],
    counts: Counts,
    format: DiagFormat,
    lang: Lang,
) -> Result<(), Fail> {
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
    let Counts { cases, statements } = counts;
    out::eprint(&match lang {
        Lang::Ja if statements > 0 => format!(
            "事例 {cases}件、適用宣言書 {statements}件、エラー {errors}件、警告 {warnings}件\n"
        ),
        Lang::Ja => format!("事例 {cases}件、エラー {errors}件、警告 {warnings}件\n"),
        Lang::En => {
            let statements = if statements > 0 {
                format!(
                    "{}, ",
                    crate::plural::count(
                        statements,
                        "statement of applicability",
                        "statements of applicability"
                    )
                )
            } else {
                String::new()
            };
            format!(
                "{}, {statements}{}, {}\n",
                crate::plural::count(cases, "case", "cases"),
                crate::plural::count(errors, "error", "errors"),
                crate::plural::count(warnings, "warning", "warnings")
            )
        }
    })
}
