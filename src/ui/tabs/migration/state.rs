//! The checklist as the Migration tab last loaded it, and the cursor in it.
//! Steps are loaded when the tab is shown and after each change, never
//! while drawing.

use crate::book::Book;
use crate::domain::checklist::{Step, StepView};
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::widgets::list_cursor::ListCursor;

/// The checklist as last loaded and the cursor in it.
#[derive(Debug, Default)]
pub struct Migration {
    /// The visible steps, in the order shown (urgent first).
    pub views: Vec<StepView>,
    /// Every stored step, hidden ones too (prerequisites, what a step unlocks).
    pub steps: Vec<Step>,
    pub cursor: ListCursor,
}

/// The order groups of the list: urgent, can be done now, waiting, settled.
pub fn group(view: &StepView) -> u8 {
    if view.status.is_settled() {
        3
    } else if view.urgent {
        0
    } else if view.is_waiting() {
        2
    } else {
        1
    }
}

impl Migration {
    /// Loads the steps again; the cursor stays on `keep` (or on the step it
    /// was on), else at the same place.
    pub fn reload(&mut self, book: &Book, keep: Option<&str>) -> Result<()> {
        let keep = keep
            .map(str::to_string)
            .or_else(|| self.selected_view().map(|v| v.key.clone()));
        self.steps = book.checklist_steps()?;
        self.views = book.checklist()?;
        let last = self.views.len().saturating_sub(1);
        let at = keep
            .and_then(|k| self.views.iter().position(|v| v.key == k))
            .unwrap_or(self.cursor.selected().min(last));
        self.cursor.select(at);
        Ok(())
    }

    /// Puts the cursor on the step `key`, if it is shown.
    pub fn select_key(&mut self, key: &str) {
        if let Some(at) = self.views.iter().position(|v| v.key == key) {
            self.cursor.select(at);
        }
    }

    pub fn selected_view(&self) -> Option<&StepView> {
        self.views.get(self.cursor.selected())
    }

    pub fn view(&self, key: &str) -> Option<&StepView> {
        self.views.iter().find(|v| v.key == key)
    }

    pub fn step(&self, key: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.key == key)
    }

    pub fn hidden_count(&self) -> usize {
        self.steps.iter().filter(|s| s.hidden).count()
    }

    pub fn settled_count(&self) -> usize {
        self.views.iter().filter(|v| v.status.is_settled()).count()
    }

    /// Moves the cursor; false if the action is not a move.
    pub fn navigate(&mut self, action: Action) -> bool {
        self.cursor.navigate(action, self.views.len())
    }
}
