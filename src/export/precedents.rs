//! The precedent list of a catalog node ("which public cases do we have for
//! A.7.14?"): the node's id and title, then one line per case, newest first:
//! date, organization, the case in one sentence (its title), citation.

use super::{Style, cite, md, t};
use crate::casebook::Casebook;
use crate::lang::Lang;

/// None when the scheme or node does not exist.
pub fn precedents(
    book: &Casebook,
    scheme: &str,
    id: &str,
    lang: Lang,
    style: Style,
) -> Option<String> {
    let catalog = book.catalogs.scheme(scheme)?;
    let item = catalog.get(id)?;
    let heading = format!("{scheme}:{id} {}", item.title.get(lang));
    let mut cases: Vec<usize> = book.under(scheme, id).to_vec();
    let e = book.entries();
    book.sort_newest_first(&mut cases);
    let count = match lang {
        Lang::Ja => format!("先例 {}件（casebook、新しい順）", cases.len()),
        Lang::En => format!("{} precedents (casebook, newest first)", cases.len()),
    };
    let mut out = Vec::new();
    match style {
        Style::Plain => {
            out.push(heading);
            out.push(count);
        }
        Style::Markdown => {
            out.push(format!("## {}", md::escape(&heading)));
            out.push(String::new());
            out.push(count);
            out.push(String::new());
        }
    }
    if cases.is_empty() {
        out.push(
            t(
                lang,
                "この項目の先例はまだありません。",
                "No precedents for this item yet.",
            )
            .to_string(),
        );
    }
    for i in cases {
        let case = &e[i].case;
        out.push(match style {
            Style::Plain => format!(
                "{} {} — {} — {}",
                case.published,
                case.organization,
                case.title,
                cite::citation(case, Style::Plain)
            ),
            Style::Markdown => format!(
                "- {} **{}** — {} — {}",
                case.published,
                md::escape(&case.organization),
                md::escape(&case.title),
                cite::citation(case, Style::Markdown)
            ),
        });
    }
    Some(out.join("\n") + "\n")
}
