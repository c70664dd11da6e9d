//! Moving around by jumps: `:` to a control typed in any spelling, the similar
//! cases at the end of the detail, and the history of jumps (Ctrl-o / Ctrl-i,
//! Alt-← / Alt-→). Also `u`, the selected case's source URL.

use super::field::Field;
use super::panes::Pane;
use crate::model::ControlRef;

/// Where the browser was: enough to come back to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub scheme: usize,
    pub node: Option<String>,
    pub case: Option<usize>,
    pub focus: Pane,
}

#[derive(Default)]
pub struct History {
    pub back: Vec<Location>,
    pub forward: Vec<Location>,
}

/// Jumps remembered; the oldest are forgotten beyond this.
pub(crate) const HISTORY: usize = 100;

/// The `:` prompt: what is typed, its completions and the last problem.
#[derive(Default)]
pub struct JumpState {
    pub field: Field,
    pub candidates: Vec<ControlRef>,
    /// The candidate chosen with ↑↓ or Tab (Enter goes there).
    pub chosen: Option<usize>,
    pub message: Option<String>,
}

impl JumpState {
    /// ↑/↓ (and Tab, S-Tab: the field shows the candidate): the next or
    /// previous candidate, round the list.
    pub(super) fn step(&mut self, forward: bool) -> Option<&ControlRef> {
        let n = self.candidates.len();
        if n == 0 {
            return None;
        }
        self.chosen = Some(match (self.chosen, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        });
        self.chosen.and_then(|i| self.candidates.get(i))
    }
}

/// Completions shown under the `:` prompt.
pub(crate) const CANDIDATES: usize = 8;

/// Controls whose title (in either language) or whose words hold `typed`
/// (`供給者`, `supplier`, `廃棄`), in catalog order, titles first.
pub fn by_title(catalogs: &crate::catalog::Catalogs, typed: &str, max: usize) -> Vec<ControlRef> {
    use unicode_normalization::UnicodeNormalization;
    let fold = |s: &str| s.nfkc().collect::<String>().to_lowercase();
    let typed = fold(typed.trim());
    if typed.is_empty() {
        return Vec::new();
    }
    let mut titles = Vec::new();
    let mut words = Vec::new();
    for catalog in catalogs.control_schemes() {
        for (_, item) in catalog.flatten() {
            let r = ControlRef::new(&catalog.scheme, &item.id);
            if fold(&item.title.ja).contains(&typed) || fold(&item.title.en).contains(&typed) {
                titles.push(r);
            } else if item.words.iter().any(|w| fold(w).contains(&typed)) {
                words.push(r);
            }
        }
    }
    titles.extend(words);
    titles.truncate(max);
    titles
}
/// Similar cases shown at the end of the detail.
pub const SIMILAR: usize = 5;
