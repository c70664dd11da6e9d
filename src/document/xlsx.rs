//! xlsx
