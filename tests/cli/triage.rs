//! A team's own incidents under the report rules: the labelled scenario
//! table (tests/fixtures/triage/scenarios.yaml) against `triage`'s JSON, a team's
//! casebook (tests/fixtures/triage/team) through the command line as a script would
//! use it (`triage --format json`, `report` as text and Word, `due --today`
//! and its exit status), and a team's overrides of the rule table.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use casebook::lang::Lang;
use casebook::load::{self, Input};
use common::{Dir, casebook, stderr, stdout};
use serde_json::Value;

// ---------------------------------------------------------------------------
// The scenario table

#[derive(serde::Deserialize)]
struct Scenario {
    label: String,
    #[serde(default)]
    case: BTreeMap<String, serde_yaml::Value>,
    expect: BTreeMap<String, serde_yaml::Value>,
}

fn scenarios() -> Vec<Scenario> {
    let text = std::fs::read_to_string(team_dir().join("../scenarios.yaml")).unwrap();
    serde_yaml::from_str(&text).expect("the scenario table parses")
}

fn team_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/triage/team")
}

/// The base case of the table, changed as the scenario says.
fn scenario_case(s: &BTreeMap<String, serde_yaml::Value>) -> String {
    let get = |k: &str| s.get(k);
    let scalar = |v: &serde_yaml::Value| match v {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        other => panic!("unexpected value {other:?}"),
    };
    let mut out = String::from("id: scenario\ntitle: 事故\norganization: テスト株式会社\n");
    let sector = get("sector").map_or("it-services".to_string(), scalar);
    out.push_str(&format!("sector: {sector}\n"));
    match get("discovered") {
        None => out.push_str("discovered: 2026-11-02\n"),
        Some(serde_yaml::Value::Null) => out.push_str("published: 2026-12-01\n"),
        Some(d) => out.push_str(&format!("discovered: {}\n", scalar(d))),
    }
    out.push_str("summary: 個人データが漏えいした。\n");
    match get("people") {
        None => out.push_str("affected:\n  people: 12\n"),
        Some(serde_yaml::Value::Null) => {}
        Some(p) => out.push_str(&format!("affected:\n  people: {}\n", scalar(p))),
    }
    match get("leak") {
        Some(serde_yaml::Value::Null) => {}
        leak => {
            let given: BTreeMap<String, String> = leak
                .and_then(|l| l.as_mapping())
                .map(|m| m.iter().map(|(k, v)| (scalar(k), scalar(v))).collect())
                .unwrap_or_default();
            out.push_str("leak:\n");
            for fact in [
                "sensitive",
                "financial",
                "malicious",
                "encrypted",
                "recovered_unseen",
                "public_body",
            ] {
                match given.get(fact).map(String::as_str) {
                    Some("omit") => {}
                    Some(v) => out.push_str(&format!("  {fact}: {v}\n")),
                    // public_body follows the sector unless written.
                    None if fact == "public_body" => {}
                    None => out.push_str(&format!("  {fact}: false\n")),
                }
            }
        }
    }
    out.push_str(
        "root_causes:\n  - {category: misoperation, text: 宛先を誤った}\n\
         measures:\n  - {text: 宛先を確かめる, controls: [iso27001:A.5.14]}\n",
    );
    if let Some(serde_yaml::Value::Sequence(reports)) = get("reports") {
        out.push_str("reports:\n");
        for r in reports {
            let m = r.as_mapping().unwrap();
            let f = |k: &str| scalar(&m[&serde_yaml::Value::from(k)]);
            out.push_str(&format!(
                "  - {{to: {}, stage: {}, date: {}}}\n",
                f("to"),
                f("stage"),
                f("date")
            ));
        }
    }
    out.push_str("sources:\n  - {publisher: テスト株式会社, title: 事故報告書}\n");
    out
}

/// The value at a dotted path of the triage JSON; a stage is found by its id
/// (`ppc.stages.final.done`), and `questions` is the list of their fields.
fn at<'a>(json: &'a Value, path: &str) -> Value {
    if path == "questions" {
        return Value::Array(
            json["questions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|q| q["field"].clone())
                .collect(),
        );
    }
    let mut v: &'a Value = json;
    for part in path.split('.') {
        v = match v {
            Value::Array(items) => items
                .iter()
                .find(|i| i["id"] == part)
                .unwrap_or(&Value::Null),
            other => &other[part],
        };
    }
    v.clone()
}

fn yaml_to_json(v: &serde_yaml::Value) -> Value {
    // Dates in the table are plain YAML scalars; the JSON says them as strings.
    serde_json::to_value(v).unwrap()
}

#[test]
fn every_labelled_scenario_agrees_with_the_triage() {
    let scenarios = scenarios();
    assert!(scenarios.len() >= 40, "only {} scenarios", scenarios.len());
    let mut labels: Vec<&str> = scenarios.iter().map(|s| s.label.as_str()).collect();
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), scenarios.len(), "labels are unique");

    let catalogs = load::load(&[Input::Bundled], &[]).casebook.catalogs;
    let today = casebook::date::parse_day("2026-11-20").unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for s in &scenarios {
        let text = scenario_case(&s.case);
        let (case, diags) = load::parse_text("scenario.yaml", &text, &catalogs);
        let errors: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        let Some(case) = case else {
            failures.push(format!(
                "{}: the case does not load: {errors:?}\n{text}",
                s.label
            ));
            continue;
        };
        let t = casebook::triage::triage(&case, &catalogs.rules, Some(today));
        let json = casebook::triage::json::value(&t, Lang::En);
        for (path, want) in &s.expect {
            let (want, got) = (yaml_to_json(want), at(&json, path));
            if want != got {
                failures.push(format!("{}: {path} is {got}, expected {want}", s.label));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} expected facts disagree:\n{}",
        failures.len(),
        checked,
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------
// A team's casebook through the command line

fn team(args: &[&str]) -> std::process::Output {
    let dir = team_dir();
    let mut all = vec!["--no-bundled", "--casebook", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    casebook(&all)
}

fn json_of(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_str(&stdout(out)).expect("JSON on stdout")
}

#[test]
fn the_team_casebook_validates_cleanly() {
    let out = team(&["--lang", "en", "validate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("5 cases, 0 errors, 0 warnings"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn triage_json_of_the_team_cases() {
    let t = json_of(&team(&[
        "triage",
        "our-health-mail-2026",
        "--format",
        "json",
    ]));
    assert_eq!(t["situations"], serde_json::json!(["7-1"]));
    assert_eq!(t["ppc"]["required"], true);
    assert_eq!(t["ppc"]["preliminary_due"], "2026-11-06");
    assert_eq!(t["ppc"]["final_due"], "2026-12-01");
    assert_eq!(at(&t, "ppc.stages.preliminary.filed"), "2026-11-05");
    assert_eq!(t["pmark"]["final_due"], "2026-12-01");
    assert_eq!(t["ppc"]["rule"]["effective_from"], "2024-04-01");

    // Web skimming: an improper purpose and card data, 60 days.
    let t = json_of(&team(&[
        "triage",
        "our-ec-skimming-2026",
        "--format",
        "json",
    ]));
    assert_eq!(t["situations"], serde_json::json!(["7-2", "7-3", "7-4"]));
    assert_eq!(t["ppc"]["final_due"], "2026-11-29");

    // A stolen laptop, encrypted: no PPC report, the P-mark's final one filed.
    let t = json_of(&team(&[
        "triage",
        "our-laptop-theft-2026",
        "--format",
        "json",
    ]));
    assert_eq!(t["exemptions"], serde_json::json!(["encrypted"]));
    assert_eq!(t["ppc"]["required"], false);
    assert_eq!(t["ppc"]["final_due"], Value::Null);
    assert_eq!(at(&t, "pmark.stages.final.done"), true);

    // A lost USB memory still being examined: the questions, not a verdict.
    let t = json_of(&team(&["triage", "our-usb-loss-2026", "--format", "json"]));
    assert_eq!(t["ppc"]["required"], Value::Null);
    assert_eq!(
        at(&t, "questions"),
        serde_json::json!(["leak.sensitive", "leak.malicious", "affected.people"])
    );
    // Every output says the rules' date and whose word is final.
    let word = t["final_word"].as_str().unwrap();
    assert!(
        word.contains("ppc 2024-04-01") && word.contains("個人情報保護委員会"),
        "{word}"
    );
}

#[test]
fn triage_text_says_the_verdict_the_facts_the_questions_and_the_final_word() {
    let out = team(&["triage", "our-usb-loss-2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for part in [
        "報告の要否: 研修資料を入れたUSBメモリーを紛失、中身を調査中",
        "発覚日 2026-11-18",
        "■ 個人情報保護委員会への漏えい等報告",
        "報告の要否は未確定",
        "速報（5日、目安）: 期限 2026-11-22 — 未提出（要否未確定）",
        "7-1 要配慮個人情報が含まれる個人データの漏えい等（1人でも対象）: 未確定（leak.sensitive: unknown） [施行規則第7条第1号]",
        "7-4 本人の数が1,000人を超える漏えい等: 未確定（affected.people: 未記入）",
        "■ 確かめること",
        "・本人の数は何人か（affected.people に数字で書く）",
        "2024-04-01 施行の規則",
        "最終的な判断は個人情報保護委員会・審査機関（プライバシーマーク）が行います。",
    ] {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
    let en = stdout(&team(&["--lang", "en", "triage", "our-usb-loss-2026"]));
    assert!(
        en.contains("Whether a report is required is not known yet"),
        "{en}"
    );
    assert!(en.contains("the final word rests with"), "{en}");
}

/// The nine items of 施行規則第8条, in order, each present.
const PPC_ITEMS: [&str; 9] = [
    "1. 概要",
    "2. 漏えい等が発生し、又は発生したおそれがある個人データの項目",
    "3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数",
    "4. 原因",
    "5. 二次被害又はそのおそれの有無及びその内容",
    "6. 本人への対応の実施状況",
    "7. 公表の実施状況",
    "8. 再発防止のための措置",
    "9. その他参考となる事項",
];

#[test]
fn the_ppc_report_as_text_has_the_nine_items_in_order_and_says_what_is_unknown() {
    let out = team(&["report", "our-usb-loss-2026", "--to", "ppc"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut from = 0;
    for item in PPC_ITEMS {
        let heading = format!("■ {item}\n");
        let at = text[from..]
            .find(&heading)
            .unwrap_or_else(|| panic!("{item} missing or out of order:\n{text}"));
        from += at + heading.len();
    }
    // The first report not yet filed: the preliminary one.
    assert!(
        text.starts_with("個人情報保護委員会への漏えい等報告（速報）下書き\n"),
        "{text}"
    );
    assert!(text.contains("期限 2026-11-22（5日、目安）"), "{text}");
    // Unknown: the number of persons and any secondary damage. Never left out.
    let section = |item: &str| {
        let start = text.find(&format!("■ {item}\n")).unwrap() + item.len() + 5;
        text[start..].split("\n\n").next().unwrap().to_string()
    };
    assert_eq!(section(PPC_ITEMS[2]), "調査中");
    assert_eq!(section(PPC_ITEMS[4]), "調査中");
    assert_eq!(section(PPC_ITEMS[1]), "氏名、所属");
    assert_eq!(section(PPC_ITEMS[6]), "公表していない（非公表）");
    assert!(text.contains("注意: 報告の要否は未確定です"), "{text}");
    assert!(text.contains("最終的な判断は"), "{text}");

    // A stage asked for by name, and a case that was made public.
    let text = stdout(&team(&[
        "report",
        "our-ec-skimming-2026",
        "--to",
        "ppc",
        "--stage",
        "final",
    ]));
    assert!(text.contains("期限 2026-11-29（60日）"), "{text}");
    assert!(text.contains("2026-10-20 に公表"), "{text}");
    assert!(text.contains("3,800人"), "{text}");
    assert!(
        text.contains("・2026-10-03 速報を提出（個人情報保護委員会）"),
        "{text}"
    );
}

#[test]
fn the_pmark_report_follows_the_unified_forms_items() {
    let text = stdout(&team(&[
        "report",
        "our-fax-misdelivery-2026",
        "--to",
        "pmark",
    ]));
    // The preliminary report is not called for: the final one comes first.
    assert!(
        text.starts_with("プライバシーマーク付与事業者の事故報告（確報）下書き\n"),
        "{text}"
    );
    let mut from = 0;
    for item in [
        "事業者名",
        "業種",
        "発生日",
        "発覚日",
        "事故の概要",
        "媒体",
        "個人情報の項目",
        "件数",
    ] {
        let heading = format!("■ {item}\n");
        from += text[from..]
            .find(&heading)
            .unwrap_or_else(|| panic!("{item}:\n{text}"))
            + heading.len();
    }
    assert!(text.contains("■ 媒体\n調査中"), "{text}");
    assert!(text.contains("■ 発生日\n2026-11-14"), "{text}");
}

#[test]
fn the_report_in_word_has_the_items_and_east_asian_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ppc.docx");
    let out = team(&[
        "report",
        "our-health-mail-2026",
        "--to",
        "ppc",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let part = |zip: &mut zip::ZipArchive<_>, name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let document = part(&mut zip, "word/document.xml");
    let styles = part(&mut zip, "word/styles.xml");
    assert!(styles.contains("w:eastAsia=\"游ゴシック\""), "{styles}");
    let mut from = 0;
    for item in PPC_ITEMS {
        from += document[from..]
            .find(item)
            .unwrap_or_else(|| panic!("{item} missing or out of order"))
            + item.len();
    }
    // The preliminary report is filed: the final one is drafted.
    assert!(document.contains("個人情報保護委員会への漏えい等報告（確報）下書き"));
    assert!(document.contains("公表していない（非公表）"));
}

#[test]
fn report_refuses_an_unknown_recipient_or_stage_with_the_known_ones() {
    let out = team(&[
        "--lang",
        "en",
        "report",
        "our-health-mail-2026",
        "--to",
        "ppcc",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--to `ppcc` is not a rule of the report rules; did you mean `ppc`? (expected one of: ppc, pmark)"),
        "{}",
        stderr(&out)
    );
    let out = team(&[
        "--lang",
        "en",
        "report",
        "our-health-mail-2026",
        "--to",
        "ppc",
        "--stage",
        "interim",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("expected one of: preliminary, final"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn due_lists_the_open_reports_and_fails_when_one_is_overdue() {
    let out = team(&["due", "--today", "2026-11-20"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "2026-11-06\t超過 14日\tpmark\t速報（目安）\tour-health-mail-2026\t健康診断結果を添付したメールを別部署の社員に誤送信"
    );
    // Filed reports are done: the laptop's P-mark report and the PPC's 速報 of the mail.
    assert!(!text.contains("our-laptop-theft-2026"), "{text}");
    assert!(
        !text.contains("ppc\t速報（目安）\tour-health-mail-2026"),
        "{text}"
    );
    assert!(
        text.contains("2026-12-14\tあと 24日\tpmark\t確報\tour-fax-misdelivery-2026"),
        "{text}"
    );
    assert!(
        text.contains("ppc\t確報（要否未確定）\tour-usb-loss-2026"),
        "{text}"
    );
    let last = lines.last().unwrap();
    assert!(
        last.starts_with("2026-11-20 時点: 期限超過 1件、未提出 9件。規則の施行日: ppc 2024-04-01"),
        "{last}"
    );

    // Before anything is late: exit 0; --within narrows the list.
    let out = team(&[
        "due",
        "--today",
        "2026-11-06",
        "--within",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["overdue"], 0);
    let reports = json["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 1, "{json:#}");
    assert_eq!(reports[0]["id"], "our-health-mail-2026");
    assert_eq!(reports[0]["days_left"], 0);
    assert_eq!(reports[0]["status"], "due");
    assert!(json["final_word"].as_str().unwrap().contains("2024-04-01"));

    // Overdue, in JSON too.
    let json: Value = serde_json::from_str(&stdout(&team(&[
        "due",
        "--today",
        "2026-12-20",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["overdue"], json["reports"].as_array().unwrap().len());
}

#[test]
fn due_refuses_a_date_that_is_not_one() {
    let out = team(&["--lang", "en", "due", "--today", "2026-02-30"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--today: `2026-02-30` is not a real calendar date"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bundled_public_cases_have_no_reports_due() {
    let out = casebook(&["--lang", "en", "due", "--today", "2026-11-20"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("As of 2026-11-20: 0 overdue, 0 open."),
        "{}",
        stdout(&out)
    );
}

// ---------------------------------------------------------------------------
// Unpublished incidents across the outputs

#[test]
fn an_unpublished_incident_is_listed_by_its_discovery_and_cited_as_not_published() {
    let list = stdout(&team(&["list"]));
    let ids: Vec<&str> = list
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "our-usb-loss-2026",
            "our-fax-misdelivery-2026",
            "our-health-mail-2026",
            "our-ec-skimming-2026",
            "our-laptop-theft-2026"
        ]
    );
    assert!(
        list.starts_with("2026-11-18（非公表）\tour-usb-loss-2026"),
        "{list}"
    );
    let en = stdout(&team(&["--lang", "en", "list"]));
    assert!(
        en.contains("2026-09-10 (not published)\tour-laptop-theft-2026"),
        "{en}"
    );
    // --year filters by that date too.
    let y = stdout(&team(&["list", "--year", "2026"]));
    assert_eq!(y.lines().count(), 5);

    let cite = stdout(&team(&["cite", "our-laptop-theft-2026"]));
    assert_eq!(
        cite,
        "株式会社みなとシステム — 株式会社みなとシステム 情報システム部「ノートパソコン盗難に関する事故報告書」(非公表) [casebook: our-laptop-theft-2026]\n"
    );
    let cite = stdout(&team(&[
        "--lang",
        "en",
        "cite",
        "our-health-mail-2026",
        "--format",
        "markdown",
    ]));
    assert!(cite.contains("(2026-11-04; not published)"), "{cite}");

    // The summary: the byline, and the triage as its reporting section.
    let show = stdout(&team(&["show", "our-health-mail-2026", "--width", "0"]));
    assert!(
        show.contains(
            "株式会社みなとシステム（IT・情報サービス）　非公表　発覚 2026-11-02　発生 2026-10-30"
        ),
        "{show}"
    );
    assert!(show.contains("■ 報告の要否\n発覚日 2026-11-02\n"), "{show}");
    assert!(
        show.contains("・確報（30日）: 期限 2026-12-01 — 未提出"),
        "{show}"
    );
    let md = stdout(&team(&[
        "show",
        "our-health-mail-2026",
        "--format",
        "markdown",
    ]));
    assert!(md.contains("## 報告の要否"), "{md}");
    // A public case has no such section.
    let public = stdout(&common::on_sample(&[
        "show",
        "kitahama-usb-2022",
        "--width",
        "0",
    ]));
    assert!(!public.contains("報告の要否"), "{public}");

    // JSON: no published, the discovered date, the facts.
    let json: Value = serde_json::from_str(&stdout(&team(&[
        "show",
        "our-usb-loss-2026",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json.get("published"), None);
    assert_eq!(json["discovered"], "2026-11-18");
    assert_eq!(json["leak"]["sensitive"], "unknown");
    assert_eq!(json["leak"]["financial"], false);

    // A training pack's table of contents says it too.
    let pack = stdout(&team(&[
        "export",
        "--case",
        "our-laptop-theft-2026",
        "--format",
        "md",
    ]));
    assert!(pack.contains("2026-09-10（非公表）"), "{pack}");
}

#[test]
fn the_team_cases_come_back_the_same_from_the_cache() {
    let home = tempfile::tempdir().unwrap();
    let run = || {
        let mut cmd = common::command(&[
            "--no-bundled",
            "--casebook",
            team_dir().to_str().unwrap(),
            "show",
            "our-health-mail-2026",
            "--format",
            "json",
        ]);
        cmd.env("CASEBOOK_CACHE", home.path());
        cmd.output().unwrap()
    };
    let (cold, warm) = (run(), run());
    assert!(cold.status.success() && warm.status.success());
    assert_eq!(stdout(&cold), stdout(&warm));
    assert!(stdout(&warm).contains("\"reports\""));
}

// ---------------------------------------------------------------------------
// A team's overrides of the rule table

/// A team casebook holding one case and the given report-rules file.
fn with_rules(case: &str, rules: Option<&str>) -> Dir {
    let dir = Dir::new();
    dir.case("2026/x.yaml", case);
    if let Some(rules) = rules {
        dir.file("catalogs/report-rules.yaml", rules);
    }
    dir
}

fn incident(discovered: &str, leak: &str) -> String {
    format!(
        "id: x\ntitle: 事故\norganization: テスト株式会社\nsector: it-services\n\
         discovered: {discovered}\nsummary: 個人データが漏えいした。\n\
         affected:\n  people: 12\nleak: {leak}\n\
         root_causes:\n  - {{category: misoperation, text: 宛先を誤った}}\n\
         measures:\n  - {{text: 宛先を確かめる, controls: [iso27001:A.5.14]}}\n\
         sources:\n  - {{publisher: テスト株式会社, title: 事故報告書}}\n"
    )
}

fn triage_in(dir: &Dir, extra: &[&str]) -> Value {
    let mut args = vec![
        "--no-bundled",
        "--casebook",
        dir.path().to_str().unwrap(),
        "triage",
        "x",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    json_of(&casebook(&args))
}

/// A rule of the bundled table as a YAML value (its aliases expanded), to
/// change and write into a team's table.
fn bundled_rule(id: &str) -> serde_yaml::Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("casebook/catalogs/report-rules.yaml"),
    )
    .unwrap();
    let table: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    table["rules"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()
        .clone()
}

/// A report-rules file holding these rules.
fn rules_file(rules: Vec<serde_yaml::Value>) -> String {
    let mut table = serde_yaml::Mapping::new();
    table.insert("kind".into(), "report-rules".into());
    table.insert("rules".into(), serde_yaml::Value::Sequence(rules));
    serde_yaml::to_string(&table).unwrap()
}

/// Sets the days of a stage of a rule.
fn set_days(rule: &mut serde_yaml::Value, stage: &str, days: u64) {
    let stages = rule["stages"].as_sequence_mut().unwrap();
    let s = stages.iter_mut().find(|s| s["id"] == stage).unwrap();
    s["days"] = days.into();
}

const SENSITIVE: &str = "{sensitive: true, financial: false, malicious: false, encrypted: false, recovered_unseen: false}";

#[test]
fn a_team_without_a_pmark_says_so_and_has_no_pmark_reports_due() {
    let rules = "kind: report-rules\nrules:\n  - id: pmark\n    effective_from: 2024-04-01\n    applies: false\n    reason: 当社はプライバシーマークを取得していない\n";
    let dir = with_rules(&incident("2026-11-02", SENSITIVE), Some(rules));
    let t = triage_in(&dir, &[]);
    assert_eq!(t["pmark"]["required"], false);
    assert!(
        t["pmark"]["reason"]
            .as_str()
            .unwrap()
            .contains("当社はプライバシーマークを取得していない")
    );
    assert_eq!(t["ppc"]["required"], true);
    let due = stdout(&casebook(&[
        "--no-bundled",
        "--casebook",
        dir.path().to_str().unwrap(),
        "due",
        "--today",
        "2026-11-03",
    ]));
    assert!(!due.contains("pmark"), "{due}");
    assert!(due.contains("\tppc\t速報"), "{due}");
    // And no P-mark report can be drafted.
    let out = casebook(&[
        "--no-bundled",
        "--casebook",
        dir.path().to_str().unwrap(),
        "report",
        "x",
        "--to",
        "pmark",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("当社はプライバシーマークを取得していない"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_version_with_the_same_date_replaces_the_bundled_one() {
    // The team's 審査機関 expects the 速報 within 3 days and the 確報 within 20.
    let mut pmark = bundled_rule("pmark");
    set_days(&mut pmark, "preliminary", 3);
    set_days(&mut pmark, "final", 20);
    let dir = with_rules(
        &incident("2026-11-02", SENSITIVE),
        Some(&rules_file(vec![pmark])),
    );
    let t = triage_in(&dir, &[]);
    assert_eq!(t["pmark"]["preliminary_due"], "2026-11-04");
    assert_eq!(t["pmark"]["final_due"], "2026-11-21");
    let file = t["pmark"]["rule"]["file"].as_str().unwrap();
    assert!(
        file.ends_with("catalogs/report-rules.yaml") && !file.starts_with("bundled:"),
        "{file}"
    );
    // The PPC rule is still the bundled one.
    assert_eq!(t["ppc"]["final_due"], "2026-12-01");
    assert_eq!(
        t["ppc"]["rule"]["file"],
        "bundled:catalogs/report-rules.yaml"
    );
}

#[test]
fn a_later_version_applies_to_incidents_discovered_from_its_date() {
    // An amendment in force from 2027-04-01: the 確報 within 20 days.
    let mut amended = bundled_rule("ppc");
    amended["effective_from"] = "2027-04-01".into();
    set_days(&mut amended, "final", 20);
    let rules = rules_file(vec![amended]);
    let before = triage_in(
        &with_rules(&incident("2027-03-31", SENSITIVE), Some(&rules)),
        &[],
    );
    assert_eq!(before["ppc"]["rule"]["effective_from"], "2024-04-01");
    assert_eq!(before["ppc"]["final_due"], "2027-04-29");
    let after = triage_in(
        &with_rules(&incident("2027-04-01", SENSITIVE), Some(&rules)),
        &[],
    );
    assert_eq!(after["ppc"]["rule"]["effective_from"], "2027-04-01");
    assert_eq!(after["ppc"]["final_due"], "2027-04-20");
    assert!(
        after["final_word"]
            .as_str()
            .unwrap()
            .contains("ppc 2027-04-01")
    );
}

#[test]
fn counting_from_the_day_of_discovery_is_a_setting_of_the_table() {
    let mut ppc = bundled_rule("ppc");
    ppc["count_from"] = "discovered".into();
    let dir = with_rules(
        &incident("2026-11-02", SENSITIVE),
        Some(&rules_file(vec![ppc])),
    );
    let t = triage_in(&dir, &[]);
    assert_eq!(t["ppc"]["preliminary_due"], "2026-11-06");
    assert_eq!(t["ppc"]["final_due"], "2026-12-01");
}

#[test]
fn a_bad_rules_file_is_reported_at_its_lines_in_both_languages_and_the_rest_loads() {
    let rules = "kind: report-rules\nrules:\n  - id: pmark\n    effective_from: 2024-04-31\n    applies: false\n    reason: 取得していない\n  - id: pmark\n    effective_from: 2025-01-01\n    applies: maybe\n";
    let dir = with_rules(&incident("2026-11-02", "{sensitive: true}"), Some(rules));
    let loaded = dir.load();
    let about = common::about(&loaded, "report-rules.yaml");
    assert_eq!(
        about,
        [
            "report-rules.yaml:4:21: error: `rules[1].effective_from`: `2024-04-31` is not a calendar date in the form YYYY-MM-DD",
            "report-rules.yaml:9:14: error: `rules[2].applies`: `maybe` is not accepted (expected one of: true, false)",
        ]
    );
    let ja: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| d.display(Lang::Ja).to_string())
        .collect();
    assert!(
        ja.iter().any(|d| d
            .ends_with("`rules[2].applies`: `maybe` は使えません（使える値: `true`、`false`）")),
        "{ja:#?}"
    );
    // The bundled rules still apply; the case loads.
    assert_eq!(loaded.casebook.len(), 1);
    assert_eq!(loaded.casebook.catalogs.rules.ids(), ["ppc", "pmark"]);
    let out = casebook(&[
        "--no-bundled",
        "--casebook",
        dir.path().to_str().unwrap(),
        "--lang",
        "en",
        "validate",
    ]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_report_to_a_body_the_team_adds_is_valid() {
    let mut fsa = bundled_rule("ppc");
    fsa["id"] = "fsa".into();
    let case = incident("2026-11-02", "{sensitive: true}").replace(
        "sources:",
        "reports:\n  - {to: fsa, stage: preliminary, date: 2026-11-03}\nsources:",
    );
    let dir = with_rules(&case, Some(&rules_file(vec![fsa])));
    let t = triage_in(&dir, &[]);
    assert_eq!(at(&t, "fsa.stages.preliminary.done"), true);
    // Without the team's table the same file is an error naming the known ids.
    let bare = with_rules(&case, None);
    let loaded = bare.load();
    let about = common::about(&loaded, "x.yaml");
    assert!(
        about[0].contains("`reports[1].to`: unknown recipient `fsa` (known: ppc, pmark"),
        "{about:?}"
    );
}

#[test]
fn the_schema_lists_the_rule_and_stage_ids_of_the_loaded_tables() {
    let out = casebook(&["schema"]);
    let schema: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let report = &schema["properties"]["reports"]["items"]["properties"];
    assert_eq!(report["to"]["enum"], serde_json::json!(["ppc", "pmark"]));
    assert_eq!(
        report["stage"]["enum"],
        serde_json::json!(["preliminary", "final"])
    );
    assert_eq!(
        schema["properties"]["leak"]["properties"]["sensitive"]["enum"],
        serde_json::json!([true, false, "unknown"])
    );
}

#[test]
fn new_writes_the_incident_fields_as_questions() {
    let dir = tempfile::tempdir().unwrap();
    let out = casebook(&[
        "new",
        "our-leak-2026",
        "--dir",
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("cases/2026/our-leak-2026.yaml")).unwrap();
    for line in [
        "discovered: TODO  # 発覚日（組織が事態を知った日、YYYY-MM-DD）。報告の期限はこの日から数える（任意）\n",
        "published: TODO  # 組織が公表した日（YYYY-MM-DD。日が不明なら YYYY-MM か YYYY）（discovered があれば任意）\n",
        "leak:  # 漏えい等報告の要否を決める事実（true / false / unknown）（任意）\n",
        "  sensitive: TODO  # 要配慮個人情報（病歴、犯罪歴、信条など）が含まれるか（任意）\n",
        "  recovered_unseen: TODO  # 第三者に見られる前にすべて回収したか（任意）\n",
        "  # public_body: false  # 行政機関等か（省略時は報告規則が挙げる業種なら true）（任意）\n",
        "# reports:  # 提出した報告（to、stage、date の組）（任意）\n#   - {to: ppc, stage: preliminary, date: YYYY-MM-DD}\n",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    // A fact left TODO is asked as its question.
    let out = casebook(&["--lang", "en", "validate", dir.path().to_str().unwrap()]);
    assert!(
        stderr(&out).contains("`leak.sensitive`: still TODO; do the data include special-care-required personal information (medical history, criminal record, creed...)? Answer true or false, or unknown while it is not known"),
        "{}",
        stderr(&out)
    );
}

/// `pandoc -f FROM -t TO` over `input` (pandoc: installed by .ci/run).
fn pandoc(from: &str, to: &str, input: &[u8]) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("pandoc")
        .args(["-f", from, "-t", to, "--wrap=none"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pandoc is required for this test: `apt-get install pandoc` (.ci/run installs it)");
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pandoc -f {from} -t {to} failed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_report_reads_the_same_in_word_and_markdown_through_pandoc() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.docx");
    let out = team(&[
        "report",
        "our-usb-loss-2026",
        "--to",
        "ppc",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pandoc("docx", "plain", &std::fs::read(&path).unwrap());
    let mut from = 0;
    for item in PPC_ITEMS {
        from += text[from..]
            .find(item)
            .unwrap_or_else(|| panic!("{item}:\n{text}"))
            + item.len();
    }
    // The number of persons, secondary damage, the action towards the persons.
    assert_eq!(text.matches("調査中").count(), 3, "{text}");

    let md = team(&[
        "report",
        "our-usb-loss-2026",
        "--to",
        "ppc",
        "--format",
        "md",
    ])
    .stdout;
    let html = pandoc("gfm", "html", &md);
    // The title, then the situations and the nine items.
    assert_eq!(html.matches("<h1").count(), 1, "{html}");
    assert_eq!(html.matches("<h2").count(), 1 + 9, "{html}");
}
