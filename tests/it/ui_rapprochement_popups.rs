//! The popups of the Rapprochement tab: the import file picker (folders,
//! CSV files newest first, the filter, the kind of file), the statement
//! form, the entry of a bank line, the imports list, the payouts and the
//! payments to attribute (the imports of real files:
//! `ui_rapprochement_imports`). A refusal shows in the popup and nothing
//! is written.

use crate::support::reconcile::*;
use crate::support::ui::*;
use ratatui::crossterm::event::KeyCode;

#[test]
fn the_file_picker_lists_csv_files_newest_first() {
    let (_root, dir) = downloads();
    let mut app = app_with_downloads(seeded_book(), &dir);
    key(&mut app, KeyCode::Char('i'));
    let screen = render_wide(&app);
    let at = |name: &str| {
        screen
            .find(name)
            .unwrap_or_else(|| panic!("{name}: {screen}"))
    };
    assert!(at("Archives 2023/") < at("releve-compte-pro-octobre.csv"));
    assert!(at("releve-compte-pro-octobre.csv") < at("paiements-assoconnect.csv"));
    assert!(at("paiements-assoconnect.csv") < at("releve-compte-pro-septembre.CSV"));
    assert!(!screen.contains("notes-reunion"), "{screen}");
    assert_screens!("file_picker", app);
    // Typing filters; Escape closes without importing.
    type_text(&mut app, "sept");
    let screen = render_wide(&app);
    assert!(
        !screen.contains("octobre") && screen.contains("septembre"),
        "{screen}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(!render_wide(&app).contains("Importer un fichier"));
    assert!(!app.should_quit());
}

#[test]
fn the_file_picker_goes_into_folders_and_up() {
    let (_root, dir) = downloads();
    let mut app = app_with_downloads(book(), &dir);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Enter);
    let screen = render_wide(&app);
    assert!(screen.contains("Téléchargements/Archives 2023"), "{screen}");
    assert!(
        screen.contains("Aucun fichier CSV dans ce dossier"),
        "{screen}"
    );
    key(&mut app, KeyCode::Left);
    assert!(render_wide(&app).contains("releve-compte-pro-octobre.csv"));
    // Retour arrière with an empty filter goes up too.
    key(&mut app, KeyCode::Backspace);
    assert!(render_wide(&app).contains("Téléchargements/"));
}

#[test]
fn an_assoconnect_export_is_recognised_by_its_name() {
    let (_root, dir) = downloads();
    let mut app = app_with_downloads(seeded_book(), &dir);
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('i'));
    type_text(&mut app, "paiem");
    key(&mut app, KeyCode::Enter);
    let screen = render_wide(&app);
    assert!(
        screen.contains("▸ paiements en ligne AssoConnect (export des paiements)"),
        "{screen}"
    );
    // ↑ goes round to the other kinds, ↓ back.
    key(&mut app, KeyCode::Up);
    assert!(render_wide(&app).contains("▸ relevé de l'Ancien compte LBP"));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let screen = render_wide(&app);
    assert!(screen.contains("✗ Rien n'a été importé : "), "{screen}");
    assert_nothing_written(&app, audit, 1);
}

#[test]
fn a_folder_that_cannot_be_read_is_said_in_the_picker() {
    let root = tempfile::tempdir().unwrap();
    let missing = root.path().join("Téléchargements");
    let mut app = app_with_downloads(book(), &missing);
    key(&mut app, KeyCode::Char('i'));
    let screen = render_wide(&app);
    assert!(screen.contains("✗ Dossier illisible : "), "{screen}");
    // ← goes to the parent, which exists.
    key(&mut app, KeyCode::Left);
    let screen = render_wide(&app);
    assert!(!screen.contains("Dossier illisible"), "{screen}");
    assert!(
        screen.contains("Aucun fichier CSV dans ce dossier"),
        "{screen}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
}

#[test]
fn the_statement_form_proposes_the_last_line_date() {
    let mut app = on_tab(seeded_book());
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('s'));
    let screen = render_small(&app);
    assert!(screen.contains("09/10/2024"), "{screen}");
    assert_screens!("statement_form", app);
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "12,3x");
    key(&mut app, KeyCode::Enter);
    let screen = render_wide(&app);
    assert!(
        screen.contains("« 12,3x » n'est pas un montant"),
        "{screen}"
    );
    assert_nothing_written(&app, audit, 1);
    key(&mut app, KeyCode::Esc);
    assert!(app.is_asking(), "typed text: asked before leaving");
    key(&mut app, KeyCode::Char('o'));
    assert!(!render_small(&app).contains("Pointer le relevé"));
}

#[test]
fn creating_the_entry_of_a_line_numbers_it_and_matches_it() {
    let mut app = on_tab(seeded_book());
    let audit = audit_rows(&app);
    // The bank fees of 30/09.
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('n'));
    let screen = render_wide(&app);
    assert!(
        screen.contains("Ligne du 30/09/2024 : FRAIS TENUE DE COMPTE (-4,50 €)"),
        "{screen}"
    );
    assert!(!screen.contains("7070"), "charges only: {screen}");
    assert_screens!("create_from_line", app);
    chars(&mut app, "627");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_line(&app),
        (
            "Écriture D005 créée et rapprochée de la ligne : « FRAIS TENUE DE COMPTE »".to_string(),
            false
        )
    );
    assert_eq!(audit_rows(&app), audit + 1);
    let (piece, date, category, cents): (String, String, String, i64) = app
        .book()
        .unwrap()
        .conn()
        .query_row(
            "SELECT e.piece, e.date, a.code, l.amount_cents FROM bank_match m
             JOIN entry e ON e.id = m.entry_id JOIN bank_line l ON l.id = m.bank_line_id
             JOIN entry_line el ON el.entry_id = e.id JOIN account a ON a.id = el.account_id
             WHERE a.code = '627'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (piece.as_str(), date.as_str(), category.as_str(), cents),
        ("D005", "2024-09-30", "627", -450)
    );
    let screen = render_wide(&app);
    assert!(screen.contains("-4,50 € ✓ D005"), "{screen}");
    assert!(
        screen.contains("D005 30/09 FRAIS TENUE DE COMPTE"),
        "{screen}"
    );
    // The line matched: n again says so and writes nothing.
    while !render_small(&app).contains("▸ 30/09") {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        status_text(&app),
        "Ligne du 30/09/2024 déjà rapprochée : rien à créer"
    );
    assert_eq!(audit_rows(&app), audit + 1);
}

/// Opens the statement form on the date it proposes (the last line's),
/// types `balance` and checks.
fn check_statement(app: &mut coopcompta::ui::App, balance: &str) {
    key(app, KeyCode::Char('s'));
    key(app, KeyCode::Tab);
    chars(app, balance);
    key(app, KeyCode::Enter);
}

/// A row of the check: its label, then its amount right-aligned.
fn row(label: &str, amount: &str) -> String {
    format!("{label:<52} {amount:>13}")
}

#[test]
fn the_statement_check_shows_the_gap_then_reaches_zero() {
    let mut app = on_tab(seeded_book());
    // Opening 2 340,50 €, then the five lines of the statement.
    check_statement(&mut app, "1 100,60");
    let screen = render_wide(&app);
    for expected in [
        "Relevé du Compte Pro au 09/10/2024".to_string(),
        row("Solde des écritures à cette date", "1 105,10 €"),
        row("Solde rapproché (lignes pointées)", "2 340,50 €"),
        row("Solde du relevé", "1 100,60 €"),
        row("Écart (relevé − rapproché)", "-1 239,90 €"),
        "Écritures absentes du relevé (4) :".to_string(),
        "D001  16/09/2024 Fournitures de rentrée                 -62,40 €".to_string(),
        "D004  08/10/2024 Car musée                             -250,00 €".to_string(),
    ] {
        assert!(screen.contains(expected.as_str()), "{expected}: {screen}");
    }
    assert_screens!("statement_gap", app);
    assert_eq!(count(&app, "statement_balance"), 1);
    key(&mut app, KeyCode::Esc);
    // Every suggestion accepted, the bank fees created: the gap is 0,00 €.
    key(&mut app, KeyCode::Char('A'));
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char('n'));
    chars(&mut app, "627");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(count(&app, "bank_match"), 5);
    check_statement(&mut app, "1 100,60");
    let screen = render_wide(&app);
    for expected in [
        row("Solde des écritures à cette date", "1 100,60 €"),
        row("Solde rapproché (lignes pointées)", "1 100,60 €"),
        row("Écart (relevé − rapproché)", "0,00 €"),
        "Toutes les écritures à cette date sont sur le relevé.".to_string(),
    ] {
        assert!(screen.contains(expected.as_str()), "{expected}: {screen}");
    }
    assert_eq!(count(&app, "statement_balance"), 2);
    key(&mut app, KeyCode::Esc);
    assert!(
        render_wide(&app).contains("dernier relevé pointé : 1 100,60 € au 09/10/2024"),
        "{}",
        render_wide(&app)
    );
}

#[test]
fn payouts_and_payments_say_when_there_are_none() {
    let mut app = on_tab(book());
    key(&mut app, KeyCode::Char('v'));
    assert!(render_wide(&app).contains("Aucun versement AssoConnect : i dans l'onglet"));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('a'));
    assert!(render_wide(&app).contains("Aucun paiement à attribuer"));
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
}

#[test]
fn a_credit_line_offers_the_produits_and_its_label_can_be_changed() {
    let mut app = on_tab(seeded_book());
    // The cash deposit of 23/09 (+200,00 €), third line.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('n'));
    let screen = render_wide(&app);
    assert!(
        screen.contains("Une recette sur le Compte Pro, pièce"),
        "{screen}"
    );
    assert!(
        screen.contains("R003, datée du jour de la ligne, rapprochée d'elle"),
        "{screen}"
    );
    assert!(screen.contains("7… (un produit)"), "{screen}");
    assert!(screen.contains("7070"), "{screen}");
    assert!(
        !screen.contains("606 Fournitures"),
        "produits only: {screen}"
    );
    // The label is proposed from the bank's, and can be typed over.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Tab);
    assert!(render_wide(&app).contains("VERSEMENT ESPECES AGENCE"));
    chars(&mut app, " (kermesse)");
    let screen = render_wide(&app);
    assert!(
        screen.contains("VERSEMENT ESPECES AGENCE (kermesse)"),
        "{screen}"
    );
    // Escape asks first (something was typed), and nothing is written.
    key(&mut app, KeyCode::Esc);
    assert!(app.is_asking());
    key(&mut app, KeyCode::Char('o'));
    assert!(!render_wide(&app).contains("Créer l'écriture de la ligne"));
    assert_eq!(count(&app, "bank_match"), 0);
}
