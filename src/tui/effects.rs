//! Performing effects: the clipboard and the file system.

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
    }
}
