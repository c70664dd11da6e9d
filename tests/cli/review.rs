//! What a team reviews, on a team casebook in a git repository with cases
//! committed at different dates: the register of measures (`casebook
//! measures`: JSON, Excel, `--overdue` against `--today`), the digest since a
//! revision and since a date (`casebook digest`: renames are not new, status
//! changes from git, reports, first precedents, per area and per threat), the
//! same without git (the files' dates), and the checklist written and read
//! back (`casebook checklist`, `--import`).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader};
use casebook::lang::Lang;
use casebook::load::{self, Input};
use casebook::model::Progress;
use casebook::review::changes::Since;
use casebook::review::digest::{self, Digest};
use casebook::review::releases;
use common::{Dir, casebook, stdout};

// ---------------------------------------------------------------------------
// The team casebook and its history

/// A team case; `extra` goes after the measures (threats, reports, ...).
fn case(id: &str, date: &str, measures: &str, extra: &str) -> String {
    format!(
        "id: {id}
title: {id} の事故
organization: テスト株式会社
sector: it-services
published: {date}
summary: 事故が起きた。
root_causes:
  - category: misoperation
    text: 確認しなかった
measures:
{measures}sources:
  - publisher: テスト株式会社
    title: 事故報告書
{extra}"
    )
}

const A_PLANNED: &str = "  - text: 宛先を二人で確かめる   # 手順書に追記する
    controls: [iso27001:A.5.14]
    status: planned
    owner: 総務課
    due: 2026-10-31
  - text: 送信を一時保留する
    controls: [iso27001:A.8.3]
";

fn git(dir: &Path, args: &[&str], date: &str) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "総務課")
        .env("GIT_AUTHOR_EMAIL", "office@example.jp")
        .env("GIT_COMMITTER_NAME", "総務課")
        .env("GIT_COMMITTER_EMAIL", "office@example.jp")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git is needed (CI has it)");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The history: three commits and a case not yet committed.
///
/// - 2026-08-01 (tag `review-q3`): our-a (a measure planned, due 2026-10-31),
///   our-b, our-fax (a measure in progress, due 2026-09-30).
/// - 2026-10-10: our-a's first measure done; our-new1 added (a ransomware
///   incident citing A.8.13, its PPC preliminary report filed 2026-10-06).
/// - 2026-11-20: our-fax moved to cases/archive/, our-b deleted.
/// - not committed: our-new2 (citing A.5.7).
fn team() -> Dir {
    let dir = Dir::new();
    let p = dir.path();
    git(
        p,
        &["init", "-q", "-b", "main"],
        "2026-08-01T09:00:00+09:00",
    );
    dir.case(
        "2026/our-a-2026.yaml",
        case("our-a-2026", "2026-07-20", A_PLANNED, ""),
    );
    dir.case(
        "2026/our-b-2026.yaml",
        case(
            "our-b-2026",
            "2026-07-22",
            "  - text: 鍵を替える\n    controls: [iso27001:A.5.15]\n",
            "",
        ),
    );
    dir.case(
        "2026/our-fax-2026.yaml",
        case(
            "our-fax-2026",
            "2026-07-25",
            "  - {text: 番号を読み上げる, controls: [ppc:10-6-1], status: in-progress, owner: 営業部, due: 2026-09-30}\n",
            "",
        ),
    );
    git(p, &["add", "-A"], "2026-08-01T10:00:00+09:00");
    git(
        p,
        &["commit", "-qm", "first cases"],
        "2026-08-01T10:00:00+09:00",
    );
    git(p, &["tag", "review-q3"], "2026-08-01T10:00:00+09:00");

    let done = A_PLANNED
        .replace("    status: planned\n", "    status: done\n")
        .replace(
            "    due: 2026-10-31\n",
            "    due: 2026-10-31\n    done: 2026-10-09\n",
        );
    dir.case(
        "2026/our-a-2026.yaml",
        case("our-a-2026", "2026-07-20", &done, ""),
    );
    dir.case(
        "2026/our-new1-2026.yaml",
        case(
            "our-new1-2026",
            "2026-10-05",
            "  - text: バックアップを別の場所に保管する\n    controls: [iso27001:A.8.13]\n    status: planned\n    due: 2027-01-31\n",
            "threats: [ransomware]\ndiscovered: 2026-10-03\naffected:\n  people: 1200\nleak: {sensitive: false, financial: false, malicious: true, encrypted: false, recovered_unseen: false}\nreports:\n  - {to: ppc, stage: preliminary, date: 2026-10-06}\n",
        ),
    );
    git(p, &["add", "-A"], "2026-10-10T10:00:00+09:00");
    git(
        p,
        &["commit", "-qm", "a measure done, a ransomware case"],
        "2026-10-10T10:00:00+09:00",
    );

    std::fs::create_dir_all(p.join("cases/archive")).unwrap();
    git(
        p,
        &[
            "mv",
            "cases/2026/our-fax-2026.yaml",
            "cases/archive/our-fax-2026.yaml",
        ],
        "2026-11-20T10:00:00+09:00",
    );
    git(
        p,
        &["rm", "-q", "cases/2026/our-b-2026.yaml"],
        "2026-11-20T10:00:00+09:00",
    );
    git(
        p,
        &[
            "commit",
            "-qm",
            "archive the fax case; our-b was a duplicate",
        ],
        "2026-11-20T10:00:00+09:00",
    );

    dir.case(
        "2026/our-new2-2026.yaml",
        case(
            "our-new2-2026",
            "2026-12-01",
            "  - text: 脅威情報を毎週確かめる\n    controls: [iso27001:A.5.7]\n",
            "",
        ),
    );
    dir
}

fn today() -> time::Date {
    casebook::date::parse_day("2026-12-07").unwrap()
}

/// The digest of the team's casebook alone (no bundled cases).
fn digest_of(dir: &Path, since: &str) -> (casebook::casebook::Casebook, Digest) {
    let loaded = load::load(&[Input::Dir(dir.to_path_buf())], &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let book = loaded.casebook;
    let d = digest::digest(
        &book,
        &[dir.to_path_buf()],
        Since::parse(since),
        today(),
        &[],
        Lang::Ja,
    )
    .unwrap();
    (book, d)
}

fn ids(book: &casebook::casebook::Casebook, cases: impl IntoIterator<Item = usize>) -> Vec<String> {
    cases
        .into_iter()
        .map(|i| book.summary(i).id.clone())
        .collect()
}

// ---------------------------------------------------------------------------
// The digest

#[test]
fn since_a_revision_renames_are_not_new_and_status_changes_come_from_git() {
    let dir = team();
    let (book, d) = digest_of(dir.path(), "review-q3");
    assert_eq!(d.changes.from, casebook::date::parse_day("2026-08-01").ok());
    assert_eq!(
        ids(&book, d.changes.new.clone()),
        ["our-new2-2026", "our-new1-2026"]
    );
    let changed: Vec<(String, bool)> = d
        .changes
        .changed
        .iter()
        .map(|c| (book.summary(c.case).id.clone(), c.moved_only))
        .collect();
    assert_eq!(
        changed,
        [
            ("our-fax-2026".to_string(), true),
            ("our-a-2026".to_string(), false)
        ]
    );
    let removed: Vec<&str> = d.changes.removed.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(removed, ["our-b-2026"]);
    let status: Vec<(String, usize, Option<Progress>, Option<Progress>)> = d
        .status
        .iter()
        .map(|s| (book.summary(s.case).id.clone(), s.measure, s.from, s.to))
        .collect();
    assert_eq!(
        status,
        [(
            "our-a-2026".to_string(),
            1,
            Some(Progress::Planned),
            Some(Progress::Done)
        )]
    );
    let overdue: Vec<String> = d
        .overdue
        .iter()
        .map(|r| format!("{}#{}", r.case_id, r.measure))
        .collect();
    assert_eq!(overdue, ["our-fax-2026#1"]);
    let filed: Vec<String> = d
        .filed
        .iter()
        .map(|f| format!("{} {} {}", f.to, f.stage, f.date))
        .collect();
    assert_eq!(filed, ["ppc preliminary 2026-10-06"]);
    assert!(
        d.open
            .iter()
            .any(|o| o.id == "our-new1-2026" && o.stage == "final")
    );
    let first: Vec<String> = d.first.iter().map(|f| f.control.to_string()).collect();
    assert_eq!(
        first,
        ["iso27001:A.5.7", "iso27001:A.8.13"],
        "A.5.14 was cited before"
    );
}

#[test]
fn since_a_date_the_last_commit_before_it_is_the_base() {
    let dir = team();
    let (book, d) = digest_of(dir.path(), "2026-10-15");
    assert_eq!(d.changes.from, casebook::date::parse_day("2026-10-15").ok());
    assert_eq!(ids(&book, d.changes.new.clone()), ["our-new2-2026"]);
    assert_eq!(d.changes.changed.len(), 1);
    assert!(d.changes.changed[0].moved_only);
    assert!(d.status.is_empty());
    assert!(d.filed.is_empty(), "the report was filed before the period");
    let first: Vec<String> = d.first.iter().map(|f| f.control.to_string()).collect();
    assert_eq!(first, ["iso27001:A.5.7"]);

    // Before the first commit, every case is new.
    let (book, d) = digest_of(dir.path(), "2026-07-01");
    let mut new = ids(&book, d.changes.new.clone());
    new.sort();
    assert_eq!(
        new,
        [
            "our-a-2026",
            "our-fax-2026",
            "our-new1-2026",
            "our-new2-2026"
        ]
    );
    assert!(d.changes.changed.is_empty() && d.changes.removed.is_empty());
}

#[test]
fn an_unknown_revision_is_an_error_that_says_so() {
    let dir = team();
    let loaded = load::load(&[Input::Dir(dir.path().to_path_buf())], &[]);
    let err = digest::digest(
        &loaded.casebook,
        &[dir.path().to_path_buf()],
        Since::parse("review-q9"),
        today(),
        &[],
        Lang::En,
    )
    .err()
    .expect("an error");
    assert!(
        err.en
            .contains("`review-q9` is not a commit of this repository"),
        "{err:?}"
    );
}

#[test]
fn without_git_the_files_dates_decide_and_a_revision_is_refused() {
    let dir = Dir::new();
    dir.case(
        "2026/our-a-2026.yaml",
        case("our-a-2026", "2026-07-20", A_PLANNED, ""),
    );
    let path = dir.path().to_path_buf();
    let loaded = load::load(&[Input::Dir(path.clone())], &[]);
    let run = |since: &str| {
        digest::digest(
            &loaded.casebook,
            std::slice::from_ref(&path),
            Since::parse(since),
            today(),
            &[],
            Lang::En,
        )
    };
    let err = run("HEAD").err().expect("an error");
    assert!(
        err.en
            .contains("is not in a git repository: give --since a date"),
        "{err:?}"
    );
    // Written just now: new since any day up to today, nothing since a day to come.
    assert_eq!(run("2000-01-01").unwrap().changes.new.len(), 1);
    let later = run("2100-01-01").unwrap();
    assert!(later.changes.new.is_empty() && later.changes.changed.is_empty());
}

#[test]
fn bundled_cases_of_a_release_after_the_review_are_listed_apart() {
    let dir = team();
    let path = dir.path().to_path_buf();
    let loaded = load::load(&[Input::Bundled, Input::Dir(path.clone())], &[]);
    let book = &loaded.casebook;
    let text =
        "releases:\n  - {version: 0.2.0, date: 2026-09-01, cases: [kesennuma-hospital-pos-2024]}\n";
    let rel = releases::parse(text).unwrap();
    let run = |since: &str| {
        digest::digest(
            book,
            std::slice::from_ref(&path),
            Since::parse(since),
            today(),
            &rel,
            Lang::Ja,
        )
        .unwrap()
    };
    let d = run("review-q3");
    assert_eq!(
        ids(book, d.bundled.iter().map(|(i, _)| *i)),
        ["kesennuma-hospital-pos-2024"]
    );
    assert_eq!(d.bundled[0].1, "0.2.0");
    // The team's lists hold the team's cases only.
    assert!(d.changes.new.iter().all(|&i| !book.is_bundled(i)));
    assert!(run("2026-10-15").bundled.is_empty());
}

#[test]
fn the_digest_as_text_markdown_and_word_groups_per_area_and_threat() {
    let dir = team();
    let d = dir.path().to_str().unwrap();
    let args = |format: &str| {
        vec![
            "--no-bundled",
            "--casebook",
            d,
            "digest",
            "--since",
            "review-q3",
            "--today",
            "2026-12-07",
            "--format",
            format,
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>()
    };
    let run = |format: &str| {
        let a = args(format);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        casebook(&a)
    };
    let text = stdout(&run("text"));
    for line in [
        "前回のレビュー以降の変更（2026-08-01〜2026-12-07）",
        "・新しい事例 2件",
        "・ファイルの名前・場所だけが変わった事例（新規には数えません） 1件",
        "・状況が変わった再発防止策 1件",
        "■ ISO 27001 A.5 組織的管理策",
        "・状況: our-a-2026#1 宛先を二人で確かめる（未着手 → 実施済み）",
        "・新規: our-new1-2026 our-new1-2026 の事故",
        "超過 68日\t対応中\t営業部\tour-fax-2026#1\t番号を読み上げる",
    ] {
        assert!(text.lines().any(|l| l.contains(line)), "{line}\n{text}");
    }
    // The ransomware case under its threat, with the list's name.
    let threat = text
        .find("■ ランサム攻撃による被害（10大脅威2026）")
        .expect(&text);
    assert!(text[threat..].contains("新規: our-new1-2026"), "{text}");
    assert!(
        text.contains("最終的な判断は"),
        "the rules' final word: {text}"
    );
    let md = stdout(&run("md"));
    assert!(md.starts_with("# 前回のレビュー以降の変更"), "{md}");
    assert!(md.contains("\n### ISO 27001 A.8 技術的管理策\n"), "{md}");
    assert!(
        md.contains(
            "| our-a-2026 | 1 | 宛先を二人で確かめる | 未着手 | 実施済み | 総務課 | 2026-10-31 |"
        ),
        "{md}"
    );
    let docx = dir.path().join("digest.docx");
    let out = casebook(&[
        "--no-bundled",
        "--casebook",
        d,
        "digest",
        "--since",
        "2026-10-15",
        "--today",
        "2026-12-07",
        "--out",
        docx.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let xml = common::office::part(&std::fs::read(&docx).unwrap(), "word/document.xml");
    assert!(
        xml.contains("前回のレビュー以降の変更（2026-10-15〜2026-12-07）"),
        "{xml}"
    );
}

// ---------------------------------------------------------------------------
// The register of measures

#[test]
fn the_register_as_json_against_a_given_day() {
    let dir = team();
    let d = dir.path().to_str().unwrap();
    let out = casebook(&[
        "--no-bundled",
        "--casebook",
        d,
        "measures",
        "--today",
        "2026-12-07",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["today"], "2026-12-07");
    assert_eq!(v["count"], 5);
    assert_eq!(v["overdue"], 1);
    let first = &v["measures"][0];
    assert_eq!(first["case_id"], "our-fax-2026");
    assert_eq!(first["status"], "in-progress");
    assert_eq!(first["due"], "2026-09-30");
    assert_eq!(first["days_overdue"], 68);
    let done = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["status"] == "done")
        .unwrap();
    assert_eq!(
        (done["case_id"].as_str(), done["done"].as_str()),
        (Some("our-a-2026"), Some("2026-10-09"))
    );

    // A day earlier in the year: nothing is overdue yet, exit 0.
    let out = casebook(&[
        "--no-bundled",
        "--casebook",
        d,
        "measures",
        "--overdue",
        "--today",
        "2026-09-30",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("再発防止策 0件"), "{}", stdout(&out));
    // On the day asked about, one overdue: listed, and exit 1 for cron.
    let out = casebook(&[
        "--no-bundled",
        "--casebook",
        d,
        "--lang",
        "en",
        "measures",
        "--overdue",
        "--today",
        "2026-12-07",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "2026-09-30\tin progress (68 d overdue)\t営業部\tour-fax-2026#1\t番号を読み上げる\nAs of 2026-12-07: 1 measure (1 in progress), 1 overdue\n"
    );
    let out = casebook(&[
        "--no-bundled",
        "--casebook",
        d,
        "measures",
        "--status",
        "none",
        "--format",
        "json",
        "--today",
        "2026-12-07",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["送信を一時保留する", "脅威情報を毎週確かめる"]);
}

fn cells(path: &Path) -> Vec<Vec<Data>> {
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn the_register_as_an_excel_sheet_with_japanese_headers_filters_and_dates() {
    let dir = team();
    let d = dir.path().to_str().unwrap();
    let file = dir.path().join("register.xlsx");
    let out = common::command(&[
        "--no-bundled",
        "--casebook",
        d,
        "measures",
        "--today",
        "2026-12-07",
        "--out",
        file.to_str().unwrap(),
    ])
    .env("LANG", "ja_JP.UTF-8")
    .output()
    .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let rows = cells(&file);
    assert_eq!(
        rows[0][0],
        Data::String("再発防止策の実施状況（2026-12-07 時点）".into())
    );
    let header: Vec<String> = rows[1].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header,
        [
            "事例ID",
            "事例",
            "No.",
            "再発防止策",
            "管理策",
            "状況",
            "担当",
            "期限",
            "実施日",
            "確認日",
            "証跡",
            "期限超過"
        ]
    );
    assert_eq!(rows.len(), 2 + 5);
    assert_eq!(rows[2][0].to_string(), "our-fax-2026");
    let Data::DateTime(due) = &rows[2][7] else {
        panic!("the due date is a date: {:?}", rows[2][7])
    };
    assert_eq!(due.to_ymd_hms_milli(), (2026, 9, 30, 0, 0, 0, 0));
    let data = std::fs::read(&file).unwrap();
    let sheet = common::office::part(&data, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<autoFilter ref=\"A2:L7\"/>"), "{sheet}");
    assert!(sheet.contains("state=\"frozen\""));
    // English headers under an English locale.
    let out = common::command(&[
        "--no-bundled",
        "--casebook",
        d,
        "measures",
        "--today",
        "2026-12-07",
        "--out",
        file.to_str().unwrap(),
        "--force",
    ])
    .env("LANG", "en_US.UTF-8")
    .output()
    .unwrap();
    assert!(out.status.success());
    assert_eq!(cells(&file)[1][3].to_string(), "Measure");
}

// ---------------------------------------------------------------------------
// The checklist

fn checklist(dir: &Path, extra: &[&str]) -> PathBuf {
    let file = dir.join("checklist.xlsx");
    let mut args = vec![
        "checklist",
        "--sector",
        "healthcare",
        "--out",
        file.to_str().unwrap(),
        "--force",
    ];
    args.extend_from_slice(extra);
    let out = casebook(&args);
    assert!(out.status.success(), "{}", common::stderr(&out));
    file
}

#[test]
fn the_checklist_has_a_row_per_control_with_the_measures_and_the_soa() {
    let dir = Dir::new();
    let soa = dir.file(
        "soa.yaml",
        "soa:\n  - control: iso27001:A.7.14\n    applicable: false\n    reason: 廃棄は本社が行う\n",
    );
    let soa = soa.to_str().unwrap().to_string();
    let out = casebook(&[
        "--soa",
        &soa,
        "checklist",
        "--sector",
        "healthcare",
        "--out",
        dir.path().join("c.xlsx").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let rows = cells(&dir.path().join("c.xlsx"));
    let header: Vec<String> = rows[1].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header,
        [
            "管理策",
            "名称",
            "先例の再発防止策",
            "事例",
            "適用宣言書",
            "状況",
            "担当",
            "期限",
            "備考"
        ]
    );
    let controls: Vec<String> = rows[2..].iter().map(|r| r[0].to_string()).collect();
    let mut unique = controls.clone();
    unique.dedup();
    assert_eq!(controls, unique, "one row per control");
    let disposal = rows
        .iter()
        .find(|r| r[0] == Data::String("iso27001:A.7.14".into()))
        .expect("A.7.14 is cited by a healthcare case");
    assert!(
        disposal[2].to_string().contains("破砕"),
        "{:?}",
        disposal[2]
    );
    assert_eq!(disposal[3].to_string(), "kesennuma-hospital-pos-2024");
    assert_eq!(disposal[4].to_string(), "除外（廃棄は本社が行う）");
    let data = std::fs::read(dir.path().join("c.xlsx")).unwrap();
    let sheet = common::office::part(&data, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<dataValidation type=\"list\""),
        "a drop-down for the status"
    );
    assert!(
        sheet.contains("未着手,対応中,実施済み,有効性確認済み,対象外"),
        "{sheet}"
    );
}

/// The checklist as a team fills it in (in Excel): statuses in either
/// language, dates as dates and as text, a note, a blank row, a row added at
/// the end, and two rows with something not understood.
fn fill(generated: &Path, filled: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Workbook};
    let rows = cells(generated);
    let column = |name: &str| {
        rows[1]
            .iter()
            .position(|c| *c == Data::String(name.into()))
            .unwrap() as u16
    };
    let (status, owner, due, note) = (
        column("状況"),
        column("担当"),
        column("期限"),
        column("備考"),
    );
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("チェックリスト").unwrap();
    let mut y = 0u32;
    for (r, row) in rows.iter().enumerate() {
        if r == 5 {
            y += 1; // a blank row left between two
        }
        for (c, cell) in row.iter().enumerate() {
            let text = cell.to_string();
            if !text.is_empty() {
                sheet.write_string(y, c as u16, &text).unwrap();
            }
        }
        match r {
            2 => {
                sheet.write_string(y, status, "実施済み").unwrap();
                sheet.write_string(y, owner, "総務課").unwrap();
                let date = ExcelDateTime::from_ymd(2026, 12, 20).unwrap();
                let format = rust_xlsxwriter::Format::new().set_num_format("yyyy/mm/dd");
                sheet
                    .write_date_with_format(y, due, &date, &format)
                    .unwrap();
            }
            3 => {
                sheet.write_string(y, status, "in progress").unwrap();
                sheet.write_string(y, due, "2026/12/25").unwrap();
            }
            4 => {
                sheet.write_string(y, status, "ほぼ完了").unwrap();
                sheet.write_string(y, due, "来月").unwrap();
            }
            _ if row[0] == Data::String("iso27001:A.7.14".into()) => {
                sheet.write_string(y, status, "対象外").unwrap();
                sheet
                    .write_string(y, note, "廃棄は本社が行う\n（規程 第5条）")
                    .unwrap();
            }
            _ => {}
        }
        y += 1;
    }
    sheet.write_string(y, 0, "A.5.7").unwrap();
    sheet.write_string(y, status, "未着手").unwrap();
    sheet.write_string(y + 1, 0, "A.9.99").unwrap();
    sheet.write_string(y + 1, status, "未着手").unwrap();
    book.save(filled).unwrap();
}

#[test]
fn a_filled_checklist_is_read_back_without_losing_a_row() {
    let dir = Dir::new();
    let generated = checklist(dir.path(), &[]);
    let filled = dir.path().join("filled.xlsx");
    fill(&generated, &filled);
    let generated_rows = cells(&generated).len() - 2;
    let book = common::bundled();
    let imported = casebook::review::import::read(&filled, &book).unwrap();
    assert_eq!(imported.header_row, 2);
    assert_eq!(imported.blank, 1);
    assert_eq!(
        imported.rows.len(),
        generated_rows + 2,
        "every row, the added ones too"
    );
    use casebook::review::import::Answer;
    let r = &imported.rows[0];
    assert_eq!(
        (r.row, r.status, r.owner.as_deref()),
        (3, Some(Answer::Done), Some("総務課"))
    );
    assert_eq!(r.due.map(|d| d.to_string()).as_deref(), Some("2026-12-20"));
    let r = &imported.rows[1];
    assert_eq!(
        (r.status, r.due.map(|d| d.to_string())),
        (Some(Answer::InProgress), Some("2026-12-25".into()))
    );
    let r = &imported.rows[2];
    assert_eq!(r.status, None);
    let problems: Vec<&str> = r.problems.iter().map(|p| p.en.as_str()).collect();
    assert_eq!(
        problems,
        [
            "status `ほぼ完了` is not understood (expected planned, in progress, done, verified or not applicable)",
            "the due date `来月` is not a date (write it as 2026-12-20)",
        ]
    );
    let disposal = imported
        .rows
        .iter()
        .find(|r| r.written == "iso27001:A.7.14")
        .unwrap();
    assert_eq!(disposal.status, Some(Answer::NotApplicable));
    assert_eq!(
        disposal.note.as_deref(),
        Some("廃棄は本社が行う\n（規程 第5条）")
    );
    let added = &imported.rows[imported.rows.len() - 2];
    assert_eq!(
        added.control.as_ref().map(ToString::to_string).as_deref(),
        Some("iso27001:A.5.7")
    );
    assert_eq!(added.status, Some(Answer::Planned));
    let unknown = imported.rows.last().unwrap();
    assert_eq!(
        (unknown.written.as_str(), unknown.control.is_none()),
        ("A.9.99", true)
    );
    assert_eq!(unknown.problems.len(), 1, "{:?}", unknown.problems);

    // The command says the same, row by row, and exits 1 for what it could not read.
    let out = casebook(&[
        "--lang",
        "en",
        "checklist",
        "--import",
        filled.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let first = cells(&generated)[2][0].to_string();
    assert!(
        text.contains(&format!("row 3\t{first}\tdone\t総務課\t2026-12-20\n")),
        "{text}"
    );
    let last = text.lines().last().unwrap();
    let n = generated_rows + 2;
    assert_eq!(
        last,
        format!(
            "Sheet \"チェックリスト\": read {n} rows (5 with a status, 2 with something not understood, 1 blank)"
        )
    );

    // Saved again by LibreOffice (as a team using it would), it reads the same.
    let lo = dir.path().join("lo");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
        ])
        .arg(&lo)
        .arg(&filled)
        .output()
        .expect("LibreOffice (soffice) is required: .ci/run installs it");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = casebook::review::import::read(&lo.join("filled.xlsx"), &book).unwrap();
    assert_eq!(again.rows, imported.rows);
}

#[test]
fn a_group_shows_its_first_ten_lines_and_counts_the_rest() {
    let dir = Dir::new();
    for n in 0..12 {
        let id = format!("our-{n:02}-2026");
        let measures = "  - text: 鍵を替える\n    controls: [iso27001:A.5.15]\n";
        dir.case(
            &format!("2026/{id}.yaml"),
            case(&id, "2026-07-20", measures, ""),
        );
    }
    let d = dir.path().to_str().unwrap();
    let out = casebook(&[
        "--no-bundled",
        "--casebook",
        d,
        "digest",
        "--since",
        "2000-01-01",
        "--today",
        "2026-12-07",
    ]);
    let text = stdout(&out);
    let area = &text[text.find("■ ISO 27001 A.5 組織的管理策").expect(&text)..];
    let lines: Vec<&str> = area
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with('・'))
        .collect();
    assert_eq!(lines.len(), 11, "{text}");
    assert_eq!(lines[10], "・ほか 2件（一覧は下に）");
    // The full list holds all twelve.
    let table = &text[text.find("■ 新しい事例").unwrap()..];
    assert_eq!(table.lines().filter(|l| l.starts_with("our-")).count(), 12);
}
