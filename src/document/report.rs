//! A report drafted from a case (`casebook report`): the items a rule asks
//! for, in its order (the nine items of 施行規則第8条 for the PPC, the
//! unified form's items for the P-mark), each filled from the case file.
//! What the case does not know is written 調査中 / "under investigation",
//! never left out. Plain text pastes into the authority's web form field by
//! field; Markdown and Word render the same document.

use super::{Block, Document, Inline, Item, List, Text};
use crate::catalog::{Catalogs, Kind};
use crate::lang::{Lang, t};
use crate::model::{Case, Fact};
use crate::rules::{Fill, ReportItem, Rule, Rules};
use crate::text::thousands;
use crate::triage::{Outcome, StageOutcome, Triage, json::final_word};

/// What an item says when the case does not know it.
pub fn unknown(lang: Lang) -> &'static str {
    t(lang, "調査中", "Under investigation")
}

/// The draft of `stage` of the report `outcome` for `case`.
pub fn draft(
    case: &Case,
    catalogs: &Catalogs,
    triage: &Triage,
    outcome: &Outcome,
    rule: &Rule,
    stage: &StageOutcome,
    lang: Lang,
) -> Document {
    let title = match lang {
        Lang::Ja => format!(
            "{}（{}）下書き",
            rule.name.get(lang),
            stage.stage.title.get(lang)
        ),
        Lang::En => format!(
            "{} ({}): draft",
            rule.name.get(lang),
            stage.stage.title.get(lang)
        ),
    };
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: Text::plain(title.clone()),
        anchor: None,
    }];
    blocks.push(Block::Byline(Text::plain(byline(case, rule, stage, lang))));
    if let Some(warning) = warning(outcome, stage, lang) {
        blocks.push(Block::Paragraph(Text::plain(warning)));
    }

    // Which situations the report is made under (the form asks first).
    let shown: Vec<Text> = outcome
        .situations
        .iter()
        .filter(|c| c.result != Fact::False)
        .map(|c| {
            let mark = if c.result == Fact::Unknown {
                t(lang, "（未確定）", " (not known yet)")
            } else {
                ""
            };
            Text::plain(format!(
                "{} {}{mark}",
                c.condition.id,
                c.condition.title.get(lang)
            ))
        })
        .collect();
    blocks.push(heading(
        2,
        t(lang, "報告対象の事態", "Situations reported under"),
    ));
    if shown.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(t(
            lang,
            "該当する事態なし（規則の表による）",
            "none applies (by the rule table)",
        ))));
    } else {
        blocks.push(list(false, shown));
    }

    for item in &rule.items {
        blocks.push(heading(2, &item_title(item, lang)));
        let filled = fill_item(case, catalogs, item, lang);
        if filled.is_empty() {
            blocks.push(Block::Paragraph(Text::plain(unknown(lang))));
        } else {
            blocks.extend(filled);
        }
    }
    blocks.push(Block::Paragraph(Text::plain(final_word(triage, lang))));
    Document {
        title,
        lang,
        blocks,
        register: None,
    }
}

/// `1. 概要`, or the title alone for an unnumbered item.
fn item_title(item: &ReportItem, lang: Lang) -> String {
    match item.no {
        Some(n) => format!("{n}. {}", item.title.get(lang)),
        None => item.title.get(lang).to_string(),
    }
}

/// `事例 ID　発覚日 2026-11-02　期限 2026-11-07（5日、目安）`.
fn byline(case: &Case, rule: &Rule, stage: &StageOutcome, lang: Lang) -> String {
    let discovered = case.discovered.map_or_else(
        || t(lang, "未記入", "not written").to_string(),
        |d| d.to_string(),
    );
    let due = match stage.due {
        Some(d) => crate::date::partial(d).to_string(),
        None => t(lang, "発覚日から数える", "counted from discovery").into(),
    };
    let (days, guidance) = (stage.days, stage.stage.guidance);
    match lang {
        Lang::Ja => format!(
            "事例 {}　発覚日 {discovered}　期限 {due}（{days}日{}）　報告先 {}",
            case.id,
            if guidance { "、目安" } else { "" },
            rule.authority.get(lang)
        ),
        Lang::En => format!(
            "Case {}; discovered {discovered}; due {due} ({days} days{}); to {}",
            case.id,
            if guidance { ", guidance" } else { "" },
            rule.authority.get(lang)
        ),
    }
}

/// Said first when the triage does not call for this report.
fn warning(outcome: &Outcome, stage: &StageOutcome, lang: Lang) -> Option<String> {
    let reason = outcome.reason.get(lang);
    match (outcome.required, stage.required) {
        (Fact::False, _) => Some(match lang {
            Lang::Ja => format!("注意: この事例ではこの報告は不要と判定されています（{reason}）。"),
            Lang::En => format!("Note: the triage finds this report not required ({reason})."),
        }),
        (_, Fact::False) => Some(match lang {
            Lang::Ja => format!(
                "注意: この事例では{}は求められないと判定されています（{reason}）。",
                stage.stage.title.get(lang)
            ),
            Lang::En => format!(
                "Note: the triage finds no {} called for ({reason}).",
                stage.stage.title.get(lang)
            ),
        }),
        (Fact::Unknown, _) | (_, Fact::Unknown) => Some(match lang {
            Lang::Ja => format!(
                "注意: 報告の要否は未確定です（{reason}）。`casebook triage` の「確かめること」に答えてください。"
            ),
            Lang::En => format!(
                "Note: whether this report is required is not known yet ({reason}); answer the questions of `casebook triage`."
            ),
        }),
        _ => None,
    }
}

/// The blocks of one item; empty when the case knows none of it.
fn fill_item(case: &Case, catalogs: &Catalogs, item: &ReportItem, lang: Lang) -> Vec<Block> {
    item.from
        .iter()
        .flat_map(|f| fill(case, catalogs, *f, lang))
        .collect()
}

fn fill(case: &Case, catalogs: &Catalogs, from: Fill, lang: Lang) -> Vec<Block> {
    let para = |s: String| vec![Block::Paragraph(Text::plain(s))];
    let affected = case.affected.as_ref();
    match from {
        Fill::Organization => para(case.organization.clone()),
        Fill::Sector => para(catalogs.title_of(Kind::Sectors, &case.sector, lang)),
        Fill::Occurred => case
            .occurred
            .map(|d| para(d.to_string()))
            .unwrap_or_default(),
        Fill::Discovered => case
            .discovered
            .map(|d| para(d.to_string()))
            .unwrap_or_default(),
        Fill::Summary => {
            let mut text = Text::default();
            for (i, line) in case
                .summary
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .enumerate()
            {
                if i > 0 {
                    text.push(Inline::Break);
                }
                text.push_str(line);
            }
            vec![Block::Paragraph(text)]
        }
        Fill::Timeline => {
            let mut lines = Vec::new();
            if let Some(o) = case.occurred {
                lines.push(format!("{o} {}", t(lang, "発生", "occurred")));
            }
            if let Some(d) = case.discovered {
                lines.push(format!("{d} {}", t(lang, "発覚", "discovered")));
            }
            for r in &case.reports {
                lines.push(format!(
                    "{} {}",
                    r.date,
                    filed_text(r, &catalogs.rules, lang)
                ));
            }
            if let Some(p) = case.published {
                lines.push(format!("{p} {}", t(lang, "公表", "made public")));
            }
            if lines.is_empty() {
                Vec::new()
            } else {
                vec![list(false, lines.into_iter().map(Text::plain).collect())]
            }
        }
        Fill::Data => affected
            .filter(|a| !a.data.is_empty())
            .map(|a| para(a.data.join(t(lang, "、", ", "))))
            .unwrap_or_default(),
        Fill::People => {
            let mut figures = Vec::new();
            if let Some(p) = affected.and_then(|a| a.people) {
                figures.push(format!("{}{}", thousands(p), t(lang, "人", " persons")));
            }
            if let Some(r) = affected.and_then(|a| a.records) {
                figures.push(format!("{}{}", thousands(r), t(lang, "件", " records")));
            }
            match figures.as_slice() {
                [] => Vec::new(),
                [one] => para(one.clone()),
                [people, records, ..] => para(match lang {
                    Lang::Ja => format!("{people}（{records}）"),
                    Lang::En => format!("{people} ({records})"),
                }),
            }
        }
        Fill::Causes => vec![list(
            false,
            case.root_causes
                .iter()
                .map(|c| {
                    Text::plain(format!(
                        "{}: {}",
                        catalogs.title_of(Kind::Causes, &c.category, lang),
                        c.text
                    ))
                })
                .collect(),
        )],
        Fill::Response => {
            if case.response.is_empty() {
                Vec::new()
            } else {
                vec![list(false, case.response.iter().map(Text::plain).collect())]
            }
        }
        Fill::Publication => para(match case.published {
            Some(p) => match lang {
                Lang::Ja => format!("{p} に公表"),
                Lang::En => format!("Made public on {p}"),
            },
            None => t(
                lang,
                "公表していない（非公表）",
                "Not made public (not published)",
            )
            .to_string(),
        }),
        Fill::Measures => vec![list(
            true,
            case.measures
                .iter()
                .map(|m| super::case::measure_text(m, lang))
                .collect(),
        )],
        Fill::Reports => {
            if case.reports.is_empty() {
                Vec::new()
            } else {
                vec![list(
                    false,
                    case.reports
                        .iter()
                        .map(|r| {
                            Text::plain(format!(
                                "{} {}",
                                r.date,
                                filed_text(r, &catalogs.rules, lang)
                            ))
                        })
                        .collect(),
                )]
            }
        }
        Fill::Sources => vec![list(
            false,
            (0..case.sources.len())
                .map(|i| Text(vec![Inline::Citation(super::case::citation(case, i, lang))]))
                .collect(),
        )],
        Fill::None => Vec::new(),
    }
}

/// `速報を提出（個人情報保護委員会）`.
fn filed_text(r: &crate::model::Filed, rules: &Rules, lang: Lang) -> String {
    let rule = rules.all().iter().rev().find(|x| x.id == r.to);
    let stage = rule
        .and_then(|x| x.stage(&r.stage))
        .map_or_else(|| r.stage.clone(), |s| s.title.get(lang).to_string());
    let to = rule
        .map(|x| x.authority.get(lang).to_string())
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| r.to.clone());
    match lang {
        Lang::Ja => format!("{stage}を提出（{to}）"),
        Lang::En => format!("{stage} filed ({to})"),
    }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: Text::plain(text),
        anchor: None,
    }
}

fn list(numbered: bool, items: Vec<Text>) -> Block {
    Block::List(List {
        numbered,
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
