//! The document of one case: its summary (the detail pane, `show`, `y`, each
//! case of a training pack). Its brief is in [`super::brief`].

use super::labels::credit_label;
use super::{Anchor, Block, Citation, Document, Inline, Item, List, Ref, Term, Text};
use crate::casebook::Entry;
use crate::catalog::{Catalogs, Kind};
use crate::lang::{Lang, t};
use crate::model::{
    Case, ControlRef, Measure, NOT_PUBLISHED_EN, NOT_PUBLISHED_JA, PartialDate, not_published,
};
use crate::text::thousands;

/// The section titles of a case summary, in order. Every output uses these.
pub fn section_title(section: Section, lang: Lang) -> &'static str {
    match section {
        Section::Happened => t(lang, "何が起きたか", "What happened"),
        Section::Affected => t(lang, "影響", "Affected"),
        Section::Causes => t(lang, "原因", "Root causes"),
        Section::Measures => t(lang, "再発防止策", "Measures"),
        Section::Response => t(lang, "発覚後の対応", "Response"),
        Section::Reporting => t(lang, "報告の要否", "Reporting"),
        Section::Sources => t(lang, "出典", "Sources"),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Happened,
    Affected,
    Causes,
    Measures,
    Response,
    /// A team's own incident: its triage under the report rules.
    Reporting,
    Sources,
}

/// The summary of a case: title, byline, then the sections above.
pub fn summary(case: &Case, catalogs: &Catalogs, lang: Lang) -> Document {
    Document {
        title: case.title.clone(),
        lang,
        blocks: blocks(case, catalogs, lang, 1, None),
        register: None,
    }
}

/// The summary as the browser shows it: with the tags and the file it came from.
pub fn on_screen(entry: &Entry, catalogs: &Catalogs, lang: Lang) -> Document {
    let case = &entry.case;
    let mut doc = summary(case, catalogs, lang);
    if !case.tags.is_empty() {
        // `#委託先`: each tag kept whole on screen.
        let tags: Vec<String> = case.tags.iter().map(|t| format!("#{t}")).collect();
        let tags = format!("{}: {}", t(lang, "タグ", "Tags"), tags.join(" "));
        doc.blocks.push(Block::Aside {
            text: Text::plain(tags),
            anchor: Some(Anchor::Tags),
        });
    }
    doc.blocks.push(Block::Aside {
        text: Text::plain(format!("id: {}   {}", case.id, entry.path)),
        anchor: None,
    });
    doc
}

/// A case's blocks with its title at heading `level` (sections one below),
/// numbered `n. ` in a pack.
pub fn blocks(
    case: &Case,
    catalogs: &Catalogs,
    lang: Lang,
    level: u8,
    number: Option<usize>,
) -> Vec<Block> {
    let mut out = Vec::new();
    let number = number.map(|n| format!("{n}. ")).unwrap_or_default();
    out.push(Block::Heading {
        level,
        text: Text::plain(format!("{number}{}", case.title)),
        anchor: Some(Anchor::Title),
    });
    out.push(Block::Byline(byline(case, catalogs, lang)));
    if let Some(text) = threats(case, catalogs, lang) {
        out.push(Block::Paragraph(text));
    }
    let section = |out: &mut Vec<Block>, s: Section| {
        out.push(Block::Heading {
            level: level + 1,
            text: Text::plain(section_title(s, lang)),
            anchor: None,
        })
    };

    section(&mut out, Section::Happened);
    out.push(Block::Paragraph(sentences(&case.summary)));

    let affected = affected(case, lang);
    if !affected.is_empty() {
        section(&mut out, Section::Affected);
        out.push(bullets(affected));
    }

    section(&mut out, Section::Causes);
    out.push(Block::List(List {
        numbered: false,
        items: case
            .root_causes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut text = Text::default();
                text.push(Inline::Term {
                    kind: Term::Cause,
                    id: c.category.clone(),
                    title: catalogs.title_of(Kind::Causes, &c.category, lang),
                })
                .push_str(format!(": {}", c.text));
                Item {
                    text,
                    refs: Vec::new(),
                    anchor: Some(Anchor::Cause(i)),
                }
            })
            .collect(),
    }));

    section(&mut out, Section::Measures);
    out.push(Block::List(List {
        numbered: true,
        items: case
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| Item {
                text: measure_text(m, lang),
                refs: refs(&m.controls, catalogs, lang),
                anchor: Some(Anchor::Measure(i)),
            })
            .collect(),
    }));

    if !case.response.is_empty() {
        section(&mut out, Section::Response);
        out.push(bullets(case.response.iter().map(Text::plain).collect()));
    }

    if case.is_incident() {
        section(&mut out, Section::Reporting);
        // The rules in force on `discovered` (the latest without it): the
        // document does not depend on the day it is drawn.
        let triage = crate::triage::triage(case, &catalogs.rules, None);
        out.extend(super::triage::blocks_of(
            &triage,
            lang,
            level + 2,
            super::triage::Detail::Section,
        ));
    }

    section(&mut out, Section::Sources);
    for (i, _) in case.sources.iter().enumerate() {
        out.push(Block::Paragraph(Text(vec![Inline::Citation(citation(
            case, i, lang,
        ))])));
    }
    out
}

/// A measure's text after its credit label, if any.
pub fn measure_text(m: &Measure, lang: Lang) -> Text {
    let mut text = Text::default();
    if let Some(label) = credit_label(m, lang) {
        text.push(Inline::Label(label));
    }
    text.push_str(m.text.clone());
    text
}

/// A measure's follow-through in one line, as the register counts it:
/// `状況: 対応中　担当: 業務管理課　期限: 2026-11-30（超過 7日）`; None when
/// the measure records none of it. With `today`, a measure past its due date
/// and not yet done says by how many days.
pub fn tracking(m: &Measure, today: Option<time::Date>, lang: Lang) -> Option<String> {
    use crate::tracking;
    if !tracking::is_tracked(m) {
        return None;
    }
    let label = |ja: &'static str, en: &'static str| t(lang, ja, en);
    let mut parts = vec![format!(
        "{}: {}",
        label("状況", "Status"),
        tracking::status_label(m.status, lang)
    )];
    if let Some(owner) = &m.owner {
        parts.push(format!("{}: {owner}", label("担当", "owner")));
    }
    if let Some(due) = m.due {
        let late = today.and_then(|d| tracking::days_overdue(m, d));
        let late = match (late, lang) {
            (None, _) => String::new(),
            (late, Lang::Ja) => format!("（{}）", tracking::overdue_label(late, lang)),
            (late, Lang::En) => format!(" ({})", tracking::overdue_label(late, lang)),
        };
        parts.push(format!("{}: {due}{late}", label("期限", "due")));
    }
    if let Some(done) = m.done {
        parts.push(format!("{}: {done}", label("実施", "done")));
    }
    if let Some(verified) = m.verified {
        parts.push(format!("{}: {verified}", label("確認", "verified")));
    }
    if let Some(evidence) = &m.evidence {
        parts.push(format!("{}: {evidence}", label("証跡", "evidence")));
    }
    Some(parts.join(t(lang, "\u{3000}", "; ")))
}

/// The screen's case document with each measure's follow-through on a line
/// of its own under the measure's text ([`tracking`]).
pub fn with_tracking(doc: &mut Document, case: &Case, today: Option<time::Date>, lang: Lang) {
    for block in &mut doc.blocks {
        let Block::List(list) = block else { continue };
        for item in &mut list.items {
            let Some(Anchor::Measure(i)) = item.anchor else {
                continue;
            };
            if let Some(line) = case.measures.get(i).and_then(|m| tracking(m, today, lang)) {
                item.text.push(Inline::Break);
                item.text.push_str(line);
            }
        }
    }
}

/// Control references with their titles.
pub fn refs(controls: &[ControlRef], catalogs: &Catalogs, lang: Lang) -> Vec<Ref> {
    controls
        .iter()
        .map(|r| {
            Ref::new(
                r.clone(),
                catalogs.control(r).map(|i| i.title.get(lang).to_string()),
            )
        })
        .collect()
}

/// The citation of a case's source `i`; the first carries the casebook id and,
/// without a date of its own, the case's publication date. For an incident
/// never made public the first says so: `(非公表)`, `(2026-11-10、非公表)`.
pub fn citation(case: &Case, i: usize, lang: Lang) -> Citation {
    let unpublished = i == 0 && case.published.is_none();
    let date = |own: Option<PartialDate>| match (own, unpublished) {
        (Some(d), false) => Some(d.to_string()),
        (Some(d), true) => Some(format!("{d}{}{}", t(lang, "、", "; "), not_published(lang))),
        (None, true) => Some(not_published(lang).to_string()),
        (None, false) => (i == 0)
            .then(|| case.published.map(|p| p.to_string()))
            .flatten(),
    };
    let Some(source) = case.sources.get(i) else {
        return Citation {
            who: case.organization.clone(),
            title: String::new(),
            date: date(None),
            id: Some(case.id.clone()),
            url: None,
            accessed: None,
        };
    };
    let who = if source.publisher == case.organization {
        source.publisher.clone()
    } else {
        format!("{} — {}", case.organization, source.publisher)
    };
    Citation {
        who,
        title: source.title.clone(),
        date: date(source.date),
        id: (i == 0).then(|| case.id.clone()),
        url: source.url.clone(),
        accessed: source.url.as_ref().and(source.accessed),
    }
}

/// `気仙沼市立病院（医療）　公表 2024-08-07　発生 2017-10`; an incident
/// never made public: `…（医療）　非公表　発覚 2026-11-02`.
pub(super) fn byline(case: &Case, catalogs: &Catalogs, lang: Lang) -> Text {
    let sector = Inline::Term {
        kind: Term::Sector,
        id: case.sector.clone(),
        title: catalogs.title_of(Kind::Sectors, &case.sector, lang),
    };
    let mut text = Text::default();
    match lang {
        Lang::Ja => {
            text.push_str(format!("{}（", case.organization))
                .push(sector)
                .push_str("）");
            match case.published {
                Some(p) => text.push_str(format!("　公表 {p}")),
                None => text.push_str(format!("　{NOT_PUBLISHED_JA}")),
            };
            if let Some(d) = case.discovered {
                text.push_str(format!("　発覚 {d}"));
            }
            if let Some(o) = case.occurred {
                text.push_str(format!("　発生 {o}"));
            }
        }
        Lang::En => {
            text.push_str(format!("{} (", case.organization))
                .push(sector)
                .push_str(")");
            match case.published {
                Some(p) => text.push_str(format!(", published {p}")),
                None => text.push_str(format!(", {NOT_PUBLISHED_EN}")),
            };
            if let Some(d) = case.discovered {
                text.push_str(format!(", discovered {d}"));
            }
            if let Some(o) = case.occurred {
                text.push_str(format!(", occurred {o}"));
            }
        }
    }
    text
}

/// `10大脅威2026: 1位 ランサム攻撃による被害 · 2位 サプライチェーンや委託先を狙った攻撃`:
/// each threat with its rank and title from the newest list that has it, the
/// list named once when one list has them all.
pub fn threats(case: &Case, catalogs: &Catalogs, lang: Lang) -> Option<Text> {
    if case.threats.is_empty() {
        return None;
    }
    let found: Vec<_> = case
        .threats
        .iter()
        .map(|id| (id, catalogs.threat(id)))
        .collect();
    let lists: Vec<&str> = {
        let mut v: Vec<&str> = found
            .iter()
            .filter_map(|(_, f)| f.map(|(c, _)| c.scheme.as_str()))
            .collect();
        v.dedup();
        v
    };
    let one_list = lists.len() == 1;
    let mut text = Text::default();
    if one_list && let Some((_, Some((c, _)))) = found.first() {
        text.push_str(format!("{}: ", c.short.get(lang)));
    } else {
        text.push_str(t(lang, "脅威: ", "Threats: "));
    }
    for (n, (id, f)) in found.iter().enumerate() {
        if n > 0 {
            text.push_str(" · ");
        }
        let (rank, title) = match f {
            Some((c, item)) => {
                let rank = c
                    .items
                    .iter()
                    .position(|i| i.id == item.id)
                    .map_or(0, |r| r + 1);
                let list = if one_list {
                    String::new()
                } else {
                    format!("{} ", c.short.get(lang))
                };
                let rank = match lang {
                    Lang::Ja => format!("{list}{rank}位 "),
                    Lang::En => format!("{list}#{rank} "),
                };
                (rank, item.title.get(lang).to_string())
            }
            None => (String::new(), id.to_string()),
        };
        text.push_str(rank).push(Inline::Term {
            kind: Term::Threat,
            id: id.to_string(),
            title,
        });
    }
    Some(text)
}

/// The people and records affected, and the kinds of data.
fn affected(case: &Case, lang: Lang) -> Vec<Text> {
    let Some(a) = &case.affected else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut figures = Vec::new();
    if let Some(p) = a.people {
        figures.push(format!("{}{}", thousands(p), t(lang, "人", " people")));
    }
    if let Some(r) = a.records {
        figures.push(format!("{}{}", thousands(r), t(lang, "件", " records")));
    }
    if !figures.is_empty() {
        out.push(Text::plain(figures.join(t(lang, "・", ", "))));
    }
    if !a.data.is_empty() {
        out.push(Text::plain(format!(
            "{}{}",
            t(lang, "対象データ: ", "Data: "),
            a.data.join(t(lang, "、", ", "))
        )));
    }
    out
}

fn bullets(items: Vec<Text>) -> Block {
    Block::List(List {
        numbered: false,
        items: items
            .into_iter()
            .map(|text| Item {
                text,
                refs: Vec::new(),
                anchor: None,
            })
            .collect(),
    })
}

/// The summary as sentences that can be pointed at, with its line breaks.
/// Sentences are counted as the search counts them: over the lines joined,
/// each ending with `。`.
fn sentences(summary: &str) -> Text {
    let mut text = Text::default();
    let mut k = 0;
    let mut run = String::new();
    let flush = |text: &mut Text, run: &mut String, k: usize| {
        if !run.is_empty() {
            text.push(Inline::Anchored {
                text: std::mem::take(run),
                anchor: Anchor::Sentence(k),
            });
        }
    };
    let lines = summary.lines().map(str::trim).filter(|l| !l.is_empty());
    for (n, line) in lines.enumerate() {
        if n > 0 {
            flush(&mut text, &mut run, k);
            text.push(Inline::Break);
        }
        for (_, sentence) in crate::sentence::split(line) {
            run.push_str(sentence);
            if sentence.ends_with('。') {
                flush(&mut text, &mut run, k);
                k += 1;
            }
        }
    }
    flush(&mut text, &mut run, k);
    text
}

/// Where a search hit on part `part` of a case's searched text
/// ([`crate::search::case_parts`]: title, organization, tags, each summary
/// sentence, each root cause) is in the case document.
pub fn search_anchor(case: &Case, part: usize) -> Anchor {
    let tags = usize::from(!case.tags.is_empty());
    let sentences = crate::sentence::split(&case.summary.replace('\n', "")).count();
    match part {
        0 | 1 => Anchor::Title,
        2 if tags == 1 => Anchor::Tags,
        p if p < 2 + tags + sentences => Anchor::Sentence(p - 2 - tags),
        p => Anchor::Cause(p - 2 - tags - sentences),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_line_breaks_and_count_across_them() {
        let text = sentences("一文目。二文\n目。三文目\n");
        assert_eq!(
            text.0,
            vec![
                Inline::Anchored {
                    text: "一文目。".into(),
                    anchor: Anchor::Sentence(0)
                },
                Inline::Anchored {
                    text: "二文".into(),
                    anchor: Anchor::Sentence(1)
                },
                Inline::Break,
                Inline::Anchored {
                    text: "目。".into(),
                    anchor: Anchor::Sentence(1)
                },
                Inline::Anchored {
                    text: "三文目".into(),
                    anchor: Anchor::Sentence(2)
                },
            ]
        );
    }
}
