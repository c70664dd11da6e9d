//! What live reload costs against loading everything again, for a team
//! casebook of 1,000 and of 10,000 cases beside the bundled ones:
//!
//! - one changed file read and applied (`reload::read` of the file, then
//!   `App::update(Action::Reloaded)`: the case replaced, the casebook's
//!   indexes, the search index and the similar-case index built again);
//! - `load::load` of everything, which a reload without per-file reading
//!   would cost.
//!
//! ```sh
//! cargo bench --bench reload
//! ```
//!
//! A plain binary (`harness = false`); medians of five runs, in milliseconds.

use std::io::Write;
use std::time::{Duration, Instant};

use casebook::load::{self, Input};
use casebook::tui::action::{Action, Shared};
use casebook::tui::app::{App, Options};
use casebook::tui::reload::{self, Setup};

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

/// A bundled case's file with another id.
fn case(id: &str) -> String {
    let text = include_str!("../casebook/cases/2022/amagasaki-usb-2022.yaml");
    text.replacen("id: amagasaki-usb-2022", &format!("id: {id}"), 1)
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        // `cargo test` runs bench binaries too: nothing to measure there.
        return;
    }
    let mut out = std::io::stdout().lock();
    for n in [1_000, 10_000] {
        let dir = tempfile::tempdir().unwrap();
        let cases = dir.path().join("cases/2024");
        std::fs::create_dir_all(&cases).unwrap();
        for i in 0..n {
            let id = format!("team-{i:05}");
            std::fs::write(cases.join(format!("{id}.yaml")), case(&id)).unwrap();
        }
        let inputs = vec![Input::Bundled, Input::Dir(dir.path().to_path_buf())];
        let full: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                let loaded = load::load(&inputs, &[]);
                let elapsed = start.elapsed();
                assert_eq!(loaded.casebook.len(), n + 23);
                elapsed
            })
            .collect();

        let read_from = casebook::cache::key::now();
        let loaded = load::load(&inputs, &[]);
        let options = Options {
            setup: Setup::new(&inputs, 0, &loaded.casebook, read_from),
            ..Options::default()
        };
        let mut app = App::new(loaded.casebook, loaded.diagnostics, options);
        let file = cases.join("team-00042.yaml");
        let one: Vec<Duration> = (0..5)
            .map(|round| {
                let text = case("team-00042").replace("尼崎市", &format!("尼崎市{round}"));
                std::fs::write(&file, text).unwrap();
                let start = Instant::now();
                let batch = reload::read(&app.reload_job(vec![file.clone()], false));
                app.update(Action::Reloaded(Shared::new(batch)));
                let elapsed = start.elapsed();
                assert_eq!(app.book.len(), n + 23);
                elapsed
            })
            .collect();
        // Of which: the indexes every change builds again.
        let time = |f: &dyn Fn()| {
            median(
                (0..5)
                    .map(|_| {
                        let start = Instant::now();
                        f();
                        start.elapsed()
                    })
                    .collect(),
            )
        };
        let search = time(&|| {
            casebook::search::Searcher::new(&app.book);
        });
        let similar = time(&|| {
            casebook::answers::similar::Index::new(&app.book);
        });
        let _ = writeln!(
            out,
            "{n} team cases: one changed file read and applied {:.1} ms (of which the search index {search:.1} ms, \
             the similar-case index {similar:.1} ms); everything loaded again {:.1} ms (medians of 5)",
            median(one),
            median(full)
        );
    }
}
