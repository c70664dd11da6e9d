//! The one-line prompt above the status bar: a file name, or overwrite yes/no.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::export::file::Content;
use crate::lang::t;
use crate::tui::app::App;
use crate::tui::copy::{Ask, Payload};
use crate::wrap;

pub fn draw(frame: &mut Frame, app: &App, status: Rect) {
    let Some(prompt) = app.prompt() else { return };
    let th = app.env.theme;
    let area = Rect {
        y: status.y.saturating_sub(3),
        height: 3,
        ..status
    };
    let lang = app.env.lang;
    let (title, label) = match &prompt.ask {
        Ask::SaveAs {
            payload: Payload::Report(_),
            ..
        } => (
            t(
                lang,
                "報告の下書きの保存（形式は拡張子で: .txt .md .docx）",
                "Save the report draft (format by extension: .txt .md .docx)",
            ),
            t(lang, "保存先: ", "Save as: "),
        ),
        Ask::SaveAs {
            payload: Payload::Export(Content::Precedents { .. }),
            ..
        } => (
            t(
                lang,
                "先例一覧の書き出し（形式は拡張子で: .xlsx .docx .pptx .md .csv）",
                "Export the precedent list (format by extension: .xlsx .docx .pptx .md .csv)",
            ),
            t(lang, "保存先: ", "Save as: "),
        ),
        Ask::SaveAs {
            payload: Payload::Export(Content::Register { .. }),
            ..
        } => (
            t(
                lang,
                "固定した管理策の登録簿の書き出し（形式は拡張子で: .xlsx .docx .csv .md）",
                "Export the register of the pinned controls (format by extension: .xlsx .docx .csv .md)",
            ),
            t(lang, "保存先: ", "Save as: "),
        ),
        Ask::SaveAs { what: None, .. } => (
            t(
                lang,
                "研修資料の書き出し（形式は拡張子で: .docx .pptx .md）",
                "Export a training pack (format by extension: .docx .pptx .md)",
            ),
            t(lang, "保存先: ", "Save as: "),
        ),
        Ask::Title { .. } => (
            t(
                lang,
                "研修資料の題名（Enter で保存先へ）",
                "Title of the training pack (Enter: then the file name)",
            ),
            t(lang, "題名: ", "Title: "),
        ),
        Ask::SaveAs { .. } => (
            t(
                app.env.lang,
                "コピーできませんでした。ファイルに保存します",
                "Nothing could take the copy. Save it to a file",
            ),
            t(app.env.lang, "保存先: ", "Save as: "),
        ),
        Ask::Overwrite { .. } => (t(app.env.lang, "上書きの確認", "Overwrite?"), ""),
        Ask::MakeDir { .. } => (t(lang, "フォルダの作成", "Make the folder?"), ""),
        Ask::CopyMarked { .. } => (t(lang, "印を付けた事例のコピー", "Copy marked cases"), ""),
        Ask::Precedents { .. } => (t(lang, "先例一覧", "Precedent list"), ""),
        Ask::ClearMarks => (t(lang, "印を外す", "Clear marks"), ""),
        Ask::ExportWhich => (t(lang, "書き出し", "Export"), ""),
        // Titled below, by what they ask.
        Ask::Report(_) | Ask::Progress(_) => ("", ""),
    };
    let asked = match &prompt.ask {
        Ask::Report(choice) => Some(choice.title(lang)),
        Ask::Progress(choice) => Some(choice.title(lang)),
        _ => None,
    };
    let title = asked.as_deref().unwrap_or(title);
    let inner = super::framed(frame, app, area, format!(" {title} "));
    let width = inner.width as usize;
    let line = match &prompt.ask {
        Ask::Overwrite { path, .. } => {
            let q = match app.env.lang {
                crate::lang::Lang::Ja => {
                    format!(
                        "{} は既にあります。上書きしますか？ (y/N)",
                        crate::text::path(path)
                    )
                }
                crate::lang::Lang::En => {
                    format!("{} exists. Replace it? (y/N)", crate::text::path(path))
                }
            };
            Line::styled(wrap::truncate_middle(&q, width).into_owned(), th.bold())
        }
        Ask::MakeDir { dir, .. } => {
            let dir = crate::text::path(dir);
            let q = match lang {
                crate::lang::Lang::Ja => {
                    format!("フォルダ {dir} はありません。作って書き出しますか？ (y/N)")
                }
                crate::lang::Lang::En => {
                    format!("{dir} does not exist. Make it and write the file? (y/N)")
                }
            };
            Line::styled(wrap::truncate_middle(&q, width).into_owned(), th.bold())
        }
        Ask::CopyMarked { .. } => {
            let q = match lang {
                crate::lang::Lang::Ja => format!(
                    "印を付けた{}件をすべてコピーしますか？ y すべて / n この事例だけ / Esc 取消",
                    app.marks.len()
                ),
                crate::lang::Lang::En => format!(
                    "Copy every marked case ({})? y all / n this case only / Esc cancel",
                    crate::plural::count(app.marks.len(), "case", "cases")
                ),
            };
            Line::styled(wrap::truncate_middle(&q, width).into_owned(), th.bold())
        }
        Ask::ExportWhich => {
            let q = match lang {
                crate::lang::Lang::Ja => format!(
                    "p 印を付けた{}件の研修資料 / r 固定した管理策の登録簿 / Esc 取消",
                    app.marks.len()
                ),
                crate::lang::Lang::En => format!(
                    "p a training pack of the {} / r the register of the pinned controls / Esc cancel",
                    crate::plural::count(app.marks.len(), "marked case", "marked cases")
                ),
            };
            Line::styled(wrap::truncate_middle(&q, width).into_owned(), th.bold())
        }
        Ask::ClearMarks => {
            let q = match lang {
                crate::lang::Lang::Ja => format!(
                    "印を付けた{}件の印をすべて外しますか？ (y/N)",
                    app.marks.len()
                ),
                crate::lang::Lang::En => format!(
                    "Clear the marks of all {}? (y/N)",
                    crate::plural::count(app.marks.len(), "marked case", "marked cases")
                ),
            };
            Line::styled(wrap::truncate_middle(&q, width).into_owned(), th.bold())
        }
        Ask::Precedents { scheme, id } => {
            let q = match lang {
                crate::lang::Lang::Ja => format!(
                    "{scheme}:{id} の先例一覧: c コピー / s 保存（.xlsx .docx .pptx .md .csv）/ Esc 取消"
                ),
                crate::lang::Lang::En => format!(
                    "Precedents of {scheme}:{id}: c copy / s save (.xlsx .docx .pptx .md .csv) / Esc cancel"
                ),
            };
            Line::styled(wrap::truncate_middle(&q, width).into_owned(), th.bold())
        }
        Ask::Report(choice) => Line::styled(
            wrap::truncate(&choice.line(lang), width).into_owned(),
            th.bold(),
        ),
        Ask::Progress(choice) => Line::styled(
            wrap::truncate(&choice.line(lang), width).into_owned(),
            th.bold(),
        ),
        Ask::SaveAs { .. } | Ask::Title { .. } => {
            let room = width.saturating_sub(wrap::width(label) + 1);
            let (text, caret) = prompt.field.window(room);
            let caret = (wrap::width(label) + caret) as u16;
            frame.set_cursor_position(Position::new(inner.x + caret, inner.y));
            Line::from(vec![Span::styled(label, th.key()), Span::raw(text)])
        }
    };
    frame.render_widget(Paragraph::new(line), inner);
}
