//! Reads for the compte rendu financier: sums by account and month from the
//! covering index `entry_line_ledger` (no entry is loaded whole), the
//! opening entry's lines, the money accounts' lines by kind of entry, the
//! last arrêté de caisse and the cheques still to give back.

use super::entries::parse_iso_date;
use super::{Result, StoreError};
use crate::domain::crf::{ChequeOut, Flow, MonthSums, SpecialSum};
use crate::domain::{Account, EntryKind, Exercice, Money};
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};

/// The first days of the 12 months of the exercice and the day after it.
fn month_bounds(exercice: Exercice) -> [String; 13] {
    let first = exercice.first_day();
    std::array::from_fn(|i| {
        let months = first.month0() as usize + i;
        let year = first.year() + (months / 12) as i32;
        NaiveDate::from_ymd_opt(year, (months % 12) as u32 + 1, 1)
            .map(|d| d.to_string())
            .unwrap_or_default()
    })
}

/// The sum of each account's lines per month of the exercice (September
/// first), opening entry included; accounts without a line are left out.
/// One range of the covering index per account and month.
pub fn month_sums(
    conn: &Connection,
    exercice: Exercice,
    accounts: &[Account],
) -> Result<Vec<MonthSums>> {
    let bounds = month_bounds(exercice);
    let mut stmt = conn.prepare_cached(
        "SELECT COALESCE(SUM(amount_cents), 0), COUNT(*),
                COALESCE(SUM(CASE WHEN amount_cents > 0 THEN amount_cents END), 0)
         FROM entry_line
         WHERE account_id = ?1 AND exercice = ?2 AND date >= ?3 AND date < ?4",
    )?;
    let mut out = Vec::new();
    for account in accounts {
        let mut sums = [Money::default(); 12];
        let mut lines = 0i64;
        let mut positive = 0i64;
        for (month, sum) in sums.iter_mut().enumerate() {
            let (cents, count, plus): (i64, i64, i64) = stmt.query_row(
                params![
                    account.id,
                    exercice.start_year,
                    bounds[month],
                    bounds[month + 1]
                ],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            *sum = Money::from_cents(cents);
            lines += count;
            positive += plus;
        }
        if lines > 0 {
            out.push(MonthSums {
                account_id: account.id,
                sums,
                positive: Money::from_cents(positive),
            });
        }
    }
    Ok(out)
}

/// The lines of the few entries a money line's sign does not classify:
/// the openings, the virements and the reversals, summed by account,
/// kind, reversal or not, direction and month. One scan of the entry
/// table (`+exercice`: in id order, without the date index's lookups),
/// then the lines of those entries only.
pub fn special_sums(conn: &Connection, exercice: Exercice) -> Result<Vec<SpecialSum>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.account_id, e.kind, e.reverses IS NOT NULL, l.amount_cents > 0,
                substr(l.date, 1, 7), SUM(l.amount_cents)
         FROM entry e CROSS JOIN entry_line l ON l.entry_id = e.id
         WHERE +e.exercice = ?1
           AND (e.kind IN ('virement', 'ouverture') OR e.reverses IS NOT NULL)
         GROUP BY 1, 2, 3, 4, 5",
    )?;
    let mut rows = stmt.query([exercice.start_year])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let kind: String = r.get(1)?;
        let month: String = r.get(4)?;
        let date = parse_iso_date(&format!("{month}-01"))?;
        out.push(SpecialSum {
            account_id: r.get(0)?,
            kind: EntryKind::from_key(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("nature « {kind} »")))?,
            reversal: r.get(2)?,
            month: month_index(exercice, date),
            amount: Money::from_cents(r.get(5)?),
        });
    }
    Ok(out)
}

/// 0 for September … 11 for August.
fn month_index(exercice: Exercice, date: NaiveDate) -> usize {
    let months = (date.year() - exercice.start_year) * 12 + date.month0() as i32
        - exercice.first_day().month0() as i32;
    months.clamp(0, 11) as usize
}

/// The lines on a money account of the régies' advances and returns:
/// entries with a line on a régie account (467…, few) and on this money
/// account, and none on a category. Summed by kind, reversal or not and
/// direction; flagged `regie`.
pub fn regie_flows(
    conn: &Connection,
    exercice: Exercice,
    account_id: i64,
    regie_accounts: &[i64],
) -> Result<Vec<Flow>> {
    if regie_accounts.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = regie_accounts.iter().map(i64::to_string).collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT e.kind, e.reverses IS NOT NULL, l.amount_cents > 0, SUM(l.amount_cents)
         FROM (SELECT DISTINCT entry_id AS id FROM entry_line
               WHERE account_id IN ({}) AND exercice = ?2) r
         CROSS JOIN entry e ON e.id = r.id
         CROSS JOIN entry_line l ON l.entry_id = r.id
         WHERE l.account_id = ?1 AND e.kind <> 'ouverture'
           AND NOT EXISTS (SELECT 1 FROM entry_line p JOIN account a ON a.id = p.account_id
                           WHERE p.entry_id = r.id AND a.kind IN ('charge', 'produit'))
         GROUP BY 1, 2, 3",
        ids.join(",")
    ))?;
    let mut rows = stmt.query(params![account_id, exercice.start_year])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let kind: String = r.get(0)?;
        out.push(Flow {
            kind: EntryKind::from_key(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("nature « {kind} »")))?,
            reversal: r.get(1)?,
            regie: true,
            amount: Money::from_cents(r.get(3)?),
        });
    }
    Ok(out)
}

/// The statement balance pointed on `date` for an account (the latest
/// recorded if several).
pub fn statement_on(conn: &Connection, account_id: i64, date: NaiveDate) -> Result<Option<Money>> {
    Ok(conn
        .prepare_cached(
            "SELECT balance_cents FROM statement_balance WHERE account_id = ?1 AND date = ?2
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![account_id, date.to_string()], |r| {
            r.get::<_, i64>(0)
        })
        .optional()?
        .map(Money::from_cents))
}

/// The parents' cheques of the exercice's campaigns still to give back
/// (not returned, not cancelled), oldest first, with pupil and payer.
pub fn cheques_out(conn: &Connection, exercice: Exercice) -> Result<Vec<ChequeOut>> {
    Ok(
        super::participations::contributions::cheques_still_out(conn, Some(exercice))?
            .into_iter()
            .map(|c| ChequeOut {
                date: c.contribution.date,
                pupil: format!("{} {}", c.prenom, c.nom).trim().to_string(),
                payer: c.contribution.payer,
                amount: c.contribution.amount,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_run_from_september_to_august() {
        let ex = Exercice::new(2024);
        let bounds = month_bounds(ex);
        assert_eq!(bounds[0], "2024-09-01");
        assert_eq!(bounds[4], "2025-01-01");
        assert_eq!(bounds[12], "2025-09-01");
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(month_index(ex, d(2024, 9, 1)), 0);
        assert_eq!(month_index(ex, d(2025, 8, 31)), 11);
        assert_eq!(month_index(ex, d(2025, 1, 15)), 4);
    }
}
