//! Display width, truncation and line wrapping for mixed Japanese and English text.
//!
//! Widths are terminal columns (a kanji is 2). Wrapping breaks Japanese anywhere,
//! keeps ASCII words whole when they fit, and follows the basic Japanese
//! line-breaking rules (禁則処理): closing punctuation and small kana never start
//! a line, opening brackets never end one.

use std::borrow::Cow;
use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

pub fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// Pads `s` with spaces to exactly `cols` columns (truncating if longer).
pub fn pad(s: &str, cols: usize) -> String {
    let t = truncate(s, cols);
    let w = width(&t);
    format!("{t}{}", " ".repeat(cols.saturating_sub(w)))
}

/// Right-aligns `s` in `cols` columns.
pub fn pad_left(s: &str, cols: usize) -> String {
    let t = truncate(s, cols);
    format!("{}{t}", " ".repeat(cols.saturating_sub(width(&t))))
}

/// Characters that must not start a line (行頭禁則).
fn no_start(c: char) -> bool {
    "、。，．,.・：；？！?!ー―）」』】］｝〕〉》)]}ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…‥％%"
        .contains(c)
}

/// Characters that must not end a line (行末禁則).
fn no_end(c: char) -> bool {
    "（「『【［｛〔〈《([{".contains(c)
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | '_' | '.' | '/' | ':' | '@' | '#' | '&' | '=' | '?' | '%' | '~' | '+'
        )
}

/// Splits `chars` (one paragraph, no newlines) into line ranges at most `width` columns wide.
pub fn break_lines(chars: &[char], width: usize) -> Vec<Range<usize>> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        // Greedy: as many characters as fit.
        let mut end = start;
        let mut used = 0;
        while end < chars.len() {
            let w = char_width(chars[end]);
            if used + w > width {
                break;
            }
            used += w;
            end += 1;
        }
        if end == chars.len() {
            lines.push(start..end);
            break;
        }
        if end == start {
            end = start + 1; // a character wider than the line: give it a line of its own
        }
        let mut cut = end;
        // Keep an ASCII word whole when it started on this line and can move down.
        if is_word_char(chars[cut]) && cut > start && is_word_char(chars[cut - 1]) {
            let mut back = cut;
            while back > start && is_word_char(chars[back - 1]) {
                back -= 1;
            }
            if back > start {
                cut = back;
            }
        }
        // 禁則: move characters down so the next line does not start with closing punctuation
        // and this one does not end with an opening bracket.
        while cut > start + 1 && cut < chars.len() && no_start(chars[cut]) {
            cut -= 1;
        }
        while cut > start + 1 && no_end(chars[cut - 1]) {
            cut -= 1;
        }
        lines.push(start..cut);
        start = cut;
        // A space at a break is not carried to the start of the next line.
        while start < chars.len() && chars[start] == ' ' {
            start += 1;
        }
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// Wraps text to `width` columns; newlines in the text start new lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let chars: Vec<char> = para.trim_end().chars().collect();
        for r in break_lines(&chars, width) {
            out.push(chars[r].iter().collect::<String>().trim_end().to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_kanji_as_two() {
        assert_eq!(width("USB紛失"), 7);
        assert_eq!(truncate("個人情報の漏えい", 9), "個人情報…");
        assert_eq!(truncate("個人情報の漏えい", 8), "個人情…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(pad("紛失", 6), "紛失  ");
        assert_eq!(pad_left("12", 4), "  12");
    }

    #[test]
    fn japanese_breaks_anywhere_within_width() {
        let lines = wrap("委託先がUSBメモリーを紛失した事案", 10);
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "委託先がUSBメモリーを紛失した事案");
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // Width 8 would put "。" at the start of line 2 without 禁則.
        let lines = wrap("紛失した。再発防止", 8);
        assert!(!lines[1].starts_with('。'), "{lines:?}");
        assert_eq!(lines.concat(), "紛失した。再発防止");
        let lines = wrap("あいう「かぎ」です", 8);
        assert!(!lines[0].ends_with('「'), "{lines:?}");
    }

    #[test]
    fn ascii_words_stay_whole() {
        assert_eq!(wrap("alpha beta gamma", 12), vec!["alpha beta", "gamma"]);
        assert_eq!(
            wrap("see https://example.jp/a", 22),
            vec!["see", "https://example.jp/a"]
        );
        let long = "x".repeat(30);
        assert!(wrap(&long, 10).iter().all(|l| l.len() == 10));
    }

    #[test]
    fn newlines_start_new_lines() {
        assert_eq!(wrap("一行目\n二行目", 20), vec!["一行目", "二行目"]);
    }
}
