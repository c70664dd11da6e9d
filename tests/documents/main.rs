//! Documents and exports: every renderer from one document model, golden
//! texts on fixture cases, Word/Excel/CSV and PowerPoint decks opened as
//! files, pandoc and LibreOffice reading them, safe links, and where
//! `export --out` may write.
//!
//! One test binary for the area, one module per subject.

#[path = "../common/mod.rs"]
mod common;

mod documents;
mod export;
mod export_targets;
mod links;
mod office;
mod pandoc;
mod slides;
