//! The checklist table: steps, statuses, order.

use super::Result;
use super::entries::parse_iso_date;
use crate::domain::checklist::{Derive, Step, StepStatus, StepTemplate};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

pub fn load(conn: &Connection) -> Result<Vec<Step>> {
    let mut stmt = conn.prepare_cached(
        "SELECT key, title, help, prerequisites, derive, position, hidden, user_added, status, done_on, note, manual
         FROM checklist_step ORDER BY position, key",
    )?;
    let mut rows = stmt.query([])?;
    let mut steps = Vec::new();
    while let Some(r) = rows.next()? {
        let prerequisites: String = r.get(3)?;
        let derive: Option<String> = r.get(4)?;
        let status: String = r.get(8)?;
        let done_on: Option<String> = r.get(9)?;
        steps.push(Step {
            key: r.get(0)?,
            title: r.get(1)?,
            help: r.get(2)?,
            prerequisites: prerequisites
                .split('|')
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            derive: derive.as_deref().and_then(Derive::parse),
            position: r.get(5)?,
            hidden: r.get(6)?,
            user_added: r.get(7)?,
            status: StepStatus::from_key(&status).unwrap_or(StepStatus::AFaire),
            done_on: done_on.as_deref().map(parse_iso_date).transpose()?,
            note: r.get(10)?,
            manual: r.get(11)?,
        });
    }
    Ok(steps)
}

/// Inserts a template step, or refreshes its texts if the key exists and
/// the user has not touched it. Returns whether a row changed.
pub fn upsert_template_step(
    tx: &Transaction,
    step: &StepTemplate,
    position: i64,
    user_added: bool,
) -> Result<()> {
    tx.execute(
        "INSERT INTO checklist_step (key, title, help, prerequisites, derive, position, user_added)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (key) DO UPDATE SET title = ?2, help = ?3, prerequisites = ?4, derive = ?5,
             position = ?6, hidden = 0",
        params![
            step.key,
            step.title,
            step.help,
            step.prerequisites.join("|"),
            step.derive.map(Derive::key),
            position,
            user_added
        ],
    )?;
    Ok(())
}

pub fn set_position(tx: &Transaction, key: &str, position: i64) -> Result<()> {
    tx.execute(
        "UPDATE checklist_step SET position = ?2 WHERE key = ?1",
        params![key, position],
    )?;
    Ok(())
}

pub fn set_hidden(tx: &Transaction, key: &str, hidden: bool) -> Result<()> {
    tx.execute(
        "UPDATE checklist_step SET hidden = ?2 WHERE key = ?1",
        params![key, hidden],
    )?;
    Ok(())
}

/// Sets the status by hand (a derived step then stops following the books,
/// until [`reset`]).
pub fn set_status(
    tx: &Transaction,
    key: &str,
    status: StepStatus,
    done_on: Option<chrono::NaiveDate>,
    note: Option<&str>,
) -> Result<()> {
    tx.execute(
        "UPDATE checklist_step SET status = ?2, done_on = ?3, manual = (derive IS NOT NULL),
             note = COALESCE(?4, note) WHERE key = ?1",
        params![key, status.key(), done_on.map(|d| d.to_string()), note],
    )?;
    Ok(())
}

/// Back to "à faire", following the books again for a derived step.
pub fn reset(tx: &Transaction, key: &str) -> Result<()> {
    tx.execute(
        "UPDATE checklist_step SET status = 'a-faire', done_on = NULL, manual = 0 WHERE key = ?1",
        [key],
    )?;
    Ok(())
}

pub fn set_note(tx: &Transaction, key: &str, note: &str) -> Result<()> {
    tx.execute(
        "UPDATE checklist_step SET note = ?2 WHERE key = ?1",
        params![key, note],
    )?;
    Ok(())
}

pub fn max_position(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(position), 0) FROM checklist_step",
        [],
        |r| r.get(0),
    )?)
}

/// First date of a live virement from one money account to another, over all
/// exercices (a cancelled one or a reversal does not count).
pub fn first_transfer(
    conn: &Connection,
    from_account: i64,
    to_account: i64,
) -> Result<Option<chrono::NaiveDate>> {
    let date: Option<String> = conn
        .query_row(
            "SELECT MIN(e.date) FROM entry e
             JOIN entry_line a ON a.entry_id = e.id AND a.account_id = ?1 AND a.amount_cents < 0
             JOIN entry_line b ON b.entry_id = e.id AND b.account_id = ?2 AND b.amount_cents > 0
             WHERE e.kind = 'virement' AND e.reverses IS NULL
               AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)",
            params![from_account, to_account],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    date.as_deref().map(parse_iso_date).transpose()
}

/// Whether the LBP → Compte Pro transfer is on both statements: `None` when
/// no statement line was imported on either account (the books alone
/// decide), else whether some such transfer is matched on both sides.
pub fn transfer_matched_both_sides(
    conn: &Connection,
    from_account: i64,
    to_account: i64,
) -> Result<Option<bool>> {
    let imported: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM bank_line WHERE account_id IN (?1, ?2))",
        params![from_account, to_account],
        |r| r.get(0),
    )?;
    if !imported {
        return Ok(None);
    }
    let matched: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM entry e
             JOIN entry_line a ON a.entry_id = e.id AND a.account_id = ?1 AND a.amount_cents < 0
             JOIN entry_line b ON b.entry_id = e.id AND b.account_id = ?2 AND b.amount_cents > 0
             WHERE e.kind = 'virement' AND e.reverses IS NULL
               AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
               AND EXISTS (SELECT 1 FROM bank_match m WHERE m.entry_id = e.id AND m.account_id = ?1)
               AND EXISTS (SELECT 1 FROM bank_match m WHERE m.entry_id = e.id AND m.account_id = ?2))",
        params![from_account, to_account],
        |r| r.get(0),
    )?;
    Ok(Some(matched))
}

/// Credits and debits on one account over all exercices, in cents, with the
/// date of the last debit: (credited, debited, last debit date). Cancelled
/// entries and their reversals are left out. Cancelled
/// entries and their reversals are left out.
pub fn account_movements(
    conn: &Connection,
    account: i64,
) -> Result<(i64, i64, Option<chrono::NaiveDate>)> {
    let (credited, debited, last): (i64, i64, Option<String>) = conn.query_row(
        "SELECT COALESCE(SUM(CASE WHEN l.amount_cents < 0 THEN -l.amount_cents END), 0),
                COALESCE(SUM(CASE WHEN l.amount_cents > 0 THEN l.amount_cents END), 0),
                MAX(CASE WHEN l.amount_cents > 0 THEN l.date END)
         FROM entry_line l JOIN entry e ON e.id = l.entry_id
         WHERE l.account_id = ?1 AND e.reverses IS NULL
           AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)",
        [account],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok((
        credited,
        debited,
        last.as_deref().map(parse_iso_date).transpose()?,
    ))
}
