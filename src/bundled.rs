//! The bundled casebook (casebook/catalogs and casebook/cases), compiled in by build.rs.

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
