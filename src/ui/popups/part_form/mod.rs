//! The small forms of the Participations tab, over it: a new campaign, a
//! pupil, a class, the date a cheque was given back, a move of a régie.
//! One form made of labelled fields; what Entrée does depends on its
//! purpose (`save.rs`). A refusal shows under the field
//! it names, what was typed is kept.

mod save;

use super::confirm::Confirm;
use crate::book::Book;
use crate::domain::participation::RegieKind;
use crate::domain::{Account, AccountKind};
use crate::ui::action::Action;
use crate::ui::component::Component;
use crate::ui::effect::Effect;
use crate::ui::keymap::Context;
use crate::ui::widgets::category_picker::{CategoryPicker, candidates, code_of};
use crate::ui::widgets::field::{FieldValue, FieldView};
use crate::ui::widgets::form_frame::{Item, Outcome, draw_form, type_into, type_over};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

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

/// How a field is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A proposed value (a date, a pièce number) the first key replaces.
    Proposed,
    /// A category code of this kind, picked in the list as it is typed.
    Category(AccountKind),
}

#[derive(Debug)]
pub struct PartField {
    pub label: &'static str,
    /// Refusals starting with this word are shown under the field.
    pub prefix: &'static str,
    pub input: Input,
    pub kind: Kind,
    pub note: String,
    fresh: bool,
    pub error: Option<String>,
}

#[derive(Debug)]
pub struct PartForm {
    pub purpose: Purpose,
    pub title: String,
    pub about: String,
    pub fields: Vec<PartField>,
    pub focus: usize,
    picker: CategoryPicker,
    pub message: Option<String>,
    initial: Vec<String>,
}

impl PartForm {
    pub fn new(purpose: Purpose, title: &str, about: &str) -> Self {
        PartForm {
            purpose,
            title: title.to_string(),
            about: about.to_string(),
            fields: Vec::new(),
            focus: 0,
            picker: CategoryPicker::default(),
            message: None,
            initial: Vec::new(),
        }
    }

    /// Adds a field (builder).
    pub fn field(
        mut self,
        label: &'static str,
        prefix: &'static str,
        text: &str,
        kind: Kind,
        note: &str,
    ) -> Self {
        self.fields.push(PartField {
            label,
            prefix,
            input: Input::new(text.to_string()),
            kind,
            note: note.to_string(),
            fresh: kind == Kind::Proposed,
            error: None,
        });
        self.initial = self.values();
        self
    }

    pub fn values(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|f| f.input.value().to_string())
            .collect()
    }

    /// The text of the field with this label (the code of a category).
    pub fn value(&self, label: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(|f| match f.kind {
                Kind::Category(_) => code_of(f.input.value()).to_string(),
                _ => f.input.value().trim().to_string(),
            })
            .unwrap_or_default()
    }

    pub fn is_dirty(&self) -> bool {
        self.values() != self.initial
    }

    fn category_kind(&self) -> Option<AccountKind> {
        match self.fields.get(self.focus)?.kind {
            Kind::Category(kind) => Some(kind),
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
        self.fields
            .get(self.focus)
            .map(|f| f.input.value().to_string())
            .unwrap_or_default()
    }

    fn move_focus(&mut self, step: isize, chart: &[Account]) {
        let len = self.fields.len().max(1) as isize;
        self.focus = (self.focus as isize + step).rem_euclid(len) as usize;
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
        if let (Some(code), Some(field)) = (code, self.fields.get_mut(self.focus)) {
            field.input = Input::new(code);
            field.error = None;
            if self.focus + 1 < self.fields.len() {
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
                let Some(field) = self.fields.get_mut(self.focus) else {
                    return Outcome::Stay;
                };
                let changed = if field.kind == Kind::Proposed {
                    type_over(&mut field.input, request, &mut field.fresh)
                } else {
                    type_into(&mut field.input, request)
                };
                if changed {
                    field.error = None;
                    self.message = None;
                    if category {
                        self.picker.reopen();
                    }
                }
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// A refusal: under the field it names (the cursor goes there), else
    /// at the bottom of the form.
    pub fn refused(&mut self, message: String) {
        for field in &mut self.fields {
            field.error = None;
        }
        self.message = None;
        let at = self.fields.iter().position(|f| {
            !f.prefix.is_empty()
                && message
                    .strip_prefix(f.prefix)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
        });
        match at {
            Some(i) => {
                let field = &mut self.fields[i];
                let text = message[field.prefix.len()..]
                    .trim_start()
                    .trim_start_matches(':')
                    .trim_start()
                    .to_string();
                field.error = Some(text);
                self.focus = i;
                self.picker.open = false;
            }
            None => self.message = Some(message),
        }
    }

    fn draw_form(&self, frame: &mut Frame, area: Rect, chart: &[Account]) {
        let mut items: Vec<Item> = Vec::new();
        if !self.about.is_empty() {
            items.push(Item::Text(Line::styled(self.about.clone(), theme::note())));
            items.push(Item::Text(Line::from("")));
        }
        let first_field = items.len();
        for (i, field) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let value = if field.kind == Kind::Proposed && field.fresh {
                FieldValue::Proposed(&field.input)
            } else {
                FieldValue::Text(&field.input)
            };
            let note = match field.kind {
                Kind::Category(_) => chart
                    .iter()
                    .find(|a| a.code == code_of(field.input.value()))
                    .map(|a| a.label.as_str())
                    .or(Some(field.note.as_str())),
                _ => Some(field.note.as_str()),
            }
            .filter(|n| !n.is_empty());
            items.push(Item::Field(FieldView {
                label: field.label,
                value,
                focused,
                error: field.error.as_deref(),
                note,
                label_width: LABEL_WIDTH,
            }));
        }
        if let Some(message) = &self.message {
            items.push(Item::Text(Line::styled(
                format!("✗ {message}"),
                theme::error(),
            )));
        }
        let drawn = draw_form(frame, area, &self.title, &items, first_field + self.focus);
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
