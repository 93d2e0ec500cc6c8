//! An hledger journal, streamed. (Skeleton: to fill.)

use super::super::not_yet;
use crate::book::Book;
use crate::domain::Exercice;
use crate::store::Result;
use std::io::Write;

pub(super) fn write(book: &Book, exercice: Exercice, out: &mut dyn Write) -> Result<usize> {
    let _ = (book, exercice, out);
    Err(not_yet("l'export hledger"))
}
