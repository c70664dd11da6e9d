//! Live reload and writing cases in the browser, driven through `App::update`
//! with the file system for real: files are changed, broken, deleted and
//! added on disk, read again as the event loop reads them
//! (`App::reload_now`: the watcher's paths → `Action::FilesChanged` →
//! `Effect::Reload` → `reload::read` → `Action::Reloaded`), and the screen is
//! read back. The watcher and the editor themselves are tested with the real
//! binary in tests/browser/e2e.rs.
//!
//! The team casebooks here sit beside the bundled one, whatever it holds:
//! counts are the bundled casebook's plus the team's.

use crate::common;

use std::path::{Path, PathBuf};

use casebook::load::{Input, load};
use casebook::tui::action::{Action, Effect, Start};
use casebook::tui::app::{App, Mode, Options, Pane};
use casebook::tui::author::Step;
use casebook::tui::reload::Setup;
use common::tui::{options, perform, press, screen};
use common::{Dir, case_file};

/// How many cases the bundled casebook holds.
fn bundled() -> usize {
    common::bundled().len()
}

/// A team casebook beside the bundled one, in Japanese, on a 120×36 screen.
fn team_app(dir: &Path) -> App {
    team_app_with(dir, options())
}

fn team_app_with(dir: &Path, options: Options) -> App {
    let inputs = vec![Input::Bundled, Input::Dir(dir.to_path_buf())];
    let read_from = casebook::cache::key::now();
    let loaded = load(&inputs, &[]);
    let options = Options {
        setup: Setup::new(&inputs, 0, &loaded.casebook, read_from),
        team_dirs: if options.team_dirs.is_empty() {
            vec![dir.to_path_buf()]
        } else {
            options.team_dirs.clone()
        },
        ..options
    };
    let mut app = App::new(loaded.casebook, loaded.diagnostics, options);
    app.update(Action::Resize {
        width: 120,
        height: 36,
    });
    app
}

/// A team casebook with `our-a-2024` (returned: its file).
fn team_of_one() -> (Dir, PathBuf) {
    let dir = Dir::new();
    let a = dir.case(
        "2024/our-a-2024.yaml",
        titled("our-a-2024", "チームの最初の事例"),
    );
    (dir, a)
}

/// The same with `our-b-2024` beside it.
fn team_of_two() -> (Dir, PathBuf) {
    let (dir, a) = team_of_one();
    dir.case(
        "2024/our-b-2024.yaml",
        titled("our-b-2024", "チームの二つ目の事例"),
    );
    (dir, a)
}

/// `case_file(id)` with another title.
fn titled(id: &str, title: &str) -> String {
    case_file(id).replace(
        "title: 委託先がUSBメモリーを紛失",
        &format!("title: {title}"),
    )
}

/// Selects case `id` in the list (all cases).
fn select(app: &mut App, id: &str) {
    let i = app.book.index_of(id).unwrap();
    app.select_case(Some(i));
    app.panes.focus = Pane::List;
    app.sync();
}

fn selected(app: &App) -> String {
    app.book.entries()[app.panes.case.unwrap()].case.id.clone()
}

/// The list pane's rows that hold `text`.
fn rows_with(app: &App, text: &str) -> Vec<String> {
    screen(app, 120, 36)
        .lines()
        .filter(|l| l.contains(text))
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn a_changed_file_replaces_its_case_and_the_selection_stays() {
    let (dir, a) = team_of_two();
    let mut app = team_app(dir.path());
    select(&mut app, "our-a-2024");
    press(&mut app, "m"); // marks it and moves on
    select(&mut app, "our-a-2024");
    assert_eq!(app.book.len(), bundled() + 2);

    std::fs::write(&a, titled("our-a-2024", "書き直した題名")).unwrap();
    app.reload_now(vec![a.clone()]);

    assert_eq!(selected(&app), "our-a-2024", "the selection stays");
    assert_eq!(app.book.len(), bundled() + 2);
    assert_eq!(app.marks.len(), 1, "the mark stays");
    assert_eq!(
        app.book.entries()[*app.marks.iter().next().unwrap()]
            .case
            .id,
        "our-a-2024"
    );
    let s = screen(&app, 120, 36);
    assert!(s.contains("[チーム] 書き直した題名"), "{s}");
    assert!(!s.contains("チームの最初の事例"), "{s}");
    assert!(app.problems.list.is_empty(), "{:?}", app.problems.list);
    // Search finds the new title, not the old one.
    press(&mut app, "/書き直した");
    assert_eq!(app.overlays.search.hits.len(), 1);
}

#[test]
fn a_broken_file_keeps_its_last_good_version_marked_stale() {
    let (dir, a) = team_of_one();
    let mut app = team_app(dir.path());
    select(&mut app, "our-a-2024");
    assert!(!app.banner());

    std::fs::write(
        &a,
        titled("our-a-2024", "壊れた題名").replace("sector: local-government", "sector: nowhere"),
    )
    .unwrap();
    app.reload_now(vec![a.clone()]);

    // The last good version is still there, selected, marked stale.
    assert_eq!(selected(&app), "our-a-2024");
    assert_eq!(app.book.len(), bundled() + 1);
    assert_eq!(
        rows_with(&app, "チームの最初の事例")
            .iter()
            .filter(|r| r.contains("⚠前の版 チームの最初の事例"))
            .count(),
        1,
        "{}",
        screen(&app, 120, 36)
    );
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("⚠ このファイルには問題があるため、前に読み込めた版を表示しています"),
        "the detail says so: {s}"
    );
    assert!(
        s.contains(
            "⚠ 1件のファイルを読み込めませんでした（うち1件は前の版を表示中）。! で理由を表示"
        ),
        "the banner: {s}"
    );
    // `!` gives the reason, in Japanese.
    press(&mut app, "!");
    let s = screen(&app, 120, 36);
    assert!(s.contains("our-a-2024.yaml:4:9"), "{s}");
    assert!(s.contains("`sector`: 不明な業種 `nowhere` です"), "{s}");
    press(&mut app, "<Esc>");

    // Fixed again: the stale mark, the banner and the problem go.
    std::fs::write(&a, titled("our-a-2024", "直した題名")).unwrap();
    app.reload_now(vec![a]);
    let s = screen(&app, 120, 36);
    assert!(s.contains("[チーム] 直した題名"), "{s}");
    assert!(!s.contains("⚠"), "{s}");
    assert!(app.problems.list.is_empty());
    assert!(!app.banner());
}

#[test]
fn a_deleted_file_leaves_the_list_and_a_new_one_joins_it() {
    let (dir, a) = team_of_two();
    let mut app = team_app(dir.path());
    // The team's cases only (`b` twice): the rows looked for below are on
    // screen however many newer cases the bundled casebook holds.
    press(&mut app, "bb");
    assert_eq!(app.cases().len(), 2);
    select(&mut app, "our-b-2024");
    assert_eq!(rows_with(&app, "[チーム] チームの").len(), 2);

    std::fs::remove_file(&a).unwrap();
    app.reload_now(vec![a]);
    assert_eq!(app.book.len(), bundled() + 1);
    assert!(app.book.get("our-a-2024").is_none());
    assert_eq!(selected(&app), "our-b-2024");
    assert!(rows_with(&app, "チームの最初の事例").is_empty());

    // A new file, and the selected one deleted: the selection moves on.
    let c = dir.case(
        "2025/our-c-2025.yaml",
        titled("our-c-2025", "新しく加わった事例"),
    );
    let b = dir.path().join("cases/2024/our-b-2024.yaml");
    std::fs::remove_file(&b).unwrap();
    app.reload_now(vec![c, b]);
    assert_eq!(app.book.len(), bundled() + 1);
    assert!(app.book.get("our-c-2025").is_some());
    assert!(app.panes.case.is_some());
    assert!(!rows_with(&app, "[チーム] 新しく加わった事例").is_empty());
}

#[test]
fn a_directory_that_goes_away_takes_its_cases_and_one_that_comes_brings_them() {
    let (dir, _) = team_of_two();
    let mut app = team_app(dir.path());
    let year = dir.path().join("cases/2024");
    let moved = dir.path().join("elsewhere");
    std::fs::rename(&year, &moved).unwrap();
    app.reload_now(vec![year.clone()]);
    assert_eq!(app.book.len(), bundled());
    std::fs::rename(&moved, &year).unwrap();
    app.reload_now(vec![year]);
    assert_eq!(app.book.len(), bundled() + 2);
}

#[test]
fn a_file_that_takes_another_files_id_is_refused() {
    let (dir, a) = team_of_two();
    let mut app = team_app(dir.path());
    std::fs::write(&a, titled("our-b-2024", "IDを取り違えた")).unwrap();
    app.reload_now(vec![a]);
    assert_eq!(app.book.len(), bundled() + 2, "the last good version stays");
    assert_eq!(
        app.book.get("our-b-2024").unwrap().case.title,
        "チームの二つ目の事例"
    );
    let d = &app.problems.list;
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(
        d[1].message
            .en
            .starts_with("duplicate case id `our-b-2024`"),
        "{d:?}"
    );
    assert!(
        d[1].message
            .ja
            .starts_with("事例ID `our-b-2024` が重複しています"),
        "{d:?}"
    );
    assert!(app.banner());
}

#[test]
fn a_changed_catalog_reloads_everything() {
    let dir = Dir::new();
    dir.case(
        "2024/our-a-2024.yaml",
        case_file("our-a-2024").replace("[iso27001:A.8.10]", "[rules:R-1]"),
    );
    let mut app = team_app(dir.path());
    assert!(app.book.get("our-a-2024").is_none(), "no such scheme yet");
    assert!(!app.panes.tree.schemes.contains(&"rules".to_string()));
    let catalog = dir.file(
        "catalogs/rules.yaml",
        "scheme: rules\nkind: controls\ntitle: {ja: 社内規程, en: Rules}\nitems:\n  - {id: R-1, ja: 媒体の持ち出し, en: Media}\n",
    );
    app.reload_now(vec![catalog]);
    assert!(
        app.book.get("our-a-2024").is_some(),
        "{:?}",
        app.problems.list
    );
    assert!(app.panes.tree.schemes.contains(&"rules".to_string()));
    assert!(app.problems.list.is_empty(), "{:?}", app.problems.list);
}

#[test]
fn team_cases_are_badged_and_b_shows_only_bundled_or_only_team_cases() {
    let (dir, _) = team_of_one();
    let mut app = team_app(dir.path());
    assert_eq!(app.cases().len(), bundled() + 1);
    press(&mut app, "b");
    assert_eq!(app.cases().len(), bundled());
    let s = screen(&app, 120, 36);
    assert!(s.contains("[同梱の事例]"), "{s}");
    assert!(!s.contains("[チーム] チームの最初の事例"), "{s}");
    press(&mut app, "b");
    assert_eq!(app.cases().len(), 1);
    let s = screen(&app, 120, 36);
    assert!(s.contains("[チームの事例]"), "{s}");
    assert!(s.contains("[チーム] チームの最初の事例"), "{s}");
    press(&mut app, "b");
    assert_eq!(app.cases().len(), bundled() + 1);
}

#[test]
fn n_writes_a_scaffold_opens_it_and_shows_the_case_once_it_is_filled_in() {
    let dir = Dir::new();
    let mut app = team_app(dir.path());
    // One team casebook: no question which.
    press(&mut app, "n");
    assert_eq!(app.mode(), Mode::Author);
    assert!(screen(&app, 120, 36).contains(
        "s 白紙から / c クリップボードの公表文から下書き / p 公表文を貼り付けて下書き / f ファイルの公表文から下書き"
    ));
    press(&mut app, "s");
    assert!(screen(&app, 120, 36).contains("事例ID（a-z 0-9 -）: "));
    // A bad id is refused where it is typed.
    let effects = press(&mut app, "Our Case<Enter>");
    assert!(effects.is_empty());
    assert_eq!(app.mode(), Mode::Author);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("事例IDに使えません")
    );
    // So is an id taken already (by a bundled case, any one).
    press(&mut app, &"<BS>".repeat(8));
    let taken = app.book.entries()[0].case.id.clone();
    let effects = press(&mut app, &format!("{taken}<Enter>"));
    assert!(effects.is_empty());
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains(&format!("{taken} は既にあります")),
        "{:?}",
        app.status
    );
    press(&mut app, &"<BS>".repeat(taken.chars().count()));
    let effects = press(&mut app, "our-laptop-2025<Enter>");
    assert!(
        matches!(
            &effects[..],
            [Effect::NewCase { dir: d, id, start: Start::Scaffold, .. }]
                if d == dir.path() && id == "our-laptop-2025"
        ),
        "{effects:?}"
    );
    let file = dir.path().join("cases/2025/our-laptop-2025.yaml");
    let edited = perform(&mut app, effects, &|path| {
        let scaffold = std::fs::read_to_string(path).unwrap();
        assert!(scaffold.contains("id: our-laptop-2025"));
        assert!(scaffold.contains("title: TODO"));
        std::fs::write(path, titled("our-laptop-2025", "ノートPCを電車に置き忘れ")).unwrap();
    });
    assert_eq!(edited, vec![file.clone()]);
    assert!(
        dir.path().join("casebook.schema.json").is_file(),
        "the schema for editors"
    );
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(selected(&app), "our-laptop-2025");
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("our-laptop-2025 を読み込みました（E で編集）"),
        "{s}"
    );
    assert!(s.contains("[チーム] ノートPCを電車に置き忘れ"), "{s}");
}

#[test]
fn a_new_case_left_with_todos_shows_its_problems_and_e_reopens_it() {
    let dir = Dir::new();
    let mut app = team_app(dir.path());
    let effects = press(&mut app, "nsour-left-2025<Enter>");
    let edited = perform(&mut app, effects, &|_| {});
    let file = dir.path().join("cases/2025/our-left-2025.yaml");
    assert_eq!(edited, vec![file.clone()]);
    assert_eq!(app.mode(), Mode::Diagnostics);
    let s = screen(&app, 120, 36);
    assert!(s.contains("このファイルには問題が"), "{s}");
    assert!(s.contains("`title`: まだ TODO のままです"), "{s}");
    // E in `!`: the file again.
    let effects = press(&mut app, "E");
    assert_eq!(
        effects,
        vec![Effect::Edit {
            path: PathBuf::from(casebook::text::path(&file))
        }]
    );
}

#[test]
fn e_on_a_team_case_edits_its_file_and_on_a_bundled_one_offers_a_copy() {
    let (dir, a) = team_of_one();
    let mut app = team_app(dir.path());
    select(&mut app, "our-a-2024");
    let effects = press(&mut app, "E");
    assert_eq!(effects, vec![Effect::Edit { path: a.clone() }]);
    perform(&mut app, effects, &|path| {
        std::fs::write(path, titled("our-a-2024", "エディタで直した題名")).unwrap();
    });
    assert!(screen(&app, 120, 36).contains("[チーム] エディタで直した題名"));

    // Any bundled case will do: the first whose id ends with a year.
    let (id, year, file) = (0..app.book.len())
        .filter(|&i| app.book.is_bundled(i))
        .find_map(|i| {
            let entry = &app.book.entries()[i];
            let (_, year) = entry.case.id.rsplit_once('-')?;
            let file = entry.path.strip_prefix(casebook::load::BUNDLED_PREFIX)?;
            (year.len() == 4 && year.parse::<u16>().is_ok())
                .then(|| (entry.case.id.clone(), year.to_string(), file.to_string()))
        })
        .expect("a bundled case whose id ends with its year");
    let bundled_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("casebook")
            .join(&file),
    )
    .unwrap();
    select(&mut app, &id);
    assert!(press(&mut app, "E").is_empty());
    assert!(
        screen(&app, 120, 36)
            .contains("同梱の事例は読み取り専用です。チームの事例集にコピーしますか？")
    );
    press(&mut app, "y");
    // The id suggested keeps the year last; the copy is the bundled file with that id.
    let ours = format!(
        "{}-ours-{year}",
        id.strip_suffix(&format!("-{year}")).unwrap()
    );
    assert!(
        screen(&app, 120, 36).contains(&format!("事例ID（a-z 0-9 -）: {ours}")),
        "{}",
        screen(&app, 120, 36)
    );
    let effects = press(&mut app, "<Enter>");
    let [
        Effect::NewCase {
            start: Start::Copy(text),
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(text, &bundled_text);
    perform(&mut app, effects, &|_| {});
    assert_eq!(selected(&app), ours);
    let copy = dir.path().join(format!("cases/{year}/{ours}.yaml"));
    let written = std::fs::read_to_string(copy).unwrap();
    assert_eq!(
        written,
        bundled_text.replacen(
            &format!("id: {id}\n"),
            &format!("id: {ours}\ncopied_from: {id}\n"),
            1
        ),
        "the copy says what it is a copy of, on the line after its id"
    );
    assert_eq!(app.book.len(), bundled() + 2);
}

/// A bundled case copied into a team casebook is one incident: coverage and
/// statistics count the copy (the team's version) and not the original, so
/// A.7.10 keeps its count and the statistics their number of cases.
#[test]
fn a_bundled_case_copied_with_e_counts_once() {
    use casebook::answers::{coverage, stats};
    let (dir, _) = team_of_one();
    let mut app = team_app(dir.path());
    let inputs = vec![Input::Bundled, Input::Dir(dir.path().to_path_buf())];
    let before = load(&inputs, &[]).casebook;
    let a710 = |book: &casebook::casebook::Casebook| {
        let rows = coverage::rows(book, &["iso27001"], None, None, casebook::lang::Lang::Ja);
        rows.into_iter().find(|r| r.control.id == "A.7.10").unwrap()
    };
    let before_copy = a710(&before);
    assert!(
        before_copy
            .case_ids
            .contains(&"amagasaki-usb-2022".to_string())
    );

    select(&mut app, "amagasaki-usb-2022");
    press(&mut app, "E");
    press(&mut app, "y");
    let effects = press(&mut app, "<Enter>");
    perform(&mut app, effects, &|_| {});
    assert_eq!(app.book.len(), bundled() + 2, "both files are listed");

    // What the next start-up loads.
    let book = load(&inputs, &[]).casebook;
    let row = a710(&book);
    assert_eq!(row.cases, before_copy.cases, "{:?}", row.case_ids);
    assert!(
        row.case_ids
            .contains(&"amagasaki-usb-ours-2022".to_string())
    );
    assert!(!row.case_ids.contains(&"amagasaki-usb-2022".to_string()));
    let all: Vec<usize> = (0..book.len()).collect();
    let s = stats::stats(&book, &all, casebook::lang::Lang::Ja);
    assert_eq!(
        s.cases,
        bundled() + 1,
        "the bundled cases and the team's own, the copy once"
    );
    // And the browser as it is now, after the copy was read.
    let row = a710(&app.book);
    assert_eq!(row.cases, before_copy.cases);
}

#[test]
fn f_drafts_from_a_notice_file() {
    let dir = Dir::new();
    let notice = dir.file(
        "notice.txt",
        "令和7年1月20日\n株式会社テスト商事\n\n個人情報を含むノートパソコンの紛失について\n\n1 概要\n令和7年1月10日、従業員が顧客1,284人分の氏名と住所を保存したノートパソコンを電車内に置き忘れました。\n\n2 再発防止策\n・持ち出す端末のディスクを暗号化します。\n",
    );
    let mut app = team_app(dir.path());
    let effects = press(
        &mut app,
        &format!("nf{}<Enter>our-notice-2025<Enter>", notice.display()),
    );
    let [
        Effect::NewCase {
            start: Start::Notice(file),
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(file, &notice);
    let mut drafted = String::new();
    let cell = std::cell::RefCell::new(&mut drafted);
    perform(&mut app, effects, &|path| {
        cell.borrow_mut()
            .push_str(&std::fs::read_to_string(path).unwrap());
    });
    assert!(drafted.contains("id: our-notice-2025"), "{drafted}");
    assert!(
        drafted.contains("organization: 株式会社テスト商事"),
        "{drafted}"
    );
    assert!(drafted.contains("published: 2025-01-20"), "{drafted}");
    assert!(drafted.contains("data: [氏名, 住所]"), "{drafted}");
    assert!(
        dir.path().join("cases/2025/our-notice-2025.yaml").is_file(),
        "the year comes from the notice's date"
    );
}

#[test]
fn f_completes_the_notice_file_name_with_tab_from_the_home_folder() {
    // As in the save prompt: `~` is the home folder and Tab completes a name.
    let dir = Dir::new();
    let notice = dir.file(
        "notice-2025.txt",
        "令和7年1月20日\n株式会社テスト商事\n\n個人情報を含むノートパソコンの紛失について\n",
    );
    dir.file("other.txt", "");
    let mut app = team_app_with(
        dir.path(),
        Options {
            home: Some(dir.path().to_path_buf()),
            ..options()
        },
    );
    let effects = press(&mut app, "nf~/no<Tab>");
    perform(&mut app, effects, &|_| {});
    let Some(Step::Notice { field, .. }) = app.author() else {
        panic!("still asking for the notice file: {:?}", app.mode())
    };
    assert_eq!(field.text, "~/notice-2025.txt");
    let footer = |app: &App| screen(app, 120, 36).lines().last().unwrap().to_string();
    assert!(footer(&app).contains("Tab 補完"), "{}", footer(&app));
    press(&mut app, "<Enter>");
    assert!(
        !footer(&app).contains("Tab"),
        "the id question completes nothing: {}",
        footer(&app)
    );
    let effects = press(&mut app, "our-notice-2025<Enter>");
    let [
        Effect::NewCase {
            start: Start::Notice(file),
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(file, &notice, "~ expanded to the home folder");
}

#[test]
fn n_asks_which_casebook_when_there_are_several_and_esc_cancels() {
    let (one, two) = (Dir::new(), Dir::new());
    let mut app = team_app_with(
        one.path(),
        Options {
            team_dirs: vec![one.path().to_path_buf(), two.path().to_path_buf()],
            ..options()
        },
    );
    press(&mut app, "n");
    let s = screen(&app, 200, 36);
    assert!(s.contains(&format!("1 {}", one.path().display())), "{s}");
    assert!(s.contains(&format!("2 {}", two.path().display())), "{s}");
    press(&mut app, "9");
    assert_eq!(app.mode(), Mode::Author, "no such choice");
    press(&mut app, "2");
    let effects = press(&mut app, "sour-two-2025<Enter>");
    assert!(matches!(&effects[..], [Effect::NewCase { dir, .. }] if dir == two.path()));
    press(&mut app, "n<Esc>");
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.status.as_deref(), Some("取り消しました"));
}

#[test]
fn a_file_unchanged_since_it_was_read_is_not_read_again() {
    use casebook::cache::key::FileKey;
    use casebook::tui::reload::{Batch, read};
    let (dir, a) = team_of_one();
    let mut app = team_app(dir.path());
    // A file written just before it was read may change again within the
    // same tick of the clock: it is read again whatever its key says.
    let job = app.reload_job(vec![a.clone()], false);
    assert!(matches!(read(&job), Batch::Files(f) if f.len() == 1));
    // As if it had been read well after it was written: its key proves it unchanged.
    let later = casebook::cache::key::now() + 10_000_000_000;
    let key = FileKey::of(&a).unwrap();
    app.jobs
        .live
        .keys
        .insert(casebook::text::path(&a), (key, later));
    let job = app.reload_job(vec![a.clone()], false);
    assert!(matches!(read(&job), Batch::Files(f) if f.is_empty()));
    // A change shows in the key.
    std::fs::write(&a, titled("our-a-2024", "題名を変えた")).unwrap();
    let job = app.reload_job(vec![a.clone()], false);
    assert!(matches!(read(&job), Batch::Files(f) if f.len() == 1));
}

/// Live reload decides which changed files are cases by start-up's rule
/// (`casebook::load::layout`): the statement of applicability in a
/// casebook's root, a file outside `cases/` when there is one, and an
/// editor's hidden file are not read as cases.
#[test]
fn files_that_start_up_does_not_read_as_cases_are_not_reloaded_as_cases() {
    let (dir, _) = team_of_one();
    let mut app = team_app(dir.path());
    let soa = dir.file(
        "soa.yaml",
        "soa:\n  - control: iso27001:A.7.14\n    applicable: true\n",
    );
    let notes = dir.file("notes/todo.yaml", "- 来週までに見直す\n");
    let swap = dir.file("cases/2024/.our-a-2024.yaml", "id: [\n");
    app.reload_now(vec![soa, notes, swap]);
    assert!(app.problems.list.is_empty(), "{:?}", app.problems.list);
    assert_eq!(app.book.len(), bundled() + 1);

    // A flat casebook (no `cases/`): every YAML file is a case but the statement.
    let flat = tempfile::tempdir().unwrap();
    std::fs::write(
        flat.path().join("our-a-2024.yaml"),
        titled("our-a-2024", "平らな事例集"),
    )
    .unwrap();
    let mut app = team_app(flat.path());
    let soa = flat.path().join("soa.yaml");
    std::fs::write(&soa, "soa:\n  - control: A.7.14\n    applicable: true\n").unwrap();
    let other = flat.path().join("our-b-2024.yaml");
    std::fs::write(&other, titled("our-b-2024", "二つ目")).unwrap();
    app.reload_now(vec![soa, other]);
    assert!(app.problems.list.is_empty(), "{:?}", app.problems.list);
    assert_eq!(
        app.book.len(),
        bundled() + 2,
        "the new case is read, the statement is not"
    );
}

// ----- the watcher -------------------------------------------------------------------

/// The paths the watcher reports until one of them is `until` (20 s at most).
fn reported_until(
    events: &std::sync::mpsc::Receiver<casebook::tui::events::Msg>,
    until: &Path,
) -> Vec<PathBuf> {
    use casebook::tui::events::Msg;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut seen = Vec::new();
    while !seen.iter().any(|p: &PathBuf| p == until) {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match events.recv_timeout(left) {
            Ok(Msg::Changed(paths)) => seen.extend(paths),
            Ok(_) => {}
            Err(_) => panic!("{} was never reported; reported: {seen:?}", until.display()),
        }
    }
    seen
}

#[test]
fn the_watcher_reports_changes_and_not_reads() {
    use casebook::tui::watch::Watch;
    // A casebook in the usual cases/<year>/ layout.
    let (dir, a) = team_of_two();
    dir.case("2025/our-c-2025.yaml", titled("our-c-2025", "三つ目"));
    let (tx, events) = std::sync::mpsc::channel();
    let _watch = Watch::start(&[dir.path().to_path_buf()], tx).unwrap();
    // What a reload, an `ls`, an editor or `git status` does: list every
    // directory, open and read every file. None of it is a change.
    for _ in 0..3 {
        for d in [
            dir.path().to_path_buf(),
            dir.path().join("cases"),
            dir.path().join("cases/2024"),
            dir.path().join("cases/2025"),
        ] {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_file() {
                    std::fs::read(&path).unwrap();
                }
            }
        }
        casebook::load::case_files_under(dir.path());
    }
    std::fs::read(&a).unwrap();
    // Then one real change: the only path reported.
    let b = dir.path().join("cases/2024/our-b-2024.yaml");
    std::fs::write(&b, titled("our-b-2024", "変えた")).unwrap();
    assert_eq!(reported_until(&events, &b), vec![b]);
}

/// A statement of applicability outside the casebook (`--soa`) is watched
/// on its own: its edits are reported, its neighbours' are not.
#[test]
fn a_statement_outside_the_casebook_is_watched_alone() {
    use casebook::tui::watch::Watch;
    let (dir, _) = team_of_one();
    let elsewhere = tempfile::tempdir().unwrap();
    let soa = elsewhere.path().join("soa.yaml");
    std::fs::write(&soa, "soa:\n  - control: A.7.14\n    applicable: true\n").unwrap();
    let (tx, events) = std::sync::mpsc::channel();
    let mut watch = Watch::start(&[dir.path().to_path_buf()], tx).unwrap();
    watch.add_file(&soa);
    // A neighbour written first, then the statement: only the statement is reported.
    std::fs::write(elsewhere.path().join("notes.yaml"), "- 来週\n").unwrap();
    std::fs::create_dir(elsewhere.path().join("sub")).unwrap();
    std::fs::write(
        &soa,
        "soa:\n  - control: A.7.14\n    applicable: false\n    reason: 無い\n",
    )
    .unwrap();
    assert_eq!(reported_until(&events, &soa), vec![soa.clone()]);
    // The casebook is still watched.
    let b = dir.path().join("cases/2024/our-b-2024.yaml");
    std::fs::write(&b, titled("our-b-2024", "二つ目")).unwrap();
    assert_eq!(reported_until(&events, &b), vec![b]);
}

#[test]
fn a_watched_directory_deleted_and_made_again_is_watched_again() {
    use casebook::tui::watch::Watch;
    let (dir, _) = team_of_one();
    let (tx, events) = std::sync::mpsc::channel();
    let _watch = Watch::start(&[dir.path().to_path_buf()], tx).unwrap();
    let cases = dir.path().join("cases");
    std::fs::remove_dir_all(&cases).unwrap();
    std::fs::remove_dir(dir.path()).unwrap();
    // Its files left with it.
    reported_until(&events, dir.path());
    // The directory again (a fresh clone): it is read whole.
    std::fs::create_dir_all(cases.join("2025")).unwrap();
    std::fs::write(
        cases.join("2025/our-c-2025.yaml"),
        titled("our-c-2025", "戻った"),
    )
    .unwrap();
    reported_until(&events, dir.path());
    // And watched: a change in it is seen.
    let d = cases.join("2025/our-d-2025.yaml");
    std::fs::write(&d, titled("our-d-2025", "後から")).unwrap();
    reported_until(&events, &d);
}

#[test]
fn a_directory_read_again_finds_files_changed_and_deleted_under_it() {
    let (dir, a) = team_of_two();
    let mut app = team_app(dir.path());
    assert!(app.book.get("our-b-2024").is_some());
    std::fs::write(&a, titled("our-a-2024", "読み込み中に変えた")).unwrap();
    std::fs::remove_file(dir.path().join("cases/2024/our-b-2024.yaml")).unwrap();
    // A whole directory reported (a rescan, a directory made again).
    app.reload_now(vec![dir.path().to_path_buf()]);
    assert!(
        app.book.get("our-b-2024").is_none(),
        "the deleted file left"
    );
    select(&mut app, "our-a-2024");
    assert!(
        screen(&app, 120, 36).contains("[チーム] 読み込み中に変えた"),
        "{}",
        screen(&app, 120, 36)
    );
}

#[test]
fn an_editor_that_fails_is_reported_and_the_report_stays() {
    use casebook::tui::action::{Authored, Shared};
    let (dir, a) = team_of_one();
    let mut app = team_app(dir.path());
    select(&mut app, "our-a-2024");
    let effects = press(&mut app, "E");
    assert_eq!(effects, vec![Effect::Edit { path: a.clone() }]);
    // The editor saved, then ended with exit status 3.
    std::fs::write(&a, titled("our-a-2024", "保存してから失敗")).unwrap();
    let failed = casebook::diag::Message::new(
        "エディタ（vi）が終了コード 3 で終わりました",
        "the editor (vi) ended with exit status 3",
    );
    let mut effects = app.update(Action::Authored(Authored::Edited {
        path: a.clone(),
        failed: Some(failed),
    }));
    while let Some(effect) = effects.pop() {
        if let Effect::Reload { paths, everything } = effect {
            let batch = casebook::tui::reload::read(&app.reload_job(paths, everything));
            effects.extend(app.update(Action::Reloaded(Shared::new(batch))));
        }
    }
    let s = screen(&app, 120, 36);
    assert!(
        s.contains("[チーム] 保存してから失敗"),
        "what it saved is read: {s}"
    );
    assert!(
        s.contains("エディタ（vi）が終了コード 3 で終わりました"),
        "{s}"
    );
    assert!(!s.contains("を読み込みました"), "{s}");
}

#[test]
fn a_draft_is_made_in_the_background_and_esc_stops_it() {
    let dir = Dir::new();
    let notice = dir.file(
        "notice.txt",
        "令和7年1月20日\n株式会社テスト商事\n\nノートパソコンの紛失について\n\n1 概要\n令和7年1月10日、従業員がノートパソコンを紛失しました。\n",
    );
    let mut app = team_app(dir.path());
    let effects = press(
        &mut app,
        &format!("nf{}<Enter>our-notice-2025<Enter>", notice.display()),
    );
    let [
        Effect::NewCase {
            dir: d,
            id,
            start,
            cancel,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    // Keys still work while it is made; the status bar says how to stop it.
    assert_eq!(app.mode(), Mode::Browse);
    assert!(
        screen(&app, 120, 36).contains("公表文から下書きしています…（Esc で中止）"),
        "{}",
        screen(&app, 120, 36)
    );
    press(&mut app, "n");
    assert_eq!(app.mode(), Mode::Browse, "one draft at a time");
    press(&mut app, "<Esc>");
    assert!(cancel.is_cancelled());
    assert!(screen(&app, 120, 36).contains("下書きを中止しました"));
    // The drafting thread, when it is done: nothing is written.
    let authored = casebook::tui::effects::create(d, id, start, &app.book, app.env.lang, cancel);
    assert_eq!(authored, casebook::tui::action::Authored::Cancelled);
    assert!(app.update(Action::Authored(authored)).is_empty());
    assert!(!dir.path().join("cases/2025/our-notice-2025.yaml").exists());
    assert!(screen(&app, 120, 36).contains("下書きを中止しました"));
    // And `n` asks again.
    press(&mut app, "n");
    assert_eq!(app.mode(), Mode::Author);
}

/// `n` then `c` where no tool reads the clipboard (over SSH, say): the
/// browser says so before asking for an id, and takes the notice pasted into
/// the terminal (a bracketed paste) instead.
#[test]
fn without_a_clipboard_reader_the_notice_is_pasted_into_the_terminal() {
    let dir = Dir::new();
    let mut app = team_app_with(
        dir.path(),
        Options {
            clipboard_reader: Some(false),
            ..options()
        },
    );
    press(&mut app, "nc");
    assert!(
        matches!(app.author(), Some(Step::Paste { .. })),
        "{:?}",
        app.author()
    );
    let shown = screen(&app, 120, 36);
    assert!(
        shown.contains("公表文をここに貼り付けてください"),
        "{shown}"
    );
    // Enter on nothing pasted stays.
    press(&mut app, "<Enter>");
    assert!(matches!(app.author(), Some(Step::Paste { .. })));
    let notice = "令和7年1月20日\r\n株式会社テスト商事\r\n\r\n個人情報を含むノートパソコンの紛失について\r\n\r\n令和7年1月10日、従業員が顧客1,284人分の氏名と住所を保存したノートパソコンを電車内に置き忘れました。\u{7}\r\n";
    app.update(Action::Paste(notice.to_string()));
    let shown = screen(&app, 120, 36);
    assert!(shown.contains("貼り付けた公表文: "), "{shown}");
    let effects = press(&mut app, "<Enter>our-pasted-2025<Enter>");
    let [
        Effect::NewCase {
            start: Start::Pasted(text),
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert!(!text.contains('\r') && !text.contains('\u{7}'), "{text:?}");
    let mut drafted = String::new();
    let cell = std::cell::RefCell::new(&mut drafted);
    perform(&mut app, effects, &|path| {
        cell.borrow_mut()
            .push_str(&std::fs::read_to_string(path).unwrap());
    });
    assert!(drafted.contains("id: our-pasted-2025"), "{drafted}");
    assert!(drafted.contains("ノートパソコン"), "{drafted}");

    // With a reader, `c` goes straight to the id.
    let mut app = team_app_with(
        dir.path(),
        Options {
            clipboard_reader: Some(true),
            ..options()
        },
    );
    press(&mut app, "nc");
    assert!(
        matches!(app.author(), Some(Step::Id { .. })),
        "{:?}",
        app.author()
    );
}
