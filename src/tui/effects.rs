//! Performing effects: the clipboard, the file system, the platform's opener,
//! the editor and the background reload. Each returns the actions that report
//! how it went.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use super::action::{Action, Authored, Cancel, Effect, Outcome, Start};
use super::app::{App, Options};
use super::events::{Msg, Reader};
use super::reload::{Job, Queue};
use super::terminal::Term;
use super::watch::Watch;
use super::{author, editor, layout};
use crate::authoring::{draft, new};
use crate::clipboard::{self, Pasted};
use crate::diag::Message;
use crate::export::write::{WriteError, write_file};
use crate::lang::Lang;
use crate::msg;
use crate::text;

/// What the event loop lends to effects: the terminal (for the editor), the
/// key reader (paused while the editor runs), the watcher and the reload thread.
pub struct World<'a> {
    pub terminal: &'a mut Term,
    pub reader: &'a Reader,
    pub watch: &'a mut Option<Watch>,
    pub jobs: &'a Sender<Job>,
    /// Reloads waiting for the reading thread, merged.
    pub reloads: &'a mut Queue,
    /// The loop's channel, for a watcher started late.
    pub tx: &'a Sender<Msg>,
}

/// Performs `effect`; the actions returned report how it went (a reload
/// reports later, from its thread).
pub fn perform(effect: Effect, app: &App, world: &mut World) -> Vec<Action> {
    match effect {
        Effect::NewCase {
            dir,
            id,
            start,
            cancel,
        } if matches!(
            start,
            Start::Clipboard | Start::Notice(_) | Start::Pasted(_)
        ) =>
        {
            // Reading the clipboard or the file and drafting take as long as
            // the notice is long: on a thread of their own, reported back.
            let (book, lang, tx) = (
                std::sync::Arc::clone(&app.book),
                app.env.lang,
                world.tx.clone(),
            );
            std::thread::spawn(move || {
                let authored = create(&dir, &id, &start, &book, lang, &cancel);
                let _ = tx.send(Msg::Action(Action::Authored(authored)));
            });
            Vec::new()
        }
        Effect::NewCase {
            dir,
            id,
            start,
            cancel,
        } => vec![Action::Authored(create(
            &dir,
            &id,
            &start,
            &app.book,
            app.env.lang,
            &cancel,
        ))],
        Effect::Edit { path } => {
            let failed = editor::run(&path, world.reader);
            // Drawn whole again, at the size the terminal may have now.
            let mut report = layout::repaint(world.terminal);
            report.push(Action::Authored(Authored::Edited { path, failed }));
            report
        }
        Effect::Reload { paths, everything } => {
            world.reloads.add(paths, everything);
            Vec::new()
        }
        Effect::SetStatus {
            case,
            measure,
            change,
        } => vec![set_status(app, case, measure, &change)],
        Effect::Repaint => {
            // The next frame is drawn whole (see `layout::repaint`).
            layout::repaint(world.terminal)
        }
        Effect::Watch { dir } => {
            match world.watch {
                Some(watch) => watch.add(&dir),
                None => *world.watch = Watch::start(&[dir], world.tx.clone()),
            }
            Vec::new()
        }
        other => outside(other, &app.env.options)
            .map(Action::Done)
            .into_iter()
            .collect(),
    }
}

impl World<'_> {
    /// Hands the reading thread the reloads waiting, merged into one job,
    /// when it is free.
    pub fn send_reload(&mut self, app: &App) {
        if let Some((paths, everything)) = self.reloads.take_job() {
            let _ = self.jobs.send(app.reload_job(paths, everything));
        }
    }
}

/// The effects on the clipboard, files and the opener (None for the others).
pub fn outside(effect: Effect, options: &Options) -> Option<Outcome> {
    Some(match effect {
        Effect::Copy { text, what } => {
            let copied = clipboard::copy(&text, options.clipboard, &mut std::io::stdout());
            if copied.via.is_empty() || copied.stuck.is_some() {
                Outcome::CopyFailed {
                    what,
                    text,
                    stuck: copied.stuck,
                }
            } else {
                Outcome::Copied {
                    what,
                    via: copied.via,
                }
            }
        }
        Effect::Write {
            path,
            data,
            overwrite,
            make_dirs,
        } => {
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
            if let Some(dir) = dir.filter(|d| !d.exists()) {
                if !make_dirs {
                    let dir = dir.to_path_buf();
                    return Some(Outcome::NoFolder { path, data, dir });
                }
                if let Err(e) = std::fs::create_dir_all(dir) {
                    let reason = crate::load::read::io_reason(&e)
                        .get(options.lang)
                        .to_string();
                    return Some(Outcome::WriteFailed { path, reason });
                }
            }
            match write_file(&path, &data, overwrite) {
                Ok(()) => Outcome::Written {
                    path: absolute(path),
                },
                Err(WriteError::Exists) => Outcome::Exists { path, data },
                Err(WriteError::Io(reason)) => Outcome::WriteFailed {
                    path,
                    reason: reason.get(options.lang).to_string(),
                },
            }
        }
        Effect::ListDir { dir } => Outcome::Listed {
            entries: list(&dir, options.lang),
            dir,
        },
        Effect::OpenUrl { url } => {
            // Over SSH an opener would start a browser on the remote machine, out of sight.
            let over_ssh = ["SSH_CONNECTION", "SSH_TTY"]
                .iter()
                .any(|v| std::env::var_os(v).is_some_and(|v| !v.is_empty()));
            if !over_ssh && open::that_detached(&url).is_ok() {
                return Some(Outcome::Opened { url });
            }
            let via = clipboard::copy(&url, options.clipboard, &mut std::io::stdout()).via;
            Outcome::UrlCopied { url, over_ssh, via }
        }
        Effect::NewCase { .. }
        | Effect::SetStatus { .. }
        | Effect::Edit { .. }
        | Effect::Reload { .. }
        | Effect::Watch { .. }
        | Effect::Repaint => {
            return None;
        }
    })
}

/// Writes a measure's status into its case file (see
/// [`crate::authoring::status::set_status`]) and reports how it went.
pub fn set_status(
    app: &App,
    case: usize,
    measure: usize,
    change: &crate::authoring::status::Change,
) -> Action {
    Action::StatusSet(crate::authoring::status::set_status(
        &app.book, case, measure, change,
    ))
}

/// The entries of a folder (name, whether a folder), at most 10,000 of them.
fn list(dir: &std::path::Path, lang: Lang) -> Result<Vec<(String, bool)>, String> {
    let read = if dir.as_os_str().is_empty() {
        std::fs::read_dir(".")
    } else {
        std::fs::read_dir(dir)
    };
    let entries = read.map_err(|e| crate::load::read::io_reason(&e).get(lang).to_string())?;
    Ok(entries
        .filter_map(Result::ok)
        .take(10_000)
        .map(|e| {
            let is_dir = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
            (e.file_name().to_string_lossy().into_owned(), is_dir)
        })
        .collect())
}

/// Where a file written went, in full: its folder resolved (no `..`, no
/// link in the way), then its name.
fn absolute(path: std::path::PathBuf) -> std::path::PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    match (std::fs::canonicalize(&dir), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => std::path::absolute(&path).unwrap_or(path),
    }
}

/// Writes a new case file: `DIR/cases/<year>/ID.yaml`, from a scaffold, a
/// draft of a notice or a copy; never over an existing file. The schema for
/// editors is written beside `cases/` when missing. Once `cancel` is set,
/// nothing is written ([`Authored::Cancelled`]).
pub fn create(
    dir: &Path,
    id: &str,
    start: &Start,
    book: &crate::casebook::Casebook,
    lang: Lang,
    cancel: &Cancel,
) -> Authored {
    let drafted = |bytes: Vec<u8>, source: String| -> Result<(String, Option<u16>), Message> {
        let options = draft::Options {
            id: Some(id.to_string()),
            source,
            lang,
            ..draft::Options::default()
        };
        let d = draft::draft(&bytes, book, &options).map_err(|e| {
            Message::new(
                "公表文の文字を読み取れませんでした: ",
                "the notice's text could not be read: ",
            )
            .then(&e)
        })?;
        Ok((d.text, d.extract.published.map(|p| p.value.year)))
    };
    let made = match start {
        Start::Scaffold => Ok((new::scaffold(id, lang), None)),
        Start::Copy(text) => Ok((author::with_id(text, id), None)),
        Start::Clipboard => paste().and_then(|b| drafted(b, clipboard_name(lang).into())),
        Start::Pasted(text) => drafted(
            text.clone().into_bytes(),
            crate::lang::t(lang, "貼り付けた公表文", "the pasted notice").into(),
        ),
        Start::Notice(file) => read_notice(file).and_then(|b| {
            let name = file
                .file_name()
                .map_or_else(|| text::path(file), |n| n.to_string_lossy().into_owned());
            drafted(b, name)
        }),
    };
    let (text, year) = match made {
        Ok(made) => made,
        Err(message) => return Authored::NotCreated(message),
    };
    if let Some(reason) = new::too_large(&text) {
        return Authored::NotCreated(reason);
    }
    if cancel.is_cancelled() {
        return Authored::Cancelled;
    }
    let path = new::case_path(dir, id, year.unwrap_or_else(new::this_year));
    let shown = text::path(&path);
    if std::fs::symlink_metadata(&path).is_ok() {
        return Authored::NotCreated(msg!(
            "{shown} は既にあります。別の事例IDにしてください（既存のファイルは上書きしません）",
            "{shown} already exists; choose another case id (existing files are never replaced)"
        ));
    }
    if let Err(e) = new::create(&path, &text) {
        return Authored::NotCreated(
            Message::new(
                "事例ファイルを書けませんでした: ",
                "could not write the case file: ",
            )
            .then(&e),
        );
    }
    new::write_schema_if_missing(dir, &book.catalogs);
    Authored::Created {
        path,
        dir: dir.to_path_buf(),
    }
}

fn clipboard_name(lang: Lang) -> &'static str {
    crate::lang::t(lang, "クリップボード", "the clipboard")
}

/// The clipboard's text, or why not.
fn paste() -> Result<Vec<u8>, Message> {
    match clipboard::paste(draft::MAX_NOTICE as usize) {
        Pasted::Bytes(b) if b.iter().all(u8::is_ascii_whitespace) => Err(Message::new(
            "クリップボードが空です。公表文をコピーしてからもう一度 n を押してください",
            "The clipboard is empty: copy the notice's text, then press n again",
        )),
        Pasted::Bytes(b) => Ok(b),
        Pasted::NoTool => Err(Message::new(
            "クリップボードを読むツール（wl-paste、xclip、xsel、pbpaste）がありません。公表文をファイルに保存して f で読んでください",
            "No tool to read the clipboard (wl-paste, xclip, xsel, pbpaste): save the notice to a file and use f",
        )),
        Pasted::Failed(tool) => Err(msg!(
            "{tool} でクリップボードを読めませんでした（空か、画面に接続していません）",
            "{tool} could not read the clipboard (empty, or no display)"
        )),
        Pasted::TimedOut(tool) => Err(msg!(
            "{tool} が2秒以内に応えなかったため止めました",
            "{tool} did not answer within 2 s and was stopped"
        )),
        Pasted::TooLarge(tool) => Err(msg!(
            "{tool} から受け取った内容が 4 MiB を超えています。公表文ではないようです",
            "what {tool} gave is over 4 MiB: not a notice's text"
        )),
    }
}

/// A notice's bytes from a file (at most [`draft::MAX_NOTICE`]).
fn read_notice(file: &PathBuf) -> Result<Vec<u8>, Message> {
    use std::io::Read;
    let shown = text::path(file);
    let unreadable = |e: std::io::Error| {
        msg!("{shown} を読めません: ", "cannot read {shown}: ")
            .then(&crate::load::read::io_reason(&e))
    };
    // Looked at before opening: opening a FIFO would wait for a writer.
    if !std::fs::metadata(file).map_err(unreadable)?.is_file() {
        return Err(msg!(
            "{shown} は通常のファイルではありません",
            "{shown} is not a regular file"
        ));
    }
    let f = std::fs::File::open(file).map_err(unreadable)?;
    let mut bytes = Vec::new();
    f.take(draft::MAX_NOTICE + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > draft::MAX_NOTICE {
        return Err(msg!(
            "{shown} は 4 MiB を超えています。公表文ではないようです",
            "{shown} is over 4 MiB: not a notice's text"
        ));
    }
    Ok(bytes)
}
