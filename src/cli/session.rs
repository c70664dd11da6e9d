//! The session every command works on: the config file, the inputs loaded,
//! their diagnostics, the Statement of Applicability and start-up problems.

use std::path::PathBuf;

use super::Cli;
use super::cache::{cache_settings, report_cache};
use super::inputs::{dir_problem, normal_inputs, soa_problem};
use super::lang::interface_lang;
use crate::catalog::Kind;
use crate::config::{self, Config};
use crate::diag::{Diagnostic, Message};
use crate::lang::Lang;
use crate::load::{self, Input, Loaded};
use crate::msg;
use crate::out::{self, Fail};

/// Everything a command works on.
pub struct Session {
    pub loaded: Loaded,
    /// The config file's problems, then the loader's.
    pub diagnostics: Vec<Diagnostic>,
    pub lang: Lang,
    pub config: Config,
    /// The Statement of Applicability, when one is given (`--soa` or the config file).
    pub soa: Option<crate::answers::soa::Soa>,
    /// What was named explicitly and cannot be used: a `--casebook DIR` that is
    /// missing or not a directory, a config file that is not a file. Commands
    /// stop on these (exit 2); the browser shows them in its banner.
    pub problems: Vec<Message>,
    /// What was loaded, in order.
    pub inputs: Vec<Input>,
}

/// What a session loads.
pub enum Scope {
    /// What a plain run loads: bundled, the user's directory, the config's
    /// directories, then each --casebook.
    Plain,
    /// Only `inputs` (`casebook validate PATH...`), with catalogs also from
    /// `catalog_dirs`; their diagnostics are the loader's alone, and no
    /// Statement of Applicability is read.
    Named {
        inputs: Vec<Input>,
        catalog_dirs: Vec<PathBuf>,
    },
}

impl Session {
    /// Loads what a plain run loads: bundled, the user's directory, the config's
    /// directories, then each --casebook. Problems with what was named
    /// explicitly are collected in `problems`, and everything else still loads.
    pub fn load(cli: &Cli) -> Session {
        Session::load_scope(cli, Scope::Plain)
    }

    /// [`Session::load`], of what `scope` names.
    pub fn load_scope(cli: &Cli, scope: Scope) -> Session {
        let (mut config, mut diagnostics, mut problems) = match config::load() {
            Ok((config, diagnostics)) => (config, diagnostics, Vec::new()),
            Err(problem) => (Config::default(), Vec::new(), vec![problem]),
        };
        let lang = interface_lang(cli, Some(&config));
        let unusable: Vec<(PathBuf, Message)> = cli
            .casebooks
            .iter()
            .filter_map(|dir| dir_problem(dir).map(|p| (dir.clone(), p)))
            .collect();
        problems.extend(unusable.iter().map(|(_, p)| p.clone()));
        let soa_unusable = cli.soa.as_deref().and_then(soa_problem);
        problems.extend(soa_unusable.clone());
        let (inputs, catalog_dirs, plain) = match scope {
            Scope::Plain => {
                let inputs: Vec<Input> = normal_inputs(cli, &config)
                    .into_iter()
                    .filter(|i| !matches!(i, Input::Dir(d) if unusable.iter().any(|(u, _)| u == d)))
                    .collect();
                (inputs, Vec::new(), true)
            }
            Scope::Named {
                inputs,
                catalog_dirs,
            } => (inputs, catalog_dirs, false),
        };
        let loaded = load::load_with(&inputs, &catalog_dirs, &cache_settings(cli));
        report_cache(&loaded, lang);
        if !plain {
            return Session {
                diagnostics: loaded.diagnostics.clone(),
                loaded,
                lang,
                config,
                soa: None,
                problems,
                inputs,
            };
        }
        let catalogs = &loaded.casebook.catalogs;
        let known: Vec<&str> = catalogs
            .control_schemes()
            .chain(
                [Kind::Causes, Kind::Sectors]
                    .into_iter()
                    .filter_map(|k| catalogs.of_kind(k)),
            )
            .map(|c| c.scheme.as_str())
            .collect();
        diagnostics.extend(config.check_scheme(&known));
        diagnostics.extend(loaded.diagnostics.iter().cloned());
        let soa = soa_path(cli, &config)
            .filter(|_| soa_unusable.is_none())
            .and_then(|path| {
                let (soa, diags) = crate::answers::soa::read_file(&path, &loaded.casebook.catalogs);
                diagnostics.extend(diags);
                soa
            });
        Session {
            loaded,
            diagnostics,
            lang,
            config,
            soa,
            problems,
            inputs,
        }
    }

    /// [`Session::load`] for a command: what was named explicitly and cannot
    /// be used is a usage error (exit 2).
    pub fn open(cli: &Cli) -> Result<Session, Fail> {
        Session::open_scope(cli, Scope::Plain)
    }

    /// [`Session::open`], of what `scope` names.
    pub fn open_scope(cli: &Cli, scope: Scope) -> Result<Session, Fail> {
        let session = Session::load_scope(cli, scope);
        check_problems(&session.problems)?;
        Ok(session)
    }

    /// One line on stderr when files failed to load, so scripts are not misled.
    pub fn warn_if_incomplete(&self) -> Result<(), Fail> {
        match crate::diag::failed_files(&self.diagnostics) {
            0 => Ok(()),
            n => {
                let files = crate::plural::count(n, "file", "files");
                out::error(
                    self.lang,
                    &msg!(
                        "{n}件のファイルを読み込めませんでした。詳しくは `casebook validate` で確かめてください",
                        "{files} could not be loaded; run `casebook validate` for details"
                    ),
                )
            }
        }
    }
}

/// The Statement of Applicability to read: `--soa`, else the config file's `soa:`.
pub fn soa_path(cli: &Cli, config: &Config) -> Option<PathBuf> {
    cli.soa.clone().or_else(|| config.soa.clone())
}

/// Stops a command on start-up problems: one line each, exit status 2.
pub fn check_problems(problems: &[Message]) -> Result<(), Fail> {
    let Some((first, rest)) = problems.split_first() else {
        return Ok(());
    };
    let next = Message::new("\ncasebook: ", "\ncasebook: ");
    let all = rest
        .iter()
        .fold(first.clone(), |all, p| all.then(&next).then(p));
    Err(Fail::Usage(all))
}
