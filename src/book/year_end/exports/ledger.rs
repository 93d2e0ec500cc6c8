//! The journal as CSV, streamed from the store entry by entry.

use crate::book::Book;
use crate::domain::Exercice;
use crate::io::export::{CsvFormat, LedgerCsv};
use crate::store::{Result, StoreError, export_rows};
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

/// A failure to write the file, for the user.
pub(super) fn io_error(source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: "d'export".into(),
        source,
    }
}

/// A CSV writer's failure: the system's (disk full, output closed) kept
/// whole, so that the caller can tell a closed output.
pub(super) fn csv_error(error: csv::Error) -> StoreError {
    let text = crate::io::import::french_csv(&error);
    match error.into_kind() {
        csv::ErrorKind::Io(source) => io_error(source),
        _ => StoreError::Refused(format!("écriture du fichier d'export impossible : {text}")),
    }
}

/// A workbook writer's failure.
pub(super) fn xlsx_error(error: rust_xlsxwriter::XlsxError) -> StoreError {
    match error {
        rust_xlsxwriter::XlsxError::IoError(source) => io_error(source),
        other => StoreError::Refused(format!("écriture du classeur xlsx impossible : {other}")),
    }
}
