//! Browsing at scale: update + draw per key, replayed on `App` with a
//! TestBackend, at several terminal sizes.
//!
//! ```sh
//! cargo run --release --example gen_casebook -- 50000 /tmp/cb50k
//! cargo bench --bench browse -- /tmp/cb50k
//! ```
//!
//! For each size and each scenario (moving in the list, in the tree, scrolling
//! the detail, switching the classification), every key is timed from
//! `App::update` to the end of `Terminal::draw`. Reports median, p95, p99
//! and max; the target is p95 ≤ 8 ms. A plain binary (`harness = false`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use casebook::load::{self, Input};
use casebook::search::Searcher;
use casebook::tui::action::Action;
use casebook::tui::app::Pane;
use casebook::tui::{App, Options, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/stats.rs"]
mod stats;
use stats::{Stats, ms};

const TARGET_P95: Duration = Duration::from_millis(8);
const SIZES: &[(u16, u16)] = &[(200, 60), (80, 24), (40, 12)];
/// Keys per scenario and size.
const KEYS: usize = 200;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let benching = args.iter().any(|a| a == "--bench");
    let dir = args.iter().find(|a| !a.starts_with("--"));
    if !benching && dir.is_none() {
        // `cargo test --all-targets` runs bench binaries without `--bench`.
        println!("browse bench: skipped (run it with `cargo bench --bench browse -- DIR`)");
        return ExitCode::SUCCESS;
    }
    let dir = PathBuf::from(dir.map_or("/tmp/cb50k", String::as_str));
    if !dir.is_dir() {
        eprintln!(
            "browse bench: no casebook at {}; generate one first:",
            dir.display()
        );
        eprintln!(
            "  cargo run --release --example gen_casebook -- 50000 {}",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let t = Instant::now();
    let loaded = load::load_with(
        &[Input::Dir(dir.clone())],
        &[],
        &casebook::cache::Settings::from_env(),
    );
    let (searcher, _) = Searcher::open(&loaded.casebook, &loaded.index);
    println!(
        "casebook {}: {} cases, loaded in {:.0} ms (with the cache when warm)",
        dir.display(),
        loaded.casebook.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let options = Options {
        theme: Some(casebook::tui::theme::Theme { color: true }),
        ..Options::default()
    };
    let mut app = App::with_searcher(loaded.casebook, loaded.diagnostics, options, searcher);
    println!(
        "{:<10} {:<16} {:>5} {:>9} {:>9} {:>9} {:>9}   p95 ≤ 8 ms",
        "size", "scenario", "keys", "median", "p95", "p99", "max"
    );
    let mut all_met = true;
    for &(w, h) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        for (name, setup, key) in scenarios() {
            for action in setup {
                app.update(action);
            }
            let mut samples = Vec::with_capacity(KEYS);
            for i in 0..KEYS {
                let t = Instant::now();
                app.update(key(i));
                terminal
                    .draw(|frame| view::draw(frame, &app))
                    .expect("draw");
                samples.push(t.elapsed());
            }
            let s = Stats::of(&mut samples);
            let met = s.p95 <= TARGET_P95;
            all_met &= met;
            println!(
                "{:<10} {:<16} {:>5} {:>9} {:>9} {:>9} {:>9}   {}",
                format!("{w}x{h}"),
                name,
                KEYS,
                ms(s.median),
                ms(s.p95),
                ms(s.p99),
                ms(s.max),
                if met { "met" } else { "MISSED" }
            );
        }
    }
    println!("all scenarios: {}", if all_met { "met" } else { "MISSED" });
    ExitCode::SUCCESS
}

type Scenario = (&'static str, Vec<Action>, fn(usize) -> Action);

/// (name, keys to get there, the key replayed).
fn scenarios() -> Vec<Scenario> {
    let focus = |pane: Pane| -> Vec<Action> {
        // From anywhere: back to the tree's top, then Tab to the pane.
        let mut keys = vec![Action::Back, Action::Back, Action::Back];
        keys.push(Action::Top);
        let tabs = match pane {
            Pane::Tree => 0,
            Pane::List => 1,
            Pane::Detail => 2,
        };
        keys.extend((0..tabs).map(|_| Action::NextPane));
        keys
    };
    vec![
        // j down the list of every case, then k back: the list re-sorted never.
        ("list j/k", focus(Pane::List), |i| {
            if (i / 50) % 2 == 0 {
                Action::Down
            } else {
                Action::Up
            }
        }),
        // Down the expanded tree and back: each row a new node, so a new
        // case list each key.
        ("tree j/k", expand_all(focus(Pane::Tree)), |i| {
            if (i / 60) % 2 == 0 {
                Action::Down
            } else {
                Action::Up
            }
        }),
        ("detail j/k", focus(Pane::Detail), |i| {
            if (i / 20) % 2 == 0 {
                Action::Down
            } else {
                Action::Up
            }
        }),
        ("scheme s", focus(Pane::Tree), |_| Action::CycleScheme),
        ("list PgDn", focus(Pane::List), |i| {
            if (i / 25) % 2 == 0 {
                Action::PageDown
            } else {
                Action::PageUp
            }
        }),
    ]
}

/// After `keys`: expands the four top-level areas (the tree then holds ~100 rows).
fn expand_all(mut keys: Vec<Action>) -> Vec<Action> {
    // From the last area up, so the rows above do not move.
    keys.extend([
        Action::Top,
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Down,
    ]);
    for _ in 0..3 {
        keys.extend([Action::Right, Action::Up]);
    }
    keys.extend([Action::Right, Action::Top]);
    keys
}
