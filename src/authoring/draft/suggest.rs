//! Suggestions for the author to confirm, never facts: the controls of the
//! most similar measures already in the casebook (character bigrams weighted
//! by rarity), else the controls whose catalog words the measure uses (said
//! to be weak when the similar measures share little), and a cause category
//! from the words of the cause and of the notice.

use std::collections::{BTreeSet, HashMap};

use crate::casebook::Casebook;
use crate::catalog::Catalogs;
use crate::model::ControlRef;

/// Character bigrams of a text, folded (full-width → half-width, lowercase),
/// without punctuation and spaces; in order, so that sums over them come out
/// the same in every run (a measure two cases share scores the same for both).
fn grams(text: &str) -> BTreeSet<(char, char)> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// A measure of the casebook, for comparison.
struct Known {
    case: String,
    text: String,
    controls: Vec<ControlRef>,
    grams: BTreeSet<(char, char)>,
    /// The length of its idf-weighted bigram vector, computed once.
    norm: f64,
}

/// The casebook's measures, indexed for similarity.
pub struct Measures {
    known: Vec<Known>,
    idf: HashMap<(char, char), f64>,
}

/// One suggested control: the reference, and the similar measures behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub control: ControlRef,
    pub score: f64,
}

/// A measure of the casebook like the drafted one.
#[derive(Clone, Debug, PartialEq)]
pub struct Similar {
    pub case: String,
    pub text: String,
    pub score: f64,
}

impl Measures {
    pub fn new(book: &Casebook) -> Measures {
        let known: Vec<Known> = book
            .entries()
            .iter()
            .flat_map(|e| {
                e.case.measures.iter().map(|m| Known {
                    case: e.case.id.clone(),
                    text: m.text.clone(),
                    controls: m.controls.clone(),
                    grams: grams(&m.text),
                    norm: 0.0,
                })
            })
            .collect();
        Measures::of(known)
    }

    /// The index of some measures: each bigram's idf, each measure's norm.
    fn of(known: Vec<Known>) -> Measures {
        let mut df: HashMap<(char, char), usize> = HashMap::new();
        for k in &known {
            for g in &k.grams {
                *df.entry(*g).or_default() += 1;
            }
        }
        let n = known.len().max(1) as f64;
        let idf: HashMap<(char, char), f64> = df
            .into_iter()
            .map(|(g, d)| (g, (n / d as f64).ln() + 1.0))
            .collect();
        let mut m = Measures { known, idf };
        let norms: Vec<f64> = m.known.iter().map(|k| m.norm(&k.grams)).collect();
        for (k, norm) in m.known.iter_mut().zip(norms) {
            k.norm = norm;
        }
        m
    }

    /// The length of a bigram set's idf-weighted vector.
    fn norm(&self, grams: &BTreeSet<(char, char)>) -> f64 {
        grams
            .iter()
            .map(|g| self.weight(g).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    fn weight(&self, g: &(char, char)) -> f64 {
        // A bigram no known measure has tells nothing about similarity.
        self.idf.get(g).copied().unwrap_or(0.0)
    }

    /// The most similar known measures (cosine of idf-weighted bigram sets), best first.
    pub fn similar(&self, text: &str, max: usize) -> Vec<Similar> {
        let q = grams(text);
        let qn = self.norm(&q);
        if qn == 0.0 {
            return Vec::new();
        }
        let mut scored: Vec<(f64, usize)> = self
            .known
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let shared: f64 = q
                    .intersection(&k.grams)
                    .map(|g| self.weight(g).powi(2))
                    .sum();
                let kn = k.norm;
                (if kn == 0.0 { 0.0 } else { shared / (qn * kn) }, i)
            })
            .filter(|(s, _)| *s >= 0.12)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
            .into_iter()
            .take(max)
            .map(|(score, i)| Similar {
                case: self.known[i].case.clone(),
                text: self.known[i].text.clone(),
                score,
            })
            .collect()
    }

    /// Controls of the similar measures, by summed similarity, best first.
    pub fn controls(&self, text: &str, max: usize) -> (Vec<Suggestion>, Vec<Similar>) {
        let similar = self.similar(text, 3);
        let mut tally: Vec<Suggestion> = Vec::new();
        for s in &similar {
            let k = self
                .known
                .iter()
                .find(|k| k.case == s.case && k.text == s.text)
                .expect("similar() returns known measures");
            for c in &k.controls {
                match tally.iter_mut().find(|t| &t.control == c) {
                    Some(t) => t.score += s.score,
                    None => tally.push(Suggestion {
                        control: c.clone(),
                        score: s.score,
                    }),
                }
            }
        }
        tally.sort_by(|a, b| b.score.total_cmp(&a.score));
        tally.truncate(max);
        (tally, similar)
    }
}

/// How sure a similarity-based suggestion is: below this, the measures
/// compared share too little to lend their controls with confidence.
pub const STRONG: f64 = 0.3;

/// Controls whose catalog words (`words:` of an item) a measure uses, the
/// most and longest words first, with the words found.
pub fn by_words(catalogs: &Catalogs, text: &str, max: usize) -> Vec<(ControlRef, Vec<String>)> {
    let mut found: Vec<(usize, ControlRef, Vec<String>)> = Vec::new();
    for catalog in catalogs.control_schemes() {
        for (_, item) in catalog.flatten() {
            let hits: Vec<String> = item
                .words
                .iter()
                .filter(|w| text.contains(w.as_str()))
                .cloned()
                .collect();
            if hits.is_empty() {
                continue;
            }
            let weight = hits.iter().map(|w| w.chars().count()).sum();
            found.push((weight, ControlRef::new(&catalog.scheme, &item.id), hits));
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    found
        .into_iter()
        .take(max)
        .map(|(_, c, w)| (c, w))
        .collect()
}

/// Where a measure's suggested controls come from.
#[derive(Clone, Debug, PartialEq)]
pub enum Basis {
    /// Similar measures of the casebook, similar enough.
    Similar(Similar),
    /// The catalogs' words the measure uses (the similar measures were weak
    /// or none): the words, and the weak similar measures' controls.
    Words(Vec<String>, f64, Vec<ControlRef>),
    /// Only weakly similar measures, with their best similarity.
    Weak(f64),
}

/// The controls suggested for a measure, best first, and on what basis.
pub fn suggested(
    index: &Measures,
    catalogs: &Catalogs,
    text: &str,
) -> Option<(Vec<ControlRef>, Basis)> {
    let (controls, similar) = index.controls(text, 4);
    let best = similar.first().map_or(0.0, |s| s.score);
    let ids = |v: &[Suggestion]| v.iter().map(|c| c.control.clone()).collect::<Vec<_>>();
    if !controls.is_empty() && best >= STRONG {
        return Some((ids(&controls), Basis::Similar(similar[0].clone())));
    }
    let words = by_words(catalogs, text, 4);
    if !words.is_empty() {
        let mut seen = Vec::new();
        for (_, w) in &words {
            for w in w {
                if !seen.contains(w) {
                    seen.push(w.clone());
                }
            }
        }
        let found = words.into_iter().map(|(c, _)| c).collect();
        return Some((found, Basis::Words(seen, best, ids(&controls))));
    }
    (!controls.is_empty()).then(|| (ids(&controls), Basis::Weak(best)))
}

/// What kind of incident a notice tells of, from its title and account: a
/// notice of 誤送信 or 誤送付 points its causes to `misoperation` whatever
/// else a cause's own words say.
pub fn notice_category(text: &str) -> Option<(&'static str, &'static str)> {
    [
        "誤送信",
        "誤送付",
        "誤配布",
        "誤交付",
        "誤掲載",
        "誤配信",
        "誤封入",
        "誤って",
    ]
    .iter()
    .find(|w| text.contains(**w))
    .map(|w| ("misoperation", *w))
}

/// Words that point to a cause category, strongest first.
const CAUSE_WORDS: &[(&str, &[&str])] = &[
    (
        "malware",
        &[
            "ウイルス",
            "マルウェア",
            "ランサム",
            "Emotet",
            "エモテット",
            "不正プログラム",
        ],
    ),
    (
        "unauthorized-access",
        &[
            "不正アクセス",
            "サイバー攻撃",
            "攻撃を受け",
            "なりすまし",
            "不正ログイン",
        ],
    ),
    (
        "vulnerability",
        &["脆弱性", "バグ", "セキュリティホール", "不具合"],
    ),
    (
        "theft",
        &["盗難", "盗まれ", "窃取", "車上荒らし", "置き引き"],
    ),
    (
        "loss",
        &["紛失", "置き忘れ", "置忘れ", "なくし", "落とし", "遺失"],
    ),
    (
        "misoperation",
        &[
            "誤送信",
            "誤って",
            "誤送付",
            "誤配",
            "誤表示",
            "取り違え",
            "入れ違い",
            "誤操作",
            "ミス",
        ],
    ),
    (
        "misconfiguration",
        &[
            "設定",
            "認証",
            "アクセス制限",
            "公開状態",
            "閲覧可能",
            "閲覧できる状態",
        ],
    ),
    (
        "unauthorized-takeout",
        &["持ち出", "持ち帰", "無断で", "許可を得ず", "許可なく"],
    ),
    (
        "purpose-outside-use",
        &[
            "目的外",
            "不正使用",
            "不正利用",
            "私的",
            "営業目的",
            "業務外",
        ],
    ),
    ("insider-fraud", &["内部不正", "不正に取得", "転売", "売却"]),
    ("illicit-acquisition", &["だまし取", "詐取", "不正入手"]),
    (
        "mismanagement",
        &[
            "管理",
            "確認",
            "不十分",
            "不徹底",
            "怠",
            "守られ",
            "ルール",
            "手順",
            "見落と",
        ],
    ),
];

/// Cause categories the words of a cause point to, strongest first, each with the word.
pub fn cause_categories(text: &str) -> Vec<(&'static str, &'static str)> {
    CAUSE_WORDS
        .iter()
        .filter_map(|(id, words)| words.iter().find(|w| text.contains(**w)).map(|w| (*id, *w)))
        .take(2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two cases that announced the same measure: the same score, the first
    /// case first, in every run (the sums do not depend on a hash order).
    #[test]
    fn the_same_measure_in_two_cases_scores_the_same_and_keeps_its_order() {
        let text = "全ての県立学校で個人情報の適正な管理を改めて徹底するよう、校長会議や研修を通じて指示し、成績や名簿などの書類を持ち出すときは管理職の許可を得て台帳に記録することとし、年に二度の点検で確かめる";
        let known_other = |text: &str| Known {
            case: "other".to_string(),
            text: text.to_string(),
            controls: Vec::new(),
            grams: grams(text),
            norm: 0.0,
        };
        let known = |case: &str, text: &str| Known {
            case: case.to_string(),
            text: text.to_string(),
            controls: Vec::new(),
            grams: grams(text),
            norm: 0.0,
        };
        let mut known: Vec<Known> = (0..30)
            .map(|i| known(&format!("case-{i:02}"), text))
            .collect();
        known.push(known_other("送信前に宛先を二人で確かめる"));
        let m = Measures::of(known);
        let similar = m.similar(
            "県立学校で個人情報の管理を改めて徹底するよう指示し、書類の持ち出しは台帳に記録する",
            30,
        );
        assert_eq!(similar.len(), 30);
        assert!(
            similar.iter().all(|s| s.score == similar[0].score),
            "{similar:?}"
        );
        assert_eq!(similar[0].case, "case-00");
    }

    #[test]
    fn causes_by_their_words() {
        let table: &[(&str, &[&str])] = &[
            (
                "デジタルカメラを車の屋根に置いたまま発車し紛失した",
                &["loss"],
            ),
            ("私物パソコンがウイルスに感染した", &["malware"]),
            ("メールを誤って別の顧客に送信した", &["misoperation"]),
            ("認証機能を実装しなかった", &["misconfiguration"]),
            (
                "許可を得ずにUSBメモリーで持ち出した",
                &["unauthorized-takeout"],
            ),
            ("確認が不十分であった", &["mismanagement"]),
            (
                "作業後に持ち帰ったデータを管理していなかった",
                &["unauthorized-takeout", "mismanagement"],
            ),
            ("天候が悪かった", &[]),
        ];
        for (text, want) in table {
            let got: Vec<&str> = cause_categories(text)
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn catalog_words_point_to_controls() {
        let loaded = crate::load::load(&[crate::load::Input::Bundled], &[]);
        let ids = |text: &str| -> Vec<String> {
            by_words(&loaded.casebook.catalogs, text, 4)
                .into_iter()
                .map(|(c, _)| c.to_string())
                .collect()
        };
        let mail = ids("一斉送信はメール配信システムを使い、宛先はBccに入力する");
        assert!(mail.contains(&"iso27001:A.5.14".to_string()), "{mail:?}");
        assert!(mail.contains(&"iso27001:A.8.12".to_string()), "{mail:?}");
        let disposal = ids("廃棄の前に保存期間を確認し、破砕して処分する");
        assert!(
            disposal.contains(&"iso27001:A.7.14".to_string()),
            "{disposal:?}"
        );
        assert!(disposal.contains(&"ppc:10-5-4".to_string()), "{disposal:?}");
        assert!(ids("天候に注意する").is_empty());
        assert_eq!(
            notice_category("メールを誤って送信しました"),
            Some(("misoperation", "誤って"))
        );
    }

    #[test]
    fn similar_measures_lend_their_controls() {
        let loaded = crate::load::load(&[crate::load::Input::Bundled], &[]);
        let m = Measures::new(&loaded.casebook);
        let (controls, similar) = m.controls(
            "委託先で機器を廃棄するときは破砕作業に立ち会って確認する",
            4,
        );
        assert_eq!(similar[0].case, "kesennuma-hospital-pos-2024");
        assert!(
            controls
                .iter()
                .any(|c| c.control.to_string() == "iso27001:A.7.14"),
            "{controls:?}"
        );
        assert!(m.similar("zzzz", 3).is_empty());
    }
}
