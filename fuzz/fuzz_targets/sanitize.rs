//! The sanitizer: no control or invisible formatting character survives, and
//! cleaning twice changes nothing.
#![no_main]

use casebook::text::{Lines, clean, is_invisible_format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    for lines in [Lines::Keep, Lines::Join] {
        let out = clean(s, lines);
        assert!(out.chars().all(|c| !(c.is_control() && !(c == '\n' && lines == Lines::Keep)) && !is_invisible_format(c)));
        assert_eq!(clean(&out, lines), out);
    }
});
