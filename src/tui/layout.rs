//! Where each pane goes for a terminal size. Used by the views to draw and by
//! `App::update` for page sizes and mouse hit-testing, so both always agree.

use ratatui::layout::Rect;

use super::panes::Pane;

/// Smaller terminals get a "too small" message instead of the screen.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// The largest area drawn: a terminal that reports more (`stty rows 65535
/// cols 65535`) gets a screen of this size in its top-left corner, so the
/// memory a frame takes stays bounded (about 8 MB per screen buffer).
pub const MAX_WIDTH: u16 = 640;
pub const MAX_HEIGHT: u16 = 320;

/// The area drawn on a terminal of `width` × `height`.
pub fn drawable(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// The filter bar's row, below the header, when it shows.
    pub filters: Option<Rect>,
    pub tree: Option<Rect>,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
    pub banner: Option<Rect>,
    pub status: Rect,
    /// Where overlays (help, search, diagnostics) are drawn.
    pub overlay: Rect,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Tree => self.tree,
            Pane::List => self.list,
            Pane::Detail => self.detail,
        }
    }

    /// The pane at a screen position.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        [Pane::Tree, Pane::List, Pane::Detail]
            .into_iter()
            .find(|p| self.pane(*p).is_some_and(|r| r.contains((x, y).into())))
    }
}

/// Rows inside a bordered pane.
pub fn inner_height(r: Rect) -> usize {
    r.height.saturating_sub(2) as usize
}

/// Result rows of the search overlay in `overlay`: below the query line and a
/// rule, each result taking `row_lines` lines.
pub fn search_rows(overlay: Rect, row_lines: usize) -> usize {
    (inner_height(overlay).saturating_sub(2) / row_lines).max(1)
}

pub fn inner_width(r: Rect) -> usize {
    r.width.saturating_sub(2) as usize
}

/// How wide the tree would like to be: the widest of its rows with every
/// theme closed (borders included) for the classification shown, and every
/// row's widest for the widest classification. Zero: as wide as the layout
/// allows. The width stays when a theme opens (its titles are cut).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TreeWidth {
    pub current: u16,
    pub widest: u16,
}

/// The least width the list and the detail each get side by side: what 120
/// columns give them stacked (the list then shows its people column).
const SIDE_BY_SIDE: u16 = 77;

/// The layout for `size`; None when the terminal is too small. Wide terminals
/// show three columns (once the list and the detail can each have what a
/// stacked layout gives them), medium ones the tree beside list-over-detail,
/// narrow ones only the focused pane. The tree is no wider than its rows.
pub fn areas(
    size: Rect,
    focus: Pane,
    banner: bool,
    filter_bar: bool,
    tree_width: TreeWidth,
) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let header = Rect { height: 1, ..size };
    let status = Rect {
        y: size.bottom() - 1,
        height: 1,
        ..size
    };
    let banner_rect = banner.then_some(Rect {
        y: status.y - 1,
        height: 1,
        ..size
    });
    let filters = filter_bar.then_some(Rect {
        y: header.bottom(),
        height: 1,
        ..size
    });
    let body_top = filters.map_or(header.bottom(), |f| f.bottom());
    let body_bottom = banner_rect.map_or(status.y, |b| b.y);
    let body = Rect {
        x: size.x,
        y: body_top,
        width: size.width,
        height: body_bottom - body_top,
    };
    // Overlays take the whole page between the header and the status bar:
    // a box over part of the panes left slivers of them around it.
    let overlay = Rect {
        y: body_top,
        height: status.y - body_top,
        ..size
    };

    let natural = |w: u16, cap: u16| if w == 0 { cap } else { w.clamp(24, cap) };
    let stacked_cap = (size.width * 36 / 100).clamp(30, 46);
    let three = size.width >= natural(tree_width.widest, 46) + 2 * SIDE_BY_SIDE;
    let (tree, list, detail) = if three {
        let tree_w = natural(tree_width.current, size.width - 2 * SIDE_BY_SIDE);
        let rest = size.width - tree_w;
        let list_w = (rest * 55 / 100).max(SIDE_BY_SIDE);
        let tree = Rect {
            width: tree_w,
            ..body
        };
        let list = Rect {
            x: body.x + tree_w,
            width: list_w,
            ..body
        };
        let detail = Rect {
            x: list.right(),
            width: body.right() - list.right(),
            ..body
        };
        (Some(tree), Some(list), Some(detail))
    } else if size.width >= 80 {
        let tree_w = natural(tree_width.current, stacked_cap);
        let tree = Rect {
            width: tree_w,
            ..body
        };
        let right = Rect {
            x: body.x + tree_w,
            width: body.width - tree_w,
            ..body
        };
        let list_h = (right.height * 2 / 5)
            .max(5)
            .min(right.height.saturating_sub(5));
        let list = Rect {
            height: list_h,
            ..right
        };
        let detail = Rect {
            y: list.bottom(),
            height: right.height - list_h,
            ..right
        };
        (Some(tree), Some(list), Some(detail))
    } else {
        match focus {
            Pane::Tree => (Some(body), None, None),
            Pane::List => (None, Some(body), None),
            Pane::Detail => (None, None, Some(body)),
        }
    };
    Some(Areas {
        header,
        filters,
        tree,
        list,
        detail,
        banner: banner_rect,
        status,
        overlay,
    })
}

/// Clears the screen and forgets the last frame, so the next one is drawn
/// whole, at the terminal's size now (bounded as [`drawable`] bounds it).
/// (`Terminal::clear` would ask the terminal where its cursor is and wait
/// for the answer.) Returns the resize for `App::update`.
pub fn repaint(terminal: &mut super::terminal::Term) -> Vec<super::action::Action> {
    let Ok((width, height)) = crossterm::terminal::size() else {
        return Vec::new();
    };
    let area = drawable(width, height);
    if terminal.resize(area).is_err() {
        return Vec::new();
    }
    vec![super::action::Action::Resize {
        width: area.width,
        height: area.height,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(w: u16, h: u16) -> Rect {
        Rect::new(0, 0, w, h)
    }

    #[test]
    fn panes_tile_the_body_at_every_supported_size() {
        for (w, h) in [
            (200, 60),
            (150, 40),
            (120, 40),
            (80, 24),
            (79, 24),
            (40, 12),
        ] {
            for banner in [false, true] {
                let a = areas(r(w, h), Pane::List, banner, false, TreeWidth::default()).unwrap();
                let panes: Vec<Rect> = [a.tree, a.list, a.detail].into_iter().flatten().collect();
                let area: u32 = panes.iter().map(|p| p.width as u32 * p.height as u32).sum();
                let body_h = h - 2 - u16::from(banner);
                assert_eq!(area, w as u32 * body_h as u32, "{w}x{h}");
                for p in &panes {
                    assert!(p.right() <= w && p.bottom() <= h, "{w}x{h}: {p:?}");
                }
            }
        }
    }

    #[test]
    fn the_drawn_area_is_bounded() {
        assert_eq!(drawable(65535, 65535), r(MAX_WIDTH, MAX_HEIGHT));
        assert_eq!(drawable(80, 24), r(80, 24));
        let a = areas(
            drawable(65535, 65535),
            Pane::List,
            true,
            true,
            TreeWidth::default(),
        )
        .unwrap();
        assert!(a.status.bottom() <= MAX_HEIGHT && a.overlay.right() <= MAX_WIDTH);
    }

    #[test]
    fn too_small_is_none() {
        assert!(areas(r(39, 30), Pane::Tree, false, false, TreeWidth::default()).is_none());
        assert!(areas(r(100, 11), Pane::Tree, false, false, TreeWidth::default()).is_none());
        assert!(areas(r(20, 5), Pane::Tree, false, false, TreeWidth::default()).is_none());
    }

    #[test]
    fn narrow_shows_the_focused_pane_only() {
        let a = areas(r(60, 20), Pane::Detail, false, false, TreeWidth::default()).unwrap();
        assert!(a.tree.is_none() && a.list.is_none());
        assert_eq!(a.detail.unwrap().width, 60);
    }
}
