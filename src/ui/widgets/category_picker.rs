//! The list of categories that match what is typed in a category field
//! (part of the code or of the label, without caring for accents).

use super::cells::truncate;
use super::theme;
use crate::domain::{Account, AccountKind};
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, List, ListItem, ListState};

/// The picker's state: open or not, and the highlighted line.
#[derive(Debug, Clone, Default)]
pub struct CategoryPicker {
    pub open: bool,
    pub selected: usize,
}

/// Categories of `kind` matching `query`, in chart order.
pub fn candidates<'a>(chart: &'a [Account], kind: AccountKind, query: &str) -> Vec<&'a Account> {
    chart
        .iter()
        .filter(|a| a.kind == kind && a.matches(query))
        .collect()
}

/// The code at the start of a category field's text (`606 Fournitures…` → `606`).
pub fn code_of(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

impl CategoryPicker {
    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self, len: usize) {
        if self.selected + 1 < len {
            self.selected += 1;
        }
    }

    /// Opens the list again after a keystroke, back on its first line.
    pub fn reopen(&mut self) {
        self.open = true;
        self.selected = 0;
    }

    /// Draws the list below `anchor` (the field's row), inside `bounds`.
    pub fn draw(&self, frame: &mut Frame, anchor: Rect, bounds: Rect, items: &[&Account]) {
        let below = bounds.bottom().saturating_sub(anchor.y + 1);
        let above = anchor.y.saturating_sub(bounds.y);
        let wanted = (items.len().max(1) as u16 + 2).min(10);
        let (y, height) = if below >= wanted.min(6) || below >= above {
            (anchor.y + 1, wanted.min(below))
        } else {
            let h = wanted.min(above);
            (anchor.y - h, h)
        };
        if height < 3 {
            return;
        }
        let area = Rect {
            x: anchor.x,
            y,
            width: anchor.width.min(bounds.right().saturating_sub(anchor.x)),
            height,
        };
        frame.render_widget(Clear, area);
        let width = area.width.saturating_sub(2) as usize;
        let list_items: Vec<ListItem> = if items.is_empty() {
            vec![ListItem::new(Line::styled(
                "aucune catégorie ne correspond",
                theme::note(),
            ))]
        } else {
            items
                .iter()
                .map(|a| ListItem::new(truncate(&a.display(), width)))
                .collect()
        };
        let title = format!(
            " Catégories ({}) : {} pour choisir ",
            items.len(),
            keymap::key_of(Context::Picker, Action::Submit)
        );
        let list = List::new(list_items)
            .block(
                Block::bordered()
                    .title(truncate(&title, width))
                    .border_style(theme::border_focused()),
            )
            .highlight_style(theme::selected());
        let mut state =
            ListState::default().with_selected((!items.is_empty()).then_some(self.selected));
        frame.render_stateful_widget(list, area, &mut state);
    }
}
