//! First launch on an empty database: the coop's name, the exercice and the
//! opening balance (report à nouveau) of each money account. The stage
//! holds the form, the empty database it fills, and its two popups (the
//! help, the question before quitting): there are no books yet.

use super::RunInfo;
use super::keymap::{self, Context};
use super::popups::confirm::Confirm;
use super::popups::help::Help;
use super::widgets::form_frame::{Item, draw_form, type_over};
use crate::book::{Book, Clock, SetupRequest, create_coop};
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

/// What the setup stage may show over its form.
enum SetupPopup {
    Help(Help),
    Quit(Confirm),
}

/// The first-launch screen.
pub struct SetupStage {
    form: Setup,
    conn: Option<Connection>,
    popup: Option<SetupPopup>,
}

/// What an action in the setup stage gave.
pub enum SetupDone {
    Stay,
    Quit,
    /// The coop is created: the books to open.
    Created(Book),
    Failed(String),
}

impl SetupStage {
    pub fn new(conn: Connection, clock: Clock) -> Self {
        SetupStage {
            form: Setup::new(clock),
            conn: Some(conn),
            popup: None,
        }
    }

    pub fn contexts(&self) -> Vec<Context> {
        match &self.popup {
            Some(SetupPopup::Help(_)) => vec![Context::Help],
            Some(SetupPopup::Quit(_)) => vec![Context::Confirm],
            None => vec![Context::Setup],
        }
    }

    pub fn accepts_text(&self) -> bool {
        self.popup.is_none()
    }

    pub fn is_asking(&self) -> bool {
        matches!(self.popup, Some(SetupPopup::Quit(_)))
    }

    /// The status after creating the coop: the first thing to do.
    pub fn created_text() -> String {
        format!(
            "Coopérative créée : {} pour saisir la première écriture",
            keymap::key_of(Context::Ledgers, crate::ui::action::Action::NewEntry)
        )
    }

    pub fn update(&mut self, action: Action, clock: Clock, info: &RunInfo) -> SetupDone {
        match &mut self.popup {
            Some(SetupPopup::Help(help)) => {
                if help.scroll(action) {
                    self.popup = None;
                }
                return SetupDone::Stay;
            }
            Some(SetupPopup::Quit(_)) => {
                return match Confirm::answer(action) {
                    Some(true) => SetupDone::Quit,
                    Some(false) => {
                        self.popup = None;
                        SetupDone::Stay
                    }
                    None => SetupDone::Stay,
                };
            }
            None => {}
        }
        match action {
            Action::Help => {
                self.popup = Some(SetupPopup::Help(Help::new(vec![Context::Setup], info)));
            }
            Action::Close if self.form.is_dirty() => {
                self.popup = Some(SetupPopup::Quit(Confirm::quit_setup()));
            }
            Action::Close => return SetupDone::Quit,
            Action::Submit => {
                let Some(connection) = self.conn.as_mut() else {
                    return SetupDone::Stay;
                };
                if let Submitted::Created = self.form.submit(connection, clock) {
                    let Some(connection) = self.conn.take() else {
                        return SetupDone::Stay;
                    };
                    return match Book::load(connection, clock) {
                        Ok(book) => SetupDone::Created(book),
                        Err(e) => SetupDone::Failed(e.to_string()),
                    };
                }
            }
            other => self.form.update(other),
        }
        SetupDone::Stay
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, db_path: &str) {
        self.form.draw(frame, area, db_path);
        match &self.popup {
            Some(SetupPopup::Help(help)) => help.draw_help(frame, area),
            Some(SetupPopup::Quit(confirm)) => frame.render_widget(confirm, area),
            None => {}
        }
    }
}
