//! The command line: global options, subcommands and their dispatch.

mod answers;
mod commands;
mod validate;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

use crate::config::{self, Config};
use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::load::{self, Input, Loaded};
use crate::search::Target;

#[derive(Parser, Debug)]
#[command(
    name = "casebook",
    version,
    about = "A casebook of real security incidents and their prevention measures (ISMS / P-mark)",
    after_help = "Without a command, opens the browser in the terminal."
)]
pub struct Cli {
    /// Also load this casebook directory (repeatable)
    #[arg(long = "casebook", value_name = "DIR", global = true)]
    pub casebooks: Vec<PathBuf>,
    /// Do not load the bundled casebook of public incidents
    #[arg(long, global = true)]
    pub no_bundled: bool,
    /// Language of the interface and of catalog titles [default: config file, else LANG]
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    /// The team's Statement of Applicability (YAML) [default: `soa:` in the config file]
    #[arg(long, value_name = "FILE", global = true)]
    pub soa: Option<PathBuf>,
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
    /// List cases, newest first, optionally filtered (values of one option: any; options: all)
    List {
        /// Only cases with a measure under this control, e.g. A.7.14, 10-5(4) (repeatable)
        #[arg(long, value_name = "CONTROL")]
        control: Vec<String>,
        /// Only cases with this root-cause category, e.g. loss (repeatable)
        #[arg(long)]
        cause: Vec<String>,
        /// Only cases of this sector, e.g. healthcare (repeatable)
        #[arg(long)]
        sector: Vec<String>,
        /// Only cases published in this year
        #[arg(long, conflicts_with_all = ["since", "until"])]
        year: Option<u16>,
        /// Only cases published in this year or later
        #[arg(long, value_name = "YEAR")]
        since: Option<u16>,
        /// Only cases published in this year or earlier
        #[arg(long, value_name = "YEAR")]
        until: Option<u16>,
        /// Only the bundled public cases, or only your team's
        #[arg(long, value_enum)]
        source: Option<crate::answers::filter::Origin>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show one case in full (or as a brief for a slide, or as a Word document)
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Wrap text at this many columns (0: no wrapping) [default: the terminal's width; none when piped]
        #[arg(long)]
        width: Option<usize>,
        /// Write to this file instead of standard output (docx needs it on a terminal)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Print a case's one-line citation
    Cite {
        id: String,
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
    /// Fuzzy-search measures and cases (Japanese-aware); exit 1 when nothing matches
    Search {
        /// Words to find; every word must match ("廃棄 確認")
        query: String,
        /// What to search
        #[arg(long = "in", value_enum, default_value_t = Target::All)]
        target: Target,
        /// At most this many results
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Write a training pack of cases, or the precedent list of a control (Markdown, Word, Excel, CSV)
    #[command(group(ArgGroup::new("what").required(true).args(["cases", "control"])))]
    Export {
        /// Cases for a training pack (repeatable, or several after one --case)
        #[arg(long = "case", value_name = "ID", num_args = 1..)]
        cases: Vec<String>,
        /// A control (or any catalog node) for its precedent list, e.g. iso27001:A.7.14 or A.7.14
        #[arg(long, value_name = "CONTROL")]
        control: Option<String>,
        /// Write to this file instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
        /// File format (xlsx and csv: precedent lists only) [default: from FILE's extension, else md]
        #[arg(long, value_enum)]
        format: Option<crate::export::file::Format>,
    },
    /// For every control, the cases citing it, held against the Statement of Applicability
    Coverage {
        /// Only this control scheme, e.g. iso27001 or ppc [default: both]
        #[arg(long, value_name = "ID")]
        scheme: Option<String>,
        #[arg(long, value_enum, default_value_t = CoverageFormat::Text)]
        format: CoverageFormat,
    },
    /// Cases by cause, sector and year; cause shares beside the JNSA survey's
    Stats {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// The cases most like a case: shared controls, causes, tags and measure wording
    Similar {
        id: String,
        /// At most this many
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Markdown,
    /// At most 15 lines for a slide: title, organization and date, gist, causes, five measures, citation
    Brief,
    Json,
    /// A Word document (needs --out, or standard output that is not a terminal)
    Docx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    Text,
    Markdown,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            // Not eprintln!: it panics when stderr is gone (a closed terminal).
            let _ = writeln!(std::io::stderr(), "casebook: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The user's own casebook directory (e.g. ~/.local/share/casebook), if any.
pub fn user_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "casebook").map(|d| d.data_dir().to_path_buf())
}

/// Everything a command works on.
pub struct Session {
    pub loaded: Loaded,
    /// The config file's problems, then the loader's.
    pub diagnostics: Vec<Diagnostic>,
    pub lang: Lang,
    pub config: Config,
    /// The Statement of Applicability, when one is given (`--soa` or the config file).
    pub soa: Option<crate::answers::soa::Soa>,
}

impl Session {
    /// Loads what a plain run loads: bundled, the user's directory, the config's
    /// directories, then each --casebook.
    pub fn open(cli: &Cli) -> Session {
        let (config, mut diagnostics) = config::load();
        let inputs = normal_inputs(cli, &config);
        let loaded = load::load(&inputs, &[]);
        diagnostics.extend(loaded.diagnostics.iter().cloned());
        let soa = soa_path(cli, &config).and_then(|path| {
            let (soa, diags) = crate::answers::soa::read_file(&path, &loaded.casebook.catalogs);
            diagnostics.extend(diags);
            soa
        });
        let lang = cli
            .lang
            .or(config.lang)
            .or_else(Lang::from_env)
            .unwrap_or_default();
        Session {
            loaded,
            diagnostics,
            lang,
            config,
            soa,
        }
    }

    /// One line on stderr when files failed to load, so scripts are not misled.
    pub fn warn_if_incomplete(&self) {
        match crate::diag::failed_files(&self.diagnostics) {
            0 => {}
            1 => eprintln!(
                "casebook: 1 file could not be loaded; run `casebook validate` for details"
            ),
            n => eprintln!(
                "casebook: {n} files could not be loaded; run `casebook validate` for details"
            ),
        }
    }
}

/// Whether the user's data directory holds a casebook (it may hold only the
/// browser's saved state).
fn holds_cases(dir: &std::path::Path) -> bool {
    if dir.join("cases").is_dir() {
        return true;
    }
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let p = e.path();
            p.is_dir() || matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml"))
        })
    })
}

/// The Statement of Applicability to read: `--soa`, else the config file's `soa:`.
pub fn soa_path(cli: &Cli, config: &Config) -> Option<PathBuf> {
    cli.soa.clone().or_else(|| config.soa.clone())
}

fn normal_inputs(cli: &Cli, config: &Config) -> Vec<Input> {
    let mut inputs = Vec::new();
    if !cli.no_bundled {
        inputs.push(Input::Bundled);
    }
    if let Some(dir) = user_dir().filter(|d| holds_cases(d)) {
        inputs.push(Input::Dir(dir));
    }
    inputs.extend(config.casebooks.iter().cloned().map(Input::Dir));
    inputs.extend(cli.casebooks.iter().cloned().map(Input::Dir));
    inputs
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match &cli.command {
        Some(Command::Validate { paths, format }) => Ok(validate::run(&cli, paths, *format)),
        Some(
            command @ (Command::Coverage { .. } | Command::Stats { .. } | Command::Similar { .. }),
        ) => answers::run(&cli, command),
        Some(command) => commands::run(&cli, command),
        None => browse(&cli),
    }
}

/// `casebook` alone: the full-screen browser.
fn browse(cli: &Cli) -> Result<ExitCode, String> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err("the browser needs a terminal, and standard input or output is not one.\n\
                    For scripts, use the commands: casebook list | show ID | search QUERY | cite ID | export | coverage | stats | similar ID | validate\n\
                    (see `casebook --help`)"
            .into());
    }
    let session = Session::open(cli);
    let options = crate::tui::Options {
        lang: session.lang,
        theme: None,
        scheme: session.config.scheme.clone(),
        copy_markdown: session.config.copy_markdown,
        clipboard: session.config.clipboard,
        debug_panic_key: std::env::var_os("CASEBOOK_TEST_PANIC").is_some(),
        soa: session.soa,
    };
    let mut app = crate::tui::App::new(session.loaded.casebook, session.diagnostics, options);
    let state = user_dir().map(|d| crate::tui::saved::path(&d));
    if let Some(saved) = state.as_deref().and_then(crate::tui::saved::read) {
        app.restore(&saved);
    }
    let result = crate::tui::run(&mut app);
    if let Some(file) = &state {
        crate::tui::saved::write(file, &crate::tui::saved::snapshot(&app));
    }
    match result {
        Ok(crate::tui::Exit::Quit) => Ok(ExitCode::SUCCESS),
        Ok(crate::tui::Exit::Signal(sig)) => Ok(ExitCode::from((128 + sig) as u8)),
        Ok(crate::tui::Exit::HungUp) => Ok(ExitCode::from(128 + libc::SIGHUP as u8)),
        Err(e) => Err(format!("terminal error: {e}")),
    }
}
