//! Statement imports as batches, the list of batches, undoing one.

use super::{BankImportSummary, UndoSummary};
use crate::book::Book;
use crate::domain::MoneyKey;
use crate::domain::bank::{BankFile, Batch};
use crate::store::{self, Result, StoreError};

impl Book {
    /// Imports a statement's booked lines on `account` as one batch: lines
    /// already known (by the bank's id, or by counting identical lines) are
    /// left out; a file bringing nothing new keeps no batch.
    pub fn import_bank(
        &mut self,
        _account: MoneyKey,
        _file_name: &str,
        _bytes: &[u8],
        _file: &BankFile,
    ) -> Result<BankImportSummary> {
        Err(StoreError::Refused(
            "import de relevé pas encore disponible".into(),
        ))
    }

    /// Every import, newest first.
    pub fn batches(&self) -> Result<Vec<Batch>> {
        store::reconcile::batches::all(&self.conn)
    }

    /// Undoes an import exactly: its lines, payments, the entries and
    /// matches it created go; the batch stays listed as undone.
    pub fn undo_batch(&mut self, _batch: i64) -> Result<UndoSummary> {
        Err(StoreError::Refused(
            "annulation d'import pas encore disponible".into(),
        ))
    }
}
