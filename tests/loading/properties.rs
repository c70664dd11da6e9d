//! Property tests (proptest): the loader, the sanitizer, wrapping and search
//! normalization never panic and keep their promises on arbitrary input. A
//! longer coverage-guided run is in fuzz/ (see docs/reliability.md).

use casebook::catalog::Catalogs;
use casebook::load::{Input, load, parse_text, read};
use casebook::search::normalize;
use casebook::text::{self, Lines};
use casebook::wrap;
use proptest::prelude::*;

fn catalogs() -> &'static Catalogs {
    static CATALOGS: std::sync::OnceLock<Catalogs> = std::sync::OnceLock::new();
    CATALOGS.get_or_init(|| load(&[Input::Bundled], &[]).casebook.catalogs)
}

/// Text that looks like YAML: field names, indentation, flow syntax, anchors,
/// multi-byte and control characters.
fn yamlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("id: ".to_string()),
        Just("title: ".to_string()),
        Just("measures:\n".to_string()),
        Just("  - text: ".to_string()),
        Just("    controls: [iso27001:A.7.14, ppc:10-5-4]\n".to_string()),
        Just("root_causes:\n  - category: loss\n".to_string()),
        Just("published: 2024-02-30\n".to_string()),
        Just("affected: {people: ".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("- ".to_string()),
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just("  ".to_string()),
        Just(": ".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("---\n".to_string()),
        Just("|\n".to_string()),
        Just("紛失".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{202e}".to_string()),
        any::<char>().prop_map(String::from),
        "[a-z0-9-]{1,12}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics_on_yamlish_text(src in yamlish()) {
        let cats = catalogs();
        let (case, diags) = parse_text("x.yaml", &src, cats);
        prop_assert!(case.is_some() || diags.iter().any(|d| d.is_error()), "a rejected file says why");
        for d in &diags {
            prop_assert!(!d.message.en.is_empty() && !d.message.ja.is_empty());
            prop_assert!(d.line.is_none_or(|l| l >= 1));
        }
    }

    #[test]
    fn the_loader_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let cats = catalogs();
        if let Ok(text) = read::decode(&bytes) {
            let _ = parse_text("x.yaml", text, cats);
        }
    }

    #[test]
    fn a_loaded_case_holds_no_control_characters(src in yamlish()) {
        let cats = catalogs();
        if let (Some(case), _) = parse_text("x.yaml", &src, cats) {
            let json = serde_json::to_value(&case).unwrap().to_string();
            prop_assert!(!json.contains("\\u00"), "{json}");
        }
    }

    #[test]
    fn clean_leaves_no_control_or_invisible_characters(s in any::<String>()) {
        for lines in [Lines::Keep, Lines::Join] {
            let out = text::clean(&s, lines);
            for c in out.chars() {
                prop_assert!(!(c.is_control() && !(c == '\n' && lines == Lines::Keep)), "U+{:04X}", c as u32);
                prop_assert!(!text::is_invisible_format(c));
            }
            prop_assert_eq!(text::clean(&out, lines), out.clone(), "idempotent");
        }
    }

    #[test]
    fn wrapped_lines_fit_and_keep_the_text(s in "[a-zあ-ん漢字、。「」 ]{0,200}", width in 2usize..60) {
        let lines = wrap::wrap(&s, width);
        for l in &lines {
            prop_assert!(wrap::width(l) <= width.max(2), "{l:?} wider than {width}");
        }
        let squash = |x: &str| x.chars().filter(|c| *c != ' ').collect::<String>();
        prop_assert_eq!(squash(&lines.concat()), squash(&s));
    }

    #[test]
    fn normalized_positions_map_back_into_the_text(s in any::<String>()) {
        let (chars, map) = normalize(&s);
        let n = s.chars().count();
        if let Some(map) = map {
            prop_assert_eq!(map.len(), chars.len());
            prop_assert!(map.windows(2).all(|w| w[0] <= w[1]));
            prop_assert!(map.iter().all(|&m| (m as usize) < n.max(1)));
        } else {
            prop_assert_eq!(chars.len(), n);
        }
    }
}
