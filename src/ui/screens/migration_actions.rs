//! What the keys of the Migration tab do: each change goes through the
//! `Book` (one transaction), then the list is loaded again with the cursor on
//! the same step and the new state on the status line. Errors go to the
//! status line, or into the input that caused them.

use super::migration_view::{Purpose, StepHelp, StepInput};
use crate::domain::checklist::StepStatus;
use crate::domain::format_date;
use crate::ui::action::Action;
use crate::ui::app::{App, Main, Popup, Status};
use crate::ui::widgets::confirm::Confirm;

/// "« Valider le lien Swan… » : fait le 15/10/2024 (d'après les comptes)".
fn state_of(main: &Main, key: &str) -> String {
    match main.migration.view(key) {
        Some(view) => {
            let mut text = format!("« {} » : {}", view.title, view.status_text());
            if view.derived && !view.manual {
                text.push_str(" (d'après les comptes)");
            } else if view.manual {
                text.push_str(" (réglé à la main)");
            }
            text
        }
        None => format!("« {key} » masquée"),
    }
}

impl App {
    /// The tab is shown: the books may have changed since.
    pub(in crate::ui) fn show_migration(&mut self) {
        let Some(main) = self.main() else { return };
        if let Err(e) = main.migration.reload(&mut main.book, None) {
            self.fail(e.to_string());
        }
    }

    /// After a change to `key`: reload, keep the cursor on it, say its state.
    fn changed(&mut self, key: &str, text: Option<String>) {
        let Some(main) = self.main() else { return };
        let status = match main.migration.reload(&mut main.book, Some(key)) {
            Ok(()) => Status {
                text: text.unwrap_or_else(|| state_of(main, key)),
                error: false,
            },
            Err(e) => Status {
                text: e.to_string(),
                error: true,
            },
        };
        self.status = Some(status);
    }

    pub(in crate::ui) fn update_migration(&mut self, action: Action) {
        let today = format_date(self.clock.today());
        let Some(main) = self.main() else { return };
        if main.migration.navigate(action) {
            return;
        }
        if action == Action::ShowHiddenSteps {
            return self.show_hidden_steps();
        }
        let Some(view) = main.migration.selected_view() else {
            if action == Action::AddStep {
                self.popups
                    .push(Popup::StepInput(StepInput::new(Purpose::Add, "", "", "")));
            } else if action != Action::Close {
                self.fail("Aucune étape affichée : a pour en ajouter une".into());
            }
            return;
        };
        let (key, title, note) = (view.key.clone(), view.title.clone(), view.note.clone());
        let result = match action {
            Action::StepHelp => {
                self.popups.push(Popup::StepHelp(StepHelp::new(&key)));
                return;
            }
            Action::MarkDoneOn => {
                let input = StepInput::new(Purpose::DoneOn, &key, &title, &today);
                self.popups.push(Popup::StepInput(input));
                return;
            }
            Action::StepNote => {
                let input = StepInput::new(Purpose::Note, &key, &title, &note);
                self.popups.push(Popup::StepInput(input));
                return;
            }
            Action::AddStep => {
                let input = StepInput::new(Purpose::Add, "", "", "");
                self.popups.push(Popup::StepInput(input));
                return;
            }
            Action::HideStep => {
                self.popups
                    .push(Popup::Confirm(Confirm::hide_step(&key, &title)));
                return;
            }
            Action::MarkDone => main.book.checklist_set(&key, StepStatus::Fait, None, None),
            Action::MarkInProgress => {
                main.book
                    .checklist_set(&key, StepStatus::EnCours, None, None)
            }
            Action::MarkNotApplicable => {
                main.book
                    .checklist_set(&key, StepStatus::SansObjet, None, None)
            }
            Action::ResetStep => main.book.checklist_reset(&key),
            Action::MoveStepUp => return self.move_step(&key, true),
            Action::MoveStepDown => return self.move_step(&key, false),
            _ => return,
        };
        match result {
            Ok(()) => self.changed(&key, None),
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Moves a step past its neighbour in the list. The list is grouped by
    /// state (urgent, à faire, en attente, réglées); the order the user sets
    /// counts inside a group, so a step does not leave its group.
    fn move_step(&mut self, key: &str, up: bool) {
        let Some(main) = self.main() else { return };
        let migration = &main.migration;
        let at = migration.cursor.selected();
        let neighbour =
            if up { at.checked_sub(1) } else { Some(at + 1) }.and_then(|i| migration.views.get(i));
        let same_group = neighbour.filter(|n| {
            migration
                .views
                .get(at)
                .is_some_and(|v| super::migration::group(v) == super::migration::group(n))
        });
        if same_group.is_none() {
            let text = if up {
                "déjà en tête de son groupe : l'ordre suit d'abord l'état (urgentes, à faire, en attente, réglées)"
            } else {
                "déjà en fin de son groupe : l'ordre suit d'abord l'état (urgentes, à faire, en attente, réglées)"
            };
            let title = migration.views.get(at).map_or("", |v| v.title.as_str());
            self.status = Some(Status {
                text: format!("« {title} » {text}"),
                error: false,
            });
            return;
        };
        let title = migration
            .views
            .get(at)
            .map_or(String::new(), |v| v.title.clone());
        if let Err(e) = main.book.checklist_move(key, up) {
            return self.fail(e.to_string());
        }
        let verb = if up { "montée" } else { "descendue" };
        self.changed(key, Some(format!("« {title} » {verb} d'un rang")));
    }

    /// Keys in the one-line input: Entrée saves, Échap closes.
    pub(in crate::ui) fn update_step_input(&mut self, action: Action) {
        let Some(Popup::StepInput(input)) = self.popups.last_mut() else {
            return;
        };
        match action {
            Action::Close => {
                self.popups.pop();
            }
            Action::Submit => self.save_step_input(),
            other => input.update(other),
        }
    }

    fn save_step_input(&mut self) {
        let Some(Popup::StepInput(input)) = self.popups.last() else {
            return;
        };
        let (purpose, key, title, value) = (
            input.purpose,
            input.key.clone(),
            input.title.clone(),
            input.value().to_string(),
        );
        let Some(main) = self.main() else { return };
        let result = match purpose {
            Purpose::Note => main.book.checklist_note(&key, &value).map(|()| {
                let what = if value.trim().is_empty() {
                    "note effacée"
                } else {
                    "note enregistrée"
                };
                (key, format!("« {title} » : {what}"))
            }),
            Purpose::DoneOn => main
                .book
                .checklist_set(&key, StepStatus::Fait, Some(&value), None)
                .map(|()| (key, String::new())),
            Purpose::Add => main.book.checklist_add(&value, "").map(|new| {
                let text = format!("« {} » ajoutée (à faire)", value.trim());
                (new, text)
            }),
        };
        match result {
            Ok((key, text)) => {
                self.popups.pop();
                self.changed(&key, (!text.is_empty()).then_some(text));
            }
            Err(e) => {
                if let Some(Popup::StepInput(input)) = self.popups.last_mut() {
                    input.error = Some(e.under_field());
                }
            }
        }
    }

    /// Shows again every hidden step (one transaction).
    fn show_hidden_steps(&mut self) {
        let Some(main) = self.main() else { return };
        let Some(first) = main
            .migration
            .steps
            .iter()
            .find(|s| s.hidden)
            .map(|s| s.key.clone())
        else {
            return self.fail("Aucune étape masquée".into());
        };
        let text = match main.book.checklist_show_hidden() {
            Ok(1) => "1 étape réaffichée".to_string(),
            Ok(n) => format!("{n} étapes réaffichées"),
            Err(e) => return self.fail(e.to_string()),
        };
        self.changed(&first, Some(text));
    }

    /// The user confirmed hiding a step.
    pub(in crate::ui) fn hide_step(&mut self, key: &str) {
        let Some(main) = self.main() else { return };
        let title = main
            .migration
            .view(key)
            .map_or(key.to_string(), |v| v.title.clone());
        match main.book.checklist_hide(key, true) {
            Ok(()) => self.changed(key, Some(format!("« {title} » masquée"))),
            Err(e) => self.fail(e.to_string()),
        }
    }
}
