//! Writing cases from the browser: `n` (a new case in a team casebook, from
//! scratch or drafted from a notice on the clipboard or in a file) and `E`
//! (the selected case's file in the editor; a bundled case is read-only, so
//! `E` offers a copy in a team casebook). The questions are asked here; the
//! file is written and the editor run by the event loop ([`Effect`]s), and the
//! file is read again and shown when the editor ends.

use std::path::PathBuf;

use super::action::Start;
use super::field::Field;
use crate::authoring::new;

/// The question being asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// `E` on a bundled case: copy it into a team casebook? (y)
    Copy { index: usize },
    /// Which team casebook (a digit). For a copy, what it starts from and
    /// the id suggested.
    Target {
        dirs: Vec<PathBuf>,
        copy: Option<(Start, String)>,
    },
    /// How to start: s (scaffold), c (the clipboard's notice), f (a notice file).
    Source { dir: PathBuf },
    /// The notice file's path.
    Notice { dir: PathBuf, field: Field },
    /// The notice's text, pasted into the terminal (`p`, or `c` when no
    /// tool can read the clipboard).
    Paste { dir: PathBuf, text: String },
    /// The new case's id.
    Id {
        dir: PathBuf,
        start: Start,
        field: Field,
    },
}

/// The id suggested for a copy: `-ours` before a trailing year
/// (`amagasaki-usb-2022` → `amagasaki-usb-ours-2022`), else at the end.
pub fn copy_id(id: &str) -> String {
    match id.rsplit_once('-') {
        Some((head, year)) if new::year_of_id(id).is_some() => format!("{head}-ours-{year}"),
        _ => format!("{id}-ours"),
    }
}

/// A copy's text: `id: old` → `id: new` and, on the next line, `copied_from:
/// old` (the first `id:` line at the top level), so that the copy is known
/// for what it is and the incident is counted once (`answers::once`).
pub fn with_id(text: &str, id: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2 * id.len() + 16);
    let mut done = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with("copied_from:") {
            // A copy of a copy names the file it was made from.
            continue;
        }
        if !done && line.starts_with("id:") {
            let old = line["id:".len()..].split('#').next().unwrap_or("").trim();
            out.push_str(&format!("id: {id}\n"));
            if !old.is_empty() && old != id {
                out.push_str(&format!("copied_from: {old}\n"));
            }
            done = true;
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Pasted text as a notice keeps: line breaks as `\n`, tabs, and no other
/// control character.
pub(crate) fn notice_text(pasted: &str) -> String {
    pasted
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_gets_its_own_id_and_keeps_the_year_last() {
        assert_eq!(copy_id("amagasaki-usb-2022"), "amagasaki-usb-ours-2022");
        assert_eq!(copy_id("usb"), "usb-ours");
        assert_eq!(
            with_id("# c\nid: a-2022\ntitle: t\n", "b-2022"),
            "# c\nid: b-2022\ncopied_from: a-2022\ntitle: t\n"
        );
        assert_eq!(
            with_id("id: b-2022  # x\ncopied_from: a-2022\ntitle: t\n", "c-2022"),
            "id: c-2022\ncopied_from: b-2022\ntitle: t\n"
        );
    }
}
