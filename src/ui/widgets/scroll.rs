//! How far a text longer than its frame is scrolled, moved by the usual
//! keys (↑ ↓, a page, start, end); the draw tells how far it can go.

use crate::ui::action::Action;
use std::cell::Cell;

/// The first line shown, and what the last draw measured.
#[derive(Debug, Clone)]
pub struct Scroll {
    offset: usize,
    /// How far it can go and a page's height, set by [`Scroll::fit`].
    max: Cell<usize>,
    page: Cell<usize>,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll {
            offset: 0,
            // Not drawn yet: any move is kept, the draw clamps it.
            max: Cell::new(usize::MAX),
            page: Cell::new(10),
        }
    }
}

impl Scroll {
    /// Back to the start.
    pub fn reset(&mut self) {
        self.offset = 0;
    }

    /// Moves for a navigation action; false for any other action.
    pub fn navigate(&mut self, action: Action) -> bool {
        let (max, page) = (self.max.get(), self.page.get().max(1));
        self.offset = match action {
            Action::Up => self.offset.saturating_sub(1),
            Action::Down => self.offset.saturating_add(1),
            Action::PageUp => self.offset.saturating_sub(page),
            Action::PageDown => self.offset.saturating_add(page),
            Action::Home => 0,
            Action::End => max,
            _ => return false,
        }
        .min(max);
        true
    }

    /// For a draw of `len` lines in `visible` rows: remembers how far the
    /// text can scroll and returns the first line to show.
    pub fn fit(&self, len: usize, visible: usize) -> usize {
        let max = len.saturating_sub(visible);
        self.max.set(max);
        self.page.set(visible.saturating_sub(1).max(1));
        self.offset.min(max)
    }

    /// How far the text can scroll, as the last draw measured.
    pub fn max(&self) -> usize {
        self.max.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_within_what_the_draw_measured() {
        let mut scroll = Scroll::default();
        assert_eq!(scroll.fit(30, 10), 0);
        assert!(scroll.navigate(Action::PageDown));
        assert_eq!(scroll.fit(30, 10), 9);
        assert!(scroll.navigate(Action::End));
        assert_eq!(scroll.fit(30, 10), 20);
        scroll.navigate(Action::Down);
        assert_eq!(scroll.fit(30, 10), 20);
        scroll.navigate(Action::Home);
        assert_eq!(scroll.fit(30, 10), 0);
        assert!(!scroll.navigate(Action::Close));
    }
}
