//! Keys, wheel and clicks in the browser's panes: moving through the tree,
//! the list and the detail, opening and closing areas, switching the
//! classification, and keeping the selection in view after every change.

use super::action::{Action, Effect};
use super::app::{App, Pane, Top};
use super::tree;

impl App {
    pub(super) fn browse(&mut self, action: Action) -> Vec<Effect> {
        if self.similar_key(&action) {
            self.sync();
            return Vec::new();
        }
        match action {
            Action::Up => self.step(self.panes.focus, -1),
            Action::Down => self.step(self.panes.focus, 1),
            Action::PageUp => self.step(
                self.panes.focus,
                -(self.pane_height(self.panes.focus) as i64),
            ),
            Action::PageDown => {
                self.step(self.panes.focus, self.pane_height(self.panes.focus) as i64)
            }
            Action::Top => self.step(self.panes.focus, i64::MIN / 2),
            Action::Bottom => self.step(self.panes.focus, i64::MAX / 2),
            Action::Left => self.left(),
            Action::Right => self.open(false),
            Action::Enter => self.open(true),
            Action::Back => match self.panes.focus {
                Pane::Detail => self.panes.focus = Pane::List,
                Pane::List => self.panes.focus = Pane::Tree,
                Pane::Tree => {}
            },
            Action::NextPane => self.panes.focus = self.panes.focus.next(),
            Action::PrevPane => self.panes.focus = self.panes.focus.prev(),
            Action::CycleScheme => {
                self.set_scheme((self.panes.tree.scheme + 1) % self.panes.tree.schemes.len().max(1))
            }
            Action::ReverseSort => {
                self.panes.list.sort = self.panes.list.sort.reverse();
                self.panes.list.offset = 0;
                if let Some(&first) = self.cases().first() {
                    self.select_case(Some(first));
                }
            }
            Action::CycleSort => {
                self.panes.list.sort = self.panes.list.sort.next();
                self.panes.list.offset = 0;
                if let Some(&first) = self.cases().first() {
                    self.select_case(Some(first));
                }
            }
            Action::ToggleEmpty => self.panes.tree.hide_empty = !self.panes.tree.hide_empty,
            Action::OpenPalette => {
                self.top = Top::Palette(Default::default());
            }
            Action::ShowHelp => {
                self.top = Top::Help {
                    filter: Default::default(),
                    scroll: 0,
                };
            }
            Action::ShowDiagnostics => {
                self.top = Top::Diagnostics { scroll: 0 };
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
            Action::DraftReport => self.open_report(),
            Action::SetStatus => self.open_progress(),
            Action::HistoryBack => self.history_step(true),
            Action::HistoryForward => self.history_step(false),
            _ => {}
        }
        self.sync();
        Vec::new()
    }

    pub(super) fn overlay(&mut self, action: Action) {
        let (len, height) = self.overlay_len();
        let max = len.saturating_sub(height);
        let page = height.saturating_sub(1).max(1);
        let scroll = self.top.scroll();
        let scroll = match action {
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll + 1,
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll + page,
            Action::Top => 0,
            Action::Bottom => max,
            Action::Scroll { delta, .. } => {
                (scroll as i64 + delta as i64 * TEXT_NOTCH).max(0) as usize
            }
            Action::Back => {
                self.top = Top::Browse;
                0
            }
            _ => scroll,
        }
        .min(max);
        if let Some(at) = self.top.scroll_mut() {
            *at = scroll;
        }
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
                    .position(|c| Some(*c) == self.panes.case)
                    .unwrap_or(0);
                self.select_case(cases.get(moved(at, cases.len())).copied());
            }
            Pane::Detail => {
                let max = self
                    .detail_len()
                    .saturating_sub(self.pane_height(Pane::Detail));
                self.panes.detail.scroll =
                    (self.panes.detail.scroll as i64 + delta).clamp(0, max as i64) as usize;
            }
        }
    }

    fn left(&mut self) {
        match self.panes.focus {
            Pane::Tree => {
                let Some(id) = self.node().map(str::to_string) else {
                    return;
                };
                let expanded = &mut self.panes.tree.expanded[self.panes.tree.scheme];
                if expanded.remove(&id) {
                    return;
                }
                let parent = self
                    .catalog()
                    .and_then(|c| c.parent(&id))
                    .map(str::to_string);
                self.set_node(parent);
            }
            Pane::List => self.panes.focus = Pane::Tree,
            Pane::Detail => self.panes.focus = Pane::List,
        }
    }

    /// → and Enter: on a tree item with children, expand it (Enter also
    /// collapses an open one); otherwise move on to the next pane.
    fn open(&mut self, toggle: bool) {
        match self.panes.focus {
            Pane::Tree => {
                let rows = self.tree_rows();
                let parent = rows
                    .get(self.tree_selected(&rows))
                    .filter(|r| r.has_children)
                    .and_then(|r| r.id.clone().map(|id| (id, r.expanded)));
                match parent {
                    Some((id, false)) => {
                        self.panes.tree.expanded[self.panes.tree.scheme].insert(id);
                    }
                    Some((id, true)) if toggle => {
                        self.panes.tree.expanded[self.panes.tree.scheme].remove(&id);
                    }
                    _ => self.panes.focus = Pane::List,
                }
            }
            Pane::List => self.panes.focus = Pane::Detail,
            Pane::Detail => {}
        }
    }

    /// Shows classification `i` (an index into `schemes`).
    fn set_scheme(&mut self, i: usize) {
        if i < self.panes.tree.schemes.len() && i != self.panes.tree.scheme {
            self.panes.tree.scheme = i;
            self.panes.tree.offset = 0;
            self.panes.detail.highlight = None;
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
        self.panes.focus = pane;
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
                if let Some(r) = rows.get(self.panes.tree.offset + row) {
                    self.set_node(r.id.clone());
                }
            }
            Pane::List => {
                if let Some(&c) = self.cases().get(self.panes.list.offset + row) {
                    self.select_case(Some(c));
                }
            }
            Pane::Detail => {}
        }
    }

    pub fn set_node(&mut self, node: Option<String>) {
        if let Some(current) = self.panes.tree.nodes.get_mut(self.panes.tree.scheme)
            && *current != node
        {
            *current = node;
            self.panes.detail.highlight = None;
        }
    }

    pub fn select_case(&mut self, case: Option<usize>) {
        if self.panes.case != case {
            self.panes.case = case;
            self.panes.detail.scroll = 0;
            self.panes.detail.highlight = None;
        }
    }

    /// Restores the invariants after any change: the selected case is in the list
    /// (or the first one), and selections are scrolled into view.
    pub fn sync(&mut self) {
        self.derive();
        let need =
            tree::rows_width(&self.tree_rows()).max(crate::wrap::width(&self.tree_title()) + 4);
        self.panes.tree.need = need.min(u16::MAX as usize) as u16;
        let cases = self.cases();
        if !self.panes.case.is_some_and(|c| cases.contains(&c)) {
            let first = cases.first().copied();
            self.select_case(first);
        }
        self.sync_similar();
        let rows = self.tree_rows();
        let at = self.tree_selected(&rows);
        let (rows_len, tree_height) = (rows.len(), self.pane_height(Pane::Tree));
        self.panes.tree.offset = keep_visible(at, self.panes.tree.offset, tree_height, rows_len);
        let cases = self.cases();
        let at = cases
            .iter()
            .position(|c| Some(*c) == self.panes.case)
            .unwrap_or(0);
        let (cases_len, list_height) = (cases.len(), self.pane_height(Pane::List));
        self.panes.list.offset = keep_visible(at, self.panes.list.offset, list_height, cases_len);
        let max = self
            .detail_len()
            .saturating_sub(self.pane_height(Pane::Detail));
        self.panes.detail.scroll = self.panes.detail.scroll.min(max);
    }
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
