//! Hostile input: files from many hands (Windows editors, PDFs, colleagues'
//! branches). Each bad file gets a clear diagnostic with its line, is skipped,
//! and the good file beside it still loads. Text that loads never brings
//! control characters to the screen, the clipboard or an export.
//!
//! The readable corpus is in tests/corpus/; binary and very large inputs are
//! generated here.

use crate::common;

use std::path::Path;

use casebook::load::{Input, load};
use common::{Dir, about, assert_no_controls, case_file, casebook, corpus, ids, stderr, stdout};

/// Loads `content` as `cases/<name>` beside a good case and returns the
/// diagnostics about it (the good case must load).
fn check(name: &str, content: impl AsRef<[u8]>) -> Vec<String> {
    let dir = Dir::new();
    dir.case("good.yaml", case_file("good"));
    dir.case(name, content);
    let loaded = dir.load();
    assert!(
        ids(&loaded).contains(&"good".to_string()),
        "the good file still loads: {:?}",
        loaded.diagnostics
    );
    about(&loaded, name)
}

fn check_corpus(name: &str) -> Vec<String> {
    check(name, corpus(name))
}

/// Asserts one error diagnostic at `line` whose message contains `text`.
fn assert_error(diags: &[String], file: &str, line: u32, text: &str) {
    let prefix = format!("{file}:{line}:");
    assert!(
        diags
            .iter()
            .any(|d| d.starts_with(&prefix) && d.contains(": error: ") && d.contains(text)),
        "expected an error at {file}:{line} containing {text:?}, got {diags:#?}"
    );
}

// ----- inputs that must be reported and skipped ---------------------------------------

#[test]
fn syntax_error() {
    let d = check_corpus("syntax-error.yaml");
    assert_error(&d, "syntax-error.yaml", 27, "YAML syntax error");
    assert_error(
        &d,
        "syntax-error.yaml",
        27,
        "the `[` on line 27, column 7 is not closed by line 28",
    );
}

#[test]
fn tabs_used_for_indentation() {
    let d = check_corpus("tab-indent.yaml");
    assert_error(
        &d,
        "tab-indent.yaml",
        11,
        "a tab character is used for indentation; YAML needs spaces",
    );
}

#[test]
fn a_top_level_list_or_scalar() {
    let d = check_corpus("top-level-list.yaml");
    assert_error(
        &d,
        "top-level-list.yaml",
        1,
        "expected a case (a mapping of `field: value` lines), found a list",
    );
    let d = check_corpus("top-level-scalar.yaml");
    assert_error(&d, "top-level-scalar.yaml", 1, "found a single value");
}

#[test]
fn an_empty_file_or_only_comments() {
    assert_error(
        &check_corpus("empty.yaml"),
        "empty.yaml",
        1,
        "the file is empty (or only comments)",
    );
    assert_error(
        &check_corpus("comments-only.yaml"),
        "comments-only.yaml",
        1,
        "the file is empty (or only comments)",
    );
}

#[test]
fn unknown_and_misspelled_fields() {
    let d = check_corpus("misspelled-field.yaml");
    assert_error(
        &d,
        "misspelled-field.yaml",
        7,
        "unknown field `sumary`; did you mean `summary`?",
    );
    let d = check_corpus("unknown-field.yaml");
    assert_error(
        &d,
        "unknown-field.yaml",
        5,
        "unknown field `severity` (known fields: id, copied_from, title, organization",
    );
}

#[test]
fn missing_required_fields() {
    let d = check_corpus("missing-required.yaml");
    assert_error(
        &d,
        "missing-required.yaml",
        1,
        "missing required field `measures` (a list of {text, controls})",
    );
}

#[test]
fn wrong_types() {
    let d = check_corpus("people-string.yaml");
    assert_error(
        &d,
        "people-string.yaml",
        11,
        "`affected.people`: expected a whole number, found \"約46万人\"",
    );
    let d = check_corpus("title-mapping.yaml");
    assert_error(
        &d,
        "title-mapping.yaml",
        3,
        "`title`: expected text, found a mapping",
    );
}

#[test]
fn impossible_dates() {
    let d = check_corpus("impossible-date.yaml");
    assert_error(
        &d,
        "impossible-date.yaml",
        5,
        "`2023-02-29` is not a real calendar date: 2023-02 has 28 days",
    );
}

#[test]
fn unknown_cause_sector_and_control_ids() {
    let d = check_corpus("unknown-ids.yaml");
    assert_error(
        &d,
        "unknown-ids.yaml",
        4,
        "unknown sector `goverment`; did you mean `government`",
    );
    assert_error(
        &d,
        "unknown-ids.yaml",
        14,
        "unknown cause category `data-leak`",
    );
    assert_error(
        &d,
        "unknown-ids.yaml",
        18,
        "unknown control `ppc:10-5-9` in scheme `ppc`; did you mean",
    );
}

#[test]
fn duplicate_ids_across_directories() {
    let (team, personal) = (Dir::new(), Dir::new());
    team.case("usb.yaml", case_file("same"));
    personal.case("draft.yaml", case_file("same"));
    personal.case("other.yaml", case_file("other"));
    let loaded = load(
        &[
            Input::Dir(team.path().into()),
            Input::Dir(personal.path().into()),
        ],
        &[],
    );
    assert_eq!(ids(&loaded), vec!["same", "other"]);
    let d = about(&loaded, "draft.yaml");
    assert_error(&d, "draft.yaml", 1, "duplicate case id `same`");
    let other = team.path().join("cases/usb.yaml").display().to_string();
    assert!(
        d.iter()
            .any(|m| m.contains("duplicate") && m.contains(&other)),
        "names the other file: {d:?}"
    );
}

#[test]
fn shift_jis_and_euc_jp() {
    let text = case_file("legacy");
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let d = check("sjis.yaml", &*sjis);
    assert_error(
        &d,
        "sjis.yaml",
        2,
        "the file is not UTF-8 text (it looks like Shift_JIS); re-save it as \"UTF-8\"",
    );
    let (euc, _, _) = encoding_rs::EUC_JP.encode(&text);
    let d = check("euc.yaml", &*euc);
    assert_error(&d, "euc.yaml", 2, "(it looks like EUC-JP)");
}

#[test]
fn utf16_with_bom() {
    let text = case_file("wide");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let d = check("utf16.yaml", bytes);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].starts_with("utf16.yaml: error: the file is UTF-16 text; case files must be UTF-8"),
        "{d:?}"
    );
}

#[test]
fn binary_garbage() {
    let mut bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    bytes[100] = 0;
    let d = check("garbage.yaml", bytes);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].contains("error: the file holds binary data (a NUL byte), not YAML text")
            || d[0].contains("not UTF-8"),
        "{d:?}"
    );
}

#[test]
fn a_50_mb_file_is_refused_without_reading_it() {
    let dir = Dir::new();
    dir.case("good.yaml", case_file("good"));
    let big = dir.path().join("cases/huge.yaml");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap(); // sparse: 50 MB that cost nothing to write
    let loaded = dir.load();
    assert_eq!(ids(&loaded), vec!["good"]);
    assert_eq!(
        about(&loaded, "huge.yaml"),
        vec![
            "huge.yaml: error: the file is 50.0 MiB; case and catalog files are limited to 1 MiB (is it really a case file?)"
        ]
    );
}

#[test]
fn an_alias_bomb_is_stopped() {
    let d = check_corpus("alias-bomb.yaml");
    assert_error(
        &d,
        "alias-bomb.yaml",
        5,
        "aliases (`*name`) expand to more than 10000 values",
    );
}

#[test]
fn ten_thousand_levels_of_nesting() {
    let block: String = (0..10_000)
        .map(|i| format!("{}- \n", "  ".repeat(i)))
        .collect();
    assert!(block.len() < 1024 * 1024 * 120, "sanity");
    let block_small: String = (0..10_000).map(|_| "- ".to_string()).collect::<String>() + "x\n";
    let d = check("nested-block.yaml", block_small);
    assert_error(
        &d,
        "nested-block.yaml",
        1,
        "values are nested more than 64 levels deep",
    );
    let flow = "[".repeat(10_000) + &"]".repeat(10_000);
    let d = check("nested-flow.yaml", flow);
    assert_error(&d, "nested-flow.yaml", 1, "nested");
}

#[test]
fn multiple_documents_in_one_file() {
    let d = check_corpus("multiple-documents.yaml");
    assert_error(
        &d,
        "multiple-documents.yaml",
        28,
        "the file holds more than one YAML document (a second `---`)",
    );
}

#[test]
fn a_file_that_disappears_while_loading() {
    // A file listed by the directory walk but gone when it is read takes the
    // same path as a file given directly that no longer exists.
    let dir = Dir::new();
    let gone = dir.case("gone.yaml", case_file("gone"));
    std::fs::remove_file(&gone).unwrap();
    let loaded = load(
        &[Input::File(gone.clone()), Input::Dir(dir.path().into())],
        &[],
    );
    let d = about(&loaded, "gone.yaml");
    assert_eq!(
        d,
        vec![
            "gone.yaml: error: could not read the file: it no longer exists (moved or deleted while loading?)"
        ]
    );
    // A dangling symbolic link in a casebook is an error (a case is missing),
    // and the rest loads.
    std::os::unix::fs::symlink(
        dir.path().join("nowhere.yaml"),
        dir.path().join("cases/dangling.yaml"),
    )
    .unwrap();
    dir.case("good.yaml", case_file("good"));
    let loaded = dir.load();
    assert_eq!(ids(&loaded), vec!["good"]);
    assert!(
        about(&loaded, "dangling.yaml")[0]
            .contains("error: a symbolic link to a file that does not exist, so it was skipped")
    );
}

#[test]
fn a_directory_symlink_loop() {
    let dir = Dir::new();
    dir.case("2024/good.yaml", case_file("good"));
    std::os::unix::fs::symlink(dir.path().join("cases"), dir.path().join("cases/2024/loop"))
        .unwrap();
    let loaded = dir.load();
    assert_eq!(ids(&loaded), vec!["good"], "loaded once, not forever");
    let d = about(&loaded, "loop");
    assert_eq!(d.len(), 1, "{:?}", loaded.diagnostics);
    assert!(
        d[0].contains("warning: skipped: a symbolic link leads back to"),
        "{d:?}"
    );
}

/// Runs the binary without root's privileges when we are root (CI), so file
/// permissions apply. The binary is copied where that user can run it (the
/// checkout may sit in a directory only root can enter); it needs nothing else.
fn casebook_unprivileged(args: &[&str]) -> std::process::Output {
    use std::os::unix::fs::PermissionsExt;
    if unsafe { libc::geteuid() } != 0 {
        return casebook(args);
    }
    let bin_dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(bin_dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = bin_dir.path().join("casebook");
    std::fs::copy(env!("CARGO_BIN_EXE_casebook"), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = std::process::Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
    cmd.arg(&bin).args(args).current_dir("/");
    cmd.env("XDG_DATA_HOME", "/nonexistent")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env_remove("CASEBOOK_CONFIG");
    // The copy was open for writing while other tests' threads forked: a
    // child that has not yet reached exec still holds that descriptor, and
    // running the copy then fails with ETXTBSY ("Text file busy", setpriv
    // exits 126) until it does. That is the test's own race, not casebook's:
    // run again, a bounded number of times.
    for _ in 0..200 {
        let out = cmd
            .output()
            .expect("setpriv (util-linux) runs the binary as nobody");
        let busy = out.status.code() == Some(126)
            && String::from_utf8_lossy(&out.stderr).contains("Text file busy");
        if !busy {
            return out;
        }
        std::thread::yield_now();
    }
    panic!("the copied binary stayed busy (ETXTBSY)")
}

fn open_to_all(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in [dir.to_path_buf(), dir.join("cases")] {
        std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    open_to_all(dir.path());
    let good = dir.case("good.yaml", case_file("good"));
    let secret = dir.case("secret.yaml", case_file("secret"));
    std::fs::set_permissions(&good, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = casebook_unprivileged(&[
        "--lang",
        "en",
        "--no-bundled",
        "validate",
        dir.path().to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("secret.yaml: error: could not read the file: permission denied (check the file's permissions)"), "{err}");
    assert!(
        err.ends_with("1 case, 1 error, 0 warnings\n"),
        "the good file loads: {err}"
    );
}

/// A team casebook with `catalogs/internal.yaml` from the corpus and a case
/// citing `internal:R-1` and `internal:R-3`; `cases` says where the case goes.
fn team_with_catalog(catalog: &str, cases: &str) -> Dir {
    let dir = Dir::new();
    dir.file("catalogs/internal.yaml", corpus(catalog));
    let case = case_file("ours").replace(
        "controls: [iso27001:A.8.10]",
        "controls: [internal:R-1, internal:R-3]",
    );
    dir.file(&format!("{cases}ours.yaml"), case);
    dir
}

#[test]
fn a_duplicate_catalog_id_is_reported_at_its_line_and_the_catalog_kept() {
    let dir = team_with_catalog("catalog-duplicate-id.yaml", "cases/");
    let loaded = dir.load();
    assert_eq!(ids(&loaded), vec!["ours"], "{:#?}", loaded.diagnostics);
    let d = about(&loaded, "internal.yaml");
    assert_error(
        &d,
        "internal.yaml",
        10,
        "`items[3].id`: `R-2` is already used on line 9; this item is left out",
    );
    let internal = loaded.casebook.catalogs.scheme("internal").unwrap();
    assert!(internal.get("R-3").is_some());
    assert_eq!(internal.items.len(), 3);
}

#[test]
fn a_scheme_unknown_because_its_catalog_failed_says_where() {
    let dir = team_with_catalog("catalog-without-title.yaml", "cases/");
    let loaded = dir.load();
    let d = about(&loaded, "ours.yaml");
    let shown = dir.path().join("catalogs/internal.yaml");
    assert!(
        d.iter().any(|m| m.contains(&format!(
            "unknown scheme `internal` in `internal:R-1`: its catalog {} has errors and was not loaded",
            shown.display()
        ))),
        "{d:#?}"
    );
}

#[test]
fn one_file_of_a_flat_team_casebook_finds_its_catalogs() {
    let dir = team_with_catalog("catalog-duplicate-id.yaml", "2024/");
    std::fs::remove_dir(dir.path().join("cases")).unwrap(); // flat: no cases/
    let file = dir.path().join("2024/ours.yaml");
    let whole = casebook(&[
        "--lang",
        "en",
        "--no-bundled",
        "validate",
        dir.path().to_str().unwrap(),
    ]);
    let one = casebook(&[
        "--lang",
        "en",
        "--no-bundled",
        "validate",
        file.to_str().unwrap(),
    ]);
    // Both see the catalog (and its duplicate); neither says the scheme is unknown.
    for out in [&whole, &one] {
        assert!(!stderr(out).contains("unknown scheme"), "{}", stderr(out));
        assert!(
            stderr(out).contains("`R-2` is already used"),
            "{}",
            stderr(out)
        );
        assert!(
            stderr(out).ends_with("1 case, 1 error, 0 warnings\n"),
            "{}",
            stderr(out)
        );
    }
}

#[test]
fn invisible_characters_in_a_field_name_are_shown() {
    let text = case_file("bom-key")
        .replace("title:", "\u{FEFF}title:")
        .replace("organization:", "organi\u{200B}zation:");
    let d = check("bom-key.yaml", text);
    assert_error(
        &d,
        "bom-key.yaml",
        2,
        "unknown field `<U+FEFF>title`; did you mean `title`?",
    );
    assert_error(
        &d,
        "bom-key.yaml",
        3,
        "unknown field `organi<U+200B>zation`; did you mean `organization`?",
    );
}

#[test]
fn a_field_name_over_1024_characters_is_explained() {
    let text =
        case_file("long-key").replace("occurred: 2024-06", &format!("{}: x", "k".repeat(1100)));
    let d = check("long-key.yaml", text);
    assert_error(
        &d,
        "long-key.yaml",
        6,
        "this line reads as a field name of more than 1,024 characters, which YAML does not allow",
    );
    assert!(d.iter().all(|m| !m.contains("simple key")), "{d:#?}");
    // On the first line too (there the scanner says something else).
    for (name, text) in [
        (
            "first.yaml",
            format!("{}: x\nid: first\n", "k".repeat(1100)),
        ),
        ("only.yaml", format!("{}: x\n", "k".repeat(1100))),
        ("item.yaml", format!("- {}: x\n", "k".repeat(1100))),
    ] {
        let d = check(name, text);
        assert_error(
            &d,
            name,
            1,
            "this line reads as a field name of more than 1,024 characters, which YAML does not allow",
        );
        assert!(d.iter().all(|m| !m.contains("quotes")), "{d:#?}");
    }
}

#[test]
fn yaml_tags_are_refused() {
    // The corpus file has four tags (lines 3-6); each is refused on its own.
    let text = String::from_utf8(corpus("yaml-tags.yaml")).unwrap();
    let tags = [("!!binary", 3), ("!!str", 4), ("!custom", 5), ("!!map", 6)];
    for (tag, line) in tags {
        let mut only = text.clone();
        for (other, _) in tags.iter().filter(|(t, _)| *t != tag) {
            only = only.replacen(&format!("{other} "), "", 1);
        }
        let d = check("yaml-tags.yaml", only);
        assert_error(
            &d,
            "yaml-tags.yaml",
            line,
            &format!("YAML tags such as `{tag}` are not used in case files"),
        );
    }
}

// ----- inputs that must load and display safely ---------------------------------------

#[test]
fn bom_and_crlf_load() {
    let text = format!("\u{feff}{}", case_file("windows").replace('\n', "\r\n"));
    assert_eq!(check("windows.yaml", text), Vec::<String>::new());
}

#[test]
fn emoji_and_combining_marks_load() {
    assert_eq!(check_corpus("emoji-combining.yaml"), Vec::<String>::new());
}

#[test]
fn very_long_lines_and_ten_thousand_tags_load() {
    let long = case_file("long").replace(
        "  市は許可なく持ち出されたことを確認した。",
        &format!("  {}", "個人情報".repeat(5000)),
    );
    assert_eq!(check("long.yaml", long), Vec::<String>::new());
    let tags: Vec<String> = (0..10_000).map(|i| format!("タグ{i}")).collect();
    let many = case_file("many-tags").replace(
        "tags: [USB, 委託先]",
        &format!("tags: [{}]", tags.join(", ")),
    );
    assert_eq!(check("many-tags.yaml", many), Vec::<String>::new());
}

#[test]
fn control_characters_are_reported_as_warnings_and_made_visible() {
    let d = check_corpus("control-characters.yaml");
    assert!(d.iter().all(|m| m.contains(": warning: ")), "{d:#?}");
    assert!(
        d.iter().any(
            |m| m.starts_with("control-characters.yaml:2:8: warning: `title` contains control")
        ),
        "{d:#?}"
    );
    let dir = Dir::new();
    dir.case("control-characters.yaml", corpus("control-characters.yaml"));
    let loaded = dir.load();
    let case = &loaded.casebook.get("control-characters").unwrap().case;
    assert_eq!(case.title, "委託先が␛]52;c;ZXZpbA==␇USBを␛[2J紛失�31mした");
}

#[test]
fn invisible_characters_by_unicode_property_are_removed_with_a_warning() {
    let d = check_corpus("invisible-characters.yaml");
    assert!(!d.is_empty(), "each field with invisible characters warns");
    assert!(d.iter().all(|m| m.contains(": warning: ")), "{d:#?}");
    for (line, field) in [
        (2, "title"),
        (3, "organization"),
        (6, "summary"),
        (17, "tags[2]"),
    ] {
        let prefix = format!("invisible-characters.yaml:{line}:");
        assert!(
            d.iter()
                .any(|m| m.starts_with(&prefix) && m.contains(&format!("`{field}` contains"))),
            "{field}: {d:#?}"
        );
    }
    let dir = Dir::new();
    dir.case(
        "invisible-characters.yaml",
        corpus("invisible-characters.yaml"),
    );
    let loaded = dir.load();
    let case = &loaded.casebook.get("invisible-characters").unwrap().case;
    assert_eq!(case.title, "委託先が USBメモリーを紛失ふりがなした");
    assert_eq!(case.organization, "テスト市");
    assert_eq!(
        case.summary,
        "委託先の社員が\n個人情報を記録したUSBメモリーを紛失した。市は確認した。"
    );
    assert_eq!(case.tags, vec!["USB", "タグ"]);
}

#[test]
fn a_required_field_of_only_invisible_characters_is_an_error() {
    let d = check_corpus("only-invisible-title.yaml");
    assert_error(
        &d,
        "only-invisible-title.yaml",
        2,
        "`title` holds only invisible characters (<U+200B><U+2060><U+FEFF>); write some text",
    );
}

#[test]
fn outputs_never_carry_control_characters() {
    let dir = Dir::new();
    dir.case("control-characters.yaml", corpus("control-characters.yaml"));
    dir.case("emoji-combining.yaml", corpus("emoji-combining.yaml"));
    dir.case(
        "invisible-characters.yaml",
        corpus("invisible-characters.yaml"),
    );
    let d = dir.path().to_str().unwrap();
    for id in [
        "control-characters",
        "emoji-combining",
        "invisible-characters",
    ] {
        for args in [
            vec!["show", id],
            vec!["show", id, "--format", "markdown"],
            vec!["show", id, "--format", "json"],
            vec!["show", id, "--width", "40"],
            vec!["cite", id],
            vec!["cite", id, "--format", "markdown"],
            vec!["export", "--case", id],
            vec!["export", "--control", "iso27001:A.7.10"],
            vec!["list", "--format", "json"],
            vec!["list"],
            vec!["search", "委託", "--format", "json"],
            vec!["search", "委託"],
        ] {
            let mut full = vec!["--no-bundled", "--casebook", d];
            full.extend(&args);
            let out = casebook(&full);
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
            let text_output = matches!(args[0], "list" | "search") && !args.contains(&"json");
            assert_no_controls(&format!("{args:?}"), &stdout(&out), text_output);
        }
    }
    // The screen, on the case with controls, with its detail open.
    use casebook::tui::action::Action;
    use casebook::tui::app::{App, Options};
    let loaded = load(&[Input::Dir(dir.path().into())], &[]);
    let mut app = App::new(loaded.casebook, loaded.diagnostics, Options::default());
    for (w, h) in [(120, 40), (40, 12)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        for action in [
            Action::NextPane,
            Action::NextPane,
            Action::Down,
            Action::ShowDiagnostics,
        ] {
            app.update(action);
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            terminal
                .draw(|f| casebook::tui::view::draw(f, &app))
                .unwrap();
            let screen: String = terminal
                .backend()
                .buffer()
                .content()
                .iter()
                .map(|c| c.symbol())
                .collect();
            assert_no_controls("screen", &screen, false);
        }
        app.update(Action::Back);
    }
}

#[test]
fn validate_json_escapes_nothing_dangerous_either() {
    let dir = Dir::new();
    dir.case("control-characters.yaml", corpus("control-characters.yaml"));
    dir.case("\u{1b}[31mevil.yaml", "id: [\n");
    let out = casebook(&[
        "--lang",
        "en",
        "--no-bundled",
        "validate",
        dir.path().to_str().unwrap(),
    ]);
    assert_no_controls("validate stderr", &stderr(&out), false);
    assert!(
        stderr(&out).contains("␛[31mevil.yaml"),
        "file names are shown safely: {}",
        stderr(&out)
    );
}

// ----- faults while exporting (a file-size limit: tests/documents/export_targets.rs) --------------

#[test]
fn export_into_a_read_only_directory_fails_and_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let target = locked.join("training.md");
    let out = casebook_unprivileged(&common::sample_args(&[
        "--lang",
        "en",
        "export",
        "--case",
        "kitahama-usb-2022",
        "--out",
        target.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot write") && stderr(&out).contains("permission denied"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_dir(&locked).unwrap().count(),
        0,
        "no partial or temporary file"
    );
}

#[test]
fn noncharacters_are_removed_with_a_warning_and_reach_no_document() {
    // U+FFFE and U+FFFF are not allowed in XML (a Word file holding one does
    // not open); the other noncharacters (U+FDD0–FDEF, the last two of each
    // plane) are no text either.
    let text = case_file("nonchar-2024")
        .replace(
            "title: 委託先がUSBメモリーを紛失",
            "title: 委託先が\u{FFFE}USB\u{FFFF}メモリーを\u{FDD0}紛失\u{10FFFF}",
        )
        .replace(
            "  市は許可なく持ち出されたことを確認した。",
            "  市は許可なく\u{FFFF}持ち出されたことを\u{1FFFE}確認した。",
        );
    let d = check("nonchar-2024.yaml", &text);
    assert!(
        d.iter()
            .any(|m| m.starts_with("nonchar-2024.yaml:2:") && m.contains("`title` contains")),
        "{d:#?}"
    );
    assert!(
        d.iter()
            .any(|m| m.starts_with("nonchar-2024.yaml:8:") && m.contains("`summary` contains")),
        "{d:#?}"
    );
    let dir = Dir::new();
    dir.case("nonchar-2024.yaml", &text);
    let loaded = dir.load();
    let case = &loaded.casebook.get("nonchar-2024").unwrap().case;
    assert_eq!(case.title, "委託先がUSBメモリーを紛失");
    assert!(
        case.summary
            .ends_with("市は許可なく持ち出されたことを確認した。")
    );

    let out = dir.path().join("case.docx");
    let run = casebook(&[
        "--no-bundled",
        "--casebook",
        dir.path().to_str().unwrap(),
        "show",
        "nonchar-2024",
        "--format",
        "docx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let xml = common::office::part(&std::fs::read(&out).unwrap(), "word/document.xml");
    assert!(xml.contains("委託先がUSBメモリーを紛失"), "{xml}");
    let noncharacter = |c: char| {
        let c = c as u32;
        (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
    };
    assert!(!xml.chars().any(noncharacter));
    for format in ["text", "markdown", "json"] {
        let run = casebook(&[
            "--no-bundled",
            "--casebook",
            dir.path().to_str().unwrap(),
            "show",
            "nonchar-2024",
            "--format",
            format,
        ]);
        assert!(!stdout(&run).chars().any(noncharacter), "{format}");
    }
}
