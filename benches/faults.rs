//! Two costs that used to grow too fast with hostile input:
//!
//! - loading a 1 MiB team catalog (about 35,000 items): its duplicate-id check;
//! - a key in the `!` load-problem panel with 80,000 diagnostics: the panel
//!   used to wrap every diagnostic on every frame;
//! - "did you mean" for a 10,000-character id among 10,000 case ids (`show`,
//!   `cite`, `similar` of an id not found);
//! - a Statement of Applicability of 20,000 entries for a catalog of 20,000
//!   items: reading it, and coverage against it.
//!
//! ```sh
//! cargo bench --bench faults
//! ```
//!
//! A plain binary (`harness = false`); medians of a few runs, in milliseconds.
//! It uses only the library's public API, so the same file measures older
//! versions too.

use std::io::Write;
use std::time::{Duration, Instant};

use casebook::diag::Diagnostic;
use casebook::load::{self, Input};
use casebook::tui::action::Action;
use casebook::tui::app::{App, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    if !benching {
        // `cargo test` runs bench binaries too: nothing to measure there.
        return;
    }
    let mut out = std::io::stdout().lock();

    // A team casebook with one catalog of just under 1 MiB.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("catalogs")).unwrap();
    std::fs::create_dir_all(dir.path().join("cases")).unwrap();
    let mut catalog =
        String::from("scheme: big\nkind: controls\ntitle: {ja: 大きな規程, en: Big}\nitems:\n");
    let mut n = 0;
    while catalog.len() < 1_000_000 {
        n += 1;
        catalog.push_str(&format!("  - {{id: R-{n:06}, ja: 規程の項目{n}}}\n"));
    }
    std::fs::write(dir.path().join("catalogs/big.yaml"), &catalog).unwrap();
    let inputs = [Input::Dir(dir.path().to_path_buf())];
    let times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let loaded = load::load(&inputs, &[]);
            let elapsed = start.elapsed();
            assert!(loaded.casebook.catalogs.scheme("big").is_some());
            elapsed
        })
        .collect();
    let _ = writeln!(
        out,
        "load a {} KiB catalog of {n} items: {:.1} ms (median of 5)",
        catalog.len() / 1024,
        median(times)
    );

    // 80,000 diagnostics in the `!` panel at 120 x 40: open it, then keys.
    let diags: Vec<Diagnostic> = (0..80_000)
        .map(|i| {
            Diagnostic::error(
                format!("our-casebook/cases/2024/case-{i:05}.yaml"),
                casebook::diag::Message::new(
                    "不明な項目 `secter` です（`sector` の誤りでは？）",
                    "unknown field `secter`; did you mean `sector`? (a sector id from catalogs/sectors.yaml)",
                ),
            )
            .at(4, 1)
        })
        .collect();
    let book = load::load(&[Input::Bundled], &[]).casebook;
    let mut app = App::new(book, diags, Options::default());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let start = Instant::now();
    app.update(Action::ShowDiagnostics);
    terminal
        .draw(|f| casebook::tui::view::draw(f, &app))
        .unwrap();
    let open = start.elapsed();
    let keys: Vec<Duration> = (0..20)
        .map(|i| {
            let start = Instant::now();
            app.update(if i % 5 == 4 {
                Action::PageDown
            } else {
                Action::Down
            });
            terminal
                .draw(|f| casebook::tui::view::draw(f, &app))
                .unwrap();
            start.elapsed()
        })
        .collect();
    let _ = writeln!(
        out,
        "`!` panel with 80,000 diagnostics: open {:.1} ms, then a key (update and draw) {:.2} ms (median of 20)",
        open.as_secs_f64() * 1000.0,
        median(keys)
    );

    // "Did you mean" for a 10,000-character id among 10,000 ids.
    let ids: Vec<String> = (0..10_000)
        .map(|i| format!("team-case-{i:05}-2024"))
        .collect();
    let long = format!("team-case-00042-2024{}", "x".repeat(10_000));
    let times: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let near = casebook::suggest::nearest(&long, ids.iter().map(String::as_str), 3);
            let elapsed = start.elapsed();
            assert!(near.len() <= 3);
            elapsed
        })
        .collect();
    let _ = writeln!(
        out,
        "nearest ids of a 10,000-character id among 10,000: {:.1} ms (median of 3)",
        median(times)
    );

    // A catalog of 20,000 items and a statement of applicability naming each.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("catalogs")).unwrap();
    std::fs::create_dir_all(dir.path().join("cases")).unwrap();
    let mut catalog =
        String::from("scheme: big\nkind: controls\ntitle: {ja: 大きな規程, en: Big}\nitems:\n");
    let mut soa = String::from("soa:\n");
    for n in 1..=20_000 {
        catalog.push_str(&format!("  - {{id: R-{n:06}, ja: 規程の項目{n}}}\n"));
        soa.push_str(&if n % 3 == 0 {
            format!("  - {{control: big:R-{n:06}, applicable: false, reason: 対象外{n}}}\n")
        } else {
            format!("  - {{control: big:R-{n:06}, applicable: true}}\n")
        });
    }
    std::fs::write(dir.path().join("catalogs/big.yaml"), &catalog).unwrap();
    let loaded = load::load(&[Input::Bundled, Input::Dir(dir.path().to_path_buf())], &[]);
    let book = loaded.casebook;
    let start = Instant::now();
    let (statement, diags) = casebook::answers::soa::parse("soa.yaml", &soa, &book.catalogs);
    let parse = start.elapsed();
    assert!(diags.is_empty(), "{} diagnostics", diags.len());
    let statement = statement.unwrap();
    assert_eq!(statement.entries.len(), 20_000);
    let times: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let rows = casebook::answers::coverage::rows(
                &book,
                &["big"],
                Some(&statement),
                None,
                casebook::lang::Lang::Ja,
            );
            let elapsed = start.elapsed();
            assert_eq!(rows.len(), 20_000);
            elapsed
        })
        .collect();
    let _ = writeln!(
        out,
        "a statement of 20,000 entries: read {:.1} ms; coverage of 20,000 items against it {:.1} ms (median of 3)",
        parse.as_secs_f64() * 1000.0,
        median(times)
    );
}
