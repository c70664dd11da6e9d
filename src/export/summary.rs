//! A case summary for a training document: what happened, who was affected,
//! why, what will prevent it (with control ids and titles) and the citation.
//!
//! The plain-text form carries no Markdown symbols, so it pastes cleanly into
//! Word or PowerPoint; with a width it is wrapped for a terminal, following the
//! Japanese line-breaking rules.

use super::{Style, cause_titles, cite, md, t};
use crate::catalog::{Catalogs, Kind};
use crate::lang::Lang;
use crate::model::Case;
use crate::text::thousands;
use crate::wrap;

/// The affected figures: `48,651人・3,427件`.
fn figures(case: &Case, lang: Lang) -> Option<String> {
    let a = case.affected.as_ref()?;
    let mut parts = Vec::new();
    if let Some(p) = a.people {
        parts.push(format!("{}{}", thousands(p), t(lang, "人", " people")));
    }
    if let Some(r) = a.records {
        parts.push(format!("{}{}", thousands(r), t(lang, "件", " records")));
    }
    (!parts.is_empty()).then(|| parts.join(t(lang, "・", ", ")))
}

fn data(case: &Case, lang: Lang) -> Option<String> {
    let a = case.affected.as_ref()?;
    (!a.data.is_empty()).then(|| a.data.join(t(lang, "、", ", ")))
}

/// `気仙沼市立病院（医療）　公表 2024-08-07　発生 2017-10`
fn byline(case: &Case, catalogs: &Catalogs, lang: Lang) -> String {
    let sector = catalogs.title_of(Kind::Sectors, &case.sector, lang);
    let mut s = match lang {
        Lang::Ja => format!("{}（{sector}）　公表 {}", case.organization, case.published),
        Lang::En => format!(
            "{} ({sector}), published {}",
            case.organization, case.published
        ),
    };
    if let Some(o) = case.occurred {
        s.push_str(&match lang {
            Lang::Ja => format!("　発生 {o}"),
            Lang::En => format!(", occurred {o}"),
        });
    }
    s
}

/// Control ids with their titles: `iso27001:A.7.14 装置の…／ppc:10-5-4 個人データの…`.
fn control_line(
    refs: &[crate::model::ControlRef],
    catalogs: &Catalogs,
    lang: Lang,
    style: Style,
) -> String {
    let sep = t(lang, "／", " / ");
    refs.iter()
        .map(|r| {
            let title = catalogs
                .control(r)
                .map(|i| i.title.get(lang).to_string())
                .unwrap_or_default();
            match style {
                Style::Plain => format!("{r} {title}"),
                Style::Markdown => format!("`{r}` {}", md::escape(&title)),
            }
        })
        .collect::<Vec<_>>()
        .join(sep)
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

/// Wraps `text` after `prefix` to `width` columns with a hanging indent; no wrapping without a width.
fn fill(prefix: &str, text: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return format!("{prefix}{text}");
    };
    let indent = " ".repeat(wrap::width(prefix));
    let room = width.saturating_sub(indent.len()).max(10);
    wrap::wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{prefix}{l}")
            } else {
                format!("{indent}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The plain-text summary; `width` wraps it for a terminal.
pub fn plain(case: &Case, catalogs: &Catalogs, lang: Lang, width: Option<usize>) -> String {
    let mut out = Vec::new();
    out.push(fill("", &case.title, width));
    out.push(fill("", &byline(case, catalogs, lang), width));
    out.push(String::new());
    out.push(format!("■ {}", t(lang, "何が起きたか", "What happened")));
    for line in case.summary.lines() {
        out.push(fill("", line, width));
    }
    if let (f, d) = (figures(case, lang), data(case, lang))
        && (f.is_some() || d.is_some())
    {
        out.push(String::new());
        out.push(format!("■ {}", t(lang, "影響", "Affected")));
        if let Some(f) = f {
            out.push(fill("", &f, width));
        }
        if let Some(d) = d {
            out.push(fill(t(lang, "対象データ: ", "Data: "), &d, width));
        }
    }
    out.push(String::new());
    out.push(format!("■ {}", t(lang, "原因", "Root causes")));
    for c in &case.root_causes {
        let label = catalogs.title_of(Kind::Causes, &c.category, lang);
        out.push(fill("・", &format!("{label}: {}", c.text), width));
    }
    out.push(String::new());
    out.push(format!("■ {}", t(lang, "再発防止策", "Measures")));
    for (i, m) in case.measures.iter().enumerate() {
        let number = format!("{}. ", i + 1);
        let label = super::credit_label(m, lang).unwrap_or_default();
        out.push(fill(&number, &format!("{label}{}", m.text), width));
        let indent = " ".repeat(number.len());
        out.push(fill(
            &indent,
            &control_line(&m.controls, catalogs, lang, Style::Plain),
            width,
        ));
    }
    if !case.response.is_empty() {
        out.push(String::new());
        out.push(format!("■ {}", t(lang, "発覚後の対応", "Response")));
        for r in &case.response {
            out.push(fill("・", r, width));
        }
    }
    out.push(String::new());
    out.push(fill(
        t(lang, "出典: ", "Source: "),
        &cite::citation(case, Style::Plain),
        width,
    ));
    out.join("\n") + "\n"
}

/// The Markdown summary, headed `#` × `level`.
pub fn markdown(
    case: &Case,
    catalogs: &Catalogs,
    lang: Lang,
    level: usize,
    number: Option<usize>,
) -> String {
    let h = "#".repeat(level);
    let sub = "#".repeat(level + 1);
    let number = number.map(|n| format!("{n}. ")).unwrap_or_default();
    let mut out = Vec::new();
    out.push(format!("{h} {number}{}", md::escape(&case.title)));
    out.push(String::new());
    out.push(md::escape(&byline(case, catalogs, lang)));
    out.push(String::new());
    out.push(format!(
        "{sub} {}",
        t(lang, "何が起きたか", "What happened")
    ));
    out.push(String::new());
    out.push(md::escape(&join_lines(&case.summary)));
    if let (f, d) = (figures(case, lang), data(case, lang))
        && (f.is_some() || d.is_some())
    {
        out.push(String::new());
        out.push(format!("{sub} {}", t(lang, "影響", "Affected")));
        out.push(String::new());
        if let Some(f) = f {
            out.push(format!("- {}", md::escape(&f)));
        }
        if let Some(d) = d {
            out.push(format!(
                "- {}{}",
                t(lang, "対象データ: ", "Data: "),
                md::escape(&d)
            ));
        }
    }
    out.push(String::new());
    out.push(format!("{sub} {}", t(lang, "原因", "Root causes")));
    out.push(String::new());
    for c in &case.root_causes {
        let label = catalogs.title_of(Kind::Causes, &c.category, lang);
        out.push(format!(
            "- **{}**: {}",
            md::escape(&label),
            md::escape(&c.text)
        ));
    }
    out.push(String::new());
    out.push(format!("{sub} {}", t(lang, "再発防止策", "Measures")));
    out.push(String::new());
    for (i, m) in case.measures.iter().enumerate() {
        let label = super::credit_label(m, lang)
            .map(|l| md::escape(&l))
            .unwrap_or_default();
        // A backslash at the end of a line is a hard line break (CommonMark and pandoc).
        out.push(format!("{}. {label}{}\\", i + 1, md::escape(&m.text)));
        out.push(format!(
            "   {}",
            control_line(&m.controls, catalogs, lang, Style::Markdown)
        ));
    }
    if !case.response.is_empty() {
        out.push(String::new());
        out.push(format!("{sub} {}", t(lang, "発覚後の対応", "Response")));
        out.push(String::new());
        for r in &case.response {
            out.push(format!("- {}", md::escape(r)));
        }
    }
    out.push(String::new());
    out.push(format!(
        "{}{}",
        t(lang, "出典: ", "Source: "),
        cite::citation(case, Style::Markdown)
    ));
    out.join("\n") + "\n"
}

/// All cause titles of a case, for tables: `管理ミス、紛失・置忘れ`.
pub fn causes(case: &Case, catalogs: &Catalogs, lang: Lang) -> String {
    cause_titles(case, catalogs, lang).join(t(lang, "、", ", "))
}
