//! The loader's rules, one small bad file each: the message, the line, and that
//! the good file beside it still loads.

use crate::common;

use common::{Dir, about, case_file, ids};

/// Loads a good file `good.yaml` beside `bad.yaml` and returns the diagnostics about `bad.yaml`.
fn check(bad: impl AsRef<[u8]>) -> Vec<String> {
    let dir = Dir::new();
    dir.case("good.yaml", case_file("good"));
    dir.case("bad.yaml", bad);
    let loaded = dir.load();
    assert_eq!(
        ids(&loaded),
        vec!["good"],
        "the good file loads, the bad one is skipped"
    );
    about(&loaded, "bad.yaml")
}

fn bad_case(from: &str, to: &str) -> String {
    let good = case_file("bad");
    assert!(good.contains(from), "template lacks {from:?}");
    good.replacen(from, to, 1)
}

#[test]
fn a_valid_file_loads_without_diagnostics() {
    let dir = Dir::new();
    dir.case("2024/good.yaml", case_file("good"));
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let case = &loaded.casebook.get("good").unwrap().case;
    assert_eq!(case.published.unwrap().to_string(), "2024-06-23");
    assert_eq!(case.affected.as_ref().unwrap().people, Some(460000));
    assert_eq!(case.measures[0].controls[0].to_string(), "iso27001:A.7.10");
    assert_eq!(case.summary.lines().count(), 2);
}

/// An unclosed `[` is reported where it opened, as not closed (the parser
/// notices only on a later line, where it sees something else: the end of
/// the file, a `:` out of place, an indentation).
#[test]
fn yaml_syntax_error() {
    let d = check(bad_case("tags: [USB, 委託先]", "tags: [USB, 委託先"));
    assert_eq!(
        d,
        vec![
            "bad.yaml:27:7: error: YAML syntax error: the `[` on line 27, column 7 is not closed by line 28; end the list with `]` (a value that starts with `[` must be put in quotes)"
        ]
    );
    // In the middle of the file, the next line used to be blamed for its indentation.
    let d = check(bad_case(
        "    controls: [iso27001:A.7.10, ppc:10-5-3]",
        "    controls: [iso27001:A.7.10, ppc:10-5-3",
    ));
    assert_eq!(
        d,
        vec![
            "bad.yaml:18:15: error: YAML syntax error: the `[` on line 18, column 15 is not closed by line 19; end the list with `]` (a value that starts with `[` must be put in quotes)"
        ]
    );
    let d = check(bad_case(
        "  people: 460000",
        "  people: {a: 1, b: 2\n  other: 3",
    ));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].starts_with("bad.yaml:11:11: error: YAML syntax error: the `{` on line 11, column 11 is not closed by line 12; end the mapping with `}`"),
        "{d:?}"
    );
    // Brackets inside text, quotes and comments are not counted.
    let d = check(bad_case(
        "title: 委託先がUSBメモリーを紛失",
        "title: 件名[重要] \"[x\" # [y\n  bad: 1",
    ));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(!d[0].contains("is not closed"), "{d:?}");
}

#[test]
fn unknown_field_suggests_the_nearest() {
    let d = check(bad_case("organization:", "organisation:"));
    assert_eq!(
        d,
        vec![
            "bad.yaml:3:1: error: unknown field `organisation`; did you mean `organization`?",
            "bad.yaml:1:1: error: missing required field `organization` (the organization that reported the incident)",
        ]
    );
}

#[test]
fn unknown_nested_field() {
    let d = check(bad_case(
        "    controls: [iso27001:A.8.10]",
        "    control: [iso27001:A.8.10]",
    ));
    assert_eq!(
        d[0],
        "bad.yaml:20:5: error: unknown field `measures[2].control`; did you mean `controls`?"
    );
    assert!(
        d[1].starts_with("bad.yaml:19:5: error: missing required field `measures[2].controls`"),
        "{d:?}"
    );
}

#[test]
fn missing_required_field() {
    let d = check(bad_case(
        "summary: |\n  委託先の社員が市民の個人情報を記録したUSBメモリーを持ち出し、飲食後に紛失した。\n  市は許可なく持ち出されたことを確認した。\n",
        "",
    ));
    assert_eq!(
        d,
        vec![
            "bad.yaml:1:1: error: missing required field `summary` (a few sentences on what happened)"
        ]
    );
}

#[test]
fn wrong_types() {
    let d = check(bad_case("  people: 460000", "  people: 多数"));
    assert_eq!(
        d,
        vec!["bad.yaml:11:11: error: `affected.people`: expected a whole number, found \"多数\""]
    );
    let d = check(bad_case("  people: 460000", "  people: \"460000\""));
    assert!(d[0].contains("write the number without quotes"), "{d:?}");
    let d = check(bad_case("  people: 460000", "  people: 460,000"));
    assert!(d[0].contains("without separators"), "{d:?}");
    let d = check(bad_case(
        "title: 委託先がUSBメモリーを紛失",
        "title:\n  ja: 委託先がUSBメモリーを紛失",
    ));
    assert_eq!(
        d,
        vec!["bad.yaml:3:3: error: `title`: expected text, found a mapping"]
    );
    let d = check(bad_case("tags: [USB, 委託先]", "tags: USB"));
    assert!(
        d[0].starts_with("bad.yaml:27:7: error: `tags`: expected a list of search words"),
        "{d:?}"
    );
}

#[test]
fn empty_strings() {
    let d = check(bad_case("organization: テスト市", "organization: \"\""));
    assert_eq!(
        d,
        vec!["bad.yaml:3:15: error: `organization` is empty; write some text"]
    );
    let d = check(bad_case("organization: テスト市", "organization:"));
    assert_eq!(
        d,
        vec![
            "bad.yaml:3:1: error: `organization` is empty; expected the organization that reported the incident"
        ]
    );
    let d = check(bad_case(
        "    text: 委託先が許可なくデータを持ち出した",
        "    text: '  '",
    ));
    assert_eq!(
        d,
        vec!["bad.yaml:15:11: error: `root_causes[1].text` is empty; write some text"]
    );
}

#[test]
fn dates_must_be_real() {
    let d = check(bad_case("published: 2024-06-23", "published: 2023-02-29"));
    assert_eq!(
        d,
        vec![
            "bad.yaml:5:12: error: `published`: `2023-02-29` is not a real calendar date: 2023-02 has 28 days"
        ]
    );
    let d = check(bad_case("occurred: 2024-06", "occurred: 2024-13"));
    assert_eq!(
        d,
        vec![
            "bad.yaml:6:11: error: `occurred`: `2024-13` is not a real calendar date: there is no month 13"
        ]
    );
    let d = check(bad_case("published: 2024-06-23", "published: 2024/06/23"));
    assert!(
        d[0].contains("is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD"),
        "{d:?}"
    );
    let d = check(bad_case("    date: 2024-06-23", "    date: 2024-06-31"));
    assert_eq!(
        d,
        vec![
            "bad.yaml:25:11: error: `sources[1].date`: `2024-06-31` is not a real calendar date: 2024-06 has 30 days"
        ]
    );
}

#[test]
fn unknown_catalog_ids_suggest_the_nearest() {
    let d = check(bad_case("sector: local-government", "sector: local-govt"));
    assert_eq!(
        d,
        vec![
            "bad.yaml:4:9: error: `sector`: unknown sector `local-govt`; did you mean `local-government`?"
        ]
    );
    let d = check(bad_case(
        "category: unauthorized-takeout",
        "category: unauthorised-takeout",
    ));
    assert_eq!(
        d,
        vec![
            "bad.yaml:14:15: error: `root_causes[1].category`: unknown cause category `unauthorised-takeout`; did you mean `unauthorized-takeout`?"
        ]
    );
    let d = check(bad_case(
        "[iso27001:A.7.10, ppc:10-5-3]",
        "[iso27001:A.7.15, ppc:10-5-3]",
    ));
    assert_eq!(
        d,
        vec![
            "bad.yaml:18:16: error: `measures[1].controls[1]`: unknown control `iso27001:A.7.15` in scheme `iso27001`; did you mean `iso27001:A.7.1`, `iso27001:A.7.10` or `iso27001:A.7.11`?"
        ]
    );
    let d = check(bad_case(
        "[iso27001:A.7.10, ppc:10-5-3]",
        "[iso27002:A.7.10, ppc:10-5-3]",
    ));
    assert_eq!(
        d,
        vec![
            "bad.yaml:18:16: error: `measures[1].controls[1]`: unknown scheme `iso27002` in `iso27002:A.7.10`; did you mean `iso27001`? (known schemes: iso27001, ppc)"
        ]
    );
    let d = check(bad_case(
        "[iso27001:A.7.10, ppc:10-5-3]",
        "[A.7.10, ppc:10-5-3]",
    ));
    assert!(d[0].contains("did you mean `iso27001:A.7.10`?"), "{d:?}");
}

#[test]
fn duplicate_ids_name_both_files() {
    let dir = Dir::new();
    dir.case("2024/a.yaml", case_file("same-id"));
    dir.case("2024/b.yaml", case_file("same-id"));
    let loaded = dir.load();
    assert_eq!(ids(&loaded), vec!["same-id"]);
    let d = about(&loaded, "b.yaml");
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(
        d.iter().any(
            |m| m.starts_with("b.yaml:1:5: error: duplicate case id `same-id`: ")
                && m.contains("cases/2024/a.yaml:1 already defines it")
        ),
        "{d:?}"
    );
}

#[test]
fn duplicate_ids_across_directories() {
    let (one, two) = (Dir::new(), Dir::new());
    one.case("x.yaml", case_file("x"));
    two.case("x.yaml", case_file("x"));
    let loaded = casebook::load::load(
        &[
            casebook::load::Input::Dir(one.path().into()),
            casebook::load::Input::Dir(two.path().into()),
        ],
        &[],
    );
    assert_eq!(ids(&loaded), vec!["x"]);
    let err = &loaded.diagnostics[0];
    assert!(err.path.starts_with(&two.path().display().to_string()));
    assert!(
        err.message
            .en
            .contains(&one.path().join("cases/x.yaml").display().to_string()),
        "{}",
        err.message.en
    );
}

#[test]
fn empty_file_and_comments_only() {
    assert_eq!(
        check(""),
        vec![
            "bad.yaml:1:1: error: the file is empty (or only comments); a case file needs id, title, organization, sector, published (or discovered, for an incident never made public), summary, root_causes, measures and sources"
        ]
    );
    assert!(check("# 下書き\n# まだ空です\n")[0].contains("the file is empty (or only comments)"));
}

#[test]
fn top_level_must_be_a_mapping() {
    let d = check("- id: a\n- id: b\n");
    assert_eq!(
        d,
        vec![
            "bad.yaml:1:1: error: expected a case (a mapping of `field: value` lines), found a list"
        ]
    );
    let d = check("just a sentence\n");
    assert!(d[0].ends_with("found a single value"), "{d:?}");
}

#[test]
fn shift_jis_is_named_with_advice() {
    let text = case_file("bad");
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let d = check(&*sjis);
    assert_eq!(d.len(), 1);
    assert!(d[0].starts_with("bad.yaml:2:1: error: the file is not UTF-8 text (it looks like Shift_JIS); re-save it as \"UTF-8\""), "{d:?}");
}

#[test]
fn files_over_one_mib_are_refused() {
    let mut big = case_file("bad");
    big.push_str(&format!("# {}\n", "x".repeat(1024 * 1024)));
    let d = check(big);
    assert_eq!(
        d,
        vec![
            "bad.yaml: error: the file is 1.0 MiB; case and catalog files are limited to 1 MiB (is it really a case file?)"
        ]
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let dir = Dir::new();
    let text = format!("\u{feff}{}", case_file("windows").replace('\n', "\r\n"));
    dir.case("windows.yaml", text);
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let case = &loaded.casebook.get("windows").unwrap().case;
    assert!(!case.summary.contains('\r'));
    assert_eq!(case.summary.lines().count(), 2);
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let bad = bad_case("sector: local-government", "sector: nowhere")
        .replacen("published: 2024-06-23", "published: 2024-02-30", 1)
        .replacen("    origin: editorial", "    origin: editor", 1);
    let d = check(bad);
    assert_eq!(d.len(), 3, "{d:?}");
    assert!(d[0].starts_with("bad.yaml:4:9: error: `sector`: unknown sector `nowhere`"));
    assert!(d[1].starts_with("bad.yaml:5:12: error: `published`"));
    assert_eq!(
        d[2],
        "bad.yaml:21:13: error: `measures[2].origin`: `editor` is not an origin; did you mean `editorial`? (expected reported, required, suggested or editorial)"
    );
}

#[test]
fn field_repeated_in_a_mapping() {
    let d = check(bad_case(
        "sector: local-government\n",
        "sector: local-government\nsector: government\n",
    ));
    assert_eq!(
        d,
        vec!["bad.yaml:5:1: error: field `sector` appears twice (first on line 4); keep one"]
    );
}

#[test]
fn id_must_be_a_slug_and_match_the_file_name() {
    let d = check(bad_case("id: bad", "id: Bad Case"));
    assert_eq!(
        d,
        vec![
            "bad.yaml:1:5: error: `id`: `Bad Case` may use only lowercase a-z, digits 0-9 and `-`"
        ]
    );
    let dir = Dir::new();
    dir.case("other-name.yaml", case_file("real-id"));
    let loaded = dir.load();
    assert_eq!(
        ids(&loaded),
        vec!["real-id"],
        "a warning does not skip the file"
    );
    assert_eq!(
        about(&loaded, "other-name.yaml"),
        vec![
            "other-name.yaml:1:5: warning: the id `real-id` differs from the file name `other-name`; name the file real-id.yaml so it is easy to find"
        ]
    );
}

#[test]
fn a_directory_holding_case_files_directly_is_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("2024")).unwrap();
    std::fs::write(tmp.path().join("2024/direct.yaml"), case_file("direct")).unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "not yaml").unwrap();
    let loaded = casebook::load::load(&[casebook::load::Input::Dir(tmp.path().into())], &[]);
    assert_eq!(ids(&loaded), vec!["direct"]);
    assert!(loaded.diagnostics.is_empty());
}

#[test]
fn a_team_catalog_adds_a_scheme() {
    let dir = Dir::new();
    dir.file(
        "catalogs/internal.yaml",
        "scheme: internal\nkind: controls\ntitle: {ja: 社内規程, en: Internal rules}\nitems:\n  - id: R-1\n    ja: 持ち出し規程\n    items:\n      - {id: R-1-2, ja: 電子媒体の持ち出し許可}\n",
    );
    dir.case(
        "team.yaml",
        bad_case(
            "[iso27001:A.7.10, ppc:10-5-3]",
            "[iso27001:A.7.10, internal:R-1-2]",
        )
        .replace("id: bad", "id: team"),
    );
    dir.case(
        "typo.yaml",
        bad_case("[iso27001:A.7.10, ppc:10-5-3]", "[internal:R-1-3]")
            .replace("id: bad", "id: typo"),
    );
    let loaded = dir.load();
    assert_eq!(ids(&loaded), vec!["team"]);
    assert!(about(&loaded, "typo.yaml")[0].contains(
        "unknown control `internal:R-1-3` in scheme `internal`; did you mean `internal:R-1-2`"
    ));
    assert_eq!(
        loaded.casebook.under("internal", "R-1").len(),
        1,
        "a parent node counts its children's cases"
    );
    let catalog = loaded.casebook.catalogs.scheme("internal").unwrap();
    assert_eq!(
        catalog.label("R-1-2", casebook::lang::Lang::En).unwrap(),
        "R-1-2 電子媒体の持ち出し許可"
    );
}

#[test]
fn a_catalog_item_may_list_the_words_that_point_to_it() {
    let dir = Dir::new();
    dir.file(
        "catalogs/internal.yaml",
        "scheme: internal\nkind: controls\ntitle: {ja: 社内規程}\nitems:\n  - {id: R-2, ja: メール送信規程, words: [Bcc, 一斉送信]}\n  - {id: R-3, ja: 廃棄規程, words: 破砕}\n",
    );
    let loaded = dir.load();
    let catalog = loaded.casebook.catalogs.scheme("internal").unwrap();
    assert_eq!(catalog.get("R-2").unwrap().words, ["Bcc", "一斉送信"]);
    assert_eq!(
        about(&loaded, "internal.yaml"),
        vec![
            "internal.yaml:6:32: error: `items[2].words`: expected a list of words (lines starting with `- `, or [a, b]), found a single value"
        ]
    );
}

#[test]
fn a_bad_team_catalog_is_reported_with_its_line() {
    let dir = Dir::new();
    dir.file(
        "catalogs/internal.yaml",
        "scheme: internal\nkind: control\ntitle: {ja: 社内規程}\nitems: []\n",
    );
    dir.file(
        "catalogs/clash.yaml",
        "scheme: iso27001\nkind: controls\ntitle: {en: Mine}\nitems: [{id: X, en: x}]\n",
    );
    let loaded = dir.load();
    assert_eq!(
        about(&loaded, "internal.yaml"),
        vec![
            "internal.yaml:2:7: error: `kind`: unknown kind `control`; expected controls, causes, sectors or threats"
        ]
    );
    assert!(about(&loaded, "clash.yaml")[0].starts_with("clash.yaml:1:1: error: scheme `iso27001` is already defined by bundled:catalogs/iso27001.yaml"));
}

#[test]
fn a_measure_may_say_who_required_or_announced_it() {
    let dir = Dir::new();
    dir.case(
        "ok.yaml",
        case_file("ok").replace(
            "    origin: editorial\n",
            "    origin: required\n    by: 総務省\n",
        ),
    );
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let m = &loaded.casebook.get("ok").unwrap().case.measures[1];
    assert_eq!(m.origin, casebook::model::Origin::Required);
    assert_eq!(m.by.as_deref(), Some("総務省"));
    let typo = bad_case("    origin: editorial\n", "    origin: requierd\n");
    assert_eq!(
        check(typo),
        vec!["bad.yaml:21:13: error: `measures[2].origin`: `requierd` is not an origin; did you mean `required`? (expected reported, required, suggested or editorial)".to_string()]
    );
    let empty_by = bad_case("    origin: editorial\n", "    by: \"\"\n");
    assert_eq!(
        check(empty_by),
        vec!["bad.yaml:21:9: error: `measures[2].by` is empty; write some text".to_string()]
    );
    let editorial_by = bad_case(
        "    origin: editorial\n",
        "    origin: editorial\n    by: 総務省\n",
    );
    let d = check(editorial_by);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].starts_with("bad.yaml:22:9: error: `measures[2].by`: an editorial lesson"),
        "{d:?}"
    );
    let misspelt = bad_case("    origin: editorial\n", "    bye: 総務省\n");
    assert_eq!(
        check(misspelt),
        vec![
            "bad.yaml:21:5: error: unknown field `measures[2].bye`; did you mean `by`?".to_string()
        ]
    );
}

#[test]
fn a_measure_may_be_an_outside_experts_suggestion_naming_the_expert() {
    let dir = Dir::new();
    dir.case(
        "ok.yaml",
        case_file("ok").replace(
            "    origin: editorial\n",
            "    origin: suggested\n    by: 山田太郎氏（情報セキュリティ研究者）\n",
        ),
    );
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let m = &loaded.casebook.get("ok").unwrap().case.measures[1];
    assert_eq!(m.origin, casebook::model::Origin::Suggested);
    assert_eq!(
        m.by.as_deref(),
        Some("山田太郎氏（情報セキュリティ研究者）")
    );
    // A suggestion is someone's: without `by` it is an error, not an anonymous label.
    let nobody = bad_case("    origin: editorial\n", "    origin: suggested\n");
    let d = check(nobody);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].starts_with(
            "bad.yaml:21:13: error: `measures[2].by` is missing: a suggestion names who made it"
        ),
        "{d:?}"
    );
    let typo = bad_case(
        "    origin: editorial\n",
        "    origin: sugested\n    by: 山田太郎氏\n",
    );
    assert_eq!(
        check(typo),
        vec!["bad.yaml:21:13: error: `measures[2].origin`: `sugested` is not an origin; did you mean `suggested`? (expected reported, required, suggested or editorial)".to_string()]
    );
}

#[test]
fn threats_are_ids_of_a_threat_list() {
    let dir = Dir::new();
    dir.case(
        "good.yaml",
        case_file("good").replace("tags:", "threats: [ransomware, supply-chain]\ntags:"),
    );
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let case = &loaded.casebook.get("good").unwrap().case;
    assert_eq!(case.threats, vec!["ransomware", "supply-chain"]);

    let d = check(bad_case(
        "tags:",
        "threats: [ransomware, ransom-ware]\ntags:",
    ));
    assert_eq!(
        d,
        vec![
            "bad.yaml:27:23: error: `threats[2]`: unknown threat `ransom-ware`; did you mean `ransomware`?"
        ]
    );
    let d = check(bad_case("tags:", "threats: [nothing-like-it]\ntags:"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].contains("unknown threat `nothing-like-it` (known: ransomware, supply-chain, ai-risk"),
        "{d:?}"
    );
}

#[test]
fn a_repeated_threat_is_a_warning_and_kept_once() {
    let dir = Dir::new();
    dir.case(
        "good.yaml",
        case_file("good").replace("tags:", "threats: [bec, bec]\ntags:"),
    );
    let loaded = dir.load();
    assert_eq!(
        about(&loaded, "good.yaml"),
        vec!["good.yaml:27:16: warning: `threats[2]`: threat `bec` is listed twice"]
    );
    assert_eq!(
        loaded.casebook.get("good").unwrap().case.threats,
        vec!["bec"]
    );
}

#[test]
fn accessed_is_the_day_a_source_was_read() {
    let dir = Dir::new();
    dir.case(
        "good.yaml",
        case_file("good").replace(
            "    url: https://example.jp/notice\n",
            "    url: https://example.jp/notice\n    accessed: 2026-12-07\n",
        ),
    );
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let source = &loaded.casebook.get("good").unwrap().case.sources[0];
    assert_eq!(
        source.accessed.map(|d| d.to_string()).as_deref(),
        Some("2026-12-07")
    );

    let d = check(bad_case(
        "    url: https://example.jp/notice\n",
        "    url: https://example.jp/notice\n    accessed: 2026-12\n",
    ));
    assert_eq!(
        d,
        vec![
            "bad.yaml:27:15: error: `sources[1].accessed`: `2026-12` is not a date in the form YYYY-MM-DD"
        ]
    );
}

#[test]
fn a_team_may_add_next_years_threat_list_beside_the_bundled_one() {
    let dir = Dir::new();
    dir.file(
        "catalogs/threats-2027.yaml",
        "scheme: ipa2027\nkind: threats\ntitle: {ja: 10大脅威 2027, en: Threats 2027}\nshort: {ja: 10大脅威2027, en: Threats 2027}\nitems:\n  - {id: deepfake, ja: ディープフェイク詐欺}\n  - {id: ransomware, ja: ランサム攻撃}\n",
    );
    dir.case(
        "new.yaml",
        case_file("new").replace("tags:", "threats: [deepfake, ransomware, bec]\ntags:"),
    );
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let book = &loaded.casebook;
    assert_eq!(book.under("ipa2027", "deepfake").len(), 1);
    assert_eq!(book.under("ipa2027", "ransomware").len(), 1);
    assert_eq!(
        book.under("ipa2026", "ransomware").len(),
        1,
        "an id both lists have counts under both"
    );
    assert_eq!(
        book.under("ipa2026", "bec").len(),
        1,
        "an older list's id stays valid"
    );
    // The detail ranks a threat in the newest list that has it.
    let doc = casebook::document::case::threats(
        &book.get("new").unwrap().case,
        &book.catalogs,
        casebook::lang::Lang::Ja,
    )
    .unwrap();
    assert_eq!(
        casebook::document::plain::inline_text(&doc),
        "脅威: 10大脅威2027 1位 ディープフェイク詐欺 · 10大脅威2027 2位 ランサム攻撃 · 10大脅威2026 10位 ビジネスメール詐欺"
    );
}

/// Which files of a casebook directory are cases (one rule, also used by
/// `validate` and live reload: `casebook::load::layout`): a flat casebook's
/// `soa.yaml` (or `soa.yml`) in its root is its statement of applicability,
/// not a case; a YAML file in a subdirectory named so is still a case.
#[test]
fn a_flat_casebook_does_not_read_its_statement_as_a_case() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("ours.yaml"), case_file("ours")).unwrap();
    std::fs::write(
        root.join("soa.yaml"),
        "soa:\n  - control: iso27001:A.7.14\n    applicable: true\n",
    )
    .unwrap();
    std::fs::write(root.join("SOA.YML"), "soa: []\n").unwrap();
    std::fs::create_dir(root.join("2024")).unwrap();
    std::fs::write(root.join("2024/soa.yaml"), case_file("soa")).unwrap();
    let loaded = casebook::load::load(&[casebook::load::Input::Dir(root.to_path_buf())], &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let mut ids = ids(&loaded);
    ids.sort();
    assert_eq!(ids, vec!["ours", "soa"]);
}

/// `copied_from`: the id of the case a file was copied from (a case id:
/// a-z, 0-9 and -); kept in the JSON output.
#[test]
fn copied_from_names_a_case_id() {
    let dir = Dir::new();
    dir.case(
        "ours-2024.yaml",
        case_file("ours-2024").replacen("title:", "copied_from: amagasaki-usb-2022\ntitle:", 1),
    );
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let case = &loaded.casebook.get("ours-2024").unwrap().case;
    assert_eq!(case.copied_from.as_deref(), Some("amagasaki-usb-2022"));

    let bad = check(bad_case("title:", "copied_from: Amagasaki USB\ntitle:"));
    assert_eq!(
        bad,
        vec![
            "bad.yaml:2:14: error: `copied_from`: `Amagasaki USB` may use only lowercase a-z, digits 0-9 and `-`"
        ]
    );
}

/// A statement of applicability where cases are read (in `cases/`, or deeper
/// in a flat casebook) is one error that says what it is and where it
/// belongs, not one error per missing case field.
#[test]
fn a_statement_among_the_cases_is_one_error_that_says_so() {
    let d = check("soa:\n  - control: A.7.14\n    applicable: true\n");
    assert_eq!(
        d,
        vec![
            "bad.yaml:1:1: error: this file begins with `soa:`: a statement of applicability, not a case, so it is not read as one; keep it as soa.yaml in the casebook's root (beside cases/), or name it with --soa"
        ]
    );
}
