//! The command line: global options, subcommands and their dispatch.

mod answers;
mod author;
mod commands;
mod validate;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

use crate::catalog::Kind;
use crate::config::{self, Config};
use crate::diag::{Diagnostic, Message};
use crate::lang::Lang;
use crate::load::{self, Input, Loaded};
use crate::msg;
use crate::out::{self, Fail};
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
        /// At most this many results (1 or more)
        #[arg(long, value_parser = Limit::read)]
        limit: Option<Limit>,
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
        #[arg(long, default_value = "10", value_parser = Limit::read)]
        limit: Limit,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Start a case file: DIR/cases/<year>/ID.yaml with every field, unknown values TODO
    New {
        /// The case id (a-z, 0-9, -); a trailing year (…-2024) picks the year directory
        id: String,
        /// The casebook directory [default: your own casebook directory]
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Draft a case file from a published notice's text (a file, or - for standard input)
    Draft {
        /// The notice: a text file (UTF-8 or Shift_JIS), or - to read standard input
        notice: PathBuf,
        /// Write the draft to this new file instead of standard output
        #[arg(long, value_name = "FILE", conflicts_with = "dir")]
        out: Option<PathBuf>,
        /// Write the draft as DIR/cases/<year>/ID.yaml, like `new` (needs --id)
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// The case id (a-z, 0-9, -)
        #[arg(long)]
        id: Option<String>,
    },
    /// Print the JSON Schema of case files (for editors and CI), with the loaded catalogs' ids
    Schema {
        /// Write to this file (replacing it) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// `--limit`: a whole number of 1 or more (0 would print nothing and look
/// like "no match"). Kept as typed and checked once the command line is read
/// ([`Limit::get`]), so that the message follows `--lang`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limit(String);

impl Limit {
    fn read(s: &str) -> Result<Limit, String> {
        Ok(Limit(s.to_string()))
    }

    /// The number, or a usage error.
    pub fn get(&self) -> Result<usize, Fail> {
        let raw = &self.0;
        match self.0.parse::<usize>() {
            Ok(0) => Err(Fail::Usage(msg!(
                "--limit の値 '{raw}' は使えません。1 以上の整数を指定してください",
                "invalid value '{raw}' for '--limit <LIMIT>': the limit must be 1 or more"
            ))),
            Ok(n) => Ok(n),
            Err(_) => Err(Fail::Usage(msg!(
                "--limit の値 '{raw}' は整数ではありません。1 以上の整数を指定してください",
                "invalid value '{raw}' for '--limit <LIMIT>': expected a whole number of 1 or more"
            ))),
        }
    }
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
    // A file-size limit (`ulimit -f`) must make a write fail (EFBIG), which the
    // export reports and cleans up after, instead of killing the program.
    // SAFETY: setting a signal's disposition to "ignore" at start-up, before any thread.
    unsafe { libc::signal(libc::SIGXFSZ, libc::SIG_IGN) };
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(e),
    };
    match run(&cli) {
        Ok(code) => code,
        Err(Fail::Closed) => ExitCode::from(out::CLOSED),
        // Said in the interface language, read again here: the failure may
        // have come before the session (or without one).
        Err(fail) => fail.exit(interface_lang(&cli, None)),
    }
}

/// The interface language: `--lang`, else the config file's `lang:` (read
/// now when `config` is None), else LC_ALL/LC_MESSAGES/LANG, else Japanese.
/// A config file that cannot be read sets nothing.
pub fn interface_lang(cli: &Cli, config: Option<&Config>) -> Lang {
    cli.lang
        .or_else(|| match config {
            Some(c) => c.lang,
            None => config::lang(),
        })
        .or_else(Lang::from_env)
        .unwrap_or_default()
}

/// Help, version and command-line mistakes from clap, printed by the output
/// module (so they follow its rules: clean text, quiet on a closed pipe).
fn usage(e: clap::Error) -> ExitCode {
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

/// The interface language when the command line could not be parsed (help,
/// version, a mistake): a `--lang` typed on it, else as [`interface_lang`].
fn typed_lang() -> Lang {
    let args: Vec<String> = std::env::args_os()
        .filter_map(|a| a.into_string().ok())
        .collect();
    let typed = args
        .windows(2)
        .find(|w| w[0] == "--lang")
        .map(|w| w[1].as_str())
        .or_else(|| args.iter().find_map(|a| a.strip_prefix("--lang=")));
    typed
        .and_then(Lang::parse)
        .or_else(config::lang)
        .or_else(Lang::from_env)
        .unwrap_or_default()
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
    /// What was named explicitly and cannot be used: a `--casebook DIR` that is
    /// missing or not a directory, a config file that is not a file. Commands
    /// stop on these (exit 2); the browser shows them in its banner.
    pub problems: Vec<Message>,
    /// What was loaded, in order.
    pub inputs: Vec<Input>,
}

impl Session {
    /// Loads what a plain run loads: bundled, the user's directory, the config's
    /// directories, then each --casebook. Problems with what was named
    /// explicitly are collected in `problems`, and everything else still loads.
    pub fn load(cli: &Cli) -> Session {
        let (mut config, mut diagnostics, mut problems) = match config::load() {
            Ok((config, diagnostics)) => (config, diagnostics, Vec::new()),
            Err(problem) => (Config::default(), Vec::new(), vec![problem]),
        };
        let lang = interface_lang(cli, Some(&config));
        let unusable: Vec<(PathBuf, Message)> = cli
            .casebooks
            .iter()
            .filter_map(|dir| dir_problem(dir).map(|p| (dir.clone(), p)))
            .collect();
        problems.extend(unusable.iter().map(|(_, p)| p.clone()));
        let inputs: Vec<Input> = normal_inputs(cli, &config)
            .into_iter()
            .filter(|i| !matches!(i, Input::Dir(d) if unusable.iter().any(|(u, _)| u == d)))
            .collect();
        let loaded = load::load_with(&inputs, &[], &cache_settings(cli));
        report_cache(&loaded, lang);
        let catalogs = &loaded.casebook.catalogs;
        let known: Vec<&str> = catalogs
            .control_schemes()
            .chain(
                [Kind::Causes, Kind::Sectors]
                    .into_iter()
                    .filter_map(|k| catalogs.of_kind(k)),
            )
            .map(|c| c.scheme.as_str())
            .collect();
        diagnostics.extend(config.check_scheme(&known));
        diagnostics.extend(loaded.diagnostics.iter().cloned());
        let soa = soa_path(cli, &config).and_then(|path| {
            let (soa, diags) = crate::answers::soa::read_file(&path, &loaded.casebook.catalogs);
            diagnostics.extend(diags);
            soa
        });
        Session {
            loaded,
            diagnostics,
            lang,
            config,
            soa,
            problems,
            inputs,
        }
    }

    /// [`Session::load`] for a command: what was named explicitly and cannot
    /// be used is a usage error (exit 2).
    pub fn open(cli: &Cli) -> Result<Session, Fail> {
        let session = Session::load(cli);
        check_problems(&session.problems)?;
        Ok(session)
    }

    /// One line on stderr when files failed to load, so scripts are not misled.
    pub fn warn_if_incomplete(&self) -> Result<(), Fail> {
        match crate::diag::failed_files(&self.diagnostics) {
            0 => Ok(()),
            n => {
                let files = crate::plural::count(n, "file", "files");
                out::error(
                    self.lang,
                    &msg!(
                        "{n}件のファイルを読み込めませんでした。詳しくは `casebook validate` で確かめてください",
                        "{files} could not be loaded; run `casebook validate` for details"
                    ),
                )
            }
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
pub fn report_cache(loaded: &Loaded, lang: Lang) {
    for notice in &loaded.notices {
        let _ = out::error(lang, notice);
    }
    if std::env::var_os("CASEBOOK_CACHE_STATS").is_some_and(|v| v == "1") {
        for stats in &loaded.cache {
            let _ = out::error(lang, &stats.line());
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

/// Stops a command on start-up problems: one line each, exit status 2.
pub fn check_problems(problems: &[Message]) -> Result<(), Fail> {
    let Some((first, rest)) = problems.split_first() else {
        return Ok(());
    };
    let next = Message::new("\ncasebook: ", "\ncasebook: ");
    let all = rest
        .iter()
        .fold(first.clone(), |all, p| all.then(&next).then(p));
    Err(Fail::Usage(all))
}

/// Why a directory named with `--casebook` cannot be loaded, if it cannot.
pub fn dir_problem(dir: &std::path::Path) -> Option<Message> {
    let shown = crate::text::path(dir);
    let cannot_read = Message::new("読めません: ", "cannot be read: ");
    let problem = match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Message::new("そのようなディレクトリはありません", "no such directory")
        }
        Err(e) => cannot_read.then(&crate::load::read::os_error(&e)),
        Ok(m) if m.is_file() => Message::new(
            "ファイルです。事例集のディレクトリではありません（ファイル1つを確かめるには casebook validate FILE）",
            "is a file, not a casebook directory (to check one file: casebook validate FILE)",
        ),
        Ok(m) if !m.is_dir() => Message::new("ディレクトリではありません", "is not a directory"),
        Ok(_) => match std::fs::read_dir(dir) {
            Ok(_) => return None,
            Err(e) => cannot_read.then(&crate::load::read::io_reason(&e)),
        },
    };
    Some(msg!("--casebook {shown}: ", "--casebook {shown}: ").then(&problem))
}

/// The team casebooks the browser's `n` may write to: the user's own directory
/// (created when first written to), then every other directory loaded.
fn team_dirs(session: &Session) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = user_dir().into_iter().collect();
    for input in &session.inputs {
        if let Input::Dir(d) = input
            && d.is_dir()
        {
            let same = |o: &PathBuf| std::fs::canonicalize(o).ok() == std::fs::canonicalize(d).ok();
            if !dirs.iter().any(same) {
                dirs.push(d.clone());
            }
        }
    }
    dirs
}

pub(super) fn normal_inputs(cli: &Cli, config: &Config) -> Vec<Input> {
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

fn run(cli: &Cli) -> Result<ExitCode, Fail> {
    // `--limit` is checked before anything is loaded, as a usage error.
    if let Some(Command::Search { limit: Some(l), .. } | Command::Similar { limit: l, .. }) =
        &cli.command
    {
        l.get()?;
    }
    match &cli.command {
        Some(Command::Validate { paths, format }) => validate::run(cli, paths, *format),
        Some(command @ (Command::New { .. } | Command::Schema { .. } | Command::Draft { .. })) => {
            author::run(cli, command)
        }
        Some(
            command @ (Command::Coverage { .. } | Command::Stats { .. } | Command::Similar { .. }),
        ) => answers::run(cli, command),
        Some(command) => commands::run(cli, command),
        None => browse(cli),
    }
}

/// `casebook` alone: the full-screen browser.
fn browse(cli: &Cli) -> Result<ExitCode, Fail> {
    const LIST: &str = "casebook list | show ID | search QUERY | cite ID | export | coverage | stats | similar ID | validate";
    let commands = msg!(
        "\nスクリプトからはコマンドを使います: {LIST}\n（`casebook --help` を参照）",
        "\nFor scripts, use the commands: {LIST}\n(see `casebook --help`)"
    );
    // For measuring start-up: load, draw the first frame off-screen, exit.
    let first_frame = std::env::var("CASEBOOK_FIRST_FRAME")
        .ok()
        .filter(|v| !v.is_empty());
    if first_frame.is_none()
        && (!std::io::stdout().is_terminal() || !std::io::stdin().is_terminal())
    {
        return Err(Fail::Error(
            Message::new(
                "ブラウザには端末が必要ですが、標準入力か標準出力が端末ではありません。",
                "the browser needs a terminal, and standard input or output is not one.",
            )
            .then(&commands),
        ));
    }
    if first_frame.is_none() && std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(Fail::Error(
            Message::new(
                "ブラウザには全画面を描ける端末が必要ですが、TERM=dumb の端末では描けません。",
                "the browser needs a terminal that can draw full-screen, and TERM=dumb says this one cannot.",
            )
            .then(&commands),
        ));
    }
    // Files read from here on may be read again when they change (live reload).
    let read_from = crate::cache::key::now();
    let session = Session::load(cli);
    let session_lang = session.lang;
    let options = crate::tui::Options {
        lang: session.lang,
        theme: None,
        scheme: session.config.scheme.clone(),
        copy_markdown: session.config.copy_markdown,
        clipboard: session.config.clipboard,
        debug_panic_key: std::env::var_os("CASEBOOK_TEST_PANIC").is_some(),
        similar_in_background: true,
        soa: session.soa.clone(),
        home: directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()),
        problems: session.problems.clone(),
        setup: crate::tui::reload::Setup::new(
            &session.inputs,
            session.diagnostics.len() - session.loaded.diagnostics.len(),
            &session.loaded.casebook,
            read_from,
        ),
        team_dirs: team_dirs(&session),
    };
    let (searcher, notices) =
        crate::search::Searcher::open(&session.loaded.casebook, &session.loaded.index);
    let mut app = crate::tui::App::with_searcher(
        session.loaded.casebook,
        session.diagnostics,
        options,
        searcher,
    );
    let state = user_dir().map(|d| crate::tui::saved::path(&d));
    if let Some(saved) = state.as_deref().and_then(crate::tui::saved::read) {
        app.restore(&saved);
    }
    if let Some(notice) = notices.first() {
        app.status = Some(crate::text::line(notice.get(session_lang)).into_owned());
    }
    if let Some(size) = first_frame {
        return Ok(first_frame_only(&mut app, &size));
    }
    let result = crate::tui::run(&mut app);
    if let Some(file) = &state {
        crate::tui::saved::write(file, &crate::tui::saved::snapshot(&app));
    }
    match result {
        Ok(crate::tui::Exit::Quit) => Ok(ExitCode::SUCCESS),
        Ok(crate::tui::Exit::HungUp) => Ok(ExitCode::from(128 + libc::SIGHUP as u8)),
        Err(e) => Err(Fail::Error(
            Message::new("端末のエラーです: ", "terminal error: ")
                .then(&crate::load::read::os_error(&e)),
        )),
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
