//! The compte rendu financier as CSV, printable HTML and xlsx: the CRF is
//! computed, then written by the pure writers of `io::export::crf`.

use crate::book::Book;
use crate::domain::Exercice;
use crate::io::export::CsvFormat;
use crate::io::export::crf as files;
use crate::store::{Result, StoreError};
use std::io::Write;

fn io_error(source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: "(export)".into(),
        source,
    }
}

pub(super) fn write_csv(
    book: &Book,
    exercice: Exercice,
    format: CsvFormat,
    out: &mut dyn Write,
) -> Result<usize> {
    let crf = book.crf(exercice)?;
    files::write_csv(out, &crf, &book.coop().name, format).map_err(|e| match e.into_kind() {
        csv::ErrorKind::Io(io) => io_error(io),
        other => io_error(std::io::Error::other(format!("{other:?}"))),
    })
}

pub(super) fn write_html(book: &Book, exercice: Exercice, out: &mut dyn Write) -> Result<usize> {
    let crf = book.crf(exercice)?;
    files::write_html(out, &crf, &book.coop().name).map_err(io_error)
}

pub(super) fn write_xlsx(book: &Book, exercice: Exercice, out: &mut dyn Write) -> Result<usize> {
    let crf = book.crf(exercice)?;
    files::write_xlsx(out, &crf, &book.coop().name).map_err(io_error)
}
