//! First launch on an empty database.

use crate::support::ui::*;
use coopcompta::domain::{Exercice, MoneyKey};
use coopcompta::store::open_in_memory;
use coopcompta::ui::{App, Start};
use ratatui::crossterm::event::KeyCode;

fn setup_app() -> App {
    App::new(
        Start::NeedsSetup(open_in_memory().unwrap()),
        info(),
        clock(),
    )
}

#[test]
fn setup_form_80x24() {
    let app = setup_app();
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn setup_refuses_with_reasons_then_creates_the_coop() {
    let mut app = setup_app();
    key(&mut app, KeyCode::Enter);
    assert!(app.book().is_none());
    assert!(render(&app, 80, 24).contains("vide : saisissez le nom"));

    chars(&mut app, "Coopérative scolaire OCCE de l'école Jules Ferry");
    tab(&mut app, 1);
    ctrl(&mut app, 'u');
    chars(&mut app, "2024-2026");
    tab(&mut app, 1);
    ctrl(&mut app, 'u');
    chars(&mut app, "86,405");
    key(&mut app, KeyCode::Enter);
    assert!(
        app.book().is_none(),
        "nothing is created while a field is wrong"
    );
    let screen = render(&app, 80, 24);
    insta::assert_snapshot!("setup_with_errors_80x24", screen);

    // The cursor went to the first wrong field, the exercice.
    ctrl(&mut app, 'u');
    chars(&mut app, "2024-2025");
    tab(&mut app, 1);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Enter);
    let book = app.book().expect("the coop is created");
    assert_eq!(book.exercice(), Exercice::new(2024));
    assert_eq!(
        book.coop().name,
        "Coopérative scolaire OCCE de l'école Jules Ferry"
    );
    let balances = book.balances(Exercice::new(2024), None).unwrap();
    let caisse = balances
        .iter()
        .find(|(k, _)| *k == MoneyKey::Caisse)
        .unwrap()
        .1;
    assert_eq!(caisse.fr(), "86,40 €");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("86,40 €") && screen.contains("Coopérative créée"),
        "{screen}"
    );
}

#[test]
fn a_negative_caisse_is_refused_under_its_field() {
    let mut app = setup_app();
    chars(&mut app, "Coop de l'école des Lilas");
    tab(&mut app, 2);
    ctrl(&mut app, 'u');
    chars(&mut app, "-5");
    key(&mut app, KeyCode::Enter);
    assert!(app.book().is_none());
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Caisse « -5,00 € » : une caisse ne peut pas"),
        "{screen}"
    );
    ctrl(&mut app, 'u');
    chars(&mut app, "5");
    key(&mut app, KeyCode::Enter);
    assert!(app.book().is_some(), "the same connection is still usable");
}

#[test]
fn esc_asks_before_leaving_a_started_setup() {
    let mut app = setup_app();
    chars(&mut app, "Coop");
    key(&mut app, KeyCode::Esc);
    assert!(app.is_asking());
    key(&mut app, KeyCode::Char('n'));
    assert!(!app.should_quit());
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('o'));
    assert!(app.should_quit());
}
