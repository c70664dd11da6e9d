//! Everything the user can do, as data. Keys and mouse events become [`Action`]s;
//! `App::update` turns them into state changes and [`Effect`]s.

use std::path::PathBuf;

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
    ShowDiagnostics,
    Quit,
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
    /// List a folder's entries, to complete a file name.
    ListDir { dir: PathBuf },
    /// Open `url` with the platform's opener; over SSH or without one, copy it.
    OpenUrl { url: String },
}

/// What was copied, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Summary,
    Brief,
    Citation,
    Precedents,
    /// The summaries (or briefs) of this many marked cases.
    Marked(usize),
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
