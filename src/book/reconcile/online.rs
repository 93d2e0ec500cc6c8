//! AssoConnect payments: recorded on Collectes en ligne (or linked to the
//! contribution already recorded), their fees booked per payout, payouts
//! recognised on the Compte Pro, payments "à attribuer".

use super::PaymentImportSummary;
use crate::book::Book;
use crate::domain::online::{Payment, PaymentFile, Payout};
use crate::store::{Result, StoreError};

impl Book {
    /// Imports an AssoConnect payments export as one batch.
    pub fn import_payments(
        &mut self,
        _file_name: &str,
        _bytes: &[u8],
        _file: &PaymentFile,
    ) -> Result<PaymentImportSummary> {
        Err(StoreError::Refused(
            "import AssoConnect pas encore disponible".into(),
        ))
    }

    /// Every payment imported (current exercice), oldest first.
    pub fn payments(&self) -> Result<Vec<Payment>> {
        Ok(Vec::new())
    }

    /// Every payout with its payments, oldest first.
    pub fn payouts(&self) -> Result<Vec<Payout>> {
        Ok(Vec::new())
    }

    /// Attributes a payment "à attribuer" to a pupil, or to none.
    pub fn assign_payment(&mut self, _payment: i64, _pupil: Option<i64>) -> Result<()> {
        Err(StoreError::Refused(
            "attribution pas encore disponible".into(),
        ))
    }

    /// The payments (ids) proposed for an unexplained AssoConnect credit on
    /// the Compte Pro: their sum minus fees equals the line.
    pub fn payout_proposal(&self, _line: i64) -> Result<Option<Vec<i64>>> {
        Ok(None)
    }

    /// Groups the payments as the payout of that bank line: records the
    /// transfer Collectes en ligne → Compte Pro and matches it.
    pub fn accept_payout(&mut self, _line: i64, _payments: &[i64]) -> Result<i64> {
        Err(StoreError::Refused(
            "versement pas encore disponible".into(),
        ))
    }
}

/// Inside a statement import's transaction: recognises the payouts whose
/// Compte Pro line has arrived, and matches or records their transfers.
/// Returns how many bank lines were matched.
#[allow(dead_code)] // called by the statement import
pub(crate) fn settle_payouts(_w: &crate::book::write::Writing<'_>) -> Result<usize> {
    Ok(0)
}

/// Inside `undo_batch`'s transaction, before the batch's entries and bank
/// lines are deleted: removes the batch's payments and payouts, restores
/// what it changed on payments known before, and clears the payouts'
/// references to the batch's entries and bank lines. Refuses when a later
/// import depends on them. Returns how many payments were removed.
#[allow(dead_code)] // called by undo_batch
pub(crate) fn undo_online(_tx: &rusqlite::Transaction<'_>, _batch: i64) -> Result<usize> {
    Ok(0)
}
