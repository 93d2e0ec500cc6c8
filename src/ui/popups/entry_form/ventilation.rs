//! The category fields: picking in the list, and the ventilation rows
//! ("+ ventiler" adds one, F3 removes one; back to one category at one row).

use super::{EntryForm, Slot, input};
use crate::domain::Account;
use crate::ui::widgets::category_picker::candidates;
use tui_input::Input;

impl EntryForm {
    pub(super) fn pick(&mut self, chart: &[Account]) {
        let query = self
            .code_input()
            .map(|i| i.value().to_string())
            .unwrap_or_default();
        let code = candidates(chart, self.wanted(), &query)
            .get(self.picker.selected)
            .map(|a| a.code.clone());
        let Some(code) = code else {
            self.picker.open = false;
            return;
        };
        match self.focus {
            Slot::Category => self.category = input(&code),
            Slot::SplitCode(i) => {
                if let Some(split) = self.splits.get_mut(i) {
                    split.0 = input(&code);
                }
            }
            _ => {}
        }
        self.picker.open = false;
        // On to the next field, unless this is the last one (then Enter saves).
        if self.slots().last() != Some(&self.focus) {
            self.move_focus(1, chart);
        }
    }

    pub(super) fn add_split(&mut self, chart: &[Account]) {
        if self.splits.is_empty() {
            let first = std::mem::take(&mut self.category);
            let has_code = !first.value().trim().is_empty();
            self.splits.push((first, Input::default()));
            self.splits.push((Input::default(), Input::default()));
            self.focus = if has_code {
                Slot::SplitAmount(0)
            } else {
                Slot::SplitCode(0)
            };
        } else {
            self.splits.push((Input::default(), Input::default()));
            self.focus = Slot::SplitCode(self.splits.len() - 1);
        }
        self.enter_slot(chart);
    }

    pub(super) fn remove_split(&mut self, chart: &[Account]) {
        if self.splits.is_empty() {
            return;
        }
        let index = match self.focus {
            Slot::SplitCode(i) | Slot::SplitAmount(i) => i,
            _ => self.splits.len() - 1,
        };
        self.splits.remove(index.min(self.splits.len() - 1));
        if self.splits.len() <= 1 {
            self.category = self.splits.pop().map(|s| s.0).unwrap_or_default();
            self.focus = Slot::Category;
        } else {
            let i = index.min(self.splits.len() - 1);
            self.focus = Slot::SplitCode(i);
        }
        self.enter_slot(chart);
    }
}
