//! Shared by the Rapprochement tests: bank lines and matches seeded
//! straight into the tables (the imports are another part's), the app on
//! the tab, a Downloads folder with statements of different ages.
#![allow(dead_code)]

use super::ui::{app, audit_rows, book, clock, info, key};
use coopcompta::book::Book;
use coopcompta::domain::MoneyKey;
use coopcompta::ui::{App, RunInfo, Start};
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Seeds one import of `rows` (ISO date, cents, label) on `account`.
pub fn seed_lines(book: &Book, account: MoneyKey, file: &str, rows: &[(&str, i64, &str)]) -> i64 {
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
pub fn seeded_book() -> Book {
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

pub fn on_tab(book: Book) -> App {
    let mut app = app(book);
    key(&mut app, KeyCode::Char('3'));
    app
}

pub fn count(app: &App, table: &str) -> i64 {
    app.book()
        .unwrap()
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Nothing written by a refused action: no match, no new batch, the same
/// audit rows.
pub fn assert_nothing_written(app: &App, audit_before: i64, batches: i64) {
    assert_eq!(count(app, "bank_match"), 0);
    assert_eq!(count(app, "import_batch"), batches);
    assert_eq!(count(app, "statement_balance"), 0);
    assert_eq!(audit_rows(app), audit_before);
}

/// Seeds a match of the bank line of `date` to the entry `piece`.
pub fn seed_match(book: &Book, date: &str, piece: &str) {
    book.conn()
        .execute(
            "INSERT INTO bank_match (bank_line_id, entry_id, account_id, created_at)
             SELECT l.id, e.id, l.account_id, '2024-10-15T10:00:00'
             FROM bank_line l, entry e WHERE l.date = ?1 AND e.piece = ?2",
            rusqlite::params![date, piece],
        )
        .unwrap();
}

/// A folder with three statements of different ages, a note that is not
/// CSV and a sub-folder; deep enough that only its end shows.
pub fn downloads() -> (tempfile::TempDir, PathBuf) {
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

pub fn app_with_downloads(book: Book, dir: &Path) -> App {
    let info = RunInfo {
        import_dir: Some(dir.to_path_buf()),
        ..info()
    };
    let mut app = App::new(Start::Ready(book), info, clock());
    key(&mut app, KeyCode::Char('3'));
    app
}

/// A Downloads folder holding `files` (name in the folder, text), the
/// first one the newest.
pub fn downloads_with(files: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("Téléchargements");
    std::fs::create_dir_all(&dir).unwrap();
    let newest = SystemTime::UNIX_EPOCH + Duration::from_secs(1_760_000_000);
    for (n, (name, bytes)) in files.iter().enumerate() {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(newest - Duration::from_secs(3_600 * n as u64))
            .unwrap();
    }
    (root, dir)
}

/// The bytes of a file of `tests/fixtures/`.
pub fn fixture_bytes(relative: &str) -> Vec<u8> {
    std::fs::read(crate::support::fixture(relative)).unwrap()
}

/// The exercice 2025-2026 of the fixture files (October 2025): Compte
/// Pro 1 000,00 € at the opening, three pupils (two Martin, one Dupont).
pub fn book_2025() -> Book {
    use coopcompta::domain::Exercice;
    let mut book = crate::support::new_coop(
        coopcompta::store::open_in_memory().unwrap(),
        "Coopérative scolaire OCCE de l'école Jules Ferry",
        Exercice::new(2025),
        &[(MoneyKey::Caisse, 5_000), (MoneyKey::Pro, 100_000)],
        crate::support::clock_on(2025, 10, 20),
    );
    book.import_pupils(&[
        crate::support::participations::input("Martin", "Hugo", "CE1-B"),
        crate::support::participations::input("Martin", "Jade", "CP-A"),
        crate::support::participations::input("Dupont", "Léa", "CP-A"),
    ])
    .unwrap();
    book
}

/// `book` on the Rapprochement tab, its file picker opening on `dir`.
pub fn app_2025(book: Book, dir: &Path) -> App {
    let info = RunInfo {
        import_dir: Some(dir.to_path_buf()),
        ..info()
    };
    let mut app = App::new(
        Start::Ready(book),
        info,
        crate::support::clock_on(2025, 10, 20),
    );
    key(&mut app, KeyCode::Char('3'));
    app
}

/// Picks the file whose name holds `filter` and imports it as the kind
/// guessed from its name.
pub fn import_file(app: &mut App, filter: &str) {
    key(app, KeyCode::Char('i'));
    super::ui::type_text(app, filter);
    key(app, KeyCode::Enter);
    key(app, KeyCode::Enter);
}
