//! The journal export streamed from the store (`Book::export`) writes the
//! same bytes as the journal built in memory.

use crate::support::clock;
use coopcompta::book::demo::load_demo;
use coopcompta::book::year_end::ExportKind;
use coopcompta::io::export::{CsvFormat, write_ledger};
use coopcompta::store;

#[test]
fn the_streamed_journal_is_the_journal_built_in_memory() {
    let mut book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    // A cancelled entry and its reversal too.
    let first = book.entries(book.exercice()).unwrap()[3].id;
    book.cancel_entry(first).unwrap();
    let exercice = book.exercice();
    let entries = book.entries(exercice).unwrap();
    for format in [CsvFormat::Std, CsvFormat::Fr] {
        let mut expected = Vec::new();
        write_ledger(&mut expected, &entries, book.chart(), format).unwrap();
        let mut streamed = Vec::new();
        let count = book
            .export(ExportKind::Ledger(format), exercice, &mut streamed)
            .unwrap();
        assert_eq!(count, entries.len());
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(expected).unwrap(),
            "{format:?}"
        );
    }
}

#[test]
fn a_line_moved_off_its_entry_s_date_by_hand_refuses_the_export_and_writes_nothing() {
    use crate::support::cli::Sandbox;
    let s = Sandbox::lilas("120,50");
    s.ok(&[
        "add",
        "--depense",
        "--account",
        "caisse",
        "--mode",
        "especes",
        "--date",
        "03/10/2024",
        "--amount",
        "12,50",
        "--category",
        "6064",
        "--label",
        "Feutres",
    ]);
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    conn.execute(
        "UPDATE entry_line SET date = '2024-10-04'
         WHERE entry_id = (SELECT id FROM entry WHERE piece = 'D001') AND position = 0",
        [],
    )
    .unwrap();
    drop(conn);
    let file = s.path("journal.csv");
    let err = s.fails(&["export", "ledger", "--out", file.to_str().unwrap()]);
    assert!(err.contains("hors de la date de son écriture"), "{err}");
    assert!(err.contains("lancez « coopcompta check »"), "{err}");
    assert!(!file.exists());
}

#[test]
fn a_line_moved_past_another_entry_refuses_the_export_too() {
    let book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    let exercice = book.exercice();
    let entries = book.entries(exercice).unwrap();
    let (first, later) = (
        &entries[2],
        entries.iter().find(|e| e.date > entries[2].date).unwrap(),
    );
    book.conn()
        .execute(
            "UPDATE entry_line SET date = ?2 WHERE entry_id = ?1 AND position = 0",
            rusqlite::params![first.id, later.date.to_string()],
        )
        .unwrap();
    let mut out = Vec::new();
    let err = book
        .export(ExportKind::Ledger(CsvFormat::Std), exercice, &mut out)
        .unwrap_err();
    assert!(
        err.to_string().contains(&format!(
            "ligne de l'écriture n° {} hors de la date",
            first.id
        )),
        "{err}"
    );
}
