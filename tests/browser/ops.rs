//! The browser for a team's own incidents: the triage and the measures'
//! status in the detail, the list marking a report or a measure that is due
//! or overdue, `R` drafting the report as `casebook report` does, and `P`
//! recording a measure's status in the case file (comments and layout kept;
//! a bundled case refused). The clock is set, so every date is fixed.

use crate::common;
use casebook::lang::Lang;
use casebook::load::{Input, load};
use casebook::tui::action::{Effect, What};
use casebook::tui::app::{App, Options};
use casebook::tui::reload::Setup;
use common::Dir;
use common::tui::*;

const TODAY: &str = "2026-12-07";

/// A team's own incident: discovered 2026-11-02, a financial-damage leak
/// (7-2), the PPC's preliminary report filed; its final report was due
/// 2026-12-01 and the first measure 2026-11-30.
const INCIDENT: &str = "\
id: our-invoice-2026
title: 請求書を別の顧客に誤送付
organization: 株式会社みなと商事
sector: it-services
discovered: 2026-11-02
summary: |
  請求書の封入を誤り、顧客1名の請求書を別の顧客に送った。
affected:
  people: 1
  data: [氏名, 住所, 口座番号]
leak:
  sensitive: unknown   # 確認中
  financial: true
  malicious: false
  encrypted: false
  recovered_unseen: false
root_causes:
  - category: misoperation
    text: 封入時に宛先と中身を照合していなかった
measures:
  # 是正処置の計画（委員会 2026-11-10）
  - text: 封入時に二人で宛先を照合する
    controls: [iso27001:A.5.10]
    status: in-progress    # 手順書を改訂中
    owner: 業務管理課
    due: 2026-11-30
  - {text: 宛名と封入物を照合する機械を導入する, controls: [iso27001:A.8.10], status: planned, owner: 総務部, due: 2027-03-31}
reports:
  - {to: ppc, stage: preliminary, date: 2026-11-05}
sources:
  - publisher: 株式会社みなと商事 業務管理課
    title: 請求書の誤送付に関する事故報告書
    date: 2026-11-06
";

fn today() -> time::Date {
    casebook::date::parse_day(TODAY).unwrap()
}

/// The team casebook holding the incident alone (bundled catalogs).
fn team() -> Dir {
    let dir = Dir::new();
    dir.case("2026/our-invoice-2026.yaml", INCIDENT);
    dir
}

fn app_on(inputs: &[Input], lang: Lang, width: u16, height: u16) -> App {
    let read_from = casebook::cache::key::now();
    let loaded = load(inputs, &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let options = Options {
        setup: Setup::new(inputs, 0, &loaded.casebook, read_from),
        lang,
        today: Some(today()),
        ..options()
    };
    let mut app = App::new(loaded.casebook, Vec::new(), options);
    app.update(casebook::tui::action::Action::Resize { width, height });
    app
}

fn team_app(dir: &Dir, lang: Lang, width: u16, height: u16) -> App {
    app_on(&[Input::Dir(dir.path().to_path_buf())], lang, width, height)
}

fn file(dir: &Dir) -> String {
    std::fs::read_to_string(dir.path().join("cases/2026/our-invoice-2026.yaml")).unwrap()
}

// ----- the list and the detail --------------------------------------------------------

#[test]
fn the_list_marks_a_report_and_a_measure_overdue() {
    let dir = team();
    for (lang, report, title) in [
        (Lang::Ja, "報告・対策超過", "請求書"),
        (Lang::En, "⚠report+measure", "請"),
    ] {
        let mut app = team_app(&dir, lang, 80, 24);
        press(&mut app, "<Tab>");
        let s = screen(&app, 80, 24);
        let row = s
            .lines()
            .find(|l| l.contains("2026-11-02"))
            .unwrap_or_else(|| panic!("{s}"));
        // Both marks, and room left for the title at 80 columns.
        assert!(row.contains(report) && row.contains(title), "{s}");
        insta::assert_snapshot!(format!("list_80x24_{lang:?}"), s);
    }
}

#[test]
fn beside_bundled_cases_the_deadline_mark_takes_the_team_badges_place() {
    let dir = team();
    let mut app = app_on(
        &[Input::Bundled, Input::Dir(dir.path().to_path_buf())],
        Lang::Ja,
        80,
        24,
    );
    press(&mut app, "<Tab>");
    let s = screen(&app, 80, 24);
    let row = s.lines().find(|l| l.contains("2026-11-02")).unwrap();
    assert!(row.contains("報告・対策超過 請求書"), "{s}");
    assert!(!row.contains("[チーム]"), "{s}");
}

#[test]
fn the_detail_shows_the_triage_and_each_measures_status_owner_and_due() {
    let dir = team();
    let mut app = team_app(&dir, Lang::Ja, 200, 60);
    press(&mut app, "<Tab><Tab>");
    let s = screen(&app, 200, 60);
    for part in [
        // Where things stand today, first.
        "2026-12-07 時点:",
        "  ppc 確報 期限 2026-12-01（超過 6日）",
        "  pmark 速報（目安） 期限 2026-11-06（超過 31日）",
        "  期限を過ぎた再発防止策 1件（1）",
        // Each measure's status, owner and due.
        "状況: 対応中　担当: 業務管理課　期限: 2026-11-30（超過 7日）",
        "状況: 未着手　担当: 総務部　期限: 2027-03-31",
        // The triage: situations, dates, what is filed, what is unknown, the rules' date.
        "7-2 ",
        "提出済み 2026-11-05",
        "（1人でも対象）: 未確定",
        "施行の規則",
    ] {
        assert!(s.contains(part), "{part} is not shown:\n{s}");
    }
    insta::assert_snapshot!("detail_200x60_ja", s);
    let mut app = team_app(&dir, Lang::En, 80, 24);
    press(&mut app, "<Tab><Tab>");
    insta::assert_snapshot!("detail_80x24_en", screen(&app, 80, 24));
}

// ----- R: the report drafted ----------------------------------------------------------

#[test]
fn r_copies_the_same_report_as_the_command() {
    let dir = team();
    let mut app = team_app(&dir, Lang::Ja, 80, 24);
    press(&mut app, "<Tab>");
    assert!(press(&mut app, "R").is_empty());
    let asked = screen(&app, 80, 24);
    assert!(
        asked.contains("1 ppc") && asked.contains("2 pmark"),
        "{asked}"
    );
    press(&mut app, "1");
    let stages = screen(&app, 80, 24);
    insta::assert_snapshot!("report_stages_80x24_ja", stages);
    press(&mut app, "2");
    let effects = press(&mut app, "c");
    let [Effect::Copy { text, what }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(*what, What::Report);
    let dir_arg = dir.path().to_str().unwrap();
    let out = common::casebook(&[
        "--casebook",
        dir_arg,
        "--lang",
        "ja",
        "report",
        "our-invoice-2026",
        "--to",
        "ppc",
        "--stage",
        "final",
        "--today",
        TODAY,
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(*text, common::stdout(&out));
    assert!(text.contains("調査中"), "{text}");
}

#[test]
fn r_saves_the_report_in_the_format_its_name_asks_for() {
    let dir = team();
    let mut app = team_app(&dir, Lang::En, 80, 24);
    press(&mut app, "<Tab>");
    // Enter takes the stage still to file (the final report).
    press(&mut app, "R1<Enter>s");
    let saved = dir.path().join("final.md");
    let effects = press(
        &mut app,
        &format!("<C-u>{}<Enter>", saved.to_str().unwrap()),
    );
    perform(&mut app, effects, &|_| {});
    let md = std::fs::read_to_string(&saved).unwrap();
    let out = common::casebook(&[
        "--casebook",
        dir.path().to_str().unwrap(),
        "--lang",
        "en",
        "report",
        "our-invoice-2026",
        "--to",
        "ppc",
        "--stage",
        "final",
        "--format",
        "md",
        "--today",
        TODAY,
    ]);
    assert_eq!(md, common::stdout(&out));
    assert!(screen(&app, 80, 24).contains("written to"));
}

#[test]
fn r_on_a_bundled_case_says_it_is_for_the_teams_own_incidents() {
    let dir = team();
    let mut app = app_on(
        &[Input::Bundled, Input::Dir(dir.path().to_path_buf())],
        Lang::En,
        80,
        24,
    );
    press(&mut app, "<Tab>");
    let bundled = app
        .cases()
        .iter()
        .copied()
        .find(|&i| app.book.is_bundled(i));
    app.panes.case = bundled;
    assert!(press(&mut app, "R").is_empty());
    assert!(app.prompt().is_none());
    let s = screen(&app, 80, 24);
    assert!(s.contains("another organization's"), "{s}");
}

// ----- P: a measure's status recorded in the file -------------------------------------

#[test]
fn p_writes_the_status_into_the_file_keeping_its_comments_and_layout() {
    let dir = team();
    let mut app = team_app(&dir, Lang::Ja, 80, 24);
    press(&mut app, "<Tab>");
    press(&mut app, "P");
    insta::assert_snapshot!("status_measure_80x24_ja", screen(&app, 80, 24));
    press(&mut app, "1");
    insta::assert_snapshot!("status_choice_80x24_ja", screen(&app, 80, 24));
    let effects = press(&mut app, "d");
    assert!(!effects.is_empty());
    perform(&mut app, effects, &|_| {});
    // Only the status changed, and the day it was done was added; every
    // comment and the flow mapping below stay as they were.
    let expected = INCIDENT.replace(
        "    status: in-progress    # 手順書を改訂中\n",
        "    status: done    # 手順書を改訂中\n",
    );
    let expected = expected.replace(
        "    due: 2026-11-30\n",
        "    due: 2026-11-30\n    done: 2026-12-07\n",
    );
    assert_eq!(file(&dir), expected);
    // The browser read the file again: the detail shows the new status and
    // the list no longer marks the measure.
    let s = screen(&app, 200, 60);
    assert!(
        s.contains("状況: 実施済み　担当: 業務管理課　期限: 2026-11-30　実施: 2026-12-07"),
        "{s}"
    );
    assert!(s.contains("報告超過 請求書"), "{s}");
    // The second measure, written as a flow mapping, is set too.
    let effects = press(&mut app, "P2i");
    perform(&mut app, effects, &|_| {});
    assert!(
        file(&dir).contains("controls: [iso27001:A.8.10], status: in-progress, owner: 総務部"),
        "{}",
        file(&dir)
    );
    assert!(file(&dir).contains("  # 是正処置の計画（委員会 2026-11-10）\n"));
}

#[test]
fn p_refuses_a_bundled_case_in_both_languages_and_writes_nothing() {
    let dir = team();
    for (lang, words) in [
        (Lang::Ja, "同梱の公開事例は書き換えられません"),
        (Lang::En, "a bundled public case cannot be changed"),
    ] {
        let mut app = app_on(
            &[Input::Bundled, Input::Dir(dir.path().to_path_buf())],
            lang,
            80,
            24,
        );
        press(&mut app, "<Tab>");
        let bundled = app
            .cases()
            .iter()
            .copied()
            .find(|&i| app.book.is_bundled(i));
        app.panes.case = bundled;
        assert!(press(&mut app, "P").is_empty());
        assert!(app.prompt().is_none());
        let s = screen(&app, 80, 24);
        assert!(s.contains(words), "{s}");
    }
    assert_eq!(file(&dir), INCIDENT);
}

#[test]
fn esc_cancels_r_and_p_at_every_step_and_nothing_is_written() {
    let dir = team();
    let mut app = team_app(&dir, Lang::En, 80, 24);
    press(&mut app, "<Tab>");
    for keys in ["R<Esc>", "R1<Esc>", "R12<Esc>", "P<Esc>", "P1<Esc>"] {
        assert!(press(&mut app, keys).is_empty(), "{keys}");
        assert!(app.prompt().is_none(), "{keys}");
    }
    assert_eq!(file(&dir), INCIDENT);
}

#[test]
fn the_help_lists_r_and_p() {
    let dir = team();
    let mut app = team_app(&dir, Lang::En, 200, 60);
    press(&mut app, "?");
    let s = screen(&app, 200, 60);
    assert!(s.contains("Draft the report"), "{s}");
    assert!(s.contains("Record a measure's status"), "{s}");
}
