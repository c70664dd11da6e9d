//! Which of a team's cases are new, changed, moved or removed since a review:
//! from git when a casebook directory is in a git work tree (a case is known by
//! its id, so a file renamed or moved is not new), else from the files' dates.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use time::Date;

use super::git::{self, Base, Repo};
use super::old::{self, OldCase};
use crate::casebook::Casebook;
use crate::diag::Message;
use crate::model::{DatePrecision, PartialDate};
use crate::msg;

/// What a review looks back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Since {
    /// The start of a day (local time).
    Day(Date),
    /// A git revision.
    Rev(String),
}

impl Since {
    /// `YYYY-MM-DD` is a day; anything else a revision.
    pub fn parse(s: &str) -> Since {
        Since::read(s).unwrap_or_else(|_| Since::Rev(s.to_string()))
    }

    /// [`Since::parse`], but text in the shape of a date that is not one
    /// (`2026-02-30`) is an error rather than a revision.
    pub fn read(s: &str) -> Result<Since, Message> {
        let t = s.trim();
        let dated = t.len() == 10
            && t.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        match PartialDate::parse(t, DatePrecision::Day) {
            Ok(d) => crate::date::day(d)
                .map(Since::Day)
                .ok_or_else(|| msg!("`{t}` は日付ではありません", "`{t}` is not a date")),
            Err(e) if dated => Err(e),
            Err(_) => Ok(Since::Rev(s.to_string())),
        }
    }
}

/// How one casebook directory's changes were found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum How {
    /// From git, against this commit (None: nothing was committed before the
    /// day asked about, so every case is new).
    Git(Option<Base>),
    /// From the files' creation and modification dates.
    FileDates,
}

/// One casebook directory looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dir {
    pub path: PathBuf,
    pub how: How,
}

/// A case changed since the review.
#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    /// The case's index in the casebook.
    pub case: usize,
    /// The case as it was (None: not known without git).
    pub before: Option<OldCase>,
    /// Only its file's name or place changed.
    pub moved_only: bool,
}

/// The team's cases since the review.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// The first day of the period.
    pub from: Option<Date>,
    pub dirs: Vec<Dir>,
    /// Cases that did not exist before (indices into the casebook).
    pub new: Vec<usize>,
    /// Cases that existed and changed (or only moved).
    pub changed: Vec<Changed>,
    /// Cases that existed and are gone.
    pub removed: Vec<OldCase>,
    /// Cases in changed files as they were, for what the casebook cited then
    /// (the changed, moved and removed ones).
    pub earlier: Vec<OldCase>,
}

impl Changes {
    /// Whether case `i` is new or changed (anything but moved) in the period.
    pub fn touched(&self) -> HashSet<usize> {
        self.new
            .iter()
            .copied()
            .chain(self.changed.iter().map(|c| c.case))
            .collect()
    }
}

/// The changes of the team's cases in `dirs` since `since`.
pub fn changes(book: &Casebook, dirs: &[PathBuf], since: &Since) -> Result<Changes, Message> {
    let mut out = Changes::default();
    // Each team case under the directory that loaded it.
    let mut by_dir: Vec<HashMap<PathBuf, usize>> = vec![HashMap::new(); dirs.len()];
    let mut elsewhere = Vec::new();
    for i in (0..book.len()).filter(|&i| !book.is_bundled(i)) {
        let path = Path::new(book.path(i));
        match dirs
            .iter()
            .enumerate()
            .find_map(|(d, dir)| path.strip_prefix(dir).ok().map(|rel| (d, rel)))
        {
            Some((d, rel)) => {
                by_dir[d].insert(rel.to_path_buf(), i);
            }
            None => elsewhere.push(i),
        }
    }
    for (dir, cases) in dirs.iter().zip(by_dir) {
        match Repo::open(dir) {
            Some(repo) => from_git(book, &repo, dir, &cases, since, &mut out)?,
            None => {
                let Since::Day(day) = since else {
                    let shown = crate::text::path(dir);
                    return Err(msg!(
                        "{shown} は git のリポジトリにありません。--since にはリビジョンではなく日付（YYYY-MM-DD）を指定してください",
                        "{shown} is not in a git repository: give --since a date (YYYY-MM-DD), not a revision"
                    ));
                };
                from_dates(book, cases.values().copied(), *day, &mut out);
                out.from = Some(*day);
                out.dirs.push(Dir {
                    path: dir.clone(),
                    how: How::FileDates,
                });
            }
        }
    }
    if !elsewhere.is_empty()
        && let Since::Day(day) = since
    {
        from_dates(book, elsewhere.into_iter(), *day, &mut out);
    }
    out.new.sort_by_key(|&i| book.ranks()[i]);
    out.changed.sort_by_key(|c| book.ranks()[c.case]);
    out.removed.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

fn from_git(
    book: &Casebook,
    repo: &Repo,
    dir: &Path,
    cases: &HashMap<PathBuf, usize>,
    since: &Since,
    out: &mut Changes,
) -> Result<(), Message> {
    let shown = crate::text::path(dir);
    let in_dir = |e: Message| msg!("{shown}: ", "{shown}: ").then(&e);
    let base = match since {
        Since::Day(day) => {
            let d = crate::date::partial(*day).to_string();
            repo.before(&d).map_err(in_dir)?
        }
        Since::Rev(rev) => Some(repo.commit(rev).map_err(in_dir)?),
    };
    let from = match (since, &base) {
        (Since::Day(day), _) => Some(*day),
        (Since::Rev(_), Some(b)) => crate::date::parse_day(&b.date).ok(),
        (Since::Rev(_), None) => None,
    };
    out.from = match (out.from, from) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    out.dirs.push(Dir {
        path: dir.to_path_buf(),
        how: How::Git(base.clone()),
    });
    let changed = repo.changes(base.as_ref()).map_err(in_dir)?;
    let earlier_paths: Vec<&Path> = changed
        .iter()
        .filter(|(c, _)| *c != git::Change::Added)
        .map(|(_, p)| p.as_path())
        .collect();
    let contents = match &base {
        Some(b) => repo.contents(b, &earlier_paths).map_err(in_dir)?,
        None => HashMap::new(),
    };
    let earlier: HashMap<&Path, OldCase> = contents
        .iter()
        .filter_map(|(p, bytes)| old::read(bytes).map(|o| (p.as_path(), o)))
        .collect();
    let touched: HashSet<&Path> = changed.iter().map(|(_, p)| p.as_path()).collect();
    // The ids the casebook had at the base: the unchanged files' and the
    // earlier versions of the changed ones.
    let mut ids_then: HashMap<&str, &OldCase> = HashMap::new();
    for o in earlier.values() {
        ids_then.insert(o.id.as_str(), o);
    }
    let unchanged_ids: HashSet<&str> = cases
        .iter()
        .filter(|(p, _)| !touched.contains(p.as_path()))
        .map(|(_, &i)| book.summary(i).id.as_str())
        .collect();
    let mut ids_now: HashSet<&str> = HashSet::new();
    for (change, path) in &changed {
        let Some(&i) = cases.get(path) else { continue };
        let id = book.summary(i).id.as_str();
        ids_now.insert(id);
        match change {
            git::Change::Modified => out.changed.push(Changed {
                case: i,
                before: earlier.get(path.as_path()).cloned(),
                moved_only: false,
            }),
            git::Change::Added | git::Change::Deleted => match ids_then.get(id) {
                // The same case under another name: changed only if its text did.
                Some(before) => {
                    let same = earlier
                        .iter()
                        .find(|(_, o)| o.id == id)
                        .and_then(|(p, _)| contents.get(*p))
                        .is_some_and(|then| {
                            std::fs::read(Path::new(book.path(i))).is_ok_and(|now| &now == then)
                        });
                    out.changed.push(Changed {
                        case: i,
                        before: Some((*before).clone()),
                        moved_only: same,
                    });
                }
                None if unchanged_ids.contains(id) => {}
                None => out.new.push(i),
            },
        }
    }
    for (path, o) in &earlier {
        let gone = !cases.contains_key(*path) || !ids_now.contains(o.id.as_str());
        let elsewhere = ids_now.contains(o.id.as_str()) || unchanged_ids.contains(o.id.as_str());
        if gone && !elsewhere && !out.removed.iter().any(|r| r.id == o.id) {
            out.removed.push(o.clone());
        }
        out.earlier.push(o.clone());
    }
    Ok(())
}

/// Without git: a file created on or after `day` holds a new case, one
/// modified since a changed case.
fn from_dates(book: &Casebook, cases: impl Iterator<Item = usize>, day: Date, out: &mut Changes) {
    for i in cases {
        let Ok(meta) = std::fs::metadata(book.path(i)) else {
            continue;
        };
        let on_or_after = |t: std::io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(crate::date::day_of)
                .is_some_and(|d| d >= day)
        };
        if on_or_after(meta.created()) {
            out.new.push(i);
        } else if on_or_after(meta.modified()) {
            out.changed.push(Changed {
                case: i,
                before: None,
                moved_only: false,
            });
        }
    }
}
