//! File names typed into the save prompt and the notice-file question of
//! `n`: `~` for the home folder, Tab to complete a name from the folder's
//! entries (listed by the event loop), and (saving) a question before making
//! folders that do not exist yet.

use std::path::{Path, PathBuf};

use super::action::{Effect, Outcome};
use super::app::{App, Top};
use super::author::Step;
use super::copy::Ask;
use super::field::Field;
use crate::lang::{Lang, t};

/// `~` and `~/x` name the home folder; other names are as typed.
pub fn expand(name: &str, home: Option<&Path>) -> PathBuf {
    match (name, home) {
        ("~", Some(home)) => home.to_path_buf(),
        (name, Some(home)) if name.starts_with("~/") => home.join(&name[2..]),
        (name, _) => PathBuf::from(name),
    }
}

/// The folder to list and the start of the name to complete, for a typed
/// name: `~/Doc` → (home, "Doc"); `out/` → ("out/", "").
fn split(typed: &str, home: Option<&Path>) -> (PathBuf, String) {
    match typed.rfind('/') {
        Some(i) => (expand(&typed[..=i], home), typed[i + 1..].to_string()),
        None => (PathBuf::new(), typed.to_string()),
    }
}

/// The longest start shared by every name.
fn common_start(names: &[&str]) -> String {
    let Some(first) = names.first() else {
        return String::new();
    };
    let mut end = first.len();
    for name in &names[1..] {
        let shared = first
            .char_indices()
            .zip(name.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
        end = end.min(shared);
    }
    first[..end].to_string()
}

impl App {
    /// The field a file name is typed into: the save prompt's, else the
    /// notice file's while writing a case.
    fn path_field(&mut self) -> Option<&mut Field> {
        match &mut self.top {
            Top::Prompt(p) => Some(&mut p.field),
            Top::Author(Step::Notice { field, .. }) => Some(field),
            _ => None,
        }
    }

    /// Tab in a file name: asks the event loop for the folder's entries.
    pub(super) fn complete_path(&mut self) -> Vec<Effect> {
        let home = self.env.options.home.clone();
        let Some(field) = self.path_field() else {
            return Vec::new();
        };
        let (dir, _) = split(&field.text, home.as_deref());
        vec![Effect::ListDir { dir }]
    }

    /// The folder's entries came: completes the name as far as it is shared,
    /// and lists the candidates when several remain.
    pub(super) fn listed(&mut self, dir: PathBuf, entries: Result<Vec<(String, bool)>, String>) {
        let lang = self.env.lang;
        let home = self.env.options.home.clone();
        let Some(typed) = self.path_field().map(|f| f.text.clone()) else {
            return;
        };
        let (want, start) = split(&typed, home.as_deref());
        if want != dir {
            return; // the name changed since
        }
        let entries = match entries {
            Ok(e) => e,
            Err(reason) => {
                self.status = Some(format!("{}: {reason}", crate::text::path(&dir)));
                return;
            }
        };
        let mut matching: Vec<&(String, bool)> = entries
            .iter()
            .filter(|(name, _)| {
                name.starts_with(&start) && (start.starts_with('.') || !name.starts_with('.'))
            })
            .collect();
        matching.sort();
        let head = &typed[..typed.len() - start.len()];
        let (text, status) = match matching.as_slice() {
            [] => (
                None,
                Some(t(lang, "一致する名前はありません", "No name starts so").to_string()),
            ),
            [(name, is_dir)] => {
                let slash = if *is_dir { "/" } else { "" };
                (Some(format!("{head}{name}{slash}")), None)
            }
            several => {
                let names: Vec<&str> = several.iter().map(|(n, _)| n.as_str()).collect();
                let shown: Vec<String> = several
                    .iter()
                    .take(8)
                    .map(|(n, d)| format!("{}{}", crate::text::line(n), if *d { "/" } else { "" }))
                    .collect();
                let more = several.len().saturating_sub(8);
                let mut list = shown.join("  ");
                if more > 0 {
                    list += &match lang {
                        Lang::Ja => format!(" ほか{more}件"),
                        Lang::En => format!(" and {more} more"),
                    };
                }
                let status = match lang {
                    Lang::Ja => format!("候補: {list}"),
                    Lang::En => format!("Candidates: {list}"),
                };
                (
                    Some(format!("{head}{}", common_start(&names))),
                    Some(status),
                )
            }
        };
        if let (Some(text), Some(field)) = (text, self.path_field()) {
            *field = Field::new(&text);
        }
        if status.is_some() {
            self.status = status;
        }
    }

    /// The folder for a file does not exist: asks before making it.
    pub(super) fn no_folder(&mut self, outcome: Outcome) {
        let Outcome::NoFolder { path, data, dir } = outcome else {
            return;
        };
        let what = match self.top.take_prompt().map(|p| p.ask) {
            Some(Ask::SaveAs { what, .. } | Ask::Overwrite { what, .. }) => what,
            _ => None,
        };
        self.ask(
            Ask::MakeDir {
                path,
                data,
                what,
                dir,
            },
            "",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_names_the_home_folder() {
        let home = Path::new("/home/k");
        assert_eq!(expand("~/out/a.docx", Some(home)), home.join("out/a.docx"));
        assert_eq!(expand("~", Some(home)), home);
        assert_eq!(expand("~x/a", Some(home)), PathBuf::from("~x/a"));
        assert_eq!(expand("a.docx", Some(home)), PathBuf::from("a.docx"));
        assert_eq!(
            split("~/Doc", Some(home)),
            (PathBuf::from("/home/k/"), "Doc".into())
        );
        assert_eq!(split("out/", None), (PathBuf::from("out/"), String::new()));
        assert_eq!(split("tr", None), (PathBuf::new(), "tr".into()));
    }

    #[test]
    fn completion_goes_as_far_as_the_names_agree() {
        assert_eq!(common_start(&["training.docx", "training.md"]), "training.");
        assert_eq!(common_start(&["研修a", "研修b"]), "研修");
        assert_eq!(common_start(&["a"]), "a");
    }
}
