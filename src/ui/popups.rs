//! Actions while a popup is open: forms save through the `Book`, questions
//! carry out their answer, the help scrolls.

use super::action::Action;
use super::app::{App, Popup, Stage, Status};
use super::screens::entry_form::Outcome;
use super::widgets::confirm::{Confirm, OnYes};
use crate::domain::{Account, FieldErrors};
use crate::store::StoreError;

/// What saving a form gave.
enum Saved {
    Done { id: i64, edited: bool },
    Refused(FieldErrors),
    Failed(String),
}

fn saved(result: Result<i64, StoreError>, edited: bool) -> Saved {
    match result {
        Ok(id) => Saved::Done { id, edited },
        Err(StoreError::Field(errors)) => Saved::Refused(errors),
        Err(other) => Saved::Failed(other.to_string()),
    }
}

impl App {
    pub(super) fn update_popup(&mut self, action: Action) {
        let chart: &[Account] = match &self.stage {
            Stage::Main(main) => main.book.chart(),
            _ => &[],
        };
        let Some(top) = self.popups.last_mut() else {
            return;
        };
        let (outcome, dirty) = match top {
            Popup::Entry(form) => (form.update(action, chart), form.is_dirty()),
            Popup::Transfer(form) => (form.update(action), form.is_dirty()),
            Popup::Help(help) => {
                match action {
                    Action::Up => help.scroll_by(-1),
                    Action::Down => help.scroll_by(1),
                    Action::Close => {
                        self.popups.pop();
                    }
                    _ => {}
                }
                return;
            }
            Popup::StepHelp(help) => {
                match action {
                    Action::Up => help.scroll_by(-1),
                    Action::Down => help.scroll_by(1),
                    Action::Close => {
                        self.popups.pop();
                    }
                    _ => {}
                }
                return;
            }
            Popup::StepInput(_) => return self.update_step_input(action),
            Popup::PartForm(_) => return self.update_part_form(action),
            Popup::Chart(_) => return self.update_chart(action),
            Popup::ChartForm(_) => return self.update_chart_form(action),
            Popup::Confirm(confirm) => {
                let on_yes = confirm.on_yes.clone();
                match action {
                    Action::Yes => {
                        self.popups.pop();
                        self.answer_yes(on_yes);
                    }
                    Action::No => {
                        self.popups.pop();
                    }
                    _ => {}
                }
                return;
            }
        };
        match outcome {
            Outcome::Stay => {}
            Outcome::Help => self.open_help(),
            Outcome::Close if dirty => self.popups.push(Popup::Confirm(Confirm::discard())),
            Outcome::Close => {
                self.popups.pop();
            }
            Outcome::Save => self.save_form(false),
        }
    }

    /// Saves the entry or transfer form on top. Unless `confirmed`, a
    /// warning of the books (a date after today) is asked about first.
    fn save_form(&mut self, confirmed: bool) {
        let Stage::Main(main) = &mut self.stage else {
            return;
        };
        let book = &mut main.book;
        if !confirmed {
            let warnings = match self.popups.last() {
                Some(Popup::Entry(form)) => book.entry_warnings(&form.request()),
                Some(Popup::Transfer(form)) => book.transfer_warnings(&form.request()),
                _ => return,
            };
            if let Some(first) = warnings.first() {
                let ask = Confirm::save_anyway(first.question());
                self.popups.push(Popup::Confirm(ask));
                return;
            }
        }
        let result = match self.popups.last() {
            Some(Popup::Entry(form)) => {
                let request = form.request();
                match &form.editing {
                    Some((id, _)) => saved(book.edit_entry(*id, &request).map(|()| *id), true),
                    None => saved(book.add_entry(&request), false),
                }
            }
            Some(Popup::Transfer(form)) => {
                let request = form.request();
                match &form.editing {
                    Some((id, _)) => saved(book.edit_transfer(*id, &request).map(|()| *id), true),
                    None => saved(book.add_transfer(&request), false),
                }
            }
            _ => return,
        };
        match result {
            Saved::Done { id, edited } => {
                self.popups.pop();
                let piece = book
                    .entry(id)
                    .ok()
                    .flatten()
                    .map(|e| e.piece)
                    .unwrap_or_default();
                let verb = if edited { "modifiée" } else { "enregistrée" };
                self.status = Some(Status {
                    text: format!("{piece} {verb}"),
                    error: false,
                });
                if let Err(e) = main.reload(Some(id)) {
                    self.status = Some(Status {
                        text: e.to_string(),
                        error: true,
                    });
                }
            }
            Saved::Refused(errors) => match self.popups.last_mut() {
                Some(Popup::Entry(form)) => form.refused(errors),
                Some(Popup::Transfer(form)) => form.refused(errors),
                _ => {}
            },
            Saved::Failed(message) => match self.popups.last_mut() {
                Some(Popup::Entry(form)) => form.message = Some(message),
                Some(Popup::Transfer(form)) => form.message = Some(message),
                _ => {}
            },
        }
    }

    fn answer_yes(&mut self, on_yes: OnYes) {
        match on_yes {
            OnYes::DiscardForm => {
                self.popups.pop();
            }
            OnYes::QuitSetup => self.quit_now(),
            OnYes::HideStep { key } => self.hide_step(&key),
            OnYes::DiscardEnvelope => self.leave_envelope(),
            OnYes::SaveForm => self.save_form(true),
            OnYes::AddSecondLine => self.add_second_line(),
            OnYes::CancelEntry { id } => {
                let Stage::Main(main) = &mut self.stage else {
                    return;
                };
                let result = main.book.cancel_entry(id);
                self.status = Some(match result {
                    Ok(reversal) => {
                        let piece_of = |i: i64| {
                            main.book
                                .entry(i)
                                .ok()
                                .flatten()
                                .map(|e| e.piece)
                                .unwrap_or_default()
                        };
                        let text = format!("{} annulée par {}", piece_of(id), piece_of(reversal));
                        match main.reload(Some(id)) {
                            Ok(()) => Status { text, error: false },
                            Err(e) => Status {
                                text: e.to_string(),
                                error: true,
                            },
                        }
                    }
                    Err(e) => Status {
                        text: e.to_string(),
                        error: true,
                    },
                });
            }
        }
    }
}
