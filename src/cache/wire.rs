//! The cached form of a case and of a diagnostic, encoded with postcard.
//!
//! The model types serialize for JSON output (fields skipped when empty), which
//! a positional format cannot read back; these mirror them field for field.
//! Adding a field to `Case` means adding it here and raising
//! [`super::FORMAT`].

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Message, Severity};
use crate::model::{
    Affected, Case, ControlRef, Fact, Filed, Leak, Measure, Origin, PartialDate, Progress,
    RootCause, Source,
};
use crate::text::Lines;

/// `S` is `&str` when encoding (no copies) and `String` when decoding.
#[derive(Serialize, Deserialize)]
pub struct WCase<S> {
    id: S,
    title: S,
    organization: S,
    sector: S,
    published: Option<WDate>,
    discovered: Option<WDate>,
    occurred: Option<WDate>,
    summary: S,
    affected: Option<WAffected<S>>,
    root_causes: Vec<(S, S)>,
    measures: Vec<WMeasure<S>>,
    response: Vec<S>,
    sources: Vec<WSource<S>>,
    tags: Vec<S>,
    /// The six leak facts (0 false, 1 true, 2 unknown; public_body 3: not written).
    leak: Option<[u8; 6]>,
    reports: Vec<(S, S, WDate)>,
    threats: Vec<S>,
    copied_from: Option<S>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WDate(u16, Option<u8>, Option<u8>);

#[derive(Serialize, Deserialize)]
struct WAffected<S> {
    people: Option<u64>,
    records: Option<u64>,
    data: Vec<S>,
}

#[derive(Serialize, Deserialize)]
struct WMeasure<S> {
    text: S,
    controls: Vec<(S, S)>,
    origin: u8,
    by: Option<S>,
    /// `Progress` as its position in `Progress::ALL`.
    status: Option<u8>,
    owner: Option<S>,
    due: Option<WDate>,
    done: Option<WDate>,
    verified: Option<WDate>,
    evidence: Option<S>,
}

#[derive(Serialize, Deserialize)]
struct WSource<S> {
    publisher: S,
    title: S,
    date: Option<WDate>,
    url: Option<S>,
    accessed: Option<WDate>,
}

impl From<PartialDate> for WDate {
    fn from(d: PartialDate) -> WDate {
        WDate(d.year, d.month, d.day)
    }
}

impl From<WDate> for PartialDate {
    fn from(d: WDate) -> PartialDate {
        PartialDate {
            year: d.0,
            month: d.1,
            day: d.2,
        }
    }
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn refs(v: &[ControlRef]) -> Vec<(&str, &str)> {
    v.iter()
        .map(|r| (r.scheme.as_str(), r.id.as_str()))
        .collect()
}

/// Encodes a case.
pub fn encode_case(c: &Case) -> Vec<u8> {
    let wire = WCase {
        id: c.id.as_str(),
        title: &c.title,
        organization: &c.organization,
        sector: &c.sector,
        published: c.published.map(Into::into),
        discovered: c.discovered.map(Into::into),
        occurred: c.occurred.map(Into::into),
        summary: &c.summary,
        affected: c.affected.as_ref().map(|a| WAffected {
            people: a.people,
            records: a.records,
            data: strs(&a.data),
        }),
        root_causes: c
            .root_causes
            .iter()
            .map(|r| (r.category.as_str(), r.text.as_str()))
            .collect(),
        measures: c
            .measures
            .iter()
            .map(|m| WMeasure {
                text: m.text.as_str(),
                controls: refs(&m.controls),
                origin: origin_code(m.origin),
                by: m.by.as_deref(),
                status: m.status.map(|s| s as u8),
                owner: m.owner.as_deref(),
                due: m.due.map(Into::into),
                done: m.done.map(Into::into),
                verified: m.verified.map(Into::into),
                evidence: m.evidence.as_deref(),
            })
            .collect(),
        response: strs(&c.response),
        sources: c
            .sources
            .iter()
            .map(|s| WSource {
                publisher: s.publisher.as_str(),
                title: &s.title,
                date: s.date.map(Into::into),
                url: s.url.as_deref(),
                accessed: s.accessed.map(Into::into),
            })
            .collect(),
        tags: strs(&c.tags),
        leak: c.leak.map(|l| {
            [
                fact(l.sensitive),
                fact(l.financial),
                fact(l.malicious),
                fact(l.encrypted),
                fact(l.recovered_unseen),
                l.public_body.map_or(3, fact),
            ]
        }),
        reports: c
            .reports
            .iter()
            .map(|r| (r.to.as_str(), r.stage.as_str(), r.date.into()))
            .collect(),
        threats: strs(&c.threats),
        copied_from: c.copied_from.as_deref(),
    };
    postcard::to_extend(&wire, Vec::with_capacity(2048)).unwrap_or_default()
}

/// A measure's origin on the wire (decoded in [`decode_case`]).
fn origin_code(o: Origin) -> u8 {
    match o {
        Origin::Reported => 0,
        Origin::Required => 1,
        Origin::Editorial => 2,
        Origin::Suggested => 3,
    }
}

/// Text decoded from a cache file as loading would have left it: the cache
/// is a file like any other (whoever can write it can make its checksums
/// hold), so what it says passes the text rule again. Clean text, nearly
/// all of it, is kept as it is.
pub fn clean(s: String, lines: Lines) -> String {
    match crate::text::clean(&s, lines) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(cleaned) => cleaned,
    }
}

fn line(s: String) -> String {
    clean(s, Lines::Join)
}

fn lines(v: Vec<String>) -> Vec<String> {
    v.into_iter().map(line).collect()
}

/// Decodes a case; None when the bytes are not one. Its text is cleaned
/// as it was when loaded ([`clean`]).
pub fn decode_case(bytes: &[u8]) -> Option<Case> {
    let w: WCase<String> = postcard::from_bytes(bytes).ok()?;
    let origin = |o: u8| match o {
        0 => Some(Origin::Reported),
        1 => Some(Origin::Required),
        2 => Some(Origin::Editorial),
        3 => Some(Origin::Suggested),
        _ => None,
    };
    let measures = w
        .measures
        .into_iter()
        .map(|m| {
            Some(Measure {
                text: line(m.text),
                controls: m
                    .controls
                    .into_iter()
                    .map(|(scheme, id)| ControlRef {
                        scheme: line(scheme),
                        id: line(id),
                    })
                    .collect(),
                origin: origin(m.origin)?,
                by: m.by.map(line),
                status: match m.status {
                    None => None,
                    Some(s) => Some(*Progress::ALL.get(usize::from(s))?),
                },
                owner: m.owner.map(line),
                due: m.due.map(Into::into),
                done: m.done.map(Into::into),
                verified: m.verified.map(Into::into),
                evidence: m.evidence.map(line),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Case {
        id: line(w.id),
        copied_from: w.copied_from.map(line),
        title: line(w.title),
        organization: line(w.organization),
        sector: line(w.sector),
        published: w.published.map(Into::into),
        discovered: w.discovered.map(Into::into),
        occurred: w.occurred.map(Into::into),
        summary: clean(w.summary, Lines::Keep),
        affected: w.affected.map(|a| Affected {
            people: a.people,
            records: a.records,
            data: lines(a.data),
        }),
        root_causes: w
            .root_causes
            .into_iter()
            .map(|(category, text)| RootCause {
                category: line(category),
                text: line(text),
            })
            .collect(),
        measures,
        response: lines(w.response),
        sources: w
            .sources
            .into_iter()
            .map(|s| Source {
                publisher: line(s.publisher),
                title: line(s.title),
                date: s.date.map(Into::into),
                url: s.url.map(line),
                accessed: s.accessed.map(Into::into),
            })
            .collect(),
        tags: lines(w.tags),
        leak: match w.leak {
            None => None,
            Some([s, f, m, e, r, p]) => Some(Leak {
                sensitive: unfact(s)?,
                financial: unfact(f)?,
                malicious: unfact(m)?,
                encrypted: unfact(e)?,
                recovered_unseen: unfact(r)?,
                public_body: if p == 3 { None } else { Some(unfact(p)?) },
            }),
        },
        reports: w
            .reports
            .into_iter()
            .map(|(to, stage, date)| Filed {
                to: line(to),
                stage: line(stage),
                date: date.into(),
            })
            .collect(),
        threats: lines(w.threats),
    })
}

fn fact(f: Fact) -> u8 {
    match f {
        Fact::False => 0,
        Fact::True => 1,
        Fact::Unknown => 2,
    }
}

fn unfact(b: u8) -> Option<Fact> {
    match b {
        0 => Some(Fact::False),
        1 => Some(Fact::True),
        2 => Some(Fact::Unknown),
        _ => None,
    }
}

/// A diagnostic without its path (the file's path as shown is added back).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WDiag {
    line: Option<u32>,
    column: Option<u32>,
    error: bool,
    /// Both languages: a stored diagnostic is shown in either.
    message: Message,
}

impl WDiag {
    pub fn from_diag(d: &Diagnostic) -> WDiag {
        WDiag {
            line: d.line,
            column: d.column,
            error: d.is_error(),
            message: d.message.clone(),
        }
    }

    pub fn to_diag(&self, path: &str) -> Diagnostic {
        Diagnostic {
            path: path.to_string(),
            line: self.line,
            column: self.column,
            severity: if self.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            message: self.message.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{self, Input};

    #[test]
    fn every_bundled_case_survives_the_round_trip() {
        let loaded = load::load(&[Input::Bundled], &[]);
        assert!(loaded.casebook.len() > 10);
        for e in loaded.casebook.entries().iter() {
            let back = decode_case(&encode_case(&e.case)).expect("decodes");
            assert_eq!(back, e.case);
        }
        assert!(decode_case(b"\xff\xff\xff").is_none());
    }

    #[test]
    fn every_origin_survives_the_round_trip() {
        let loaded = load::load(&[Input::Bundled], &[]);
        let mut case = loaded.casebook.entries()[0].case.clone();
        for name in Origin::NAMES {
            let origin = Origin::parse(name).expect("a listed name parses");
            case.measures[0].origin = origin;
            case.measures[0].by = Some("某氏".into());
            let back = decode_case(&encode_case(&case)).expect("decodes");
            assert_eq!(back.measures[0].origin, origin, "{name}");
        }
    }

    #[test]
    fn a_teams_own_incident_survives_the_round_trip() {
        let loaded = load::load(&[Input::Bundled], &[]);
        let mut case = loaded.casebook.entries()[0].case.clone();
        let day = |s| PartialDate::parse(s, crate::model::DatePrecision::Day).unwrap();
        case.published = None;
        case.discovered = Some(day("2026-11-02"));
        case.leak = Some(Leak {
            sensitive: Fact::True,
            financial: Fact::False,
            malicious: Fact::Unknown,
            encrypted: Fact::False,
            recovered_unseen: Fact::Unknown,
            public_body: None,
        });
        case.reports = vec![Filed {
            to: "ppc".into(),
            stage: "preliminary".into(),
            date: day("2026-11-05"),
        }];
        assert_eq!(decode_case(&encode_case(&case)), Some(case.clone()));
        case.leak.as_mut().unwrap().public_body = Some(Fact::Unknown);
        assert_eq!(decode_case(&encode_case(&case)), Some(case.clone()));
        let m = &mut case.measures[0];
        m.status = Some(Progress::Verified);
        m.owner = Some("業務管理課".into());
        m.due = Some(day("2026-12-20"));
        m.done = Some(day("2026-12-18"));
        m.verified = Some(day("2027-01-10"));
        m.evidence = Some("手順書 第3版".into());
        case.measures[1].status = Some(Progress::InProgress);
        assert_eq!(decode_case(&encode_case(&case)), Some(case));
    }
}
