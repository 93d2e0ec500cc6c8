//! The chart of accounts from the Écritures tab: list, search, add, change
//! a category's libellé or CRF heading, refusal.

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
    key(&mut app, KeyCode::F(2));
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
    ctrl(&mut app, 'n');
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
    key(&mut app, KeyCode::Enter); // the selected row
    let form = render(&app, 80, 24);
    assert!(form.contains("Modifier la catégorie 6063"), "{form}");
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
        "Catégorie 6063 Petit matériel de sport modifiée"
    );
}

#[test]
fn a_refused_code_shows_the_error_and_writes_nothing() {
    let mut app = app(book());
    let before = app.book().unwrap().chart().to_vec();
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::F(2));
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
    key(&mut app, KeyCode::F(2));
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
    // `/`, the ledgers' filter key, is harmless: the search is always on.
    chars(&mut app, "/512");
    key(&mut app, KeyCode::Enter);
    let (text, error) = status_line(&app);
    assert!(error, "{text}");
    assert_eq!(
        text,
        "512 Compte Pro (Swan) : un compte de trésorerie ne se modifie pas ici"
    );
    assert!(!render(&app, 80, 24).contains("Modifier la catégorie"));
    // An unchanged form closes without asking.
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::Esc);
    assert!(!app.is_asking());
    assert!(render(&app, 80, 24).contains("Plan comptable ("));
}

/// The search line's text, read from the screen.
fn search_line(app: &App) -> String {
    render(app, 80, 24)
        .lines()
        .find(|l| l.contains("Chercher :"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn typing_words_in_the_chart_never_runs_a_command() {
    let mut app = app(book());
    let before = app.book().unwrap().chart().to_vec();
    key(&mut app, KeyCode::Char('p'));
    // `rec` used to open "Renommer" (r) with "ec" typed into the libellé.
    chars(&mut app, "rec");
    let screen = render(&app, 80, 24);
    assert!(!screen.contains("Modifier la catégorie"), "{screen}");
    assert!(!screen.contains("Renommer"), "{screen}");
    assert!(search_line(&app).contains("Chercher : rec"), "{screen}");
    // `assur` used to open "Nouvelle catégorie" (a) with code "ssur".
    key(&mut app, KeyCode::Esc);
    chars(&mut app, "assur");
    let screen = render(&app, 80, 24);
    assert!(!screen.contains("Nouvelle catégorie"), "{screen}");
    assert!(screen.contains("61681008  Assurance OCCE"), "{screen}");
    assert!(!screen.contains("6251"), "{screen}");
    insta::assert_snapshot!("search_assur_80x24", screen);
    // Every letter of the alphabet, and `?`, are search text.
    key(&mut app, KeyCode::Esc);
    chars(&mut app, "abcdefghijklmnopqrstuvwxyz?");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Plan comptable (0 sur"), "{screen}");
    assert!(
        search_line(&app).contains("abcdefghijklmnopqrstuvwxyz?"),
        "{screen}"
    );
    assert!(!app.is_asking());
    assert_eq!(app.book().unwrap().chart(), &before[..]);
}

#[test]
fn the_chart_hint_bar_names_keys_that_cannot_be_typing() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('p'));
    let screen = render(&app, 80, 24);
    let hints = screen.lines().last().unwrap().to_string();
    assert!(hints.contains("Entrée  modifier"), "{hints}");
    assert!(hints.contains("F2  ajouter"), "{hints}");
    assert!(!hints.contains(" a  "), "{hints}");
    assert!(!hints.contains(" r  "), "{hints}");
    assert!(
        search_line(&app).contains("tapez un code ou un mot du libellé"),
        "{screen}"
    );
}

fn heading_of(app: &App, code: &str) -> Option<String> {
    app.book()
        .unwrap()
        .chart()
        .iter()
        .find(|a| a.code == code)
        .and_then(|a| a.crf_heading.clone())
}

#[test]
fn a_heading_typed_without_accents_is_the_known_one() {
    let mut app = app(book());
    let headings = app.book().unwrap().crf_headings();
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::F(2));
    chars(&mut app, "6186");
    tab(&mut app, 1);
    chars(&mut app, "Sorties au musée");
    tab(&mut app, 2);
    chars(&mut app, "Activites educ");
    let form = render(&app, 80, 24);
    // The known heading is offered under the field, Entrée takes it.
    assert!(form.contains("Activités éducatives"), "{form}");
    assert!(form.contains("▸ Activités éducatives"), "{form}");
    assert_screens!("heading_picker", &app);
    key(&mut app, KeyCode::Enter);
    let taken = render(&app, 80, 24);
    assert!(
        taken.contains("Rubrique CRF  Activités éducatives"),
        "{taken}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        heading_of(&app, "6186").as_deref(),
        Some("Activités éducatives")
    );
    assert_eq!(app.book().unwrap().crf_headings(), headings);
}

#[test]
fn a_new_heading_is_said_new_and_kept() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::F(2));
    chars(&mut app, "6187");
    tab(&mut app, 1);
    chars(&mut app, "Jardin de l'école");
    tab(&mut app, 2);
    chars(&mut app, "Jardinage");
    let form = render(&app, 80, 24);
    assert!(form.contains("« Jardinage » : nouvelle rubrique"), "{form}");
    // Nothing to take: Entrée saves.
    key(&mut app, KeyCode::Enter);
    assert_eq!(heading_of(&app, "6187").as_deref(), Some("Jardinage"));
    assert!(
        app.book()
            .unwrap()
            .crf_headings()
            .contains(&"Jardinage".to_string())
    );
}

#[test]
fn an_existing_category_heading_is_changed_from_the_list() {
    let mut app = app(book());
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('p'));
    chars(&mut app, "6183");
    key(&mut app, KeyCode::Enter);
    tab(&mut app, 1);
    for _ in 0..40 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "frais banc");
    key(&mut app, KeyCode::Down);
    let form = render(&app, 80, 24);
    assert!(form.contains("Modifier la catégorie 6183"), "{form}");
    insta::assert_snapshot!("edit_heading_80x24", form);
    key(&mut app, KeyCode::Enter); // takes "Frais bancaires"
    key(&mut app, KeyCode::Enter); // saves
    assert_eq!(heading_of(&app, "6183").as_deref(), Some("Frais bancaires"));
    assert_eq!(
        status_text(&app),
        "Catégorie 6183 Livres, abonnements et documentation modifiée"
    );
    assert_eq!(audit_rows(&app), audit + 1);
    // Emptied, the heading is removed, in one more write.
    key(&mut app, KeyCode::Enter);
    tab(&mut app, 1);
    for _ in 0..40 {
        key(&mut app, KeyCode::Backspace);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(heading_of(&app, "6183"), None);
    assert_eq!(audit_rows(&app), audit + 2);
}
