//! Work the browser has going on outside the key loop: a case drafted from a
//! notice, and the files being read again.

use super::action::Cancel;
use super::reload::state::Live;

#[derive(Debug, Default)]
pub struct Jobs {
    /// A draft being made in the background (Esc stops it).
    pub drafting: Option<Cancel>,
    /// Files that turned bad, and a file to show once read again.
    pub live: Live,
}
