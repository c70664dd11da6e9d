//! The help overlay's lines, generated from the keymap table. Not view code:
//! the state asks it how long the help is, to scroll it.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::document::screen::paragraph;
use crate::lang::Lang;
use crate::lang::t;
use crate::tui::action::Action;
use crate::tui::field::Field;
use crate::tui::keymap::MOUSE;
use crate::tui::keymap::{self, Context, KEYMAP};
use crate::tui::theme::Theme;
use crate::wrap;

/// Words narrowing the help (`/` in `?`): only the keys whose text (in
/// either language) or key holds every word are listed.
#[derive(Debug, Default)]
pub struct HelpFilter {
    pub field: Field,
    /// The words are being typed (Enter keeps them, Esc drops them).
    pub typing: bool,
}

impl HelpFilter {
    pub fn update(&mut self, action: Action) {
        match action {
            Action::FilterHelp => self.typing = true,
            Action::Enter => self.typing = false,
            Action::Back => *self = HelpFilter::default(),
            action => {
                self.field.edit(&action);
            }
        }
    }

    /// The words in force, if any.
    pub fn words(&self) -> Option<&str> {
        let w = self.field.text.trim();
        (!w.is_empty()).then_some(w)
    }
}

/// Every binding, grouped by where it applies; the mouse after browsing, and
/// what the marks in search results mean after the search keys. With words
/// (`/`), only the bindings that hold them, under their headings.
pub fn lines(th: Theme, lang: Lang, words: Option<&str>, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let key_w = KEYMAP
        .iter()
        .map(|b| wrap::width(&keymap::keys_label(b)))
        .max()
        .unwrap_or(8)
        .min(22)
        + 2;
    // On a narrow screen the keys go on a line of their own, the text below.
    let narrow = width < 60;
    let entry = |out: &mut Vec<Line<'static>>, keys: &str, text: &str| {
        if narrow {
            out.push(Line::styled(format!("  {keys}"), th.key()));
            out.extend(paragraph(
                Span::raw("      "),
                &[(text.to_string(), Style::new())],
                width,
            ));
        } else {
            let keys = wrap::pad(&format!("  {keys}"), key_w + 2);
            out.extend(paragraph(
                Span::styled(keys, th.key()),
                &[(text.to_string(), Style::new())],
                width,
            ));
        }
    };
    for context in [
        Context::Browse,
        Context::Palette,
        Context::Coverage,
        Context::Stats,
        Context::Jump,
        Context::Filter,
        Context::Chips,
        Context::Search,
        Context::Prompt,
        Context::Title,
        Context::Choice,
        Context::Choose,
        Context::Author,
        Context::NoticeFile,
        Context::Field,
        Context::Help,
        Context::HelpFilter,
        Context::Diagnostics,
        Context::Overlay,
    ] {
        let listed: Vec<&keymap::Binding> = KEYMAP
            .iter()
            .filter(|b| b.context == context)
            .filter(|b| words.is_none_or(|w| crate::tui::palette::matches(b, w)))
            .collect();
        if words.is_some() {
            if listed.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(Line::raw(""));
            }
            out.push(Line::styled(context.title(lang).to_string(), th.heading()));
            for binding in listed {
                entry(&mut out, &keymap::keys_label(binding), binding.help(lang));
            }
            continue;
        }
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(context.title(lang).to_string(), th.heading()));
        for binding in listed {
            entry(&mut out, &keymap::keys_label(binding), binding.help(lang));
        }
        match context {
            Context::Browse => {
                out.push(Line::raw(""));
                out.push(Line::styled(t(lang, "マウス", "Mouse"), th.heading()));
                for m in MOUSE {
                    entry(&mut out, m.label(lang), m.help(lang));
                }
            }
            Context::Search => {
                out.push(Line::raw(""));
                out.push(Line::styled(
                    t(lang, "検索結果の印", "Marks in the search results"),
                    th.heading(),
                ));
                for (mark, text) in search_marks(lang) {
                    entry(&mut out, mark, text);
                }
            }
            _ => {}
        }
    }
    if let Some(w) = words {
        if out.is_empty() {
            out.push(Line::styled(
                match lang {
                    Lang::Ja => format!("「{w}」を含むキーはありません（Esc で絞り込みをやめる）"),
                    Lang::En => format!("No key mentions “{w}” (Esc drops the words)"),
                },
                th.dim(),
            ));
        }
        return out;
    }
    out.push(Line::raw(""));
    out.extend(paragraph(
        Span::raw(""),
        &[(
            t(
                lang,
                "検索欄では、割り当てのない文字はそのまま入力されます（日本語入力にも対応）。",
                "In the search box, other keys type text (Japanese input methods work).",
            )
            .to_string(),
            th.dim(),
        )],
        width,
    ));
    out
}

/// What the marks before each search result mean (the view draws the same marks).
pub fn search_marks(lang: Lang) -> [(&'static str, &'static str); 3] {
    match lang {
        Lang::Ja => [
            ("策", "再発防止策の一致"),
            ("例", "事例の一致（件名・組織・タグ・概要・原因）"),
            (
                "〔A.7.14 経由〕",
                "管理策の番号や名前で見つかった再発防止策",
            ),
        ],
        Lang::En => [
            ("M", "a measure matched"),
            (
                "C",
                "a case matched (title, organization, tags, summary, causes)",
            ),
            (
                "[via A.7.14]",
                "a measure found through its control's id or title",
            ),
        ],
    }
}
