//! The YAML scanner's terse messages, turned into ones a case-file author can
//! act on, in Japanese and English. The scanner (yaml-rust2) speaks English
//! only; every message it has is given a Japanese form here.

use super::pos::{MAX_DEPTH, Pos};
use crate::diag::Message;
use crate::msg;

/// The message for a scanner error `info` at `pos` in `src`.
pub fn explain(info: &str, src: &str, pos: Pos) -> Message {
    let line = src
        .lines()
        .nth(pos.line.saturating_sub(1) as usize)
        .unwrap_or("");
    let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
    if info.contains("tab") || indent.contains('\t') {
        return Message::new(
            "字下げにタブ文字が使われています。YAML の字下げは空白で書きます（1段に空白2つ）",
            "a tab character is used for indentation; YAML needs spaces (use two spaces per level)",
        );
    }
    if info.contains("recursion limit") {
        return msg!(
            "値の入れ子が深すぎます（{MAX_DEPTH} 段を超える入れ子は読みません）",
            "values are nested too deeply (more than {MAX_DEPTH} levels are not accepted)"
        );
    }
    // A key over YAML's 1,024-character limit: the scanner says "simple key"
    // after it, or, on a document's first line, "mapping values are not
    // allowed"; either way it is the key's length that is wrong.
    let long_key = || {
        let key = line.trim_start().trim_start_matches("- ");
        let before_colon = key.find(": ").map_or(key, |at| &key[..at]);
        before_colon.chars().count() > 1024
    };
    let simple_key = info.contains("simple key");
    if simple_key || info.contains("mapping values are not allowed") && long_key() {
        return if long_key() || simple_key && line.chars().count() > 1024 {
            Message::new(
                "この行は 1,024 文字を超える項目名として読まれますが、YAML ではそれは許されません。\
                 項目名は短い語です（長い文の前の `項目名: ` が抜けていませんか？）",
                "this line reads as a field name of more than 1,024 characters, which YAML does not \
                 allow; field names are short words (is a long text missing its `field: ` in front?)",
            )
        } else {
            Message::new(
                "YAML の構文エラー: 項目名の後に `:` がありません（`項目名: 値` と書きます）",
                "YAML syntax error: a `:` is missing after a field name (write `field: value`)",
            )
        };
    }
    let hint = if info.contains("mapping values are not allowed") {
        Message::new(
            "。\": \" を含む値は引用符で囲みます",
            "; a value that contains \": \" must be put in quotes",
        )
    } else if info.contains("did not find expected node content")
        || info.contains("expected ',' or")
    {
        Message::new(
            "。`[` と `{` がすべて閉じているか確かめてください",
            "; check that every `[` and `{` is closed",
        )
    } else if info.contains("found character that cannot start any token") {
        Message::new(
            "。`@`、`` ` ``、`%` などの記号で始まる値は引用符で囲みます",
            "; a value starting with a special character such as `@`, `` ` `` or `%` must be put in quotes",
        )
    } else {
        Message::default()
    };
    let ja = japanese(info);
    msg!("YAML の構文エラー: {ja}", "YAML syntax error: {info}").then(&hint)
}

/// A `[` or `{` left open before the scanner's error at `pos`, on an earlier
/// line: the error is reported there instead, as the bracket not closed (the
/// scanner notices only where it meets something else: the end of the file,
/// a `:` out of place, an indentation).
pub fn unclosed(src: &str, pos: Pos) -> Option<(Pos, Message)> {
    let (open, at) = open_bracket(src, pos)?;
    if at.line >= pos.line {
        return None;
    }
    let (line, col, by) = (at.line, at.col, pos.line);
    let message = if open == '[' {
        msg!(
            "YAML の構文エラー: {line}行{col}列の `[` が{by}行目までに閉じられていません。リストは `]` で閉じます（`[` で始まる値は引用符で囲みます）",
            "YAML syntax error: the `[` on line {line}, column {col} is not closed by line {by}; end the list with `]` (a value that starts with `[` must be put in quotes)"
        )
    } else {
        msg!(
            "YAML の構文エラー: {line}行{col}列の `{{` が{by}行目までに閉じられていません。マッピングは `}}` で閉じます（`{{` で始まる値は引用符で囲みます）",
            "YAML syntax error: the `{{` on line {line}, column {col} is not closed by line {by}; end the mapping with `}}` (a value that starts with `{{` must be put in quotes)"
        )
    };
    Some((at, message))
}

/// The innermost flow bracket still open at `pos`, and where it opened.
/// Brackets count only where a value may start (after `: `, `- `, `[`, `{`,
/// `,` or at the start of a line) or inside an open bracket; quoted text,
/// comments and block scalars (`|`, `>`) are skipped.
fn open_bracket(src: &str, pos: Pos) -> Option<(char, Pos)> {
    let mut stack: Vec<(char, Pos)> = Vec::new();
    // A block scalar's key indentation: its lines are deeper than this.
    let mut block: Option<usize> = None;
    for (n, line) in src.lines().enumerate() {
        let number = n as u32 + 1;
        if number > pos.line {
            break;
        }
        let chars: Vec<char> = line.chars().collect();
        let indent = chars.iter().take_while(|c| **c == ' ').count();
        if let Some(key) = block {
            if chars.iter().all(|c| c.is_whitespace()) || indent > key {
                continue;
            }
            block = None;
        }
        let end = if number == pos.line {
            (pos.col as usize).saturating_sub(1).min(chars.len())
        } else {
            chars.len()
        };
        let mut value = true; // a value (or a key) may start here
        let mut i = 0;
        while i < end {
            let c = chars[i];
            let space_before = i == 0 || chars[i - 1].is_whitespace();
            let space_after = chars.get(i + 1).is_none_or(|c| c.is_whitespace());
            match c {
                ' ' | '\t' => {}
                '#' if space_before => break,
                '"' | '\'' if value => {
                    // To the closing quote (`''` inside single quotes, `\"` inside double).
                    i += 1;
                    while i < end {
                        match chars[i] {
                            '\\' if c == '"' => i += 1,
                            '\'' if c == '\'' && chars.get(i + 1) == Some(&'\'') => i += 1,
                            q if q == c => break,
                            _ => {}
                        }
                        i += 1;
                    }
                    value = false;
                }
                '[' | '{' if value => {
                    stack.push((
                        c,
                        Pos {
                            line: number,
                            col: i as u32 + 1,
                        },
                    ));
                    value = true;
                }
                ']' | '}' if !stack.is_empty() => {
                    stack.pop();
                    value = false;
                }
                ',' if !stack.is_empty() => value = true,
                ':' if space_after => value = true,
                '-' if value && space_after && stack.is_empty() => {}
                '|' | '>' if value && stack.is_empty() => {
                    block = Some(indent);
                    break;
                }
                _ => value = false,
            }
            i += 1;
        }
    }
    stack.pop()
}

/// The scanner's message in Japanese. Every message of yaml-rust2 0.13 is
/// here; one this table does not know is described without its words.
fn japanese(info: &str) -> String {
    if let Some(c) = info
        .strip_prefix("unexpected character: `")
        .and_then(|r| r.strip_suffix('\''))
    {
        let c = crate::text::line(c);
        return format!("値の始めに `{c}` は使えません（引用符で囲みます）");
    }
    if info.ends_with(": duplicated key in mapping") {
        return "同じ項目名が2回あります".into();
    }
    const TABLE: &[(&str, &str)] = &[
        (
            "did not find expected <stream-start>",
            "文書の始まりが見つかりません",
        ),
        (
            "did not find expected <document-start>",
            "文書の始まり（`---`）が見つかりません",
        ),
        (
            "did not find expected <document start>",
            "文書の始まり（`---`）が見つかりません",
        ),
        (
            "did not find expected next token",
            "次の要素が見つかりません",
        ),
        ("unexpected eof", "ファイルが途中で終わっています"),
        ("simple key expected", "項目名が必要です"),
        ("simple key expect ':'", "項目名の後に `:` が必要です"),
        ("recursion limit exceeded", "入れ子が深すぎます"),
        ("invalid indentation", "字下げが正しくありません"),
        (
            "invalid indentation for anchor",
            "アンカーの字下げが正しくありません",
        ),
        (
            "invalid indentation in quoted scalar",
            "引用符で囲んだ値の字下げが正しくありません",
        ),
        (
            "invalid indentation in flow construct",
            "[ ] や { } の中の字下げが正しくありません",
        ),
        (
            "invalid global tag character",
            "タグに使えない文字があります",
        ),
        ("expected whitespace", "空白が必要です"),
        ("duplicate version directive", "%YAML の指定が2回あります"),
        (
            "the handle wasn't declared",
            "宣言されていないタグの略記です",
        ),
        (
            "the TAG directive must only be given at most once per handle in the same document",
            "%TAG の指定が同じ略記に2回あります",
        ),
        (
            "while scanning an anchor or alias, did not find expected alphabetic or numeric character",
            "アンカー（&）かエイリアス（*）の後に名前がありません",
        ),
        (
            "while scanning a block scalar, found an indentation indicator equal to 0",
            "| や > の後の字下げ指定に 0 は使えません",
        ),
        (
            "wrongly indented line in block scalar",
            "| や > で始まる複数行の値の中に字下げの誤った行があります",
        ),
        (
            "while scanning a verbatim tag, did not find the expected '>'",
            "タグの `>` が見つかりません",
        ),
        (
            "while scanning a tag, did not find expected whitespace or line break",
            "タグの後に空白か改行が必要です",
        ),
        (
            "while scanning a tag, did not find expected '!'",
            "タグの `!` が見つかりません",
        ),
        (
            "while scanning a quoted scalar, found unexpected end of stream",
            "引用符が閉じないままファイルが終わっています",
        ),
        (
            "while scanning a quoted scalar, found unexpected document indicator",
            "引用符が閉じないまま文書の区切り（`---` か `...`）が来ています",
        ),
        (
            "while scanning a plain scalar, found a tab",
            "値の中にタブ文字があります",
        ),
        (
            "while scanning a directive, found unknown directive name",
            "不明な % の指定です",
        ),
        (
            "while scanning a directive, found unexpected non-alphabetical character",
            "% の指定に使えない文字があります",
        ),
        (
            "while scanning a directive, did not find expected comment or line break",
            "% の指定の後にコメントか改行が必要です",
        ),
        (
            "while scanning a directive, could not find expected directive name",
            "% の後に指定の名前がありません",
        ),
        (
            "while scanning a block scalar, did not find expected comment or line break",
            "| や > の後にコメントか改行が必要です",
        ),
        (
            "while scanning a YAML directive, found extremely long version number",
            "%YAML の版番号が長すぎます",
        ),
        (
            "while scanning a YAML directive, did not find expected version number",
            "%YAML の版番号がありません",
        ),
        (
            "while scanning a YAML directive, did not find expected digit or '.' character",
            "%YAML の版番号には数字と `.` だけが使えます",
        ),
        (
            "while scanning TAG, did not find expected whitespace or line break",
            "%TAG の後に空白か改行が必要です",
        ),
        (
            "while parsing node, found unknown anchor",
            "定義されていないアンカーを参照しています",
        ),
        (
            "while parsing anchor, found duplicated anchor",
            "同じ名前のアンカーが2回定義されています",
        ),
        (
            "while parsing a tag, found an invalid UTF-8 codepoint",
            "タグに正しくない文字コードがあります",
        ),
        (
            "while parsing a tag, found an incorrect trailing UTF-8 octet",
            "タグに正しくない文字コードがあります",
        ),
        (
            "while parsing a tag, found an incorrect leading UTF-8 octet",
            "タグに正しくない文字コードがあります",
        ),
        (
            "while parsing a tag, did not find expected tag URI",
            "タグの名前がありません",
        ),
        (
            "while parsing a tag, did not find URI escaped octet",
            "タグの % の後に16進数が必要です",
        ),
        (
            "while parsing a tag directive, did not find expected '!'",
            "%TAG の `!` が見つかりません",
        ),
        (
            "while parsing a quoted scalar, found unknown escape character",
            "\" で囲んだ値に不明なエスケープ（`\\` の後の文字）があります",
        ),
        (
            "while parsing a quoted scalar, found invalid Unicode character escape code",
            "\" で囲んだ値に正しくない文字コードのエスケープがあります",
        ),
        (
            "while parsing a quoted scalar, did not find expected hexadecimal number",
            "\" で囲んだ値のエスケープに16進数が必要です",
        ),
        (
            "while parsing a node, did not find expected node content",
            "値があるべきところに値がありません",
        ),
        (
            "while parsing a flow sequence, expected ',' or ']'",
            "[ ] の中で `,` か `]` が必要です",
        ),
        (
            "while parsing a flow mapping, did not find expected ',' or '}'",
            "{ } の中で `,` か `}` が必要です",
        ),
        (
            "while parsing a block mapping, did not find expected key",
            "項目名があるべきところに項目名がありません",
        ),
        (
            "while parsing a block collection, did not find expected '-' indicator",
            "リストの項目の `-` があるべきところにありません",
        ),
        (
            "tabs disallowed within this context (block indentation)",
            "字下げにタブ文字は使えません",
        ),
        (
            "tabs disallowed in this context",
            "ここではタブ文字は使えません",
        ),
        (
            "tab cannot be used as indentation",
            "字下げにタブ文字は使えません",
        ),
        (
            "plain scalar cannot start with '-' followed by ,[]{}",
            "`-` の直後に , [ ] { } が来る値は引用符で囲みます",
        ),
        (
            "missing explicit document end marker before directive",
            "% の指定の前に文書の終わり（`...`）が必要です",
        ),
        (
            "mapping values are not allowed in this context",
            "ここでは `項目名: 値` の形は使えません",
        ),
        (
            "mapping keys are not allowed in this context",
            "ここでは `?` の項目名は使えません",
        ),
        (
            "invalid trailing content after double-quoted scalar",
            "\" で閉じた値の後に余分な文字があります",
        ),
        (
            "invalid content after document end marker",
            "文書の終わり（`...`）の後に余分な文字があります",
        ),
        (
            "illegal placement of ':' indicator",
            "`:` の位置が正しくありません",
        ),
        (
            "found incompatible YAML document",
            "対応していない版の YAML 文書です",
        ),
        (
            "comments must be separated from other tokens by whitespace",
            "コメントの `#` の前には空白が必要です",
        ),
        (
            "block sequence entries are not allowed in this context",
            "ここでは `- ` で始まるリストは使えません",
        ),
        (
            "a block scalar content cannot start with a tab",
            "| や > で始まる値はタブ文字で始められません",
        ),
        (
            "':' must be followed by a valid YAML whitespace",
            "`:` の後には空白が必要です",
        ),
        (
            "'-' must be followed by a valid YAML whitespace",
            "`-` の後には空白が必要です",
        ),
        (
            "\"-\" is only valid inside a block",
            "`-` のリストはここでは使えません",
        ),
    ];
    TABLE
        .iter()
        .find(|(en, _)| *en == info)
        .map(|(_, ja)| ja.to_string())
        .unwrap_or_else(|| "YAML として読めない書き方です".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(src: &str, line: u32, col: u32) -> Option<(char, u32, u32)> {
        open_bracket(src, Pos { line, col }).map(|(c, p)| (c, p.line, p.col))
    }

    #[test]
    fn the_bracket_left_open_is_found() {
        assert_eq!(open("tags: [a, b\nnext: 1\n", 2, 5), Some(('[', 1, 7)));
        assert_eq!(open("a: [1, [2, 3], 4\nb: 1\n", 2, 2), Some(('[', 1, 4)));
        assert_eq!(open("a: [1, [2, 3\nb: 1\n", 2, 2), Some(('[', 1, 8)));
        assert_eq!(open("a: {x: 1, y: [2]\nb: 1\n", 2, 2), Some(('{', 1, 4)));
        assert_eq!(open("- [a, b\n- c\n", 2, 1), Some(('[', 1, 3)));
        // Closed, or not a bracket at all.
        assert_eq!(open("a: [1, 2]\nb: [3]\nc: 1\n", 3, 2), None);
        assert_eq!(open("title: 件名[重要]\nb: 1\n", 2, 2), None);
        assert_eq!(open("a: \"[x\"\nb: '[y'' z'\nc: 1\n", 3, 2), None);
        assert_eq!(open("a: 1 # [comment\nb: 1\n", 2, 2), None);
        assert_eq!(open("s: |\n  [not yaml\n  {either\nb: 1\n", 4, 2), None);
        assert_eq!(open("url: http://x/[a\nb: 1\n", 2, 2), None);
    }

    #[test]
    fn every_scanner_message_has_a_japanese_form() {
        let unknown = japanese("some message the scanner added later");
        for info in [
            "unexpected character: `@'",
            "\"key\": duplicated key in mapping",
            "while parsing a flow sequence, expected ',' or ']'",
            "mapping values are not allowed in this context",
        ] {
            let ja = japanese(info);
            assert_ne!(ja, unknown, "{info}");
            assert!(!ja.contains("while"), "{ja}");
        }
    }
}
