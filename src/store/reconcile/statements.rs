//! Statement balances: what a statement states at a date.

use crate::domain::Money;
use crate::store::Result;
use crate::store::entries::parse_iso_date;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

/// Records a statement balance (with the batch that read it, if any).
pub fn insert(
    tx: &Connection,
    account_id: i64,
    date: NaiveDate,
    balance: Money,
    batch: Option<i64>,
    now: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO statement_balance (account_id, date, balance_cents, batch_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![account_id, date.to_string(), balance.cents(), batch, now],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The latest statement balance of an account (latest date, then latest
/// recorded).
pub fn last(conn: &Connection, account_id: i64) -> Result<Option<(NaiveDate, Money)>> {
    let row: Option<(String, i64)> = conn
        .query_row(
            "SELECT date, balance_cents FROM statement_balance WHERE account_id = ?1
             ORDER BY date DESC, id DESC LIMIT 1",
            [account_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        Some((date, cents)) => Ok(Some((parse_iso_date(&date)?, Money::from_cents(cents)))),
        None => Ok(None),
    }
}
