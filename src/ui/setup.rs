//! First launch on an empty database: the coop's name, the exercice and the
//! opening balance (report à nouveau) of each money account. The stage
//! holds the form, the empty database it fills, and its two popups (the
//! help, the question before quitting): there are no books yet.

use super::keymap::{self, Context};
use super::popups::confirm::Confirm;
use super::popups::help::Help;
use super::start::RunInfo;
use super::widgets::form::{Kind, TypedForm};
use super::widgets::form_frame::{Item, draw_form};
use crate::book::{Book, Clock, SetupRequest, check_coop_name, create_coop};
use crate::domain::{Exercice, Field, FieldErrors, Money, MoneyKey, format_date};
use crate::io::import::chart::default_chart;
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::widgets::field::{FieldValue, FieldView};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use rusqlite::Connection;

const LABEL_WIDTH: u16 = 26;
/// Labels of the opening balances, in [`MoneyKey::ALL`] order.
const OPENING_LABELS: [&str; 4] = [
    "Caisse (€)",
    "Compte Pro (€)",
    "Collectes en ligne (€)",
    "Ancien compte LBP (€)",
];

/// The fields of the setup form, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Id {
    Name,
    Exercice,
    Opening(MoneyKey),
}

/// The setup form: six typed fields, errors per field. A field's error is
/// its check (the one creating the coop runs) once the cursor left it
/// filled in or Entrée was pressed, so it goes as soon as it is fixed; a
/// refusal of the books stays until its field changes.
pub struct Setup {
    form: TypedForm<Id>,
    checked: Vec<Id>,
    tried: bool,
    from_book: Vec<(Id, String)>,
}

/// What Enter did.
pub enum Submitted {
    Created,
    Refused,
}

impl Setup {
    pub fn new(clock: Clock) -> Self {
        let exercice = Exercice::of(clock.today()).to_string();
        let mut form = TypedForm::default()
            .field(Id::Name, "Nom de la coopérative", "", Kind::Text)
            .field(Id::Exercice, "Exercice", &exercice, Kind::Text)
            .proposed();
        for (key, label) in MoneyKey::ALL.into_iter().zip(OPENING_LABELS) {
            form = form.field(Id::Opening(key), label, "", Kind::Money);
        }
        Setup {
            form,
            checked: Vec::new(),
            tried: false,
            from_book: Vec::new(),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.form.is_dirty()
    }

    /// Keys other than Enter and Esc (which the app handles).
    pub fn update(&mut self, action: Action) {
        match action {
            Action::NextField | Action::PrevField => {
                if let Some(id) = self.form.focused_id()
                    && !self.form.value(id).is_empty()
                    && !self.checked.contains(&id)
                {
                    self.checked.push(id);
                }
                self.form
                    .move_focus(if action == Action::NextField { 1 } else { -1 });
                // Arriving on the exercice, its value is proposed again.
                self.form.repropose();
            }
            Action::Type(request) => {
                if self.form.type_text(request)
                    && let Some(id) = self.form.focused_id()
                {
                    self.from_book.retain(|(field, _)| *field != id);
                }
            }
            _ => {}
        }
        self.recheck();
    }

    /// An opening balance as typed (empty: zero), checked.
    fn opening(&self, key: MoneyKey) -> Result<Money, String> {
        let text = self.form.raw(Id::Opening(key));
        let amount = if text.trim().is_empty() {
            Money::ZERO
        } else {
            Money::parse(text).map_err(|e| e.to_string())?
        };
        crate::domain::opening::check_opening(key, amount).map_err(|e| e.message)?;
        Ok(amount)
    }

    /// What is wrong with a field's value, by the checks of the books.
    fn check(&self, id: Id) -> Option<String> {
        match id {
            Id::Name => check_coop_name(self.form.raw(Id::Name))
                .err()
                .map(|e| e.message),
            Id::Exercice => Exercice::parse(self.form.raw(Id::Exercice))
                .err()
                .map(|e| e.to_string()),
            Id::Opening(key) => self.opening(key).err(),
        }
    }

    /// The errors shown again: each checked field's check, then the books'
    /// refusals.
    fn recheck(&mut self) {
        let ids: Vec<Id> = self.form.fields.iter().map(|f| f.id).collect();
        let message = self.form.message.take();
        self.form.clear_errors();
        self.form.message = message;
        for id in ids {
            if (self.tried || self.checked.contains(&id))
                && let Some(error) = self.check(id)
            {
                self.form.set_error(id, &error);
            }
        }
        for (id, error) in &self.from_book {
            if self.form.error(*id).is_none() {
                self.form.set_error(*id, error);
            }
        }
    }

    /// Checks everything and creates the coop in `conn`; on refusal the
    /// errors show under their fields and the connection stays usable.
    pub fn submit(&mut self, conn: &mut Connection, clock: Clock) -> Submitted {
        self.tried = true;
        self.from_book.clear();
        self.form.message = None;
        self.recheck();
        let exercice = Exercice::parse(self.form.raw(Id::Exercice)).ok();
        let Some(exercice) = exercice.filter(|_| !self.form.has_errors()) else {
            self.form.focus_first_error();
            return Submitted::Refused;
        };
        let openings = MoneyKey::ALL
            .into_iter()
            .filter_map(|key| self.opening(key).ok().map(|m| (key, m)))
            .collect();
        let request = SetupRequest {
            coop_name: self.form.value(Id::Name),
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
                self.form.message = Some(other.to_string());
                Submitted::Refused
            }
        }
    }

    fn refused(&mut self, errors: FieldErrors) {
        for error in errors.0 {
            let id = match error.field {
                Field::Coop => Some(Id::Name),
                Field::Exercice => Some(Id::Exercice),
                Field::Ouverture => Some(Id::Opening(MoneyKey::ALL[0])),
                _ => None,
            };
            match id {
                Some(id) => self.from_book.push((id, error.message)),
                None => self.form.message = Some(error.to_string()),
            }
        }
        self.recheck();
        self.form.focus_first_error();
    }

    fn field_view<'a>(&'a self, id: Id, note: Option<&'a str>) -> Option<Item<'a>> {
        let field = self.form.get(id)?;
        let focused = self.form.focused_id() == Some(id);
        let value = if focused && self.form.is_fresh(id) {
            FieldValue::Proposed(&field.input)
        } else {
            FieldValue::Text(&field.input)
        };
        Some(Item::Field(FieldView {
            label: field.label,
            value,
            focused,
            error: field.error.as_deref(),
            note,
            label_width: LABEL_WIDTH,
        }))
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, db_path: &str) {
        let exercice_note = Exercice::parse(self.form.raw(Id::Exercice))
            .map(|e| {
                format!(
                    "du {} au {}",
                    format_date(e.first_day()),
                    format_date(e.last_day())
                )
            })
            .unwrap_or_else(|_| "aaaa-aaaa, par exemple 2024-2025".to_string());
        let mut items = vec![
            Item::Text(Line::from(
                "Première ouverture de cette base : présentez la coopérative.",
            )),
            Item::Text(Line::styled(format!("Base : {db_path}"), theme::note())),
            Item::Text(Line::from("")),
        ];
        let mut focus_item = 0;
        let mut rows = vec![
            (Id::Name, None),
            (Id::Exercice, Some(exercice_note.as_str())),
        ];
        rows.extend(MoneyKey::ALL.into_iter().map(|k| (Id::Opening(k), None)));
        for (n, (id, note)) in rows.into_iter().enumerate() {
            if n == 2 {
                items.push(Item::Text(Line::from("")));
                items.push(Item::Text(Line::styled(
                    "Report à nouveau : solde de chaque compte au 1er septembre (0 si vide)",
                    theme::title(),
                )));
            }
            if self.form.focused_id() == Some(id) {
                focus_item = items.len();
            }
            items.extend(self.field_view(id, note));
        }
        if let Some(message) = &self.form.message {
            items.push(Item::Text(Line::styled(
                format!("✗ {message}"),
                theme::error(),
            )));
        }
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
