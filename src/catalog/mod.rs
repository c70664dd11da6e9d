//! Catalogs: the control schemes (ISO/IEC 27001 Annex A, the PPC guideline's
//! safety-management measures, a team's own rules) and the cause and sector
//! vocabularies. The file format is documented in casebook/catalogs/README.md.

use std::collections::HashMap;

use crate::diag::{Message, Phrase, phrase};
use crate::lang::{Label, Lang};
use crate::model::ControlRef;
use crate::msg;
use crate::suggest;

/// What a catalog's ids are used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Referenced from `measures[].controls` as `SCHEME:ID`.
    Controls,
    /// Ids for `root_causes[].category`.
    Causes,
    /// Ids for `sector`.
    Sectors,
    /// Ids for `threats`: a dated list such as IPA's 10 major threats of a
    /// year. Several may be loaded (one per year); a case's id is looked up
    /// in each.
    Threats,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Item {
    pub id: String,
    pub title: Label,
    /// Words of a measure that point to this item (廃棄, 破砕 → A.7.14):
    /// where a draft's suggestions look when no similar measure is known.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Catalog {
    pub scheme: String,
    pub kind: Kind,
    pub title: Label,
    /// A short name for tabs and headings ("ISO 27001").
    pub short: Label,
    pub items: Vec<Item>,
    /// Where it was loaded from.
    #[serde(skip)]
    pub path: String,
    /// id → (path of indices from the top, parent id)
    #[serde(skip)]
    index: HashMap<String, (Vec<usize>, Option<String>)>,
}

impl Catalog {
    pub fn new(
        scheme: &str,
        kind: Kind,
        title: Label,
        short: Label,
        items: Vec<Item>,
        path: &str,
    ) -> Self {
        let mut catalog = Catalog {
            scheme: scheme.into(),
            kind,
            title,
            short,
            items,
            path: path.into(),
            index: HashMap::new(),
        };
        fn walk(
            items: &[Item],
            trail: &mut Vec<usize>,
            parent: Option<&str>,
            index: &mut HashMap<String, (Vec<usize>, Option<String>)>,
        ) {
            for (i, item) in items.iter().enumerate() {
                trail.push(i);
                index
                    .entry(item.id.clone())
                    .or_insert((trail.clone(), parent.map(str::to_string)));
                walk(&item.items, trail, Some(&item.id), index);
                trail.pop();
            }
        }
        let mut index = HashMap::new();
        walk(&catalog.items, &mut Vec::new(), None, &mut index);
        catalog.index = index;
        catalog
    }

    pub fn get(&self, id: &str) -> Option<&Item> {
        let (trail, _) = self.index.get(id)?;
        let mut items = &self.items;
        let mut found = None;
        for &i in trail {
            let item = items.get(i)?;
            found = Some(item);
            items = &item.items;
        }
        found
    }

    /// The id of the node one level up (A.7 for A.7.14), if any.
    pub fn parent(&self, id: &str) -> Option<&str> {
        self.index.get(id)?.1.as_deref()
    }

    /// Every node, depth first, with its depth (0 for the top level).
    pub fn flatten(&self) -> Vec<(usize, &Item)> {
        fn walk<'a>(items: &'a [Item], depth: usize, out: &mut Vec<(usize, &'a Item)>) {
            for item in items {
                out.push((depth, item));
                walk(&item.items, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.items, 0, &mut out);
        out
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.index.keys().map(String::as_str)
    }

    /// The ids nearest to a mistyped one, best first.
    fn nearest(&self, id: &str) -> Vec<&str> {
        let mut ids: Vec<&str> = self.ids().collect();
        ids.sort();
        suggest::nearest(id, ids, 3)
    }

    /// "unknown X `id`; did you mean `a`?" suffix for an id not in this catalog.
    pub fn suggest(&self, id: &str) -> Message {
        suggest::did_you_mean(&self.nearest(id))
    }

    /// The same as [`Catalog::suggest`], with ids written `SCHEME:ID`.
    pub fn suggest_refs(&self, id: &str) -> Message {
        let near: Vec<String> = self
            .nearest(id)
            .iter()
            .map(|i| format!("{}:{i}", self.scheme))
            .collect();
        suggest::did_you_mean(&near.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// `A.7.14 装置のセキュリティを保った処分又は再利用`
    pub fn label(&self, id: &str, lang: Lang) -> Option<String> {
        self.get(id)
            .map(|item| format!("{} {}", item.id, item.title.get(lang)))
    }
}

/// All catalogs loaded: the bundled ones and any a casebook directory adds.
#[derive(Clone, Debug, Default)]
pub struct Catalogs {
    list: Vec<Catalog>,
    /// The report rules (`kind: report-rules` files), overrides applied.
    pub rules: crate::rules::Rules,
    /// Catalog files that failed to load: (the scheme they name, their path).
    failed: Vec<(String, String)>,
}

impl Catalogs {
    /// Records a catalog file that failed to load and the scheme it names.
    pub fn add_failed(&mut self, scheme: &str, path: &str) {
        self.failed.push((scheme.to_string(), path.to_string()));
    }

    /// The path of a catalog file for `scheme` that failed to load, if any
    /// (and no other catalog defines the scheme).
    pub fn failed(&self, scheme: &str) -> Option<&str> {
        if self.scheme(scheme).is_some() {
            return None;
        }
        self.failed
            .iter()
            .find(|(s, _)| s == scheme)
            .map(|(_, p)| p.as_str())
    }

    pub fn all(&self) -> &[Catalog] {
        &self.list
    }

    pub fn scheme(&self, name: &str) -> Option<&Catalog> {
        self.list.iter().find(|c| c.scheme == name)
    }

    pub fn control_schemes(&self) -> impl Iterator<Item = &Catalog> {
        self.list.iter().filter(|c| c.kind == Kind::Controls)
    }

    pub fn of_kind(&self, kind: Kind) -> Option<&Catalog> {
        self.list.iter().find(|c| c.kind == kind)
    }

    /// Every catalog of a kind, in the order loaded (threat lists: one per year).
    pub fn of_kinds(&self, kind: Kind) -> impl Iterator<Item = &Catalog> {
        self.list.iter().filter(move |c| c.kind == kind)
    }

    /// The ids of a vocabulary (causes, sectors, the threat lists together),
    /// in catalog order, each once.
    pub fn vocabulary(&self, kind: Kind) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for item in self.of_kinds(kind).flat_map(|c| &c.items) {
            if !out.contains(&item.id.as_str()) {
                out.push(&item.id);
            }
        }
        out
    }

    /// The title of a threat id: from the newest list that has it (the last
    /// loaded), with that list's short name. None when no list has it.
    pub fn threat(&self, id: &str) -> Option<(&Catalog, &Item)> {
        self.of_kinds(Kind::Threats)
            .filter_map(|c| c.get(id).map(|i| (c, i)))
            .last()
    }

    pub fn control(&self, r: &ControlRef) -> Option<&Item> {
        self.scheme(&r.scheme)
            .filter(|c| c.kind == Kind::Controls)?
            .get(&r.id)
    }

    /// The title of a cause or sector id in the given language (the id when unknown).
    pub fn title_of(&self, kind: Kind, id: &str, lang: Lang) -> String {
        let item = match kind {
            Kind::Threats => self.threat(id).map(|(_, i)| i),
            _ => self.of_kind(kind).and_then(|c| c.get(id)),
        };
        item.map(|i| i.title.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }

    /// Adds a catalog; refuses a scheme name already taken, or a second cause
    /// or sector vocabulary. Returns the reason when refused. An exact copy of
    /// a catalog already loaded (a team that copied the bundled ones) is ignored.
    pub fn add(&mut self, catalog: Catalog) -> Result<(), Message> {
        if let Some(existing) = self.scheme(&catalog.scheme) {
            let same = existing.kind == catalog.kind
                && existing.title == catalog.title
                && existing.items == catalog.items;
            if same {
                return Ok(());
            }
            let (scheme, path) = (&catalog.scheme, &existing.path);
            return Err(msg!(
                "体系 `{scheme}` は {path} で既に定義されています。別の名前にしてください",
                "scheme `{scheme}` is already defined by {path}; choose another name"
            ));
        }
        // Control schemes and threat lists may be added (each a scheme of its
        // own); the cause and sector vocabularies are one each.
        if !matches!(catalog.kind, Kind::Controls | Kind::Threats)
            && let Some(existing) = self.of_kind(catalog.kind)
        {
            let Phrase {
                ja: kind_ja,
                en: kind,
            } = kind_name(catalog.kind);
            let path = &existing.path;
            return Err(msg!(
                "{kind_ja}は {path} で既に定義されています。事例集のディレクトリで加えられるのは管理策の体系（kind: controls）と脅威の一覧（kind: threats）だけです",
                "{kind} are already defined by {path}; a casebook directory may add control schemes (kind: controls) and threat lists (kind: threats) only"
            ));
        }
        self.list.push(catalog);
        Ok(())
    }
}

fn kind_name(kind: Kind) -> Phrase {
    match kind {
        Kind::Controls => phrase("管理策", "controls"),
        Kind::Causes => phrase("原因分類", "cause categories"),
        Kind::Sectors => phrase("業種", "sectors"),
        Kind::Threats => phrase("脅威の一覧", "threat lists"),
    }
}

/// The sector catalog checks the sectors a report rule names.
impl crate::rules::Sectors for Catalog {
    fn has(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    fn suggest(&self, id: &str) -> Message {
        Catalog::suggest(self, id)
    }
}

mod read;

pub use read::{from_node, scheme_named};

pub use crate::text::is_slug;

/// Whether reference `r` names `node` of `catalog` or something below it.
pub fn cites(catalog: &Catalog, r: &ControlRef, node: &str) -> bool {
    if r.scheme != catalog.scheme {
        return false;
    }
    let mut current = Some(r.id.as_str());
    while let Some(id) = current {
        if id == node {
            return true;
        }
        current = catalog.parent(id);
    }
    false
}
