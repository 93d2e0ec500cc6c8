//! The compte rendu financier as CSV, printable HTML and xlsx. (Skeleton.)

use super::super::not_yet;
use crate::book::Book;
use crate::domain::Exercice;
use crate::io::export::CsvFormat;
use crate::store::Result;
use std::io::Write;

pub(super) fn write_csv(
    book: &Book,
    exercice: Exercice,
    format: CsvFormat,
    out: &mut dyn Write,
) -> Result<usize> {
    let _ = (book, exercice, format, out);
    Err(not_yet("l'export du CRF"))
}

pub(super) fn write_html(book: &Book, exercice: Exercice, out: &mut dyn Write) -> Result<usize> {
    let _ = (book, exercice, out);
    Err(not_yet("la page du CRF"))
}

pub(super) fn write_xlsx(book: &Book, exercice: Exercice, out: &mut dyn Write) -> Result<usize> {
    let _ = (book, exercice, out);
    Err(not_yet("le CRF en xlsx"))
}
