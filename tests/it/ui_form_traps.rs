//! What a first-time user tripped on in the forms: Échap on the open list,
//! errors that stayed after being fixed, the cursor far from the error,
//! keys typed into a hidden form, hints that vanished at 80 columns, the
//! date question asked before the real refusal.

use crate::support::ui::*;
use coopcompta::domain::Exercice;
use coopcompta::ui::App;
use ratatui::crossterm::event::KeyCode;

fn count(app: &App) -> usize {
    app.book()
        .unwrap()
        .entries(Exercice::new(2024))
        .unwrap()
        .len()
}

/// The row of the screen that shows `text`.
fn row_of(screen: &str, text: &str) -> Option<usize> {
    screen.lines().position(|l| l.contains(text))
}

/// A new dépense on the Caisse (the focused pane): amount and label typed,
/// the cursor left on the category.
fn depense(app: &mut App, amount: &str) {
    key(app, KeyCode::Char('n'));
    tab(app, 4);
    chars(app, amount);
    tab(app, 1);
    chars(app, "Ballons pour la récréation");
    tab(app, 2);
}

/// A dépense of 100 € ventilated on 62810008 (80 €) and a second line
/// whose code is `code`, with no part.
fn ventilated(app: &mut App, code: &str) {
    key(app, KeyCode::Char('n'));
    tab(app, 4);
    chars(app, "100");
    tab(app, 1);
    chars(app, "Cotisation et assurance");
    tab(app, 2);
    chars(app, "62810008");
    key(app, KeyCode::F(2));
    chars(app, "80");
    tab(app, 1);
    chars(app, code);
}

#[test]
fn escape_on_the_open_list_closes_the_list_not_the_form() {
    let mut app = app(book());
    depense(&mut app, "12");
    chars(&mut app, "fourn");
    assert!(
        render_small(&app).contains("Catégories ("),
        "the list is open"
    );
    key(&mut app, KeyCode::Esc);
    let screen = render_small(&app);
    assert!(!app.is_asking(), "no question about the whole entry");
    assert!(app.form_open());
    assert!(
        !screen.contains("Catégories ("),
        "the list is closed: {screen}"
    );
    assert!(screen.contains("fourn"), "what was typed stays: {screen}");
    // The list closed, Échap is the form's again; typing opens the list.
    chars(&mut app, "i");
    assert!(render_small(&app).contains("Catégories ("));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert!(app.is_asking(), "then Échap asks to abandon the entry");
}

#[test]
fn a_fixed_amount_loses_its_error_at_once() {
    let mut app = app(book());
    depense(&mut app, "12,345");
    chars(&mut app, "6063");
    key(&mut app, KeyCode::Enter); // picks 6063
    key(&mut app, KeyCode::Enter);
    let error = "« 12,345 » a plus de deux décimales";
    assert!(render_small(&app).contains(error));
    // The cursor is on the amount: one character less fixes it.
    key(&mut app, KeyCode::Backspace);
    let screen = render_small(&app);
    assert!(
        !screen.contains("✗"),
        "the error went with the fix: {screen}"
    );
    // Still wrong after another key: the error is back, about the new text.
    chars(&mut app, "x");
    assert!(
        render_small(&app).contains("✗ « 12,34x » n'est pas un montant"),
        "{}",
        render_small(&app)
    );
}

#[test]
fn the_ventilation_line_never_shows_complete_and_an_error_at_once() {
    let mut app = app(book());
    ventilated(&mut app, "61681008");
    key(&mut app, KeyCode::Enter); // picks 61681008
    key(&mut app, KeyCode::Enter);
    let screen = render_small(&app);
    let line = row_of(&screen, "▸ Ventilation 2").expect("the cursor on line 2");
    assert_eq!(
        row_of(&screen, "✗ 61681008 : montant vide"),
        Some(line + 1),
        "{screen}"
    );
    // A part that does not add up: said once, on the line of what is left.
    chars(&mut app, "10");
    let screen = render_small(&app);
    assert!(screen.contains("Reste à ventiler 10,00 €"), "{screen}");
    assert!(
        screen.contains("✗ la ventilation fait 90,00 € pour un montant de 100,00 €"),
        "{screen}"
    );
    ctrl(&mut app, 'u');
    chars(&mut app, "20");
    let screen = render_small(&app);
    assert!(screen.contains("Ventilation complète"), "{screen}");
    assert!(!screen.contains("✗"), "and no error beside it: {screen}");
}

#[test]
fn a_recette_on_the_compte_pro_is_never_offered_the_cheque() {
    // The cheque error once stayed after the mode changed; now the form
    // never offers a mode the books refuse for a recette.
    let mut app = app(book());
    let before = count(&app);
    key(&mut app, KeyCode::Char('n'));
    tab(&mut app, 1);
    key(&mut app, KeyCode::Right); // Recette
    tab(&mut app, 2);
    key(&mut app, KeyCode::Right); // Compte Pro
    tab(&mut app, 1);
    chars(&mut app, "15");
    tab(&mut app, 1);
    chars(&mut app, "Photos de classe");
    tab(&mut app, 2);
    chars(&mut app, "7070");
    key(&mut app, KeyCode::Enter); // picks 7070
    shift(&mut app, KeyCode::BackTab);
    let mode_line = |app: &App| {
        render_small(app)
            .lines()
            .find(|l| l.contains("Mode"))
            .unwrap_or_default()
            .to_string()
    };
    let mut seen = Vec::new();
    for _ in 0..4 {
        key(&mut app, KeyCode::Left);
        let line = mode_line(&app);
        assert!(!line.contains("chèque"), "{line}");
        seen.push(line);
    }
    assert!(seen.iter().any(|l| l.contains("carte")), "{seen:?}");
    key(&mut app, KeyCode::Enter);
    let screen = render_small(&app);
    assert!(
        !screen.contains("les chèques ne sont plus acceptés"),
        "{screen}"
    );
    assert!(!screen.contains("✗"), "{screen}");
    assert_eq!(count(&app), before + 1, "saved: {screen}");
}

#[test]
fn a_transfer_error_goes_when_it_is_fixed() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('v'));
    tab(&mut app, 4);
    chars(&mut app, "abc");
    tab(&mut app, 1);
    chars(&mut app, "Dépôt");
    key(&mut app, KeyCode::Enter);
    assert!(render_small(&app).contains("✗ « abc » n'est pas un montant"));
    // The cursor went to the amount.
    ctrl(&mut app, 'u');
    chars(&mut app, "20");
    assert!(!render_small(&app).contains("✗"), "{}", render_small(&app));
}

#[test]
fn setup_errors_follow_what_is_typed() {
    let mut app = App::new(
        coopcompta::ui::Start::NeedsSetup(coopcompta::store::open_in_memory().unwrap()),
        info(),
        clock(),
    );
    chars(&mut app, "Coop de l'école des Lilas");
    tab(&mut app, 1);
    ctrl(&mut app, 'u');
    chars(&mut app, "2024-2026");
    key(&mut app, KeyCode::Enter);
    assert!(app.book().is_none());
    let wrong = render_small(&app);
    assert!(wrong.contains("✗"), "{wrong}");
    // One key less is still wrong: the error stays, about the new text.
    key(&mut app, KeyCode::Backspace);
    let still = render_small(&app);
    assert!(still.contains("✗"), "still wrong, still said: {still}");
    chars(&mut app, "5");
    let fixed = render_small(&app);
    assert!(!fixed.contains("✗"), "fixed, the error went: {fixed}");
    key(&mut app, KeyCode::Enter);
    assert!(app.book().is_some());
}

/// Enter on a ventilation with an unknown code: the cursor goes to the
/// faulty line (not line 1), the message shows under it, no list covers it.
#[test]
fn enter_puts_the_cursor_on_the_faulty_ventilation_line() {
    let mut app = app(book());
    let before = count(&app);
    ventilated(&mut app, "999");
    tab(&mut app, 1);
    chars(&mut app, "20");
    shift(&mut app, KeyCode::BackTab); // back on the code: the list opens
    assert!(render_small(&app).contains("Catégories ("));
    key(&mut app, KeyCode::Esc); // closes the list
    key(&mut app, KeyCode::Enter);
    assert_eq!(count(&app), before, "nothing written");
    assert!(app.form_open() && !app.is_asking());
    let screen = render_small(&app);
    assert!(screen.contains("▸ Ventilation 2"), "{screen}");
    assert!(
        !screen.contains("Catégories ("),
        "no list over it: {screen}"
    );
    let error = "✗ « 999 » n'existe pas dans le plan comptable";
    let line = row_of(&screen, "Ventilation 2").unwrap();
    assert_eq!(
        row_of(&screen, error),
        Some(line + 1),
        "the error is under its line: {screen}"
    );
    assert_screens!("a_faulty_ventilation_line", app);
}

/// Enter from the open list of a faulty first line (nothing matches, the
/// list closes) then Enter again: the cursor stays on line 1, no list.
#[test]
fn a_refused_category_shows_under_its_field_without_the_list() {
    let mut app = app(book());
    depense(&mut app, "12");
    chars(&mut app, "zzz");
    key(&mut app, KeyCode::Enter); // nothing to pick: the list closes
    key(&mut app, KeyCode::Enter);
    let screen = render_small(&app);
    let field = row_of(&screen, "▸ Catégorie").expect("the cursor on the category");
    assert_eq!(
        row_of(&screen, "✗ « zzz » n'existe pas dans le plan comptable"),
        Some(field + 1),
        "{screen}"
    );
    assert!(!screen.contains("Catégories ("), "{screen}");
}

#[test]
fn keys_typed_while_the_terminal_is_too_small_are_ignored() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('n'));
    tab(&mut app, 5);
    render(&app, 80, 24);
    let too_small = render(&app, 60, 20);
    assert!(too_small.contains("Agrandissez le terminal"), "{too_small}");
    chars(&mut app, "Ballons");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(app.form_open() && !app.is_asking(), "{screen}");
    assert!(
        !screen.contains("Ballons"),
        "nothing typed reached it: {screen}"
    );
    chars(&mut app, "Ballons");
    assert!(render_small(&app).contains("Ballons"), "big enough again");

    // Quitting still works.
    let mut app = crate::support::ui::app(book());
    render(&app, 60, 20);
    key(&mut app, KeyCode::Char('n'));
    assert!(!app.form_open());
    key(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn the_hint_bar_at_80_columns_keeps_the_most_useful_keys() {
    let app = app(book());
    let screen = render_small(&app);
    let bar = screen.lines().last().unwrap();
    for hint in [
        "n  nouvelle",
        "v  virement",
        "/  filtrer",
        "c  compte",
        "p  plan",
        "?  aide",
    ] {
        assert!(bar.contains(hint), "{hint}: {bar}");
    }
    // A crowded form: the help stays.
    let mut app = app;
    key(&mut app, KeyCode::Char('n'));
    tab(&mut app, 7);
    chars(&mut app, "fourn");
    let screen = render_small(&app);
    let bar = screen.lines().last().unwrap();
    for hint in ["Échap  fermer la liste", "F1  aide", "Entrée  choisir"] {
        assert!(bar.contains(hint), "{hint}: {bar}");
    }
}

/// A 200 € dépense on the caisse (176,10 €) dated after today: refused for
/// the caisse first, no question; once the amount is fixed the error goes,
/// and only then is the date asked about.
#[test]
fn the_future_date_is_asked_about_only_when_nothing_else_is_wrong() {
    let mut app = app(book());
    let before = count(&app);
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('n'));
    chars(&mut app, "12/03/2025");
    tab(&mut app, 4);
    chars(&mut app, "200");
    tab(&mut app, 1);
    chars(&mut app, "Ballons pour la récréation");
    tab(&mut app, 2);
    chars(&mut app, "6063");
    key(&mut app, KeyCode::Enter); // picks 6063
    key(&mut app, KeyCode::Enter);
    assert!(!app.is_asking(), "no question while the caisse refuses");
    let screen = render_small(&app);
    assert!(
        screen.contains("✗ la Caisse passerait à -23,90 € le 12/03/2025"),
        "{screen}"
    );
    assert!(screen.contains("▸ Montant"), "{screen}");
    assert_eq!((count(&app), audit_rows(&app)), (before, audit));

    ctrl(&mut app, 'u');
    chars(&mut app, "20");
    let fixed = render_small(&app);
    assert!(!fixed.contains("✗"), "the caisse error went: {fixed}");
    key(&mut app, KeyCode::Enter);
    assert!(app.is_asking(), "now the date is asked about");
    let question = render_small(&app);
    assert!(question.contains("Entrée/o  oui"), "{question}");
    assert!(question.contains("Échap/n  non"), "{question}");
    assert!(
        !question.contains("✗"),
        "no old error behind it: {question}"
    );
    key(&mut app, KeyCode::Enter);
    assert!(!app.form_open());
    assert_eq!(count(&app), before + 1);
    assert_eq!(audit_rows(&app), audit + 1, "the dry run wrote nothing");
}

/// Every question answers to the same keys, shown the same way.
#[test]
fn every_question_takes_entree_or_o_for_yes() {
    let mut app = app(book());
    let before = count(&app);
    key(&mut app, KeyCode::Char('x'));
    assert!(app.is_asking());
    let question = render_small(&app);
    assert!(question.contains("Entrée/o  oui"), "{question}");
    assert!(question.contains("Échap/n  non"), "{question}");
    key(&mut app, KeyCode::Enter);
    assert!(!app.is_asking());
    assert_eq!(count(&app), before + 1, "the reversal is recorded");
}

/// After a refusal every field follows what is typed, but a category being
/// searched in the open list is no error yet.
#[test]
fn a_category_being_searched_shows_no_error() {
    let mut app = app(book());
    depense(&mut app, "12");
    key(&mut app, KeyCode::Esc); // closes the list
    key(&mut app, KeyCode::Enter); // refused: no category
    assert!(render_small(&app).contains("✗ aucune catégorie"));
    chars(&mut app, "fourn");
    let screen = render_small(&app);
    assert!(screen.contains("Catégories ("), "{screen}");
    assert!(!screen.contains("✗"), "{screen}");
    key(&mut app, KeyCode::Esc);
    assert!(
        render_small(&app).contains("✗ « fourn » n'existe pas dans le plan comptable"),
        "the list closed, the error shows"
    );
}
