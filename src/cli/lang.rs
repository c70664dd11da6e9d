//! The interface language: from `--lang`, the config file or the locale,
//! and from the raw arguments when the command line could not be parsed.

use super::Cli;
use crate::config::{self, Config};
use crate::lang::Lang;

/// The interface language: `--lang`, else the config file's `lang:` (read
/// now when `config` is None), else LC_ALL/LC_MESSAGES/LANG, else Japanese.
/// A config file that cannot be read sets nothing.
pub fn interface_lang(cli: &Cli, config: Option<&Config>) -> Lang {
    cli.lang
        .or_else(|| match config {
            Some(c) => c.lang,
            None => config::lang(),
        })
        .or_else(Lang::from_env)
        .unwrap_or_default()
}

/// The interface language when the command line could not be parsed (help,
/// version, a mistake): a `--lang` typed on it, else as [`interface_lang`].
pub(super) fn typed_lang() -> Lang {
    let args: Vec<String> = std::env::args_os()
        .filter_map(|a| a.into_string().ok())
        .collect();
    let typed = args
        .windows(2)
        .find(|w| w[0] == "--lang")
        .map(|w| w[1].as_str())
        .or_else(|| args.iter().find_map(|a| a.strip_prefix("--lang=")));
    typed
        .and_then(Lang::parse)
        .or_else(config::lang)
        .or_else(Lang::from_env)
        .unwrap_or_default()
}
