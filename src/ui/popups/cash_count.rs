//! The arrêté de caisse form: the date, who counted, how many of each note
//! and coin; the total, the Caisse in the books at that date and the
//! difference, live (from the Caisse's ledger points loaded with the form:
//! drawing never queries the database). A difference offers to record the
//! count only or to book it as an adjustment, with a reason. Below: the
//! previous counts of the exercice.

mod lines;

use super::confirm::Confirm;
use crate::book::Book;
use crate::domain::cash_count::{
    CashCount, CashCountRequest, Counted, DENOMINATIONS, MAX_PIECES, balance_at,
};
use crate::domain::ledger::LedgerPoint;
use crate::domain::{Exercice, Field, MoneyKey, format_date, parse_date};
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect, Loaded};
use crate::ui::keymap::Context;
use crate::ui::widgets::field::{FieldValue, FieldView};
use crate::ui::widgets::form::{Kind, TypedForm};
use crate::ui::widgets::form_frame::{Item, draw_form};
use crate::ui::widgets::theme;
use lines::{Live, previous, saved, summary};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// The fields' labels: the notes and coins as [`DENOMINATIONS`] lists them.
const VALUES: [&str; 15] = [
    "500 €", "200 €", "100 €", "50 €", "20 €", "10 €", "5 €", "2 €", "1 €", "0,50 €", "0,20 €",
    "0,10 €", "0,05 €", "0,02 €", "0,01 €",
];
/// Notes are the first seven values.
const NOTES: usize = 7;
const LABEL_WIDTH: u16 = 14;
/// Label and input of a note or coin in its column.
const COUNT_LABEL: u16 = 10;
const COUNT_INPUT: u16 = 8;
const ONLY: &str = "enregistrer le comptage seulement";
const BOOK: &str = "passer l'écart en écriture, avec un motif";
const NOTHING_TYPED: &str = "aucun nombre tapé : tapez combien de billets et de pièces de chaque valeur (0 pour une caisse vide)";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id {
    Date,
    Who,
    /// The count of `DENOMINATIONS[i]`.
    Count(usize),
    /// Record only, or book the difference.
    Follow,
    Reason,
}

pub struct CashCountForm {
    form: TypedForm<Id>,
    exercice: Exercice,
    /// The Caisse's ledger in the current exercice (date, running balance).
    points: Vec<LedgerPoint>,
    previous: Vec<CashCount>,
    loaded: Loaded,
}

impl CashCountForm {
    pub fn new(book: &Book) -> CashCountForm {
        let mut form = TypedForm::default()
            .field(
                Id::Date,
                "Date",
                &format_date(book.default_date()),
                Kind::Date,
            )
            .proposed()
            .note("jj/mm/aaaa")
            .field(Id::Who, "Compté par", "", Kind::Text)
            .note("qui a compté (facultatif)");
        for (i, label) in VALUES.iter().enumerate() {
            form = form.field(Id::Count(i), label, "", Kind::Text);
        }
        form = form
            .field(
                Id::Follow,
                "Suite",
                ONLY,
                Kind::Choice(vec![ONLY.into(), BOOK.into()]),
            )
            .field(Id::Reason, "Motif", "", Kind::Text)
            .note("ex. erreur de rendu de monnaie");
        let mut this = CashCountForm {
            form,
            exercice: book.exercice(),
            points: Vec::new(),
            previous: Vec::new(),
            loaded: Loaded::default(),
        };
        this.load(book);
        this
    }

    /// The field under the cursor.
    pub fn focused(&self) -> Option<Id> {
        self.form.focused_id()
    }

    fn load(&mut self, book: &Book) {
        self.exercice = book.exercice();
        let loaded = book
            .ledger_points(MoneyKey::Caisse)
            .and_then(|points| Ok((points, book.cash_counts(book.exercice())?)));
        match loaded {
            Ok((points, previous)) => {
                self.points = points;
                self.previous = previous;
            }
            Err(e) => self.form.message = Some(e.to_string()),
        }
        self.loaded.mark(book);
    }

    /// A count as typed: empty is none; else a whole number.
    fn count(&self, i: usize) -> Result<u32, String> {
        let text = self.form.value(Id::Count(i));
        if text.is_empty() {
            return Ok(0);
        }
        let what = if i < NOTES { "billets" } else { "pièces" };
        if !text.chars().all(|c| c.is_ascii_digit()) {
            return Err(format!(
                "{} : « {} » n'est pas un nombre entier (combien de {what})",
                VALUES[i],
                crate::domain::text::shown(&text)
            ));
        }
        text.parse::<u32>()
            .ok()
            .filter(|n| *n <= MAX_PIECES)
            .ok_or_else(|| {
                format!(
                    "{} : {text} {what}, c'est trop (au plus 100 000)",
                    VALUES[i]
                )
            })
    }

    fn counts(&self) -> Vec<Counted> {
        DENOMINATIONS
            .iter()
            .enumerate()
            .map(|(i, &cents)| Counted {
                cents,
                count: self.count(i).unwrap_or(0),
            })
            .collect()
    }

    fn count_errors(&self) -> Vec<String> {
        (0..VALUES.len())
            .filter_map(|i| self.count(i).err())
            .collect()
    }

    fn live(&self) -> Live {
        let date = parse_date(self.form.raw(Id::Date), self.exercice)
            .ok()
            .filter(|d| self.exercice.contains(*d));
        Live {
            date,
            total: crate::domain::cash_count::total(&self.counts()),
            books: date.map(|d| balance_at(&self.points, d)),
            bad_counts: !self.count_errors().is_empty(),
            typed: (0..VALUES.len()).any(|i| !self.form.value(Id::Count(i)).is_empty()),
        }
    }

    fn books_the_difference(&self) -> bool {
        self.form.value(Id::Follow) == BOOK
    }

    /// Whether a field is offered now: the follow-up only for a
    /// difference, the reason only when it is booked.
    fn shown(&self, id: Id, live: &Live) -> bool {
        let differs = live.difference().is_some_and(|d| !d.is_zero());
        match id {
            Id::Follow => differs,
            Id::Reason => differs && self.books_the_difference(),
            _ => true,
        }
    }

    fn move_focus(&mut self, step: isize) {
        let live = self.live();
        for _ in 0..self.form.fields.len() {
            self.form.move_focus(step);
            if self
                .form
                .focused_id()
                .is_some_and(|id| self.shown(id, &live))
            {
                break;
            }
        }
        self.form.repropose();
    }

    fn refused(&mut self, error: &StoreError) {
        let StoreError::Field(errors) = error else {
            self.form.clear_errors();
            self.form.message = Some(error.to_string());
            return;
        };
        self.form.refused(
            errors.0.iter().map(|e| (e.field, e.message.clone())),
            |field| match field {
                Field::Date => Some(Id::Date),
                Field::ComptePar => Some(Id::Who),
                Field::Motif => Some(Id::Reason),
                _ => None,
            },
            |field, message| format!("{} : {message}", field.label()),
        );
    }

    fn save(&mut self, book: &mut Book) -> Effect {
        self.form.clear_errors();
        let errors = self.count_errors();
        if !errors.is_empty() {
            self.form.message = Some(errors.join(" ; "));
            return Effect::Done;
        }
        if !self.live().typed {
            self.form.message = Some(NOTHING_TYPED.into());
            return Effect::Done;
        }
        let date = match parse_date(self.form.raw(Id::Date), self.exercice) {
            Ok(date) => date,
            Err(e) => {
                self.form.set_error(Id::Date, &e.to_string());
                self.form.focus_first_error();
                return Effect::Done;
            }
        };
        let live = self.live();
        let request = CashCountRequest {
            date,
            counted_by: self.form.value(Id::Who),
            counts: self.counts(),
            adjust: self
                .shown(Id::Reason, &live)
                .then(|| self.form.value(Id::Reason)),
        };
        match book.record_cash_count(&request) {
            Ok(count) => Effect::Batch(vec![
                Effect::Close,
                Effect::info(saved(&count)),
                Effect::Changed,
            ]),
            Err(e) => {
                self.refused(&e);
                Effect::Done
            }
        }
    }

    fn view(&self, id: Id, label_width: u16) -> Option<FieldView<'_>> {
        let field = self.form.get(id)?;
        let focused = self.form.focused_id() == Some(id);
        let value = match &field.kind {
            Kind::Choice(_) => FieldValue::Choice(field.input.value()),
            _ if self.form.is_fresh(id) => FieldValue::Proposed(&field.input),
            _ => FieldValue::Text(&field.input),
        };
        let count = matches!(id, Id::Count(_));
        Some(FieldView {
            label: field.label,
            value,
            focused,
            error: if count { None } else { field.error.as_deref() },
            note: Some(field.note.as_str()).filter(|n| !n.is_empty() && !count),
            label_width,
        })
    }

    /// A row of the grid: a note on the left, a coin on the right.
    fn grid_row(&self, row: usize) -> Item<'_> {
        let left = (row < NOTES).then(|| self.view(Id::Count(row), COUNT_LABEL));
        let right = self.view(Id::Count(NOTES + row), COUNT_LABEL);
        Item::Custom(
            1,
            Box::new(move |frame: &mut Frame, area: Rect| {
                let half = area.width / 2;
                let width = (COUNT_LABEL + COUNT_INPUT).min(half);
                if let Some(Some(view)) = &left {
                    view.draw(frame, Rect { width, ..area });
                }
                if let Some(view) = &right {
                    let x = area.x + half;
                    view.draw(frame, Rect { x, width, ..area });
                }
            }),
        )
    }

    /// The items of the form, and the index of the focused one.
    fn items(&self) -> (Vec<Item<'_>>, usize) {
        let live = self.live();
        let focused = self.form.focused_id();
        let mut focus = 0;
        // No blank line above the summary: at 80×24 the difference must
        // show under the notes and coins (the form scrolls to its focus).
        let mut items: Vec<Item> = Vec::new();
        for id in [Id::Date, Id::Who] {
            if focused == Some(id) {
                focus = items.len();
            }
            items.extend(self.view(id, LABEL_WIDTH).map(Item::Field));
        }
        items.push(Item::Custom(
            1,
            Box::new(|frame: &mut Frame, area: Rect| {
                let half = (area.width / 2) as usize;
                let header = format!(
                    "  {:<width$}  {}",
                    "Billets (vide : aucun)",
                    "Pièces",
                    width = half.saturating_sub(2)
                );
                frame.render_widget(Line::styled(header, theme::title()), area);
            }),
        ));
        for row in 0..(VALUES.len() - NOTES) {
            if let Some(Id::Count(i)) = focused
                && (i == row || i == NOTES + row)
            {
                focus = items.len();
            }
            items.push(self.grid_row(row));
        }
        for error in self.count_errors() {
            items.push(Item::Text(Line::styled(
                format!("✗ {error}"),
                theme::error(),
            )));
        }
        items.push(text("", Style::new()));
        items.extend(summary(&live).into_iter().map(Item::Text));
        for id in [Id::Follow, Id::Reason] {
            if self.shown(id, &live) {
                if focused == Some(id) {
                    focus = items.len();
                }
                items.extend(self.view(id, LABEL_WIDTH).map(Item::Field));
            }
        }
        // A refusal already shown under the notes and coins is not repeated.
        let shown_above = self.count_errors();
        if let Some(message) = self
            .form
            .message
            .as_ref()
            .filter(|m| !shown_above.iter().any(|e| e == *m))
        {
            items.push(Item::Text(Line::styled(
                format!("✗ {message}"),
                theme::error(),
            )));
        }
        items.push(text("", Style::new()));
        items.extend(previous(&self.previous).into_iter().map(Item::Text));
        (items, focus)
    }
}

fn text(text: &str, style: Style) -> Item<'static> {
    Item::Text(Line::styled(text.to_string(), style))
}

impl Component for CashCountForm {
    fn contexts(&self) -> Vec<Context> {
        if self.form.focused_id() == Some(Id::Follow) {
            vec![Context::Choice, Context::Form]
        } else {
            vec![Context::Form]
        }
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![Context::Form, Context::Choice]
    }

    fn accepts_text(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        match action {
            Action::Yes => return Effect::Close,
            Action::Submit => return self.save(book),
            Action::Close if self.form.is_dirty() => return Effect::open(Confirm::discard()),
            Action::Close => return Effect::Close,
            Action::Help => return Effect::Help,
            Action::NextField => self.move_focus(1),
            Action::PrevField => self.move_focus(-1),
            Action::ChoiceNext => self.form.cycle(1),
            Action::ChoicePrev => self.form.cycle(-1),
            Action::Type(request) => {
                self.form.type_text(request);
            }
            _ => {}
        }
        Effect::Done
    }

    fn refresh(&mut self, book: &Book) -> crate::store::Result<()> {
        if self.loaded.is_stale(book) {
            self.load(book);
        }
        Ok(())
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        let (items, focus) = self.items();
        draw_form(frame, area, "Arrêté de caisse", &items, focus);
    }
}
