//! The entry or transfer form as a popup: Entrée saves through the `Book`
//! (a warning such as a date after today is asked about first), Échap
//! leaves (asking first if something was typed). A refusal stays in the
//! form with what was typed, each error under its field.

use super::confirm::Confirm;
use super::entry_form::EntryForm;
use super::transfer_form::TransferForm;
use crate::book::Book;
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::component::Effect;
use crate::ui::component::{Component, Role};
use crate::ui::effect::Focus;
use crate::ui::keymap::Context;
use crate::ui::widgets::form_frame::Outcome;
use ratatui::Frame;
use ratatui::layout::Rect;

enum Form {
    Entry(Box<EntryForm>),
    Transfer(Box<TransferForm>),
}

/// The question the form asked, answered by `Action::Yes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    Discard,
    SaveAnyway,
}

pub struct LedgerForm {
    form: Form,
    asked: Option<Asked>,
}

impl LedgerForm {
    pub fn entry(form: EntryForm) -> Self {
        LedgerForm {
            form: Form::Entry(Box::new(form)),
            asked: None,
        }
    }

    pub fn transfer(form: TransferForm) -> Self {
        LedgerForm {
            form: Form::Transfer(Box::new(form)),
            asked: None,
        }
    }

    fn is_dirty(&self) -> bool {
        match &self.form {
            Form::Entry(form) => form.is_dirty(),
            Form::Transfer(form) => form.is_dirty(),
        }
    }

    fn ask(&mut self, asked: Asked, confirm: Confirm) -> Effect {
        self.asked = Some(asked);
        Effect::open(confirm)
    }

    /// Saves the form. Unless `confirmed`, the save is first checked whole
    /// (a dry run of the books: every rule, the caisse's included); only
    /// then is a warning of the books asked about.
    fn save(&mut self, book: &mut Book, confirmed: bool) -> Effect {
        if !confirmed {
            let checked = match &self.form {
                Form::Entry(form) => book.check_entry(&form.request(), editing_id(&form.editing)),
                Form::Transfer(form) => {
                    book.check_transfer(&form.request(), editing_id(&form.editing))
                }
            };
            match checked {
                Ok(warnings) => {
                    if let Some(first) = warnings.first() {
                        return self.ask(Asked::SaveAnyway, Confirm::save_anyway(first.question()));
                    }
                }
                Err(error) => return self.refused(error, book),
            }
        }
        let (result, edited) = match &self.form {
            Form::Entry(form) => {
                let request = form.request();
                match &form.editing {
                    Some((id, _)) => (book.edit_entry(*id, &request).map(|()| *id), true),
                    None => (book.add_entry(&request), false),
                }
            }
            Form::Transfer(form) => {
                let request = form.request();
                match &form.editing {
                    Some((id, _)) => (book.edit_transfer(*id, &request).map(|()| *id), true),
                    None => (book.add_transfer(&request), false),
                }
            }
        };
        match result {
            Ok(id) => {
                let piece = book
                    .entry(id)
                    .ok()
                    .flatten()
                    .map(|e| e.piece)
                    .unwrap_or_default();
                let verb = if edited { "modifiée" } else { "enregistrée" };
                Effect::Batch(vec![
                    Effect::Close,
                    Effect::info(format!("{piece} {verb}")),
                    Effect::Changed,
                    Effect::Show(Focus::Entry(id)),
                ])
            }
            Err(error) => self.refused(error, book),
        }
    }

    /// A refusal stays in the form: each error under its field.
    fn refused(&mut self, error: StoreError, book: &Book) -> Effect {
        match (error, &mut self.form) {
            (StoreError::Field(errors), Form::Entry(form)) => form.refused(errors, book.chart()),
            (StoreError::Field(errors), Form::Transfer(form)) => form.refused(errors, book.chart()),
            (other, Form::Entry(form)) => form.message = Some(other.to_string()),
            (other, Form::Transfer(form)) => form.message = Some(other.to_string()),
        }
        Effect::Done
    }
}

fn editing_id(editing: &Option<(i64, String)>) -> Option<i64> {
    editing.as_ref().map(|(id, _)| *id)
}

impl Component for LedgerForm {
    fn contexts(&self) -> Vec<Context> {
        match &self.form {
            Form::Entry(form) => form.contexts(),
            Form::Transfer(form) => form.contexts(),
        }
    }

    fn help_contexts(&self) -> Vec<Context> {
        match &self.form {
            Form::Entry(_) => vec![
                Context::Form,
                Context::Choice,
                Context::Split,
                Context::Picker,
            ],
            Form::Transfer(_) => vec![Context::Form, Context::Choice],
        }
    }

    fn accepts_text(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if action == Action::Yes {
            return match self.asked.take() {
                Some(Asked::Discard) => Effect::Close,
                Some(Asked::SaveAnyway) => self.save(book, true),
                None => Effect::Done,
            };
        }
        let outcome = match &mut self.form {
            Form::Entry(form) => form.update(action, book.chart()),
            Form::Transfer(form) => form.update(action, book.chart()),
        };
        match outcome {
            Outcome::Stay => Effect::Done,
            Outcome::Help => Effect::Help,
            Outcome::Close if self.is_dirty() => self.ask(Asked::Discard, Confirm::discard()),
            Outcome::Close => Effect::Close,
            Outcome::Save => self.save(book, false),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, book: &Book) {
        match &self.form {
            Form::Entry(form) => form.draw(frame, area, book.chart()),
            Form::Transfer(form) => form.draw(frame, area),
        }
    }

    fn role(&self) -> Role {
        Role::EntryForm
    }
}
