//! Measures followed through: the tracking fields of a measure (`status`,
//! `owner`, `due`, `done`, `verified`, `evidence`) as the loader reads and
//! checks them, and a measure's status set in its file's text with every
//! comment and the layout kept (the library the browser calls).

use crate::common;

use casebook::authoring::status::{Change, edit, set_status};
use casebook::load::{self, Input};
use casebook::model::{DatePrecision, PartialDate, Progress};
use common::{Dir, about, case_file, ids};

fn day(s: &str) -> PartialDate {
    PartialDate::parse(s, DatePrecision::Day).unwrap()
}

/// `case_file(id)` with its first measure followed through as `tracking` says.
fn tracked(id: &str, tracking: &str) -> String {
    let good = case_file(id);
    let at = "    controls: [iso27001:A.7.10, ppc:10-5-3]\n";
    assert!(good.contains(at));
    good.replacen(at, &format!("{at}{tracking}"), 1)
}

// ---------------------------------------------------------------------------
// The format

#[test]
fn a_measure_records_its_status_owner_dates_and_evidence() {
    let dir = Dir::new();
    dir.case(
        "ok.yaml",
        tracked(
            "ok",
            "    status: verified\n    owner: 業務管理課\n    due: 2026-12-20\n    done: 2026-12-18\n    verified: 2027-01-10\n    evidence: 手順書 第3版\n",
        ),
    );
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let m = &loaded.casebook.get("ok").unwrap().case.measures[0];
    assert_eq!(m.status, Some(Progress::Verified));
    assert_eq!(m.owner.as_deref(), Some("業務管理課"));
    assert_eq!(m.due, Some(day("2026-12-20")));
    assert_eq!(m.done, Some(day("2026-12-18")));
    assert_eq!(m.verified, Some(day("2027-01-10")));
    assert_eq!(m.evidence.as_deref(), Some("手順書 第3版"));
    // The other measure records none of it.
    let other = &loaded.casebook.get("ok").unwrap().case.measures[1];
    assert_eq!((other.status, other.due), (None, None));
}

/// Loads `bad.yaml` beside a good file; the diagnostics about it in English
/// and Japanese, and whether it loaded.
fn diagnose(text: String) -> (Vec<String>, Vec<String>, bool) {
    let dir = Dir::new();
    dir.case("good.yaml", case_file("good"));
    dir.case("bad.yaml", text);
    let loaded = dir.load();
    let ja = loaded
        .diagnostics
        .iter()
        .filter(|d| d.path.ends_with("bad.yaml"))
        .map(|d| {
            format!(
                "{}:{}: {}",
                d.line.unwrap(),
                d.column.unwrap(),
                d.message.ja
            )
        })
        .collect();
    let loads = ids(&loaded).contains(&"bad".to_string());
    (about(&loaded, "bad.yaml"), ja, loads)
}

#[test]
fn a_status_that_is_not_one_of_the_four_words_names_the_nearest() {
    let (en, ja, loads) = diagnose(tracked("bad", "    status: in_progress\n"));
    assert_eq!(
        en,
        vec![
            "bad.yaml:19:13: error: `measures[1].status`: `in_progress` is not a status; did you mean `in-progress`? (expected planned, in-progress, done or verified)"
        ]
    );
    assert_eq!(
        ja,
        vec![
            "19:13: `measures[1].status`: `in_progress` は実施状況の値ではありません（`in-progress` の誤りでは？）（`planned`、`in-progress`、`done`、`verified` のいずれか）"
        ]
    );
    assert!(!loads);
    let (en, _, _) = diagnose(tracked("bad", "    status: finished\n"));
    assert_eq!(en.len(), 1, "{en:?}");
    assert!(
        en[0]
            .starts_with("bad.yaml:19:13: error: `measures[1].status`: `finished` is not a status"),
        "{en:?}"
    );
}

#[test]
fn the_dates_are_days_on_the_calendar() {
    let (en, ja, loads) = diagnose(tracked(
        "bad",
        "    status: in-progress\n    due: 2026-12\n    done: 2026-02-30\n",
    ));
    assert_eq!(
        en,
        vec![
            "bad.yaml:20:10: error: `measures[1].due`: `2026-12` is not a date in the form YYYY-MM-DD",
            "bad.yaml:21:11: error: `measures[1].done`: `2026-02-30` is not a real calendar date: 2026-02 has 28 days",
        ]
    );
    assert!(
        ja[0].starts_with(
            "20:10: `measures[1].due`: `2026-12` は YYYY-MM-DD の形の日付ではありません"
        ),
        "{ja:?}"
    );
    assert!(!loads);
}

#[test]
fn disagreeing_fields_are_warnings_and_the_case_still_loads() {
    let (en, ja, loads) = diagnose(tracked(
        "bad",
        "    status: in-progress\n    done: 2026-12-18\n    verified: 2026-12-01\n",
    ));
    assert_eq!(
        en,
        vec![
            "bad.yaml:20:11: warning: `measures[1].done` gives a day it was carried out, but `status` is in-progress (set status: done, or remove `done`)",
            "bad.yaml:21:15: warning: `measures[1].verified` gives a day the effect was checked, but `status` is in-progress (set status: verified)",
            "bad.yaml:21:15: warning: `measures[1].verified` (2026-12-01) is earlier than `done` (2026-12-18)",
        ]
    );
    assert_eq!(ja.len(), 3);
    assert!(
        ja[2].contains("実施日 `done`（2026-12-18）より前"),
        "{ja:?}"
    );
    assert!(loads);
    let (en, _, loads) = diagnose(tracked("bad", "    owner: 総務課\n    due: 2026-12-20\n"));
    assert_eq!(
        en,
        vec![
            "bad.yaml:20:10: warning: `measures[1]` has `due` but no `status`; a measure that is followed through needs status: planned, in-progress, done or verified"
        ]
    );
    assert!(loads);
}

#[test]
fn a_misspelt_tracking_field_names_the_nearest_and_todo_asks_for_the_value() {
    let (en, _, _) = diagnose(tracked("bad", "    status: planned\n    onwer: 総務課\n"));
    assert_eq!(
        en,
        vec!["bad.yaml:20:5: error: unknown field `measures[1].onwer`; did you mean `owner`?"]
    );
    let (en, _, _) = diagnose(tracked("bad", "    status: planned\n    due: TODO\n"));
    assert_eq!(
        en,
        vec![
            "bad.yaml:20:10: error: `measures[1].due`: still TODO; expected the day it is to be done by, YYYY-MM-DD (or delete the line)"
        ]
    );
}

#[test]
fn the_scaffold_and_the_schema_know_the_tracking_fields() {
    let text = casebook::authoring::new::scaffold("our-x-2026", casebook::lang::Lang::En);
    for line in [
        "    status: planned  # where carrying it out stands: planned, in-progress, done or verified (optional)",
        "    owner: TODO  # who is responsible for carrying it out (optional)",
        "    due: TODO  # the day it is to be done by, YYYY-MM-DD (optional)",
        "    # done: YYYY-MM-DD  # the day it was carried out, YYYY-MM-DD (optional)",
        "    # verified: YYYY-MM-DD  # the day its effect was checked, YYYY-MM-DD (optional)",
        "    # evidence: ...  # what shows it was done: a document, a record (optional)",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let book = common::bundled();
    let schema = casebook::authoring::schema::schema(&book.catalogs);
    let measure = &schema["properties"]["measures"]["items"]["properties"];
    assert_eq!(
        measure["status"]["enum"],
        serde_json::json!(["planned", "in-progress", "done", "verified"])
    );
    assert_eq!(measure["due"]["$ref"], "#/$defs/day");
    assert_eq!(measure["evidence"]["$ref"], "#/$defs/text");
}

// ---------------------------------------------------------------------------
// Setting a status in the file's text

const BLOCK: &str = "\
# 自社の事故（コメントは残る）
id: our-x-2026
measures:
  # 一つ目の対策
  - text: 封入時に二人で宛先を照合する   # 手順書に追記
    controls: [iso27001:A.5.10]
    status: planned    # 予定
    owner: 業務管理課

  - text: 'FAXの送信前に番号を読み上げる'
    controls:
      - iso27001:A.5.14
      - ppc:10-6-1
    # 担当はまだ
  - {text: 宛先表を年1回見直す, controls: [iso27001:A.5.10], status: \"in-progress\"}
  - {text: 誤送信の訓練をする, controls: [iso27001:A.6.3]}
tags: [誤送信]
";

/// The lines that differ between two texts, as (before, after) pairs.
fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    let (a, b): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if b.len() > a.len() && j < b.len() && a.get(i) == b.get(j + 1) {
            out.push((String::new(), b[j].to_string()));
            j += 1;
        } else {
            out.push((
                a.get(i).unwrap_or(&"").to_string(),
                b.get(j).unwrap_or(&"").to_string(),
            ));
            i += 1;
            j += 1;
        }
    }
    out
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn an_existing_status_is_replaced_in_place_with_its_comment() {
    let after = edit(BLOCK, 0, &Change::status(Progress::Done)).unwrap();
    assert_eq!(
        changed_lines(BLOCK, &after),
        vec![pair(
            "    status: planned    # 予定",
            "    status: done    # 予定"
        )]
    );
}

#[test]
fn a_missing_status_is_inserted_at_the_measures_indentation() {
    // After the last field of the mapping, above the comment that introduces the next item.
    let after = edit(BLOCK, 1, &Change::status(Progress::InProgress)).unwrap();
    assert_eq!(
        changed_lines(BLOCK, &after),
        vec![pair("", "    status: in-progress")]
    );
    assert!(
        after.contains("      - ppc:10-6-1\n    status: in-progress\n    # 担当はまだ\n"),
        "{after}"
    );
    // Before a field the format puts after it (status before owner; done
    // after owner and due), with the days given.
    let text = BLOCK.replace("    status: planned    # 予定\n", "");
    let change = Change {
        status: Progress::Done,
        done: Some(day("2026-12-18")),
        verified: None,
    };
    let after = edit(&text, 0, &change).unwrap();
    assert!(
        after.contains("    controls: [iso27001:A.5.10]\n    status: done\n    owner: 業務管理課\n    done: 2026-12-18\n\n"),
        "{after}"
    );
}

#[test]
fn flow_mappings_stay_flow_and_quotes_stay_quotes() {
    let after = edit(BLOCK, 2, &Change::status(Progress::Done)).unwrap();
    assert_eq!(
        changed_lines(BLOCK, &after),
        vec![pair(
            "  - {text: 宛先表を年1回見直す, controls: [iso27001:A.5.10], status: \"in-progress\"}",
            "  - {text: 宛先表を年1回見直す, controls: [iso27001:A.5.10], status: \"done\"}"
        )]
    );
    let change = Change {
        status: Progress::Verified,
        done: Some(day("2026-12-18")),
        verified: Some(day("2027-01-10")),
    };
    let after = edit(BLOCK, 3, &change).unwrap();
    assert_eq!(
        changed_lines(BLOCK, &after),
        vec![pair(
            "  - {text: 誤送信の訓練をする, controls: [iso27001:A.6.3]}",
            "  - {text: 誤送信の訓練をする, controls: [iso27001:A.6.3], status: verified, done: 2026-12-18, verified: 2027-01-10}"
        )]
    );
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_are_kept() {
    let crlf = format!("\u{FEFF}{}", BLOCK.replace('\n', "\r\n"));
    for measure in 0..4 {
        let after = edit(&crlf, measure, &Change::status(Progress::Done)).unwrap();
        assert!(after.starts_with('\u{FEFF}'));
        assert_eq!(
            after.matches('\n').count(),
            after.matches("\r\n").count(),
            "no bare LF: {after:?}"
        );
        assert_ne!(after, crlf);
    }
    let after = edit(&crlf, 1, &Change::status(Progress::Done)).unwrap();
    assert!(
        after.contains("      - ppc:10-6-1\r\n    status: done\r\n"),
        "{after:?}"
    );
}

#[test]
fn a_file_without_a_final_newline_gets_the_line_after_its_last() {
    let text = "id: x\nmeasures:\n  - text: a\n    controls: [iso27001:A.5.1]";
    let after = edit(text, 0, &Change::status(Progress::Planned)).unwrap();
    assert_eq!(
        after,
        "id: x\nmeasures:\n  - text: a\n    controls: [iso27001:A.5.1]\n    status: planned\n"
    );
}

#[test]
fn what_cannot_be_edited_safely_is_refused_and_nothing_changes() {
    let block_scalar = BLOCK.replace(
        "    status: planned    # 予定\n",
        "    status: |\n      planned\n",
    );
    let err = edit(&block_scalar, 0, &Change::status(Progress::Done)).unwrap_err();
    assert!(err.en.contains("`measures[1]`"), "{err:?}");
    assert!(err.ja.contains("ファイルを直接編集"), "{err:?}");
    let err = edit(BLOCK, 4, &Change::status(Progress::Done)).unwrap_err();
    assert_eq!(err.en, "there is no measure 5 (`measures[5]`)");
    assert!(edit("id: [", 0, &Change::status(Progress::Done)).is_err());
}

#[test]
fn set_status_writes_a_team_file_and_refuses_a_bundled_case() {
    let dir = Dir::new();
    let text = format!(
        "# 先頭のコメント\n{}",
        tracked("ours", "    status: planned  # 予定\n")
    );
    let path = dir.case("ours.yaml", &text);
    let inputs = [Input::Bundled, Input::Dir(dir.path().to_path_buf())];
    let loaded = load::load(&inputs, &[]);
    let book = &loaded.casebook;
    let i = book.index_of("ours").unwrap();
    let change = Change {
        status: Progress::Done,
        done: Some(day("2026-12-18")),
        verified: None,
    };
    assert_eq!(set_status(book, i, 0, &change).unwrap(), path);
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        text.replace(
            "    status: planned  # 予定\n",
            "    status: done  # 予定\n    done: 2026-12-18\n"
        )
    );
    let again = dir.load();
    let m = &again.casebook.get("ours").unwrap().case.measures[0];
    assert_eq!(
        (m.status, m.done),
        (Some(Progress::Done), Some(day("2026-12-18")))
    );
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file is left");

    // The file changed since it was loaded: the measure there is another one now.
    std::fs::write(
        &path,
        text.replace("電子媒体の持ち出しは", "媒体の持ち出しは"),
    )
    .unwrap();
    let err = set_status(book, i, 0, &change).unwrap_err();
    assert!(
        err.en.contains("has changed since it was loaded"),
        "{err:?}"
    );

    let bundled = (0..book.len()).find(|&i| book.is_bundled(i)).unwrap();
    let err = set_status(book, bundled, 0, &change).unwrap_err();
    assert!(
        err.en.contains("bundled public case cannot be changed"),
        "{err:?}"
    );
}
