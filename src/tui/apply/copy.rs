//! `App`'s side of [`crate::tui::copy`]: its keys and what they change in what is shared.

use crate::export::file::Content;
use crate::export::{self, Style};
use crate::lang::Lang;
use crate::lang::t;
use crate::tui::action::{Effect, Outcome, What};
use crate::tui::app::{App, Pane, Top};
use crate::tui::copy::*;
use crate::tui::field::Field;

impl App {
    pub(in crate::tui) fn style(&self) -> Style {
        if self.env.options.copy_markdown {
            Style::Markdown
        } else {
            Style::Plain
        }
    }

    /// `y` (`brief`: `Y`): copies the case's summary (brief); with marked
    /// cases, first asks whether to copy them all.
    pub(in crate::tui) fn copy_summary(&mut self, brief: bool) -> Vec<Effect> {
        if !self.marks.is_empty() {
            self.ask(Ask::CopyMarked { brief }, "");
            return Vec::new();
        }
        self.copy_cases(self.panes.case.into_iter().collect(), brief)
    }

    /// Copies the summaries (or briefs) of `cases`, one after another, each
    /// ending with its citation.
    pub(in crate::tui) fn copy_cases(&mut self, cases: Vec<usize>, brief: bool) -> Vec<Effect> {
        if cases.is_empty() {
            self.status =
                Some(t(self.env.lang, "事例が選ばれていません", "No case selected").into());
            return Vec::new();
        }
        let (style, cats, lang) = (self.style(), &self.book.catalogs, self.env.lang);
        let texts: Vec<String> = cases
            .iter()
            .map(|&i| {
                let case = &self.book.entries()[i].case;
                match (brief, style) {
                    (true, style) => export::summary::brief(case, cats, lang, style),
                    (false, Style::Plain) => export::summary::plain(case, cats, lang, None),
                    (false, Style::Markdown) => export::summary::markdown(case, cats, lang),
                }
            })
            .collect();
        let what = match (cases.len(), brief) {
            (1, false) => What::Summary,
            (1, true) => What::Brief,
            (n, _) => What::Marked(n),
        };
        vec![Effect::Copy {
            text: texts.join("\n"),
            what,
        }]
    }

    /// `c`: on a node of the tree, offers its precedent list (copy as text, or
    /// save as .xlsx/.docx/.md/.csv); otherwise copies the case's citation.
    pub(in crate::tui) fn copy_citation(&mut self) -> Vec<Effect> {
        if self.panes.focus == Pane::Tree
            && let Some(node) = self.node()
        {
            let ask = Ask::Precedents {
                scheme: self.scheme_name().to_string(),
                id: node.to_string(),
            };
            self.ask(ask, "");
            return Vec::new();
        }
        let Some(i) = self.panes.case else {
            self.status =
                Some(t(self.env.lang, "事例が選ばれていません", "No case selected").into());
            return Vec::new();
        };
        let text =
            export::cite::citation(&self.book.entries()[i].case, self.style(), self.env.lang)
                + "\n";
        vec![Effect::Copy {
            text,
            what: What::Citation,
        }]
    }

    /// `m`: marks the case, or unmarks a marked one, and (as in fzf and
    /// lazygit) moves on to the next case unless the detail is being read.
    pub(in crate::tui) fn toggle_mark(&mut self) {
        let Some(i) = self.panes.case else { return };
        let marked = !self.marks.remove(&i);
        if marked {
            self.marks.insert(i);
        }
        let n = self.marks.len();
        let title = crate::wrap::truncate(&self.book.entries()[i].case.title, 24).into_owned();
        self.status = Some(match (self.env.lang, marked) {
            (Lang::Ja, true) => format!("印を付けました（印 {n}件、e で研修資料に書き出し）"),
            (Lang::En, true) => format!(
                "Marked ({} marked; e exports a training pack)",
                crate::plural::count(n, "case", "cases")
            ),
            (Lang::Ja, false) => format!("「{title}」の印を外しました（印 {n}件）"),
            (Lang::En, false) => format!(
                "Unmarked \u{201C}{title}\u{201D} ({} marked)",
                crate::plural::count(n, "case", "cases")
            ),
        });
        if self.panes.focus != Pane::Detail {
            let cases = self.cases();
            if let Some(at) = cases.iter().position(|&c| c == i)
                && let Some(&next) = cases.get(at + 1)
            {
                self.select_case(Some(next));
            }
        }
    }

    /// `M`: clears the marks, asking first when more than one would go.
    pub(in crate::tui) fn clear_marks(&mut self) {
        if self.marks.len() > 1 {
            self.ask(Ask::ClearMarks, "");
            return;
        }
        self.marks_cleared();
    }

    pub(in crate::tui) fn marks_cleared(&mut self) {
        self.marks.clear();
        self.status = Some(t(self.env.lang, "印をすべて外しました", "All marks cleared").into());
    }

    /// `e`: the training pack of the marked cases, or the register of the
    /// pinned controls (asking which when there are both).
    pub(in crate::tui) fn export(&mut self) {
        let pinned = !self.filters.filter.controls.is_empty();
        match (self.marks.is_empty(), pinned) {
            (true, false) => {
                self.status = Some(
                    t(
                        self.env.lang,
                        "印を付けた事例も、固定した管理策もありません（m で印を付け、管理策を選んで p で固定します）",
                        "No marked cases and no pinned controls (m marks a case; p pins the control selected)",
                    )
                    .into(),
                );
            }
            (true, true) => self.export_register(),
            (false, false) => self.export_pack(),
            (false, true) => self.ask(Ask::ExportWhich, ""),
        }
    }

    /// The register of the pinned controls, one row per measure citing
    /// them, held against the statement, limited by the other filters:
    /// asks where to write it.
    pub(in crate::tui) fn export_register(&mut self) {
        let content = Content::Register {
            controls: self.filters.filter.controls.clone(),
            soa: self.env.soa.clone(),
            only: self.filters.passing.clone(),
        };
        let payload = Payload::Export(content);
        self.ask(
            Ask::SaveAs {
                payload,
                what: None,
            },
            "register.xlsx",
        );
    }

    /// Asks for the title of the training pack of the marked cases (in the
    /// order they were marked), then where to write it.
    pub(in crate::tui) fn export_pack(&mut self) {
        let cases: Vec<usize> = self.marks.iter().copied().collect();
        let title = crate::document::collection::pack_title(cases.len(), self.env.lang);
        self.ask(Ask::Title { cases }, &title);
    }

    /// Enter on the title: asks where to write the pack with that title.
    pub(in crate::tui) fn titled(&mut self, cases: Vec<usize>, title: String) {
        let content = Content::Pack {
            cases,
            title: Some(title),
        };
        let name = content.default_name();
        let payload = Payload::Export(content);
        self.ask(
            Ask::SaveAs {
                payload,
                what: None,
            },
            name,
        );
    }

    pub(in crate::tui) fn ask(&mut self, ask: Ask, default: &str) {
        self.top = Top::Prompt(Prompt {
            ask,
            field: Field::new(default),
        });
    }

    /// The outcome of copying or writing, reported by the event loop.
    pub(in crate::tui) fn done(&mut self, outcome: Outcome) {
        let lang = self.env.lang;
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
            Outcome::CopyFailed { what, text, stuck } => {
                let name = match (what, self.env.options.copy_markdown) {
                    (What::Summary, false) => "summary.txt",
                    (What::Summary, true) => "summary.md",
                    (What::Brief, false) => "brief.txt",
                    (What::Brief, true) => "brief.md",
                    (What::Marked(_), false) => "cases.txt",
                    (What::Marked(_), true) => "cases.md",
                    (What::Citation, _) => "citation.txt",
                    (What::Precedents, false) => "precedents.txt",
                    (What::Precedents, true) => "precedents.md",
                    (What::Report, false) => "report.txt",
                    (What::Report, true) => "report.md",
                };
                self.ask(
                    Ask::SaveAs {
                        payload: Payload::Text(text),
                        what: Some(what),
                    },
                    name,
                );
                self.status = stuck.map(|tool| match lang {
                    Lang::Ja => format!(
                        "{tool} が1秒以内に受け取らなかったため止めました。ファイルに保存できます（Esc で取消）"
                    ),
                    Lang::En => format!(
                        "{tool} did not take the text within 1 s and was stopped; save it to a file instead (Esc cancels)"
                    ),
                });
            }
            Outcome::Written { path } => {
                self.top = Top::Browse;
                self.status = Some(match lang {
                    Lang::Ja => format!("{} に書き出しました", crate::text::path(&path)),
                    Lang::En => format!("written to {}", crate::text::path(&path)),
                });
            }
            Outcome::Exists { path, data } => {
                let what = match self.top.take_prompt().map(|p| p.ask) {
                    Some(Ask::SaveAs { what, .. } | Ask::Overwrite { what, .. }) => what,
                    _ => None,
                };
                let shown = crate::text::path(&path);
                self.ask(Ask::Overwrite { path, data, what }, "");
                self.status = Some(match lang {
                    Lang::Ja => format!("{shown} は既にあります"),
                    Lang::En => format!("{shown} already exists"),
                });
            }
            Outcome::Opened { .. } | Outcome::UrlCopied { .. } => self.url_done(outcome),
            Outcome::NoFolder { .. } => self.no_folder(outcome),
            Outcome::Listed { dir, entries } => self.listed(dir, entries),
            Outcome::WriteFailed { path, reason } => {
                self.status = Some(match lang {
                    Lang::Ja => format!(
                        "{} に書き出せませんでした: {reason}",
                        crate::text::path(&path)
                    ),
                    Lang::En => format!("could not write {}: {reason}", crate::text::path(&path)),
                });
            }
        }
    }
}
