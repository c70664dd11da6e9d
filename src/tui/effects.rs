//! Performing effects: the clipboard, the file system and the platform's opener.

use super::action::{Effect, Outcome};
use super::app::Options;
use crate::clipboard;
use crate::export::write::{WriteError, write_file};

pub fn perform(effect: Effect, options: &Options) -> Outcome {
    match effect {
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
        } => match write_file(&path, &data, overwrite) {
            Ok(()) => Outcome::Written { path },
            Err(WriteError::Exists) => Outcome::Exists { path, data },
            Err(WriteError::Io(reason)) => Outcome::WriteFailed { path, reason },
        },
        Effect::OpenUrl { url } => {
            // Over SSH an opener would start a browser on the remote machine, out of sight.
            let over_ssh = ["SSH_CONNECTION", "SSH_TTY"]
                .iter()
                .any(|v| std::env::var_os(v).is_some_and(|v| !v.is_empty()));
            if !over_ssh && open::that_detached(&url).is_ok() {
                return Outcome::Opened { url };
            }
            let via = clipboard::copy(&url, options.clipboard, &mut std::io::stdout()).via;
            Outcome::UrlCopied { url, over_ssh, via }
        }
    }
}
