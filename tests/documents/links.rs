//! Source URLs: the loader accepts web addresses only, and no URL, however it
//! is written, can close its Markdown link and open another (a `javascript:`
//! link in a training pack would run in whatever renders it).

use crate::common;

use casebook::export::{Style, cite, pack, precedents, summary};
use casebook::lang::Lang;
use common::{Dir, casebook_in, stdout};
use pulldown_cmark::{Event, Parser, Tag};

const HOSTILE: &str = "https://x.test/a)[click](javascript:alert(1)";

/// A casebook whose one case has `url` as its source's address.
fn with_url(url: &str) -> Dir {
    let dir = Dir::new();
    let yaml = common::case_file("linked").replace(
        "    url: https://example.jp/notice\n",
        &format!("    url: '{}'\n", url.replace('\'', "''")),
    );
    dir.case("linked.yaml", yaml);
    dir
}

/// Every link destination a CommonMark renderer (GitHub's flavour) finds.
fn links(markdown: &str) -> Vec<String> {
    let options = pulldown_cmark::Options::ENABLE_TABLES;
    Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_url_that_tries_to_open_a_second_link_stays_one_link_everywhere() {
    let dir = with_url(HOSTILE);
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let book = &loaded.casebook;
    let case = &book.get("linked").unwrap().case;
    let outputs = [
        ("cite", cite::citation(case, Style::Markdown, Lang::Ja)),
        ("show", summary::markdown(case, &book.catalogs, Lang::Ja)),
        (
            "brief",
            summary::brief(case, &book.catalogs, Lang::Ja, Style::Markdown),
        ),
        ("pack", pack::pack(book, &[0], Lang::Ja)),
        (
            "precedents",
            precedents::precedents(book, "iso27001", "A.7.10", Lang::Ja, Style::Markdown).unwrap(),
        ),
    ];
    for (name, md) in outputs {
        let found = links(&md);
        assert_eq!(
            found,
            vec!["https://x.test/a%29%5Bclick%5D%28javascript:alert%281%29"],
            "{name}: exactly one link, to the encoded address:\n{md}"
        );
        assert!(!md.contains("](javascript"), "{name}:\n{md}");
    }
    // And through the real binary.
    let dir_arg = dir.path().to_str().unwrap();
    for args in [
        vec!["cite", "linked", "--format", "markdown"],
        vec!["show", "linked", "--format", "markdown"],
        vec!["export", "--case", "linked"],
        vec!["export", "--control", "iso27001:A.7.10"],
    ] {
        let mut all = vec!["--no-bundled", "--casebook", dir_arg];
        all.extend(args.iter());
        let out = casebook_in(dir.path(), &all);
        assert!(out.status.success(), "{args:?}");
        assert_eq!(links(&stdout(&out)).len(), 1, "{args:?}: {}", stdout(&out));
    }
}

#[test]
fn only_web_addresses_load() {
    for (url, why) in [
        ("javascript:alert(1)", "only http:// and https:// addresses"),
        ("ftp://example.jp/a", "only http:// and https:// addresses"),
        ("https://example.jp/a b", "it contains a space"),
        (
            "https://example.jp/a\u{7}b",
            "control or invisible character",
        ),
        (
            "https://example.jp/\u{202E}gpj",
            "control or invisible character",
        ),
        ("https://example.jp/<script>", "it contains <, > or \""),
        ("https://example.jp/a\"b", "it contains <, > or \""),
        ("https://", "the address has no host"),
    ] {
        let dir = with_url(url);
        let loaded = dir.load();
        let messages = common::about(&loaded, "linked.yaml");
        assert!(
            messages.iter().any(|m| m.starts_with("linked.yaml:26:")
                && m.contains("error: `sources[1].url`")
                && m.contains(why)),
            "{url:?}: {messages:?}"
        );
        assert!(loaded.casebook.is_empty(), "{url:?} is refused");
    }
}
