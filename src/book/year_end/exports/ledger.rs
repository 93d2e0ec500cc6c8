//! The journal as CSV, streamed. (Skeleton: to fill.)

use super::super::not_yet;
use crate::book::Book;
use crate::domain::Exercice;
use crate::io::export::CsvFormat;
use crate::store::Result;
use std::io::Write;

pub(super) fn write(
    book: &Book,
    exercice: Exercice,
    format: CsvFormat,
    out: &mut dyn Write,
) -> Result<usize> {
    let _ = (book, exercice, format, out);
    Err(not_yet("l'export du journal"))
}
