//! The command line: `validate`, search, the answers (coverage, statistics,
//! similar cases, filters), a team's own incidents (`triage`, `report`,
//! `due`), every message in both languages, and output that goes to closed
//! pipes and full disks.
//!
//! One test binary for the area, one module per subject.

#[path = "../common/mod.rs"]
mod common;

mod answers;
mod messages;
mod output;
mod review;
mod search;
mod triage;
mod validate;
