//! Writing case files: `casebook new` (a scaffold), `casebook schema` (a JSON
//! Schema for editors), `casebook draft` (a draft from a published notice)
//! and a measure's status set in its file ([`status`]).
//! Library functions, so the browser can call them as well as the CLI.

pub mod draft;
pub mod new;
pub mod schema;
pub mod sketch;
pub mod status;
