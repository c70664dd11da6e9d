//! `casebook stats` as text.

use crate::answers::stats::{Share, Stats};
use crate::lang::{Lang, t};
use crate::wrap::{pad, pad_left};

/// `casebook stats` as text: the cause categories beside the JNSA survey,
/// the sectors, the years, and the current surveys in their own classes.
pub fn text(s: &Stats, lang: Lang) -> String {
    let mut out = String::new();
    let survey = s
        .survey
        .as_ref()
        .map(|v| v.short.get(lang).to_string())
        .unwrap_or_default();
    let table = |out: &mut String, heading: String, rows: &[Share], jnsa: bool| {
        out.push_str(&heading);
        out.push('\n');
        out.push_str(&format!(
            "  {}  {}  {}{}\n",
            pad("", 24),
            pad_left(t(lang, "事例", "cases"), 5),
            pad_left(t(lang, "割合", "share"), 6),
            if jnsa {
                format!("  {}", pad_left(&survey, 16))
            } else {
                String::new()
            }
        ));
        for r in rows {
            let jnsa_col = match r.jnsa_share {
                Some(Some(p)) => format!("  {}", pad_left(&format!("{p:.1}%"), 16)),
                Some(None) => format!("  {}", pad_left("-", 16)),
                None => String::new(),
            };
            out.push_str(&format!(
                "  {}  {}  {}{jnsa_col}\n",
                pad(&r.title, 24),
                pad_left(&r.cases.to_string(), 5),
                pad_left(&format!("{:.1}%", r.share), 6),
            ));
        }
        out.push_str(&format!("  {}\n\n", crate::answers::rounding_note(lang)));
    };
    let causes_heading = match lang {
        Lang::Ja => format!(
            "原因分類（事例 {}件。複数の原因分類を持つ事例はそれぞれに1件と数え、割合はその合計に対するもの）",
            s.cases
        ),
        Lang::En => format!(
            "Cause categories ({}; a case with several categories counts once in each, shares are of their sum)",
            crate::plural::count(s.cases, "case", "cases")
        ),
    };
    table(&mut out, causes_heading, &s.causes, true);
    if let Some(v) = &s.survey {
        out.push_str(&match lang {
            Lang::Ja => format!(
                "  {}: {}（{}年、{}件）。記載のない分類は同調査で個別の数値が公表されていないもの\n\n",
                v.short.ja, v.title.ja, v.year, v.incidents
            ),
            Lang::En => format!(
                "  {}: {} ({}, {}). A dash: the survey gives no figure for that category\n\n",
                v.short.en, v.title.en, v.year, crate::plural::count(v.incidents as usize, "incident", "incidents")
            ),
        });
    }
    table(
        &mut out,
        format!("{} ({})", t(lang, "業種", "Sectors"), s.cases),
        &s.sectors,
        false,
    );
    out.push_str(t(lang, "公表年", "Year published"));
    out.push('\n');
    for y in &s.years {
        out.push_str(&format!(
            "  {}  {}\n",
            y.year,
            pad_left(&y.cases.to_string(), 5)
        ));
    }
    if !s.baselines.is_empty() {
        out.push('\n');
        out.push_str(&baselines(s, lang));
    }
    out
}

/// The current surveys, each in its own classes beside the casebook's cases,
/// with its publisher, period, publication date and sources, whether the
/// figures come from reports of the release, and the mapping under it.
fn baselines(s: &Stats, lang: Lang) -> String {
    let mut out = match lang {
        Lang::Ja => format!(
            "現在の調査との比較（本書: 数えた事例 {}件のうち、行の原因分類のどれかを持つ事例の割合。1事例が複数の行に当たることがあります）\n",
            s.cases
        ),
        Lang::En => format!(
            "Current surveys (this casebook: the share of its {} that name any cause category of the row; a case may fall under several rows)\n",
            crate::plural::count(s.cases, "case", "cases")
        ),
    };
    let class_w = 36;
    for b in &s.baselines {
        out.push('\n');
        out.push_str(&format!("{} — {}\n", b.short, b.title));
        out.push_str(&format!("  {}\n", b.what));
        let published = b.published.as_deref().map(|d| match lang {
            Lang::Ja => format!("、{d}公表"),
            Lang::En => format!(", published {d}"),
        });
        out.push_str(&format!(
            "  {}{}{}\n",
            b.publisher,
            match lang {
                Lang::Ja => format!("、{}", b.period),
                Lang::En => format!(", {}", b.period),
            },
            published.unwrap_or_default()
        ));
        if b.secondary {
            out.push_str(&format!(
                "  {}\n",
                t(
                    lang,
                    "二次情報: 公表元の資料そのものではなく、それを伝える記事から取った数値です",
                    "secondary: figures taken from articles that report the publisher's release, not from the release itself"
                )
            ));
        }
        out.push_str(&format!(
            "  {}{}\n",
            t(lang, "出典: ", "Sources: "),
            b.sources.join(t(lang, "、", ", "))
        ));
        out.push_str(&format!(
            "  {}  {}  {}\n",
            pad(t(lang, "調査の分類", "the survey's classes"), class_w),
            pad_left(t(lang, "調査", "survey"), 12),
            pad_left(t(lang, "本書", "this casebook"), 13),
        ));
        let sep = t(lang, "、", ", ");
        for r in &b.rows {
            let survey = match (r.survey, r.count) {
                (Some(p), Some(n)) => format!("{p:.1}% ({n})"),
                (Some(p), None) => format!("{p:.1}%"),
                (None, _) => "-".to_string(),
            };
            let ours = match (r.share, r.cases) {
                (Some(p), Some(n)) => format!("{p:.1}% ({n})"),
                _ => "-".to_string(),
            };
            let mapped = if r.causes.is_empty() {
                t(lang, "（比べない）", "(not compared)").to_string()
            } else {
                format!("← {}", r.cause_titles.join(sep))
            };
            out.push_str(&format!(
                "  {}  {}  {}  {mapped}\n",
                pad(&r.classes.join(sep), class_w),
                pad_left(&survey, 12),
                pad_left(&ours, 13),
            ));
        }
        out.push_str(&format!(
            "  {}  {}  {}\n",
            pad(
                t(
                    lang,
                    "（どの行にも当たらない本書の事例）",
                    "(cases of this casebook under no row)"
                ),
                class_w
            ),
            pad_left("", 12),
            pad_left(&format!("{:.1}% ({})", b.others_share, b.others), 13),
        ));
        out.push_str(&format!(
            "  {}\n",
            t(
                lang,
                "対応の考え方（casebook/reference/baselines.yaml）:",
                "How the classes are matched (casebook/reference/baselines.yaml):"
            )
        ));
        for r in &b.rows {
            let causes = if r.causes.is_empty() {
                t(lang, "なし", "none").to_string()
            } else {
                r.cause_titles.join(sep)
            };
            out.push_str(&format!(
                "    {} ← {causes}: {}\n",
                r.classes.join(sep),
                r.why
            ));
        }
        if let Some(note) = &b.note {
            out.push_str(&format!("  {}{note}\n", t(lang, "注: ", "Note: ")));
        }
    }
    out.push('\n');
    out.push_str(crate::answers::rounding_note(lang));
    out.push('\n');
    out
}
