//! The commands that read the casebook: list, show, cite, search, export.

use std::io::IsTerminal;
use std::process::ExitCode;

use serde::Serialize;

use super::{Cli, Command, ListFormat, Session, ShowFormat, TextFormat};
use crate::answers::filter::Filter;
use crate::casebook::{Casebook, Entry};
use crate::catalog::Kind;
use crate::diag::{Message, Phrase, phrase};
use crate::export::file::{Content, Format};
use crate::export::{self, Style};
use crate::model::ControlRef;
use crate::msg;
use crate::out::{self, Fail, Out};
use crate::search::{self, Searcher};
use crate::suggest;

pub fn run(cli: &Cli, command: &Command) -> Result<ExitCode, Fail> {
    let session = Session::open(cli)?;
    session.warn_if_incomplete()?;
    let mut out = Out::new();
    let code = print(&session, command, &mut out)?;
    out.finish()?;
    for notice in session.loaded.casebook.take_notices() {
        out::error(session.lang, &notice)?;
    }
    // The process ends next: freeing ten thousand cases one by one is wasted time.
    std::mem::forget(session);
    Ok(code)
}

fn print(session: &Session, command: &Command, out: &mut Out) -> Result<ExitCode, Fail> {
    let book = &session.loaded.casebook;
    let lang = session.lang;
    match command {
        Command::Validate { .. }
        | Command::Coverage { .. }
        | Command::Stats { .. }
        | Command::Similar { .. }
        | Command::New { .. }
        | Command::Schema { .. }
        | Command::Draft { .. }
        | Command::Triage { .. }
        | Command::Report { .. }
        | Command::Due { .. }
        | Command::Measures { .. }
        | Command::Digest { .. }
        | Command::Checklist { .. } => {
            unreachable!(
                "handled by validate::run, answers::run, author::run, report::run and review::run"
            )
        }
        Command::List {
            control,
            cause,
            sector,
            threat,
            year,
            since,
            until,
            source,
            format,
        } => {
            let filter = Filter {
                controls: control
                    .iter()
                    .map(|c| control_ref(book, c))
                    .collect::<Result<_, _>>()?,
                causes: cause
                    .iter()
                    .map(|c| vocabulary(book, Kind::Causes, c, CAUSE))
                    .collect::<Result<_, _>>()?,
                sectors: sector
                    .iter()
                    .map(|s| vocabulary(book, Kind::Sectors, s, SECTOR))
                    .collect::<Result<_, _>>()?,
                threats: threat
                    .iter()
                    .map(|s| vocabulary(book, Kind::Threats, s, THREAT))
                    .collect::<Result<_, _>>()?,
                since: year.or(*since),
                until: year.or(*until),
                origin: *source,
            };
            let mut cases = filter.apply(book);
            let e = book.entries();
            book.sort_newest_first(&mut cases);
            match format {
                ListFormat::Json => {
                    let list: Vec<_> = cases.iter().map(|&i| &e[i].case).collect();
                    out.print(&(json(&list) + "\n"))?;
                }
                ListFormat::Text => {
                    for &i in &cases {
                        let c = book.summary(i);
                        out.print(&format!(
                            "{}\t{}\t{}\t{}\n",
                            c.date.label(lang),
                            c.id,
                            c.organization,
                            c.title
                        ))?;
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show {
            id,
            format,
            width,
            out: path,
            force,
        } => {
            let entry = case(book, id)?;
            let data = match format {
                ShowFormat::Json => (json(&entry.case) + "\n").into_bytes(),
                ShowFormat::Markdown => {
                    export::summary::markdown(&entry.case, &book.catalogs, lang).into_bytes()
                }
                ShowFormat::Brief => {
                    export::summary::brief(&entry.case, &book.catalogs, lang, Style::Plain)
                        .into_bytes()
                }
                ShowFormat::Docx | ShowFormat::Pptx | ShowFormat::Pdf => {
                    let i = book.index_of(&entry.case.id).unwrap_or(0);
                    let format = match format {
                        ShowFormat::Pptx => Format::Pptx,
                        ShowFormat::Pdf => Format::Pdf,
                        _ => Format::Docx,
                    };
                    export::file::render(book, &Content::Case(i), lang, format)?
                }
                ShowFormat::Text => {
                    let width = match width {
                        Some(0) => None,
                        Some(w) => Some(*w),
                        None if path.is_none() && std::io::stdout().is_terminal() => {
                            crossterm::terminal::size().ok().map(|(w, _)| w as usize)
                        }
                        None => None,
                    };
                    export::summary::plain(&entry.case, &book.catalogs, lang, width).into_bytes()
                }
            };
            let binary = matches!(
                format,
                ShowFormat::Docx | ShowFormat::Pptx | ShowFormat::Pdf
            );
            deliver(out, path.as_deref(), &data, binary, *force, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Cite { id, format } => {
            let entry = case(book, id)?;
            let style = if *format == TextFormat::Markdown {
                Style::Markdown
            } else {
                Style::Plain
            };
            out.print(&(export::cite::citation(&entry.case, style, lang) + "\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            query,
            target,
            limit,
            format,
        } => {
            let (searcher, notices) = Searcher::open(book, &session.loaded.index);
            let mut searcher = searcher.once();
            for notice in notices {
                out::error(lang, &notice)?;
            }
            let mut hits = searcher.search(query, *target);
            if let Some(limit) = limit {
                hits.truncate(limit.get()?);
            }
            match format {
                ListFormat::Json => {
                    let rows: Vec<SearchHit> = hits
                        .iter()
                        .map(|h| {
                            let (ci, kind) = searcher.index.item_of(h.item);
                            // Read, not kept (as for the text output below).
                            let entry = book.fetch(ci);
                            let case = &entry.case;
                            let controls = match kind {
                                search::Kind::Measure(i) => {
                                    case.measures[i as usize].controls.clone()
                                }
                                search::Kind::Case => {
                                    export::controls_of(case).into_iter().cloned().collect()
                                }
                            };
                            SearchHit {
                                case_id: case.id.clone(),
                                kind: if matches!(kind, search::Kind::Case) {
                                    "case"
                                } else {
                                    "measure"
                                },
                                text: search::item_text_in(case, kind),
                                controls,
                                score: h.score,
                                positions: match h.via {
                                    Some(_) => Vec::new(),
                                    None => searcher.positions_in(case, h.item, query),
                                },
                                via_control: h.via.map(|c| searcher.index.control(c).clone()),
                            }
                        })
                        .collect();
                    out.print(&(json(&rows) + "\n"))?;
                }
                ListFormat::Text => {
                    // Cases read for the output are not kept: at 100,000 cases
                    // a common word's hits would hold most of them in memory.
                    let mut last: Option<(usize, std::borrow::Cow<Entry>)> = None;
                    for h in &hits {
                        let (ci, kind) = searcher.index.item_of(h.item);
                        if last.as_ref().is_none_or(|(i, _)| *i != ci) {
                            last = Some((ci, book.fetch(ci)));
                        }
                        let Some((_, entry)) = &last else { continue };
                        let case = &entry.case;
                        let controls: Vec<String> = match kind {
                            search::Kind::Measure(i) => case.measures[i as usize]
                                .controls
                                .iter()
                                .map(|r| r.to_string())
                                .collect(),
                            search::Kind::Case => Vec::new(),
                        };
                        // A case hit shows the sentences that matched (the
                        // searched text, summary and all, is long), else its title.
                        let text = match kind {
                            search::Kind::Measure(i) => case.measures[i as usize].text.clone(),
                            search::Kind::Case if h.via.is_some() => case.title.clone(),
                            search::Kind::Case => search::matched_text(
                                case,
                                &searcher.positions_in(case, h.item, query),
                            ),
                        };
                        // Found through a control, not its own words: a fourth column says which.
                        let via = h
                            .via
                            .map(|c| format!("\tvia:{}", searcher.index.control(c)))
                            .unwrap_or_default();
                        out.print(&format!(
                            "{text}\t[{}]\t{}{via}\n",
                            case.id,
                            controls.join(" ")
                        ))?;
                    }
                }
            }
            if hits.is_empty() {
                let said = search::no_hits(query, *target, session.lang);
                crate::out::eprint(&format!("casebook: {said}\n"))?;
            }
            Ok(if hits.is_empty() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Export {
            cases,
            control,
            out: path,
            force,
            format,
            title,
        } => {
            let content = if !control.is_empty() {
                group_content(session, control)?
            } else {
                let indices = cases
                    .iter()
                    .map(|id| case(book, id).map(|e| book.index_of(&e.case.id).unwrap_or(0)))
                    .collect::<Result<Vec<usize>, Message>>()?;
                Content::Pack {
                    cases: indices,
                    title: title.clone(),
                }
            };
            let format = match (format, path) {
                (Some(f), _) => *f,
                (None, Some(p)) => Format::from_path(p)?,
                (None, None) => Format::Md,
            };
            let data = export::file::render(book, &content, lang, format)?;
            deliver(
                out,
                path.as_deref(),
                &data,
                format.is_binary(),
                *force,
                lang,
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes `data` to `path` (see `export::write`: atomically for a file, never
/// over one without `force`), or to standard output; binary data never goes to
/// a terminal. A document's bytes go out as they are (its text passed the text
/// rule when it was loaded; a CSV's byte-order mark and Word or Excel files
/// must not be altered).
pub(super) fn deliver(
    out: &mut Out,
    path: Option<&std::path::Path>,
    data: &[u8],
    binary: bool,
    force: bool,
    lang: crate::lang::Lang,
) -> Result<(), Fail> {
    let Some(path) = path else {
        if binary && std::io::stdout().is_terminal() {
            return Err(Fail::Error(Message::new(
                "この形式はバイナリで、標準出力が端末です。--out FILE を指定してください（または出力をリダイレクトしてください）",
                "this format is binary and standard output is a terminal: use --out FILE (or redirect the output)",
            )));
        }
        return out.write_bytes(data);
    };
    let shown = crate::text::path(path);
    export::write::write_file(path, data, force).map_err(|e| match e {
        export::write::WriteError::Exists => msg!(
            "{shown} は既にあります。置き換えるには --force を付けます",
            "{shown} already exists; use --force to replace it"
        ),
        export::write::WriteError::Io(reason) => {
            msg!("{shown} に書き込めません: ", "cannot write {shown}: ").then(&reason)
        }
    })?;
    out::error(
        lang,
        &msg!("{shown} に書き出しました", "written to {shown}"),
    )
}

#[derive(Serialize)]
struct SearchHit {
    case_id: String,
    kind: &'static str,
    text: String,
    controls: Vec<ControlRef>,
    score: u32,
    /// Character (not byte) indices into `text`.
    positions: Vec<usize>,
    /// The control the hit was found through, when its text did not match (null otherwise).
    via_control: Option<ControlRef>,
}

pub(super) fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// A case by id, or an error naming the nearest ids.
pub(super) fn case<'a>(book: &'a Casebook, id: &str) -> Result<&'a Entry, Message> {
    book.get(id).ok_or_else(|| {
        let near = book.nearest_ids(id);
        msg!("ID が `{id}` の事例はありません", "no case with id `{id}`")
            .then(&suggest::did_you_mean(&near))
            .then(&Message::new(
                "。`casebook list` ですべての ID を確かめられます",
                " (`casebook list` shows every id)",
            ))
    })
}

/// A control in any spelling (`A.7.14`, `10-5(4)`, `iso27001:A.7.14`), or any
/// other catalog node as `SCHEME:ID` (`cause:loss`); an error naming the nearest.
pub(super) fn control_ref(book: &Casebook, s: &str) -> Result<ControlRef, Message> {
    if let Some(r) = ControlRef::parse(s)
        && let Some(catalog) = book.catalogs.scheme(&r.scheme)
        && catalog.kind != Kind::Controls
    {
        if catalog.get(&r.id).is_none() {
            return Err(msg!("`{s}` という ID はありません", "unknown id `{s}`")
                .then(&catalog.suggest_refs(&r.id)));
        }
        return Ok(r);
    }
    crate::control_id::resolve(&book.catalogs, s)
}

/// What `export --control` writes: one catalog node without a statement,
/// its precedent list; several controls, a range or a statement in force,
/// the register of the group (one row per measure, held against the
/// statement).
fn group_content(session: &Session, typed: &[String]) -> Result<Content, Message> {
    let book = &session.loaded.casebook;
    if let [one] = typed {
        let single = control_ref(book, one);
        // Another kind of catalog's node (`cause:loss`) is a precedent list or an error.
        let other_kind = ControlRef::parse(one).is_some_and(|r| {
            book.catalogs
                .scheme(&r.scheme)
                .is_some_and(|c| c.kind != Kind::Controls)
        });
        if other_kind {
            let r = single?;
            return Ok(Content::Precedents {
                scheme: r.scheme,
                id: r.id,
            });
        }
        let control = single.as_ref().is_ok_and(|r| {
            book.catalogs
                .scheme(&r.scheme)
                .is_some_and(|c| c.kind == Kind::Controls)
        });
        if let Ok(r) = single
            && (session.soa.is_none() || !control)
        {
            return Ok(Content::Precedents {
                scheme: r.scheme,
                id: r.id,
            });
        }
    }
    let mut controls: Vec<ControlRef> = Vec::new();
    for t in typed {
        controls.extend(crate::control_id::resolve_group(&book.catalogs, t)?);
    }
    Ok(Content::Register {
        controls,
        soa: session.soa.clone(),
        only: None,
    })
}

const CAUSE: Phrase = phrase("原因分類", "cause");
pub(super) const SECTOR: Phrase = phrase("業種", "sector");
pub(super) const THREAT: Phrase = phrase("脅威", "threat");

/// A cause, sector or threat id that exists, or an error naming the nearest.
pub(super) fn vocabulary(
    book: &Casebook,
    kind: Kind,
    id: &str,
    what: Phrase,
) -> Result<String, Message> {
    let ids = book.catalogs.vocabulary(kind);
    if ids.is_empty() || ids.contains(&id) {
        return Ok(id.to_string());
    }
    let hint = suggest::did_you_mean(&suggest::nearest(id, ids.iter().copied(), 2));
    let (what_ja, what_en) = (what.ja, what.en);
    let (known_ja, known_en) = (ids.join("、"), ids.join(", "));
    Err(
        msg!("不明な{what_ja} `{id}` です", "unknown {what_en} `{id}`")
            .then(&hint)
            .then(&msg!("（使える値: {known_ja}）", " (known: {known_en})")),
    )
}
