//! The command line: `validate`, search, the answers (coverage, statistics,
//! similar cases, filters), every message in both languages, and output
//! that goes to closed pipes and full disks.
//!
//! One test binary for the area, one module per subject.

#[path = "../common/mod.rs"]
mod common;

mod answers;
mod messages;
mod output;
mod search;
mod validate;
