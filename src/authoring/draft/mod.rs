//! `casebook draft`: a published incident notice's text → a draft case file.
//! It takes what the text states and invents nothing; what it cannot find
//! stays `TODO`, and each drafted field says which notice line it came from.
//!
//! The steps, one file each: [`decode`] the bytes, read the [`lines`] worth
//! reading, find the [`sections`] by their headings, take the [`header`]
//! (title, organization, date), the [`facts`] (when, how many, which data)
//! and the [`account`] (summary, causes, measures, response), add
//! [`suggest`]ions from the loaded casebook, and [`render`] the file.

pub mod account;
pub mod data;
pub mod date_line;
pub mod dates;
pub mod decode;
pub mod facts;
pub mod header;
pub mod issuer;
pub mod lines;
pub mod marker;
pub mod measure;
pub mod numbers;
pub mod organization;
pub mod render;
pub mod sections;
pub mod site;
pub mod suggest;
pub mod update;
pub mod when;

use crate::casebook::Casebook;
use crate::lang::Lang;
use crate::model::PartialDate;
use facts::Counted;
use header::Fact;
use lines::Line;

/// Everything read from a notice.
#[derive(Clone, Debug, Default)]
pub struct Extract {
    pub lines: Vec<Line>,
    pub title: Option<Fact<String>>,
    pub organization: Option<Fact<String>>,
    /// How the notice refers to itself (本学, 当院) when it names no organization.
    pub self_word: Option<String>,
    /// The day the matter was made public (a later report's first announcement).
    pub published: Option<Fact<PartialDate>>,
    /// The notice's own date (a later report's, when it differs from `published`).
    pub dated: Option<Fact<PartialDate>>,
    pub occurred: Option<Fact<PartialDate>>,
    /// The day the organization learned of it (判明日, 発覚).
    pub discovered: Option<Fact<PartialDate>>,
    pub people: Counted,
    pub records: Counted,
    pub data: Vec<Fact<String>>,
    pub summary: Vec<Fact<String>>,
    pub causes: Vec<Fact<String>>,
    /// The causes are the account's sentence of what went wrong (the notice
    /// has no 原因 section or sentence).
    pub cause_from_account: bool,
    /// The notice names no measure, only promises to prevent a recurrence:
    /// the promise stands as the measure.
    pub measures_pledged: bool,
    pub measures: Vec<Fact<String>>,
    pub response: Vec<Fact<String>>,
    pub urls: Vec<Fact<String>>,
}

/// Reads a notice's text.
pub fn extract(text: &str) -> Extract {
    let lines = lines::read(text);
    let sections = sections::split(&lines);
    // The first section of the notice (a page's menu may hold a heading word
    // such as よくあるご質問 before it).
    // (A label of no kind above all, 【重要なお知らせ】, is no section: the
    // title follows it.)
    let first_heading = sections
        .iter()
        .filter(|s| !s.is(sections::Kind::Aside))
        .filter(|s| !(s.heading == Some(0) && s.kinds.is_empty()))
        .find_map(|s| s.heading)
        .unwrap_or(lines.len());
    let title = header::title(&lines, first_heading);
    let issuer = issuer::issuer(&lines, &sections, title.as_ref(), first_heading);
    let organization = issuer.name.and_then(|mut f| {
        let name = organization::tidy(&f.value)?;
        f.value = organization::formal(&name, |w| lines.iter().any(|l| l.text.contains(w)));
        Some(f)
    });
    let dated = header::published(&lines, &sections, first_heading);
    let published = header::announced(&lines, first_heading, dated.as_ref()).or(dated.clone());
    // The lines that are the notice's heading, not its account: the title,
    // the organization's own line (not a sentence that names it), the date.
    let mut header_lines: Vec<usize> = Vec::new();
    for f in [title.as_ref().map(|t| &t.0), organization.as_ref()]
        .into_iter()
        .flatten()
    {
        header_lines.extend(f.lines.iter().filter(|&&i| !sentence_line(&lines[i].text)));
    }
    if let Some(p) = &dated {
        header_lines.extend(&p.lines);
    }
    let when = when::when(&lines, &sections, dated.as_ref(), &header_lines);
    let (people, records) = facts::counts(
        &lines,
        &sections,
        title.as_ref().and_then(|t| t.0.lines.first().copied()),
    );
    let mut causes = account::causes(&lines, &sections);
    let cause_from_account = causes.is_empty();
    if cause_from_account {
        causes.extend(account::incident(&lines, &sections, &header_lines));
    }
    // The title or the date line is no measure (…に関するお詫びと注意喚起).
    // (Nor is the page's date: 更新日:2024年01月31日.)
    let of_header = |m: &Fact<String>| m.lines.iter().any(|l| header_lines.contains(l));
    let mut measures: Vec<_> = account::measures(&lines, &sections)
        .into_iter()
        .filter(|m| !of_header(m) && date_line::date_line(&m.value).is_none())
        .collect();
    let measures_pledged = measures.is_empty();
    if measures_pledged {
        measures.extend(account::pledge(&lines, &sections).filter(|m| !of_header(m)));
    }
    Extract {
        title: title.map(|t| t.0),
        organization,
        self_word: issuer.self_word,
        published,
        dated,
        occurred: when.occurred,
        discovered: when.discovered,
        people,
        records,
        data: data::data_kinds(&lines, &sections),
        summary: account::summary(&lines, &sections, &header_lines),
        causes,
        cause_from_account,
        measures,
        measures_pledged,
        response: account::response(&lines, &sections),
        urls: header::urls(&lines),
        lines,
    }
}

/// A notice larger than this (4 MiB) is not a notice.
pub const MAX_NOTICE: u64 = 4 << 20;

/// How to draft.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The case id, when the author has chosen one.
    pub id: Option<String>,
    /// How the notice is named in the header comment (its file name, or "standard input").
    pub source: String,
    pub lang: Lang,
    /// Where the notice was read (`--url`).
    pub url: Option<String>,
    /// The day the page says the notice was published, when its text does not (`--published`).
    pub published: Option<PartialDate>,
}

/// A draft: the case file's text and what it was made from.
pub struct Draft {
    pub text: String,
    pub encoding: &'static str,
    pub extract: Extract,
}

/// Drafts a case file from a notice's bytes, with suggestions from `book`.
pub fn draft(
    bytes: &[u8],
    book: &Casebook,
    options: &Options,
) -> Result<Draft, crate::diag::Message> {
    let decoded = decode::decode(bytes)?;
    let extract = extract(&decoded.text);
    let text = render::render(&extract, book, options, decoded.encoding);
    Ok(Draft {
        text,
        encoding: decoded.encoding,
        extract,
    })
}

/// A line that is a sentence, not a heading: it has a clause or a sentence
/// end (`、`, `。`, or `,` and `.` as some sites write them:
/// `…であり,北浜学会が送信したものではございません.`).
fn sentence_line(t: &str) -> bool {
    let t = t.trim_end();
    t.contains(['。', '、', '，'])
        || t.strip_suffix(['.', '．'])
            .and_then(|b| b.chars().last())
            .is_some_and(|c| !c.is_ascii())
}
