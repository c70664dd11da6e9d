//! `casebook schema`: the JSON Schema of case files agrees with the loader,
//! because both come from one field table (src/format.rs).

use crate::common;

use casebook::authoring::schema;
use casebook::format::{self, Field, Type};
use casebook::load;
use common::{Dir, bundled_catalogs, casebook, stdout};
use serde_json::Value;

fn bundled_schema() -> Value {
    schema::schema(bundled_catalogs())
}

fn yaml_to_json(text: &str) -> Value {
    serde_yaml::from_str(text).expect("test YAML parses")
}

fn schema_accepts(schema: &Value, yaml: &str) -> bool {
    jsonschema::validator_for(schema)
        .expect("the schema compiles")
        .is_valid(&yaml_to_json(yaml))
}

fn loader_accepts(yaml: &str) -> bool {
    let (case, diags) = load::parse_text("x.yaml", yaml, bundled_catalogs());
    case.is_some() && !diags.iter().any(|d| d.is_error())
}

/// A case with every field of the format present: the shared test case plus
/// `records`, `response`, a measure required by someone else (`origin`,
/// `by`), and a team's own incident's `discovered`, `leak` and `reports`.
fn complete_case() -> String {
    common::case_file("x")
        .replace("published: 2024-06-23\n", "published: 2024-06-23\ndiscovered: 2024-06-21\n")
        .replace("  data: [氏名, 住所]\n", "  records: 50\n  data: [氏名, 住所]\n")
        .replace(
            "root_causes:\n",
            "leak:\n  sensitive: false\n  financial: false\n  malicious: true\n  encrypted: false\n  recovered_unseen: unknown\n  public_body: true\nroot_causes:\n",
        )
        .replace(
            "    controls: [iso27001:A.7.10, ppc:10-5-3]\n",
            "    controls: [iso27001:A.7.10, ppc:10-5-3]\n    origin: required\n    by: 個人情報保護委員会\n    status: verified\n    owner: 総務課\n    due: 2024-07-31\n    done: 2024-07-20\n    verified: 2024-08-20\n    evidence: 持ち出し許可簿\n",
        )
        .replace(
            "sources:\n",
            "response: [警察に届け出た]\nreports:\n  - {to: ppc, stage: preliminary, date: 2024-06-24}\nsources:\n",
        )
        .replace(
            "    url: https://example.jp/notice\n",
            "    url: https://example.jp/notice\n    accessed: 2024-06-24\n",
        )
        .replace("tags:", "threats: [supply-chain]\ntags:")
        .replacen("title:", "copied_from: amagasaki-usb-2022\ntitle:", 1)
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = bundled_schema();
    assert_eq!(schema["$schema"], schema::DIALECT);
    jsonschema::draft202012::meta::validate(&schema).expect("valid against the meta-schema");
}

#[test]
fn every_bundled_case_validates_against_the_schema() {
    let schema = bundled_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut files = 0;
    for entry in walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("casebook/cases")) {
        let text = std::fs::read_to_string(&entry).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&yaml_to_json(&text))
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", entry.display());
        files += 1;
    }
    assert_eq!(
        files,
        common::bundled().len(),
        "every bundled case, each once"
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Each variation of a good case, and whether it is still valid. The schema
/// and the loader must give the same verdict on every one.
#[test]
fn the_schema_and_the_loader_agree_on_good_and_bad_files() {
    let schema = bundled_schema();
    let good = complete_case();
    let cases: Vec<(&str, String, bool)> = vec![
        ("complete", good.clone(), true),
        (
            "unknown field",
            good.replace("tags:", "secter: retail\ntags:"),
            false,
        ),
        (
            "misspelled nested field",
            good.replace("    text: 委託先が許可なく", "    txet: 委託先が許可なく"),
            false,
        ),
        (
            "missing required field",
            good.replace("sector: local-government\n", ""),
            false,
        ),
        (
            "people as quoted text",
            good.replace("people: 460000", "people: \"460000\""),
            false,
        ),
        (
            "root causes as text",
            good.replace(
                "root_causes:\n  - category: unauthorized-takeout\n    text: 委託先が許可なくデータを持ち出した\n",
                "root_causes: 委託先が許可なくデータを持ち出した\n",
            ),
            false,
        ),
        (
            "unknown control id",
            good.replace("iso27001:A.7.10", "iso27001:A.9.99"),
            false,
        ),
        (
            "unknown scheme",
            good.replace("ppc:10-5-3", "pcp:10-5-3"),
            false,
        ),
        ("unknown sector", good.replace("local-government", "city"), false),
        ("unknown cause", good.replace("category: unauthorized-takeout", "category: takeout"), false),
        ("empty controls", good.replace("[iso27001:A.7.10, ppc:10-5-3]", "[]"), false),
        (
            "malformed date",
            good.replace("published: 2024-06-23", "published: 2024/06/23"),
            false,
        ),
        ("impossible month", good.replace("occurred: 2024-06", "occurred: 2024-13"), false),
        ("year only", good.replace("occurred: 2024-06", "occurred: 2024"), true),
        (
            "bad url",
            good.replace("https://example.jp/notice", "example.jp/notice"),
            false,
        ),
        ("bad origin", good.replace("origin: required", "origin: told"), false),
        (
            "editorial with by",
            good.replace("origin: required", "origin: editorial"),
            false,
        ),
        (
            "suggested with by",
            good.replace("origin: required", "origin: suggested"),
            true,
        ),
        (
            "suggested without by",
            good.replace("origin: required\n    by: 個人情報保護委員会\n", "origin: suggested\n"),
            false,
        ),
        ("TODO left", good.replace("organization: テスト市", "organization: TODO"), false),
        ("bad id", good.replace("id: x", "id: Bad_Id"), false),
        ("empty title", good.replace("title: 委託先がUSBメモリーを紛失", "title: \"  \""), false),
        (
            "not published, discovered",
            good.replace("published: 2024-06-23\n", ""),
            true,
        ),
        (
            "neither published nor discovered",
            good.replace("published: 2024-06-23\n", "").replace("discovered: 2024-06-21\n", ""),
            false,
        ),
        ("discovered to the month", good.replace("discovered: 2024-06-21", "discovered: 2024-06"), false),
        ("a fact written yes", good.replace("sensitive: false", "sensitive: yes"), false),
        ("a fact unknown", good.replace("sensitive: false", "sensitive: unknown"), true),
        ("a fact TODO", good.replace("sensitive: false", "sensitive: TODO"), false),
        ("report to an unknown body", good.replace("to: ppc", "to: jpcert"), false),
        ("report of an unknown stage", good.replace("stage: preliminary", "stage: interim"), false),
        ("report without a date", good.replace(", date: 2024-06-24", ""), false),
        ("a status not of the four", good.replace("status: verified", "status: finished"), false),
        ("a due date to the month", good.replace("due: 2024-07-31", "due: 2024-07"), false),
        ("no reports", good.replace("reports:\n  - {to: ppc, stage: preliminary, date: 2024-06-24}\n", ""), true),
    ];
    for (what, yaml, valid) in cases {
        assert_eq!(
            schema_accepts(&schema, &yaml),
            valid,
            "schema on {what}:\n{yaml}"
        );
        assert_eq!(loader_accepts(&yaml), valid, "loader on {what}:\n{yaml}");
    }
}

/// The drift test: for every field in the table, dropping it from a complete
/// case is an error for the loader and the schema exactly when the table says
/// it is required, and every field the table names is read by the loader.
#[test]
fn every_field_of_the_table_is_enforced_alike_by_the_loader_and_the_schema() {
    let schema = bundled_schema();
    let good = complete_case();
    assert!(loader_accepts(&good) && schema_accepts(&schema, &good));
    let tree: Value = yaml_to_json(&good);
    let mut checked = 0;
    for (path, f) in all_fields(format::CASE, "") {
        let mut without = tree.clone();
        remove(&mut without, &path);
        let yaml = serde_yaml::to_string(&without).unwrap();
        let valid = !f.required;
        assert_eq!(
            schema_accepts(&schema, &yaml),
            valid,
            "schema without {path}"
        );
        assert_eq!(loader_accepts(&yaml), valid, "loader without {path}");
        checked += 1;
    }
    assert_eq!(checked, 47, "fields in format v1");

    // Everything the table names comes back out of the loader: nothing is ignored.
    let (case, _) = load::parse_text("x.yaml", &good, bundled_catalogs());
    let json = serde_json::to_value(case.unwrap()).unwrap();
    for (path, _) in all_fields(format::CASE, "") {
        let mut at = &json;
        for part in path.split('.') {
            at = if at.is_array() {
                &at[0][part]
            } else {
                &at[part]
            };
        }
        assert!(!at.is_null(), "the loader dropped `{path}`");
    }
}

/// (dotted path, field) for every field; list items are addressed by their first element.
fn all_fields(place: &'static [Field], prefix: &str) -> Vec<(String, &'static Field)> {
    let mut out = Vec::new();
    for f in place {
        let path = if prefix.is_empty() {
            f.name.to_string()
        } else {
            format!("{prefix}.{}", f.name)
        };
        out.push((path.clone(), f));
        if let Type::Map(inner) | Type::Entries(inner) = f.ty {
            out.extend(all_fields(inner, &path));
        }
    }
    out
}

fn remove(tree: &mut Value, path: &str) {
    let parts: Vec<&str> = path.split('.').collect();
    let mut at = tree;
    for part in &parts[..parts.len() - 1] {
        at = &mut at[*part];
        if at.is_array() {
            at = &mut at[0];
        }
    }
    at.as_object_mut().unwrap().remove(parts[parts.len() - 1]);
}

/// The format documentation lists exactly the table's fields, with the same
/// "required" column.
#[test]
fn the_format_documentation_lists_the_fields_of_the_table() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("casebook/README.md"),
    )
    .unwrap();
    let documented: Vec<(String, bool)> = doc
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let name = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let required = match *cells.get(3)? {
                "yes" => true,
                "no" => false,
                // Required unless another field is there (format::REQUIRED_UNLESS).
                unless if unless.starts_with("unless `") => {
                    let other = unless.trim_start_matches("unless `").trim_end_matches('`');
                    assert!(
                        format::REQUIRED_UNLESS.contains(&(name, other)),
                        "{name}: {unless}"
                    );
                    false
                }
                _ => return None,
            };
            Some((name.replace("[]", ""), required))
        })
        .collect();
    let table: Vec<(String, bool)> = all_fields(format::CASE, "")
        .into_iter()
        .map(|(p, f)| (p, f.required))
        .collect();
    assert_eq!(documented, table);
}

#[test]
fn a_teams_own_catalog_ids_are_in_the_schema() {
    let dir = Dir::new();
    dir.file(
        "catalogs/internal.yaml",
        "scheme: internal\nkind: controls\ntitle: {ja: 社内規程, en: Internal rules}\nitems:\n  - {id: R-1, ja: 持ち出し規程}\n",
    );
    let out = casebook(&["--casebook", dir.path().to_str().unwrap(), "schema"]);
    assert!(out.status.success());
    let schema: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let control = &schema["properties"]["measures"]["items"]["properties"]["controls"]["items"];
    let controls = control["enum"].as_array().unwrap();
    for id in ["internal:R-1", "iso27001:A.7.14", "ppc:10-5-4", "ppc:10-4"] {
        assert!(controls.contains(&Value::from(id)), "{id} missing");
    }
    let causes = &schema["properties"]["root_causes"]["items"]["properties"]["category"]["enum"];
    assert!(causes.as_array().unwrap().contains(&Value::from("loss")));
    let sectors = &schema["properties"]["sector"]["enum"];
    assert!(
        sectors
            .as_array()
            .unwrap()
            .contains(&Value::from("healthcare"))
    );
    // Completion lists show each id's title.
    let at = controls.iter().position(|c| c == "internal:R-1").unwrap();
    assert_eq!(control["enumDescriptions"][at], "持ち出し規程");

    // A case citing the team's control validates with this schema, not with the bundled one.
    let case = complete_case().replace("ppc:10-5-3", "internal:R-1");
    assert!(schema_accepts(&schema, &case));
    assert!(!schema_accepts(&bundled_schema(), &case));
}

#[test]
fn schema_out_writes_the_file_and_replaces_an_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("casebook.schema.json");
    std::fs::write(&path, "old").unwrap();
    let out = casebook(&["schema", "--out", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(written, bundled_schema());
}
