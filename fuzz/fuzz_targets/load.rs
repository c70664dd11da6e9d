//! Any bytes as a case file: decoding, YAML parsing and validation never panic,
//! and a case that loads holds no control characters.
#![no_main]

use std::sync::OnceLock;

use casebook::catalog::Catalogs;
use casebook::load::{Input, load, parse_text, read};
use libfuzzer_sys::fuzz_target;

fn catalogs() -> &'static Catalogs {
    static CATALOGS: OnceLock<Catalogs> = OnceLock::new();
    CATALOGS.get_or_init(|| load(&[Input::Bundled], &[]).casebook.catalogs)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = read::decode(data) else { return };
    let (case, diags) = parse_text("fuzz.yaml", text, catalogs());
    assert!(case.is_some() || diags.iter().any(|d| d.is_error()));
    if let Some(case) = case {
        let text = format!("{}{}{}", case.title, case.organization, case.summary);
        assert!(text.chars().all(|c| !c.is_control() || c == '\n'));
    }
});
