//! Text on a slide, measured: paragraphs of styled spans, wrapped by the
//! Japanese line-breaking rules of [`crate::wrap`] in ems of their font, so
//! the height of every text box is known before it is written. Lines have a
//! fixed pitch (the paragraphs say so), so the height does not depend on the
//! font the viewer substitutes.
//!
//! Widths err on the wide side: a kanji or kana is one em; Latin letters are
//! measured as DejaVu Sans draws them (the widest common sans-serif, and what
//! LibreOffice substitutes for Yu Gothic on Linux), wider than Yu Gothic's.

use std::ops::Range;

/// Line pitch as a multiple of the font size.
pub const LINE: f64 = 1.3;
/// Line pitch of titles.
pub const TITLE_LINE: f64 = 1.2;

/// The width of a grapheme cluster in ems.
pub fn ems(g: &str) -> f64 {
    let Some(c) = g.chars().next() else {
        return 0.0;
    };
    match crate::width::cluster(g) {
        0 => 0.0,
        2.. => 1.0,
        _ => match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' | '(' | ')' | '['
            | ']' | '/' | '-' | 'f' | 't' | 'r' => 0.42,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 1.0,
            'A'..='Z' | '0'..='9' | '#' | '&' | '_' | '~' | '=' | '+' | '<' | '>' => 0.74,
            _ => 0.64,
        },
    }
}

/// Bold text is this much wider.
const BOLD: f64 = 1.07;
/// The space a renderer may add where Japanese meets Latin letters or digits
/// (LibreOffice's and Word's autospacing), in ems.
const AUTOSPACE: f64 = 0.25;
/// The share of a box's width that text is laid out in: the rest is slack
/// for fonts that differ from the measure.
const SLACK: f64 = 0.97;

/// Measures clusters in order: their widths, bold where `bold` says (by
/// character), and autospacing where Japanese meets Latin.
struct Measure<'a> {
    bold: &'a dyn Fn(usize) -> bool,
    at: usize,
    last: Class,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Wide,
    Latin,
    Other,
}

impl Measure<'_> {
    fn next(&mut self, g: &str) -> f64 {
        let c = g.chars().next().unwrap_or(' ');
        let class = match crate::width::cluster(g) {
            2.. => Class::Wide,
            _ if c.is_ascii_alphanumeric() => Class::Latin,
            _ => Class::Other,
        };
        let space = match (self.last, class) {
            (Class::Wide, Class::Latin) | (Class::Latin, Class::Wide) => AUTOSPACE,
            _ => 0.0,
        };
        let weight = if (self.bold)(self.at) { BOLD } else { 1.0 };
        self.at += g.chars().count();
        self.last = class;
        ems(g) * weight + space
    }
}

/// The width of `s` in ems (`bold`: all of it bold).
pub fn width(s: &str, bold: bool) -> f64 {
    let mut m = Measure {
        bold: &|_| bold,
        at: 0,
        last: Class::Other,
    };
    crate::width::clusters(s).map(|(g, _)| m.next(g)).sum()
}

/// The character ranges of the lines of `text` (no newlines) within `room`
/// ems; `bold` says which characters are bold.
pub fn lines_of(text: &str, room: f64, bold: &dyn Fn(usize) -> bool) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let mut m = Measure {
        bold,
        at: 0,
        last: Class::Other,
    };
    crate::wrap::break_measured(&chars, (room * SLACK).max(1.0), |g| m.next(g))
}

/// The lines of `text` within `room` ems, all of it bold or not.
pub fn lines(text: &str, room: f64, bold: bool) -> Vec<Range<usize>> {
    lines_of(text, room, &|_| bold)
}

/// How a span looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Plain,
    /// A credit label: bold, brown.
    Label,
    /// A control id: bold, the title colour.
    Control,
    /// A hyperlink.
    Link,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub look: Look,
    pub url: Option<String>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            look: Look::Plain,
            url: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bullet {
    None,
    /// The item's number.
    Number(usize),
    Dot,
    /// No mark, the margin of an item: an item continued from the slide before.
    Hang {
        numbered: bool,
    },
}

/// What a paragraph is: its size (at scale 1), colour, weight and spacing follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A slide's title (its size chosen by [`fit_title`]).
    Title,
    Text,
    Byline,
    Heading,
    Item,
    Footer,
    /// The title slide's line under the title.
    Subtitle,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Para {
    pub spans: Vec<Span>,
    pub role: Role,
    pub bullet: Bullet,
    /// Font size in points.
    pub size: f64,
}

impl Para {
    pub fn new(role: Role, bullet: Bullet, spans: Vec<Span>) -> Para {
        Para {
            spans,
            role,
            bullet,
            size: base_size(role),
        }
    }

    /// At `scale` of its base size.
    pub fn scaled(&self, scale: f64) -> Para {
        Para {
            size: (base_size(self.role) * scale * 2.0).round() / 2.0,
            ..self.clone()
        }
    }

    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn bold(&self) -> bool {
        matches!(self.role, Role::Heading | Role::Title)
    }

    pub fn color(&self) -> &'static str {
        match self.role {
            Role::Byline | Role::Footer | Role::Subtitle => "595959",
            Role::Heading | Role::Title => "1F3864",
            _ => "262626",
        }
    }

    /// The left margin of the text (bullets and numbers hang in it), in points.
    pub fn indent(&self) -> f64 {
        match self.bullet {
            Bullet::None => 0.0,
            Bullet::Dot | Bullet::Hang { numbered: false } => 1.2 * self.size,
            Bullet::Number(_) | Bullet::Hang { numbered: true } => 1.8 * self.size,
        }
    }

    /// Space before the paragraph, in points (none at the top of a box).
    pub fn before(&self) -> f64 {
        match self.role {
            Role::Heading => 0.7 * self.size,
            Role::Item => 0.3 * self.size,
            Role::Footer | Role::Subtitle | Role::Title => 0.0,
            _ => 0.45 * self.size,
        }
    }

    pub fn pitch(&self) -> f64 {
        match self.role {
            Role::Title => self.size * TITLE_LINE,
            _ => self.size * LINE,
        }
    }

    /// Its lines in a box `width` points wide (a span of `\n` is a line break).
    pub fn lines(&self, width: f64) -> Vec<Range<usize>> {
        // Which characters are bold: by span.
        let mut bold = Vec::new();
        for span in &self.spans {
            let b = self.bold() || matches!(span.look, Look::Label | Look::Control);
            bold.extend(std::iter::repeat_n(b, span.text.chars().count()));
        }
        let text = self.text();
        let room = (width - self.indent()) / self.size;
        let mut out = Vec::new();
        let mut start = 0;
        for part in text.split('\n') {
            let n = part.chars().count();
            let bold = |i: usize| bold.get(start + i).copied().unwrap_or(false);
            out.extend(
                lines_of(part, room, &bold)
                    .into_iter()
                    .map(|r| start + r.start..start + r.end),
            );
            start += n + 1;
        }
        out
    }

    /// Its height without the space before.
    pub fn height(&self, width: f64) -> f64 {
        self.lines(width).len() as f64 * self.pitch()
    }

    /// Split before character `at`: the second part continues the first
    /// (no bullet of its own, the same margin).
    fn split(&self, at: usize) -> (Para, Para) {
        let (mut first, mut rest) = (Vec::new(), Vec::new());
        let mut seen = 0;
        for span in &self.spans {
            let n = span.text.chars().count();
            if seen + n <= at {
                first.push(span.clone());
            } else if seen >= at {
                rest.push(span.clone());
            } else {
                let k = at - seen;
                let (a, b): (String, String) = (
                    span.text.chars().take(k).collect(),
                    span.text.chars().skip(k).collect(),
                );
                first.push(Span {
                    text: a,
                    ..span.clone()
                });
                rest.push(Span {
                    text: b.trim_start().to_string(),
                    ..span.clone()
                });
            }
            seen += n;
        }
        let bullet = match self.bullet {
            Bullet::None => Bullet::None,
            Bullet::Dot | Bullet::Hang { numbered: false } => Bullet::Hang { numbered: false },
            Bullet::Number(_) | Bullet::Hang { numbered: true } => Bullet::Hang { numbered: true },
        };
        (
            Para {
                spans: first,
                ..self.clone()
            },
            Para {
                spans: rest,
                bullet,
                ..self.clone()
            },
        )
    }
}

fn base_size(role: Role) -> f64 {
    match role {
        Role::Title => 28.0,
        Role::Text | Role::Heading => 18.0,
        Role::Item => 16.0,
        Role::Byline => 14.0,
        Role::Footer => 11.0,
        Role::Subtitle => 20.0,
    }
}

/// The height of paragraphs in a box `width` points wide.
pub fn height(paras: &[Para], width: f64) -> f64 {
    paras
        .iter()
        .enumerate()
        .map(|(i, p)| p.height(width) + if i == 0 { 0.0 } else { p.before() })
        .sum()
}

/// The scales tried, largest first, before a slide's body continues on
/// another slide.
pub const SCALES: [f64; 3] = [1.0, 0.9, 0.8];

/// The body's paragraphs in columns of at most `room` points high, at the
/// largest scale at which they fit in `columns` columns (one slide), else at
/// the smallest scale in as many columns as they need.
pub fn paginate(paras: &[Para], width: f64, room: f64, columns: usize) -> Vec<Vec<Para>> {
    for scale in SCALES {
        let scaled: Vec<Para> = paras.iter().map(|p| p.scaled(scale)).collect();
        let flowed = flow(scaled, width, room);
        if flowed.len() <= columns.max(1) || scale == SCALES[SCALES.len() - 1] {
            return flowed;
        }
    }
    Vec::new()
}

/// Paragraphs in columns of at most `room` points: a heading stays with the
/// first line of what follows it; a paragraph that does not fit is split
/// between lines when at least one fits.
fn flow(paras: Vec<Para>, width: f64, room: f64) -> Vec<Vec<Para>> {
    let mut queue: std::collections::VecDeque<Para> = paras.into();
    let mut pages: Vec<Vec<Para>> = vec![Vec::new()];
    while let Some(p) = queue.pop_front() {
        let page = pages.last_mut().expect("a page");
        let used = height(page, width);
        let gap = if page.is_empty() { 0.0 } else { p.before() };
        let next = match (p.role, queue.front()) {
            (Role::Heading, Some(n)) => n.before() + n.pitch(),
            _ => 0.0,
        };
        if used + gap + p.height(width) + next <= room {
            page.push(p);
            continue;
        }
        // As many of its lines as fit, when at least one does.
        let fit = ((room - used - gap) / p.pitch()).floor().max(0.0) as usize;
        let lines = p.lines(width);
        if p.role != Role::Heading && fit >= 1 && fit < lines.len() {
            let (first, rest) = p.split(lines[fit].start);
            page.push(first);
            queue.push_front(rest);
            pages.push(Vec::new());
            continue;
        }
        if page.is_empty() {
            // Not even one line fits an empty page: place it anyway.
            page.push(p);
            pages.push(Vec::new());
            continue;
        }
        pages.push(Vec::new());
        queue.push_front(p);
    }
    pages.retain(|p| !p.is_empty());
    pages
}

/// How a title is set: its size, its number of lines, the width its box
/// needs (lines of a wrapped title are balanced, not one full and one short),
/// and where a two-line title breaks when a comma or space near its middle
/// lets it break between phrases (a character offset).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Title {
    pub size: f64,
    pub lines: usize,
    pub width: f64,
    pub break_at: Option<usize>,
}

impl Title {
    pub fn height(&self) -> f64 {
        self.lines as f64 * self.size * TITLE_LINE
    }
}

/// A title `width` points wide at most: on one line if it fits at a size
/// down to four fifths of the largest of `sizes`; else on as few lines as
/// possible up to `max_lines`, as large as possible; else at the smallest
/// size on as many lines as it needs.
pub fn fit_title(text: &str, width: f64, sizes: &[f64], max_lines: usize) -> Title {
    let count = |size: f64, w: f64| lines(text, w / size, true).len();
    let largest = sizes[0];
    let smallest = sizes[sizes.len() - 1];
    let chosen = sizes
        .iter()
        .filter(|&&s| s >= 0.8 * largest)
        .find(|&&s| count(s, width) == 1)
        .map(|&s| (s, 1))
        .or_else(|| {
            (2..=max_lines).find_map(|n| {
                sizes
                    .iter()
                    .find(|&&s| count(s, width) <= n)
                    .map(|&s| (s, n))
            })
        })
        .unwrap_or((smallest, count(smallest, width)));
    let (size, n) = chosen;
    // The narrowest box that keeps it on `n` lines: balanced lines.
    let mut w = width;
    if n > 1 {
        let (mut lo, mut hi) = (width / n as f64 * 0.8, width);
        for _ in 0..24 {
            let mid = (lo + hi) / 2.0;
            if count(size, mid) <= n {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        w = (hi + size).min(width);
    }
    let break_at = (n == 2).then(|| phrase_break(text, width / size)).flatten();
    Title {
        size,
        lines: count(size, w),
        // A break of its own: each line fits the full width.
        width: if break_at.is_some() { width } else { w },
        break_at,
    }
}

/// Where `text` may break into two lines of at most `room` ems each, after
/// a comma, colon or space, nearest its middle and leaving at least a third
/// on each line; the offset is of the character after the break.
fn phrase_break(text: &str, room: f64) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    let total = width(text, true);
    let room = room * SLACK;
    let mut best: Option<(f64, usize)> = None;
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '、' | '，' | '：' | '　' | ' ') || i + 1 >= chars.len() {
            continue;
        }
        let first: String = chars[..=i].iter().collect();
        let rest: String = chars[i + 1..].iter().collect();
        let (before, after) = (
            width(first.trim_end(), true),
            width(rest.trim_start(), true),
        );
        if before > room || after > room || before.min(after) < total / 3.0 {
            continue;
        }
        let off = (before - total / 2.0).abs();
        if best.is_none_or(|(b, _)| off < b) {
            best = Some((off, i + 1));
        }
    }
    best.map(|(_, at)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kanji_are_an_em_and_latin_narrower() {
        assert_eq!(width("紛失", false), 2.0);
        assert!(width("A.7.14", false) < 4.0);
        assert!(width("mmm", false) > width("iii", false));
        assert!(width("紛失", true) > 2.0, "bold is wider");
        // Where Japanese meets Latin, a renderer may add space.
        assert!(width("USB紛失", false) > width("USB", false) + 2.0);
    }

    #[test]
    fn a_long_list_continues_on_another_page_and_a_heading_keeps_its_item() {
        let item = |n| {
            Para::new(
                Role::Item,
                Bullet::Number(n),
                vec![Span::plain(
                    "委託先で業務データを保存した機器・媒体を廃棄するときは".repeat(3),
                )],
            )
        };
        let mut paras = vec![Para::new(
            Role::Heading,
            Bullet::None,
            vec![Span::plain("再発防止策")],
        )];
        paras.extend((1..=8).map(item));
        let pages = paginate(&paras, 600.0, 300.0, 1);
        assert!(pages.len() >= 2, "{}", pages.len());
        for page in &pages {
            assert!(height(page, 600.0) <= 300.0);
            assert_ne!(page.last().unwrap().role, Role::Heading);
        }
        let all: String = pages.iter().flatten().map(Para::text).collect();
        let expected: String = paras.iter().map(Para::text).collect();
        assert_eq!(all, expected, "nothing is lost");
    }

    #[test]
    fn a_long_title_shrinks_before_it_wraps_further() {
        let sizes = [28.0, 24.0, 20.0];
        let short = fit_title("紛失", 800.0, &sizes, 2);
        assert_eq!((short.size, short.lines, short.width), (28.0, 1, 800.0));
        let long = "委託で処分したPOSレジ端末が患者データを残したままフリマアプリで流通".repeat(2);
        let title = fit_title(&long, 800.0, &sizes, 2);
        assert!(title.size < 28.0 && title.lines == 2, "{title:?}");
        // Balanced: the box is narrower than the slide, the lines about even.
        let middling = "委託で処分したPOSレジ端末が患者データを残したままフリマアプリで流通";
        let title = fit_title(middling, 600.0, &sizes, 2);
        assert_eq!((title.size, title.lines), (28.0, 2));
        assert!(title.width < 600.0, "{title:?}");
        // A comma near the middle is where it breaks.
        let comma =
            "机上に残されたID・パスワードのメモを使い、国交省の車両情報システムに不正アクセス";
        let title = fit_title(comma, 700.0, &sizes, 2);
        assert_eq!(title.lines, 2, "{title:?}");
        let at = title.break_at.expect("a break after the comma");
        assert!(comma.chars().nth(at - 1) == Some('、'), "{title:?}");
    }
}
