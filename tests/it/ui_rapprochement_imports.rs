//! Real files imported from the Rapprochement tab: the fixtures of
//! `tests/fixtures/` copied into a Downloads folder, picked with the file
//! picker, imported by the real parsers and `Book`; the summary, the
//! imports list and its undo, the payouts view, the payments to attribute
//! and the pupil picker.

use crate::support::reconcile::*;
use crate::support::ui::*;
use coopcompta::ui::App;
use ratatui::crossterm::event::KeyCode;

fn one(app: &App, sql: &str) -> i64 {
    app.book()
        .unwrap()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_bad_file_says_its_french_error_in_the_popup_and_writes_nothing() {
    let (_root, dir) = downloads_with(&[(
        "releve-compte-pro-octobre.csv",
        fixture_bytes("bank/bad_amount.csv"),
    )]);
    let mut app = app_2025(book_2025(), &dir);
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Enter);
    assert!(render_small(&app).contains("▸ relevé du Compte Pro"));
    key(&mut app, KeyCode::Enter);
    let screen = render_wide(&app);
    assert!(
        screen.contains("✗ Rien n'a été importé : ligne 4 : montant « 12,3x » illisible (colonne « Montant ») : attendu un ")
            && screen.contains("│nombre comme 12,50 ou -8.00 "),
        "{screen}"
    );
    assert_screens!("import_refused", app);
    assert_eq!(count(&app, "bank_line"), 0);
    assert_eq!(count(&app, "import_batch"), 0);
    assert_eq!(audit_rows(&app), audit);
    // Escape goes back to the files, then closes.
    key(&mut app, KeyCode::Esc);
    assert!(render_wide(&app).contains("Filtre : tapez une partie du nom"));
    key(&mut app, KeyCode::Esc);
    assert!(!render_wide(&app).contains("Importer un fichier"));
    assert!(!app.should_quit());
}

#[test]
fn a_statement_imports_through_the_picker_then_its_undo_removes_its_lines() {
    let (_root, dir) = downloads_with(&[(
        "releve-compte-pro-octobre.csv",
        fixture_bytes("bank/swan.csv"),
    )]);
    let mut app = app_2025(book_2025(), &dir);
    let audit = audit_rows(&app);
    import_file(&mut app, "octobre");
    let screen = render_wide(&app);
    assert!(
        screen.contains("Relevé Compte Pro : releve-compte-pro-octobre.csv"),
        "{screen}"
    );
    assert_screens!("import_summary", app);
    let lines = count(&app, "bank_line");
    assert!(lines > 0);
    assert_eq!(count(&app, "import_batch"), 1);
    assert_eq!(audit_rows(&app), audit + 1);
    key(&mut app, KeyCode::Esc);
    let screen = render_wide(&app);
    assert!(screen.contains("CARTE PAPETERIE DES ECOLES"), "{screen}");
    // The same file again brings nothing new and writes nothing.
    import_file(&mut app, "octobre");
    let screen = render_wide(&app);
    assert!(screen.contains("Rien de nouveau : "), "{screen}");
    assert_eq!(count(&app, "import_batch"), 1);
    assert_eq!(audit_rows(&app), audit + 1);
    key(&mut app, KeyCode::Esc);
    // l lists it; x asks, Escape keeps it, o undoes it.
    key(&mut app, KeyCode::Char('l'));
    let screen = render_wide(&app);
    assert!(screen.contains("releve-compte-pro-octobre.csv"), "{screen}");
    key(&mut app, KeyCode::Char('x'));
    assert!(
        render_wide(&app).contains("Annuler l'import n° 1 « releve-compte-pro-octobre.csv »"),
        "{}",
        render_wide(&app)
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(count(&app, "bank_line"), lines);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(
        status_line(&app),
        (
            format!("Import n° 1 annulé, retirés : {lines} lignes"),
            false
        )
    );
    assert_screens!("import_undone", app);
    assert_eq!(count(&app, "bank_line"), 0);
    assert_eq!(
        one(
            &app,
            "SELECT count(*) FROM import_batch WHERE undone_at IS NOT NULL"
        ),
        1
    );
    assert_eq!(audit_rows(&app), audit + 2);
    // Undone already: said in the list, nothing asked nor written.
    key(&mut app, KeyCode::Char('x'));
    assert!(!app.is_asking());
    assert!(
        render_wide(&app).contains("✗ L'import n° 1 est déjà annulé (le 20/10/2025 10:00)"),
        "{}",
        render_wide(&app)
    );
    assert_eq!(audit_rows(&app), audit + 2);
    key(&mut app, KeyCode::Esc);
    assert!(
        render_wide(&app).contains("Aucun relevé importé"),
        "{}",
        render_wide(&app)
    );
}

/// The AssoConnect export, then a Compte Pro statement holding the
/// payout PO-2025-10-07 (25 + 25 + 15 − 1,92 of fees = 63,08 €).
fn payments_and_payout() -> (tempfile::TempDir, App) {
    let (root, dir) = downloads_with(&[
        (
            "releve-compte-pro-octobre.csv",
            b"date;montant;libelle\n2025-10-08;63,08;VIR ASSOCONNECT VERSEMENT PO-2025-10-07\n"
                .to_vec(),
        ),
        (
            "paiements-assoconnect.csv",
            fixture_bytes("assoconnect/payments.csv"),
        ),
    ]);
    let mut app = app_2025(book_2025(), &dir);
    import_file(&mut app, "paiem");
    let screen = render_wide(&app);
    assert!(screen.contains("paiements-assoconnect.csv"), "{screen}");
    assert_screens!("payments_summary", app);
    key(&mut app, KeyCode::Esc);
    import_file(&mut app, "releve");
    key(&mut app, KeyCode::Esc);
    (root, app)
}

#[test]
fn the_payouts_view_shows_one_received_and_one_announced() {
    let (_root, mut app) = payments_and_payout();
    let screen = render_wide(&app);
    assert!(
        screen.contains("✓ PO-2025-10-07") || screen.contains("63,08 €"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('v'));
    let screen = render_wide(&app);
    assert!(screen.contains("PO-2025-10-07"), "{screen}");
    assert!(screen.contains("PO-2025-10-14"), "{screen}");
    assert!(screen.contains("annoncé, pas encore reçu"), "{screen}");
    assert_screens!("payouts", app);
    key(&mut app, KeyCode::Esc);
    // The imports list counts an export's payments, a statement's lines.
    key(&mut app, KeyCode::Char('l'));
    let screen = render_wide(&app);
    let row = |name: &str| {
        screen
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {screen}"))
            .to_string()
    };
    assert!(
        row("paiements-assoconnect.csv").contains(" 6 paiements"),
        "{screen}"
    );
    assert!(
        row("releve-compte-pro-octobre.csv").contains(" 1 ligne"),
        "{screen}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
}

#[test]
fn a_payment_to_attribute_gets_its_pupil_and_leaves_the_list() {
    let (_root, mut app) = payments_and_payout();
    let to_assign = || "SELECT count(*) FROM online_payment WHERE to_assign = 1";
    let before = one(&app, to_assign());
    assert!(before > 0);
    key(&mut app, KeyCode::Char('a'));
    let screen = render_wide(&app);
    assert!(screen.contains("Martin Sophie"), "{screen}");
    assert_screens!("payments_to_attribute", app);
    // Martin Sophie: two Martin pupils, the user picks Hugo.
    for _ in 0..10 {
        let screen = render_wide(&app);
        if screen
            .lines()
            .any(|l| l.contains("▸ ") && l.contains("Martin Sophie"))
        {
            break;
        }
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "hugo");
    let screen = render_wide(&app);
    assert!(screen.contains("MARTIN Hugo (CE1-B)"), "{screen}");
    assert!(!screen.contains("MARTIN Jade"), "{screen}");
    assert!(
        screen.contains("▸ MARTIN Hugo (CE1-B)"),
        "the pupil found under the cursor: {screen}"
    );
    assert_screens!("pupil_picker", app);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_line(&app),
        ("Paiement attribué : MARTIN Hugo (CE1-B)".to_string(), false)
    );
    assert_eq!(one(&app, to_assign()), before - 1);
    assert_eq!(
        one(
            &app,
            "SELECT count(*) FROM online_payment p JOIN contribution c ON c.id = p.contribution_id
             JOIN pupil u ON u.id = c.pupil_id WHERE p.ext_id = 'PAY-001' AND u.prenom = 'Hugo'"
        ),
        1
    );
    let screen = render_wide(&app);
    assert!(!screen.contains("Martin Sophie"), "left the list: {screen}");
}

#[test]
fn a_credit_without_payout_reference_is_proposed_as_the_payout_of_its_payments() {
    let (_root, dir) = downloads_with(&[
        (
            "releve-compte-pro-octobre.csv",
            b"date;montant;libelle\n2025-10-10;21,10;VIR ASSOCONNECT\n".to_vec(),
        ),
        (
            "paiements-assoconnect.csv",
            "Identifiant;Date;Payeur;Formulaire;Montant;Frais;Statut;Versement\n\
             PAY-070;01/10/2025;Durand Zoé;Sortie zoo;10,00;0,43;Payé;\n\
             PAY-071;02/10/2025;Lefèvre Sophie;Sortie zoo;12,00;0,47;Payé;\n"
                .as_bytes()
                .to_vec(),
        ),
    ]);
    let mut app = app_2025(book_2025(), &dir);
    import_file(&mut app, "paiem");
    key(&mut app, KeyCode::Esc);
    import_file(&mut app, "releve");
    key(&mut app, KeyCode::Esc);
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Enter);
    assert!(app.is_asking());
    let screen = render_wide(&app);
    assert!(
        screen.contains("Aucune écriture pour la ligne du 10/10/2025 (21,10 €), mais 2")
            && screen.contains("paiements AssoConnect pas encore versés font ce montant"),
        "{screen}"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(audit_rows(&app), audit, "no: nothing written");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(
        status_line(&app),
        (
            "Versement reconnu : 2 paiements groupés, virement passé et rapproché".to_string(),
            false
        )
    );
    assert_eq!(audit_rows(&app), audit + 1);
    assert!(
        render_wide(&app).contains("21,10 € ✓ V001"),
        "{}",
        render_wide(&app)
    );
    key(&mut app, KeyCode::Char('v'));
    let screen = render_wide(&app);
    assert!(
        screen.contains("VERS-2025-10-10 du ") && screen.contains("reçu le 10/10/2025 (V001)"),
        "{screen}"
    );
}
