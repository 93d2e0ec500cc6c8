//! The Écritures tab as a first-time user reads it: categories by name at
//! every width, a filter that finds split entries and adds up what it kept,
//! the settings (name, report à nouveau) corrected while the exercice is
//! open, and a mistaken cancellation undone.

use crate::support::ui::*;
use coopcompta::domain::entry_request::{EntryRequest, SplitInput};
use coopcompta::domain::{EntryKind, Exercice, MoneyKey, PaymentMode};
use ratatui::crossterm::event::KeyCode;

/// The coop of `book()` with a split dépense on the caisse: the car (6251
/// Transports) and the picnic (6257 Réceptions et fêtes) of a trip.
fn split_book() -> coopcompta::book::Book {
    let mut book = book();
    book.add_entry(&EntryRequest {
        date: "14/10/2024".into(),
        kind: EntryKind::Depense,
        account: MoneyKey::Caisse,
        amount: "30".into(),
        label: "Sortie au zoo".into(),
        mode: Some(PaymentMode::Especes),
        splits: vec![
            SplitInput {
                code: "6251".into(),
                amount: "20".into(),
            },
            SplitInput {
                code: "6257".into(),
                amount: "10".into(),
            },
        ],
        piece: String::new(),
        cheque_no: String::new(),
    })
    .unwrap();
    book
}

fn entry_count(app: &coopcompta::ui::App) -> usize {
    app.book()
        .unwrap()
        .entries(Exercice::new(2024))
        .unwrap()
        .len()
}

// 5. Categories by name.

#[test]
fn the_ledgers_name_the_categories_at_every_width() {
    let app = app(split_book());
    let small = render_small(&app);
    // 80 columns: the catégorie under the libellé, the pièce under the date.
    assert!(small.contains("Réceptions et fêtes"), "{small}");
    assert!(small.contains("Participation volontaire"), "{small}");
    assert!(small.contains("Transports (voyages"), "{small}");
    assert!(!small.contains("75620008"), "{small}");
    let wide = render_wide(&app);
    assert!(wide.contains("Fournitures et"), "{wide}");
    assert!(wide.contains("Transports (voy"), "{wide}");
    assert!(!wide.contains("ventilé (2)"), "{wide}");
    assert_screens!("categories_by_name", app);
}

#[test]
fn at_200_columns_the_libelle_and_the_categorie_share_the_room_by_content() {
    let app = app(book());
    let screen = render(&app, 200, 50);
    // The room goes where the text is: most libellés and catégories whole,
    // the longest ones cut about as much.
    for text in [
        "Report à nouveau 2024-2025",
        "Cotisation et assurance O",
        "Participation volontaire des",
        "Fournitures et petit matériel",
        "Transports (voyages, sorties)",
        "Réceptions et fêtes (Noël, ",
    ] {
        assert!(screen.contains(text), "{text}\n{screen}");
    }
    insta::assert_snapshot!("categories_by_name_200x50", screen);
}

#[test]
fn the_detail_line_shows_the_whole_ventilation() {
    let mut app = app(book());
    key(&mut app, KeyCode::Tab); // Compte Pro, on D004
    for _ in 0..2 {
        key(&mut app, KeyCode::Up); // V001, then D002
    }
    let wide = render_wide(&app);
    assert!(
        wide.contains(
            "D002 · Cotisation et assurance OCCE · 62810008 Cotisation OCCE 890,00 € + 61681008 Assurance OCCE 233,00 €"
        ),
        "{wide}"
    );
    assert_screens!("ventilation_in_the_detail_line", app);
}

// 6. The filter.

#[test]
fn the_filter_finds_a_split_entry_by_any_of_its_categories_and_adds_up() {
    let mut app = app(split_book());
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "transports");
    key(&mut app, KeyCode::Enter);
    let wide = render_wide(&app);
    assert!(
        wide.contains(" 1/5 "),
        "by the label of its first category\n{wide}"
    );
    assert!(wide.contains("Sortie au zoo"), "{wide}");
    assert!(
        wide.contains("Total : recettes 0,00 · dépenses 30,00 · solde -30,00"),
        "{wide}"
    );
    // By the code of its second category, with the goûter.
    key(&mut app, KeyCode::Char('/'));
    for _ in 0.."transports".len() {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "6257");
    key(&mut app, KeyCode::Enter);
    let wide = render_wide(&app);
    assert!(wide.contains(" 2/5 "), "{wide}");
    assert!(
        wide.contains("Total : recettes 0,00 · dépenses 48,90 · solde -48,90"),
        "{wide}"
    );
    assert_screens!("filter_by_category_with_totals", app);
}

#[test]
fn the_filter_totals_leave_out_cancelled_entries() {
    let mut app = app(book());
    key(&mut app, KeyCode::Tab); // Compte Pro, on D004 Car musée
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "car");
    key(&mut app, KeyCode::Enter);
    let wide = render_wide(&app);
    assert!(wide.contains(" 2/6 "), "{wide}");
    assert!(
        wide.contains("Total : recettes 0,00 · dépenses 0,00 · solde 0,00 (hors 2 annulées)"),
        "{wide}"
    );
}

// 7. The settings.

/// The app on the settings popup.
fn on_settings(book: coopcompta::book::Book) -> coopcompta::ui::App {
    let mut app = app(book);
    key(&mut app, KeyCode::Char('s'));
    app
}

/// Replaces the text of the focused field.
fn retype(app: &mut coopcompta::ui::App, text: &str) {
    ctrl(app, 'u');
    for _ in 0..80 {
        key(app, KeyCode::Backspace);
    }
    chars(app, text);
}

#[test]
fn the_settings_change_the_name_and_an_opening_balance_after_a_question() {
    let mut app = on_settings(book());
    let form = render_small(&app);
    assert!(form.contains("Réglages"), "{form}");
    assert!(
        form.contains("150,00"),
        "the caisse's opening balance\n{form}"
    );
    assert_screens!("settings_form", app);
    retype(&mut app, "OCCE Jules Ferry");
    key(&mut app, KeyCode::Tab); // Caisse
    retype(&mut app, "120");
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Enter);
    assert!(app.is_asking());
    let question = render_small(&app);
    assert!(
        question.contains("Nom : « Coopérative scolaire OCCE de l'école Jules Ferry » →"),
        "{question}"
    );
    assert!(
        question.contains("Solde d'ouverture Caisse : 150,00 € → 120,00 €"),
        "{question}"
    );
    assert_eq!(audit_rows(&app), audit, "nothing written before yes");
    assert_screens!("settings_question", app);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_text(&app),
        "Réglages enregistrés : Nom : « Coopérative scolaire OCCE de l'école Jules Ferry » → « OCCE Jules Ferry » ; Solde d'ouverture Caisse : 150,00 € → 120,00 €"
    );
    assert_eq!(audit_rows(&app), audit + 1, "one audited change");
    let screen = render_small(&app);
    assert!(
        screen.contains(" OCCE Jules Ferry · exercice 2024-2025"),
        "{screen}"
    );
    assert!(screen.contains("146,10 €"), "the caisse balance\n{screen}");
    assert_books_sound(&app, "after the settings");
}

#[test]
fn the_settings_refuse_under_the_field_and_write_nothing() {
    let mut app = on_settings(book());
    key(&mut app, KeyCode::Tab);
    retype(&mut app, "-5");
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Enter);
    assert!(!app.is_asking(), "refused before the question");
    let screen = render_small(&app);
    assert!(
        screen.contains("Caisse « -5,00 € » : une caisse ne peut pas être"),
        "{screen}"
    );
    assert_screens!("settings_refused", app);
    // Every balance at zero: the books refuse after the question.
    retype(&mut app, "0");
    key(&mut app, KeyCode::Tab);
    retype(&mut app, "0");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    retype(&mut app, "0");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert!(!app.is_asking());
    let screen = render_wide(&app);
    assert!(
        screen.contains("tous les soldes d'ouverture seraient à zéro"),
        "{screen}"
    );
    assert_eq!(audit_rows(&app), audit, "nothing written");
    assert_eq!(
        app.book().unwrap().openings().unwrap()[0],
        (
            MoneyKey::Caisse,
            coopcompta::domain::Money::from_cents(15_000)
        )
    );
}

#[test]
fn the_report_a_nouveau_points_to_the_settings() {
    let mut app = app(book());
    key(&mut app, KeyCode::Home); // the caisse's AN
    key(&mut app, KeyCode::Char('x'));
    assert!(!app.is_asking());
    assert_eq!(
        status_text(&app),
        "le report à nouveau ne s'annule pas : s (réglages) pour corriger les soldes d'ouverture"
    );
    key(&mut app, KeyCode::Char('e'));
    assert!(
        render_small(&app).contains("Réglages"),
        "e on the AN opens the settings"
    );
}

// 15. Rétablir.

#[test]
fn a_mistaken_cancellation_is_undone_by_a_new_entry() {
    let mut app = app(book());
    key(&mut app, KeyCode::Tab); // Compte Pro, on D004 Car musée
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('o'));
    let audit = audit_rows(&app);
    let count = entry_count(&app);
    key(&mut app, KeyCode::Char('r'));
    assert!(app.is_asking());
    let question = render_small(&app);
    assert!(
        question.contains("Rétablir l'écriture annulée D004 « Car musée » ?"),
        "{question}"
    );
    assert!(question.contains("D005"), "the new pièce\n{question}");
    assert_screens!("restore_question", app);
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(status_text(&app), "D004 rétablie par D005");
    assert_eq!(audit_rows(&app), audit + 1);
    assert_eq!(entry_count(&app), count + 1);
    let entries = app.book().unwrap().entries(Exercice::new(2024)).unwrap();
    let old = entries.iter().find(|e| e.piece == "D004").unwrap();
    let new = entries.iter().find(|e| e.piece == "D005").unwrap();
    assert_eq!(
        (new.date, &new.label, &new.lines.len()),
        (old.date, &old.label, &old.lines.len())
    );
    assert!(
        render_small(&app).contains("1 105,10 €"),
        "the balance is back"
    );
    assert_books_sound(&app, "after rétablir");
}

#[test]
fn rétablir_is_refused_with_the_books_reason() {
    let mut app = app(book());
    key(&mut app, KeyCode::Tab); // D004
    key(&mut app, KeyCode::Char('r'));
    assert!(!app.is_asking());
    assert_eq!(
        status_text(&app),
        "D004 n'est pas annulée : il n'y a rien à rétablir"
    );
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::End); // the reversal D004-A
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(
        status_text(&app),
        "D004-A est une écriture d'annulation : c'est l'écriture annulée (D004) qui se rétablit"
    );
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('o'));
    // The cursor is on the new D005; back to the cancelled D004.
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Char('r'));
    assert!(!app.is_asking());
    assert_eq!(status_text(&app), "D004 a déjà été rétablie par D005");
    assert_eq!(audit_rows(&app), audit);
}
