//! Writing case files: `casebook new` (a scaffold), `casebook schema` (a JSON
//! Schema for editors) and `casebook draft` (a draft from a published notice).
//! Library functions, so the browser can call them as well as the CLI.

pub mod draft;
pub mod new;
pub mod schema;
pub mod sketch;
