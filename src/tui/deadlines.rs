//! What is due in one case on the browser's day: the reports still to file,
//! as `casebook due` counts them ([`crate::triage::due`]), and the measures
//! past their due date, as `casebook measures --overdue` counts them
//! ([`crate::review::register`]). The list marks a case by it; the detail
//! says it first.

use time::Date;

use crate::casebook::Casebook;
use crate::lang::{Lang, t};
use crate::review::register;
use crate::triage::due::{self, Open, Status};

/// The deadlines of one case on one day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Deadlines {
    /// Reports still to file (a team's own incident only), soonest first.
    pub reports: Vec<Open>,
    /// Measures past their due date and not done: (number from 1, days late).
    pub late_measures: Vec<(usize, i64)>,
}

impl Deadlines {
    pub fn of(book: &Casebook, case: usize, today: Date) -> Deadlines {
        let (reports, _) = due::open_among(book, [case], today, None);
        let late_measures = book.entries()[case]
            .case
            .measures
            .iter()
            .enumerate()
            .filter_map(|(n, m)| register::days_overdue(m, today).map(|d| (n + 1, d)))
            .collect();
        Deadlines {
            reports,
            late_measures,
        }
    }

    /// The list's mark, short enough to leave the title room at 80
    /// columns: `報告超過 `, `報告待ち `, `対策超過 ` or two of them joined
    /// (`報告・対策超過 `; in English ⚠ says overdue: `⚠report+measure `);
    /// empty when nothing is due.
    pub fn badge(&self, lang: Lang) -> &'static str {
        let late = self.reports.iter().any(|r| r.status == Status::Overdue);
        let open = !self.reports.is_empty();
        let measures = !self.late_measures.is_empty();
        match (late, open, measures) {
            (true, _, true) => t(lang, "報告・対策超過 ", "⚠report+measure "),
            (true, _, false) => t(lang, "報告超過 ", "⚠report "),
            (false, true, true) => t(lang, "報告待ち・対策超過 ", "report due ⚠measure "),
            (false, true, false) => t(lang, "報告待ち ", "report due "),
            (false, false, true) => t(lang, "対策超過 ", "⚠measure "),
            (false, false, false) => "",
        }
    }

    /// The detail's first lines: `2026-12-07 時点:`, then each report still
    /// to file with its due date, then the measures past theirs (nothing
    /// when nothing is due).
    pub fn notes(&self, today: Date, lang: Lang) -> Vec<String> {
        if self.reports.is_empty() && self.late_measures.is_empty() {
            return Vec::new();
        }
        let day = crate::date::partial(today);
        let mut out = vec![match lang {
            Lang::Ja => format!("{day} 時点:"),
            Lang::En => format!("As of {day}:"),
        }];
        out.extend(self.reports.iter().map(|r| {
            let mut stage = r.stage_title.get(lang).to_string();
            if r.guidance {
                stage.push_str(t(lang, "（目安）", " (guidance)"));
            }
            let when = match (r.due, r.days_left) {
                (Some(due), Some(left)) => {
                    let due = crate::date::partial(due);
                    match (lang, left) {
                        (Lang::Ja, l) if l < 0 => format!("期限 {due}（超過 {}日）", -l),
                        (Lang::Ja, 0) => format!("期限 {due}（今日まで）"),
                        (Lang::Ja, l) => format!("期限 {due}（あと {l}日）"),
                        (Lang::En, l) if l < 0 => format!("due {due} ({} d overdue)", -l),
                        (Lang::En, 0) => format!("due {due} (today)"),
                        (Lang::En, l) => format!("due {due} (in {l} d)"),
                    }
                }
                _ => t(
                    lang,
                    "期限は発覚日から（発覚日が未記入）",
                    "due counted from discovery (no discovered date)",
                )
                .to_string(),
            };
            let unsure = if r.required == crate::model::Fact::Unknown {
                t(lang, "・要否未確定", "; whether required is not known")
            } else {
                ""
            };
            match lang {
                Lang::Ja => format!("{} {stage} {when}{unsure}", r.to),
                Lang::En => format!("{} {stage}: {when}{unsure}", r.to),
            }
        }));
        if !self.late_measures.is_empty() {
            let n = self.late_measures.len();
            let which: Vec<String> = self
                .late_measures
                .iter()
                .map(|(m, _)| m.to_string())
                .collect();
            out.push(match lang {
                Lang::Ja => format!("期限を過ぎた再発防止策 {n}件（{}）", which.join("、")),
                Lang::En => format!(
                    "{} past due ({})",
                    crate::plural::count(n, "measure", "measures"),
                    which.join(", ")
                ),
            });
        }
        out
    }
}
