//! `R`: the report of a team's own incident, drafted as `casebook report`
//! drafts it (the same triage on the browser's day, the same document): the
//! user chooses where to (a rule of the report rules: the PPC, the P-mark
//! body) and which stage, then copies it or saves it (.txt, .md or .docx).
//!
//! [`ReportChoice`] holds the choices and turns keys into a [`Choice`]; the
//! App applies it.

use time::Date;

use super::action::Action;
use crate::lang::{Label, Lang, t};
use crate::model::Fact;

/// A report to draft: the case, the rule and the stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub case: usize,
    /// The case's id when asked (the casebook may be read again meanwhile).
    pub id: String,
    pub to: String,
    pub stage: String,
}

impl Draft {
    /// `report-our-invoice-2026-ppc-final.docx`.
    pub fn file_name(&self, id: &str) -> String {
        format!("report-{id}-{}-{}.docx", self.to, self.stage)
    }
}

/// A rule one can report under, as the triage left it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleOption {
    pub id: String,
    pub required: Fact,
    pub stages: Vec<StageOption>,
    /// The stage drafted when Enter is pressed (see `Outcome::next_stage`).
    pub next: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageOption {
    pub id: String,
    pub title: Label,
    pub due: Option<Date>,
    pub done: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Rule,
    Stage { rule: usize },
    Deliver { rule: usize, stage: usize },
}

/// The choices of `R`, one step after another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportChoice {
    pub case: usize,
    pub id: String,
    pub rules: Vec<RuleOption>,
    pub step: Step,
}

/// What a key did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Stay,
    Cancel,
    Copy(Draft),
    Save(Draft),
}

impl ReportChoice {
    pub fn update(&mut self, action: &Action) -> Choice {
        let digit = |action: &Action, n: usize| match action {
            Action::Input(c) => c
                .to_digit(10)
                .map(|d| d as usize)
                .filter(|&d| (1..=n).contains(&d))
                .map(|d| d - 1),
            _ => None,
        };
        match (self.step, action) {
            (_, Action::Back) => return Choice::Cancel,
            (Step::Rule, Action::Enter) => self.step = Step::Stage { rule: 0 },
            (Step::Rule, action) => {
                if let Some(rule) = digit(action, self.rules.len()) {
                    self.step = Step::Stage { rule };
                }
            }
            (Step::Stage { rule }, Action::Enter) => {
                let stage = self.rules[rule].next;
                self.step = Step::Deliver { rule, stage };
            }
            (Step::Stage { rule }, action) => {
                if let Some(stage) = digit(action, self.rules[rule].stages.len()) {
                    self.step = Step::Deliver { rule, stage };
                }
            }
            (Step::Deliver { rule, stage }, action) => {
                let draft = Draft {
                    case: self.case,
                    id: self.id.clone(),
                    to: self.rules[rule].id.clone(),
                    stage: self.rules[rule].stages[stage].id.clone(),
                };
                match action {
                    Action::Enter | Action::Input('c' | 'C') => return Choice::Copy(draft),
                    Action::Input('s' | 'S') => return Choice::Save(draft),
                    _ => {}
                }
            }
        }
        Choice::Stay
    }

    /// The prompt's title.
    pub fn title(&self, lang: Lang) -> String {
        match self.step {
            Step::Rule => t(lang, "報告の下書き: 報告先", "Draft the report: to whom"),
            Step::Stage { .. } => t(
                lang,
                "報告の下書き: 段階（Enter で * の段階）",
                "Draft the report: which stage (Enter: the one marked *)",
            ),
            Step::Deliver { .. } => t(lang, "報告の下書き", "Draft the report"),
        }
        .into()
    }

    /// The prompt's line: the choices of the step.
    pub fn line(&self, lang: Lang) -> String {
        let sep = " / ";
        let cancel = t(lang, "Esc 取消", "Esc cancel");
        match self.step {
            Step::Rule => {
                let mut parts: Vec<String> = self
                    .rules
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let verdict = match r.required {
                            Fact::True => t(lang, "要", "required"),
                            Fact::False => t(lang, "不要", "not required"),
                            Fact::Unknown => t(lang, "要否未確定", "not known"),
                        };
                        match lang {
                            Lang::Ja => format!("{} {}（{verdict}）", i + 1, r.id),
                            Lang::En => format!("{} {} ({verdict})", i + 1, r.id),
                        }
                    })
                    .collect();
                parts.push(cancel.into());
                parts.join(sep)
            }
            Step::Stage { rule } => {
                let r = &self.rules[rule];
                let mut parts: Vec<String> = r
                    .stages
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        // The day filed is in the detail; the line must fit 80 columns.
                        let state = match (s.done, s.due) {
                            (true, _) => t(lang, "提出済み", "filed").to_string(),
                            (false, Some(d)) => {
                                format!("{} {}", t(lang, "期限", "due"), crate::date::partial(d))
                            }
                            (false, None) => t(lang, "未提出", "not filed").to_string(),
                        };
                        let enter = if i == r.next { "*" } else { "" };
                        match lang {
                            Lang::Ja => format!("{} {}（{state}）{enter}", i + 1, s.title.ja),
                            Lang::En => format!("{} {} ({state}){enter}", i + 1, s.title.en),
                        }
                    })
                    .collect();
                parts.push(cancel.into());
                parts.join(sep)
            }
            Step::Deliver { rule, stage } => {
                let r = &self.rules[rule];
                let s = &r.stages[stage].title;
                match lang {
                    Lang::Ja => format!(
                        "{} {}: c コピー / s 保存（.txt .md .docx）/ Esc 取消",
                        r.id, s.ja
                    ),
                    Lang::En => format!(
                        "{} {}: c copy / s save (.txt .md .docx) / Esc cancel",
                        r.id, s.en
                    ),
                }
            }
        }
    }
}

/// The case at `case` was replaced by a reload while a choice was open.
pub(super) fn changed(lang: Lang) -> String {
    t(
        lang,
        "事例集を読み直したため、選んだ事例が変わりました。もう一度選んでください",
        "The casebook was read again and the case moved; choose it again",
    )
    .into()
}
