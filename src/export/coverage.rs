//! The coverage table as files, in the interface's language: CSV (as every
//! CSV casebook writes) and Excel, for `casebook coverage --format csv|xlsx`
//! and for the browser's coverage view to save.

use crate::answers::coverage::{self, Row};
use crate::answers::soa::Soa;
use crate::casebook::Casebook;
use crate::diag::Message;
use crate::lang::{Lang, t};

/// The coverage table as CSV bytes (UTF-8 with a BOM, CRLF, formulas kept as text).
pub fn csv(rows: &[Row], lang: Lang) -> Result<Vec<u8>, Message> {
    let (header, body) = coverage::table(rows, lang);
    crate::document::csv::table_bytes(&header, body)
}

/// The coverage table as an Excel file: its title names the schemes and the
/// statement, then the table of [`coverage::table`].
pub fn xlsx(
    book: &Casebook,
    rows: &[Row],
    schemes: &[&str],
    soa: Option<&Soa>,
    lang: Lang,
) -> Result<Vec<u8>, Message> {
    use crate::document::{Document, Table, Text};
    let names: Vec<String> = schemes
        .iter()
        .filter_map(|s| book.catalogs.scheme(s))
        .map(|c| c.short.get(lang).to_string())
        .collect();
    let statement = soa.map(|s| match lang {
        Lang::Ja => format!("（適用宣言書: {}）", crate::text::line(&s.path)),
        Lang::En => format!(
            " (statement of applicability: {})",
            crate::text::line(&s.path)
        ),
    });
    let title = format!(
        "{}{}{}",
        t(lang, "網羅状況: ", "Coverage: "),
        names.join(t(lang, "、", ", ")),
        statement.unwrap_or_default()
    );
    let (header, body) = coverage::table(rows, lang);
    let doc = Document {
        title,
        lang,
        blocks: Vec::new(),
        register: Some(Table {
            header,
            rows: body
                .into_iter()
                .map(|r| r.into_iter().map(Text::plain).collect())
                .collect(),
        }),
    };
    crate::document::xlsx::render_sheet(&doc, t(lang, "網羅状況", "Coverage")).unwrap_or_else(
        || {
            Err(Message::new(
                "書き出すものがありません",
                "nothing to export",
            ))
        },
    )
}
