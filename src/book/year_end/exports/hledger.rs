//! An hledger journal, streamed from the store entry by entry (the format
//! is described in [`crate::io::export::hledger`]).

use super::io_error;
use crate::book::Book;
use crate::domain::Exercice;
use crate::io::export::hledger::HledgerJournal;
use crate::store::{Result, export_rows};
use std::io::Write;

pub(super) fn write(book: &Book, exercice: Exercice, out: &mut dyn Write) -> Result<usize> {
    let used = export_rows::used_accounts(book.conn(), exercice, true)?;
    let title = format!(
        "{} : exercice {exercice} (du {} au {})\nexporté par coopcompta : une transaction par écriture, la pièce entre parenthèses",
        book.coop().name,
        crate::domain::format_date(exercice.first_day()),
        crate::domain::format_date(exercice.last_day()),
    );
    let mut journal = HledgerJournal::new(out, &title, book.chart(), &used).map_err(io_error)?;
    let count = export_rows::for_each_entry(book.conn(), exercice, |entry| {
        journal.entry(entry).map_err(io_error)
    })?;
    journal.finish().map_err(io_error)?;
    Ok(count)
}
