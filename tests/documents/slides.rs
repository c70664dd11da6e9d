//! Slides and PDF handouts as a trainer receives them. python-pptx reads the
//! deck (16:9; a title slide, a slide per case in the order given, a closing
//! slide; the speaker notes; the fonts of every run) of cases of the sample
//! casebook of the tests; LibreOffice draws every slide of a deck of every
//! bundled case (whatever the bundled casebook holds), and of a case longer
//! than any of them, with each text inside its own box; `--format pdf` goes
//! through LibreOffice and says how to install it when it is missing.
//!
//! python-pptx (tests/python/requirements.txt), LibreOffice (soffice) and
//! poppler's pdftotext are required: `.ci/run` installs them; without them
//! these tests fail.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use casebook::document::{deck, pptx};
use casebook::lang::Lang;
use common::office::part;
use common::{Dir, casebook_in, sample_args, stderr};
use serde_json::Value;

/// Three cases of the sample casebook: a source with a URL, one without,
/// editorial measures.
const THREE: [&str; 3] = [
    "kitahama-usb-2022",
    "minato-hospital-pc-2024",
    "tozai-transport-password-2023",
];

/// The sample casebook's titles of [`THREE`].
const TITLES: [&str; 3] = [
    "給付金業務の委託先の社員が全市民の個人情報を記録したUSBメモリーを飲酒後に紛失",
    "委託して廃棄した診療用パソコンが患者データを残したままネットオークションに出品",
    "机に貼られたIDとパスワードの付箋を使い、車両登録システムに不正アクセス",
];

/// `casebook export --case IDS… ARGS…` on the sample casebook in `dir`;
/// panics unless it succeeds.
fn export(dir: &Dir, ids: &[&str], args: &[&str]) {
    let mut all = vec!["export", "--case"];
    all.extend(ids);
    all.extend(args);
    let out = casebook_in(dir.path(), &sample_args(&all));
    assert!(out.status.success(), "{}", stderr(&out));
}

/// What tests/python/deck.py reads in a deck (and, with its PDF, the text
/// LibreOffice drew outside its box).
fn read_deck(pptx: &Path, pdf: Option<&Path>) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/deck.py");
    let mut cmd = Command::new("python3");
    cmd.arg(script).arg(pptx);
    if let Some(pdf) = pdf {
        cmd.arg(pdf);
    }
    let out = cmd
        .output()
        .expect("python3 is required (.ci/run installs python-pptx)");
    assert!(
        out.status.success(),
        "deck.py failed (python-pptx is required: pip install -r tests/python/requirements.txt):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The PDF LibreOffice makes of `file`, beside it (a profile of its own, so
/// a LibreOffice already open does not take the request).
fn soffice_pdf(file: &Path) -> PathBuf {
    let dir = file.parent().unwrap();
    let profile = dir.join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .expect("LibreOffice (soffice) is required: .ci/run installs it");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = file.with_extension("pdf");
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    pdf
}

fn texts(slide: &Value) -> String {
    slide["shapes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().replace('\u{2011}', "-"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn python_pptx_reads_a_deck_of_three_cases_with_notes_and_japanese_fonts() {
    let dir = Dir::new();
    export(
        &dir,
        &THREE,
        &[
            "--title",
            "2025年度 情報セキュリティ研修",
            "--out",
            "deck.pptx",
        ],
    );
    let path = dir.path().join("deck.pptx");
    let deck = read_deck(&path, None);
    assert_eq!(deck["size"], serde_json::json!([960.0, 540.0]), "16:9");
    let slides = deck["slides"].as_array().unwrap();
    assert_eq!(slides.len(), 1 + 3 + 1, "title, three cases, controls");

    // The title slide: the pack's title, the date, the number of cases, the schemes.
    let cover = &slides[0];
    assert_eq!(cover["layout"], "Title Slide");
    assert_eq!(cover["title"], "2025年度 情報セキュリティ研修");
    let text = texts(cover);
    assert!(text.contains("事例 3件"), "{text}");
    let date = regex::Regex::new(r"\d{4}-\d{2}-\d{2}").unwrap();
    assert!(date.is_match(&text), "{text}");
    assert!(
        text.contains("A.7.10 などは ISO/IEC 27001:2022 附属書A"),
        "{text}"
    );

    // A slide per case, in the order given, with its brief; the notes hold the rest.
    let titles: Vec<String> = slides[1..4]
        .iter()
        // A title may break after its comma: a line break, `\v` to python-pptx.
        .map(|s| s["title"].as_str().unwrap().replace('\u{b}', ""))
        .collect();
    let numbered: Vec<String> = TITLES
        .iter()
        .enumerate()
        .map(|(n, t)| format!("{}. {t}", n + 1))
        .collect();
    assert_eq!(titles, numbered);
    for slide in &slides[1..4] {
        assert_eq!(slide["layout"], "Title Only");
    }
    let usb = &slides[1];
    let text = texts(usb);
    assert!(
        text.contains("北浜市（地方公共団体）　公表 2022-06-23"),
        "{text}"
    );
    assert!(
        text.contains("原因: 紛失・置忘れ、不正な情報持ち出し"),
        "{text}"
    );
    assert!(text.contains("再発防止策"));
    assert!(
        text.contains(
            "個人情報を記録した電子媒体の持ち出しは、市の事前の許可制とする（A.7.10, 10-5-3）"
        ),
        "{text}"
    );
    assert!(text.contains("[casebook: kitahama-usb-2022]"), "{text}");
    assert!(!text.contains("iso27001:"), "short ids on the slide");
    let notes = usb["notes"].as_str().unwrap();
    for whole in [
        "USBメモリーにはパスワードが設定されていた。",
        "作業の後もUSBメモリーを持ち歩き、飲酒した帰りに紛失した",
        "作業の後は記録媒体のデータをその場で消去し、消去したことを記録に残す",
        "市のホームページで市民に経過を知らせた",
        "https://news.example.jp/2022/06/23/kitahama-usb.html",
    ] {
        assert!(notes.contains(whole), "{whole} in the notes:\n{notes}");
    }

    // The closing slide: the controls the cases cite, with their titles.
    let closing = &slides[4];
    assert_eq!(closing["title"], "この資料で扱った管理策");
    let text = texts(closing);
    assert!(
        text.contains("A.7.14 装置のセキュリティを保った処分又は再利用（事例 2）"),
        "{text}"
    );
    assert!(
        text.contains("A.5.22 供給者のサービス提供の監視、レビュー及び変更管理（事例 1・2）"),
        "{text}"
    );

    // Every run and line end names the Latin and the East Asian font.
    for slide in slides {
        for shape in slide["shapes"].as_array().unwrap() {
            for fonts in shape["fonts"].as_array().unwrap() {
                assert_eq!(
                    fonts,
                    &serde_json::json!(["Yu Gothic", "游ゴシック"]),
                    "{shape}"
                );
            }
        }
    }
    // So does the theme, for what is typed into the deck later.
    let data = std::fs::read(&path).unwrap();
    let theme = part(&data, "ppt/theme/theme1.xml");
    let minor = &theme[theme.find("<a:minorFont>").unwrap()..];
    assert!(minor.contains("<a:latin typeface=\"Yu Gothic\""), "{minor}");
    assert!(minor.contains("<a:ea typeface=\"游ゴシック\"/>"));
    assert!(
        part(&data, "docProps/core.xml")
            .contains("<dc:title>2025年度 情報セキュリティ研修</dc:title>")
    );
}

/// A case longer than any bundled one: a long title without a comma, long
/// measures with long credits and many controls, a long source.
fn long_case() -> String {
    let measure = |n: usize| {
        format!(
            "  - text: 第{n}の対策として、Microsoft 365 と VPN 装置の管理者アカウントを含むすべてのIDについて、委託先と再委託先の担当者ごとに利用目的と期間を台帳に記録し、四半期ごとに情報システム部門とは別の部署が突き合わせて確認する\n    controls: [iso27001:A.5.15, iso27001:A.5.18, iso27001:A.8.2, iso27001:A.5.22, ppc:10-6-1, ppc:10-3-3]\n    by: 一般社団法人ＡＢＣＤ情報セキュリティ推進協議会の第三者調査委員会（委員長・弁護士）\n"
        )
    };
    let measures: String = (1..=5).map(measure).collect();
    format!(
        "id: long-case-2025
title: 委託先の委託先の委託先で保守を担当していた事業者の従業員が管理者権限を持つ共有アカウントのパスワードを私物のスマートフォンに保存したまま退職し退職後もシステムに接続できた状態が二年にわたって続いていた
organization: 一般社団法人ＡＢＣＤ情報セキュリティ推進協議会東日本支部
sector: local-government
published: 2025-06-30
occurred: 2023-04
summary: |
  一般社団法人ＡＢＣＤ情報セキュリティ推進協議会東日本支部が運用を委託している会員管理システムについて、保守を担当していた再々委託先の元従業員が、退職後も管理者権限を持つ共有アカウントで外部からVPN経由で接続できる状態が2023年4月から2025年5月まで続いており、その間に会員約12万3,456人分の氏名、住所、電話番号、メールアドレス、生年月日、勤務先が閲覧できる状態だったことが、定期監査で見つかったログの不整合から判明した。
  協議会は警察に相談した。
root_causes:
  - category: mismanagement
    text: 共有アカウントのパスワードが退職時に変更されず、誰がいつ使ったかも記録されていなかった
measures:
{measures}sources:
  - publisher: 一般社団法人ＡＢＣＤ情報セキュリティ推進協議会東日本支部
    title: 会員管理システムにおける委託先元従業員による不正な接続の可能性に関するお知らせとお詫び（第三報：第三者調査委員会の調査結果と再発防止策について）
    date: 2025-06-30
    url: https://www.example.jp/news/2025/06/30/%E4%BC%9A%E5%93%A1%E7%AE%A1%E7%90%86%E3%82%B7%E3%82%B9%E3%83%86%E3%83%A0%E3%81%AB%E3%81%8A%E3%81%91%E3%82%8B%E4%B8%8D%E6%AD%A3%E3%81%AA%E6%8E%A5%E7%B6%9A.html
"
    )
}

fn with_long_case() -> Dir {
    let dir = Dir::new();
    dir.case("long-case-2025.yaml", long_case());
    dir
}

#[test]
fn a_case_longer_than_a_slide_continues_on_the_next_with_its_numbers() {
    let dir = with_long_case();
    let loaded = dir.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let book = loaded.casebook;
    let i = book.index_of("long-case-2025").unwrap();
    let d = deck::pack(&book, &[i], Lang::Ja, None, "2025-07-01");
    let placed = pptx::place(&d.slides[1], Lang::Ja);
    assert_eq!(placed.len(), 2, "the case continues on a second slide");
    let title = |k: usize| {
        placed[k].title.paras[0]
            .spans
            .iter()
            .map(|s| s.text.as_str())
            .collect::<String>()
    };
    assert!(title(1).ends_with("（続き）"), "{}", title(1));
    assert!(placed[1].notes.is_empty() && !placed[0].notes.is_empty());
    // Nothing lost: every measure is on one of the two slides, the
    // numbering going on where the first left off.
    let body: String = placed
        .iter()
        .flat_map(|p| &p.body)
        .flat_map(|f| &f.paras)
        .map(|p| p.text())
        .collect();
    for n in 1..=5 {
        assert!(body.contains(&format!("第{n}の対策として")), "{n}");
    }
    let numbers: Vec<usize> = placed
        .iter()
        .flat_map(|p| &p.body)
        .flat_map(|f| &f.paras)
        .filter_map(|p| match p.bullet {
            pptx::layout::Bullet::Number(n) => Some(n),
            _ => None,
        })
        .collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    let second_first = placed[1].body[0].paras.iter().find_map(|p| match p.bullet {
        pptx::layout::Bullet::Number(n) => Some(n),
        _ => None,
    });
    assert!(second_first.is_some_and(|n| n > 1), "{second_first:?}");
    // Every box holds what was measured for it, and lies on the slide.
    for p in &placed {
        for f in p.body.iter().chain(&p.footer).chain([&p.title]) {
            let h = pptx::layout::height(&f.paras, f.w);
            assert!(h <= f.h + 0.01, "{h} > {}", f.h);
            assert!(f.x >= 0.0 && f.x + f.w <= 960.0 && f.y >= 0.0 && f.y + f.h <= 540.0);
        }
        if let (Some(footer), Some(body)) = (&p.footer, p.body.first()) {
            assert!(
                body.y + body.h <= footer.y,
                "the body ends above the source"
            );
        }
    }
}

/// Every bundled case, and the long one, in one deck as LibreOffice draws
/// it: each slide's text inside its own box (`deck.py` compares the words
/// LibreOffice placed in each box with the box's text).
#[test]
fn libreoffice_draws_every_slide_with_its_text_inside_its_box() {
    let dir = with_long_case();
    let book = common::bundled();
    let mut ids: Vec<String> = book.entries().iter().map(|e| e.case.id.clone()).collect();
    ids.push("long-case-2025".into());
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut args = vec!["--casebook", "."];
    args.extend(["export", "--case"]);
    args.extend(&ids);
    args.extend(["--out", "all.pptx"]);
    let out = casebook_in(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let pptx = dir.path().join("all.pptx");
    let pdf = soffice_pdf(&pptx);
    let deck = read_deck(&pptx, Some(&pdf));
    let slides = deck["slides"].as_array().unwrap();
    assert_eq!(deck["pages"], slides.len(), "a page per slide");
    assert!(
        slides.len() > 1 + ids.len(),
        "title, cases, controls: {}",
        slides.len()
    );
    let outside = deck["outside"].as_array().unwrap();
    assert!(
        outside.is_empty(),
        "text LibreOffice drew outside its box:\n{}",
        outside
            .iter()
            .map(|p| format!(
                "{p}\n  on the slide titled {}",
                slides[p["slide"].as_u64().unwrap() as usize - 1]["title"]
            ))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The long case took two slides.
    let continued = slides
        .iter()
        .filter(|s| s["title"].as_str().unwrap().ends_with("（続き）") && texts(s).contains("第"))
        .count();
    assert!(continued >= 1);
}

#[test]
fn the_pdf_handout_is_the_word_pack_as_libreoffice_prints_it() {
    let dir = Dir::new();
    export(&dir, &THREE, &["--format", "pdf", "--out", "pack.pdf"]);
    let pdf = dir.path().join("pack.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is required: .ci/run installs it");
    let text = String::from_utf8_lossy(&out.stdout);
    // Pages end with a form feed: each case starts on a page of its own.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    // pdftotext puts spaces where Japanese meets digits: compare without them.
    let starts = |p: &str, with: &str| {
        let p: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        p.starts_with(&with.replace(' ', ""))
    };
    assert!(
        starts(pages[0], "研修資料: 情報セキュリティ事故の事例（3件）"),
        "{}",
        pages[0]
    );
    for (n, title) in ["1. 給付金業務", "2. 委託して廃棄した", "3. 机に貼られた"]
        .iter()
        .enumerate()
    {
        assert!(
            pages.iter().any(|p| starts(p, title)),
            "case {} starts a page",
            n + 1
        );
    }
}

#[test]
fn without_libreoffice_a_pdf_says_how_to_install_it_and_writes_nothing() {
    let dir = Dir::new();
    let empty = tempfile::tempdir().unwrap();
    let out = common::command(&sample_args(&[
        "--lang", "en", "export", "--case", THREE[0], "--out", "p.pdf",
    ]))
    .current_dir(dir.path())
    .env("PATH", empty.path())
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(said.contains("PDF needs LibreOffice"), "{said}");
    assert!(
        said.contains("sudo apt install libreoffice-writer"),
        "{said}"
    );
    assert!(!dir.path().join("p.pdf").exists());
}

#[test]
fn copy_word_and_slides_keep_the_order_given() {
    let dir = Dir::new();
    let order = [THREE[2], THREE[0], THREE[1]];
    export(&dir, &order, &["--out", "pack.md"]);
    export(&dir, &order, &["--out", "pack.pptx"]);
    export(&dir, &order, &["--out", "pack.docx"]);
    let md = std::fs::read_to_string(dir.path().join("pack.md")).unwrap();
    let heads: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        heads[1..4],
        [
            format!("## 1. {}", TITLES[2]),
            format!("## 2. {}", TITLES[0]),
            format!("## 3. {}", TITLES[1]),
        ]
    );
    let deck = read_deck(&dir.path().join("pack.pptx"), None);
    let slides = deck["slides"].as_array().unwrap();
    for (slide, head) in slides[1..4].iter().zip(&heads[1..4]) {
        let title = slide["title"]
            .as_str()
            .unwrap()
            .replace(['\n', '\u{b}'], "");
        assert_eq!(format!("## {title}"), *head);
    }
    let doc = part(
        &std::fs::read(dir.path().join("pack.docx")).unwrap(),
        "word/document.xml",
    );
    let at = |t: &str| doc.find(&t[3..]).unwrap();
    assert!(at(heads[1]) < at(heads[2]) && at(heads[2]) < at(heads[3]));
}

#[test]
fn the_title_given_is_the_packs_in_every_format_without_control_characters() {
    let dir = Dir::new();
    let title = "2025年度\u{7} 新入社員研修\u{1b}[31m";
    for name in ["pack.md", "pack.docx", "pack.pptx"] {
        export(&dir, &THREE[..2], &["--title", title, "--out", name]);
    }
    // Controls become visible symbols (the one rule of src/text.rs).
    let clean = "2025年度\u{2407} 新入社員研修\u{241B}[31m";
    let md = std::fs::read_to_string(dir.path().join("pack.md")).unwrap();
    assert_eq!(
        md.lines().next(),
        Some("# 2025年度\u{2407} 新入社員研修\u{241B}\\[31m")
    );
    for name in ["pack.docx", "pack.pptx"] {
        let data = std::fs::read(dir.path().join(name)).unwrap();
        assert!(
            part(&data, "docProps/core.xml").contains(&format!("<dc:title>{clean}</dc:title>")),
            "{name}"
        );
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&data)).unwrap();
        for i in 0..zip.len() {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_index(i).unwrap(), &mut xml).unwrap();
            assert!(!xml.contains(['\u{7}', '\u{1b}']), "{name}");
        }
    }
    let doc = part(
        &std::fs::read(dir.path().join("pack.docx")).unwrap(),
        "word/document.xml",
    );
    assert!(doc.contains(&format!(">{clean}</w:t>")));
    let deck = read_deck(&dir.path().join("pack.pptx"), None);
    assert_eq!(deck["slides"][0]["title"], clean);
    // Without --title, the default names the number of cases.
    export(&dir, &THREE[..2], &["--out", "default.md"]);
    let md = std::fs::read_to_string(dir.path().join("default.md")).unwrap();
    assert!(md.starts_with("# 研修資料: 情報セキュリティ事故の事例（2件）\n"));
    // A title is for a pack: with --control it is a usage error.
    let out = casebook_in(
        dir.path(),
        &sample_args(&["export", "--control", "A.7.14", "--title", "x"]),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn a_case_and_a_precedent_list_are_decks_too() {
    let dir = Dir::new();
    let out = casebook_in(
        dir.path(),
        &sample_args(&["show", THREE[1], "--format", "pptx", "--out", "case.pptx"]),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let deck = read_deck(&dir.path().join("case.pptx"), None);
    let slides = deck["slides"].as_array().unwrap();
    assert_eq!(slides.len(), 1);
    assert_eq!(
        slides[0]["title"].as_str().unwrap().replace('\u{b}', ""),
        TITLES[1]
    );
    assert!(
        slides[0]["notes"]
            .as_str()
            .unwrap()
            .contains("■ 再発防止策")
    );
    let out = casebook_in(
        dir.path(),
        &sample_args(&[
            "export",
            "--control",
            "iso27001:A.7.14",
            "--out",
            "a714.pptx",
        ]),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let deck = read_deck(&dir.path().join("a714.pptx"), None);
    let slides = deck["slides"].as_array().unwrap();
    assert_eq!(
        slides[0]["title"],
        "iso27001:A.7.14 装置のセキュリティを保った処分又は再利用"
    );
    assert!(texts(&slides[0]).contains("先例 2件"));
    assert_eq!(slides.len(), 1 + 2, "a slide per precedent");
    assert!(texts(&slides[1]).contains("この項目に当たる再発防止策"));
}
