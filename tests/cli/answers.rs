//! Answers over the whole casebook: control ids in every spelling, the
//! Statement of Applicability, coverage and its flags, statistics beside the
//! JNSA survey, similar cases, and combined filters; on the sample casebook
//! of the tests and on a smaller one made here.

use crate::common;

use casebook::answers::coverage::{self, Flag};
use casebook::answers::filter::{Filter, Origin};
use casebook::answers::soa;
use casebook::answers::{similar, stats};
use casebook::casebook::Casebook;
use casebook::catalog::Catalogs;
use casebook::control_id::{Resolver, Unresolved};
use casebook::lang::Lang;
use casebook::load::load;
use casebook::model::ControlRef;
use common::{Dir, casebook, on_sample, sample, show, stderr, stdout};

/// The bundled catalogs (no cases).
fn catalogs() -> Catalogs {
    load(&[], &[]).casebook.catalogs
}

/// A case with the given sector, publication year, cause categories, measures
/// (text and controls) and tags.
fn case(
    id: &str,
    sector: &str,
    year: u16,
    causes: &[&str],
    measures: &[(&str, &[&str])],
    tags: &[&str],
) -> String {
    let causes: String = causes
        .iter()
        .map(|c| format!("  - category: {c}\n    text: 原因の説明\n"))
        .collect();
    let measures: String = measures
        .iter()
        .map(|(text, controls)| {
            format!(
                "  - text: {text}\n    controls: [{}]\n",
                controls.join(", ")
            )
        })
        .collect();
    format!(
        "id: {id}\ntitle: 事例{id}\norganization: 組織{id}\nsector: {sector}\npublished: {year}-04-01\n\
         summary: 何かが起きた。\nroot_causes:\n{causes}measures:\n{measures}\
         sources:\n  - publisher: 組織{id}\n    title: お知らせ\ntags: [{}]\n",
        tags.join(", ")
    )
}

/// A small casebook whose every count is easy to check by eye:
///
/// | id | sector | year | causes | controls | tags |
/// |---|---|---|---|---|---|
/// | disk-a | healthcare | 2022 | mismanagement, loss | A.7.14, ppc:10-5-4 | 廃棄 |
/// | disk-b | retail | 2023 | mismanagement | A.7.14, A.8.10 | 廃棄, 委託先 |
/// | usb-c | local-government | 2023 | loss, loss | A.7.10, ppc:10-5-3 | USB |
/// | mail-d | local-government | 2024 | misoperation | A.5.14 | メール |
fn small() -> Dir {
    let dir = Dir::new();
    dir.case(
        "disk-a.yaml",
        case(
            "disk-a",
            "healthcare",
            2022,
            &["mismanagement", "loss"],
            &[(
                "廃棄する端末は記憶装置を破砕し、その作業に立ち会う",
                &["iso27001:A.7.14", "ppc:10-5-4"],
            )],
            &["廃棄"],
        ),
    );
    dir.case(
        "disk-b.yaml",
        case(
            "disk-b",
            "retail",
            2023,
            &["mismanagement"],
            &[(
                "廃棄する記憶装置はデータを消去してから破砕させ、証明書を出させる",
                &["iso27001:A.7.14", "iso27001:A.8.10"],
            )],
            &["廃棄", "委託先"],
        ),
    );
    dir.case(
        "usb-c.yaml",
        case(
            "usb-c",
            "local-government",
            2023,
            &["loss", "loss"],
            &[(
                "USBメモリーの持ち出しは許可制にする",
                &["iso27001:A.7.10", "ppc:10-5-3"],
            )],
            &["USB"],
        ),
    );
    dir.case(
        "mail-d.yaml",
        case(
            "mail-d",
            "local-government",
            2024,
            &["misoperation"],
            &[("メールの宛先は送信前に二人で確かめる", &["iso27001:A.5.14"])],
            &["メール"],
        ),
    );
    dir
}

fn load_small(dir: &Dir) -> Casebook {
    let loaded = dir.load();
    assert!(
        loaded.diagnostics.is_empty(),
        "the small casebook is valid: {:?}",
        loaded.diagnostics
    );
    loaded.casebook
}

fn ids(book: &Casebook, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .map(|&i| book.entries()[i].case.id.clone())
        .collect()
}

// ----- control ids in every spelling ----------------------------------------------------

#[test]
fn every_spelling_of_a_control_resolves_to_its_canonical_id() {
    let r = Resolver::new(&catalogs());
    let a714 = ControlRef::new("iso27001", "A.7.14");
    let p1054 = ControlRef::new("ppc", "10-5-4");
    for typed in [
        "a.7.14",
        "A.7.14",
        "7.14",
        "A7.14",
        "iso27001:A.7.14",
        "ISO27001:a.7.14",
        " Ａ．７．１４ ",
    ] {
        assert_eq!(r.resolve(typed), Ok(a714.clone()), "{typed}");
    }
    for typed in [
        "10-5-4",
        "ppc:10-5-4",
        "ppc:10-5(4)",
        "10-5(4)",
        "PPC:10-5(4)",
        "１０－５（４）",
    ] {
        assert_eq!(r.resolve(typed), Ok(p1054.clone()), "{typed}");
    }
    assert_eq!(r.resolve("a.7"), Ok(ControlRef::new("iso27001", "A.7")));
    assert_eq!(r.resolve("10-4"), Ok(ControlRef::new("ppc", "10-4")));
}

#[test]
fn a_mistyped_control_gets_did_you_mean() {
    let catalogs = catalogs();
    let message = |typed: &str| {
        casebook::control_id::resolve(&catalogs, typed)
            .unwrap_err()
            .en
    };
    assert_eq!(
        message("A.7.15"),
        "unknown control `A.7.15`; did you mean `iso27001:A.7.1`, `iso27001:A.7.10` or `iso27001:A.7.11`?"
    );
    assert_eq!(
        message("10-5-9"),
        "unknown control `10-5-9`; did you mean `ppc:10-5-1`, `ppc:10-5-2` or `ppc:10-5-3`?"
    );
    assert_eq!(
        message("iso2701:A.7.14"),
        "unknown scheme `iso2701` in `iso2701:A.7.14`; did you mean `iso27001:A.7.14`? (known schemes: iso27001, ppc)"
    );
    assert_eq!(
        casebook::control_id::resolve(&catalogs, "A.7.15")
            .unwrap_err()
            .ja,
        "管理策 `A.7.15` はありません。`iso27001:A.7.1`、`iso27001:A.7.10`、`iso27001:A.7.11` のことですか？"
    );
}

#[test]
fn an_id_in_two_schemes_asks_which() {
    let dir = Dir::new();
    dir.file(
        "catalogs/rules.yaml",
        "scheme: rules\nkind: controls\ntitle: {ja: 社内規程}\nitems:\n  - {id: \"7.14\", ja: 廃棄}\n",
    );
    let loaded = dir.load();
    let r = Resolver::new(&loaded.casebook.catalogs);
    assert_eq!(
        r.resolve("7.14"),
        Ok(ControlRef::new("rules", "7.14")),
        "an exact id wins over a short form"
    );
    assert_eq!(
        r.resolve("A.7.14"),
        Ok(ControlRef::new("iso27001", "A.7.14"))
    );
    let dir = Dir::new();
    dir.file(
        "catalogs/rules.yaml",
        "scheme: rules\nkind: controls\ntitle: {ja: 社内規程}\nitems:\n  - {id: \"B.7.14\", ja: 廃棄}\n",
    );
    let r = Resolver::new(&dir.load().casebook.catalogs);
    let Err(Unresolved::Ambiguous(refs)) = r.resolve("7.14") else {
        panic!("7.14 is A.7.14 and B.7.14")
    };
    assert_eq!(
        refs,
        vec![
            ControlRef::new("iso27001", "A.7.14"),
            ControlRef::new("rules", "B.7.14")
        ]
    );
}

#[test]
fn completion_lists_what_a_partial_id_can_become() {
    let r = Resolver::new(&catalogs());
    let shown = |typed: &str| -> Vec<String> {
        r.complete(typed, 20)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        shown("a.7.1"),
        vec![
            "iso27001:A.7.1",
            "iso27001:A.7.10",
            "iso27001:A.7.11",
            "iso27001:A.7.12",
            "iso27001:A.7.13",
            "iso27001:A.7.14"
        ]
    );
    assert_eq!(
        shown("10-5("),
        vec!["ppc:10-5-1", "ppc:10-5-2", "ppc:10-5-3", "ppc:10-5-4"]
    );
}

#[test]
fn the_cli_takes_every_spelling_where_it_takes_a_control() {
    let canonical = stdout(&on_sample(&["list", "--control", "iso27001:A.7.14"]));
    assert_eq!(canonical.lines().count(), 2, "{canonical}");
    for typed in ["a.7.14", "7.14", "A.7.14"] {
        assert_eq!(
            stdout(&on_sample(&["list", "--control", typed])),
            canonical,
            "{typed}"
        );
    }
    let ppc = stdout(&on_sample(&["list", "--control", "ppc:10-5-4"]));
    assert_eq!(stdout(&on_sample(&["list", "--control", "10-5(4)"])), ppc);
    let exported = on_sample(&["export", "--control", "a.7.14"]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert!(
        stdout(&exported).starts_with("## iso27001:A.7.14 "),
        "{}",
        stdout(&exported)
    );
    let wrong = on_sample(&["--lang", "en", "list", "--control", "A.7.15"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("did you mean `iso27001:A.7.1`"),
        "{}",
        stderr(&wrong)
    );
}

// ----- the Statement of Applicability ----------------------------------------------------

/// The diagnostics of a statement, as `soa.yaml:line:col: severity: message`.
fn soa_diagnostics(text: &str) -> (Option<soa::Soa>, Vec<String>) {
    let (soa, diags) = soa::parse("soa.yaml", text, &catalogs());
    (soa, diags.iter().map(show).collect())
}

#[test]
fn a_good_statement_reads_in_any_spelling() {
    let (s, diags) = soa_diagnostics(
        "soa:\n  - control: iso27001:A.7.14\n    applicable: false\n    reason: 機器の廃棄は本社が一括して行う\n\
         \x20 - control: a.8.24\n    applicable: true\n  - control: 10-5(4)\n    applicable: false\n    reason: 同上\n",
    );
    assert_eq!(diags, Vec::<String>::new());
    let s = s.unwrap();
    let shown: Vec<(String, bool, u32)> = s
        .entries
        .iter()
        .map(|e| (e.control.to_string(), e.applicable, e.line))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("iso27001:A.7.14".to_string(), false, 2),
            ("iso27001:A.8.24".to_string(), true, 5),
            ("ppc:10-5-4".to_string(), false, 7),
        ]
    );
    assert_eq!(
        s.entries[0].reason.as_deref(),
        Some("機器の廃棄は本社が一括して行う")
    );
}

#[test]
fn every_statement_problem_names_its_line() {
    let cases: &[(&str, &str)] = &[
        (
            "soa:\n  - control: iso27001:A.7.15\n    applicable: true\n",
            "soa.yaml:2:14: error: `soa[1].control`: unknown control `iso27001:A.7.15`; did you mean `iso27001:A.7.1`, `iso27001:A.7.10` or `iso27001:A.7.11`?",
        ),
        (
            "soa:\n  - control: A.7.14\n    applicable: true\n  - control: iso27001:A.7.14\n    applicable: false\n    reason: x\n",
            "soa.yaml:4:5: error: `soa[2]`: `iso27001:A.7.14` is already in the statement on line 2; keep one entry per control",
        ),
        (
            "soa:\n  - applicable: true\n",
            "soa.yaml:2:5: error: missing required field `soa[1].control` (a control such as iso27001:A.7.14)",
        ),
        (
            "soa:\n  - control: A.7.14\n",
            "soa.yaml:2:5: error: missing required field `soa[1].applicable` (true or false)",
        ),
        (
            "soa:\n  - control: A.7.14\n    applicable: yes\n",
            "soa.yaml:3:17: error: `soa[1].applicable`: expected true or false, found `yes`; write `true`",
        ),
        (
            "soa:\n  - control: A.7.14\n    applicable: \"false\"\n",
            "soa.yaml:3:17: error: `soa[1].applicable`: expected true or false, found the text \"false\"; write true or false without quotes",
        ),
        (
            "soa:\n  - control: [A.7.14]\n    applicable: true\n",
            "soa.yaml:2:14: error: `soa[1].control`: expected text, found a list",
        ),
        (
            "soa:\n  - control: A.7.14\n    aplicable: true\n",
            "soa.yaml:3:5: error: unknown field `soa[1].aplicable`; did you mean `applicable`?",
        ),
        (
            "soa: iso27001:A.7.14\n",
            "soa.yaml:1:6: error: `soa`: expected a list of controls with applicable: true or false (lines starting with `- `, or [a, b]), found a single value",
        ),
        (
            "controls:\n  - control: A.7.14\n",
            "soa.yaml:1:1: error: unknown field `controls` (known fields: soa)",
        ),
        (
            "",
            "soa.yaml:1:1: error: the statement of applicability is empty; it needs `soa:` and a list of {control, applicable, reason}",
        ),
        (
            "soa:\n  - control: A.7.14\n    applicable: false\n",
            "soa.yaml:2:5: warning: `soa[1]`: an excluded control needs its reason (`reason:`); ISO/IEC 27001 6.1.3 d) asks for the justification of every exclusion",
        ),
    ];
    for (text, expected) in cases {
        let (_, diags) = soa_diagnostics(text);
        assert!(
            diags.iter().any(|d| d == expected),
            "for\n{text}\nexpected\n{expected}\ngot\n{diags:#?}"
        );
    }
}

#[test]
fn a_bad_entry_is_left_out_and_the_rest_count() {
    let (s, diags) = soa_diagnostics(
        "soa:\n  - control: A.7.99\n    applicable: false\n    reason: x\n  - control: A.8.24\n    applicable: true\n    note: x\n  - control: A.5.7\n    applicable: true\n",
    );
    assert_eq!(diags.len(), 2, "{diags:?}");
    let kept: Vec<String> = s
        .unwrap()
        .entries
        .iter()
        .map(|e| e.control.to_string())
        .collect();
    assert_eq!(kept, vec!["iso27001:A.5.7"]);
}

/// A missing `--soa FILE` is a usage error (exit 2), as a missing
/// `--casebook DIR` is: one rule for a path named on the command line.
#[test]
fn a_missing_statement_is_an_error_that_names_it() {
    for command in [
        &["coverage"][..],
        &["list"],
        &["validate"],
        &["validate", "casebook"],
    ] {
        let mut args = vec!["--lang", "en", "--soa", "/nonexistent/soa.yaml"];
        args.extend(command);
        let out = casebook(&args);
        assert_eq!(out.status.code(), Some(2), "{command:?}: {}", stderr(&out));
        assert_eq!(
            stderr(&out),
            "casebook: --soa /nonexistent/soa.yaml: no such file\n",
            "{command:?}"
        );
        assert!(stdout(&out).is_empty());
    }
    let out = casebook(&["--lang", "en", "--casebook", "/nonexistent", "coverage"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn validate_reports_the_statement_and_fails_on_its_errors() {
    let dir = Dir::new();
    let file = dir.file(
        "soa.yaml",
        "soa:\n  - control: A.7.15\n    applicable: true\n",
    );
    let dir_arg = dir.path().display().to_string();
    let soa_arg = file.display().to_string();
    for args in [
        vec!["--lang", "en", "--soa", soa_arg.as_str(), "validate"],
        vec![
            "--lang",
            "en",
            "--soa",
            soa_arg.as_str(),
            "validate",
            dir_arg.as_str(),
        ],
    ] {
        let out = casebook(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out)
                .contains("soa.yaml:2:14: error: `soa[1].control`: unknown control `A.7.15`"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

// ----- coverage -----------------------------------------------------------------------------

fn row<'a>(rows: &'a [coverage::Row], control: &str) -> &'a coverage::Row {
    rows.iter()
        .find(|r| r.control.to_string() == control)
        .unwrap_or_else(|| panic!("no row for {control}"))
}

#[test]
fn coverage_counts_the_cases_citing_each_control() {
    let book = sample();
    let rows = coverage::rows(&book, coverage::DEFAULT_SCHEMES, None, None, Lang::Ja);
    assert_eq!(
        rows.iter()
            .filter(|r| r.control.scheme == "iso27001" && r.depth == 1)
            .count(),
        93,
        "every Annex A control has a row"
    );
    // Counted by hand in tests/fixtures/casebooks/sample/.
    let a714 = row(&rows, "iso27001:A.7.14");
    assert_eq!(
        a714.case_ids,
        vec!["minato-hospital-pc-2024", "abc-toys-hdd-2024"]
    );
    assert_eq!(a714.title, "装置のセキュリティを保った処分又は再利用");
    assert_eq!(
        row(&rows, "ppc:10-5-4").case_ids,
        vec![
            "minato-hospital-pc-2024",
            "abc-toys-hdd-2024",
            "higashiyama-bureau-camera-2013",
            "umino-gakuen-applicants-2013"
        ]
    );
    assert_eq!(
        row(&rows, "iso27001:A.8.24").case_ids,
        vec!["umino-gakuen-applicants-2013"]
    );
    assert_eq!(row(&rows, "iso27001:A.5.7").cases, 0);
    // A theme counts the cases citing any of its controls, each once:
    // A.7.14 twice, A.7.10 three times (once with A.7.14), A.7.7, A.7.9 (with A.7.10).
    assert_eq!(row(&rows, "iso27001:A.7").cases, 5);
    // 10-5-4 four times, 10-5-3 twice, 10-5-2 once (with 10-5-4).
    assert_eq!(row(&rows, "ppc:10-5").cases, 6);
    assert!(
        rows.iter()
            .all(|r| r.applicable.is_none() && r.flag.is_none())
    );
}

#[test]
fn flags_hold_the_casebook_against_the_statement() {
    let dir = small();
    let book = load_small(&dir);
    let (s, diags) = soa::parse(
        "soa.yaml",
        "soa:\n  - control: A.7.14\n    applicable: false\n    reason: 本社が一括して廃棄する\n\
         \x20 - control: A.8.24\n    applicable: true\n  - control: A.5.14\n    applicable: true\n\
         \x20 - control: ppc:10-5\n    applicable: false\n    reason: 物理的な管理は本社\n",
        &book.catalogs,
    );
    assert!(diags.is_empty(), "{diags:?}");
    let rows = coverage::rows(&book, &["iso27001", "ppc"], s.as_ref(), None, Lang::Ja);
    let flag = |c: &str| row(&rows, c).flag;
    assert_eq!(flag("iso27001:A.7.14"), Some(Flag::ExcludedWithPrecedents));
    assert_eq!(
        flag("iso27001:A.8.24"),
        Some(Flag::ApplicableWithoutPrecedents)
    );
    assert_eq!(
        flag("iso27001:A.5.14"),
        None,
        "applicable, with a precedent"
    );
    assert_eq!(flag("iso27001:A.7.10"), None, "not in the statement");
    assert_eq!(row(&rows, "iso27001:A.7.10").applicable, None);
    // An excluded category excludes its items.
    assert_eq!(row(&rows, "ppc:10-5-3").applicable, Some(false));
    assert_eq!(flag("ppc:10-5-3"), Some(Flag::ExcludedWithPrecedents));
    assert_eq!(flag("ppc:10-5-1"), None, "excluded, and no case");
    assert_eq!(
        row(&rows, "ppc:10-5-3").reason.as_deref(),
        Some("物理的な管理は本社")
    );
}

#[test]
fn coverage_follows_a_filter() {
    let dir = small();
    let book = load_small(&dir);
    let only = Filter {
        since: Some(2023),
        ..Filter::default()
    }
    .mask(&book);
    let rows = coverage::rows(&book, &["iso27001"], None, Some(&only), Lang::Ja);
    assert_eq!(row(&rows, "iso27001:A.7.14").case_ids, vec!["disk-b"]);
    assert_eq!(row(&rows, "iso27001:A.7").cases, 2);
}

#[test]
fn coverage_on_the_command_line_in_json_csv_and_text() {
    let dir = small();
    let soa = dir.file(
        "soa.yaml",
        "soa:\n  - control: iso27001:A.7.14\n    applicable: false\n    reason: 本社で一括\n  - control: A.8.24\n    applicable: true\n",
    );
    let args = |format: &str| -> Vec<String> {
        vec![
            "--no-bundled".into(),
            "--casebook".into(),
            dir.path().display().to_string(),
            "--soa".into(),
            soa.display().to_string(),
            "coverage".into(),
            "--format".into(),
            format.into(),
        ]
    };
    let run = |format: &str| {
        let a = args(format);
        let out = casebook(&a.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let a714 = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["control"] == "iso27001:A.7.14")
        .unwrap();
    assert_eq!(
        *a714,
        serde_json::json!({
            "control": "iso27001:A.7.14",
            "title": "装置のセキュリティを保った処分又は再利用",
            "cases": 2,
            "case_ids": ["disk-b", "disk-a"],
            "applicable": false,
            "applicable_label": "除外",
            "reason": "本社で一括",
            "flag": "excluded-with-precedents",
            "flag_label": "除外したが先例あり"
        })
    );
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 4 + 93 + 7 + 5 + 4 + 4, "themes, controls, PPC");
    let a714 = rows
        .iter()
        .find(|r| r["control"] == "iso27001:A.7.10")
        .unwrap();
    assert_eq!(a714["applicable"], serde_json::Value::Null);
    assert_eq!(a714["flag"], serde_json::Value::Null);

    // CSV in the interface's language, as the precedent list's: Japanese here.
    let csv = run("csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        vec![
            "管理策",
            "名称",
            "事例数",
            "事例ID",
            "適用宣言",
            "宣言の理由",
            "指摘"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let a824 = records.iter().find(|r| &r[0] == "iso27001:A.8.24").unwrap();
    assert_eq!(
        a824.iter().collect::<Vec<_>>(),
        vec![
            "iso27001:A.8.24",
            "暗号の利用",
            "0",
            "",
            "適用",
            "",
            "適用だが先例なし"
        ]
    );
    let a710 = records.iter().find(|r| &r[0] == "iso27001:A.7.10").unwrap();
    assert_eq!((&a710[4], &a710[6]), ("記載なし", ""));
    let mut english = args("csv");
    english.splice(0..0, ["--lang".to_string(), "en".to_string()]);
    let out = casebook(&english.iter().map(String::as_str).collect::<Vec<_>>());
    let csv = stdout(&out);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        vec![
            "Control",
            "Title",
            "Cases",
            "Case ids",
            "SoA",
            "SoA reason",
            "Flag"
        ]
    );
    let a714 = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "iso27001:A.7.14")
        .unwrap();
    assert_eq!(
        a714.iter().collect::<Vec<_>>(),
        vec![
            "iso27001:A.7.14",
            "Secure disposal or re-use of equipment",
            "2",
            "disk-b disk-a",
            "excluded",
            "本社で一括",
            "excluded, with precedents"
        ]
    );

    let text = run("text");
    let first: Vec<&str> = text.lines().take(2).collect();
    assert_eq!(
        first,
        vec![
            "除外したが先例あり (1): iso27001:A.7.14 (2)",
            "適用だが先例なし (1): iso27001:A.8.24"
        ]
    );
}

#[test]
fn coverage_of_one_scheme_and_an_unknown_scheme() {
    let out = on_sample(&["coverage", "--scheme", "ppc", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|r| r["control"].as_str().unwrap().starts_with("ppc:"))
    );
    let out = on_sample(&["--lang", "en", "coverage", "--scheme", "iso27002"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown control scheme `iso27002`; did you mean `iso27001`?"),
        "{}",
        stderr(&out)
    );
}

// ----- statistics ---------------------------------------------------------------------------

#[test]
fn a_case_counts_once_in_each_of_its_cause_categories() {
    let dir = small();
    let book = load_small(&dir);
    let all: Vec<usize> = (0..book.len()).collect();
    let s = stats::stats(&book, &all, Lang::En);
    let count = |id: &str| s.causes.iter().find(|c| c.id == id).unwrap();
    // disk-a: mismanagement + loss; disk-b: mismanagement; usb-c: loss twice; mail-d: misoperation.
    assert_eq!(count("mismanagement").cases, 2);
    assert_eq!(
        count("loss").cases,
        2,
        "usb-c names loss twice and counts once"
    );
    assert_eq!(count("misoperation").cases, 1);
    // Five (case, category) pairs: 2/5, 2/5, 1/5.
    assert_eq!(count("mismanagement").share, 40.0);
    assert_eq!(count("loss").share, 40.0);
    assert_eq!(count("misoperation").share, 20.0);
    assert_eq!(count("loss").jnsa_share, Some(Some(26.2)));
    assert_eq!(count("malware").jnsa_share, Some(None));
    assert_eq!(s.cases, 4);
    let years: Vec<(u16, usize)> = s.years.iter().map(|y| (y.year, y.cases)).collect();
    assert_eq!(years, vec![(2022, 1), (2023, 2), (2024, 1)]);
    let sector = |id: &str| s.sectors.iter().find(|c| c.id == id).unwrap().cases;
    assert_eq!(sector("local-government"), 2);
}

/// Equal counts show equal shares: each share is rounded on its own (to a
/// tenth of a percent, half up), so the shown shares may add up to a little
/// more or less than 100.0%, which the output says.
#[test]
fn equal_counts_have_equal_shares_and_the_rounding_is_said() {
    // Over the bundled casebook, whatever it holds, and the sample one.
    for book in [common::bundled(), sample()] {
        equal_shares(&book);
    }
    let ja = stdout(&casebook(&["stats"]));
    assert!(
        ja.contains(
            "割合は小数第1位に四捨五入しています（そのため合計が100.0%にならないことがあります）"
        ),
        "{ja}"
    );
    let en = stdout(&casebook(&["--lang", "en", "stats"]));
    assert!(
        en.contains("Shares are rounded to one decimal place, each on its own (so they may not add up to exactly 100.0%)"),
        "{en}"
    );
}

fn equal_shares(book: &Casebook) {
    for lang in [Lang::Ja, Lang::En] {
        let all: Vec<usize> = (0..book.len()).collect();
        let s = stats::stats(book, &all, lang);
        for rows in [&s.causes, &s.sectors] {
            for a in rows.iter() {
                for b in rows.iter().filter(|b| b.cases == a.cases) {
                    assert_eq!(a.share, b.share, "{} and {}", a.id, b.id);
                }
            }
            let tenths: i64 = rows.iter().map(|r| (r.share * 10.0).round() as i64).sum();
            assert!((tenths - 1000).abs() <= rows.len() as i64 / 2, "{tenths}");
        }
        assert_eq!(s.sectors.iter().map(|r| r.cases).sum::<usize>(), book.len());
        assert_eq!(s.years.iter().map(|y| y.cases).sum::<usize>(), book.len());
    }
}

#[test]
fn stats_on_the_command_line_name_the_survey() {
    let out = on_sample(&["stats", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["survey"]["year"], 2018);
    assert_eq!(json["survey"]["incidents"], 443);
    let loss = &json["causes"].as_array().unwrap()[0];
    assert_eq!(loss["id"], "loss");
    assert_eq!(loss["jnsa_share"], 26.2);
    assert!(json["sectors"][0].get("jnsa_share").is_none());
    let text = stdout(&on_sample(&["--lang", "en", "stats"]));
    assert!(
        text.contains("JNSA survey 2018: JNSA 2018 Information Security Incident Survey (preliminary) (2018, 443 incidents)"),
        "{text}"
    );
    let ja = stdout(&on_sample(&["stats"]));
    assert!(ja.contains("JNSA調査 2018年"), "{ja}");
}

// ----- similar cases --------------------------------------------------------------------------

#[test]
fn the_two_disposal_cases_find_each_other() {
    let book = sample();
    let index = similar::Index::new(&book);
    let top = |id: &str| {
        let of = book.index_of(id).unwrap();
        index.similar(&book, of, 1)[0].case_id.clone()
    };
    assert_eq!(top("minato-hospital-pc-2024"), "abc-toys-hdd-2024");
    assert_eq!(top("abc-toys-hdd-2024"), "minato-hospital-pc-2024");
}

#[test]
fn similar_cases_rank_by_what_they_share() {
    let dir = small();
    let book = load_small(&dir);
    let index = similar::Index::new(&book);
    let of = book.index_of("disk-a").unwrap();
    let found = index.similar(&book, of, 10);
    let ranked: Vec<&str> = found.iter().map(|s| s.case_id.as_str()).collect();
    // disk-b shares A.7.14, mismanagement, 廃棄 and much wording; usb-c shares
    // only the cause loss; mail-d shares nothing.
    assert_eq!(ranked, vec!["disk-b", "usb-c"]);
    assert_eq!(
        found[0].shared,
        vec!["iso27001:A.7.14", "cause:mismanagement", "tag:廃棄"]
    );
    assert_eq!(found[1].shared, vec!["cause:loss"]);
    assert!(found[0].text > found[1].text, "{found:?}");
    assert!(found[0].score > found[1].score);
}

#[test]
fn similar_on_the_command_line() {
    let out = on_sample(&[
        "similar",
        "abc-toys-hdd-2024",
        "--limit",
        "2",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["case_id"], "minato-hospital-pc-2024");
    assert!(list[0]["score"].as_f64().unwrap() > list[1]["score"].as_f64().unwrap());
    assert_eq!(list[0]["shared"][0], "iso27001:A.7.14");
    let out = on_sample(&["--lang", "en", "similar", "abc-toys"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean `abc-toys-hdd-2024`?"),
        "{}",
        stderr(&out)
    );
}

// ----- combined filters -------------------------------------------------------------------

#[test]
fn filters_combine_any_within_an_option_and_all_across() {
    let dir = small();
    let book = load_small(&dir);
    let pass = |f: Filter| -> Vec<String> {
        let mut found = f.apply(&book);
        book.sort_newest_first(&mut found);
        ids(&book, &found)
    };
    assert_eq!(
        pass(Filter {
            causes: vec!["loss".into(), "misoperation".into()],
            ..Filter::default()
        }),
        vec!["mail-d", "usb-c", "disk-a"]
    );
    assert_eq!(
        pass(Filter {
            causes: vec!["loss".into(), "misoperation".into()],
            sectors: vec!["local-government".into()],
            since: Some(2024),
            ..Filter::default()
        }),
        vec!["mail-d"]
    );
    assert_eq!(
        pass(Filter {
            controls: vec![ControlRef::new("iso27001", "A.7")],
            until: Some(2022),
            ..Filter::default()
        }),
        vec!["disk-a"],
        "a theme includes its controls"
    );
    assert_eq!(
        pass(Filter {
            controls: vec![
                ControlRef::new("iso27001", "A.7.14"),
                ControlRef::new("iso27001", "A.5.14")
            ],
            ..Filter::default()
        }),
        vec!["mail-d", "disk-b", "disk-a"]
    );
    assert_eq!(
        pass(Filter {
            origin: Some(Origin::Bundled),
            ..Filter::default()
        }),
        Vec::<String>::new(),
        "every case here is the team's"
    );
}

#[test]
fn list_filters_on_the_command_line() {
    let dir = small();
    let d = dir.path().display().to_string();
    let list = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["--no-bundled", "--casebook", d.as_str(), "list"];
        args.extend_from_slice(extra);
        let out = casebook(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .map(|l| l.split('\t').nth(1).unwrap().to_string())
            .collect()
    };
    assert_eq!(
        list(&["--cause", "loss", "--cause", "misoperation"]),
        vec!["mail-d", "usb-c", "disk-a"]
    );
    assert_eq!(
        list(&["--cause", "loss", "--sector", "local-government"]),
        vec!["usb-c"]
    );
    assert_eq!(
        list(&["--sector", "retail", "--sector", "healthcare"]),
        vec!["disk-b", "disk-a"]
    );
    assert_eq!(
        list(&["--control", "7.14", "--control", "10-5(3)"]),
        vec!["disk-b", "usb-c", "disk-a"]
    );
    assert_eq!(
        list(&["--since", "2023", "--until", "2023"]),
        vec!["disk-b", "usb-c"]
    );
    assert_eq!(list(&["--year", "2024"]), vec!["mail-d"]);
    assert_eq!(list(&["--source", "bundled"]), Vec::<String>::new());
    let both = on_sample(&["--lang", "en", "list", "--cause", "los"]);
    assert_eq!(both.status.code(), Some(1));
    assert!(
        stderr(&both).contains("did you mean `loss`?"),
        "{}",
        stderr(&both)
    );
}

#[test]
fn coverage_csv_opens_in_excel_as_the_precedent_list_does() {
    // The same rules as every CSV casebook writes: UTF-8 with a BOM (Excel in
    // Japan reads BOM-less CSV as Shift_JIS), CRLF, and a statement's reason
    // that would start a formula is kept as text.
    let dir = small();
    let soa = dir.file(
        "soa.yaml",
        "soa:\n  - control: iso27001:A.7.14\n    applicable: false\n    reason: \"=HYPERLINK(\\\"http://x.test\\\")\"\n",
    );
    let out = casebook(&[
        "--no-bundled",
        "--casebook",
        &dir.path().display().to_string(),
        "--soa",
        &soa.display().to_string(),
        "coverage",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = &out.stdout;
    assert!(
        bytes.starts_with("\u{FEFF}管理策,名称,".as_bytes()),
        "{:?}",
        &bytes[..20]
    );
    let text = std::str::from_utf8(bytes).unwrap();
    assert!(text.contains("指摘\r\n"), "CRLF line ends");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let a714 = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "iso27001:A.7.14")
        .unwrap();
    assert_eq!(&a714[5], "'=HYPERLINK(\"http://x.test\")");
}

#[test]
fn ids_copied_from_a_word_document_with_non_breaking_hyphens_are_understood() {
    // The Word files keep ids on one line with U+2011; an auditor who copies
    // one back into the command line must not be told it does not exist.
    for args in [
        &[
            "show",
            "kitahama\u{2011}usb\u{2011}2022",
            "--format",
            "brief",
        ][..],
        &["cite", "kitahama\u{2010}usb\u{2010}2022"],
        &["similar", "ＫＩＴＡＨＡＭＡ－ＵＳＢ－２０２２"],
        &["list", "--control", "ppc:10\u{2011}5\u{2011}2"],
        &["list", "--control", "ppc:10\u{2212}5\u{2212}2"],
    ] {
        let out = on_sample(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(!stdout(&out).is_empty(), "{args:?}");
    }
    let out = on_sample(&["list", "--control", "ppc:10\u{2011}5\u{2011}2"]);
    assert_eq!(
        stdout(&out),
        stdout(&on_sample(&["list", "--control", "ppc:10-5-2"]))
    );
}

#[test]
fn list_and_show_follow_the_threat_classification() {
    let dir = Dir::new();
    let with = |id: &str, threats: &str| {
        common::case_file(id).replace("tags:", &format!("threats: {threats}\ntags:"))
    };
    dir.case("r.yaml", with("ransom-a", "[ransomware, supply-chain]"));
    dir.case("b.yaml", with("bec-b", "[bec]"));
    dir.case("n.yaml", common::case_file("none-c"));
    let d = dir.path().display().to_string();
    let list = |extra: &[&str]| -> Vec<String> {
        let mut args = vec![
            "--lang",
            "en",
            "--no-bundled",
            "--casebook",
            d.as_str(),
            "list",
        ];
        args.extend_from_slice(extra);
        let out = casebook(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let mut ids: Vec<String> = stdout(&out)
            .lines()
            .map(|l| l.split('\t').nth(1).unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(list(&["--threat", "ransomware"]), vec!["ransom-a"]);
    assert_eq!(
        list(&["--threat", "supply-chain", "--threat", "bec"]),
        vec!["bec-b", "ransom-a"]
    );
    let wrong = casebook(&[
        "--lang",
        "en",
        "--no-bundled",
        "--casebook",
        &d,
        "list",
        "--threat",
        "ransom",
    ]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("unknown threat `ransom`; did you mean `ransomware`?"),
        "{}",
        stderr(&wrong)
    );

    let show = |lang: &str| {
        stdout(&casebook(&[
            "--lang",
            lang,
            "--no-bundled",
            "--casebook",
            &d,
            "show",
            "ransom-a",
            "--width",
            "0",
        ]))
    };
    assert!(
        show("ja").contains(
            "10大脅威2026: 1位 ランサム攻撃による被害 · 2位 サプライチェーンや委託先を狙った攻撃\n"
        ),
        "{}",
        show("ja")
    );
    assert!(
        show("en").contains("Threats 2026: #1 Damage from ransomware attacks · #2 Attacks on the supply chain and contractors\n"),
        "{}",
        show("en")
    );
    let none = stdout(&casebook(&[
        "--no-bundled",
        "--casebook",
        &d,
        "show",
        "none-c",
    ]));
    assert!(!none.contains("10大脅威"), "{none}");
}

#[test]
fn a_citation_ends_with_the_day_its_page_was_read() {
    let dir = Dir::new();
    dir.case(
        "a.yaml",
        common::case_file("read-a").replace(
            "    url: https://example.jp/notice\n",
            "    url: https://example.jp/notice\n    accessed: 2026-12-07\n",
        ),
    );
    let d = dir.path().display().to_string();
    let cite = stdout(&casebook(&[
        "--no-bundled",
        "--casebook",
        &d,
        "cite",
        "read-a",
    ]));
    assert_eq!(
        cite,
        "テスト市「個人情報を含むUSBメモリーの紛失について」(2024-06-23) [casebook: read-a] <https://example.jp/notice>（2026-12-07閲覧）\n"
    );
    let md = stdout(&casebook(&[
        "--no-bundled",
        "--casebook",
        &d,
        "cite",
        "read-a",
        "--format",
        "markdown",
    ]));
    assert!(md.trim_end().ends_with("（2026-12-07閲覧）"), "{md}");
}

/// A team's copy of a bundled case names it in `copied_from`: coverage,
/// statistics and the register count the incident once, as the copy (the
/// team's version, its controls as the team edited them). Both stay listed.
#[test]
fn a_copy_of_a_bundled_case_counts_once_on_the_command_line() {
    let bundled = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/casebook/cases/2022/amagasaki-usb-2022.yaml"
    ))
    .unwrap();
    let copy = bundled.replacen(
        "id: amagasaki-usb-2022\n",
        "id: amagasaki-usb-ours-2022\ncopied_from: amagasaki-usb-2022\n",
        1,
    );
    assert_ne!(copy, bundled);
    let dir = Dir::new();
    dir.case("2022/amagasaki-usb-ours-2022.yaml", &copy);
    let path = dir.path().to_str().unwrap();

    let coverage = |args: &[&str]| -> serde_json::Value {
        let out = casebook(args);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let alone = coverage(&["--lang", "en", "coverage", "--format", "json"]);
    let with_copy = coverage(&[
        "--lang",
        "en",
        "--casebook",
        path,
        "coverage",
        "--format",
        "json",
    ]);
    let row = |v: &serde_json::Value, id: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["control"] == id)
            .unwrap()
            .clone()
    };
    for control in ["iso27001:A.7.10", "iso27001:A.5.19", "ppc:10-3"] {
        assert_eq!(
            row(&with_copy, control)["cases"],
            row(&alone, control)["cases"],
            "{control}"
        );
    }
    let ids = row(&with_copy, "iso27001:A.7.10")["case_ids"].clone();
    assert!(
        ids.as_array()
            .unwrap()
            .contains(&"amagasaki-usb-ours-2022".into())
    );
    assert!(
        !ids.as_array()
            .unwrap()
            .contains(&"amagasaki-usb-2022".into())
    );

    let stats = |args: &[&str]| -> serde_json::Value {
        serde_json::from_str(&stdout(&casebook(args))).unwrap()
    };
    let alone = stats(&["--lang", "en", "stats", "--format", "json"]);
    let with_copy = stats(&[
        "--lang",
        "en",
        "--casebook",
        path,
        "stats",
        "--format",
        "json",
    ]);
    assert_eq!(with_copy["cases"], alone["cases"]);
    assert_eq!(with_copy["causes"], alone["causes"]);

    // Listed twice: they are two files.
    let out = casebook(&["--casebook", path, "list", "--control", "A.7.10"]);
    assert!(stdout(&out).contains("amagasaki-usb-2022"));
    assert!(stdout(&out).contains("amagasaki-usb-ours-2022"));
    // Without the bundled casebook the copy simply counts.
    let out = casebook(&[
        "--no-bundled",
        "--casebook",
        path,
        "--lang",
        "en",
        "stats",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["cases"], 1);
}

/// Current baselines beside JNSA 2018: JIPDEC FY2024 (P-mark incident reports
/// by event), 東京商工リサーチ 2025 (listed companies by cause) and PPC FY2024
/// (report categories), each in its own classes, put beside the casebook's
/// cause categories by the mapping in casebook/reference/baselines.yaml.
///
/// The small casebook: disk-a (mismanagement, loss), disk-b (mismanagement),
/// usb-c (loss), mail-d (misoperation).
#[test]
fn stats_compare_with_current_surveys_in_their_own_classes() {
    let dir = small();
    let book = load_small(&dir);
    let all: Vec<usize> = (0..book.len()).collect();
    let s = stats::stats(&book, &all, Lang::Ja);
    let ids: Vec<&str> = s.baselines.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, vec!["jipdec-fy2024", "tsr-2025", "ppc-fy2024"]);
    let row = |b: usize, class: &str| {
        s.baselines[b]
            .rows
            .iter()
            .find(|r| r.classes.iter().any(|c| c == class))
            .unwrap()
            .clone()
    };

    let jipdec = &s.baselines[0];
    assert_eq!((jipdec.year, jipdec.base), (2024, 9322));
    assert!(jipdec.secondary);
    assert_eq!(jipdec.published.as_deref(), Some("2025-08-29"));
    assert!(jipdec.sources.iter().all(|u| u.starts_with("https://")));
    let mistakes = row(0, "誤送信");
    assert_eq!(mistakes.classes, vec!["誤配達・誤交付", "誤送信", "誤登録"]);
    assert_eq!(mistakes.survey, Some(76.4), "41.4 + 29.4 + 5.6");
    assert_eq!(mistakes.causes, vec!["misoperation"]);
    assert_eq!((mistakes.cases, mistakes.share), (Some(1), Some(25.0)));
    let lost = row(0, "紛失・滅失・毀損");
    assert_eq!(
        (lost.survey, lost.cases, lost.share),
        (Some(11.3), Some(2), Some(50.0))
    );
    assert_eq!(
        jipdec.others, 1,
        "disk-b names only mismanagement, which no class takes"
    );

    let tsr = &s.baselines[1];
    let cyber = row(1, "ウイルス感染・不正アクセス");
    assert_eq!((cyber.survey, cyber.count), (Some(64.4), Some(116)));
    assert_eq!((cyber.cases, cyber.share), (Some(0), Some(0.0)));
    assert_eq!(tsr.base, 180);

    let ppc = &s.baselines[2];
    let sensitive = row(2, "要配慮個人情報");
    assert_eq!(sensitive.survey, Some(45.4));
    assert_eq!(
        (sensitive.cases, sensitive.share),
        (None, None),
        "not compared"
    );
    assert!(sensitive.why.contains("比べない"), "{}", sensitive.why);
    assert!(
        ppc.note
            .as_deref()
            .unwrap_or("")
            .contains("見つからなかった")
    );

    // On the command line: each survey with its year, publisher, sources and
    // the mark of figures taken from reports of the release; the mapping under it.
    let ja = stdout(&casebook(&["stats"]));
    for expected in [
        "JIPDEC 2024年度",
        "東京商工リサーチ 2025年",
        "個人情報保護委員会 2024年度",
        "2025-08-29公表",
        "https://www.newton-consulting.co.jp/itilnavi/flash/id=8673",
        "二次情報",
        "誤配達・誤交付、誤送信、誤登録",
        "← 誤操作",
        "対応の考え方（casebook/reference/baselines.yaml）",
    ] {
        assert!(ja.contains(expected), "{expected}:\n{ja}");
    }
    let en = stdout(&casebook(&["--lang", "en", "stats"]));
    for expected in [
        "JIPDEC FY2024",
        "Tokyo Shoko Research 2025",
        "PPC FY2024",
        "secondary",
    ] {
        assert!(en.contains(expected), "{expected}:\n{en}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&casebook(&["stats", "--format", "json"]))).unwrap();
    assert_eq!(json["baselines"][1]["id"], "tsr-2025");
    assert_eq!(json["baselines"][1]["rows"][0]["survey"], 64.4);
    assert_eq!(json["baselines"][1]["secondary"], true);
}
