//! What git knows about a team's casebook directory, through the `git`
//! command line (the one the team's repository already needs; see README,
//! "git: the command line, not a library"): the commit a review looks back to,
//! the case files changed since (against the working tree, untracked new files
//! included) and their contents then.
//!
//! Every path is relative to the casebook directory (`git -C DIR`, `--relative`,
//! `REV:./path`). Nothing is written to the repository: `GIT_OPTIONAL_LOCKS=0`
//! keeps `git diff` from refreshing the index.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::diag::Message;
use crate::msg;

/// A casebook directory inside a git work tree.
#[derive(Clone, Debug)]
pub struct Repo {
    dir: PathBuf,
}

/// The commit a review looks back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Base {
    /// Its full hash.
    pub commit: String,
    /// Its committer date, `YYYY-MM-DD` (the committer's own day).
    pub date: String,
}

/// How a file differs between the base and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Not there at the base (committed since, or not yet committed).
    Added,
    Modified,
    Deleted,
}

fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(dir)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("LC_ALL", "C")
        .stdin(Stdio::null());
    cmd
}

/// Runs git; its standard output, or why it failed (git's own words).
fn run(cmd: &mut Command) -> Result<Vec<u8>, Message> {
    let out = cmd.output().map_err(|e| {
        let e = e.to_string();
        msg!(
            "git を実行できません（インストールされていますか）: {e}",
            "cannot run git (is it installed?): {e}"
        )
    })?;
    if out.status.success() {
        return Ok(out.stdout);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let said = crate::text::line(stderr.trim());
    Err(msg!("git: {said}", "git: {said}"))
}

impl Repo {
    /// The directory's repository, when it is inside a git work tree and git
    /// can be run.
    pub fn open(dir: &Path) -> Option<Repo> {
        let out = run(git(dir).args(["rev-parse", "--is-inside-work-tree"])).ok()?;
        (out.trim_ascii() == b"true").then(|| Repo {
            dir: dir.to_path_buf(),
        })
    }

    /// The commit `rev` names (any revision git reads: a hash, a tag, `HEAD~3`).
    pub fn commit(&self, rev: &str) -> Result<Base, Message> {
        let spec = format!("{rev}^{{commit}}");
        let out = run(git(&self.dir).args([
            "log",
            "-1",
            "--no-walk",
            "--format=%H %cs",
            "--end-of-options",
            &spec,
            "--",
        ]));
        let shown = crate::text::line(rev);
        let not_a_commit = msg!(
            "`{shown}` はこのリポジトリのコミットではありません",
            "`{shown}` is not a commit of this repository"
        );
        match out {
            Ok(out) => parse_base(&out).ok_or(not_a_commit),
            Err(said) => Err(not_a_commit
                .then(&Message::new("（", " ("))
                .then(&said)
                .then(&Message::new("）", ")"))),
        }
    }

    /// The last commit before the start of `day` (local time) on the current
    /// branch; None when there is none (everything was committed since, or
    /// nothing yet).
    pub fn before(&self, day: &str) -> Result<Option<Base>, Message> {
        let head = run(git(&self.dir).args(["rev-parse", "--verify", "--quiet", "HEAD"]));
        if head.is_err() {
            return Ok(None);
        }
        let before = format!("--before={day} 00:00:00");
        let out = run(git(&self.dir).args(["log", "-1", "--format=%H %cs", &before, "HEAD"]))?;
        Ok(parse_base(&out))
    }

    /// The case files (`.yaml`, `.yml`) under this directory that differ
    /// between `base` (None: before the first commit) and the working tree,
    /// untracked files included. Renames are a deletion and an addition: the
    /// caller knows a case by its id.
    pub fn changes(&self, base: Option<&Base>) -> Result<Vec<(Change, PathBuf)>, Message> {
        let mut out = Vec::new();
        if let Some(base) = base {
            let diff = run(git(&self.dir).args([
                "diff",
                "--no-renames",
                "--no-ext-diff",
                "--name-status",
                "-z",
                "--relative",
                &base.commit,
                "--",
                ".",
            ]))?;
            let mut parts = diff.split(|&b| b == 0).filter(|p| !p.is_empty());
            while let (Some(status), Some(path)) = (parts.next(), parts.next()) {
                let change = match status.first() {
                    Some(b'A') => Change::Added,
                    Some(b'D') => Change::Deleted,
                    _ => Change::Modified,
                };
                out.push((change, path_of(path)));
            }
        } else {
            let tracked = run(git(&self.dir).args(["ls-files", "-z", "--", "."]))?;
            out.extend(split(&tracked).map(|p| (Change::Added, p)));
        }
        let untracked = run(git(&self.dir).args([
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
            "--",
            ".",
        ]))?;
        out.extend(split(&untracked).map(|p| (Change::Added, p)));
        let layout = crate::load::layout::Layout::of(&self.dir);
        out.retain(|(_, p)| layout.role(&self.dir.join(p)) == crate::load::layout::Role::Case);
        Ok(out)
    }

    /// The contents of `paths` at `base`, read in one `git cat-file --batch`.
    pub fn contents(
        &self,
        base: &Base,
        paths: &[&Path],
    ) -> Result<HashMap<PathBuf, Vec<u8>>, Message> {
        if paths.is_empty() {
            return Ok(HashMap::new());
        }
        let mut child = git(&self.dir)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                let e = e.to_string();
                msg!("git を実行できません: {e}", "cannot run git: {e}")
            })?;
        let mut stdin = child.stdin.take().expect("piped");
        let requests: Vec<u8> = paths
            .iter()
            .flat_map(|p| {
                let mut line = format!("{}:./", base.commit).into_bytes();
                line.extend_from_slice(p.as_os_str().as_bytes());
                line.push(b'\n');
                line
            })
            .collect();
        // Written from a thread of its own: git answers while it reads.
        let writer = std::thread::spawn(move || stdin.write_all(&requests));
        let mut reader = BufReader::new(child.stdout.take().expect("piped"));
        let mut found = HashMap::with_capacity(paths.len());
        let mut header = Vec::new();
        for path in paths {
            header.clear();
            if reader.read_until(b'\n', &mut header).unwrap_or(0) == 0 {
                break;
            }
            // `<hash> blob <size>`, or `<name> missing`.
            let fields: Vec<&[u8]> = header.trim_ascii_end().split(|&b| b == b' ').collect();
            let size = match fields.as_slice() {
                [_, b"blob", size] => std::str::from_utf8(size)
                    .ok()
                    .and_then(|s| s.parse::<usize>().ok()),
                _ => None,
            };
            let Some(size) = size else { continue };
            let mut body = vec![0; size + 1];
            if reader.read_exact(&mut body).is_err() {
                break;
            }
            body.pop();
            found.insert(path.to_path_buf(), body);
        }
        drop(reader);
        let _ = writer.join();
        let _ = child.wait();
        Ok(found)
    }
}

fn parse_base(out: &[u8]) -> Option<Base> {
    let line = std::str::from_utf8(out).ok()?.lines().next()?;
    let (commit, date) = line.split_once(' ')?;
    Some(Base {
        commit: commit.to_string(),
        date: date.to_string(),
    })
}

fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(OsStr::from_bytes(bytes))
}

fn split(out: &[u8]) -> impl Iterator<Item = PathBuf> + '_ {
    out.split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(path_of)
}
