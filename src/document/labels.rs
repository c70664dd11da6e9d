//! Short texts taken from a case, the same in every output: its cause
//! titles, the controls it cites, a measure's credit, its summary's lines
//! joined.

use crate::catalog::{Catalogs, Kind};
use crate::lang::Lang;
use crate::model::Case;

/// The main cause categories of a case, in its order, without repeats: `管理ミス、紛失・置忘れ`.
pub fn cause_titles(case: &Case, catalogs: &Catalogs, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in &case.root_causes {
        let title = catalogs.title_of(Kind::Causes, &c.category, lang);
        if !out.contains(&title) {
            out.push(title);
        }
    }
    out
}

/// Every control a case's measures cite, in order of first appearance, without repeats.
pub fn controls_of(case: &Case) -> Vec<&crate::model::ControlRef> {
    let mut out = Vec::new();
    for r in case.measures.iter().flat_map(|m| &m.controls) {
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// The label before a measure that someone other than the organization announced
/// or required, or that is an editorial lesson: `【総務省の要請】`, `[required by MIC] `.
/// Brackets, not emphasis, so it reads the same in plain text, Markdown and Word.
pub fn credit_label(m: &crate::model::Measure, lang: Lang) -> Option<String> {
    let credit = m.credit(lang)?;
    Some(match lang {
        Lang::Ja => format!("【{credit}】"),
        Lang::En => format!("[{credit}] "),
    })
}

/// Joins the summary's lines into one paragraph: no space after Japanese text.
pub fn join_lines(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(last) = out.chars().last()
            && last.is_ascii()
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}
