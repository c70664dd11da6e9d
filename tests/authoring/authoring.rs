//! `casebook new`: a scaffold that validate turns into a to-do list.

use crate::common;

use std::path::Path;
use std::process::Command;

use casebook::authoring::new;
use casebook::lang::Lang;
use common::{casebook, stderr, stdout};

#[test]
fn new_writes_a_scaffold_under_cases_year_and_prints_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let out = casebook(&["new", "our-usb-loss-2024", "--dir", d]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = dir.path().join("cases/2024/our-usb-loss-2024.yaml");
    assert_eq!(stdout(&out).trim(), path.display().to_string());
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text.lines().next().unwrap(),
        "# yaml-language-server: $schema=../../casebook.schema.json"
    );
    // The schema the first line points to is there too.
    let schema = dir.path().join("casebook.schema.json");
    let _: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema).unwrap()).unwrap();
    assert!(text.contains("\nid: our-usb-loss-2024  # "));
}

#[test]
fn validate_lists_exactly_the_todos_of_a_new_scaffold() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    casebook(&["new", "x-2024", "--dir", d]);
    let path = dir.path().join("cases/2024/x-2024.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    // TODO values, not the word in comments.
    let todos = text
        .lines()
        .filter(|l| l.split('#').next().unwrap().contains("TODO"))
        .count();

    let out = casebook(&["--lang", "en", "validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), todos, "{err}");
    assert!(errors.iter().all(|l| l.contains("still TODO")), "{err}");
    assert!(
        err.contains(
            ":7:9: error: `sector`: still TODO; expected a sector id from catalogs/sectors.yaml"
        ),
        "{err}"
    );
    assert!(
        err.contains("`measures[1].controls[1]`: still TODO"),
        "{err}"
    );
    assert!(
        err.contains("`occurred`: still TODO; expected when it happened: YYYY, YYYY-MM or YYYY-MM-DD (or delete the line)"),
        "{err}"
    );
}

#[test]
fn a_scaffold_with_its_todos_filled_in_is_a_valid_case() {
    let text = new::scaffold("filled-2024", Lang::Ja);
    let filled: String = text
        .lines()
        .map(|l| {
            let key = l
                .trim_start()
                .trim_start_matches("- ")
                .split(':')
                .next()
                .unwrap_or("");
            let value = match key {
                "sector" => "retail",
                "published" | "occurred" | "date" | "accessed" | "discovered" | "due" => {
                    "2024-05-01"
                }
                "sensitive" | "financial" | "malicious" | "encrypted" | "recovered_unseen" => {
                    "unknown"
                }
                "people" | "records" => "12",
                "category" => "loss",
                "controls" => "iso27001:A.7.10",
                "url" => "https://example.jp/n",
                _ => "テキスト",
            };
            l.replacen("TODO", value, 1)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let dir = common::Dir::new();
    let path = dir.case("2024/filled-2024.yaml", &filled);
    let out = casebook(&["--lang", "en", "validate", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}\n{filled}", stderr(&out));
    assert!(stderr(&out).contains("1 case, 0 errors, 0 warnings"));
}

#[test]
fn new_never_overwrites_a_case_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    casebook(&["new", "kept-2023", "--dir", d]);
    let path = dir.path().join("cases/2023/kept-2023.yaml");
    std::fs::write(&path, "id: kept-2023\n# my work\n").unwrap();
    let out = casebook(&["--lang", "en", "new", "kept-2023", "--dir", d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "id: kept-2023\n# my work\n"
    );
}

#[test]
fn new_refuses_an_id_that_is_not_a_z_0_9_and_dashes() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["Our-USB", "usb_loss", "../escape", "usb loss", "漏えい"] {
        let out = casebook(&[
            "--lang",
            "en",
            "new",
            bad,
            "--dir",
            dir.path().to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert!(stderr(&out).contains("is not a valid case id"), "{bad}");
    }
    assert!(!dir.path().join("cases").exists());
}

#[test]
fn without_a_year_in_the_id_the_file_goes_under_this_year() {
    let dir = tempfile::tempdir().unwrap();
    let out = casebook(&["new", "no-year", "--dir", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let year = new::this_year();
    assert!(
        dir.path()
            .join(format!("cases/{year}/no-year.yaml"))
            .is_file()
    );
}

#[test]
fn without_dir_new_writes_into_the_users_own_casebook_directory() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["new", "mine-2025"])
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("HOME", home.path())
        .env_remove("CASEBOOK_CONFIG")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = Path::new(stdout(&out).trim()).to_path_buf();
    assert!(path.starts_with(home.path()), "{}", path.display());
    assert!(path.ends_with("casebook/cases/2025/mine-2025.yaml"));
    assert!(path.is_file());
}

#[test]
fn scaffold_comments_follow_the_language() {
    let ja = new::scaffold("x", Lang::Ja);
    assert!(
        ja.contains("sector: TODO  # 業種ID（catalogs/sectors.yaml）"),
        "{ja}"
    );
    let en = new::scaffold("x", Lang::En);
    assert!(
        en.contains("sector: TODO  # a sector id from catalogs/sectors.yaml"),
        "{en}"
    );
    assert!(
        en.contains("occurred: TODO  # when it happened: YYYY, YYYY-MM or YYYY-MM-DD (optional)")
    );
}
