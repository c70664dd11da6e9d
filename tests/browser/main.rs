//! The browser: keys in, state and whole screens out, on small fixture
//! casebooks of the tests' own (tests/fixtures/casebooks/), and the real
//! binary in a pseudo-terminal.
//!
//! One test binary for the area, one module per subject.

#[path = "../common/mod.rs"]
mod common;

mod browser_documents;
mod e2e;
mod english;
mod japanese;
mod keys;
mod live_reload;
mod ops;
mod screen;
mod tui;
mod tui_answers;
