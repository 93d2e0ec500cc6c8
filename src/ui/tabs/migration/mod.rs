//! The Migration tab: the mandataire's checklist of the move from La Banque
//! Postale to AssoConnect and the Compte Pro. Each change goes through the
//! `Book` (one transaction), then the list is loaded again with the cursor
//! on the same step and the new state on the status line. Errors go to the
//! status line, or into the input that caused them.

pub mod state;
pub mod step_text;
pub mod view;

use crate::book::Book;
use crate::domain::checklist::StepStatus;
use crate::domain::format_date;
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::component::Effect;
use crate::ui::component::{Component, Loaded};
use crate::ui::effect::Focus;
use crate::ui::keymap::{self, Context};
use crate::ui::popups::confirm::Confirm;
use crate::ui::popups::mark_also::MarkAlso;
use crate::ui::popups::reader::Reader;
use crate::ui::popups::step_input::{Purpose, StepInput};
use ratatui::Frame;
use ratatui::layout::Rect;
use state::Migration;
use step_text::StepDoc;
use view::draw_migration;

#[derive(Default)]
pub struct MigrationTab {
    pub migration: Migration,
    loaded: Loaded,
    /// The step whose hiding was asked about.
    hiding: Option<String>,
}

impl MigrationTab {
    /// "« Valider le lien Swan… » : fait le 15/10/2024 (d'après les comptes)".
    fn state_of(&self, key: &str) -> String {
        match self.migration.view(key) {
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

    /// After a change to `key`: reload, keep the cursor on it, say its state.
    fn changed(&mut self, book: &Book, key: &str, text: Option<String>) -> Effect {
        match self.migration.reload(book, Some(key)) {
            Ok(()) => {
                self.loaded.mark(book);
                let text = text.unwrap_or_else(|| self.state_of(key));
                Effect::Batch(vec![Effect::info(text), Effect::Changed])
            }
            Err(e) => Effect::error(e.to_string()),
        }
    }

    /// Moves a step past its neighbour in the list. The list is grouped by
    /// state (urgent, à faire, en attente, réglées); the order the user sets
    /// counts inside a group, so a step does not leave its group.
    fn move_step(&mut self, book: &mut Book, key: &str, up: bool) -> Effect {
        let migration = &self.migration;
        let at = migration.cursor.selected();
        let neighbour =
            if up { at.checked_sub(1) } else { Some(at + 1) }.and_then(|i| migration.views.get(i));
        let same_group = neighbour.filter(|n| {
            migration
                .views
                .get(at)
                .is_some_and(|v| state::group(v) == state::group(n))
        });
        let title = migration
            .views
            .get(at)
            .map_or(String::new(), |v| v.title.clone());
        if same_group.is_none() {
            let text = if up {
                "déjà en tête de son groupe : l'ordre suit d'abord l'état (urgentes, à faire, en attente, réglées)"
            } else {
                "déjà en fin de son groupe : l'ordre suit d'abord l'état (urgentes, à faire, en attente, réglées)"
            };
            return Effect::info(format!("« {title} » {text}"));
        };
        if let Err(e) = book.checklist_move(key, up) {
            return Effect::error(e.to_string());
        }
        let verb = if up { "montée" } else { "descendue" };
        self.changed(book, key, Some(format!("« {title} » {verb} d'un rang")))
    }

    /// Shows again every hidden step (one transaction).
    fn show_hidden_steps(&mut self, book: &mut Book) -> Effect {
        let Some(first) = self
            .migration
            .steps
            .iter()
            .find(|s| s.hidden)
            .map(|s| s.key.clone())
        else {
            return Effect::error("Aucune étape masquée");
        };
        let text = match book.checklist_show_hidden() {
            Ok(1) => "1 étape réaffichée".to_string(),
            Ok(n) => format!("{n} étapes réaffichées"),
            Err(e) => return Effect::error(e.to_string()),
        };
        self.changed(book, &first, Some(text))
    }

    /// The user confirmed hiding a step.
    fn hide_step(&mut self, book: &mut Book, key: &str) -> Effect {
        let title = self
            .migration
            .view(key)
            .map_or(key.to_string(), |v| v.title.clone());
        match book.checklist_hide(key, true) {
            Ok(()) => self.changed(book, key, Some(format!("« {title} » masquée"))),
            Err(e) => Effect::error(e.to_string()),
        }
    }

    fn step_help(&self, key: &str) -> Effect {
        let doc = StepDoc {
            migration: Migration {
                views: self.migration.views.clone(),
                steps: self.migration.steps.clone(),
                ..Migration::default()
            },
            key: key.to_string(),
        };
        Effect::open(Reader::new("Étape de la migration", doc).passing(Context::StepHelp))
    }
}

/// The actions of the tab's table (the others are the global keys').
fn is_own(action: Action) -> bool {
    Context::Migration
        .bindings()
        .iter()
        .any(|b| b.action == action)
        || matches!(action, Action::Yes | Action::Close)
}

impl Component for MigrationTab {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Migration, Context::Global]
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if !is_own(action) {
            return Effect::Ignored;
        }
        if self.migration.navigate(action) {
            return Effect::Done;
        }
        match action {
            Action::ShowHiddenSteps => return self.show_hidden_steps(book),
            Action::Yes => {
                return match self.hiding.take() {
                    Some(key) => self.hide_step(book, &key),
                    None => Effect::Done,
                };
            }
            _ => {}
        }
        let Some(view) = self.migration.selected_view() else {
            return if action == Action::AddStep {
                Effect::open(StepInput::new(Purpose::Add, "", "", ""))
            } else if action != Action::Close {
                Effect::error(format!(
                    "Aucune étape affichée : {} pour en ajouter une",
                    keymap::key_of(Context::Migration, Action::AddStep)
                ))
            } else {
                Effect::Done
            };
        };
        let (key, title, note) = (view.key.clone(), view.title.clone(), view.note.clone());
        let today = format_date(book.clock().today());
        let result = match action {
            Action::StepHelp => return self.step_help(&key),
            Action::MarkDoneOn => {
                let also = self.migration.pending_prerequisites(&key);
                let input = StepInput::new(Purpose::DoneOn, &key, &title, &today);
                return Effect::open(input.asking_also(also));
            }
            Action::MarkDone => {
                let also = self.migration.pending_prerequisites(&key);
                if !also.is_empty() {
                    return Effect::open(MarkAlso::new(&key, &title, None, also, false));
                }
                book.checklist_set(&key, StepStatus::Fait, None, None)
            }
            Action::StepNote => {
                return Effect::open(StepInput::new(Purpose::Note, &key, &title, &note));
            }
            Action::AddStep => return Effect::open(StepInput::new(Purpose::Add, "", "", "")),
            Action::HideStep => {
                self.hiding = Some(key);
                return Effect::open(Confirm::hide_step(&title));
            }
            Action::MarkInProgress => book.checklist_set(&key, StepStatus::EnCours, None, None),
            Action::MarkNotApplicable => {
                book.checklist_set(&key, StepStatus::SansObjet, None, None)
            }
            Action::ResetStep => book.checklist_reset(&key),
            Action::MoveStepUp => return self.move_step(book, &key, true),
            Action::MoveStepDown => return self.move_step(book, &key, false),
            _ => return Effect::Done,
        };
        match result {
            Ok(()) => self.changed(book, &key, None),
            Err(e) => Effect::error(e.to_string()),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        draw_migration(frame, area, &self.migration);
    }

    fn refresh(&mut self, book: &Book) -> Result<()> {
        if self.loaded.is_stale(book) {
            self.migration.reload(book, None)?;
            self.loaded.mark(book);
        }
        Ok(())
    }

    fn show(&mut self, focus: &Focus, _book: &Book) -> Effect {
        let Focus::Step { key, text } = focus else {
            return Effect::Done;
        };
        self.migration.select_key(key);
        let text = text.clone().unwrap_or_else(|| self.state_of(key));
        Effect::info(text)
    }
}
