//! The application state. It changes only in [`App::update`]; the views read it.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};
use std::sync::{Arc, OnceLock};

use ratatui::layout::Rect;

use super::action::{Action, Effect};
use super::author::Step;
use super::copy::Prompt;
use super::coverage::{CoverageState, StatsState};
use super::derived::{Derived, Inputs};
use super::filters::FilterState;
use super::jumps::{History, JumpState};
use super::keymap::Context;
use super::layout::{self, Areas};
use super::list::Sort;
use super::reload::{Live, Setup};
use super::search::SearchState;
use super::theme::Theme;
use super::tree::{self, Row};
use super::{detail, diagnostics, help};
use crate::answers::similar::{self, Similar};
use crate::answers::soa::Soa;
use crate::casebook::Casebook;
use crate::catalog::{Catalog, Kind};
use crate::config::ClipboardMode;
use crate::control_id::Resolver;
use crate::diag::Diagnostic;
use crate::document::Anchor;
use crate::lang::Lang;
use crate::search::Searcher;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Tree,
    List,
    Detail,
}

impl Pane {
    fn next(self) -> Pane {
        match self {
            Pane::Tree => Pane::List,
            Pane::List => Pane::Detail,
            Pane::Detail => Pane::Tree,
        }
    }

    fn prev(self) -> Pane {
        self.next().next()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Help,
    Diagnostics,
    Search,
    Prompt,
    /// Writing a case: the questions of `n` and `E`.
    Author,
    Coverage,
    Stats,
    Jump,
    Filter,
    Chips,
}

impl Mode {
    pub fn context(self) -> Context {
        match self {
            Mode::Browse => Context::Browse,
            Mode::Help => Context::Help,
            Mode::Diagnostics => Context::Diagnostics,
            Mode::Search => Context::Search,
            Mode::Prompt => Context::Prompt,
            Mode::Author => Context::Author,
            Mode::Coverage => Context::Coverage,
            Mode::Stats => Context::Stats,
            Mode::Jump => Context::Jump,
            Mode::Filter => Context::Filter,
            Mode::Chips => Context::Chips,
        }
    }
}

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
}

pub struct App {
    /// Shared with the thread that builds the similar-case index.
    pub book: Arc<Casebook>,
    pub diagnostics: Vec<Diagnostic>,
    pub lang: Lang,
    pub theme: Theme,
    /// Scheme names in the order `s` cycles through them.
    pub schemes: Vec<String>,
    pub scheme: usize,
    /// Selected node per scheme (None: the "all cases" root).
    nodes: Vec<Option<String>>,
    /// Expanded nodes per scheme.
    pub(super) expanded: Vec<HashSet<String>>,
    pub hide_empty: bool,
    pub sort: Sort,
    /// Selected case: an index into `book.entries()`.
    pub case: Option<usize>,
    pub tree_offset: usize,
    pub list_offset: usize,
    pub detail_scroll: usize,
    pub focus: Pane,
    pub mode: Mode,
    /// Scroll position of the help or diagnostics overlay.
    pub overlay_scroll: usize,
    pub size: Rect,
    /// A transient message for the status bar, cleared by the next key.
    pub status: Option<String>,
    /// Marked cases (indices into `book.entries()`).
    pub marks: BTreeSet<usize>,
    /// The part of the detail to highlight (after a search jump): a measure,
    /// a summary sentence, a root cause.
    pub highlight: Option<Anchor>,
    pub quit: bool,
    pub options: Options,
    pub searcher: Searcher,
    pub search: SearchState,
    pub prompt: Option<Prompt>,
    pub filters: FilterState,
    pub jump: JumpState,
    pub history: History,
    pub coverage: CoverageState,
    pub stats: StatsState,
    pub soa: Option<Soa>,
    pub resolver: Resolver,
    /// Built once, on a thread of its own for the browser (it reads every
    /// case): until it is there, the detail shows no similar cases.
    pub similar_index: Arc<OnceLock<similar::Index>>,
    /// The cases most like the selected one (derived when the selection changes).
    pub similar: Vec<Similar>,
    pub(super) similar_of: Option<usize>,
    /// The similar case chosen in the detail (Enter follows it).
    pub similar_cursor: Option<usize>,
    /// The `!` panel's rows, kept for the overlay's width and the language.
    pub diagnostics_panel: diagnostics::Panel,
    /// Files with an error, counted once (the banner shows it on every frame).
    pub(super) failed_files: usize,
    /// The questions of `n` and `E`.
    pub author: Option<Step>,
    /// Files that turned bad, and a file to show once read again.
    pub live: Live,
    /// The widest each classification's tree can want (`tree::natural_width`).
    tree_widths: Vec<u16>,
    /// The width the tree's visible rows need (`tree::rows_width`), kept by `sync`.
    tree_need: u16,
    /// The case list, tree rows and detail length, kept up to date by `derive`.
    pub(super) derived: Derived,
}

impl App {
    /// Where keys are looked up: the mode's context, narrowed to the notice
    /// file's name while `n` asks for it (the one question Tab completes).
    pub fn context(&self) -> Context {
        match (self.mode, &self.author) {
            (Mode::Author, Some(Step::Notice { .. })) => Context::NoticeFile,
            (mode, _) => mode.context(),
        }
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
        let n = schemes.len();
        let mut app = App {
            book,
            diagnostics,
            lang: options.lang,
            theme: options.theme.unwrap_or_else(Theme::from_env),
            schemes,
            scheme,
            nodes: vec![None; n],
            expanded: vec![HashSet::new(); n],
            hide_empty: false,
            sort: Sort::default(),
            case: None,
            tree_offset: 0,
            list_offset: 0,
            detail_scroll: 0,
            focus: Pane::Tree,
            mode: Mode::Browse,
            overlay_scroll: 0,
            size: Rect::new(0, 0, 80, 24),
            status: None,
            marks: BTreeSet::new(),
            highlight: None,
            quit: false,
            options,
            searcher,
            search: SearchState::default(),
            prompt: None,
            filters: FilterState::default(),
            jump: JumpState::default(),
            history: History::default(),
            coverage: CoverageState::default(),
            stats: StatsState::default(),
            soa,
            resolver,
            similar_index,
            similar: Vec::new(),
            similar_of: None,
            similar_cursor: None,
            diagnostics_panel: diagnostics::Panel::default(),
            failed_files: 0,
            author: None,
            live: Live::default(),
            tree_widths: Vec::new(),
            tree_need: 0,
            derived: Derived::default(),
        };
        app.live.keys = std::mem::take(&mut app.options.setup.keys);
        app.measure_trees();
        app.failed_files = crate::diag::failed_files(&app.diagnostics);
        app.sync();
        app
    }

    /// The widest each classification's tree can want (again after a reload).
    pub(super) fn measure_trees(&mut self) {
        self.tree_widths = self
            .schemes
            .iter()
            .map(|s| {
                self.book.catalogs.scheme(s).map_or(0, |c| {
                    tree::natural_width(&self.book, c, self.lang).min(u16::MAX as usize) as u16
                })
            })
            .collect();
    }

    // ----- derived views of the state -------------------------------------------------

    pub fn catalog(&self) -> Option<&Catalog> {
        self.schemes
            .get(self.scheme)
            .and_then(|s| self.book.catalogs.scheme(s))
    }

    pub fn scheme_name(&self) -> &str {
        self.schemes
            .get(self.scheme)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The selected node in the current scheme (None: all cases).
    pub fn node(&self) -> Option<&str> {
        self.nodes.get(self.scheme).and_then(|n| n.as_deref())
    }

    /// The tree's rows (derived: see [`App::derive`]).
    pub fn tree_rows(&self) -> Cow<'_, [Row]> {
        self.derived.tree(self.inputs())
    }

    pub fn tree_selected(&self, rows: &[Row]) -> usize {
        self.catalog()
            .map_or(0, |c| tree::position(rows, c, self.node()))
    }

    /// The cases under the selected node that pass the filters, in display
    /// order (derived: see [`App::derive`]).
    pub fn cases(&self) -> Cow<'_, [usize]> {
        self.derived.cases(self.inputs())
    }

    /// What the derived state depends on.
    fn inputs(&self) -> Inputs<'_> {
        Inputs {
            book: &self.book,
            scheme: self.scheme,
            scheme_name: self.scheme_name(),
            catalog: self.catalog(),
            node: self.node(),
            sort: self.sort,
            passing: self.filters.passing.as_deref(),
            expanded: &self.expanded[self.scheme],
            hide_empty: self.hide_empty,
            lang: self.lang,
        }
    }

    /// Computes again the derived state whose inputs changed (`sync` does).
    pub fn derive(&mut self) {
        let inputs = Inputs {
            book: &self.book,
            scheme: self.scheme,
            scheme_name: self
                .schemes
                .get(self.scheme)
                .map(String::as_str)
                .unwrap_or(""),
            catalog: self
                .schemes
                .get(self.scheme)
                .and_then(|s| self.book.catalogs.scheme(s)),
            node: self.nodes.get(self.scheme).and_then(|n| n.as_deref()),
            sort: self.sort,
            passing: self.filters.passing.as_deref(),
            expanded: &self.expanded[self.scheme],
            hide_empty: self.hide_empty,
            lang: self.lang,
        };
        self.derived.refresh(inputs);
    }

    /// The schemes again, after the catalogs changed (the current one kept by name).
    pub(super) fn refresh_schemes(&mut self) {
        let schemes = scheme_names(&self.book);
        if schemes == self.schemes {
            return;
        }
        let current = self.scheme_name().to_string();
        let node = |app: &App, s: &str| {
            app.schemes
                .iter()
                .position(|x| x == s)
                .map(|i| (app.nodes[i].clone(), app.expanded[i].clone()))
                .unwrap_or_default()
        };
        let (nodes, expanded) = schemes.iter().map(|s| node(self, s)).unzip();
        self.nodes = nodes;
        self.expanded = expanded;
        self.scheme = schemes.iter().position(|s| *s == current).unwrap_or(0);
        self.schemes = schemes;
    }

    pub fn areas(&self) -> Option<Areas> {
        layout::areas(
            self.size,
            self.focus,
            self.banner(),
            self.filter_bar(),
            self.tree_width(),
        )
    }

    /// The tree pane's title: ` 分類: ISO 27001 `.
    pub fn tree_title(&self) -> String {
        let name = self
            .catalog()
            .map(|c| c.short.get(self.lang).to_string())
            .unwrap_or_default();
        let hidden = if self.hide_empty {
            crate::lang::t(self.lang, "・事例ありのみ", " · with cases")
        } else {
            ""
        };
        let label = crate::lang::t(self.lang, "分類: ", "Areas: ");
        format!(" {label}{name}{hidden} ")
    }

    /// How wide the tree would like to be, for the layout.
    pub fn tree_width(&self) -> layout::TreeWidth {
        layout::TreeWidth {
            current: self.tree_need,
            widest: self.tree_widths.iter().copied().max().unwrap_or(0),
        }
    }

    /// Whether the filter bar shows: when anything but the area filters, or
    /// while a chip is being chosen.
    pub fn filter_bar(&self) -> bool {
        self.filters.active() || self.mode == Mode::Chips
    }

    /// Whether the "files failed to load" banner shows.
    pub fn banner(&self) -> bool {
        !self.options.problems.is_empty() || self.failed_files > 0
    }

    pub fn error_files(&self) -> usize {
        self.failed_files
    }

    pub(super) fn pane_height(&self, pane: Pane) -> usize {
        let inner = self
            .areas()
            .and_then(|a| a.pane(pane))
            .map_or(1, layout::inner_height);
        // The list spends a row on its column headings.
        if pane == Pane::List {
            inner.saturating_sub(1).max(1)
        } else {
            inner.max(1)
        }
    }

    fn detail_width(&self) -> usize {
        self.areas()
            .and_then(|a| a.detail)
            .map_or(40, layout::inner_width)
    }

    fn detail_len(&self) -> usize {
        let Some(c) = self.case else { return 0 };
        let width = self.detail_width();
        self.derived.detail_len((c, width, self.lang), || {
            detail::screen(self, c, width).len()
        })
    }

    fn overlay_len(&self) -> (usize, usize) {
        let area = self.areas().map_or(self.size, |a| a.overlay);
        let height = layout::inner_height(area).max(1);
        let width = layout::inner_width(area);
        let len = match self.mode {
            Mode::Help => help::lines(self, width).len(),
            Mode::Diagnostics => self.diagnostics_panel.len(),
            _ => 0,
        };
        (len, height)
    }

    /// Wraps the `!` panel again when it is open and its width or language changed.
    pub(super) fn refresh_diagnostics_panel(&mut self) {
        if self.mode != Mode::Diagnostics {
            return;
        }
        let area = self.areas().map_or(self.size, |a| a.overlay);
        let width = layout::inner_width(area);
        self.diagnostics_panel
            .refresh(&self.diagnostics, width, self.lang);
    }

    // ----- update ---------------------------------------------------------------------

    /// Applies an action. Returns work for the event loop (copying, writing files).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::SimilarReady => {
                self.similar_of = None;
                self.sync();
                return Vec::new();
            }
            Action::Resize { width, height } => {
                self.size = layout::drawable(width, height);
                self.sync();
                self.refresh_diagnostics_panel();
                return Vec::new();
            }
            Action::Quit => {
                self.quit = true;
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
            _ => {}
        }
        self.status = None;
        match self.mode {
            Mode::Browse => self.browse(action),
            Mode::Diagnostics if action == Action::EditProblem => self.edit_problem(),
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
        }
    }

    fn browse(&mut self, action: Action) -> Vec<Effect> {
        if self.similar_key(&action) {
            self.sync();
            return Vec::new();
        }
        match action {
            Action::Up => self.step(self.focus, -1),
            Action::Down => self.step(self.focus, 1),
            Action::PageUp => self.step(self.focus, -(self.pane_height(self.focus) as i64)),
            Action::PageDown => self.step(self.focus, self.pane_height(self.focus) as i64),
            Action::Top => self.step(self.focus, i64::MIN / 2),
            Action::Bottom => self.step(self.focus, i64::MAX / 2),
            Action::Left => self.left(),
            Action::Right => self.open(false),
            Action::Enter => self.open(true),
            Action::Back => match self.focus {
                Pane::Detail => self.focus = Pane::List,
                Pane::List => self.focus = Pane::Tree,
                Pane::Tree => {}
            },
            Action::NextPane => self.focus = self.focus.next(),
            Action::PrevPane => self.focus = self.focus.prev(),
            Action::CycleScheme => self.set_scheme((self.scheme + 1) % self.schemes.len().max(1)),
            Action::ReverseSort => {
                self.sort = self.sort.reverse();
                self.list_offset = 0;
                if let Some(&first) = self.cases().first() {
                    self.select_case(Some(first));
                }
            }
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.list_offset = 0;
                if let Some(&first) = self.cases().first() {
                    self.select_case(Some(first));
                }
            }
            Action::ToggleEmpty => self.hide_empty = !self.hide_empty,
            Action::ShowHelp => {
                self.mode = Mode::Help;
                self.overlay_scroll = 0;
            }
            Action::ShowDiagnostics => {
                self.mode = Mode::Diagnostics;
                self.overlay_scroll = 0;
                self.refresh_diagnostics_panel();
            }
            Action::Scroll { x, y, delta } => {
                if let Some(pane) = self.areas().and_then(|a| a.pane_at(x, y)) {
                    // A selection moves a row a notch (more would change the
                    // list under the tree, or the case, past what you meant);
                    // text scrolls three lines.
                    let rows = if pane == Pane::Detail { TEXT_NOTCH } else { 1 };
                    self.step(pane, delta as i64 * rows);
                }
            }
            Action::Click { x, y } => self.click(x, y),
            Action::OpenSearch => self.open_search(),
            Action::ToggleMark => self.toggle_mark(),
            Action::ClearMarks => self.clear_marks(),
            Action::Export => self.export(),
            Action::CopySummary => return self.copy_summary(false),
            Action::CopyBrief => return self.copy_summary(true),
            Action::CopyCitation => return self.copy_citation(),
            Action::NewCase => self.new_case(),
            Action::EditCase => return self.edit_case(),
            Action::ShowCoverage => self.open_coverage(),
            Action::ShowStats => self.open_stats(),
            Action::OpenJump => self.open_jump(),
            Action::PinArea => self.pin_area(),
            Action::OpenFilter => self.open_filter(),
            Action::CycleSource => self.cycle_source(),
            Action::EditChips => self.edit_chips(),
            Action::ClearFilters => self.clear_filters(),
            Action::OpenUrl => return self.open_url(),
            Action::HistoryBack => self.history_step(true),
            Action::HistoryForward => self.history_step(false),
            _ => {}
        }
        self.sync();
        Vec::new()
    }

    fn overlay(&mut self, action: Action) {
        let (len, height) = self.overlay_len();
        let max = len.saturating_sub(height);
        let page = height.saturating_sub(1).max(1);
        self.overlay_scroll = match action {
            Action::Up => self.overlay_scroll.saturating_sub(1),
            Action::Down => self.overlay_scroll + 1,
            Action::PageUp => self.overlay_scroll.saturating_sub(page),
            Action::PageDown => self.overlay_scroll + page,
            Action::Top => 0,
            Action::Bottom => max,
            Action::Scroll { delta, .. } => {
                (self.overlay_scroll as i64 + delta as i64 * TEXT_NOTCH).max(0) as usize
            }
            Action::Back => {
                self.mode = Mode::Browse;
                0
            }
            _ => self.overlay_scroll,
        }
        .min(max);
    }

    /// Moves the selection (tree, list) or the scroll position (detail) by `delta`.
    fn step(&mut self, pane: Pane, delta: i64) {
        let moved = |current: usize, len: usize| -> usize {
            (current as i64 + delta).clamp(0, len.saturating_sub(1) as i64) as usize
        };
        match pane {
            Pane::Tree => {
                let rows = self.tree_rows();
                let at = moved(self.tree_selected(&rows), rows.len());
                self.set_node(rows.get(at).and_then(|r| r.id.clone()));
            }
            Pane::List => {
                let cases = self.cases();
                let at = cases
                    .iter()
                    .position(|c| Some(*c) == self.case)
                    .unwrap_or(0);
                self.select_case(cases.get(moved(at, cases.len())).copied());
            }
            Pane::Detail => {
                let max = self
                    .detail_len()
                    .saturating_sub(self.pane_height(Pane::Detail));
                self.detail_scroll =
                    (self.detail_scroll as i64 + delta).clamp(0, max as i64) as usize;
            }
        }
    }

    fn left(&mut self) {
        match self.focus {
            Pane::Tree => {
                let Some(id) = self.node().map(str::to_string) else {
                    return;
                };
                let expanded = &mut self.expanded[self.scheme];
                if expanded.remove(&id) {
                    return;
                }
                let parent = self
                    .catalog()
                    .and_then(|c| c.parent(&id))
                    .map(str::to_string);
                self.set_node(parent);
            }
            Pane::List => self.focus = Pane::Tree,
            Pane::Detail => self.focus = Pane::List,
        }
    }

    /// → and Enter: on a tree item with children, expand it (Enter also
    /// collapses an open one); otherwise move on to the next pane.
    fn open(&mut self, toggle: bool) {
        match self.focus {
            Pane::Tree => {
                let rows = self.tree_rows();
                let parent = rows
                    .get(self.tree_selected(&rows))
                    .filter(|r| r.has_children)
                    .and_then(|r| r.id.clone().map(|id| (id, r.expanded)));
                match parent {
                    Some((id, false)) => {
                        self.expanded[self.scheme].insert(id);
                    }
                    Some((id, true)) if toggle => {
                        self.expanded[self.scheme].remove(&id);
                    }
                    _ => self.focus = Pane::List,
                }
            }
            Pane::List => self.focus = Pane::Detail,
            Pane::Detail => {}
        }
    }

    /// Shows classification `i` (an index into `schemes`).
    fn set_scheme(&mut self, i: usize) {
        if i < self.schemes.len() && i != self.scheme {
            self.scheme = i;
            self.tree_offset = 0;
            self.highlight = None;
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let Some(areas) = self.areas() else { return };
        if areas.header.contains((x, y).into()) {
            if let Some(i) = super::header::tab_at(self, areas.header.width as usize, x) {
                self.set_scheme(i);
            }
            return;
        }
        let Some(pane) = areas.pane_at(x, y) else {
            return;
        };
        self.focus = pane;
        let Some(rect) = areas.pane(pane) else { return };
        // First content row: below the border (and the list's column headings).
        let first = rect.y + 1 + u16::from(pane == Pane::List);
        if y < first {
            return;
        }
        let row = (y - first) as usize;
        match pane {
            Pane::Tree => {
                let rows = self.tree_rows();
                if let Some(r) = rows.get(self.tree_offset + row) {
                    self.set_node(r.id.clone());
                }
            }
            Pane::List => {
                if let Some(&c) = self.cases().get(self.list_offset + row) {
                    self.select_case(Some(c));
                }
            }
            Pane::Detail => {}
        }
    }

    pub fn set_node(&mut self, node: Option<String>) {
        if let Some(current) = self.nodes.get_mut(self.scheme)
            && *current != node
        {
            *current = node;
            self.highlight = None;
        }
    }

    pub fn select_case(&mut self, case: Option<usize>) {
        if self.case != case {
            self.case = case;
            self.detail_scroll = 0;
            self.highlight = None;
        }
    }

    /// Restores the invariants after any change: the selected case is in the list
    /// (or the first one), and selections are scrolled into view.
    pub fn sync(&mut self) {
        self.derive();
        let need =
            tree::rows_width(&self.tree_rows()).max(crate::wrap::width(&self.tree_title()) + 4);
        self.tree_need = need.min(u16::MAX as usize) as u16;
        let cases = self.cases();
        if !self.case.is_some_and(|c| cases.contains(&c)) {
            let first = cases.first().copied();
            self.select_case(first);
        }
        self.sync_similar();
        let rows = self.tree_rows();
        let at = self.tree_selected(&rows);
        let (rows_len, tree_height) = (rows.len(), self.pane_height(Pane::Tree));
        self.tree_offset = keep_visible(at, self.tree_offset, tree_height, rows_len);
        let cases = self.cases();
        let at = cases
            .iter()
            .position(|c| Some(*c) == self.case)
            .unwrap_or(0);
        let (cases_len, list_height) = (cases.len(), self.pane_height(Pane::List));
        self.list_offset = keep_visible(at, self.list_offset, list_height, cases_len);
        let max = self
            .detail_len()
            .saturating_sub(self.pane_height(Pane::Detail));
        self.detail_scroll = self.detail_scroll.min(max);
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

/// The schemes `s` cycles through: control schemes, then causes and sectors.
fn scheme_names(book: &Casebook) -> Vec<String> {
    let mut schemes: Vec<String> = book
        .catalogs
        .control_schemes()
        .map(|c| c.scheme.clone())
        .collect();
    for kind in [Kind::Causes, Kind::Sectors] {
        schemes.extend(book.catalogs.of_kind(kind).map(|c| c.scheme.clone()));
    }
    schemes
}
/// Lines of text a wheel notch scrolls (the detail, the help).
const TEXT_NOTCH: i64 = 3;

/// The first visible row so that `selected` is on screen, moving as little as possible.
fn keep_visible(selected: usize, offset: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    };
    offset.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::keep_visible;

    #[test]
    fn scrolling_keeps_the_selection_in_view() {
        assert_eq!(keep_visible(0, 0, 5, 20), 0);
        assert_eq!(keep_visible(7, 0, 5, 20), 3);
        assert_eq!(keep_visible(2, 3, 5, 20), 2);
        assert_eq!(keep_visible(19, 3, 5, 20), 15);
        assert_eq!(keep_visible(3, 10, 5, 4), 0);
    }
}
