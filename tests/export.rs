//! Golden tests for every text format, on real bundled cases: a case with a URL
//! and one without, Japanese line breaking, editorial measures, and a training
//! pack whose Markdown tables pandoc reads as tables.

mod common;

use casebook::casebook::Casebook;
use casebook::document::{collection, csv};
use casebook::export::{Style, cite, pack, precedents, summary};
use casebook::lang::Lang;
use casebook::load::{Input, load};
use common::{Dir, casebook, stderr, stdout};

fn book() -> Casebook {
    common::bundled()
}

fn case<'a>(book: &'a Casebook, id: &str) -> &'a casebook::model::Case {
    &book.get(id).unwrap().case
}

#[test]
fn citation_without_url() {
    let book = book();
    let c = case(&book, "kesennuma-hospital-pos-2024");
    assert_eq!(
        cite::citation(c, Style::Plain, Lang::Ja),
        "気仙沼市立病院 — 気仙沼市「市立病院における個人データの漏えいのおそれについて」(2024-08-07) [casebook: kesennuma-hospital-pos-2024]"
    );
    assert_eq!(
        cite::citation(c, Style::Markdown, Lang::Ja),
        "気仙沼市立病院 — 気仙沼市「市立病院における個人データの漏えいのおそれについて」(2024-08-07) \\[casebook: `kesennuma-hospital-pos-2024`\\]"
    );
}

#[test]
fn citation_with_url_and_another_publisher() {
    let book = book();
    let c = case(&book, "amagasaki-usb-2022");
    assert_eq!(
        cite::citation(c, Style::Plain, Lang::Ja),
        "尼崎市 — NHK「全市民46万人余の個人情報入ったUSBを紛失 兵庫 尼崎市が発表」(2022-06-23) [casebook: amagasaki-usb-2022] <https://www3.nhk.or.jp/news/html/20220623/k10013684811000.html>"
    );
    assert_eq!(
        cite::citation(c, Style::Markdown, Lang::Ja),
        "尼崎市 — NHK「[全市民46万人余の個人情報入ったUSBを紛失 兵庫 尼崎市が発表](https://www3.nhk.or.jp/news/html/20220623/k10013684811000.html)」(2022-06-23) \\[casebook: `amagasaki-usb-2022`\\]"
    );
}

#[test]
fn summary_plain_text_for_word() {
    let book = book();
    let text = summary::plain(
        case(&book, "kesennuma-hospital-pos-2024"),
        &book.catalogs,
        Lang::Ja,
        None,
    );
    for symbol in ["#", "**", "`", "- "] {
        assert!(
            !text
                .lines()
                .any(|l| l.starts_with(symbol) || l.contains("**")),
            "no Markdown ({symbol}) in:\n{text}"
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn summary_plain_text_wrapped_with_japanese_line_breaking() {
    let book = book();
    let text = summary::plain(
        case(&book, "kesennuma-hospital-pos-2024"),
        &book.catalogs,
        Lang::Ja,
        Some(60),
    );
    for line in text.lines() {
        assert!(casebook::wrap::width(line) <= 60, "{line}");
        let first = line.trim_start().chars().next();
        assert!(
            !matches!(first, Some('、' | '。' | '）' | '」')),
            "a line starts with closing punctuation: {line}"
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn summary_markdown_labels_editorial_measures() {
    let book = book();
    let text = summary::markdown(
        case(&book, "kanto-transport-password-2023"),
        &book.catalogs,
        Lang::Ja,
    );
    assert!(text.contains("2. 【編集部の教訓】ID・パスワードを紙に書いて机上に残すことを禁じ"));
    insta::assert_snapshot!(text);
}

#[test]
fn summary_in_english_labels() {
    let book = book();
    let text = summary::plain(
        case(&book, "atleaf-ryosuke-2024"),
        &book.catalogs,
        Lang::En,
        None,
    );
    assert!(text.contains("■ What happened"));
    assert!(text.contains("iso27001:A.8.5 Secure authentication"));
    insta::assert_snapshot!(text);
}

#[test]
fn precedent_list_for_a_control() {
    let book = book();
    let plain =
        precedents::precedents(&book, "iso27001", "A.7.14", Lang::Ja, Style::Plain).unwrap();
    insta::assert_snapshot!("precedents_a7_14_plain", plain);
    let md = precedents::precedents(&book, "ppc", "10-5-3", Lang::Ja, Style::Markdown).unwrap();
    insta::assert_snapshot!("precedents_ppc_10_5_3_markdown", md);
    assert!(precedents::precedents(&book, "iso27001", "A.9.9", Lang::Ja, Style::Plain).is_none());
}

/// Checks every pipe table: a header, a `---` separator and rows with as many
/// cells as the header. Returns the number of data rows of each table.
fn pipe_tables(markdown: &str) -> Vec<usize> {
    let cells = |line: &str| {
        let mut n = 0;
        let mut escaped = false;
        for c in line.chars() {
            if c == '|' && !escaped {
                n += 1;
            }
            escaped = c == '\\' && !escaped;
        }
        n - 1
    };
    let mut tables = Vec::new();
    let lines: Vec<&str> = markdown.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with('|') {
            let width = cells(lines[i]);
            assert!(
                i == 0 || lines[i - 1].is_empty(),
                "a blank line before the table at {i}"
            );
            let sep = lines[i + 1];
            assert!(
                sep.trim_matches('|').split('|').all(|c| c.trim() == "---"),
                "separator row: {sep}"
            );
            assert_eq!(cells(sep), width);
            let mut rows = 0;
            i += 2;
            while i < lines.len() && lines[i].starts_with('|') {
                assert_eq!(cells(lines[i]), width, "row {i}: {}", lines[i]);
                rows += 1;
                i += 1;
            }
            tables.push(rows);
        }
        i += 1;
    }
    tables
}

#[test]
fn training_pack_of_three_cases() {
    let book = book();
    let text = pack::pack(&book, &common::three_cases(&book), Lang::Ja);
    let tables = pipe_tables(&text);
    assert_eq!(tables.len(), 2, "contents and controls");
    assert_eq!(tables[0], 3);
    insta::assert_snapshot!(text);
}

// ----- the CLI ------------------------------------------------------------------------

#[test]
fn show_cite_and_list_from_the_cli() {
    let out = casebook(&["show", "kesennuma-hospital-pos-2024", "--width", "0"]);
    assert!(out.status.success());
    let book = book();
    let expected = summary::plain(
        case(&book, "kesennuma-hospital-pos-2024"),
        &book.catalogs,
        Lang::Ja,
        None,
    );
    assert_eq!(stdout(&out), expected);

    let out = casebook(&["cite", "amagasaki-usb-2022", "--format", "markdown"]);
    assert_eq!(
        stdout(&out),
        cite::citation(case(&book, "amagasaki-usb-2022"), Style::Markdown, Lang::Ja) + "\n"
    );

    let out = casebook(&["show", "amagasaki-usb-2022", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["id"], "amagasaki-usb-2022");
    assert_eq!(json["published"], "2022-06-23");
    assert_eq!(json["measures"][2]["controls"][0], "iso27001:A.7.10");
    assert_eq!(json["measures"][2]["origin"], "editorial");
}

#[test]
fn list_filters_and_json() {
    let out = casebook(&["list", "--control", "iso27001:A.7.14", "--format", "json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec!["kesennuma-hospital-pos-2024", "bandai-spirits-hdd-2024"]
    );
    assert_eq!(json[0]["organization"], "気仙沼市立病院");
    assert_eq!(json[0]["root_causes"][0]["category"], "mismanagement");

    let out = casebook(&["list", "--cause", "loss", "--year", "2022"]);
    assert_eq!(
        stdout(&out),
        "2022-06-23\tamagasaki-usb-2022\t尼崎市\t給付金業務の委託先関係社員が全市民46万人余りの個人情報入りUSBメモリーを飲酒後に紛失\n"
    );
    let out = casebook(&["list", "--sector", "energy"]);
    assert_eq!(stdout(&out).lines().count(), 4);
}

#[test]
fn unknown_ids_name_the_nearest() {
    let out = casebook(&["--lang", "en", "show", "amagasaki-usb"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("no case with id `amagasaki-usb`; did you mean `amagasaki-usb-2022`?"),
        "{}",
        stderr(&out)
    );
    let out = casebook(&["--lang", "en", "list", "--control", "iso27001:A.7.41"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown control `iso27001:A.7.41`; did you mean `iso27001:A.7.4`"),
        "{}",
        stderr(&out)
    );
    let out = casebook(&["--lang", "en", "list", "--cause", "los"]);
    assert!(
        stderr(&out).contains("unknown cause `los`; did you mean `loss`"),
        "{}",
        stderr(&out)
    );
    let out = casebook(&[
        "--lang",
        "en",
        "export",
        "--case",
        "kesennuma-hospital-pos-2024",
        "nosuch-case",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no case with id `nosuch-case`"));
}

#[test]
fn export_writes_atomically_and_refuses_to_overwrite() {
    let dir = Dir::new();
    let file = dir.path().join("training.md");
    let f = file.to_str().unwrap();
    let args = [
        "export",
        "--case",
        "amagasaki-usb-2022",
        "kesennuma-hospital-pos-2024",
        "--out",
        f,
    ];
    let out = casebook(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(first.starts_with("# 研修資料: 情報セキュリティ事故の事例（2件）"));
    std::fs::write(&file, "mine").unwrap();
    let out = casebook(&args);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("は既にあります。置き換えるには --force を付けます"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "mine",
        "the file is untouched"
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(casebook(&forced).status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "only cases/ and training.md: {leftovers:?}"
    );
}

#[test]
fn export_a_precedent_list_to_stdout() {
    let out = casebook(&["export", "--control", "iso27001:A.7.14"]);
    assert!(out.status.success());
    let book = book();
    assert_eq!(
        stdout(&out),
        precedents::precedents(&book, "iso27001", "A.7.14", Lang::Ja, Style::Markdown).unwrap()
    );
    let out = casebook(&["export"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "one of --case or --control is required"
    );
}

/// A case with a measure an outside expert suggested (announced by no one).
fn suggested_book() -> Casebook {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("cases")).unwrap();
    let text = common::case_file("suggested").replace(
        "    origin: editorial\n",
        "    origin: suggested\n    by: 山田太郎氏（研究者）\n",
    );
    std::fs::write(dir.path().join("cases/suggested.yaml"), text).unwrap();
    let loaded = load(&[Input::Dir(dir.path().to_path_buf())], &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.casebook
}

#[test]
fn an_experts_suggestion_is_labelled_a_suggestion_not_an_announcement() {
    let book = suggested_book();
    let case = &book.get("suggested").unwrap().case;
    let plain = summary::plain(case, &book.catalogs, Lang::Ja, None);
    assert!(
        plain.contains("2. 【山田太郎氏（研究者）の提言】作業後はデータをその場で消去する"),
        "{plain}"
    );
    assert!(!plain.contains("の発表】"), "{plain}");
    let md = summary::markdown(case, &book.catalogs, Lang::Ja);
    assert!(
        md.contains("2. 【山田太郎氏（研究者）の提言】作業後はデータをその場で消去する"),
        "{md}"
    );
    let en = summary::plain(case, &book.catalogs, Lang::En, None);
    assert!(
        en.contains("2. [suggested by 山田太郎氏（研究者）] 作業後は"),
        "{en}"
    );
    let idx = book.index_of("suggested").unwrap();
    let pack = pack::pack(&book, &[idx], Lang::Ja);
    assert!(
        pack.contains("【山田太郎氏（研究者）の提言】作業後は"),
        "{pack}"
    );
    // The register's origin column says the same.
    let doc = collection::precedents(&book, "iso27001", "A.8.10", Lang::Ja).unwrap();
    let register = String::from_utf8(csv::render(&doc).unwrap().unwrap()).unwrap();
    assert!(
        register.contains(",山田太郎氏（研究者）の提言,"),
        "{register}"
    );
}

/// A case whose measures were required by a ministry or announced by someone else.
fn credited_book() -> Casebook {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("cases")).unwrap();
    let text = common::case_file("credited").replace(
        "    origin: editorial\n",
        "    origin: required\n    by: 総務省\n  - text: 委託先の管理体制を見直す\n    controls: [iso27001:A.5.22]\n    by: 調査会社\n",
    );
    std::fs::write(dir.path().join("cases/credited.yaml"), text).unwrap();
    let loaded = load(&[Input::Dir(dir.path().to_path_buf())], &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.casebook
}

#[test]
fn measures_say_who_required_or_announced_them_in_every_format() {
    let book = credited_book();
    let case = &book.get("credited").unwrap().case;
    let plain = summary::plain(case, &book.catalogs, Lang::Ja, None);
    assert!(
        plain.contains("2. 【総務省の要請】作業後はデータをその場で消去する"),
        "{plain}"
    );
    assert!(
        plain.contains("3. 【調査会社の発表】委託先の管理体制を見直す"),
        "{plain}"
    );
    assert!(
        plain.contains("1. 電子媒体の持ち出しは事前の許可制とする"),
        "{plain}"
    );
    let md = summary::markdown(case, &book.catalogs, Lang::Ja);
    assert!(
        md.contains("2. 【総務省の要請】作業後はデータをその場で消去する"),
        "{md}"
    );
    let en = summary::plain(case, &book.catalogs, Lang::En, None);
    assert!(en.contains("2. [required by 総務省] 作業後は"), "{en}");
    assert!(en.contains("3. [announced by 調査会社] 委託先の"), "{en}");
    let idx = book.index_of("credited").unwrap();
    let pack = pack::pack(&book, &[idx], Lang::Ja);
    assert!(pack.contains("【総務省の要請】作業後は"), "{pack}");
}
