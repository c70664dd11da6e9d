//! `App`'s side of [`crate::tui::filters`]: its keys and what they change in what is shared.

use crate::answers::filter::{Filter, Origin};
use crate::catalog::Kind;
use crate::lang::Lang;
use crate::lang::t;
use crate::model::ControlRef;
use crate::search::Target;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Top};
use crate::tui::field::Field;
use crate::tui::filters::*;

impl App {
    /// Recomputes which cases pass, after any change to the filters.
    pub(in crate::tui) fn refilter(&mut self) {
        let f = &mut self.filters;
        f.found = None;
        if !f.active() {
            f.passing = None;
        } else {
            let mut mask = f.filter.mask(&self.book);
            if !f.words.trim().is_empty() {
                let mut found = vec![false; self.book.len()];
                for hit in self.overlays.search.searcher.search(&f.words, Target::All) {
                    found[self.overlays.search.searcher.index.item_of(hit.item).0] = true;
                }
                for (m, hit) in mask.iter_mut().zip(&found) {
                    *m &= hit;
                }
                f.found = Some(found);
            }
            f.passing = Some(mask);
        }
        self.panes.list.offset = 0;
        self.sync();
    }

    /// The chips of the filter bar, in order.
    pub fn chips(&self) -> Vec<Chip> {
        let f = &self.filters.filter;
        let mut out = Vec::new();
        if self.node().is_some() {
            out.push(Chip::Area);
        }
        out.extend((0..f.controls.len()).map(Chip::Control));
        out.extend((0..f.causes.len()).map(Chip::Cause));
        out.extend((0..f.sectors.len()).map(Chip::Sector));
        out.extend((0..f.threats.len()).map(Chip::Threat));
        if f.since.is_some() || f.until.is_some() {
            out.push(Chip::Years);
        }
        if f.origin.is_some() {
            out.push(Chip::Source);
        }
        if !self.filters.words.is_empty() {
            out.push(Chip::Words);
        }
        out
    }

    /// What a chip shows: `ISO 27001 A.7.14`, `原因: 紛失・置忘れ`, `2022–2024`.
    pub fn chip_label(&self, chip: Chip) -> String {
        let lang = self.env.lang;
        let f = &self.filters.filter;
        let cats = &self.book.catalogs;
        let term = |what: &str, kind: Kind, id: Option<&String>| {
            let title = id.map(|id| cats.title_of(kind, id, lang));
            format!("{what}: {}", title.unwrap_or_default())
        };
        let short = |scheme: &str| {
            cats.scheme(scheme)
                .map_or(scheme.to_string(), |c| c.short.get(lang).to_string())
        };
        match chip {
            Chip::Area => {
                let node = self.node().unwrap_or_default();
                match self.catalog().map(|c| c.kind) {
                    Some(Kind::Controls) => format!("{} {node}", short(self.scheme_name())),
                    Some(kind) => format!(
                        "{}: {}",
                        short(self.scheme_name()),
                        cats.title_of(kind, node, lang)
                    ),
                    None => node.to_string(),
                }
            }
            Chip::Control(i) => f
                .controls
                .get(i)
                .map(|r| format!("{} {}", short(&r.scheme), r.id))
                .unwrap_or_default(),
            Chip::Cause(i) => term(t(lang, "原因", "cause"), Kind::Causes, f.causes.get(i)),
            Chip::Sector(i) => term(t(lang, "業種", "sector"), Kind::Sectors, f.sectors.get(i)),
            Chip::Threat(i) => term(t(lang, "脅威", "threat"), Kind::Threats, f.threats.get(i)),
            Chip::Years => match (f.since, f.until) {
                (Some(a), Some(b)) if a == b => format!("{a}"),
                (a, b) => format!(
                    "{}–{}",
                    a.map(|y| y.to_string()).unwrap_or_default(),
                    b.map(|y| y.to_string()).unwrap_or_default()
                ),
            },
            Chip::Source => match f.origin {
                Some(Origin::Bundled) => t(lang, "同梱の事例", "bundled cases").to_string(),
                Some(Origin::Team) => t(lang, "チームの事例", "team cases").to_string(),
                None => String::new(),
            },
            Chip::Words => format!("“{}”", self.filters.words),
        }
    }

    fn remove_chip(&mut self, chip: Chip) {
        let f = &mut self.filters.filter;
        match chip {
            Chip::Area => self.set_node(None),
            Chip::Control(i) if i < f.controls.len() => {
                f.controls.remove(i);
            }
            Chip::Cause(i) if i < f.causes.len() => {
                f.causes.remove(i);
            }
            Chip::Sector(i) if i < f.sectors.len() => {
                f.sectors.remove(i);
            }
            Chip::Threat(i) if i < f.threats.len() => {
                f.threats.remove(i);
            }
            Chip::Years => (f.since, f.until) = (None, None),
            Chip::Source => f.origin = None,
            Chip::Words => self.filters.words.clear(),
            _ => {}
        }
        self.refilter();
    }

    /// `p`: the selected area becomes a pinned chip; the tree goes back to all
    /// cases, so another area (of any classification) can be combined with it.
    pub(in crate::tui) fn pin_area(&mut self) {
        let (Some(node), Some(catalog)) = (self.node().map(str::to_string), self.catalog()) else {
            self.status = Some(
                t(
                    self.env.lang,
                    "固定する分類項目を左のツリーで選んでください",
                    "Select an area in the tree to pin",
                )
                .into(),
            );
            return;
        };
        let (kind, scheme) = (catalog.kind, catalog.scheme.clone());
        let f = &mut self.filters.filter;
        let list = match kind {
            Kind::Controls => {
                let r = ControlRef::new(&scheme, &node);
                if !f.controls.contains(&r) {
                    f.controls.push(r);
                }
                None
            }
            Kind::Causes => Some(&mut f.causes),
            Kind::Sectors => Some(&mut f.sectors),
            Kind::Threats => Some(&mut f.threats),
        };
        if let Some(list) = list
            && !list.contains(&node)
        {
            list.push(node);
        }
        self.set_node(None);
        self.refilter();
    }

    /// `b`: both sources → bundled only → team only → both.
    pub(in crate::tui) fn cycle_source(&mut self) {
        let f = &mut self.filters.filter;
        f.origin = match f.origin {
            None => Some(Origin::Bundled),
            Some(Origin::Bundled) => Some(Origin::Team),
            Some(Origin::Team) => None,
        };
        self.refilter();
    }

    pub(in crate::tui) fn clear_filters(&mut self) {
        self.filters.filter = Filter::default();
        self.filters.words.clear();
        self.set_node(None);
        self.refilter();
        self.status = Some(
            t(
                self.env.lang,
                "絞り込みをすべて外しました",
                "Every filter removed",
            )
            .into(),
        );
    }

    /// `x`: choose a chip to remove.
    pub(in crate::tui) fn edit_chips(&mut self) {
        let n = self.chips().len();
        if n == 0 {
            self.status = Some(t(self.env.lang, "絞り込みはありません", "No filters").into());
            return;
        }
        self.filters.chip = n - 1;
        self.top = Top::Chips;
    }

    pub(in crate::tui) fn chips_update(&mut self, action: Action) -> Vec<Effect> {
        let chips = self.chips();
        let last = chips.len().saturating_sub(1);
        let at = self.filters.chip.min(last);
        match action {
            Action::Left => self.filters.chip = at.saturating_sub(1),
            Action::Right => self.filters.chip = (at + 1).min(last),
            Action::RemoveChip => {
                if let Some(&chip) = chips.get(at) {
                    self.remove_chip(chip);
                }
                let n = self.chips().len();
                if n == 0 {
                    self.top = Top::Browse;
                }
                self.filters.chip = at.min(n.saturating_sub(1));
            }
            Action::Back => self.top = Top::Browse,
            Action::Quit => self.quit = true,
            _ => {}
        }
        Vec::new()
    }

    /// `F`: edit the year range and words, starting from the current ones.
    pub(in crate::tui) fn open_filter(&mut self) {
        let f = &self.filters.filter;
        let mut parts = Vec::new();
        if f.since.is_some() || f.until.is_some() {
            parts.push(self.chip_label(Chip::Years).replace('–', "-"));
        }
        if !self.filters.words.is_empty() {
            parts.push(self.filters.words.clone());
        }
        self.filters.field = Field::new(&parts.join(" "));
        self.top = Top::Filter;
    }

    pub(in crate::tui) fn filter_update(&mut self, action: Action) -> Vec<Effect> {
        if self.filters.field.edit(&action) {
            return Vec::new();
        }
        match action {
            Action::Back => self.top = Top::Browse,
            Action::Quit => self.quit = true,
            Action::Enter => {
                let text = self.filters.field.text.clone();
                let (mut since, mut until, mut words) = (None, None, Vec::new());
                for token in text.split_whitespace() {
                    match year_range(token) {
                        Some((a, b)) => (since, until) = (a, b),
                        None => words.push(token),
                    }
                }
                self.filters.filter.since = since;
                self.filters.filter.until = until;
                self.filters.words = words.join(" ");
                self.top = Top::Browse;
                self.refilter();
                self.status = Some(self.filter_summary());
            }
            _ => {}
        }
        Vec::new()
    }

    /// `絞り込み: 5件`, for the status bar after a change.
    fn filter_summary(&self) -> String {
        let n = self.cases().len();
        match self.env.lang {
            Lang::Ja => format!("絞り込みの結果: {n}件"),
            Lang::En => format!(
                "The filters leave {}",
                crate::plural::count(n, "case", "cases")
            ),
        }
    }
}
