//! The command line as clap reads it: the global options, the subcommands
//! with their options and help texts, `--limit` and the output formats.

use std::path::PathBuf;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;
use crate::msg;
use crate::out::Fail;
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
        /// Only cases classified under this threat of IPA's 10 major threats, e.g. ransomware (repeatable)
        #[arg(long)]
        threat: Vec<String>,
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
    /// Show one case in full (or as a brief for a slide, or as a Word, PowerPoint or PDF document)
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Wrap text at this many columns (0: no wrapping) [default: the terminal's width; none when piped]
        #[arg(long)]
        width: Option<usize>,
        /// Write to this file instead of standard output (docx, pptx and pdf need it on a terminal)
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
    /// Write a training pack of cases (in the order given), the precedent list of a control, or the register of a group of controls (Markdown, Word, PowerPoint, PDF, Excel, CSV)
    #[command(group(ArgGroup::new("what").required(true).args(["cases", "control"])))]
    Export {
        /// Cases for a training pack (repeatable, or several after one --case)
        #[arg(long = "case", value_name = "ID", num_args = 1..)]
        cases: Vec<String>,
        /// A control (or any catalog node) for its precedent list, e.g. A.7.14; repeated or a range (A.5.19-A.5.23), or with a Statement of Applicability: the register of the group, one row per measure
        #[arg(long, value_name = "CONTROL", num_args = 1..)]
        control: Vec<String>,
        /// Write to this file instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
        /// File format (xlsx and csv: precedent lists only) [default: from FILE's extension, else md]
        #[arg(long, value_enum)]
        format: Option<crate::export::file::Format>,
        /// The training pack's title [default: 研修資料: 情報セキュリティ事故の事例（N件）]
        #[arg(long, value_name = "TEXT", conflicts_with = "control")]
        title: Option<String>,
    },
    /// For every control, the cases citing it, held against the Statement of Applicability
    Coverage {
        /// Only this control scheme, e.g. iso27001 or ppc [default: both]
        #[arg(long, value_name = "ID")]
        scheme: Option<String>,
        #[arg(long, value_enum, default_value_t = CoverageFormat::Text)]
        format: CoverageFormat,
        /// Write to this file instead of standard output (xlsx needs it on a terminal)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
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
    /// Must a team's own incident be reported (PPC, P-mark), by when, and what is still unknown
    Triage {
        id: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// The day whose rules apply when the case has no `discovered` (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
    },
    /// Draft a report from a case in the authority's order (PPC 漏えい等報告, P-mark 事故報告)
    Report {
        id: String,
        /// To whom: a rule id of the report rules (ppc, pmark)
        #[arg(long, value_name = "RULE")]
        to: String,
        /// Which report: preliminary or final [default: the first not yet filed]
        #[arg(long)]
        stage: Option<String>,
        /// text (to paste into the web form), md or docx [default: from FILE's extension, else text]
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        /// Write to this file instead of standard output (docx needs it on a terminal)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
        /// The day whose rules apply when the case has no `discovered` (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
    },
    /// Every report due or overdue across your team's cases; exit 1 when any is overdue (for cron or CI)
    Due {
        /// Only reports overdue or due within this many days [default: every open report]
        #[arg(long, value_name = "DAYS")]
        within: Option<u32>,
        /// The day to count from (YYYY-MM-DD) [default: today on the local clock]
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
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
        /// Where the notice was read (http or https): the source's url
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// The day the page says it was published, when the text does not (YYYY-MM-DD, YYYY-MM or YYYY)
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
        /// A later notice (第2報, 確報) of a case: show what it adds or changes, as a diff of the case file
        #[arg(long, value_name = "ID", conflicts_with_all = ["out", "dir", "id"])]
        update: Option<String>,
        /// With --update: write the changes into the case file
        #[arg(long, requires = "update")]
        write: bool,
    },
    /// Print the JSON Schema of case files (for editors and CI), with the loaded catalogs' ids
    Schema {
        /// Write to this file (replacing it) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The register of measures followed through: case, controls, status, owner, due and dates
    Measures {
        /// Only measures with this status (repeatable); none: those without a status
        #[arg(long, value_enum)]
        status: Vec<crate::review::register::StatusFilter>,
        /// Only measures past their due date and not done or verified; exit 1 when any
        #[arg(long)]
        overdue: bool,
        /// The day to count from (YYYY-MM-DD) [default: today on the local clock]
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
        /// text, json, csv or xlsx [default: from FILE's extension, else text]
        #[arg(long, value_enum)]
        format: Option<RegisterFormat>,
        /// Write to this file instead of standard output (xlsx needs it on a terminal)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// A checklist (Excel) of the measures precedents of a profile announced, one row per control, to fill in; or read a filled one back
    Checklist {
        /// Precedents of this sector, e.g. healthcare (repeatable)
        #[arg(long, required_unless_present = "import")]
        sector: Vec<String>,
        /// And precedents classified under this threat, whatever their sector, e.g. ransomware (repeatable)
        #[arg(long)]
        threat: Vec<String>,
        /// Read a filled checklist back and say what it understood, row by row
        #[arg(long, value_name = "FILE", conflicts_with_all = ["sector", "threat", "out", "force"])]
        import: Option<PathBuf>,
        /// xlsx (the sheet to fill in), text or json [default: xlsx; with --import, text]
        #[arg(long, value_enum)]
        format: Option<ChecklistFormat>,
        /// Write to this file instead of standard output (xlsx needs it on a terminal)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// What changed in your team's casebooks since the last review, for the committee's minute
    Digest {
        /// The day of the last review (YYYY-MM-DD), or a git revision (a commit, a tag: review-2026q3)
        #[arg(long, value_name = "DATE|REV")]
        since: String,
        /// The last day of the period, for overdue measures and reports due (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
        /// text, md or docx [default: from FILE's extension, else text]
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        /// Write to this file instead of standard output (docx needs it on a terminal)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
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
    /// CSV, UTF-8 with a BOM, in the interface's language
    Csv,
    /// Excel, in the interface's language (needs --out, or standard output that is not a terminal)
    Xlsx,
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
    /// A PowerPoint slide, the summary in its notes (needs --out, or standard output that is not a terminal)
    Pptx,
    /// A PDF, converted from the Word document by LibreOffice (needs --out, or standard output that is not a terminal)
    Pdf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Plain text, item by item, to paste into the web form
    Text,
    /// Markdown
    #[value(alias = "markdown")]
    Md,
    /// A Word document (needs --out, or standard output that is not a terminal)
    Docx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ChecklistFormat {
    /// The Excel sheet to fill in (needs --out, or standard output that is not a terminal)
    Xlsx,
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RegisterFormat {
    /// Tab-separated lines, then the counts
    Text,
    Json,
    /// CSV, UTF-8 with a byte-order mark (Excel opens it as is)
    Csv,
    /// An Excel register: filters, frozen header, dates as dates (needs --out, or standard output that is not a terminal)
    Xlsx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    Text,
    Markdown,
}
