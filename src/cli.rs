//! The command line: global options, subcommands and their dispatch.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diag::{self, Diagnostic};
use crate::lang::Lang;
use crate::load::{self, Input, Loaded};

#[derive(Parser, Debug)]
#[command(
    name = "casebook",
    version,
    about = "A casebook of real security incidents and their prevention measures (ISMS / P-mark)"
)]
pub struct Cli {
    /// Also load this casebook directory (repeatable)
    #[arg(long = "casebook", value_name = "DIR", global = true)]
    pub casebooks: Vec<PathBuf>,
    /// Do not load the bundled casebook of public incidents
    #[arg(long, global = true)]
    pub no_bundled: bool,
    /// Language of the interface and of titles from catalogs
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check case files and catalogs; exit 1 when any has an error (for CI)
    Validate {
        /// Directories or files to check (default: everything normally loaded)
        paths: Vec<PathBuf>,
        /// Output format of the diagnostics
        #[arg(long, value_enum, default_value_t = DiagFormat::Text)]
        format: DiagFormat,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    Text,
    Json,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("casebook: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The user's own casebook directory (e.g. ~/.local/share/casebook), if any.
pub fn user_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "casebook").map(|d| d.data_dir().to_path_buf())
}

/// What a plain run loads: bundled, the user's directory, then each --casebook.
fn normal_inputs(cli: &Cli) -> Vec<Input> {
    let mut inputs = Vec::new();
    if !cli.no_bundled {
        inputs.push(Input::Bundled);
    }
    if let Some(dir) = user_dir().filter(|d| d.is_dir()) {
        inputs.push(Input::Dir(dir));
    }
    inputs.extend(cli.casebooks.iter().cloned().map(Input::Dir));
    inputs
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match &cli.command {
        Some(Command::Validate { paths, format }) => Ok(validate(&cli, paths, *format)),
        None => {
            let loaded = load::load(&normal_inputs(&cli), &[]);
            summary(&loaded);
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn summary(loaded: &Loaded) {
    let (errors, warnings) = diag::counts(&loaded.diagnostics);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "casebook: {} cases loaded", loaded.casebook.len());
    for catalog in loaded.casebook.catalogs.all() {
        let _ = writeln!(out, "  {:<10} {}", catalog.scheme, catalog.title.en);
    }
    if errors + warnings > 0 {
        let _ = writeln!(
            out,
            "{errors} errors, {warnings} warnings: run `casebook validate` for details"
        );
    }
}

/// `casebook validate [PATH...]`
fn validate(cli: &Cli, paths: &[PathBuf], format: DiagFormat) -> ExitCode {
    let (inputs, catalog_dirs) = if paths.is_empty() {
        (normal_inputs(cli), Vec::new())
    } else {
        let mut inputs = Vec::new();
        if !cli.no_bundled {
            inputs.push(Input::Bundled);
        }
        inputs.extend(paths.iter().cloned().map(Input::path));
        (inputs, cli.casebooks.clone())
    };
    let loaded = load::load(&inputs, &catalog_dirs);
    let cases = if paths.is_empty() {
        loaded.casebook.len()
    } else {
        loaded
            .casebook
            .entries()
            .iter()
            .filter(|e| !e.bundled)
            .count()
    };
    report(&loaded.diagnostics, cases, format);
    if loaded.diagnostics.iter().any(Diagnostic::is_error) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn report(diags: &[Diagnostic], cases: usize, format: DiagFormat) {
    let (errors, warnings) = diag::counts(diags);
    match format {
        DiagFormat::Text => {
            let mut err = std::io::stderr().lock();
            for d in diags {
                let _ = writeln!(err, "{d}");
            }
            let _ = writeln!(err, "{cases} cases, {errors} errors, {warnings} warnings");
        }
        DiagFormat::Json => {
            let json = serde_json::to_string_pretty(diags).unwrap_or_else(|_| "[]".into());
            println!("{json}");
            eprintln!("{cases} cases, {errors} errors, {warnings} warnings");
        }
    }
}
