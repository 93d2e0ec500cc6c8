//! The compte rendu financier as CSV, printable HTML and xlsx: the CRF is
//! computed, then written by the pure writers of `io::export::crf`.

use super::{csv_error, io_error};
use crate::book::Book;
use crate::domain::Exercice;
use crate::io::export::CsvFormat;
use crate::io::export::crf as files;
use crate::store::Result;
use std::io::Write;

pub(super) fn write_csv(
    book: &Book,
    exercice: Exercice,
    format: CsvFormat,
    out: &mut dyn Write,
) -> Result<usize> {
    let crf = book.crf(exercice)?;
    files::write_csv(out, &crf, &book.coop().name, format).map_err(csv_error)
}

pub(super) fn write_html(book: &Book, exercice: Exercice, out: &mut dyn Write) -> Result<usize> {
    let crf = book.crf(exercice)?;
    files::write_html(out, &crf, &book.coop().name).map_err(io_error)
}

pub(super) fn write_xlsx(book: &Book, exercice: Exercice, out: &mut dyn Write) -> Result<usize> {
    let crf = book.crf(exercice)?;
    files::write_xlsx(out, &crf, &book.coop().name).map_err(io_error)
}
