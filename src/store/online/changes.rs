//! What a later import changed on payments already known, kept so that
//! undoing that import restores them; and the undo of a batch's rows.

use crate::store::online::payments::StoredPayment;
use crate::store::{Result, StoreError};
use rusqlite::{OptionalExtension, Transaction, params};

/// Keeps the values of `before` that `batch` is about to change.
pub fn record(
    tx: &Transaction,
    batch: i64,
    before: &StoredPayment,
    cancelled_contribution: Option<i64>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO online_payment_change (batch_id, payment_id, status, payout_ref,
            refund_entry_id, fee_refund_entry_id, to_assign, cancelled_contribution_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        batch,
        before.id,
        before.status.key(),
        before.payout,
        before.refund_entry_id,
        before.fee_refund_entry_id,
        before.to_assign,
        cancelled_contribution
    ])?;
    Ok(())
}

/// Remembers that `batch` created a campaign (for a form no campaign had).
pub fn campaign_created(tx: &Transaction, batch: i64, campaign: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO online_campaign (campaign_id, batch_id) VALUES (?1, ?2)",
        params![campaign, batch],
    )?;
    Ok(())
}

fn refuse_later(tx: &Transaction, batch: i64) -> Result<()> {
    let later: Option<i64> = tx
        .query_row(
            "SELECT min(c.batch_id) FROM online_payment_change c
             JOIN online_payment p ON p.id = c.payment_id
             WHERE p.batch_id = ?1 AND c.batch_id > ?1",
            [batch],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let settled: Option<i64> = tx.query_row(
        "SELECT min(settled_batch_id) FROM payout
         WHERE batch_id = ?1 AND settled_batch_id > ?1",
        [batch],
        |r| r.get(0),
    )?;
    if let Some(later) = later.or(settled) {
        return Err(StoreError::Refused(format!(
            "l'import n° {later} a modifié des paiements de cet import : défaites d'abord l'import n° {later}"
        )));
    }
    let used: Option<String> = tx
        .query_row(
            "SELECT cp.name FROM online_campaign oc JOIN campaign cp ON cp.id = oc.campaign_id
             WHERE oc.batch_id = ?1 AND EXISTS (
                SELECT 1 FROM contribution c WHERE c.campaign_id = oc.campaign_id
                  AND (c.entry_id IS NULL OR c.entry_id NOT IN
                       (SELECT id FROM entry WHERE batch_id = ?1)))",
            [batch],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(name) = used {
        return Err(StoreError::Refused(format!(
            "la campagne « {name} », créée par cet import, a reçu depuis d'autres participations : elle ne peut plus être retirée"
        )));
    }
    Ok(())
}

/// Inside the undo of `batch`, before its entries and bank lines go:
/// restores the payments it changed, unsettles the payouts it settled (or
/// whose bank line it brought), removes its payments, payouts, the
/// contributions on its entries and the campaigns it created. Refuses when
/// a later import changed its payments. Returns how many payments went.
pub fn undo_batch(tx: &Transaction, batch: i64) -> Result<usize> {
    refuse_later(tx, batch)?;
    // Newest change first, so that the oldest values win.
    tx.execute(
        "UPDATE contribution SET cancelled_at = NULL WHERE id IN
            (SELECT cancelled_contribution_id FROM online_payment_change WHERE batch_id = ?1)",
        [batch],
    )?;
    let mut stmt = tx.prepare_cached(
        "SELECT payment_id, status, payout_ref, refund_entry_id, fee_refund_entry_id, to_assign
         FROM online_payment_change WHERE batch_id = ?1 ORDER BY id DESC",
    )?;
    let changes = stmt
        .query_map([batch], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, bool>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (payment, status, payout, refund, fee_refund, to_assign) in changes {
        tx.execute(
            "UPDATE online_payment SET status = ?2, payout_ref = ?3, refund_entry_id = ?4,
                fee_refund_entry_id = ?5, to_assign = ?6 WHERE id = ?1",
            params![payment, status, payout, refund, fee_refund, to_assign],
        )?;
    }
    tx.execute(
        "DELETE FROM online_payment_change WHERE batch_id = ?1",
        [batch],
    )?;
    tx.execute(
        "UPDATE payout SET transfer_entry_id = NULL, bank_line_id = NULL, settled_batch_id = NULL
         WHERE settled_batch_id = ?1
            OR bank_line_id IN (SELECT id FROM bank_line WHERE batch_id = ?1)
            OR transfer_entry_id IN (SELECT id FROM entry WHERE batch_id = ?1)",
        [batch],
    )?;
    tx.execute("DELETE FROM payout WHERE batch_id = ?1", [batch])?;
    // Fees of earlier payments booked by this batch (a later file counted them).
    tx.execute(
        "UPDATE online_payment SET fee_entry_id = NULL
         WHERE fee_entry_id IN (SELECT id FROM entry WHERE batch_id = ?1)",
        [batch],
    )?;
    let removed = tx.execute("DELETE FROM online_payment WHERE batch_id = ?1", [batch])?;
    tx.execute(
        "DELETE FROM contribution WHERE entry_id IN (SELECT id FROM entry WHERE batch_id = ?1)",
        [batch],
    )?;
    tx.execute(
        "DELETE FROM campaign_class WHERE campaign_id IN
            (SELECT campaign_id FROM online_campaign WHERE batch_id = ?1)",
        [batch],
    )?;
    let campaigns: Vec<i64> = tx
        .prepare("SELECT campaign_id FROM online_campaign WHERE batch_id = ?1")?
        .query_map([batch], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM online_campaign WHERE batch_id = ?1", [batch])?;
    for campaign in campaigns {
        tx.execute("DELETE FROM campaign WHERE id = ?1", [campaign])?;
    }
    Ok(removed)
}
