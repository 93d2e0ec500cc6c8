//! The virement interne form: between two money accounts, never on a 6/7
//! category (the domain builds only the two money lines).

use crate::domain::entry_request::{TransferRequest, build_transfer};
use crate::domain::{Account, Exercice, Field, FieldError, FieldErrors, MoneyKey};
use crate::ui::action::Action;
use crate::ui::keymap::Context;
use crate::ui::widgets::field::{FieldValue, FieldView};
pub use crate::ui::widgets::form_frame::Outcome;
use crate::ui::widgets::form_frame::{Checks, Errors, Item, draw_form, type_into, type_over};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Date,
    Piece,
    From,
    To,
    Amount,
    Label,
}

const SLOTS: [Slot; 6] = [
    Slot::Date,
    Slot::Piece,
    Slot::From,
    Slot::To,
    Slot::Amount,
    Slot::Label,
];
const LABEL_WIDTH: u16 = 20;

#[derive(Debug)]
pub struct TransferForm {
    pub editing: Option<(i64, String)>,
    exercice: Exercice,
    date: Input,
    piece: Input,
    from: MoneyKey,
    to: MoneyKey,
    amount: Input,
    label: Input,
    focus: Slot,
    /// The focused field holds a proposed value that typing replaces.
    fresh: bool,
    /// The errors shown under the fields.
    pub errors: Errors,
    checks: Checks,
    pub message: Option<String>,
    initial: TransferRequest,
}

fn input(text: &str) -> Input {
    Input::new(text.to_string())
}

/// The usual other side of a transfer from `from`: cash and online money go
/// to the Compte Pro; from the Compte Pro, to the caisse.
pub fn usual_destination(from: MoneyKey) -> MoneyKey {
    match from {
        MoneyKey::Pro => MoneyKey::Caisse,
        _ => MoneyKey::Pro,
    }
}

fn item<'a>(
    label: &'a str,
    value: FieldValue<'a>,
    focused: bool,
    error: Option<&'a str>,
    note: Option<&'a str>,
) -> Item<'a> {
    Item::Field(FieldView {
        label,
        value,
        focused,
        error,
        note,
        label_width: LABEL_WIDTH,
    })
}

impl TransferForm {
    pub fn new(
        request: TransferRequest,
        exercice: Exercice,
        editing: Option<(i64, String)>,
    ) -> Self {
        TransferForm {
            editing,
            exercice,
            date: input(&request.date),
            piece: input(&request.piece),
            from: request.from,
            to: request.to,
            amount: input(&request.amount),
            label: input(&request.label),
            focus: Slot::Date,
            fresh: true,
            errors: Errors::default(),
            checks: Checks::default(),
            message: None,
            initial: request,
        }
    }

    pub fn request(&self) -> TransferRequest {
        TransferRequest {
            date: self.date.value().to_string(),
            from: self.from,
            to: self.to,
            amount: self.amount.value().to_string(),
            label: self.label.value().to_string(),
            piece: self.piece.value().to_string(),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.request() != self.initial
    }

    fn field_of(slot: Slot) -> Field {
        match slot {
            Slot::Date => Field::Date,
            Slot::Piece => Field::Piece,
            Slot::From => Field::Compte,
            Slot::To => Field::Destination,
            Slot::Amount => Field::Montant,
            Slot::Label => Field::Libelle,
        }
    }

    /// The domain's check of what is typed (the one the books run; an
    /// empty pièce of a new virement takes the next number, as on saving).
    fn domain_errors(&self, chart: &[Account]) -> Vec<FieldError> {
        let mut request = self.request();
        if self.editing.is_none() && request.piece.trim().is_empty() {
            request.piece = "V".to_string();
        }
        match build_transfer(&request, chart, self.exercice) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.0,
        }
    }

    fn recheck(&mut self, chart: &[Account]) {
        self.errors = self.checks.shown(&self.domain_errors(chart));
    }

    /// The errors of a refused save; the cursor goes to the first faulty
    /// field in the form's order.
    pub fn refused(&mut self, errors: FieldErrors, chart: &[Account]) {
        let domain = self.domain_errors(chart);
        self.checks.refused(&errors.0, &domain);
        self.message = None;
        self.recheck(chart);
        if let Some(slot) = SLOTS
            .into_iter()
            .find(|s| self.errors.text(Self::field_of(*s)).is_some())
        {
            self.focus = slot;
            self.fresh = false;
        }
    }

    pub fn contexts(&self) -> Vec<Context> {
        if matches!(self.focus, Slot::From | Slot::To) {
            vec![Context::Choice, Context::Form]
        } else {
            vec![Context::Form]
        }
    }

    pub fn update(&mut self, action: Action, chart: &[Account]) -> Outcome {
        let before = self.request();
        let outcome = self.apply(action);
        let after = self.request();
        let changed = [
            (before.date != after.date, Field::Date),
            (before.piece != after.piece, Field::Piece),
            (before.from != after.from, Field::Compte),
            (before.to != after.to, Field::Destination),
            (before.amount != after.amount, Field::Montant),
            (before.label != after.label, Field::Libelle),
        ];
        for (_, field) in changed.into_iter().filter(|(c, _)| *c) {
            self.checks.changed(field);
            self.message = None;
        }
        self.recheck(chart);
        outcome
    }

    fn apply(&mut self, action: Action) -> Outcome {
        match action {
            Action::Submit => return Outcome::Save,
            Action::Close => return Outcome::Close,
            Action::Help => return Outcome::Help,
            Action::NextField => self.move_focus(1),
            Action::PrevField => self.move_focus(-1),
            Action::ChoiceNext => self.cycle(1),
            Action::ChoicePrev => self.cycle(-1),
            Action::Type(request) => {
                let _ = match self.focus {
                    Slot::Date => type_over(&mut self.date, request, &mut self.fresh),
                    Slot::Piece => type_over(&mut self.piece, request, &mut self.fresh),
                    Slot::Amount => type_into(&mut self.amount, request),
                    Slot::Label => type_into(&mut self.label, request),
                    Slot::From | Slot::To => false,
                };
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn move_focus(&mut self, step: isize) {
        // Leaving a filled field: from now on its error follows the text.
        let filled = |input: &Input| !input.value().trim().is_empty();
        match self.focus {
            Slot::Date if filled(&self.date) => self.checks.check(Field::Date),
            Slot::Piece if filled(&self.piece) => self.checks.check(Field::Piece),
            Slot::Amount if filled(&self.amount) => self.checks.check(Field::Montant),
            Slot::Label if filled(&self.label) => self.checks.check(Field::Libelle),
            _ => {}
        }
        let at = SLOTS.iter().position(|s| *s == self.focus).unwrap_or(0) as isize;
        self.focus = SLOTS[(at + step).rem_euclid(SLOTS.len() as isize) as usize];
        self.fresh = matches!(self.focus, Slot::Date | Slot::Piece);
    }

    fn proposed<'a>(&self, slot: Slot, input: &'a Input) -> FieldValue<'a> {
        if self.fresh && self.focus == slot {
            FieldValue::Proposed(input)
        } else {
            FieldValue::Text(input)
        }
    }

    fn cycle(&mut self, step: isize) {
        let next = |current: MoneyKey| {
            let at = MoneyKey::ALL
                .iter()
                .position(|k| *k == current)
                .unwrap_or(0) as isize;
            MoneyKey::ALL[(at + step).rem_euclid(MoneyKey::ALL.len() as isize) as usize]
        };
        match self.focus {
            Slot::From => {
                self.from = next(self.from);
                if self.from == self.to {
                    self.to = usual_destination(self.from);
                }
            }
            Slot::To => {
                self.to = next(self.to);
                if self.to == self.from {
                    self.to = next(self.to);
                }
            }
            _ => {}
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect) {
        let errors: Vec<Option<String>> = SLOTS
            .iter()
            .map(|s| self.errors.text(Self::field_of(*s)))
            .collect();
        let field = |slot: Slot, label: &'static str, value, note| {
            let index = SLOTS.iter().position(|s| *s == slot).unwrap_or(0);
            item(
                label,
                value,
                self.focus == slot,
                errors[index].as_deref(),
                note,
            )
        };
        let mut items = vec![
            field(
                Slot::Date,
                "Date",
                self.proposed(Slot::Date, &self.date),
                None,
            ),
            field(
                Slot::Piece,
                "N° de pièce",
                self.proposed(Slot::Piece, &self.piece),
                None,
            ),
            field(
                Slot::From,
                "Du compte",
                FieldValue::Choice(self.from.label()),
                Some("l'argent part d'ici"),
            ),
            field(
                Slot::To,
                "Vers le compte",
                FieldValue::Choice(self.to.label()),
                Some("et arrive ici"),
            ),
            field(
                Slot::Amount,
                "Montant (€)",
                FieldValue::Text(&self.amount),
                None,
            ),
            field(Slot::Label, "Libellé", FieldValue::Text(&self.label), None),
            Item::Text(Line::styled(
                "Ni recette ni dépense : un virement interne ne touche aucune catégorie 6/7.",
                theme::note(),
            )),
        ];
        if let Some(message) = &self.message {
            items.push(Item::Text(Line::styled(
                format!("✗ {message}"),
                theme::error(),
            )));
        }
        let title = match &self.editing {
            Some((_, piece)) => format!("Modifier le virement {piece}"),
            None => "Virement interne".to_string(),
        };
        let focus = SLOTS.iter().position(|s| *s == self.focus).unwrap_or(0);
        draw_form(frame, area, &title, &items, focus);
    }
}
