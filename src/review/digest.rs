//! `casebook digest`: what changed in a team's casebooks since the last
//! review, for the committee's minute — new, changed and removed cases (see
//! [`super::changes`]), measures whose status changed, overdue measures,
//! reports filed in the period and still due (the `due` logic), the controls
//! that gained their first precedent, and the bundled public cases a new
//! release of casebook added.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use time::Date;

use super::changes::{self, Changes, Since};
use super::old::{OldCase, OldMeasure, normalize};
use super::register::{self, Row};
use super::releases::{self, Release};
use crate::casebook::Casebook;
use crate::catalog::cites;
use crate::diag::Message;
use crate::lang::Lang;
use crate::model::{Case, ControlRef, Measure, PartialDate, Progress};
use crate::triage::due::{self, Open};

/// A measure whose status changed in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusChange {
    pub case: usize,
    /// The measure's number in its case, from 1.
    pub measure: usize,
    pub text: String,
    pub controls: Vec<ControlRef>,
    /// Its status before (None: none written, or a measure added since).
    pub from: Option<Progress>,
    pub to: Option<Progress>,
    /// The measure was added to the case in the period.
    pub added: bool,
    pub owner: Option<String>,
    pub due: Option<PartialDate>,
}

/// A report filed in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct Filed {
    pub case: usize,
    pub to: String,
    pub stage: String,
    pub date: PartialDate,
}

/// A control that had no precedent before the period and has one now.
#[derive(Clone, Debug, PartialEq)]
pub struct First {
    pub control: ControlRef,
    /// The cases citing it now.
    pub cases: Vec<usize>,
}

/// Everything the digest says.
pub struct Digest {
    pub since: Since,
    pub today: Date,
    pub changes: Changes,
    pub status: Vec<StatusChange>,
    pub overdue: Vec<Row>,
    pub filed: Vec<Filed>,
    pub open: Vec<Open>,
    /// The report rules' dates and whose word is final (when reports are listed).
    pub final_word: String,
    pub first: Vec<First>,
    /// Bundled public cases added by a release in the period, with its version.
    pub bundled: Vec<(usize, String)>,
    /// The new, changed and newly bundled cases, read once.
    pub cases: HashMap<usize, Case>,
}

impl Digest {
    /// A new, changed or newly bundled case (read again for any other).
    pub fn case<'a>(&'a self, book: &'a Casebook, i: usize) -> std::borrow::Cow<'a, Case> {
        match self.cases.get(&i) {
            Some(c) => std::borrow::Cow::Borrowed(c),
            None => std::borrow::Cow::Owned(book.fetch(i).case.clone()),
        }
    }
}

/// The digest of the team's cases in `dirs` since `since`, on `today`.
pub fn digest(
    book: &Casebook,
    dirs: &[PathBuf],
    since: Since,
    today: Date,
    releases: &[Release],
    lang: Lang,
) -> Result<Digest, Message> {
    let changes = changes::changes(book, dirs, &since)?;
    let from = changes.from;
    let bundled: Vec<(usize, String)> = match from {
        Some(from) => releases::added_since(releases, crate::date::partial(from))
            .into_iter()
            .filter_map(|(id, r)| Some((book.index_of(id)?, r.version.clone())))
            .collect(),
        None => Vec::new(),
    };
    let touched: HashSet<usize> = changes
        .touched()
        .into_iter()
        .chain(bundled.iter().map(|(i, _)| *i))
        .collect();
    let mut cases: HashMap<usize, Case> = HashMap::with_capacity(touched.len());
    // One reading of every case: the overdue measures, the reports filed in
    // the period and which team cases are incidents (for the reports due).
    let mut filed = Vec::new();
    let mut incidents = Vec::new();
    let period = from.map(|f| (crate::date::partial(f), crate::date::partial(today)));
    let overdue = register::rows_with(book, today, &[], true, |i, case| {
        if touched.contains(&i) {
            cases.insert(i, case.clone());
        }
        if book.is_bundled(i) {
            return;
        }
        if case.is_incident() {
            incidents.push(i);
        }
        let Some((from, to)) = period else { return };
        for r in &case.reports {
            if !from.is_after(&r.date) && !r.date.is_after(&to) {
                filed.push(Filed {
                    case: i,
                    to: r.to.clone(),
                    stage: r.stage.clone(),
                    date: r.date,
                });
            }
        }
    });
    filed.sort_by_key(|a| (a.date, a.case));
    let (open, triages) = due::open_among(book, incidents, today, None);
    let used: Vec<&crate::rules::Rule> = if triages.is_empty() {
        let rules = &book.catalogs.rules;
        rules
            .ids()
            .iter()
            .filter_map(|id| rules.in_force(id, today))
            .collect()
    } else {
        triages
            .iter()
            .flat_map(|t| t.outcomes.iter().filter_map(|o| o.rule))
            .collect()
    };
    let final_word = crate::triage::json::final_word_of(used, lang);
    let status = status_changes(&changes, &cases);
    let first = first_precedents(book, &changes, &bundled, &cases);
    Ok(Digest {
        since,
        today,
        changes,
        status,
        overdue,
        filed,
        open,
        final_word,
        first,
        bundled,
        cases,
    })
}

/// The measures of changed cases whose status differs from before. A
/// measure is matched with its earlier self by its text, else by its place.
fn status_changes(changes: &Changes, cases: &HashMap<usize, Case>) -> Vec<StatusChange> {
    let mut out = Vec::new();
    for c in changes.changed.iter().filter(|c| !c.moved_only) {
        let Some(before) = &c.before else { continue };
        let Some(case) = cases.get(&c.case) else {
            continue;
        };
        let now = &case.measures;
        for (n, m, was) in matched(now, before) {
            let from = was.and_then(|w| w.status);
            if from == m.status || (was.is_none() && m.status.is_none()) {
                continue;
            }
            out.push(StatusChange {
                case: c.case,
                measure: n + 1,
                text: m.text.clone(),
                controls: m.controls.clone(),
                from,
                to: m.status,
                added: was.is_none(),
                owner: m.owner.clone(),
                due: m.due,
            });
        }
    }
    out
}

/// Each measure now with its earlier self, if any.
fn matched<'a>(
    now: &'a [Measure],
    before: &'a OldCase,
) -> Vec<(usize, &'a Measure, Option<&'a OldMeasure>)> {
    let mut used = vec![false; before.measures.len()];
    let mut pairs: Vec<Option<usize>> = now
        .iter()
        .map(|m| {
            let text = normalize(&m.text);
            let j = before
                .measures
                .iter()
                .enumerate()
                .position(|(j, o)| !used[j] && o.text == text)?;
            used[j] = true;
            Some(j)
        })
        .collect();
    for (n, p) in pairs.iter_mut().enumerate() {
        if p.is_none() && used.get(n) == Some(&false) {
            used[n] = true;
            *p = Some(n);
        }
    }
    now.iter()
        .enumerate()
        .zip(pairs)
        .map(|((n, m), p)| (n, m, p.map(|j| &before.measures[j])))
        .collect()
}

/// The controls cited by a new, changed or newly bundled case that no case
/// cited (at or below them) before the period.
fn first_precedents(
    book: &Casebook,
    changes: &Changes,
    bundled: &[(usize, String)],
    cases: &HashMap<usize, Case>,
) -> Vec<First> {
    let now: HashSet<usize> = changes
        .new
        .iter()
        .copied()
        .chain(
            changes
                .changed
                .iter()
                .filter(|c| !c.moved_only)
                .map(|c| c.case),
        )
        .chain(bundled.iter().map(|(i, _)| *i))
        .collect();
    let mut ordered: Vec<usize> = now.iter().copied().collect();
    book.sort_newest_first(&mut ordered);
    let mut seen: HashSet<ControlRef> = HashSet::new();
    let mut out = Vec::new();
    for &i in &ordered {
        let Some(case) = cases.get(&i) else { continue };
        for r in case.measures.iter().flat_map(|m| &m.controls) {
            if !seen.insert(r.clone()) {
                continue;
            }
            let Some(catalog) = book.catalogs.scheme(&r.scheme) else {
                continue;
            };
            let citing = book.under_control(r);
            let before = citing.iter().any(|j| !now.contains(j))
                || changes.earlier.iter().any(|o| {
                    o.measures
                        .iter()
                        .flat_map(|m| &m.controls)
                        .any(|c| cites(catalog, c, &r.id))
                });
            if !before {
                let mut cases = citing.to_vec();
                book.sort_newest_first(&mut cases);
                out.push(First {
                    control: r.clone(),
                    cases,
                });
            }
        }
    }
    let order = |r: &ControlRef| book.node_number(&r.scheme, &r.id).map_or(u32::MAX, |n| n);
    out.sort_by_key(|f| order(&f.control));
    out
}
