//! `App`'s side of [`crate::tui::report`]: its keys and what they change in what is shared.

use crate::document::{self, Document, plain};
use crate::export::Style;
use crate::lang::t;
use crate::tui::action::{Action, Effect, What};
use crate::tui::app::App;
use crate::tui::copy::{Ask, Payload};
use crate::tui::report::*;

impl App {
    /// `R`: asks where to and which stage, for the selected team case.
    pub(in crate::tui) fn open_report(&mut self) {
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
    pub(in crate::tui) fn report_choice(
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
    pub(in crate::tui) fn draft_report(&self, draft: &Draft) -> Result<Document, String> {
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
    pub(in crate::tui) fn render_report(
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

impl App {
    /// Whether case `case` is still the one with id `id`.
    pub(in crate::tui) fn is_case(&self, case: usize, id: &str) -> bool {
        self.book
            .entries()
            .get(case)
            .is_some_and(|e| e.case.id == id)
    }
}
