//! Truncation and line wrapping for mixed Japanese and English text, in
//! terminal columns measured by the one rule of [`crate::width`].
//!
//! Wrapping breaks Japanese between any two characters, never inside a
//! grapheme cluster, and follows the basic Japanese line-breaking rules
//! (禁則処理): closing punctuation and small kana never start a line, opening
//! brackets never end one. It never breaks inside a token: an ASCII word, a
//! date (`2024-08-07`, `2024年8月7日`), a number (`48,651`), an id
//! (`iso27001:A.7.14`) or a URL with its brackets (`<https://...>`), unless
//! the token alone is wider than the line.
//!
//! [`truncate`], [`pad`] and [`pad_left`] are for the screen: they return the
//! text in screen form ([`crate::width::screen`]).

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::width;

pub fn width(s: &str) -> usize {
    width::of(s)
}

/// The width of one character on its own (for estimates in ems; laying out
/// text goes by grapheme clusters, [`width`]).
pub fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Cuts `s` (in screen form) to at most `max` columns, ending with `…` when
/// something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    let s = width::screen(s);
    if width::of(&s) <= max {
        return s;
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for (g, w) in width::clusters(&s) {
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// Cuts `s` (in screen form) to at most `max` columns by leaving out its
/// middle (`/tmp/a/…/pack.md に書き出しました`), so both ends stay: a
/// question's `(y/N)`, a path's file name.
pub fn truncate_middle(s: &str, max: usize) -> Cow<'_, str> {
    let s = width::screen(s);
    if width::of(&s) <= max {
        return s;
    }
    if max < 5 {
        return Cow::Owned(truncate(&s, max).into_owned());
    }
    let clusters: Vec<(&str, usize)> = width::clusters(&s).collect();
    let head_room = (max - 1) / 3;
    let tail_room = max - 1 - head_room;
    let mut head = String::new();
    let mut used = 0;
    for &(g, w) in &clusters {
        if used + w > head_room {
            break;
        }
        head.push_str(g);
        used += w;
    }
    let mut tail: Vec<&str> = Vec::new();
    let mut tail_used = 0;
    for &(g, w) in clusters.iter().rev() {
        if tail_used + w > tail_room {
            break;
        }
        tail.push(g);
        tail_used += w;
    }
    tail.reverse();
    Cow::Owned(format!("{head}…{}", tail.concat()))
}

/// Pads `s` (in screen form) with spaces to exactly `cols` columns (truncating if longer).
pub fn pad(s: &str, cols: usize) -> String {
    let t = truncate(s, cols);
    let w = width(&t);
    format!("{t}{}", " ".repeat(cols.saturating_sub(w)))
}

/// Right-aligns `s` (in screen form) in `cols` columns.
pub fn pad_left(s: &str, cols: usize) -> String {
    let t = truncate(s, cols);
    format!("{}{t}", " ".repeat(cols.saturating_sub(width(&t))))
}

/// Characters that must not start a line (行頭禁則).
fn no_start(c: char) -> bool {
    "、。，．,.・：；？！?!ー―）」』】］｝〕〉》)]}>ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…‥％%"
        .contains(c)
}

/// Characters that must not end a line (行末禁則).
fn no_end(c: char) -> bool {
    "（「『【［｛〔〈《([{<".contains(c)
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | '_' | '.' | '/' | ':' | '@' | '#' | '&' | '=' | '?' | '%' | '~' | '+'
        )
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether the characters on both sides of the boundary before `chars[i]`
/// belong to one token that must not be broken.
fn joined(chars: &[char], i: usize) -> bool {
    let (a, b) = (chars[i - 1], chars[i]);
    let before = i.checked_sub(2).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    (is_word_char(a) && is_word_char(b))
        // 48,651 and ４万８,６５１
        || (a == ',' && before.is_some_and(is_digit) && is_digit(b))
        || (is_digit(a) && (b == ',' || b == '，') && after.is_some_and(is_digit))
        // 2024年8月7日, ２０２４年
        || (is_digit(a) && matches!(b, '年' | '月' | '日'))
        || (matches!(a, '年' | '月') && is_digit(b))
        || (is_digit(a) && is_digit(b))
        // <https://...>, ¥1,000
        || (a == '<' && is_word_char(b))
        || (is_word_char(a) && b == '>')
        || (matches!(a, '¥' | '$' | '￥') && is_digit(b))
}

/// Whether a line may break before `chars[i]`: not inside a token and not
/// against the 禁則 rules.
fn breakable(chars: &[char], i: usize) -> bool {
    !joined(chars, i) && !no_start(chars[i]) && !no_end(chars[i - 1])
}

/// The grapheme clusters of `chars` as (first char, end char, width by `measure`).
fn units<W>(chars: &[char], mut measure: impl FnMut(&str) -> W) -> Vec<(usize, usize, W)> {
    let s: String = chars.iter().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut at = 0;
    for g in s.graphemes(true) {
        let n = g.chars().count();
        out.push((at, at + n, measure(g)));
        at += n;
    }
    out
}

/// Splits `chars` (one paragraph, no newlines) into line ranges at most `width` columns wide.
pub fn break_lines(chars: &[char], width: usize) -> Vec<Range<usize>> {
    break_measured(chars, width.max(2), width::cluster)
}

/// [`break_lines`] with another measure of a grapheme cluster (a slide
/// measures in ems of its font): lines at most `width` wide, by the same
/// rules. `measure` is called once per cluster, in order.
pub fn break_measured<W>(
    chars: &[char],
    width: W,
    measure: impl FnMut(&str) -> W,
) -> Vec<Range<usize>>
where
    W: Copy + PartialOrd + std::ops::Add<Output = W> + Default,
{
    let units = units(chars, measure);
    let mut lines = Vec::new();
    // Lines start and end on cluster boundaries: `start` and `end` index `units`.
    let mut start = 0;
    while start < units.len() {
        // Greedy: as many clusters as fit (at least one, however wide).
        let mut end = start;
        let mut used = W::default();
        while end < units.len() && (used + units[end].2 <= width || end == start) {
            used = used + units[end].2;
            end += 1;
        }
        if end == units.len() {
            lines.push(units[start].0..chars.len());
            break;
        }
        // Back to the last boundary where a line may break; a token wider
        // than the line breaks where 禁則 allows, else where it must.
        let at = |u: usize| units[u].0;
        let cut = (start + 1..=end)
            .rev()
            .find(|&u| breakable(chars, at(u)))
            .or_else(|| {
                (start + 1..=end)
                    .rev()
                    .find(|&u| !no_start(chars[at(u)]) && !no_end(chars[at(u) - 1]))
            })
            .unwrap_or(end);
        lines.push(at(start)..at(cut));
        start = cut;
        // A space at a break is not carried to the start of the next line.
        while start < units.len() && chars[at(start)] == ' ' {
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
    fn dates_numbers_ids_and_urls_stay_whole() {
        // The greedy cut falls inside the date, and 禁則 keeps `)` off the
        // next line: the date moves down whole, with its brackets.
        let text = "おそれについて」(2024-08-07) [casebook: kesennuma-hospital-pos-2024]";
        let lines = wrap(text, 20);
        assert_eq!(lines[0], "おそれについて」", "{lines:?}");
        assert!(lines[1].starts_with("(2024-08-07)"), "{lines:?}");
        let lines = wrap("出典 <https://example.jp/notice>", 30);
        assert_eq!(lines, vec!["出典", "<https://example.jp/notice>"]);
        let lines = wrap("従業員の計730名が14,657契約分の", 24);
        assert!(lines.iter().any(|l| l.contains("14,657")), "{lines:?}");
        let lines = wrap("令和6年の2024年8月7日に公表した", 18);
        assert!(
            lines.iter().any(|l| l.contains("2024年8月7日")),
            "{lines:?}"
        );
        for width in 4..40 {
            for text in [
                "iso27001:A.7.14 の管理策",
                "回収日(2024-08-07)。",
                "a <https://e.jp/x> b",
            ] {
                let lines = wrap(text, width);
                assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
                for token in ["iso27001:A.7.14", "(2024-08-07)。", "<https://e.jp/x>"] {
                    if text.contains(token) && width >= super::width(token) {
                        assert!(
                            lines.iter().any(|l| l.contains(token)),
                            "{token} broken at {width}: {lines:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn clusters_are_never_split() {
        let text = "ﾊﾟｽﾜｰﾄﾞを変えた❤\u{FE0F}e\u{301}";
        for width in 2..12 {
            for line in wrap(text, width) {
                assert!(!line.starts_with(['\u{FF9F}', '\u{FF9E}', '\u{FE0F}', '\u{301}']));
                assert!(super::width(&line) <= width, "{line:?} at {width}");
            }
        }
        assert_eq!(truncate("ﾊﾟｽﾜｰﾄﾞ", 5), "パス…", "truncated in screen form");
        let cut = truncate_middle(
            "/tmp/polish/docs/2024/new は既にあります。上書きしますか？ (y/N)",
            40,
        );
        assert!(
            cut.ends_with("(y/N)") && cut.starts_with("/tmp") && super::width(&cut) <= 40,
            "{cut}"
        );
        assert_eq!(pad("ﾊﾟ", 4), "パ  ");
    }

    #[test]
    fn newlines_start_new_lines() {
        assert_eq!(wrap("一行目\n二行目", 20), vec!["一行目", "二行目"]);
    }
}
