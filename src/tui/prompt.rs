//! Keys in the prompt: typing a file name, answering y/n to replacing a file
//! or making its folder, a training pack's title, and the choices of `y`/`Y`
//! with marks and of `c`.

use super::action::{Action, Effect, What};
use super::app::{App, Top};
use super::copy::{Ask, Payload, Prompt};
use crate::export::file::Content;
use crate::export::{self, Style};
use crate::lang::t;

impl App {
    pub(super) fn prompt_update(&mut self, action: Action) -> Vec<Effect> {
        match self.top.take_prompt() {
            Some(Prompt {
                ask: Ask::Report(choice),
                ..
            }) => return self.report_choice(choice, action),
            Some(Prompt {
                ask: Ask::Progress(choice),
                ..
            }) => return self.progress_choice(choice, action),
            Some(prompt) => self.top = Top::Prompt(prompt),
            None => {
                self.top = Top::Browse;
                return Vec::new();
            }
        }
        let Top::Prompt(prompt) = &mut self.top else {
            return Vec::new();
        };
        if let Ask::Overwrite { path, data, what }
        | Ask::MakeDir {
            path, data, what, ..
        } = &prompt.ask
        {
            // Only an explicit y replaces the file (or makes the folder);
            // Enter means no (a second Enter after naming the file must not
            // destroy it).
            let overwrite = matches!(prompt.ask, Ask::Overwrite { .. });
            return match action {
                Action::Input('y' | 'Y') => {
                    vec![Effect::Write {
                        path: path.clone(),
                        data: data.clone(),
                        overwrite,
                        make_dirs: !overwrite,
                    }]
                }
                Action::Input('n' | 'N') | Action::Back | Action::Enter => {
                    // Back to choosing another name (the bytes are kept as they are).
                    let (what, name) = (*what, crate::text::path(path));
                    let payload = Payload::Bytes(data.clone());
                    self.ask(Ask::SaveAs { payload, what }, &name);
                    Vec::new()
                }
                _ => Vec::new(),
            };
        }
        match &prompt.ask {
            Ask::ExportWhich => {
                match action {
                    Action::Input('p' | 'P') | Action::Enter => self.export_pack(),
                    Action::Input('r' | 'R') => self.export_register(),
                    Action::Back => self.cancel_prompt(),
                    _ => {}
                }
                return Vec::new();
            }
            Ask::ClearMarks => {
                match action {
                    Action::Input('y' | 'Y') => {
                        self.close_prompt();
                        self.marks_cleared();
                    }
                    Action::Input('n' | 'N') | Action::Enter | Action::Back => self.cancel_prompt(),
                    _ => {}
                }
                return Vec::new();
            }
            Ask::CopyMarked { brief } => {
                let brief = *brief;
                return match action {
                    Action::Input('y' | 'Y') => {
                        self.close_prompt();
                        self.copy_cases(self.marks.iter().copied().collect(), brief)
                    }
                    Action::Input('n' | 'N') | Action::Enter => {
                        self.close_prompt();
                        self.copy_cases(self.panes.case.into_iter().collect(), brief)
                    }
                    Action::Back => {
                        self.cancel_prompt();
                        Vec::new()
                    }
                    _ => Vec::new(),
                };
            }
            Ask::Precedents { scheme, id } => {
                let content = Content::Precedents {
                    scheme: scheme.clone(),
                    id: id.clone(),
                };
                return match action {
                    Action::Input('c' | 'C') | Action::Enter => {
                        self.close_prompt();
                        let text = export::file::document(&self.book, &content, self.env.lang).map(
                            |doc| match self.style() {
                                Style::Plain => crate::document::plain::render(&doc, None),
                                Style::Markdown => crate::document::markdown::render(&doc, 1),
                            },
                        );
                        text.map(|text| {
                            vec![Effect::Copy {
                                text,
                                what: What::Precedents,
                            }]
                        })
                        .unwrap_or_default()
                    }
                    Action::Input('s' | 'S') => {
                        let name = format!(
                            "precedents-{}-{}.xlsx",
                            export::file::name_part(scheme),
                            export::file::name_part(id)
                        );
                        let payload = Payload::Export(content);
                        self.ask(
                            Ask::SaveAs {
                                payload,
                                what: None,
                            },
                            &name,
                        );
                        Vec::new()
                    }
                    Action::Back => {
                        self.cancel_prompt();
                        Vec::new()
                    }
                    _ => Vec::new(),
                };
            }
            Ask::Title { cases } => {
                match action {
                    Action::Enter => {
                        let (cases, title) = (cases.clone(), prompt.field.text.clone());
                        self.titled(cases, title);
                    }
                    Action::Back => self.cancel_prompt(),
                    action => {
                        prompt.field.edit(&action);
                    }
                }
                return Vec::new();
            }
            _ => {}
        }
        match action {
            action if prompt.field.edit(&action) => {}
            Action::Back => self.cancel_prompt(),
            Action::Complete => return self.complete_path(),
            Action::Enter => {
                let name = prompt.field.text.trim();
                if name.is_empty() {
                    return Vec::new();
                }
                let path = super::paths::expand(name, self.env.options.home.as_deref());
                let Ask::SaveAs { payload, .. } = &prompt.ask else {
                    return Vec::new();
                };
                let data = match payload.clone() {
                    Payload::Text(text) => text.into_bytes(),
                    Payload::Bytes(data) => data,
                    Payload::Export(content) => match self.render_export(&content, &path) {
                        Ok(data) => data,
                        Err(message) => {
                            self.status = Some(message);
                            return Vec::new();
                        }
                    },
                    Payload::Report(draft) => match self.render_report(&draft, &path) {
                        Ok(data) => data,
                        Err(message) => {
                            self.status = Some(message);
                            return Vec::new();
                        }
                    },
                };
                return vec![Effect::Write {
                    path,
                    data,
                    overwrite: false,
                    make_dirs: false,
                }];
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn close_prompt(&mut self) {
        self.top = Top::Browse;
    }

    pub(super) fn cancel_prompt(&mut self) {
        self.close_prompt();
        self.status = Some(t(self.env.lang, "取り消しました", "Cancelled").into());
    }
}
