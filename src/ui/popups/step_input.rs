//! A one-line input over the Migration tab: a step's note, the date it was
//! done, the title of a new step. Entrée saves through the `Book` (one
//! transaction); a refusal shows under the input with what was typed.

use super::mark_also::MarkAlso;
use crate::book::Book;
use crate::domain::checklist::StepStatus;
use crate::domain::parse_date;
use crate::ui::action::Action;
use crate::ui::component::Component;
use crate::ui::component::Effect;
use crate::ui::effect::Focus;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::wrap;
use crate::ui::widgets::field::{FieldValue, FieldView};
use crate::ui::widgets::form_frame::{type_into, type_over};
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::Block;
use tui_input::Input;

/// What the one-line input is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Note,
    DoneOn,
    Add,
}

/// A one-line input over the tab: a step's note, the date it was done, the
/// title of a new step.
#[derive(Debug)]
pub struct StepInput {
    pub purpose: Purpose,
    /// The step it is about (empty for a new step) and its title.
    pub key: String,
    pub title: String,
    pub input: Input,
    /// The proposed text is replaced by the first character typed.
    fresh: bool,
    pub error: Option<String>,
    /// Done on a date: the steps not settled it needs, asked about once
    /// the date is right.
    pub also: Vec<(String, String)>,
}

impl StepInput {
    pub fn new(purpose: Purpose, key: &str, title: &str, text: &str) -> Self {
        StepInput {
            purpose,
            key: key.to_string(),
            title: title.to_string(),
            input: Input::new(text.to_string()),
            fresh: purpose == Purpose::DoneOn,
            error: None,
            also: Vec::new(),
        }
    }

    /// Done on a date while these steps it needs are not settled: asks
    /// whether to mark them too.
    pub fn asking_also(mut self, also: Vec<(String, String)>) -> Self {
        self.also = also;
        self
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Typed text.
    fn type_text(&mut self, action: Action) {
        if let Action::Type(request) = action {
            self.error = None;
            if self.purpose == Purpose::DoneOn {
                type_over(&mut self.input, request, &mut self.fresh);
            } else {
                type_into(&mut self.input, request);
            }
        }
    }

    fn draw_input(&self, frame: &mut Frame, area: Rect) {
        let new_step = format!(
            "Elle s'ajoute en fin de liste ; son aide se met dans sa note ({}).",
            keymap::key_of(Context::Migration, Action::StepNote)
        );
        let (heading, label, about) = match self.purpose {
            Purpose::Note => ("Note de l'étape", "Note", self.title.as_str()),
            Purpose::DoneOn => ("Étape faite le…", "Fait le", self.title.as_str()),
            Purpose::Add => ("Nouvelle étape", "Titre", new_step.as_str()),
        };
        let width = area.width.saturating_sub(4).min(72);
        let text_width = width.saturating_sub(4) as usize;
        let about = wrap(about, text_width);
        let errors = self
            .error
            .as_deref()
            .map(|e| wrap(&format!("✗ {e}"), text_width))
            .unwrap_or_default();
        let height = (about.len() + errors.len() + 5) as u16;
        let popup = area.centered(
            Constraint::Length(width),
            Constraint::Length(height.min(area.height)),
        );
        clear_popup(frame.buffer_mut(), popup, area);
        let key = |action| keymap::key_of(Context::Line, action);
        let footer = format!(
            " {} pour enregistrer · {} pour annuler ",
            key(Action::Submit),
            key(Action::Close)
        );
        let block = Block::bordered()
            .title(Line::styled(format!(" {heading} "), theme::title()))
            .title_bottom(Line::from(footer).right_aligned())
            .border_style(theme::border_focused())
            .padding(ratatui::widgets::Padding::horizontal(1));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let row = |i: usize| Rect {
            y: inner.y + i as u16,
            height: 1,
            ..inner
        };
        let mut y = 0;
        for text in &about {
            if y < inner.height as usize {
                frame.render_widget(Line::styled(text.clone(), theme::note()), row(y));
            }
            y += 1;
        }
        y += 1;
        if y < inner.height as usize {
            let value = if self.fresh {
                FieldValue::Proposed(&self.input)
            } else {
                FieldValue::Text(&self.input)
            };
            let field = FieldView {
                label,
                value,
                focused: true,
                error: None,
                note: (self.purpose == Purpose::DoneOn).then_some("jj/mm/aaaa"),
                label_width: 11,
            };
            field.draw(frame, row(y));
        }
        for text in errors {
            y += 1;
            if y < inner.height as usize {
                frame.render_widget(Line::styled(text, theme::error()), row(y));
            }
        }
    }
}

impl StepInput {
    fn save(&mut self, book: &mut Book) -> Effect {
        let (key, title, value) = (
            self.key.clone(),
            self.title.clone(),
            self.value().to_string(),
        );
        if self.purpose == Purpose::DoneOn && !self.also.is_empty() {
            if let Err(e) = parse_date(&value, book.exercice()) {
                // As the book says it on saving (the field's message only).
                self.error = Some(e.to_string());
                return Effect::Done;
            }
            let question = MarkAlso::new(&key, &title, Some(&value), self.also.clone(), true);
            return Effect::open(question);
        }
        let result = match self.purpose {
            Purpose::Note => book.checklist_note(&key, &value).map(|()| {
                let what = if value.trim().is_empty() {
                    "note effacée"
                } else {
                    "note enregistrée"
                };
                (key, Some(format!("« {title} » : {what}")))
            }),
            Purpose::DoneOn => book
                .checklist_set(&key, StepStatus::Fait, Some(&value), None)
                .map(|()| (key, None)),
            Purpose::Add => book.checklist_add(&value, "").map(|new| {
                let text = format!("« {} » ajoutée (à faire)", value.trim());
                (new, Some(text))
            }),
        };
        match result {
            Ok((key, text)) => Effect::Batch(vec![
                Effect::Close,
                Effect::Changed,
                Effect::Show(Focus::Step { key, text }),
            ]),
            Err(e) => {
                self.error = Some(e.under_field());
                Effect::Done
            }
        }
    }
}

impl Component for StepInput {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Line]
    }

    fn accepts_text(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        match action {
            Action::Close => Effect::Close,
            Action::Submit => self.save(book),
            other => {
                self.type_text(other);
                Effect::Done
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        self.draw_input(frame, area);
    }
}
