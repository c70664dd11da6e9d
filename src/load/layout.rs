//! Which files of a casebook directory are cases: the one rule that start-up,
//! `casebook validate` and live reload all follow.
//!
//! In a casebook directory ROOT:
//!
//! - `ROOT/catalogs/*.yaml` are catalogs (not nested deeper);
//! - `ROOT/soa.yaml` (or `soa.yml`, any case) is the team's statement of
//!   applicability, not a case;
//! - with a `ROOT/cases/` directory, the YAML files under it are the cases
//!   and nothing else is;
//! - without one (a flat casebook), every other YAML file under ROOT is a case;
//! - a hidden file or directory (`.git`, an editor's `.x.yaml.swp`) is nothing.
//!
//! A file is YAML when its name ends in `.yaml` or `.yml`, in any case.

use std::path::{Component, Path, PathBuf};

use super::input::Input;

/// Case and catalog files: `.yaml` or `.yml`, in any case (`.YAML` from Windows).
pub fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

pub fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// What a file is to the casebook it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Case,
    Catalog,
    /// The statement of applicability in the casebook's root.
    Statement,
    /// Anything else: not read.
    Other,
}

/// The names of a casebook's statement of applicability in its root.
pub const STATEMENT_NAMES: [&str; 2] = ["soa.yaml", "soa.yml"];

/// A casebook directory as the rule sees it (looked at once).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub root: PathBuf,
    /// Whether it has a `cases/` directory.
    pub has_cases: bool,
}

impl Layout {
    /// The layout of the casebook directory `root` as it is on disk now.
    pub fn of(root: &Path) -> Layout {
        Layout {
            root: root.to_path_buf(),
            has_cases: root.join("cases").is_dir(),
        }
    }

    /// What `path` (a path under the root, written from it as the root was
    /// given) is; `Other` for a path outside the root.
    pub fn role(&self, path: &Path) -> Role {
        let Ok(rel) = path.strip_prefix(&self.root) else {
            return Role::Other;
        };
        let parts: Vec<&std::ffi::OsStr> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(p) => Some(p),
                _ => None,
            })
            .collect();
        let Some(name) = parts.last() else {
            return Role::Other;
        };
        if !is_yaml(path) || parts.iter().any(|p| is_hidden(Path::new(p))) {
            return Role::Other;
        }
        match parts.as_slice() {
            [dir, _] if *dir == "catalogs" => Role::Catalog,
            [dir, ..] if *dir == "catalogs" => Role::Other,
            [_] if is_statement_name(name) => Role::Statement,
            [dir, _, ..] if self.has_cases && *dir == "cases" => Role::Case,
            _ if self.has_cases => Role::Other,
            _ => Role::Case,
        }
    }

    /// The statement of applicability in the root, when there is one.
    pub fn statement(&self) -> Option<PathBuf> {
        let entries = std::fs::read_dir(&self.root).ok()?;
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && self.role(p) == Role::Statement)
            .collect();
        found.sort();
        found.into_iter().next()
    }
}

fn is_statement_name(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| STATEMENT_NAMES.iter().any(|s| n.eq_ignore_ascii_case(s)))
}

/// Whether `path` is a case file of one of the casebook directories among
/// `inputs` (the most specific directory containing it decides).
pub fn is_case_in(inputs: &[Input], path: &Path) -> bool {
    inputs
        .iter()
        .filter_map(|i| match i {
            Input::Dir(root) if path.starts_with(root) => Some(root),
            _ => None,
        })
        .max_by_key(|r| r.components().count())
        .is_some_and(|root| Layout::of(root).role(path) == Role::Case)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(has_cases: bool, path: &str) -> Role {
        let layout = Layout {
            root: PathBuf::from("team"),
            has_cases,
        };
        layout.role(Path::new(path))
    }

    #[test]
    fn with_a_cases_directory_only_its_files_are_cases() {
        assert_eq!(role(true, "team/cases/2024/a.yaml"), Role::Case);
        assert_eq!(role(true, "team/cases/a.YML"), Role::Case);
        assert_eq!(role(true, "team/soa.yaml"), Role::Statement);
        assert_eq!(role(true, "team/SOA.yml"), Role::Statement);
        assert_eq!(role(true, "team/catalogs/internal.yaml"), Role::Catalog);
        assert_eq!(role(true, "team/catalogs/old/x.yaml"), Role::Other);
        assert_eq!(role(true, "team/notes.yaml"), Role::Other);
        assert_eq!(role(true, "team/drafts/a.yaml"), Role::Other);
        assert_eq!(role(true, "team/cases"), Role::Other);
        assert_eq!(role(true, "team/cases/a.yaml.swp"), Role::Other);
        assert_eq!(role(true, "team/cases/.a.yaml"), Role::Other);
        assert_eq!(role(true, "team/cases/.git/a.yaml"), Role::Other);
        assert_eq!(role(true, "elsewhere/cases/a.yaml"), Role::Other);
    }

    #[test]
    fn a_flat_casebook_reads_every_yaml_file_but_its_statement_and_catalogs() {
        assert_eq!(role(false, "team/a.yaml"), Role::Case);
        assert_eq!(role(false, "team/2024/a.yaml"), Role::Case);
        assert_eq!(role(false, "team/2024/soa.yaml"), Role::Case);
        assert_eq!(role(false, "team/soa.yaml"), Role::Statement);
        assert_eq!(role(false, "team/catalogs/x.yaml"), Role::Catalog);
        assert_eq!(role(false, "team/README.md"), Role::Other);
        assert_eq!(role(false, "team"), Role::Other);
    }

    #[test]
    fn the_most_specific_root_decides() {
        let dir = tempfile::tempdir().unwrap();
        let outer = dir.path().to_path_buf();
        let inner = outer.join("inner");
        std::fs::create_dir_all(outer.join("cases")).unwrap();
        std::fs::create_dir_all(&inner).unwrap();
        let roots = vec![
            Input::Dir(outer.clone()),
            Input::Bundled,
            Input::Dir(inner.clone()),
        ];
        // `inner` is flat: its files are cases, though `outer` has `cases/`.
        assert!(is_case_in(&roots, &inner.join("a.yaml")));
        assert!(!is_case_in(&roots, &inner.join("soa.yaml")));
        assert!(is_case_in(&roots, &outer.join("cases/a.yaml")));
        assert!(!is_case_in(&roots, &outer.join("a.yaml")));
        assert!(!is_case_in(&roots, Path::new("/nowhere/a.yaml")));
    }
}
