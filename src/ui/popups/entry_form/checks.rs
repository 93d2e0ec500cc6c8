//! The entry form's errors: the domain's check of what is typed (the one
//! the books run on saving), field by field and ventilation line by line,
//! recomputed after every key; the books' own refusals until their field
//! changes. On a refusal the cursor goes to the first faulty field.

use super::{EntryForm, Slot};
use crate::domain::entry_request::{EntryRequest, LineCheck, build_entry, check_splits};
use crate::domain::{Account, Field, FieldError, FieldErrors, Money};

/// The fields whose typed value differs between two requests.
fn changed_fields(a: &EntryRequest, b: &EntryRequest) -> Vec<Field> {
    let pairs = [
        (a.date != b.date, Field::Date),
        (a.kind != b.kind, Field::Nature),
        (a.piece != b.piece, Field::Piece),
        (a.account != b.account, Field::Compte),
        (a.amount != b.amount, Field::Montant),
        (a.label != b.label, Field::Libelle),
        (a.mode != b.mode, Field::Mode),
        (a.cheque_no != b.cheque_no, Field::Cheque),
        (a.splits != b.splits, Field::Categorie),
        (a.splits != b.splits, Field::Ventilation),
    ];
    pairs
        .into_iter()
        .filter(|(changed, _)| *changed)
        .map(|(_, field)| field)
        .collect()
}

impl EntryForm {
    /// What the books will check: a new entry's empty pièce takes the
    /// proposed number, as on saving.
    fn checked_request(&self) -> EntryRequest {
        let mut request = self.request();
        if self.editing.is_none() && request.piece.trim().is_empty() {
            request.piece = self.proposed_piece().to_string();
        }
        request
    }

    fn domain_errors(&self, chart: &[Account]) -> Vec<FieldError> {
        match build_entry(&self.checked_request(), chart, self.exercice) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.0,
        }
    }

    /// After a key: what changed loses the books' refusal about it, and
    /// every checked field is checked again.
    pub(super) fn after_change(&mut self, before: &EntryRequest, chart: &[Account]) {
        let changed = changed_fields(before, &self.request());
        if !changed.is_empty() {
            self.message = None;
        }
        for field in changed {
            self.checks.changed(field);
        }
        self.recheck(chart);
    }

    /// The cursor leaves a slot: from now on its error follows what is
    /// typed (a ventilation line waits for Entrée: it is typed in parts).
    pub(super) fn check_leaving(&mut self) {
        let filled = |text: &str| !text.trim().is_empty();
        let field = match self.focus {
            Slot::Date if filled(self.date.value()) => Field::Date,
            Slot::Piece if filled(self.piece.value()) => Field::Piece,
            Slot::Amount if filled(self.amount.value()) => Field::Montant,
            Slot::Label if filled(self.label.value()) => Field::Libelle,
            Slot::Cheque if filled(self.cheque.value()) => Field::Cheque,
            Slot::Category if filled(self.category.value()) => Field::Categorie,
            _ => return,
        };
        self.checks.check(field);
    }

    /// Recomputes the errors shown.
    pub(super) fn recheck(&mut self, chart: &[Account]) {
        let domain = self.domain_errors(chart);
        let shown = self.checks.shown(&domain);
        self.lines.clear();
        self.whole.clear();
        if !self.splits.is_empty() {
            let request = self.checked_request();
            let amount = Money::parse_positive(&request.amount).ok();
            let check = check_splits(&request, chart, amount);
            if self.checks.is_checked(Field::Ventilation) {
                self.lines = check.lines;
            }
            let on_lines: Vec<&FieldError> =
                self.lines.iter().flat_map(LineCheck::errors).collect();
            self.whole = shown
                .0
                .iter()
                .filter(|e| matches!(e.field, Field::Ventilation | Field::Categorie))
                .filter(|e| !on_lines.contains(e))
                .map(|e| e.message.clone())
                .collect();
        }
        self.errors = shown;
    }

    /// The errors of a refused save; the cursor goes to the first faulty
    /// field (the faulty ventilation line) and the list of categories
    /// closes, so that nothing covers the message.
    pub fn refused(&mut self, errors: FieldErrors, chart: &[Account]) {
        let domain = self.domain_errors(chart);
        self.checks.refused(&errors.0, &domain);
        self.message = None;
        self.recheck(chart);
        self.picker.open = false;
        if let Some(slot) = self.first_error() {
            self.focus = slot;
            self.fresh = false;
        }
    }

    /// The first slot, in the form's order, that shows an error.
    fn first_error(&self) -> Option<Slot> {
        let faulty = self.slots().into_iter().find(|slot| match slot {
            Slot::SplitCode(i) => self.lines.get(*i).is_some_and(|l| l.code.is_some()),
            Slot::SplitAmount(i) => self.lines.get(*i).is_some_and(|l| l.part.is_some()),
            other => self.error_for(*other).is_some(),
        });
        if faulty.is_some() || self.whole.is_empty() {
            return faulty;
        }
        // The parts do not add up, or no line is filled: the first line
        // without a part (else the last part) is where to type.
        let i = self
            .splits
            .iter()
            .position(|(_, part)| part.value().trim().is_empty())
            .unwrap_or(self.splits.len().saturating_sub(1));
        let code_empty = self
            .splits
            .get(i)
            .is_some_and(|(code, _)| code.value().trim().is_empty());
        Some(if code_empty {
            Slot::SplitCode(i)
        } else {
            Slot::SplitAmount(i)
        })
    }
}
