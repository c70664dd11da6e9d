//! The browser's filters: the selected area AND pinned areas, causes and
//! sectors AND a year range AND the source AND words, shown as chips in the
//! filter bar, each removable. The list, coverage and statistics follow them.

use unicode_normalization::UnicodeNormalization;

use super::action::{Action, Effect};
use super::app::{App, Top};
use super::detail::t;
use super::field::Field;
use crate::answers::filter::{Filter, Origin};
use crate::catalog::Kind;
use crate::lang::Lang;
use crate::model::ControlRef;
use crate::search::Target;

/// One condition of the filter bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chip {
    /// The area selected in the tree.
    Area,
    Control(usize),
    Cause(usize),
    Sector(usize),
    Threat(usize),
    Years,
    Source,
    Words,
}

/// The filter state: what the user asked for, and which cases pass (derived
/// once per change, not per key or draw).
#[derive(Default)]
pub struct FilterState {
    pub filter: Filter,
    /// Words every passing case must match (as search matches them).
    pub words: String,
    /// Which case indices pass; None when nothing but the area filters.
    pub passing: Option<Vec<bool>>,
    /// Which case indices match the words; None without words.
    pub found: Option<Vec<bool>>,
    /// The `F` prompt.
    pub field: Field,
    /// The chip chosen for removal (`x`).
    pub chip: usize,
}

impl FilterState {
    /// Whether anything but the tree's area filters the list.
    pub fn active(&self) -> bool {
        !self.filter.is_empty() || !self.words.is_empty()
    }

    /// The explicit filters (never the tree's area) as coverage and
    /// statistics take them: the filter, and which cases match the words.
    pub fn scope(&self) -> (&Filter, Option<&[bool]>) {
        (&self.filter, self.found.as_deref())
    }

    /// The filters in force, named as the coverage and statistics titles name them.
    pub fn named(&self, catalogs: &crate::catalog::Catalogs, lang: Lang) -> Vec<String> {
        crate::answers::scope::named(&self.filter, &self.words, catalogs, lang)
    }
}

/// The Japanese eras a year may be written in (`令和5年`), with the year
/// before their first.
const ERAS: [(&str, u16); 3] = [("令和", 2018), ("平成", 1988), ("昭和", 1925)];

/// `token` with years of an era (`令和5年`, `平成元年`) written as Western
/// years, and the `年` after a year dropped (`2023年`).
fn western_years(token: &str) -> String {
    let mut out = String::new();
    let mut rest = token;
    while !rest.is_empty() {
        let era = ERAS.iter().find(|(name, _)| rest.starts_with(name));
        if let Some(&(name, base)) = era {
            let after = &rest[name.len()..];
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            let (n, used) = if let Some(tail) = after.strip_prefix('元') {
                (Some(1), after.len() - tail.len())
            } else {
                (digits.parse::<u16>().ok(), digits.len())
            };
            if let Some(n) = n.filter(|n| (1..100).contains(n)) {
                out.push_str(&(base + n).to_string());
                rest = &after[used..];
                rest = rest.strip_prefix('年').unwrap_or(rest);
                continue;
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        if c == '年' && out.ends_with(|d: char| d.is_ascii_digit()) {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Reads `2022-2024`, `2022-`, `-2024`, `2022〜2024` or `2022`, also in
/// Japanese eras (`令和5年`, `平成31年-令和2年`), as (since, until); a range
/// written backwards (`2024-2022`) is read the right way round.
pub fn year_range(token: &str) -> Option<(Option<u16>, Option<u16>)> {
    let token: String = token.nfkc().collect();
    let token = western_years(&token);
    let token: String = token
        .chars()
        .map(|c| {
            if matches!(c, '〜' | '~' | '–') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let year = |s: &str| -> Option<Option<u16>> {
        if s.is_empty() {
            return Some(None);
        }
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .map(Some)
    };
    match token.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (year(a)?, year(b)?);
            match (a, b) {
                (Some(x), Some(y)) if x > y => Some((b, a)),
                _ => (a.is_some() || b.is_some()).then_some((a, b)),
            }
        }
        None => year(&token)?.map(|y| (Some(y), Some(y))),
    }
}

impl App {
    /// Recomputes which cases pass, after any change to the filters.
    pub(super) fn refilter(&mut self) {
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
    pub(super) fn pin_area(&mut self) {
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
    pub(super) fn cycle_source(&mut self) {
        let f = &mut self.filters.filter;
        f.origin = match f.origin {
            None => Some(Origin::Bundled),
            Some(Origin::Bundled) => Some(Origin::Team),
            Some(Origin::Team) => None,
        };
        self.refilter();
    }

    pub(super) fn clear_filters(&mut self) {
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
    pub(super) fn edit_chips(&mut self) {
        let n = self.chips().len();
        if n == 0 {
            self.status = Some(t(self.env.lang, "絞り込みはありません", "No filters").into());
            return;
        }
        self.filters.chip = n - 1;
        self.top = Top::Chips;
    }

    pub(super) fn chips_update(&mut self, action: Action) -> Vec<Effect> {
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
    pub(super) fn open_filter(&mut self) {
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

    pub(super) fn filter_update(&mut self, action: Action) -> Vec<Effect> {
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

#[cfg(test)]
mod tests {
    use super::year_range;

    #[test]
    fn year_ranges_in_the_ways_people_write_them() {
        assert_eq!(year_range("2022-2024"), Some((Some(2022), Some(2024))));
        assert_eq!(year_range("2022〜2024"), Some((Some(2022), Some(2024))));
        assert_eq!(year_range("２０２２－"), Some((Some(2022), None)));
        assert_eq!(year_range("-2013"), Some((None, Some(2013))));
        assert_eq!(year_range("2023"), Some((Some(2023), Some(2023))));
        assert_eq!(year_range("廃棄"), None);
        assert_eq!(year_range("10-5-4"), None);
        assert_eq!(year_range("-"), None);
    }

    #[test]
    fn reversed_ranges_turn_round_and_era_years_read() {
        assert_eq!(year_range("2024-2022"), Some((Some(2022), Some(2024))));
        assert_eq!(year_range("令和5年"), Some((Some(2023), Some(2023))));
        assert_eq!(year_range("令和５"), Some((Some(2023), Some(2023))));
        assert_eq!(
            year_range("平成元年-令和2年"),
            Some((Some(1989), Some(2020)))
        );
        assert_eq!(year_range("平成31年〜"), Some((Some(2019), None)));
        assert_eq!(year_range("2023年"), Some((Some(2023), Some(2023))));
        assert_eq!(year_range("令和"), None);
        assert_eq!(year_range("年度"), None);
    }
}
