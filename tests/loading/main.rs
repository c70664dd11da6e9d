//! Loading: the loader's rules, hostile files, special files, the cache,
//! diagnostics in both languages, property tests, and the bundled casebook
//! itself (whatever cases it holds).
//!
//! One test binary for the area, one module per subject.

#[path = "../common/mod.rs"]
mod common;

mod bundled;
mod cache;
mod diagnostics_ja;
mod hostile;
mod loader;
mod properties;
mod special_files;
