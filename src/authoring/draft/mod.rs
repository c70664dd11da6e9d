//! `casebook draft`: a published incident notice's text → a draft case file.
//! It takes what the text states and invents nothing; what it cannot find
//! stays `TODO`, and each drafted field says which notice line it came from.

pub mod account;
pub mod dates;
pub mod decode;
pub mod facts;
pub mod header;
pub mod lines;
pub mod numbers;
pub mod sections;
