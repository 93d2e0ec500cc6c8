//! Undoing an import exactly: the rows the batch created are removed (the
//! import never happened), the batch stays listed as undone. What may
//! refuse it is read first; nothing is removed before every check passed.

use crate::store::{Result, StoreError};
use rusqlite::{Connection, params};

/// An entry the batch created: id and pièce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchEntry {
    pub id: i64,
    pub piece: String,
}

/// The entries a batch created, oldest first.
pub fn entries_of(conn: &Connection, batch: i64) -> Result<Vec<BatchEntry>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, piece FROM entry WHERE batch_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([batch], |r| {
        Ok(BatchEntry {
            id: r.get(0)?,
            piece: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn refused(message: String) -> StoreError {
    StoreError::Refused(message)
}

/// Refuses the undo when what the batch created is used since: one of its
/// entries cancelled by the user or by another import, changed by the user
/// (its audit trail would point at nothing), or an entry of another import
/// matched to one of its bank lines.
pub fn refuse_if_used(conn: &Connection, batch: i64) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.piece, r.piece, r.batch_id FROM entry e JOIN entry r ON r.reverses = e.id
         WHERE e.batch_id = ?1 AND r.batch_id IS NOT ?1 ORDER BY e.id LIMIT 1",
    )?;
    let cancelled: Option<(String, String, Option<i64>)> = stmt
        .query_map([batch], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .next()
        .transpose()?;
    match cancelled {
        Some((piece, reversal, None)) => {
            return Err(refused(format!(
                "l'écriture {piece} de cet import a été annulée depuis (pièce {reversal}) : l'import ne peut plus être défait"
            )));
        }
        Some((piece, _, Some(later))) => {
            return Err(refused(format!(
                "l'import n° {later} a annulé l'écriture {piece} de cet import : défaites d'abord l'import n° {later}"
            )));
        }
        None => {}
    }
    let changed: Option<String> = conn
        .prepare_cached(
            "SELECT e.piece FROM entry e
             WHERE e.batch_id = ?1 AND EXISTS (
                 SELECT 1 FROM audit a WHERE a.entity_id = e.id
                   AND a.entity IN ('ecriture', 'regie', 'participations'))
             ORDER BY e.id LIMIT 1",
        )?
        .query_map([batch], |r| r.get(0))?
        .next()
        .transpose()?;
    if let Some(piece) = changed {
        return Err(refused(format!(
            "l'écriture {piece} de cet import a été modifiée depuis : l'import ne peut plus être défait"
        )));
    }
    let later: Option<(i64, String)> = conn
        .prepare_cached(
            "SELECT e.batch_id, e.piece FROM bank_match m
             JOIN bank_line b ON b.id = m.bank_line_id
             JOIN entry e ON e.id = m.entry_id
             WHERE b.batch_id = ?1 AND e.batch_id > ?1
             ORDER BY e.batch_id DESC LIMIT 1",
        )?
        .query_map([batch], |r| Ok((r.get(0)?, r.get(1)?)))?
        .next()
        .transpose()?;
    if let Some((later, piece)) = later {
        return Err(refused(format!(
            "l'écriture {piece} de l'import n° {later} est rapprochée d'une ligne de cet import : défaites d'abord l'import n° {later}"
        )));
    }
    Ok(())
}

/// What the removal took away.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Removed {
    pub pieces: Vec<String>,
    pub lines: usize,
    pub matches: usize,
}

/// Removes every row the batch created (after [`refuse_if_used`]).
pub fn remove(tx: &Connection, batch: i64) -> Result<Removed> {
    let entries = entries_of(tx, batch)?;
    let matches = tx.execute(
        "DELETE FROM bank_match WHERE batch_id = ?1
            OR bank_line_id IN (SELECT id FROM bank_line WHERE batch_id = ?1)
            OR entry_id IN (SELECT id FROM entry WHERE batch_id = ?1)",
        [batch],
    )?;
    tx.execute("DELETE FROM statement_balance WHERE batch_id = ?1", [batch])?;
    tx.execute(
        "DELETE FROM contribution WHERE entry_id IN (SELECT id FROM entry WHERE batch_id = ?1)",
        [batch],
    )?;
    tx.execute(
        "DELETE FROM entry_line WHERE entry_id IN (SELECT id FROM entry WHERE batch_id = ?1)",
        [batch],
    )?;
    // Reversals first: they point at the entries they cancel.
    tx.execute(
        "DELETE FROM entry WHERE batch_id = ?1 AND reverses IS NOT NULL",
        [batch],
    )?;
    tx.execute("DELETE FROM entry WHERE batch_id = ?1", [batch])?;
    let lines = tx.execute("DELETE FROM bank_line WHERE batch_id = ?1", params![batch])?;
    Ok(Removed {
        pieces: entries.into_iter().map(|e| e.piece).collect(),
        lines,
        matches,
    })
}
