//! The cache of validated cases: whatever happens to the files, the catalogs,
//! the program or the cache itself, a run with the cache says exactly what a
//! run without it says.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use casebook::cache::{self, file, key::FileKey};
use common::{Dir, case_file, stderr, stdout};

/// The real binary on `dir` alone, with `cache` as its cache directory and
/// the cache's statistics on stderr.
fn run(dir: &Path, cache: &Path, args: &[&str]) -> Output {
    command(dir, cache, args).output().unwrap()
}

fn command(dir: &Path, cache: &Path, args: &[&str]) -> Command {
    let dir = dir.to_str().expect("a UTF-8 temporary path");
    // In English: the cache's lines are recognised by their words.
    let mut all = vec!["--lang", "en", "--no-bundled", "--casebook", dir];
    all.extend_from_slice(args);
    let mut cmd = common::command(&all);
    cmd.env("CASEBOOK_CACHE", cache)
        .env("CASEBOOK_CACHE_STATS", "1");
    cmd
}

/// The same without the cache: what every cached run must match.
fn cold(dir: &Path, args: &[&str]) -> Output {
    let none = Path::new("/nonexistent-cache");
    let mut all = vec!["--no-cache"];
    all.extend_from_slice(args);
    run(dir, none, &all)
}

/// stderr without the cache's own lines (statistics and notices).
fn diagnostics(o: &Output) -> String {
    stderr(o)
        .lines()
        .filter(|l| !l.starts_with("casebook: cache ") && !l.contains("cache for"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Asserts that a cached run printed what the cold run prints, and returns
/// the cache's statistics line.
fn same_as_cold(dir: &Path, cache: &Path, args: &[&str]) -> String {
    let cached = run(dir, cache, args);
    let fresh = cold(dir, args);
    assert_eq!(stdout(&cached), stdout(&fresh), "stdout of {args:?}");
    assert_eq!(
        diagnostics(&cached),
        diagnostics(&fresh),
        "stderr of {args:?}"
    );
    assert_eq!(
        cached.status.code(),
        fresh.status.code(),
        "status of {args:?}"
    );
    stats(&cached)
}

fn stats(o: &Output) -> String {
    stderr(o)
        .lines()
        .find(|l| l.starts_with("casebook: cache "))
        .unwrap_or_default()
        .to_string()
}

fn notices(o: &Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter(|l| l.contains("cache for") || l.contains("cache entry"))
        .map(str::to_string)
        .collect()
}

/// A casebook of `n` valid cases and a few broken files.
fn casebook(n: usize) -> Dir {
    let dir = Dir::new();
    for i in 0..n {
        let id = format!("case-{i:03}");
        dir.case(&format!("2024/{id}.yaml"), case_file(&id));
    }
    dir.case(
        "2024/typo.yaml",
        case_file("typo").replace("sector:", "secter:"),
    );
    dir.case(
        "2024/late.yaml",
        case_file("late").replace("2024-06-23", "2024-02-30"),
    );
    dir.case("2024/misnamed.yaml", case_file("other-name"));
    let text = case_file("sjis");
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    dir.case("2024/sjis.yaml", &*sjis);
    dir
}

fn cache_files(cache: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(cache)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == ext));
    files
}

const EVERY: &[&[&str]] = &[
    &["validate", "--format", "json"],
    &["list"],
    &["show", "case-001"],
    &["cite", "case-002"],
    &["search", "持ち出し 許可"],
];

#[test]
fn diagnostics_and_output_from_the_cache_are_those_of_a_cold_run() {
    let dir = casebook(20);
    let cache = tempfile::tempdir().unwrap();
    let first = same_as_cold(dir.path(), cache.path(), &["validate"]);
    assert!(first.contains("24 parsed, written"), "{first}");
    for args in EVERY {
        let line = same_as_cold(dir.path(), cache.path(), args);
        assert!(line.contains(" 0 parsed"), "{args:?}: {line}");
    }
    assert_eq!(cache_files(cache.path(), "cases").len(), 1);
    assert_eq!(
        cache_files(cache.path(), "index").len(),
        1,
        "search wrote the index"
    );
    // A duplicate id: the second file is skipped, here as in a cold run.
    dir.case("2024/dup.yaml", case_file("case-000"));
    for args in EVERY {
        same_as_cold(dir.path(), cache.path(), args);
    }
}

#[test]
fn a_run_that_fills_the_cache_answers_from_the_entry_it_wrote_as_a_cold_run_does() {
    // Enough files for the reading to be shared between threads, each case
    // written into the entry as it is parsed and read back from it.
    let dir = casebook(60);
    for args in EVERY {
        let cache = tempfile::tempdir().unwrap();
        let line = same_as_cold(dir.path(), cache.path(), args);
        assert!(line.contains("64 parsed, written"), "{args:?}: {line}");
        assert_eq!(cache_files(cache.path(), "cases").len(), 1);
        // Answered from the entry: reused, or (files written less than the
        // cache's slack before the first run) verified by content, never parsed.
        let line = same_as_cold(dir.path(), cache.path(), args);
        let from_entry = line.contains("64 reused") || line.contains("64 verified by content");
        assert!(from_entry && line.contains(" 0 parsed"), "{args:?}: {line}");
    }
}

#[test]
fn an_edit_re_validates_that_file_only() {
    let dir = casebook(10);
    let cache = tempfile::tempdir().unwrap();
    same_as_cold(dir.path(), cache.path(), &["validate"]);
    same_as_cold(dir.path(), cache.path(), &["search", "消去"]);
    let file = dir.case(
        "2024/case-003.yaml",
        case_file("case-003").replace(
            "委託先がUSBメモリーを紛失",
            "委託先のノートPCが盗難に遭った",
        ),
    );
    let line = same_as_cold(dir.path(), cache.path(), &["show", "case-003"]);
    assert!(line.contains(" 1 parsed, written"), "{line}");
    assert!(stdout(&run(dir.path(), cache.path(), &["show", "case-003"])).contains("盗難"));
    // The index was built for the old cases: it is rebuilt, not trusted.
    same_as_cold(dir.path(), cache.path(), &["search", "盗難"]);
    // An edit that breaks the file.
    fs::write(&file, "id: case-003\ntitle: [unclosed\n").unwrap();
    let line = same_as_cold(dir.path(), cache.path(), &["validate"]);
    assert!(line.contains(" 1 parsed"), "{line}");
}

#[test]
fn a_same_size_edit_with_the_old_mtime_restored_is_seen() {
    let dir = casebook(3);
    let cache = tempfile::tempdir().unwrap();
    same_as_cold(dir.path(), cache.path(), &["list"]);
    let path = dir.path().join("cases/2024/case-001.yaml");
    let before = FileKey::of(&path).unwrap();
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    // 紛失 → 盗難: the same number of bytes.
    let text = fs::read_to_string(&path).unwrap().replace("紛失", "盗難");
    fs::write(&path, &text).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let after = FileKey::of(&path).unwrap();
    assert_eq!(
        (after.size, after.mtime),
        (before.size, before.mtime),
        "size and mtime kept"
    );
    // Either the change time moved, or the key was too fresh to be trusted.
    assert!(
        after != before || !before.settled(cache::key::now()),
        "a key that cannot tell the edit apart must not be settled"
    );
    same_as_cold(dir.path(), cache.path(), &["list"]);
    assert!(stdout(&run(dir.path(), cache.path(), &["show", "case-001"])).contains("盗難"));
}

#[test]
fn settled_keys_are_used_without_reading_the_files() {
    // A key is settled when the file's times lie well before the run that
    // read it; a run that began long after the files were written trusts them.
    let key = FileKey {
        size: 10,
        mtime: 1_000_000_000,
        ctime: 1_000_000_000,
        inode: 1,
        device: 1,
    };
    assert!(key.settled(cache::key::now()));
    assert!(
        !key.settled(key.ctime + 1),
        "a file changed just before the read"
    );
}

#[test]
fn rename_delete_and_new_files_are_seen() {
    let dir = casebook(6);
    let cache = tempfile::tempdir().unwrap();
    same_as_cold(dir.path(), cache.path(), &["validate"]);
    fs::rename(
        dir.path().join("cases/2024/case-004.yaml"),
        dir.path().join("cases/2024/renamed.yaml"),
    )
    .unwrap();
    let line = same_as_cold(dir.path(), cache.path(), &["validate"]);
    assert!(line.contains(" 1 parsed, written"), "{line}");
    fs::remove_file(dir.path().join("cases/2024/case-005.yaml")).unwrap();
    let line = same_as_cold(dir.path(), cache.path(), &["list"]);
    assert!(line.contains(" 0 parsed, written"), "{line}");
    assert!(!stdout(&run(dir.path(), cache.path(), &["list"])).contains("case-005"));
    dir.case("2025/case-new.yaml", case_file("case-new"));
    let line = same_as_cold(dir.path(), cache.path(), &["list"]);
    assert!(line.contains(" 1 parsed, written"), "{line}");
    same_as_cold(dir.path(), cache.path(), &["search", "消去"]);
}

#[test]
fn a_catalog_change_re_validates_everything() {
    let dir = casebook(3);
    let cache = tempfile::tempdir().unwrap();
    let ours = case_file("ours").replace("[iso27001:A.8.10]", "[iso27001:A.8.10, internal:R-1]");
    dir.case("2024/ours.yaml", &ours);
    let out = run(dir.path(), cache.path(), &["validate"]);
    assert!(
        stderr(&out).contains("internal"),
        "unknown scheme: {}",
        stderr(&out)
    );
    dir.file(
        "catalogs/internal.yaml",
        "scheme: internal\nkind: controls\ntitle: {ja: 社内規程, en: Internal rules}\nshort: {ja: 社内, en: Internal}\nitems:\n  - {id: R-1, ja: 媒体管理, en: Media}\n",
    );
    let line = same_as_cold(dir.path(), cache.path(), &["validate"]);
    assert!(line.contains(" 0 reused, 0 verified by content"), "{line}");
    assert!(
        stdout(&run(
            dir.path(),
            cache.path(),
            &["list", "--control", "internal:R-1"]
        ))
        .contains("ours")
    );
}

/// Rewrites the cases file as if `program` had written it.
fn rewrite_as(cache: &Path, program: &str) {
    let path = &cache_files(cache, "cases")[0];
    let opened = file::open(path, file::Kind::Cases, cache::FORMAT, cache::PROGRAM)
        .unwrap()
        .unwrap();
    let sections: Vec<Vec<u8>> = (0..opened.meta.sections.len())
        .map(|i| opened.section(i).to_vec())
        .collect();
    let mut meta = opened.meta.clone();
    meta.program = program.into();
    let outs: Vec<file::Out> = sections
        .iter()
        .zip(&opened.meta.sections)
        .map(|(s, m)| file::Out {
            parts: vec![s],
            checked: m.sum.is_some(),
        })
        .collect();
    drop(opened);
    file::write(path, file::Kind::Cases, cache::FORMAT, meta, &outs).unwrap();
}

#[test]
fn another_version_s_cache_is_rebuilt_with_a_notice() {
    let dir = casebook(4);
    let cache = tempfile::tempdir().unwrap();
    same_as_cold(dir.path(), cache.path(), &["list"]);
    rewrite_as(cache.path(), "0.0.1+elsewhere");
    let out = run(dir.path(), cache.path(), &["list"]);
    assert_eq!(
        notices(&out),
        [format!(
            "casebook: the cache for {} was not used (another version of casebook wrote it); it is rebuilt",
            dir.path().display()
        )]
    );
    assert!(
        stats(&out).contains(" 8 parsed, written"),
        "{}",
        stats(&out)
    );
    let out = run(dir.path(), cache.path(), &["list"]);
    assert!(
        notices(&out).is_empty(),
        "rebuilt once: {:?}",
        notices(&out)
    );
    // In Japanese, the interface language of a plain run (LANG=C.UTF-8).
    rewrite_as(cache.path(), "0.0.1+elsewhere");
    let shown = dir.path().to_str().unwrap();
    let out = common::command(&["--no-bundled", "--casebook", shown, "list"])
        .env("CASEBOOK_CACHE", cache.path())
        .output()
        .unwrap();
    assert_eq!(
        stderr(&out).lines().next().unwrap(),
        format!(
            "casebook: {shown} のキャッシュは使いませんでした（別の版の casebook が書いたものです）。作り直します"
        )
    );
    // The format number at bytes 8..12 of the file.
    let path = &cache_files(cache.path(), "cases")[0];
    let mut bytes = fs::read(path).unwrap();
    bytes[8..12].copy_from_slice(&(cache::FORMAT + 1).to_le_bytes());
    fs::write(path, &bytes).unwrap();
    let out = run(dir.path(), cache.path(), &["list"]);
    assert_eq!(notices(&out).len(), 1);
    assert!(notices(&out)[0].contains("another version"));
    same_as_cold(dir.path(), cache.path(), &["list"]);
}

#[test]
fn a_truncated_or_random_cache_is_ignored_and_rebuilt() {
    let dir = casebook(8);
    let cache = tempfile::tempdir().unwrap();
    same_as_cold(dir.path(), cache.path(), &["search", "消去"]);
    for (name, damage) in [
        (
            "truncated",
            &(|b: &mut Vec<u8>| b.truncate(b.len() / 2)) as &dyn Fn(&mut Vec<u8>),
        ),
        ("header only", &|b: &mut Vec<u8>| b.truncate(20)),
        ("empty", &|b: &mut Vec<u8>| b.clear()),
        ("random bytes", &|b: &mut Vec<u8>| {
            let mut x = 0x9E37_79B9_7F4A_7C15u64;
            for byte in b.iter_mut() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *byte = x as u8;
            }
        }),
    ] {
        for ext in ["cases", "index"] {
            let path = &cache_files(cache.path(), ext)[0];
            let mut bytes = fs::read(path).unwrap();
            damage(&mut bytes);
            fs::write(path, &bytes).unwrap();
            for args in EVERY {
                same_as_cold(dir.path(), cache.path(), args);
            }
            let out = run(dir.path(), cache.path(), &["search", "消去"]);
            assert!(
                notices(&out).is_empty(),
                "{name} {ext}: rebuilt once: {:?}",
                notices(&out)
            );
        }
    }
}

#[test]
fn a_damaged_byte_anywhere_never_changes_the_output() {
    let dir = casebook(6);
    let cache = tempfile::tempdir().unwrap();
    same_as_cold(dir.path(), cache.path(), &["search", "消去"]);
    for ext in ["cases", "index"] {
        let path = cache_files(cache.path(), ext)[0].clone();
        let good = fs::read(&path).unwrap();
        for sixteenth in 0..16 {
            let mut bytes = good.clone();
            let at = bytes.len() * sixteenth / 16 + 3;
            bytes[at] ^= 0x55;
            fs::write(&path, &bytes).unwrap();
            for args in EVERY {
                same_as_cold(dir.path(), cache.path(), args);
            }
            fs::write(&path, &good).unwrap();
        }
    }
}

#[test]
fn a_cache_directory_that_cannot_be_written_means_no_cache() {
    let dir = casebook(3);
    let tmp = tempfile::tempdir().unwrap();
    // A file where the directory should be: no one, not even root, can create it.
    let blocker = tmp.path().join("file");
    fs::write(&blocker, "not a directory").unwrap();
    let cache = blocker.join("cache");
    for args in EVERY {
        let out = run(dir.path(), &cache, args);
        let fresh = cold(dir.path(), args);
        assert_eq!(stdout(&out), stdout(&fresh));
        assert_eq!(diagnostics(&out), diagnostics(&fresh));
        assert!(notices(&out).is_empty(), "{:?}", notices(&out));
        assert!(stats(&out).contains(" parsed") && !stats(&out).contains("written"));
    }
}

#[test]
fn no_cache_neither_reads_nor_writes_it() {
    let dir = casebook(3);
    let cache = tempfile::tempdir().unwrap();
    let out = run(dir.path(), cache.path(), &["--no-cache", "list"]);
    assert!(out.status.success());
    assert!(
        fs::read_dir(cache.path()).unwrap().next().is_none(),
        "nothing written"
    );
    assert_eq!(stats(&out), "", "no cache, no statistics");
}

#[test]
fn two_processes_filling_the_cache_at_once_both_answer_right() {
    let dir = casebook(3000);
    let cache = tempfile::tempdir().unwrap();
    let args = ["search", "持ち出し"];
    let children: Vec<_> = (0..2)
        .map(|_| {
            command(dir.path(), cache.path(), &args)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let fresh = cold(dir.path(), &args);
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(stdout(&out), stdout(&fresh));
        assert_eq!(diagnostics(&out), diagnostics(&fresh));
        assert!(notices(&out).is_empty(), "{:?}", notices(&out));
    }
    // Whichever rename came last, the entry is whole.
    let line = same_as_cold(dir.path(), cache.path(), &args);
    assert!(line.contains(" 0 parsed"), "{line}");
    let leftovers: Vec<_> = fs::read_dir(cache.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");
}

#[test]
fn a_search_that_hands_the_index_back_as_it_reads_finds_what_a_cold_run_finds() {
    // 1,500 cases: 4,500 items, more than one stretch of candidates handed
    // back at a time and more than one thread, over an index text of many
    // pages. The command-line search drops the pages it has scored and the
    // check of the index file drops what it has hashed; the hits, their
    // order and the printed text must not change.
    let dir = Dir::new();
    for i in 0..1500 {
        let id = format!("case-{i:04}");
        let text = case_file(&id)
            .replace(
                "飲食後に紛失した。",
                &format!("飲食後に紛失した（第{i}便）。"),
            )
            .replace(
                "電子媒体の持ち出しは事前の許可制とする",
                &format!("電子媒体の持ち出しは事前の許可制とする（{i}号）"),
            );
        dir.case(&format!("2024/{id}.yaml"), text);
    }
    let cache = tempfile::tempdir().unwrap();
    same_as_cold(dir.path(), cache.path(), &["search", "持ち出し"]);
    for args in [
        &["search", "持ち出し", "--format", "json"][..],
        &["search", "持ち出し 許可", "--in", "measures"],
        &["search", "第1499便"],
    ] {
        let line = same_as_cold(dir.path(), cache.path(), args);
        assert!(line.contains(" 0 parsed"), "{args:?}: {line}");
    }
    let found = stdout(&run(dir.path(), cache.path(), &["search", "第1499便"]));
    assert!(found.contains("case-1499"), "{found}");
}

/// `run`, failed (not hung) when it takes over a minute.
fn run_within_a_minute(dir: &Path, cache: &Path, args: &[&str]) -> Output {
    let child = command(dir, cache, args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("{args:?} blocked");
        }
    }
}

#[test]
fn a_fifo_or_a_link_to_a_device_at_a_cache_entry_is_no_hang() {
    let dir = casebook(3);
    let cache = tempfile::tempdir().unwrap();
    same_as_cold(dir.path(), cache.path(), &["search", "消去"]);
    for ext in ["cases", "index"] {
        for planted in ["fifo", "/dev/zero"] {
            let path = cache_files(cache.path(), ext)[0].clone();
            fs::remove_file(&path).unwrap();
            if planted == "fifo" {
                let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
                assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            } else {
                std::os::unix::fs::symlink(planted, &path).unwrap();
            }
            for args in [&["list"][..], &["search", "消去"]] {
                let out = run_within_a_minute(dir.path(), cache.path(), args);
                assert_eq!(
                    stdout(&out),
                    stdout(&cold(dir.path(), args)),
                    "{ext} {planted}"
                );
            }
        }
    }
}

#[test]
fn a_forged_entry_with_good_checksums_brings_no_control_character_out() {
    // Whoever can write the cache directory can write an entry whose
    // checksums hold; what it says is still data, and passes the text rule.
    let dir = casebook(2);
    let cache_dir = tempfile::tempdir().unwrap();
    same_as_cold(dir.path(), cache_dir.path(), &["list"]);
    let path = &cache_files(cache_dir.path(), "cases")[0];
    let opened = file::open(path, file::Kind::Cases, cache::FORMAT, cache::PROGRAM)
        .unwrap()
        .unwrap();
    let meta = opened.meta.clone();
    drop(opened);
    let entry = cache::Entry::open(path, meta.depends_on).unwrap().unwrap();
    let evil = "\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
    let mut blobs: Vec<Option<Vec<u8>>> = Vec::new();
    let mut records = entry.records.clone();
    for r in &mut records {
        let blob = r
            .case
            .as_ref()
            .and_then(|c| entry.blob_bytes(c))
            .map(|bytes| {
                let mut case = cache::wire::decode_case(bytes).unwrap();
                case.title = format!("{}{evil}", case.title);
                case.summary = format!("{evil}\n{}", case.summary);
                case.measures[0].text = format!("{evil}{}", case.measures[0].text);
                case.sources[0].url = Some(format!("https://x.test/{evil}"));
                cache::wire::encode_case(&case)
            });
        if let Some(c) = r.case.as_mut() {
            c.title = format!("{}{evil}", c.title);
            c.organization = format!("{evil}{}", c.organization);
        }
        blobs.push(blob);
    }
    let new: Vec<cache::NewRecord> = records
        .into_iter()
        .zip(&blobs)
        .map(|(record, blob)| cache::NewRecord {
            record,
            blob: blob.as_deref(),
        })
        .collect();
    drop(entry);
    cache::write_entry(
        path,
        Path::new(&meta.dir),
        meta.depends_on,
        meta.read_from,
        new,
    )
    .unwrap();
    for args in [
        &["list"][..],
        &["show", "case-001"],
        &["show", "case-001", "--format", "markdown"],
        &["show", "case-001", "--format", "json"],
        &["cite", "case-001"],
        &["export", "--case", "case-001"],
        &["export", "--control", "A.7.10", "--format", "csv"],
        &["search", "持ち出し"],
    ] {
        let out = run(dir.path(), cache_dir.path(), args);
        assert!(
            stats(&out).contains("reused") && !stats(&out).contains(" 0 reused, 0 verified"),
            "{args:?}: the forged entry was used: {}",
            stats(&out)
        );
        // (A CSV file starts with its byte-order mark, and ends lines with CRLF.)
        let text = stdout(&out).replace("\r\n", "\n");
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        common::assert_no_controls(
            &format!("{args:?}"),
            text,
            args[0] == "list" || args[0] == "search",
        );
        assert!(!stdout(&out).contains('\u{202e}'), "{args:?}");
    }
}

/// `n` generated cases loaded with a cache directory of their own (kept
/// alive by the two directories returned), and how to load them again.
struct Cached {
    _cases: Dir,
    cache: tempfile::TempDir,
    inputs: Vec<casebook::load::Input>,
    settings: casebook::cache::Settings,
}

impl Cached {
    fn new(n: usize) -> Cached {
        let cases = casebook(n);
        let cache = tempfile::tempdir().unwrap();
        let settings = casebook::cache::Settings {
            dir: Some(cache.path().to_path_buf()),
        };
        let inputs = vec![casebook::load::Input::Dir(cases.path().to_path_buf())];
        Cached {
            _cases: cases,
            cache,
            inputs,
            settings,
        }
    }

    fn load(&self) -> casebook::load::Loaded {
        casebook::load::load_with(&self.inputs, &[], &self.settings)
    }
}

/// A search answered from the cache reads its hits' cases to show their
/// words, and keeps none of them: a common word's hits at 100,000 cases
/// would otherwise hold most of the casebook in memory.
#[test]
fn a_search_from_the_cache_keeps_none_of_the_cases_it_reads() {
    use casebook::search::{Searcher, Target, item_text};
    let cached = Cached::new(20);
    cached.load();
    let loaded = cached.load();
    let book = &loaded.casebook;
    assert_eq!(book.held(), 0, "read from the cache, nothing held yet");
    let (searcher, _) = Searcher::open(book, &loaded.index);
    let mut searcher = searcher.once();
    let hits = searcher.search("消去", Target::All);
    assert!(hits.len() > 10, "{} hits", hits.len());
    for h in &hits {
        let (case, kind) = searcher.index.item_of(h.item);
        assert!(!item_text(book, case, kind).is_empty());
        searcher.positions(book, h.item, "消去");
    }
    assert_eq!(book.held(), 0, "the cases read for the hits are not kept");
}

#[test]
fn a_search_that_fills_the_cache_reads_the_index_from_the_file_it_writes() {
    use casebook::search::{Searcher, Target};
    // More cases than one batch of the index's build, so the file is
    // written in several parts.
    let cached = Cached::new(2100);
    let loaded = cached.load();
    let book = &loaded.casebook;
    let (searcher, notices) = Searcher::open(book, &loaded.index);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        searcher.index.held_bytes(),
        0,
        "the index built by the run that fills the cache is read from its file, not held"
    );
    assert_eq!(cache_files(cached.cache.path(), "index").len(), 1);
    let mut searcher = searcher.once();
    let mut built = Searcher::new(book);
    assert!(built.index.held_bytes() > 0);
    for query in ["消去", "持ち出し 許可", "case-2099", "zzqxj"] {
        let hits = searcher.search(query, Target::All);
        assert_eq!(hits, built.search(query, Target::All), "{query}");
        for h in hits.iter().take(50) {
            assert_eq!(
                searcher.positions(book, h.item, query),
                built.positions(book, h.item, query)
            );
        }
    }
}

/// The resident size, in this process, of the mappings of files in the
/// cache directory `cache` (also those not yet named or replaced since),
/// from /proc/self/smaps.
#[cfg(target_os = "linux")]
fn resident_kb(cache: &Path) -> u64 {
    let smaps = fs::read_to_string("/proc/self/smaps").unwrap();
    let dir = cache.display().to_string();
    let mut inside = false;
    let mut kb = 0;
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        if first.contains('-') && !first.ends_with(':') {
            inside = line.contains(&dir);
        } else if let Some(rss) = line.strip_prefix("Rss:").filter(|_| inside) {
            kb += rss
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .unwrap();
        }
    }
    kb
}

#[cfg(target_os = "linux")]
#[test]
fn cases_read_and_not_kept_are_read_from_the_file_without_its_map() {
    // A search shows hits scattered over the whole cache; read through the
    // map, each case would make resident the pages mapped around it. (The
    // run that fills the cache reads its cases from the file it wrote,
    // whose map nothing else has read yet.)
    let cached = Cached::new(2000);
    let loaded = cached.load();
    let cache = &cached.cache;
    let book = &loaded.casebook;
    let before = resident_kb(cache.path());
    for i in (0..book.len()).rev() {
        assert!(!book.fetch(i).case.id.is_empty());
    }
    assert_eq!(book.held(), 0);
    assert_eq!(
        resident_kb(cache.path()),
        before,
        "no page of the cases file's map was made resident"
    );
}
