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
