//! Citations: one stable line per case, for a footnote or an audit finding.
//!
//! Plain: `{publisher}「{title}」({date}) [casebook: {id}] <{url}>`, where the
//! publisher is prefixed with `{organization} — ` when someone else (a newspaper,
//! a ministry) published the source, `({date})` is the source's date (else the
//! case's publication date) and `<{url}>` appears only when the URL is known.
//! Markdown: the same, with the title linked to the URL when known.

use super::{Style, md};
use crate::model::Case;

pub fn citation(case: &Case, style: Style) -> String {
    let Some(source) = case.sources.first() else {
        return format!("{} [casebook: {}]", case.organization, case.id);
    };
    let date = source.date.unwrap_or(case.published);
    let who = if source.publisher == case.organization {
        source.publisher.clone()
    } else {
        format!("{} — {}", case.organization, source.publisher)
    };
    match style {
        Style::Plain => {
            let url = source
                .url
                .as_ref()
                .map(|u| format!(" <{u}>"))
                .unwrap_or_default();
            format!(
                "{who}「{}」({date}) [casebook: {}]{url}",
                source.title, case.id
            )
        }
        Style::Markdown => {
            let title = match &source.url {
                Some(u) => format!("[{}]({u})", md::escape(&source.title)),
                None => md::escape(&source.title),
            };
            format!(
                "{}「{title}」({date}) \\[casebook: `{}`\\]",
                md::escape(&who),
                case.id
            )
        }
    }
}
