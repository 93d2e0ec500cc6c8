//! The AssoConnect part of undoing an import.

use crate::store::{self, Result};

/// Inside `undo_batch`'s transaction, before the batch's entries and bank
/// lines are deleted: removes the batch's payments and payouts, restores
/// what it changed on payments known before, and clears the payouts'
/// references to the batch's entries and bank lines. Refuses when a later
/// import depends on them. Returns how many payments were removed.
#[allow(dead_code)] // called by undo_batch
pub(crate) fn undo_online(tx: &rusqlite::Transaction<'_>, batch: i64) -> Result<usize> {
    store::online::undo_batch(tx, batch)
}
