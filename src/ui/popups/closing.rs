//! Closing an exercice: the list of what is missing (each point with its
//! key and what is missing), each to settle first or to pass over with a
//! reason kept in the audit; whether the pupils are carried over; then a
//! question saying what the closing does, and the closing itself.

use super::confirm::Confirm;
use crate::book::Book;
use crate::domain::Exercice;
use crate::domain::closing::{Blocker, CarryOver, Override};
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect};
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{count, truncate, wrap};
use crate::ui::widgets::form_frame::type_into;
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use tui_input::Input;

#[derive(Debug)]
pub struct ClosingPopup {
    exercice: Exercice,
    pub blockers: Vec<Blocker>,
    cursor: usize,
    /// Carry the pupils and classes into the next exercice.
    pub pupils: bool,
    /// The reason being typed for the point under the cursor.
    reason: Option<Input>,
    /// The last refusal (an empty reason, the closing refused).
    error: Option<String>,
}

impl ClosingPopup {
    /// The points the books find missing for `exercice`.
    pub fn load(book: &Book, exercice: Exercice) -> crate::store::Result<ClosingPopup> {
        Ok(ClosingPopup::new(
            exercice,
            book.closing_blockers(exercice, &[])?,
        ))
    }

    pub fn new(exercice: Exercice, blockers: Vec<Blocker>) -> ClosingPopup {
        ClosingPopup {
            exercice,
            blockers,
            cursor: 0,
            pupils: true,
            reason: None,
            error: None,
        }
    }

    /// The overrides given so far, with their reasons.
    pub fn overrides(&self) -> Vec<Override> {
        self.blockers
            .iter()
            .filter_map(|b| {
                b.overridden.as_ref().map(|reason| Override {
                    key: b.key,
                    reason: reason.clone(),
                })
            })
            .collect()
    }

    fn blocking(&self) -> usize {
        self.blockers
            .iter()
            .filter(|b| b.overridden.is_none())
            .count()
    }

    fn next(&self) -> Exercice {
        Exercice::new(self.exercice.start_year + 1)
    }

    fn key(action: Action) -> &'static str {
        keymap::key_of(Context::Closing, action)
    }

    fn keep_reason(&mut self) -> Effect {
        let Some(input) = self.reason.take() else {
            return Effect::Done;
        };
        let reason = input.value().trim().to_string();
        if reason.is_empty() {
            self.error = Some("Motif vide : écrivez pourquoi ce point ne bloque pas".into());
            self.reason = Some(input);
            return Effect::Done;
        }
        self.error = None;
        if let Some(blocker) = self.blockers.get_mut(self.cursor) {
            blocker.overridden = Some(reason);
        }
        Effect::Done
    }

    fn ask(&mut self) -> Effect {
        let left = self.blocking();
        if left > 0 {
            self.error = Some(format!(
                "{} encore : {}, ou passez outre avec un motif ({})",
                count(left, "point bloque", "points bloquent"),
                if left == 1 {
                    "réglez-le"
                } else {
                    "réglez-les"
                },
                Self::key(Action::Edit)
            ));
            return Effect::Done;
        }
        self.error = None;
        let pupils = if self.pupils {
            "les élèves et les classes y seront reportés"
        } else {
            "sans reporter les élèves ni les classes"
        };
        Effect::open(Confirm {
            question: format!(
                "Clôturer l'exercice {} ? Ses écritures, participations, régies, rapprochements et arrêtés de caisse ne pourront plus être ajoutés, modifiés ni annulés ; son empreinte sera enregistrée. L'exercice {} s'ouvrira avec les soldes de clôture ({pupils}). Irréversible, sauf à rouvrir l'exercice avec un motif (coopcompta reopen).",
                self.exercice,
                self.next()
            ),
            enter_says_yes: false,
        })
    }

    fn close(&mut self, book: &mut Book) -> Effect {
        let carry = CarryOver {
            pupils: self.pupils,
            ..Default::default()
        };
        match book.close_exercice(self.exercice, &self.overrides(), &carry) {
            Ok(summary) => Effect::Batch(vec![
                Effect::Close,
                // What changes for the user first: the new exercice.
                Effect::info(format!(
                    "Exercice {} clôturé, exercice {} ouvert{} ; {}, empreinte {}",
                    summary.exercice,
                    summary.next,
                    if summary.pupils_carried > 0 {
                        format!(
                            " ({})",
                            count(summary.pupils_carried, "élève reporté", "élèves reportés")
                        )
                    } else {
                        String::new()
                    },
                    count(summary.entries, "écriture", "écritures"),
                    truncate(&summary.fingerprint, 13),
                )),
                Effect::Changed,
            ]),
            Err(e) => {
                let text = format!("Clôture refusée : {e}");
                self.error = Some(text.clone());
                Effect::error(text)
            }
        }
    }

    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        if self.blockers.is_empty() {
            lines.push(Line::styled(
                format!("Rien ne bloque la clôture de l'exercice {}.", self.exercice),
                theme::money_in(),
            ));
        } else {
            let left = self.blocking();
            let text = if left == 0 {
                "Chaque point est passé outre, avec son motif.".to_string()
            } else {
                format!(
                    "{} la clôture : {}, ou passez outre avec un motif.",
                    count(left, "point bloque", "points bloquent"),
                    if left == 1 {
                        "réglez-le"
                    } else {
                        "réglez-les"
                    }
                )
            };
            lines.push(Line::styled(text, theme::label()));
        }
        lines.push(Line::from(""));
        for (i, b) in self.blockers.iter().enumerate() {
            let selected = i == self.cursor;
            let mark = if b.overridden.is_some() { "✓" } else { "✗" };
            let head = format!(
                "{} {} {:<11}",
                if selected { "›" } else { " " },
                mark,
                b.key.key()
            );
            let style = if selected {
                theme::selected()
            } else if b.overridden.is_some() {
                theme::note()
            } else {
                theme::error()
            };
            let indent = head.chars().count() + 1;
            let text_width = width.saturating_sub(indent).max(10);
            for (n, part) in wrap(&b.what, text_width).into_iter().enumerate() {
                let lead = if n == 0 {
                    head.clone()
                } else {
                    " ".repeat(indent - 1)
                };
                lines.push(Line::from(vec![
                    Span::styled(lead, style),
                    Span::raw(format!(" {part}")),
                ]));
            }
            if let Some(reason) = &b.overridden {
                for part in wrap(&format!("passé outre : {reason}"), text_width) {
                    lines.push(Line::styled(
                        format!("{}{part}", " ".repeat(indent)),
                        theme::note(),
                    ));
                }
            }
        }
        if !self.blockers.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(format!(
            "Élèves et classes reportés dans {} : {} ({} pour changer)",
            self.next(),
            if self.pupils { "oui" } else { "non" },
            Self::key(Action::ToggleMark)
        )));
        lines.push(Line::from(format!(
            "{} : clôturer l'exercice {} (une question d'abord)",
            Self::key(Action::Submit),
            self.exercice
        )));
        lines
    }
}

impl Component for ClosingPopup {
    fn contexts(&self) -> Vec<Context> {
        if self.reason.is_some() {
            vec![Context::Reason]
        } else {
            vec![Context::Closing]
        }
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![Context::Closing, Context::Reason]
    }

    fn accepts_text(&self) -> bool {
        self.reason.is_some()
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if let Some(input) = &mut self.reason {
            return match action {
                Action::Submit => self.keep_reason(),
                Action::Close => {
                    self.reason = None;
                    self.error = None;
                    Effect::Done
                }
                Action::Type(request) => {
                    type_into(input, request);
                    Effect::Done
                }
                _ => Effect::Done,
            };
        }
        match action {
            Action::Up => {
                self.cursor = self.cursor.saturating_sub(1);
                Effect::Done
            }
            Action::Down => {
                self.cursor = (self.cursor + 1).min(self.blockers.len().saturating_sub(1));
                Effect::Done
            }
            Action::Edit => {
                if let Some(b) = self.blockers.get(self.cursor) {
                    self.reason = Some(Input::new(b.overridden.clone().unwrap_or_default()));
                    self.error = None;
                }
                Effect::Done
            }
            Action::RemoveLine => {
                if let Some(b) = self.blockers.get_mut(self.cursor) {
                    b.overridden = None;
                }
                Effect::Done
            }
            Action::ToggleMark => {
                self.pupils = !self.pupils;
                Effect::Done
            }
            Action::Submit => self.ask(),
            Action::Yes => self.close(book),
            Action::Close => Effect::Close,
            Action::Help => Effect::Help,
            _ => Effect::Done,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        let width = area.width.saturating_sub(4).min(90);
        let text_width = width.saturating_sub(2) as usize;
        let mut body = self.lines(text_width);
        if let Some(input) = &self.reason {
            let key = self.blockers.get(self.cursor).map_or("", |b| b.key.key());
            body.push(Line::from(""));
            body.push(Line::from(vec![
                Span::styled(format!("Motif pour « {key} » : "), theme::label_focused()),
                Span::styled(input.value().to_string(), theme::input()),
            ]));
        }
        if let Some(error) = &self.error {
            body.push(Line::from(""));
            for part in wrap(error, text_width) {
                body.push(Line::styled(part, theme::error()));
            }
        }
        let height = (body.len() as u16 + 2).min(area.height);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        clear_popup(frame.buffer_mut(), popup, area);
        let block = Block::bordered()
            .title(format!(" Clôture de l'exercice {} ", self.exercice))
            .border_style(theme::border_focused());
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        // Longer than the screen (80×24): the reason being typed and an
        // error stay in sight at the bottom; else the selected point does.
        let overflow = body.len().saturating_sub(inner.height as usize);
        let scroll = if self.reason.is_some() || self.error.is_some() {
            overflow
        } else {
            let cursor = body
                .iter()
                .position(|l| l.spans.first().is_some_and(|s| s.content.starts_with('›')))
                .unwrap_or(0);
            cursor.saturating_sub(2).min(overflow)
        };
        let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
        frame.render_widget(Paragraph::new(body).scroll((scroll, 0)), inner);
    }
}
