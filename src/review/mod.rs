//! What a team reviews: its measures followed through ([`register`]), what
//! changed since the last review ([`digest`]), and a checklist of the measures
//! precedents announced, to fill in and read back ([`checklist`]).

pub mod changes;
pub mod checklist;
pub mod digest;
pub mod git;
pub mod import;
pub mod old;
pub mod register;
pub mod releases;
