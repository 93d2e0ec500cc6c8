//! AssoConnect payments: recorded on Collectes en ligne (or linked to the
//! contribution already recorded), their fees booked per payout, payouts
//! recognised on the Compte Pro, payments "à attribuer".
//!
//! - [`import`]: the import of an export as one batch;
//! - [`record`]: a new paid payment recorded or linked, a refund reversed;
//! - [`fees`]: the fees booked once, one dépense per payout;
//! - [`payouts`]: payouts settled when their Compte Pro line arrives;
//! - [`assign`]: the user picks the pupil of a payment "à attribuer";
//! - [`views`]: payments and payouts as the screens and the CLI show them;
//! - [`undo`]: the hook of `undo_batch`.

mod assign;
mod fees;
mod import;
mod payouts;
mod record;
mod undo;
mod views;

#[allow(unused_imports)] // called by the statement import
pub(crate) use payouts::settle_payouts;
#[allow(unused_imports)] // called by undo_batch
pub(crate) use undo::undo_online;

use crate::book::write::Writing;
use crate::domain::{EntryKind, MoneyKey, NewEntry};
use crate::store::{self, Result, StoreError};

/// Longest label of an entry written by an import.
const MAX_LABEL: usize = 200;

fn clip(label: String) -> String {
    if label.chars().count() <= MAX_LABEL {
        label
    } else {
        label.chars().take(MAX_LABEL).collect()
    }
}

/// Inserts an entry inside the action, numbered now, carrying `batch`.
fn insert_entry(w: &Writing<'_>, batch: Option<i64>, entry: &NewEntry) -> Result<i64> {
    let id = store::entries::insert(w.tx, w.exercice, entry, w.now)?;
    if let Some(batch) = batch {
        w.tx.execute(
            "UPDATE entry SET batch_id = ?2 WHERE id = ?1",
            rusqlite::params![id, batch],
        )?;
    }
    Ok(id)
}

fn next_piece(w: &Writing<'_>, kind: EntryKind) -> Result<String> {
    store::entries::next_piece(w.tx, w.exercice, kind)
}

/// The chart's account of a money key (code and id), or a French refusal.
fn money_account(w: &Writing<'_>, key: MoneyKey) -> Result<(String, i64)> {
    w.chart
        .iter()
        .find(|a| a.money_key == Some(key))
        .map(|a| (a.code.clone(), a.id))
        .ok_or_else(|| {
            StoreError::Refused(format!(
                "le compte « {} » est absent du plan comptable",
                key.label()
            ))
        })
}
