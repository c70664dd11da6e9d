//! Normalization of text and queries, the same for both: NFKC, lowercase,
//! katakana folded to hiragana, joining marks kept with their letter; and
//! where words start in unspaced Japanese (a change of script).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

fn is_joining(c: char) -> bool {
    // Fast answers for the common cases: ASCII, Latin-1, kana and kanji never join.
    match c as u32 {
        0..=0x2FF | 0x3041..=0x3096 | 0x30A1..=0x30FA | 0x4E00..=0x9FFF => false,
        _ => {
            matches!(c, '\u{3099}' | '\u{309A}' | '\u{FF9E}' | '\u{FF9F}')
                || canonical_combining_class(c) != 0
        }
    }
}

/// Folds one already-NFKC character: lowercase, katakana → hiragana.
fn fold(c: char, out: &mut impl FnMut(char)) {
    match c {
        'A'..='Z' => out(c.to_ascii_lowercase()),
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => {
            out(char::from_u32(c as u32 - 0x60).unwrap_or(c))
        }
        // No case: ASCII, hiragana, CJK punctuation and kanji.
        c if c.is_ascii() => out(c),
        '\u{3000}'..='\u{30A0}' | '\u{4E00}'..='\u{9FFF}' => out(c),
        c => c.to_lowercase().for_each(out),
    }
}

/// Characters NFKC leaves as they are: ASCII, kana and CJK ideographs.
fn nfkc_stable(c: char) -> bool {
    c.is_ascii() && c != '\u{7F}'
        || matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}' | '\u{4E00}'..='\u{9FFF}'
            | '\u{3001}'..='\u{3003}' | '\u{3005}'..='\u{3007}' | '\u{300C}'..='\u{300F}')
}

/// Scripts, for finding where a Japanese word starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Kanji,
    Hiragana,
    Katakana,
    Latin,
    Other,
}

fn script(c: char) -> Script {
    match c {
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '々'
        | '〆'
        | '\u{F900}'..='\u{FAFF}' => Script::Kanji,
        '\u{3041}'..='\u{309F}' => Script::Hiragana,
        'ー' | 'ｰ' | '\u{30FB}' | '\u{FF65}' => Script::Other,
        '\u{30A0}'..='\u{30FF}' | '\u{FF66}'..='\u{FF9F}' => Script::Katakana,
        c if c.is_alphanumeric() && (c.is_ascii() || ('\u{FF10}'..='\u{FF5A}').contains(&c)) => {
            Script::Latin
        }
        _ => Script::Other,
    }
}

/// Where words start in text typed into a field, for moving and deleting by
/// word: after a space or a punctuation mark, and inside unspaced Japanese
/// where a run of kanji, katakana or Latin letters follows a letter of another
/// script, as search marks word starts (「委託で|廃棄する」「USB|メモリー」).
pub fn word_starts(chars: &[char]) -> Vec<bool> {
    let mut out = Vec::with_capacity(chars.len());
    let mut previous = Script::Other;
    for &c in chars {
        let current = match c {
            'ー' | 'ｰ' if previous != Script::Other => previous,
            c => script(c),
        };
        out.push(match (previous, current) {
            (_, Script::Other) => false,
            (Script::Other, _) => true,
            (p, c) => p != c && matches!(c, Script::Kanji | Script::Katakana | Script::Latin),
        });
        previous = current;
    }
    out
}

/// Marks the start of a word inside unspaced Japanese text, so the matcher
/// gives it the bonus it gives a word after a space. A word starts where a
/// run of kanji, katakana or Latin letters follows a letter of another script
/// (「委託で|廃棄する」「USB|メモリー」「データ|消去」); hiragana runs are
/// endings and particles, not word starts. The mark is a space: the matcher
/// rewards a match right after a space most, and text and query get the mark
/// in the same places (query terms are split on the spaces the user typed
/// before they are normalized).
pub const WORD_START: char = ' ';

/// Normalized text and, when it differs in length from the original, the
/// original character index of every normalized character.
pub fn normalize(text: &str) -> (Vec<char>, Option<Vec<u32>>) {
    let mut out = Vec::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let count = normalize_into(text, &mut out, Some(&mut map));
    let identity = out.len() == count && map.iter().enumerate().all(|(i, &m)| i as u32 == m);
    (out, (!identity).then_some(map))
}

/// Appends the normalized form of `text` to `out` (no position map).
pub fn normalize_append(text: &str, out: &mut Vec<char>) {
    normalize_into(text, out, None);
}

/// Appends the normalized form of `text` to `out` and, when asked, the original
/// character index of each normalized character to `map`. Returns the number
/// of characters in `text`.
pub(super) fn normalize_into(
    text: &str,
    out: &mut Vec<char>,
    mut map: Option<&mut Vec<u32>>,
) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut previous = Script::Other;
    while i < chars.len() {
        let start = i;
        i += 1;
        while i < chars.len() && is_joining(chars[i]) {
            i += 1;
        }
        // The long-vowel mark continues the word it is in.
        let current = match chars[start] {
            'ー' | 'ｰ' => previous,
            c => script(c),
        };
        let word_start = current != previous
            && previous != Script::Other
            && matches!(current, Script::Kanji | Script::Katakana | Script::Latin);
        previous = current;
        let mut push = |c: char| {
            out.push(c);
            if let Some(map) = map.as_deref_mut() {
                map.push(start as u32);
            }
        };
        if word_start {
            push(WORD_START);
        }
        if i - start == 1 && nfkc_stable(chars[start]) {
            fold(chars[start], &mut push);
        } else {
            for c in chars[start..i].iter().copied().nfkc() {
                fold(c, &mut push);
            }
        }
    }
    chars.len()
}
