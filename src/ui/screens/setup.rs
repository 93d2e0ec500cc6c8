//! First launch on an empty database: the coop's name, the exercice and the
//! opening balance (report à nouveau) of each money account.

use super::form::{Item, draw_form, type_over};
use crate::book::{Clock, SetupRequest, create_coop};
use crate::domain::{Exercice, Field, FieldErrors, Money, MoneyKey, format_date};
use crate::io::chart_csv::default_chart;
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::widgets::field::{FieldValue, FieldView};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use rusqlite::Connection;
use tui_input::Input;

const LABEL_WIDTH: u16 = 26;
/// Labels of the opening balances, in [`MoneyKey::ALL`] order.
const OPENING_LABELS: [&str; 4] = [
    "Caisse (€)",
    "Compte Pro (€)",
    "Collectes en ligne (€)",
    "Ancien compte LBP (€)",
];

/// The setup form: six text fields, errors per field.
#[derive(Debug)]
pub struct Setup {
    name: Input,
    exercice: Input,
    openings: [Input; 4],
    /// 0 = name, 1 = exercice, 2… = openings in [`MoneyKey::ALL`] order.
    focus: usize,
    /// The focused field holds a proposed value that typing replaces.
    fresh: bool,
    errors: Vec<(usize, String)>,
    pub message: Option<String>,
    initial: Vec<String>,
}

/// What Enter did.
pub enum Submitted {
    Created,
    Refused,
}

impl Setup {
    pub fn new(clock: Clock) -> Self {
        let zero = Input::default;
        let setup = Setup {
            name: Input::default(),
            exercice: Input::new(Exercice::of(clock.today()).to_string()),
            openings: [zero(), zero(), zero(), zero()],
            focus: 0,
            fresh: false,
            errors: Vec::new(),
            message: None,
            initial: Vec::new(),
        };
        Setup {
            initial: setup.values(),
            ..setup
        }
    }

    fn values(&self) -> Vec<String> {
        self.inputs()
            .iter()
            .map(|i| i.value().to_string())
            .collect()
    }

    fn inputs(&self) -> Vec<&Input> {
        let mut all = vec![&self.name, &self.exercice];
        all.extend(self.openings.iter());
        all
    }

    fn input_mut(&mut self, index: usize) -> &mut Input {
        match index {
            0 => &mut self.name,
            1 => &mut self.exercice,
            n => &mut self.openings[(n - 2).min(3)],
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.values() != self.initial
    }

    /// Keys other than Enter and Esc (which the app handles).
    pub fn update(&mut self, action: Action) {
        let count = 6;
        match action {
            Action::NextField => self.focus = (self.focus + 1) % count,
            Action::PrevField => self.focus = (self.focus + count - 1) % count,
            Action::Type(request) => {
                let focus = self.focus;
                let mut fresh = self.fresh;
                type_over(self.input_mut(focus), request, &mut fresh);
                self.fresh = fresh;
                return;
            }
            _ => {}
        }
        self.fresh = self.focus == 1;
    }

    fn error(&mut self, index: usize, message: String) {
        if !self.errors.iter().any(|(i, _)| *i == index) {
            self.errors.push((index, message));
        }
    }

    /// Checks everything and creates the coop in `conn`; on refusal the
    /// errors show under their fields and the connection stays usable.
    pub fn submit(&mut self, conn: &mut Connection, clock: Clock) -> Submitted {
        self.errors.clear();
        self.message = None;
        let exercice = Exercice::parse(self.exercice.value())
            .map_err(|e| self.error(1, e.to_string()))
            .ok();
        let mut openings = Vec::new();
        for (i, key) in MoneyKey::ALL.into_iter().enumerate() {
            let text = self.openings[i].value();
            let amount = if text.trim().is_empty() {
                Ok(Money::ZERO)
            } else {
                Money::parse(text)
            };
            match amount.map_err(|e| e.to_string()).and_then(|m| {
                crate::domain::opening::check_opening(key, m)
                    .map(|()| m)
                    .map_err(|e| e.message)
            }) {
                Ok(m) => openings.push((key, m)),
                Err(e) => self.error(i + 2, e),
            }
        }
        if self.name.value().trim().is_empty() {
            self.error(0, "vide : saisissez le nom, par exemple « Coopérative scolaire OCCE de l'école Jules Ferry »".into());
        }
        let Some(exercice) = exercice.filter(|_| self.errors.is_empty()) else {
            self.focus_first_error();
            return Submitted::Refused;
        };
        let request = SetupRequest {
            coop_name: self.name.value().trim().to_string(),
            exercice,
            openings,
        };
        match create_coop(conn, &request, &default_chart(), clock) {
            Ok(()) => Submitted::Created,
            Err(StoreError::Field(errors)) => {
                self.refused(errors);
                Submitted::Refused
            }
            Err(other) => {
                self.message = Some(other.to_string());
                Submitted::Refused
            }
        }
    }

    fn refused(&mut self, errors: FieldErrors) {
        for error in errors.0 {
            let index = match error.field {
                Field::Coop => Some(0),
                Field::Exercice => Some(1),
                Field::Ouverture => Some(2),
                _ => None,
            };
            match index {
                Some(i) => self.error(i, error.message),
                None => self.message = Some(error.to_string()),
            }
        }
        self.focus_first_error();
    }

    fn focus_first_error(&mut self) {
        if let Some(first) = self.errors.iter().map(|(i, _)| *i).min() {
            self.focus = first;
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, db_path: &str) {
        let exercice_note = Exercice::parse(self.exercice.value())
            .map(|e| {
                format!(
                    "du {} au {}",
                    format_date(e.first_day()),
                    format_date(e.last_day())
                )
            })
            .unwrap_or_else(|_| "aaaa-aaaa, par exemple 2024-2025".to_string());
        let error = |i: usize| {
            self.errors
                .iter()
                .find(|(j, _)| *j == i)
                .map(|(_, m)| m.as_str())
        };
        let mut items = vec![
            Item::Text(Line::from(
                "Première ouverture de cette base : présentez la coopérative.",
            )),
            Item::Text(Line::styled(format!("Base : {db_path}"), theme::note())),
            Item::Text(Line::from("")),
        ];
        let first_field = items.len();
        items.push(Item::Field(FieldView {
            label: "Nom de la coopérative",
            value: FieldValue::Text(&self.name),
            focused: self.focus == 0,
            error: error(0),
            note: None,
            label_width: LABEL_WIDTH,
        }));
        items.push(Item::Field(FieldView {
            label: "Exercice",
            value: if self.fresh && self.focus == 1 {
                FieldValue::Proposed(&self.exercice)
            } else {
                FieldValue::Text(&self.exercice)
            },
            focused: self.focus == 1,
            error: error(1),
            note: Some(&exercice_note),
            label_width: LABEL_WIDTH,
        }));
        items.push(Item::Text(Line::from("")));
        items.push(Item::Text(Line::styled(
            "Report à nouveau : solde de chaque compte au 1er septembre (0 si vide)",
            theme::title(),
        )));
        for (i, (label, input)) in OPENING_LABELS.iter().zip(&self.openings).enumerate() {
            items.push(Item::Field(FieldView {
                label,
                value: FieldValue::Text(input),
                focused: self.focus == i + 2,
                error: error(i + 2),
                note: None,
                label_width: LABEL_WIDTH,
            }));
        }
        if let Some(message) = &self.message {
            items.push(Item::Text(Line::styled(
                format!("✗ {message}"),
                theme::error(),
            )));
        }
        let focus_item = match self.focus {
            0 | 1 => first_field + self.focus,
            n => first_field + 4 + (n - 2),
        };
        draw_form(frame, area, "Bienvenue dans coopcompta", &items, focus_item);
    }
}
