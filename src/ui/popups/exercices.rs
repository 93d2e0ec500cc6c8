//! The choice of the exercice shown: every exercice of the base, newest
//! first, the current one and the closed ones marked. A closed exercice is
//! shown read only (the books refuse any change to it).

use crate::book::Book;
use crate::domain::Exercice;
use crate::store;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect};
use crate::ui::keymap::Context;
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

#[derive(Debug)]
pub struct ExercicePicker {
    /// Each exercice, and whether it is closed.
    exercices: Vec<(Exercice, bool)>,
    current: Exercice,
    cursor: usize,
}

/// What the header says of the exercice shown, if it is not the current
/// one being kept: "clôturé, lecture seule" or "exercice passé".
pub fn mark(book: &Book) -> store::Result<Option<&'static str>> {
    let shown = book.exercice();
    Ok(if book.is_closed(shown)? {
        Some("clôturé, lecture seule")
    } else if shown != book.current_exercice() {
        Some("exercice passé, non clôturé")
    } else {
        None
    })
}

impl ExercicePicker {
    pub fn load(book: &Book) -> store::Result<ExercicePicker> {
        let exercices = book.exercices()?;
        let shown = book.exercice();
        let cursor = exercices.iter().position(|(e, _)| *e == shown).unwrap_or(0);
        Ok(ExercicePicker {
            exercices,
            current: book.current_exercice(),
            cursor,
        })
    }

    fn describe(&self, exercice: Exercice, closed: bool) -> String {
        match (exercice == self.current, closed) {
            (true, false) => format!("{exercice} — en cours"),
            (true, true) => format!("{exercice} — en cours, clôturé"),
            (false, true) => format!("{exercice} — clôturé, lecture seule"),
            (false, false) => format!("{exercice} — non clôturé"),
        }
    }

    fn choose(&self, book: &mut Book) -> Effect {
        let Some(&(exercice, closed)) = self.exercices.get(self.cursor) else {
            return Effect::Close;
        };
        match book.view_exercice(exercice) {
            Ok(()) => Effect::Batch(vec![
                Effect::Close,
                Effect::info(format!(
                    "Exercice affiché : {}",
                    self.describe(exercice, closed)
                )),
                Effect::Changed,
            ]),
            Err(e) => Effect::error(e.to_string()),
        }
    }
}

impl Component for ExercicePicker {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Exercices]
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => {
                self.cursor = (self.cursor + 1).min(self.exercices.len().saturating_sub(1))
            }
            Action::Submit => return self.choose(book),
            Action::Close => return Effect::Close,
            _ => {}
        }
        Effect::Done
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        let mut body: Vec<Line> = self
            .exercices
            .iter()
            .enumerate()
            .map(|(i, (exercice, closed))| {
                let text = format!(
                    "{} {}",
                    if i == self.cursor { "›" } else { " " },
                    self.describe(*exercice, *closed)
                );
                if i == self.cursor {
                    Line::styled(text, theme::selected())
                } else {
                    Line::from(text)
                }
            })
            .collect();
        if body.is_empty() {
            body.push(Line::styled("Aucun exercice", theme::note()));
        }
        let width = area.width.saturating_sub(4).min(48);
        let height = (body.len() as u16 + 2).min(area.height);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        clear_popup(frame.buffer_mut(), popup, area);
        let block = Block::bordered()
            .title(" Exercice affiché ")
            .border_style(theme::border_focused());
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        frame.render_widget(Paragraph::new(body), inner);
    }
}
