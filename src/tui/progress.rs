//! `P`: a measure's status recorded in its case file — which measure, then
//! which status — through [`crate::authoring::status`], which changes only
//! those values (every comment and the layout kept) and writes the file
//! atomically. A team case only: a bundled case is refused before anything
//! is asked. The browser reads the file again afterwards, as after an edit.
//!
//! [`ProgressChoice`] holds the choices and turns keys into a [`Chosen`];
//! the App applies it.

use std::path::PathBuf;

use super::action::{Action, Effect};
use super::app::App;
use super::copy::Ask;
use crate::authoring::status::{self, Change};
use crate::diag::Message;
use crate::lang::{Lang, t};
use crate::model::Progress;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Which measure (its number, typed).
    Measure,
    /// Which status for measure `measure` (from 0).
    Status { measure: usize },
}

/// The choices of `P`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressChoice {
    pub case: usize,
    /// The case's id when asked (the casebook may be read again meanwhile).
    pub id: String,
    /// Each measure's text and status.
    pub measures: Vec<(String, Option<Progress>)>,
    pub step: Step,
    /// The digits typed so far (a case with ten measures or more).
    pub typed: String,
}

/// What a key did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chosen {
    Stay,
    Cancel,
    Set { measure: usize, status: Progress },
}

/// The keys of the four statuses, in order.
const KEYS: [(char, Progress); 4] = [
    ('p', Progress::Planned),
    ('i', Progress::InProgress),
    ('d', Progress::Done),
    ('v', Progress::Verified),
];

impl ProgressChoice {
    pub fn new(
        case: usize,
        id: String,
        measures: Vec<(String, Option<Progress>)>,
    ) -> ProgressChoice {
        let step = if measures.len() == 1 {
            Step::Status { measure: 0 }
        } else {
            Step::Measure
        };
        ProgressChoice {
            case,
            id,
            measures,
            step,
            typed: String::new(),
        }
    }

    pub fn update(&mut self, action: &Action) -> Chosen {
        let n = self.measures.len();
        match (self.step, action) {
            (_, Action::Back) => return Chosen::Cancel,
            (Step::Measure, Action::Input(c)) if c.is_ascii_digit() => {
                let mut typed = self.typed.clone();
                typed.push(*c);
                match typed.parse::<usize>() {
                    Ok(m) if (1..=n).contains(&m) => {
                        // Chosen at once unless another digit could follow.
                        if m * 10 > n {
                            self.step = Step::Status { measure: m - 1 };
                        } else {
                            self.typed = typed;
                        }
                    }
                    _ => {}
                }
            }
            (Step::Measure, Action::Backspace) => {
                self.typed.pop();
            }
            (Step::Measure, Action::Enter) => {
                if let Ok(m) = self.typed.parse::<usize>()
                    && (1..=n).contains(&m)
                {
                    self.step = Step::Status { measure: m - 1 };
                }
            }
            (Step::Status { measure }, Action::Input(c)) => {
                let c = c.to_ascii_lowercase();
                if let Some(&(_, status)) = KEYS.iter().find(|(k, _)| *k == c) {
                    return Chosen::Set { measure, status };
                }
            }
            _ => {}
        }
        Chosen::Stay
    }

    /// The prompt's title: what is asked about (the measure, once chosen).
    pub fn title(&self, lang: Lang) -> String {
        let Step::Status { measure } = self.step else {
            return t(lang, "再発防止策の状況を記録", "Record a measure's status").into();
        };
        let (text, now) = &self.measures[measure];
        let now = crate::review::register::status_label(*now, lang);
        let text = crate::wrap::truncate(text, 24);
        let n = measure + 1;
        match lang {
            Lang::Ja => format!("再発防止策 {n}「{text}」の状況（今: {now}）"),
            Lang::En => format!("Status of measure {n} \u{201C}{text}\u{201D} (now: {now})"),
        }
    }

    /// The prompt's line: the choices of the step.
    pub fn line(&self, lang: Lang) -> String {
        match self.step {
            Step::Measure => {
                let n = self.measures.len();
                match lang {
                    Lang::Ja => format!("どの再発防止策？ 番号 1–{n}: {}  / Esc 取消", self.typed),
                    Lang::En => {
                        format!("Which measure? Number 1–{n}: {}  / Esc cancel", self.typed)
                    }
                }
            }
            Step::Status { .. } => {
                let mut keys: Vec<String> = KEYS
                    .iter()
                    .map(|(k, s)| format!("{k} {}", s.label(lang)))
                    .collect();
                keys.push(t(lang, "Esc 取消", "Esc cancel").into());
                keys.join(" / ")
            }
        }
    }
}

impl App {
    /// `P`: asks which measure of the selected team case, then its status.
    pub(super) fn open_progress(&mut self) {
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
    pub(super) fn progress_choice(
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
                    self.status = Some(super::report::changed(self.env.lang));
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
    pub(super) fn status_set(&mut self, result: Result<PathBuf, Message>) -> Vec<Effect> {
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
