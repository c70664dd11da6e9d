//! Word, Excel and CSV as a trainer or an auditor receives them: the files are
//! opened (zip + XML) and checked for what they would otherwise retouch by
//! hand: heading styles, the Japanese font, A4, table widths, unbroken control
//! ids, hyperlinks, labels, citations, a frozen and filtered header, cells;
//! on the cases of the sample casebook of the tests.

use crate::common;

use casebook::casebook::Casebook;
use casebook::document::{collection, docx, widths, xlsx};
use casebook::export::file::{Content, Format, render};
use casebook::lang::Lang;
use common::office::{attrs, part, sheet_cells};
use common::{Dir, casebook_in, sample_args, stderr};

fn book() -> Casebook {
    common::sample()
}

fn pack_docx() -> (Vec<u8>, String) {
    let book = book();
    let data = render(
        &book,
        &Content::pack(common::three_cases(&book)),
        Lang::Ja,
        Format::Docx,
    )
    .unwrap();
    let doc = part(&data, "word/document.xml");
    (data, doc)
}

#[test]
fn word_has_real_heading_styles_and_a_japanese_font() {
    let (data, _) = pack_docx();
    let styles = part(&data, "word/styles.xml");
    for (id, name, level) in [
        ("Heading1", "heading 1", 0),
        ("Heading2", "heading 2", 1),
        ("Heading3", "heading 3", 2),
    ] {
        let start = styles
            .find(&format!("w:styleId=\"{id}\""))
            .unwrap_or_else(|| panic!("{id}"));
        let style = &styles[start..start + styles[start..].find("</w:style>").unwrap()];
        assert!(
            style.contains(&format!("<w:name w:val=\"{name}\"")),
            "{style}"
        );
        assert!(
            style.contains(&format!("<w:outlineLvl w:val=\"{level}\"")),
            "{style}"
        );
        assert!(style.contains("w:eastAsia=\"游ゴシック\""), "{style}");
    }
    // The document default too, with the Latin name for the other slots.
    let defaults = &styles[..styles.find("</w:docDefaults>").unwrap()];
    assert!(defaults.contains("w:eastAsia=\"游ゴシック\""), "{defaults}");
    assert!(defaults.contains("w:ascii=\"Yu Gothic\""), "{defaults}");
}

#[test]
fn word_pages_are_a4_and_headings_carry_the_cases() {
    let (_, doc) = pack_docx();
    assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""), "A4");
    let h1 = doc.matches("<w:pStyle w:val=\"Heading1\"").count();
    let h2 = doc.matches("<w:pStyle w:val=\"Heading2\"").count();
    assert_eq!(h1, 1, "the pack's title");
    assert_eq!(h2, 2 + 3, "contents, three cases, controls covered");
    // The cases in the order given, each (and the closing table) on a new page.
    let first = doc
        .find("1. 給付金業務の委託先の社員が全市民の個人情報を記録したUSBメモリーを飲酒後に紛失")
        .expect("the first case given is case 1");
    let second = doc
        .find("2. 委託して廃棄した診療用パソコンが患者データを残したままネットオークションに出品")
        .expect("case 2");
    let third = doc
        .find("3. 机に貼られたIDとパスワードの付箋を使い、車両登録システムに不正アクセス")
        .expect("case 3");
    assert!(first < second && second < third);
    assert_eq!(doc.matches("<w:pageBreakBefore").count(), 3 + 1);
    for heading in doc.split("<w:pStyle w:val=\"Heading2\"").skip(2) {
        let props = &heading[..heading.find("</w:pPr>").unwrap()];
        assert!(props.contains("<w:pageBreakBefore"), "{props}");
    }
}

#[test]
fn the_word_pack_names_each_case_in_its_contents_and_its_schemes_once() {
    let (_, doc) = pack_docx();
    let contents = &doc[doc.find("<w:tbl>").unwrap()..doc.find("</w:tbl>").unwrap()];
    for title in [
        "給付金業務の委託先の社員が全市民の個人情報を記録したUSBメモリーを飲酒後に紛失",
        "委託して廃棄した診療用パソコンが患者データを残したままネットオークションに出品",
        "机に貼られたIDとパスワードの付箋を使い、車両登録システムに不正アクセス",
    ] {
        assert!(contents.contains(title), "{title}");
    }
    // Short ids, the schemes named once, before the contents.
    assert!(
        !doc.contains("iso27001:") && !doc.contains("ppc:"),
        "no scheme prefixes"
    );
    let note = doc
        .find("管理策は番号で示します。")
        .expect("the note on the schemes");
    assert!(note < doc.find("<w:tbl>").unwrap());
    assert!(doc.contains("ISO/IEC 27001:2022 附属書A"));
    assert!(doc.contains("個人情報保護法ガイドライン（通則編）10 安全管理措置"));
    assert!(doc.contains("A.7.14</w:t>"), "a short id");
}

#[test]
fn word_tables_fit_their_content_and_never_split_an_id() {
    let (_, doc) = pack_docx();
    let grids: Vec<&str> = doc
        .split("<w:tblGrid>")
        .skip(1)
        .map(|s| &s[..s.find("</w:tblGrid>").unwrap()])
        .collect();
    assert_eq!(grids.len(), 2, "contents and controls covered");
    for grid in &grids {
        let cols: Vec<u32> = attrs(grid, "w:gridCol", "w:w")
            .iter()
            .map(|w| w.parse().unwrap())
            .collect();
        assert!(cols.iter().sum::<u32>() <= docx::TEXT_WIDTH, "{cols:?}");
    }
    let twips = |s: &str| (widths::ems(s) * 180.0) as u32; // 9-point table text
    let contents: Vec<u32> = attrs(grids[0], "w:gridCol", "w:w")
        .iter()
        .map(|w| w.parse().unwrap())
        .collect();
    assert!(
        contents[3] > twips("2024-08-07"),
        "dates on one line: {contents:?}"
    );
    assert!(
        contents[2] > twips("みなと市立病院"),
        "names on one line: {contents:?}"
    );
    assert!(
        contents[1] > contents[2] && contents[1] > contents[4],
        "the titles have the most room: {contents:?}"
    );
    let controls: Vec<u32> = attrs(grids[1], "w:gridCol", "w:w")
        .iter()
        .map(|w| w.parse().unwrap())
        .collect();
    assert!(controls[0] > twips("A.5.17"), "{controls:?}");
    // Hyphens inside control ids are non-breaking.
    assert!(doc.contains(">10\u{2011}5\u{2011}4"));
    assert!(!doc.contains("10-5-4"), "no breakable hyphen inside an id");
    assert!(doc.contains("<w:tblLayout w:type=\"fixed\""));
    // Each table's header row repeats on every page it runs onto.
    assert_eq!(doc.matches("<w:tblHeader />").count(), 2);
    for table in doc.split("<w:tbl>").skip(1) {
        let first = &table[table.find("<w:tr>").unwrap()..table.find("</w:tr>").unwrap()];
        assert!(first.contains("<w:tblHeader />"), "{first}");
    }
}

#[test]
fn word_links_sources_labels_measures_and_cites_each_case() {
    let (data, doc) = pack_docx();
    let rels = part(&data, "word/_rels/document.xml.rels");
    assert!(rels.contains(
        "Target=\"https://news.example.jp/2022/06/23/kitahama-usb.html\" TargetMode=\"External\""
    ));
    assert!(doc.contains("<w:hyperlink r:id=\"rIdHyperlink"));
    assert!(doc.contains(
        "<w:rStyle w:val=\"CreditLabel\" /></w:rPr><w:t xml:space=\"preserve\">【編集部の教訓】"
    ));
    for id in [
        "minato-hospital-pc-2024",
        "tozai-transport-password-2023",
        "kitahama-usb-2022",
    ] {
        let unbroken = id.replace('-', "\u{2011}");
        assert!(
            doc.contains(&format!("[casebook: {unbroken}]")),
            "{id} is cited"
        );
    }
}

#[test]
fn word_keeps_required_measures_labelled() {
    let dir = Dir::new();
    let text = common::case_file("credited").replace(
        "    origin: editorial\n",
        "    origin: required\n    by: 総務省\n",
    );
    dir.case("credited.yaml", text);
    let loaded = dir.load();
    let data = render(&loaded.casebook, &Content::Case(0), Lang::Ja, Format::Docx).unwrap();
    assert!(part(&data, "word/document.xml").contains("【総務省の要請】"));
}

#[test]
fn word_labels_an_experts_suggestion_as_one() {
    let dir = Dir::new();
    let text = common::case_file("suggested").replace(
        "    origin: editorial\n",
        "    origin: suggested\n    by: 山田太郎氏（研究者）\n",
    );
    dir.case("suggested.yaml", text);
    let loaded = dir.load();
    let data = render(&loaded.casebook, &Content::Case(0), Lang::Ja, Format::Docx).unwrap();
    let doc = part(&data, "word/document.xml");
    assert!(doc.contains("【山田太郎氏（研究者）の提言】"), "{doc}");
}

#[test]
fn nothing_from_a_file_reaches_word_as_a_control_character() {
    let dir = Dir::new();
    dir.case(
        "control.yaml",
        common::case_file("control").replace(
            "summary: |\n",
            "summary: |\n  端末に\u{1b}[31m赤い\u{7}文字\u{1b}]0;x\u{7}を残した。\n",
        ),
    );
    let loaded = dir.load();
    assert_eq!(loaded.casebook.len(), 1, "{:?}", loaded.diagnostics);
    let data = render(&loaded.casebook, &Content::Case(0), Lang::Ja, Format::Docx).unwrap();
    let doc = part(&data, "word/document.xml");
    assert!(doc.contains("端末に␛[31m赤い␇文字"), "shown as symbols");
    assert!(
        !doc.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
        "no control characters"
    );
}

fn a7_14_xlsx() -> Vec<u8> {
    let book = book();
    let doc = collection::precedents(&book, "iso27001", "A.7.14", Lang::Ja).unwrap();
    xlsx::render(&doc).unwrap().unwrap()
}

#[test]
fn excel_register_has_one_row_per_case_and_citing_measure() {
    let rows = sheet_cells(&a7_14_xlsx());
    assert_eq!(
        rows[0],
        vec!["iso27001:A.7.14 装置のセキュリティを保った処分又は再利用"]
    );
    assert_eq!(
        rows[1],
        vec![
            "該当する管理策",
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
    assert_eq!(
        rows.len(),
        2 + 2,
        "title, header, one measure in each of two cases"
    );
    assert_eq!(rows[2][0], "iso27001:A.7.14");
    assert_eq!(rows[2][1], "2024-08-07");
    assert_eq!(rows[2][2], "みなと市立病院");
    assert_eq!(
        rows[2][4],
        "病院や委託事業者の情報機器を委託して廃棄するときは、記憶装置の破壊に職員が立ち会って確認する"
    );
    assert_eq!(rows[2][5], "iso27001:A.7.14, iso27001:A.5.22, ppc:10-5-4");
    assert_eq!(rows[2][6], "みなと市立病院の発表");
    assert!(rows[2][7].ends_with("[casebook: minato-hospital-pc-2024]"));
    assert_eq!(rows[3][6], "編集部の教訓");
    assert_eq!(rows[3][9], "", "the auditor's column is empty");
}

#[test]
fn excel_header_is_frozen_filtered_and_columns_fit() {
    let sheet = part(&a7_14_xlsx(), "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(
        "<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"
    ));
    assert!(sheet.contains("<autoFilter ref=\"A2:J4\"/>"));
    let widths: Vec<f64> = attrs(&sheet, "col", "width")
        .iter()
        .map(|w| w.parse().unwrap())
        .collect();
    assert!(widths[0] >= xlsx::units("2024-08-07"), "{widths:?}");
    assert!(
        widths.iter().all(|&w| w <= 40.0),
        "long text wraps: {widths:?}"
    );
    assert!(
        sheet.contains("customHeight=\"1\""),
        "wrapped rows are taller"
    );
}

#[test]
fn excel_links_urls() {
    let book = book();
    let doc = collection::precedents(&book, "ppc", "10-5-3", Lang::Ja).unwrap();
    let data = xlsx::render(&doc).unwrap().unwrap();
    let rels = part(&data, "xl/worksheets/_rels/sheet1.xml.rels");
    assert!(rels.contains("Target=\"https://news.example.jp/2022/06/23/kitahama-usb.html\""));
}

#[test]
fn csv_is_excel_ready_utf8_with_a_bom_and_rfc4180_quoting() {
    let book = book();
    let data = render(
        &book,
        &Content::Precedents {
            scheme: "iso27001".into(),
            id: "A.7.14".into(),
        },
        Lang::Ja,
        Format::Csv,
    )
    .unwrap();
    assert!(data.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark");
    let text = String::from_utf8(data[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n"), "CRLF");
    assert!(text.contains(",\"iso27001:A.7.14, iso27001:A.5.22, ppc:10-5-4\","));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[4], "再発防止策");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[1][6], "編集部の教訓");
}

#[test]
fn csv_cells_never_start_a_formula() {
    let dir = Dir::new();
    dir.case(
        "formula.yaml",
        common::case_file("formula").replace(
            "title: 委託先がUSBメモリーを紛失",
            "title: \"=HYPERLINK(\\\"x\\\")\"",
        ),
    );
    let loaded = dir.load();
    let data = render(
        &loaded.casebook,
        &Content::Precedents {
            scheme: "iso27001".into(),
            id: "A.7.10".into(),
        },
        Lang::Ja,
        Format::Csv,
    )
    .unwrap();
    let text = String::from_utf8_lossy(&data);
    assert!(text.contains("'=HYPERLINK"), "{text}");
}

#[test]
fn the_cli_writes_each_format_and_refuses_sheets_for_a_pack() {
    let dir = Dir::new();
    let run = |args: &[&str]| casebook_in(dir.path(), &sample_args(args));
    let out = run(&["export", "--control", "iso27001:A.7.14", "--out", "a.xlsx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read(dir.path().join("a.xlsx"))
            .unwrap()
            .starts_with(b"PK")
    );
    let out = run(&["export", "--case", "kitahama-usb-2022", "--out", "p.docx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&[
        "--lang",
        "en",
        "export",
        "--case",
        "kitahama-usb-2022",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("csv is for precedent lists only"),
        "{}",
        stderr(&out)
    );
    let out = run(&[
        "--lang",
        "en",
        "export",
        "--case",
        "kitahama-usb-2022",
        "--out",
        "p.odt",
    ]);
    assert!(stderr(&out).contains("cannot tell the format from the extension `.odt`"));
    assert!(!dir.path().join("p.odt").exists());
    let out = run(&[
        "show",
        "kitahama-usb-2022",
        "--format",
        "docx",
        "--out",
        "c.docx",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = part(
        &std::fs::read(dir.path().join("c.docx")).unwrap(),
        "word/document.xml",
    );
    assert!(doc.contains("給付金業務の委託先の社員"));
    // Piped (not a terminal), the bytes go to standard output.
    let out = run(&["show", "kitahama-usb-2022", "--format", "docx"]);
    assert!(out.stdout.starts_with(b"PK"));
}

/// The document properties Word and Excel show under File → Info.
fn core_properties(data: &[u8]) -> String {
    part(data, "docProps/core.xml")
}

#[test]
fn word_and_excel_carry_the_document_title_and_the_time_they_were_written() {
    let book = book();
    let doc = collection::precedents(&book, "iso27001", "A.7.14", Lang::Ja).unwrap();
    let expected = "<dc:title>iso27001:A.7.14 装置のセキュリティを保った処分又は再利用</dc:title>";
    let word = core_properties(&docx::render(&doc).unwrap());
    let excel = core_properties(&xlsx::render(&doc).unwrap().unwrap());
    for (what, props) in [("docx", &word), ("xlsx", &excel)] {
        assert!(props.contains(expected), "{what}: {props}");
        // Not 1970, nor an author called "unknown".
        let created = props
            .split("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
            .nth(1)
            .unwrap_or_else(|| panic!("{what}: {props}"));
        let year: u32 = created[..4].parse().unwrap();
        assert!(year >= 2025, "{what}: {created}");
        assert!(!props.contains("unknown"), "{what}: {props}");
    }
    // The rest of the package is untouched: still a document with its text.
    let (data, _) = pack_docx();
    assert!(core_properties(&data).contains("<dc:title>"), "pack");
    assert!(part(&data, "word/document.xml").contains("北浜市"));
}

/// The register of a group of controls in Excel: the title, the header (the
/// auditor's column last, after the URL), frozen and filtered, URLs linked;
/// in Word: landscape A4, one table with the auditor's column.
#[test]
fn a_register_of_a_group_in_excel_and_word() {
    use casebook::answers::soa;
    use casebook::model::ControlRef;
    let book = book();
    let (statement, diags) = soa::parse(
        "soa.yaml",
        "soa:\n  - control: A.7.14\n    applicable: false\n    reason: 本社が一括して廃棄する\n",
        &book.catalogs,
    );
    assert!(diags.is_empty(), "{diags:?}");
    let controls: Vec<ControlRef> = ["A.7.10", "A.7.14"]
        .iter()
        .map(|id| ControlRef::new("iso27001", id))
        .collect();
    let content = Content::Register {
        controls: controls.clone(),
        soa: statement.clone(),
        only: None,
    };
    let data = render(&book, &content, Lang::Ja, Format::Xlsx).unwrap();
    let rows = sheet_cells(&data);
    assert_eq!(
        rows[0],
        vec!["先例の登録簿: iso27001:A.7.10、iso27001:A.7.14"]
    );
    assert_eq!(rows[1][0], "該当する管理策");
    assert_eq!(rows[1][10], "URL");
    assert_eq!(rows[1][11], "当組織の状況・所見");
    let doc = casebook::document::register::register(
        &book,
        &controls,
        statement.as_ref(),
        None,
        Lang::Ja,
    );
    assert_eq!(rows.len(), 2 + doc.register.as_ref().unwrap().rows.len());
    let sheet = part(&data, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("state=\"frozen\""));
    assert!(sheet.contains(&format!("<autoFilter ref=\"A2:L{}\"/>", rows.len())));
    let rels = part(&data, "xl/worksheets/_rels/sheet1.xml.rels");
    assert!(
        rels.contains("Target=\"https://"),
        "the URL column is linked"
    );

    let data = render(&book, &content, Lang::Ja, Format::Docx).unwrap();
    let xml = part(&data, "word/document.xml");
    assert!(xml.contains("w:orient=\"landscape\""), "landscape");
    assert!(xml.contains("当組織の状況・所見"));
    assert!(xml.contains("本社が一括して廃棄する"));
}

/// `coverage --format xlsx`: the coverage table in Excel, in the interface's
/// language: the title (with the statement), the header frozen and filtered,
/// one row per control, the flags named.
#[test]
fn coverage_in_excel() {
    let dir = Dir::new();
    let soa = dir.file(
        "soa.yaml",
        "soa:\n  - control: iso27001:A.7.14\n    applicable: false\n    reason: 本社で一括\n",
    );
    let soa = soa.to_str().unwrap();
    let out = casebook_in(
        dir.path(),
        &[
            "--soa",
            soa,
            "coverage",
            "--format",
            "xlsx",
            "--out",
            "coverage.xlsx",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let data = std::fs::read(dir.path().join("coverage.xlsx")).unwrap();
    let rows = sheet_cells(&data);
    assert!(rows[0][0].starts_with("網羅状況"), "{:?}", rows[0]);
    assert_eq!(
        rows[1],
        vec![
            "管理策",
            "名称",
            "事例数",
            "事例ID",
            "適用宣言",
            "宣言の理由",
            "指摘"
        ]
    );
    assert_eq!(
        rows.len(),
        2 + 4 + 93 + 7 + 5 + 4 + 4,
        "title, header, every item"
    );
    let a714 = rows.iter().find(|r| r[0] == "iso27001:A.7.14").unwrap();
    assert_eq!(&a714[4..], &["除外", "本社で一括", "除外したが先例あり"]);
    let workbook = part(&data, "xl/workbook.xml");
    assert!(workbook.contains("name=\"網羅状況\""), "{workbook}");
    let sheet = part(&data, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("state=\"frozen\""));
    // Never to a terminal, never over a file without --force.
    let out = casebook_in(
        dir.path(),
        &["coverage", "--format", "xlsx", "--out", "coverage.xlsx"],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_text_longer_than_a_spreadsheet_cell_is_cut_and_marked_and_warned_about() {
    // Excel holds at most 32,767 characters in a cell; a longer measure is a
    // valid case, and the precedent list must still be written.
    let long = "持ち出しを許可制とし、記録を残す。".repeat(2500); // 42,500 characters
    let dir = Dir::new();
    dir.case(
        "2024/long-2024.yaml",
        common::case_file("long-2024").replace(
            "  - text: 電子媒体の持ち出しは事前の許可制とする",
            &format!("  - text: {long}"),
        ),
    );
    let loaded = dir.load();
    assert_eq!(loaded.casebook.len(), 1);
    assert!(
        loaded.diagnostics.iter().any(|d| {
            d.message
                .en
                .contains("`measures[1].text` has 42,500 characters")
                && d.message.en.contains("32,767")
        }),
        "{:?}",
        loaded.diagnostics
    );
    let data = render(
        &loaded.casebook,
        &Content::Precedents {
            scheme: "iso27001".into(),
            id: "A.7.10".into(),
        },
        Lang::Ja,
        Format::Xlsx,
    )
    .expect("the spreadsheet is written");
    let rows = sheet_cells(&data);
    let measure = &rows[2][4];
    assert!(measure.encode_utf16().count() <= 32_767);
    assert!(
        measure.starts_with("持ち出しを許可制とし"),
        "{}",
        &measure[..60]
    );
    assert!(
        measure.ends_with("…（Excel のセルに入る 32,767 文字までで省略）"),
        "{}",
        &measure[measure.len() - 120..]
    );
}
