//! The journal as CSV, streamed from the store entry by entry.

use super::csv_error;
use crate::book::Book;
use crate::domain::Exercice;
use crate::io::export::{CsvFormat, LedgerCsv};
use crate::store::{Result, export_rows};
use std::io::Write;

pub(super) fn write(
    book: &Book,
    exercice: Exercice,
    format: CsvFormat,
    out: &mut dyn Write,
) -> Result<usize> {
    let mut writer = LedgerCsv::new(out, book.chart(), format).map_err(csv_error)?;
    let count = export_rows::for_each_entry(book.conn(), exercice, |entry| {
        writer.entry(entry).map_err(csv_error)
    })?;
    writer.finish().map_err(csv_error)?;
    Ok(count)
}
