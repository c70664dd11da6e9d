//! Loading: the bundled casebook, the user's directory and each `--casebook DIR`
//! → parsed, validated cases and catalogs, plus a diagnostic for every problem.
//! A bad file is skipped; everything else loads.

mod cached;
pub mod case;
mod catalogs;
mod incident;
mod input;
mod jobs;
pub mod layout;
mod measure;
mod outcome;
mod parallel;
mod parse;
mod parts;
pub mod read;
pub mod sniff;
mod value;
mod walk;

use cached::save_caches;
pub use cached::{IndexFile, IndexSource};
use catalogs::load_catalogs;
use input::canonical;
pub use input::{BUNDLED_PREFIX, Input};
use parallel::parse_all;
pub use parse::{parse_file, parse_text, reread};
pub use parts::duplicate_id;
pub use walk::{case_files_under, casebook_root};

use std::path::{Path, PathBuf};

use crate::cache;
use crate::casebook::Casebook;
use crate::diag::Diagnostic;

/// The result of loading: what loaded and what did not.
pub struct Loaded {
    pub casebook: Casebook,
    pub diagnostics: Vec<Diagnostic>,
    /// One line each: cache entries that could not be used and were rebuilt.
    pub notices: Vec<crate::diag::Message>,
    /// What the cache did, per directory.
    pub cache: Vec<cache::Stats>,
    /// Where each part of the casebook's search index comes from.
    pub index: Vec<IndexSource>,
}

/// Loads `inputs` in order, without the cache. Catalogs: the bundled ones,
/// those in each input directory's `catalogs/`, and those in `catalog_dirs`.
pub fn load(inputs: &[Input], catalog_dirs: &[PathBuf]) -> Loaded {
    load_with(inputs, catalog_dirs, &cache::Settings::none())
}

/// Loads `inputs` in order, using and refreshing the cache of each directory.
pub fn load_with(inputs: &[Input], catalog_dirs: &[PathBuf], settings: &cache::Settings) -> Loaded {
    // Files are trusted on their keys only when their times are settled
    // relative to this moment (taken before any file is looked at).
    let read_from = cache::key::now();
    crate::casebook::reread_with(reread);
    let mut diags = Vec::new();
    let mut notices = Vec::new();
    // Validating the bundled casebook's own source directory checks the files
    // on disk, not the copy compiled in earlier (which would clash with them).
    let source = bundle_source();
    let on_disk = |i: &Input| match (i, &source) {
        (Input::Dir(p) | Input::File(p), Some(source)) => canonical(p).starts_with(source),
        _ => false,
    };
    let inputs: Vec<Input> = if inputs.iter().any(on_disk) {
        inputs
            .iter()
            .filter(|i| **i != Input::Bundled)
            .cloned()
            .collect()
    } else {
        inputs.to_vec()
    };
    let bundled_catalogs = !inputs.iter().any(on_disk);
    let (catalogs, catalogs_hash) =
        load_catalogs(&inputs, catalog_dirs, bundled_catalogs, &mut diags);

    let (jobs, mut dirs) = jobs::jobs(&inputs, settings, catalogs_hash, &mut diags, &mut notices);
    let nodes = crate::casebook::Nodes::new(&catalogs);
    let outcomes = parse_all(&jobs, &catalogs, &nodes, &dirs);
    let parts::Parts {
        parts,
        pending,
        first_seen,
    } = parts::parts(jobs, outcomes, &catalogs, &nodes, &mut dirs, &mut diags);
    let mut casebook = Casebook::from_parts(catalogs, nodes, parts);
    let index = save_caches(&mut dirs, pending, catalogs_hash, read_from, &mut casebook);
    let cache = dirs
        .iter()
        .filter(|d| d.files.is_some())
        .map(|d| d.stats.clone())
        .collect();
    // A hundred thousand records take a while to free: not on the way to the first output.
    std::thread::spawn(move || drop((dirs, first_seen)));
    Loaded {
        casebook,
        diagnostics: diags,
        notices,
        cache,
        index,
    }
}

/// The directory the bundled casebook was compiled from, when it still exists.
fn bundle_source() -> Option<PathBuf> {
    std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("casebook")).ok()
}
