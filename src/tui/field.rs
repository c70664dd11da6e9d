//! A one-line text field with a cursor, counted in characters (never bytes),
//! used by the search box and the file-name prompt.

use crate::text;
use crate::wrap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    /// Cursor position in characters.
    pub cursor: usize,
}

impl Field {
    /// Applies an editing action (typing, pasting, deleting, moving the
    /// cursor); false when the action is not an edit.
    pub fn edit(&mut self, action: &super::action::Action) -> bool {
        use super::action::Action;
        match action {
            Action::Input(c) => self.insert(&c.to_string()),
            Action::Paste(s) => self.insert(s),
            Action::Backspace => self.backspace(),
            Action::DeleteWord => self.delete_word(),
            Action::CursorLeft => self.left(),
            Action::CursorRight => self.right(),
            Action::CursorHome => self.home(),
            Action::CursorEnd => self.end(),
            _ => return false,
        }
        true
    }

    pub fn new(text: &str) -> Field {
        Field {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Inserts text at the cursor; line breaks and control characters become spaces or symbols.
    pub fn insert(&mut self, s: &str) {
        self.insert_capped(s, usize::MAX);
    }

    /// [`Field::insert`], keeping the text within `max` characters: what does
    /// not fit is left out. Returns whether something was left out.
    pub fn insert_capped(&mut self, s: &str, max: usize) -> bool {
        let clean = text::line(s);
        let room = max.saturating_sub(self.text.chars().count());
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
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1] == ' ' {
            start -= 1;
        }
        while start > 0 && chars[start - 1] != ' ' {
            start -= 1;
        }
        let (from, to) = (self.byte(start), self.byte(self.cursor));
        self.text.replace_range(from..to, "");
        self.cursor = start;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// The display column of the cursor (a kanji is two columns).
    pub fn cursor_column(&self) -> usize {
        wrap::width(&self.text[..self.byte(self.cursor)])
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
}
