//! `P`: a measure's status recorded in its case file — which measure, then
//! which status — through [`crate::authoring::status`], which changes only
//! those values (every comment and the layout kept) and writes the file
//! atomically. A team case only: a bundled case is refused before anything
//! is asked. The browser reads the file again afterwards, as after an edit.
//!
//! [`ProgressChoice`] holds the choices and turns keys into a [`Chosen`];
//! the App applies it.

use super::action::Action;
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
