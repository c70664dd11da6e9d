//! casebook: a terminal casebook of real information-security and personal-data
//! incidents, for ISMS (ISO/IEC 27001) and P-mark (JIS Q 15001) staff.
//!
//! Data flows one way: files → [`load`] (parse, validate) → [`casebook::Casebook`]
//! (immutable, indexed) → the CLI commands and the terminal UI.

// Everything printed goes through `out` (clean text, quiet on a closed pipe).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod answers;
pub mod authoring;
pub mod bundled;
pub mod cache;
pub mod calendar;
pub mod casebook;
pub mod catalog;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod control_id;
pub mod date;
pub mod diag;
pub mod document;
pub mod excel;
pub mod export;
pub mod fault;
pub mod fields;
pub mod format;
pub mod lang;
pub mod load;
pub mod model;
pub mod order;
pub mod out;
pub mod plural;
pub mod review;
pub mod rules;
pub mod search;
pub mod sentence;
pub mod suggest;
pub mod temp;
pub mod text;
pub mod tracking;
pub mod triage;
pub mod tui;
pub mod width;
pub mod wrap;
pub mod yaml;
