//! Sorting 50,000 cases by organization in Japanese reading order
//! (`o` in the browser), beside GNU sort on the same names.
//!
//! ```sh
//! cargo bench --bench order
//! ```
//!
//! A plain binary (`harness = false`); medians of 7 runs, in milliseconds:
//!
//! - the ranks: ICU sort keys for every organization, sorted once (the first
//!   sort by organization computes them, then they are kept);
//! - a re-sort: the list of 50,000 cases ordered by those ranks (every later
//!   `o`, `O` or change of area);
//! - byte order: the same names sorted as plain strings in Rust, and by
//!   `LC_ALL=C sort` (coreutils) as a process reading a file, the peer.

use std::io::Write;
use std::time::{Duration, Instant};

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn time(runs: usize, mut f: impl FnMut()) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

/// 50,000 organization names: legal forms before or after, kana, kanji and
/// Latin names, from a fixed pseudo-random sequence.
fn names(n: usize) -> Vec<String> {
    let forms = ["株式会社", "", "", "一般社団法人", "有限会社", ""];
    let kana =
        "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ";
    let kata = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
    let kanji =
        "東京大阪群馬埼玉岩手関西九州電力市県立病院学校水道局運輸労働気仙沼調布尼崎佐川急便";
    let pick = |s: &str, seed: u64, len: usize| -> String {
        let chars: Vec<char> = s.chars().collect();
        (0..len)
            .map(|k| chars[((seed >> (k * 5)) as usize + k * 7) % chars.len()])
            .collect()
    };
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|i| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let body = match i % 4 {
                0 => pick(kata, seed, 3 + (seed % 5) as usize),
                1 => pick(kanji, seed, 2 + (seed % 4) as usize),
                2 => pick(kana, seed, 3 + (seed % 4) as usize),
                _ => format!("ABC{}", seed % 10_000),
            };
            let form = forms[(seed % forms.len() as u64) as usize];
            if seed.is_multiple_of(3) {
                format!("{body}{form}")
            } else {
                format!("{form}{body}")
            }
        })
        .collect()
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return; // `cargo test` runs bench binaries too
    }
    let mut out = std::io::stdout().lock();
    let names = names(50_000);
    let ranks_ms = time(7, || {
        std::hint::black_box(casebook::order::ranks(names.iter().map(String::as_str)));
    });
    let ranks = casebook::order::ranks(names.iter().map(String::as_str));
    let resort_ms = time(7, || {
        let mut list: Vec<usize> = (0..names.len()).collect();
        list.sort_by_key(|&i| ranks[i]);
        std::hint::black_box(list);
    });
    let bytes_ms = time(7, || {
        let mut list: Vec<&String> = names.iter().collect();
        list.sort();
        std::hint::black_box(list);
    });
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("names.txt");
    std::fs::write(&file, names.join("\n") + "\n").unwrap();
    let sort_ms = time(7, || {
        let status = std::process::Command::new("sort")
            .arg(&file)
            .env("LC_ALL", "C")
            .stdout(std::process::Stdio::null())
            .status()
            .expect("coreutils sort");
        assert!(status.success());
    });
    writeln!(out, "50,000 organizations, medians of 7 runs:").unwrap();
    writeln!(
        out,
        "  ranks in Japanese reading order (ICU keys, once)  {ranks_ms:8.1} ms"
    )
    .unwrap();
    writeln!(
        out,
        "  re-sort by those ranks                             {resort_ms:8.1} ms"
    )
    .unwrap();
    writeln!(
        out,
        "  byte order, Rust sort of the strings               {bytes_ms:8.1} ms"
    )
    .unwrap();
    writeln!(
        out,
        "  byte order, LC_ALL=C sort (coreutils, a process)   {sort_ms:8.1} ms"
    )
    .unwrap();
    writeln!(out, "  ranks / coreutils sort: {:.2}×", ranks_ms / sort_ms).unwrap();
}
