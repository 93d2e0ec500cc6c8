//! Matches between a bank line and the entries it pays.

use crate::store::Result;
use rusqlite::{Connection, OptionalExtension, params};

/// Ties an entry's line on `account_id` to a bank line.
pub fn insert(
    tx: &Connection,
    line: i64,
    entry: i64,
    account_id: i64,
    batch: Option<i64>,
    now: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO bank_match (bank_line_id, entry_id, account_id, batch_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![line, entry, account_id, batch, now])?;
    Ok(())
}

/// The bank lines matched by a batch's own matches.
pub fn lines_matched_by(conn: &Connection, batch: i64) -> Result<std::collections::HashSet<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT bank_line_id FROM bank_match WHERE batch_id = ?1")?;
    let rows = stmt.query_map([batch], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The entries matched to a bank line (ids).
pub fn entries_of_line(conn: &Connection, line: i64) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT entry_id FROM bank_match WHERE bank_line_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([line], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The bank line an entry's line on the account is matched to.
pub fn line_of_entry(conn: &Connection, entry: i64, account_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT bank_line_id FROM bank_match WHERE entry_id = ?1 AND account_id = ?2",
            params![entry, account_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Removes a bank line's matches; returns how many went.
pub fn delete_for_line(tx: &Connection, line: i64) -> Result<usize> {
    Ok(tx.execute("DELETE FROM bank_match WHERE bank_line_id = ?1", [line])?)
}

/// A cancelled entry is on no statement: the bank lines it was matched to
/// (with their other entries) are to match again. Returns the matches removed.
pub fn release_entry(tx: &Connection, entry: i64) -> Result<usize> {
    Ok(tx.execute(
        "DELETE FROM bank_match WHERE bank_line_id IN
            (SELECT bank_line_id FROM bank_match WHERE entry_id = ?1)",
        [entry],
    )?)
}

/// After an edit: the bank lines matched to the entry whose entries no
/// longer pay them exactly are to match again. Returns the matches removed.
pub fn release_unpaid(tx: &Connection, entry: i64) -> Result<usize> {
    Ok(tx.execute(
        "DELETE FROM bank_match WHERE bank_line_id IN (
            SELECT b.id FROM bank_line b
            WHERE b.id IN (SELECT bank_line_id FROM bank_match WHERE entry_id = ?1)
              AND b.amount_cents <> (
                  SELECT COALESCE(SUM(l.amount_cents), 0) FROM bank_match m
                  JOIN entry_line l ON l.entry_id = m.entry_id AND l.account_id = m.account_id
                  WHERE m.bank_line_id = b.id))",
        [entry],
    )?)
}
