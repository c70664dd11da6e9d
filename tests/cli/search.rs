//! Search as staff use it: Japanese-aware matching, every term required,
//! sensible ranking, and the CLI's JSON, on the sample casebook of the tests
//! and on small casebooks made here.

use crate::common;

use casebook::load::{Input, load};
use casebook::search::{Kind, Searcher, Target, item_text};
use common::{Dir, case_file, casebook, on_sample, sample, stderr, stdout};

/// The ids of the cases hit, in rank order, without repeats.
fn case_ids(
    searcher: &mut Searcher,
    book: &casebook::casebook::Casebook,
    query: &str,
    target: Target,
) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for hit in searcher.search(query, target) {
        let (case, _) = searcher.index.item_of(hit.item);
        let id = book.entries()[case].case.id.clone();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Measure texts hit, in rank order.
fn measures(
    searcher: &mut Searcher,
    book: &casebook::casebook::Casebook,
    query: &str,
) -> Vec<String> {
    searcher
        .search(query, Target::Measures)
        .iter()
        .map(|h| {
            let (case, kind) = searcher.index.item_of(h.item);
            item_text(book, case, kind)
        })
        .collect()
}

#[test]
fn full_width_half_width_and_case_all_find_the_usb_case() {
    let book = sample();
    let mut s = Searcher::new(&book);
    for query in ["ＵＳＢ", "usb", "ｕｓｂ", "USB", "Usb"] {
        let ids = case_ids(&mut s, &book, query, Target::All);
        assert_eq!(
            ids.first().map(String::as_str),
            Some("kitahama-usb-2022"),
            "{query}"
        );
    }
}

#[test]
fn hiragana_finds_katakana() {
    let book = sample();
    let mut s = Searcher::new(&book);
    let found = measures(&mut s, &book, "ぱすわーど");
    assert!(!found.is_empty());
    assert!(found.iter().all(|m| m.contains("パスワード")), "{found:?}");
    assert_eq!(
        measures(&mut s, &book, "ﾊﾟｽﾜｰﾄﾞ"),
        found,
        "half-width katakana too"
    );
}

#[test]
fn disposal_verification_ranks_first() {
    let book = sample();
    let mut s = Searcher::new(&book);
    for target in [Target::Measures, Target::All] {
        let hits = s.search("廃棄 確認", target);
        let (case, kind) = s.index.item_of(hits[0].item);
        assert_eq!(
            book.entries()[case].case.id,
            "minato-hospital-pc-2024",
            "{target:?}"
        );
        assert_eq!(
            kind,
            Kind::Measure(0),
            "the measure on witnessing the destruction, {target:?}"
        );
    }
}

/// A small fixed casebook for ranking and AND semantics.
fn fixture() -> (Dir, casebook::casebook::Casebook) {
    let dir = Dir::new();
    let with_measures = |id: &str, texts: &[&str]| {
        let mut file = case_file(id);
        let start = file.find("measures:\n").unwrap();
        let end = file.find("sources:\n").unwrap();
        let measures: String = texts
            .iter()
            .map(|t| format!("  - text: {t}\n    controls: [iso27001:A.7.14]\n"))
            .collect();
        file.replace_range(start..end, &format!("measures:\n{measures}"));
        file
    };
    dir.case(
        "a.yaml",
        with_measures("a", &["廃棄する機器は事前に確認してから搬出する"]),
    );
    dir.case(
        "b.yaml",
        with_measures(
            "b",
            &["廃棄時には立会いで確認する", "持ち出しは許可制とする"],
        ),
    );
    dir.case(
        "c.yaml",
        with_measures(
            "c",
            &[
                "確認のため廃棄記録を残す",
                "暗号化されたUSBメモリーのみ使う",
            ],
        ),
    );
    dir.case(
        "d.yaml",
        with_measures("d", &["廃家電の棄却手順を確かめ、認める"]),
    );
    dir.case("e.yaml", with_measures("e", &["未確認の機器を一覧にする"]));
    let loaded = load(&[Input::Dir(dir.path().into())], &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    (dir, loaded.casebook)
}

#[test]
fn every_term_must_match_in_any_order() {
    let (_dir, book) = fixture();
    let mut s = Searcher::new(&book);
    let both = measures(&mut s, &book, "廃棄 確認");
    let reversed = measures(&mut s, &book, "確認 廃棄");
    let mut a = both.clone();
    let mut b = reversed.clone();
    a.sort();
    b.sort();
    assert_eq!(a, b, "order of terms does not matter");
    assert!(
        both.iter().all(|m| m.contains('廃') && m.contains('確')),
        "{both:?}"
    );
    assert!(
        !both.iter().any(|m| m.contains("許可制")),
        "a measure with only one term is out"
    );
    assert!(measures(&mut s, &book, "廃棄 zzz").is_empty());
}

#[test]
fn contiguous_and_word_initial_matches_rank_first() {
    let (_dir, book) = fixture();
    let mut s = Searcher::new(&book);
    let ranked = measures(&mut s, &book, "廃棄 確認");
    // Scattered characters (廃家電の棄却…確かめ、認める) match fuzzily but rank last.
    assert_eq!(
        ranked.last().map(String::as_str),
        Some("廃家電の棄却手順を確かめ、認める")
    );
    let top: Vec<&str> = ranked.iter().take(3).map(String::as_str).collect();
    assert!(top.contains(&"廃棄時には立会いで確認する"), "{ranked:?}");
    // A word that starts a Japanese word (after a particle, or at the start)
    // beats the same characters inside a longer word (未確認).
    let ranked = measures(&mut s, &book, "確認");
    assert_eq!(ranked.len(), 5, "{ranked:?}");
    assert_eq!(ranked[3], "未確認の機器を一覧にする", "{ranked:?}");
    assert_eq!(ranked[4], "廃家電の棄却手順を確かめ、認める", "{ranked:?}");
}

#[test]
fn typing_one_character_at_a_time_gives_the_same_hits_as_a_fresh_search() {
    let book = sample();
    let mut typed = Searcher::new(&book);
    let query = "委託先 監督";
    let mut prefix = String::new();
    for c in query.chars() {
        prefix.push(c);
        let incremental = typed.search(&prefix, Target::All);
        let fresh = Searcher::new(&book).search(&prefix, Target::All);
        assert_eq!(incremental, fresh, "after typing {prefix:?}");
    }
}

#[test]
fn cli_json_shape() {
    let out = on_sample(&["search", "ＵＳＢ", "--format", "json", "--limit", "3"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let hits = json.as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3);
    let first = &hits[0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            "case_id",
            "controls",
            "kind",
            "positions",
            "score",
            "text",
            "via_control"
        ]
    );
    assert_eq!(first["via_control"], serde_json::Value::Null);
    assert_eq!(first["case_id"], "kitahama-usb-2022");
    assert!(matches!(first["kind"].as_str(), Some("measure" | "case")));
    // Positions are character indices of the matched characters in `text`.
    let text: Vec<char> = first["text"].as_str().unwrap().chars().collect();
    let matched: String = first["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| text[p.as_u64().unwrap() as usize])
        .collect();
    assert_eq!(matched.to_lowercase(), "usb");
    let scores: Vec<u64> = hits.iter().map(|h| h["score"].as_u64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
}

#[test]
fn cli_measures_only_and_no_hits_exit_1() {
    let out = on_sample(&["search", "暗号化", "--in", "measures"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.lines().all(|l| l.contains("暗号")), "{text}");
    assert!(text.contains("[umino-gakuen-applicants-2013]"));
    let out = on_sample(&["search", "存在しない語句ｚｚｚ"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
}

#[test]
fn an_empty_query_lists_every_measure_for_other_tools() {
    let out = on_sample(&["search", "", "--in", "measures", "--format", "text"]);
    let book = sample();
    let total: usize = book.entries().iter().map(|e| e.case.measures.len()).sum();
    assert_eq!(stdout(&out).lines().count(), total);
}

// ----- through controls ---------------------------------------------------------------

/// (case id, kind, the control it came through) of every hit, in rank order.
fn hits_via(
    searcher: &mut Searcher,
    book: &casebook::casebook::Casebook,
    query: &str,
    target: Target,
) -> Vec<(String, &'static str, Option<String>)> {
    searcher
        .search(query, target)
        .iter()
        .map(|h| {
            let (case, kind) = searcher.index.item_of(h.item);
            (
                book.entries()[case].case.id.clone(),
                if kind == Kind::Case {
                    "case"
                } else {
                    "measure"
                },
                h.via.map(|c| searcher.index.control(c).to_string()),
            )
        })
        .collect()
}

#[test]
fn a_control_id_finds_the_measures_and_cases_citing_it() {
    let book = sample();
    let mut s = Searcher::new(&book);
    let via = Some("iso27001:A.7.14".to_string());
    let expected = vec![
        (
            "minato-hospital-pc-2024".to_string(),
            "measure",
            via.clone(),
        ),
        ("abc-toys-hdd-2024".to_string(), "measure", via.clone()),
        ("minato-hospital-pc-2024".to_string(), "case", via.clone()),
        ("abc-toys-hdd-2024".to_string(), "case", via.clone()),
    ];
    for query in ["A.7.14", "a.7.14", "iso27001:A.7.14", "7.14"] {
        assert_eq!(
            hits_via(&mut s, &book, query, Target::All),
            expected,
            "{query}"
        );
    }
    let ppc = hits_via(&mut s, &book, "10-5(4)", Target::Cases);
    assert_eq!(ppc.len(), 4, "{ppc:?}");
    assert!(
        ppc.iter()
            .all(|(_, kind, via)| *kind == "case" && via.as_deref() == Some("ppc:10-5-4"))
    );
}

#[test]
fn a_control_title_in_either_language_finds_its_measures_after_direct_matches() {
    let book = sample();
    let mut s = Searcher::new(&book);
    let a824 = Some("iso27001:A.8.24".to_string());
    for query in ["cryptography", "暗号の利用", "Use of cryptography"] {
        assert_eq!(
            hits_via(&mut s, &book, query, Target::Measures),
            vec![(
                "umino-gakuen-applicants-2013".to_string(),
                "measure",
                a824.clone()
            )],
            "{query}"
        );
    }
    // 暗号 matches measure texts directly; the A.8.24 measure (also a direct
    // match here) is not listed twice, and every hit through a control comes last.
    let hits = hits_via(&mut s, &book, "暗号", Target::Measures);
    let first_via = hits
        .iter()
        .position(|h| h.2.is_some())
        .unwrap_or(hits.len());
    assert!(first_via > 0, "{hits:?}");
    assert!(hits[first_via..].iter().all(|h| h.2.is_some()), "{hits:?}");
    let searched = s.search("暗号", Target::Measures);
    let mut items: Vec<u32> = searched.iter().map(|h| h.item).collect();
    items.sort_unstable();
    items.dedup();
    assert_eq!(items.len(), searched.len(), "no item twice");
}

#[test]
fn a_short_term_does_not_match_every_control_title() {
    let book = sample();
    let mut s = Searcher::new(&book);
    assert!(
        s.search("a", Target::All).iter().all(|h| h.via.is_none()),
        "one letter is in nearly every English title"
    );
    assert!(s.search("", Target::All).iter().all(|h| h.via.is_none()));
}

#[test]
fn the_cli_marks_hits_found_through_a_control() {
    let out = on_sample(&["search", "暗号の利用", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let hit = &json.as_array().unwrap()[0];
    assert_eq!(hit["via_control"], "iso27001:A.8.24");
    assert_eq!(hit["positions"], serde_json::json!([]));
    let text = stdout(&on_sample(&["search", "cryptography", "--in", "measures"]));
    assert_eq!(
        text,
        "委託先のシステムと外部ネットワークの間の通信を暗号化し、接続できる相手を限る\t[umino-gakuen-applicants-2013]\t\
         iso27001:A.8.3 iso27001:A.8.24 ppc:10-6-1 ppc:10-6-3\tvia:iso27001:A.8.24\n"
    );
    let direct = stdout(&on_sample(&["search", "暗号化", "--in", "measures"]));
    assert!(!direct.contains("via:"), "{direct}");
}

/// Nothing found is said on standard error, in the interface's language,
/// whatever the query's script (a Japanese query used to exit 1 in
/// silence); standard output stays empty for scripts.
#[test]
fn no_hits_are_said_for_a_japanese_query_too() {
    let out = casebook(&["search", "存在しない語句ｚｚｚ"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert_eq!(
        stderr(&out),
        "casebook: 「存在しない語句ｚｚｚ」に一致する再発防止策も事例もありません\n"
    );
    let out = casebook(&[
        "--lang",
        "en",
        "search",
        "存在しない語句ｚｚｚ",
        "--in",
        "measures",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "casebook: no measure matches \u{201C}存在しない語句ｚｚｚ\u{201D}\n"
    );
    // An English query keeps its hint about the cases being in Japanese.
    let out = casebook(&["--lang", "en", "search", "zzzqqq"]);
    let err = stderr(&out);
    assert!(
        err.starts_with("casebook: nothing matches \u{201C}zzzqqq\u{201D} in measures or cases\n"),
        "{err}"
    );
    assert!(err.contains("The cases are written in Japanese"), "{err}");
}

/// A case found by its own words prints the sentence that matched (of its
/// summary, or a root cause), not only its title; found by its title, or
/// through a control, the title.
#[test]
fn a_case_hit_prints_the_sentence_that_matched() {
    let dir = Dir::new();
    dir.case("ours.yaml", case_file("ours"));
    let path = dir.path().to_str().unwrap();
    let search = |query: &str| {
        let out = casebook(&[
            "--no-bundled",
            "--casebook",
            path,
            "search",
            query,
            "--in",
            "cases",
        ]);
        assert!(out.status.success(), "{query}: {}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(
        search("飲食"),
        "委託先の社員が市民の個人情報を記録したUSBメモリーを持ち出し、飲食後に紛失した。\t[ours]\t\n"
    );
    assert_eq!(
        search("確認"),
        "市は許可なく持ち出されたことを確認した。\t[ours]\t\n"
    );
    assert_eq!(
        search("委託先 データ"),
        "委託先が許可なくデータを持ち出した\t[ours]\t\n"
    );
    assert_eq!(
        search("USBメモリーを紛失"),
        "委託先がUSBメモリーを紛失\t[ours]\t\n"
    );
    // Two words in two sentences: both, in the case's order.
    assert_eq!(
        search("飲食 確認"),
        "委託先の社員が市民の個人情報を記録したUSBメモリーを持ち出し、飲食後に紛失した。 … 市は許可なく持ち出されたことを確認した。\t[ours]\t\n"
    );
}
