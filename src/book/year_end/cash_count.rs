//! Recording an arrêté de caisse, listing them. (Skeleton: to fill.)

use super::not_yet;
use crate::book::Book;
use crate::domain::cash_count::{CashCount, CashCountRequest};
use crate::domain::{Exercice, Money};
use crate::store::Result;
use chrono::NaiveDate;

impl Book {
    /// The Caisse balance in the books at the end of `date`.
    pub fn caisse_at(&self, date: NaiveDate) -> Result<Money> {
        let _ = date;
        Err(not_yet("le solde de caisse à une date"))
    }

    /// Records a count (and, with `adjust`, books the difference), as one
    /// action.
    pub fn record_cash_count(&mut self, request: &CashCountRequest) -> Result<CashCount> {
        let _ = request;
        Err(not_yet("l'arrêté de caisse"))
    }

    /// The counts of an exercice, oldest first.
    pub fn cash_counts(&self, exercice: Exercice) -> Result<Vec<CashCount>> {
        let _ = exercice;
        Ok(Vec::new())
    }
}
