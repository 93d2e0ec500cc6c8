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
