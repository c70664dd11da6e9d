//! Every diagnostic in Japanese and English. Each hostile file of
//! tests/corpus/, and each other kind of problem (catalogs, the config file,
//! the file system), is loaded once, and its diagnostics are checked in both
//! languages: the Japanese message says the same thing with no English left
//! but names (fields, ids, paths, YAML, UTF-8); the English one is as before.
//! (Every diagnostic loader.rs and hostile.rs produce goes through
//! the same check in `common::Dir::load`.)

use crate::common;

use std::path::Path;

use casebook::diag::Diagnostic;
use casebook::lang::Lang;
use common::{Dir, assert_japanese, case_file, corpus};

/// `file:line:col: severity: message` in `lang`, the directory part removed.
fn shown(d: &Diagnostic, lang: Lang) -> String {
    let name = Path::new(&d.path).file_name().unwrap().to_string_lossy();
    Diagnostic {
        path: name.into_owned(),
        ..d.clone()
    }
    .display(lang)
    .to_string()
}

/// Loads `dir` and returns (Japanese, English) lines of the diagnostics about `file`.
fn about(dir: &Dir, file: &str) -> (Vec<String>, Vec<String>) {
    let loaded = dir.load();
    let mine: Vec<&Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.path.ends_with(file))
        .collect();
    for d in &mine {
        assert_japanese(d);
    }
    (
        mine.iter().map(|d| shown(d, Lang::Ja)).collect(),
        mine.iter().map(|d| shown(d, Lang::En)).collect(),
    )
}

/// The diagnostics in Japanese, each checked for English left in it.
fn japanese(diags: &[Diagnostic]) -> Vec<String> {
    diags.iter().for_each(assert_japanese);
    diags.iter().map(|d| shown(d, Lang::Ja)).collect()
}

/// Each case file of the corpus: its first diagnostic in Japanese and in English.
const CORPUS: &[(&str, &str, &str)] = &[
    (
        "alias-bomb.yaml",
        "alias-bomb.yaml:5:36: error: エイリアス（`*name`）を展開すると 10000 個を超える値になります。アンカーとエイリアスを使わずに値を書いてください",
        "alias-bomb.yaml:5:36: error: aliases (`*name`) expand to more than 10000 values; write the values out instead of using anchors and aliases",
    ),
    (
        "comments-only.yaml",
        "comments-only.yaml:1:1: error: ファイルが空です（またはコメントだけです）。事例ファイルには id, title, organization, sector, published（公表していない事例では discovered）, summary, root_causes, measures, sources が必要です",
        "comments-only.yaml:1:1: error: the file is empty (or only comments); a case file needs id, title, organization, sector, published (or discovered, for an incident never made public), summary, root_causes, measures and sources",
    ),
    (
        "control-characters.yaml",
        "control-characters.yaml:2:8: warning: `title` に制御文字または見えない書式文字が含まれています。記号で表示するか取り除きます",
        "control-characters.yaml:2:8: warning: `title` contains control or invisible formatting characters; they are shown as symbols or removed",
    ),
    (
        "empty.yaml",
        "empty.yaml:1:1: error: ファイルが空です（またはコメントだけです）。事例ファイルには id, title, organization, sector, published（公表していない事例では discovered）, summary, root_causes, measures, sources が必要です",
        "empty.yaml:1:1: error: the file is empty (or only comments); a case file needs id, title, organization, sector, published (or discovered, for an incident never made public), summary, root_causes, measures and sources",
    ),
    (
        "impossible-date.yaml",
        "impossible-date.yaml:5:12: error: `published`: `2023-02-29` は暦にない日付です（2023-02 は28日までです）",
        "impossible-date.yaml:5:12: error: `published`: `2023-02-29` is not a real calendar date: 2023-02 has 28 days",
    ),
    (
        "invisible-characters.yaml",
        "invisible-characters.yaml:2:8: warning: `title` に制御文字または見えない書式文字が含まれています。記号で表示するか取り除きます",
        "invisible-characters.yaml:2:8: warning: `title` contains control or invisible formatting characters; they are shown as symbols or removed",
    ),
    (
        "missing-required.yaml",
        "missing-required.yaml:1:1: error: 必須の項目 `measures` がありません。書くもの: 再発防止策（text と controls の組を1つ以上）",
        "missing-required.yaml:1:1: error: missing required field `measures` (a list of {text, controls})",
    ),
    (
        "leak-fact-word.yaml",
        "leak-fact-word.yaml:14:14: error: `leak.sensitive`: `yes` は使えません。`true`、`false`、`unknown` のいずれかを書きます",
        "leak-fact-word.yaml:14:14: error: `leak.sensitive`: `yes` is not accepted; expected true, false or unknown",
    ),
    (
        "misspelled-field.yaml",
        "misspelled-field.yaml:7:1: error: 不明な項目 `sumary` です（`summary` の誤りでは？）",
        "misspelled-field.yaml:7:1: error: unknown field `sumary`; did you mean `summary`?",
    ),
    (
        "multiple-documents.yaml",
        "multiple-documents.yaml:28:1: error: 1つのファイルに YAML の文書が2つ以上あります（2つ目の `---`）。事例は1件ずつ別のファイルに書いてください",
        "multiple-documents.yaml:28:1: error: the file holds more than one YAML document (a second `---`); put each case in a file of its own",
    ),
    (
        "no-date.yaml",
        "no-date.yaml:1:1: error: 必須の項目 `published` がありません。書くもの: 組織が公表した日（YYYY-MM-DD）。公表していない事例では代わりに発覚日 `discovered` を書きます",
        "no-date.yaml:1:1: error: missing required field `published` (the date it was made public, YYYY-MM-DD; for an incident never made public, give `discovered` instead)",
    ),
    (
        "only-invisible-title.yaml",
        "only-invisible-title.yaml:2:8: error: `title` には見えない文字（<U+200B><U+2060><U+FEFF>）しかありません。文を書いてください",
        "only-invisible-title.yaml:2:8: error: `title` holds only invisible characters (<U+200B><U+2060><U+FEFF>); write some text",
    ),
    (
        "people-string.yaml",
        "people-string.yaml:11:11: error: `affected.people`: 整数が必要ですが、\"約46万人\" が書かれています。数字だけで書いてください（概数は summary に書きます）",
        "people-string.yaml:11:11: error: `affected.people`: expected a whole number, found \"約46万人\"; write digits only (an approximate figure belongs in the summary)",
    ),
    (
        "report-unknown-recipient.yaml",
        "report-unknown-recipient.yaml:20:10: error: `reports[1].to`: 不明な提出先 `ppcc` です（`ppc` の誤りでは？）（使える値: `ppc`、`pmark`。`catalogs/report-rules.yaml` の規則による）",
        "report-unknown-recipient.yaml:20:10: error: `reports[1].to`: unknown recipient `ppcc`; did you mean `ppc`? (known: ppc, pmark, from the report rules in catalogs/report-rules.yaml)",
    ),
    (
        "syntax-error.yaml",
        "syntax-error.yaml:27:7: error: YAML の構文エラー: 27行7列の `[` が28行目までに閉じられていません。リストは `]` で閉じます（`[` で始まる値は引用符で囲みます）",
        "syntax-error.yaml:27:7: error: YAML syntax error: the `[` on line 27, column 7 is not closed by line 28; end the list with `]` (a value that starts with `[` must be put in quotes)",
    ),
    (
        "tab-indent.yaml",
        "tab-indent.yaml:11:2: error: 字下げにタブ文字が使われています。YAML の字下げは空白で書きます（1段に空白2つ）",
        "tab-indent.yaml:11:2: error: a tab character is used for indentation; YAML needs spaces (use two spaces per level)",
    ),
    (
        "title-mapping.yaml",
        "title-mapping.yaml:3:3: error: `title`: 文字列が必要ですが、マッピングが書かれています",
        "title-mapping.yaml:3:3: error: `title`: expected text, found a mapping",
    ),
    (
        "top-level-list.yaml",
        "top-level-list.yaml:1:1: error: 事例（`項目名: 値` の行の並び）が必要ですが、リストが書かれています",
        "top-level-list.yaml:1:1: error: expected a case (a mapping of `field: value` lines), found a list",
    ),
    (
        "top-level-scalar.yaml",
        "top-level-scalar.yaml:1:1: error: 事例（`項目名: 値` の行の並び）が必要ですが、単一の値が書かれています",
        "top-level-scalar.yaml:1:1: error: expected a case (a mapping of `field: value` lines), found a single value",
    ),
    (
        "unknown-field.yaml",
        "unknown-field.yaml:5:1: error: 不明な項目 `severity` です（使える項目: id, copied_from, title, organization, sector, published, discovered, occurred, summary, affected, leak, root_causes, measures, response, reports, sources, tags, threats）",
        "unknown-field.yaml:5:1: error: unknown field `severity` (known fields: id, copied_from, title, organization, sector, published, discovered, occurred, summary, affected, leak, root_causes, measures, response, reports, sources, tags, threats)",
    ),
    (
        "unknown-ids.yaml",
        "unknown-ids.yaml:4:9: error: `sector`: 不明な業種 `goverment` です（`government` の誤りでは？）",
        "unknown-ids.yaml:4:9: error: `sector`: unknown sector `goverment`; did you mean `government`?",
    ),
    (
        "yaml-tags.yaml",
        "yaml-tags.yaml:3:17: error: 事例ファイルでは `!!binary` のような YAML のタグは使いません。タグを消して値そのものを書いてください（文字列のままにするなら引用符で囲みます）",
        "yaml-tags.yaml:3:17: error: YAML tags such as `!!binary` are not used in case files; remove it and write the value itself (in quotes if it should stay text)",
    ),
];

/// Corpus files that load without a diagnostic.
const CLEAN: &[&str] = &["emoji-combining.yaml"];

#[test]
fn every_case_file_of_the_corpus_is_explained_in_both_languages() {
    let listed: Vec<&str> = CORPUS.iter().map(|(name, _, _)| *name).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !name.ends_with(".yaml") {
            continue;
        }
        assert!(
            listed.contains(&name.as_str())
                || CLEAN.contains(&name.as_str())
                || name.starts_with("catalog-"),
            "tests/corpus/{name} is missing from the table"
        );
    }
    for (name, ja, en) in CORPUS {
        let dir = Dir::new();
        dir.case("good.yaml", case_file("good"));
        dir.case(name, corpus(name));
        let (jas, ens) = about(&dir, name);
        assert_eq!(
            jas.first().map(String::as_str),
            Some(*ja),
            "{name}: {jas:#?}"
        );
        assert_eq!(
            ens.first().map(String::as_str),
            Some(*en),
            "{name}: {ens:#?}"
        );
        assert_eq!(jas.len(), ens.len());
    }
    for name in CLEAN {
        let dir = Dir::new();
        dir.case(name, corpus(name));
        assert_eq!(about(&dir, name), (vec![], vec![]), "{name}");
    }
}

/// The corpus's catalog files, in a team casebook's `catalogs/`, and a case
/// that cites the scheme they define.
#[test]
fn catalog_problems_are_explained_in_both_languages() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "catalog-duplicate-id.yaml",
            "internal.yaml",
            "internal.yaml:10:6: error: `items[3].id`: `R-2` は9行目で既に使われています。この項目は読み込みません",
            "internal.yaml:10:6: error: `items[3].id`: `R-2` is already used on line 9; this item is left out",
        ),
        (
            "catalog-without-title.yaml",
            "internal.yaml",
            "internal.yaml:2:1: error: 必須の項目 `title` がありません。書くもの: ja: と en: の表題",
            "internal.yaml:2:1: error: missing required field `title` (ja: and en: titles)",
        ),
        (
            "catalog-without-title.yaml",
            "ours.yaml",
            "ours.yaml:18:16: error: `measures[1].controls[1]`: `internal:R-1` の体系 `internal` は読み込まれていません。その分類表 internal.yaml にエラーがあります（先に直してください）",
            "ours.yaml:18:16: error: `measures[1].controls[1]`: unknown scheme `internal` in `internal:R-1`: its catalog internal.yaml has errors and was not loaded (fix it first)",
        ),
    ];
    for (catalog, file, ja, en) in cases {
        let dir = Dir::new();
        dir.file("catalogs/internal.yaml", corpus(catalog));
        dir.case(
            "ours.yaml",
            case_file("ours").replace("[iso27001:A.7.10, ppc:10-5-3]", "[internal:R-1]"),
        );
        let (jas, ens) = about(&dir, file);
        // Paths inside messages are shown without their directory, as above.
        let root = format!("{}/catalogs/", dir.path().display());
        let jas: Vec<String> = jas.iter().map(|l| l.replace(&root, "")).collect();
        let ens: Vec<String> = ens.iter().map(|l| l.replace(&root, "")).collect();
        assert!(jas.contains(&ja.to_string()), "{catalog}: {jas:#?}");
        assert!(ens.contains(&en.to_string()), "{catalog}: {ens:#?}");
    }
}

/// The config file's problems, as `!` and `validate` show them.
#[test]
fn config_problems_are_explained_in_both_languages() {
    let dir = Dir::new();
    let file = dir.file(
        "config.yaml",
        "lang: fr\nlanguage: ja\nclipboard: pigeon\ncopy_format: html\ncasebooks: nowhere\n",
    );
    let (_, diags) = casebook::config::read_file(&file);
    let ja = japanese(&diags);
    assert_eq!(
        ja,
        [
            "config.yaml:2:1: error: 不明な項目 `language` です（`lang` の誤りでは？）（この設定は使わず、ほかの設定を使います）",
            "config.yaml:1:7: error: `lang`: ja か en を書きます（この設定は使わず、ほかの設定を使います）",
            "config.yaml:5:12: error: `casebooks`: ディレクトリのリスト（`- ` で始まる行、または [a, b]）が必要ですが、単一の値が書かれています（この設定は使わず、ほかの設定を使います）",
            "config.yaml:3:12: error: `clipboard`: `pigeon` は auto、osc52、native、off のいずれでもありません（この設定は使わず、ほかの設定を使います）",
            "config.yaml:4:14: error: `copy_format`: `html` は text、markdown のいずれでもありません（この設定は使わず、ほかの設定を使います）",
        ]
    );
    // A classification the casebook does not have.
    let file = dir.file("config.yaml", "scheme: iso2700\n");
    let (mut config, _) = casebook::config::read_file(&file);
    let d = config.check_scheme(&["iso27001", "ppc"]).unwrap();
    assert_eq!(
        japanese(std::slice::from_ref(&d)),
        [
            "config.yaml:1:9: error: `scheme`: `iso2700` という分類はありません（`iso27001` の誤りでは？）読み込んだ分類: iso27001, ppc。（この設定は使わず、ほかの設定を使います）"
        ]
    );
    assert_eq!(
        shown(&d, Lang::En),
        "config.yaml:1:9: error: `scheme`: no classification is called `iso2700`; did you mean `iso27001`? The loaded ones: iso27001, ppc. (this setting is ignored; the other settings apply)"
    );
}

/// Problems of the file system: an unreadable file, a file too large, bytes
/// that are not UTF-8, a link to nothing, a directory that is a file.
#[test]
fn file_problems_are_explained_in_both_languages() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    dir.case("good.yaml", case_file("good"));
    let text = case_file("sjis");
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    dir.case("sjis.yaml", sjis.as_ref());
    dir.case("utf16.yaml", b"\xFF\xFEi\0d\0");
    dir.case("binary.yaml", b"id: a\n\0\x01");
    dir.case("large.yaml", vec![b'#'; 1024 * 1024 + 1]);
    std::os::unix::fs::symlink("nowhere.yaml", dir.path().join("cases/dangling.yaml")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("cases/loop")).unwrap();
    let locked = dir.case("locked.yaml", case_file("locked"));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_can_read = std::fs::read(&locked).is_ok();

    let loaded = dir.load();
    let mut expected = vec![
        (
            "binary.yaml",
            "binary.yaml:2:1: error: ファイルに YAML の文字ではなくバイナリデータ（NUL バイト）が含まれています",
        ),
        (
            "dangling.yaml",
            "dangling.yaml: error: 存在しないファイルへのシンボリックリンクのため読み飛ばしました",
        ),
        (
            "large.yaml",
            "large.yaml: error: ファイルの大きさが 1.0 MiB あります。事例と分類表のファイルは 1 MiB までです（本当に事例ファイルですか？）",
        ),
        (
            "sjis.yaml",
            "sjis.yaml:2:1: error: ファイルが UTF-8 で書かれていません（Shift_JIS のようです）。UTF-8 で保存し直してください（VS Code: エンコード付きで保存 > UTF-8、メモ帳: 名前を付けて保存 > 文字コード > UTF-8）。Windows の Shift_JIS のファイルは変換が必要です",
        ),
        (
            "utf16.yaml",
            "utf16.yaml: error: ファイルが UTF-16 で書かれています。事例ファイルは UTF-8 で保存し直してください（メモ帳: 名前を付けて保存 > 文字コード > UTF-8、VS Code: エンコード付きで保存 > UTF-8）",
        ),
        (
            "loop",
            "loop: warning: 読み飛ばしました: シンボリックリンクが ",
        ),
    ];
    if !root_can_read {
        expected.push(("locked.yaml", "locked.yaml: error: ファイルを読めませんでした: 権限がありません（ファイルのアクセス権を確かめてください）"));
    }
    for (file, ja) in expected {
        let d = loaded
            .diagnostics
            .iter()
            .find(|d| d.path.ends_with(file))
            .unwrap_or_else(|| panic!("{file}: {:#?}", loaded.diagnostics));
        assert!(shown(d, Lang::Ja).starts_with(ja), "{}", shown(d, Lang::Ja));
        assert!(
            shown(d, Lang::En).is_ascii() || file == "loop",
            "{}",
            shown(d, Lang::En)
        );
    }
}

/// Two files with the same id, and a file named other than its id.
#[test]
fn duplicates_and_file_names_are_explained_in_both_languages() {
    let dir = Dir::new();
    dir.case("a/x.yaml", case_file("x"));
    dir.case("b/x.yaml", case_file("x"));
    dir.case("y.yaml", case_file("not-y"));
    let loaded = dir.load();
    let first = dir.path().join("cases/a/x.yaml");
    let ja: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| shown(d, Lang::Ja).replace(&first.display().to_string(), "a/x.yaml"))
        .collect();
    assert_eq!(
        ja,
        [
            "x.yaml:1:5: error: 事例ID `x` が重複しています。a/x.yaml:1 で既に定義されているため、このファイルは読み込みません（IDは重複できません）",
            "y.yaml:1:5: warning: ID `not-y` がファイル名 `y` と違います。見つけやすいようにファイル名を not-y.yaml にしてください",
        ]
    );
}

/// The Statement of Applicability's problems.
#[test]
fn statement_of_applicability_problems_are_explained_in_both_languages() {
    let catalogs = casebook::load::load(&[], &[]).casebook.catalogs;
    let text = "soa:\n  - control: A.7.15\n    applicable: true\n  - control: A.7.14\n    applicable: yes\n  - control: iso27001:A.7.14\n    applicable: false\n  - control: A.7.14\n    applicable: \"true\"\n  - {control: A.8.1, applicable: [x]}\n  - control: \"7.14\"\n    applicable: true\n";
    let (_, diags) = casebook::answers::soa::parse("soa.yaml", text, &catalogs);
    let ja = japanese(&diags);
    assert_eq!(
        ja,
        [
            "soa.yaml:2:14: error: `soa[1].control`: 管理策 `A.7.15` はありません。`iso27001:A.7.1`、`iso27001:A.7.10`、`iso27001:A.7.11` のことですか？",
            "soa.yaml:5:17: error: `soa[2].applicable`: true か false が必要ですが、`yes` が書かれています。`true` と書きます",
            "soa.yaml:6:5: warning: `soa[3]`: 除外する管理策には理由（`reason:`）が必要です。ISO/IEC 27001 の 6.1.3 d) はすべての除外に正当化を求めています",
            "soa.yaml:9:17: error: `soa[4].applicable`: true か false が必要ですが、文字列 \"true\" が書かれています。引用符を付けずに true か false と書いてください",
            "soa.yaml:10:34: error: `soa[5].applicable`: true か false が必要ですが、リストが書かれています",
            "soa.yaml:11:5: error: `soa[6]`: `iso27001:A.7.14` は既に6行目にあります。1つの管理策に1項目にしてください",
        ]
    );
    let en: Vec<String> = diags.iter().map(|d| shown(d, Lang::En)).collect();
    assert_eq!(
        en[1],
        "soa.yaml:5:17: error: `soa[2].applicable`: expected true or false, found `yes`; write `true`"
    );
}
