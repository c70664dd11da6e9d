//! What a casebook directory may hold besides case files: FIFOs, sockets and
//! devices named `*.yaml`, other spellings of the extension, and directories
//! nested very deep. Each is reported (never silently skipped), nothing blocks,
//! and the good file beside them loads.

use crate::common;

use std::ffi::CString;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

use common::{Dir, case_file, command, stderr};

/// `validate` with the given arguments, ended (and failed) if it takes longer
/// than a minute: a loader that blocks must fail the test, not hang it.
fn validate(args: &[&str]) -> Output {
    let mut full = vec!["--lang", "en", "--no-bundled", "validate"];
    full.extend(args);
    let child = command(&full)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("validate {args:?} blocked");
        }
    }
}

fn mkfifo(path: &Path) {
    let c = CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[test]
fn fifos_sockets_and_devices_named_yaml_are_reported_without_blocking() {
    let dir = Dir::new();
    dir.case("good.yaml", case_file("good"));
    mkfifo(&dir.path().join("cases/fifo.yaml"));
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("cases/socket.yaml"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("cases/zero.yaml")).unwrap();
    let out = validate(&[dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    for (name, kind) in [
        ("fifo.yaml", "a FIFO (named pipe)"),
        ("socket.yaml", "a socket"),
        ("zero.yaml", "a character device"),
    ] {
        assert!(
            err.contains(&format!(
                "cases/{name}: warning: not a regular file ({kind}); skipped"
            )),
            "{name}: {err}"
        );
    }
    assert!(
        err.ends_with("1 case, 0 errors, 3 warnings\n"),
        "the good file loads: {err}"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_fifo_named_on_the_command_line_is_an_error_not_a_wait() {
    let dir = Dir::new();
    let fifo = dir.path().join("cases/fifo.yaml");
    mkfifo(&fifo);
    for target in [fifo.clone(), dir.path().join("cases/../cases/fifo.yaml")] {
        let out = validate(&[target.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("fifo.yaml: error: not a regular file (a FIFO (named pipe)); skipped"),
            "{err}"
        );
        assert!(!err.contains("no such"), "{err}");
    }
}

#[test]
fn other_spellings_of_the_extension_load() {
    let dir = Dir::new();
    dir.case("upper.YAML", case_file("upper"));
    dir.case("short.yml", case_file("short"));
    dir.case("mixed.Yml", case_file("mixed"));
    let loaded = dir.load();
    let mut ids = common::ids(&loaded);
    ids.sort();
    assert_eq!(
        ids,
        vec!["mixed", "short", "upper"],
        "{:?}",
        loaded.diagnostics
    );
}

/// Makes `levels` nested directories `d/d/d/...` under `root` and writes a case
/// file at the bottom, working relative to open directories so that paths
/// longer than the system allows can be made too.
fn nest(root: &Path, levels: usize, case: &str) {
    let c = |s: &str| CString::new(s).unwrap();
    unsafe {
        let mut fd = libc::open(c(root.to_str().unwrap()).as_ptr(), libc::O_DIRECTORY);
        assert!(fd >= 0);
        for _ in 0..levels {
            assert_eq!(libc::mkdirat(fd, c("d").as_ptr(), 0o755), 0);
            let next = libc::openat(fd, c("d").as_ptr(), libc::O_DIRECTORY);
            assert!(next >= 0);
            libc::close(fd);
            fd = next;
        }
        let file = libc::openat(
            fd,
            c("deep.yaml").as_ptr(),
            libc::O_CREAT | libc::O_WRONLY,
            0o644,
        );
        assert!(file >= 0);
        let text = case_file(case);
        assert_eq!(
            libc::write(file, text.as_ptr().cast(), text.len()),
            text.len() as isize
        );
        libc::close(file);
        libc::close(fd);
    }
}

#[test]
fn a_thousand_nested_directories_load() {
    let dir = Dir::new();
    nest(&dir.path().join("cases"), 1000, "deep");
    let out = validate(&[dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err, "1 case, 0 errors, 0 warnings\n");
}

#[test]
fn a_directory_too_deep_to_name_is_an_error_not_a_silent_skip() {
    let dir = Dir::new();
    dir.case("good.yaml", case_file("good"));
    nest(&dir.path().join("cases"), 2100, "deep"); // a path of more than 4,200 bytes
    let out = validate(&[dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "error: could not read the directory, so its files were skipped: the path is too long"
        ),
        "{}",
        &err[err.len().saturating_sub(600)..]
    );
    assert!(
        err.ends_with("1 case, 1 error, 0 warnings\n"),
        "{}",
        &err[err.len().saturating_sub(300)..]
    );
}

#[test]
fn links_that_leave_the_casebook_are_not_followed_and_said_so() {
    // What a link committed to a team repository may point at.
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir(outside.path().join("elsewhere")).unwrap();
    std::fs::write(
        outside.path().join("elsewhere/secret.yaml"),
        case_file("secret"),
    )
    .unwrap();
    std::fs::write(outside.path().join("alone.yaml"), case_file("alone")).unwrap();
    let dir = Dir::new();
    dir.case("good.yaml", case_file("good"));
    dir.file("archive/2020/old.yaml", case_file("old"));
    let cases = dir.path().join("cases");
    std::os::unix::fs::symlink(outside.path().join("elsewhere"), cases.join("dir-link")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("alone.yaml"),
        cases.join("file-link.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("/", cases.join("root-link")).unwrap();
    // A link that stays inside the casebook is followed.
    std::os::unix::fs::symlink("../archive/2020", cases.join("2020")).unwrap();
    let out = validate(&[dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    for name in ["dir-link", "file-link.yaml", "root-link"] {
        assert!(
            err.contains(&format!(
                "cases/{name}: warning: skipped: a symbolic link that leads outside the casebook"
            )),
            "{name}: {err}"
        );
    }
    assert!(
        !err.contains("secret"),
        "nothing behind a link is read: {err}"
    );
    assert!(
        err.ends_with("2 cases, 0 errors, 3 warnings\n"),
        "good and old load: {err}"
    );
}

// ----- the browser's saved state ---------------------------------------------------

#[test]
fn the_saved_state_is_never_written_through_a_planted_link() {
    use casebook::tui::saved;
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    // What a `git pull` into the user's own casebook folder could bring.
    let file = saved::path(dir.path());
    for name in ["state.json.tmp", ".state.json.tmp"] {
        std::os::unix::fs::symlink(&victim, dir.path().join(name)).unwrap();
    }
    let state = saved::Saved {
        version: 1,
        case: Some("our-a-2024".into()),
        ..saved::Saved::default()
    };
    saved::write(&file, &state);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(saved::read(&file), Some(state));
}

#[test]
fn browsers_saving_at_once_leave_a_whole_state() {
    use casebook::tui::saved;
    let dir = tempfile::tempdir().unwrap();
    let file = saved::path(dir.path());
    // States of different lengths: two writes mixed in one file would show.
    let states: Vec<saved::Saved> = (0..8)
        .map(|n| saved::Saved {
            version: 1,
            marks: (0..500 * (n + 1))
                .map(|i| format!("case-{n}-{i}"))
                .collect(),
            ..saved::Saved::default()
        })
        .collect();
    for _ in 0..20 {
        std::thread::scope(|s| {
            for state in &states {
                let file = &file;
                s.spawn(move || saved::write(file, state));
            }
        });
        let read = saved::read(&file).expect("a whole state");
        assert!(states.contains(&read));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }
}

#[test]
fn a_fifo_or_a_device_at_the_saved_state_is_ignored_at_once() {
    use casebook::tui::saved;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let zero = dir.path().join("zero");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let big = dir.path().join("big");
    std::fs::write(&big, vec![b' '; 2 << 20]).unwrap();
    for file in [fifo, zero, big] {
        let (tx, rx) = std::sync::mpsc::channel();
        let f = file.clone();
        std::thread::spawn(move || {
            let _ = tx.send(saved::read(&f));
        });
        let read = rx
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("reading {} blocked", file.display()));
        assert_eq!(read, None, "{}", file.display());
    }
}
