//! The chart of accounts from the Écritures tab: list, add, rename, refusal.

use crate::support::ui::*;
use coopcompta::domain::AccountKind;
use coopcompta::ui::App;
use ratatui::crossterm::event::KeyCode;

fn account(app: &App, code: &str) -> Option<(String, AccountKind)> {
    app.book()
        .unwrap()
        .chart()
        .iter()
        .find(|a| a.code == code)
        .map(|a| (a.label.clone(), a.kind))
}

#[test]
fn p_opens_the_chart_80x24() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('p'));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Plan comptable"), "{screen}");
    insta::assert_snapshot!(screen);
    key(&mut app, KeyCode::Esc);
    assert!(!render(&app, 80, 24).contains("Plan comptable ("));
}

#[test]
fn letters_filter_the_chart() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('p'));
    chars(&mut app, "fourn");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("6064"), "{screen}");
    assert!(!screen.contains("62810008"), "{screen}");
    // Échap clears the filter first, then closes.
    key(&mut app, KeyCode::Esc);
    assert!(render(&app, 80, 24).contains("Plan comptable ("));
    key(&mut app, KeyCode::Esc);
    assert!(!render(&app, 80, 24).contains("Plan comptable ("));
}

#[test]
fn an_added_category_is_in_the_book_and_the_entry_picker() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::Char('a'));
    chars(&mut app, "6185");
    tab(&mut app, 1);
    chars(&mut app, "Abonnements");
    tab(&mut app, 2);
    chars(&mut app, "Autres achats et charges externes");
    let form = render(&app, 80, 24);
    insta::assert_snapshot!("add_form_80x24", form);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        account(&app, "6185"),
        Some(("Abonnements".into(), AccountKind::Charge))
    );
    assert_eq!(status_text(&app), "Catégorie 6185 Abonnements ajoutée");
    let list = render(&app, 80, 24);
    assert!(list.contains("6185"), "{list}");
    // Back to the ledgers, a new entry: the picker knows the category.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('n'));
    tab(&mut app, 7);
    chars(&mut app, "abonn");
    let picker = render(&app, 80, 24);
    assert!(picker.contains("6185 Abonnements"), "{picker}");
}

#[test]
fn a_produit_is_toggled_with_the_arrows() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::Char('a'));
    chars(&mut app, "7081");
    tab(&mut app, 1);
    chars(&mut app, "Vente de calendriers");
    tab(&mut app, 1);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        account(&app, "7081"),
        Some(("Vente de calendriers".into(), AccountKind::Produit))
    );
}

#[test]
fn the_selected_category_is_renamed() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('p'));
    chars(&mut app, "6063");
    key(&mut app, KeyCode::Enter); // keeps the filter
    key(&mut app, KeyCode::Char('r'));
    let form = render(&app, 80, 24);
    assert!(form.contains("Renommer la catégorie 6063"), "{form}");
    // The current libellé is prefilled: replace it.
    for _ in 0..60 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "Petit matériel de sport");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        account(&app, "6063"),
        Some(("Petit matériel de sport".into(), AccountKind::Charge))
    );
    assert_eq!(
        status_text(&app),
        "Catégorie 6063 Petit matériel de sport renommée"
    );
}

#[test]
fn a_refused_code_shows_the_error_and_writes_nothing() {
    let mut app = app(book());
    let before = app.book().unwrap().chart().to_vec();
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::Char('a'));
    chars(&mut app, "7999");
    tab(&mut app, 1);
    chars(&mut app, "Divers");
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("code « 7999 » : une charge commence par 6"),
        "{screen}"
    );
    assert!(screen.contains("Divers"), "typed text kept: {screen}");
    insta::assert_snapshot!("refused_code_80x24", screen);
    assert_eq!(app.book().unwrap().chart(), &before[..]);
    // Échap on the changed form asks first; "non" keeps it.
    key(&mut app, KeyCode::Esc);
    assert!(app.is_asking());
    key(&mut app, KeyCode::Char('n'));
    assert!(render(&app, 80, 24).contains("Nouvelle catégorie"));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('o'));
    assert!(!render(&app, 80, 24).contains("Nouvelle catégorie"));
}

#[test]
fn an_existing_code_is_not_renamed_by_the_add_form() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::Char('a'));
    chars(&mut app, "606");
    tab(&mut app, 1);
    chars(&mut app, "Autre chose");
    key(&mut app, KeyCode::Enter);
    assert!(render(&app, 80, 24).contains("déjà au plan comptable"));
    assert_ne!(account(&app, "606").unwrap().0, "Autre chose");
}

#[test]
fn money_accounts_are_not_renamed_here() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('p'));
    chars(&mut app, "/512");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('r'));
    let (text, error) = status_line(&app);
    assert!(error, "{text}");
    assert_eq!(
        text,
        "512 Compte Pro (Swan) : un compte de trésorerie ne se renomme pas ici"
    );
    assert!(!render(&app, 80, 24).contains("Renommer la catégorie"));
    // An unchanged form closes without asking.
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Esc);
    assert!(!app.is_asking());
    assert!(render(&app, 80, 24).contains("Plan comptable ("));
}
