//! The popups of the Rapprochement tab: the import file picker (folders,
//! CSV files newest first, the filter, the kind of file), the statement
//! form, the entry of a bank line, the imports list, the payouts and the
//! payments to attribute. Where the Book still refuses, the refusal shows
//! in the popup and nothing is written.

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
fn a_refused_import_says_why_in_the_popup_and_writes_nothing() {
    let (_root, dir) = downloads();
    let mut app = app_with_downloads(seeded_book(), &dir);
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('i'));
    // Archives first, then the newest CSV.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let screen = render_small(&app);
    assert!(screen.contains("▸ relevé du Compte Pro"), "{screen}");
    key(&mut app, KeyCode::Enter);
    let screen = render_wide(&app);
    assert!(screen.contains("✗ Rien n'a été importé : "), "{screen}");
    assert_screens!("import_refused", app);
    assert_eq!(count(&app, "bank_line"), 5);
    assert_nothing_written(&app, audit, 1);
    // Escape goes back to the files, then closes.
    key(&mut app, KeyCode::Esc);
    assert!(render_wide(&app).contains("Filtre : tapez une partie du nom"));
    key(&mut app, KeyCode::Esc);
    assert!(!render_wide(&app).contains("Importer un fichier"));
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
fn creating_the_entry_of_a_line_offers_the_charges() {
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
    assert!(screen.contains("FRAIS TENUE DE COMPTE"), "{screen}");
    assert!(!screen.contains("7070"), "charges only: {screen}");
    assert_screens!("create_from_line", app);
    chars(&mut app, "627");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    let screen = render_wide(&app);
    assert!(screen.contains("✗ "), "the refusal in the form: {screen}");
    assert_nothing_written(&app, audit, 1);
}

#[test]
fn the_imports_list_asks_before_undoing() {
    let mut app = on_tab(seeded_book());
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('l'));
    let screen = render_wide(&app);
    assert!(screen.contains("releve-compte-pro-octobre.csv"), "{screen}");
    key(&mut app, KeyCode::Char('x'));
    let screen = render_wide(&app);
    assert!(
        screen.contains("Annuler l'import n° 1 « releve-compte-pro-octobre.csv »"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('o'));
    let screen = render_wide(&app);
    assert!(screen.contains("✗ Import n° 1 non annulé : "), "{screen}");
    assert_screens!("undo_refused", app);
    assert_nothing_written(&app, audit, 1);
    assert_eq!(count(&app, "bank_line"), 5);
    key(&mut app, KeyCode::Esc);
    assert!(!render_wide(&app).contains(" Imports "));
    assert!(!app.should_quit());
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
