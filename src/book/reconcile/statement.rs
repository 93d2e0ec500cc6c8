//! The statement check: books, reconciled balance, difference, and the
//! entries not yet on the statement.

use crate::book::Book;
use crate::domain::bank::StatementCheck;
use crate::domain::{Money, MoneyKey};
use crate::store::{Result, StoreError};
use chrono::NaiveDate;

impl Book {
    /// Records a statement's balance at a date and checks it.
    pub fn check_statement(
        &mut self,
        _account: MoneyKey,
        _date: NaiveDate,
        _balance: Money,
    ) -> Result<StatementCheck> {
        Err(StoreError::Refused(
            "pointage du relevé pas encore disponible".into(),
        ))
    }

    /// The last statement balance recorded for the account, if any.
    pub fn last_statement(&self, _account: MoneyKey) -> Result<Option<(NaiveDate, Money)>> {
        Ok(None)
    }
}
