//! The bundled casebook: the 23 public incidents, complete and sensibly mapped.

use casebook::load::{Input, load};
use casebook::model::{ControlRef, Origin};

fn bundled() -> casebook::load::Loaded {
    load(&[Input::Bundled], &[])
}

#[test]
fn loads_with_zero_diagnostics_and_23_cases() {
    let loaded = bundled();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let mut ids: Vec<&str> = loaded
        .casebook
        .entries()
        .iter()
        .map(|e| e.case.id.as_str())
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        vec![
            "aeon-consultant-leak-2022",
            "amagasaki-usb-2022",
            "atleaf-ryosuke-2024",
            "bandai-spirits-hdd-2024",
            "chofu-residents-data-2022",
            "fast-retailing-monitoring-2024",
            "gunma-flower-park-2024",
            "gunma-univ-video-2024",
            "iwakuni-school-tablet-2022",
            "iwate-labour-bureau-camera-2013",
            "kansai-epco-newentrant-2023",
            "kanto-transport-password-2023",
            "kesennuma-hospital-pos-2024",
            "koshigaya-higashi-grades-2024",
            "kyushu-epco-newentrant-2023",
            "mic-yahoo-naver-2023",
            "openwork-realtime-status-2023",
            "osaka-geisou-applicants-2013",
            "osaka-water-p2p-2011",
            "sagawa-private-calls-2023",
            "sakado-deaf-school-video-2023",
            "tepco-kk-security-info-2022",
            "tohoku-epco-newentrant-2023",
        ]
    );
}

#[test]
fn every_case_has_causes_measures_and_controls() {
    let loaded = bundled();
    for entry in loaded.casebook.entries() {
        let case = &entry.case;
        assert!(!case.root_causes.is_empty(), "{}", case.id);
        assert!(!case.measures.is_empty(), "{}", case.id);
        for m in &case.measures {
            assert!(!m.controls.is_empty(), "{}: {}", case.id, m.text);
        }
        assert!(!case.sources.is_empty(), "{}", case.id);
        let editorial = case
            .measures
            .iter()
            .filter(|m| m.origin == Origin::Editorial)
            .count();
        assert!(
            editorial <= 2,
            "{} has {editorial} editorial measures",
            case.id
        );
        assert!(
            entry
                .path
                .ends_with(&format!("/{}/{}.yaml", case.published.year, case.id)),
            "{}",
            entry.path
        );
    }
}

fn cites(loaded: &casebook::load::Loaded, id: &str, control: &str) -> bool {
    let r = ControlRef::parse(control).unwrap();
    loaded
        .casebook
        .under_control(&r)
        .contains(&loaded.casebook.index_of(id).unwrap())
}

#[test]
fn mapping_is_sensible_to_an_auditor() {
    let loaded = bundled();
    for (id, controls) in [
        (
            "kesennuma-hospital-pos-2024",
            ["iso27001:A.7.14", "ppc:10-5-4"],
        ),
        ("bandai-spirits-hdd-2024", ["iso27001:A.7.14", "ppc:10-5-4"]),
        ("amagasaki-usb-2022", ["iso27001:A.7.10", "ppc:10-5-3"]),
        ("atleaf-ryosuke-2024", ["iso27001:A.8.5", "ppc:10-6-2"]),
        ("atleaf-ryosuke-2024", ["iso27001:A.8.3", "ppc:10-6-1"]),
    ] {
        for c in controls {
            assert!(cites(&loaded, id, c), "{id} should sit under {c}");
        }
    }
}

#[test]
fn the_disposal_control_holds_the_disposal_cases() {
    let loaded = bundled();
    let r = ControlRef::parse("iso27001:A.7.14").unwrap();
    let mut ids: Vec<&str> = loaded
        .casebook
        .under_control(&r)
        .iter()
        .map(|&i| loaded.casebook.entries()[i].case.id.as_str())
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        vec!["bandai-spirits-hdd-2024", "kesennuma-hospital-pos-2024"]
    );
}
