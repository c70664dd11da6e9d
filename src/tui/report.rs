//! `R`: the report of a team's own incident, drafted as `casebook report`
//! drafts it (the same triage on the browser's day, the same document): the
//! user chooses where to (a rule of the report rules: the PPC, the P-mark
//! body) and which stage, then copies it or saves it (.txt, .md or .docx).
//!
//! [`ReportChoice`] holds the choices and turns keys into a [`Choice`]; the
//! App applies it.

use time::Date;

use super::action::{Action, Effect, What};
use super::app::App;
use super::copy::{Ask, Payload};
use crate::document::{self, Document, plain};
use crate::export::Style;
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

impl App {
    /// `R`: asks where to and which stage, for the selected team case.
    pub(super) fn open_report(&mut self) {
        let lang = self.env.lang;
        let Some(case) = self.panes.case else {
            self.status = Some(t(lang, "事例が選ばれていません", "No case selected").into());
            return;
        };
        if self.book.is_bundled(case) {
            self.status = Some(
                t(
                    lang,
                    "同梱の公開事例は他組織の事故です。報告はチームの事例で下書きします",
                    "A bundled case is another organization's; draft reports for your team's cases",
                )
                .into(),
            );
            return;
        }
        let entry = self.book.fetch(case);
        let triage =
            crate::triage::triage(&entry.case, &self.book.catalogs.rules, Some(self.today()));
        let options: Vec<RuleOption> = triage
            .outcomes
            .iter()
            .filter(|o| o.rule.is_some_and(|r| r.applies) && !o.stages.is_empty())
            .map(|o| RuleOption {
                id: o.id.clone(),
                required: o.required,
                next: o
                    .next_stage()
                    .and_then(|n| o.stages.iter().position(|s| s.stage.id == n.stage.id))
                    .unwrap_or(0),
                stages: o
                    .stages
                    .iter()
                    .map(|s| StageOption {
                        id: s.stage.id.clone(),
                        title: s.stage.title.clone(),
                        due: s.due,
                        done: s.done,
                    })
                    .collect(),
            })
            .collect();
        drop(triage);
        drop(entry);
        if options.is_empty() {
            self.status = Some(
                t(
                    lang,
                    "報告規則の表に、この事例に使える報告がありません（casebook validate で確かめてください）",
                    "The report rules hold no report for this case (run casebook validate)",
                )
                .into(),
            );
            return;
        }
        let choice = ReportChoice {
            case,
            id: self.book.entries()[case].case.id.clone(),
            rules: options,
            step: Step::Rule,
        };
        self.ask(Ask::Report(choice), "");
    }

    /// A key while `R` asks; the prompt is `self.prompt`'s.
    pub(super) fn report_choice(
        &mut self,
        mut choice: ReportChoice,
        action: Action,
    ) -> Vec<Effect> {
        match choice.update(&action) {
            Choice::Stay => {
                self.ask(Ask::Report(choice), "");
                Vec::new()
            }
            Choice::Cancel => {
                self.cancel_prompt();
                Vec::new()
            }
            Choice::Copy(draft) => {
                self.close_prompt();
                match self.draft_report(&draft) {
                    Ok(doc) => {
                        let text = match self.style() {
                            Style::Plain => plain::render(&doc, None),
                            Style::Markdown => document::markdown::render(&doc, 0),
                        };
                        vec![Effect::Copy {
                            text,
                            what: What::Report,
                        }]
                    }
                    Err(message) => {
                        self.status = Some(message);
                        Vec::new()
                    }
                }
            }
            Choice::Save(draft) => {
                let name = draft.file_name(&draft.id);
                let payload = Payload::Report(draft);
                self.ask(
                    Ask::SaveAs {
                        payload,
                        what: Some(What::Report),
                    },
                    &name,
                );
                Vec::new()
            }
        }
    }

    /// The draft as `casebook report ID --to TO --stage STAGE --today DAY`
    /// builds it, or why not.
    pub(super) fn draft_report(&self, draft: &Draft) -> Result<Document, String> {
        let lang = self.env.lang;
        if !self.is_case(draft.case, &draft.id) {
            return Err(changed(lang));
        }
        let entry = self.book.fetch(draft.case);
        let case = &entry.case;
        let triage = crate::triage::triage(case, &self.book.catalogs.rules, Some(self.today()));
        let gone = || {
            t(
                lang,
                "報告規則が変わりました。もう一度 R を押してください",
                "The report rules changed; press R again",
            )
            .to_string()
        };
        let outcome = triage.outcome(&draft.to).ok_or_else(gone)?;
        let rule = outcome
            .rule
            .filter(|r| r.applies)
            .ok_or_else(|| outcome.reason.get(lang).to_string())?;
        let stage = outcome.stage(&draft.stage).ok_or_else(gone)?;
        Ok(document::report::draft(
            case,
            &self.book.catalogs,
            &triage,
            outcome,
            rule,
            stage,
            lang,
        ))
    }

    /// The draft's bytes in the format the file name asks for (.txt, .md,
    /// .docx), or why not.
    pub(super) fn render_report(
        &self,
        draft: &Draft,
        path: &std::path::Path,
    ) -> Result<Vec<u8>, String> {
        use crate::export::file::Format;
        let lang = self.env.lang;
        let format = Format::from_path(path).ok();
        let doc = self.draft_report(draft)?;
        match format {
            Some(Format::Txt) => Ok(plain::render(&doc, None).into_bytes()),
            Some(Format::Md) => Ok(document::markdown::render(&doc, 0).into_bytes()),
            Some(Format::Docx) => document::docx::render(&doc).map_err(|e| e.get(lang).to_string()),
            _ => Err(t(
                lang,
                "報告の下書きは .txt、.md、.docx のどれかで保存します",
                "A report draft is saved as .txt, .md or .docx",
            )
            .into()),
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

impl App {
    /// Whether case `case` is still the one with id `id`.
    pub(super) fn is_case(&self, case: usize, id: &str) -> bool {
        self.book
            .entries()
            .get(case)
            .is_some_and(|e| e.case.id == id)
    }
}
