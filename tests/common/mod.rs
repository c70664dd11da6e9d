//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod office;
pub mod tui;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use casebook::diag::Diagnostic;
use casebook::load::{self, Input, Loaded};

/// A valid case file; `case_file("x")` gives one with id `x`.
pub fn case_file(id: &str) -> String {
    format!(
        "id: {id}
title: 委託先がUSBメモリーを紛失
organization: テスト市
sector: local-government
published: 2024-06-23
occurred: 2024-06
summary: |
  委託先の社員が市民の個人情報を記録したUSBメモリーを持ち出し、飲食後に紛失した。
  市は許可なく持ち出されたことを確認した。
affected:
  people: 460000
  data: [氏名, 住所]
root_causes:
  - category: unauthorized-takeout
    text: 委託先が許可なくデータを持ち出した
measures:
  - text: 電子媒体の持ち出しは事前の許可制とする
    controls: [iso27001:A.7.10, ppc:10-5-3]
  - text: 作業後はデータをその場で消去する
    controls: [iso27001:A.8.10]
    origin: editorial
sources:
  - publisher: テスト市
    title: 個人情報を含むUSBメモリーの紛失について
    date: 2024-06-23
    url: https://example.jp/notice
tags: [USB, 委託先]
"
    )
}

/// A temporary casebook directory with `cases/` holding the given files.
pub struct Dir {
    pub tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("cases")).unwrap();
        Dir { tmp }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Writes `cases/<name>` and returns its path.
    pub fn case(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        self.file(&format!("cases/{name}"), content)
    }

    pub fn file(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.tmp.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        path
    }

    /// Loads this directory alone (bundled catalogs, no bundled cases).
    /// Every diagnostic must have its Japanese form (see [`assert_japanese`]).
    pub fn load(&self) -> Loaded {
        let loaded = load::load(&[Input::Dir(self.path().to_path_buf())], &[]);
        loaded.diagnostics.iter().for_each(assert_japanese);
        loaded
    }
}

/// The diagnostics about one file, as displayed (path made relative).
pub fn about(loaded: &Loaded, file: &str) -> Vec<String> {
    loaded
        .diagnostics
        .iter()
        .filter(|d| d.path.ends_with(file))
        .map(show)
        .collect()
}

/// `file:line:col: severity: message` with the directory part removed.
pub fn show(d: &Diagnostic) -> String {
    let name = Path::new(&d.path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    Diagnostic {
        path: name,
        ..d.clone()
    }
    .to_string()
}

pub fn ids(loaded: &Loaded) -> Vec<String> {
    loaded
        .casebook
        .entries()
        .iter()
        .map(|e| e.case.id.clone())
        .collect()
}

/// Runs the real binary with a private data and config directory.
pub fn casebook(args: &[&str]) -> Output {
    casebook_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

pub fn casebook_in(cwd: &Path, args: &[&str]) -> Output {
    let mut cmd = command(args);
    cmd.current_dir(cwd);
    cmd.output().unwrap()
}

/// The real binary as a `Command` (private data and config directories), for
/// tests that choose where its output goes.
pub fn command(args: &[&str]) -> Command {
    let home = std::env::temp_dir().join("casebook-test-home");
    // A cache per build of the program, shared by the tests: they run cold
    // and warm; another build never sees it (it would only be rebuilt).
    let cache = home.join(format!(
        "cache-{:x}",
        xxhash_rust::xxh3::xxh3_64(casebook::cache::PROGRAM.as_bytes())
    ));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_casebook"));
    cmd.args(args)
        .env("CASEBOOK_CACHE", cache)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("CASEBOOK_CONFIG")
        .env_remove("TMUX")
        .env("LANG", "C.UTF-8");
    cmd
}

/// No byte below 0x20 but newline (and tab where allowed), no DEL, no C1
/// control, no invisible character: what may reach a terminal.
pub fn assert_no_controls(what: &str, text: &str, tab_ok: bool) {
    for (i, c) in text.chars().enumerate() {
        let bad = match c {
            '\n' => false,
            '\t' => !tab_ok,
            c => (c as u32) < 0x20 || c == '\u{7F}' || ('\u{80}'..='\u{9F}').contains(&c),
        };
        assert!(!bad, "{what}: control character U+{:04X} at {i}", c as u32);
        assert!(
            !casebook::text::is_invisible_format(c),
            "{what}: invisible U+{:04X} at {i}",
            c as u32
        );
    }
}

/// Runs the real binary like [`casebook`], with `input` on its standard input.
pub fn casebook_with_input(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The bundled casebook, as loaded: for tests about the bundled casebook
/// itself, which must hold whatever cases it holds.
pub fn bundled() -> casebook::casebook::Casebook {
    load::load(&[Input::Bundled], &[]).casebook
}

/// The sample casebook of the tests (tests/fixtures/casebooks/sample): nine
/// cases written for the tests, whose every count, id and screen the tests
/// may name. Its README says what each case is there for.
pub const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/casebooks/sample"
);

/// The sample casebook alone (bundled catalogs, no bundled cases), as loaded.
pub fn sample() -> casebook::casebook::Casebook {
    let loaded = load::load(&[Input::Dir(PathBuf::from(SAMPLE))], &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.casebook
}

/// The sample casebook loaded once for the whole test binary.
pub fn sample_once() -> &'static casebook::casebook::Casebook {
    static SAMPLE_BOOK: std::sync::OnceLock<casebook::casebook::Casebook> =
        std::sync::OnceLock::new();
    SAMPLE_BOOK.get_or_init(sample)
}

/// The arguments that make the binary read the sample casebook alone.
pub const ON_SAMPLE: [&str; 3] = ["--no-bundled", "--casebook", SAMPLE];

/// `args` after [`ON_SAMPLE`].
pub fn sample_args<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = ON_SAMPLE.to_vec();
    all.extend_from_slice(args);
    all
}

/// Runs the real binary on the sample casebook alone (see [`casebook`]).
pub fn on_sample(args: &[&str]) -> Output {
    casebook(&sample_args(args))
}

/// The three cases of the example training pack of the sample casebook:
/// a source with a URL, one without, and editorial measures.
pub fn three_cases(book: &casebook::casebook::Casebook) -> Vec<usize> {
    [
        "kitahama-usb-2022",
        "minato-hospital-pc-2024",
        "tozai-transport-password-2023",
    ]
    .iter()
    .map(|id| book.index_of(id).unwrap())
    .collect()
}

/// Words a Japanese message may keep in Latin letters: names of fields,
/// values and formats, which are the same in both languages.
#[rustfmt::skip]
const KEPT_WORDS: &[&str] = &[
    "YAML", "UTF", "Shift_JIS", "EUC", "JP", "NUL", "MiB", "OS", "VS", "Code", "SCHEME", "ID",
    "YYYY", "MM", "DD", "https", "http", "TODO", "iso27001", "ppc", "yaml", "catalogs", "sectors",
    "causes", "controls", "reported", "required", "editorial", "suggested", "origin", "kind", "ja", "en", "auto",
    "osc52", "native", "off", "text", "markdown", "summary", "Windows", "Excel",
    // YAML values, the SoA's fields and the standard it cites.
    "true", "false", "soa", "control", "applicable", "reason", "ISO", "IEC",
];

/// A diagnostic's Japanese message has no English left in it: once the
/// quoted parts (`field`, "value", paths, ids) and the names kept in every
/// language are set aside, no Latin word remains. Its English message is
/// never empty.
pub fn assert_japanese(d: &Diagnostic) {
    let (ja, en) = (&d.message.ja, &d.message.en);
    assert!(!en.is_empty() && !ja.is_empty(), "{d:?}");
    let mut rest = String::new();
    let mut quote: Option<char> = None;
    for c in ja.chars() {
        match (quote, c) {
            (None, '`' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c) => rest.push(c),
        }
    }
    let names: Vec<&str> = [
        casebook::format::CASE,
        casebook::format::AFFECTED,
        casebook::format::ROOT_CAUSE,
        casebook::format::MEASURE,
        casebook::format::SOURCE,
        casebook::format::LEAK,
        casebook::format::REPORT,
    ]
    .iter()
    .flat_map(|place| place.iter().map(|f| f.name))
    .collect();
    // Ids of the bundled vocabularies (listed as the values a field takes).
    let catalogs = bundled_catalogs();
    let ids: Vec<&str> = catalogs
        .all()
        .iter()
        .flat_map(|c| c.flatten().into_iter().map(|(_, item)| item.id.as_str()))
        .collect();
    for word in rest.split(|c: char| {
        !(c.is_ascii_alphanumeric()
            || c == '_'
            || c == '/'
            || c == '.'
            || c == '-'
            || c == '+'
            || c == ':')
    }) {
        // Paths, file names, dates, ids and <U+FEFF> marks are data.
        if word.contains(['/', '.', ':', '+']) || !word.chars().any(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        for part in word.split('-') {
            let letters = part.chars().filter(|c| c.is_ascii_alphabetic()).count();
            if letters < 2
                || KEPT_WORDS.contains(&part)
                || names.contains(&part)
                || ids.iter().any(|id| id.split('-').any(|p| p == part))
            {
                continue;
            }
            if d.path.contains(part) {
                continue;
            }
            panic!("English word {part:?} left in the Japanese message {ja:?} (English: {en:?})");
        }
    }
}

/// The bundled catalogs (no cases), loaded once for the test binary.
pub fn bundled_catalogs() -> &'static casebook::catalog::Catalogs {
    static CATALOGS: std::sync::OnceLock<casebook::catalog::Catalogs> = std::sync::OnceLock::new();
    CATALOGS.get_or_init(|| load::load(&[], &[]).casebook.catalogs)
}

/// A file of the hostile corpus (tests/corpus/).
pub fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(name),
    )
    .unwrap()
}

/// English sentences in `text`: three or more English words in a row, each
/// of two letters or more (or `a`) and all but the first in lowercase ("no such
/// directory", "Permission denied (os error 13)"). A word is Latin letters
/// alone, maybe in parentheses or before a comma; ids (`our-usb-2024`),
/// paths, options (`--out`) and quoted code are not words. A Japanese screen
/// or message keeps names, ids, paths and commands in Latin letters, never a
/// sentence.
pub fn english_sentences(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut run: Vec<&str> = Vec::new();
        let mut close = |run: &mut Vec<&str>| {
            if run.len() >= 3 {
                found.push(run.join(" "));
            }
            run.clear();
        };
        for token in line.split([' ', '\u{3000}', '│']) {
            let bare = token
                .trim_start_matches('(')
                .trim_end_matches([',', ';', ':', '.', ')']);
            let letters =
                (bare.len() >= 2 || bare == "a") && bare.chars().all(|c| c.is_ascii_alphabetic());
            let lower = bare.chars().skip(1).all(|c| c.is_ascii_lowercase())
                && (run.is_empty() || bare.starts_with(|c: char| c.is_ascii_lowercase()));
            if letters && lower {
                run.push(bare);
            } else {
                close(&mut run);
                if letters && bare.chars().skip(1).all(|c| c.is_ascii_lowercase()) {
                    run.push(bare);
                }
            }
        }
        close(&mut run);
    }
    found
}
