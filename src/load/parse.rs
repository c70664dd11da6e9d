//! Parsing and validating one case file's text, and reading one file on its
//! own (for checks, live reload and a damaged cache entry).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use super::input::with_line;
use super::outcome::{Found, How, Outcome};
use super::{case, read};
use crate::catalog::Catalogs;
use crate::diag::{Diagnostic, phrase};
use crate::fields::{Ctx, tree};
use crate::model::Case;
use crate::msg;
use crate::yaml::{self, Pos};

/// Parses and validates one case file's text. `shown` names it in diagnostics.
pub(super) fn parse_case(shown: &str, text: &str, catalogs: &Catalogs) -> Outcome {
    let mut ctx = Ctx::new(shown);
    let empty = phrase(
        "ファイルが空です（またはコメントだけです）。事例ファイルには id, title, organization, sector, \
         published（公表していない事例では discovered）, summary, root_causes, measures, sources が必要です",
        "the file is empty (or only comments); a case file needs id, title, organization, sector, \
         published (or discovered, for an incident never made public), summary, root_causes, measures and sources",
    );
    if super::sniff::soa(text) {
        // Not a case: one error that says what it is, not one per case field.
        ctx.error(
            Pos { line: 1, col: 1 },
            phrase(
                "このファイルは `soa:` で始まる適用宣言書で、事例ではないため事例としては読みません。\
                 事例集の直下（cases/ の隣）に soa.yaml として置くか、--soa で指定してください",
                "this file begins with `soa:`: a statement of applicability, not a case, so it is not \
                 read as one; keep it as soa.yaml in the casebook's root (beside cases/), or name it with --soa",
            ),
        );
        return Outcome {
            case: None,
            diags: ctx.diags,
            how: How::Parsed,
            key: None,
            hash: None,
            record: None,
        };
    }
    let case = tree(&mut ctx, text, empty).and_then(|root| {
        case::from_node(&mut ctx, &root, catalogs).map(|case| {
            let id_pos = id_position(&root).unwrap_or(root.pos);
            check_file_name(&mut ctx, shown, &case, id_pos);
            (case, id_pos)
        })
    });
    Outcome {
        case: case.map(|(case, pos)| (Found::Owned(Box::new(case), None), pos)),
        diags: ctx.diags,
        how: How::Parsed,
        key: None,
        hash: None,
        record: None,
    }
}

fn id_position(root: &yaml::Node) -> Option<Pos> {
    let yaml::Value::Map(pairs) = &root.value else {
        return None;
    };
    pairs
        .iter()
        .find(|(k, _)| matches!(&k.value, yaml::Value::Scalar { text, .. } if text == "id"))
        .map(|(_, v)| v.pos)
}

fn check_file_name(ctx: &mut Ctx, shown: &str, case: &Case, id_pos: Pos) {
    let stem = Path::new(shown)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    if stem != case.id {
        let id = &case.id;
        ctx.warning(
            id_pos,
            msg!(
                "ID `{id}` がファイル名 `{stem}` と違います。見つけやすいようにファイル名を {id}.yaml にしてください",
                "the id `{id}` differs from the file name `{stem}`; name the file {id}.yaml so it is easy to find"
            ),
        );
    }
}

/// Validates one case file's text on its own against `catalogs` (for tests and tools).
pub fn parse_text(shown: &str, text: &str, catalogs: &Catalogs) -> (Option<Case>, Vec<Diagnostic>) {
    let outcome = parse_case(shown, text, catalogs);
    let case = match outcome.case {
        Some((Found::Owned(case, _), _)) => Some(*case),
        _ => None,
    };
    (case, outcome.diags)
}

/// Reads and validates a case file again (when its cache entry turned out damaged).
pub fn reread(path: &str, catalogs: &Catalogs) -> Option<Case> {
    let bytes = read::read_file(Path::new(path)).ok()?;
    let text = read::decode(&bytes).ok()?;
    parse_text(path, text, catalogs).0
}

/// Reads and validates one case file on disk against `catalogs`, as loading
/// does (live reload reads changed files with it). `shown` names it in
/// diagnostics. Returns the case (and where its id is) when it has no error.
pub fn parse_file(
    path: &Path,
    shown: &str,
    catalogs: &Catalogs,
) -> (Option<(Case, Pos)>, Vec<Diagnostic>) {
    let read = || {
        let bytes = read::read_file(path)?;
        let text = read::decode(&bytes)?;
        Ok(parse_case(shown, text, catalogs))
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        read().unwrap_or_else(|e: read::ReadError| {
            Outcome::failed(vec![with_line(Diagnostic::error(shown, e.message), e.line)])
        })
    }))
    .unwrap_or_else(|_| Outcome::failed(vec![internal_error(shown)]));
    let case = match outcome.case {
        Some((Found::Owned(case, _), pos)) => Some((*case, pos)),
        _ => None,
    };
    (case, outcome.diags)
}

pub(super) fn internal_error(shown: &str) -> Diagnostic {
    Diagnostic::error(
        shown,
        phrase(
            "このファイルの読み込み中に内部エラーが起きました（報告してください）",
            "internal error while reading this file (please report it)",
        ),
    )
}
