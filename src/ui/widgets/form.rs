//! A typed form: fields named by an id (an enum per form), each of a kind
//! (text, money, date, a choice among values, a category picked in the
//! chart), with its error under it; lines of text between them, some
//! computed from the values (a total, a date range). A form reads its
//! values by id and routes the books' refusals to fields by id.

use crate::domain::{Account, AccountKind};
use crate::ui::widgets::category_picker::code_of;
use crate::ui::widgets::field::{FieldValue, FieldView};
use crate::ui::widgets::form_frame::{Item, type_into, type_over};
use crate::ui::widgets::theme;
use ratatui::style::Style;
use ratatui::text::Line;
use tui_input::{Input, InputRequest};

/// How a field is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// An amount in euros ("12,50").
    Money,
    /// A date, jj/mm/aaaa.
    Date,
    /// One of these values, changed with ←/→.
    Choice(Vec<String>),
    /// A category code of this kind, picked in the list as it is typed.
    Picker(AccountKind),
}

#[derive(Debug)]
pub struct FormField<F> {
    pub id: F,
    pub label: &'static str,
    pub kind: Kind,
    pub input: Input,
    /// The first key typed replaces the proposed value (a date, a pièce).
    pub proposed: bool,
    fresh: bool,
    /// Grey text after the value.
    pub note: String,
    pub error: Option<String>,
}

/// What a form shows, in order: fields and lines of text.
pub enum Row<F> {
    Field(F),
    Text(String, Style),
    /// A line computed from the values at each draw (empty: not shown).
    Computed(fn(&TypedForm<F>) -> String, Style),
}

pub struct TypedForm<F> {
    pub fields: Vec<FormField<F>>,
    pub rows: Vec<Row<F>>,
    /// Index in `fields` of the focused one.
    pub focus: usize,
    /// A refusal that names no field of the form.
    pub message: Option<String>,
    initial: Vec<String>,
}

impl<F: Copy + PartialEq> Default for TypedForm<F> {
    fn default() -> Self {
        TypedForm {
            fields: Vec::new(),
            rows: Vec::new(),
            focus: 0,
            message: None,
            initial: Vec::new(),
        }
    }
}

impl<F: Copy + PartialEq> TypedForm<F> {
    /// Adds a field (builder); its text counts as untouched.
    pub fn field(mut self, id: F, label: &'static str, text: &str, kind: Kind) -> Self {
        self.fields.push(FormField {
            id,
            label,
            kind,
            input: Input::new(text.to_string()),
            proposed: false,
            fresh: false,
            note: String::new(),
            error: None,
        });
        self.rows.push(Row::Field(id));
        self.initial = self.texts();
        self
    }

    /// The last field added holds a proposed value typing replaces.
    pub fn proposed(mut self) -> Self {
        if let Some(field) = self.fields.last_mut() {
            field.proposed = true;
            field.fresh = true;
        }
        self
    }

    /// Grey text after the last field added.
    pub fn note(mut self, note: &str) -> Self {
        if let Some(field) = self.fields.last_mut() {
            field.note = note.to_string();
        }
        self
    }

    pub fn text(mut self, text: &str, style: Style) -> Self {
        self.rows.push(Row::Text(text.to_string(), style));
        self
    }

    pub fn computed(mut self, line: fn(&TypedForm<F>) -> String, style: Style) -> Self {
        self.rows.push(Row::Computed(line, style));
        self
    }

    fn texts(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|f| f.input.value().to_string())
            .collect()
    }

    pub fn is_dirty(&self) -> bool {
        self.texts() != self.initial
    }

    pub fn get(&self, id: F) -> Option<&FormField<F>> {
        self.fields.iter().find(|f| f.id == id)
    }

    fn get_mut(&mut self, id: F) -> Option<&mut FormField<F>> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    /// The value of a field, trimmed (a picked category: its code only);
    /// empty if the form has no such field.
    pub fn value(&self, id: F) -> String {
        self.get(id)
            .map(|f| match f.kind {
                Kind::Picker(_) => code_of(f.input.value()).to_string(),
                _ => f.input.value().trim().to_string(),
            })
            .unwrap_or_default()
    }

    /// The text of a field as typed.
    pub fn raw(&self, id: F) -> &str {
        self.get(id).map_or("", |f| f.input.value())
    }

    pub fn set(&mut self, id: F, text: &str) {
        if let Some(field) = self.get_mut(id) {
            field.input = Input::new(text.to_string());
            field.fresh = false;
            field.error = None;
        }
    }

    pub fn focused(&self) -> Option<&FormField<F>> {
        self.fields.get(self.focus)
    }

    pub fn focused_id(&self) -> Option<F> {
        self.focused().map(|f| f.id)
    }

    pub fn is_fresh(&self, id: F) -> bool {
        self.get(id).is_some_and(|f| f.fresh)
    }

    /// The focused field's proposed value is proposed again (typing
    /// replaces it), as when the cursor arrives on it.
    pub fn repropose(&mut self) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.fresh = field.proposed;
        }
    }

    /// Next or previous field, round the form.
    pub fn move_focus(&mut self, step: isize) {
        let len = self.fields.len().max(1) as isize;
        self.focus = (self.focus as isize + step).rem_euclid(len) as usize;
    }

    /// A keystroke into the focused field; true if its text changed (its
    /// error and the form's message go).
    pub fn type_text(&mut self, request: InputRequest) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        let changed = if matches!(field.kind, Kind::Choice(_)) {
            false
        } else if field.proposed {
            type_over(&mut field.input, request, &mut field.fresh)
        } else {
            type_into(&mut field.input, request)
        };
        if changed {
            field.error = None;
            self.message = None;
        }
        changed
    }

    /// The next (or previous) value of a choice field.
    pub fn cycle(&mut self, step: isize) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        if let Kind::Choice(values) = &field.kind {
            let at = values
                .iter()
                .position(|v| v == field.input.value())
                .unwrap_or(0) as isize;
            let len = values.len().max(1) as isize;
            let next = values[(at + step).rem_euclid(len) as usize].clone();
            field.input = Input::new(next);
            field.error = None;
        }
    }

    pub fn clear_errors(&mut self) {
        for field in &mut self.fields {
            field.error = None;
        }
        self.message = None;
    }

    /// An error under a field (several join with " ; ").
    pub fn set_error(&mut self, id: F, message: &str) {
        if let Some(field) = self.get_mut(id) {
            field.error = Some(match field.error.take() {
                Some(first) => format!("{first} ; {message}"),
                None => message.to_string(),
            });
        }
    }

    pub fn error(&self, id: F) -> Option<&str> {
        self.get(id).and_then(|f| f.error.as_deref())
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// The cursor goes to the first field with an error.
    pub fn focus_first_error(&mut self) {
        if let Some(at) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = at;
        }
    }

    /// Errors of the books, each under the field `to_field` maps its
    /// field to; the others as the form's message.
    pub fn refused<K: Copy>(
        &mut self,
        errors: impl IntoIterator<Item = (K, String)>,
        to_field: impl Fn(K) -> Option<F>,
        whole: impl Fn(K, &str) -> String,
    ) {
        self.clear_errors();
        let mut others = Vec::new();
        for (key, message) in errors {
            match to_field(key).filter(|id| self.get(*id).is_some()) {
                Some(id) => self.set_error(id, &message),
                None => others.push(whole(key, &message)),
            }
        }
        if !others.is_empty() {
            self.message = Some(others.join(" ; "));
        }
        self.focus_first_error();
    }
}

impl<F: Copy + PartialEq> TypedForm<F> {
    /// What the popup of a form of fields shows: its note (when any), a
    /// blank line, each field (a category field notes the chosen
    /// category's label), then the form's message; with the index of the
    /// focused field among the items.
    pub fn items<'a>(
        &'a self,
        about: &str,
        chart: &'a [Account],
        label_width: u16,
    ) -> (Vec<Item<'a>>, usize) {
        let mut items: Vec<Item> = Vec::new();
        if !about.is_empty() {
            items.push(Item::Text(Line::styled(about.to_string(), theme::note())));
            items.push(Item::Text(Line::from("")));
        }
        let first_field = items.len();
        for (i, field) in self.fields.iter().enumerate() {
            let value = if self.is_fresh(field.id) {
                FieldValue::Proposed(&field.input)
            } else {
                FieldValue::Text(&field.input)
            };
            let note = match field.kind {
                Kind::Picker(_) => chart
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
                focused: i == self.focus,
                error: field.error.as_deref(),
                note,
                label_width,
            }));
        }
        if let Some(message) = &self.message {
            items.push(Item::Text(Line::styled(
                format!("✗ {message}"),
                theme::error(),
            )));
        }
        (items, first_field + self.focus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Field, FieldError, FieldErrors};
    use tui_input::InputRequest::InsertChar;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Id {
        Name,
        Amount,
        Date,
        Mode,
        Category,
    }

    fn form() -> TypedForm<Id> {
        TypedForm::default()
            .field(Id::Name, "Nom", "", Kind::Text)
            .text("Montants", Style::new())
            .field(Id::Amount, "Montant", "", Kind::Money)
            .field(Id::Date, "Date", "15/10/2024", Kind::Date)
            .proposed()
            .note("jj/mm/aaaa")
            .field(
                Id::Mode,
                "Mode",
                "espèces",
                Kind::Choice(vec!["espèces".into(), "chèque".into()]),
            )
            .field(
                Id::Category,
                "Catégorie",
                "",
                Kind::Picker(AccountKind::Produit),
            )
            .computed(|f| format!("total : {}", f.value(Id::Amount)), Style::new())
    }

    fn type_str(form: &mut TypedForm<Id>, text: &str) {
        for c in text.chars() {
            form.type_text(InsertChar(c));
        }
    }

    #[test]
    fn values_are_read_by_id_trimmed() {
        let mut form = form();
        assert!(!form.is_dirty());
        type_str(&mut form, "  Sortie zoo ");
        form.move_focus(1);
        type_str(&mut form, "12,50");
        form.set(Id::Category, "7060 Sorties");
        assert_eq!(form.value(Id::Name), "Sortie zoo");
        assert_eq!(form.raw(Id::Name), "  Sortie zoo ");
        assert_eq!(form.value(Id::Amount), "12,50");
        assert_eq!(
            form.value(Id::Category),
            "7060",
            "a picked category: its code"
        );
        assert!(form.is_dirty());
        let Some(Row::Computed(line, _)) = form.rows.last() else {
            panic!("the computed line is last");
        };
        assert_eq!(line(&form), "total : 12,50");
    }

    #[test]
    fn a_proposed_value_is_replaced_by_the_first_key() {
        let mut form = form();
        form.focus = 2;
        assert_eq!(form.focused_id(), Some(Id::Date));
        assert!(form.is_fresh(Id::Date));
        type_str(&mut form, "01/10/2024");
        assert_eq!(form.value(Id::Date), "01/10/2024");
        assert_eq!(form.get(Id::Date).unwrap().note, "jj/mm/aaaa");
    }

    #[test]
    fn a_choice_cycles_and_takes_no_text() {
        let mut form = form();
        form.focus = 3;
        assert!(!form.type_text(InsertChar('x')));
        form.cycle(1);
        assert_eq!(form.value(Id::Mode), "chèque");
        form.cycle(1);
        assert_eq!(form.value(Id::Mode), "espèces");
        form.cycle(-1);
        assert_eq!(form.value(Id::Mode), "chèque");
        form.move_focus(2);
        assert_eq!(form.focused_id(), Some(Id::Name), "round the form");
    }

    #[test]
    fn refusals_go_under_their_fields_by_id() {
        let mut form = form();
        let errors = FieldErrors(vec![
            FieldError::new(Field::Montant, "« 12,505 » : deux décimales au plus"),
            FieldError::new(Field::Montant, "doit être positif"),
            FieldError::new(Field::Exercice, "exercice clos"),
        ]);
        let to_field = |f: Field| match f {
            Field::Montant => Some(Id::Amount),
            Field::Date => Some(Id::Date),
            _ => None,
        };
        form.refused(
            errors.0.iter().map(|e| (e.field, e.message.clone())),
            to_field,
            |f, m| format!("{} : {m}", f.label()),
        );
        assert_eq!(
            form.error(Id::Amount),
            Some("« 12,505 » : deux décimales au plus ; doit être positif")
        );
        assert_eq!(form.message.as_deref(), Some("Exercice : exercice clos"));
        assert_eq!(form.focused_id(), Some(Id::Amount), "the cursor goes there");
        form.focus = 1;
        type_str(&mut form, "5");
        assert_eq!(form.error(Id::Amount), None, "typing clears the error");
        assert_eq!(form.message, None);
    }
}
