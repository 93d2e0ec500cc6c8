//! Bank lines against the books: the two lists, suggestions, matching
//! (one or several entries to one line), un-matching, creating an entry
//! from a bank line, the automatic pass.

use super::AutoSummary;
use crate::book::Book;
use crate::domain::MoneyKey;
use crate::domain::bank::{BankLine, BookLine};
use crate::domain::reconcile::{BankItem, BookItem, Suggestion, suggest};
use crate::store::{self, Result, StoreError};

impl Book {
    /// The account's bank lines (current exercice), oldest first.
    pub fn bank_lines(&self, account: MoneyKey) -> Result<Vec<BankLine>> {
        match self.account(account) {
            Some(a) => store::reconcile::lines::bank_lines(&self.conn, self.exercice(), a),
            None => Ok(Vec::new()),
        }
    }

    /// The entries' lines on the account (current exercice), oldest first,
    /// cancelled pairs and openings left out.
    pub fn book_lines(&self, account: MoneyKey) -> Result<Vec<BookLine>> {
        match self.account(account) {
            Some(a) => store::reconcile::lines::book_lines(&self.conn, self.exercice(), a),
            None => Ok(Vec::new()),
        }
    }

    /// Suggestions for the unmatched lines, one-to-one.
    pub fn suggestions(&self, account: MoneyKey) -> Result<Vec<Suggestion>> {
        let lines: Vec<BankItem> = self
            .bank_lines(account)?
            .into_iter()
            .filter(|l| !l.is_matched())
            .map(|l| BankItem {
                id: l.id,
                date: l.date,
                amount: l.amount,
                text: format!("{} {} {}", l.label, l.reference, l.counterparty),
            })
            .collect();
        let books: Vec<BookItem> = self
            .book_lines(account)?
            .into_iter()
            .filter(|b| b.matched_to.is_none())
            .map(|b| BookItem {
                entry_id: b.entry_id,
                date: b.date,
                amount: b.amount,
                text: format!(
                    "{} {} {}",
                    b.piece,
                    b.label,
                    b.cheque_no.unwrap_or_default()
                ),
            })
            .collect();
        Ok(suggest(&lines, &books))
    }

    /// Accepts every unambiguous suggestion (one transaction).
    pub fn reconcile_auto(&mut self, _account: MoneyKey) -> Result<AutoSummary> {
        Err(StoreError::Refused(
            "rapprochement pas encore disponible".into(),
        ))
    }

    /// Matches entries (by id) to one bank line: their total must equal it.
    pub fn match_line(&mut self, _line: i64, _entries: &[i64]) -> Result<()> {
        Err(StoreError::Refused(
            "rapprochement pas encore disponible".into(),
        ))
    }

    /// Takes a bank line's matches away.
    pub fn unmatch_line(&mut self, _line: i64) -> Result<()> {
        Err(StoreError::Refused(
            "rapprochement pas encore disponible".into(),
        ))
    }

    /// Records the entry a bank line shows (a card purchase, bank fees) on
    /// `category`, numbered, and matches it; returns the entry id.
    pub fn create_from_line(
        &mut self,
        _line: i64,
        _category: &str,
        _label: Option<&str>,
    ) -> Result<i64> {
        Err(StoreError::Refused(
            "rapprochement pas encore disponible".into(),
        ))
    }
}
