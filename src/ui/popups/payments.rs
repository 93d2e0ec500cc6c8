//! The online payments "à attribuer" (no pupil could be found from the
//! payer and the form): Entrée opens the pupil picker, which attributes
//! the payment to a pupil or to none (`Book::assign_payment`).

use crate::book::Book;
use crate::domain::format_date;
use crate::domain::online::Payment;
use crate::domain::participation::Pupil;
use crate::domain::text::fold;
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect, Loaded};
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{truncate, wrap};
use crate::ui::widgets::form_frame::popup_area;
use crate::ui::widgets::list_cursor::ListCursor;
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use tui_input::Input;

fn framed(frame: &mut Frame, area: Rect, title: &str, bottom: String) -> Rect {
    let popup = popup_area(area);
    clear_popup(frame.buffer_mut(), popup, area);
    let block = Block::bordered()
        .title(Line::styled(format!(" {title} "), theme::title()))
        .title_bottom(Line::from(bottom).right_aligned())
        .border_style(theme::border_focused());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    inner
}

fn rows(
    frame: &mut Frame,
    area: Rect,
    mut head: Vec<Line<'static>>,
    items: Vec<String>,
    cursor: &ListCursor,
) {
    let width = area.width as usize;
    let height = (area.height as usize).saturating_sub(head.len());
    let first = cursor.first_row(cursor.selected(), height);
    for (i, text) in items.into_iter().enumerate().skip(first).take(height) {
        let selected = i == cursor.selected();
        let text = truncate(
            &format!("{}{text}", if selected { "▸ " } else { "  " }),
            width,
        );
        head.push(if selected {
            Line::styled(text, theme::selected())
        } else {
            Line::raw(text)
        });
    }
    frame.render_widget(Paragraph::new(head), area);
}

pub struct PaymentList {
    payments: Vec<Payment>,
    cursor: ListCursor,
    loaded: Loaded,
}

impl PaymentList {
    pub fn load(book: &Book) -> Result<PaymentList> {
        let mut list = PaymentList {
            payments: Vec::new(),
            cursor: ListCursor::with_page(10),
            loaded: Loaded::default(),
        };
        list.reload(book)?;
        Ok(list)
    }

    fn reload(&mut self, book: &Book) -> Result<()> {
        self.payments = book
            .payments()?
            .into_iter()
            .filter(|p| p.to_assign)
            .collect();
        self.cursor.clamp(self.payments.len());
        self.loaded.mark(book);
        Ok(())
    }
}

impl Component for PaymentList {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Payments]
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if self.cursor.navigate(action, self.payments.len()) {
            return Effect::Done;
        }
        match action {
            Action::Close => Effect::Close,
            Action::Help => Effect::Help,
            Action::Submit => match self.payments.get(self.cursor.selected()) {
                Some(p) => Effect::from_result(PupilPicker::load(book, p).map(Effect::open)),
                None => Effect::Done,
            },
            _ => Effect::Done,
        }
    }

    fn refresh(&mut self, book: &Book) -> Result<()> {
        if self.loaded.is_stale(book) {
            self.reload(book)?;
        }
        Ok(())
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        let key = |action| keymap::key_of(Context::Payments, action);
        let bottom = format!(
            " {} attribuer · {} fermer ",
            key(Action::Submit),
            key(Action::Close)
        );
        let inner = framed(frame, area, "Paiements à attribuer", bottom);
        let width = inner.width as usize;
        if self.payments.is_empty() {
            let text = "Aucun paiement à attribuer : chaque paiement en ligne importé a trouvé son élève (ou n'en demande pas).";
            let lines: Vec<Line> = wrap(text, width)
                .into_iter()
                .map(|l| Line::styled(l, theme::note()))
                .collect();
            frame.render_widget(Paragraph::new(lines), inner);
            return;
        }
        let head = vec![
            Line::styled(
                "Le payeur et le formulaire n'ont désigné aucun élève, ou plusieurs :",
                theme::note(),
            ),
            Line::raw(""),
        ];
        let items = self
            .payments
            .iter()
            .map(|p| {
                format!(
                    "{} {} · {} · {}",
                    format_date(p.date),
                    p.payer,
                    p.form,
                    p.amount.fr()
                )
            })
            .collect();
        rows(frame, inner, head, items, &self.cursor);
    }
}

/// Picks the pupil of a payment (or none); typing filters the names.
pub struct PupilPicker {
    payment: i64,
    what: String,
    pupils: Vec<Pupil>,
    pub filter: Input,
    cursor: ListCursor,
    problem: Option<String>,
}

impl PupilPicker {
    pub fn load(book: &Book, payment: &Payment) -> Result<PupilPicker> {
        Ok(PupilPicker {
            payment: payment.id,
            what: format!(
                "{} · {} · {} · {}",
                format_date(payment.date),
                payment.payer,
                payment.form,
                payment.amount.fr()
            ),
            pupils: book.pupils()?,
            filter: Input::default(),
            cursor: ListCursor::with_page(10),
            problem: None,
        })
    }

    /// `None` first ("aucun élève"), then the pupils whose name and class
    /// hold every word typed (accents and case aside).
    fn shown(&self) -> Vec<Option<&Pupil>> {
        let wanted = fold(self.filter.value());
        let words: Vec<&str> = wanted.split_whitespace().collect();
        std::iter::once(None)
            .chain(
                self.pupils
                    .iter()
                    .filter(|p| {
                        let name = fold(&p.display_with_class());
                        words.iter().all(|w| name.contains(w))
                    })
                    .map(Some),
            )
            .collect()
    }

    fn pick(&mut self, book: &mut Book) -> Effect {
        let Some(choice) = self.shown().get(self.cursor.selected()).copied() else {
            return Effect::Done;
        };
        let pupil = choice.map(|p| (p.id, p.display_with_class()));
        match book.assign_payment(self.payment, pupil.as_ref().map(|p| p.0)) {
            Ok(()) => {
                let to = pupil.map_or("aucun élève".to_string(), |p| p.1);
                Effect::Batch(vec![
                    Effect::Close,
                    Effect::info(format!("Paiement attribué : {to}")),
                    Effect::Changed,
                ])
            }
            Err(e) => {
                self.problem = Some(format!("Paiement non attribué : {e}"));
                Effect::Done
            }
        }
    }
}

impl Component for PupilPicker {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::PupilPick]
    }

    fn accepts_text(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        let len = self.shown().len();
        if self.cursor.navigate(action, len) {
            return Effect::Done;
        }
        match action {
            Action::Close => Effect::Close,
            Action::Help => Effect::Help,
            Action::Submit => self.pick(book),
            Action::Type(request) => {
                if crate::ui::widgets::form_frame::type_into(&mut self.filter, request) {
                    // A name typed: the cursor on the first pupil found, so
                    // that Entrée gives it to them, not to "aucun élève".
                    let typed = !self.filter.value().trim().is_empty();
                    let found = self.shown().len() > 1;
                    self.cursor.select(usize::from(typed && found));
                    self.problem = None;
                }
                Effect::Done
            }
            _ => Effect::Done,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        let key = |action| keymap::key_of(Context::PupilPick, action);
        let bottom = format!(
            " {} choisir · {} retour ",
            key(Action::Submit),
            key(Action::Close)
        );
        let inner = framed(frame, area, "Attribuer le paiement", bottom);
        let width = inner.width as usize;
        let typed = self.filter.value();
        let mut head = vec![
            Line::raw(truncate(&format!("Paiement : {}", self.what), width)),
            if typed.is_empty() {
                Line::styled("Élève : tapez une partie du nom", theme::note())
            } else {
                Line::raw(truncate(&format!("Élève : {typed}"), width))
            },
        ];
        if let Some(problem) = &self.problem {
            head.push(Line::styled(
                truncate(&format!("✗ {problem}"), width),
                theme::error(),
            ));
        }
        head.push(Line::raw(""));
        let items = self
            .shown()
            .iter()
            .map(|p| match p {
                Some(p) => p.display_with_class(),
                None => "aucun élève (un don, une famille sans enfant à l'école…)".to_string(),
            })
            .collect();
        rows(frame, inner, head, items, &self.cursor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pupil(id: i64, nom: &str, prenom: &str, class: &str) -> Pupil {
        Pupil {
            id,
            class_id: 1,
            class_name: class.into(),
            family_id: id,
            nom: nom.into(),
            prenom: prenom.into(),
            anonymised: false,
        }
    }

    #[test]
    fn the_pupil_picker_offers_none_first_and_filters_without_accents() {
        let mut picker = PupilPicker {
            payment: 1,
            what: String::new(),
            pupils: vec![
                pupil(1, "Lefèvre", "Théo", "CP-A"),
                pupil(2, "Martin", "Jade", "CP-A"),
                pupil(3, "Martin", "Hugo", "CE1-B"),
            ],
            filter: Input::default(),
            cursor: ListCursor::default(),
            problem: None,
        };
        let names = |p: &PupilPicker| -> Vec<String> {
            p.shown()
                .iter()
                .map(|x| x.map_or("aucun".to_string(), |x| x.display_with_class()))
                .collect()
        };
        assert_eq!(names(&picker).len(), 4);
        assert_eq!(names(&picker)[0], "aucun");
        picker.filter = Input::new("lefevre".into());
        assert_eq!(names(&picker), vec!["aucun", "LEFÈVRE Théo (CP-A)"]);
        picker.filter = Input::new("martin ce1".into());
        assert_eq!(
            names(&picker),
            vec!["aucun", "MARTIN Hugo (CE1-B)"],
            "every word typed, anywhere"
        );
        picker.filter = Input::new("ce1".into());
        assert_eq!(names(&picker), vec!["aucun", "MARTIN Hugo (CE1-B)"]);
    }
}
