//! The command line: global options, subcommands and their dispatch.

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
    /// Read every file afresh: neither use nor write the cache of validated cases
    #[arg(long, global = true)]
    pub no_cache: bool,
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
    /// List cases, newest first, optionally filtered
    List {
        /// Only cases with a measure under this control, e.g. iso27001:A.7.14
        #[arg(long, value_name = "SCHEME:ID")]
        control: Option<String>,
        /// Only cases with this root-cause category, e.g. loss
        #[arg(long)]
        cause: Option<String>,
        /// Only cases of this sector, e.g. healthcare
        #[arg(long)]
        sector: Option<String>,
        /// Only cases published in this year
        #[arg(long)]
        year: Option<u16>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show one case in full
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Wrap text at this many columns (0: no wrapping) [default: the terminal's width; none when piped]
        #[arg(long)]
        width: Option<usize>,
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
    /// Write a training pack of cases, or the precedent list of a control, as Markdown
    #[command(group(ArgGroup::new("what").required(true).args(["cases", "control"])))]
    Export {
        /// Cases for a training pack (repeatable, or several after one --case)
        #[arg(long = "case", value_name = "ID", num_args = 1..)]
        cases: Vec<String>,
        /// A control (or any catalog node) for its precedent list, e.g. iso27001:A.7.14
        #[arg(long, value_name = "SCHEME:ID")]
        control: Option<String>,
        /// Write to this file instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
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
    Json,
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
}

impl Session {
    /// Loads what a plain run loads: bundled, the user's directory, the config's
    /// directories, then each --casebook.
    pub fn open(cli: &Cli) -> Session {
        let (config, mut diagnostics) = config::load();
        let inputs = normal_inputs(cli, &config);
        let loaded = load::load_with(&inputs, &[], &cache_settings(cli));
        report_cache(&loaded);
        diagnostics.extend(loaded.diagnostics.iter().cloned());
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

/// The cache this run uses: none with `--no-cache`.
pub fn cache_settings(cli: &Cli) -> crate::cache::Settings {
    if cli.no_cache {
        crate::cache::Settings::none()
    } else {
        crate::cache::Settings::from_env()
    }
}

/// The cache's notices (a damaged entry rebuilt), one line each on stderr;
/// with `CASEBOOK_CACHE_STATS=1`, what it did for each directory.
pub fn report_cache(loaded: &Loaded) {
    let mut err = std::io::stderr().lock();
    for notice in &loaded.notices {
        let _ = writeln!(err, "casebook: {}", crate::text::line(notice));
    }
    if std::env::var_os("CASEBOOK_CACHE_STATS").is_some_and(|v| v == "1") {
        for stats in &loaded.cache {
            let _ = writeln!(err, "casebook: {}", crate::text::line(&stats.to_string()));
        }
    }
}

fn normal_inputs(cli: &Cli, config: &Config) -> Vec<Input> {
    let mut inputs = Vec::new();
    if !cli.no_bundled {
        inputs.push(Input::Bundled);
    }
    if let Some(dir) = user_dir().filter(|d| d.is_dir()) {
        inputs.push(Input::Dir(dir));
    }
    inputs.extend(config.casebooks.iter().cloned().map(Input::Dir));
    inputs.extend(cli.casebooks.iter().cloned().map(Input::Dir));
    inputs
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match &cli.command {
        Some(Command::Validate { paths, format }) => Ok(validate::run(&cli, paths, *format)),
        Some(command) => commands::run(&cli, command),
        None => browse(&cli),
    }
}

/// `casebook` alone: the full-screen browser.
fn browse(cli: &Cli) -> Result<ExitCode, String> {
    // For measuring start-up: load, draw the first frame off-screen, exit.
    let first_frame = std::env::var("CASEBOOK_FIRST_FRAME")
        .ok()
        .filter(|v| !v.is_empty());
    if first_frame.is_none()
        && (!std::io::stdout().is_terminal() || !std::io::stdin().is_terminal())
    {
        return Err("the browser needs a terminal, and standard input or output is not one.\n\
                    For scripts, use the commands: casebook list | show ID | search QUERY | cite ID | export | validate\n\
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
    };
    let (searcher, notices) =
        crate::search::Searcher::open(&session.loaded.casebook, &session.loaded.index);
    let mut app = crate::tui::App::with_searcher(
        session.loaded.casebook,
        session.diagnostics,
        options,
        searcher,
    );
    if let Some(notice) = notices.first() {
        app.status = Some(crate::text::line(notice).into_owned());
    }
    if let Some(size) = first_frame {
        return Ok(first_frame_only(&mut app, &size));
    }
    match crate::tui::run(&mut app) {
        Ok(crate::tui::Exit::Quit) => Ok(ExitCode::SUCCESS),
        Ok(crate::tui::Exit::Signal(sig)) => Ok(ExitCode::from((128 + sig) as u8)),
        Ok(crate::tui::Exit::HungUp) => Ok(ExitCode::from(128 + libc::SIGHUP as u8)),
        Err(e) => Err(format!("terminal error: {e}")),
    }
}

/// `CASEBOOK_FIRST_FRAME=WxH casebook`: draws the browser's first frame at
/// that size on an off-screen buffer and exits (the start-up benchmark).
fn first_frame_only(app: &mut crate::tui::App, size: &str) -> ExitCode {
    let (w, h) = size
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
        .unwrap_or((200, 60));
    app.update(crate::tui::action::Action::Resize {
        width: w,
        height: h,
    });
    let mut terminal = match ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)) {
        Ok(t) => t,
        Err(_) => return ExitCode::FAILURE,
    };
    match terminal.draw(|frame| crate::tui::view::draw(frame, app)) {
        Ok(_) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
