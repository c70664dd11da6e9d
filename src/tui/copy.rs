//! Copying, marking and exporting from the browser, and the file-name prompt.

use std::path::PathBuf;

use super::action::{Action, Effect, Outcome, What};
use super::app::{App, Mode, Pane};
use super::detail::t;
use super::field::Field;
use crate::export::{self, Style};
use crate::lang::Lang;

/// What the prompt is asking for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    /// A file name to write `text` to (`what` is None for the training pack).
    SaveAs { text: String, what: Option<What> },
    /// Whether to replace an existing file (y/n).
    Overwrite {
        path: PathBuf,
        text: String,
        what: Option<What>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub ask: Ask,
    pub field: Field,
}

fn what_label(what: What, lang: Lang) -> &'static str {
    match what {
        What::Summary => t(lang, "要約", "summary"),
        What::Citation => t(lang, "出典表記", "citation"),
        What::Precedents => t(lang, "先例一覧", "precedent list"),
    }
}

impl App {
    fn style(&self) -> Style {
        if self.options.copy_markdown {
            Style::Markdown
        } else {
            Style::Plain
        }
    }

    pub(super) fn copy_summary(&mut self) -> Vec<Effect> {
        let Some(i) = self.case else {
            self.status = Some(t(self.lang, "事例が選ばれていません", "No case selected").into());
            return Vec::new();
        };
        let case = &self.book.entries()[i].case;
        let text = match self.style() {
            Style::Plain => export::summary::plain(case, &self.book.catalogs, self.lang, None),
            Style::Markdown => {
                export::summary::markdown(case, &self.book.catalogs, self.lang, 2, None)
            }
        };
        vec![Effect::Copy {
            text,
            what: What::Summary,
        }]
    }

    /// `c`: on a node of the tree, that node's precedent list; otherwise the case's citation.
    pub(super) fn copy_citation(&mut self) -> Vec<Effect> {
        if self.focus == Pane::Tree
            && let Some(node) = self.node()
        {
            let text = export::precedents::precedents(
                &self.book,
                self.scheme_name(),
                node,
                self.lang,
                self.style(),
            );
            return text
                .map(|text| {
                    vec![Effect::Copy {
                        text,
                        what: What::Precedents,
                    }]
                })
                .unwrap_or_default();
        }
        let Some(i) = self.case else {
            self.status = Some(t(self.lang, "事例が選ばれていません", "No case selected").into());
            return Vec::new();
        };
        let text = export::cite::citation(&self.book.entries()[i].case, self.style()) + "\n";
        vec![Effect::Copy {
            text,
            what: What::Citation,
        }]
    }

    pub(super) fn toggle_mark(&mut self) {
        let Some(i) = self.case else { return };
        if !self.marks.remove(&i) {
            self.marks.insert(i);
        }
        let n = self.marks.len();
        self.status = Some(match self.lang {
            Lang::Ja => format!("印を付けた事例: {n}件（e で研修資料に書き出し）"),
            Lang::En => format!("{n} cases marked (e exports a training pack)"),
        });
    }

    pub(super) fn clear_marks(&mut self) {
        self.marks.clear();
        self.status = Some(t(self.lang, "印をすべて外しました", "All marks cleared").into());
    }

    /// `e`: asks where to write the training pack of the marked cases.
    pub(super) fn export(&mut self) {
        if self.marks.is_empty() {
            self.status = Some(
                t(
                    self.lang,
                    "印を付けた事例がありません（m で印を付けます）",
                    "No marked cases (m marks one)",
                )
                .into(),
            );
            return;
        }
        let cases: Vec<usize> = self.marks.iter().copied().collect();
        let text = export::pack::pack(&self.book, &cases, self.lang);
        self.ask(Ask::SaveAs { text, what: None }, "training.md");
    }

    fn ask(&mut self, ask: Ask, default: &str) {
        self.prompt = Some(Prompt {
            ask,
            field: Field::new(default),
        });
        self.mode = Mode::Prompt;
    }

    /// The outcome of copying or writing, reported by the event loop.
    pub(super) fn done(&mut self, outcome: Outcome) {
        let lang = self.lang;
        match outcome {
            Outcome::Copied { what, via } => {
                self.status = Some(match lang {
                    Lang::Ja => format!(
                        "{}をコピーしました（{}）",
                        what_label(what, lang),
                        via.join(", ")
                    ),
                    Lang::En => format!("{} copied ({})", what_label(what, lang), via.join(", ")),
                });
            }
            Outcome::CopyFailed { what, text } => {
                let name = match (what, self.options.copy_markdown) {
                    (What::Summary, false) => "summary.txt",
                    (What::Summary, true) => "summary.md",
                    (What::Citation, _) => "citation.txt",
                    (What::Precedents, false) => "precedents.txt",
                    (What::Precedents, true) => "precedents.md",
                };
                self.ask(
                    Ask::SaveAs {
                        text,
                        what: Some(what),
                    },
                    name,
                );
            }
            Outcome::Written { path } => {
                self.mode = Mode::Browse;
                self.prompt = None;
                self.status = Some(match lang {
                    Lang::Ja => format!("{} に書き出しました", path.display()),
                    Lang::En => format!("written to {}", path.display()),
                });
            }
            Outcome::Exists { path, text } => {
                let what = match self.prompt.take().map(|p| p.ask) {
                    Some(Ask::SaveAs { what, .. } | Ask::Overwrite { what, .. }) => what,
                    None => None,
                };
                let shown = path.display().to_string();
                self.ask(Ask::Overwrite { path, text, what }, "");
                self.status = Some(match lang {
                    Lang::Ja => format!("{shown} は既にあります"),
                    Lang::En => format!("{shown} already exists"),
                });
            }
            Outcome::Opened { .. } | Outcome::UrlCopied { .. } => self.url_done(outcome),
            Outcome::WriteFailed { path, reason } => {
                self.status = Some(match lang {
                    Lang::Ja => format!("{} に書き出せませんでした: {reason}", path.display()),
                    Lang::En => format!("could not write {}: {reason}", path.display()),
                });
            }
        }
    }

    pub(super) fn prompt_update(&mut self, action: Action) -> Vec<Effect> {
        let Some(prompt) = self.prompt.as_mut() else {
            self.mode = Mode::Browse;
            return Vec::new();
        };
        if let Ask::Overwrite { path, text, what } = &prompt.ask {
            return match action {
                Action::Input('y' | 'Y') | Action::Enter => {
                    vec![Effect::Write {
                        path: path.clone(),
                        text: text.clone(),
                        overwrite: true,
                    }]
                }
                Action::Input('n' | 'N') | Action::Back => {
                    // Back to choosing another name.
                    let (text, what, name) = (text.clone(), *what, path.display().to_string());
                    self.ask(Ask::SaveAs { text, what }, &name);
                    Vec::new()
                }
                _ => Vec::new(),
            };
        }
        match action {
            Action::Input(c) => prompt.field.insert(&c.to_string()),
            Action::Paste(s) => prompt.field.insert(&s),
            Action::Backspace => prompt.field.backspace(),
            Action::DeleteWord => prompt.field.delete_word(),
            Action::CursorLeft => prompt.field.left(),
            Action::CursorRight => prompt.field.right(),
            Action::CursorHome => prompt.field.home(),
            Action::CursorEnd => prompt.field.end(),
            Action::Back => {
                self.prompt = None;
                self.mode = Mode::Browse;
                self.status = Some(t(self.lang, "取り消しました", "Cancelled").into());
            }
            Action::Enter => {
                let name = prompt.field.text.trim();
                if name.is_empty() {
                    return Vec::new();
                }
                let Ask::SaveAs { text, .. } = &prompt.ask else {
                    return Vec::new();
                };
                return vec![Effect::Write {
                    path: PathBuf::from(name),
                    text: text.clone(),
                    overwrite: false,
                }];
            }
            _ => {}
        }
        Vec::new()
    }
}
