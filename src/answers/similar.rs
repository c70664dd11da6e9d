//! Similar cases: what else looks like this case?
//!
//! Two cases score for what they share: each control cited by both adds its
//! inverse document frequency (a control few cases cite says more than one
//! most cases cite), each shared cause category half its IDF, each shared tag
//! three quarters of its IDF, and the similarity of their measure texts (the
//! cosine of TF-IDF weighted character bigrams of the normalized text, 0..1)
//! counts up to [`TEXT_WEIGHT`]. The index is built once; a query walks only
//! the cases that share something with the case asked about.

use std::collections::HashMap;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::casebook::Casebook;
use crate::model::{Case, ControlRef};

pub const CONTROL_WEIGHT: f32 = 1.0;
pub const CAUSE_WEIGHT: f32 = 0.5;
pub const TAG_WEIGHT: f32 = 0.75;
pub const TEXT_WEIGHT: f32 = 4.0;

/// Something two cases can share.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Feature {
    /// A control both cases' measures cite.
    Control(ControlRef),
    /// A root-cause category both have (its id).
    Cause(String),
    /// A tag both carry, folded (`ＵＳＢ` = `usb`).
    Tag(String),
}

impl Feature {
    /// How much sharing it counts, before its IDF.
    fn weight(&self) -> f32 {
        match self {
            Feature::Control(_) => CONTROL_WEIGHT,
            Feature::Cause(_) => CAUSE_WEIGHT,
            Feature::Tag(_) => TAG_WEIGHT,
        }
    }

    /// Where it stands in a list of shared features: controls first, then
    /// causes, then tags.
    fn rank(&self) -> u8 {
        match self {
            Feature::Control(_) => 0,
            Feature::Cause(_) => 1,
            Feature::Tag(_) => 2,
        }
    }
}

/// Its written form: `iso27001:A.7.14`, `cause:mismanagement`, `tag:廃棄`.
impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Feature::Control(r) => write!(f, "{r}"),
            Feature::Cause(c) => write!(f, "cause:{c}"),
            Feature::Tag(t) => write!(f, "tag:{t}"),
        }
    }
}

/// Written out (JSON) in its written form.
impl Serialize for Feature {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A feature equals its written form.
impl PartialEq<&str> for Feature {
    fn eq(&self, other: &&str) -> bool {
        let (prefix, rest) = match self {
            Feature::Control(r) => (r.scheme.as_str(), r.id.as_str()),
            Feature::Cause(c) => ("cause", c.as_str()),
            Feature::Tag(t) => ("tag", t.as_str()),
        };
        other
            .strip_prefix(prefix)
            .and_then(|o| o.strip_prefix(':'))
            .is_some_and(|o| o == rest)
    }
}

/// A case found similar, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Similar {
    #[serde(skip)]
    pub index: usize,
    pub case_id: String,
    pub score: f32,
    /// What both cases have: controls first, then causes, then tags.
    pub shared: Vec<Feature>,
    /// The similarity of the measure texts, 0..1.
    pub text: f32,
}

pub struct Index {
    cases: usize,
    /// Per case: its discrete features, sorted.
    features: Vec<Vec<u32>>,
    /// Per feature: what it is, its weight (IDF times its kind's weight), the cases having it.
    named: Vec<Feature>,
    weights: Vec<f32>,
    postings: Vec<Vec<u32>>,
    /// Per case: its unit-length bigram vector (bigram id, weight).
    text: Vec<Vec<(u32, f32)>>,
    /// Per bigram: (case, weight); bigrams in too many cases are left out.
    text_postings: Vec<Vec<(u32, f32)>>,
}

fn idf(n: usize, df: usize) -> f32 {
    ((n as f32 + 1.0) / (df as f32 + 1.0)).ln() + 1.0
}

/// A character bigram packed in a u64.
fn pack(a: char, b: char) -> u64 {
    (u64::from(a as u32) << 32) | u64::from(b as u32)
}

/// The character bigrams of a case's measures (normalized as search does,
/// without spaces), with their counts, sorted.
fn bigrams(case: &Case, chars: &mut Vec<char>) -> Vec<(u64, u32)> {
    let mut grams: Vec<u64> = Vec::new();
    for m in &case.measures {
        chars.clear();
        crate::search::normalize_append(&m.text, chars);
        chars.retain(|c| !c.is_whitespace());
        grams.extend(chars.windows(2).map(|w| pack(w[0], w[1])));
    }
    grams.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(grams.len());
    for g in grams {
        match out.last_mut() {
            Some((last, n)) if *last == g => *n += 1,
            _ => out.push((g, 1)),
        }
    }
    out
}

/// The bigrams of every case, on all cores.
fn all_bigrams(book: &Casebook) -> Vec<Vec<(u64, u32)>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let run = |part: std::ops::Range<usize>| -> Vec<Vec<(u64, u32)>> {
        let mut chars = Vec::new();
        // Read without keeping: the index must not hold every case in memory.
        part.map(|i| bigrams(&book.fetch(i).case, &mut chars))
            .collect()
    };
    let n = book.len();
    if n < 512 || threads == 1 {
        return run(0..n);
    }
    let chunk = n.div_ceil(threads);
    std::thread::scope(|s| {
        let parts: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|start| s.spawn(move || run(start..(start + chunk).min(n))))
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().unwrap_or_default())
            .collect()
    })
}

/// A fast hasher for packed bigrams (the keys are not attacker-chosen in a
/// way that matters: a slow casebook, at worst).
#[derive(Default)]
struct BigramHasher(u64);

impl std::hash::Hasher for BigramHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        self.0 ^= self.0 >> 32;
    }
}

type BigramIds = HashMap<u64, u32, std::hash::BuildHasherDefault<BigramHasher>>;

impl Index {
    pub fn new(book: &Casebook) -> Index {
        let entries = book.entries();
        let n = entries.len();
        let mut ids: HashMap<Feature, u32> = HashMap::new();
        let mut index = Index {
            cases: n,
            features: Vec::with_capacity(n),
            named: Vec::new(),
            weights: Vec::new(),
            postings: Vec::new(),
            text: Vec::with_capacity(n),
            text_postings: Vec::new(),
        };
        for ci in 0..n {
            let entry = book.fetch(ci);
            let case = &entry.case;
            let mut mine: Vec<u32> = Vec::new();
            let named = case
                .measures
                .iter()
                .flat_map(|m| &m.controls)
                .map(|r| Feature::Control(r.clone()))
                .chain(
                    case.root_causes
                        .iter()
                        .map(|c| Feature::Cause(c.category.clone())),
                )
                .chain(case.tags.iter().map(|t| Feature::Tag(fold_tag(t))));
            for key in named {
                let id = match ids.get(&key) {
                    Some(&id) => id,
                    None => {
                        let id = index.named.len() as u32;
                        index.named.push(key.clone());
                        index.postings.push(Vec::new());
                        ids.insert(key, id);
                        id
                    }
                };
                mine.push(id);
            }
            mine.sort_unstable();
            mine.dedup();
            for &f in &mine {
                index.postings[f as usize].push(ci as u32);
            }
            index.features.push(mine);
        }
        index.weights = index
            .named
            .iter()
            .zip(&index.postings)
            .map(|(feature, cases)| feature.weight() * idf(n, cases.len()))
            .collect();

        // Measure texts: bigram counts, then TF-IDF, unit length.
        let mut bigram_ids = BigramIds::default();
        let mut df: Vec<u32> = Vec::new();
        let counts: Vec<Vec<(u32, u32)>> = all_bigrams(book)
            .into_iter()
            .map(|grams| {
                let mut row: Vec<(u32, u32)> = grams
                    .into_iter()
                    .map(|(g, c)| {
                        let next = df.len() as u32;
                        let id = *bigram_ids.entry(g).or_insert(next);
                        if id == next {
                            df.push(0);
                        }
                        df[id as usize] += 1;
                        (id, c)
                    })
                    .collect();
                row.sort_unstable();
                row
            })
            .collect();
        // Bigrams in more than this many cases carry little and cost much: left out.
        let common = (n / 4).max(50) as u32;
        index.text_postings = vec![Vec::new(); df.len()];
        for (ci, row) in counts.into_iter().enumerate() {
            let mut v: Vec<(u32, f32)> = row
                .into_iter()
                .filter(|&(g, _)| df[g as usize] <= common)
                .map(|(g, c)| (g, (1.0 + (c as f32).ln()) * idf(n, df[g as usize] as usize)))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (g, w) in &mut v {
                    *w /= norm;
                    index.text_postings[*g as usize].push((ci as u32, *w));
                }
            }
            index.text.push(v);
        }
        index
    }

    /// The cases most like case `of`, best first, at most `limit`; only cases
    /// that share something. Ties: the newer case first.
    pub fn similar(&self, book: &Casebook, of: usize, limit: usize) -> Vec<Similar> {
        if of >= self.cases {
            return Vec::new();
        }
        let mut score = vec![0f32; self.cases];
        let mut text = vec![0f32; self.cases];
        let mut touched: Vec<u32> = Vec::new();
        for &f in &self.features[of] {
            let w = self.weights[f as usize];
            for &c in &self.postings[f as usize] {
                if score[c as usize] == 0.0 && text[c as usize] == 0.0 {
                    touched.push(c);
                }
                score[c as usize] += w;
            }
        }
        for &(g, w) in &self.text[of] {
            for &(c, wc) in &self.text_postings[g as usize] {
                if score[c as usize] == 0.0 && text[c as usize] == 0.0 {
                    touched.push(c);
                }
                text[c as usize] += w * wc;
            }
        }
        touched.sort_unstable();
        touched.dedup();
        let mut found: Vec<(f32, u32)> = touched
            .into_iter()
            .filter(|&c| c as usize != of)
            .map(|c| {
                let t = text[c as usize].min(1.0);
                (score[c as usize] + TEXT_WEIGHT * t, c)
            })
            .filter(|&(s, _)| s > 0.0)
            .collect();
        let e = book.entries();
        found.sort_by(|a, b| {
            b.0.total_cmp(&a.0).then_with(|| {
                let (ca, cb) = (&e[a.1 as usize].case, &e[b.1 as usize].case);
                cb.date()
                    .date()
                    .sort_key()
                    .cmp(&ca.date().date().sort_key())
                    .then_with(|| ca.id.cmp(&cb.id))
            })
        });
        found.truncate(limit);
        found
            .into_iter()
            .map(|(s, c)| {
                let c = c as usize;
                Similar {
                    index: c,
                    case_id: e[c].case.id.clone(),
                    score: (s * 100.0).round() / 100.0,
                    shared: self.shared(of, c),
                    text: (text[c].min(1.0) * 100.0).round() / 100.0,
                }
            })
            .collect()
    }

    /// The features both cases have: controls first, then causes, then tags.
    fn shared(&self, a: usize, b: usize) -> Vec<Feature> {
        let theirs = &self.features[b];
        let mut both: Vec<u32> = self.features[a]
            .iter()
            .copied()
            .filter(|f| theirs.binary_search(f).is_ok())
            .collect();
        both.sort_by(|&x, &y| {
            let (x, y) = (x as usize, y as usize);
            let (fx, fy) = (&self.named[x], &self.named[y]);
            fx.rank()
                .cmp(&fy.rank())
                .then(self.weights[y].total_cmp(&self.weights[x]))
                .then_with(|| fx.to_string().cmp(&fy.to_string()))
        });
        both.into_iter()
            .map(|f| self.named[f as usize].clone())
            .collect()
    }
}

/// Tags compare without regard to width and case (ＵＳＢ = USB).
fn fold_tag(tag: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    tag.nfkc().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::Feature;
    use crate::model::ControlRef;

    #[test]
    fn a_feature_is_written_as_before_and_equals_its_written_form() {
        let control = Feature::Control(ControlRef {
            scheme: "iso27001".into(),
            id: "A.7.14".into(),
        });
        let cause = Feature::Cause("mismanagement".into());
        let tag = Feature::Tag("廃棄".into());
        for (feature, written) in [
            (&control, "iso27001:A.7.14"),
            (&cause, "cause:mismanagement"),
            (&tag, "tag:廃棄"),
        ] {
            assert_eq!(feature.to_string(), written);
            assert_eq!(*feature, written);
            assert_eq!(
                serde_json::to_string(feature).unwrap(),
                format!("\"{written}\"")
            );
        }
        assert_ne!(cause, "tag:mismanagement");
        assert_ne!(tag, "tag:廃");
        assert_ne!(control, "iso27001:A.7");
    }
}
