//! Writing cases: `casebook new`, `casebook draft` on notices written for
//! the tests, the schema, and (ignored unless asked for, as they read
//! ../shared/seeds beside the checkout) drafts of the seed notices compared
//! with the bundled cases made from them:
//! `cargo test --test authoring -- --ignored draft_seeds`.
//!
//! One test binary for the area, one module per subject.

#[path = "../common/mod.rs"]
mod common;

mod authoring;
mod draft;
mod draft_seeds;
mod measures;
mod schema;
