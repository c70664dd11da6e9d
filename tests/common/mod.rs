//! Shared helpers for the integration tests.
#![allow(dead_code)]

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
    pub fn load(&self) -> Loaded {
        load::load(&[Input::Dir(self.path().to_path_buf())], &[])
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
    let home = std::env::temp_dir().join("casebook-test-home");
    // A cache of its own for every run: each starts cold and writes one.
    let cache = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("CASEBOOK_CACHE", cache.path())
        .args(args)
        .current_dir(cwd)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("CASEBOOK_CONFIG", home.join("none.yaml"))
        .env_remove("TMUX")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
