//! What the commands print, wherever it goes: a reader that goes away, a full
//! disk, hostile arguments and file names, and start-up mistakes. The
//! commands run on the sample casebook of the tests.

use crate::common;

use std::fs::File;
use std::process::{Output, Stdio};

use common::{
    Dir, assert_no_controls, case_file, casebook, command, on_sample, sample_args, stderr, stdout,
};

/// Every command, with the stream it mainly writes to (run on the sample casebook).
const COMMANDS: &[(&[&str], Stream)] = &[
    (&["validate", "--format", "json"], Stream::Out),
    (&["validate"], Stream::Err),
    (&["list"], Stream::Out),
    (&["list", "--format", "json"], Stream::Out),
    (&["show", "kitahama-usb-2022"], Stream::Out),
    (
        &["show", "kitahama-usb-2022", "--format", "markdown"],
        Stream::Out,
    ),
    (
        &["show", "kitahama-usb-2022", "--format", "json"],
        Stream::Out,
    ),
    (&["cite", "kitahama-usb-2022"], Stream::Out),
    (&["search", "廃棄"], Stream::Out),
    (&["search", "廃棄", "--format", "json"], Stream::Out),
    (&["export", "--case", "kitahama-usb-2022"], Stream::Out),
    (&["export", "--control", "iso27001:A.7.14"], Stream::Out),
    (&["schema"], Stream::Out),
    (&["--help"], Stream::Out),
    (&["--version"], Stream::Out),
    (&["no-such-command"], Stream::Err),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stream {
    Out,
    Err,
}

/// Runs `args` with `stream` connected to a pipe whose reader is already
/// gone (as `| head -c0` ends up), the other stream captured.
fn with_closed(args: &[&str], stream: Stream) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut cmd = command(&sample_args(args));
    match stream {
        Stream::Out => cmd.stdout(writer).stderr(Stdio::piped()),
        Stream::Err => cmd.stderr(writer).stdout(Stdio::piped()),
    };
    cmd.output().unwrap()
}

fn with_full(args: &[&str], stream: Stream) -> Output {
    let full = File::options().write(true).open("/dev/full").unwrap();
    let mut cmd = command(&sample_args(args));
    match stream {
        Stream::Out => cmd.stdout(full).stderr(Stdio::piped()),
        Stream::Err => cmd.stderr(full).stdout(Stdio::piped()),
    };
    cmd.output().unwrap()
}

#[test]
fn a_reader_that_goes_away_ends_every_command_quietly_with_141() {
    for (args, stream) in COMMANDS {
        let out = with_closed(args, *stream);
        assert_eq!(
            out.status.code(),
            Some(141),
            "{args:?} with closed {stream:?}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        // Nothing else is said: no "Broken pipe", no panic.
        let other = if *stream == Stream::Out {
            stderr(&out)
        } else {
            stdout(&out)
        };
        assert_eq!(other, "", "{args:?}");
    }
}

#[test]
fn a_full_disk_under_standard_output_is_one_clear_line() {
    for (args, stream) in COMMANDS.iter().filter(|(_, s)| *s == Stream::Out) {
        let out = with_full(args, *stream);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert_eq!(
            stderr(&out),
            "casebook: 標準出力に書き込めません: デバイスに空きがありません（ディスクがいっぱいです）\n",
            "{args:?}"
        );
        let english: Vec<&str> = ["--lang", "en"].iter().chain(*args).copied().collect();
        let out = with_full(&english, *stream);
        assert_eq!(
            stderr(&out),
            "casebook: cannot write to standard output: no space left on the device (the disk is full)\n",
            "{english:?}"
        );
    }
}

#[test]
fn a_full_standard_error_is_not_a_crash_and_loses_no_output() {
    // Nowhere to report: the exit status still tells.
    let out = with_full(&["--casebook", "/nonexistent", "list"], Stream::Err);
    assert_eq!(out.status.code(), Some(2));
    let out = with_full(&["validate"], Stream::Err);
    assert_eq!(out.status.code(), Some(0));
    // A warning that cannot be written does not stop the listing.
    let dir = Dir::new();
    dir.case("good.yaml", case_file("good"));
    dir.case("bad.yaml", "id: [\n");
    let d = dir.path().to_str().unwrap();
    let out = with_full(&["--casebook", d, "list"], Stream::Err);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("\tgood\t"), "{}", stdout(&out));
}

// ----- nothing from an argument or a file name reaches the terminal raw ---------------

const OSC: &str = "x\u{1b}]0;PWN\u{7}\u{9b}2J\u{202e}";

#[test]
fn arguments_echoed_in_errors_are_made_visible() {
    let out_path = format!("/nonexistent/{OSC}.md");
    for args in [
        vec!["show", OSC],
        vec!["cite", OSC],
        vec!["list", "--control", OSC],
        vec!["list", "--control", &format!("iso27001:{OSC}")],
        vec!["list", "--cause", OSC],
        vec!["list", "--sector", OSC],
        vec!["export", "--case", "kitahama-usb-2022", "--out", &out_path],
        vec!["--casebook", OSC, "list"],
    ] {
        let out = on_sample(&args);
        assert!(!out.status.success(), "{args:?}");
        let err = stderr(&out);
        assert_no_controls(&format!("{args:?}"), &err, false);
        assert!(err.contains("x␛]0;PWN␇"), "{args:?}: {err}");
    }
    // Values the command-line parser rejects: its message drops escape
    // sequences, and what is left passes the same rule.
    for args in [
        vec!["--lang", OSC, "list"],
        vec!["list", "--year", OSC],
        vec![OSC],
    ] {
        let out = casebook(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_no_controls(&format!("{args:?}"), &err, false);
        assert!(err.contains("'x"), "{args:?}: {err}");
    }
}

#[test]
fn validate_json_paths_carry_no_control_or_bidi_character() {
    let dir = Dir::new();
    dir.case("a\u{9b}31m\u{202e}lmth.yaml", "id: [\n");
    dir.case("b\u{1b}]0;x\u{7}.yaml", "id: [\n");
    let out = casebook(&[
        "--no-bundled",
        "validate",
        "--format",
        "json",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json = stdout(&out);
    assert_no_controls("validate --format json", &json, false);
    let diags: serde_json::Value = serde_json::from_str(&json).unwrap();
    let paths: Vec<&str> = diags
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.iter().any(|p| p.ends_with("a�31mlmth.yaml")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.ends_with("b␛]0;x␇.yaml")),
        "{paths:?}"
    );
}

// ----- what was named explicitly must exist ---------------------------------------

#[test]
fn a_missing_casebook_directory_is_a_usage_error_naming_it() {
    let out = casebook(&[
        "--lang",
        "en",
        "--casebook",
        "/nonexistent/our-casebook",
        "list",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "casebook: --casebook /nonexistent/our-casebook: no such directory\n"
    );
    assert_eq!(stdout(&out), "");
    let dir = Dir::new();
    let file = dir.case("a.yaml", case_file("a"));
    for args in [
        vec!["--lang", "en", "--casebook", file.to_str().unwrap(), "list"],
        vec![
            "--lang",
            "en",
            "--casebook",
            file.to_str().unwrap(),
            "validate",
        ],
        vec![
            "--lang",
            "en",
            "--casebook",
            file.to_str().unwrap(),
            "validate",
            dir.path().to_str().unwrap(),
        ],
    ] {
        let out = casebook(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("a.yaml: is a file, not a casebook directory"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_config_file_that_is_not_a_file_is_a_usage_error() {
    let dir = Dir::new();
    let fifo = dir.path().join("config.fifo");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let missing = dir.path().join("missing.yaml");
    for (config, says) in [
        (missing.to_str().unwrap(), "missing.yaml: no such file"),
        (dir.path().to_str().unwrap(), "is a directory, not a file"),
        ("/dev/null", "is a character device, not a file"),
        (fifo.to_str().unwrap(), "is a FIFO (named pipe), not a file"),
    ] {
        let out = command(&["--lang", "en", "list"])
            .env("CASEBOOK_CONFIG", config)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{config}");
        assert!(
            stderr(&out).starts_with("casebook: CASEBOOK_CONFIG=") && stderr(&out).contains(says),
            "{config}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn search_limit_zero_is_a_usage_error() {
    let out = on_sample(&["--lang", "en", "search", "廃棄", "--limit", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("invalid value '0' for '--limit <LIMIT>': the limit must be 1 or more"),
        "{}",
        stderr(&out)
    );
    let out = on_sample(&["search", "廃棄", "--limit", "1"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn a_search_query_over_1000_characters_is_a_usage_error() {
    // As the browser holds at most 1,000 characters in its query line.
    let query = "個".repeat(1001);
    let out = casebook(&["--lang", "en", "search", &query]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "casebook: the search query has 1,001 characters; at most 1,000 are searched for\n"
    );
    let out = casebook(&["--lang", "ja", "search", &query]);
    assert!(stderr(&out).contains("検索語が1,001文字あります。検索できるのは1,000文字までです"));
    let out = casebook(&["search", &"個".repeat(1000)]);
    assert_eq!(out.status.code(), Some(1), "searched: nothing matches");
}

#[test]
fn a_very_long_id_gets_the_same_answer_as_a_short_wrong_one() {
    // `show`, `cite` and `similar` look for the nearest ids of one not
    // found; a 10,000-character one gets no suggestion (nothing is that
    // near), and quickly (`cargo bench --bench faults`).
    let id = format!("amagasaki-usb-2022{}", "x".repeat(10_000));
    for command in ["show", "cite", "similar"] {
        let out = casebook(&["--lang", "en", command, &id]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert!(
            stderr(&out).contains("no case with id"),
            "{command}: {}",
            stderr(&out)
        );
    }
}
