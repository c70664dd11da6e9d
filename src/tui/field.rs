//! A one-line text field with a cursor, counted in characters (never bytes),
//! used by the search box and the prompts. Words, for Ctrl-w and Alt-b/Alt-f,
//! are those of [`crate::search::word_starts`]: in unspaced Japanese a word
//! ends where another script's run begins (「委託で|廃棄する」).

use super::action::Action;
use crate::text;
use crate::width;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    /// Cursor position in characters.
    pub cursor: usize,
    /// The whole text is selected (a search reopened on its last query):
    /// typing replaces it, deleting clears it, → and End keep it.
    pub selected: bool,
}

/// What an editing action did to a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edited {
    /// Not an editing action.
    No,
    /// The cursor moved (or the selection ended); the text is as it was.
    Moved,
    /// The text changed; `cut`: some of an insertion did not fit.
    Changed { cut: bool },
}

impl Field {
    pub fn new(text: &str) -> Field {
        Field {
            text: text.to_string(),
            cursor: text.chars().count(),
            selected: false,
        }
    }

    /// Applies an editing action (typing, pasting, deleting, moving the
    /// cursor); false when the action is not an edit.
    pub fn edit(&mut self, action: &Action) -> bool {
        self.edit_capped(action, usize::MAX) != Edited::No
    }

    /// [`Field::edit`], keeping the text within `max` characters.
    pub fn edit_capped(&mut self, action: &Action, max: usize) -> Edited {
        let before = (self.text.len(), self.cursor, self.selected);
        let selected = std::mem::take(&mut self.selected);
        let mut cut = false;
        match action {
            Action::Input(_) | Action::Paste(_) if selected => {
                self.clear();
                cut = self.insert_capped(&typed(action), max);
            }
            Action::Input(_) | Action::Paste(_) => cut = self.insert_capped(&typed(action), max),
            Action::Backspace | Action::DeleteWord | Action::ClearLine if selected => self.clear(),
            Action::Backspace => self.backspace(),
            Action::DeleteWord => self.delete_word(),
            Action::ClearLine => self.clear(),
            Action::CursorLeft | Action::CursorHome if selected => self.home(),
            Action::CursorLeft => self.left(),
            Action::CursorRight => self.right(),
            Action::CursorHome => self.home(),
            Action::CursorEnd => self.end(),
            Action::WordLeft => self.cursor = self.word_left(),
            Action::WordRight => self.cursor = self.word_right(),
            _ => {
                self.selected = selected;
                return Edited::No;
            }
        }
        if (self.text.len(), self.cursor, self.selected) == before
            && !matches!(action, Action::Input(_) | Action::Paste(_))
        {
            return Edited::Moved;
        }
        match action {
            Action::Input(_)
            | Action::Paste(_)
            | Action::Backspace
            | Action::DeleteWord
            | Action::ClearLine => Edited::Changed { cut },
            _ => Edited::Moved,
        }
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(b, _)| b)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Inserts text at the cursor; line breaks and control characters become spaces or symbols.
    pub fn insert(&mut self, s: &str) {
        self.insert_capped(s, usize::MAX);
    }

    /// [`Field::insert`], keeping the text within `max` characters: what does
    /// not fit is left out. Returns whether something was left out.
    pub fn insert_capped(&mut self, s: &str, max: usize) -> bool {
        let clean = text::line(s);
        let room = max.saturating_sub(self.len());
        let (fits, cut) = match clean.char_indices().nth(room) {
            Some((end, _)) => (&clean[..end], true),
            None => (&clean[..], false),
        };
        let at = self.byte(self.cursor);
        self.text.insert_str(at, fits);
        self.cursor += fits.chars().count();
        cut
    }

    /// Deletes one character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let (from, to) = (self.byte(self.cursor - 1), self.byte(self.cursor));
        self.text.replace_range(from..to, "");
        self.cursor -= 1;
    }

    /// Deletes the word before the cursor (and the spaces after it).
    pub fn delete_word(&mut self) {
        let start = self.word_left();
        let (from, to) = (self.byte(start), self.byte(self.cursor));
        self.text.replace_range(from..to, "");
        self.cursor = start;
    }

    /// Empties the field (Ctrl-u).
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Where the word before the cursor starts (past any spaces before the cursor).
    fn word_left(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let starts = crate::search::word_starts(&chars);
        let mut at = self.cursor.min(chars.len());
        while at > 0 && !is_letter(chars[at - 1]) {
            at -= 1;
        }
        while at > 0 {
            at -= 1;
            if starts[at] {
                break;
            }
        }
        at
    }

    /// Where the word at or after the cursor ends.
    fn word_right(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let starts = crate::search::word_starts(&chars);
        let mut at = self.cursor.min(chars.len());
        while at < chars.len() && !is_letter(chars[at]) {
            at += 1;
        }
        if at < chars.len() {
            at += 1;
        }
        while at < chars.len() && is_letter(chars[at]) && !starts[at] {
            at += 1;
        }
        at
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    /// Selects the whole text (the cursor at its end).
    pub fn select_all(&mut self) {
        self.end();
        self.selected = !self.text.is_empty();
    }

    /// The display column of the cursor, in the text's screen form.
    pub fn cursor_column(&self) -> usize {
        self.window(usize::MAX).1
    }

    /// What the field shows in `room` columns: its screen form
    /// ([`crate::width::screen`]), scrolled so the caret stays in view, and
    /// the caret's column. One pass back from the caret, so a long text costs
    /// what its visible part does.
    pub fn window(&self, room: usize) -> (String, usize) {
        let (shown, from) = width::screen_map(&self.text);
        // The caret goes before the first shown character at or after the cursor.
        let caret_char = from.partition_point(|&f| f < self.cursor);
        let clusters: Vec<(usize, &str, usize)> = {
            let mut at = 0;
            width::clusters(&shown)
                .map(|(g, w)| {
                    let c = (at, g, w);
                    at += g.chars().count();
                    c
                })
                .collect()
        };
        let caret_cluster = clusters.partition_point(|&(at, _, _)| at < caret_char);
        let mut start = caret_cluster;
        let mut caret = 0;
        while start > 0 && caret + clusters[start - 1].2 <= room {
            start -= 1;
            caret += clusters[start].2;
        }
        let mut text = String::new();
        let mut used = 0;
        for &(_, g, w) in &clusters[start..] {
            if used + w > room {
                break;
            }
            text.push_str(g);
            used += w;
        }
        (text, caret)
    }
}

/// A letter or digit of any script (not a space or a punctuation mark).
fn is_letter(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, 'ー' | 'ｰ' | '々' | '〆')
}

/// The text an insertion carries.
fn typed(action: &Action) -> String {
    match action {
        Action::Input(c) => c.to_string(),
        Action::Paste(s) => s.clone(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backspace_removes_one_character_not_one_byte() {
        let mut f = Field::new("廃棄");
        f.backspace();
        assert_eq!(f.text, "廃");
        assert_eq!(f.cursor, 1);
        assert_eq!(f.cursor_column(), 2);
    }

    #[test]
    fn a_capped_insert_keeps_what_fits() {
        let mut f = Field::new("ab");
        assert!(f.insert_capped("廃棄確認", 4));
        assert_eq!(f.text, "ab廃棄");
        assert_eq!(f.cursor, 4);
        assert!(!f.insert_capped("", 4));
        assert!(f.insert_capped("x", 4));
        assert_eq!(f.text, "ab廃棄");
    }

    #[test]
    fn editing_in_the_middle() {
        let mut f = Field::new("暗号");
        f.left();
        f.insert("化の");
        assert_eq!(f.text, "暗化の号");
        f.end();
        f.insert(" USB\n");
        assert_eq!(f.text, "暗化の号 USB ");
        f.delete_word();
        assert_eq!(f.text, "暗化の号 ");
        f.home();
        f.backspace();
        assert_eq!(f.text, "暗化の号 ");
    }

    #[test]
    fn ctrl_w_deletes_one_word_of_unspaced_japanese() {
        let mut f = Field::new("委託で廃棄する");
        f.delete_word();
        assert_eq!(f.text, "委託で");
        f.delete_word();
        assert_eq!(f.text, "");
        let mut f = Field::new("USBメモリー 紛失、");
        f.delete_word();
        assert_eq!(f.text, "USBメモリー ");
        f.delete_word();
        assert_eq!(f.text, "USB");
    }

    #[test]
    fn alt_b_and_alt_f_move_by_word() {
        let mut f = Field::new("委託で廃棄する USB");
        let mut stops = Vec::new();
        while f.cursor > 0 {
            f.edit(&Action::WordLeft);
            stops.push(f.cursor);
        }
        assert_eq!(stops, vec![8, 3, 0]);
        let mut stops = Vec::new();
        while f.cursor < 11 {
            f.edit(&Action::WordRight);
            stops.push(f.cursor);
        }
        assert_eq!(stops, vec![3, 7, 11]);
    }

    #[test]
    fn a_selected_text_is_replaced_by_typing_and_kept_by_end() {
        let mut f = Field::new("廃棄");
        f.select_all();
        assert_eq!(
            f.edit_capped(&Action::Input('U'), 10),
            Edited::Changed { cut: false }
        );
        assert_eq!(f.text, "U");
        let mut f = Field::new("廃棄");
        f.select_all();
        assert_eq!(f.edit_capped(&Action::CursorEnd, 10), Edited::Moved);
        f.edit(&Action::Input('x'));
        assert_eq!(f.text, "廃棄x");
        let mut f = Field::new("廃棄");
        f.select_all();
        f.edit(&Action::Backspace);
        assert_eq!(f.text, "");
        let mut f = Field::new("廃棄 確認");
        f.edit(&Action::ClearLine);
        assert_eq!((f.text.as_str(), f.cursor), ("", 0));
    }

    #[test]
    fn the_caret_follows_the_screen_form() {
        let mut f = Field::new("ﾊﾟｽﾜｰﾄﾞ");
        assert_eq!(f.window(80), ("パスワード".to_string(), 10));
        f.home();
        f.right();
        f.right();
        assert_eq!(f.window(80).1, 2, "after ﾊﾟ, which shows as パ");
        // Scrolled: the caret stays in view.
        let f = Field::new(&"廃棄".repeat(20));
        let (text, caret) = f.window(9);
        assert_eq!((text.as_str(), caret), ("廃棄廃棄", 8));
    }
}
