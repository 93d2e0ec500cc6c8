//! The recette / dépense form (new or edit): typed text is kept whatever
//! happens; errors come back from the domain and show under their field.
//! The drawing is in `view.rs`.

mod checks;
mod ventilation;
mod view;

use crate::domain::entry_request::{EntryRequest, LineCheck, SplitInput, modes_offered};
use crate::domain::{Account, AccountKind, EntryKind, Exercice, Field, MoneyKey, PaymentMode};
use crate::ui::action::Action;
use crate::ui::keymap::Context;
use crate::ui::widgets::category_picker::{CategoryPicker, candidates, code_of};
pub use crate::ui::widgets::form_frame::Outcome;
use crate::ui::widgets::form_frame::{Checks, Errors, type_into, type_over};
use tui_input::Input;

/// A place the cursor can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Date,
    Nature,
    Piece,
    Account,
    Amount,
    Label,
    Mode,
    Cheque,
    Category,
    SplitCode(usize),
    SplitAmount(usize),
}

#[derive(Debug)]
pub struct EntryForm {
    /// The entry being edited, or `None` for a new one.
    pub editing: Option<(i64, String)>,
    exercice: Exercice,
    kind: EntryKind,
    account: MoneyKey,
    mode: PaymentMode,
    date: Input,
    piece: Input,
    amount: Input,
    label: Input,
    cheque: Input,
    category: Input,
    splits: Vec<(Input, Input)>,
    focus: Slot,
    picker: CategoryPicker,
    /// The errors shown under the fields (see `checks.rs`).
    pub errors: Errors,
    checks: Checks,
    /// Ventilated: each line's errors, and those of the whole ventilation.
    lines: Vec<LineCheck>,
    whole: Vec<String>,
    pub message: Option<String>,
    /// Proposed pièce numbers for a recette and a dépense.
    proposals: (String, String),
    piece_edited: bool,
    mode_edited: bool,
    /// The focused field holds a proposed value that typing replaces.
    fresh: bool,
    initial: EntryRequest,
}

fn input(text: &str) -> Input {
    Input::new(text.to_string())
}

impl EntryForm {
    /// After the nature or the account changed: a mode no longer offered
    /// goes back to the account's usual one.
    fn keep_an_offered_mode(&mut self) {
        if !modes_offered(self.account, self.kind).contains(&self.mode) {
            self.mode = PaymentMode::default_for(self.account);
        }
    }

    /// A form for `request`; `proposals` are the next R and D numbers.
    pub fn new(
        request: EntryRequest,
        exercice: Exercice,
        editing: Option<(i64, String)>,
        proposals: (String, String),
    ) -> Self {
        let (category, splits) = match request.splits.as_slice() {
            [] => (String::new(), Vec::new()),
            [one] => (one.code.clone(), Vec::new()),
            many => (
                String::new(),
                many.iter()
                    .map(|s| (input(&s.code), input(&s.amount)))
                    .collect(),
            ),
        };
        EntryForm {
            exercice,
            kind: request.kind,
            account: request.account,
            mode: request
                .mode
                .unwrap_or(PaymentMode::default_for(request.account)),
            date: input(&request.date),
            piece: input(&request.piece),
            amount: input(&request.amount),
            label: input(&request.label),
            cheque: input(&request.cheque_no),
            category: input(&category),
            splits,
            focus: Slot::Date,
            fresh: true,
            picker: CategoryPicker::default(),
            errors: Errors::default(),
            checks: Checks::default(),
            lines: Vec::new(),
            whole: Vec::new(),
            message: None,
            piece_edited: editing.is_some(),
            mode_edited: editing.is_some(),
            editing,
            proposals,
            initial: request,
        }
        .normalized()
    }

    fn normalized(mut self) -> Self {
        self.initial = self.request();
        self
    }

    /// What is typed, as the domain reads it.
    pub fn request(&self) -> EntryRequest {
        let splits = if self.splits.is_empty() {
            vec![SplitInput {
                code: code_of(self.category.value()).to_string(),
                amount: String::new(),
            }]
        } else {
            self.splits
                .iter()
                .map(|(c, a)| SplitInput {
                    code: code_of(c.value()).to_string(),
                    amount: a.value().to_string(),
                })
                .collect()
        };
        EntryRequest {
            date: self.date.value().to_string(),
            kind: self.kind,
            account: self.account,
            amount: self.amount.value().to_string(),
            label: self.label.value().to_string(),
            mode: Some(self.mode),
            splits,
            piece: self.piece.value().to_string(),
            cheque_no: if self.mode == PaymentMode::Cheque {
                self.cheque.value().to_string()
            } else {
                String::new()
            },
        }
    }

    /// Whether something was typed since the form opened.
    pub fn is_dirty(&self) -> bool {
        self.request() != self.initial
    }

    fn slots(&self) -> Vec<Slot> {
        let mut slots = vec![
            Slot::Date,
            Slot::Nature,
            Slot::Piece,
            Slot::Account,
            Slot::Amount,
            Slot::Label,
            Slot::Mode,
        ];
        if self.mode == PaymentMode::Cheque {
            slots.push(Slot::Cheque);
        }
        if self.splits.is_empty() {
            slots.push(Slot::Category);
        }
        for i in 0..self.splits.len() {
            slots.push(Slot::SplitCode(i));
            slots.push(Slot::SplitAmount(i));
        }
        slots
    }

    fn field_of(&self, slot: Slot) -> Option<Field> {
        Some(match slot {
            Slot::Date => Field::Date,
            Slot::Nature => Field::Nature,
            Slot::Piece => Field::Piece,
            Slot::Account => Field::Compte,
            Slot::Amount => Field::Montant,
            Slot::Label => Field::Libelle,
            Slot::Mode => Field::Mode,
            Slot::Category => Field::Categorie,
            Slot::SplitCode(_) | Slot::SplitAmount(_) => Field::Ventilation,
            Slot::Cheque => Field::Cheque,
        })
    }

    /// The error shown under a field (the one category also shows the
    /// ventilation's: the part of a single line).
    fn error_for(&self, slot: Slot) -> Option<String> {
        match slot {
            Slot::SplitCode(_) | Slot::SplitAmount(_) => None,
            // Being searched in the open list: not an error yet.
            Slot::Category if self.picker_open() => None,
            Slot::Category => {
                let parts: Vec<String> = [Field::Categorie, Field::Ventilation]
                    .into_iter()
                    .filter_map(|f| self.errors.text(f))
                    .collect();
                (!parts.is_empty()).then(|| parts.join(" ; "))
            }
            other => self.field_of(other).and_then(|f| self.errors.text(f)),
        }
    }

    /// The pièce number proposed for the nature chosen.
    fn proposed_piece(&self) -> &str {
        if self.kind == EntryKind::Recette {
            &self.proposals.0
        } else {
            &self.proposals.1
        }
    }

    fn wanted(&self) -> AccountKind {
        if self.kind == EntryKind::Recette {
            AccountKind::Produit
        } else {
            AccountKind::Charge
        }
    }

    fn code_input(&self) -> Option<&Input> {
        match self.focus {
            Slot::Category => Some(&self.category),
            Slot::SplitCode(i) => self.splits.get(i).map(|s| &s.0),
            _ => None,
        }
    }

    fn picker_open(&self) -> bool {
        self.picker.open && self.code_input().is_some()
    }

    /// The keymap contexts for where the cursor is.
    pub fn contexts(&self) -> Vec<Context> {
        let mut contexts = Vec::new();
        if self.picker_open() {
            contexts.push(Context::Picker);
        }
        if matches!(self.focus, Slot::Nature | Slot::Account | Slot::Mode) {
            contexts.push(Context::Choice);
        }
        contexts.extend([Context::Split, Context::Form]);
        contexts
    }

    fn move_focus(&mut self, step: isize, chart: &[Account]) {
        self.check_leaving();
        let slots = self.slots();
        let at = slots.iter().position(|s| *s == self.focus).unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(slots.len() as isize) as usize;
        self.focus = slots[next];
        self.enter_slot(chart);
    }

    /// Opens the picker on a code field that does not hold a known code yet.
    fn enter_slot(&mut self, chart: &[Account]) {
        let wanted = self.wanted();
        let known = self.code_input().is_some_and(|i| {
            chart
                .iter()
                .any(|a| a.kind == wanted && a.code == code_of(i.value()))
        });
        self.picker.open = !known;
        self.picker.selected = 0;
        self.fresh = matches!(self.focus, Slot::Date | Slot::Piece);
    }

    pub fn update(&mut self, action: Action, chart: &[Account]) -> Outcome {
        let before = self.request();
        let outcome = self.apply(action, chart);
        self.after_change(&before, chart);
        outcome
    }

    fn apply(&mut self, action: Action, chart: &[Account]) -> Outcome {
        let picking = self.picker_open();
        match action {
            Action::Up if picking => self.picker.up(),
            Action::Down if picking => {
                let query = self
                    .code_input()
                    .map(|i| i.value().to_string())
                    .unwrap_or_default();
                self.picker
                    .down(candidates(chart, self.wanted(), &query).len());
            }
            Action::Submit if picking => self.pick(chart),
            Action::Submit => return Outcome::Save,
            // Échap on the open list closes the list, not the form.
            Action::Close if picking => self.picker.open = false,
            Action::Close => return Outcome::Close,
            Action::Help => return Outcome::Help,
            Action::NextField => self.move_focus(1, chart),
            Action::PrevField => self.move_focus(-1, chart),
            Action::ChoiceNext => self.cycle(1),
            Action::ChoicePrev => self.cycle(-1),
            Action::AddSplit => self.add_split(chart),
            Action::RemoveSplit => self.remove_split(chart),
            Action::Type(request) => self.type_text(request),
            _ => {}
        }
        Outcome::Stay
    }

    fn type_text(&mut self, request: tui_input::InputRequest) {
        let changed = match self.focus {
            Slot::Date => type_over(&mut self.date, request, &mut self.fresh),
            Slot::Piece => {
                let changed = type_over(&mut self.piece, request, &mut self.fresh);
                self.piece_edited |= changed;
                changed
            }
            Slot::Amount => type_into(&mut self.amount, request),
            Slot::Label => type_into(&mut self.label, request),
            Slot::Cheque => type_into(&mut self.cheque, request),
            Slot::Category => type_into(&mut self.category, request),
            Slot::SplitCode(i) => self
                .splits
                .get_mut(i)
                .is_some_and(|s| type_into(&mut s.0, request)),
            Slot::SplitAmount(i) => self
                .splits
                .get_mut(i)
                .is_some_and(|s| type_into(&mut s.1, request)),
            Slot::Nature | Slot::Account | Slot::Mode => false,
        };
        if changed && matches!(self.focus, Slot::Category | Slot::SplitCode(_)) {
            self.picker.reopen();
        }
    }

    fn cycle(&mut self, step: isize) {
        fn next<T: Copy + PartialEq>(all: &[T], current: T, step: isize) -> T {
            let at = all.iter().position(|x| *x == current).unwrap_or(0) as isize;
            all[(at + step).rem_euclid(all.len() as isize) as usize]
        }
        match self.focus {
            Slot::Nature => {
                self.kind = next(&[EntryKind::Recette, EntryKind::Depense], self.kind, step);
                if !self.piece_edited {
                    self.piece = input(self.proposed_piece());
                }
                self.keep_an_offered_mode();
            }
            Slot::Account => {
                self.account = next(&MoneyKey::ALL, self.account, step);
                if !self.mode_edited {
                    self.mode = PaymentMode::default_for(self.account);
                }
                self.keep_an_offered_mode();
            }
            Slot::Mode => {
                // Only the modes offered (espèces on the Caisse alone,
                // carte or prélèvement online, no chèque for a recette).
                let offered = modes_offered(self.account, self.kind);
                self.mode = next(&offered, self.mode, step);
                self.mode_edited = true;
                self.checks.check(Field::Mode);
            }
            _ => {}
        }
    }
}
