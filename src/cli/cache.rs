//! The cache of validated cases for this run: its settings and its notices.

use super::Cli;
use crate::lang::Lang;
use crate::load::Loaded;
use crate::out;

/// The cache this run uses: none with `--no-cache`.
pub fn cache_settings(cli: &Cli) -> crate::cache::Settings {
    if cli.no_cache {
        crate::cache::Settings::none()
    } else {
        crate::cache::Settings::from_env()
    }
}

/// The cache's notices (a damaged entry rebuilt), one line each on stderr;
/// with `CASEBOOK_CACHE_STATS=1`, what it did for each directory.
pub fn report_cache(loaded: &Loaded, lang: Lang) {
    for notice in &loaded.notices {
        let _ = out::error(lang, notice);
    }
    if std::env::var_os("CASEBOOK_CACHE_STATS").is_some_and(|v| v == "1") {
        for stats in &loaded.cache {
            let _ = out::error(lang, &stats.line());
        }
    }
}
