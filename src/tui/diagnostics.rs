//! The load-problem panel (`!`): its lines, wrapped once per (width, language)
//! rather than on every frame. With 80,000 diagnostics, wrapping them all for
//! each key took most of a second; now a key costs the rows on screen.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::diag::{Diagnostic, Severity};
use crate::document::screen::paragraph;
use crate::lang::{Lang, t};
use crate::tui::theme::Theme;

/// What `!` shows: the load problems, their rows, and how many files failed.
#[derive(Clone, Debug, Default)]
pub struct Problems {
    pub list: Vec<Diagnostic>,
    /// The rows, kept for the overlay's width and the language.
    pub panel: Panel,
    /// Files with an error, counted once (the banner shows it on every frame).
    pub(crate) failed_files: usize,
}

impl Problems {
    pub fn new(list: Vec<Diagnostic>) -> Problems {
        let failed_files = crate::diag::failed_files(&list);
        Problems {
            list,
            panel: Panel::default(),
            failed_files,
        }
    }
}

/// Where each diagnostic's rows start, for the width and language it was
/// computed for. Row 0 is the note above the list.
#[derive(Clone, Debug, Default)]
pub struct Panel {
    key: Option<(usize, Lang)>,
    /// `starts[i]` is diagnostic i's first row; the last entry is the total.
    starts: Vec<usize>,
    pub errors: usize,
    pub warnings: usize,
}

impl Panel {
    /// Recomputes the row index when the width or the language changed.
    pub fn refresh(&mut self, diags: &[Diagnostic], width: usize, lang: Lang) {
        if self.key == Some((width, lang)) && self.starts.len() == diags.len() + 1 {
            return;
        }
        // Styles do not change the rows; any theme will do for counting.
        let theme = Theme { color: false };
        self.starts.clear();
        let mut row = note(diags.is_empty(), width, lang, theme).len();
        for d in diags {
            self.starts.push(row);
            row += diagnostic_lines(d, width, lang, theme).len();
        }
        self.starts.push(row);
        self.errors = diags.iter().filter(|d| d.is_error()).count();
        self.warnings = diags.len() - self.errors;
        self.key = Some((width, lang));
    }

    /// The first row of diagnostic `i` (its blank line).
    pub fn start_of(&self, i: usize) -> usize {
        self.starts.get(i).copied().unwrap_or(0)
    }

    /// The diagnostic shown on `row`, if any.
    pub fn at_row(&self, row: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&s| s <= row).checked_sub(1)?;
        (i + 1 < self.starts.len()).then_some(i)
    }

    /// The diagnostic at the top of a view scrolled to `row`: the one shown
    /// there, or the first below when `row` is in the note above them.
    pub fn at_top(&self, row: usize) -> Option<usize> {
        self.at_row(row).or_else(|| {
            let i = self.starts.partition_point(|&s| s < row);
            (i + 1 < self.starts.len()).then_some(i)
        })
    }

    /// How many rows the panel has.
    pub fn len(&self) -> usize {
        self.starts.last().copied().unwrap_or(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Rows `from..from + count`, built for these rows only.
    pub fn rows(
        &self,
        diags: &[Diagnostic],
        width: usize,
        lang: Lang,
        theme: Theme,
        from: usize,
        count: usize,
    ) -> Vec<Line<'static>> {
        let mut out = Vec::with_capacity(count);
        let note = note(diags.is_empty(), width, lang, theme);
        let mut row = from.max(note.len());
        out.extend(note.into_iter().skip(from).take(count));
        // The diagnostic holding `row`: the last one starting at or before it.
        let first = self.starts.partition_point(|&s| s <= row).saturating_sub(1);
        for (i, d) in diags.iter().enumerate().skip(first) {
            if out.len() >= count {
                break;
            }
            let start = self.starts.get(i).copied().unwrap_or(row);
            let lines = diagnostic_lines(d, width, lang, theme);
            let next = start + lines.len();
            let skip = row.saturating_sub(start);
            out.extend(lines.into_iter().skip(skip).take(count - out.len()));
            row = next;
        }
        out
    }
}

/// The note above the list: what happens to files with errors, wrapped.
fn note(empty: bool, width: usize, lang: Lang, th: Theme) -> Vec<Line<'static>> {
    let text = if empty {
        t(
            lang,
            "問題はありません。すべてのファイルを読み込みました。",
            "No problems: every file loaded.",
        )
    } else {
        t(
            lang,
            "エラーのある事例ファイルは読み込まれていません（ほかの事例は読み込み済み）。設定ファイルと適用宣言書は、エラーのある項目だけが無視され、ほかの項目は使われています。直して casebook validate で確かめてください。",
            "Case files with errors were not loaded (the other cases were). In the config file and the Statement of Applicability, only the settings and entries with errors are ignored; the rest apply. Fix them and check with `casebook validate`.",
        )
    };
    paragraph(Span::raw(""), &[(text.to_string(), th.dim())], width)
}

/// One diagnostic: a blank line, where (wrapped), what (wrapped, indented).
fn diagnostic_lines(d: &Diagnostic, width: usize, lang: Lang, th: Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::raw("")];
    let (label, style) = match d.severity {
        Severity::Error => (t(lang, "エラー", "error"), th.error()),
        Severity::Warning => (t(lang, "警告", "warning"), th.warning()),
    };
    let place = match (d.line, d.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", d.path),
        (Some(l), None) => format!("{}:{l}", d.path),
        _ => d.path.clone(),
    };
    let place = crate::text::line(&place).into_owned();
    out.extend(paragraph(
        Span::styled(format!("{label}: "), style),
        &[(place, th.bold())],
        width,
    ));
    let message = crate::text::line(d.message.get(lang)).into_owned();
    out.extend(paragraph(
        Span::raw("  "),
        &[(message, Style::new())],
        width,
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Message;

    fn diags(n: usize) -> Vec<Diagnostic> {
        (0..n)
            .map(|i| {
                Diagnostic::error(
                    format!("cases/{i}.yaml"),
                    Message::new(
                        "不明な項目 `titel` です（`title` の誤りでは？）".repeat(1 + i % 3),
                        "unknown field `titel`; did you mean `title`? ".repeat(1 + i % 3),
                    ),
                )
                .at(i as u32 + 1, 1)
            })
            .collect()
    }

    /// Every row, built the slow way.
    fn all(d: &[Diagnostic], width: usize) -> Vec<String> {
        let mut out: Vec<String> = note(d.is_empty(), width, Lang::En, Theme { color: false })
            .iter()
            .map(|l| l.to_string())
            .collect();
        for x in d {
            out.extend(
                diagnostic_lines(x, width, Lang::En, Theme { color: false })
                    .iter()
                    .map(|l| l.to_string()),
            );
        }
        out
    }

    #[test]
    fn the_top_problem_of_a_view_in_the_note_is_the_first() {
        let d = diags(3);
        let mut panel = Panel::default();
        panel.refresh(&d, 30, Lang::En);
        assert!(panel.start_of(0) > 1, "the note takes rows");
        assert_eq!(panel.at_top(0), Some(0));
        assert_eq!(panel.at_top(panel.start_of(1)), Some(1));
        assert_eq!(panel.at_top(panel.start_of(2) - 1), Some(1));
        assert_eq!(panel.at_top(panel.len()), None);
    }

    #[test]
    fn any_window_of_rows_is_what_wrapping_everything_gives() {
        let d = diags(40);
        let mut panel = Panel::default();
        panel.refresh(&d, 30, Lang::En);
        let every = all(&d, 30);
        assert_eq!(panel.len(), every.len());
        for from in [0, 1, 2, 5, 17, 60, every.len() - 3] {
            let rows: Vec<String> = panel
                .rows(&d, 30, Lang::En, Theme { color: false }, from, 7)
                .iter()
                .map(|l| l.to_string())
                .collect();
            let end = (from + 7).min(every.len());
            assert_eq!(rows, every[from..end], "from {from}");
        }
    }
}
