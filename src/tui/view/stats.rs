//! The statistics view: bar charts of the cases by cause (beside the JNSA
//! survey's shares, the survey and its year named on screen), by sector and by
//! year, and the current surveys in their own classes (each with its source,
//! year and the mapping of the casebook's causes to its classes). Side by side
//! on wide screens, one at a time (←/→, Tab) otherwise; ↑/↓ scroll the surveys.
//! Bars are proportional ([`super::chart`]); how shares are rounded is said
//! under the charts.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

use super::chart;
use crate::answers::baselines::Comparison;

use crate::answers::stats::Stats;
use crate::document::screen::paragraph;
use crate::lang::{Lang, t};
use crate::tui::app::App;
use crate::wrap;

/// Below this inner width, one chart at a time.
const SIDE_BY_SIDE: usize = 150;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = app.env.theme;
    let lang = app.env.lang;
    let Some(s) = &app.overlays.stats.stats else {
        return;
    };
    let title = super::scope_title(
        lang,
        ("統計", "Statistics"),
        s.cases,
        &app.overlays.stats.named,
    );
    let inner = super::framed(frame, app, area, title);
    let width = inner.width as usize;
    if width < 10 || inner.height < 4 {
        return;
    }
    // The survey, named (its full title where there is room).
    let survey = match (&s.survey, lang) {
        (Some(v), Lang::Ja) if width >= SIDE_BY_SIDE => format!(
            "原因の割合: 本書（1事例を該当する原因分類ごとに1件と数える）と {}（{}年の{}件、{}）",
            v.short.ja, v.year, v.incidents, v.title.ja
        ),
        (Some(v), Lang::En) if width >= SIDE_BY_SIDE => format!(
            "Cause shares: this casebook (a case counts once in each of its categories) beside the {} ({} in {}; {})",
            v.short.en,
            crate::plural::count(v.incidents as usize, "incident", "incidents"),
            v.year,
            v.title.en
        ),
        (Some(v), Lang::Ja) => format!(
            "原因の割合: 本書（1事例を原因分類ごとに1件）と {}（{}件）",
            v.short.ja, v.incidents
        ),
        (Some(v), Lang::En) => format!(
            "Cause shares: this casebook (a case once per category) and the {} ({})",
            v.short.en,
            crate::plural::count(v.incidents as usize, "incident", "incidents")
        ),
        (None, _) => String::new(),
    };
    let head = paragraph(Span::raw(""), &[(survey, th.dim())], width);
    let head_h = (head.len() as u16).min(inner.height.saturating_sub(3));
    frame.render_widget(
        Paragraph::new(head),
        Rect {
            height: head_h,
            ..inner
        },
    );
    let body = Rect {
        y: inner.y + head_h,
        height: inner.height - head_h,
        ..inner
    };
    if width >= SIDE_BY_SIDE {
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
            .split(body);
        let cols = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([
                Constraint::Percentage(40),
                Constraint::Percentage(30),
                Constraint::Percentage(30),
            ])
            .spacing(2)
            .split(rows[0]);
        causes(frame, app, s, cols[0]);
        sectors(frame, app, s, cols[1]);
        years(frame, app, s, cols[2]);
        let n = s.baselines.len().max(1) as u32;
        let cols = Layout::default()
            .direction(Direction::Horizontal)
            .constraints((0..n).map(|_| Constraint::Ratio(1, n)))
            .spacing(2)
            .split(Rect {
                y: rows[1].y + 1,
                height: rows[1].height.saturating_sub(1),
                ..rows[1]
            });
        for (b, col) in s.baselines.iter().zip(cols.iter()) {
            let lines = baseline(app, b, col.width as usize);
            scrolled(frame, app, lines, *col);
        }
        return;
    }
    let names = [
        t(lang, "原因", "Causes"),
        t(lang, "業種", "Sectors"),
        t(lang, "公表年", "Years"),
        t(lang, "現在の調査", "Current surveys"),
    ];
    let mut tabs = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let style = if i == app.overlays.stats.tab {
            th.selected(true)
        } else {
            th.dim()
        };
        tabs.push(Span::styled(format!(" {name} "), style));
        tabs.push(Span::raw(" "));
    }
    tabs.push(Span::styled(t(lang, "← → で切替", "← → switch"), th.dim()));
    frame.render_widget(Paragraph::new(Line::from(tabs)), Rect { height: 1, ..body });
    let chart = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(1),
        ..body
    };
    match app.overlays.stats.tab {
        0 => causes(frame, app, s, chart),
        1 => sectors(frame, app, s, chart),
        2 => years(frame, app, s, chart),
        _ => {
            let mut lines = Vec::new();
            for b in &s.baselines {
                lines.extend(baseline(app, b, width));
                lines.push(Line::raw(""));
            }
            lines.extend(paragraph(
                Span::raw(""),
                &[(crate::answers::rounding_note(lang).to_string(), th.dim())],
                width,
            ));
            scrolled(frame, app, lines, chart);
        }
    }
}

/// Lines from the view's scroll position (↑/↓), as many as fit.
fn scrolled(frame: &mut Frame, app: &App, lines: Vec<Line<'static>>, area: Rect) {
    let from = app.overlays.stats.scroll.min(lines.len().saturating_sub(1));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(from)
        .take(area.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
}

fn chart_title(app: &App, text: String) -> Block<'static> {
    Block::new().title(Span::styled(text, app.env.theme.bold()))
}

/// A chart's title and bars, then notes under it (wrapped), drawn in `area`.
fn bar_chart(
    frame: &mut Frame,
    app: &App,
    title: &str,
    bars: &[chart::Bar],
    notes: &[String],
    area: Rect,
) {
    let width = area.width as usize;
    let mut lines = vec![Line::styled(
        wrap::truncate(title, width).into_owned(),
        app.env.theme.bold(),
    )];
    lines.extend(chart::lines(bars, 0, width));
    for note in notes {
        lines.extend(paragraph(
            Span::raw(""),
            &[(note.clone(), app.env.theme.dim())],
            width,
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Per cause: this casebook's share, and the survey's: two bars each when
/// there is room, else the survey's figure beside this casebook's.
fn causes(frame: &mut Frame, app: &App, s: &Stats, area: Rect) {
    let lang = app.env.lang;
    let th = app.env.theme;
    let survey = s
        .survey
        .as_ref()
        .map(|v| v.short.get(lang).to_string())
        .unwrap_or_default();
    let pairs = area.height as usize > s.causes.len() * 2 + 4;
    let tenth = |p: f64| (p * 10.0).round() as usize;
    let mut bars = Vec::new();
    for c in &s.causes {
        let jnsa = c.jnsa_share.flatten();
        let jnsa_text = jnsa.map_or("-".to_string(), |p| format!("{p:.1}%"));
        let own = format!("{:.1}% ({})", c.share, c.cases);
        bars.push(chart::Bar {
            label: c.title.clone(),
            label_style: Style::new(),
            value: tenth(c.share),
            figure: if pairs {
                own
            } else {
                format!("{own} {}", wrap::pad_left(&jnsa_text, 5))
            },
            style: th.bar(),
        });
        if pairs {
            bars.push(chart::Bar {
                label: format!("  {survey}"),
                label_style: th.dim(),
                value: jnsa.map_or(0, tenth),
                figure: jnsa_text,
                style: th.survey_bar(),
            });
        }
    }
    let title = if pairs {
        t(
            lang,
            "原因分類の割合（上: 本書、下: 調査）",
            "Share by cause (upper: this casebook, lower: the survey)",
        )
        .to_string()
    } else {
        match lang {
            Lang::Ja => format!("原因分類の割合（棒と左の数字: 本書、右の数字: {survey}）"),
            Lang::En => {
                format!("Share by cause (bar, left figure: this casebook; right: {survey})")
            }
        }
    };
    let notes = [crate::answers::rounding_note(lang).to_string()];
    bar_chart(frame, app, &title, &bars, &notes, area);
}

fn sectors(frame: &mut Frame, app: &App, s: &Stats, area: Rect) {
    let lang = app.env.lang;
    let bars: Vec<chart::Bar> = s
        .sectors
        .iter()
        .map(|c| chart::Bar {
            label: crate::width::screen(&c.title).into_owned(),
            label_style: Style::new(),
            value: c.cases,
            figure: format!("{} ({:.1}%)", c.cases, c.share),
            style: app.env.theme.bar(),
        })
        .collect();
    let title = t(lang, "業種別の事例数", "Cases by sector");
    bar_chart(frame, app, title, &bars, &[], area);
}

/// A current survey beside the casebook: what it is, its source and year,
/// each row's figure beside this casebook's as bars, the mapping under them.
fn baseline(app: &App, b: &Comparison, width: usize) -> Vec<Line<'static>> {
    let lang = app.env.lang;
    let th = app.env.theme;
    let mut out = paragraph(
        Span::raw(""),
        &[(format!("{} — {}", b.short, b.title), th.bold())],
        width,
    );
    let published = b.published.as_deref().map(|d| match lang {
        Lang::Ja => format!("、{d}公表"),
        Lang::En => format!(", published {d}"),
    });
    let mut about = vec![
        b.what.clone(),
        format!(
            "{}{}{}{}",
            b.publisher,
            t(lang, "、", ", "),
            b.period,
            published.unwrap_or_default()
        ),
    ];
    if b.secondary {
        about.push(
            t(
                lang,
                "二次情報: 公表元の資料そのものではなく、それを伝える記事から取った数値です",
                "secondary: figures taken from articles that report the publisher's release, not from the release itself",
            )
            .to_string(),
        );
    }
    about.push(format!(
        "{}{}",
        t(lang, "出典: ", "Sources: "),
        b.sources.join(t(lang, "、", ", "))
    ));
    for line in about {
        out.extend(paragraph(Span::raw("  "), &[(line, th.dim())], width));
    }
    let sep = t(lang, "、", ", ");
    let tenth = |p: f64| (p * 10.0).round() as usize;
    let mut bars = Vec::new();
    for r in &b.rows {
        let survey = match (r.survey, r.count) {
            (Some(p), Some(n)) => format!("{p:.1}% ({n})"),
            (Some(p), None) => format!("{p:.1}%"),
            (None, _) => "-".to_string(),
        };
        let ours = match (r.share, r.cases) {
            (Some(p), Some(n)) => format!("{p:.1}% ({n})"),
            _ => t(lang, "（比べない）", "(not compared)").to_string(),
        };
        bars.push(chart::Bar {
            label: r.classes.join(sep),
            label_style: Style::new(),
            value: r.survey.map_or(0, tenth),
            figure: survey,
            style: th.survey_bar(),
        });
        bars.push(chart::Bar {
            label: format!("  {}", t(lang, "本書", "this casebook")),
            label_style: th.dim(),
            value: r.share.map_or(0, tenth),
            figure: ours,
            style: th.bar(),
        });
    }
    bars.push(chart::Bar {
        label: t(
            lang,
            "（どの行にも当たらない本書の事例）",
            "(cases under no row)",
        )
        .to_string(),
        label_style: th.dim(),
        value: tenth(b.others_share),
        figure: format!("{:.1}% ({})", b.others_share, b.others),
        style: th.bar(),
    });
    out.push(Line::styled(
        wrap::truncate(
            t(
                lang,
                "棒: 上が調査、下が本書",
                "Bars: the survey above, this casebook below",
            ),
            width,
        )
        .into_owned(),
        th.dim(),
    ));
    out.extend(chart::lines(&bars, 0, width));
    out.extend(paragraph(
        Span::raw(""),
        &[(
            t(
                lang,
                "対応の考え方（casebook/reference/baselines.yaml）:",
                "How the classes are matched (casebook/reference/baselines.yaml):",
            )
            .to_string(),
            th.bold(),
        )],
        width,
    ));
    for r in &b.rows {
        let causes = if r.causes.is_empty() {
            t(lang, "なし", "none").to_string()
        } else {
            r.cause_titles.join(sep)
        };
        out.extend(paragraph(
            Span::raw("  "),
            &[(
                format!("{} ← {causes}: {}", r.classes.join(sep), r.why),
                Style::new(),
            )],
            width,
        ));
    }
    if let Some(note) = &b.note {
        out.extend(paragraph(
            Span::raw("  "),
            &[(format!("{}{note}", t(lang, "注: ", "Note: ")), th.dim())],
            width,
        ));
    }
    out
}

fn years(frame: &mut Frame, app: &App, s: &Stats, area: Rect) {
    let lang = app.env.lang;
    let n = s.years.len().max(1);
    let room = area.width as usize / n;
    // Two-digit year labels need bars two columns wide: the gap between bars
    // gives way first.
    let gap = room >= 3;
    let bar_w = room.saturating_sub(usize::from(gap)).clamp(1, 4) as u16;
    let bars: Vec<Bar> = s
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let label = if bar_w >= 4 {
                y.year.to_string()
            } else if !gap && i % 2 == 1 {
                // Side by side without gaps, every other year is named.
                String::new()
            } else {
                format!("{:02}", y.year % 100)
            };
            Bar::default()
                .value(y.cases as u64)
                .label(Line::from(label))
                .text_value(y.cases.to_string())
                .style(app.env.theme.bar())
        })
        .collect();
    let title = if bar_w >= 4 {
        t(lang, "公表年別の事例数", "Cases by year published").to_string()
    } else {
        format!(
            "{}{}",
            t(
                lang,
                "公表年別の事例数（年は下2桁）",
                "Cases by year published (two-digit years)"
            ),
            ""
        )
    };
    let chart = BarChart::default()
        .block(chart_title(
            app,
            wrap::truncate(&title, area.width as usize).into_owned(),
        ))
        .bar_width(bar_w)
        .bar_gap(u16::from(gap))
        .value_style(app.env.theme.bold())
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}
