//! Whole cells: what every popup does to the cells under it, and the last
//! guard that keeps the frame in the width rule of [`crate::width`].
//!
//! ratatui's buffer holds a wide character in its first cell and a blank in
//! the second, and its diff skips the second cell on the assumption that the
//! character covers it. `Clear` resets only the cells inside its area, so a
//! wide character whose first half lies just left of a popup keeps "covering"
//! the popup's left border: the diff never writes the border and the terminal
//! shows the character (`│委/ 廃棄`). [`clear`] removes such characters too.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;

use crate::width;

/// Resets every cell of `area` and every wide character reaching into it from
/// the left, so what is drawn over it reaches the terminal whole.
pub fn clear(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        // A cluster is at most a few cells wide (ratatui counts up to 4).
        for back in 1..=3u16 {
            let Some(x) = area.x.checked_sub(back).filter(|x| *x >= buf.area.x) else {
                break;
            };
            if buf[(x, y)].cell_width() > back {
                buf[(x, y)].reset();
            }
        }
        for x in area.left()..area.right() {
            buf[(x, y)].reset();
        }
    }
}

/// Rewrites any cell holding text that is not in screen form (text that
/// reached the frame without [`width::screen`]) so the terminal and ratatui
/// agree on its width: the screen form when it is no wider than the cells
/// ratatui gave it, else the text without the marks the two count apart.
/// The cells it no longer covers are written by the next diff as they are.
pub fn settle(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        let symbol = cell.symbol();
        if symbol.len() == 1 || !symbol.chars().any(counted_apart) {
            continue;
        }
        let given = usize::from(cell.cell_width());
        let screen = width::screen(symbol);
        let shown = if width::of(&screen) <= given {
            screen.into_owned()
        } else {
            symbol.chars().filter(|c| !counted_apart(*c)).collect()
        };
        cell.set_symbol(&shown);
    }
}

/// Characters whose width ratatui and terminals count differently.
fn counted_apart(c: char) -> bool {
    matches!(
        c,
        '\u{FF9E}' | '\u{FF9F}' | '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn row(buf: &Buffer, y: u16) -> String {
        let mut out = String::new();
        let mut x = buf.area.x;
        while x < buf.area.right() {
            let cell = &buf[(x, y)];
            out.push_str(cell.symbol());
            x += cell.cell_width().max(1);
        }
        out
    }

    #[test]
    fn a_wide_character_under_a_popup_edge_is_cleared_whole() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "委託廃棄", Style::new());
        // The popup starts on the second half of 託 (cells 2-3).
        clear(&mut buf, Rect::new(3, 0, 3, 1));
        buf.set_string(3, 0, "│", Style::new());
        assert_eq!(row(&buf, 0), "委 │  棄");
    }

    #[test]
    fn half_width_sound_marks_are_settled_into_their_cells() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "ﾊﾟｽ", Style::new());
        // ratatui gives ﾊﾟ three cells; the terminal draws it in two.
        assert_eq!(buf[(0, 0)].cell_width(), 3);
        settle(&mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "パ");
        assert_eq!(buf[(0, 0)].cell_width(), 2);
        assert_eq!(buf[(3, 0)].symbol(), "ｽ");
    }
}
