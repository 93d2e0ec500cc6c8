//! The Rapprochement tab: bank lines on the left, the books on the right,
//! suggestions marked, the selection's total and its difference in the
//! footer; the file picker, the statement form, the imports list. Bank
//! lines are seeded straight into `import_batch` and `bank_line` (the
//! imports are written by another part); where the Book still refuses,
//! the refusal shows next to what asked and nothing is written.

use crate::support::ui::*;
use coopcompta::book::Book;
use coopcompta::domain::MoneyKey;
use coopcompta::ui::{Action, App, RunInfo, Start};
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Seeds one import of `rows` (ISO date, cents, label) on `account`.
fn seed_lines(book: &Book, account: MoneyKey, file: &str, rows: &[(&str, i64, &str)]) -> i64 {
    let code = book.account(account).unwrap().code.clone();
    let conn = book.conn();
    conn.execute(
        "INSERT INTO import_batch (kind, account_id, file_name, sha256, imported_at, lines_read, imported)
         VALUES ('banque', (SELECT id FROM account WHERE code = ?1), ?2, 'abc', '2024-10-15T10:00:00', ?3, ?3)",
        rusqlite::params![code, file, rows.len() as i64],
    )
    .unwrap();
    let batch = conn.last_insert_rowid();
    for (date, cents, label) in rows {
        conn.execute(
            "INSERT INTO bank_line (batch_id, account_id, date, amount_cents, label, content_key)
             VALUES (?1, (SELECT id FROM account WHERE code = ?2), ?3, ?4, ?5, ?3 || '|' || ?4 || '|' || ?5)",
            rusqlite::params![batch, code, date, cents, label],
        )
        .unwrap();
    }
    batch
}

/// The coop of `book()` with five Compte Pro lines: two with an entry on
/// the same day and amount (suggested), the others not.
fn seeded_book() -> Book {
    let book = book();
    seed_lines(
        &book,
        MoneyKey::Pro,
        "releve-compte-pro-octobre.csv",
        &[
            ("2024-09-16", -6240, "CARTE X1234 16/09 PAPETERIE DU CENTRE"),
            (
                "2024-09-21",
                -112_300,
                "VIR SEPA OCCE 44 COTISATION ASSURANCE 2024-2025",
            ),
            ("2024-09-23", 20_000, "VERSEMENT ESPECES AGENCE"),
            ("2024-09-30", -450, "FRAIS TENUE DE COMPTE"),
            ("2024-10-09", -25_000, "PRLV SEPA CARS DU LITTORAL"),
        ],
    );
    book
}

fn on_tab(book: Book) -> App {
    let mut app = app(book);
    key(&mut app, KeyCode::Char('3'));
    app
}

fn count(app: &App, table: &str) -> i64 {
    app.book()
        .unwrap()
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Nothing written by a refused action: no match, no new batch, the same
/// audit rows.
fn assert_nothing_written(app: &App, audit_before: i64, batches: i64) {
    assert_eq!(count(app, "bank_match"), 0);
    assert_eq!(count(app, "import_batch"), batches);
    assert_eq!(count(app, "statement_balance"), 0);
    assert_eq!(audit_rows(app), audit_before);
}

#[test]
fn the_empty_tab_says_how_to_import() {
    let app = on_tab(book());
    let screen = render_wide(&app);
    assert!(
        screen.contains("Aucun relevé importé : i pour importer le relevé du Compte Pro"),
        "{screen}"
    );
    assert_screens!("empty_tab", app);
}

#[test]
fn the_other_account_has_its_own_empty_state() {
    let mut app = on_tab(seeded_book());
    key(&mut app, KeyCode::Char('c'));
    let screen = render_wide(&app);
    assert!(
        screen.contains("Ancien compte LBP (c : autre compte)"),
        "{screen}"
    );
    assert!(
        screen.contains("i pour importer le relevé de l'Ancien compte LBP"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('c'));
    assert!(render_wide(&app).contains("Compte Pro (c : autre compte)"));
}

#[test]
fn seeded_lines_show_their_suggestions() {
    let app = on_tab(seeded_book());
    let screen = render_wide(&app);
    assert!(screen.contains("≈ D001"), "{screen}");
    assert!(screen.contains("≈ V001"), "{screen}");
    assert!(
        screen.contains("5 lignes à rapprocher, 4 écritures sans ligne"),
        "{screen}"
    );
    assert_screens!("seeded_lines", app);
}

#[test]
fn marks_add_up_in_the_footer() {
    let mut app = on_tab(seeded_book());
    // The line of 09/10 (-250,00 €), the last one.
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Tab);
    // The books: D001, D002, V001, D004; D004 is the last one.
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Char(' '));
    let screen = render_small(&app);
    assert!(
        screen.contains("Sélection : 1 écriture, total -250,00 € — ligne -250,00 € — écart 0,00 €"),
        "{screen}"
    );
    assert_screens!("marked_selection", app);
    // Space again (the cursor stays on the last entry) unmarks.
    key(&mut app, KeyCode::Char(' '));
    assert!(render_small(&app).contains("Sélection : 0 écriture"));
}

#[test]
fn matching_a_selection_that_does_not_add_up_is_refused() {
    let mut app = on_tab(seeded_book());
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(
        status_line(&app),
        (
            "Écart de -187,60 € : les écritures marquées font -62,40 €, la ligne -250,00 € ; rien n'est rapproché".to_string(),
            true
        )
    );
    assert_nothing_written(&app, audit, 1);
    // Nothing marked: said too.
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(
        status_text(&app),
        "Aucune écriture marquée : Espace sur les écritures du volet de droite"
    );
}

#[test]
fn refusals_of_the_books_show_and_write_nothing() {
    let mut app = on_tab(seeded_book());
    let audit = audit_rows(&app);
    // Entrée on the first line accepts its suggestion (D001).
    key(&mut app, KeyCode::Enter);
    let (text, error) = status_line(&app);
    assert!(error, "{text}");
    assert!(text.starts_with("Suggestion non acceptée : "), "{text}");
    // A line without a suggestion: what to do instead.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_text(&app),
        "Pas de suggestion pour cette ligne : marquez les écritures (Espace) puis m, ou n pour créer l'écriture"
    );
    // Un-matching a line not matched.
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(
        status_text(&app),
        "La ligne du 21/09/2024 n'est pas rapprochée"
    );
    assert_nothing_written(&app, audit, 1);
}

#[test]
fn accepting_all_asks_how_many_first() {
    let mut app = on_tab(seeded_book());
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('A'));
    assert!(app.is_asking());
    let screen = render_small(&app);
    assert!(
        screen.contains("Accepter les 2 suggestions sûres"),
        "{screen}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(!app.is_asking());
    assert_nothing_written(&app, audit, 1);
    key(&mut app, KeyCode::Char('A'));
    key(&mut app, KeyCode::Char('o'));
    let (text, error) = status_line(&app);
    assert!(
        error && text.starts_with("Suggestions non acceptées : "),
        "{text}"
    );
    assert_nothing_written(&app, audit, 1);
}

#[test]
fn escape_never_quits_and_tab_moves_the_focus() {
    let mut app = on_tab(seeded_book());
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
    assert_eq!(
        app.contexts(),
        vec![
            coopcompta::ui::keymap::Context::ReconcileLine,
            coopcompta::ui::keymap::Context::Reconcile,
            coopcompta::ui::keymap::Context::Global
        ]
    );
    key(&mut app, KeyCode::Tab);
    assert_eq!(
        app.contexts()[0],
        coopcompta::ui::keymap::Context::Reconcile,
        "the books' pane: no line keys"
    );
    // Space marks where the cursor is, then moves down.
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char(' '));
    assert!(render_small(&app).contains("Sélection : 2 écritures, total -1 185,40 €"));
    key(&mut app, KeyCode::Left);
    assert_eq!(
        app.contexts()[0],
        coopcompta::ui::keymap::Context::ReconcileLine
    );
    // The filter keeps the marks; f twice is back to every line.
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('f'));
    assert!(render_small(&app).contains("Sélection : 2 écritures"));
}

#[test]
fn the_help_lists_every_key_of_the_tab() {
    let mut app = on_tab(seeded_book());
    act(&mut app, Action::Help);
    let screen = render_wide(&app);
    assert!(
        screen.contains("Rapprochement : la ligne du relevé"),
        "{screen}"
    );
    assert_screens!("help", app);
}

/// A folder with three statements of different ages, a note that is not
/// CSV and a sub-folder; deep enough that only its end shows.
fn downloads() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let dir = root
        .path()
        .join("coopcompta-essai-des-imports-de-releves-bancaires-et-de-paiements-en-ligne-de-la-cooperative")
        .join("Téléchargements");
    std::fs::create_dir_all(dir.join("Archives 2023")).unwrap();
    // Noon UTC: the same day in every time zone of France and beyond.
    let day = |d: u64| SystemTime::UNIX_EPOCH + Duration::from_secs(1_728_043_200 + d * 86_400);
    let files = [
        (
            "releve-compte-pro-septembre.CSV",
            2,
            "date;montant;libelle\n2024-09-16;-62,40;CARTE X1234 PAPETERIE\n",
        ),
        ("paiements-assoconnect.csv", 5, "Identifiant;Date;Payeur\n"),
        (
            "releve-compte-pro-octobre.csv",
            9,
            "date;montant;libelle\n2024-10-09;-250,00;PRLV SEPA CARS DU LITTORAL\n",
        ),
        ("notes-reunion.txt", 12, "pas un relevé"),
    ];
    for (name, d, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(day(d))
            .unwrap();
    }
    (root, dir)
}

fn app_with_downloads(book: Book, dir: &Path) -> App {
    let info = RunInfo {
        import_dir: Some(dir.to_path_buf()),
        ..info()
    };
    let mut app = App::new(Start::Ready(book), info, clock());
    key(&mut app, KeyCode::Char('3'));
    app
}

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
fn the_hint_bar_fits_at_80_columns() {
    let app = on_tab(seeded_book());
    let screen = render_small(&app);
    let bar = screen.lines().last().unwrap();
    for hint in ["accepter", "créer", "lier", "importer", "aide"] {
        assert!(bar.contains(hint), "{hint}: {bar}");
    }
}

/// Seeds a match of the bank line of `date` to the entry `piece`.
fn seed_match(book: &Book, date: &str, piece: &str) {
    book.conn()
        .execute(
            "INSERT INTO bank_match (bank_line_id, entry_id, account_id, created_at)
             SELECT l.id, e.id, l.account_id, '2024-10-15T10:00:00'
             FROM bank_line l, entry e WHERE l.date = ?1 AND e.piece = ?2",
            rusqlite::params![date, piece],
        )
        .unwrap();
}

#[test]
fn matched_lines_come_last_with_their_piece_and_can_be_filtered_out() {
    let book = seeded_book();
    seed_match(&book, "2024-09-16", "D001");
    let mut app = on_tab(book);
    let screen = render_wide(&app);
    assert!(screen.contains("✓ D001"), "{screen}");
    assert!(
        screen.contains("4 lignes à rapprocher, 3 écritures sans ligne"),
        "{screen}"
    );
    let at = |s: &str, what: &str| s.find(what).unwrap_or_else(|| panic!("{what}: {s}"));
    assert!(
        at(&screen, "PRLV SEPA CARS") < at(&screen, "CARTE X1234"),
        "matched last"
    );
    key(&mut app, KeyCode::Char('f'));
    let screen = render_wide(&app);
    assert!(!screen.contains("CARTE X1234"), "{screen}");
    assert!(
        screen.contains("Relevé Compte Pro : 4 à rapprocher sur 5"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('f'));
    // The matched line: Entrée says so, x asks naming the pièce.
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_text(&app),
        "Ligne du 16/09/2024 déjà rapprochée (D001) : x pour défaire"
    );
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('x'));
    let screen = render_wide(&app);
    assert!(
        app.is_asking()
            && screen.contains("Défaire le rapprochement de la ligne du 16/09/2024 « CARTE"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('o'));
    let (text, error) = status_line(&app);
    assert!(
        error && text.starts_with("Rapprochement non défait : "),
        "{text}"
    );
    assert_eq!(count(&app, "bank_match"), 1);
    assert_eq!(audit_rows(&app), audit);
    // A matched entry cannot be marked.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(
        status_text(&app),
        "D001 est déjà rapprochée d'une ligne du relevé"
    );
}

#[test]
fn every_size_draws_and_the_cursor_stays_in_view() {
    let mut rows = Vec::new();
    for day in 1..=40 {
        let date = format!("2024-{:02}-{:02}", 9 + (day - 1) / 28, (day - 1) % 28 + 1);
        rows.push((
            date,
            -(day as i64) * 100,
            format!("CARTE X1234 ACHAT N° {day} « LIBELLÉ TRÈS LONG » 日本"),
        ));
    }
    let book = book();
    let refs: Vec<(&str, i64, &str)> = rows
        .iter()
        .map(|(d, c, l)| (d.as_str(), *c, l.as_str()))
        .collect();
    seed_lines(&book, MoneyKey::Pro, "long.csv", &refs);
    let mut app = on_tab(book);
    key(&mut app, KeyCode::End);
    for (w, h) in [
        (80, 24),
        (160, 48),
        (100, 30),
        (79, 23),
        (0, 0),
        (200, 60),
        (80, 24),
    ] {
        let _ = draw(&app, w, h);
    }
    let screen = render_small(&app);
    assert!(
        screen.contains("▸ 12/10 CARTE X1234…    -40,00 €"),
        "the last line shows: {screen}"
    );
    assert!(screen.contains("Relevé Compte Pro : 40 lignes"), "{screen}");
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::Home);
    assert!(render_wide(&app).contains("ACHAT N° 1 "));
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
