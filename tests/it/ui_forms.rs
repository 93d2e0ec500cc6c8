//! The entry and transfer forms, driven by keys.

use crate::support::ui::*;
use coopcompta::domain::{EntryKind, Exercice, Money};
use ratatui::crossterm::event::KeyCode;

fn count(app: &coopcompta::ui::App) -> usize {
    app.book()
        .unwrap()
        .entries(Exercice::new(2024))
        .unwrap()
        .len()
}

/// Opens a new dépense on the focused pane (Caisse) and fills it, leaving
/// the amount as given.
fn fill(app: &mut coopcompta::ui::App, amount: &str) {
    key(app, KeyCode::Char('n'));
    // Date, Nature, Pièce, Compte: keep the defaults.
    tab(app, 4);
    chars(app, amount);
    tab(app, 1);
    chars(app, "Ballons pour la récréation");
    tab(app, 2);
    chars(app, "6063");
    key(app, KeyCode::Enter); // picks 6063 in the list
}

#[test]
fn entry_form_with_an_amount_error_80x24() {
    let mut app = app(book());
    fill(&mut app, "12,345");
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn entry_form_with_an_amount_error_160x48() {
    let mut app = app(book());
    fill(&mut app, "12,345");
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render(&app, 160, 48));
}

#[test]
fn a_typed_entry_is_recorded_and_selected() {
    // The kermesse filled the caisse: there is cash for a large expense.
    let mut book = book();
    let mut kermesse = coopcompta::domain::entry_request::EntryRequest::blank(
        EntryKind::Recette,
        coopcompta::domain::MoneyKey::Caisse,
        "01/10/2024",
        "",
    );
    kermesse.amount = "1 500".into();
    kermesse.label = "Kermesse".into();
    kermesse.splits[0].code = "7560".into();
    book.add_entry(&kermesse).unwrap();
    let mut app = app(book);
    let before = count(&app);
    fill(&mut app, "1 234,50");
    key(&mut app, KeyCode::Enter);
    assert!(!app.form_open(), "the form closes after saving");
    let entries = app.book().unwrap().entries(Exercice::new(2024)).unwrap();
    assert_eq!(entries.len(), before + 1);
    let new = entries
        .iter()
        .find(|e| e.label == "Ballons pour la récréation")
        .unwrap();
    assert_eq!(new.piece, "D005");
    assert_eq!(new.kind, EntryKind::Depense);
    assert_eq!(new.amount_on("530"), Money::from_cents(-123_450));
    assert_eq!(
        new.date,
        chrono::NaiveDate::from_ymd_opt(2024, 10, 15).unwrap()
    );
    assert_eq!(app.status().unwrap().text, "D005 enregistrée");
}

#[test]
fn a_refused_entry_writes_nothing_and_keeps_the_text() {
    let mut app = app(book());
    let before = count(&app);
    fill(&mut app, "0");
    key(&mut app, KeyCode::Enter);
    assert!(app.form_open());
    assert_eq!(count(&app), before);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("le montant doit être supérieur à zéro"),
        "{screen}"
    );
    assert!(screen.contains("Ballons pour la récréation"), "{screen}");
}

#[test]
fn esc_on_a_dirty_form_asks_before_throwing_away() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Esc);
    assert!(!app.form_open(), "an untouched form closes at once");

    key(&mut app, KeyCode::Char('n'));
    tab(&mut app, 5);
    chars(&mut app, "Sortie");
    key(&mut app, KeyCode::Esc);
    assert!(app.is_asking());
    assert!(render(&app, 80, 24).contains("Abandonner la saisie ?"));
    key(&mut app, KeyCode::Char('n'));
    assert!(app.form_open() && !app.is_asking(), "no keeps the form");
    assert!(render(&app, 80, 24).contains("Sortie"));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('o'));
    assert!(!app.form_open(), "yes throws the text away");
}

#[test]
fn ventilation_shows_what_is_left_and_saves_when_it_adds_up() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('n'));
    tab(&mut app, 1);
    key(&mut app, KeyCode::Right); // Recette
    tab(&mut app, 3);
    chars(&mut app, "100");
    tab(&mut app, 1);
    chars(&mut app, "Adhésion et participation");
    tab(&mut app, 2);
    chars(&mut app, "7562");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::F(2));
    chars(&mut app, "80");
    assert!(render(&app, 80, 24).contains("Reste à ventiler 20,00 €"));
    tab(&mut app, 1);
    chars(&mut app, "748");
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "20");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("reste à ventiler 0,00 €"), "{screen}");
    key(&mut app, KeyCode::Enter);
    assert!(!app.form_open(), "{}", render(&app, 80, 24));
    let entries = app.book().unwrap().entries(Exercice::new(2024)).unwrap();
    let new = entries
        .iter()
        .find(|e| e.label == "Adhésion et participation")
        .unwrap();
    assert_eq!(new.piece, "R003");
    assert_eq!(new.lines.len(), 3);
    assert_eq!(new.amount_on("748"), Money::from_cents(-2_000));
}

#[test]
fn a_transfer_moves_money_between_two_accounts() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('v'));
    tab(&mut app, 4);
    chars(&mut app, "50");
    tab(&mut app, 1);
    chars(&mut app, "Dépôt de la caisse");
    key(&mut app, KeyCode::Enter);
    assert!(!app.form_open(), "{}", render(&app, 80, 24));
    let entries = app.book().unwrap().entries(Exercice::new(2024)).unwrap();
    let new = entries
        .iter()
        .find(|e| e.label == "Dépôt de la caisse")
        .unwrap();
    assert_eq!(new.piece, "V002");
    assert_eq!(new.amount_on("530"), Money::from_cents(-5_000));
    assert_eq!(new.amount_on("512"), Money::from_cents(5_000));
}

#[test]
fn transfer_form_80x24() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('v'));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn editing_keeps_the_piece_and_changes_the_amount() {
    let mut app = app(book());
    key(&mut app, KeyCode::Tab); // Compte Pro pane, last row: D004 Car musée
    key(&mut app, KeyCode::Char('e'));
    tab(&mut app, 4);
    ctrl(&mut app, 'u');
    chars(&mut app, "245,50");
    key(&mut app, KeyCode::Enter);
    assert!(!app.form_open(), "{}", render(&app, 80, 24));
    assert_eq!(app.status().unwrap().text, "D004 modifiée");
    let entries = app.book().unwrap().entries(Exercice::new(2024)).unwrap();
    let car = entries.iter().find(|e| e.piece == "D004").unwrap();
    assert_eq!(car.amount_on("512"), Money::from_cents(-24_550));
}

#[test]
fn the_category_picker_filters_as_you_type_80x24() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('n'));
    tab(&mut app, 7);
    chars(&mut app, "fourn");
    insta::assert_snapshot!(render(&app, 80, 24));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert!(render(&app, 80, 24).contains("6064"));
}

#[test]
fn a_ventilated_entry_80x24() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('n'));
    tab(&mut app, 4);
    chars(&mut app, "100");
    tab(&mut app, 3);
    chars(&mut app, "62810008");
    key(&mut app, KeyCode::F(2));
    chars(&mut app, "80");
    tab(&mut app, 1);
    chars(&mut app, "assur");
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn a_used_piece_number_is_refused_under_its_field() {
    let mut app = app(book());
    fill(&mut app, "12");
    // Back from Catégorie to N° de pièce.
    for _ in 0..5 {
        shift(&mut app, KeyCode::BackTab);
    }
    ctrl(&mut app, 'u');
    chars(&mut app, "D001");
    key(&mut app, KeyCode::Enter);
    assert!(app.form_open());
    let screen = render(&app, 80, 24);
    assert!(screen.contains("« D001 » est déjà utilisé"), "{screen}");
}

#[test]
fn an_entry_on_an_account_not_shown_brings_it_into_view() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('n'));
    tab(&mut app, 3);
    key(&mut app, KeyCode::Right); // Caisse → Compte Pro
    key(&mut app, KeyCode::Right); // → Collectes en ligne
    tab(&mut app, 1);
    chars(&mut app, "3,50");
    tab(&mut app, 1);
    chars(&mut app, "Frais de collecte");
    tab(&mut app, 2);
    chars(&mut app, "627");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert!(!app.form_open(), "{}", render(&app, 80, 24));
    let screen = render(&app, 80, 24);
    assert!(screen.contains(" Collectes en ligne ─"), "{screen}");
    assert!(screen.contains("D005 · Frais de collecte"), "{screen}");
}

#[test]
fn editing_a_ventilated_entry_shows_its_parts() {
    let mut app = app(book());
    key(&mut app, KeyCode::Tab);
    for _ in 0..2 {
        key(&mut app, KeyCode::Up);
    }
    key(&mut app, KeyCode::Char('e'));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Modifier l'écriture D002"), "{screen}");
    assert!(
        screen.contains("62810008") && screen.contains("890,00"),
        "{screen}"
    );
    assert!(
        screen.contains("61681008") && screen.contains("233,00"),
        "{screen}"
    );
    assert!(screen.contains("reste à ventiler 0,00 €"), "{screen}");
    key(&mut app, KeyCode::Esc);
    assert!(
        !app.form_open(),
        "an unchanged edit closes without a question"
    );
}

#[test]
fn editing_a_transfer_opens_the_transfer_form() {
    let mut app = app(book());
    key(&mut app, KeyCode::Up); // Caisse: V001 above D003
    key(&mut app, KeyCode::Char('e'));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Modifier le virement V001"), "{screen}");
    assert!(screen.contains("200,00"), "{screen}");
}

/// The clock says 15/10/2024: a date after it asks before saving; Échap goes
/// back to the form with everything typed; Entrée then Entrée saves.
#[test]
fn a_date_after_today_asks_before_saving_80x24() {
    let mut app = app(book());
    let before = count(&app);
    key(&mut app, KeyCode::Char('n'));
    chars(&mut app, "12/03/2025");
    tab(&mut app, 4);
    chars(&mut app, "8");
    tab(&mut app, 1);
    chars(&mut app, "Ballons pour la récréation");
    tab(&mut app, 2);
    chars(&mut app, "6063");
    key(&mut app, KeyCode::Enter); // picks 6063 in the list
    key(&mut app, KeyCode::Enter);
    assert!(app.is_asking(), "a date after today is asked about");
    let question = render(&app, 80, 24);
    assert!(
        question.contains("La date 12/03/2025 est après aujourd'hui"),
        "{question}"
    );
    insta::assert_snapshot!(question);
    assert_eq!(count(&app), before, "nothing written while asking");

    key(&mut app, KeyCode::Esc);
    assert!(!app.is_asking() && app.form_open(), "back to the form");
    let form = render(&app, 80, 24);
    for kept in ["12/03/2025", "8", "Ballons pour la récréation", "6063"] {
        assert!(form.contains(kept), "{kept} kept: {form}");
    }
    assert_eq!(count(&app), before);

    key(&mut app, KeyCode::Enter);
    assert!(app.is_asking(), "asked again");
    key(&mut app, KeyCode::Enter);
    assert!(!app.is_asking() && !app.form_open(), "saved and closed");
    let entries = app.book().unwrap().entries(Exercice::new(2024)).unwrap();
    assert_eq!(entries.len(), before + 1);
    let new = entries
        .iter()
        .find(|e| e.label == "Ballons pour la récréation")
        .unwrap();
    assert_eq!(
        new.date,
        chrono::NaiveDate::from_ymd_opt(2025, 3, 12).unwrap()
    );
}

#[test]
fn a_transfer_dated_after_today_asks_too() {
    let mut app = app(book());
    let before = count(&app);
    key(&mut app, KeyCode::Char('v'));
    chars(&mut app, "16/10/2024");
    tab(&mut app, 4);
    chars(&mut app, "20");
    tab(&mut app, 1);
    chars(&mut app, "Dépôt des espèces");
    key(&mut app, KeyCode::Enter);
    assert!(app.is_asking(), "{}", render(&app, 80, 24));
    assert!(
        render(&app, 80, 24).contains("La date 16/10/2024 est après aujourd'hui (15/10/2024)."),
        "{}",
        render(&app, 80, 24)
    );
    key(&mut app, KeyCode::Char('o'));
    assert!(!app.form_open(), "{}", render(&app, 80, 24));
    assert_eq!(count(&app), before + 1);
}

/// First launch: a negative opening of the Collectes en ligne is refused
/// under its own field; nothing is created.
#[test]
fn setup_refuses_a_negative_online_opening_under_its_field() {
    let mut app = coopcompta::ui::App::new(
        coopcompta::ui::Start::NeedsSetup(coopcompta::store::open_in_memory().unwrap()),
        info(),
        clock(),
    );
    chars(&mut app, "Coopérative scolaire OCCE de l'école Jules Ferry");
    tab(&mut app, 4); // exercice, caisse, compte pro, collectes en ligne
    ctrl(&mut app, 'u');
    chars(&mut app, "-5");
    key(&mut app, KeyCode::Enter);
    assert!(app.book().is_none(), "nothing is created");
    let screen = render(&app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let online = lines
        .iter()
        .position(|l| l.contains("Collectes en ligne") && l.contains("-5"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        lines[online + 1].contains("Collectes en ligne « -5,00 € » : le compte des"),
        "the error is under its field: {screen}"
    );
}

#[test]
fn a_transfer_fed_as_actions_is_the_one_typed_as_keys() {
    use coopcompta::ui::Action;
    let mut by_keys = app(book());
    key(&mut by_keys, KeyCode::Char('v'));
    tab(&mut by_keys, 4);
    chars(&mut by_keys, "50");
    tab(&mut by_keys, 1);
    chars(&mut by_keys, "Dépôt de la caisse");

    let mut by_actions = app(book());
    act(&mut by_actions, Action::NewTransfer);
    acts(&mut by_actions, &[Action::NextField; 4]);
    type_text(&mut by_actions, "50");
    act(&mut by_actions, Action::NextField);
    type_text(&mut by_actions, "Dépôt de la caisse");
    assert_eq!(render_small(&by_actions), render_small(&by_keys));
    assert_screens!("a_transfer_fed_as_actions", by_actions);

    act(&mut by_actions, Action::Submit);
    assert!(!by_actions.form_open(), "{}", render_small(&by_actions));
    assert_eq!(by_actions.status().unwrap().text, "V002 enregistrée");
    assert_eq!(count(&by_actions), count(&by_keys) + 1);
}
