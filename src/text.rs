//! Text from case files is data. Before it reaches the terminal, the clipboard
//! or an export it passes through [`clean`], one rule for every place:
//!
//! - C0 controls, DEL and C1 controls become visible symbols: ESC shows as `␛`,
//!   other C0 controls as their "control picture" (U+2400 block), DEL as `␡`
//!   and C1 controls as `�`. Nothing that a terminal interprets survives.
//! - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, LRM,
//!   RLM, ALM) and zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are
//!   removed: they are invisible and can reorder or hide text.
//! - Line breaks are kept in multi-line text (CRLF and CR become LF); a tab
//!   becomes a space.

use std::borrow::Cow;

/// Whether line breaks are kept (summaries) or turned into spaces (titles).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lines {
    Keep,
    Join,
}

/// Characters removed outright: invisible formatting that can reorder or hide text.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'   // zero-width space/non-joiner/joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{061C}'              // Arabic letter mark
        | '\u{FEFF}'              // zero-width no-break space / BOM
    )
}

/// True when `s` needs no change by [`clean`].
pub fn is_clean(s: &str, lines: Lines) -> bool {
    s.chars().all(|c| {
        !(c.is_control() && !(c == '\n' && lines == Lines::Keep)) && !is_invisible_format(c)
    })
}

/// Makes text safe to show, copy and export (see the module docs).
pub fn clean(s: &str, lines: Lines) -> Cow<'_, str> {
    if is_clean(s, lines) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(if lines == Lines::Keep { '\n' } else { ' ' });
                }
            }
            '\n' => out.push(if lines == Lines::Keep { '\n' } else { ' ' }),
            '\t' => out.push(' '),
            '\u{1B}' => out.push('\u{241B}'),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'))
            }
            '\u{7F}' => out.push('\u{2421}'),
            c if c.is_control() => out.push('\u{FFFD}'),
            c if is_invisible_format(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `clean` for one-line labels.
pub fn line(s: &str) -> Cow<'_, str> {
    clean(s, Lines::Join)
}

/// A count with thousands separators: `48,651`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(48651), "48,651");
        assert_eq!(thousands(460000), "460,000");
        assert_eq!(thousands(7), "7");
    }

    #[test]
    fn plain_japanese_is_borrowed_unchanged() {
        let s = "委託先がUSBメモリーを紛失した\n二行目";
        assert!(matches!(clean(s, Lines::Keep), Cow::Borrowed(_)));
    }

    #[test]
    fn terminal_escapes_become_visible() {
        let s = "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{1b}[31mc\u{9b}2Jd\u{7f}";
        let out = clean(s, Lines::Keep);
        assert_eq!(out, "a␛]52;c;ZXZpbA==␇b␛[31mc�2Jd␡");
        assert!(out.chars().all(|c| !c.is_control()));
    }

    #[test]
    fn bidi_and_zero_width_are_removed() {
        assert_eq!(
            clean("abc\u{202E}def\u{200B}g\u{2066}h", Lines::Join),
            "abcdefgh"
        );
    }

    #[test]
    fn line_breaks_are_kept_or_joined() {
        assert_eq!(clean("a\r\nb\rc\td", Lines::Keep), "a\nb\nc d");
        assert_eq!(clean("a\r\nb\nc", Lines::Join), "a b c");
    }

    #[test]
    fn emoji_and_combining_marks_survive() {
        let s = "🔒 ca\u{301}fe";
        assert_eq!(clean(s, Lines::Join), s);
    }
}
