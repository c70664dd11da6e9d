//! A notice's bytes → text. UTF-8 (with or without a byte-order mark), UTF-16
//! with a byte-order mark, and Shift_JIS (Windows' CP932) are read; EUC-JP is
//! recognised too. A byte sequence that no candidate decodes without a
//! replacement character is an error: nothing is ever decoded by guesswork.

use encoding_rs::{EUC_JP, Encoding, SHIFT_JIS, UTF_8};

use crate::diag::Message;
use crate::msg;

#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name, e.g. `UTF-8` or `Shift_JIS`.
    pub encoding: &'static str,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, Message> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        return encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .map(|t| Decoded {
                text: t.into_owned(),
                encoding: encoding.name(),
            })
            .ok_or_else(|| {
                let name = encoding.name();
                msg!(
                    "先頭に {name} のバイト順マークがありますが、{name} として正しくありません。UTF-8 で保存し直してください",
                    "the text starts with a {name} byte-order mark but is not valid {name}; re-save it as UTF-8"
                )
            });
    }
    if let Some(t) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        if t.contains('\0') {
            return Err(Message::new(
                "テキストではありません（NUL バイトを含みます）。公表文の文字をファイルにコピーするか、`casebook draft -` にパイプで渡してください",
                "this is not text (it contains NUL bytes); copy the notice's text into a file, or pipe it to `casebook draft -`",
            ));
        }
        return Ok(Decoded {
            text: t.into_owned(),
            encoding: "UTF-8",
        });
    }
    // Legacy Japanese encodings: keep the ones that decode cleanly and read as
    // Japanese (hiragana appears in every Japanese sentence); exactly one must remain.
    let readable: Vec<(&'static Encoding, String)> = [SHIFT_JIS, EUC_JP]
        .into_iter()
        .filter_map(|e| {
            e.decode_without_bom_handling_and_without_replacement(bytes)
                .map(|t| (e, t.into_owned()))
        })
        .filter(|(_, t)| !t.contains('\0') && t.chars().any(|c| ('ぁ'..='ゖ').contains(&c)))
        .collect();
    match readable.as_slice() {
        [(e, text)] => Ok(Decoded {
            text: text.clone(),
            encoding: e.name(),
        }),
        [] => Err(Message::new(
            "UTF-8 でも Shift_JIS でもありません（または壊れています）。公表文を UTF-8 のテキストで保存して、もう一度試してください",
            "the text is neither UTF-8 nor Shift_JIS (or it is damaged); save the notice as UTF-8 text and try again",
        )),
        _ => Err(Message::new(
            "Shift_JIS か EUC-JP か判別できません。公表文を UTF-8 のテキストで保存して、もう一度試してください",
            "cannot tell whether the text is Shift_JIS or EUC-JP; save the notice as UTF-8 text and try again",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTICE: &str = "個人情報の漏えいについて\n令和6年5月22日\n";

    #[test]
    fn each_encoding_is_recognised() {
        let utf8 = decode(NOTICE.as_bytes()).unwrap();
        assert_eq!((utf8.text.as_str(), utf8.encoding), (NOTICE, "UTF-8"));

        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(NOTICE.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, NOTICE);

        let (sjis, _, _) = SHIFT_JIS.encode(NOTICE);
        let d = decode(&sjis).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (NOTICE, "Shift_JIS"));

        let (euc, _, _) = EUC_JP.encode(NOTICE);
        let d = decode(&euc).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (NOTICE, "EUC-JP"));

        let mut utf16 = vec![0xFF, 0xFE];
        for u in NOTICE.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&utf16).unwrap().text, NOTICE);
    }

    #[test]
    fn undecodable_bytes_are_an_error_not_a_guess() {
        let err = decode(&[0x82, 0xA0, 0xFF, 0xFF, 0x00, 0x81]).unwrap_err();
        assert!(err.en.contains("neither UTF-8 nor Shift_JIS"), "{err:?}");
        assert!(
            err.ja.starts_with("UTF-8 でも Shift_JIS でもありません"),
            "{err:?}"
        );
        // Shift_JIS with one byte cut off the end.
        let (sjis, _, _) = SHIFT_JIS.encode("漏えい");
        let err = decode(&sjis[..sjis.len() - 1]).unwrap_err();
        assert!(err.en.contains("neither UTF-8 nor Shift_JIS"), "{err:?}");
        let err = decode(b"abc\0def").unwrap_err();
        assert!(err.en.contains("not text"), "{err:?}");
        assert!(err.ja.starts_with("テキストではありません"), "{err:?}");
    }
}
