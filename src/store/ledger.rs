//! Ledger reads for the screens: balances and ledger points come from the
//! covering index `entry_line_ledger`; texts only for the rows on screen.

use super::Result;
use super::entries::{Scope, load_scope, parse_iso_date};
use crate::domain::ledger::{
    LedgerPoint, LedgerRow, RowDetail, ledger_rows, row_detail, running_points,
};
use crate::domain::{Account, Exercice, Money, MoneyKey};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

/// Balance of each money account over an exercice, up to `at` included.
pub fn balances(
    conn: &Connection,
    exercice: Exercice,
    at: Option<NaiveDate>,
    chart: &[Account],
) -> Result<Vec<(MoneyKey, Money)>> {
    let until = at
        .map(|d| d.to_string())
        .unwrap_or_else(|| "9999-12-31".to_string());
    let mut stmt = conn.prepare_cached(
        "SELECT COALESCE(SUM(amount_cents), 0) FROM entry_line
         WHERE account_id = ?1 AND exercice = ?2 AND date <= ?3",
    )?;
    MoneyKey::ALL
        .iter()
        .map(|key| {
            let total = match chart.iter().find(|a| a.money_key == Some(*key)) {
                Some(account) => stmt
                    .query_row(params![account.id, exercice.start_year, until], |r| {
                        r.get::<_, i64>(0)
                    })?,
                None => 0,
            };
            Ok((*key, Money::from_cents(total)))
        })
        .collect()
}

/// The id of an exercice's opening entry, if any.
pub fn opening_id(conn: &Connection, exercice: Exercice) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM entry WHERE exercice = ?1 AND date = ?2 AND kind = 'ouverture' ORDER BY id LIMIT 1",
            params![exercice.start_year, exercice.first_day().to_string()],
            |r| r.get(0),
        )
        .optional()?)
}

/// Every row of one money account's ledger, as points with running balances.
pub fn points(
    conn: &Connection,
    exercice: Exercice,
    account: &Account,
) -> Result<Vec<LedgerPoint>> {
    let mut stmt = conn.prepare_cached(
        "SELECT entry_id, date, amount_cents FROM entry_line
         WHERE account_id = ?1 AND exercice = ?2 ORDER BY date, entry_id",
    )?;
    let mut rows = stmt.query(params![account.id, exercice.start_year])?;
    let mut items = Vec::new();
    while let Some(r) = rows.next()? {
        items.push((
            r.get(0)?,
            parse_iso_date(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?,
            Money::from_cents(r.get(2)?),
        ));
    }
    Ok(running_points(items, opening_id(conn, exercice)?))
}

/// The texts of the given entries as rows of `account`'s ledger.
pub fn details(
    conn: &Connection,
    exercice: Exercice,
    account: &Account,
    ids: &[i64],
    chart: &[Account],
) -> Result<HashMap<i64, RowDetail>> {
    let entries = load_scope(conn, exercice, Scope::Ids(ids))?;
    Ok(entries
        .iter()
        .map(|e| (e.id, row_detail(e, &account.code, chart)))
        .collect())
}

/// Every row of `account`'s ledger with its texts (for searching).
pub fn rows(
    conn: &Connection,
    exercice: Exercice,
    account: &Account,
    chart: &[Account],
) -> Result<Vec<LedgerRow>> {
    let entries = load_scope(conn, exercice, Scope::Account(account.id))?;
    Ok(ledger_rows(&entries, account, chart))
}

/// The first day on or after `from` where the account's running balance is
/// below zero, with that balance.
pub fn first_negative_from(
    conn: &Connection,
    exercice: Exercice,
    account: &Account,
    from: NaiveDate,
) -> Result<Option<(NaiveDate, Money)>> {
    let points = points(conn, exercice, account)?;
    // Several entries on one day: only the day's closing balance counts
    // (receipts and expenses of a day may be typed in any order).
    let mut last_of_day: Vec<&LedgerPoint> = Vec::new();
    for point in points.iter().filter(|p| p.date >= from) {
        match last_of_day.last_mut() {
            Some(last) if last.date == point.date => *last = point,
            _ => last_of_day.push(point),
        }
    }
    Ok(last_of_day
        .into_iter()
        .find(|p| p.balance.is_negative())
        .map(|p| (p.date, p.balance)))
}
