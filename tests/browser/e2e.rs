//! The real binary in a pseudo-terminal: keys typed, the screen read back through
//! a terminal emulator (vt100), and the terminal checked after the program ends.
//! The browser reads the sample casebook (`--no-bundled --casebook
//! tests/fixtures/casebooks/sample`); the team casebooks of the live-reload
//! tests sit beside the bundled one, whatever it holds.

use crate::common;

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use base64::Engine;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const TIMEOUT: Duration = Duration::from_secs(20);

/// The binary with a private data and config directory, in a plain UTF-8 xterm.
/// Each run gets a data directory of its own, so the browser's saved state
/// (selection, marks) from one run never changes where the next one starts.
/// The directory is removed when the returned guard is dropped.
fn command(args: &[&str], env: &[(&str, &str)]) -> (CommandBuilder, tempfile::TempDir) {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_casebook"));
    cmd.args(args);
    let guard = tempfile::Builder::new()
        .prefix("casebook-e2e-home-")
        .tempdir()
        .unwrap();
    let home = guard.path();
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env_remove("CASEBOOK_CONFIG");
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env_remove("TMUX");
    cmd.env_remove("WAYLAND_DISPLAY");
    cmd.env_remove("DISPLAY");
    cmd.cwd(std::env::temp_dir());
    for (k, v) in env {
        cmd.env(k, v);
    }
    (cmd, guard)
}

/// A pseudo-terminal of ROWS × COLS.
fn open_pty() -> portable_pty::PtyPair {
    open_pty_sized(ROWS, COLS)
}

fn open_pty_sized(rows: u16, cols: u16) -> portable_pty::PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal")
}

struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    /// Everything the program wrote, byte for byte.
    raw: Vec<u8>,
    /// The program's private data and config directories.
    _home: tempfile::TempDir,
}

impl Pty {
    fn spawn(args: &[&str], env: &[(&str, &str)]) -> Pty {
        Pty::spawn_sized(args, env, ROWS, COLS)
    }

    /// A program on a terminal that reports `rows` × `cols`; the screen read
    /// back stays ROWS × COLS (what lies beyond is not looked at).
    fn spawn_sized(args: &[&str], env: &[(&str, &str)], rows: u16, cols: u16) -> Pty {
        let pair = open_pty_sized(rows, cols);
        let (cmd, home) = command(args, env);
        let child = pair.slave.spawn_command(cmd).expect("casebook starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Pty {
            master: pair.master,
            writer,
            child,
            output,
            parser: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
            raw: Vec::new(),
            _home: home,
        }
    }

    fn take(&mut self, chunk: Vec<u8>) {
        self.parser.process(&chunk);
        self.raw.extend(chunk);
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until the screen shows `text`.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.screen().contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(_) => panic!(
                    "timed out waiting for {text:?}; the screen shows:\n{}",
                    self.screen()
                ),
            }
        }
    }

    /// Reads output until the raw stream holds `bytes`.
    fn wait_for_bytes(&mut self, bytes: &[u8]) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.raw.windows(bytes.len()).any(|w| w == bytes) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(_) => panic!("timed out waiting for {bytes:?}"),
            }
        }
    }

    fn pid(&self) -> libc::pid_t {
        self.child.process_id().unwrap() as libc::pid_t
    }

    fn kill(&self, signal: libc::c_int) {
        assert_eq!(unsafe { libc::kill(self.pid(), signal) }, 0);
    }

    /// Reads output until the raw stream holds `bytes` at least `n` times.
    fn wait_for_count(&mut self, bytes: &[u8], n: usize) {
        let deadline = Instant::now() + TIMEOUT;
        while self
            .raw
            .windows(bytes.len())
            .filter(|w| *w == bytes)
            .count()
            < n
        {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(_) => panic!("timed out waiting for {n} × {bytes:?}"),
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the program to exit, collecting what it writes meanwhile.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(chunk) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.take(chunk);
                }
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "casebook did not exit; screen:\n{}",
                self.screen()
            );
            if let Ok(chunk) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.take(chunk);
            }
        }
    }

    /// `q`: the browser ends well and the terminal is put back.
    fn quit(&mut self) {
        self.send("q");
        assert!(self.wait_exit().success());
        self.assert_restored();
    }

    /// Whether the terminal is back in cooked mode (line editing and echo on).
    fn cooked(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("a unix pty");
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
    }

    fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }

    /// The terminal was put back: alternate screen left after it was entered,
    /// mouse reporting and bracketed paste off, cooked mode.
    fn assert_restored(&self) {
        let raw = self.raw_text();
        let entered = raw
            .find("\x1b[?1049h")
            .expect("the alternate screen was used");
        let left = raw
            .rfind("\x1b[?1049l")
            .expect("the alternate screen was left");
        assert!(left > entered);
        assert!(raw.contains("\x1b[?1000l"), "mouse capture is turned off");
        assert!(raw.contains("\x1b[?2004l"), "bracketed paste is turned off");
        assert!(self.cooked(), "the terminal is out of raw mode");
    }
}

fn sample_summary(id: &str) -> String {
    let book = common::sample();
    let case = &book.get(id).unwrap().case;
    casebook::export::summary::plain(case, &book.catalogs, casebook::lang::Lang::Ja, None)
}

/// The browser on the sample casebook, in `lang`.
fn on_sample(lang: &str) -> Vec<&str> {
    common::sample_args(&["--lang", lang])
}

/// The first row of the tree once the sample casebook is shown.
const ALL_SAMPLE: &str = "すべての事例 (9)";

/// The first row of the tree with the bundled cases and `team` more.
fn all_cases_with(team: usize) -> String {
    format!("すべての事例 ({})", common::bundled().len() + team)
}

#[test]
fn browse_to_a_control_read_the_case_and_quit() {
    let mut pty = Pty::spawn(&on_sample("ja"), &[]);
    pty.wait_for(ALL_SAMPLE);
    pty.send("jjj\r"); // A.7, expanded
    pty.wait_for("A.7.14 装置");
    pty.send(&"j".repeat(14));
    pty.wait_for("事例 2件");
    pty.send("\t\t"); // the detail pane
    pty.wait_for("委託して廃棄した診療用パソコンが患者データを残したまま");
    pty.send(&"j".repeat(27));
    pty.wait_for("1. 病院や委託事業者の情報機器を委託して廃棄するときは");
    let screen = pty.screen();
    assert!(screen.contains("2024-08-07 みなと市立"), "{screen}");
    assert!(screen.contains("株式会社ABC"), "{screen}");
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    pty.assert_restored();
}

#[test]
fn y_copies_the_summary_by_osc52() {
    let mut pty = Pty::spawn(&on_sample("ja"), &[]);
    pty.wait_for(ALL_SAMPLE);
    pty.send("y");
    pty.wait_for("要約をコピーしました（OSC 52）");
    let raw = pty.raw_text();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + "\x1b]52;c;".len();
    let end = start + raw[start..].find('\x07').expect("terminated by BEL");
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..end])
        .unwrap();
    assert_eq!(
        String::from_utf8(decoded).unwrap(),
        sample_summary("minato-hospital-pc-2024")
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn inside_tmux_the_sequence_is_also_sent_through_passthrough() {
    let mut pty = Pty::spawn(&on_sample("en"), &[("TMUX", "/tmp/tmux-test,1,0")]);
    pty.wait_for("All cases (9)");
    pty.send("c");
    pty.wait_for("citation copied (OSC 52)");
    pty.wait_for_bytes(b"\x1bPtmux;\x1b\x1b]52;c;");
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn a_panic_restores_the_terminal_before_the_message() {
    let mut pty = Pty::spawn(
        &on_sample("ja"),
        &[("CASEBOOK_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
    );
    pty.wait_for(ALL_SAMPLE);
    pty.send("\x1b[24~"); // F12
    let status = pty.wait_exit();
    assert!(!status.success());
    pty.assert_restored();
    let raw = pty.raw_text();
    let left = raw.rfind("\x1b[?1049l").unwrap();
    let message = raw
        .find("debug panic requested")
        .expect("the panic message is printed");
    assert!(
        message > left,
        "the message comes after the terminal is restored"
    );
}

#[test]
fn sigterm_and_sighup_restore_and_exit() {
    for (signal, code) in [(libc::SIGTERM, 128 + 15), (libc::SIGHUP, 128 + 1)] {
        let mut pty = Pty::spawn(&on_sample("ja"), &[]);
        pty.wait_for(ALL_SAMPLE);
        pty.kill(signal);
        let status = pty.wait_exit();
        assert_eq!(status.exit_code(), code, "{status:?}");
        pty.assert_restored();
    }
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut pty = Pty::spawn(&on_sample("ja"), &[]);
    pty.wait_for(ALL_SAMPLE);
    pty.send("\x03");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn without_a_terminal_it_points_to_the_commands() {
    let run = |lang: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
            .env("XDG_DATA_HOME", "/nonexistent")
            .env("XDG_CONFIG_HOME", "/nonexistent")
            .env_remove("CASEBOOK_CONFIG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .unwrap()
    };
    let out = run("en_US.UTF-8");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the browser needs a terminal"), "{err}");
    assert!(
        err.contains("casebook list | show ID | search QUERY"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    let out = run("ja_JP.UTF-8");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "casebook: ブラウザには端末が必要ですが、標準入力か標準出力が端末ではありません。\n\
         スクリプトからはコマンドを使います: casebook list | show ID | search QUERY | cite ID | export | coverage | stats | similar ID | validate\n\
         （`casebook --help` を参照）\n"
    );
}

#[test]
fn closing_the_terminal_ends_the_program() {
    // Read on this thread (no reader thread holding a copy of the terminal
    // open), until the first screen is drawn; then close every handle.
    let pair = open_pty();
    let (cmd, _home) = command(&on_sample("ja"), &[]);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut parser = vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0);
    let mut buf = [0u8; 8192];
    while !parser.screen().contents().contains(ALL_SAMPLE) {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the program ended early");
        parser.process(&buf[..n]);
    }
    drop(reader);
    drop(pair.master); // the terminal window closes
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    let status = rx
        .recv_timeout(TIMEOUT)
        .expect("casebook ends when its terminal goes away")
        .unwrap();
    assert_eq!(status.exit_code(), 128 + 1, "ends as on SIGHUP: {status:?}");
}

#[test]
fn every_terminating_signal_restores_the_terminal() {
    let rtmin = libc::SIGRTMIN();
    for signal in [
        libc::SIGQUIT,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGINT,
        rtmin,
    ] {
        let mut pty = Pty::spawn(&on_sample("ja"), &[]);
        pty.wait_for(ALL_SAMPLE);
        pty.kill(signal);
        let status = pty.wait_exit();
        assert_eq!(
            status.exit_code(),
            128 + signal as u32,
            "signal {signal}: {status:?}"
        );
        pty.assert_restored();
    }
}

#[test]
fn a_huge_paste_into_search_is_cut_and_signals_still_end_it_promptly() {
    let mut pty = Pty::spawn(&on_sample("ja"), &[]);
    pty.wait_for(ALL_SAMPLE);
    pty.send("/");
    pty.wait_for("検索 — 対象: すべて");
    let paste = format!("\x1b[200~{}\x1b[201~", "個人情報".repeat(25_000)); // 100,000 characters
    pty.send(&paste);
    pty.wait_for("検索語は1,000文字までです");
    // The query line shows the end of the query, where the caret is.
    let screen = pty.screen();
    assert!(screen.contains("個人情報個人情報"), "{screen}");
    // Another one, and at once a SIGTERM: it ends the program whatever the
    // input loop is doing.
    pty.send(&paste);
    pty.kill(libc::SIGTERM);
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    pty.assert_restored();
}

#[test]
fn a_huge_terminal_is_drawn_in_a_bounded_area() {
    // stty rows 65535 cols 65535 from the start, then again after a resize.
    let mut pty = Pty::spawn_sized(&on_sample("ja"), &[], 65535, 65535);
    // (Each wide character is followed by a cursor move, so look for ASCII.)
    pty.wait_for_bytes(b" (9)");
    pty.master
        .resize(PtySize {
            rows: 65535,
            cols: 65534,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    // A resize redraws everything: the tree's first row comes again.
    pty.wait_for_count(b" (9)", 2);
    pty.send("\x03"); // Ctrl-C quits from anywhere
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    pty.assert_restored();
}

#[test]
fn term_dumb_points_to_the_commands_instead_of_drawing() {
    let mut pty = Pty::spawn(&[], &[("TERM", "dumb")]);
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 1);
    let raw = pty.raw_text();
    assert!(raw.contains("TERM=dumb"), "{raw}");
    assert!(
        raw.contains("ブラウザには全画面を描ける端末が必要ですが"),
        "in the interface language: {raw}"
    );
    assert!(
        raw.contains("casebook list | show ID | search QUERY"),
        "{raw}"
    );
    assert!(
        !raw.contains("\x1b[?1049h"),
        "the alternate screen is not used"
    );
}

#[test]
fn a_missing_casebook_directory_shows_in_the_banner() {
    let mut args = on_sample("ja");
    args.extend(["--casebook", "/nonexistent/team"]);
    let mut pty = Pty::spawn(&args, &[]);
    pty.wait_for("--casebook /nonexistent/team: そのようなディレクトリはありません");
    pty.wait_for(ALL_SAMPLE);
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn a_clipboard_tool_that_never_reads_is_stopped_and_a_file_offered() {
    // A case whose summary is larger than a pipe holds (64 KiB), and an
    // `xclip` that never reads its input.
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    let case = include_str!("../fixtures/casebooks/sample/cases/2022/kitahama-usb-2022.yaml");
    let long = format!(
        "summary: |\n  {}\n",
        "個人情報を記録した媒体を紛失した。".repeat(5000)
    );
    let at = case.find("summary:").unwrap();
    let end = at + case[at..].find("\naffected:").unwrap() + 1;
    std::fs::write(
        cases.join("kitahama-usb-2022.yaml"),
        format!("{}{long}{}", &case[..at], &case[end..]),
    )
    .unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let pidfile = dir.path().join("xclip.pid");
    let xclip = bin.join("xclip");
    std::fs::write(
        &xclip,
        format!(
            "#!/bin/sh\necho $$ > '{}'\nexec sleep 600\n",
            pidfile.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&xclip, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let casebook_dir = dir.path().to_str().unwrap();
    let mut pty = Pty::spawn(
        &["--lang", "en", "--no-bundled", "--casebook", casebook_dir],
        &[("PATH", &path), ("DISPLAY", ":99")],
    );
    pty.wait_for("All cases (1)");
    pty.send("y");
    pty.wait_for("xclip did not take the text within 1 s and was stopped");
    pty.wait_for("Save as: summary.txt");
    let pid: libc::pid_t = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(
        unsafe { libc::kill(pid, 0) },
        -1,
        "the stuck tool was killed and reaped"
    );
    // The browser still answers.
    pty.send("\x1b");
    pty.wait_for("Cancelled");
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

/// The text on screen drawn on a yellow background (the highlight).
fn highlighted(pty: &Pty) -> String {
    let screen = pty.parser.screen();
    let mut out = String::new();
    for row in 0..ROWS {
        for col in 0..COLS {
            if let Some(cell) = screen.cell(row, col)
                && cell.bgcolor() == vt100::Color::Idx(3)
            {
                out.push_str(cell.contents());
            }
        }
    }
    out
}

#[test]
fn enter_on_a_search_hit_shows_the_measure_with_an_area_selected() {
    let mut pty = Pty::spawn(&on_sample("ja"), &[]);
    pty.wait_for(ALL_SAMPLE);
    pty.send("j\r"); // A.5, expanded
    pty.wait_for("A.5.1 ");
    // A.5.34: the first measure of the case below cites it, so its id is
    // highlighted near the top of the detail; the hit is the 8th measure.
    pty.send(&"j".repeat(34));
    pty.wait_for("· A.5.34");
    pty.send("/従業者をどう監督するかを定め");
    pty.wait_for("/ 従業者をどう監督するかを定め");
    pty.send("\r");
    pty.wait_for("8. 【エネルギー監督庁の要請】顧客情報の取扱いに携わる");
    let lit = highlighted(&pty);
    assert!(
        lit.contains("顧客情報の取扱いに携わる従業者をどう監督するかを定め"),
        "the measure is highlighted: {lit:?}\n{}",
        pty.screen()
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

// ----- writing cases and live reload ------------------------------------------------

/// A team casebook with two cases (titles short enough to show whole).
fn team_casebook() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("team/cases/2024");
    std::fs::create_dir_all(&cases).unwrap();
    for (id, title) in [
        ("our-a-2024", "チーム事例甲"),
        ("our-b-2024", "チーム事例乙"),
    ] {
        std::fs::write(cases.join(format!("{id}.yaml")), titled(id, title)).unwrap();
    }
    dir
}

fn titled(id: &str, title: &str) -> String {
    common::case_file(id).replace(
        "title: 委託先がUSBメモリーを紛失",
        &format!("title: {title}"),
    )
}

/// An executable shell script.
fn script(path: &std::path::Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn live_reload_follows_a_changed_a_broken_and_a_deleted_file() {
    let dir = team_casebook();
    let team = dir.path().join("team");
    let a = team.join("cases/2024/our-a-2024.yaml");
    let mut pty = Pty::spawn(&["--lang", "ja", "--casebook", team.to_str().unwrap()], &[]);
    pty.wait_for(&all_cases_with(2));
    // The team's cases only (`b` twice), so they are on screen however many
    // newer cases the bundled casebook holds.
    pty.send("bb");
    pty.wait_for("すべての事例 (2)");
    pty.wait_for("[チーム] チーム事例甲");

    std::fs::write(&a, titled("our-a-2024", "書き換えた題名")).unwrap();
    pty.wait_for("[チーム] 書き換えた題名");

    std::fs::write(
        &a,
        titled("our-a-2024", "壊した題名")
            .replace("published: 2024-06-23", "published: 2024-06-31"),
    )
    .unwrap();
    pty.wait_for("⚠前の版 書き換えた題名");
    pty.wait_for("1件のファイルを読み込めませんでした（うち1件は前の版を表示中）");

    std::fs::remove_file(team.join("cases/2024/our-b-2024.yaml")).unwrap();
    pty.wait_for("すべての事例 (1)");
    assert!(!pty.screen().contains("チーム事例乙"), "{}", pty.screen());

    pty.quit();
}

#[test]
fn n_hands_the_terminal_to_the_editor_and_shows_the_new_case() {
    let dir = team_casebook();
    let team = dir.path().join("team");
    let editor = dir.path().join("editor");
    let template = dir.path().join("template.yaml");
    std::fs::write(&template, titled("x", "エディタで書いた事例")).unwrap();
    // The editor: records the terminal's mode, waits for a line typed at
    // the terminal and leaves it there a while (any other reader of the
    // terminal would take it meanwhile), reads it, then writes a whole case
    // with the file's id.
    script(
        &editor,
        &format!(
            r#"exec python3 - "$1" <<'PY'
import fcntl, os, struct, subprocess, sys, termios, time
d, template, path = {d:?}, {t:?}, sys.argv[1]
with open(d + "/stty.txt", "w") as f:
    f.write(subprocess.run(["stty", "-a"], stdin=open("/dev/tty"), capture_output=True, text=True).stdout)
print("EDITOR READY", flush=True)
tty = os.open("/dev/tty", os.O_RDONLY)
pending = lambda: struct.unpack("i", fcntl.ioctl(tty, termios.FIONREAD, b"0000"))[0]
while pending() == 0:
    time.sleep(0.01)
time.sleep(0.3)
line = os.read(tty, 100).decode().strip() if pending() else "taken by another reader"
with open(d + "/typed.txt", "w") as f:
    f.write(line)
case_id = os.path.basename(path)[: -len(".yaml")]
text = open(template).read().replace("id: x\n", "id: " + case_id + "\n", 1)
open(path, "w").write(text)
PY
"#,
            d = dir.path().display().to_string(),
            t = template.display().to_string()
        ),
    );
    let data = dir.path().join("data");
    let mut pty = Pty::spawn(
        &["--lang", "ja", "--casebook", team.to_str().unwrap()],
        &[
            ("EDITOR", editor.to_str().unwrap()),
            ("VISUAL", ""),
            ("XDG_DATA_HOME", data.to_str().unwrap()),
        ],
    );
    pty.wait_for(&all_cases_with(2));
    pty.send("n");
    pty.wait_for("1 ");
    pty.wait_for("（数字で選ぶ / Esc 取消）");
    pty.send("2");
    pty.wait_for("s 白紙から");
    pty.send("s");
    pty.wait_for("事例ID（a-z 0-9 -）:");
    pty.send("our-new-2025\r");
    pty.wait_for_bytes(b"EDITOR READY");

    // The terminal was handed over before the editor ran: the alternate
    // screen left, mouse reporting and bracketed paste off, cooked mode.
    let raw = pty.raw_text();
    let ready = raw.find("EDITOR READY").unwrap();
    let before = &raw[..ready];
    let entered = before.rfind("\x1b[?1049h").unwrap();
    let left = before
        .rfind("\x1b[?1049l")
        .expect("the alternate screen was left");
    assert!(left > entered);
    assert!(
        before.rfind("\x1b[?1000l").unwrap() > entered,
        "mouse capture off"
    );
    assert!(
        before.rfind("\x1b[?2004l").unwrap() > entered,
        "bracketed paste off"
    );
    let stty = std::fs::read_to_string(dir.path().join("stty.txt")).unwrap();
    let modes: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        modes.contains(&"icanon") && modes.contains(&"echo"),
        "cooked mode: {stty}"
    );

    // Every key typed goes to the editor, none to the browser.
    pty.send("hello\r");
    pty.wait_for("our-new-2025 を読み込みました（E で編集）");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("typed.txt")).unwrap(),
        "hello"
    );
    pty.wait_for("[チーム] エディタで書いた事例");
    pty.wait_for(&all_cases_with(3));
    // The browser took the terminal back.
    let raw = pty.raw_text();
    let after = &raw[ready..];
    assert!(after.contains("\x1b[?1049h") && after.contains("\x1b[?1000h"));
    assert!(
        team.join("cases/2025/our-new-2025.yaml").is_file(),
        "written in the chosen casebook"
    );

    pty.quit();
}

#[test]
fn e_edits_a_team_case_and_ctrl_c_in_the_editor_leaves_the_browser_running() {
    let dir = team_casebook();
    let team = dir.path().join("team");
    let editor = dir.path().join("editor");
    // Ctrl-C typed in the editor reaches its process group, which casebook
    // is in too (the editor here ignores it, as editors do).
    script(
        &editor,
        "trap '' INT\nprintf 'EDITOR READY\\n'\nkill -INT 0\nsed 's/^title: .*/title: 直した題名/' \"$1\" > \"$1.new\" && mv \"$1.new\" \"$1\"\n",
    );
    let mut pty = Pty::spawn(
        &["--lang", "ja", "--casebook", team.to_str().unwrap()],
        &[("EDITOR", editor.to_str().unwrap()), ("VISUAL", "")],
    );
    pty.wait_for(&all_cases_with(2));
    // Found by its title wherever the list shows it.
    pty.send("/チーム事例甲");
    pty.wait_for("/ チーム事例甲");
    pty.send("\r");
    pty.wait_for("分類: ISO 27001"); // the overlay is closed
    pty.send("E");
    pty.wait_for_bytes(b"EDITOR READY");
    pty.wait_for("[チーム] 直した題名");
    pty.wait_for("our-a-2024 を読み込みました");
    pty.quit();
}

#[test]
fn c_drafts_the_notice_on_the_clipboard() {
    let dir = team_casebook();
    let team = dir.path().join("team");
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    // A clipboard holding a notice, and an editor that leaves the draft as it is.
    script(
        &bin.join("wl-paste"),
        "printf '令和7年1月20日\\n株式会社テスト商事\\n\\nノートパソコンの紛失について\\n\\n1 概要\\n令和7年1月10日、従業員が顧客の氏名と住所を保存したノートパソコンを紛失しました。\\n'\n",
    );
    let editor = dir.path().join("editor");
    script(&editor, "cp \"$1\" \"$1.seen\"\n");
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut pty = Pty::spawn(
        &["--lang", "ja", "--casebook", team.to_str().unwrap()],
        &[
            ("PATH", &path),
            ("WAYLAND_DISPLAY", "wayland-test"),
            ("EDITOR", editor.to_str().unwrap()),
            ("VISUAL", ""),
            ("XDG_DATA_HOME", dir.path().join("data").to_str().unwrap()),
        ],
    );
    pty.wait_for(&all_cases_with(2));
    pty.send("n2c");
    pty.wait_for("事例ID（a-z 0-9 -）:");
    pty.send("our-laptop-2025\r");
    // The draft has TODOs left: its problems are shown.
    pty.wait_for("このファイルには問題が");
    let drafted =
        std::fs::read_to_string(team.join("cases/2025/our-laptop-2025.yaml.seen")).unwrap();
    assert!(
        drafted.contains("organization: 株式会社テスト商事"),
        "{drafted}"
    );
    assert!(drafted.contains("published: 2025-01-20"), "{drafted}");
    assert!(
        drafted.contains("# casebook draft による下書き: クリップボード"),
        "{drafted}"
    );
    pty.send("\x1b");
    pty.wait_for("Enter 開く");
    pty.quit();
}

#[test]
fn drafting_runs_off_the_screen_s_thread_and_q_ends_it() {
    let dir = team_casebook();
    let team = dir.path().join("team");
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    // A clipboard tool that takes its time (a large notice, a slow display):
    // the browser keeps drawing and answering meanwhile.
    let done = dir.path().join("pasted");
    script(
        &bin.join("wl-paste"),
        &format!(
            "sleep 5\nprintf '令和7年1月20日\\n株式会社テスト商事\\n\\nノートパソコンの紛失について\\n'\ntouch '{}'\n",
            done.display()
        ),
    );
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut pty = Pty::spawn(
        &["--lang", "ja", "--casebook", team.to_str().unwrap()],
        &[
            ("PATH", &path),
            ("WAYLAND_DISPLAY", "wayland-test"),
            ("EDITOR", "true"),
            ("VISUAL", ""),
            ("XDG_DATA_HOME", dir.path().join("data").to_str().unwrap()),
        ],
    );
    pty.wait_for(&all_cases_with(2));
    pty.send("n2c");
    pty.wait_for("事例ID（a-z 0-9 -）:");
    pty.send("our-laptop-2025\r");
    pty.wait_for("公表文から下書きしています…（Esc で中止）");
    pty.send("\x1b");
    pty.wait_for("下書きを中止しました");
    pty.send("j");
    pty.wait_for("件 · A.5 組織的管理策 ·");
    assert!(
        !done.exists(),
        "all of it while the clipboard was still read"
    );
    pty.send("n2c");
    pty.wait_for("事例ID（a-z 0-9 -）:");
    pty.send("our-laptop-2025\r");
    pty.wait_for("公表文から下書きしています…（Esc で中止）");
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(
        !done.exists(),
        "q ended the program while the draft was made"
    );
    pty.assert_restored();
    assert!(!team.join("cases/2025/our-laptop-2025.yaml").exists());
}

/// A team casebook of one case whose title is in half-width katakana.
fn half_width_casebook() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases/2024");
    std::fs::create_dir_all(&cases).unwrap();
    std::fs::write(
        cases.join("half-width-2024.yaml"),
        "id: half-width-2024
title: ﾊﾟｽﾜｰﾄﾞ管理ﾂｰﾙの設定ﾐｽで顧客ﾃﾞｰﾀが閲覧可能に
organization: 株式会社ﾃﾞｰﾀｻｰﾋﾞｽ
sector: it-services
published: 2024-08-07
summary: ﾊﾟｽﾜｰﾄﾞを共有ﾌｫﾙﾀﾞに置いたまま運用していた。
root_causes:
  - category: misconfiguration
    text: ｱｸｾｽ権の設定を確認しなかった
measures:
  - text: ﾊﾟｽﾜｰﾄﾞは管理ﾂｰﾙで個別に発行する
    controls: [iso27001:A.5.17]
sources:
  - publisher: 株式会社ﾃﾞｰﾀｻｰﾋﾞｽ
    title: 不正ｱｸｾｽに関するお知らせ
    date: 2024-08-07
",
    )
    .unwrap();
    dir
}

#[test]
fn half_width_kana_reach_the_terminal_whole_with_the_caret_after_them() {
    let team = half_width_casebook();
    let dir = team.path().to_str().unwrap();
    let mut pty = Pty::spawn(&["--lang", "ja", "--no-bundled", "--casebook", dir], &[]);
    pty.wait_for("パスワード管理ツールの設定ミスで");
    pty.send("/ﾊﾟｽﾜｰﾄﾞ");
    pty.wait_for("/ パスワード");
    pty.wait_for("Enter 事例へ");
    // The caret: border, "/ ", then パスワード (ten columns), once the frame is done.
    let deadline = Instant::now() + TIMEOUT;
    while pty.parser.screen().cursor_position() != (2, 1 + 2 + 10) {
        let left = deadline.saturating_duration_since(Instant::now());
        match pty.output.recv_timeout(left) {
            Ok(chunk) => pty.take(chunk),
            Err(_) => panic!(
                "the caret is at {:?}:\n{}",
                pty.parser.screen().cursor_position(),
                pty.screen()
            ),
        }
    }
    let screen = pty.parser.screen();
    // No stray cells: every row of the popup keeps both borders.
    let rows: Vec<String> = screen.rows(0, COLS).collect();
    for row in &rows[2..ROWS as usize - 2] {
        assert!(
            row.starts_with('│') && row.trim_end().ends_with('│'),
            "{row}\n{}",
            pty.screen()
        );
    }
    assert!(
        !pty.screen().contains(['\u{FF9E}', '\u{FF9F}']),
        "{}",
        pty.screen()
    );
    pty.send("\x1b");
    pty.wait_for("分類: ISO 27001"); // the overlay is closed
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn a_clipboard_tool_that_never_reads_a_short_text_is_stopped_too() {
    // The summary fits in a pipe's buffer, so writing it succeeds whether or
    // not the tool reads: what counts is that the tool took it.
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let pidfile = dir.path().join("xclip.pid");
    script(
        &bin.join("xclip"),
        &format!("echo $$ > '{}'\nexec sleep 600\n", pidfile.display()),
    );
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut pty = Pty::spawn(&["--lang", "en"], &[("PATH", &path), ("DISPLAY", ":99")]);
    pty.wait_for(&format!("All cases ({})", common::bundled().len()));
    pty.send("y");
    pty.wait_for("xclip did not take the text within 1 s and was stopped");
    let pid: libc::pid_t = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(
        unsafe { libc::kill(pid, 0) },
        -1,
        "the stuck tool was killed and reaped"
    );
    pty.send("\x1b");
    pty.wait_for("Cancelled");
    // A tool that reads the text and ends (as xclip does, serving the
    // selection from a process of its own) took it.
    let taken = dir.path().join("taken.txt");
    script(
        &bin.join("xclip"),
        &format!("cat > '{}'\n", taken.display()),
    );
    pty.send("y");
    pty.wait_for("summary copied (OSC 52, xclip)");
    // The summary of the case at the top of the list: its first line is a
    // bundled case's title.
    let taken = std::fs::read_to_string(&taken).unwrap();
    let first = taken.lines().next().unwrap_or_default();
    let book = common::bundled();
    assert!(
        (0..book.len()).any(|i| book.entries()[i].case.title == first),
        "{taken}"
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

/// The process state letter from /proc (R, S, T for stopped, ...).
fn state(pid: libc::pid_t) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(") ")
        .next()
        .and_then(|rest| rest.chars().next())
        .unwrap_or('?')
}

/// Waits until the process is stopped (20 s at most).
fn wait_stopped(pty: &mut Pty) {
    let deadline = Instant::now() + TIMEOUT;
    while state(pty.pid()) != 'T' {
        assert!(Instant::now() < deadline, "casebook did not stop");
        if let Ok(chunk) = pty.output.recv_timeout(Duration::from_millis(20)) {
            pty.take(chunk);
        }
    }
    while let Ok(chunk) = pty.output.recv_timeout(Duration::from_millis(100)) {
        pty.take(chunk);
    }
}

#[test]
fn a_stop_puts_the_terminal_back_and_fg_takes_it_again() {
    let mut pty = Pty::spawn(&["--lang", "ja"], &[]);
    pty.wait_for(&all_cases_with(0));
    pty.kill(libc::SIGTSTP);
    wait_stopped(&mut pty);
    // Stopped: the shell's screen and modes are back.
    pty.assert_restored();
    assert!(!pty.screen().contains("すべての事例"), "{}", pty.screen());
    // fg: the full screen again, drawn whole, keys read raw.
    pty.kill(libc::SIGCONT);
    pty.wait_for(&all_cases_with(0));
    pty.wait_for_count(b"\x1b[?1049h", 2);
    assert!(!pty.cooked(), "raw mode again");
    pty.send("j");
    pty.wait_for("件 · A.5 組織的管理策 ·");

    // A SIGSTOP cannot be caught; the shell sets its own modes meanwhile.
    pty.kill(libc::SIGSTOP);
    wait_stopped(&mut pty);
    let fd = pty.master.as_raw_fd().unwrap();
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
    t.c_lflag |= libc::ICANON | libc::ECHO;
    assert_eq!(unsafe { libc::tcsetattr(fd, libc::TCSANOW, &t) }, 0);
    pty.kill(libc::SIGCONT);
    pty.wait_for_count(b"\x1b[?1049h", 3);
    let deadline = Instant::now() + TIMEOUT;
    while pty.cooked() {
        assert!(Instant::now() < deadline, "raw mode again after SIGCONT");
        if let Ok(chunk) = pty.output.recv_timeout(Duration::from_millis(20)) {
            pty.take(chunk);
        }
    }
    pty.send("j");
    pty.wait_for("件 · A.6 人的管理策 ·");
    pty.quit();
}

#[test]
fn a_terminating_signal_while_the_editor_runs_is_passed_to_it_and_waited_for() {
    let dir = team_casebook();
    let team = dir.path().join("team");
    let editor = dir.path().join("editor");
    let got = dir.path().join("editor-got.txt");
    let pidfile = dir.path().join("editor.pid");
    // An editor that saves its work when told to end (as vim and nano do).
    script(
        &editor,
        &format!(
            "echo $$ > '{pid}'\ntrap 'echo TERM > \"{got}\"; exit 0' TERM\nprintf 'EDITOR READY\\n'\nwhile :; do sleep 0.05; done\n",
            pid = pidfile.display(),
            got = got.display()
        ),
    );
    let mut pty = Pty::spawn(
        &["--lang", "ja", "--casebook", team.to_str().unwrap()],
        &[("EDITOR", editor.to_str().unwrap()), ("VISUAL", "")],
    );
    pty.wait_for(&all_cases_with(2));
    // The team's cases only, so one of them is selected by `j`.
    pty.send("bb");
    pty.wait_for("[チーム] チーム事例甲");
    pty.send("\tjjE");
    pty.wait_for_bytes(b"EDITOR READY");
    let editor_pid: libc::pid_t = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    pty.kill(libc::SIGTERM);
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    assert_eq!(
        std::fs::read_to_string(&got).unwrap_or_default(),
        "TERM\n",
        "the editor was told"
    );
    assert_eq!(
        unsafe { libc::kill(editor_pid, 0) },
        -1,
        "the editor ended before casebook did"
    );
    pty.assert_restored();
}

// ----- faults -------------------------------------------------------------------------

#[test]
fn a_fatal_fault_restores_the_terminal() {
    // A fault the program cannot recover from (here sent by another
    // process): the terminal is put back before the program dies by it.
    for signal in [libc::SIGSEGV, libc::SIGBUS, libc::SIGABRT] {
        let mut pty = Pty::spawn(&["--lang", "ja"], &[]);
        pty.wait_for(&all_cases_with(0));
        pty.kill(signal);
        let status = pty.wait_exit();
        assert!(!status.success(), "signal {signal}: {status:?}");
        pty.assert_restored();
    }
}
