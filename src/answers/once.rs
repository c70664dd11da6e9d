//! Each incident once. A team that copies a bundled case into its own
//! casebook (the browser's `E` on a bundled case) has two files of one
//! incident; the copy names the original in `copied_from` (written by the
//! copy, kept by the team). Where cases are counted — coverage, statistics,
//! the register of a group of controls — the copy stands for the incident and
//! the case it names is left out, when both are among the cases counted.
//! Lists and search still show both: they are two files.
//!
//! A copy is recognized by `copied_from` alone: not by its id (the copy has
//! an id of its own, `…-ours-2022`), nor by its title or organization (a team
//! may rewrite them).

use crate::casebook::Casebook;

/// `cases` without those a copy among them stands for, in the same order.
pub fn counted(book: &Casebook, cases: &[usize]) -> Vec<usize> {
    let mut among = vec![false; book.len()];
    for &i in cases {
        if let Some(slot) = among.get_mut(i) {
            *slot = true;
        }
    }
    let left_out = copied(book, &among);
    cases.iter().copied().filter(|&i| !left_out[i]).collect()
}

/// The cases counted, as a mask over every case: those of `only` (every case
/// when None), without those a copy among them stands for.
pub fn mask(book: &Casebook, only: Option<&[bool]>) -> Vec<bool> {
    let mut among: Vec<bool> = match only {
        Some(m) => (0..book.len())
            .map(|i| m.get(i).copied().unwrap_or(false))
            .collect(),
        None => vec![true; book.len()],
    };
    let left_out = copied(book, &among);
    for (slot, out) in among.iter_mut().zip(left_out) {
        *slot &= !out;
    }
    among
}

/// Which cases of `among` a copy of `among` names in `copied_from`. Only
/// a team's cases can be copies: bundled ones are not read for it.
fn copied(book: &Casebook, among: &[bool]) -> Vec<bool> {
    let mut out = vec![false; book.len()];
    for i in (0..book.len()).filter(|&i| among[i] && !book.is_bundled(i)) {
        let entry = book.fetch(i);
        let Some(from) = entry.case.copied_from.as_deref() else {
            continue;
        };
        if let Some(j) = book.index_of(from).filter(|&j| j != i && among[j]) {
            out[j] = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casebook::{Casebook, Entry};
    use crate::catalog::Catalogs;
    use crate::model::Case;

    fn case(id: &str, from: Option<&str>) -> Case {
        let text = crate::bundled::FILES
            .iter()
            .find(|(p, _)| p.ends_with("amagasaki-usb-2022.yaml"))
            .map(|(_, t)| *t)
            .unwrap();
        let catalogs = crate::load::load(&[crate::load::Input::Bundled], &[])
            .casebook
            .catalogs;
        let mut c = crate::load::parse_text("x.yaml", text, &catalogs)
            .0
            .unwrap();
        c.id = id.into();
        c.copied_from = from.map(str::to_string);
        c
    }

    fn book(cases: &[(&str, Option<&str>, bool)]) -> Casebook {
        let entries = cases
            .iter()
            .map(|&(id, from, bundled)| Entry {
                case: case(id, from),
                path: format!("{id}.yaml"),
                bundled,
            })
            .collect();
        Casebook::new(Catalogs::default(), entries)
    }

    #[test]
    fn a_copy_stands_for_the_case_it_names() {
        let b = book(&[
            ("orig", None, true),
            ("other", None, true),
            ("copy", Some("orig"), false),
            ("stray", Some("gone"), false),
        ]);
        assert_eq!(counted(&b, &[0, 1, 2, 3]), vec![1, 2, 3]);
        assert_eq!(mask(&b, None), vec![false, true, true, true]);
        // The original alone (the copy filtered away) counts.
        assert_eq!(counted(&b, &[0, 1]), vec![0, 1]);
        assert_eq!(
            mask(&b, Some(&[true, true, false, false])),
            vec![true, true, false, false]
        );
    }

    #[test]
    fn only_a_teams_case_is_read_as_a_copy_and_never_of_itself() {
        let b = book(&[
            ("orig", None, true),
            ("bundled-copy", Some("orig"), true),
            ("self", Some("self"), false),
        ]);
        assert_eq!(counted(&b, &[0, 1, 2]), vec![0, 1, 2]);
    }
}
