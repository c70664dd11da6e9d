//! `App`'s side of [`crate::tui::progress`]: its keys and what they change in what is shared.

use crate::authoring::status::{self, Change};
use crate::diag::Message;
use crate::lang::{Lang, t};
use crate::model::Progress;
use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::copy::Ask;
use crate::tui::progress::*;
use std::path::PathBuf;

impl App {
    /// `P`: asks which measure of the selected team case, then its status.
    pub(in crate::tui) fn open_progress(&mut self) {
        let lang = self.env.lang;
        let Some(case) = self.panes.case else {
            self.status = Some(t(lang, "事例が選ばれていません", "No case selected").into());
            return;
        };
        if self.book.is_bundled(case) {
            self.status = Some(status::bundled_refused().get(lang).to_string());
            return;
        }
        let measures: Vec<(String, Option<Progress>)> = self.book.entries()[case]
            .case
            .measures
            .iter()
            .map(|m| (m.text.clone(), m.status))
            .collect();
        if measures.is_empty() {
            self.status = Some(
                t(
                    lang,
                    "この事例には再発防止策がありません",
                    "This case has no measures",
                )
                .into(),
            );
            return;
        }
        let id = self.book.entries()[case].case.id.clone();
        self.ask(Ask::Progress(ProgressChoice::new(case, id, measures)), "");
    }

    /// A key while `P` asks.
    pub(in crate::tui) fn progress_choice(
        &mut self,
        mut choice: ProgressChoice,
        action: Action,
    ) -> Vec<Effect> {
        match choice.update(&action) {
            Chosen::Stay => {
                self.ask(Ask::Progress(choice), "");
                Vec::new()
            }
            Chosen::Cancel => {
                self.cancel_prompt();
                Vec::new()
            }
            Chosen::Set { measure, status } => {
                self.close_prompt();
                let Some(m) = self
                    .is_case(choice.case, &choice.id)
                    .then(|| self.book.entries()[choice.case].case.measures.get(measure))
                    .flatten()
                else {
                    self.status = Some(crate::tui::report::changed(self.env.lang));
                    return Vec::new();
                };
                let today = Some(crate::date::partial(self.today()));
                // The day it was done (or checked) is today's, unless written.
                let change = Change {
                    status,
                    done: today.filter(|_| status == Progress::Done && m.done.is_none()),
                    verified: today
                        .filter(|_| status == Progress::Verified && m.verified.is_none()),
                };
                vec![Effect::SetStatus {
                    case: choice.case,
                    measure,
                    change,
                }]
            }
        }
    }

    /// How writing the status went: the file is read again, as after an edit.
    pub(in crate::tui) fn status_set(&mut self, result: Result<PathBuf, Message>) -> Vec<Effect> {
        match result {
            Ok(path) => {
                let shown = crate::text::path(&path);
                self.status = Some(match self.env.lang {
                    Lang::Ja => format!("{shown} に状況を記録しました"),
                    Lang::En => format!("status recorded in {shown}"),
                });
                vec![Effect::Reload {
                    paths: vec![path],
                    everything: false,
                }]
            }
            Err(message) => {
                self.status = Some(message.get(self.env.lang).to_string());
                Vec::new()
            }
        }
    }
}
