//! The statistics view: bar charts of the cases by cause (beside the JNSA
//! survey's shares, the survey and its year named on screen), by sector and by
//! year. Side by side on wide screens, one at a time (←/→, Tab) otherwise.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

use crate::answers::stats::Stats;
use crate::lang::{Lang, t};
use crate::tui::app::App;
use crate::tui::detail::paragraph;
use crate::wrap;

/// Below this inner width, one chart at a time.
const SIDE_BY_SIDE: usize = 150;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = app.theme;
    let lang = app.lang;
    let Some(s) = &app.stats.stats else { return };
    let filtered = app.node().is_some() || app.filters.active();
    let title = match (lang, filtered) {
        (Lang::Ja, false) => format!(" 統計 ・ 全{}件 ", s.cases),
        (Lang::Ja, true) => format!(" 統計 ・ 絞り込み {}件 ", s.cases),
        (Lang::En, false) => format!(
            " Statistics · {} ",
            crate::plural::count(s.cases, "case", "cases")
        ),
        (Lang::En, true) => format!(
            " Statistics · {} (filtered) ",
            crate::plural::count(s.cases, "case", "cases")
        ),
    };
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
        let cols = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([
                Constraint::Percentage(40),
                Constraint::Percentage(30),
                Constraint::Percentage(30),
            ])
            .split(body);
        causes(frame, app, s, cols[0]);
        sectors(frame, app, s, cols[1]);
        years(frame, app, s, cols[2]);
        return;
    }
    let names = [
        t(lang, "原因", "Causes"),
        t(lang, "業種", "Sectors"),
        t(lang, "公表年", "Years"),
    ];
    let mut tabs = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let style = if i == app.stats.tab {
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
    match app.stats.tab {
        0 => causes(frame, app, s, chart),
        1 => sectors(frame, app, s, chart),
        _ => years(frame, app, s, chart),
    }
}

fn bar_style(app: &App, survey: bool) -> Style {
    match (app.theme.color, survey) {
        (true, false) => Style::new().fg(Color::Cyan),
        (true, true) => Style::new().fg(Color::DarkGray),
        (false, false) => Style::new(),
        (false, true) => Style::new().add_modifier(Modifier::DIM),
    }
}

fn chart_title(app: &App, text: String) -> Block<'static> {
    Block::new().title(Span::styled(text, app.theme.bold()))
}

/// Per cause: this casebook's share, and the survey's: two bars each when
/// there is room, else the survey's figure beside the cause's name.
fn causes(frame: &mut Frame, app: &App, s: &Stats, area: Rect) {
    let lang = app.lang;
    let th = app.theme;
    let survey = s
        .survey
        .as_ref()
        .map(|v| v.short.get(lang).to_string())
        .unwrap_or_default();
    let pairs = area.height as usize > s.causes.len() * 3;
    let tenth = |p: f64| (p * 10.0).round() as u64;
    // The names give way (cut with `…`) before the bars' figures do: a bar
    // needs about ten columns for `26.2% (11)`.
    let room = (area.width as usize).saturating_sub(if pairs { 11 } else { 17 });
    let title_w = s
        .causes
        .iter()
        .map(|c| wrap::width(&c.title))
        .max()
        .unwrap_or(8)
        .min(room.max(4));
    let mut groups: Vec<BarGroup> = Vec::new();
    for c in &s.causes {
        let jnsa = c.jnsa_share.flatten();
        let jnsa_text = jnsa.map_or("-".to_string(), |p| format!("{p:.1}%"));
        let own = Bar::default()
            .value(tenth(c.share))
            .text_value(format!("{:.1}% ({})", c.share, c.cases))
            .style(bar_style(app, false));
        let bars = if pairs {
            vec![
                own.label(Line::from(wrap::truncate(&c.title, title_w).into_owned())),
                Bar::default()
                    .value(jnsa.map_or(0, tenth))
                    .label(Line::styled(format!("  {survey}"), th.dim()))
                    .text_value(jnsa_text)
                    .style(bar_style(app, true)),
            ]
        } else {
            vec![own.label(Line::from(vec![
                Span::raw(wrap::pad(&c.title, title_w)),
                Span::styled(format!(" {}", wrap::pad_left(&jnsa_text, 5)), th.dim()),
            ]))]
        };
        groups.push(BarGroup::default().bars(&bars));
    }
    let max = s
        .causes
        .iter()
        .flat_map(|c| [Some(c.share), c.jnsa_share.flatten()])
        .flatten()
        .map(tenth)
        .max()
        .unwrap_or(1)
        .max(1);
    let title = if pairs {
        t(
            lang,
            "原因分類の割合（上: 本書、下: 調査）",
            "Share by cause (upper: this casebook, lower: the survey)",
        )
        .to_string()
    } else {
        match lang {
            Lang::Ja => format!("原因分類の割合（数字: {survey}、棒: 本書）"),
            Lang::En => format!("Share by cause (figure: {survey}; bar: this casebook)"),
        }
    };
    let mut chart = BarChart::default()
        .block(chart_title(
            app,
            wrap::truncate(&title, area.width as usize).into_owned(),
        ))
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .group_gap(u16::from(pairs))
        .max(max)
        .value_style(th.bold());
    for g in groups {
        chart = chart.data(g);
    }
    frame.render_widget(chart, area);
}

fn sectors(frame: &mut Frame, app: &App, s: &Stats, area: Rect) {
    let lang = app.lang;
    let bars: Vec<Bar> = s
        .sectors
        .iter()
        .map(|c| {
            Bar::default()
                .value(c.cases as u64)
                .label(Line::from(crate::width::screen(&c.title).into_owned()))
                .text_value(format!("{} ({:.1}%)", c.cases, c.share))
                .style(bar_style(app, false))
        })
        .collect();
    let chart = BarChart::default()
        .block(chart_title(
            app,
            t(lang, "業種別の事例数", "Cases by sector").to_string(),
        ))
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .value_style(app.theme.bold())
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}

fn years(frame: &mut Frame, app: &App, s: &Stats, area: Rect) {
    let lang = app.lang;
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
                .style(bar_style(app, false))
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
        .value_style(app.theme.bold())
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}
