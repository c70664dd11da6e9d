//! The digest for a committee's minute as a document: the period and where
//! the changes come from, the counts, the changes grouped per control area
//! and per 10大脅威 item (the first [`GROUP_LINES`] of each group, then how
//! many more), then each list in full (new, changed and removed cases, status
//! changes, overdue measures, reports, first precedents, bundled cases new
//! with a release). Rendered as text, Markdown and Word.

use std::collections::BTreeMap;

use super::changes::{How, Since};
use super::digest::Digest;
use super::register::{overdue_label, status_label};
use crate::casebook::Casebook;
use crate::catalog::{Catalogs, Kind};
use crate::document::{Block, Document, Item, List, Table, Text};
use crate::lang::{Lang, t};
use crate::model::{Case, ControlRef, Progress};
use crate::triage::due::Status;

/// The digest as a document.
pub fn document(book: &Casebook, d: &Digest, lang: Lang) -> Document {
    let today = crate::date::partial(d.today);
    let from = d.changes.from.map(crate::date::partial);
    let title = match (lang, from) {
        (Lang::Ja, Some(f)) => format!("前回のレビュー以降の変更（{f}〜{today}）"),
        (Lang::Ja, None) => format!("前回のレビュー以降の変更（〜{today}）"),
        (Lang::En, Some(f)) => format!("Changes since the last review ({f} to {today})"),
        (Lang::En, None) => format!("Changes since the last review (to {today})"),
    };
    let mut blocks = vec![heading(1, &title)];
    blocks.push(Block::Paragraph(Text::plain(basis(d, lang))));
    blocks.push(heading(2, t(lang, "概要", "Summary")));
    blocks.push(list(counts(d, lang)));
    let events = events(book, d, lang);
    blocks.extend(by_area(book, &events, lang));
    blocks.extend(by_threat(book, &events, lang));
    blocks.extend(new_cases(book, d, lang));
    blocks.extend(changed_cases(book, d, lang));
    blocks.extend(status_table(book, d, lang));
    blocks.extend(overdue_table(d, lang));
    blocks.extend(reports(book, d, lang));
    blocks.extend(first_table(book, d, lang));
    blocks.push(heading(
        2,
        t(
            lang,
            "新しく同梱された公開事例",
            "Public cases new in this version of casebook",
        ),
    ));
    if d.bundled.is_empty() {
        blocks.push(para(t(
            lang,
            "この期間に casebook の新しい版で同梱された公開事例はありません。",
            "No public case was added by a release of casebook in the period.",
        )));
    } else {
        blocks.push(list(
            d.bundled
                .iter()
                .map(|(i, v)| {
                    let c = &book.entries()[*i].case;
                    Text::plain(format!(
                        "{} {}（{}、casebook {v}）",
                        c.id, c.title, c.organization
                    ))
                })
                .collect(),
        ));
    }
    Document {
        title,
        lang,
        blocks,
        register: None,
    }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: Text::plain(text),
        anchor: None,
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph(Text::plain(text))
}

fn list(items: Vec<Text>) -> Block {
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

/// Where the changes come from, per casebook directory.
fn basis(d: &Digest, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Since::Rev(rev) = &d.since {
        let rev = crate::text::line(rev);
        parts.push(match lang {
            Lang::Ja => format!("--since {rev}"),
            Lang::En => format!("--since {rev}"),
        });
    }
    for dir in &d.changes.dirs {
        let shown = crate::text::path(&dir.path);
        parts.push(match (&dir.how, lang) {
            (How::Git(Some(b)), Lang::Ja) => format!(
                "{shown}: git のコミット {}（{}）と現在の作業ツリーを比べました",
                short(&b.commit),
                b.date
            ),
            (How::Git(Some(b)), Lang::En) => format!(
                "{shown}: git commit {} ({}) compared with the working tree",
                short(&b.commit),
                b.date
            ),
            (How::Git(None), Lang::Ja) => {
                format!("{shown}: その日より前のコミットがないため、すべての事例を新規としました")
            }
            (How::Git(None), Lang::En) => {
                format!("{shown}: no commit before that day, so every case is new")
            }
            (How::FileDates, Lang::Ja) => format!(
                "{shown}: git のリポジトリではないため、ファイルの作成日・更新日で判断しました（状況の変化は分かりません）"
            ),
            (How::FileDates, Lang::En) => format!(
                "{shown}: not a git repository, so from the files' creation and modification dates (status changes are not known)"
            ),
        });
    }
    parts.join(t(lang, "。", ". ")) + t(lang, "。", ".")
}

fn short(commit: &str) -> &str {
    &commit[..commit.len().min(10)]
}

fn counts(d: &Digest, lang: Lang) -> Vec<Text> {
    let c = &d.changes;
    let moved = c.changed.iter().filter(|c| c.moved_only).count();
    let changed = c.changed.len() - moved;
    let overdue_reports = d
        .open
        .iter()
        .filter(|o| o.status == Status::Overdue)
        .count();
    let n = |ja: &str, en_one: &str, en_many: &str, k: usize| match lang {
        Lang::Ja => Text::plain(format!("{ja} {k}件")),
        Lang::En => Text::plain(crate::plural::count(k, en_one, en_many)),
    };
    let mut out = vec![
        n("新しい事例", "new case", "new cases", c.new.len()),
        n("更新された事例", "changed case", "changed cases", changed),
    ];
    if moved > 0 {
        out.push(n(
            "ファイルの名前・場所だけが変わった事例（新規には数えません）",
            "case only renamed or moved (not counted as new)",
            "cases only renamed or moved (not counted as new)",
            moved,
        ));
    }
    if !c.removed.is_empty() {
        out.push(n(
            "削除された事例",
            "removed case",
            "removed cases",
            c.removed.len(),
        ));
    }
    out.extend([
        n(
            "状況が変わった再発防止策",
            "measure whose status changed",
            "measures whose status changed",
            d.status.len(),
        ),
        n(
            "期限を過ぎた再発防止策",
            "overdue measure",
            "overdue measures",
            d.overdue.len(),
        ),
        n(
            "提出した報告",
            "report filed",
            "reports filed",
            d.filed.len(),
        ),
        match lang {
            Lang::Ja => Text::plain(format!(
                "未提出の報告 {}件（うち期限超過 {overdue_reports}件）",
                d.open.len()
            )),
            Lang::En => Text::plain(format!(
                "{} ({overdue_reports} overdue)",
                crate::plural::count(d.open.len(), "report still due", "reports still due")
            )),
        },
        n(
            "初めて先例ができた管理策",
            "control with its first precedent",
            "controls with their first precedent",
            d.first.len(),
        ),
        n(
            "新しく同梱された公開事例",
            "public case new with a release",
            "public cases new with a release",
            d.bundled.len(),
        ),
    ]);
    out
}

/// One line about a case: `new: id title`.
fn case_line(what: &str, case: &Case) -> Text {
    Text::plain(format!("{what}: {} {}", case.id, case.title))
}

/// What happened in the period, one line each, with the controls and threats
/// it concerns. An overdue measure is counted per group, not listed (the full
/// list follows).
struct Event {
    text: Text,
    controls: Vec<ControlRef>,
    threats: Vec<String>,
    overdue: bool,
}

/// Lines a group shows before it says how many more there are (the full
/// lists follow the groups).
pub const GROUP_LINES: usize = 10;

/// A group's lines: its first events, how many more, and the count of its
/// overdue measures.
fn group_lines<'e>(events: impl Iterator<Item = &'e Event>, lang: Lang) -> Vec<Text> {
    let mut lines = Vec::new();
    let mut more = 0;
    let mut overdue = 0;
    for e in events {
        if e.overdue {
            overdue += 1;
        } else if lines.len() < GROUP_LINES {
            lines.push(e.text.clone());
        } else {
            more += 1;
        }
    }
    if more > 0 {
        lines.push(Text::plain(match lang {
            Lang::Ja => format!("ほか {more}件（一覧は下に）"),
            Lang::En => format!("{more} more (listed below)"),
        }));
    }
    if overdue > 0 {
        lines.push(Text::plain(match lang {
            Lang::Ja => format!("期限を過ぎた再発防止策 {overdue}件（一覧は下に）"),
            Lang::En => format!(
                "{} (listed below)",
                crate::plural::count(overdue, "overdue measure", "overdue measures")
            ),
        }));
    }
    lines
}

fn events(book: &Casebook, d: &Digest, lang: Lang) -> Vec<Event> {
    let controls = |c: &Case| -> Vec<ControlRef> {
        c.measures.iter().flat_map(|m| m.controls.clone()).collect()
    };
    let mut out = Vec::new();
    for &i in &d.changes.new {
        let c = d.case(book, i);
        let c = c.as_ref();
        out.push(Event {
            text: case_line(t(lang, "新規", "new"), c),
            controls: controls(c),
            threats: c.threats.clone(),
            overdue: false,
        });
    }
    for ch in d.changes.changed.iter().filter(|c| !c.moved_only) {
        let c = d.case(book, ch.case);
        let c = c.as_ref();
        out.push(Event {
            text: case_line(t(lang, "更新", "changed"), c),
            controls: controls(c),
            threats: c.threats.clone(),
            overdue: false,
        });
    }
    for s in &d.status {
        let c = d.case(book, s.case);
        let c = c.as_ref();
        out.push(Event {
            text: Text::plain(format!(
                "{}: {}#{} {}（{} → {}）",
                t(lang, "状況", "status"),
                c.id,
                s.measure,
                s.text,
                from_label(s.from, s.added, lang),
                status_label(s.to, lang)
            )),
            controls: s.controls.clone(),
            threats: c.threats.clone(),
            overdue: false,
        });
    }
    // The threats of a case from the casebook's index (no case is read).
    let threat_ids = book.catalogs.vocabulary(Kind::Threats);
    let threats_of = |i: usize| -> Vec<String> {
        threat_ids
            .iter()
            .filter(|id| crate::answers::filter::threat(book, i, id))
            .map(|id| id.to_string())
            .collect()
    };
    for r in &d.overdue {
        out.push(Event {
            text: Text::default(),
            controls: r.controls.clone(),
            threats: threats_of(r.case),
            overdue: true,
        });
    }
    out
}

fn from_label(from: Option<Progress>, added: bool, lang: Lang) -> &'static str {
    if added {
        t(lang, "追加", "added")
    } else {
        status_label(from, lang)
    }
}

/// The events under each control area (the top of each control scheme:
/// ISO/IEC 27001's themes A.5–A.8, the PPC guideline's 10-1–10-7).
fn by_area(book: &Casebook, events: &[Event], lang: Lang) -> Vec<Block> {
    let cats = &book.catalogs;
    let mut areas: BTreeMap<(usize, usize), Vec<&Event>> = BTreeMap::new();
    for ev in events {
        let mut seen = Vec::new();
        for r in &ev.controls {
            let Some(key) = area(cats, r) else { continue };
            if !seen.contains(&key) {
                seen.push(key);
                areas.entry(key).or_default().push(ev);
            }
        }
    }
    let mut out = vec![heading(2, t(lang, "管理策の分野ごと", "By control area"))];
    if areas.is_empty() {
        out.push(para(t(
            lang,
            "この期間の変更はありません。",
            "Nothing changed in the period.",
        )));
    }
    for (key, evs) in areas {
        out.push(heading(3, &area_title(cats, key, lang)));
        out.push(list(group_lines(evs.into_iter(), lang)));
    }
    out
}

/// (the scheme's place among the control schemes, the area's place in it).
fn area(cats: &Catalogs, r: &ControlRef) -> Option<(usize, usize)> {
    let (s, catalog) = cats
        .control_schemes()
        .enumerate()
        .find(|(_, c)| c.scheme == r.scheme)?;
    let mut id = r.id.as_str();
    while let Some(p) = catalog.parent(id) {
        id = p;
    }
    let a = catalog.items.iter().position(|i| i.id == id)?;
    Some((s, a))
}

fn area_title(cats: &Catalogs, (s, a): (usize, usize), lang: Lang) -> String {
    let Some(catalog) = cats.control_schemes().nth(s) else {
        return String::new();
    };
    let item = &catalog.items[a];
    format!(
        "{} {} {}",
        catalog.short.get(lang),
        item.id,
        item.title.get(lang)
    )
}

/// The events under each threat of the threat lists, in the lists' order.
fn by_threat(book: &Casebook, evs: &[Event], lang: Lang) -> Vec<Block> {
    let cats = &book.catalogs;
    let ids = cats.vocabulary(Kind::Threats);
    let mut out = vec![heading(
        2,
        t(
            lang,
            "情報セキュリティ10大脅威ごと",
            "By major threat (IPA 10 major threats)",
        ),
    )];
    let mut any = false;
    for id in ids {
        let lines = group_lines(
            evs.iter().filter(|e| e.threats.iter().any(|t| t == id)),
            lang,
        );
        if lines.is_empty() {
            continue;
        }
        any = true;
        let title = match cats.threat(id) {
            Some((list, item)) => format!("{}（{}）", item.title.get(lang), list.short.get(lang)),
            None => id.to_string(),
        };
        out.push(heading(3, &title));
        out.push(list(lines));
    }
    let unclassified = evs
        .iter()
        .filter(|e| e.threats.is_empty() && !e.overdue)
        .count();
    if !any {
        out.push(para(t(
            lang,
            "この期間の変更に、脅威（threats）に分類された事例はありません。",
            "No case changed in the period is classified under a threat (threats).",
        )));
    } else if unclassified > 0 {
        out.push(Block::Paragraph(Text::plain(match lang {
            Lang::Ja => format!(
                "脅威に分類されていない項目 {unclassified}件は上の分野ごとの一覧にあります。"
            ),
            Lang::En => format!(
                "{} not classified under a threat are in the lists by control area above.",
                crate::plural::count(unclassified, "item", "items")
            ),
        })));
    }
    out
}

/// Control ids, comma-separated (one run of text: a table of thousands of
/// cases is built quickly).
fn controls_text(controls: &[ControlRef]) -> Text {
    let ids: Vec<String> = controls.iter().map(ToString::to_string).collect();
    Text::plain(ids.join(", "))
}

fn case_controls(case: &Case) -> Vec<ControlRef> {
    let mut out: Vec<ControlRef> = Vec::new();
    for r in case.measures.iter().flat_map(|m| &m.controls) {
        if !out.contains(r) {
            out.push(r.clone());
        }
    }
    out
}

fn new_cases(book: &Casebook, d: &Digest, lang: Lang) -> Vec<Block> {
    let mut out = vec![heading(2, t(lang, "新しい事例", "New cases"))];
    let rows = d
        .changes
        .new
        .iter()
        .map(|&i| {
            let c = d.case(book, i);
            let c = c.as_ref();
            vec![
                Text::plain(c.id.clone()),
                Text::plain(c.title.clone()),
                Text::plain(c.date().label(lang)),
                controls_text(&case_controls(c)),
                Text::plain(threats(&book.catalogs, c, lang)),
            ]
        })
        .collect();
    out.push(table_or_none(
        &[
            t(lang, "事例ID", "Case ID"),
            t(lang, "事例", "Case"),
            t(lang, "日付", "Date"),
            t(lang, "管理策", "Controls"),
            t(lang, "脅威", "Threats"),
        ],
        rows,
        lang,
    ));
    out
}

fn threats(cats: &Catalogs, c: &Case, lang: Lang) -> String {
    c.threats
        .iter()
        .map(|id| cats.title_of(Kind::Threats, id, lang))
        .collect::<Vec<_>>()
        .join(t(lang, "、", ", "))
}

fn changed_cases(book: &Casebook, d: &Digest, lang: Lang) -> Vec<Block> {
    let mut out = vec![heading(2, t(lang, "更新された事例", "Changed cases"))];
    let rows = d
        .changes
        .changed
        .iter()
        .map(|ch| {
            let c = book.summary(ch.case);
            let n = d.status.iter().filter(|s| s.case == ch.case).count();
            let what = match (ch.moved_only, n, lang) {
                (true, _, _) => {
                    t(lang, "ファイルの名前・場所だけ", "renamed or moved only").to_string()
                }
                (false, 0, _) => t(lang, "内容", "content").to_string(),
                (false, n, Lang::Ja) => format!("再発防止策の状況 {n}件"),
                (false, n, Lang::En) => crate::plural::count(n, "status change", "status changes"),
            };
            vec![
                Text::plain(c.id.clone()),
                Text::plain(c.title.clone()),
                Text::plain(what),
            ]
        })
        .collect();
    out.push(table_or_none(
        &[
            t(lang, "事例ID", "Case ID"),
            t(lang, "事例", "Case"),
            t(lang, "変わったもの", "What changed"),
        ],
        rows,
        lang,
    ));
    if !d.changes.removed.is_empty() {
        out.push(heading(3, t(lang, "削除された事例", "Removed cases")));
        out.push(list(
            d.changes
                .removed
                .iter()
                .map(|o| Text::plain(format!("{} {}", o.id, o.title)))
                .collect(),
        ));
    }
    out
}

fn status_table(book: &Casebook, d: &Digest, lang: Lang) -> Vec<Block> {
    let mut out = vec![heading(
        2,
        t(
            lang,
            "再発防止策の状況の変化",
            "Measures whose status changed",
        ),
    )];
    let rows = d
        .status
        .iter()
        .map(|s| {
            vec![
                Text::plain(book.summary(s.case).id.clone()),
                Text::plain(s.measure.to_string()),
                Text::plain(s.text.clone()),
                Text::plain(from_label(s.from, s.added, lang)),
                Text::plain(status_label(s.to, lang)),
                Text::plain(s.owner.clone().unwrap_or_default()),
                Text::plain(s.due.map(|d| d.to_string()).unwrap_or_default()),
            ]
        })
        .collect();
    out.push(table_or_none(
        &[
            t(lang, "事例ID", "Case ID"),
            "No.",
            t(lang, "再発防止策", "Measure"),
            t(lang, "前", "Before"),
            t(lang, "後", "Now"),
            t(lang, "担当", "Owner"),
            t(lang, "期限", "Due"),
        ],
        rows,
        lang,
    ));
    out
}

fn overdue_table(d: &Digest, lang: Lang) -> Vec<Block> {
    let mut out = vec![heading(
        2,
        t(lang, "期限を過ぎた再発防止策", "Overdue measures"),
    )];
    let rows = d
        .overdue
        .iter()
        .map(|r| {
            vec![
                Text::plain(r.due.map(|d| d.to_string()).unwrap_or_default()),
                Text::plain(overdue_label(r.days_overdue, lang)),
                Text::plain(status_label(r.status, lang)),
                Text::plain(r.owner.clone().unwrap_or_default()),
                Text::plain(format!("{}#{}", r.case_id, r.measure)),
                Text::plain(r.text.clone()),
            ]
        })
        .collect();
    out.push(table_or_none(
        &[
            t(lang, "期限", "Due"),
            t(lang, "超過", "Overdue"),
            t(lang, "状況", "Status"),
            t(lang, "担当", "Owner"),
            t(lang, "事例", "Case"),
            t(lang, "再発防止策", "Measure"),
        ],
        rows,
        lang,
    ));
    out
}

fn reports(book: &Casebook, d: &Digest, lang: Lang) -> Vec<Block> {
    let rules = &book.catalogs.rules;
    let rule_name = |to: &str| {
        rules
            .all()
            .iter()
            .find(|r| r.id == to)
            .map_or_else(|| to.to_string(), |r| r.name.get(lang).to_string())
    };
    let stage_name = |to: &str, stage: &str| {
        rules
            .all()
            .iter()
            .find(|r| r.id == to)
            .and_then(|r| r.stages.iter().find(|s| s.id == stage))
            .map_or_else(|| stage.to_string(), |s| s.title.get(lang).to_string())
    };
    let mut out = vec![heading(2, t(lang, "報告", "Reports"))];
    out.push(heading(
        3,
        t(lang, "この期間に提出した報告", "Filed in the period"),
    ));
    let rows = d
        .filed
        .iter()
        .map(|f| {
            vec![
                Text::plain(f.date.to_string()),
                Text::plain(rule_name(&f.to)),
                Text::plain(stage_name(&f.to, &f.stage)),
                Text::plain(book.summary(f.case).id.clone()),
            ]
        })
        .collect();
    out.push(table_or_none(
        &[
            t(lang, "提出日", "Filed"),
            t(lang, "提出先", "To"),
            t(lang, "段階", "Stage"),
            t(lang, "事例ID", "Case ID"),
        ],
        rows,
        lang,
    ));
    out.push(heading(3, t(lang, "未提出の報告", "Still to file")));
    let rows = d
        .open
        .iter()
        .map(|o| {
            let status = match (o.status, o.days_left) {
                (Status::Overdue, Some(n)) => match lang {
                    Lang::Ja => format!("超過 {}日", -n),
                    Lang::En => format!("{} d overdue", -n),
                },
                (Status::Due, Some(n)) => match lang {
                    Lang::Ja => format!("あと {n}日"),
                    Lang::En => format!("in {n} d"),
                },
                _ => t(lang, "発覚日未記入", "no discovered date").to_string(),
            };
            let mut stage = o.stage_title.get(lang).to_string();
            if o.guidance {
                stage.push_str(t(lang, "（目安）", " (guidance)"));
            }
            vec![
                Text::plain(
                    o.due
                        .map(|d| crate::date::partial(d).to_string())
                        .unwrap_or_default(),
                ),
                Text::plain(status),
                Text::plain(o.name.get(lang).to_string()),
                Text::plain(stage),
                Text::plain(o.id.clone()),
            ]
        })
        .collect();
    out.push(table_or_none(
        &[
            t(lang, "期限", "Due"),
            t(lang, "状況", "Status"),
            t(lang, "提出先", "To"),
            t(lang, "段階", "Stage"),
            t(lang, "事例ID", "Case ID"),
        ],
        rows,
        lang,
    ));
    out.push(para_string(d.final_word.clone()));
    out
}

/// A table of `rows` under `header`, or 「ありません。」 when there are none.
fn table_or_none(header: &[&str], rows: Vec<Vec<Text>>, lang: Lang) -> Block {
    if rows.is_empty() {
        return para(t(lang, "ありません。", "None."));
    }
    Block::Table(Table {
        header: header.iter().map(|h| h.to_string()).collect(),
        rows,
    })
}

fn para_string(s: String) -> Block {
    Block::Paragraph(Text::plain(s))
}

fn first_table(book: &Casebook, d: &Digest, lang: Lang) -> Vec<Block> {
    let mut out = vec![heading(
        2,
        t(
            lang,
            "初めて先例ができた管理策",
            "Controls with their first precedent",
        ),
    )];
    let rows = d
        .first
        .iter()
        .map(|f| {
            let title = book
                .catalogs
                .control(&f.control)
                .map(|i| i.title.get(lang).to_string())
                .unwrap_or_default();
            let cases: Vec<&str> = f
                .cases
                .iter()
                .map(|&i| book.summary(i).id.as_str())
                .collect();
            vec![
                controls_text(std::slice::from_ref(&f.control)),
                Text::plain(title),
                Text::plain(cases.join(", ")),
            ]
        })
        .collect();
    out.push(table_or_none(
        &[
            t(lang, "管理策", "Control"),
            t(lang, "名称", "Title"),
            t(lang, "事例", "Cases"),
        ],
        rows,
        lang,
    ));
    out
}
