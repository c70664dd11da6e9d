//! Drafting a very long notice: `casebook draft` must grow linearly with the
//! notice's lines (a 4 MiB notice is allowed in).
//!
//! ```sh
//! cargo bench --bench draft
//! ```
//!
//! A plain binary (`harness = false`). For 10,000, 80,000 and 150,000 lines of
//! a notice written here (headings in several numberings, list items, dated
//! sentences, counts, kinds of data, addresses), it times `draft::extract`
//! (everything read from the notice) beside its own first step, the peer:
//! reading the lines and splitting the sections (`lines::read` +
//! `sections::split`), in the same run, and the rest of a draft: the case
//! file rendered with suggestions from the bundled casebook
//! (`render::render`). Medians of 3 runs, in milliseconds; the ratio
//! extract / parse stays flat when drafting is linear.

use std::time::{Duration, Instant};

use casebook::authoring::draft::{self, Options, lines, render, sections};
use casebook::load::{self, Input};

const SIZES: &[usize] = &[10_000, 80_000, 150_000];
const RUNS: usize = 3;

/// A long notice of about `n` lines: a heading, then sections of every kind
/// in turn, each with paragraphs and items.
fn notice(n: usize) -> String {
    let mut out = String::from(
        "令和7年3月14日\n株式会社ベンチ\n当社サーバーへの不正アクセスについて（第2報）\n",
    );
    let mut line = 3;
    let mut section = 0;
    let headings = [
        "概要",
        "発生の経緯",
        "原因",
        "再発防止策",
        "対応",
        "漏えいした個人情報",
        "お問い合わせ先",
    ];
    while line < n {
        section += 1;
        let h = headings[section % headings.len()];
        out.push_str(&format!("{}. {h}\n", section % 100));
        line += 1;
        for k in 0..12 {
            let text = match k % 6 {
                0 => format!(
                    "令和7年{}月{}日、職員が作業中に誤って顧客{}名分のデータを送信しました。",
                    k % 12 + 1,
                    k % 28 + 1,
                    section * 7 + k
                ),
                1 => format!("({}) 送信前に宛先を二人で確認することを徹底します。", k + 1),
                2 => "氏名、住所、電話番号、メールアドレス、生年月日".to_string(),
                3 => format!("・詳細は https://example.jp/news/{section}/{k} をご覧ください。"),
                4 => format!("① 対象者{}件に連絡しました。", section + k),
                _ => "今後、再発防止に向けて管理体制を強化してまいります。".to_string(),
            };
            out.push_str(&text);
            out.push('\n');
            line += 1;
        }
    }
    out
}

fn median(mut t: Vec<Duration>) -> f64 {
    t.sort();
    t[t.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        // `cargo test --all-targets` runs bench binaries too: nothing to measure there.
        return;
    }
    let book = load::load(&[Input::Bundled], &[]).casebook;
    let options = Options::default();
    println!(
        "| lines | bytes | parse (peer) ms | extract ms | extract / parse | extract µs per line | render ms |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for &n in SIZES {
        let text = notice(n);
        let (mut parse, mut whole, mut rendered) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let t = Instant::now();
            let ls = lines::read(&text);
            let ss = sections::split(&ls);
            std::hint::black_box((&ls, &ss));
            parse.push(t.elapsed());
            let t = Instant::now();
            let e = draft::extract(&text);
            whole.push(t.elapsed());
            let t = Instant::now();
            let r = render::render(&e, &book, &options, "UTF-8");
            std::hint::black_box(&r);
            rendered.push(t.elapsed());
        }
        let (p, w, r) = (median(parse), median(whole), median(rendered));
        println!(
            "| {n} | {} | {p:.0} | {w:.0} | {:.1} | {:.1} | {r:.0} |",
            text.len(),
            w / p,
            w * 1000.0 / n as f64
        );
    }
}
