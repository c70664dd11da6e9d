//! Load and per-keystroke search timings on a large casebook.
//!
//! ```sh
//! cargo run --release --example gen_casebook -- 10000 /tmp/cb10k
//! cargo bench --bench search -- /tmp/cb10k
//! ```
//!
//! Load: files → searchable index, i.e. `load::load` plus `Searcher::new`,
//! run several times (median, min and the two parts). Search: each query is
//! typed one character at a time on one `Searcher`, starting from the empty
//! query, and every `search` call is timed, for `Target::Measures` and
//! `Target::All`. A plain binary (`harness = false`): no benchmark framework.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use casebook::load::{self, Input};
use casebook::search::{Searcher, Target};
use unicode_width::UnicodeWidthStr;

#[path = "common/stats.rs"]
mod stats;
use stats::{Stats, ms};

const DEFAULT_DIR: &str = "/tmp/cb10k";

/// Typed one character at a time.
const QUERIES: &[&str] = &[
    "漏",
    "暗号化",
    "持ち出し",
    "パスワード",
    "ぱすわーど",
    "usb",
    "ＵＳＢ",
    "廃棄 確認",
    "委託先 監督",
    "encrypt media",
    "zzqxj",
    // These also name controls: their hits include measures found through a control.
    "暗号の利用",
    "cryptography",
    "a.7.14",
    "管理",
];

const LOAD_RUNS: usize = 7;
/// Timed rounds of typing each query (after one untimed warm-up round).
const ROUNDS: usize = 5;

const TARGET_MEDIAN: Duration = Duration::from_millis(8);
const TARGET_P95: Duration = Duration::from_millis(16);
const TARGET_LOAD: Duration = Duration::from_millis(300);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let benching = args.iter().any(|a| a == "--bench");
    // `--only=load` or `--only=search`, e.g. to profile one part.
    let only = args.iter().find_map(|a| a.strip_prefix("--only="));
    if only.is_some_and(|o| !matches!(o, "load" | "search" | "compare" | "answers")) {
        eprintln!("search bench: --only takes `load`, `search`, `compare` or `answers`");
        return ExitCode::from(2);
    }
    let dir = args.iter().find(|a| !a.starts_with("--"));
    if !benching && dir.is_none() {
        // `cargo test --all-targets` runs bench binaries without `--bench`.
        println!("search bench: skipped (run it with `cargo bench --bench search -- DIR`)");
        return ExitCode::SUCCESS;
    }
    let dir = PathBuf::from(dir.map_or(DEFAULT_DIR, String::as_str));
    if !dir.is_dir() {
        eprintln!("search bench: no casebook at {}", dir.display());
        eprintln!("generate one first:");
        eprintln!(
            "  cargo run --release --example gen_casebook -- 10000 {}",
            dir.display()
        );
        eprintln!("then: cargo bench --bench search -- {}", dir.display());
        return ExitCode::FAILURE;
    }

    machine();
    let sample = sample_case(&dir);
    let before = sample.as_deref().map(calibrate);
    if only == Some("answers") {
        bench_answers(&dir);
        return ExitCode::SUCCESS;
    }
    let runs = if matches!(only, Some("search" | "compare")) {
        1
    } else {
        LOAD_RUNS
    };
    let Some(mut searcher) = bench_load(&dir, runs) else {
        return ExitCode::FAILURE;
    };
    if only == Some("load") {
        return ExitCode::SUCCESS;
    }
    if only == Some("compare") {
        compare(&dir);
        return ExitCode::SUCCESS;
    }
    let mut all = Vec::new();
    for target in [Target::Measures, Target::All] {
        all.extend(bench_keystrokes(&mut searcher, target));
    }
    println!();
    let overall = Stats::of(&mut all);
    println!(
        "overall, both targets ({} keystrokes): median {}  p95 {}  p99 {}  max {}",
        all.len(),
        ms(overall.median),
        ms(overall.p95),
        ms(overall.p99),
        ms(overall.max)
    );
    targets(&overall);
    if let (Some(sample), Some(before)) = (sample.as_deref(), before) {
        let after = calibrate(sample);
        println!();
        println!(
            "calibration: yaml-rust2 events of one {}-byte case file ×{CALIBRATION_RUNS}, one thread:",
            sample.len()
        );
        println!(
            "  {} before the load runs, {} after the searches; the README's development machine: {}",
            ms(before),
            ms(after),
            ms(README_CALIBRATION)
        );
        let factor = before.min(after).as_secs_f64() / README_CALIBRATION.as_secs_f64();
        println!(
            "  this machine ran {factor:.1}× the development machine's time (much more than 1 means a busy or throttled machine;"
        );
        println!("  divide the figures above by it for a rough estimate on an idle one)");
    }
    println!();
    compare(&dir);
    fzf_commands(&dir);
    ExitCode::SUCCESS
}

// ----- calibration --------------------------------------------------------------------

const CALIBRATION_RUNS: usize = 10_000;
/// The middle of the README's "yaml-rust2 events 373–453 ms" for the same loop.
const README_CALIBRATION: Duration = Duration::from_millis(413);

/// One case file of about 2 KB from the casebook, for calibration.
fn sample_case(dir: &Path) -> Option<String> {
    let mut years: Vec<PathBuf> = std::fs::read_dir(dir.join("cases"))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    years.sort();
    for year in years {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&year)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for file in files {
            if let Ok(text) = std::fs::read_to_string(&file)
                && (1900..=2200).contains(&text.len())
            {
                return Some(text);
            }
        }
    }
    None
}

/// Parses `text` to YAML events `CALIBRATION_RUNS` times on this thread: the loop the
/// README timed on the development machine, to tell a slow machine from slow code.
fn calibrate(text: &str) -> Duration {
    use yaml_rust2::parser::{Event, Parser};
    let t = Instant::now();
    for _ in 0..CALIBRATION_RUNS {
        let mut parser = Parser::new_from_str(text);
        loop {
            match parser.next_token() {
                Ok((Event::StreamEnd, _)) | Err(_) => break,
                Ok(event) => {
                    black_box(event);
                }
            }
        }
    }
    t.elapsed()
}

// ----- machine ------------------------------------------------------------------------

fn machine() {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown", |(_, v)| v.trim());
    let processors = cpuinfo
        .lines()
        .filter(|l| l.starts_with("processor"))
        .count();
    let nproc = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rustc = std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map_or_else(|| "unknown".to_string(), |s| s.trim().to_string());
    println!("machine");
    println!("  nproc        {nproc} (processors in /proc/cpuinfo: {processors})");
    println!("  cpu          {model}");
    println!("  rustc        {rustc}");
    if cfg!(debug_assertions) {
        println!("  WARNING      unoptimized build: run with `cargo bench`, not `cargo test`");
    }
    println!();
}

// ----- load ---------------------------------------------------------------------------

fn bench_load(dir: &Path, runs: usize) -> Option<Searcher> {
    let mut loads = Vec::new();
    let mut indexes = Vec::new();
    let mut totals = Vec::new();
    let mut kept = None;
    let mut counts = (0, 0, 0);
    for _ in 0..runs {
        let t0 = Instant::now();
        let loaded = load::load(&[Input::Dir(dir.to_path_buf())], &[]);
        let t1 = Instant::now();
        let searcher = Searcher::new(&loaded.casebook);
        let t2 = Instant::now();
        loads.push(t1 - t0);
        indexes.push(t2 - t1);
        totals.push(t2 - t0);
        let cases = loaded.casebook.len();
        let measures: usize = loaded
            .casebook
            .entries()
            .iter()
            .map(|e| e.case.measures.len())
            .sum();
        counts = (cases, measures, loaded.diagnostics.len());
        // Dropping the previous run is not part of the next one's time.
        drop(kept.replace((loaded, searcher)));
    }
    let (cases, measures, diagnostics) = counts;
    println!("casebook       {}", dir.display());
    println!(
        "  {cases} cases, {measures} measures ({:.2} per case), {} searchable items, {diagnostics} diagnostics",
        measures as f64 / cases.max(1) as f64,
        kept.as_ref().map_or(0, |(_, s)| s.index.len())
    );
    if cases == 0 {
        eprintln!("search bench: no cases loaded from {}", dir.display());
        return None;
    }
    if diagnostics > 0 {
        println!(
            "  WARNING: the casebook has diagnostics; run `casebook --no-bundled validate DIR`"
        );
    }
    println!();
    println!("load: files → searchable index, {runs} runs");
    println!(
        "  {:<34} {:>9} {:>9} {:>9}   all runs",
        "", "median", "min", "max"
    );
    for (label, samples) in [
        ("load::load (read, parse, validate)", &mut loads),
        ("Searcher::new (normalize, index)", &mut indexes),
        ("total", &mut totals),
    ] {
        let runs: Vec<String> = samples.iter().map(|d| ms(*d)).collect();
        samples.sort_unstable();
        println!(
            "  {label:<34} {:>9} {:>9} {:>9}   {}",
            ms(samples[samples.len() / 2]),
            ms(samples[0]),
            ms(samples[samples.len() - 1]),
            runs.join(" ")
        );
    }
    let median = totals[totals.len() / 2];
    println!(
        "  target: total ≤ {} → {}",
        ms(TARGET_LOAD),
        verdict(median <= TARGET_LOAD)
    );
    // The same through the cache (a private one, filled by the first run).
    let cache = std::env::temp_dir().join(format!("casebook-bench-{}", std::process::id()));
    let settings = casebook::cache::Settings {
        dir: Some(cache.clone()),
    };
    let mut warm = Vec::new();
    for run in 0..=runs {
        let t = Instant::now();
        let loaded = load::load_with(&[Input::Dir(dir.to_path_buf())], &[], &settings);
        let (searcher, _) = Searcher::open(&loaded.casebook, &loaded.index);
        if run > 0 {
            warm.push(t.elapsed());
        }
        drop((loaded, searcher));
    }
    let _ = std::fs::remove_dir_all(&cache);
    warm.sort_unstable();
    println!(
        "  {:<34} {:>9} {:>9} {:>9}   (load_with + Searcher::open, warm cache)",
        "with the cache",
        ms(warm[warm.len() / 2]),
        ms(warm[0]),
        ms(warm[warm.len() - 1]),
    );
    println!();
    kept.map(|(_, s)| s)
}

// ----- answers ------------------------------------------------------------------------

/// What the browser derives on a state change: the similar-case index (once,
/// at start), the similar cases of a selected case (every selection), coverage
/// and statistics of the whole casebook (opening those views, changing a filter).
fn bench_answers(dir: &Path) {
    use casebook::answers::{coverage, similar, stats};
    let loaded = load::load(&[Input::Dir(dir.to_path_buf())], &[]);
    let book = &loaded.casebook;
    let all: Vec<usize> = (0..book.len()).collect();
    println!(
        "answers on {} cases (median of 5; similar: 200 selections)",
        book.len()
    );
    let mut index = None;
    let build = time(&mut || index = Some(similar::Index::new(book)));
    let index = index.expect("built");
    println!("  similar::Index::new               {}", ms(build));
    let step = (book.len() / 200).max(1);
    let mut each: Vec<Duration> = (0..book.len())
        .step_by(step)
        .map(|i| {
            let t = Instant::now();
            black_box(index.similar(book, i, 5));
            t.elapsed()
        })
        .collect();
    let s = Stats::of(&mut each);
    println!(
        "  similar (one selection)           median {}  p95 {}  max {}",
        ms(s.median),
        ms(s.p95),
        ms(s.max)
    );
    let schemes = coverage::DEFAULT_SCHEMES;
    let cov = time(&mut || {
        black_box(coverage::rows(
            book,
            schemes,
            None,
            None,
            casebook::lang::Lang::Ja,
        ));
    });
    println!("  coverage::rows (ISO and PPC)      {}", ms(cov));
    let st = time(&mut || {
        black_box(stats::stats(book, &all, casebook::lang::Lang::Ja));
    });
    println!("  stats::stats                      {}", ms(st));
    // Their parts: each incident once (every team case read for `copied_from`),
    // and the current surveys beside the cases.
    let once = time(&mut || {
        black_box(casebook::answers::once::mask(book, None));
    });
    println!("    of which once::mask             {}", ms(once));
    let base = time(&mut || {
        black_box(casebook::answers::baselines::compare(
            book,
            &all,
            casebook::lang::Lang::Ja,
        ));
    });
    println!("    of which baselines::compare     {}", ms(base));
}

// ----- keystrokes ---------------------------------------------------------------------

/// Every prefix of `query` that ends on a character: what is on screen after each key.
fn prefixes(query: &str) -> Vec<&str> {
    query
        .char_indices()
        .map(|(i, c)| &query[..i + c.len_utf8()])
        .collect()
}

fn bench_keystrokes(searcher: &mut Searcher, target: Target) -> Vec<Duration> {
    println!(
        "search, typed one character at a time: Target::{target:?} ({ROUNDS} rounds after 1 warm-up)"
    );
    println!(
        "  (1st key: the full scan; median/p95/max: over every key; whole: the full query at once, median)"
    );
    println!(
        "  {}  {:>4} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7}",
        pad("query", 16),
        "keys",
        "1st key",
        "median",
        "p95",
        "max",
        "whole",
        "hits"
    );
    let mut all = Vec::new();
    for query in QUERIES {
        let keys = prefixes(query);
        let mut samples = Vec::new();
        let mut first = Vec::new();
        let mut hits = 0;
        for round in 0..=ROUNDS {
            // Back to the empty query, as when the search box opens.
            black_box(searcher.search("", target));
            for (k, prefix) in keys.iter().enumerate() {
                let t = Instant::now();
                let found = searcher.search(prefix, target);
                let elapsed = t.elapsed();
                hits = found.len();
                black_box(found);
                if round > 0 {
                    samples.push(elapsed);
                    if k == 0 {
                        first.push(elapsed);
                    }
                }
            }
        }
        // The whole query at once, as an IME commits a word or the CLI searches.
        let mut whole = Vec::new();
        for round in 0..=ROUNDS {
            black_box(searcher.search("", target));
            let t = Instant::now();
            let found = searcher.search(query, target);
            let elapsed = t.elapsed();
            black_box(found);
            if round > 0 {
                whole.push(elapsed);
            }
        }
        all.extend_from_slice(&samples);
        let whole = Stats::of(&mut whole);
        let first = Stats::of(&mut first);
        let s = Stats::of(&mut samples);
        println!(
            "  {}  {:>4} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7}",
            pad(&format!("\"{query}\""), 16),
            keys.len(),
            ms(first.median),
            ms(s.median),
            ms(s.p95),
            ms(s.max),
            ms(whole.median),
            hits
        );
    }
    let mut sorted = all.clone();
    let s = Stats::of(&mut sorted);
    println!(
        "  {}  {:>4} {:>9} {:>9} {:>9} {:>9}   p99 {}",
        pad("all keystrokes", 16),
        all.len() / ROUNDS,
        "",
        ms(s.median),
        ms(s.p95),
        ms(s.max),
        ms(s.p99)
    );
    targets(&s);
    println!();
    all
}

// ----- the crates replaced ------------------------------------------------------------

/// The case files of `dir`, at most `n`.
fn case_files(dir: &Path, n: usize) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&dir.join("cases"), &mut paths);
    paths.truncate(n);
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// A case file as serde_yaml would read it, for the parser comparison.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
#[serde(deny_unknown_fields)]
struct SerdeCase {
    id: String,
    title: String,
    organization: String,
    sector: String,
    published: String,
    occurred: Option<String>,
    summary: String,
    affected: Option<serde_yaml::Value>,
    root_causes: Vec<serde_yaml::Value>,
    measures: Vec<serde_yaml::Value>,
    response: Option<Vec<String>>,
    sources: Vec<serde_yaml::Value>,
    tags: Option<Vec<String>>,
}

/// The stack's first choices measured against what casebook uses, on the same
/// data: serde_yaml against casebook's parser and validation (one thread each),
/// fuzzy-matcher's SkimMatcherV2 (one thread) against casebook's search over
/// the measures (both cores above 4,096 candidates).
fn compare(dir: &Path) {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    let files = case_files(dir, 2000);
    let catalogs = load::load(&[Input::Bundled], &[]).casebook.catalogs;
    println!(
        "the crates replaced: {} case files, median of 5",
        files.len()
    );
    let serde = time(&mut || {
        for f in &files {
            black_box(serde_yaml::from_str::<SerdeCase>(f).ok());
        }
    });
    let ours = time(&mut || {
        for f in &files {
            black_box(load::parse_text("x.yaml", f, &catalogs));
        }
    });
    println!(
        "  one thread: serde_yaml into structs (no validation)       {}",
        ms(serde)
    );
    println!(
        "  one thread: casebook's yaml-rust2 tree, every rule checked {}",
        ms(ours)
    );

    let loaded = load::load(&[Input::Dir(dir.to_path_buf())], &[]);
    let measures: Vec<&str> = loaded
        .casebook
        .entries()
        .iter()
        .flat_map(|e| e.case.measures.iter().map(|m| m.text.as_str()))
        .collect();
    let skim = SkimMatcherV2::default();
    let mut searcher = Searcher::new(&loaded.casebook);
    println!(
        "  full search of {} measures, per query (fuzzy-matcher, one thread / casebook, both cores):",
        measures.len()
    );
    for q in QUERIES {
        let mut hits = 0;
        let fm = time(&mut || {
            hits = measures
                .iter()
                .filter(|m| skim.fuzzy_match(m, q).is_some())
                .count();
        });
        let mut ours_hits = 0;
        let cb = time(&mut || {
            searcher.search("", Target::Measures);
            ours_hits = searcher.search(q, Target::Measures).len();
        });
        println!(
            "    {}  {} ({hits} hits)   {} ({ours_hits} hits)",
            pad(&format!("{q:?}"), 16),
            ms(fm),
            ms(cb)
        );
    }
}

// ----- fzf ----------------------------------------------------------------------------

fn fzf_commands(dir: &Path) {
    let dir = dir.display();
    let queries: Vec<String> = QUERIES.iter().map(|q| format!("'{q}'")).collect();
    println!();
    println!("fzf side by side (whole process per query, same measure lines):");
    println!(
        "  ./target/release/casebook --no-bundled --casebook {dir} search \"\" --in measures --format text > /tmp/measures.txt"
    );
    println!("  for q in {}; do", queries.join(" "));
    println!("    hyperfine -i -w 3 -r 20 \"fzf --filter '$q' < /tmp/measures.txt\" \\");
    println!(
        "      \"./target/release/casebook --no-bundled --casebook {dir} search '$q' --in measures\""
    );
    println!("  done");
}

// ----- formatting ---------------------------------------------------------------------

/// The per-keystroke goals: median ≤ 8 ms, p95 and p99 ≤ 16 ms.
fn targets(s: &Stats) {
    println!(
        "  targets: median ≤ {} → {}, p95 ≤ {} → {}, p99 ≤ {} → {}",
        ms(TARGET_MEDIAN),
        verdict(s.median <= TARGET_MEDIAN),
        ms(TARGET_P95),
        verdict(s.p95 <= TARGET_P95),
        ms(TARGET_P95),
        verdict(s.p99 <= TARGET_P95)
    );
}

/// The median of five runs.
fn time(f: &mut dyn FnMut()) -> Duration {
    let mut runs: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    runs.sort();
    runs[2]
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "MISSED" }
}

/// Pads to `width` terminal columns (Japanese characters take two).
fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}
