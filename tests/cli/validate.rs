//! `casebook validate`, run as a team's CI would run it.

use crate::common;

use common::{Dir, case_file, casebook, stderr, stdout};

/// The case files under casebook/cases, however many there are.
fn bundled_files() -> usize {
    let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("casebook/cases")];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                files += 1;
            }
        }
    }
    files
}

/// What validate says of `n` good cases (more than one, fewer than 1,000), in English.
fn clean(n: usize) -> String {
    assert!((2..1000).contains(&n), "{n} cases");
    format!("{n} cases, 0 errors, 0 warnings\n")
}

#[test]
fn the_repository_casebook_validates() {
    let out = casebook(&["--lang", "en", "validate", "casebook"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), clean(bundled_files()), "every file is a case");
}

#[test]
fn with_no_paths_everything_normally_loaded_is_checked() {
    let out = casebook(&["--lang", "en", "validate"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), clean(common::bundled().len()));
}

#[test]
fn a_team_directory_validates_without_copying_the_bundled_catalogs() {
    let dir = Dir::new();
    dir.case("2024/ours.yaml", case_file("ours"));
    let path = dir.path().to_str().unwrap();
    let out = casebook(&["--lang", "en", "--casebook", path, "validate", path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "1 case, 0 errors, 0 warnings\n");
}

#[test]
fn a_casebooks_cases_directory_is_checked_against_that_casebooks_catalogs() {
    let dir = Dir::new();
    dir.file(
        "catalogs/internal.yaml",
        "scheme: internal\nkind: controls\ntitle: {ja: 社内規程, en: Internal rules}\nitems:\n  - {id: R-1, ja: 持ち出し規程}\n",
    );
    dir.case(
        "2024/ours.yaml",
        case_file("ours").replace(
            "[iso27001:A.7.10, ppc:10-5-3]",
            "[iso27001:A.7.10, internal:R-1]",
        ),
    );
    let cases = dir.path().join("cases");
    for path in [cases.clone(), cases.join("2024")] {
        let out = casebook(&["--lang", "en", "validate", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stderr(&out), "1 case, 0 errors, 0 warnings\n");
    }
}

#[test]
fn the_repository_cases_directory_validates_against_its_own_catalogs() {
    let out = casebook(&["--lang", "en", "validate", "casebook/cases"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).ends_with(" cases, 0 errors, 0 warnings\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn errors_exit_1_with_file_line_and_column() {
    let dir = Dir::new();
    dir.case("ours.yaml", case_file("ours"));
    dir.case("typo.yaml", case_file("typo").replace("sector:", "secter:"));
    let out = casebook(&["--lang", "en", "validate", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let typo = dir.path().join("cases/typo.yaml").display().to_string();
    assert!(
        err.contains(&format!(
            "{typo}:4:1: error: unknown field `secter`; did you mean `sector`?"
        )),
        "{err}"
    );
    assert!(err.ends_with("1 case, 2 errors, 0 warnings\n"), "{err}");
}

#[test]
fn json_lists_path_line_column_severity_and_message() {
    let dir = Dir::new();
    let file = dir.case(
        "bad.yaml",
        case_file("bad").replace("published: 2024-06-23", "published: 2024-06-31"),
    );
    let out = casebook(&[
        "--lang",
        "en",
        "validate",
        "--format",
        "json",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "path": file.display().to_string(),
            "line": 5,
            "column": 12,
            "severity": "error",
            "message": "`published`: `2024-06-31` is not a real calendar date: 2024-06 has 30 days",
            "message_en": "`published`: `2024-06-31` is not a real calendar date: 2024-06 has 30 days",
            "message_ja": "`published`: `2024-06-31` は暦にない日付です（2024-06 は30日までです）"
        }])
    );
}

/// Messages follow the interface language (--lang, the config file, LANG,
/// else Japanese); `path:line:col: error:` stays as it is for parsers.
#[test]
fn diagnostics_follow_the_interface_language() {
    let dir = Dir::new();
    let file = dir.case(
        "bad.yaml",
        case_file("bad").replace("published: 2024-06-23", "published: 2024-06-31"),
    );
    let path = file.to_str().unwrap();
    let ja = "`published`: `2024-06-31` は暦にない日付です（2024-06 は30日までです）";
    let en = "`published`: `2024-06-31` is not a real calendar date: 2024-06 has 30 days";

    // LANG=C.UTF-8 names no language: Japanese.
    let out = casebook(&["validate", path]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("{path}:5:12: error: {ja}\n事例 0件、エラー 1件、警告 0件\n")
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&casebook(&["validate", "--format", "json", path]))).unwrap();
    assert_eq!(json[0]["message"], ja);
    assert_eq!(json[0]["message_en"], en);

    let mut english = common::command(&["validate", path]);
    english.env("LANG", "en_US.UTF-8");
    let out = english.output().unwrap();
    assert_eq!(
        stderr(&out),
        format!("{path}:5:12: error: {en}\n0 cases, 1 error, 0 warnings\n")
    );

    let config = dir.file("config.yaml", "lang: en\n");
    let mut configured = common::command(&["validate", path]);
    configured.env("CASEBOOK_CONFIG", &config);
    let out = configured.output().unwrap();
    assert!(stderr(&out).starts_with(&format!("{path}:5:12: error: {en}\n")));

    let mut overridden = common::command(&["--lang", "ja", "validate", path]);
    overridden.env("LANG", "en_US.UTF-8");
    let out = overridden.output().unwrap();
    assert!(stderr(&out).starts_with(&format!("{path}:5:12: error: {ja}\n")));
}

#[test]
fn warnings_alone_do_not_fail() {
    let dir = Dir::new();
    dir.case("file-name.yaml", case_file("other-id"));
    let out = casebook(&["--lang", "en", "validate", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).ends_with("1 case, 0 errors, 1 warning\n"));
}

#[test]
fn a_missing_path_is_an_error() {
    let out = casebook(&["--lang", "en", "validate", "/nonexistent/casebook"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/casebook: error: no such file or directory"));
}

#[test]
fn usage_errors_exit_2() {
    let out = casebook(&["--lang", "en", "validate", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = casebook(&["--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_case_file_from_the_format_documentation_validates() {
    // The example in casebook/README.md, copied as a team member would.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/casebook/README.md"))
            .unwrap();
    let start = readme
        .find("```yaml\nid: ")
        .expect("the README has a full example")
        + "```yaml\n".len();
    let example = &readme[start..start + readme[start..].find("```").unwrap()];
    let dir = Dir::new();
    let id = example
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("id: ")
        .split_whitespace()
        .next()
        .unwrap();
    dir.case(&format!("{id}.yaml"), example);
    let out = casebook(&["--lang", "en", "validate", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn config_mistakes_are_reported_and_only_they_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.yaml");
    std::fs::write(
        &config,
        "lang: en\nscheme: iso2701\nclipboard: sometimes\ncopy_format: markdown\n",
    )
    .unwrap();
    let out = common::command(&["validate"])
        .env("CASEBOOK_CONFIG", &config)
        .output()
        .unwrap();
    let err = stderr(&out).replace(&config.display().to_string(), "config.yaml");
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("config.yaml:2:9: error: `scheme`: no classification is called `iso2701`; did you mean `iso27001`? The loaded ones: iso27001, ppc, cause, sector. (this setting is ignored; the other settings apply)"),
        "{err}"
    );
    assert!(
        err.contains("config.yaml:3:12: error: `clipboard`: `sometimes` is not one of auto, osc52, native, off (this setting is ignored; the other settings apply)"),
        "{err}"
    );
    // The good settings apply: `lang: en` makes `show` English.
    let out = common::command(&common::sample_args(&["show", "kitahama-usb-2022"]))
        .env("CASEBOOK_CONFIG", &config)
        .output()
        .unwrap();
    assert!(stdout(&out).contains("What happened"), "{}", stdout(&out));
}

/// A statement of applicability as a team writes it, with `n` errors.
fn statement(errors: bool) -> String {
    let control = if errors {
        "iso27001:A.7.99"
    } else {
        "iso27001:A.7.14"
    };
    format!(
        "# 適用宣言書\nsoa:\n  - control: {control}\n    applicable: false\n    reason: 本社が一括して廃棄する\n  - control: A.8.24\n    applicable: true\n"
    )
}

/// `validate soa.yaml`: a file whose first key is `soa:` is checked as a
/// statement of applicability, not as a case (which gave one error per
/// missing case field).
#[test]
fn a_statement_named_alone_is_checked_as_a_statement() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("soa.yaml");
    std::fs::write(&good, statement(false)).unwrap();
    let out = casebook(&["--lang", "en", "validate", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "0 cases, 1 statement of applicability, 0 errors, 0 warnings\n"
    );

    // Any name: the content says what it is.
    let bad = dir.path().join("isms-2025.yml");
    std::fs::write(&bad, statement(true)).unwrap();
    let out = casebook(&["--lang", "en", "validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let path = bad.display().to_string();
    assert!(
        err.starts_with(&format!(
            "{path}:3:14: error: `soa[1].control`: unknown control"
        )),
        "{err}"
    );
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(err.ends_with("0 cases, 1 statement of applicability, 1 error, 0 warnings\n"));

    let out = casebook(&["validate", bad.to_str().unwrap()]);
    assert!(
        stderr(&out).ends_with("事例 0件、適用宣言書 1件、エラー 1件、警告 0件\n"),
        "{}",
        stderr(&out)
    );
}

/// In a casebook directory, `soa.yaml` in its root is its statement: a flat
/// casebook (case files beside `catalogs/`, no `cases/`) does not read it as
/// a case, and `validate DIR` checks it as a statement, against DIR's catalogs.
#[test]
fn the_statement_in_a_casebook_root_is_checked_as_a_statement() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ours.yaml"), case_file("ours")).unwrap();
    std::fs::write(dir.path().join("soa.yaml"), statement(true)).unwrap();
    let path = dir.path().to_str().unwrap();
    let out = casebook(&["--lang", "en", "validate", path]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let soa = dir.path().join("soa.yaml").display().to_string();
    assert!(
        err.starts_with(&format!(
            "{soa}:3:14: error: `soa[1].control`: unknown control"
        )),
        "{err}"
    );
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(
        err.ends_with("1 case, 1 statement of applicability, 1 error, 0 warnings\n"),
        "{err}"
    );

    // With `cases/`, the same.
    let team = Dir::new();
    team.case("ours.yaml", case_file("ours"));
    team.file("soa.yaml", statement(false));
    let out = casebook(&["--lang", "en", "validate", team.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "1 case, 1 statement of applicability, 0 errors, 0 warnings\n"
    );
}
