//! The bundled casebook: public incidents, complete and sensibly mapped.
//! These tests hold for whatever cases it holds (they count nothing); the
//! facts an audit fixed in particular cases are pinned below by their ids.

use casebook::load::{Input, load};
use casebook::model::{ControlRef, Origin};

fn bundled() -> casebook::load::Loaded {
    load(&[Input::Bundled], &[])
}

/// The names of the case files under casebook/cases, without `.yaml`, sorted.
fn file_stems() -> Vec<String> {
    let mut stems = Vec::new();
    let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("casebook/cases")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                stems.push(path.file_stem().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    stems.sort();
    stems
}

#[test]
fn loads_with_zero_diagnostics_and_every_file_is_a_case() {
    let loaded = bundled();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let mut ids: Vec<&str> = loaded
        .casebook
        .entries()
        .iter()
        .map(|e| e.case.id.as_str())
        .collect();
    ids.sort();
    assert_eq!(ids, file_stems(), "one case per file, named by its id");
}

/// Citations name cases by id: a case once published here keeps its id.
#[test]
fn the_first_cases_keep_their_ids() {
    let loaded = bundled();
    for id in [
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
    ] {
        assert!(loaded.casebook.get(id).is_some(), "{id} is gone");
    }
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
                .ends_with(&format!("/{}/{}.yaml", case.date().date().year, case.id)),
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

/// Words a measure about disposing of or reusing equipment speaks of.
const DISPOSAL: &[&str] = &[
    "廃棄",
    "処分",
    "再利用",
    "消去",
    "抹消",
    "初期化",
    "破砕",
    "破壊",
    "譲渡",
    "売却",
    "返却",
    "転用",
];

#[test]
fn the_disposal_control_holds_the_disposal_cases() {
    let loaded = bundled();
    let r = ControlRef::parse("iso27001:A.7.14").unwrap();
    let under = loaded.casebook.under_control(&r);
    for id in ["bandai-spirits-hdd-2024", "kesennuma-hospital-pos-2024"] {
        let i = loaded.casebook.index_of(id).unwrap();
        assert!(under.contains(&i), "{id} should sit under A.7.14");
    }
    // And only cases whose measure under it is about disposal or reuse.
    for &i in under {
        let case = &loaded.casebook.entries()[i].case;
        assert!(
            case.measures
                .iter()
                .filter(|m| m.controls.contains(&r))
                .any(|m| DISPOSAL.iter().any(|w| m.text.contains(w))),
            "{}: no measure under A.7.14 speaks of disposal or reuse",
            case.id
        );
    }
}

// ----- facts an audit against the source notices fixed ------------------------------

fn case<'a>(loaded: &'a casebook::load::Loaded, id: &str) -> &'a casebook::model::Case {
    &loaded.casebook.get(id).unwrap().case
}

fn controls(m: &casebook::model::Measure) -> Vec<String> {
    m.controls.iter().map(|c| c.to_string()).collect()
}

#[test]
fn bandai_states_the_counts_the_notice_gives() {
    let loaded = bundled();
    let affected = case(&loaded, "bandai-spirits-hdd-2024")
        .affected
        .clone()
        .unwrap();
    assert_eq!(affected.records, Some(233 + 1951));
    assert!(
        affected
            .data
            .contains(&"メールアドレス（233件）".to_string())
    );
    assert!(
        affected
            .data
            .contains(&"住所・氏名・電話番号（1,951件）".to_string())
    );
}

#[test]
fn kesennuma_is_published_by_the_city_and_its_lessons_are_learned() {
    let loaded = bundled();
    let c = case(&loaded, "kesennuma-hospital-pos-2024");
    assert_eq!(c.organization, "気仙沼市立病院");
    assert_eq!(c.sources[0].publisher, "気仙沼市");
    let sharing = c
        .measures
        .iter()
        .find(|m| m.text.contains("全職員に共有"))
        .unwrap();
    assert!(controls(sharing).contains(&"iso27001:A.5.27".to_string()));
    // The junk-parts route was reported for units 2 and 3; unit 1's route was not found.
    let route = c
        .root_causes
        .iter()
        .find(|r| r.text.contains("ジャンク品"))
        .unwrap();
    assert!(route.text.contains("2号機・3号機"), "{}", route.text);
    assert!(
        route
            .text
            .contains("1号機は委託事業者から出品者までの経路が分からなかった")
    );
}

#[test]
fn every_mic_measure_is_required_by_the_ministry() {
    let loaded = bundled();
    let c = case(&loaded, "mic-yahoo-naver-2023");
    assert_eq!(c.measures.len(), 13);
    for m in &c.measures {
        assert_eq!(m.origin, Origin::Required, "{}", m.text);
        assert_eq!(m.by.as_deref(), Some("総務省"), "{}", m.text);
    }
}

#[test]
fn the_consultancy_announced_the_aeon_measures() {
    let loaded = bundled();
    let c = case(&loaded, "aeon-consultant-leak-2022");
    for m in c.measures.iter().filter(|m| m.origin != Origin::Editorial) {
        assert_eq!(m.origin, Origin::Reported, "{}", m.text);
        assert_eq!(
            m.by.as_deref(),
            Some("デロイトトーマツコンサルティング"),
            "{}",
            m.text
        );
    }
}

#[test]
fn the_prefecture_requires_the_school_measures() {
    let loaded = bundled();
    for id in [
        "sakado-deaf-school-video-2023",
        "koshigaya-higashi-grades-2024",
    ] {
        let m = &case(&loaded, id).measures[0];
        assert_eq!(
            (m.origin, m.by.as_deref()),
            (Origin::Required, Some("埼玉県"))
        );
    }
}

#[test]
fn iwate_says_the_88_images_were_of_surveys_and_events() {
    let loaded = bundled();
    let c = case(&loaded, "iwate-labour-bureau-camera-2013");
    assert!(
        c.title.contains("調査とイベントの未消去画像88枚"),
        "{}",
        c.title
    );
    let on_person = c
        .measures
        .iter()
        .find(|m| m.text.contains("身につけて"))
        .unwrap();
    assert!(controls(on_person).contains(&"ppc:10-5-2".to_string()));
}

#[test]
fn amagasaki_keeps_the_citys_own_security_management_measure() {
    let loaded = bundled();
    let c = case(&loaded, "amagasaki-usb-2022");
    let m = c
        .measures
        .iter()
        .find(|m| m.text.contains("セキュリティマネジメント"))
        .unwrap();
    assert_eq!((m.origin, m.by.as_deref()), (Origin::Reported, None));
    assert_eq!(
        controls(m),
        ["iso27001:A.5.1", "iso27001:A.5.36", "ppc:10-3"]
    );
}

#[test]
fn amagasakis_expert_suggested_his_measures_and_announced_none() {
    let loaded = bundled();
    let c = case(&loaded, "amagasaki-usb-2022");
    let his: Vec<_> = c
        .measures
        .iter()
        .filter(|m| m.by.as_deref() == Some("須賀祐治氏（インターネットイニシアティブ）"))
        .collect();
    assert_eq!(his.len(), 2);
    for m in his {
        assert_eq!(m.origin, Origin::Suggested, "{}", m.text);
    }
}

#[test]
fn osaka_geisou_maps_storage_and_the_contractor_to_what_they_are() {
    let loaded = bundled();
    let c = case(&loaded, "osaka-geisou-applicants-2013");
    let storage = c.measures.iter().find(|m| m.text.contains("保存")).unwrap();
    assert!(
        !controls(storage).contains(&"ppc:10-6-1".to_string()),
        "{}",
        storage.text
    );
    let contractor = c
        .measures
        .iter()
        .find(|m| m.text.contains("委託先に") && m.text.contains("システム管理"))
        .unwrap();
    assert_eq!(controls(contractor), ["iso27001:A.5.22", "ppc:10-3-2"]);
}

#[test]
fn chofu_cites_the_articles_own_title_and_no_deleted_mail_cause() {
    let loaded = bundled();
    let c = case(&loaded, "chofu-residents-data-2022");
    assert_eq!(
        c.sources[0].title,
        "市道陥没の外環道トンネル工事、市が住民の個人情報漏えい…事業者に面談メモなど26件提供"
    );
    assert!(c.root_causes.iter().all(|r| !r.text.contains("メール")));
    // 東日本高速道路 is named only for the separate 2021 disclosure, not the 26 documents.
    for sentence in c.summary.split('。') {
        assert!(
            !(sentence.contains("26件") && sentence.contains("東日本高速道路")),
            "{sentence}"
        );
    }
}

#[test]
fn iwakuni_says_no_leak_has_been_confirmed_not_that_none_was() {
    let loaded = bundled();
    let c = case(&loaded, "iwakuni-school-tablet-2022");
    assert!(
        c.summary
            .contains("外部への情報流出は、これまでのところ確認されていない")
    );
    assert!(
        c.response.iter().all(|r| !r.contains("流出")),
        "{:?}",
        c.response
    );
}

#[test]
fn koshigaya_is_dated_only_as_precisely_as_its_sources() {
    let loaded = bundled();
    let c = case(&loaded, "koshigaya-higashi-grades-2024");
    assert_eq!(c.published.unwrap().to_string(), "2024");
    assert_eq!(c.sources[0].date.unwrap().to_string(), "2024");
}

#[test]
fn management_errors_are_the_ones_the_sources_state() {
    let loaded = bundled();
    let entries = loaded.casebook.entries();
    let mut with = 0;
    for entry in entries {
        let c = &entry.case;
        let causes: Vec<_> = c
            .root_causes
            .iter()
            .filter(|r| r.category == "mismanagement")
            .collect();
        for r in &causes {
            // Not a catch-all read into the announced measures.
            assert!(
                !r.text.contains("とみられる") && !r.text.contains("発表された対策"),
                "{}: {}",
                c.id,
                r.text
            );
        }
        with += usize::from(!causes.is_empty());
    }
    // Fewer than half: the cause tree says something about most cases.
    assert!(
        with * 2 < entries.len(),
        "{with} of {} cases carry mismanagement",
        entries.len()
    );
}

#[test]
fn the_audit_findings_on_causes_and_deletion_are_fixed() {
    let loaded = bundled();
    let texts = |id: &str| -> Vec<String> {
        case(&loaded, id)
            .root_causes
            .iter()
            .map(|r| r.text.clone())
            .collect()
    };
    // The article does not say whose permission was missing.
    assert!(
        texts("chofu-residents-data-2022")
            .iter()
            .all(|t| !t.contains("住民の許可"))
    );
    // Causes the notices do not name are gone.
    assert!(
        texts("sakado-deaf-school-video-2023")
            .iter()
            .all(|t| !t.contains("外部の動画サイトを使って共有"))
    );
    assert!(
        texts("koshigaya-higashi-grades-2024")
            .iter()
            .all(|t| !t.contains("確かめないまま"))
    );
    // A measure that deletes data after the work cites deletion.
    let c = case(&loaded, "amagasaki-usb-2022");
    for m in c
        .measures
        .iter()
        .filter(|m| m.text.contains("その場で消去"))
    {
        let cited = controls(m);
        assert!(cited.contains(&"iso27001:A.8.10".to_string()), "{}", m.text);
        assert!(cited.contains(&"ppc:10-5-4".to_string()), "{}", m.text);
    }
}

#[test]
fn cases_without_personal_data_cite_no_ppc_item() {
    let loaded = bundled();
    for id in ["aeon-consultant-leak-2022", "tepco-kk-security-info-2022"] {
        for m in &case(&loaded, id).measures {
            assert!(
                m.controls.iter().all(|c| c.scheme != "ppc"),
                "{id}: {}",
                m.text
            );
        }
    }
}

#[test]
fn a_publication_date_not_given_by_the_first_source_says_where_it_comes_from() {
    let loaded = bundled();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("casebook/cases");
    let mut commented = Vec::new();
    for entry in loaded.casebook.entries() {
        let c = &entry.case;
        let text = std::fs::read_to_string(
            root.join(c.date().date().year.to_string())
                .join(format!("{}.yaml", c.id)),
        )
        .unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("published:"))
            .unwrap();
        let has_comment = at > 0 && lines[at - 1].starts_with('#');
        if c.sources[0].date != c.published {
            assert!(has_comment, "{}: say where `published` comes from", c.id);
        }
        if has_comment {
            commented.push(c.id.as_str());
        }
    }
    for id in [
        "aeon-consultant-leak-2022",
        "amagasaki-usb-2022",
        "tepco-kk-security-info-2022",
        "koshigaya-higashi-grades-2024",
    ] {
        assert!(commented.contains(&id), "{id}: the date's source is named");
    }
}

#[test]
fn credited_measures_name_who_required_them() {
    let loaded = bundled();
    for entry in loaded.casebook.entries() {
        for m in &entry.case.measures {
            if m.origin == Origin::Required {
                assert!(m.by.is_some(), "{}: {}", entry.case.id, m.text);
            }
        }
    }
}
