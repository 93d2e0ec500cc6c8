//! The compte rendu financier of an exercice. (Skeleton: to fill.)

use super::not_yet;
use crate::book::Book;
use crate::domain::Exercice;
use crate::domain::crf::Crf;
use crate::store::Result;

impl Book {
    /// The CRF of `exercice`, read from the store.
    pub fn crf(&self, exercice: Exercice) -> Result<Crf> {
        let _ = exercice;
        Err(not_yet("le compte rendu financier"))
    }
}
