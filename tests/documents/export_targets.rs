//! Where `export --out` may write: files (atomically), terminals and other
//! character devices and FIFOs (in place), and nothing else; and what a
//! file-size limit or a long name does.

use crate::common;

use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::Stdio;

use common::{Dir, stderr, stdout};

/// A case of the sample casebook of the tests.
const CASE: &str = "kitahama-usb-2022";

/// The real binary on the sample casebook.
fn command(args: &[&str]) -> std::process::Command {
    common::command(&common::sample_args(args))
}

/// `casebook export` of one case as Markdown to `out` (in English: the
/// messages are checked by their words).
fn export(out: &Path, force: bool) -> std::process::Command {
    let mut args = vec![
        "--lang", "en", "export", "--case", CASE, "--format", "md", "--out",
    ];
    args.push(out.to_str().unwrap());
    if force {
        args.push("--force");
    }
    command(&args)
}

fn export_to(out: &Path, force: bool) -> std::process::Output {
    export(out, force).output().unwrap()
}

fn pack() -> String {
    stdout(
        &command(&["--lang", "en", "export", "--case", CASE])
            .output()
            .unwrap(),
    )
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[test]
fn dev_stdout_is_written_through_without_force() {
    let dir = Dir::new();
    let out = command(&[
        "--lang",
        "en",
        "export",
        "--case",
        CASE,
        "--out",
        "/dev/stdout",
    ])
    .current_dir(dir.path())
    .stdout(Stdio::piped())
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), pack());
    assert_eq!(names(dir.path()), vec!["cases"], "no temporary file");
}

#[test]
fn a_link_to_a_character_device_stays_a_link_to_it_with_force() {
    let dir = Dir::new();
    let link = dir.path().join("null.md");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    for force in [false, true] {
        let out = export_to(&link, force);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let meta = std::fs::symlink_metadata(&link).unwrap();
        assert!(meta.file_type().is_symlink(), "the link was replaced");
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
    assert_eq!(names(dir.path()), vec!["cases", "null.md"]);
}

#[test]
fn a_fifo_is_written_through_and_one_without_reader_is_an_error() {
    let dir = Dir::new();
    let fifo = dir.path().join("pack.fifo");
    mkfifo(&fifo);
    // Without a reader: an error at once, not a wait.
    let out = export_to(&fifo, false);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no program is reading from this FIFO"),
        "{}",
        stderr(&out)
    );
    // With a reader (opened first, without waiting for a writer).
    use std::os::unix::fs::OpenOptionsExt;
    let mut reader = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&fifo)
        .unwrap();
    let mut child = export(&fifo, false).stderr(Stdio::piped()).spawn().unwrap();
    let mut got = Vec::new();
    let mut exited = false;
    loop {
        let mut buf = [0u8; 4096];
        match reader.read(&mut buf) {
            // End of data: no writer now. Once the writer has exited, all it wrote was read.
            Ok(0) if exited => break,
            Ok(0) => {
                exited = child.try_wait().unwrap().is_some();
                if !exited {
                    wait_readable(&reader);
                }
            }
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => wait_readable(&reader),
            Err(e) => panic!("{e}"),
        }
    }
    assert!(child.wait().unwrap().success());
    assert_eq!(String::from_utf8(got).unwrap(), pack());
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

/// Waits (at most a second, then looks again) for data or a writer's end.
fn wait_readable(reader: &std::fs::File) {
    let mut fd = libc::pollfd {
        fd: std::os::fd::AsRawFd::as_raw_fd(reader),
        events: libc::POLLIN,
        revents: 0,
    };
    unsafe { libc::poll(&mut fd, 1, 1000) };
}

#[test]
fn a_directory_or_a_socket_is_refused_without_suggesting_force() {
    let dir = Dir::new();
    let socket = dir.path().join("pack.sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    for (target, says) in [
        (
            dir.path().to_path_buf(),
            "it is a directory; give the name of a file to write",
        ),
        (socket.clone(), "it is a socket, not a file"),
    ] {
        for force in [false, true] {
            let out = export_to(&target, force);
            assert_eq!(out.status.code(), Some(1));
            let err = stderr(&out);
            assert!(err.contains(says), "{err}");
            assert!(!err.contains("--force"), "{err}");
        }
    }
    assert!(std::fs::metadata(&socket).unwrap().file_type().is_socket());
}

#[test]
fn a_link_to_a_file_is_followed_with_force() {
    let dir = Dir::new();
    let real = dir.file("packs/real.md", "old");
    let link = dir.path().join("training.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = export_to(&link, false);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists; use --force"));
    let out = export_to(&link, true);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), pack());
    assert_eq!(names(&dir.path().join("packs")), vec!["real.md"]);
}

#[test]
fn a_file_size_limit_fails_the_write_and_leaves_nothing() {
    // No `trap '' XFSZ` here: the program itself must not die of SIGXFSZ.
    let dir = Dir::new();
    let target = dir.path().join("training.md");
    let script = format!(
        "ulimit -f 1; exec '{}' --lang en --no-bundled --casebook '{}' export --case kitahama-usb-2022 minato-hospital-pc-2024 --out '{}'",
        env!("CARGO_BIN_EXE_casebook"),
        common::SAMPLE,
        target.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .env("XDG_DATA_HOME", "/nonexistent")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env_remove("CASEBOOK_CONFIG")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{:?} {}",
        out.status,
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("the file would exceed the file-size limit (ulimit -f)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        names(dir.path()),
        vec!["cases"],
        "no file, no temporary file"
    );
}

#[test]
fn a_file_name_of_255_bytes_works() {
    let dir = Dir::new();
    let name = format!("{}.md", "研".repeat(84)); // 252 + 3 bytes
    assert_eq!(name.len(), 255);
    let target = dir.path().join(&name);
    let out = export_to(&target, false);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), pack());
    assert_eq!(names(dir.path()), vec!["cases".to_string(), name]);
}

#[test]
fn a_replaced_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    let out = dir.path().join("private.md");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let run = export_to(&out, true);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), pack());
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
}

#[test]
fn an_exported_file_has_no_name_until_it_is_whole() {
    // Every name that appears in the folder while exporting: a temporary
    // name seen there is what Ctrl-C or SIGTERM part-way would leave behind.
    use notify::{RecursiveMode, Watcher};
    let dir = Dir::new();
    let (tx, events) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).unwrap();
    watcher
        .watch(dir.path(), RecursiveMode::NonRecursive)
        .unwrap();
    let out = dir.path().join("pack.docx");
    let run = command(&[
        "--lang",
        "en",
        "export",
        "--control",
        "A.8.10",
        "--format",
        "docx",
        "--out",
        out.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    // A file written after the export marks the end of its events.
    let end = dir.path().join("end");
    std::fs::write(&end, "").unwrap();
    let mut created = Vec::new();
    loop {
        let event = events
            .recv_timeout(std::time::Duration::from_secs(20))
            .unwrap()
            .unwrap();
        if let notify::EventKind::Create(_) = event.kind {
            created.extend(
                event
                    .paths
                    .iter()
                    .map(|p| p.file_name().unwrap().to_owned()),
            );
        }
        if event.paths.contains(&end) {
            break;
        }
    }
    assert_eq!(created, ["pack.docx", "end"]);
}

/// A pseudo-terminal: (master, slave, the slave's path).
fn pty() -> (std::fs::File, std::fs::File, String) {
    use std::os::fd::FromRawFd;
    let (mut master, mut slave) = (0, 0);
    let done = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(done, 0);
    let name = unsafe { std::ffi::CStr::from_ptr(libc::ttyname(slave)) }
        .to_str()
        .unwrap()
        .to_string();
    unsafe {
        (
            std::fs::File::from_raw_fd(master),
            std::fs::File::from_raw_fd(slave),
            name,
        )
    }
}

#[test]
fn word_or_excel_bytes_never_go_to_a_terminal_named_by_out() {
    let (master, mut slave, tty) = pty();
    // Whatever reaches the terminal, read as it comes (a terminal nobody
    // reads would stop the writer).
    let (tx, shown) = std::sync::mpsc::channel::<Vec<u8>>();
    let mut reader = master.try_clone().unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    for (format, out) in [
        ("docx", tty.as_str()),
        ("xlsx", tty.as_str()),
        ("docx", "/dev/stdout"),
    ] {
        let run = command(&[
            "--lang",
            "en",
            "export",
            "--control",
            "A.8.10",
            "--format",
            format,
            "--out",
            out,
        ])
        .stdout(slave.try_clone().unwrap())
        .output()
        .unwrap();
        assert_eq!(run.status.code(), Some(1), "{format} {out}");
        assert!(
            stderr(&run).contains("is a terminal, and this format is binary"),
            "{format} {out}: {}",
            stderr(&run)
        );
    }
    // Everything before this mark came from the runs above: nothing.
    std::io::Write::write_all(&mut slave, b"END-OF-RUNS").unwrap();
    let mut got = Vec::new();
    while !got.ends_with(b"END-OF-RUNS") {
        got.extend(
            shown
                .recv_timeout(std::time::Duration::from_secs(20))
                .unwrap(),
        );
    }
    assert_eq!(String::from_utf8_lossy(&got), "END-OF-RUNS");
    // Text still goes to a terminal when asked.
    let run = command(&[
        "--lang",
        "en",
        "export",
        "--control",
        "A.8.10",
        "--out",
        &tty,
    ])
    .output()
    .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
}
