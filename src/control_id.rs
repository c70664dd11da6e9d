//! Control ids as people type them. Every spelling of a control resolves to
//! its canonical `SCHEME:ID`:
//!
//! | typed | resolves to |
//! |---|---|
//! | `iso27001:A.7.14`, `ISO27001:a.7.14`, `A.7.14`, `a.7.14`, `A7.14`, `7.14` | `iso27001:A.7.14` |
//! | `ppc:10-5-4`, `10-5-4`, `ppc:10-5(4)`, `10-5(4)`, `10－5（４）` | `ppc:10-5-4` |
//!
//! Case and character width are ignored; the scheme may be left out when only
//! one scheme has the id (otherwise the answer names the candidates). A letter
//! prefix before the first number (`A.` in `A.7.14`) may be left out, and the
//! PPC guideline's own `(4)` is the same as `-4`. Works for a team's own
//! control schemes too.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::catalog::{Catalog, Catalogs};
use crate::model::ControlRef;
use crate::suggest;

/// Hyphens that look like `-`: U+2010 to U+2015 (the Word files keep ids on
/// one line with U+2011, the non-breaking hyphen, which NFKC makes U+2010) and
/// the minus sign. An id copied from a document means the same id.
pub fn is_hyphen_like(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// A case id as typed or pasted, in the form ids are written in: NFKC
/// (full-width letters and digits), lowercase, hyphen-like characters as `-`,
/// no surrounding spaces.
pub fn fold_case_id(typed: &str) -> String {
    typed
        .trim()
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if is_hyphen_like(c) { '-' } else { c })
        .collect()
}

/// The folded form of an id: NFKC, lowercase, no spaces, `(4)` as `-4`.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfkc().flat_map(char::to_lowercase) {
        match c {
            c if c.is_whitespace() => {}
            c if is_hyphen_like(c) => out.push('-'),
            '(' => {
                if !out.ends_with('-') {
                    out.push('-');
                }
            }
            ')' => {}
            c => out.push(c),
        }
    }
    out
}

/// The folded id without a letter prefix before its first digit (`a.7.14` → `7.14`).
fn short(folded: &str) -> &str {
    let letters = folded
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(folded.len());
    if letters == 0 {
        return folded;
    }
    let rest = &folded[letters..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        rest
    } else {
        folded
    }
}

/// Why a typed control id did not resolve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unresolved {
    /// Nothing like it; the nearest canonical ids (maybe none).
    Unknown { near: Vec<String> },
    /// The scheme before the colon is not a control scheme.
    UnknownScheme { scheme: String, near: Vec<String> },
    /// Several schemes have this id.
    Ambiguous(Vec<ControlRef>),
}

impl Unresolved {
    /// The same as [`Unresolved::message`], in the UI's language.
    pub fn message_in(&self, lang: crate::lang::Lang, typed: &str, schemes: &[&str]) -> String {
        if lang == crate::lang::Lang::En {
            return self.message(typed, schemes);
        }
        let typed = crate::text::line(typed);
        let quoted = |v: &[String]| {
            v.iter()
                .map(|r| format!("`{r}`"))
                .collect::<Vec<_>>()
                .join("、")
        };
        match self {
            Unresolved::Unknown { near } if near.is_empty() => {
                format!("管理策 `{typed}` はありません")
            }
            Unresolved::Unknown { near } => {
                format!(
                    "管理策 `{typed}` はありません。{} のことですか？",
                    quoted(near)
                )
            }
            Unresolved::UnknownScheme { scheme, near } => format!(
                "`{typed}` の分類 `{}` はありません{}（分類: {}）",
                crate::text::line(scheme),
                if near.is_empty() {
                    String::new()
                } else {
                    format!("。{} のことですか？", quoted(near))
                },
                schemes.join("、")
            ),
            Unresolved::Ambiguous(refs) => {
                let refs: Vec<String> = refs.iter().map(ToString::to_string).collect();
                format!(
                    "`{typed}` は複数の分類にあります。{} のどれかで書いてください",
                    quoted(&refs)
                )
            }
        }
    }

    /// The sentence in both languages, for diagnostics.
    pub fn both(&self, typed: &str, schemes: &[&str]) -> crate::diag::Message {
        crate::diag::Message::new(
            self.message_in(crate::lang::Lang::Ja, typed, schemes),
            self.message(typed, schemes),
        )
    }

    /// A sentence for messages: "unknown control `x`; did you mean `iso27001:A.7.14`?"
    pub fn message(&self, typed: &str, schemes: &[&str]) -> String {
        let typed = crate::text::line(typed);
        match self {
            Unresolved::Unknown { near } => {
                let near: Vec<&str> = near.iter().map(String::as_str).collect();
                format!(
                    "unknown control `{typed}`{}",
                    suggest::did_you_mean(&near).en
                )
            }
            Unresolved::UnknownScheme { scheme, near } => {
                let near: Vec<&str> = near.iter().map(String::as_str).collect();
                format!(
                    "unknown scheme `{}` in `{typed}`{} (known schemes: {})",
                    crate::text::line(scheme),
                    suggest::did_you_mean(&near).en,
                    schemes.join(", ")
                )
            }
            Unresolved::Ambiguous(refs) => {
                let refs: Vec<String> = refs.iter().map(|r| format!("`{r}`")).collect();
                format!(
                    "`{typed}` is in more than one scheme: write {}",
                    refs.join(" or ")
                )
            }
        }
    }
}

/// Every control scheme's ids under their typed forms, built once.
pub struct Resolver {
    /// Lowercase scheme name → scheme.
    schemes: HashMap<String, String>,
    /// Folded id → refs; the short form (without the letter prefix) too.
    keys: HashMap<String, Vec<ControlRef>>,
    /// Every canonical `SCHEME:ID`, sorted, for suggestions and completion.
    all: Vec<(String, ControlRef)>,
}

impl Resolver {
    pub fn new(catalogs: &Catalogs) -> Resolver {
        let mut r = Resolver {
            schemes: HashMap::new(),
            keys: HashMap::new(),
            all: Vec::new(),
        };
        for catalog in catalogs.control_schemes() {
            r.add(catalog);
        }
        r.all.sort();
        r
    }

    fn add(&mut self, catalog: &Catalog) {
        self.schemes
            .insert(catalog.scheme.to_lowercase(), catalog.scheme.clone());
        for (_, item) in catalog.flatten() {
            let r = ControlRef::new(&catalog.scheme, &item.id);
            let folded = fold(&item.id);
            let mut keys = vec![folded.clone()];
            if short(&folded) != folded {
                keys.push(short(&folded).to_string());
            }
            for key in keys {
                let refs = self.keys.entry(key).or_default();
                if !refs.contains(&r) {
                    refs.push(r.clone());
                }
            }
            self.all.push((r.to_string(), r));
        }
    }

    /// The refs a folded id could mean within `scheme` (any scheme when None):
    /// the exact id, else its short form; an exact id wins over short forms.
    fn candidates(&self, scheme: Option<&str>, id: &str) -> Vec<ControlRef> {
        let found = |key: &str| -> Vec<ControlRef> {
            self.keys
                .get(key)
                .map(|refs| {
                    refs.iter()
                        .filter(|r| scheme.is_none_or(|s| r.scheme == s))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut refs = found(id);
        if refs.is_empty() {
            refs = found(short(id));
        }
        if refs.len() > 1 {
            // `A.5` is not ambiguous with a team's `5`.
            let exact: Vec<ControlRef> =
                refs.iter().filter(|r| fold(&r.id) == id).cloned().collect();
            if exact.len() == 1 {
                return exact;
            }
        }
        refs
    }

    /// The control a typed id names, without looking for suggestions (cheap
    /// enough for every keystroke).
    pub fn lookup(&self, typed: &str) -> Option<ControlRef> {
        let folded = fold(typed.trim());
        let (scheme, id) = match folded.split_once(':') {
            Some((s, id)) => (Some(self.schemes.get(s)?.as_str()), id),
            None => (None, folded.as_str()),
        };
        let mut refs = self.candidates(scheme, id);
        (refs.len() == 1).then(|| refs.remove(0))
    }

    /// The control a typed id names.
    pub fn resolve(&self, typed: &str) -> Result<ControlRef, Unresolved> {
        let typed = typed.trim();
        let folded_all = fold(typed);
        let (scheme, id) = match folded_all.split_once(':') {
            Some((s, id)) => match self.schemes.get(s) {
                Some(scheme) => (Some(scheme.as_str()), id.to_string()),
                None => {
                    let names: Vec<&str> = self.schemes.values().map(String::as_str).collect();
                    let (typed_scheme, typed_id) = typed.split_once(':').unwrap_or((typed, id));
                    return Err(Unresolved::UnknownScheme {
                        scheme: typed_scheme.trim().to_string(),
                        near: suggest::nearest(s, names, 1)
                            .into_iter()
                            .map(|n| format!("{n}:{}", typed_id.trim()))
                            .collect(),
                    });
                }
            },
            None => (None, folded_all.clone()),
        };
        let mut refs = self.candidates(scheme, &id);
        match refs.len() {
            1 => Ok(refs.remove(0)),
            0 => Err(Unresolved::Unknown {
                near: self.nearest(scheme, &id),
            }),
            _ => Err(Unresolved::Ambiguous(refs)),
        }
    }

    /// The canonical ids nearest to a mistyped one, best first.
    fn nearest(&self, scheme: Option<&str>, id: &str) -> Vec<String> {
        let candidates = self
            .all
            .iter()
            .filter(|(_, r)| scheme.is_none_or(|s| r.scheme == s));
        let folded: Vec<(String, &str)> = candidates
            .map(|(shown, r)| (fold(&r.id), shown.as_str()))
            .collect();
        let short_typed = short(id);
        let mut near: Vec<&str> = Vec::new();
        for key in [id, short_typed] {
            let keys: Vec<&str> = folded.iter().map(|(k, _)| k.as_str()).collect();
            for k in suggest::nearest(key, keys.iter().copied(), 3) {
                if let Some((_, shown)) = folded.iter().find(|(f, _)| f == k)
                    && !near.contains(shown)
                {
                    near.push(shown);
                }
            }
            let shorts: Vec<&str> = folded.iter().map(|(k, _)| short(k)).collect();
            for k in suggest::nearest(key, shorts.iter().copied(), 3) {
                if let Some((_, shown)) = folded.iter().find(|(f, _)| short(f) == k)
                    && !near.contains(shown)
                {
                    near.push(shown);
                }
            }
        }
        near.truncate(3);
        near.into_iter().map(str::to_string).collect()
    }

    /// Canonical ids that a partly typed id could become, in catalog order by
    /// scheme: `a.7.1` → A.7.1, A.7.10 ... A.7.14. For completion.
    pub fn complete(&self, typed: &str, max: usize) -> Vec<ControlRef> {
        let folded = fold(typed.trim());
        let (scheme, id) = match folded.split_once(':') {
            Some((s, id)) => (self.schemes.get(s).map(String::as_str), id.to_string()),
            None => (None, folded.clone()),
        };
        if folded.contains(':') && scheme.is_none() {
            return Vec::new();
        }
        let mut out: Vec<ControlRef> = Vec::new();
        for (_, r) in &self.all {
            if scheme.is_some_and(|s| r.scheme != s) {
                continue;
            }
            let f = fold(&r.id);
            if (f.starts_with(&id) || short(&f).starts_with(&id)) && !out.contains(r) {
                out.push(r.clone());
            }
        }
        out.sort_by(|a, b| {
            (a.scheme.as_str(), id_key(&a.id)).cmp(&(b.scheme.as_str(), id_key(&b.id)))
        });
        out.truncate(max);
        out
    }

    /// The known control schemes, for messages.
    pub fn scheme_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.schemes.values().map(String::as_str).collect();
        names.sort();
        names
    }
}

/// A sort key that orders `A.7.2` before `A.7.14`: numbers by value.
pub fn id_key(id: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut number = String::new();
    let mut word = String::new();
    for c in id.chars() {
        if c.is_ascii_digit() {
            if !word.is_empty() {
                out.push((0, std::mem::take(&mut word)));
            }
            number.push(c);
        } else {
            if !number.is_empty() {
                out.push((number.parse().unwrap_or(u32::MAX), String::new()));
                number.clear();
            }
            word.push(c);
        }
    }
    if !number.is_empty() {
        out.push((number.parse().unwrap_or(u32::MAX), String::new()));
    }
    if !word.is_empty() {
        out.push((0, word));
    }
    out
}

/// Why a typed group of controls does not name one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupError {
    /// Neither one control nor a range: why it is not one control.
    Control(String, Unresolved),
    /// The two ends are in different schemes.
    Schemes(ControlRef, ControlRef),
    /// The two ends are at different levels of their scheme: (end, depth) each.
    Levels((ControlRef, usize), (ControlRef, usize)),
}

impl GroupError {
    /// The sentence in both languages; `typed` is the whole group as typed.
    pub fn both(&self, typed: &str, schemes: &[&str]) -> crate::diag::Message {
        let shown = crate::text::line(typed.trim());
        match self {
            GroupError::Control(part, e) => e.both(part, schemes),
            GroupError::Schemes(a, b) => crate::msg!(
                "`{shown}`: 範囲の両端は同じ体系の管理策にします（{a} と {b} は別の体系です）",
                "`{shown}`: a range runs between two controls of one scheme ({a} and {b} are not)"
            ),
            GroupError::Levels((a, da), (b, db)) => {
                let level = |d: usize| {
                    if d == 0 {
                        ("テーマ・区分", "is a theme or category")
                    } else {
                        ("その下の項目", "is under one")
                    }
                };
                let ((la_ja, la_en), (lb_ja, lb_en)) = (level(*da), level(*db));
                crate::msg!(
                    "`{shown}`: 範囲の両端は同じ階層の項目にします（{a} は{la_ja}、{b} は{lb_ja}です）",
                    "`{shown}`: a range runs between two items of one level ({a} {la_en}, {b} {lb_en})"
                )
            }
        }
    }
}

/// What may stand between the two ends of a range: a hyphen (any of the
/// hyphen-like characters), a tilde or wave dash (`~`, `〜`, `～`), or `..`.
fn range_marks(typed: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in typed.char_indices() {
        if c == '-' || is_hyphen_like(c) || matches!(c, '~' | '〜' | '～' | '\u{2013}' | '\u{2014}')
        {
            out.push((i, i + c.len_utf8()));
        } else if typed[i..].starts_with("..") {
            out.push((i, i + 2));
        }
    }
    out
}

impl Resolver {
    /// The controls a typed group names, in catalog order: one control in any
    /// spelling [`Resolver::resolve`] reads, or a range `FROM-TO` of two
    /// controls of one scheme and one level (`A.5.19-A.5.23`, `a5.19〜a5.23`,
    /// `10-5(1)-10-5(4)`, `iso27001:A.5.19..A.5.23`; the second end may leave
    /// out the scheme), meaning every item of that level from one to the
    /// other. A range written backwards is read in catalog order.
    pub fn group(&self, catalogs: &Catalogs, typed: &str) -> Result<Vec<ControlRef>, GroupError> {
        let single = match self.resolve(typed) {
            Ok(r) => return Ok(vec![r]),
            Err(e) => e,
        };
        // The splits whose first end names a control, the last one first:
        // `10-5-1-10-5-9` is reported as `10-5-9` unknown, not `1-10-5-9`.
        let mut tried: Option<(String, Unresolved)> = None;
        for (start, end) in range_marks(typed).into_iter().rev() {
            let (left, right) = (typed[..start].trim(), typed[end..].trim());
            if left.is_empty() || right.is_empty() {
                continue;
            }
            let Some(a) = self.lookup(left) else { continue };
            // The second end in the first one's scheme, else in any.
            let b = if right.contains(':') {
                self.resolve(right)
            } else {
                self.resolve(&format!("{}:{right}", a.scheme))
                    .or_else(|e| self.lookup(right).ok_or(e))
            };
            match b {
                Ok(b) => return self.range(catalogs, a, b),
                Err(e) => {
                    if tried.is_none() {
                        tried = Some((right.to_string(), e));
                    }
                }
            }
        }
        Err(match tried {
            Some((part, e)) => GroupError::Control(part, e),
            None => GroupError::Control(typed.trim().to_string(), single),
        })
    }

    fn range(
        &self,
        catalogs: &Catalogs,
        a: ControlRef,
        b: ControlRef,
    ) -> Result<Vec<ControlRef>, GroupError> {
        if a.scheme != b.scheme {
            return Err(GroupError::Schemes(a, b));
        }
        let Some(catalog) = catalogs.scheme(&a.scheme) else {
            return Ok(vec![a]);
        };
        let flat = catalog.flatten();
        let at = |r: &ControlRef| flat.iter().position(|(_, item)| item.id == r.id);
        let (Some(pa), Some(pb)) = (at(&a), at(&b)) else {
            return Ok(vec![a]);
        };
        let (da, db) = (flat[pa].0, flat[pb].0);
        if da != db {
            return Err(GroupError::Levels((a, da), (b, db)));
        }
        let (from, to) = (pa.min(pb), pa.max(pb));
        Ok(flat[from..=to]
            .iter()
            .filter(|(d, _)| *d == da)
            .map(|(_, item)| ControlRef::new(&a.scheme, &item.id))
            .collect())
    }
}

/// Resolves a typed group of controls (one, or a range) against the loaded
/// catalogs, as a message on failure. See [`Resolver::group`].
pub fn resolve_group(
    catalogs: &Catalogs,
    typed: &str,
) -> Result<Vec<ControlRef>, crate::diag::Message> {
    let resolver = Resolver::new(catalogs);
    resolver
        .group(catalogs, typed)
        .map_err(|e| e.both(typed, &resolver.scheme_names()))
}

/// Resolves a typed control id against the loaded catalogs, as a message on failure.
pub fn resolve(catalogs: &Catalogs, typed: &str) -> Result<ControlRef, crate::diag::Message> {
    let resolver = Resolver::new(catalogs);
    resolver
        .resolve(typed)
        .map_err(|e| e.both(typed, &resolver.scheme_names()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("ppc:10-5(4)"), "ppc:10-5-4");
        assert_eq!(fold("１０－５（４）"), "10-5-4");
        assert_eq!(fold(" A.7.14 "), "a.7.14");
        assert_eq!(short("a.7.14"), "7.14");
        assert_eq!(short("a7.14"), "7.14");
        assert_eq!(short("r-4-2"), "r-4-2");
        assert_eq!(short("10-5-4"), "10-5-4");
    }

    fn catalogs() -> Catalogs {
        crate::load::load(&[crate::load::Input::Bundled], &[])
            .casebook
            .catalogs
    }

    fn ids(refs: &[ControlRef]) -> Vec<String> {
        refs.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_range_names_every_item_of_its_level_between_its_ends() {
        let c = catalogs();
        let r = Resolver::new(&c);
        let five = vec![
            "iso27001:A.5.19",
            "iso27001:A.5.20",
            "iso27001:A.5.21",
            "iso27001:A.5.22",
            "iso27001:A.5.23",
        ];
        for typed in [
            "A.5.19-A.5.23",
            "a5.19〜a5.23",
            "5.19～5.23",
            "A.5.19 - A.5.23",
            "A.5.19..A.5.23",
            "iso27001:A.5.19-iso27001:A.5.23",
            "iso27001:A.5.19-A.5.23",
            "A.5.23–A.5.19",
            "Ａ．５．１９〜Ａ．５．２３",
        ] {
            assert_eq!(ids(&r.group(&c, typed).unwrap()), five, "{typed}");
        }
        assert_eq!(
            ids(&r.group(&c, "A.7.14").unwrap()),
            vec!["iso27001:A.7.14"]
        );
        assert_eq!(
            ids(&r.group(&c, "A.7.13-A.8.2").unwrap()),
            vec![
                "iso27001:A.7.13",
                "iso27001:A.7.14",
                "iso27001:A.8.1",
                "iso27001:A.8.2"
            ],
            "across themes, the controls only"
        );
        assert_eq!(
            ids(&r.group(&c, "A.6-A.7").unwrap()),
            vec!["iso27001:A.6", "iso27001:A.7"]
        );
        // PPC ids hold hyphens themselves.
        assert_eq!(
            ids(&r.group(&c, "10-5(1)-10-5(4)").unwrap()),
            vec!["ppc:10-5-1", "ppc:10-5-2", "ppc:10-5-3", "ppc:10-5-4"]
        );
        assert_eq!(ids(&r.group(&c, "10-5-4").unwrap()), vec!["ppc:10-5-4"]);
    }

    #[test]
    fn a_range_that_is_none_says_why() {
        let c = catalogs();
        let r = Resolver::new(&c);
        assert!(matches!(
            r.group(&c, "A.5.19-10-5-4"),
            Err(GroupError::Schemes(a, b)) if a.id == "A.5.19" && b.id == "10-5-4"
        ));
        assert!(matches!(
            r.group(&c, "A.5-A.5.3"),
            Err(GroupError::Levels((_, 0), (_, 1)))
        ));
        assert!(matches!(
            r.group(&c, "A.5.19-A.5.99"),
            Err(GroupError::Control(part, Unresolved::Unknown { .. })) if part == "A.5.99"
        ));
        assert!(matches!(
            r.group(&c, "10-5-1-10-5-9"),
            Err(GroupError::Control(part, _)) if part == "10-5-9"
        ));
        assert!(matches!(
            r.group(&c, "nothing"),
            Err(GroupError::Control(part, _)) if part == "nothing"
        ));
    }

    #[test]
    fn numbers_sort_by_value() {
        let mut ids = vec!["A.7.14", "A.7.2", "A.7.10", "A.7.1"];
        ids.sort_by_key(|i| id_key(i));
        assert_eq!(ids, vec!["A.7.1", "A.7.2", "A.7.10", "A.7.14"]);
    }
}
