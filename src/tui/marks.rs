//! The marked cases, in the order they were marked: the training pack `e`
//! writes (Word, slides, Markdown) and the copy of `y` with marks follow it,
//! so a trainer marks the cases in the order they will be presented.

/// Case indices in marking order, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks(Vec<usize>);

impl Marks {
    pub fn new() -> Marks {
        Marks::default()
    }

    pub fn contains(&self, case: &usize) -> bool {
        self.0.contains(case)
    }

    /// Marks `case` last; false when it was marked already (its place kept).
    pub fn insert(&mut self, case: usize) -> bool {
        if self.contains(&case) {
            return false;
        }
        self.0.push(case);
        true
    }

    /// Unmarks `case`; false when it was not marked.
    pub fn remove(&mut self, case: &usize) -> bool {
        let before = self.0.len();
        self.0.retain(|c| c != case);
        self.0.len() != before
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The marked cases, first marked first.
    pub fn iter(&self) -> std::slice::Iter<'_, usize> {
        self.0.iter()
    }
}

impl FromIterator<usize> for Marks {
    fn from_iter<I: IntoIterator<Item = usize>>(cases: I) -> Marks {
        let mut marks = Marks::new();
        for case in cases {
            marks.insert(case);
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marking_order_is_kept_and_a_case_is_marked_once() {
        let mut marks: Marks = [7, 2, 7, 9].into_iter().collect();
        assert_eq!(marks.iter().copied().collect::<Vec<_>>(), [7, 2, 9]);
        assert!(!marks.insert(2));
        assert!(marks.remove(&7));
        assert!(!marks.remove(&7));
        marks.insert(7);
        assert_eq!(marks.iter().copied().collect::<Vec<_>>(), [2, 9, 7]);
    }
}
