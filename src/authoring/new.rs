//! `casebook new ID`: a scaffold with every field of the format, unknown
//! values written `TODO`, placed at `DIR/cases/<year>/<id>.yaml` and never
//! over an existing file. The same placement serves `casebook draft --dir`.

use std::path::{Path, PathBuf};

use crate::authoring::sketch::{self, Sketch, Slot, Val};
use crate::catalog::is_slug;
use crate::diag::Message;
use crate::export::write::{self, WriteError};
use crate::lang::Lang;
use crate::msg;

/// Where the editor finds the schema, relative to a file in `cases/<year>/`:
/// `casebook schema --out DIR/casebook.schema.json` writes it there.
pub const SCHEMA_FILE: &str = "casebook.schema.json";
pub const SCHEMA_REF: &str = "../../casebook.schema.json";

/// Checks a case id: `a-z`, `0-9` and `-`.
pub fn check_id(id: &str) -> Result<(), Message> {
    if is_slug(id) {
        Ok(())
    } else {
        Err(msg!(
            "`{id}` は事例IDに使えません。小文字の a-z、数字の 0-9 と `-` だけを使います\
             （例: our-usb-loss-2024）",
            "`{id}` is not a valid case id: use only lowercase a-z, digits 0-9 and `-` \
             (e.g. our-usb-loss-2024)"
        ))
    }
}

/// The year an id ends with (`...-2024`), if it does.
pub fn year_of_id(id: &str) -> Option<u16> {
    let tail = id.rsplit('-').next()?;
    let year: u16 = (tail.len() == 4).then(|| tail.parse().ok()).flatten()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// `DIR/cases/<year>/<id>.yaml`, the year from the id, else `fallback_year`.
pub fn case_path(dir: &Path, id: &str, fallback_year: u16) -> PathBuf {
    let year = year_of_id(id).unwrap_or(fallback_year);
    dir.join("cases")
        .join(year.to_string())
        .join(format!("{id}.yaml"))
}

/// The scaffold text for `id`.
pub fn scaffold(id: &str, lang: Lang) -> String {
    let mut s = Sketch {
        incident: true,
        tracking: true,
        ..Sketch::default()
    };
    s.one(
        "id",
        Slot {
            value: Some(id.to_string()),
            notes: Vec::new(),
        },
    );
    // One source whose publisher and date are usually the organization's and `published`.
    s.set("sources", Val::Entries(vec![Sketch::default()]));
    sketch::render(&s, &header(lang), SCHEMA_REF, lang)
}

fn header(lang: Lang) -> Vec<String> {
    match lang {
        Lang::Ja => vec![
            "casebook 事例ファイル（形式 1）。TODO をすべて埋めるか、任意の行は消す。".into(),
            "残りは `casebook validate このファイル` が一覧にする。書式: casebook/README.md".into(),
        ],
        Lang::En => vec![
            "casebook case file (format 1). Replace every TODO, or delete optional lines.".into(),
            "`casebook validate THIS-FILE` lists what is left. Format: casebook/README.md".into(),
        ],
    }
}

/// Writes `DIR/casebook.schema.json` (the schema of `catalogs`) when it is not
/// there yet, so an editor that follows a new file's first line finds a schema
/// at once. Returns the path when it wrote one.
pub fn write_schema_if_missing(dir: &Path, catalogs: &crate::catalog::Catalogs) -> Option<PathBuf> {
    let path = dir.join(SCHEMA_FILE);
    if path.exists() {
        return None;
    }
    let schema = crate::authoring::schema::text(catalogs);
    write::write_file(&path, schema.as_bytes(), false)
        .ok()
        .map(|()| path)
}

/// Why a case file's `text` could never load, when it is over the size a
/// case file may have (a draft of a very long notice): refused rather than
/// written.
pub fn too_large(text: &str) -> Option<Message> {
    let max = crate::load::read::MAX_FILE_BYTES;
    if text.len() as u64 <= max {
        return None;
    }
    let mib = format!("{:.1}", text.len() as f64 / (1024.0 * 1024.0));
    Some(msg!(
        "下書きは {mib} MiB になり、事例ファイルの上限 1 MiB を超えるため読み込めません。公表文を事例にする部分（概要、原因、再発防止策）に絞ってからもう一度下書きしてください",
        "the draft would be {mib} MiB, and case files are limited to 1 MiB, so it could never load: keep the parts of the notice the case needs (what happened, causes, measures) and draft again"
    ))
}

/// Writes `text` as a new file at `path`, creating its directories; refuses
/// an existing file (the check and the creation are one atomic step).
pub fn create(path: &Path, text: &str) -> Result<(), Message> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            let parent = crate::text::path(parent);
            msg!("{parent} を作れません: ", "cannot create {parent}: ")
                .then(&crate::load::read::os_error(&e))
        })?;
    }
    let shown = crate::text::path(path);
    write::write_file(path, text.as_bytes(), false).map_err(|e| match e {
        WriteError::Exists => msg!(
            "{shown} は既にあります。事例ファイルは上書きしません（別のIDにするか、そのファイルを編集してください）",
            "{shown} already exists; casebook never overwrites a case file (choose another id, or edit that file)"
        ),
        WriteError::Io(reason) => {
            msg!("{shown} に書き込めません: ", "cannot write {shown}: ").then(&reason)
        }
    })
}

/// Today's year on the local clock.
pub fn this_year() -> u16 {
    u16::try_from(crate::date::today().year()).unwrap_or(2026)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_comes_from_the_id_when_it_ends_with_one() {
        assert_eq!(year_of_id("our-usb-loss-2024"), Some(2024));
        assert_eq!(year_of_id("usb-24"), None);
        assert_eq!(year_of_id("2024"), Some(2024));
        assert_eq!(year_of_id("x-3000"), None);
        assert_eq!(
            case_path(Path::new("d"), "a-2019", 2030),
            Path::new("d/cases/2019/a-2019.yaml")
        );
        assert_eq!(
            case_path(Path::new("d"), "a", 2030),
            Path::new("d/cases/2030/a.yaml")
        );
    }
}
