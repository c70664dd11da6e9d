//! The application state. It changes only in [`App::update`]; the views read it.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use ratatui::layout::Rect;

use super::action::{Action, Effect};
use super::author::Step;
use super::copy::Prompt;
use super::coverage::{CoverageState, StatsState};
use super::derived::Derived;
use super::diagnostics;
use super::filters::FilterState;
use super::jumps::{History, JumpState};
use super::keymap::Context;
use super::layout;
use super::panes::{DetailPane, ListPane, Panes, TreePane};
use super::search::SearchState;
use super::theme::Theme;
use super::tree;
use crate::answers::similar;
use crate::casebook::Casebook;
use crate::catalog::Kind;
use crate::control_id::Resolver;
use crate::diag::Diagnostic;
use crate::search::Searcher;

pub use super::env::{Env, Options};
pub use super::panes::Pane;
pub use super::top::{Mode, Overlays, Top};

pub struct App {
    /// Shared with the thread that builds the similar-case index.
    pub book: Arc<Casebook>,
    /// The load problems `!` shows.
    pub problems: diagnostics::Problems,
    /// The language, theme, screen size, options and lookups.
    pub env: Env,
    /// The tree, the list and the detail, the case selected and the focus.
    pub panes: Panes,
    /// Selected case: an index into `book.entries()`.
    /// What is on top of the panes, with what it holds.
    pub top: Top,
    /// A transient message for the status bar, cleared by the next key.
    pub status: Option<String>,
    /// Marked cases (indices into `book.entries()`).
    pub marks: super::marks::Marks,
    pub quit: bool,
    pub filters: FilterState,
    pub history: History,
    /// Search, `:`, coverage and statistics: what they keep while closed.
    pub overlays: Overlays,
    /// A draft made and files read again in the background.
    pub jobs: super::jobs::Jobs,
}

impl App {
    /// Where keys are looked up: the mode's context, narrowed to the notice
    /// file's name while `n` asks for it (the one question Tab completes).
    pub fn context(&self) -> Context {
        use super::copy::Ask;
        match &self.top {
            Top::Prompt(Prompt {
                ask: Ask::Report(_) | Ask::Progress(_),
                ..
            }) => Context::Choose,
            Top::Author(Step::Notice { .. }) => Context::NoticeFile,
            Top::Help { filter, .. } if filter.typing => Context::HelpFilter,
            // A question answered with a letter, or a title: no file names
            // to complete there.
            Top::Prompt(p) => match &p.ask {
                Ask::SaveAs { .. } => Context::Prompt,
                Ask::Title { .. } => Context::Title,
                _ => Context::Choice,
            },
            top => top.mode().context(),
        }
    }

    /// What is on top, without what it holds.
    pub fn mode(&self) -> Mode {
        self.top.mode()
    }

    /// The question asked in the status bar, if one is.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.top.prompt()
    }

    /// The question of `n` or `E` being asked, if one is.
    pub fn author(&self) -> Option<&Step> {
        self.top.author()
    }

    /// The words narrowing the help, while it is open.
    pub fn help_filter(&self) -> Option<&super::help::HelpFilter> {
        self.top.help_filter()
    }

    /// How far the help or the problems view is scrolled.
    pub fn overlay_scroll(&self) -> usize {
        self.top.scroll()
    }

    pub fn new(book: Casebook, diagnostics: Vec<Diagnostic>, options: Options) -> App {
        let searcher = Searcher::new(&book);
        App::with_searcher(book, diagnostics, options, searcher)
    }

    /// An app over a searcher opened beforehand (from the cache).
    pub fn with_searcher(
        book: Casebook,
        diagnostics: Vec<Diagnostic>,
        options: Options,
        searcher: Searcher,
    ) -> App {
        let book = Arc::new(book);
        let similar_index = similar_index(&book, options.similar_in_background);
        let soa = options.soa.clone();
        let resolver = Resolver::new(&book.catalogs);
        let schemes = scheme_names(&book);
        let scheme = options
            .scheme
            .as_ref()
            .and_then(|s| schemes.iter().position(|x| x == s))
            .unwrap_or(0);
        let mut app = App {
            book,
            problems: diagnostics::Problems::new(diagnostics),
            env: Env {
                lang: options.lang,
                theme: options.theme.unwrap_or_else(Theme::from_env),
                size: Rect::new(0, 0, 80, 24),
                options,
                soa,
                resolver,
                similar_index,
            },
            panes: Panes {
                tree: TreePane::new(schemes, scheme),
                list: ListPane::default(),
                detail: DetailPane::default(),
                case: None,
                focus: Pane::Tree,
                derived: Derived::default(),
            },
            top: Top::Browse,
            status: None,
            marks: super::marks::Marks::new(),
            quit: false,
            filters: FilterState::default(),
            history: History::default(),
            overlays: Overlays {
                search: SearchState::new(searcher),
                jump: JumpState::default(),
                coverage: CoverageState::default(),
                stats: StatsState::default(),
            },
            jobs: Default::default(),
        };
        app.jobs.live.keys = std::mem::take(&mut app.env.options.setup.keys);
        app.measure_trees();
        app.sync();
        app
    }

    /// The day due dates are counted against (see [`Options::today`]).
    pub fn today(&self) -> time::Date {
        self.env.options.today.unwrap_or_else(crate::date::today)
    }

    /// The widest each classification's tree can want, collapsed and
    /// expanded (again after a reload).
    pub(super) fn measure_trees(&mut self) {
        let narrow = |w: usize| w.min(u16::MAX as usize) as u16;
        self.panes.tree.widths = self
            .panes
            .tree
            .schemes
            .iter()
            .map(|s| {
                self.book.catalogs.scheme(s).map_or((0, 0), |c| {
                    let none = HashSet::new();
                    let collapsed = tree::rows(&self.book, c, &none, false, None, self.env.lang);
                    (
                        narrow(tree::rows_width(&collapsed)),
                        narrow(tree::natural_width(&self.book, c, self.env.lang)),
                    )
                })
            })
            .collect();
    }

    // ----- update ---------------------------------------------------------------------

    /// Applies an action. Returns work for the event loop (copying, writing files).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::SimilarReady => {
                self.panes.detail.similar_of = None;
                self.sync();
                return Vec::new();
            }
            Action::Resize { width, height } => {
                self.env.size = layout::drawable(width, height);
                self.sync();
                self.refresh_diagnostics_panel();
                return Vec::new();
            }
            Action::Quit => {
                self.quit = true;
                return Vec::new();
            }
            Action::Repaint => return vec![Effect::Repaint],
            Action::Back if matches!(self.top, Top::Browse) && self.jobs.drafting.is_some() => {
                self.cancel_draft();
                return Vec::new();
            }
            Action::DebugPanic => panic!("debug panic requested (CASEBOOK_TEST_PANIC)"),
            Action::Done(outcome) => {
                self.done(outcome);
                return Vec::new();
            }
            Action::FilesChanged(paths) => return self.files_changed(paths),
            Action::Reloaded(batch) => {
                // The only holder: an action is handed over once.
                return match Arc::try_unwrap(batch.0) {
                    Ok(batch) => self.reloaded(batch),
                    Err(_) => Vec::new(),
                };
            }
            Action::Authored(authored) => return self.authored(authored),
            Action::StatusSet(result) => return self.status_set(result),
            _ => {}
        }
        self.status = None;
        match self.top.mode() {
            Mode::Browse => self.browse(action),
            Mode::Diagnostics if action == Action::EditProblem => self.edit_problem(),
            Mode::Help
                if action == Action::FilterHelp || self.help_filter().is_some_and(|f| f.typing) =>
            {
                if let Top::Help { filter, scroll } = &mut self.top {
                    filter.update(action);
                    *scroll = 0;
                }
                Vec::new()
            }
            Mode::Help | Mode::Diagnostics => {
                self.overlay(action);
                Vec::new()
            }
            Mode::Search => self.search_update(action),
            Mode::Prompt => self.prompt_update(action),
            Mode::Author => self.author_update(action),
            Mode::Coverage => self.coverage_update(action),
            Mode::Stats => self.stats_update(action),
            Mode::Jump => self.jump_update(action),
            Mode::Filter => self.filter_update(action),
            Mode::Chips => self.chips_update(action),
            Mode::Palette => self.palette_update(action),
        }
    }

    /// Keys in the command palette; the action chosen is done as if its key
    /// had been pressed while browsing.
    fn palette_update(&mut self, action: Action) -> Vec<Effect> {
        use super::palette::Outcome;
        let Top::Palette(palette) = &mut self.top else {
            return Vec::new();
        };
        match palette.update(action) {
            Outcome::Stay => Vec::new(),
            Outcome::Close => {
                self.top = Top::Browse;
                Vec::new()
            }
            Outcome::Run(action) => {
                self.top = Top::Browse;
                self.update(action)
            }
        }
    }
}

/// The similar-case index of `book`: built at once, or on a thread of its own.
pub(super) fn similar_index(
    book: &Arc<Casebook>,
    background: bool,
) -> Arc<OnceLock<similar::Index>> {
    let index = Arc::new(OnceLock::new());
    if background {
        let (book, index) = (Arc::clone(book), Arc::clone(&index));
        std::thread::spawn(move || {
            let _ = index.set(similar::Index::new(&book));
        });
    } else {
        let _ = index.set(similar::Index::new(book));
    }
    index
}

/// The schemes `s` cycles through: control schemes, the threat lists (the
/// newest first), then causes and sectors.
pub(super) fn scheme_names(book: &Casebook) -> Vec<String> {
    let mut schemes: Vec<String> = book
        .catalogs
        .control_schemes()
        .map(|c| c.scheme.clone())
        .collect();
    let threats: Vec<String> = book
        .catalogs
        .of_kinds(Kind::Threats)
        .map(|c| c.scheme.clone())
        .collect();
    schemes.extend(threats.into_iter().rev());
    for kind in [Kind::Causes, Kind::Sectors] {
        schemes.extend(book.catalogs.of_kind(kind).map(|c| c.scheme.clone()));
    }
    schemes
}
