//! Loading the catalogs: the bundled ones and every `catalogs/*.yaml` that
//! belongs to an input, with the hash of all their files that cache entries
//! are validated against.

use std::collections::HashSet;
use std::path::PathBuf;

use super::input::{BUNDLED_PREFIX, Input, canonical, with_line};
use super::{read, walk};
use crate::bundled;
use crate::catalog::{self, Catalogs};
use crate::diag::{Diagnostic, Message, phrase};
use crate::fields::Ctx;
use crate::text;
use crate::yaml::{self, Pos};

/// The bundled catalogs, then every `catalogs/*.yaml` that belongs to an input.
pub(super) fn load_catalogs(
    inputs: &[Input],
    extra: &[PathBuf],
    bundled: bool,
    diags: &mut Vec<Diagnostic>,
) -> (Catalogs, u128) {
    let mut catalogs = Catalogs::default();
    // Report-rules files are read last, when the sectors they name are known.
    let mut rules: Vec<(String, yaml::Node)> = Vec::new();
    // What the cases are validated against: every catalog file's name and text.
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    if bundled {
        for (path, text) in bundled::FILES
            .iter()
            .filter(|(p, _)| p.starts_with("catalogs/"))
        {
            add_catalog(
                &mut catalogs,
                &format!("{BUNDLED_PREFIX}{path}"),
                Ok(text),
                diags,
                &mut hash,
                &mut rules,
            );
        }
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    for input in inputs {
        match input {
            Input::Bundled => {}
            Input::Dir(dir) => {
                dirs.push(dir.join("catalogs"));
                // `ROOT/cases` (or a folder in it) given alone: ROOT's catalogs.
                dirs.extend(walk::casebook_root_of_dir(dir).map(|root| root.join("catalogs")));
            }
            Input::File(file) => {
                dirs.extend(walk::casebook_root(file).map(|root| root.join("catalogs")))
            }
        }
    }
    dirs.extend(extra.iter().map(|d| d.join("catalogs")));
    let mut seen = HashSet::new();
    for dir in dirs.into_iter().filter(|d| d.is_dir()) {
        if !seen.insert(canonical(&dir)) {
            continue;
        }
        for file in walk::yaml_files_in(&dir, diags) {
            let shown = text::path(&file);
            let bytes = read::read_file(&file);
            let text = bytes
                .as_deref()
                .map_err(|e| (e.line, e.message.clone()))
                .and_then(|b| read::decode(b).map_err(|e| (e.line, e.message)));
            add_catalog(&mut catalogs, &shown, text, diags, &mut hash, &mut rules);
        }
    }
    for (shown, root) in rules {
        let mut ctx = Ctx::new(&shown);
        let sectors = catalogs.of_kind(catalog::Kind::Sectors).cloned();
        for rule in crate::rules::from_node(
            &mut ctx,
            &root,
            sectors.as_ref().map(|c| c as &dyn crate::rules::Sectors),
        ) {
            catalogs.rules.add(rule);
        }
        diags.extend(ctx.diags);
    }
    (catalogs, hash.digest128())
}

fn add_catalog(
    catalogs: &mut Catalogs,
    shown: &str,
    text: Result<&str, (Option<u32>, Message)>,
    diags: &mut Vec<Diagnostic>,
    hash: &mut xxhash_rust::xxh3::Xxh3,
    rules: &mut Vec<(String, yaml::Node)>,
) {
    for part in [shown, "\0", text.as_ref().map_or("\u{1}", |t| t), "\0"] {
        hash.update(part.as_bytes());
    }
    let text = match text {
        Ok(t) => t,
        Err((line, message)) => {
            diags.push(with_line(Diagnostic::error(shown, message), line));
            return;
        }
    };
    let mut ctx = Ctx::new(shown);
    match yaml::parse(text) {
        Err(e) => ctx.error(e.pos, e.message),
        Ok(None) => ctx.error(
            Pos { line: 1, col: 1 },
            phrase("分類表のファイルが空です", "the catalog file is empty"),
        ),
        Ok(Some(root)) if crate::rules::is_rules_file(&root) => {
            rules.push((shown.to_string(), root));
        }
        Ok(Some(root)) => {
            let added = match catalog::from_node(&mut ctx, &root) {
                Some(catalog) => catalogs
                    .add(catalog)
                    .map_err(|reason| ctx.error(root.pos, reason)),
                None => Err(()),
            };
            if added.is_err()
                && let Some(scheme) = catalog::scheme_named(&root)
            {
                catalogs.add_failed(&scheme, shown);
            }
        }
    }
    diags.extend(ctx.diags);
}
