//! Japanese-aware fuzzy search over the measures and cases.
//!
//! Text and query are normalized the same way, once for the text (at index
//! time) and once per keystroke for the query: Unicode NFKC (ＵＳＢ = USB,
//! ｶﾅ = カナ, U+3000 = space), lowercase, and katakana folded to hiragana (so
//! ぱすわーど finds パスワード). The query is split on spaces; every term must
//! match, in any order. Matching and ranking use nucleo-matcher, which scores
//! contiguous and word-initial matches highest.
//!
//! Typing is incremental: when the new query only extends the previous one,
//! only the previous hits are scored again. Match positions (for highlighting)
//! are computed on demand, for the rows on screen.

pub mod controls;

use std::ops::Range;

use nucleo_matcher::Matcher;
use serde::Serialize;

use crate::casebook::Casebook;
use crate::model::Case;

/// What to search.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// Measures and cases together.
    #[default]
    All,
    /// The recurrence-prevention measures.
    Measures,
    /// Cases: title, organization, tags, summary and root causes.
    Cases,
}

impl Target {
    pub fn next(self) -> Target {
        match self {
            Target::All => Target::Measures,
            Target::Measures => Target::Cases,
            Target::Cases => Target::All,
        }
    }
}

/// Where a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The measure with this index in its case.
    Measure(u16),
    Case,
}

// ----- normalization (src/search/normalize.rs) -----------------------------------------

mod normalize;

use normalize::normalize_into;
pub use normalize::{normalize, normalize_append, word_starts};

/// What to say when a query in Latin letters finds nothing: the cases are
/// written in Japanese, and English finds control titles (searched in English
/// and Japanese) and words written in Latin letters (USB, VPN).
pub fn no_hits_hint(query: &str, lang: crate::lang::Lang) -> Option<&'static str> {
    let q = query.trim();
    let latin = !q.is_empty() && q.is_ascii() && q.chars().any(|c| c.is_ascii_alphabetic());
    latin.then(|| {
        crate::lang::t(
            lang,
            "一致なし。事例の本文は日本語です。英語で見つかるのは管理策の名前（secure disposal など）と USB のような英字の語です。日本語でもお試しください（暗号化、廃棄、持ち出し）",
            "No matches. The cases are written in Japanese: English finds control titles (\u{201C}secure disposal\u{201D}, A.7.14) and words in Latin letters such as USB. Try Japanese words too: 暗号化 (encryption), 廃棄 (disposal), 持ち出し (taking out)",
        )
    })
}

/// The normalized query as terms: split on the spaces typed (any width), then normalized.
pub fn terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(|t| normalize(t).0.into_iter().collect::<String>())
        .filter(|t| !t.trim().is_empty())
        .collect()
}

// ----- the index ----------------------------------------------------------------------

mod index;

pub use index::Index;
use index::Scratch;

mod matching;

use matching::{Term, best_part, char_set, matcher, query_terms};

/// A search result: an item and its score (higher is better).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub item: u32,
    pub score: u32,
    /// Found through this control (see [`Index::control`]), not by its own text.
    pub via: Option<u32>,
}

/// The text a case is searched by: title, organization, tags, summary and
/// root causes, separated by ideographic spaces, and where each part starts and
/// ends in it (in characters). Each sentence of the summary is a part of its own.
pub fn case_parts(case: &Case) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut parts = Vec::new();
    let mut at = 0;
    let mut add = |text: &mut String, part: &str, separate: bool| {
        if separate && !text.is_empty() {
            text.push('　');
            at += 1;
        }
        let len = part.chars().count();
        text.push_str(part);
        parts.push(at..at + len);
        at += len;
    };
    add(&mut text, &case.title, true);
    add(&mut text, &case.organization, true);
    if !case.tags.is_empty() {
        add(&mut text, &case.tags.join(" "), true);
    }
    let summary = case.summary.replace('\n', "");
    for (i, (_, sentence)) in crate::sentence::split(&summary).enumerate() {
        add(&mut text, sentence, i == 0);
    }
    for c in &case.root_causes {
        add(&mut text, &c.text, true);
    }
    (text, parts)
}

/// What a case hit shows: the parts of the case that hold the matched
/// characters `positions` (indices into [`case_text`]) — sentences of its
/// summary and root causes, in the case's order, joined with ` … ` — or its
/// title when the match is in the title, organization or tags only (or
/// there is none: a hit through a control).
pub fn matched_text(case: &Case, positions: &[usize]) -> String {
    let (text, parts) = case_parts(case);
    let chars: Vec<char> = text.chars().collect();
    // Title, organization and tags come first; then the summary's sentences
    // and the root causes.
    let heads = if case.tags.is_empty() { 2 } else { 3 };
    let found: Vec<String> = parts
        .iter()
        .enumerate()
        .skip(heads)
        .filter(|(_, r)| positions.iter().any(|p| r.contains(p)))
        .map(|(_, r)| {
            chars[r.clone()]
                .iter()
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect();
    if found.is_empty() {
        case.title.clone()
    } else {
        found.join(" … ")
    }
}

/// What is said on standard error when nothing matches: that nothing does
/// (whatever the query's script), and for a query in Latin letters a hint.
pub fn no_hits(query: &str, target: Target, lang: crate::lang::Lang) -> String {
    let q = crate::text::line(query.trim());
    let mut said = match (lang, target) {
        (crate::lang::Lang::Ja, Target::Measures) => {
            format!("「{q}」に一致する再発防止策はありません")
        }
        (crate::lang::Lang::Ja, Target::Cases) => format!("「{q}」に一致する事例はありません"),
        (crate::lang::Lang::Ja, Target::All) => {
            format!("「{q}」に一致する再発防止策も事例もありません")
        }
        (crate::lang::Lang::En, Target::Measures) => {
            format!("no measure matches \u{201C}{q}\u{201D}")
        }
        (crate::lang::Lang::En, Target::Cases) => format!("no case matches \u{201C}{q}\u{201D}"),
        (crate::lang::Lang::En, Target::All) => {
            format!("nothing matches \u{201C}{q}\u{201D} in measures or cases")
        }
    };
    if let Some(hint) = no_hits_hint(query, lang) {
        // The hint without its own "no matches", which the line above says.
        let hint = hint
            .trim_start_matches("一致なし。")
            .trim_start_matches("No matches. ");
        said.push('\n');
        said.push_str(hint);
    }
    said
}

/// The whole text a case is searched by (see [`case_parts`]).
pub fn case_text(case: &Case) -> String {
    case_parts(case).0
}

/// The original text of an item.
pub fn item_text(book: &Casebook, case: usize, kind: Kind) -> String {
    // Read, not kept: a common word's hits would hold most of the cases.
    item_text_in(&book.fetch(case).case, kind)
}

/// The original text of an item of `case`.
pub fn item_text_in(case: &Case, kind: Kind) -> String {
    match kind {
        Kind::Measure(i) => case.measures[i as usize].text.clone(),
        Kind::Case => case_text(case),
    }
}

/// Search state: the index, one matcher per thread, and the last query's hits.
pub struct Searcher {
    pub index: Index,
    matchers: Vec<Matcher>,
    last: Option<(Vec<String>, Target, Vec<Hit>)>,
    /// Hand back the index's pages as they are read (one search, then exit).
    once: bool,
    /// Hits whose positions were computed since the index's text was last
    /// handed back (a one-shot search: see [`Searcher::positions_in`]).
    placed: usize,
}

/// Above this many candidates, scoring uses the greedy alignment.
const GREEDY_ABOVE: usize = 8192;

/// Below this many candidates one thread is faster than starting two.
const PARALLEL_FROM: usize = 4096;

/// A one-shot search hands back the index text of this many candidates at a time.
const RELEASE_EVERY: usize = 4096;

/// A one-shot search hands back the index text after computing the match
/// positions of this many hits. Hits come in rank order, scattered over the
/// text, and each read of a few characters there makes resident what the
/// kernel maps around the fault (up to hundreds of kilobytes): a few
/// megabytes at most between two hand-backs.
const RELEASE_POSITIONS_EVERY: usize = 16;

impl Searcher {
    /// A searcher over an index built in memory.
    pub fn new(book: &Casebook) -> Searcher {
        Searcher::with_index(Index::new(book))
    }

    /// A searcher over the index the loader found: read from the cache where
    /// it holds it. Notices say which cache files were damaged (and rebuilt).
    pub fn open(
        book: &Casebook,
        sources: &[crate::load::IndexSource],
    ) -> (Searcher, Vec<crate::diag::Message>) {
        let (index, notices) = Index::open(book, sources);
        (Searcher::with_index(index), notices)
    }

    pub fn with_index(index: Index) -> Searcher {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        Searcher {
            index,
            matchers: (0..threads).map(|_| matcher()).collect(),
            last: None,
            once: false,
            placed: 0,
        }
    }

    /// For a searcher that runs one query and is dropped (the command line's
    /// `search`): the text of the index read in place from the cache is
    /// handed back to the system as the scan passes it, so a search over
    /// 100,000 cases does not keep the whole index resident.
    pub fn once(mut self) -> Searcher {
        self.once = true;
        self
    }

    /// Hits for `query`, best first.
    pub fn search(&mut self, query: &str, target: Target) -> Vec<Hit> {
        let terms = terms(query);
        // A query that only grows (more characters, more terms) can only match
        // fewer items: score the previous hits again instead of everything.
        let narrowing = self.last.as_ref().is_some_and(|(prev, t, _)| {
            *t == target
                && !prev.is_empty()
                && terms.len() >= prev.len()
                && prev
                    .iter()
                    .zip(&terms)
                    .all(|(p, n)| n.starts_with(p.as_str()))
        });
        let candidates: Vec<u32> = if narrowing {
            self.last
                .as_ref()
                .map(|(_, _, hits)| hits.iter().map(|h| h.item).collect())
                .unwrap_or_default()
        } else {
            self.index
                .kinds()
                .filter(|&(_, is_case)| match target {
                    Target::All => true,
                    Target::Measures => !is_case,
                    Target::Cases => is_case,
                })
                .map(|(i, _)| i)
                .collect()
        };
        let mut hits = if terms.is_empty() {
            candidates
                .iter()
                .map(|&item| Hit {
                    item,
                    score: 0,
                    via: None,
                })
                .collect()
        } else {
            let needed = char_set(terms.iter().flat_map(|t| t.chars()));
            self.score(&candidates, &query_terms(&terms), needed)
        };
        // Best score first; then measures before cases, newer cases first, index
        // order. Packed into one integer so tens of thousands of hits sort fast.
        let index = &self.index;
        let reader = index.reader();
        let order = |h: &Hit| {
            let (case, kind) = reader.item_of(h.item);
            let is_case = u128::from(kind == Kind::Case);
            (u128::from(!h.score) << 96)
                | (is_case << 95)
                | (u128::from(index.rank(case)) << 32)
                | u128::from(h.item)
        };
        // The key is computed once per hit, not once per comparison.
        hits.sort_by_cached_key(order);
        let via = index.controls().matching(query, &terms);
        self.last = Some((terms, target, hits.clone()));
        if !via.is_empty() {
            // Items found through a control come after every direct match, once each.
            let mut seen = vec![0u64; index.len().div_ceil(64)];
            for h in &hits {
                seen[h.item as usize / 64] |= 1 << (h.item % 64);
            }
            let (measures, cases) = match target {
                Target::All => (true, true),
                Target::Measures => (true, false),
                Target::Cases => (false, true),
            };
            // Among equal scores: measures first, then cases, each newest case first.
            let (mut m, mut k) = (Vec::new(), Vec::new());
            for c in via {
                for item in index.controls().items(c, measures, cases) {
                    let (word, bit) = (item as usize / 64, 1u64 << (item % 64));
                    if seen[word] & bit == 0 {
                        seen[word] |= bit;
                        let hit = Hit {
                            item,
                            score: 0,
                            via: Some(c),
                        };
                        if reader.item_of(item).1 == Kind::Case {
                            k.push(hit);
                        } else {
                            m.push(hit);
                        }
                    }
                }
            }
            m.sort_by_cached_key(order);
            k.sort_by_cached_key(order);
            hits.extend(m);
            hits.extend(k);
        }
        hits
    }

    fn score(&mut self, candidates: &[u32], terms: &[Term], needed: u64) -> Vec<Hit> {
        let reader = self.index.reader();
        let reader = &reader;
        // The first keys of a query can leave tens of thousands of candidates;
        // they are ranked by the faster greedy alignment until typing narrows them.
        let greedy = candidates.len() > GREEDY_ABOVE;
        let once = self.once;
        let run = |matcher: &mut Matcher, chunk: &[u32]| -> Vec<Hit> {
            let mut scratch = Scratch::default();
            let mut hits = Vec::new();
            // Candidates come in item order, so each stretch of them covers
            // one stretch of the index's text, released once it is scored.
            for stretch in chunk.chunks(RELEASE_EVERY) {
                hits.extend(stretch.iter().filter_map(|&item| {
                    let it = reader.view(item);
                    if it.chars() & needed != needed {
                        return None;
                    }
                    let mut score = 0u32;
                    for term in terms {
                        score += best_part(term, &it, matcher, &mut scratch, greedy)?.0;
                    }
                    Some(Hit {
                        item,
                        score,
                        via: None,
                    })
                }));
                if let (true, Some(first), Some(last)) = (once, stretch.first(), stretch.last()) {
                    reader.release_text(*first, last.saturating_add(1));
                }
            }
            hits
        };
        if candidates.len() < PARALLEL_FROM || self.matchers.len() == 1 {
            return run(&mut self.matchers[0], candidates);
        }
        let size = candidates.len().div_ceil(self.matchers.len());
        std::thread::scope(|s| {
            let handles: Vec<_> = self
                .matchers
                .iter_mut()
                .zip(candidates.chunks(size))
                .map(|(m, chunk)| s.spawn(move || run(m, chunk)))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }

    /// Matched character positions in the item's original text, sorted. The
    /// text is normalized again here, for the few rows on screen, so the index
    /// need not keep a position map for every item.
    pub fn positions(&mut self, book: &Casebook, item: u32, query: &str) -> Vec<usize> {
        let (case, _) = self.index.item_of(item);
        // Read, not kept (see [`item_text`]).
        let entry = book.fetch(case);
        self.positions_in(&entry.case, item, query)
    }

    /// [`Searcher::positions`], in the item's case `c` already at hand.
    pub fn positions_in(&mut self, c: &Case, item: u32, query: &str) -> Vec<usize> {
        let (_, kind) = self.index.item_of(item);
        let (text, ranges) = match kind {
            Kind::Measure(i) => {
                let text = c.measures[i as usize].text.clone();
                let len = text.chars().count();
                (text, std::iter::once(0..len).collect())
            }
            Kind::Case => case_parts(c),
        };
        let chars: Vec<char> = text.chars().collect();
        let reader = self.index.reader();
        let it = reader.view(item);
        let matcher = &mut self.matchers[0];
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for term in query_terms(&terms(query)) {
            let Some((_, p)) = best_part(&term, &it, matcher, &mut scratch, false) else {
                continue;
            };
            let Some(range) = ranges.get(p) else { continue };
            let (_, map) = normalize(&chars[range.clone()].iter().collect::<String>());
            let mut indices = Vec::new();
            let hay = it.hay(it.parts().start + p, &mut scratch);
            term.atom.indices(hay, matcher, &mut indices);
            out.extend(
                indices
                    .into_iter()
                    .map(|i| range.start + map.as_ref().map_or(i, |m| m[i as usize]) as usize),
            );
        }
        if self.once {
            self.placed += 1;
            if self.placed == RELEASE_POSITIONS_EVERY {
                self.placed = 0;
                reader.release_text(0, self.index.len() as u32);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).0.into_iter().collect()
    }

    #[test]
    fn width_case_and_kana_are_folded() {
        assert_eq!(norm("ＵＳＢ"), "usb");
        assert_eq!(norm("ｕｓｂ"), "usb");
        assert_eq!(norm("USB"), "usb");
        assert_eq!(norm("ｶﾅ"), "かな");
        assert_eq!(norm("ﾊﾟｽﾜｰﾄﾞ"), "ぱすわーど");
        assert_eq!(norm("パスワード"), "ぱすわーど");
        assert_eq!(norm("ぱすわーど"), "ぱすわーど");
        assert_eq!(norm("漏えい\u{3000}防止"), "漏えい 防止");
    }

    #[test]
    fn japanese_word_starts_are_marked() {
        assert_eq!(norm("委託で廃棄する"), "委託で 廃棄する");
        assert_eq!(norm("USBメモリー"), "usb めもりー");
        assert_eq!(norm("データ消去"), "でーた 消去");
        assert_eq!(norm("パスワードを"), "ぱすわーどを");
        assert_eq!(norm("usb memory"), "usb memory");
    }

    #[test]
    fn positions_map_back_through_width_changes() {
        // ﾊﾟ is two characters that become one.
        let (chars, map) = normalize("ﾊﾟｽ");
        assert_eq!(chars, vec!['ぱ', 'す']);
        assert_eq!(map.unwrap(), vec![0, 2]);
        let (_, map) = normalize("紛失した");
        assert!(map.is_none(), "unchanged text needs no map");
        let (_, map) = normalize("を確認");
        assert_eq!(
            map.unwrap(),
            vec![0, 1, 1, 2],
            "a word-start mark maps to the word's first character"
        );
    }

    #[test]
    fn query_terms_split_on_any_space() {
        assert_eq!(terms("廃棄　確認  USB"), vec!["廃棄", "確認", "usb"]);
        assert_eq!(
            terms("USBメモリー"),
            vec!["usb めもりー"],
            "a word start inside a term stays in it"
        );
        assert!(terms("  ").is_empty());
    }
}
