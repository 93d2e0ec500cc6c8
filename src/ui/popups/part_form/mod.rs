//! The small forms of the Participations tab, over it: a new campaign, a
//! pupil, a class, the date a cheque was given back, a move of a régie.
//! One form made of labelled fields; what Entrée does depends on its
//! purpose (`save.rs`). A refusal shows under the input of the field it
//! names (each input knows its `domain::Field`), what was typed is kept.

mod save;

use super::confirm::Confirm;
use crate::book::Book;
use crate::domain::participation::RegieKind;
use crate::domain::{Account, AccountKind, Field};
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::component::Component;
use crate::ui::component::Effect;
use crate::ui::keymap::Context;
use crate::ui::widgets::category_picker::{CategoryPicker, candidates, code_of};
pub use crate::ui::widgets::form::Kind;
use crate::ui::widgets::form::TypedForm;
use crate::ui::widgets::form_frame::{Outcome, draw_form};
use ratatui::Frame;
use ratatui::layout::Rect;

const LABEL_WIDTH: u16 = 18;

/// What the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    NewCampaign,
    AddPupil,
    /// The classes known when the form opened (an existing one only gets
    /// its teacher).
    AddClass {
        known: Vec<String>,
    },
    /// The cheque (contribution id) and how to name it.
    ReturnCheque {
        id: i64,
        what: String,
    },
    Regie {
        class_id: i64,
        class_name: String,
        kind: RegieKind,
    },
}

/// The fields of the small forms, by what they hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id {
    CampaignName,
    Suggested,
    Category,
    Classes,
    Starts,
    Ends,
    Nom,
    Prenom,
    /// The class of a pupil.
    Class,
    /// The name of a new class.
    ClassName,
    Teacher,
    ReturnedOn,
    /// To whom a cheque was given back.
    ReturnedBy,
    Date,
    Amount,
    Receipt,
    Label,
    Piece,
}

impl Id {
    /// The field of the books' refusals shown under this input.
    fn field(self) -> Field {
        match self {
            Id::CampaignName => Field::NomCampagne,
            Id::Suggested => Field::MontantSuggere,
            Id::Category => Field::Categorie,
            Id::Classes | Id::Class | Id::ClassName => Field::Classe,
            Id::Starts => Field::Debut,
            Id::Ends => Field::Fin,
            Id::Nom => Field::Nom,
            Id::Prenom => Field::Prenom,
            Id::Teacher => Field::Enseignant,
            Id::ReturnedOn | Id::Date => Field::Date,
            Id::ReturnedBy => Field::RenduA,
            Id::Amount => Field::Montant,
            Id::Receipt => Field::Recu,
            Id::Label => Field::Libelle,
            Id::Piece => Field::Piece,
        }
    }
}

pub struct PartForm {
    pub purpose: Purpose,
    pub title: String,
    pub about: String,
    pub form: TypedForm<Id>,
    picker: CategoryPicker,
}

impl PartForm {
    pub fn new(purpose: Purpose, title: &str, about: &str) -> Self {
        PartForm {
            purpose,
            title: title.to_string(),
            about: about.to_string(),
            form: TypedForm::default(),
            picker: CategoryPicker::default(),
        }
    }

    /// Adds a field (builder).
    pub fn field(
        mut self,
        id: Id,
        label: &'static str,
        text: &str,
        kind: Kind,
        note: &str,
    ) -> Self {
        self.form = self.form.field(id, label, text, kind).note(note);
        self
    }

    /// The last field added holds a proposed value typing replaces.
    pub fn proposed(mut self) -> Self {
        self.form = self.form.proposed();
        self
    }

    /// The value of a field, trimmed (a category: its code).
    pub fn value(&self, id: Id) -> String {
        self.form.value(id)
    }

    pub fn is_dirty(&self) -> bool {
        self.form.is_dirty()
    }

    fn category_kind(&self) -> Option<AccountKind> {
        match self.form.focused()?.kind {
            Kind::Picker(kind) => Some(kind),
            _ => None,
        }
    }

    fn picker_open(&self) -> bool {
        self.picker.open && self.category_kind().is_some()
    }

    pub fn contexts(&self) -> Vec<Context> {
        let mut contexts = Vec::new();
        if self.picker_open() {
            contexts.push(Context::Picker);
        }
        contexts.push(Context::Form);
        contexts
    }

    fn query(&self) -> String {
        self.form
            .focused()
            .map(|f| f.input.value().to_string())
            .unwrap_or_default()
    }

    fn move_focus(&mut self, step: isize, chart: &[Account]) {
        self.form.move_focus(step);
        if let Some(kind) = self.category_kind() {
            let code = code_of(&self.query()).to_string();
            let known = chart.iter().any(|a| a.kind == kind && a.code == code);
            self.picker.open = !known;
            self.picker.selected = 0;
        }
    }

    fn pick(&mut self, chart: &[Account]) {
        let Some(kind) = self.category_kind() else {
            return;
        };
        let code = candidates(chart, kind, &self.query())
            .get(self.picker.selected)
            .map(|a| a.code.clone());
        self.picker.open = false;
        if let (Some(code), Some(id)) = (code, self.form.focused_id()) {
            self.form.set(id, &code);
            if self.form.focus + 1 < self.form.fields.len() {
                self.move_focus(1, chart);
            }
        }
    }

    fn update_form(&mut self, action: Action, chart: &[Account]) -> Outcome {
        let picking = self.picker_open();
        match action {
            Action::Up if picking => self.picker.up(),
            Action::Down if picking => {
                let len = self
                    .category_kind()
                    .map_or(0, |k| candidates(chart, k, &self.query()).len());
                self.picker.down(len);
            }
            Action::Submit if picking => self.pick(chart),
            Action::Submit => return Outcome::Save,
            Action::Close => return Outcome::Close,
            Action::Help => return Outcome::Help,
            Action::NextField => self.move_focus(1, chart),
            Action::PrevField => self.move_focus(-1, chart),
            Action::Type(request) => {
                let category = self.category_kind().is_some();
                if self.form.type_text(request) && category {
                    self.picker.reopen();
                }
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// A refusal: each field error under the input of its field (the
    /// cursor goes to the first), the others at the bottom of the form.
    pub fn refused(&mut self, error: &StoreError) {
        self.picker.open = false;
        let StoreError::Field(errors) = error else {
            self.form.clear_errors();
            self.form.message = Some(error.to_string());
            return;
        };
        let ids: Vec<Id> = self.form.fields.iter().map(|f| f.id).collect();
        self.form.refused(
            errors.0.iter().map(|e| (e.field, e.message.clone())),
            |field| ids.iter().copied().find(|id| id.field() == field),
            |field, message| format!("{} : {message}", field.label()),
        );
    }

    fn draw_form(&self, frame: &mut Frame, area: Rect, chart: &[Account]) {
        let (items, focus) = self.form.items(&self.about, chart, LABEL_WIDTH);
        let drawn = draw_form(frame, area, &self.title, &items, focus);
        if self.picker_open()
            && let (Some(row), Some(kind)) = (drawn.focused_row, self.category_kind())
        {
            let list = candidates(chart, kind, &self.query());
            let anchor = Rect {
                x: row.x + LABEL_WIDTH,
                width: row.width.saturating_sub(LABEL_WIDTH),
                ..row
            };
            self.picker.draw(frame, anchor, drawn.inner, &list);
        }
    }
}

impl Component for PartForm {
    fn contexts(&self) -> Vec<Context> {
        PartForm::contexts(self)
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![Context::Form, Context::Picker]
    }

    fn accepts_text(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if action == Action::Yes {
            return Effect::Close;
        }
        let outcome = self.update_form(action, book.chart());
        match outcome {
            Outcome::Stay => Effect::Done,
            Outcome::Help => Effect::Help,
            Outcome::Close if self.is_dirty() => Effect::open(Confirm::discard()),
            Outcome::Close => Effect::Close,
            Outcome::Save => self.save(book),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, book: &Book) {
        self.draw_form(frame, area, book.chart());
    }
}
