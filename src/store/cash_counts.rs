//! The `cash_count` table: the arrêtés de caisse, each with the notes and
//! coins counted (as a detail string), the total, the Caisse in the books
//! that day and, when the difference was booked, its adjustment entry.

use super::entries::parse_iso_date;
use super::{Result, StoreError};
use crate::domain::cash_count::{self, CashCount, CashCountRequest};
use crate::domain::{Exercice, Money};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

/// What a new count row holds beyond the request.
pub struct NewCount<'a> {
    pub request: &'a CashCountRequest,
    pub books: Money,
    pub adjustment_entry_id: Option<i64>,
    /// The reason kept (empty when none).
    pub reason: &'a str,
}

/// Stores a count; returns its id.
pub fn insert(tx: &Transaction, exercice: Exercice, count: &NewCount, now: &str) -> Result<i64> {
    let counted = cash_count::total(&count.request.counts);
    tx.execute(
        "INSERT INTO cash_count (exercice, date, counted_by, detail, counted_cents, books_cents,
                                 adjustment_entry_id, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            exercice.start_year,
            count.request.date.to_string(),
            count.request.counted_by,
            cash_count::detail(&count.request.counts),
            counted.cents(),
            count.books.cents(),
            count.adjustment_entry_id,
            count.reason,
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

const SELECT: &str = "SELECT c.id, c.date, c.counted_by, c.detail, c.counted_cents, c.books_cents,
                             e.piece, c.reason
                      FROM cash_count c LEFT JOIN entry e ON e.id = c.adjustment_entry_id";

fn read(r: &Row) -> Result<CashCount> {
    let detail: String = r.get(3)?;
    let counts = cash_count::parse_detail(&detail).map_err(StoreError::Corrupt)?;
    Ok(CashCount {
        id: r.get(0)?,
        date: parse_iso_date(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?,
        counted_by: r.get(2)?,
        counts,
        counted: Money::from_cents(r.get(4)?),
        books: Money::from_cents(r.get(5)?),
        adjustment: r.get(6)?,
        reason: r.get(7)?,
    })
}

/// The counts of an exercice, oldest first (by date, then as recorded).
pub fn list(conn: &Connection, exercice: Exercice) -> Result<Vec<CashCount>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE c.exercice = ?1 ORDER BY c.date, c.id"
    ))?;
    let mut rows = stmt.query([exercice.start_year])?;
    let mut counts = Vec::new();
    while let Some(r) = rows.next()? {
        counts.push(read(r)?);
    }
    Ok(counts)
}

/// The last count of an exercice (the latest date), if any.
pub fn last(conn: &Connection, exercice: Exercice) -> Result<Option<CashCount>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE c.exercice = ?1 ORDER BY c.date DESC, c.id DESC LIMIT 1"
    ))?;
    let row = stmt
        .query_row([exercice.start_year], |r| Ok(read(r)))
        .optional()?;
    row.transpose()
}

/// One count by id.
pub fn load_one(conn: &Connection, id: i64) -> Result<Option<CashCount>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE c.id = ?1"))?;
    let row = stmt.query_row([id], |r| Ok(read(r))).optional()?;
    row.transpose()
}
