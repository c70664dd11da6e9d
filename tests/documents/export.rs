//! Golden tests for every text format, on the cases of the sample casebook
//! (tests/fixtures/casebooks/sample): a case with a URL and one without,
//! Japanese line breaking, editorial measures, and a training pack whose
//! Markdown tables pandoc reads as tables.

use crate::common;

use casebook::casebook::Casebook;
use casebook::document::{collection, csv};
use casebook::export::{Style, cite, pack, precedents, summary};
use casebook::lang::Lang;
use casebook::load::{Input, load};
use common::{Dir, on_sample, stderr, stdout};

fn book() -> Casebook {
    common::sample()
}

fn case<'a>(book: &'a Casebook, id: &str) -> &'a casebook::model::Case {
    &book.get(id).unwrap().case
}

#[test]
fn citation_without_url() {
    let book = book();
    let c = case(&book, "minato-hospital-pc-2024");
    assert_eq!(
        cite::citation(c, Style::Plain, Lang::Ja),
        "みなと市立病院 — みなと市「市立病院の診療用パソコンからの個人データの漏えいのおそれについて」(2024-08-07) [casebook: minato-hospital-pc-2024]"
    );
    assert_eq!(
        cite::citation(c, Style::Markdown, Lang::Ja),
        "みなと市立病院 — みなと市「市立病院の診療用パソコンからの個人データの漏えいのおそれについて」(2024-08-07) \\[casebook: `minato-hospital-pc-2024`\\]"
    );
}

#[test]
fn citation_with_url_and_another_publisher() {
    let book = book();
    let c = case(&book, "kitahama-usb-2022");
    assert_eq!(
        cite::citation(c, Style::Plain, Lang::Ja),
        "北浜市 — みなと新聞「北浜市の全市民の個人情報入りUSBメモリー、委託先の社員が紛失」(2022-06-23) [casebook: kitahama-usb-2022] <https://news.example.jp/2022/06/23/kitahama-usb.html>"
    );
    assert_eq!(
        cite::citation(c, Style::Markdown, Lang::Ja),
        "北浜市 — みなと新聞「[北浜市の全市民の個人情報入りUSBメモリー、委託先の社員が紛失](https://news.example.jp/2022/06/23/kitahama-usb.html)」(2022-06-23) \\[casebook: `kitahama-usb-2022`\\]"
    );
}

#[test]
fn summary_plain_text_for_word() {
    let book = book();
    let text = summary::plain(
        case(&book, "minato-hospital-pc-2024"),
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
        case(&book, "minato-hospital-pc-2024"),
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
        case(&book, "tozai-transport-password-2023"),
        &book.catalogs,
        Lang::Ja,
    );
    assert!(text.contains("2. 【編集部の教訓】IDとパスワードを紙に書いて机に残すことを禁じ"));
    insta::assert_snapshot!(text);
}

#[test]
fn summary_in_english_labels() {
    let book = book();
    let text = summary::plain(
        case(&book, "sakura-web-login-2024"),
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
    let out = on_sample(&["show", "minato-hospital-pc-2024", "--width", "0"]);
    assert!(out.status.success());
    let book = book();
    let expected = summary::plain(
        case(&book, "minato-hospital-pc-2024"),
        &book.catalogs,
        Lang::Ja,
        None,
    );
    assert_eq!(stdout(&out), expected);

    let out = on_sample(&["cite", "kitahama-usb-2022", "--format", "markdown"]);
    assert_eq!(
        stdout(&out),
        cite::citation(case(&book, "kitahama-usb-2022"), Style::Markdown, Lang::Ja) + "\n"
    );

    let out = on_sample(&["show", "kitahama-usb-2022", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["id"], "kitahama-usb-2022");
    assert_eq!(json["published"], "2022-06-23");
    assert_eq!(json["measures"][2]["controls"][0], "iso27001:A.7.10");
    assert_eq!(json["measures"][2]["origin"], "editorial");
}

#[test]
fn list_filters_and_json() {
    let out = on_sample(&["list", "--control", "iso27001:A.7.14", "--format", "json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["minato-hospital-pc-2024", "abc-toys-hdd-2024"]);
    assert_eq!(json[0]["organization"], "みなと市立病院");
    assert_eq!(json[0]["root_causes"][0]["category"], "mismanagement");

    let out = on_sample(&["list", "--cause", "loss", "--year", "2022"]);
    assert_eq!(
        stdout(&out),
        "2022-06-23\tkitahama-usb-2022\t北浜市\t給付金業務の委託先の社員が全市民の個人情報を記録したUSBメモリーを飲酒後に紛失\n"
    );
    let out = on_sample(&["list", "--sector", "energy"]);
    assert_eq!(stdout(&out).lines().count(), 2);
}

#[test]
fn unknown_ids_name_the_nearest() {
    let out = on_sample(&["--lang", "en", "show", "kitahama-usb"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no case with id `kitahama-usb`; did you mean `kitahama-usb-2022`?"),
        "{}",
        stderr(&out)
    );
    let out = on_sample(&["--lang", "en", "list", "--control", "iso27001:A.7.41"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown control `iso27001:A.7.41`; did you mean `iso27001:A.7.4`"),
        "{}",
        stderr(&out)
    );
    let out = on_sample(&["--lang", "en", "list", "--cause", "los"]);
    assert!(
        stderr(&out).contains("unknown cause `los`; did you mean `loss`"),
        "{}",
        stderr(&out)
    );
    let out = on_sample(&[
        "--lang",
        "en",
        "export",
        "--case",
        "minato-hospital-pc-2024",
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
        "kitahama-usb-2022",
        "minato-hospital-pc-2024",
        "--out",
        f,
    ];
    let args = common::sample_args(&args);
    let out = common::casebook(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(first.starts_with("# 研修資料: 情報セキュリティ事故の事例（2件）"));
    std::fs::write(&file, "mine").unwrap();
    let out = common::casebook(&args);
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
    assert!(common::casebook(&forced).status.success());
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
    let out = on_sample(&["export", "--control", "iso27001:A.7.14"]);
    assert!(out.status.success());
    let book = book();
    assert_eq!(
        stdout(&out),
        precedents::precedents(&book, "iso27001", "A.7.14", Lang::Ja, Style::Markdown).unwrap()
    );
    let out = on_sample(&["export"]);
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

/// The controls A.5.19 to A.5.23 and A.7.14, and every (case, measure) of
/// the bundled casebook that cites one of them (or anything below them):
/// what a register of that group must hold, worked out here from the cases.
fn group_measures(book: &Casebook) -> Vec<(String, String)> {
    let group = ["A.5.19", "A.5.20", "A.5.21", "A.5.22", "A.5.23", "A.7.14"];
    let mut out = Vec::new();
    for e in book.entries().iter() {
        for m in &e.case.measures {
            if m.controls
                .iter()
                .any(|r| r.scheme == "iso27001" && group.contains(&r.id.as_str()))
            {
                out.push((e.case.title.clone(), m.text.clone()));
            }
        }
    }
    out
}

fn csv_rows(data: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(data.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = ::csv::Reader::from_reader(&data[3..]);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// The statement the register tests hold the casebook against: A.5 applies
/// (A.5.23 says why), A.7.14 is excluded with its reason.
fn group_statement(dir: &Dir) -> std::path::PathBuf {
    dir.file(
        "soa.yaml",
        "soa:\n  - control: iso27001:A.5\n    applicable: true\n  - control: A.5.23\n    applicable: true\n    reason: クラウドの利用は情報システム部が管理する\n  - control: A.7.14\n    applicable: false\n    reason: 機器の廃棄は本社が一括して行う\n",
    )
}

/// `export --control` repeatable and with ranges: one register, one row per
/// measure with the control(s) of the group it matched, the statement's
/// decision and reason for them, and an empty column for the auditor.
#[test]
fn a_register_for_a_group_of_controls_has_one_row_per_measure() {
    let dir = Dir::new();
    let soa = group_statement(&dir);
    let soa = soa.to_str().unwrap();
    let out = on_sample(&[
        "--soa",
        soa,
        "export",
        "--control",
        "A.5.19-A.5.23",
        "--control",
        "A.7.14",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = csv_rows(&out.stdout);
    assert_eq!(
        header,
        vec![
            "該当する管理策",
            "適用宣言",
            "宣言の理由",
            "公表日",
            "組織",
            "事例",
            "再発防止策",
            "管理策",
            "出所",
            "出典",
            "URL",
            "当組織の状況・所見"
        ]
    );
    let book = book();
    let mut expected = group_measures(&book);
    let mut got: Vec<(String, String)> =
        rows.iter().map(|r| (r[5].clone(), r[6].clone())).collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected, "each citing measure once");
    for r in &rows {
        let matched: Vec<&str> = r[0].split(", ").collect();
        assert!(!matched.is_empty());
        for m in &matched {
            assert!(r[7].split(", ").any(|c| c == *m), "{m} is one of {}", r[7]);
        }
        assert_eq!(r[11], "", "the auditor's column is empty");
        if matched == ["iso27001:A.7.14"] {
            assert_eq!(
                (&r[1][..], &r[2][..]),
                ("除外", "機器の廃棄は本社が一括して行う")
            );
        }
        if matched == ["iso27001:A.5.23"] {
            assert_eq!(
                (&r[1][..], &r[2][..]),
                ("適用", "クラウドの利用は情報システム部が管理する")
            );
        }
        if matched == ["iso27001:A.5.19"] {
            assert_eq!((&r[1][..], &r[2][..]), ("適用", ""));
        }
    }
    // A measure matching two controls of the group is one row naming both,
    // each with its decision.
    let both = rows
        .iter()
        .find(|r| r[0].contains("A.5.22") && r[0].contains("A.7.14"))
        .expect("kesennuma's measure cites A.7.14 and A.5.22");
    assert_eq!(both[0], "iso27001:A.5.22, iso27001:A.7.14");
    assert_eq!(both[1], "iso27001:A.5.22 適用、iso27001:A.7.14 除外");
    assert_eq!(both[2], "iso27001:A.7.14: 機器の廃棄は本社が一括して行う");

    // Any spelling the command line accepts, and the controls one by one: the same register.
    let same = |args: &[&str]| {
        let mut all = vec!["--soa", soa, "export", "--format", "csv"];
        all.extend(args);
        let out = on_sample(&all);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        out.stdout
    };
    let first = same(&["--control", "A.5.19-A.5.23", "--control", "A.7.14"]);
    assert_eq!(
        same(&["--control", "a5.19〜a5.23", "--control", "7.14"]),
        first
    );
    assert_eq!(
        same(&[
            "--control",
            "iso27001:A.5.23 – iso27001:A.5.19",
            "--control",
            "A.7.14"
        ]),
        first,
        "a range written backwards is read in catalog order"
    );
    assert_eq!(
        same(&[
            "--control",
            "A.5.19",
            "--control",
            "A.5.20",
            "--control",
            "A.5.21",
            "--control",
            "A.5.22",
            "--control",
            "A.5.23",
            "--control",
            "A.7.14",
            "--control",
            "A.7.14",
        ]),
        first
    );

    // Without a statement: no statement columns; English labels in English.
    let out = on_sample(&[
        "--lang",
        "en",
        "export",
        "--control",
        "A.5.19-A.5.23",
        "--format",
        "csv",
    ]);
    let (header, _) = csv_rows(&out.stdout);
    assert_eq!(header[0], "Matched controls");
    assert_eq!(header[4], "Measure");
    assert_eq!(header.last().unwrap(), "Our situation and findings");
    assert!(!header.iter().any(|h| h.contains("SoA")), "{header:?}");
}

#[test]
fn ranges_name_controls_of_one_scheme_and_one_level() {
    let out = on_sample(&["--lang", "en", "export", "--control", "A.5.19-10-5-4"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "casebook: `A.5.19-10-5-4`: a range runs between two controls of one scheme (iso27001:A.5.19 and ppc:10-5-4 are not)\n"
    );
    let out = on_sample(&["--lang", "en", "export", "--control", "A.5-A.5.3"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "casebook: `A.5-A.5.3`: a range runs between two items of one level (iso27001:A.5 is a theme or category, iso27001:A.5.3 is under one)\n"
    );
    let out = on_sample(&["--lang", "en", "export", "--control", "A.5.19-A.5.99"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("casebook: unknown control `A.5.99`"),
        "{}",
        stderr(&out)
    );
    // ppc ids hold hyphens: a range of them still reads.
    let out = on_sample(&["export", "--control", "10-5(1)-10-5(4)", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, rows) = csv_rows(&out.stdout);
    assert!(
        rows.iter().all(|r| r[0].starts_with("ppc:10-5-")),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r[0].contains("ppc:10-5-4")));
}
