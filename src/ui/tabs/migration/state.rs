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
    /// The step the last reload saw leave its group (the cursor then
    /// stayed where it was): showing it must not move the cursor after it.
    pub moved_away: Option<String>,
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
    /// Loads the steps again. The cursor stays on `keep` (or on the step
    /// it was on), unless that step left its group (done, reset, now
    /// waiting…): then the cursor stays at the same place, on the step that
    /// took its place, which is the next one to look at.
    pub fn reload(&mut self, book: &Book, keep: Option<&str>) -> Result<()> {
        let before = self.selected_view().map(|v| (v.key.clone(), group(v)));
        let keep = keep
            .map(str::to_string)
            .or_else(|| before.as_ref().map(|(k, _)| k.clone()));
        self.steps = book.checklist_steps()?;
        self.views = book.checklist()?;
        let last = self.views.len().saturating_sub(1);
        let same_place = self.cursor.selected().min(last);
        let found = keep
            .as_ref()
            .and_then(|k| self.views.iter().position(|v| &v.key == k));
        let moved = found.filter(|&i| {
            before
                .as_ref()
                .is_some_and(|(k, g)| Some(k) == keep.as_ref() && group(&self.views[i]) != *g)
        });
        self.moved_away = moved.map(|i| self.views[i].key.clone());
        let at = match (found, moved) {
            (Some(i), None) => i,
            _ => same_place,
        };
        self.cursor.select(at);
        Ok(())
    }

    /// The steps shown not settled that `key` needs, directly or not, in
    /// the order of the list: what "mark done" offers to mark too.
    pub fn pending_prerequisites(&self, key: &str) -> Vec<(String, String)> {
        let mut needed: Vec<&str> = Vec::new();
        let mut stack = vec![key];
        while let Some(k) = stack.pop() {
            for p in self
                .step(k)
                .map(|s| s.prerequisites.as_slice())
                .unwrap_or_default()
            {
                if !needed.contains(&p.as_str()) {
                    needed.push(p);
                    stack.push(p);
                }
            }
        }
        self.views
            .iter()
            .filter(|v| !v.status.is_settled() && needed.contains(&v.key.as_str()))
            .map(|v| (v.key.clone(), v.title.clone()))
            .collect()
    }

    /// Puts the cursor on the step `key`, if it is shown (not if the last
    /// reload saw it leave its group: the cursor stayed in place).
    pub fn select_key(&mut self, key: &str) {
        if self.moved_away.as_deref() == Some(key) {
            return;
        }
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
