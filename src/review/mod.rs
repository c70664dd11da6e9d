//! What a team reviews: its measures followed through ([`register`]), what
//! changed since the last review ([`digest`], as a document for the
//! minute: [`minute`]), and a checklist of the measures
//! precedents announced, to fill in and read back ([`checklist`]).

pub mod changes;
pub mod checklist;
pub mod digest;
pub mod git;
pub mod import;
pub mod minute;
pub mod old;
pub mod register;
pub mod releases;
