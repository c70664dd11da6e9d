//! Text from case files, file names and arguments is data. Before it reaches
//! the terminal, the clipboard or an export it passes through [`clean`], one
//! rule for every place (the output module applies it to everything printed):
//!
//! - C0 controls, DEL and C1 controls become visible symbols: ESC shows as `␛`,
//!   other C0 controls as their "control picture" (U+2400 block), DEL as `␡`
//!   and C1 controls as `�`. Nothing that a terminal interprets survives.
//! - Invisible characters are removed: every format character (General_Category
//!   Cf: bidi overrides and isolates, zero-width spaces and joiners, the soft
//!   hyphen, interlinear annotation marks, tag characters, ...) and every other
//!   Default_Ignorable_Code_Point (Hangul fillers, the combining grapheme joiner,
//!   ...), by the Unicode properties, not a hand-kept list. Variation selectors
//!   are kept: they choose a glyph for the character before them (the ideographic
//!   variation sequences of Japanese names, emoji presentation). The 66
//!   noncharacters (U+FDD0–FDEF and the last two code points of every plane,
//!   U+FFFE and U+FFFF among them, which XML forbids) are removed too.
//! - Line breaks are kept in multi-line text (CRLF, CR and the Unicode line and
//!   paragraph separators become LF) and become spaces in one-line text; a tab
//!   becomes a space (except in [`Lines::Output`], which keeps tab-separated
//!   columns).

use std::borrow::Cow;
use std::path::Path;

use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory, VariationSelector};
use icu_properties::{CodePointMapData, CodePointSetData};

/// Whether line breaks are kept (summaries) or turned into spaces (titles).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lines {
    Keep,
    Join,
    /// What the program prints: line breaks and tabs kept.
    Output,
}

/// Characters removed outright: invisible characters that can reorder or hide
/// text (Default_Ignorable_Code_Point or General_Category Format, except
/// variation selectors), and noncharacters.
pub fn is_invisible_format(c: char) -> bool {
    if is_common_visible(c) {
        return false;
    }
    is_noncharacter(c) || invisible_by_property(c)
}

/// The noncharacters: U+FDD0–FDEF and U+xxFFFE, U+xxFFFF in every plane
/// (Unicode's Noncharacter_Code_Point, fixed since Unicode 3.1).
pub fn is_noncharacter(c: char) -> bool {
    let c = c as u32;
    (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
}

/// Ranges that hold no Format or Default_Ignorable character: ASCII, Latin-1
/// but the soft hyphen, CJK punctuation, kana, kanji and full-width forms — nearly
/// all of a case file's text, answered without a property lookup (the test
/// `the_fast_path_agrees_with_the_properties` holds this to the property data).
fn is_common_visible(c: char) -> bool {
    matches!(c as u32,
        0..=0x7F | 0xA0..=0xAC | 0xAE..=0xFF | 0x3000..=0x30FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xFF01..=0xFF9F)
}

fn invisible_by_property(c: char) -> bool {
    let format = CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Format;
    (format || CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c))
        && !CodePointSetData::new::<VariationSelector>().contains(c)
}

/// The Unicode line and paragraph separators (General_Category Zl and Zp).
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Whether `c` is changed or removed by [`clean`] (controls, invisible
/// characters, separators), whatever the line mode.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_line_separator(c) || is_invisible_format(c)
}

/// True when `s` needs no change by [`clean`].
pub fn is_clean(s: &str, lines: Lines) -> bool {
    s.chars().all(|c| match c {
        '\n' => lines != Lines::Join,
        '\t' => lines == Lines::Output,
        c => !is_unsafe(c),
    })
}

/// Makes text safe to show, copy and export (see the module docs).
pub fn clean(s: &str, lines: Lines) -> Cow<'_, str> {
    if is_clean(s, lines) {
        return Cow::Borrowed(s);
    }
    let newline = if lines == Lines::Join { ' ' } else { '\n' };
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(newline);
                }
            }
            '\n' => out.push(newline),
            c if is_line_separator(c) => out.push(newline),
            '\t' if lines == Lines::Output => out.push('\t'),
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

/// A path as it is shown in messages, on screen and in JSON: one line, clean.
pub fn path(p: &Path) -> String {
    line(&p.to_string_lossy()).into_owned()
}

/// For messages about what a file literally holds: every character that
/// [`clean`] would change or remove is written as `<U+FEFF>`, so an invisible
/// one shows where it is (`unknown field `<U+FEFF>title``).
pub fn reveal(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| !is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A CJK unified ideograph (漢字; not 々 or ヶ).
pub fn is_kanji(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// A hiragana letter or mark (あ, ゝ, ゟ).
pub fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// A katakana letter or mark (ア, ヶ, ー, ・).
pub fn is_katakana(c: char) -> bool {
    ('\u{30A0}'..='\u{30FF}').contains(&c)
}

/// How many brackets (`(`, `（`, `「`, `『`) are open at the end of a text;
/// negative when more close than open.
pub fn bracket_depth(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        '(' | '（' | '「' | '『' => d + 1,
        ')' | '）' | '」' | '』' => d - 1,
        _ => d,
    })
}

/// The last `n` characters of a text (all of it when shorter).
pub fn last_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    let at = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[at..]
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

/// Whether `s` is an id: lowercase a-z, digits 0-9 and `-`, not empty.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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

    #[test]
    fn invisible_characters_are_found_by_their_unicode_properties() {
        // Soft hyphen, interlinear annotation marks, tag characters, Hangul
        // fillers, the combining grapheme joiner, the Mongolian vowel separator,
        // Khmer inherent vowels: all removed, none listed by hand.
        for c in [
            '\u{00AD}',
            '\u{FFF9}',
            '\u{FFFA}',
            '\u{FFFB}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{3164}',
            '\u{115F}',
            '\u{1160}',
            '\u{FFA0}',
            '\u{034F}',
            '\u{180E}',
            '\u{17B4}',
            '\u{17B5}',
            '\u{2061}',
            '\u{206F}',
        ] {
            assert!(is_invisible_format(c), "U+{:04X}", c as u32);
            assert_eq!(
                clean(&format!("a{c}b"), Lines::Join),
                "ab",
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn noncharacters_are_removed() {
        let all: Vec<char> = (0xFDD0..=0xFDEF)
            .chain((0..=0x10).flat_map(|plane| [plane << 16 | 0xFFFE, plane << 16 | 0xFFFF]))
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(all.len(), 66);
        for c in all {
            assert!(is_unsafe(c), "{:04X}", c as u32);
            assert_eq!(
                clean(&format!("a{c}b"), Lines::Keep),
                "ab",
                "{:04X}",
                c as u32
            );
        }
        for c in ['\u{FDCF}', '\u{FDF0}', '\u{FFFD}', '\u{FFFC}', '\u{1FFFD}'] {
            assert!(!is_noncharacter(c), "{:04X}", c as u32);
        }
    }

    #[test]
    fn line_and_paragraph_separators_are_line_breaks() {
        assert_eq!(clean("a\u{2028}b\u{2029}c", Lines::Keep), "a\nb\nc");
        assert_eq!(clean("a\u{2028}b\u{2029}c", Lines::Join), "a b c");
    }

    #[test]
    fn variation_selectors_and_japanese_stay() {
        // 葛 with an ideographic variation selector, a heart with VS16, full-width forms.
        for s in [
            "葛\u{E0100}城市",
            "\u{2764}\u{FE0F}",
            "ＵＳＢ　ｶﾅ",
            "ㄱ한글",
        ] {
            assert_eq!(clean(s, Lines::Join), s);
        }
    }

    #[test]
    fn output_keeps_tabs_and_newlines() {
        assert_eq!(clean("a\tb\n\u{1b}c", Lines::Output), "a\tb\n␛c");
    }

    #[test]
    fn the_last_characters_of_a_text() {
        assert_eq!(last_chars("事業を委託する", 3), "託する");
        assert_eq!(last_chars("ab", 5), "ab");
        assert_eq!(last_chars("abc", 0), "");
    }

    #[test]
    fn reveal_names_what_is_hidden() {
        assert_eq!(reveal("\u{FEFF}title"), "<U+FEFF>title");
        assert_eq!(reveal("ti\u{200B}tle\u{1b}"), "ti<U+200B>tle<U+001B>");
        assert_eq!(reveal("title"), "title");
    }

    #[test]
    fn the_fast_path_agrees_with_the_properties() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if is_common_visible(c) {
                assert!(!invisible_by_property(c), "U+{:04X}", c as u32);
            }
        }
    }
}
