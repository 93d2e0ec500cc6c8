//! The arrêté de caisse popup, drawn alone on a `TestBackend` (the Clôture
//! tab opens it): the notes and coins typed update the total and the
//! difference live; a difference offers the adjustment and its reason;
//! saving records the count through the books.

use crate::support::ui::{SMALL, WIDE, book};
use coopcompta::book::Book;
use coopcompta::domain::Exercice;
use coopcompta::ui::Action;
use coopcompta::ui::component::{Component, Effect};
use coopcompta::ui::keymap::Context;
use coopcompta::ui::popups::cash_count::{CashCountForm, Id};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_input::InputRequest;

fn screen(form: &CashCountForm, book: &Book, (width, height): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| form.draw(frame, frame.area(), book))
        .unwrap();
    terminal.backend().to_string()
}

macro_rules! assert_form_screens {
    ($name:literal, $form:expr, $book:expr) => {{
        insta::assert_snapshot!(concat!($name, "_80x24"), screen(&$form, &$book, SMALL));
        insta::assert_snapshot!(concat!($name, "_160x48"), screen(&$form, &$book, WIDE));
    }};
}

fn go_to(form: &mut CashCountForm, book: &mut Book, id: Id) {
    for _ in 0..30 {
        if form.focused() == Some(id) {
            return;
        }
        form.update(Action::NextField, book);
    }
    panic!("{id:?} never focused");
}

fn type_in(form: &mut CashCountForm, book: &mut Book, text: &str) {
    for c in text.chars() {
        form.update(Action::Type(InputRequest::InsertChar(c)), book);
    }
}

/// Types how many of `DENOMINATIONS[i]` for each `(i, text)`.
fn count(form: &mut CashCountForm, book: &mut Book, counts: &[(usize, &str)]) {
    for (i, text) in counts {
        go_to(form, book, Id::Count(*i));
        type_in(form, book, text);
    }
}

/// 176,10 € in the caisse on 15/10/2024: 100 + 50 + 20 + 5 + 1 + 0,10.
const EXACT: [(usize, &str); 6] = [(2, "1"), (3, "1"), (4, "1"), (6, "1"), (8, "1"), (11, "1")];

#[test]
fn the_form_lists_every_note_and_coin_with_the_caisse_in_the_books() {
    let book = book();
    let form = CashCountForm::new(&book);
    assert_eq!(form.focused(), Some(Id::Date));
    assert_eq!(form.contexts(), [Context::Form]);
    assert_form_screens!("empty", form, book);
    let mut book = book;
    let mut form = form;
    assert!(matches!(
        form.update(Action::Submit, &mut book),
        Effect::Done
    ));
    let shown = screen(&form, &book, WIDE);
    assert!(
        shown.contains(
            "✗ aucun nombre tapé : tapez combien de billets et de pièces de chaque valeur"
        ),
        "{shown}"
    );
    assert_eq!(book.cash_counts(Exercice::new(2024)).unwrap(), []);
}

#[test]
fn typed_counts_update_the_total_and_a_match_says_so() {
    let mut book = book();
    let mut form = CashCountForm::new(&book);
    count(&mut form, &mut book, &[(4, "3")]);
    let shown = screen(&form, &book, WIDE);
    assert!(
        shown.contains(&format!("{:<40} {:>14}", "Total compté", "60,00 €")),
        "{shown}"
    );
    assert!(
        shown.contains("Écart : −116,10 € (il manque 116,10 € dans la caisse)"),
        "{shown}"
    );
    form.update(Action::Type(InputRequest::DeletePrevChar), &mut book);
    count(&mut form, &mut book, &EXACT);
    assert_form_screens!("exact", form, book);
    let shown = screen(&form, &book, WIDE);
    assert!(shown.contains("La caisse est juste."), "{shown}");
    assert!(!shown.contains("Suite"), "nothing to book: {shown}");
    go_to(&mut form, &mut book, Id::Who);
    type_in(&mut form, &mut book, "Mme Martin");
    let entries = book.entries(book.exercice()).unwrap().len();
    let effect = form.update(Action::Submit, &mut book);
    assert!(matches!(effect, Effect::Batch(_)), "saved and closed");
    let counts = book.cash_counts(Exercice::new(2024)).unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!(counts[0].counted.std(), "176.10");
    assert_eq!(counts[0].counted_by, "Mme Martin");
    assert_eq!(book.entries(book.exercice()).unwrap().len(), entries);
}

#[test]
fn a_difference_offers_the_adjustment_with_a_reason() {
    let mut book = book();
    let mut form = CashCountForm::new(&book);
    // 170,00 €: 6,10 € missing.
    count(&mut form, &mut book, &[(2, "1"), (3, "1"), (4, "1")]);
    go_to(&mut form, &mut book, Id::Follow);
    assert_eq!(form.contexts(), [Context::Choice, Context::Form]);
    form.update(Action::ChoiceNext, &mut book);
    assert_form_screens!("difference", form, book);
    go_to(&mut form, &mut book, Id::Reason);
    let effect = form.update(Action::Submit, &mut book);
    assert!(matches!(effect, Effect::Done), "refused: stays open");
    let shown = screen(&form, &book, WIDE);
    assert!(
        shown.contains(
            "✗ vide : expliquez l'écart (ex. « erreur de rendu de monnaie à la kermesse »)"
        ),
        "{shown}"
    );
    assert_eq!(book.cash_counts(Exercice::new(2024)).unwrap(), []);
    type_in(&mut form, &mut book, "rendu de monnaie");
    let effect = form.update(Action::Submit, &mut book);
    assert!(matches!(effect, Effect::Batch(_)), "saved and closed");
    let counts = book.cash_counts(Exercice::new(2024)).unwrap();
    assert_eq!(counts[0].difference().std(), "-6.10");
    let piece = counts[0].adjustment.clone().unwrap();
    let entry = book
        .entries(book.exercice())
        .unwrap()
        .into_iter()
        .find(|e| e.piece == piece)
        .unwrap();
    assert_eq!(
        entry.label,
        "Écart d'arrêté de caisse du 15/10/2024 : rendu de monnaie"
    );
    // The next form lists it, and the Caisse now says 170,00 €.
    let mut form = CashCountForm::new(&book);
    count(&mut form, &mut book, &[(2, "1"), (3, "1"), (4, "1")]);
    let shown = screen(&form, &book, WIDE);
    assert!(shown.contains("La caisse est juste."), "{shown}");
    assert_form_screens!("previous", form, book);
}

#[test]
fn a_new_date_changes_the_caisse_in_the_books_and_bad_input_is_shown() {
    let mut book = book();
    let mut form = CashCountForm::new(&book);
    // Before the 200,00 € deposit of 23/09 the caisse held 395,00 €.
    type_in(&mut form, &mut book, "20/09/2024");
    count(&mut form, &mut book, &[(0, "x")]);
    let shown = screen(&form, &book, WIDE);
    assert!(
        shown.contains(&format!(
            "{:<40} {:>14}",
            "Caisse dans les livres au 20/09/2024", "395,00 €"
        )),
        "{shown}"
    );
    assert!(
        shown.contains("✗ 500 € : « x » n'est pas un nombre entier (combien de billets)"),
        "{shown}"
    );
    assert!(
        shown.contains("Écart : corrigez d'abord les nombres en rouge"),
        "{shown}"
    );
    assert!(matches!(
        form.update(Action::Submit, &mut book),
        Effect::Done
    ));
    assert_eq!(book.cash_counts(Exercice::new(2024)).unwrap(), []);
    // An empty caisse: 0 typed.
    go_to(&mut form, &mut book, Id::Count(0));
    form.update(Action::Type(InputRequest::DeletePrevChar), &mut book);
    type_in(&mut form, &mut book, "0");
    go_to(&mut form, &mut book, Id::Date);
    type_in(&mut form, &mut book, "16/10/2024");
    assert!(matches!(
        form.update(Action::Submit, &mut book),
        Effect::Done
    ));
    let shown = screen(&form, &book, WIDE);
    assert!(
        shown.contains("✗ « 16/10/2024 » est dans le futur : une caisse se compte au plus tard"),
        "{shown}"
    );
    assert_form_screens!("future", form, book);
}
