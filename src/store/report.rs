//! Reads for the compte rendu financier: sums by account and month from the
//! covering index `entry_line_ledger` (no entry is loaded whole), the
//! opening entry's lines, the money accounts' lines by kind of entry, the
//! last arrêté de caisse and the cheques still to give back.

use super::entries::parse_iso_date;
use super::{Result, StoreError};
use crate::domain::crf::{ChequeOut, Flow, MonthSums, NotOnStatement, SpecialSum};
use crate::domain::{Account, EntryKind, Exercice, Money, MoneyKey};
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
        "SELECT COALESCE(SUM(amount_cents), 0),
                COALESCE(SUM(CASE WHEN amount_cents > 0 THEN amount_cents END), 0)
         FROM entry_line
         WHERE account_id = ?1 AND exercice = ?2 AND date >= ?3 AND date < ?4",
    )?;
    let mut out = Vec::new();
    for account in accounts {
        let mut sums = [Money::default(); 12];
        let mut moved = false;
        let mut positive = 0i64;
        for (month, sum) in sums.iter_mut().enumerate() {
            let (cents, plus): (i64, i64) = stmt.query_row(
                params![
                    account.id,
                    exercice.start_year,
                    bounds[month],
                    bounds[month + 1]
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            *sum = Money::from_cents(cents);
            // No line is zero: a month with lines has a positive part or
            // a sum other than zero (all its lines negative).
            moved |= cents != 0 || plus != 0;
            positive += plus;
        }
        if moved {
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
/// kind, reversal or not, direction and month. The entries come from the
/// partial index `entry_special`, which holds only them (its WHERE is this
/// query's, word for word), then their lines from `entry_line_in_entry`;
/// the sums are made here (SQLite's GROUP BY sorted every line first, and
/// cost four times the reading).
pub fn special_sums(conn: &Connection, exercice: Exercice) -> Result<Vec<SpecialSum>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.account_id, e.kind, e.reverses IS NOT NULL, e.date, l.amount_cents
         FROM entry e CROSS JOIN entry_line l ON l.entry_id = e.id
         WHERE e.exercice = ?1
           AND (e.kind IN ('virement', 'ouverture') OR e.reverses IS NOT NULL)",
    )?;
    let mut rows = stmt.query([exercice.start_year])?;
    // (account, kind, reversal, month, incoming) → cents.
    let mut sums: std::collections::BTreeMap<(i64, EntryKind, bool, usize, bool), i64> =
        Default::default();
    while let Some(r) = rows.next()? {
        let kind = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
        let kind = EntryKind::from_key(kind)
            .ok_or_else(|| StoreError::Corrupt(format!("nature « {kind} »")))?;
        let date = parse_iso_date(r.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?)?;
        let cents: i64 = r.get(4)?;
        let key = (
            r.get(0)?,
            kind,
            r.get(2)?,
            month_index(exercice, date),
            cents > 0,
        );
        let sum = sums.entry(key).or_default();
        *sum = sum
            .checked_add(cents)
            .ok_or_else(|| StoreError::Corrupt("somme hors limites".into()))?;
    }
    Ok(sums
        .into_iter()
        .map(
            |((account_id, kind, reversal, month, _), cents)| SpecialSum {
                account_id,
                kind,
                reversal,
                month,
                amount: Money::from_cents(cents),
            },
        )
        .collect())
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

/// Whether a statement line of the exercice was imported for the account.
pub fn statement_imported(conn: &Connection, exercice: Exercice, account_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM bank_line
                            WHERE account_id = ?1 AND date >= ?2 AND date <= ?3)",
        )?
        .query_row(
            params![
                account_id,
                exercice.first_day().to_string(),
                exercice.last_day().to_string()
            ],
            |r| r.get(0),
        )?)
}

/// The entries of the exercice on a bank account that no statement line
/// up to the last day matches (a cheque cashed in September is not on the
/// statement of 31 August), in date order, with what they move there (openings, cancelled
/// entries and their reversals left out; an entry whose lines there cancel
/// out moves nothing). The lines come from the covering `entry_line_ledger`
/// and are tested against `bank_match` before their entry is read, so a
/// year mostly pointed reads only the few entries it lists; the statement
/// lines dated after the last day (few) are listed once, not looked up
/// for each match.
pub fn not_on_statement(
    conn: &Connection,
    exercice: Exercice,
    key: MoneyKey,
    account_id: i64,
) -> Result<Vec<NotOnStatement>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.date, e.piece, e.label, SUM(l.amount_cents)
         FROM entry_line l CROSS JOIN entry e ON e.id = l.entry_id
         WHERE l.account_id = ?1 AND l.exercice = ?2
           AND NOT EXISTS (SELECT 1 FROM bank_match m
                           WHERE m.entry_id = l.entry_id AND m.account_id = l.account_id
                             AND m.bank_line_id NOT IN (SELECT id FROM bank_line
                                                        WHERE account_id = ?1 AND date > ?3))
           AND e.kind <> 'ouverture' AND e.reverses IS NULL
           AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
         GROUP BY l.date, l.entry_id
         HAVING SUM(l.amount_cents) <> 0
         ORDER BY l.date, l.entry_id",
    )?;
    let mut rows = stmt.query(params![
        account_id,
        exercice.start_year,
        exercice.last_day().to_string()
    ])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let date: String = r.get(0)?;
        out.push(NotOnStatement {
            account: key,
            date: parse_iso_date(&date)?,
            piece: r.get(1)?,
            label: r.get(2)?,
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

/// The parents' cheques held on the last day of the exercice, whatever
/// campaign they paid (one given back since still counts), oldest first,
/// with pupil and payer.
pub fn cheques_out(conn: &Connection, exercice: Exercice) -> Result<Vec<ChequeOut>> {
    use super::participations::contributions::{HeldCheques, cheques_still_out};
    Ok(cheques_still_out(conn, HeldCheques::at_end_of(exercice))?
        .into_iter()
        .map(|c| ChequeOut {
            date: c.contribution.date,
            pupil: format!("{} {}", c.prenom, c.nom).trim().to_string(),
            payer: c.contribution.payer,
            amount: c.contribution.amount,
        })
        .collect())
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
