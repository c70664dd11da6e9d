//! A later notice (第2報, 確報) against the case written from an earlier one:
//! what it adds or changes — the counts, the discovery date, causes and
//! measures the case does not hold yet, and the notice as a source — written
//! into the case file's text line by line, so that its comments and layout
//! stay as they are. Every added or changed line carries a comment naming the
//! notice line it came from. Nothing is removed: what the case says and the
//! notice does not is the author's to keep.

use super::Extract;
use super::facts::shorten;
use super::header::Fact;
use crate::model::Case;

/// One change the notice brings, for the summary printed beside the diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The field: `affected.people`, `root_causes`, `sources`…
    pub field: &'static str,
    /// What the case said before (empty for an addition).
    pub was: String,
    /// What the notice says.
    pub now: String,
}

/// The case file's new text and the changes, or `None` when the notice adds nothing.
pub struct Update {
    pub text: String,
    pub changes: Vec<Change>,
    /// Changes that cannot be written in place (a field on one line in flow
    /// style, `affected: {people: 3}`): the author makes them by hand.
    pub by_hand: Vec<Change>,
}

/// What `notice` (how the draft names it: a file name) adds to `case`, whose file text is `text`.
pub fn update(text: &str, case: &Case, ex: &Extract, notice: &str) -> Update {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut changes = Vec::new();
    let mut by_hand = Vec::new();
    let from = |f: &Fact<String>| cite(ex, &f.lines, notice, Some(&f.value));

    // The counts: the later figure replaces the earlier.
    let affected = case.affected.as_ref();
    for (field, key, was, now) in [
        (
            "affected.people",
            "people",
            affected.and_then(|a| a.people),
            ex.people.chosen.as_ref(),
        ),
        (
            "affected.records",
            "records",
            affected.and_then(|a| a.records),
            ex.records.chosen.as_ref(),
        ),
    ] {
        let Some(now) = now.filter(|n| Some(n.value) != was) else {
            continue;
        };
        let change = Change {
            field,
            was: was.map(|w| w.to_string()).unwrap_or_default(),
            now: now.value.to_string(),
        };
        let note = cite(ex, &now.lines, notice, Some(&now.quote));
        if set_in_block(&mut lines, "affected", key, &now.value.to_string(), &note) {
            changes.push(change);
        } else {
            by_hand.push(change);
        }
    }

    // The day it came to light, when the case does not have it.
    if case.discovered.is_none()
        && let Some(d) = ex.discovered.as_ref().filter(|d| d.value.day.is_some())
    {
        let note = cite(ex, &d.lines, notice, Some(&d.quote));
        let after = top_key(&lines, "published")
            .or_else(|| top_key(&lines, "organization"))
            .map_or(0, |at| at + 1);
        lines.splice(
            after..after,
            [format!("# {note}"), format!("discovered: {}", d.value)],
        );
        changes.push(Change {
            field: "discovered",
            was: String::new(),
            now: d.value.to_string(),
        });
    }

    // Causes and measures the case does not hold yet.
    let known_causes: Vec<&str> = case.root_causes.iter().map(|c| c.text.as_str()).collect();
    let new_causes: Vec<&Fact<String>> = ex
        .causes
        .iter()
        .filter(|f| !known_causes.iter().any(|k| same(k, &f.value)))
        .collect();
    if !new_causes.is_empty() {
        let entries: Vec<Vec<String>> = new_causes
            .iter()
            .map(|f| {
                vec![
                    format!("  # {}", from(f)),
                    "  - category: TODO".to_string(),
                    format!("    text: {}", scalar(&f.value)),
                ]
            })
            .collect();
        if append_to_list(&mut lines, "root_causes", &entries) {
            for f in &new_causes {
                changes.push(Change {
                    field: "root_causes",
                    was: String::new(),
                    now: f.value.clone(),
                });
            }
        }
    }
    let known_measures: Vec<&str> = case.measures.iter().map(|m| m.text.as_str()).collect();
    let new_measures: Vec<&Fact<String>> = ex
        .measures
        .iter()
        .filter(|f| !known_measures.iter().any(|k| same(k, &f.value)))
        .collect();
    if !new_measures.is_empty() {
        let entries: Vec<Vec<String>> = new_measures
            .iter()
            .map(|f| {
                vec![
                    format!("  # {}", from(f)),
                    format!("  - text: {}", scalar(&f.value)),
                    "    controls: [TODO]".to_string(),
                ]
            })
            .collect();
        if append_to_list(&mut lines, "measures", &entries) {
            for f in &new_measures {
                changes.push(Change {
                    field: "measures",
                    was: String::new(),
                    now: f.value.clone(),
                });
            }
        }
    }

    // The notice itself, as a source, unless the case already cites it.
    if let Some(title) = &ex.title {
        let dated = ex.dated.as_ref().map(|d| d.value);
        let cited = case.sources.iter().any(|s| {
            s.title == title.value && (s.date.is_none() || dated.is_none() || s.date == dated)
        });
        if !cited {
            let mut entry = vec![
                format!("  # {}", cite(ex, &title.lines, notice, None)),
                format!(
                    "  - publisher: {}",
                    ex.organization
                        .as_ref()
                        .map_or("TODO".to_string(), |o| scalar(&o.value))
                ),
                format!("    title: {}", scalar(&title.value)),
            ];
            if let Some(d) = &ex.dated {
                entry.push(format!("    date: {}", d.value));
            }
            if append_to_list(&mut lines, "sources", &[entry]) {
                changes.push(Change {
                    field: "sources",
                    was: String::new(),
                    now: title.value.clone(),
                });
            }
        }
    }

    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    Update {
        text: out,
        changes,
        by_hand,
    }
}

/// `← 第2報.txt L12「…」`: where in the notice a value came from.
fn cite(ex: &Extract, at: &[usize], notice: &str, quote: Option<&str>) -> String {
    let lines: Vec<String> = at.iter().map(|&i| ex.lines[i].cite()).collect();
    let notice = crate::text::line(notice);
    match quote {
        Some(q) => format!("← {notice} {}「{}」", lines.join(", "), shorten(q, 40)),
        None => format!("← {notice} {}", lines.join(", ")),
    }
}

/// The same cause or measure, however reworded: most of the shorter text's
/// character bigrams shared.
fn same(a: &str, b: &str) -> bool {
    let grams = |s: &str| -> std::collections::HashSet<(char, char)> {
        let chars: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (ga, gb) = (grams(a), grams(b));
    let shorter = ga.len().min(gb.len());
    shorter > 0 && ga.intersection(&gb).count() * 2 >= shorter
}

/// A text as a YAML plain scalar, quoted when it would not read back as itself.
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`', ' ',
        ])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with([':', ' '])
        && s.parse::<f64>().is_err()
        && !matches!(
            s,
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "TODO" | "~"
        );
    if plain {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// The line of a top-level key (`key:` at the start of a line).
fn top_key(lines: &[String], key: &str) -> Option<usize> {
    lines.iter().position(|l| {
        l.strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
    })
}

/// The lines of a top-level key's block: its line, and the indented lines
/// after it up to the next top-level line (a comment before the next key
/// belongs to that key).
fn block(lines: &[String], key: &str) -> Option<(usize, usize)> {
    let start = top_key(lines, key)?;
    let mut end = start + 1;
    let mut last = start + 1;
    while end < lines.len() {
        let l = &lines[end];
        let top = !l.is_empty() && !l.starts_with([' ', '\t']);
        if top && !l.starts_with('#') {
            break;
        }
        if !l.trim().is_empty() && !top {
            last = end + 1;
        }
        end += 1;
    }
    Some((start, last))
}

/// Sets `key: value` inside the block of `parent` (a block mapping), keeping
/// the line's comment, or adds the line; adds the block before
/// `root_causes:` when the case has none. False when the block is written
/// in flow style.
fn set_in_block(lines: &mut Vec<String>, parent: &str, key: &str, value: &str, note: &str) -> bool {
    let Some((start, end)) = block(lines, parent) else {
        let at = top_key(lines, "root_causes").unwrap_or(lines.len());
        lines.splice(
            at..at,
            [
                format!("{parent}:"),
                format!("  # {note}"),
                format!("  {key}: {value}"),
            ],
        );
        return true;
    };
    let head = &lines[start][parent.len() + 1..];
    if !head.split('#').next().unwrap_or("").trim().is_empty() {
        return false;
    }
    let found = (start + 1..end).find(|&i| {
        let t = lines[i].trim_start();
        t.strip_prefix(key).is_some_and(|r| r.starts_with(':'))
    });
    match found {
        Some(i) => {
            let line = &lines[i];
            let indent = &line[..line.len() - line.trim_start().len()];
            // The comment with the spaces before it, as the author wrote them.
            let comment = line
                .find(" #")
                .map(|at| line[line[..at].trim_end().len()..].to_string())
                .unwrap_or_default();
            let new = format!("{indent}{key}: {value}{comment}");
            lines.splice(i..=i, [format!("{indent}# {note}"), new]);
        }
        None => {
            lines.splice(
                start + 1..start + 1,
                [format!("  # {note}"), format!("  {key}: {value}")],
            );
        }
    }
    true
}

/// Appends entries (their lines, already indented as items) at the end of a
/// top-level block list. False when the list is not in block style.
fn append_to_list(lines: &mut Vec<String>, key: &str, entries: &[Vec<String>]) -> bool {
    let Some((start, end)) = block(lines, key) else {
        return false;
    };
    let head = &lines[start][key.len() + 1..];
    if !head.split('#').next().unwrap_or("").trim().is_empty() {
        return false;
    }
    // The list's own indentation, when it is not two spaces.
    let indent = lines[start + 1..end]
        .iter()
        .find(|l| l.trim_start().starts_with("- "))
        .map(|l| l.len() - l.trim_start().len())
        .unwrap_or(2);
    let shift = |l: &String| {
        if indent == 2 {
            l.clone()
        } else {
            let trimmed = l.strip_prefix("  ").unwrap_or(l);
            format!("{}{trimmed}", " ".repeat(indent))
        }
    };
    let added: Vec<String> = entries.iter().flatten().map(shift).collect();
    lines.splice(end..end, added);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_value_is_set_in_its_block_keeping_its_comment() {
        let mut l = lines(
            "id: a\n# the count\naffected:\n  people: 3  # as first reported\n  data: [氏名]\nroot_causes:\n",
        );
        assert!(set_in_block(&mut l, "affected", "people", "2045", "← n L2"));
        assert_eq!(
            l,
            lines(
                "id: a\n# the count\naffected:\n  # ← n L2\n  people: 2045  # as first reported\n  data: [氏名]\nroot_causes:\n"
            )
        );
        let mut flow = lines("affected: {people: 3}\n");
        assert!(!set_in_block(&mut flow, "affected", "people", "5", "← n"));
        let mut none = lines("id: a\nroot_causes:\n  - category: loss\n");
        assert!(set_in_block(&mut none, "affected", "people", "5", "← n"));
        assert_eq!(
            none,
            lines("id: a\naffected:\n  # ← n\n  people: 5\nroot_causes:\n  - category: loss\n")
        );
    }

    #[test]
    fn entries_go_at_the_end_of_their_list_before_the_next_key() {
        let mut l = lines(
            "measures:\n    - text: a\n      controls: [x:1]\n\n# where from\nsources:\n  - publisher: p\n",
        );
        let entry = vec![
            "  - text: b".to_string(),
            "    controls: [TODO]".to_string(),
        ];
        assert!(append_to_list(&mut l, "measures", &[entry]));
        assert_eq!(
            l,
            lines(
                "measures:\n    - text: a\n      controls: [x:1]\n    - text: b\n      controls: [TODO]\n\n# where from\nsources:\n  - publisher: p\n"
            )
        );
    }

    #[test]
    fn texts_that_would_not_read_back_are_quoted() {
        assert_eq!(scalar("VPN機器を更新する"), "VPN機器を更新する");
        assert_eq!(scalar("- 一覧"), "\"- 一覧\"");
        assert_eq!(scalar("原因: 不明"), "\"原因: 不明\"");
        assert_eq!(scalar("true"), "\"true\"");
    }
}
