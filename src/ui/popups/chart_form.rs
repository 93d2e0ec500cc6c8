//! The small form of the chart of accounts: a new category (code, libellé,
//! nature, rubrique du compte rendu financier) or a new libellé and heading
//! for the selected one. The heading is picked from the known ones
//! (`heading_field.rs`). Entrée saves through `Book::save_category` or
//! `Book::edit_category` (one transaction); a refusal is shown under the
//! form and what was typed is kept.

use super::confirm::Confirm;
use super::heading_field::HeadingField;
use crate::book::Book;
use crate::domain::{Account, AccountKind};
use crate::ui::action::Action;
use crate::ui::component::Component;
use crate::ui::component::Effect;
use crate::ui::effect::Focus;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::field::{FieldValue, FieldView};
use crate::ui::widgets::form_frame::{Item, Outcome, draw_form, type_into};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

const LABEL_WIDTH: u16 = 16;

/// Whether the chart popup lets the user add or rename this kind.
pub fn editable(kind: AccountKind) -> bool {
    matches!(kind, AccountKind::Charge | AccountKind::Produit)
}

/// The nature of an account, as the list and the form write it.
pub fn nature(kind: AccountKind) -> &'static str {
    match kind {
        AccountKind::Charge => "charge",
        AccountKind::Produit => "produit",
        AccountKind::Tresorerie => "trésorerie",
        AccountKind::Bilan => "bilan",
    }
}

/// The fields of the form, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Code,
    Label,
    Kind,
    Heading,
}

const ADD_SLOTS: &[Slot] = &[Slot::Code, Slot::Label, Slot::Kind, Slot::Heading];
const EDIT_SLOTS: &[Slot] = &[Slot::Label, Slot::Heading];

#[derive(Debug)]
pub struct ChartForm {
    /// The category changed (its code and nature fixed); `None` when adding.
    pub renaming: Option<Account>,
    pub code: Input,
    pub label: Input,
    pub kind: AccountKind,
    pub heading: HeadingField,
    focus: usize,
    pub message: Option<String>,
    initial: (String, String, AccountKind, String),
}

impl ChartForm {
    fn new(
        renaming: Option<Account>,
        code: &str,
        label: &str,
        kind: AccountKind,
        headings: Vec<String>,
    ) -> Self {
        let heading = renaming
            .as_ref()
            .and_then(|a| a.crf_heading.clone())
            .unwrap_or_default();
        ChartForm {
            renaming,
            code: Input::new(code.into()),
            label: Input::new(label.into()),
            kind,
            heading: HeadingField::new(&heading, headings),
            focus: 0,
            message: None,
            initial: (code.into(), label.into(), kind, heading),
        }
    }

    /// A new category, a charge unless changed; `headings` are the
    /// known CRF headings.
    pub fn add(headings: Vec<String>) -> Self {
        ChartForm::new(None, "", "", AccountKind::Charge, headings)
    }

    /// A new libellé or heading for `account`, prefilled with the current ones.
    pub fn edit(account: &Account, headings: Vec<String>) -> Self {
        ChartForm::new(
            Some(account.clone()),
            &account.code,
            &account.label,
            account.kind,
            headings,
        )
    }

    fn slots(&self) -> &'static [Slot] {
        if self.renaming.is_some() {
            EDIT_SLOTS
        } else {
            ADD_SLOTS
        }
    }

    fn slot(&self) -> Slot {
        self.slots()[self.focus.min(self.slots().len() - 1)]
    }

    fn values(&self) -> (String, String, AccountKind, String) {
        (
            self.code.value().to_string(),
            self.label.value().to_string(),
            self.kind,
            self.heading.value().to_string(),
        )
    }

    pub fn is_dirty(&self) -> bool {
        self.values() != self.initial
    }

    pub fn contexts(&self) -> Vec<Context> {
        let mut contexts = match self.slot() {
            Slot::Kind => vec![Context::Choice],
            Slot::Heading => self.heading.contexts(),
            _ => Vec::new(),
        };
        contexts.push(Context::Form);
        contexts
    }

    fn toggle_kind(&mut self) {
        self.kind = match self.kind {
            AccountKind::Charge => AccountKind::Produit,
            _ => AccountKind::Charge,
        };
        self.message = None;
    }

    pub fn update_form(&mut self, action: Action) -> Outcome {
        let len = self.slots().len();
        if self.slot() == Slot::Heading
            && let Some(changed) = self.heading.update(action)
        {
            if changed {
                self.message = None;
            }
            return Outcome::Stay;
        }
        match action {
            Action::Submit => return Outcome::Save,
            Action::Close => return Outcome::Close,
            Action::Help => return Outcome::Help,
            Action::NextField => self.focus = (self.focus + 1) % len,
            Action::PrevField => self.focus = (self.focus + len - 1) % len,
            Action::ChoicePrev | Action::ChoiceNext if self.slot() == Slot::Kind => {
                self.toggle_kind()
            }
            Action::Type(request) => {
                let input = match self.slot() {
                    Slot::Code => &mut self.code,
                    Slot::Label => &mut self.label,
                    Slot::Kind | Slot::Heading => return Outcome::Stay,
                };
                if type_into(input, request) {
                    self.message = None;
                }
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// Code, libellé, nature and rubrique (`None` if left empty).
    pub fn request(&self) -> (String, String, AccountKind, Option<String>) {
        let heading = self.heading.value().trim();
        (
            self.code.value().trim().to_string(),
            self.label.value().trim().to_string(),
            self.kind,
            (!heading.is_empty()).then(|| heading.to_string()),
        )
    }

    pub fn draw_form(&self, frame: &mut Frame, area: Rect) {
        let choice_note = format!(
            "{}/{} pour changer",
            keymap::key_names(Context::Choice, Action::ChoicePrev).join(" ou "),
            keymap::key_names(Context::Choice, Action::ChoiceNext).join(" ou ")
        );
        let about = if self.renaming.is_some() {
            "Le libellé et la rubrique valent partout où la catégorie paraît ; \
             le code et la nature ne changent pas."
        } else {
            "Une charge a un code qui commence par 6, un produit par 7 (ex. 6185). \
             La rubrique du compte rendu financier est facultative : \
             choisissez-en une connue ou tapez-en une nouvelle."
        };
        let mut items = vec![
            Item::Text(Line::styled(about, theme::note())),
            Item::Text(Line::from("")),
        ];
        let first_field = items.len();
        let editing = |slot: Slot| self.slots().contains(&slot);
        let focused = |slot: Slot| self.slot() == slot;
        let fixed = |label, text| {
            Item::Field(FieldView {
                label,
                value: FieldValue::Choice(text),
                focused: false,
                error: None,
                note: None,
                label_width: LABEL_WIDTH,
            })
        };
        let text = |label, input, note, slot| {
            Item::Field(FieldView {
                label,
                value: FieldValue::Text(input),
                focused: focused(slot),
                error: None,
                note,
                label_width: LABEL_WIDTH,
            })
        };
        if editing(Slot::Code) {
            items.push(text("Code", &self.code, Some("6… ou 7…"), Slot::Code));
        } else {
            items.push(fixed("Code", self.code.value()));
        }
        // The focused item's index, for scrolling.
        let mut focus_item = first_field;
        items.push(text("Libellé", &self.label, None, Slot::Label));
        if focused(Slot::Label) {
            focus_item = items.len() - 1;
        }
        let kind_text = nature(self.kind);

        if editing(Slot::Kind) {
            items.push(Item::Field(FieldView {
                label: "Nature",
                value: FieldValue::Choice(kind_text),
                focused: focused(Slot::Kind),
                error: None,
                note: Some(&choice_note),
                label_width: LABEL_WIDTH,
            }));
            if focused(Slot::Kind) {
                focus_item = items.len() - 1;
            }
        } else {
            items.push(fixed("Nature", kind_text));
        }
        items.push(text(
            "Rubrique CRF",
            &self.heading.input,
            None,
            Slot::Heading,
        ));
        if focused(Slot::Heading) {
            focus_item = items.len() - 1;
            let width = area.width.min(100).saturating_sub(4) as usize;
            for line in self.heading.lines(LABEL_WIDTH as usize, width) {
                let draw = move |frame: &mut Frame, row: Rect| frame.render_widget(&line, row);
                items.push(Item::Custom(1, Box::new(draw)));
            }
        }
        if let Some(message) = &self.message {
            items.push(Item::Text(Line::from("")));
            items.push(Item::Text(Line::styled(
                format!("✗ {message}"),
                theme::error(),
            )));
        }
        let title = match &self.renaming {
            Some(a) => format!("Modifier la catégorie {}", a.code),
            None => "Nouvelle catégorie".to_string(),
        };
        draw_form(frame, area, &title, &items, focus_item);
    }
}

impl ChartForm {
    fn save(&mut self, book: &mut Book) -> Effect {
        let (code, label, kind, heading) = self.request();
        let renaming = self.renaming.is_some();
        if renaming && !self.is_dirty() {
            return Effect::Close;
        }
        if !renaming && let Some(known) = book.chart().iter().find(|a| a.code == code) {
            // save_category would rename it: adding must not change a category.
            self.message = Some(format!(
                "code « {code} » : déjà au plan comptable ({}) ; {} dans la liste pour la modifier",
                known.label,
                keymap::key_of(Context::Chart, Action::EditCategory)
            ));
            return Effect::Done;
        }
        let saved = if renaming {
            book.edit_category(&code, &label, heading.as_deref().unwrap_or(""))
        } else {
            book.save_category(&code, &label, kind, heading.as_deref())
        };
        if let Err(e) = saved {
            self.message = Some(e.to_string());
            return Effect::Done;
        }
        let verb = if renaming { "modifiée" } else { "ajoutée" };
        Effect::Batch(vec![
            Effect::Close,
            Effect::Show(Focus::Code(code.clone())),
            Effect::info(format!("Catégorie {code} {label} {verb}")),
            Effect::Changed,
        ])
    }
}

impl Component for ChartForm {
    fn contexts(&self) -> Vec<Context> {
        ChartForm::contexts(self)
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![
            Context::Form,
            Context::Choice,
            Context::HeadingList,
            Context::HeadingPick,
        ]
    }

    fn accepts_text(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if action == Action::Yes {
            return Effect::Close;
        }
        match self.update_form(action) {
            Outcome::Stay => Effect::Done,
            Outcome::Help => Effect::Help,
            Outcome::Save => self.save(book),
            Outcome::Close if self.is_dirty() => Effect::open(Confirm::discard()),
            Outcome::Close => Effect::Close,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        self.draw_form(frame, area);
    }
}
