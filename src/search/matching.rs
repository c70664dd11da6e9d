//! Matching one query term against an item: the character-set prefilter,
//! nucleo-matcher's score over each of the item's parts, and a bonus for
//! contiguous runs (Japanese has no spaces to anchor a fuzzy match).

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::index::{ItemView, Scratch};

/// The bit of a character in a 64-bit character set.
fn char_bit(c: char) -> u64 {
    1 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 26)
}

pub(super) fn char_set(chars: impl IntoIterator<Item = char>) -> u64 {
    chars.into_iter().fold(0, |set, c| set | char_bit(c))
}

/// A query term ready to match: the matcher's atom and its characters.
pub(super) struct Term {
    pub(super) atom: Atom,
    pub(super) chars: u64,
}

pub(super) fn query_terms(terms: &[String]) -> Vec<Term> {
    terms
        .iter()
        .map(|t| Term {
            atom: Atom::new(
                t,
                CaseMatching::Respect,
                Normalization::Never,
                AtomKind::Fuzzy,
                false,
            ),
            chars: char_set(t.chars()),
        })
        .collect()
}

/// The best score of a term over an item's parts, and which part gave it.
/// `greedy` trades the optimal alignment for speed (same matches, rougher order).
pub(super) fn best_part(
    term: &Term,
    item: &ItemView,
    matcher: &mut Matcher,
    scratch: &mut Scratch,
    greedy: bool,
) -> Option<(u32, usize)> {
    let mut best: Option<(u32, usize)> = None;
    for (i, part) in item.parts().enumerate() {
        if item.part_chars(part) & term.chars != term.chars {
            continue;
        }
        let hay = item.hay(part, scratch);
        let score = if greedy {
            matcher.fuzzy_match_greedy(hay, term.atom.needle_text())
        } else {
            term.atom.score(hay, matcher)
        };
        if let Some(score) = score {
            let score = score as u32 + contiguous_bonus(&term.atom, hay);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, i));
            }
        }
    }
    best
}

/// Japanese has no spaces, so a fuzzy match can pick characters from all over
/// a sentence (廃…棄…確…認) and still collect word-start bonuses. A term found
/// as one contiguous run earns a bonus worth one matched character per
/// character, so contiguous matches outrank scattered ones.
fn contiguous_bonus(atom: &Atom, hay: Utf32Str<'_>) -> u32 {
    let needle = atom.needle_text();
    if needle.len() < 2 {
        return 0;
    }
    let found = match (hay, needle) {
        (Utf32Str::Ascii(h), Utf32Str::Ascii(n)) => h.windows(n.len()).any(|w| w == n),
        (Utf32Str::Unicode(h), Utf32Str::Unicode(n)) => h.windows(n.len()).any(|w| w == n),
        // A non-ASCII needle is never in ASCII text; the reverse cannot happen
        // either, since both sides went through the same normalization.
        _ => false,
    };
    if found { 16 * needle.len() as u32 } else { 0 }
}

pub(super) fn matcher() -> Matcher {
    let mut config = Config::DEFAULT;
    config.ignore_case = false;
    config.normalize = false;
    Matcher::new(config)
}
