//! What coverage and statistics count: the whole casebook, narrowed only by
//! the filters the user set explicitly (areas pinned, causes, sectors,
//! threats, years, the source, words) — never by the area selected in the
//! browser's tree, which only chooses what the list shows — and each
//! incident once ([`super::once`]). The browser's coverage and statistics
//! views call these, and name the filters in force in their titles
//! ([`named`]).

use super::coverage::{self, Row};
use super::filter::{Filter, Origin};
use super::soa::Soa;
use super::stats::{self, Stats};
use crate::casebook::Casebook;
use crate::catalog::{Catalogs, Kind};
use crate::lang::{Lang, t};

/// Which cases count, as a mask over every case: those passing `filter` and,
/// when given, `words` (a mask of the cases matching the filter's words),
/// each incident once.
pub fn counted(book: &Casebook, filter: &Filter, words: Option<&[bool]>) -> Vec<bool> {
    let passing: Vec<bool> = (0..book.len())
        .map(|i| {
            words.is_none_or(|w| w.get(i).copied().unwrap_or(false)) && filter.matches(book, i)
        })
        .collect();
    super::once::mask(book, Some(&passing))
}

/// Coverage of `schemes` over the cases [`counted`], held against `soa`.
pub fn coverage(
    book: &Casebook,
    schemes: &[&str],
    soa: Option<&Soa>,
    filter: &Filter,
    words: Option<&[bool]>,
    lang: Lang,
) -> Vec<Row> {
    let mask = counted(book, filter, words);
    coverage::rows(book, schemes, soa, Some(&mask), lang)
}

/// Statistics of the cases [`counted`].
pub fn stats(book: &Casebook, filter: &Filter, words: Option<&[bool]>, lang: Lang) -> Stats {
    let mask = counted(book, filter, words);
    let cases: Vec<usize> = (0..book.len()).filter(|&i| mask[i]).collect();
    stats::stats(book, &cases, lang)
}

/// The filters in force, each named as the views' titles name them
/// (`ISO 27001 A.7.14`, `原因: 紛失・置忘れ`, `2022–2024`, `チームの事例`,
/// `語: 廃棄`); empty when nothing narrows the count.
pub fn named(filter: &Filter, words: &str, catalogs: &Catalogs, lang: Lang) -> Vec<String> {
    let short = |scheme: &str| {
        catalogs
            .scheme(scheme)
            .map_or(scheme.to_string(), |c| c.short.get(lang).to_string())
    };
    let term = |what: &str, kind: Kind, id: &String| {
        format!("{what}: {}", catalogs.title_of(kind, id, lang))
    };
    let mut out: Vec<String> = filter
        .controls
        .iter()
        .map(|r| format!("{} {}", short(&r.scheme), r.id))
        .collect();
    out.extend(
        filter
            .causes
            .iter()
            .map(|c| term(t(lang, "原因", "cause"), Kind::Causes, c)),
    );
    out.extend(
        filter
            .sectors
            .iter()
            .map(|s| term(t(lang, "業種", "sector"), Kind::Sectors, s)),
    );
    out.extend(
        filter
            .threats
            .iter()
            .map(|s| term(t(lang, "脅威", "threat"), Kind::Threats, s)),
    );
    match (filter.since, filter.until) {
        (Some(a), Some(b)) if a == b => out.push(a.to_string()),
        (Some(a), Some(b)) => out.push(format!("{a}–{b}")),
        (Some(a), None) => out.push(format!("{a}–")),
        (None, Some(b)) => out.push(format!("–{b}")),
        (None, None) => {}
    }
    match filter.origin {
        Some(Origin::Bundled) => out.push(t(lang, "同梱の事例", "bundled cases").into()),
        Some(Origin::Team) => out.push(t(lang, "チームの事例", "team cases").into()),
        None => {}
    }
    if !words.trim().is_empty() {
        out.push(format!(
            "{}{}",
            t(lang, "語: ", "words: "),
            crate::text::line(words.trim())
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ControlRef;

    fn book() -> Casebook {
        crate::load::load(&[crate::load::Input::Bundled], &[]).casebook
    }

    #[test]
    fn with_no_filter_everything_counts() {
        let book = book();
        let all = coverage(
            &book,
            &["iso27001"],
            None,
            &Filter::default(),
            None,
            Lang::Ja,
        );
        assert_eq!(
            all,
            coverage::rows(&book, &["iso27001"], None, None, Lang::Ja)
        );
        let s = stats(&book, &Filter::default(), None, Lang::Ja);
        assert_eq!(s.cases, book.len());
    }

    #[test]
    fn explicit_filters_narrow_the_count() {
        let book = book();
        let filter = Filter {
            causes: vec!["loss".into()],
            ..Filter::default()
        };
        let losses: Vec<usize> = filter.apply(&book);
        assert!(!losses.is_empty() && losses.len() < book.len());
        let s = stats(&book, &filter, None, Lang::Ja);
        assert_eq!(s.cases, losses.len());
        let rows = coverage(&book, &["iso27001"], None, &filter, None, Lang::Ja);
        for r in &rows {
            assert!(
                r.indices.iter().all(|i| losses.contains(i)),
                "{}",
                r.control
            );
        }
        // Words narrow too: here, one case.
        let mut words = vec![false; book.len()];
        words[losses[0]] = true;
        let s = stats(&book, &filter, Some(&words), Lang::Ja);
        assert_eq!(s.cases, 1);
    }

    #[test]
    fn the_filters_in_force_are_named() {
        let book = book();
        let filter = Filter {
            controls: vec![ControlRef::new("iso27001", "A.7.14")],
            causes: vec!["loss".into()],
            since: Some(2022),
            until: Some(2024),
            origin: Some(Origin::Team),
            ..Filter::default()
        };
        assert_eq!(
            named(&filter, "廃棄", &book.catalogs, Lang::Ja),
            vec![
                "ISO 27001 A.7.14",
                "原因: 紛失・置忘れ",
                "2022–2024",
                "チームの事例",
                "語: 廃棄"
            ]
        );
        assert!(named(&Filter::default(), " ", &book.catalogs, Lang::En).is_empty());
    }
}
