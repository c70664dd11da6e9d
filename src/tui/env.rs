//! What every pane reads and none owns: the language, the theme, the
//! screen's size, the start-up options, the team's statement, and the
//! lookups built from the casebook.

use std::sync::{Arc, OnceLock};

use ratatui::layout::Rect;

use super::reload::Setup;
use super::theme::Theme;
use crate::answers::similar;
use crate::answers::soa::Soa;
use crate::config::ClipboardMode;
use crate::control_id::Resolver;
use crate::lang::Lang;

/// Start-up choices that are not part of the casebook.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub lang: Lang,
    pub theme: Option<Theme>,
    /// Scheme to open on (`iso27001`, `ppc`, `cause`, `sector` or a team's).
    pub scheme: Option<String>,
    /// `y` copies Markdown instead of plain text.
    pub copy_markdown: bool,
    pub clipboard: ClipboardMode,
    /// F12 panics (CASEBOOK_TEST_PANIC), to test that a panic restores the terminal.
    pub debug_panic_key: bool,
    /// Build the similar-case index on a thread of its own, so the first
    /// frame does not wait for it (the browser); else before `App::new` returns.
    pub similar_in_background: bool,
    /// The team's Statement of Applicability, for the coverage view.
    pub soa: Option<Soa>,
    /// The file it was read from: read again when it changes.
    pub soa_path: Option<std::path::PathBuf>,
    /// The home folder, for `~` in file names typed into the save prompt.
    pub home: Option<std::path::PathBuf>,
    /// Start-up problems for the banner: a `--casebook DIR` or config file
    /// named explicitly that cannot be used (shown in the interface language).
    pub problems: Vec<crate::diag::Message>,
    /// What was loaded, to watch and load again.
    pub setup: Setup,
    /// The team casebook directories `n` can write to: the user's own (even
    /// when it does not exist yet), then the others loaded.
    pub team_dirs: Vec<std::path::PathBuf>,
    /// Whether a tool can read the clipboard (`n`, then `c`); None: look for one.
    pub clipboard_reader: Option<bool>,
    /// The day due dates are counted against; None: today on the local
    /// clock ([`crate::date::today`]), asked at each use.
    pub today: Option<time::Date>,
}

pub struct Env {
    pub lang: Lang,
    pub theme: Theme,
    pub options: Options,
    /// The screen, less what the terminal keeps.
    pub size: Rect,
    /// The team's Statement of Applicability (read again when it changes).
    pub soa: Option<Soa>,
    pub resolver: Resolver,
    /// Built once, on a thread of its own for the browser (it reads every
    /// case): until it is there, the detail shows no similar cases.
    pub similar_index: Arc<OnceLock<similar::Index>>,
}
