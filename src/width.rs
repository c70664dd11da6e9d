//! The one width rule for everything casebook lays out in columns.
//!
//! A text is as wide as the sum of its grapheme clusters, each measured whole
//! by unicode-width. That is how ratatui places text in its cells, and how a
//! terminal advances its cursor, for all text but three kinds:
//!
//! - half-width voiced sound marks (ﾊﾟ, ﾄﾞ): ratatui 0.30 counts ﾞ and ﾟ twice
//!   (ﾊﾟ three cells), terminals once (two columns);
//! - variation selectors 15 and 16 (❤️): unicode-width makes the emoji two
//!   columns, tmux and vt100 one;
//! - emoji skin-tone modifiers (👍🏽): ratatui two columns, tmux four.
//!
//! So text goes to the screen in its *screen form* ([`screen`]): half-width
//! katakana become full-width, the sound mark composed with its kana
//! (ﾊﾟｽﾜｰﾄﾞ → パスワード); the selectors and the modifiers after a character are
//! dropped; a combining kana sound mark is composed with its kana (は + ゙ → ば).
//! For text in screen form, this module, ratatui and the terminal agree on every
//! column (tests draw screens through vt100 and compare). Plain-text output
//! (`casebook show`) keeps the text as it is and is measured by the same rule,
//! which is the terminal's for it.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The width of `s` in terminal columns.
pub fn of(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    s.graphemes(true).map(cluster).sum()
}

/// The width of one grapheme cluster (what one screen cell shows).
pub fn cluster(g: &str) -> usize {
    if g.len() == 1 {
        return usize::from(!g.as_bytes()[0].is_ascii_control());
    }
    UnicodeWidthStr::width(g)
}

/// The grapheme clusters of `s` with their widths.
pub fn clusters(s: &str) -> impl Iterator<Item = (&str, usize)> {
    s.graphemes(true).map(|g| (g, cluster(g)))
}

const VOICED: char = '\u{FF9E}';
const SEMI_VOICED: char = '\u{FF9F}';

/// Whether `c` is changed by [`screen`].
fn changes_on_screen(c: char) -> bool {
    matches!(c,
        '\u{FF61}'..='\u{FF9F}' // half-width katakana and punctuation
        | '\u{FE0E}' | '\u{FE0F}' // text and emoji presentation selectors
        | '\u{1F3FB}'..='\u{1F3FF}' // skin-tone modifiers
        | '\u{3099}' | '\u{309A}') // combining kana sound marks
}

/// `s` in screen form (see the module docs): what the browser draws.
pub fn screen(s: &str) -> Cow<'_, str> {
    if !s.chars().any(changes_on_screen) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(screen_map(s).0)
}

/// [`screen`], and for each character of the result the index of the first
/// character of `s` it comes from (a search hit's positions follow the text).
pub fn screen_map(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len() + 8);
    let mut from = Vec::with_capacity(s.len());
    let mut last: Option<char> = None;
    for (i, c) in s.chars().enumerate() {
        let c = match c {
            '\u{FF61}'..='\u{FF9D}' => full_width(c),
            VOICED | '\u{3099}' => {
                compose(&mut out, &mut last, '\u{3099}', '\u{309B}', i, &mut from);
                continue;
            }
            SEMI_VOICED | '\u{309A}' => {
                compose(&mut out, &mut last, '\u{309A}', '\u{309C}', i, &mut from);
                continue;
            }
            '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' if last.is_some() => continue,
            c => c,
        };
        out.push(c);
        from.push(i);
        last = Some(c);
    }
    (out, from)
}

/// A half-width katakana or punctuation mark as its full-width form (ｶ → カ).
fn full_width(c: char) -> char {
    let mut full = c;
    unicode_normalization::char::decompose_compatible(c, |d| full = d);
    full
}

/// A sound mark after `last`: composed with it when the pair has a
/// precomposed form (カ + ゙ → ガ), else shown as the spacing mark `alone`.
fn compose(
    out: &mut String,
    last: &mut Option<char>,
    combining: char,
    alone: char,
    at: usize,
    from: &mut Vec<usize>,
) {
    if let Some(base) = *last
        && let Some(composed) = unicode_normalization::char::compose(base, combining)
    {
        out.pop();
        out.push(composed);
        *last = Some(composed);
        return;
    }
    out.push(alone);
    from.push(at);
    *last = Some(alone);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_width_kana_become_full_width_with_their_marks() {
        assert_eq!(screen("ﾊﾟｽﾜｰﾄﾞ"), "パスワード");
        assert_eq!(screen("ｶﾞｲﾄﾞ｢ｱ｣"), "ガイド「ア」");
        assert_eq!(screen("は\u{3099}"), "ば");
        // A mark with nothing to compose with is the spacing mark.
        assert_eq!(screen("Aﾞ"), "A゛");
        assert_eq!(screen("ﾟ"), "゜");
        assert_eq!(screen("ｱﾞ"), "ア゛");
        assert_eq!(
            screen("ＵＳＢ 廃棄"),
            "ＵＳＢ 廃棄",
            "other text is as it was"
        );
    }

    #[test]
    fn emoji_selectors_and_modifiers_are_dropped() {
        assert_eq!(screen("❤\u{FE0F}👍\u{1F3FD}"), "❤👍");
        assert_eq!(screen("\u{1F3FD}"), "\u{1F3FD}", "alone, a modifier stays");
        assert_eq!(of(&screen("❤\u{FE0F}")), 1);
    }

    #[test]
    fn the_map_leads_back_to_the_original_characters() {
        let (s, from) = screen_map("aﾊﾟｽ");
        assert_eq!(s, "aパス");
        assert_eq!(from, vec![0, 1, 3]);
    }

    #[test]
    fn widths_by_cluster() {
        assert_eq!(of("USB紛失"), 7);
        assert_eq!(
            of("ﾊﾟｽﾜｰﾄﾞ"),
            7,
            "what a terminal shows for the text as it is"
        );
        assert_eq!(of("パスワード"), 10);
        assert_eq!(of("e\u{301}"), 1);
        assert_eq!(of("🇯🇵"), 2);
        assert_eq!(of("a\tb"), 2);
    }
}
