//! The config file: `config.yaml` in the platform's config directory
//! (`~/.config/casebook/config.yaml` on Linux), or the file named by
//! `CASEBOOK_CONFIG`. Every field is optional:
//!
//! ```yaml
//! lang: ja                 # ja | en: language of the interface
//! casebooks:               # more casebook directories to load (after your own)
//!   - ~/work/our-casebook
//! scheme: iso27001         # the classification the browser opens on
//! clipboard: auto          # auto | osc52 | native | off
//! copy_format: text        # text | markdown: what `y` copies
//! soa: soa.yaml            # the Statement of Applicability (relative: from this file)
//! ```

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Message, Phrase, phrase};
use crate::fields::{self, Ctx, Fields};
use crate::lang::Lang;
use crate::load::read;
use crate::msg;
use crate::text::Lines;
use crate::yaml::{self, Node};

/// How copying reaches the clipboard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClipboardMode {
    /// OSC 52 and a native tool when one is found.
    #[default]
    Auto,
    Osc52,
    Native,
    Off,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Where it was read from, when a file existed.
    pub path: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub casebooks: Vec<PathBuf>,
    pub scheme: Option<String>,
    /// Where `scheme:` was written, to report an unknown classification there.
    pub scheme_at: Option<crate::yaml::Pos>,
    pub clipboard: ClipboardMode,
    /// `y` copies Markdown instead of plain text.
    pub copy_markdown: bool,
    /// The team's Statement of Applicability.
    pub soa: Option<PathBuf>,
}

const FIELDS: &[&str] = &[
    "lang",
    "casebooks",
    "scheme",
    "clipboard",
    "copy_format",
    "soa",
];

/// The config file's location: `CASEBOOK_CONFIG` (named explicitly: true),
/// else the platform config dir.
pub fn path() -> Option<(PathBuf, bool)> {
    if let Some(p) = std::env::var_os("CASEBOOK_CONFIG").filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    directories::ProjectDirs::from("", "", "casebook")
        .map(|d| (d.config_dir().join("config.yaml"), false))
}

/// Reads the config file if there is one. Problems in it become diagnostics
/// and the affected settings keep their defaults. A config file that cannot be
/// used at all is the error: a `CASEBOOK_CONFIG` naming nothing, or a config
/// path that is a directory, a device or anything else but a file.
pub fn load() -> Result<(Config, Vec<Diagnostic>), Message> {
    let Some((p, explicit)) = path() else {
        return Ok((Config::default(), Vec::new()));
    };
    let shown = crate::text::path(&p);
    let name = if explicit {
        msg!("CASEBOOK_CONFIG={shown}", "CASEBOOK_CONFIG={shown}")
    } else {
        msg!("設定ファイル {shown}", "the config file {shown}")
    };
    match std::fs::metadata(&p) {
        Ok(m) if m.is_file() => Ok(read_file(&p)),
        Ok(m) => {
            let Phrase { ja, en } = read::file_kind(&m.file_type());
            Err(name.then(&msg!(" はファイルではなく{ja}です", " is {en}, not a file")))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
            Ok((Config::default(), Vec::new()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(name.then(&Message::new(
            ": そのようなファイルはありません",
            ": no such file",
        ))),
        Err(e) => Err(name
            .then(&Message::new(": ", ": "))
            .then(&read::io_reason(&e))),
    }
}

/// The `lang:` setting of the config file, when it can be read (for messages
/// printed before or without a [`crate::cli::Session`]).
pub fn lang() -> Option<Lang> {
    load().ok().and_then(|(config, _)| config.lang)
}

pub fn read_file(path: &Path) -> (Config, Vec<Diagnostic>) {
    let shown = crate::text::path(path);
    let bytes = match read::read_file(path) {
        Ok(b) => b,
        Err(e) => {
            return (
                Config::default(),
                vec![Diagnostic::error(&shown, e.message)],
            );
        }
    };
    let text = match read::decode(&bytes) {
        Ok(t) => t,
        Err(e) => {
            return (
                Config::default(),
                vec![Diagnostic::error(&shown, e.message)],
            );
        }
    };
    let mut ctx = Ctx::new(&shown);
    let mut config = Config {
        path: Some(path.to_path_buf()),
        ..Config::default()
    };
    match yaml::parse(text) {
        Err(e) => ctx.error(e.pos, e.message.then(&NOTHING_APPLIES.into())),
        Ok(None) => {}
        Ok(Some(root)) => {
            read_fields(&mut ctx, &root, path, &mut config);
            for d in ctx.diags.iter_mut().filter(|d| d.is_error()) {
                d.message = std::mem::take(&mut d.message).then(&IGNORED.into());
            }
        }
    }
    (config, ctx.diags)
}

/// How a config file with mistakes is used: its good settings apply, each
/// setting with an error is ignored (its default applies), and the message
/// about each mistake says so.
const IGNORED: Phrase = phrase(
    "（この設定は使わず、ほかの設定を使います）",
    " (this setting is ignored; the other settings apply)",
);
const NOTHING_APPLIES: Phrase = phrase(
    "（ファイルを読めないため、どの設定も使いません）",
    " (the file cannot be read, so none of its settings apply)",
);

impl Config {
    /// The `scheme:` setting checked against the classifications loaded
    /// (`known`): an unknown one is reported where it was written, with the
    /// nearest known ones, and ignored (the browser opens on the first).
    pub fn check_scheme(&mut self, known: &[&str]) -> Option<Diagnostic> {
        let scheme = self.scheme.as_deref()?;
        if known.contains(&scheme) {
            return None;
        }
        let near = crate::suggest::nearest(scheme, known.iter().copied(), 2);
        let hint = match near.as_slice() {
            [] => Message::new("。", "."),
            [one] => msg!("（`{one}` の誤りでは？）", "; did you mean `{one}`?"),
            many => {
                let (ja, en) = (many.join("` か `"), many.join("` or `"));
                msg!("（`{ja}` の誤りでは？）", "; did you mean `{en}`?")
            }
        };
        let file = self
            .path
            .as_deref()
            .map(crate::text::path)
            .unwrap_or_default();
        let (scheme, known) = (crate::text::reveal(scheme), known.join(", "));
        let mut d = Diagnostic::error(
            &file,
            msg!(
                "`scheme`: `{scheme}` という分類はありません",
                "`scheme`: no classification is called `{scheme}`"
            )
            .then(&hint)
            .then(&msg!(
                "読み込んだ分類: {known}。",
                " The loaded ones: {known}."
            ))
            .then(&IGNORED.into()),
        );
        if let Some(pos) = self.scheme_at {
            d = d.at(pos.line, pos.col);
        }
        self.scheme = None;
        Some(d)
    }
}

fn read_fields(ctx: &mut Ctx, root: &Node, path: &Path, config: &mut Config) {
    let Some(f) = Fields::read(ctx, root, "", phrase("設定", "settings"), FIELDS) else {
        return;
    };
    if let Some(n) = f.get("lang") {
        let value = fields::text(ctx, n, "lang", Lines::Join);
        match value.as_deref().map(Lang::parse) {
            Some(Some(lang)) => config.lang = Some(lang),
            Some(None) => ctx.error(
                n.pos,
                phrase("`lang`: ja か en を書きます", "`lang`: expected ja or en"),
            ),
            None => {}
        }
    }
    let base = path.parent().unwrap_or(Path::new("."));
    if let Some(n) = f.get("soa") {
        config.soa = fields::text(ctx, n, "soa", Lines::Join).map(|p| expand(&p, base));
    }
    if let Some(n) = f.get("casebooks") {
        config.casebooks =
            fields::text_list(ctx, n, "casebooks", phrase("ディレクトリ", "directories"))
                .into_iter()
                .map(|d| expand(&d, base))
                .collect();
    }
    if let Some(n) = f.get("scheme") {
        config.scheme = fields::text(ctx, n, "scheme", Lines::Join);
        config.scheme_at = Some(n.pos);
    }
    if let Some(n) = f.get("clipboard") {
        match fields::text(ctx, n, "clipboard", Lines::Join).as_deref() {
            Some("auto") => config.clipboard = ClipboardMode::Auto,
            Some("osc52") => config.clipboard = ClipboardMode::Osc52,
            Some("native") => config.clipboard = ClipboardMode::Native,
            Some("off") => config.clipboard = ClipboardMode::Off,
            Some(other) => ctx.error(
                n.pos,
                msg!(
                    "`clipboard`: `{other}` は auto、osc52、native、off のいずれでもありません",
                    "`clipboard`: `{other}` is not one of auto, osc52, native, off"
                ),
            ),
            None => {}
        }
    }
    if let Some(n) = f.get("copy_format") {
        match fields::text(ctx, n, "copy_format", Lines::Join).as_deref() {
            Some("text") => config.copy_markdown = false,
            Some("markdown") => config.copy_markdown = true,
            Some(other) => ctx.error(
                n.pos,
                msg!(
                    "`copy_format`: `{other}` は text、markdown のいずれでもありません",
                    "`copy_format`: `{other}` is not one of text, markdown"
                ),
            ),
            None => {}
        }
    }
}

/// `~/x` → home/x; a relative path is taken from the config file's directory.
fn expand(dir: &str, base: &Path) -> PathBuf {
    if let Some(rest) = dir.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    let p = PathBuf::from(dir);
    if p.is_absolute() { p } else { base.join(p) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.yaml");
        std::fs::write(&file, "lang: en\ncasebooks: [team, /abs/cb]\nscheme: ppc\nclipboard: osc52\ncopy_format: markdown\nsoa: team/soa.yaml\n").unwrap();
        let (config, diags) = read_file(&file);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(config.lang, Some(Lang::En));
        assert_eq!(
            config.casebooks,
            vec![dir.path().join("team"), PathBuf::from("/abs/cb")]
        );
        assert_eq!(config.scheme.as_deref(), Some("ppc"));
        assert_eq!(config.clipboard, ClipboardMode::Osc52);
        assert!(config.copy_markdown);
        assert_eq!(config.soa, Some(dir.path().join("team/soa.yaml")));
    }

    #[test]
    fn a_file_with_mistakes_applies_its_good_settings() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.yaml");
        std::fs::write(
            &file,
            "lang: en\nclipboard: sometimes\nscheme: iso2701\ncopy_format: markdown\n",
        )
        .unwrap();
        let (mut config, diags) = read_file(&file);
        assert_eq!(config.lang, Some(Lang::En));
        assert!(config.copy_markdown);
        assert_eq!(
            config.clipboard,
            ClipboardMode::Auto,
            "the bad value keeps the default"
        );
        assert_eq!(diags.len(), 1);
        let unknown = config
            .check_scheme(&["iso27001", "ppc", "cause", "sector"])
            .unwrap();
        assert_eq!(
            unknown
                .to_string()
                .replace(&file.display().to_string(), "config.yaml"),
            "config.yaml:3:9: error: `scheme`: no classification is called `iso2701`; did you mean `iso27001`? The loaded ones: iso27001, ppc, cause, sector. (this setting is ignored; the other settings apply)"
        );
        assert_eq!(config.scheme, None);
    }

    #[test]
    fn mistakes_are_reported_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.yaml");
        std::fs::write(&file, "lang: fr\nlanguage: ja\n").unwrap();
        let (config, diags) = read_file(&file);
        assert_eq!(config.lang, None);
        let shown: Vec<String> = diags
            .iter()
            .map(|d| {
                d.to_string()
                    .replace(&file.display().to_string(), "config.yaml")
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                "config.yaml:2:1: error: unknown field `language`; did you mean `lang`? (this setting is ignored; the other settings apply)"
                    .to_string(),
                "config.yaml:1:7: error: `lang`: expected ja or en (this setting is ignored; the other settings apply)".to_string(),
            ]
        );
    }
}
