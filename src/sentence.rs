//! Japanese sentences: a text split after each `。`, the one rule that
//! search, the case document, briefs and drafting share.

/// The sentences of `text`, each with its byte offset: a piece ends with
/// `。`, and the text after the last `。` (when there is any) is one more.
/// Joined again, the pieces give back `text`.
pub fn split(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        start: 0,
        brackets: false,
        depth: 0,
    }
}

/// As [`split`], but a `。` inside brackets (`「」『』()（）`) ends no
/// sentence: a quoted statement stays within the sentence that quotes it.
pub fn split_outside_brackets(text: &str) -> Sentences<'_> {
    Sentences {
        brackets: true,
        ..split(text)
    }
}

/// The iterator of [`split`] and [`split_outside_brackets`].
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    start: usize,
    brackets: bool,
    depth: u32,
}

impl<'a> Iterator for Sentences<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let at = self.start;
        let rest = &self.text[at..];
        if rest.is_empty() {
            return None;
        }
        for (i, c) in rest.char_indices() {
            match c {
                '「' | '『' | '(' | '（' if self.brackets => self.depth += 1,
                '」' | '』' | ')' | '）' if self.brackets => {
                    self.depth = self.depth.saturating_sub(1)
                }
                '。' if self.depth == 0 => {
                    let end = i + c.len_utf8();
                    self.start = at + end;
                    return Some((at, &rest[..end]));
                }
                _ => {}
            }
        }
        self.start = self.text.len();
        Some((at, rest))
    }
}

#[cfg(test)]
mod tests {
    use super::{split, split_outside_brackets};

    fn pieces(text: &str) -> Vec<&str> {
        split(text).map(|(_, s)| s).collect()
    }

    #[test]
    fn splits_after_each_maru_as_split_inclusive_does() {
        for text in [
            "",
            "。",
            "。。",
            "不正アクセスがありました。",
            "不正アクセスがありました。原因を調査しています。",
            "不正アクセスがありました。調査中",
            "顧客情報（氏名。住所）が漏えいしました。再発防止に努めます。",
            "ASCII only. No maru",
        ] {
            let expected: Vec<&str> = text.split_inclusive('。').collect();
            assert_eq!(pieces(text), expected, "{text:?}");
        }
    }

    #[test]
    fn each_sentence_knows_where_it_starts() {
        let text = "一文目。二文目。残り";
        let found: Vec<(usize, &str)> = split(text).collect();
        assert_eq!(found, [(0, "一文目。"), (12, "二文目。"), (24, "残り")]);
        for (at, s) in found {
            assert_eq!(&text[at..at + s.len()], s);
        }
    }

    #[test]
    fn a_maru_inside_brackets_ends_no_sentence_when_asked() {
        let text = "担当者は「確認しました。」と述べた。次に（注。後述）進んだ。";
        let outside: Vec<&str> = split_outside_brackets(text).map(|(_, s)| s).collect();
        assert_eq!(
            outside,
            [
                "担当者は「確認しました。」と述べた。",
                "次に（注。後述）進んだ。"
            ]
        );
        assert_eq!(pieces(text).len(), 4);
        // An unmatched closing bracket does not keep later sentences open.
        let stray: Vec<&str> = split_outside_brackets("」一。二。")
            .map(|(_, s)| s)
            .collect();
        assert_eq!(stray, ["」一。", "二。"]);
    }
}
