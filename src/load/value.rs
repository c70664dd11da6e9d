//! A field of a case, read by the case format's table ([`crate::format`]).

use crate::diag::phrase;
use crate::fields::{Ctx, Fields};
use crate::format;
use crate::yaml::Node;

/// A field's value, as the format table says: a required field is reported
/// when missing or empty, an optional one is simply absent.
pub(super) fn value<'n>(
    ctx: &mut Ctx,
    f: &Fields<'n>,
    place: &'static [format::Field],
    name: &str,
    path: &str,
) -> Option<&'n Node> {
    match format::get(place, name) {
        Some(spec) if spec.required => f.require(ctx, name, path, phrase(spec.ja, spec.en)),
        _ => f.get(name),
    }
}
