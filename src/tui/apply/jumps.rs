//! `App`'s side of [`crate::tui::jumps`]: its keys and what they change in what is shared.

use crate::lang::Lang;
use crate::lang::t;
use crate::model::ControlRef;
use crate::tui::action::{Action, Effect, Outcome};
use crate::tui::app::{App, Pane, Top};
use crate::tui::field::Field;
use crate::tui::jumps::*;

impl App {
    pub fn location(&self) -> Location {
        Location {
            scheme: self.panes.tree.scheme,
            node: self.node().map(str::to_string),
            case: self.panes.case,
            focus: self.panes.focus,
        }
    }

    /// Call before a jump, so Ctrl-o comes back here.
    pub(in crate::tui) fn remember(&mut self) {
        let here = self.location();
        let h = &mut self.history;
        if h.back.last() != Some(&here) {
            h.back.push(here);
        }
        if h.back.len() > HISTORY {
            h.back.remove(0);
        }
        h.forward.clear();
    }

    pub(in crate::tui) fn history_step(&mut self, back: bool) {
        let here = self.location();
        let (from, to) = if back {
            (&mut self.history.back, &mut self.history.forward)
        } else {
            (&mut self.history.forward, &mut self.history.back)
        };
        let Some(there) = from.pop() else {
            self.status = Some(
                if back {
                    t(
                        self.env.lang,
                        "これより前の移動はありません",
                        "No earlier jump",
                    )
                } else {
                    t(
                        self.env.lang,
                        "これより先の移動はありません",
                        "No later jump",
                    )
                }
                .into(),
            );
            return;
        };
        to.push(here);
        self.panes.tree.scheme = there
            .scheme
            .min(self.panes.tree.schemes.len().saturating_sub(1));
        self.set_node(there.node.clone());
        if let Some(node) = &there.node {
            self.expand_to(node);
        }
        if let Some(case) = there.case {
            self.reveal_case(case);
        }
        self.panes.focus = there.focus;
    }

    /// Expands the ancestors of a node of the current scheme so it shows in the tree.
    pub(in crate::tui) fn expand_to(&mut self, id: &str) {
        let Some(catalog) = self.catalog() else {
            return;
        };
        let mut parents = Vec::new();
        let mut current = catalog.parent(id);
        while let Some(p) = current {
            parents.push(p.to_string());
            current = catalog.parent(p);
        }
        if let Some(expanded) = self.panes.tree.expanded.get_mut(self.panes.tree.scheme) {
            expanded.extend(parents);
        }
    }

    /// Selects a case, widening the view when the area or the filters hide it.
    pub(in crate::tui) fn reveal_case(&mut self, case: usize) {
        if !self.cases().contains(&case) {
            self.set_node(None);
        }
        if !self.cases().contains(&case) && self.filters.active() {
            self.filters.filter = Default::default();
            self.filters.words.clear();
            self.refilter();
            self.status = Some(
                t(
                    self.env.lang,
                    "移動先が絞り込みの外にあったため、絞り込みを外しました",
                    "The filters hid that case, so they were removed",
                )
                .into(),
            );
        }
        self.select_case(Some(case));
    }

    /// Shows a control in the tree: its scheme, its ancestors expanded, selected.
    pub(in crate::tui) fn go_to_control(&mut self, r: &ControlRef) {
        let Some(scheme) = self.panes.tree.schemes.iter().position(|s| *s == r.scheme) else {
            return;
        };
        self.remember();
        self.panes.tree.scheme = scheme;
        self.expand_to(&r.id);
        self.set_node(Some(r.id.clone()));
        self.panes.focus = Pane::Tree;
        self.top = Top::Browse;
    }

    pub(in crate::tui) fn open_jump(&mut self) {
        self.overlays.jump = JumpState::default();
        self.top = Top::Jump;
    }

    pub(in crate::tui) fn jump_update(&mut self, action: Action) -> Vec<Effect> {
        let edited = self.overlays.jump.field.edit(&action);
        match action {
            _ if edited => {}
            Action::Complete | Action::PrevPane => {
                // Tab cycles through the candidates (S-Tab back), the field
                // showing the one chosen; the list stays as it was.
                let forward = action == Action::Complete;
                if let Some(r) = self.overlays.jump.step(forward).map(|r| r.to_string()) {
                    self.overlays.jump.field = Field::new(&r);
                }
                return Vec::new();
            }
            Action::Up | Action::Down => {
                self.overlays.jump.step(action == Action::Down);
                return Vec::new();
            }
            Action::Back => {
                self.top = Top::Browse;
                return Vec::new();
            }
            Action::Quit => self.quit = true,
            Action::Enter => {
                if let Some(r) = self
                    .overlays
                    .jump
                    .chosen
                    .and_then(|i| self.overlays.jump.candidates.get(i))
                {
                    let r = r.clone();
                    self.go_to_control(&r);
                    self.sync();
                    return Vec::new();
                }
                let typed = self.overlays.jump.field.text.clone();
                if typed.trim().is_empty() {
                    return Vec::new();
                }
                match self.env.resolver.resolve(&typed) {
                    Ok(r) => {
                        self.go_to_control(&r);
                        self.sync();
                    }
                    Err(_) if self.overlays.jump.candidates.len() == 1 => {
                        // One control has this in its title: go there.
                        let r = self.overlays.jump.candidates[0].clone();
                        self.go_to_control(&r);
                        self.sync();
                    }
                    Err(e) => {
                        self.overlays.jump.message = Some(e.message_in(
                            self.env.lang,
                            &typed,
                            &self.env.resolver.scheme_names(),
                        ));
                    }
                }
                return Vec::new();
            }
            _ => return Vec::new(),
        }
        self.overlays.jump.message = None;
        self.overlays.jump.chosen = None;
        let text = &self.overlays.jump.field.text;
        let mut candidates = self.env.resolver.complete(text, CANDIDATES);
        for r in by_title(&self.book.catalogs, text, CANDIDATES) {
            if candidates.len() < CANDIDATES && !candidates.contains(&r) {
                candidates.push(r);
            }
        }
        self.overlays.jump.candidates = candidates;
        Vec::new()
    }

    /// Recomputes the similar cases when the selected case changed.
    pub(in crate::tui) fn sync_similar(&mut self) {
        if self.panes.detail.similar_of == self.panes.case {
            return;
        }
        self.panes.detail.similar_of = self.panes.case;
        self.panes.detail.similar_cursor = None;
        self.panes.detail.similar = match (self.panes.case, self.env.similar_index.get()) {
            (Some(c), Some(index)) => index.similar(&self.book, c, SIMILAR),
            // Not built yet: asked again when it is (Action::SimilarReady).
            (Some(_), None) => {
                self.panes.detail.similar_of = None;
                Vec::new()
            }
            (None, _) => Vec::new(),
        };
    }

    /// Keys in the detail pane while it offers the similar cases: Enter chooses
    /// the first, ↑/↓ move, Enter follows, Esc stops choosing. Returns whether
    /// the key was used.
    pub(in crate::tui) fn similar_key(&mut self, action: &Action) -> bool {
        if self.panes.focus != Pane::Detail || self.panes.detail.similar.is_empty() {
            return false;
        }
        let n = self.panes.detail.similar.len();
        match (action, self.panes.detail.similar_cursor) {
            (Action::Enter, None) => self.panes.detail.similar_cursor = Some(0),
            (Action::Enter, Some(i)) => {
                let target = self.panes.detail.similar[i.min(n - 1)].index;
                self.remember();
                self.reveal_case(target);
                self.panes.focus = Pane::Detail;
            }
            (Action::Down, Some(i)) => self.panes.detail.similar_cursor = Some((i + 1).min(n - 1)),
            (Action::Up, Some(0)) | (Action::Back, Some(_)) => {
                self.panes.detail.similar_cursor = None
            }
            (Action::Up, Some(i)) => self.panes.detail.similar_cursor = Some(i - 1),
            _ => return false,
        }
        self.scroll_to_similar();
        true
    }

    /// Scrolls the detail so the chosen similar case shows, with what follows it.
    fn scroll_to_similar(&mut self) {
        let (Some(case), Some(_)) = (self.panes.case, self.panes.detail.similar_cursor) else {
            return;
        };
        let width = self
            .areas()
            .and_then(|a| a.detail)
            .map_or(40, crate::tui::layout::inner_width);
        let height = self
            .areas()
            .and_then(|a| a.detail)
            .map_or(10, crate::tui::layout::inner_height);
        let chosen = self.env.theme.selected(true);
        let lines = crate::tui::detail::screen(self, case, width).lines;
        if let Some(at) = lines
            .iter()
            .position(|l| l.spans.first().is_some_and(|s| s.style == chosen))
        {
            // The chosen entry near the bottom, so the section's heading stays in view when it can.
            self.panes.detail.scroll = (at + 3).saturating_sub(height);
            self.panes.detail.scroll = self.panes.detail.scroll.max(at.saturating_sub(height / 2));
        }
    }

    /// `u`: the first source URL of the selected case, opened by the event loop.
    pub(in crate::tui) fn open_url(&mut self) -> Vec<Effect> {
        let url = self.panes.case.and_then(|c| {
            self.book.entries()[c]
                .case
                .sources
                .iter()
                .find_map(|s| s.url.clone())
        });
        match url {
            Some(url) => vec![Effect::OpenUrl { url }],
            None => {
                self.status = Some(
                    t(
                        self.env.lang,
                        "この事例の出典にはURLがありません",
                        "This case's sources have no URL",
                    )
                    .into(),
                );
                Vec::new()
            }
        }
    }

    /// The event loop's report on `u`.
    pub(in crate::tui) fn url_done(&mut self, outcome: Outcome) {
        self.status = Some(match (outcome, self.env.lang) {
            (Outcome::Opened { url }, Lang::Ja) => format!("ブラウザで開きます: {url}"),
            (Outcome::Opened { url }, Lang::En) => format!("opening {url}"),
            (Outcome::UrlCopied { url, via, .. }, Lang::Ja) if via.is_empty() => {
                format!("URLを開けず、コピーもできませんでした: {url}")
            }
            (Outcome::UrlCopied { url, via, .. }, Lang::En) if via.is_empty() => {
                format!("could neither open nor copy the URL: {url}")
            }
            (Outcome::UrlCopied { url, over_ssh, via }, Lang::Ja) => format!(
                "{}URLをコピーしました（{}）: {url}",
                if over_ssh {
                    "SSH接続中のため開かずに"
                } else {
                    "開くアプリが見つからないため"
                },
                via.join(", ")
            ),
            (Outcome::UrlCopied { url, over_ssh, via }, Lang::En) => format!(
                "{}; URL copied ({}): {url}",
                if over_ssh {
                    "over SSH, not opened"
                } else {
                    "no opener found"
                },
                via.join(", ")
            ),
            _ => return,
        });
    }
}
