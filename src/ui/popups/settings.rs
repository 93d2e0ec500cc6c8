//! The settings (réglages) while the exercice is open: the coop's name and
//! the opening balance (report à nouveau) of each money account. Entrée
//! checks what was typed, then a question lists what will change; yes
//! saves through `Book::update_settings` (one audited transaction). A
//! refusal shows under the field it concerns and what was typed is kept.

use super::confirm::Confirm;
use crate::book::{Book, SettingsRequest};
use crate::domain::opening::check_opening;
use crate::domain::{Field, Money, MoneyKey};
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect};
use crate::ui::keymap::Context;
use crate::ui::widgets::field::{FieldValue, FieldView};
use crate::ui::widgets::form::{Kind, TypedForm};
use crate::ui::widgets::form_frame::{Item, draw_form};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

const LABEL_WIDTH: u16 = 26;

/// The fields of the settings form, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Id {
    Name,
    Opening(MoneyKey),
}

fn opening_label(key: MoneyKey) -> &'static str {
    match key {
        MoneyKey::Caisse => "Caisse (€)",
        MoneyKey::Pro => "Compte Pro (€)",
        MoneyKey::EnLigne => "Collectes en ligne (€)",
        MoneyKey::Lbp => "Ancien compte LBP (€)",
    }
}

/// What the question asked about, answered by `Action::Yes`.
enum Asked {
    Discard,
    Save(SettingsRequest),
}

pub struct Settings {
    form: TypedForm<Id>,
    name: String,
    openings: Vec<(MoneyKey, Money)>,
    asked: Option<Asked>,
}

impl Settings {
    /// The form filled with the coop's name and opening balances.
    pub fn open(book: &Book) -> Result<Settings, StoreError> {
        let name = book.coop().name.clone();
        let openings = book.openings()?;
        let mut form =
            TypedForm::default().field(Id::Name, "Nom de la coopérative", &name, Kind::Text);
        for (key, amount) in &openings {
            form = form.field(
                Id::Opening(*key),
                opening_label(*key),
                &amount.fr_plain(),
                Kind::Money,
            );
        }
        Ok(Settings {
            form,
            name,
            openings,
            asked: None,
        })
    }

    /// An error under a field; the first one of a field stays.
    fn error(&mut self, id: Id, message: &str) {
        if self.form.error(id).is_none() {
            self.form.set_error(id, message);
        }
    }

    /// What was typed, checked field by field (errors under the fields).
    fn request(&mut self) -> Option<SettingsRequest> {
        self.form.clear_errors();
        let name = self.form.value(Id::Name);
        if name.is_empty() {
            self.error(
                Id::Name,
                "vide : saisissez le nom, par exemple « Coopérative scolaire OCCE de l'école Jules Ferry »",
            );
        }
        let mut openings = Vec::new();
        for (key, _) in self.openings.clone() {
            let text = self.form.raw(Id::Opening(key)).to_string();
            let amount = if text.trim().is_empty() {
                Ok(Money::ZERO)
            } else {
                Money::parse(&text).map_err(|e| e.to_string())
            };
            match amount.and_then(|m| check_opening(key, m).map(|()| m).map_err(|e| e.message)) {
                Ok(m) => openings.push((key, m)),
                Err(e) => self.error(Id::Opening(key), &e),
            }
        }
        if self.form.has_errors() {
            self.form.focus_first_error();
            return None;
        }
        Some(SettingsRequest {
            coop_name: Some(name),
            openings,
        })
    }

    /// What saving would change, one line each (as the books will say it).
    fn changes(&self, request: &SettingsRequest) -> Vec<String> {
        let mut changes = Vec::new();
        if let Some(name) = &request.coop_name
            && *name != self.name
        {
            changes.push(format!("Nom : « {} » → « {name} »", self.name));
        }
        for (key, new) in &request.openings {
            let old = self
                .openings
                .iter()
                .find(|(k, _)| k == key)
                .map_or(Money::ZERO, |(_, m)| *m);
            if old != *new {
                changes.push(format!("Solde d'ouverture {} : {old} → {new}", key.label()));
            }
        }
        changes
    }

    fn submit(&mut self) -> Effect {
        let Some(request) = self.request() else {
            return Effect::Done;
        };
        let changes = self.changes(&request);
        if changes.is_empty() {
            return Effect::Batch(vec![
                Effect::Close,
                Effect::info("Réglages : rien n'a changé"),
            ]);
        }
        let mut question = String::from("Enregistrer ces changements ?");
        for change in &changes {
            question.push_str("\n· ");
            question.push_str(change);
        }
        if changes.iter().any(|c| c.starts_with("Solde")) {
            question.push_str(
                "\nLe report à nouveau de l'exercice est remplacé ; le journal des modifications garde l'ancien.",
            );
        }
        self.asked = Some(Asked::Save(request));
        Effect::open(Confirm::save_anyway(question))
    }

    fn save(&mut self, book: &mut Book, request: &SettingsRequest) -> Effect {
        match book.update_settings(request) {
            Ok(changes) => {
                let text = if changes.is_empty() {
                    "Réglages : rien n'a changé".to_string()
                } else {
                    format!("Réglages enregistrés : {}", changes.join(" ; "))
                };
                Effect::Batch(vec![Effect::Close, Effect::info(text), Effect::Changed])
            }
            Err(StoreError::Field(errors)) => {
                let first = Id::Opening(self.openings.first().map_or(MoneyKey::Caisse, |o| o.0));
                self.form.refused(
                    errors.0.into_iter().map(|e| (e.field, e.message)),
                    |field| match field {
                        Field::Coop => Some(Id::Name),
                        // The caisse on a later day, or every balance at zero.
                        Field::Montant => Some(Id::Opening(MoneyKey::Caisse)),
                        Field::Ouverture => Some(first),
                        _ => None,
                    },
                    |field, message| format!("{} : {message}", field.label()),
                );
                Effect::Done
            }
            Err(other) => {
                self.form.message = Some(other.to_string());
                Effect::Done
            }
        }
    }

    fn field_view(&self, id: Id) -> Option<Item<'_>> {
        let field = self.form.get(id)?;
        Some(Item::Field(FieldView {
            label: field.label,
            value: FieldValue::Text(&field.input),
            focused: self.form.focused_id() == Some(id),
            error: field.error.as_deref(),
            note: None,
            label_width: LABEL_WIDTH,
        }))
    }
}

impl Component for Settings {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Form]
    }

    fn accepts_text(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        match action {
            Action::Yes => match self.asked.take() {
                Some(Asked::Save(request)) => self.save(book, &request),
                Some(Asked::Discard) => Effect::Close,
                None => Effect::Done,
            },
            Action::Submit => self.submit(),
            Action::Close if self.form.is_dirty() => {
                self.asked = Some(Asked::Discard);
                Effect::open(Confirm::discard())
            }
            Action::Close => Effect::Close,
            Action::Help => Effect::Help,
            Action::NextField => {
                self.form.move_focus(1);
                Effect::Done
            }
            Action::PrevField => {
                self.form.move_focus(-1);
                Effect::Done
            }
            Action::Type(request) => {
                self.form.type_text(request);
                Effect::Done
            }
            _ => Effect::Done,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, book: &Book) {
        let mut items = vec![
            Item::Text(Line::styled(
                format!(
                    "Exercice {} : le nom et le report à nouveau se corrigent tant que l'exercice est ouvert ; chaque changement est noté au journal des modifications.",
                    book.exercice()
                ),
                theme::note(),
            )),
            Item::Text(Line::from("")),
        ];
        let mut focus_item = 0;
        let mut ids = vec![Id::Name];
        ids.extend(self.openings.iter().map(|(k, _)| Id::Opening(*k)));
        for (n, id) in ids.into_iter().enumerate() {
            if n == 1 {
                items.push(Item::Text(Line::from("")));
                items.push(Item::Text(Line::styled(
                    "Report à nouveau : solde de chaque compte au 1er septembre (0 si vide)",
                    theme::title(),
                )));
            }
            if self.form.focused_id() == Some(id) {
                focus_item = items.len();
            }
            items.extend(self.field_view(id));
        }
        if let Some(message) = &self.form.message {
            items.push(Item::Text(Line::from("")));
            items.push(Item::Text(Line::styled(
                format!("✗ {message}"),
                theme::error(),
            )));
        }
        draw_form(frame, area, "Réglages", &items, focus_item);
    }
}
