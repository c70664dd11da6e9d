//! A small YAML document tree that remembers where every node starts.
//!
//! Case files are parsed with yaml-rust2's event parser into this tree, so every
//! diagnostic can name the line and column of the field it is about, and so the
//! limits that keep hostile input harmless live in one place: nesting depth,
//! alias expansion and a single document per file.

use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::TScalarStyle;

mod errors;
mod pos;

pub use pos::{MAX_DEPTH, Pos};

use crate::diag::{Message, Phrase, phrase};
use crate::msg;

/// Most nodes that aliases (`*name`) may add in total, which bounds "billion laughs".
pub const MAX_ALIAS_NODES: usize = 10_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// An empty value, `~` or `null`.
    Null,
    /// Any other scalar; `plain` is false when it was quoted or a block scalar.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

impl Node {
    /// What the node is, for messages: "a list", "a mapping", ...
    pub fn kind(&self) -> Phrase {
        match &self.value {
            Value::Null => phrase("何もない値（空）", "nothing (an empty value)"),
            Value::Scalar { .. } => phrase("単一の値", "a single value"),
            Value::Seq(_) => phrase("リスト", "a list"),
            Value::Map(_) => phrase("マッピング", "a mapping"),
        }
    }

    /// Number of nodes in this subtree.
    fn size(&self) -> usize {
        1 + match &self.value {
            Value::Seq(items) => items.iter().map(Node::size).sum(),
            Value::Map(pairs) => pairs.iter().map(|(k, v)| k.size() + v.size()).sum(),
            _ => 0,
        }
    }
}

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct YamlError {
    pub pos: Pos,
    pub message: Message,
}

/// Parses one YAML document. `Ok(None)` means the stream holds no document
/// (an empty file or only comments).
pub fn parse(src: &str) -> Result<Option<Node>, YamlError> {
    Builder::new(src).run()
}

enum Frame {
    Seq(Pos, usize, Vec<Node>),
    Map(Option<Pos>, Pos, usize, Vec<(Node, Node)>, Option<Node>),
}

struct Builder<'a> {
    src: &'a str,
    parser: Parser<std::str::Chars<'a>>,
    stack: Vec<Frame>,
    anchors: Vec<(usize, Node)>,
    alias_nodes: usize,
    documents: usize,
    root: Option<Node>,
}

impl<'a> Builder<'a> {
    fn new(src: &'a str) -> Self {
        Builder {
            src,
            parser: Parser::new_from_str(src),
            stack: Vec::new(),
            anchors: Vec::new(),
            alias_nodes: 0,
            documents: 0,
            root: None,
        }
    }

    fn run(mut self) -> Result<Option<Node>, YamlError> {
        loop {
            let (event, marker) = self.parser.next_token().map_err(|e| {
                let pos = Pos::from_marker(e.marker());
                // A bracket left open is reported where it opened.
                match errors::unclosed(self.src, pos) {
                    Some((pos, message)) => YamlError { pos, message },
                    None => YamlError {
                        pos,
                        message: errors::explain(e.info(), self.src, pos),
                    },
                }
            })?;
            let pos = Pos::from_marker(&marker);
            match event {
                Event::StreamEnd => return Ok(self.root),
                Event::DocumentStart => {
                    self.documents += 1;
                    if self.documents > 1 {
                        return Err(YamlError {
                            pos: Pos {
                                line: pos.line,
                                col: 1,
                            },
                            message: Message::new(
                                "1つのファイルに YAML の文書が2つ以上あります（2つ目の `---`）。\
                                 事例は1件ずつ別のファイルに書いてください",
                                "the file holds more than one YAML document (a second `---`); \
                                 put each case in a file of its own",
                            ),
                        });
                    }
                }
                Event::Scalar(text, style, anchor, tag) => {
                    refuse_tag(tag.as_ref(), pos)?;
                    let value = if style == TScalarStyle::Plain && is_null(&text) {
                        Value::Null
                    } else {
                        Value::Scalar {
                            text,
                            plain: style == TScalarStyle::Plain,
                        }
                    };
                    self.push(Node { value, pos }, anchor)?;
                }
                Event::SequenceStart(anchor, tag) => {
                    refuse_tag(tag.as_ref(), self.key_pos().unwrap_or(pos))?;
                    self.check_depth(pos)?;
                    self.stack.push(Frame::Seq(pos, anchor, Vec::new()));
                }
                Event::MappingStart(anchor, tag) => {
                    refuse_tag(tag.as_ref(), self.key_pos().unwrap_or(pos))?;
                    self.check_depth(pos)?;
                    self.stack
                        .push(Frame::Map(None, pos, anchor, Vec::new(), None));
                }
                Event::SequenceEnd => {
                    if let Some(Frame::Seq(start, anchor, items)) = self.stack.pop() {
                        self.push(
                            Node {
                                value: Value::Seq(items),
                                pos: start,
                            },
                            anchor,
                        )?;
                    }
                }
                Event::MappingEnd => {
                    if let Some(Frame::Map(first_key, start, anchor, pairs, _)) = self.stack.pop() {
                        // The parser marks a block mapping's start after its first key;
                        // the first key's own position is where a reader looks.
                        let pos = first_key.unwrap_or(start);
                        self.push(
                            Node {
                                value: Value::Map(pairs),
                                pos,
                            },
                            anchor,
                        )?;
                    }
                }
                Event::Alias(id) => {
                    let Some(node) = self
                        .anchors
                        .iter()
                        .rev()
                        .find(|(a, _)| *a == id)
                        .map(|(_, n)| n.clone())
                    else {
                        return Err(YamlError {
                            pos,
                            message: Message::new(
                                "定義されていないエイリアス（`*name`）です",
                                "unknown alias",
                            ),
                        });
                    };
                    self.alias_nodes += node.size();
                    if self.alias_nodes > MAX_ALIAS_NODES {
                        return Err(YamlError {
                            pos,
                            message: msg!(
                                "エイリアス（`*name`）を展開すると {MAX_ALIAS_NODES} 個を超える値になります。\
                                 アンカーとエイリアスを使わずに値を書いてください",
                                "aliases (`*name`) expand to more than {MAX_ALIAS_NODES} values; \
                                 write the values out instead of using anchors and aliases"
                            ),
                        });
                    }
                    self.push(Node { pos, ..node }, 0)?;
                }
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
            }
        }
    }

    /// Where the key of the value being started is, when it is a mapping's
    /// value (a block collection's own position is only known after its first key).
    fn key_pos(&self) -> Option<Pos> {
        match self.stack.last() {
            Some(Frame::Map(_, _, _, _, Some(key))) => Some(key.pos),
            _ => None,
        }
    }

    fn check_depth(&self, pos: Pos) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(YamlError {
                pos,
                message: msg!(
                    "値の入れ子が {MAX_DEPTH} 段を超えています",
                    "values are nested more than {MAX_DEPTH} levels deep"
                ),
            });
        }
        Ok(())
    }

    fn push(&mut self, node: Node, anchor: usize) -> Result<(), YamlError> {
        if anchor != 0 {
            self.anchors.push((anchor, node.clone()));
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq(_, _, items)) => items.push(node),
            Some(Frame::Map(first_key, _, _, pairs, pending)) => match pending.take() {
                None => {
                    first_key.get_or_insert(node.pos);
                    *pending = Some(node);
                }
                Some(key) => pairs.push((key, node)),
            },
        }
        Ok(())
    }
}

/// Case files use no YAML tags (`!!binary`, `!!str 12`, `!custom`): a tag would
/// change what a value means without it showing, so it is refused, not read.
fn refuse_tag(tag: Option<&Tag>, pos: Pos) -> Result<(), YamlError> {
    let Some(tag) = tag else { return Ok(()) };
    let written = match tag.handle.as_str() {
        "tag:yaml.org,2002:" => format!("!!{}", tag.suffix),
        handle => format!("{handle}{}", tag.suffix),
    };
    let written = crate::text::line(&written);
    Err(YamlError {
        pos,
        message: msg!(
            "事例ファイルでは `{written}` のような YAML のタグは使いません。タグを消して値そのものを書いてください\
             （文字列のままにするなら引用符で囲みます）",
            "YAML tags such as `{written}` are not used in case files; remove it and write the value itself \
             (in quotes if it should stay text)"
        ),
    })
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(node: &Node) -> &str {
        match &node.value {
            Value::Scalar { text, .. } => text,
            other => panic!("not a scalar: {other:?}"),
        }
    }

    #[test]
    fn positions_are_one_based_lines_and_columns() {
        let root = parse("title: 日本語\ntags: [a, b]\n").unwrap().unwrap();
        let Value::Map(pairs) = &root.value else {
            panic!()
        };
        assert_eq!(root.pos, Pos { line: 1, col: 1 });
        assert_eq!(pairs[0].1.pos, Pos { line: 1, col: 8 });
        assert_eq!(pairs[1].0.pos, Pos { line: 2, col: 1 });
        let Value::Seq(items) = &pairs[1].1.value else {
            panic!()
        };
        assert_eq!(scalar(&items[1]), "b");
        assert_eq!(items[1].pos, Pos { line: 2, col: 11 });
    }

    #[test]
    fn empty_and_comment_only_files_hold_no_document() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# nothing here\n\n").unwrap(), None);
    }

    #[test]
    fn second_document_is_refused() {
        let err = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(err.pos.line, 2);
        assert!(err.message.en.contains("more than one YAML document"));
    }

    #[test]
    fn tabs_get_a_plain_explanation() {
        let err = parse("a:\n\tb: 1\n").unwrap_err();
        assert_eq!(err.pos.line, 2);
        assert!(err.message.en.contains("tab"), "{}", err.message.en);
    }

    #[test]
    fn alias_bomb_is_stopped() {
        let mut src = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            src.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let err = parse(&src).unwrap_err();
        assert!(err.message.en.contains("aliases"), "{}", err.message.en);
    }

    #[test]
    fn deep_nesting_is_stopped() {
        let src = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse(&src).is_err());
        let block: String = (0..10_000)
            .map(|i| format!("{}- \n", "  ".repeat(i)))
            .collect();
        let err = parse(&block).unwrap_err();
        assert!(err.message.en.contains("nested"), "{}", err.message.en);
    }

    #[test]
    fn null_forms_and_quoted_null() {
        let root = parse("a:\nb: ~\nc: 'null'\n").unwrap().unwrap();
        let Value::Map(pairs) = root.value else {
            panic!()
        };
        assert_eq!(pairs[0].1.value, Value::Null);
        assert_eq!(pairs[1].1.value, Value::Null);
        assert_eq!(
            pairs[2].1.value,
            Value::Scalar {
                text: "null".into(),
                plain: false
            }
        );
    }
}
