//! What is on top of the panes: browsing, an overlay or a question, each
//! with the state it holds while it is open. One value, so a mode and the
//! state that goes with it cannot disagree.

use super::author::Step;
use super::copy::Prompt;
use super::coverage::{CoverageState, StatsState};
use super::help::HelpFilter;
use super::jumps::JumpState;
use super::keymap::Context;
use super::palette::Palette;
use super::search::SearchState;

/// What is on top, without what it holds: where keys are looked up.
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
    /// Ctrl-p: the command palette.
    Palette,
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
            Mode::Palette => Context::Palette,
        }
    }
}

/// What is on top, with what it holds while it is open. The views that keep
/// their state between openings (search, coverage, statistics, jump, filters)
/// hold it in their panes; these are started afresh each time.
#[derive(Debug, Default)]
pub enum Top {
    #[default]
    Browse,
    /// `?`: the words narrowing it (`/`) and how far it is scrolled.
    Help {
        filter: HelpFilter,
        scroll: usize,
    },
    /// `!`: how far it is scrolled.
    Diagnostics {
        scroll: usize,
    },
    Search,
    /// A file name, a y/n question, a title or a choice.
    Prompt(Prompt),
    /// The questions of `n` and `E`.
    Author(Step),
    Coverage,
    Stats,
    Jump,
    Filter,
    Chips,
    Palette(Palette),
}

impl Top {
    pub fn mode(&self) -> Mode {
        match self {
            Top::Browse => Mode::Browse,
            Top::Help { .. } => Mode::Help,
            Top::Diagnostics { .. } => Mode::Diagnostics,
            Top::Search => Mode::Search,
            Top::Prompt(_) => Mode::Prompt,
            Top::Author(_) => Mode::Author,
            Top::Coverage => Mode::Coverage,
            Top::Stats => Mode::Stats,
            Top::Jump => Mode::Jump,
            Top::Filter => Mode::Filter,
            Top::Chips => Mode::Chips,
            Top::Palette(_) => Mode::Palette,
        }
    }

    /// How far the help or the problems view is scrolled (0 for the rest).
    pub fn scroll(&self) -> usize {
        match self {
            Top::Help { scroll, .. } | Top::Diagnostics { scroll } => *scroll,
            _ => 0,
        }
    }

    pub fn scroll_mut(&mut self) -> Option<&mut usize> {
        match self {
            Top::Help { scroll, .. } | Top::Diagnostics { scroll } => Some(scroll),
            _ => None,
        }
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        match self {
            Top::Prompt(p) => Some(p),
            _ => None,
        }
    }

    pub fn author(&self) -> Option<&Step> {
        match self {
            Top::Author(s) => Some(s),
            _ => None,
        }
    }

    pub fn help_filter(&self) -> Option<&HelpFilter> {
        match self {
            Top::Help { filter, .. } => Some(filter),
            _ => None,
        }
    }

    /// Takes the prompt off the top (browsing is left), or None.
    pub fn take_prompt(&mut self) -> Option<Prompt> {
        match std::mem::take(self) {
            Top::Prompt(p) => Some(p),
            other => {
                *self = other;
                None
            }
        }
    }
}

/// The overlays that keep their state while closed: search keeps its query
/// and results, `:` its text, coverage its cursor, statistics their page.
pub struct Overlays {
    pub search: SearchState,
    pub jump: JumpState,
    pub coverage: CoverageState,
    pub stats: StatsState,
}
