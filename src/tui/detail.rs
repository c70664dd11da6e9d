//! The detail pane's content: the selected case's document, laid out at the
//! pane's width and styled for the browser's state (the selected area's
//! controls, the selected cause or sector, a search hit). The state asks this
//! for line counts and anchor positions; the view draws the same lines.

use crate::catalog::Kind;
use crate::document::screen::{self, Look, Screen};
use crate::document::{Term, case, collection};
use crate::model::ControlRef;

use super::app::App;

pub use crate::document::screen::paragraph;
pub use crate::lang::t;

/// Whether a control reference lies in the area selected in the tree.
pub fn in_selected_area(app: &App, r: &ControlRef) -> bool {
    match (app.catalog(), app.node()) {
        (Some(catalog), Some(node)) if catalog.kind == Kind::Controls => {
            collection::cites(catalog, r, node)
        }
        _ => false,
    }
}

/// The detail of case `index` at `width` columns: its lines and anchors.
pub fn screen(app: &App, index: usize, width: usize) -> Screen {
    let Some(entry) = app.book.entries().get(index) else {
        return Screen::default();
    };
    let doc = case::on_screen(entry, &app.book.catalogs, app.lang);
    let th = app.theme;
    let in_area = |r: &ControlRef| in_selected_area(app, r);
    let term = app.catalog().and_then(|c| match c.kind {
        Kind::Causes => Some(Term::Cause),
        Kind::Sectors => Some(Term::Sector),
        Kind::Controls => None,
    });
    let look = Look {
        title: th.bold(),
        heading: th.heading(),
        dim: th.dim(),
        label: th.editorial(),
        term: th.warning(),
        control: th.control(),
        highlight: th.highlight(),
        marked: app.highlight,
        in_area: &in_area,
        selected: term.zip(app.node()),
    };
    screen::render(&doc, width, &look)
}
