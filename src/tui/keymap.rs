//! The keymap: (context, key) → action. The same table drives input handling,
//! the help overlay and the status-bar hints, so they cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::lang::Lang;

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Browse,
    Help,
    Diagnostics,
    Search,
    Prompt,
    /// The questions of `n` (a new case) and `E` (edit).
    Author,
    /// The notice file's name, asked by `n` then `f`.
    NoticeFile,
    /// Text editing, shared by the search box and the prompt.
    Field,
    /// Scrolling, shared by the help and the load-problem views.
    Overlay,
    Coverage,
    Stats,
    /// `:` jump to a control.
    Jump,
    /// The year-and-words filter prompt.
    Filter,
    /// Choosing a filter chip to remove.
    Chips,
    /// The command palette (Ctrl-p).
    Palette,
    /// Typing words that narrow the help (`/` in `?`).
    HelpFilter,
    /// A question answered with a letter (replace a file? copy every marked case?).
    Choice,
    /// The title of a training pack.
    Title,
    /// The choices of `R` (to whom, which stage, copy or save) and `P`
    /// (which measure, which status): digits and letters answer.
    Choose,
}

impl Context {
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Context::Browse, Lang::Ja) => "閲覧",
            (Context::Browse, Lang::En) => "Browsing",
            (Context::Help, Lang::Ja) => "ヘルプ",
            (Context::Help, Lang::En) => "Help",
            (Context::Diagnostics, Lang::Ja) => "読み込みの問題",
            (Context::Diagnostics, Lang::En) => "Load problems",
            (Context::Search, Lang::Ja) => "検索",
            (Context::Search, Lang::En) => "Search",
            (Context::Prompt, Lang::Ja) => "保存先の入力",
            (Context::Prompt, Lang::En) => "File prompt",
            (Context::Author, Lang::Ja) => "新しい事例・編集の質問",
            (Context::Author, Lang::En) => "Writing a case: the questions",
            (Context::NoticeFile, Lang::Ja) => "公表文のファイル名（n → f）",
            (Context::NoticeFile, Lang::En) => "The notice's file name (n, then f)",
            (Context::Field, Lang::Ja) => "入力欄の編集（検索・保存先・移動・絞り込み・事例ID）",
            (Context::Field, Lang::En) => {
                "Editing text (search, file, jump, filter and case-id prompts)"
            }
            (Context::Overlay, Lang::Ja) => "ヘルプ・読み込みの問題の画面",
            (Context::Overlay, Lang::En) => "In the help and load-problem views",
            (Context::Coverage, Lang::Ja) => "管理策の網羅状況",
            (Context::Coverage, Lang::En) => "Control coverage",
            (Context::Stats, Lang::Ja) => "統計",
            (Context::Stats, Lang::En) => "Statistics",
            (Context::Jump, Lang::Ja) => "管理策へ移動（:）",
            (Context::Jump, Lang::En) => "Jump to a control (:)",
            (Context::Filter, Lang::Ja) => "年と語句で絞り込み（F）",
            (Context::Filter, Lang::En) => "Filter by years and words (F)",
            (Context::Chips, Lang::Ja) => "絞り込みを外す（x）",
            (Context::Chips, Lang::En) => "Removing filters (x)",
            (Context::Palette, Lang::Ja) => "コマンド一覧（Ctrl-p）",
            (Context::Palette, Lang::En) => "Command palette (Ctrl-p)",
            (Context::HelpFilter, Lang::Ja) => "ヘルプの絞り込み（? の中で /）",
            (Context::HelpFilter, Lang::En) => "Narrowing the help (/ in ?)",
            (Context::Choice, Lang::Ja) => "文字で答える質問（上書き・印の事例のコピーなど）",
            (Context::Choice, Lang::En) => {
                "Questions answered with a letter (replace a file, copy marked cases, ...)"
            }
            (Context::Title, Lang::Ja) => "研修資料の題名",
            (Context::Title, Lang::En) => "The title of a training pack",
            (Context::Choose, Lang::Ja) => "報告の下書き（R）・再発防止策の状況（P）",
            (Context::Choose, Lang::En) => "Drafting a report (R), a measure's status (P)",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
        alt: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
        alt: false,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: false,
    }
}
const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: true,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub ja: &'static str,
    pub en: &'static str,
    /// Shown in the status bar with this short text (ja, en).
    pub hint: Option<(&'static str, &'static str)>,
    /// Which hints give way first when the status bar is short: lower ranks
    /// stay longer (help, quit and close always stay).
    pub rank: u8,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    ja: &'static str,
    en: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        ja,
        en,
        hint: None,
        rank: 9,
    }
}

impl Binding {
    /// The hint's rank (see [`Binding::rank`]).
    const fn rank(mut self, rank: u8) -> Binding {
        self.rank = rank;
        self
    }
}

/// A binding also shown in the status bar, with a short text.
const fn h(
    context: Context,
    keys: &'static [Key],
    action: Action,
    ja: &'static str,
    en: &'static str,
    short: (&'static str, &'static str),
) -> Binding {
    let mut binding = b(context, keys, action, ja, en);
    binding.hint = Some(short);
    binding
}

use Context::*;
use KeyCode::*;

#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    // Browsing
    b(Browse, &[code(Up), k('k')], Action::Up, "上へ", "Move up"),
    b(Browse, &[code(Down), k('j')], Action::Down, "下へ", "Move down"),
    b(Browse, &[code(PageUp), ctrl('b')], Action::PageUp, "1ページ上へ", "Page up"),
    b(Browse, &[code(PageDown), ctrl('f')], Action::PageDown, "1ページ下へ", "Page down"),
    b(Browse, &[k('g'), code(Home)], Action::Top, "先頭へ", "To the top"),
    b(Browse, &[k('G'), code(End)], Action::Bottom, "末尾へ", "To the bottom"),
    b(Browse, &[code(Left), k('h')], Action::Left, "折りたたむ・親の項目へ・前のペインへ", "Collapse, go to the parent or the previous pane"),
    b(Browse, &[code(Right), k('l')], Action::Right, "展開する・次のペインへ", "Expand, or on to the next pane"),
    h(Browse, &[code(Enter)], Action::Enter, "項目を開く・詳細を読む（詳細では似ている事例を選んで開く）", "Open the item, read the detail (in the detail: choose and open a similar case)", ("開く", "open")).rank(2),
    b(Browse, &[code(Esc)], Action::Back, "戻る", "Back"),
    h(Browse, &[code(Tab)], Action::NextPane, "次のペイン", "Next pane", ("ペイン", "pane")).rank(7),
    b(Browse, &[code(BackTab)], Action::PrevPane, "前のペイン", "Previous pane"),
    h(Browse, &[k('s')], Action::CycleScheme, "分類を切替（ISO 27001 / PPC / 原因 / 業種）", "Switch classification (ISO 27001 / PPC / causes / sectors)", ("分類", "scheme")).rank(8),
    b(Browse, &[k('o')], Action::CycleSort, "並び順を切替（公表日 / 人数 / 組織名: かなは五十音、漢字は代表読み）", "Sort: date / people / organization (kana by 五十音, kanji by a representative reading)"),
    b(Browse, &[k('O')], Action::ReverseSort, "並び順を逆にする", "Reverse the order"),
    b(Browse, &[k('f')], Action::ToggleEmpty, "事例のない項目を隠す・表示する", "Hide or show items without cases"),
    h(Browse, &[k('/')], Action::OpenSearch, "再発防止策・事例を検索", "Search measures and cases", ("検索", "search")).rank(1),
    h(Browse, &[k('y')], Action::CopySummary, "事例の要約をコピー（印があれば印の事例すべても選べる）", "Copy the case summary (with marked cases: all of them, if you like)", ("要約コピー", "copy")).rank(3),
    b(Browse, &[k('Y')], Action::CopyBrief, "スライド用の要点（15行以内）をコピー（印があれば印の事例すべても選べる）", "Copy the brief for a slide (15 lines at most; marked cases too, if you like)"),
    h(Browse, &[k('c')], Action::CopyCitation, "出典表記をコピー（分類項目では先例一覧: コピーか .xlsx/.docx に保存）", "Copy the citation (on an area: its precedent list, copied or saved as .xlsx/.docx)", ("出典", "cite")).rank(6),
    h(Browse, &[k('m')], Action::ToggleMark, "事例に印を付ける・外す", "Mark or unmark the case", ("印", "mark")).rank(4),
    b(Browse, &[k('M')], Action::ClearMarks, "すべての印を外す", "Clear all marks"),
    h(Browse, &[k('e')], Action::Export, "印の事例を研修資料へ、固定した管理策を登録簿へ書き出す（保存先を聞く）", "Export the marked cases as a pack, or the pinned controls' register (asks for the file)", ("書き出し", "export")).rank(5),
    b(Browse, &[k('C')], Action::ShowCoverage, "管理策の網羅状況（事例数の濃淡と適用宣言書）", "Control coverage (cases per control, against the SoA)"),
    b(Browse, &[k('S')], Action::ShowStats, "統計（原因・業種・年、JNSA調査と現在の調査との比較）", "Statistics (causes, sectors, years; beside the JNSA survey and current surveys)"),
    b(Browse, &[k(':')], Action::OpenJump, "管理策へ移動（A.7.14、10-5(4) など）", "Jump to a control (A.7.14, 10-5(4), ...)"),
    b(Browse, &[k('p')], Action::PinArea, "選んだ分類項目を絞り込みに固定", "Pin the selected area as a filter"),
    b(Browse, &[k('F')], Action::OpenFilter, "年の範囲と語句で絞り込む", "Filter by a range of years and words"),
    b(Browse, &[k('b')], Action::CycleSource, "出典で絞り込む（同梱のみ / チームのみ / すべて）", "Filter by source (bundled / team / both)"),
    b(Browse, &[k('n')], Action::NewCase, "新しい事例をチームの事例集に書く（白紙から、または公表文の下書きから）", "Write a new case in a team casebook (from scratch, or a notice's draft)"),
    b(Browse, &[k('E')], Action::EditCase, "選んだ事例のファイルをエディタで開く（同梱の事例はコピーして）", "Edit the selected case's file (a bundled case: a copy of it)"),
    b(Browse, &[k('x')], Action::EditChips, "絞り込みを選んで外す", "Choose a filter to remove"),
    b(Browse, &[k('X')], Action::ClearFilters, "絞り込みをすべて外す", "Remove every filter"),
    b(Browse, &[k('R')], Action::DraftReport, "自分たちの事故の報告を下書き（報告先・段階を選び、コピーか保存）", "Draft the report of your own incident (to whom, stage; copy or save)"),
    b(Browse, &[k('P')], Action::SetStatus, "再発防止策の状況を記録（チームの事例のみ。M は印の解除）", "Record a measure's status in its file (team cases; M clears marks)"),
    b(Browse, &[k('u')], Action::OpenUrl, "出典のURLを開く（SSH接続中はコピー）", "Open the source URL (copied instead over SSH)"),
    b(Browse, &[ctrl('o'), alt(Left)], Action::HistoryBack, "移動の履歴を戻る", "Back through jumps"),
    b(Browse, &[ctrl('i'), alt(Right)], Action::HistoryForward, "移動の履歴を進む", "Forward through jumps"),
    b(Browse, &[k('!')], Action::ShowDiagnostics, "読み込みの問題を見る", "Show load problems"),
    h(Browse, &[k('?')], Action::ShowHelp, "キー操作の一覧", "List of keys", ("ヘルプ", "help")),
    b(Browse, &[ctrl('p')], Action::OpenPalette, "コマンド一覧: すべての操作を名前とキーで探して実行", "Command palette: find any action by name, see its key, run it"),
    h(Browse, &[k('q'), ctrl('c')], Action::Quit, "終了", "Quit", ("終了", "quit")),
    b(Browse, &[ctrl('l')], Action::Repaint, "画面を描き直す", "Redraw the screen"),
    // Help and load problems
    h(Help, &[code(Esc), k('?'), k('q')], Action::Back, "閉じる", "Close", ("閉じる", "close")),
    h(Help, &[k('/')], Action::FilterHelp, "語句でキーを絞り込む", "Narrow the keys to some words", ("絞り込み", "filter")),
    h(HelpFilter, &[code(Enter)], Action::Enter, "絞り込みを決めてスクロールに戻る", "Keep the words and scroll", ("決定", "keep")),
    h(HelpFilter, &[code(Esc)], Action::Back, "絞り込みをやめる", "Drop the words", ("取消", "drop")),
    h(Diagnostics, &[code(Esc), k('!'), k('q')], Action::Back, "閉じる", "Close", ("閉じる", "close")),
    h(Diagnostics, &[k('E')], Action::EditProblem, "いちばん上に見えている問題のファイルをエディタで開く", "Edit the file of the problem at the top in your editor", ("編集", "edit")),
    b(Overlay, &[code(Up), k('k')], Action::Up, "上へ", "Scroll up"),
    b(Overlay, &[code(Down), k('j')], Action::Down, "下へ", "Scroll down"),
    b(Overlay, &[code(PageUp), ctrl('b')], Action::PageUp, "1ページ上へ", "Page up"),
    b(Overlay, &[code(PageDown), ctrl('f'), k(' ')], Action::PageDown, "1ページ下へ", "Page down"),
    b(Overlay, &[k('g'), code(Home)], Action::Top, "先頭へ", "To the top"),
    b(Overlay, &[k('G'), code(End)], Action::Bottom, "末尾へ", "To the bottom"),
    b(Overlay, &[ctrl('c')], Action::Quit, "終了", "Quit"),
    b(Overlay, &[ctrl('l')], Action::Repaint, "画面を描き直す", "Redraw the screen"),
    // Search
    h(Search, &[code(Enter)], Action::Enter, "選んだ結果の事例へ移動", "Go to the selected result's case", ("事例へ", "go to case")),
    h(Search, &[code(Esc)], Action::Back, "閉じて元の画面に戻る", "Close and return", ("閉じる", "close")),
    h(Search, &[code(Tab)], Action::CycleTarget, "対象を切替（すべて / 再発防止策 / 事例）", "Switch target (all / measures / cases)", ("対象切替", "target")),
    h(Search, &[code(Up), ctrl('p')], Action::Up, "前の結果", "Previous result", ("選択", "select")),
    b(Search, &[code(Down), ctrl('n')], Action::Down, "次の結果", "Next result"),
    b(Search, &[code(PageUp)], Action::PageUp, "1ページ上へ", "Page up"),
    b(Search, &[code(PageDown)], Action::PageDown, "1ページ下へ", "Page down"),
    // Coverage
    h(Coverage, &[code(Left), k('h')], Action::Left, "左の管理策", "Control to the left", ("移動", "move")),
    b(Coverage, &[code(Right), k('l')], Action::Right, "右の管理策", "Control to the right"),
    b(Coverage, &[code(Up), k('k')], Action::Up, "上の行", "Row above"),
    b(Coverage, &[code(Down), k('j')], Action::Down, "下の行", "Row below"),
    h(Coverage, &[code(Enter)], Action::Enter, "その管理策を分類ツリーで開く", "Open the control in the tree", ("開く", "open")),
    h(Coverage, &[code(Esc), k('C'), k('q')], Action::Back, "閉じる", "Close", ("閉じる", "close")),
    b(Coverage, &[ctrl('c')], Action::Quit, "終了", "Quit"),
    b(Coverage, &[ctrl('l')], Action::Repaint, "画面を描き直す", "Redraw the screen"),
    // Statistics
    h(Stats, &[code(Tab), code(Right), k('l')], Action::NextPane, "次のグラフ（幅が狭いとき）", "Next chart (on narrow screens)", ("グラフ切替", "chart")),
    b(Stats, &[code(BackTab), code(Left), k('h')], Action::PrevPane, "前のグラフ", "Previous chart"),
    h(Stats, &[code(Up), k('k')], Action::Up, "現在の調査の表を上へ", "Scroll the current surveys up", ("調査の表を送る", "scroll surveys")).rank(10),
    b(Stats, &[code(Down), k('j')], Action::Down, "現在の調査の表を下へ", "Scroll the current surveys down"),
    b(Stats, &[k('g'), code(Home)], Action::Top, "現在の調査の表の先頭へ", "The current surveys from the top"),
    h(Stats, &[code(Esc), k('S'), k('q')], Action::Back, "閉じる", "Close", ("閉じる", "close")),
    b(Stats, &[ctrl('c')], Action::Quit, "終了", "Quit"),
    b(Stats, &[ctrl('l')], Action::Repaint, "画面を描き直す", "Redraw the screen"),
    // Jump to a control
    h(Jump, &[code(Enter)], Action::Enter, "移動", "Go", ("移動", "go")),
    h(Jump, &[code(Tab)], Action::Complete, "候補で補完（押すたびに次の候補）", "Complete with a candidate (again: the next one)", ("補完", "complete")),
    b(Jump, &[code(BackTab)], Action::PrevPane, "前の候補で補完", "Complete with the previous candidate"),
    h(Jump, &[code(Up)], Action::Up, "前の候補を選ぶ", "Choose the previous candidate", ("候補", "candidate")),
    b(Jump, &[code(Down)], Action::Down, "次の候補を選ぶ", "Choose the next candidate"),
    h(Jump, &[code(Esc)], Action::Back, "取り消す", "Cancel", ("取消", "cancel")),
    // Command palette
    h(Palette, &[code(Enter)], Action::Enter, "選んだ操作を実行", "Run the chosen action", ("実行", "run")),
    h(Palette, &[code(Up), ctrl('p')], Action::Up, "前の操作", "Previous action", ("選択", "choose")),
    b(Palette, &[code(Down), ctrl('n')], Action::Down, "次の操作", "Next action"),
    h(Palette, &[code(Esc)], Action::Back, "閉じる", "Close", ("閉じる", "close")),
    // Filter prompt
    h(Filter, &[code(Enter)], Action::Enter, "絞り込む（空にすると年と語句の絞り込みを外す）", "Apply (empty: remove the year and word filters)", ("決定", "apply")),
    h(Filter, &[code(Esc)], Action::Back, "取り消す", "Cancel", ("取消", "cancel")),
    // Removing filter chips
    h(Chips, &[code(Left), k('h')], Action::Left, "前の絞り込み", "Previous filter", ("選択", "select")),
    b(Chips, &[code(Right), k('l')], Action::Right, "次の絞り込み", "Next filter"),
    h(Chips, &[code(Enter), k('x'), code(Backspace), code(Delete)], Action::RemoveChip, "選んだ絞り込みを外す", "Remove the selected filter", ("外す", "remove")),
    h(Chips, &[code(Esc), k('q')], Action::Back, "戻る", "Done", ("戻る", "done")),
    b(Chips, &[ctrl('c')], Action::Quit, "終了", "Quit"),
    b(Chips, &[ctrl('l')], Action::Repaint, "画面を描き直す", "Redraw the screen"),
    // Prompt
    h(Prompt, &[code(Enter)], Action::Enter, "決定", "Confirm", ("決定", "confirm")),
    h(Prompt, &[code(Esc)], Action::Back, "取り消す", "Cancel", ("取消", "cancel")),
    h(Prompt, &[code(Tab)], Action::Complete, "ファイル名を補完（~ はホームフォルダ）", "Complete the file name (~ is your home folder)", ("補完", "complete")),
    h(Title, &[code(Enter)], Action::Enter, "決定（次に保存先を聞く）", "Confirm (then the file name)", ("決定", "confirm")),
    h(Title, &[code(Esc)], Action::Back, "取り消す", "Cancel", ("取消", "cancel")),
    b(Choice, &[code(Enter)], Action::Enter, "既定の答え（質問の (y/N) なら N）", "The default answer (N of a (y/N) question)"),
    h(Choice, &[code(Esc)], Action::Back, "取り消す（答えは質問に書かれた文字で）", "Cancel (answer with the letters the question names)", ("取消", "cancel")),
    // The choices of R and P
    h(Choose, &[code(Enter)], Action::Enter, "* の付いた選択肢・R の最後ではコピー", "The choice marked *; at R's last step, copy", ("決定", "confirm")),
    h(Choose, &[code(Esc)], Action::Back, "取り消す", "Cancel", ("取消", "cancel")),
    b(Choose, &[code(Backspace)], Action::Backspace, "入力した番号を1文字消す", "Delete a digit typed"),
    b(Choose, &[ctrl('c')], Action::Quit, "終了", "Quit"),
    // Writing a case
    h(Author, &[code(Enter)], Action::Enter, "決定", "Confirm", ("決定", "confirm")),
    h(Author, &[code(Esc)], Action::Back, "取り消す", "Cancel", ("取消", "cancel")),
    h(NoticeFile, &[code(Enter)], Action::Enter, "決定", "Confirm", ("決定", "confirm")),
    h(NoticeFile, &[code(Esc)], Action::Back, "取り消す", "Cancel", ("取消", "cancel")),
    h(NoticeFile, &[code(Tab)], Action::Complete, "ファイル名を補完（~ はホームフォルダ）", "Complete the file name (~ is your home folder)", ("補完", "complete")),
    // Editing text, in the search box and the prompt
    b(Field, &[code(Backspace)], Action::Backspace, "1文字消す", "Delete a character"),
    b(Field, &[ctrl('w')], Action::DeleteWord, "1語消す（区切りのない日本語では漢字・かな・カタカナ・英字の切れ目まで）", "Delete a word (in unspaced Japanese, back to where the script changes)"),
    b(Field, &[ctrl('u')], Action::ClearLine, "すべて消す", "Clear the field"),
    b(Field, &[alt(Char('b'))], Action::WordLeft, "1語左へ", "Word left"),
    b(Field, &[alt(Char('f'))], Action::WordRight, "1語右へ", "Word right"),
    b(Field, &[code(Left)], Action::CursorLeft, "カーソルを左へ", "Cursor left"),
    b(Field, &[code(Right)], Action::CursorRight, "カーソルを右へ", "Cursor right"),
    b(Field, &[code(Home), ctrl('a')], Action::CursorHome, "行頭へ", "Start of line"),
    b(Field, &[code(End), ctrl('e')], Action::CursorEnd, "行末へ", "End of line"),
    b(Field, &[ctrl('c')], Action::Quit, "終了", "Quit"),
    b(Field, &[ctrl('l')], Action::Repaint, "画面を描き直す", "Redraw the screen"),
];

/// The bindings a context shares with others.
fn shared(context: Context) -> Option<Context> {
    match context {
        Context::Search
        | Context::Prompt
        | Context::Jump
        | Context::Filter
        | Context::Author
        | Context::NoticeFile
        | Context::Palette
        | Context::HelpFilter
        | Context::Title => Some(Context::Field),
        Context::Help | Context::Diagnostics => Some(Context::Overlay),
        _ => None,
    }
}

/// Contexts whose unbound printable keys are typed into a text field.
pub fn takes_text(context: Context) -> bool {
    matches!(
        context,
        Context::Search
            | Context::Prompt
            | Context::Jump
            | Context::Filter
            | Context::Author
            | Context::NoticeFile
            | Context::Palette
            | Context::HelpFilter
            | Context::Choice
            | Context::Title
            | Context::Choose
    )
}

/// The action for a key press in a context, if any.
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let key = Key {
        code: event.code,
        ctrl,
        alt,
    };
    let in_context = |c: Context| {
        KEYMAP
            .iter()
            .find(|b| b.context == c && b.keys.contains(&key))
    };
    let found = in_context(context).or_else(|| shared(context).and_then(in_context));
    if let Some(binding) = found {
        return Some(binding.action.clone());
    }
    match event.code {
        KeyCode::Char(c) if takes_text(context) && !ctrl && !alt => Some(Action::Input(c)),
        _ => None,
    }
}

/// A key as the help shows it: `↑`, `Ctrl-c`, `Shift-Tab`, `G`.
pub fn key_label(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "BS".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{name}")
    } else if key.alt {
        format!("Alt-{name}")
    } else {
        name
    }
}

/// All keys of a binding: `↑ k`.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(key_label)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One status-bar hint: the key, its short text, and whether it always
/// shows (how to get help, and how to get out or back).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub key: String,
    pub text: &'static str,
    pub essential: bool,
    pub rank: u8,
}

/// The status-bar hints of a context (`Enter 開く  Tab ペイン ...`), in the
/// table's order. A hint on an arrow key names every arrow the context moves
/// with (`↑↓ 選択`).
pub fn hints(context: Context, lang: Lang) -> Vec<Hint> {
    let arrows: String = KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .filter_map(|b| match b.keys[0].code {
            KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right => {
                Some(key_label(&b.keys[0]))
            }
            _ => None,
        })
        .collect();
    KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .filter_map(|b| {
            let (ja, en) = b.hint?;
            let key = match b.keys[0].code {
                KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right => arrows.clone(),
                _ => key_label(&b.keys[0]),
            };
            Some(Hint {
                key,
                text: if lang == Lang::Ja { ja } else { en },
                essential: matches!(b.action, Action::Quit | Action::ShowHelp | Action::Back),
                rank: b.rank,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(
                            !b.keys.contains(key),
                            "{key:?} is bound twice in {:?}",
                            a.context
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn shifted_letters_and_control_keys() {
        assert_eq!(
            lookup(
                Context::Browse,
                &press(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Bottom)
        );
        assert_eq!(
            lookup(
                Context::Browse,
                &press(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(
                Context::Browse,
                &press(KeyCode::Char('c'), KeyModifiers::NONE)
            ),
            Some(Action::CopyCitation)
        );
    }

    #[test]
    fn text_contexts_type_unbound_characters() {
        assert_eq!(
            lookup(
                Context::Search,
                &press(KeyCode::Char('q'), KeyModifiers::NONE)
            ),
            Some(Action::Input('q'))
        );
        assert_eq!(
            lookup(
                Context::Search,
                &press(KeyCode::Char('廃'), KeyModifiers::NONE)
            ),
            Some(Action::Input('廃'))
        );
        assert_eq!(
            lookup(
                Context::Browse,
                &press(KeyCode::Char('z'), KeyModifiers::NONE)
            ),
            None
        );
    }

    #[test]
    fn labels_read_like_the_keyboard() {
        assert_eq!(key_label(&ctrl('c')), "Ctrl-c");
        assert_eq!(keys_label(&KEYMAP[0]), "↑ k");
        let browse = hints(Context::Browse, Lang::En);
        assert!(
            browse
                .iter()
                .any(|h| h.key == "?" && h.text == "help" && h.essential),
            "{browse:?}"
        );
        let search = hints(Context::Search, Lang::En);
        assert!(search.iter().any(|h| h.key == "↑↓"), "{search:?}");
    }
}

/// A mouse gesture the program answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    WheelUp,
    WheelDown,
    Click,
}

/// What a gesture does, for the help (ja, en).
pub struct MouseBinding {
    pub gesture: Gesture,
    pub ja: &'static str,
    pub en: &'static str,
    pub label: (&'static str, &'static str),
}

impl MouseBinding {
    pub fn help(&self, lang: Lang) -> &'static str {
        crate::lang::t(lang, self.ja, self.en)
    }

    pub fn label(&self, lang: Lang) -> &'static str {
        crate::lang::t(lang, self.label.0, self.label.1)
    }
}

#[rustfmt::skip]
pub static MOUSE: &[MouseBinding] = &[
    MouseBinding { gesture: Gesture::WheelUp, label: ("ホイール上", "Wheel up"), ja: "ポインタの下のペインを上へ（分類ツリーと事例一覧は1行ずつ、詳細・ヘルプは3行ずつ）", en: "Up in the pane under the pointer (the tree and the list one row a notch, the detail and the help three lines)" },
    MouseBinding { gesture: Gesture::WheelDown, label: ("ホイール下", "Wheel down"), ja: "同じく下へ", en: "Down, likewise" },
    MouseBinding { gesture: Gesture::Click, label: ("クリック", "Click"), ja: "分類項目・事例を選ぶ。上端の分類名で分類を切替", en: "Select an area or a case; on a classification's name at the top, switch to it" },
];
