//! Everything the user can do, as data. Keys and mouse events become [`Action`]s;
//! `App::update` turns them into state changes and [`Effect`]s.

use std::path::PathBuf;
use std::sync::Arc;

use super::reload::read::Batch;
use crate::diag::Message;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// h / ←: collapse, go to the parent, or back to the previous pane.
    Left,
    /// l / →: expand, or on to the next pane.
    Right,
    /// Open a node, or focus the detail.
    Enter,
    /// Esc: back one step, or close an overlay.
    Back,
    NextPane,
    PrevPane,
    CycleScheme,
    CycleSort,
    /// `O`: the same order, the other way round.
    ReverseSort,
    ToggleEmpty,
    ShowHelp,
    /// `/` in the help: narrow it to the keys whose text holds some words.
    FilterHelp,
    /// Ctrl-p: the command palette.
    OpenPalette,
    ShowDiagnostics,
    Quit,
    /// Ctrl-L: draw the whole screen again (after another program wrote on it).
    Repaint,
    /// Mouse wheel at a screen position; `delta` in notches (negative = up).
    /// A notch moves a selection one row and scrolls text three lines.
    Scroll {
        x: u16,
        y: u16,
        delta: i32,
    },
    Click {
        x: u16,
        y: u16,
    },
    /// The similar-case index, built in the background, is ready.
    SimilarReady,
    Resize {
        width: u16,
        height: u16,
    },

    // Search (the `/` overlay).
    OpenSearch,
    Input(char),
    Paste(String),
    Backspace,
    DeleteWord,
    /// Ctrl-u: empty the field.
    ClearLine,
    /// Alt-b / Alt-f: to the previous word start, to the end of the word.
    WordLeft,
    WordRight,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    CycleTarget,

    // Copy, mark and export.
    CopySummary,
    CopyBrief,
    CopyCitation,
    ToggleMark,
    ClearMarks,
    Export,

    // Answers: coverage, statistics, filters, jumps and history.
    ShowCoverage,
    ShowStats,
    /// `:` jump to a control by typing its id.
    OpenJump,
    /// Tab in the jump prompt: complete to the first candidate.
    Complete,
    /// Pin the selected area as a filter chip.
    PinArea,
    /// Edit the year range and the words that filter the list.
    OpenFilter,
    /// bundled only → team only → both.
    CycleSource,
    /// Choose a filter chip to remove.
    EditChips,
    RemoveChip,
    ClearFilters,
    /// Open (or copy) the selected case's source URL.
    OpenUrl,
    HistoryBack,
    HistoryForward,
    /// The outcome of an effect, reported back by the event loop.
    Done(Outcome),

    // Writing cases, and live reload.
    /// `n`: a new case in a team casebook.
    NewCase,
    /// `E`: edit the selected case's file.
    EditCase,
    /// `E` in the load-problem view: edit the file of the problem at the top.
    EditProblem,
    /// `R`: draft the report of a team's own incident.
    DraftReport,
    /// `P`: record a measure's status in its case file.
    SetStatus,
    /// How writing a measure's status went: the file written, or why not
    /// (reported by the event loop).
    StatusSet(Result<PathBuf, Message>),
    /// `b`: all cases → bundled only → team only.
    /// Files changed under a watched directory (from the watcher).
    FilesChanged(Vec<PathBuf>),
    /// Files read again in the background.
    Reloaded(Shared<Batch>),
    /// A case file written or edited (reported by the event loop).
    Authored(Authored),

    /// Test hook: panics inside the event loop (bound only when CASEBOOK_TEST_PANIC is set).
    DebugPanic,
}

/// Work for the event loop: things that touch the world outside the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put `text` on the clipboard; `what` names it for the status bar.
    Copy { text: String, what: What },
    /// Write `data` to `path`; refuse to replace an existing file unless
    /// `overwrite`; create the missing folders above it when `make_dirs`
    /// (else report them missing).
    Write {
        path: PathBuf,
        data: Vec<u8>,
        overwrite: bool,
        make_dirs: bool,
    },
    /// Write a new case file `DIR/cases/<year>/ID.yaml` from `start` (never
    /// over an existing file). A draft from a notice is made off the UI
    /// thread; `cancel` stops it (nothing is written once it is set).
    NewCase {
        dir: PathBuf,
        id: String,
        start: Start,
        cancel: Cancel,
    },
    /// Run the editor on a file, the browser suspended meanwhile.
    Edit { path: PathBuf },
    /// Read these files again (or everything, after a catalog changed), in the background.
    Reload {
        paths: Vec<PathBuf>,
        everything: bool,
    },
    /// Watch one more casebook directory.
    Watch { dir: PathBuf },
    /// List a folder's entries, to complete a file name.
    ListDir { dir: PathBuf },
    /// Open `url` with the platform's opener; over SSH or without one, copy it.
    OpenUrl { url: String },
    /// Set measure `measure` (from 0) of case `case` as `change` says, in
    /// its file (atomically, comments and layout kept).
    SetStatus {
        case: usize,
        measure: usize,
        change: crate::authoring::status::Change,
    },
    /// Draw the whole screen again.
    Repaint,
}

/// Stops background work (a draft): set once, read by the worker before it
/// writes anything. Two are equal when they are the same one.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<std::sync::atomic::AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl PartialEq for Cancel {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Cancel {}

/// What a new case file starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// Every field, unknown values `TODO` (`casebook new`).
    Scaffold,
    /// A draft from the notice text on the clipboard (`casebook draft`).
    Clipboard,
    /// A draft from a notice's text in a file.
    Notice(PathBuf),
    /// A draft from a notice's text pasted into the browser (a terminal's
    /// bracketed paste: it works over SSH, where no clipboard tool can).
    Pasted(String),
    /// This text (a bundled case's file, with a new id).
    Copy(String),
}

/// A value handed through actions by reference (what it holds need not be
/// comparable: two are equal when they are the same one).
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Shared<T> {}

/// What was copied, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Summary,
    Brief,
    Citation,
    Precedents,
    /// The summaries (or briefs) of this many marked cases.
    Marked(usize),
    /// A report's draft (`R`).
    Report,
}

/// How an effect ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Copied, and by which ways ("OSC 52", "wl-copy").
    Copied {
        what: What,
        via: Vec<String>,
    },
    /// Nothing could take the text (clipboard off or unavailable), or a
    /// native tool (`stuck`) did not take it in time and was stopped.
    CopyFailed {
        what: What,
        text: String,
        stuck: Option<String>,
    },
    /// Written to `path` (made absolute).
    Written {
        path: PathBuf,
    },
    /// The folder `dir` that would hold `path` does not exist (nothing written).
    NoFolder {
        path: PathBuf,
        data: Vec<u8>,
        dir: PathBuf,
    },
    /// A folder's entries (name, whether a folder), or why it could not be read.
    Listed {
        dir: PathBuf,
        entries: Result<Vec<(String, bool)>, String>,
    },
    /// The file exists and overwriting was not asked for.
    Exists {
        path: PathBuf,
        data: Vec<u8>,
    },
    WriteFailed {
        path: PathBuf,
        reason: String,
    },
    /// Handed to the platform's opener.
    Opened {
        url: String,
    },
    /// Not opened (over SSH, or no opener); copied instead, by these ways (none: not even that).
    UrlCopied {
        url: String,
        over_ssh: bool,
        via: Vec<String>,
    },
}

/// How writing or editing a case file ended, reported back by the event loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Authored {
    /// A new case file was written in the casebook directory `dir`.
    Created { path: PathBuf, dir: PathBuf },
    /// No case file was written, and why.
    NotCreated(Message),
    /// The editor ended (`failed`: it could not be run, or it failed).
    Edited {
        path: PathBuf,
        failed: Option<Message>,
    },
    /// The draft was cancelled (Esc): nothing was written.
    Cancelled,
}
