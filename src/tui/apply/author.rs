//! `App`'s side of [`crate::tui::author`]: its keys and what they change in what is shared.

use crate::catalog::is_slug;
use crate::lang::{Lang, t};
use crate::text;
use crate::tui::action::{Action, Authored, Effect, Start};
use crate::tui::app::{App, Top};
use crate::tui::author::*;
use crate::tui::field::Field;
use std::path::PathBuf;

impl App {
    fn ask_author(&mut self, step: Step) {
        self.top = Top::Author(step);
    }

    fn close_author(&mut self, status: Option<&'static str>) {
        self.top = Top::Browse;
        self.status = status.map(str::to_string);
    }

    /// Esc while a draft is made: it stops, and nothing is written.
    pub(in crate::tui) fn cancel_draft(&mut self) {
        if let Some(cancel) = self.jobs.drafting.take() {
            cancel.cancel();
            self.status =
                Some(t(self.env.lang, "下書きを中止しました", "Drafting cancelled").into());
        }
    }

    /// `n`: a new case in a team casebook.
    pub(in crate::tui) fn new_case(&mut self) {
        if self.jobs.drafting.is_some() {
            self.status = Some(
                t(
                    self.env.lang,
                    "公表文から下書きしています（Esc で中止）",
                    "Drafting from the notice (Esc cancels)",
                )
                .into(),
            );
            return;
        }
        let dirs = self.env.options.team_dirs.clone();
        match dirs.as_slice() {
            [] => {
                self.status = Some(
                    t(
                        self.env.lang,
                        "書き込めるチームの事例集がありません（--casebook DIR で開くか、ホームディレクトリを確かめてください）",
                        "No team casebook to write to (open one with --casebook DIR, or check your home directory)",
                    )
                    .into(),
                )
            }
            [dir] => self.ask_author(Step::Source { dir: dir.clone() }),
            _ => self.ask_author(Step::Target { dirs, copy: None }),
        }
    }

    /// `E`: the selected case's file in the editor; a bundled one is offered as a copy.
    pub(in crate::tui) fn edit_case(&mut self) -> Vec<Effect> {
        let Some(i) = self.panes.case else {
            self.status =
                Some(t(self.env.lang, "事例が選ばれていません", "No case selected").into());
            return Vec::new();
        };
        let entry = &self.book.entries()[i];
        if entry.bundled {
            self.ask_author(Step::Copy { index: i });
            return Vec::new();
        }
        self.edit(entry.path.clone())
    }

    /// `E` in `!`: the file of the problem at the top of the view.
    pub(in crate::tui) fn edit_problem(&mut self) -> Vec<Effect> {
        match self.problem_file() {
            Some(path) if !path.starts_with(crate::load::BUNDLED_PREFIX) => {
                self.top = Top::Browse;
                self.edit(path)
            }
            _ => {
                self.status = Some(
                    t(
                        self.env.lang,
                        "このファイルはここでは編集できません",
                        "This file cannot be edited from here",
                    )
                    .into(),
                );
                Vec::new()
            }
        }
    }

    fn edit(&mut self, path: String) -> Vec<Effect> {
        self.jobs.live.show = Some(path.clone());
        vec![Effect::Edit {
            path: PathBuf::from(path),
        }]
    }

    /// Keys while a question is asked.
    pub(in crate::tui) fn author_update(&mut self, action: Action) -> Vec<Effect> {
        let Top::Author(step) = std::mem::take(&mut self.top) else {
            return Vec::new();
        };
        if action == Action::Back {
            self.close_author(Some(t(self.env.lang, "取り消しました", "Cancelled")));
            return Vec::new();
        }
        match step {
            Step::Copy { index } => match action {
                Action::Input('y' | 'Y') | Action::Enter => {
                    let Some(start) = self.bundled_copy(index) else {
                        self.close_author(None);
                        return Vec::new();
                    };
                    let id = copy_id(&self.book.entries()[index].case.id);
                    let dirs = self.env.options.team_dirs.clone();
                    match dirs.as_slice() {
                        [] => self.new_case(),
                        [dir] => self.ask_id(dir.clone(), start, &id),
                        _ => self.ask_author(Step::Target {
                            dirs,
                            copy: Some((start, id)),
                        }),
                    }
                }
                Action::Input('n' | 'N') => {
                    self.close_author(Some(t(self.env.lang, "取り消しました", "Cancelled")))
                }
                _ => self.ask_author(Step::Copy { index }),
            },
            Step::Target { dirs, copy } => {
                let chosen = match action {
                    Action::Enter => dirs.first().cloned(),
                    Action::Input(c) => c
                        .to_digit(10)
                        .and_then(|n| dirs.get((n as usize).checked_sub(1)?))
                        .cloned(),
                    _ => None,
                };
                match (chosen, copy) {
                    (Some(dir), None) => self.ask_author(Step::Source { dir }),
                    (Some(dir), Some((start, id))) => self.ask_id(dir, start, &id),
                    (None, copy) => self.ask_author(Step::Target { dirs, copy }),
                }
            }
            Step::Source { dir } => match action {
                Action::Input('s' | 'S') | Action::Enter => self.ask_author(Step::Id {
                    dir,
                    start: Start::Scaffold,
                    field: Field::default(),
                }),
                Action::Input('c' | 'C') if self.clipboard_reader() => self.ask_author(Step::Id {
                    dir,
                    start: Start::Clipboard,
                    field: Field::default(),
                }),
                // No tool reads the clipboard here (over SSH, say): the
                // terminal's own paste, before the id is asked.
                Action::Input('c' | 'C' | 'p' | 'P') => self.ask_author(Step::Paste {
                    dir,
                    text: String::new(),
                }),
                Action::Input('f' | 'F') => self.ask_author(Step::Notice {
                    dir,
                    field: Field::default(),
                }),
                _ => self.ask_author(Step::Source { dir }),
            },
            Step::Notice { dir, mut field } => {
                if action == Action::Complete {
                    self.ask_author(Step::Notice { dir, field });
                    return self.complete_path();
                }
                if action == Action::Enter {
                    let file = field.text.trim();
                    if file.is_empty() {
                        self.ask_author(Step::Notice { dir, field });
                    } else {
                        let file =
                            crate::tui::paths::expand(file, self.env.options.home.as_deref());
                        let start = Start::Notice(file);
                        self.ask_author(Step::Id {
                            dir,
                            start,
                            field: Field::default(),
                        });
                    }
                } else {
                    field.edit(&action);
                    self.ask_author(Step::Notice { dir, field });
                }
            }
            Step::Paste { dir, mut text } => {
                match action {
                    Action::Enter if !text.trim().is_empty() => {
                        self.ask_author(Step::Id {
                            dir,
                            start: Start::Pasted(text),
                            field: Field::default(),
                        });
                        return Vec::new();
                    }
                    Action::Paste(pasted) => text.push_str(&notice_text(&pasted)),
                    // A terminal without bracketed paste types the text: a
                    // line break arrives as Enter only once there is text.
                    Action::Input(c) => text.push_str(&notice_text(&c.to_string())),
                    Action::Backspace => {
                        text.pop();
                    }
                    Action::ClearLine => text.clear(),
                    _ => {}
                }
                self.ask_author(Step::Paste { dir, text });
            }
            Step::Id {
                dir,
                start,
                mut field,
            } => {
                if action != Action::Enter {
                    field.edit(&action);
                    self.ask_author(Step::Id { dir, start, field });
                    return Vec::new();
                }
                let id = field.text.trim().to_string();
                if let Some(problem) = self.id_problem(&id) {
                    self.status = Some(problem);
                    self.ask_author(Step::Id { dir, start, field });
                    return Vec::new();
                }
                let cancel = crate::tui::action::Cancel::default();
                if matches!(
                    start,
                    Start::Clipboard | Start::Notice(_) | Start::Pasted(_)
                ) {
                    // Drafted off the UI thread: the screen keeps drawing,
                    // keys keep working, and Esc stops it.
                    self.jobs.drafting = Some(cancel.clone());
                    self.close_author(Some(t(
                        self.env.lang,
                        "公表文から下書きしています…（Esc で中止）",
                        "Drafting from the notice… (Esc cancels)",
                    )));
                } else {
                    self.close_author(Some(t(
                        self.env.lang,
                        "事例ファイルを書いています…",
                        "Writing the case file…",
                    )));
                }
                return vec![Effect::NewCase {
                    dir,
                    id,
                    start,
                    cancel,
                }];
            }
        }
        Vec::new()
    }

    /// Whether a tool can read the clipboard here.
    fn clipboard_reader(&self) -> bool {
        self.env
            .options
            .clipboard_reader
            .unwrap_or_else(|| crate::clipboard::paste_tool().is_some())
    }

    fn ask_id(&mut self, dir: PathBuf, start: Start, suggested: &str) {
        self.ask_author(Step::Id {
            dir,
            start,
            field: Field::new(suggested),
        });
    }

    /// Why `id` cannot name a new case, if it cannot.
    fn id_problem(&self, id: &str) -> Option<String> {
        if id.is_empty() {
            return Some(
                t(
                    self.env.lang,
                    "事例IDを入れてください（例 our-usb-loss-2024）",
                    "Type a case id (e.g. our-usb-loss-2024)",
                )
                .into(),
            );
        }
        if !is_slug(id) {
            return Some(match self.env.lang {
                Lang::Ja => format!(
                    "`{}` は事例IDに使えません。小文字の a-z、数字 0-9 と - だけで書きます",
                    text::line(id)
                ),
                Lang::En => format!(
                    "`{}` is not a case id: use only lowercase a-z, digits 0-9 and -",
                    text::line(id)
                ),
            });
        }
        self.book.get(id).map(|e| match self.env.lang {
            Lang::Ja => format!("{id} は既にあります（{}）", e.path),
            Lang::En => format!("{id} already exists ({})", e.path),
        })
    }

    /// A bundled case's file, to copy into a team casebook (its id is set
    /// when the new id is known).
    fn bundled_copy(&self, index: usize) -> Option<Start> {
        let entry = self.book.entries().get(index)?;
        let inner = entry.path.strip_prefix(crate::load::BUNDLED_PREFIX)?;
        crate::bundled::FILES
            .iter()
            .find(|(p, _)| *p == inner)
            .map(|(_, text)| Start::Copy(text.to_string()))
    }

    /// How writing or editing ended.
    pub(in crate::tui) fn authored(&mut self, authored: Authored) -> Vec<Effect> {
        if matches!(authored, Authored::Created { .. } | Authored::NotCreated(_)) {
            self.jobs.drafting = None;
        }
        match authored {
            // Esc said so already (and a later draft may be under way).
            Authored::Cancelled => Vec::new(),
            Authored::Created { path, dir } => {
                let mut effects = Vec::new();
                let setup = &mut self.env.options.setup;
                if !setup.watch.contains(&dir) {
                    setup.watch.push(dir.clone());
                    setup.inputs.push(crate::load::Input::Dir(dir.clone()));
                    effects.push(Effect::Watch { dir });
                }
                self.jobs.live.show = Some(text::path(&path));
                effects.push(Effect::Edit { path });
                effects
            }
            Authored::NotCreated(message) => {
                self.status = Some(message.get(self.env.lang).to_string());
                Vec::new()
            }
            Authored::Edited { path, failed } => {
                if let Some(message) = failed {
                    // The file is still read again (the editor may have saved
                    // before it failed), but the failure is what stays in the
                    // status bar, not "loaded".
                    self.jobs.live.show = None;
                    self.status = Some(message.get(self.env.lang).to_string());
                }
                vec![Effect::Reload {
                    paths: vec![path],
                    everything: false,
                }]
            }
        }
    }
}
