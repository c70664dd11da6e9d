//! Every message the command line writes itself, in Japanese and in English:
//! errors, usage mistakes and notices, each as a user meets it. The language
//! is the interface language (`--lang`, the config file, `LANG`, else
//! Japanese); the tests run with `LANG=C.UTF-8`, so a plain run is Japanese.
//! Clap's own usage errors and `--help` stay in English.

use crate::common;

use std::path::Path;

use common::{Dir, case_file, command, english_sentences, stderr};

/// One way the command line speaks: the arguments (`{dir}` is a scratch
/// directory, `{sample}` the sample casebook of the tests), the environment,
/// the exit status and all of standard error in each language (`{dir}` again
/// for the directory).
struct Said {
    what: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
    status: i32,
    ja: &'static str,
    en: &'static str,
}

#[rustfmt::skip]
const SAID: &[Said] = &[
    // ----- what is named does not exist -----
    Said {
        what: "a case id that does not exist",
        args: &["--no-bundled", "--casebook", "{sample}", "show", "kitahama-usb"], env: &[], status: 1,
        ja: "casebook: ID が `kitahama-usb` の事例はありません（`kitahama-usb-2022` の誤りでは？）。`casebook list` ですべての ID を確かめられます\n",
        en: "casebook: no case with id `kitahama-usb`; did you mean `kitahama-usb-2022`? (`casebook list` shows every id)\n",
    },
    Said {
        what: "an unknown control",
        args: &["list", "--control", "iso27001:A.7.41"], env: &[], status: 1,
        ja: "casebook: 管理策 `iso27001:A.7.41` はありません。`iso27001:A.7.4`、`iso27001:A.7.1`、`iso27001:A.7.11` のことですか？\n",
        en: "casebook: unknown control `iso27001:A.7.41`; did you mean `iso27001:A.7.4`, `iso27001:A.7.1` or `iso27001:A.7.11`?\n",
    },
    Said {
        what: "an unknown scheme before a control id",
        args: &["export", "--control", "iso2701:A.7.14"], env: &[], status: 1,
        ja: "casebook: `iso2701:A.7.14` の分類 `iso2701` はありません。`iso27001:A.7.14` のことですか？（分類: iso27001、ppc）\n",
        en: "casebook: unknown scheme `iso2701` in `iso2701:A.7.14`; did you mean `iso27001:A.7.14`? (known schemes: iso27001, ppc)\n",
    },
    Said {
        what: "an unknown id in a vocabulary",
        args: &["export", "--control", "cause:los"], env: &[], status: 1,
        ja: "casebook: `cause:los` という ID はありません（`cause:loss` の誤りでは？）\n",
        en: "casebook: unknown id `cause:los`; did you mean `cause:loss`?\n",
    },
    Said {
        what: "an unknown cause",
        args: &["list", "--cause", "los"], env: &[], status: 1,
        ja: "casebook: 不明な原因分類 `los` です（`loss` の誤りでは？）（使える値: ",
        en: "casebook: unknown cause `los`; did you mean `loss`? (known: ",
    },
    Said {
        what: "an unknown sector",
        args: &["list", "--sector", "helthcare"], env: &[], status: 1,
        ja: "casebook: 不明な業種 `helthcare` です（`healthcare` の誤りでは？）（使える値: ",
        en: "casebook: unknown sector `helthcare`; did you mean `healthcare`? (known: ",
    },
    Said {
        what: "an unknown control scheme",
        args: &["coverage", "--scheme", "iso27002"], env: &[], status: 1,
        ja: "casebook: 管理策の体系 `iso27002` はありません（`iso27001` の誤りでは？）（使える値: iso27001、ppc）\n",
        en: "casebook: unknown control scheme `iso27002`; did you mean `iso27001`? (known: iso27001, ppc)\n",
    },
    Said {
        what: "a statement of applicability that is not there",
        // Named on the command line: a usage error, as a missing --casebook is.
        args: &["--soa", "{dir}/soa.yaml", "coverage"], env: &[], status: 2,
        ja: "casebook: --soa {dir}/soa.yaml: そのようなファイルはありません\n",
        en: "casebook: --soa {dir}/soa.yaml: no such file\n",
    },
    Said {
        what: "a statement of applicability named in the config file that is not there",
        args: &["coverage"], env: &[("CASEBOOK_CONFIG", "{dir}/soa-config.yaml")], status: 1,
        ja: "casebook: 1件のファイルを読み込めませんでした。詳しくは `casebook validate` で確かめてください\n\
             {dir}/soa.yaml: error: 適用宣言書: ファイルがありません（--soa か設定ファイルの `soa:` で指定されたもの）\n\
             casebook: 適用宣言書 {dir}/soa.yaml を読めませんでした\n",
        en: "casebook: 1 file could not be loaded; run `casebook validate` for details\n\
             {dir}/soa.yaml: error: statement of applicability: no such file (named by --soa or by `soa:` in the config file)\n\
             casebook: the statement of applicability {dir}/soa.yaml could not be read\n",
    },
    // ----- --out -----
    Said {
        what: "--out naming a file that exists",
        args: &["--no-bundled", "--casebook", "{sample}", "export", "--case", "kitahama-usb-2022", "--out", "{dir}/exists.md"], env: &[], status: 1,
        ja: "casebook: {dir}/exists.md は既にあります。置き換えるには --force を付けます\n",
        en: "casebook: {dir}/exists.md already exists; use --force to replace it\n",
    },
    Said {
        what: "--out naming a directory",
        args: &["--no-bundled", "--casebook", "{sample}", "export", "--case", "kitahama-usb-2022", "--out", "{dir}"], env: &[], status: 1,
        ja: "casebook: {dir} に書き込めません: ディレクトリです。書き込むファイルの名前を指定してください\n",
        en: "casebook: cannot write {dir}: it is a directory; give the name of a file to write\n",
    },
    Said {
        what: "--out in a directory that does not exist",
        args: &["--no-bundled", "--casebook", "{sample}", "export", "--case", "kitahama-usb-2022", "--out", "{dir}/none/p.md"], env: &[], status: 1,
        ja: "casebook: {dir}/none/p.md に書き込めません: ディレクトリがありません\n",
        en: "casebook: cannot write {dir}/none/p.md: the directory does not exist\n",
    },
    Said {
        what: "--out with an extension of no format",
        args: &["--no-bundled", "--casebook", "{sample}", "export", "--case", "kitahama-usb-2022", "--out", "{dir}/p.odt"], env: &[], status: 1,
        ja: "casebook: 拡張子 `.odt` からは形式が分かりません（.md、.docx、.pptx、.pdf、.xlsx、.csv、.txt のいずれか）\n",
        en: "casebook: cannot tell the format from the extension `.odt` (use .md, .docx, .pptx, .pdf, .xlsx, .csv or .txt)\n",
    },
    Said {
        what: "a PDF without LibreOffice",
        args: &["--no-bundled", "--casebook", "{sample}", "export", "--case", "kitahama-usb-2022", "--out", "{dir}/p.pdf"], env: &[("PATH", "{dir}")], status: 1,
        ja: "casebook: PDF にするには LibreOffice が要ります（soffice が見つかりません）。Debian・Ubuntu では `sudo apt install libreoffice-writer`、macOS では `brew install --cask libreoffice`、そのほかは https://ja.libreoffice.org/ から入れてください。.docx で書き出して Word で PDF に保存することもできます\n",
        en: "casebook: PDF needs LibreOffice (soffice was not found): `sudo apt install libreoffice-writer` on Debian and Ubuntu, `brew install --cask libreoffice` on macOS, or from https://www.libreoffice.org/; or export .docx and save it as PDF from Word\n",
    },
    Said {
        what: "a spreadsheet of cases",
        args: &["--no-bundled", "--casebook", "{sample}", "export", "--case", "kitahama-usb-2022", "--format", "csv"], env: &[], status: 1,
        ja: "casebook: csv は先例一覧専用です（`export --control SCHEME:ID`）。事例には md、docx、pptx、pdf を使います\n",
        en: "casebook: csv is for precedent lists only (`export --control SCHEME:ID`); use md, docx, pptx or pdf for cases\n",
    },
    Said {
        what: "a file written",
        args: &["--no-bundled", "--casebook", "{sample}", "export", "--case", "kitahama-usb-2022", "--out", "{dir}/pack.md"], env: &[], status: 0,
        ja: "casebook: {dir}/pack.md に書き出しました\n",
        en: "casebook: written to {dir}/pack.md\n",
    },
    Said {
        what: "the schema written",
        args: &["schema", "--out", "{dir}/schema.json"], env: &[], status: 0,
        ja: "casebook: スキーマを {dir}/schema.json に書き出しました\n",
        en: "casebook: schema written to {dir}/schema.json\n",
    },
    // ----- usage -----
    Said {
        what: "--limit 0",
        args: &["search", "廃棄", "--limit", "0"], env: &[], status: 2,
        ja: "casebook: --limit の値 '0' は使えません。1 以上の整数を指定してください\n",
        en: "casebook: invalid value '0' for '--limit <LIMIT>': the limit must be 1 or more\n",
    },
    Said {
        what: "--limit that is no number",
        args: &["--no-bundled", "--casebook", "{sample}", "similar", "kitahama-usb-2022", "--limit", "many"], env: &[], status: 2,
        ja: "casebook: --limit の値 'many' は整数ではありません。1 以上の整数を指定してください\n",
        en: "casebook: invalid value 'many' for '--limit <LIMIT>': expected a whole number of 1 or more\n",
    },
    Said {
        what: "--casebook naming nothing",
        args: &["--casebook", "{dir}/none", "list"], env: &[], status: 2,
        ja: "casebook: --casebook {dir}/none: そのようなディレクトリはありません\n",
        en: "casebook: --casebook {dir}/none: no such directory\n",
    },
    Said {
        what: "--casebook naming a file",
        args: &["--casebook", "{dir}/exists.md", "validate"], env: &[], status: 2,
        ja: "casebook: --casebook {dir}/exists.md: ファイルです。事例集のディレクトリではありません（ファイル1つを確かめるには casebook validate FILE）\n",
        en: "casebook: --casebook {dir}/exists.md: is a file, not a casebook directory (to check one file: casebook validate FILE)\n",
    },
    Said {
        what: "two --casebook problems, one line each",
        args: &["--casebook", "{dir}/none", "--casebook", "{dir}/exists.md", "list"], env: &[], status: 2,
        ja: "casebook: --casebook {dir}/none: そのようなディレクトリはありません\ncasebook: --casebook {dir}/exists.md: ファイルです。事例集のディレクトリではありません（ファイル1つを確かめるには casebook validate FILE）\n",
        en: "casebook: --casebook {dir}/none: no such directory\ncasebook: --casebook {dir}/exists.md: is a file, not a casebook directory (to check one file: casebook validate FILE)\n",
    },
    Said {
        what: "CASEBOOK_CONFIG naming nothing",
        args: &["list"], env: &[("CASEBOOK_CONFIG", "{dir}/none.yaml")], status: 2,
        ja: "casebook: CASEBOOK_CONFIG={dir}/none.yaml: そのようなファイルはありません\n",
        en: "casebook: CASEBOOK_CONFIG={dir}/none.yaml: no such file\n",
    },
    Said {
        what: "CASEBOOK_CONFIG naming a directory",
        args: &["validate", "{dir}/team"], env: &[("CASEBOOK_CONFIG", "{dir}")], status: 2,
        ja: "casebook: CASEBOOK_CONFIG={dir} はファイルではなくディレクトリです\n",
        en: "casebook: CASEBOOK_CONFIG={dir} is a directory, not a file\n",
    },
    Said {
        what: "the browser without a terminal",
        args: &[], env: &[], status: 1,
        ja: "casebook: ブラウザには端末が必要ですが、標準入力か標準出力が端末ではありません。\nスクリプトからはコマンドを使います: casebook list | show ID | search QUERY | cite ID | export | coverage | stats | similar ID | validate\n（`casebook --help` を参照）\n",
        en: "casebook: the browser needs a terminal, and standard input or output is not one.\nFor scripts, use the commands: casebook list | show ID | search QUERY | cite ID | export | coverage | stats | similar ID | validate\n(see `casebook --help`)\n",
    },
    // ----- files that did not load -----
    Said {
        what: "a command on a casebook with a broken file",
        args: &["--casebook", "{dir}/team", "list", "--year", "1999"], env: &[], status: 0,
        ja: "casebook: 1件のファイルを読み込めませんでした。詳しくは `casebook validate` で確かめてください\n",
        en: "casebook: 1 file could not be loaded; run `casebook validate` for details\n",
    },
    // ----- search -----
    Said {
        what: "an English query on Japanese cases",
        args: &["--no-bundled", "--casebook", "{sample}", "search", "encryption"], env: &[], status: 1,
        ja: "casebook: 「encryption」に一致する再発防止策も事例もありません\n事例の本文は日本語です。英語で見つかるのは管理策の名前（secure disposal など）と USB のような英字の語です。日本語でもお試しください（暗号化、廃棄、持ち出し）\n",
        en: "casebook: nothing matches \u{201C}encryption\u{201D} in measures or cases\nThe cases are written in Japanese: English finds control titles (\u{201C}secure disposal\u{201D}, A.7.14) and words in Latin letters such as USB. Try Japanese words too: 暗号化 (encryption), 廃棄 (disposal), 持ち出し (taking out)\n",
    },
    // ----- writing case files -----
    Said {
        what: "new with an id that is not one",
        args: &["new", "Our-USB", "--dir", "{dir}"], env: &[], status: 1,
        ja: "casebook: `Our-USB` は事例IDに使えません。小文字の a-z、数字の 0-9 と `-` だけを使います（例: our-usb-loss-2024）\n",
        en: "casebook: `Our-USB` is not a valid case id: use only lowercase a-z, digits 0-9 and `-` (e.g. our-usb-loss-2024)\n",
    },
    Said {
        what: "new over a case file",
        args: &["new", "kept-2023", "--dir", "{dir}"], env: &[], status: 1,
        ja: "casebook: {dir}/cases/2023/kept-2023.yaml は既にあります。事例ファイルは上書きしません（別のIDにするか、そのファイルを編集してください）\n",
        en: "casebook: {dir}/cases/2023/kept-2023.yaml already exists; casebook never overwrites a case file (choose another id, or edit that file)\n",
    },
    Said {
        what: "new in a fresh casebook directory",
        args: &["new", "our-usb-2024", "--dir", "{dir}/fresh"], env: &[], status: 0,
        ja: "casebook: エディタ用に {dir}/fresh/casebook.schema.json を書きました（分類表を変えたら `casebook --casebook {dir}/fresh schema --out {dir}/fresh/casebook.schema.json` で更新します）\n",
        en: "casebook: wrote {dir}/fresh/casebook.schema.json for editors (refresh it with `casebook --casebook {dir}/fresh schema --out {dir}/fresh/casebook.schema.json` after changing catalogs)\n",
    },
    Said {
        what: "draft --dir without an id",
        args: &["draft", "{dir}/notice.txt", "--dir", "{dir}"], env: &[], status: 1,
        ja: "casebook: --dir には事例ファイルの名前にする --id ID が必要です（例: --id our-usb-loss-2024）\n",
        en: "casebook: --dir needs --id ID to name the case file (e.g. --id our-usb-loss-2024)\n",
    },
    Said {
        what: "draft of a notice that is not there",
        args: &["draft", "{dir}/none.txt"], env: &[], status: 1,
        ja: "casebook: {dir}/none.txt を読めません: ファイルまたはディレクトリがありません\n",
        en: "casebook: cannot read {dir}/none.txt: No such file or directory (os error 2)\n",
    },
    Said {
        what: "draft of a file that is not text",
        args: &["draft", "{dir}/binary.bin"], env: &[], status: 1,
        ja: "casebook: {dir}/binary.bin: テキストではありません（NUL バイトを含みます）。公表文の文字をファイルにコピーするか、`casebook draft -` にパイプで渡してください\n",
        en: "casebook: {dir}/binary.bin: this is not text (it contains NUL bytes); copy the notice's text into a file, or pipe it to `casebook draft -`\n",
    },
    Said {
        what: "draft of a notice in no encoding read",
        args: &["draft", "{dir}/broken.txt"], env: &[], status: 1,
        ja: "casebook: {dir}/broken.txt: UTF-8 でも Shift_JIS でもありません（または壊れています）。公表文を UTF-8 のテキストで保存して、もう一度試してください\n",
        en: "casebook: {dir}/broken.txt: the text is neither UTF-8 nor Shift_JIS (or it is damaged); save the notice as UTF-8 text and try again\n",
    },
    Said {
        what: "a draft written",
        args: &["draft", "{dir}/notice.txt", "--out", "{dir}/draft.yaml"], env: &[], status: 0,
        ja: "casebook: {dir}/notice.txt（UTF-8）から下書きしました。TODO が 18 個残っています。`casebook validate {dir}/draft.yaml` で確かめ、文章は自分たちの言葉で書き直してください\n",
        en: "casebook: drafted from {dir}/notice.txt (UTF-8); 18 TODO left: run `casebook validate {dir}/draft.yaml` and rewrite the text fields in your own words\n",
    },
    Said {
        what: "draft --url that is no web address",
        args: &["draft", "{dir}/notice.txt", "--url", "ftp://x"], env: &[], status: 1,
        ja: "casebook: --url `ftp://x` はウェブのアドレスではありません: http:// か https:// で始まるアドレスだけが使えます\n",
        en: "casebook: --url `ftp://x` is not a web address: only http:// and https:// addresses are accepted\n",
    },
    Said {
        what: "draft --update of a bundled case",
        args: &["draft", "{dir}/notice.txt", "--update", "kesennuma-hospital-pos-2024"], env: &[], status: 1,
        ja: "casebook: 同梱の事例は書き換えられません。自分の事例集に写してから更新してください（ブラウザの E）\n",
        en: "casebook: a bundled case cannot be changed; copy it into your casebook first (E in the browser)\n",
    },
    Said {
        what: "draft --update of an unknown case",
        args: &["draft", "{dir}/notice.txt", "--update", "nothing-2025"], env: &[], status: 1,
        ja: "casebook: 事例 `nothing-2025` は読み込んだ事例集にありません（--casebook で事例集を指定します）\n",
        en: "casebook: case `nothing-2025` is not in the casebooks loaded (name yours with --casebook)\n",
    },
    Said {
        what: "draft --update shows what a notice adds",
        args: &["--casebook", "{dir}/team", "draft", "{dir}/notice.txt", "--update", "good"], env: &[], status: 0,
        ja: "casebook: notice.txt の 2 件の変更（root_causes, sources）です。書き込むには --write を付けます\n",
        en: "casebook: 2 changes from notice.txt (root_causes, sources); add --write to write them\n",
    },
];

/// The scratch directory every row works in.
fn scratch() -> Dir {
    let dir = Dir::new();
    dir.file("exists.md", "mine");
    dir.file("soa-config.yaml", "soa: soa.yaml\n");
    dir.file("cases/2023/kept-2023.yaml", "id: kept-2023\n");
    dir.file("team/cases/good.yaml", case_file("good"));
    dir.file("team/cases/bad.yaml", "id: bad\ntitel: x\n");
    dir.file("binary.bin", b"\x00\x01\x02casebook");
    dir.file("broken.txt", [0x82, 0xA0, 0x82, 0xFF, 0xFF, 0xFE]);
    dir.file(
        "notice.txt",
        "令和7年1月20日\n株式会社テスト商事\n\n個人情報を含むノートパソコンの紛失について\n\n1 概要\n令和7年1月10日、従業員がノートパソコンを電車内に置き忘れました。\n",
    );
    dir
}

/// Runs a row in one language (`--lang en`, or nothing: Japanese) and gives
/// its exit status and standard error with the directory written `{dir}`.
fn run(said: &Said, english: bool) -> (Option<i32>, String) {
    let dir = scratch();
    let at = |s: &str| {
        s.replace("{dir}", dir.path().to_str().unwrap())
            .replace("{sample}", common::SAMPLE)
    };
    let mut args: Vec<String> = if english {
        vec!["--lang".into(), "en".into()]
    } else {
        Vec::new()
    };
    args.extend(said.args.iter().map(|a| at(a)));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut cmd = command(&args);
    for (k, v) in said.env {
        cmd.env(k, at(v));
    }
    let out = cmd.output().unwrap();
    let shown = stderr(&out).replace(dir.path().to_str().unwrap(), "{dir}");
    (out.status.code(), shown)
}

/// A row's message, whole or (ending without a newline) its beginning.
fn says(got: &str, expected: &str) -> bool {
    if expected.ends_with('\n') {
        got == expected
    } else {
        got.starts_with(expected)
    }
}

#[test]
fn every_message_of_the_command_line_is_in_japanese_and_english() {
    let mut wrong = Vec::new();
    for said in SAID {
        for (english, expected) in [(false, said.ja), (true, said.en)] {
            let (status, got) = run(said, english);
            if status != Some(said.status) || !says(&got, expected) {
                wrong.push(format!(
                    "{} ({}): exit {status:?}, expected {}\n  got:      {got:?}\n  expected: {expected:?}",
                    said.what,
                    if english { "en" } else { "ja" },
                    said.status
                ));
            }
            // The scan that finds none in Japanese finds the English ones.
            if english && english_sentences(&got).is_empty() {
                wrong.push(format!(
                    "{} (en): no English sentence found in {got:?}",
                    said.what
                ));
            }
            if !english && !english_sentences(&got).is_empty() {
                wrong.push(format!(
                    "{} (ja): English left: {:?}",
                    said.what,
                    english_sentences(&got)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Before the config file is read (or when it cannot be), the language is
/// `--lang`, else LANG, else Japanese.
#[test]
fn without_a_usable_config_file_lang_decides_then_japanese() {
    let dir = scratch();
    let none = dir.path().join("none.yaml");
    for (lang, starts) in [
        ("en_US.UTF-8", "casebook: CASEBOOK_CONFIG="),
        ("ja_JP.UTF-8", "casebook: CASEBOOK_CONFIG="),
        ("C.UTF-8", "casebook: CASEBOOK_CONFIG="),
    ] {
        let out = command(&["list"])
            .env("CASEBOOK_CONFIG", &none)
            .env("LANG", lang)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(err.starts_with(starts), "{err}");
        assert_eq!(
            err.ends_with(": no such file\n"),
            lang.starts_with("en"),
            "{lang}: {err}"
        );
    }
}

/// A config file's `lang:` sets the language of the messages, as of the
/// browser: over LANG, under `--lang`.
#[test]
fn the_config_files_lang_sets_the_messages_language() {
    let dir = scratch();
    let config = dir.file("config.yaml", "lang: en\n");
    let run = |args: &[&str], lang: &str| {
        let out = command(args)
            .env("CASEBOOK_CONFIG", &config)
            .env("LANG", lang)
            .output()
            .unwrap();
        stderr(&out)
    };
    assert!(run(&["show", "nosuch"], "ja_JP.UTF-8").starts_with("casebook: no case with id"));
    assert!(run(&["--lang", "ja", "show", "nosuch"], "en_US.UTF-8").starts_with("casebook: ID が"));
    // `new` follows it too (the scaffold's comments and the note on the schema).
    let fresh = dir.path().join("fresh");
    let err = run(
        &["new", "x-2024", "--dir", fresh.to_str().unwrap()],
        "ja_JP.UTF-8",
    );
    assert!(err.starts_with("casebook: wrote "), "{err}");
    let file = std::fs::read_to_string(fresh.join("cases/2024/x-2024.yaml")).unwrap();
    assert!(file.contains("casebook case file (format 1)"), "{file}");
    assert!(Path::new(&fresh).join("casebook.schema.json").is_file());
}
