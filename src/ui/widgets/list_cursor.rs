//! The cursor of a list: the selected row, the first row shown and the page
//! height (both kept by the last draw, for PgPréc/PgSuiv), and a set of
//! marked rows (multiple selection) keyed by the rows' ids, so marks stay on
//! the same rows when the list is loaded again.

use crate::ui::action::Action;
use std::cell::Cell;
use std::collections::BTreeSet;

#[derive(Debug)]
pub struct ListCursor {
    selected: usize,
    offset: Cell<usize>,
    page: Cell<usize>,
    marked: BTreeSet<i64>,
}

impl Default for ListCursor {
    fn default() -> Self {
        ListCursor::with_page(1)
    }
}

impl ListCursor {
    /// A cursor on the first row; `page` rows per page until a draw says.
    pub fn with_page(page: usize) -> Self {
        ListCursor {
            selected: 0,
            offset: Cell::new(0),
            page: Cell::new(page),
            marked: BTreeSet::new(),
        }
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn select(&mut self, index: usize) {
        self.selected = index;
    }

    /// Moves within `len` rows: ↑ ↓, a page either way, first and last.
    /// False if the action is not a move (the cursor stays).
    pub fn navigate(&mut self, action: Action, len: usize) -> bool {
        let last = len.saturating_sub(1);
        let page = self.page.get().max(1);
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(page),
            Action::PageDown => (self.selected + page).min(last),
            Action::Home => 0,
            Action::End => last,
            _ => return false,
        };
        true
    }

    /// Keeps the cursor inside a list of `len` rows.
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    pub fn offset(&self) -> usize {
        self.offset.get()
    }

    pub fn set_offset(&self, offset: usize) {
        self.offset.set(offset);
    }

    pub fn page(&self) -> usize {
        self.page.get()
    }

    /// The rows a page holds, as the last draw found.
    pub fn set_page(&self, rows: usize) {
        self.page.set(rows);
    }

    /// The first row to draw so that row `at` shows in `height` rows; the
    /// page becomes `height`.
    pub fn first_row(&self, at: usize, height: usize) -> usize {
        let height = height.max(1);
        self.page.set(height);
        let mut offset = self.offset.get();
        if at < offset {
            offset = at;
        } else if at >= offset + height {
            offset = at + 1 - height;
        }
        self.offset.set(offset);
        offset
    }

    /// Marks the row of this id, or unmarks it if it was.
    pub fn toggle(&mut self, id: i64) {
        if !self.marked.remove(&id) {
            self.marked.insert(id);
        }
    }

    pub fn is_marked(&self, id: i64) -> bool {
        self.marked.contains(&id)
    }

    /// The marked ids, in order.
    pub fn marked(&self) -> impl Iterator<Item = i64> + '_ {
        self.marked.iter().copied()
    }

    pub fn marked_count(&self) -> usize {
        self.marked.len()
    }

    pub fn clear_marks(&mut self) {
        self.marked.clear();
    }

    /// After a reload: drops the marks of rows no longer listed.
    pub fn keep_marks(&mut self, ids: impl IntoIterator<Item = i64>) {
        let listed: BTreeSet<i64> = ids.into_iter().collect();
        self.marked.retain(|id| listed.contains(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_inside_the_list() {
        let mut cursor = ListCursor::with_page(10);
        assert!(cursor.navigate(Action::Up, 5));
        assert_eq!(cursor.selected(), 0);
        cursor.navigate(Action::Down, 5);
        cursor.navigate(Action::Down, 5);
        assert_eq!(cursor.selected(), 2);
        cursor.navigate(Action::End, 5);
        assert_eq!(cursor.selected(), 4);
        cursor.navigate(Action::Down, 5);
        assert_eq!(cursor.selected(), 4, "the last row stops the cursor");
        cursor.navigate(Action::Home, 5);
        assert_eq!(cursor.selected(), 0);
        assert!(!cursor.navigate(Action::Submit, 5), "not a move");
        cursor.navigate(Action::End, 0);
        assert_eq!(cursor.selected(), 0, "an empty list keeps the cursor at 0");
    }

    #[test]
    fn page_moves_use_the_height_of_the_last_draw() {
        let mut cursor = ListCursor::with_page(10);
        cursor.navigate(Action::PageDown, 100);
        assert_eq!(cursor.selected(), 10, "the page given before any draw");
        assert_eq!(cursor.first_row(10, 4), 7, "row 10 shows as the last of 4");
        assert_eq!(cursor.page(), 4);
        cursor.navigate(Action::PageDown, 100);
        assert_eq!(cursor.selected(), 14);
        cursor.navigate(Action::PageUp, 100);
        cursor.navigate(Action::PageUp, 100);
        assert_eq!(cursor.selected(), 6);
        cursor.navigate(Action::PageDown, 8);
        assert_eq!(cursor.selected(), 7, "a page down stops on the last row");
        cursor.select(2);
        assert_eq!(cursor.first_row(2, 4), 2, "scrolls back up to the cursor");
        cursor.select(30);
        cursor.clamp(8);
        assert_eq!(cursor.selected(), 7);
    }

    #[test]
    fn several_rows_can_be_marked_by_id() {
        let mut cursor = ListCursor::default();
        cursor.toggle(12);
        cursor.toggle(5);
        cursor.toggle(40);
        assert_eq!(cursor.marked().collect::<Vec<_>>(), vec![5, 12, 40]);
        cursor.toggle(12);
        assert!(!cursor.is_marked(12) && cursor.is_marked(5));
        assert_eq!(cursor.marked_count(), 2);
        cursor.keep_marks([5, 7, 8]);
        assert_eq!(cursor.marked().collect::<Vec<_>>(), vec![5]);
        cursor.clear_marks();
        assert_eq!(cursor.marked_count(), 0);
    }
}
