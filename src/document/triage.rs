//! The triage of a team's own incident as document blocks: whether each
//! report is required and why, its stages with due dates and what is filed,
//! the situations and exemptions with the fact behind each, the questions
//! still open, and the rules' dates with the reminder that the authority has
//! the final word. `casebook triage` prints it whole; a case's summary (the
//! detail view, `show`, Markdown, Word) carries it as its "Reporting" section.

use super::{Block, Document, Item, List, Text};
use crate::lang::{Lang, t};
use crate::model::{Case, Fact};
use crate::rules::Confidence;
use crate::triage::{Check, Outcome, Triage, json::final_word};

/// How much to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Every check, with its basis (`casebook triage`).
    Full,
    /// Only the situations and exemptions that apply or are unknown (a case's summary).
    Section,
}

/// `casebook triage ID`: the case's title, then the triage.
pub fn document(case: &Case, triage: &Triage, lang: Lang) -> Document {
    let title = format!("{}: {}", t(lang, "報告の要否", "Reporting"), case.title);
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: Text::plain(title.clone()),
        anchor: None,
    }];
    blocks.push(Block::Byline(Text::plain(format!(
        "id: {}{}{}",
        case.id,
        t(lang, "　", "; "),
        discovered_line(triage, lang)
    ))));
    if !case.is_incident() {
        blocks.push(Block::Paragraph(Text::plain(t(
            lang,
            "この事例には discovered・leak・reports のどれもありません（チーム自身の事故として記録されていません）。以下は未記入の事実を未確定として判定したものです。",
            "This case has none of discovered, leak and reports (it is not recorded as the team's own incident); what follows treats every fact as unknown.",
        ))));
    }
    blocks.extend(blocks_of(triage, lang, 2, Detail::Full));
    Document {
        title,
        lang,
        blocks,
        register: None,
    }
}

/// The triage under headings at `level` (one per rule), then the questions
/// and the rules' dates.
pub fn blocks_of(triage: &Triage, lang: Lang, level: u8, detail: Detail) -> Vec<Block> {
    let mut out = Vec::new();
    if detail == Detail::Section {
        out.push(Block::Paragraph(Text::plain(discovered_line(triage, lang))));
    }
    for (i, o) in triage.outcomes.iter().enumerate() {
        // A rule judged on the same situations as one above (the P-mark's are
        // the APPI's) says so instead of listing them again.
        let same = triage.outcomes[..i].iter().any(|p| same_checks(p, o));
        outcome(&mut out, o, lang, level, detail, same);
    }
    if !triage.questions.is_empty() {
        out.push(heading(level, t(lang, "確かめること", "Still to find out")));
        out.push(list(
            triage
                .questions
                .iter()
                .map(|q| Text::plain(q.text.get(lang).to_string()))
                .collect(),
        ));
    }
    out.push(Block::Paragraph(Text::plain(final_word(triage, lang))));
    out
}

fn discovered_line(triage: &Triage, lang: Lang) -> String {
    match triage.discovered {
        Some(d) => format!(
            "{} {}",
            t(lang, "発覚日", "Discovered"),
            crate::date::partial(d)
        ),
        None => t(
            lang,
            "発覚日: 未記入（期限を計算できません）",
            "Discovered: not written (no deadline can be computed)",
        )
        .to_string(),
    }
}

/// Whether two rules' situations and exemptions are the same, with the same results.
fn same_checks(a: &Outcome, b: &Outcome) -> bool {
    let key = |o: &Outcome| -> Vec<(String, Fact)> {
        o.situations
            .iter()
            .chain(&o.exemptions)
            .map(|c| (c.condition.id.clone(), c.result))
            .collect()
    };
    !a.situations.is_empty() && key(a) == key(b)
}

fn outcome(
    out: &mut Vec<Block>,
    o: &Outcome,
    lang: Lang,
    level: u8,
    detail: Detail,
    same_as_above: bool,
) {
    let name = o
        .rule
        .map_or_else(|| o.id.clone(), |r| r.name.get(lang).to_string());
    out.push(heading(level, &name));
    let verdict = match o.required {
        Fact::True => t(lang, "報告が必要", "Report required"),
        Fact::False => t(lang, "報告は不要", "No report required"),
        Fact::Unknown => t(
            lang,
            "報告の要否は未確定（下の「確かめること」に答えてください）",
            "Whether a report is required is not known yet (answer the questions below)",
        ),
    };
    let sep = t(lang, "。", ". ");
    out.push(Block::Paragraph(Text::plain(format!(
        "{verdict}{sep}{}",
        capitalized(o.reason.get(lang))
    ))));
    if o.required != Fact::False && !o.stages.is_empty() {
        out.push(list(o.stages.iter().map(|s| stage_line(s, lang)).collect()));
    }
    let shown = |c: &&Check| detail == Detail::Full || c.result != Fact::False;
    let checks: Vec<Text> = o
        .situations
        .iter()
        .filter(shown)
        .map(|c| check_line(c, lang, false, detail))
        .chain(
            o.exemptions
                .iter()
                .filter(shown)
                .map(|c| check_line(c, lang, true, detail)),
        )
        .collect();
    if same_as_above && !checks.is_empty() {
        out.push(list(vec![Text::plain(t(
            lang,
            "事態と適用除外の判定は上と同じ",
            "Situations and exemptions: as above",
        ))]));
    } else if !checks.is_empty() {
        out.push(list(checks));
    }
    if let Some(r) = o.rule.filter(|r| r.applies) {
        let confidence = match (r.confidence, lang) {
            (Confidence::High, Lang::Ja) => "確度: 高",
            (Confidence::High, Lang::En) => "confidence: high",
            (Confidence::Medium, Lang::Ja) => "確度: 中",
            (Confidence::Medium, Lang::En) => "confidence: medium",
            (Confidence::Check, Lang::Ja) => "確度: 要確認（報告先に確かめてください）",
            (Confidence::Check, Lang::En) => "confidence: check with the authority",
        };
        let mut text = match lang {
            Lang::Ja => format!(
                "根拠: {}（{} 施行の規則、{confidence}）",
                r.basis.get(lang),
                r.effective()
            ),
            Lang::En => format!(
                "Basis: {} (rules in effect from {}, {confidence})",
                r.basis.get(lang),
                r.effective()
            ),
        };
        if detail == Detail::Full
            && let Some(note) = &r.note
        {
            text.push_str(sep);
            text.push_str(note.get(lang));
        }
        out.push(Block::Paragraph(Text::plain(text)));
    }
}

/// `確報（30日）: 期限 2026-12-02 — 未提出` / `Final report (30 days): due 2026-12-02 — not filed`.
fn stage_line(s: &crate::triage::StageOutcome, lang: Lang) -> Text {
    let title = s.stage.title.get(lang);
    let days = match (lang, s.stage.guidance) {
        (Lang::Ja, true) => format!("（{}日、目安）", s.days),
        (Lang::Ja, false) => format!("（{}日）", s.days),
        (Lang::En, true) => format!(" ({} days, guidance)", s.days),
        (Lang::En, false) => format!(" ({} days)", s.days),
    };
    let due = match s.due {
        Some(d) => format!("{} {}", t(lang, "期限", "due"), crate::date::partial(d)),
        None => t(lang, "期限は発覚日から", "due counted from discovery").to_string(),
    };
    let status = match (s.filed, s.done, s.required) {
        (Some(f), _, _) => format!("{} {f}", t(lang, "提出済み", "filed")),
        (None, true, _) => t(
            lang,
            "後の報告で提出済み",
            "covered by a later report filed",
        )
        .into(),
        (None, false, Fact::False) => t(lang, "不要", "not required").into(),
        (None, false, Fact::Unknown) => t(
            lang,
            "未提出（要否未確定）",
            "not filed (whether required is not known)",
        )
        .into(),
        (None, false, Fact::True) => t(lang, "未提出", "not filed").into(),
    };
    let line = match s.required {
        Fact::False => format!("{title}{days}: {status}"),
        _ => format!("{title}{days}: {due} — {status}"),
    };
    let line = capitalized(&line);
    Text::plain(line)
}

/// `7-1 要配慮個人情報…: 該当（leak.sensitive: true）`.
fn check_line(c: &Check, lang: Lang, exemption: bool, detail: Detail) -> Text {
    let verdict = match (c.result, exemption) {
        (Fact::True, false) => t(lang, "該当", "applies"),
        (Fact::True, true) => t(lang, "適用除外に該当", "exemption applies"),
        (Fact::False, false) => t(lang, "非該当", "does not apply"),
        (Fact::False, true) => t(lang, "適用除外に非該当", "exemption does not apply"),
        (Fact::Unknown, _) => t(lang, "未確定", "not known"),
    };
    let mut line = match lang {
        Lang::Ja => format!(
            "{} {}: {verdict}（{}）",
            c.condition.id,
            c.condition.title.get(lang),
            c.because.get(lang)
        ),
        Lang::En => format!(
            "{} {}: {verdict} ({})",
            c.condition.id,
            c.condition.title.get(lang),
            c.because.get(lang)
        ),
    };
    if detail == Detail::Full {
        line.push_str(&format!(" [{}]", c.condition.basis));
    }
    Text::plain(line)
}

/// The first letter in capitals (an English stage title starts a line).
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: Text::plain(text),
        anchor: None,
    }
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
