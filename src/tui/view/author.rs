//! The questions of `n` and `E`, in a box above the status bar.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::lang::{Lang, t};
use crate::text;
use crate::tui::app::App;
use crate::tui::author::Step;
use crate::tui::field::Field;
use crate::wrap;

pub fn draw(frame: &mut Frame, app: &App, status: Rect) {
    let Some(step) = app.author() else { return };
    let (th, lang) = (app.env.theme, app.env.lang);
    // A question wraps (up to four lines) on a narrow screen; a text field keeps one.
    let question = question(step, lang)
        .map(|q| wrap::wrap(&q, status.width.saturating_sub(2).max(1) as usize));
    let rows = question.as_ref().map_or(1, |q| q.len().clamp(1, 4)) as u16;
    let area = Rect {
        y: status.y.saturating_sub(rows + 2),
        height: rows + 2,
        ..status
    };
    let title = match step {
        Step::Copy { .. } => t(lang, "同梱の事例の編集", "Editing a bundled case").to_string(),
        Step::Target { .. } => t(
            lang,
            "新しい事例: 書き込む事例集",
            "New case: which casebook",
        )
        .to_string(),
        Step::Source { dir }
        | Step::Notice { dir, .. }
        | Step::Paste { dir, .. }
        | Step::Id { dir, .. } => match lang {
            Lang::Ja => format!("新しい事例（{}）", text::path(dir)),
            Lang::En => format!("New case ({})", text::path(dir)),
        },
    };
    let title = format!(" {title} ");
    let title = wrap::truncate(&title, area.width.saturating_sub(2) as usize).into_owned();
    let inner = super::framed(frame, app, area, title);
    if let Some(lines) = question {
        let lines: Vec<Line> = lines
            .into_iter()
            .take(4)
            .map(|l| Line::styled(l, th.bold()))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let line = match step {
        Step::Notice { field, .. } => input(
            frame,
            inner,
            t(lang, "公表文のファイル: ", "Notice file: "),
            field,
            app,
        ),
        Step::Id { field, .. } => input(
            frame,
            inner,
            t(lang, "事例ID（a-z 0-9 -）: ", "Case id (a-z 0-9 -): "),
            field,
            app,
        ),
        _ => return,
    };
    frame.render_widget(Paragraph::new(line), inner);
}

/// What a step asks, when it asks a choice (not a text).
fn question(step: &Step, lang: Lang) -> Option<String> {
    Some(match step {
        Step::Copy { .. } => t(
            lang,
            "同梱の事例は読み取り専用です。チームの事例集にコピーしますか？ y コピー / Esc 取消",
            "Bundled cases are read-only. Copy it to a team casebook? y copy / Esc cancel",
        )
        .into(),
        Step::Target { dirs, .. } => {
            let choices: Vec<String> = dirs
                .iter()
                .enumerate()
                .map(|(i, d)| format!("{} {}", i + 1, text::path(d)))
                .collect();
            format!(
                "{}  {}",
                choices.join("  "),
                t(lang, "（数字で選ぶ / Esc 取消）", "(a digit / Esc cancels)")
            )
        }
        Step::Source { .. } => t(
            lang,
            "s 白紙から / c クリップボードの公表文から下書き / p 公表文を貼り付けて下書き / f ファイルの公表文から下書き / Esc 取消",
            "s from scratch / c draft from the notice on the clipboard / p paste the notice here / f draft from a notice file / Esc cancel",
        )
        .into(),
        Step::Paste { text, .. } if text.is_empty() => t(
            lang,
            "公表文をここに貼り付けてください（端末の貼り付け: Ctrl-Shift-v、Cmd-v など。SSH 越しでも使えます）。Enter で次へ / Esc 取消",
            "Paste the notice's text here (your terminal's paste: Ctrl-Shift-v, Cmd-v, ...; it works over SSH). Enter goes on / Esc cancels",
        )
        .into(),
        Step::Paste { text, .. } => {
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
            let lines = text.lines().count();
            match lang {
                Lang::Ja => format!(
                    "貼り付けた公表文: {}文字・{lines}行「{}」。Enter で事例IDへ / Ctrl-u 消す / Esc 取消",
                    text.chars().count(),
                    text::line(first)
                ),
                Lang::En => format!(
                    "Pasted notice: {} characters, {lines} lines “{}”. Enter: the case id / Ctrl-u clears / Esc cancels",
                    text.chars().count(),
                    text::line(first)
                ),
            }
        }
        Step::Notice { .. } | Step::Id { .. } => return None,
    })
}

/// A label and a text field, with the terminal cursor at the caret (for input methods).
fn input(
    frame: &mut Frame,
    inner: Rect,
    label: &'static str,
    field: &Field,
    app: &App,
) -> Line<'static> {
    let width = inner.width as usize;
    let room = width.saturating_sub(wrap::width(label) + 1);
    let text = wrap::truncate(&field.text, room).into_owned();
    let caret = (wrap::width(label) + field.cursor_column().min(room)) as u16;
    frame.set_cursor_position(Position::new(inner.x + caret, inner.y));
    Line::from(vec![
        Span::styled(label, app.env.theme.key()),
        Span::raw(text),
    ])
}
