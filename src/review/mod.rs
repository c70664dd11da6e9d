//! What a team reviews: its measures followed through ([`register`]), what
//! changed since the last review ([`digest`]), and a checklist of the measures
//! precedents announced, to fill in and read back ([`checklist`]).

pub mod register;
pub mod git;
pub mod old;
pub mod releases;
pub mod changes;
pub mod digest;
