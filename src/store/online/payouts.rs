//! Payouts: AssoConnect's transfers of grouped payments to the Compte Pro.

use crate::store::Result;
use crate::store::entries::parse_iso_date;
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};

/// A payout as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPayout {
    pub id: i64,
    pub reference: String,
    pub batch_id: Option<i64>,
    pub date: Option<NaiveDate>,
    pub transfer_entry_id: Option<i64>,
    pub bank_line_id: Option<i64>,
}

/// Every payout, oldest first (undated last).
pub fn all(conn: &Connection) -> Result<Vec<StoredPayout>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, ref, batch_id, date, transfer_entry_id, bank_line_id FROM payout
         ORDER BY date IS NULL, date, id",
    )?;
    let raws = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<i64>>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    raws.into_iter()
        .map(
            |(id, reference, batch_id, date, transfer_entry_id, bank_line_id)| {
                Ok(StoredPayout {
                    id,
                    reference,
                    batch_id,
                    date: date.as_deref().map(parse_iso_date).transpose()?,
                    transfer_entry_id,
                    bank_line_id,
                })
            },
        )
        .collect()
}

pub fn by_ref(conn: &Connection, reference: &str) -> Result<Option<StoredPayout>> {
    Ok(all(conn)?.into_iter().find(|p| p.reference == reference))
}

/// Adds a payout; `batch` is `None` when the user grouped the payments.
pub fn insert(
    tx: &Transaction,
    reference: &str,
    batch: Option<i64>,
    date: Option<NaiveDate>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO payout (ref, batch_id, date) VALUES (?1, ?2, ?3)",
        params![reference, batch, date.map(|d| d.to_string())],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The payout has arrived: the transfer entry and the bank line.
pub fn settle(
    tx: &Transaction,
    id: i64,
    transfer: i64,
    line: i64,
    batch: Option<i64>,
) -> Result<()> {
    tx.execute(
        "UPDATE payout SET transfer_entry_id = ?2, bank_line_id = ?3, settled_batch_id = ?4
         WHERE id = ?1",
        params![id, transfer, line, batch],
    )?;
    Ok(())
}

/// The unmatched bank line of `account` for `cents` whose label or
/// reference names `reference` (folded, spaces and punctuation ignored:
/// "PO 2025 10 07" names PO-2025-10-07), oldest first.
pub fn arrived_line(
    conn: &Connection,
    account: i64,
    cents: i64,
    reference: &str,
) -> Result<Option<(i64, NaiveDate)>> {
    let squeeze = |text: &str| -> String {
        crate::domain::text::fold(text)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let wanted = squeeze(reference);
    let mut stmt = conn.prepare_cached(
        "SELECT id, date, label, reference FROM bank_line b
         WHERE account_id = ?1 AND amount_cents = ?2
           AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.bank_line_id = b.id)
         ORDER BY date, id",
    )?;
    let rows = stmt
        .query_map(params![account, cents], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, date, label, reference) in rows {
        if squeeze(&label).contains(&wanted) || squeeze(&reference).contains(&wanted) {
            return Ok(Some((id, parse_iso_date(&date)?)));
        }
    }
    Ok(None)
}

/// A bank line by id: its account, date and amount in cents, if unmatched.
pub fn unmatched_line(conn: &Connection, id: i64) -> Result<Option<(i64, NaiveDate, i64)>> {
    use rusqlite::OptionalExtension;
    let raw: Option<(i64, String, i64)> = conn
        .query_row(
            "SELECT account_id, date, amount_cents FROM bank_line b WHERE id = ?1
               AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.bank_line_id = b.id)",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    raw.map(|(a, d, c)| Ok((a, parse_iso_date(&d)?, c)))
        .transpose()
}

/// A virement `from` → `to` of `cents` dated within `window` days of `date`,
/// not matched on `to`, not cancelled, not already a payout's; closest first.
pub fn open_transfer(
    conn: &Connection,
    from: i64,
    to: i64,
    cents: i64,
    date: NaiveDate,
    window: i64,
) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id FROM entry e
         JOIN entry_line lt ON lt.entry_id = e.id AND lt.account_id = ?2 AND lt.amount_cents = ?3
         JOIN entry_line lf ON lf.entry_id = e.id AND lf.account_id = ?1 AND lf.amount_cents = -?3
         WHERE e.kind = 'virement' AND e.reverses IS NULL
           AND julianday(e.date) BETWEEN julianday(?4) - ?5 AND julianday(?4) + ?5
           AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
           AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.entry_id = e.id AND m.account_id = ?2)
           AND NOT EXISTS (SELECT 1 FROM payout p WHERE p.transfer_entry_id = e.id)
         ORDER BY abs(julianday(e.date) - julianday(?4)), e.id LIMIT 1",
    )?;
    use rusqlite::OptionalExtension;
    Ok(stmt
        .query_row(params![from, to, cents, date.to_string(), window], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The date and pièce of a payout's arrival: its bank line's date and its
/// transfer's pièce.
pub fn arrival(conn: &Connection, payout: &StoredPayout) -> Result<Option<(NaiveDate, String)>> {
    let (Some(line), Some(entry)) = (payout.bank_line_id, payout.transfer_entry_id) else {
        return Ok(None);
    };
    let (date, piece): (String, String) = conn.query_row(
        "SELECT (SELECT date FROM bank_line WHERE id = ?1), (SELECT piece FROM entry WHERE id = ?2)",
        params![line, entry],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Some((parse_iso_date(&date)?, piece)))
}
