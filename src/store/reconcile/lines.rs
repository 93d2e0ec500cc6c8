//! Bank lines and the entry lines they are matched to.

use crate::domain::bank::{BankLine, BookLine, LineState};
use crate::domain::reconcile::{BankItem, BookItem};
use crate::domain::{Account, Exercice, Money, MoneyKey};
use crate::store::Result;
use crate::store::entries::parse_iso_date;
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// The bank lines of a money account dated in the exercice, oldest first,
/// each with the pièces it is matched to.
pub fn bank_lines(
    conn: &Connection,
    exercice: Exercice,
    account: &Account,
) -> Result<Vec<BankLine>> {
    let key = account.money_key.unwrap_or(MoneyKey::Pro);
    let mut pieces: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT m.bank_line_id, e.piece FROM bank_match m
         JOIN bank_line b ON b.id = m.bank_line_id
         JOIN entry e ON e.id = m.entry_id
         WHERE b.account_id = ?1 AND b.date BETWEEN ?2 AND ?3
         ORDER BY m.bank_line_id, e.piece",
    )?;
    let mut rows = stmt.query(params![
        account.id,
        exercice.first_day().to_string(),
        exercice.last_day().to_string()
    ])?;
    while let Some(row) = rows.next()? {
        pieces.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, batch_id, date, amount_cents, label, reference, counterparty, bank_id
         FROM bank_line WHERE account_id = ?1 AND date BETWEEN ?2 AND ?3
         ORDER BY date, id",
    )?;
    let mut rows = stmt.query(params![
        account.id,
        exercice.first_day().to_string(),
        exercice.last_day().to_string()
    ])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let date: String = row.get(2)?;
        out.push(BankLine {
            id,
            account: key,
            batch_id: row.get(1)?,
            date: parse_iso_date(&date)?,
            amount: Money::from_cents(row.get(3)?),
            label: row.get(4)?,
            reference: row.get(5)?,
            counterparty: row.get(6)?,
            bank_id: row.get(7)?,
            state: match pieces.remove(&id) {
                Some(p) => LineState::Matched(p),
                None => LineState::ToMatch,
            },
        });
    }
    Ok(out)
}

/// The entries' lines on a money account in the exercice that a bank
/// statement can show: not the opening, not a cancelled entry nor its
/// reversal; oldest first, each with the bank line it is matched to.
/// The account's lines are read in the order of the covering index
/// `entry_line_ledger` (date, entry): no sort, and an entry's lines on the
/// account come together, summed here.
pub fn book_lines(
    conn: &Connection,
    exercice: Exercice,
    account: &Account,
) -> Result<Vec<BookLine>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.entry_id, e.piece, l.date, l.amount_cents, e.label, e.cheque_no, m.bank_line_id
         FROM entry_line l
         CROSS JOIN entry e ON e.id = l.entry_id
         LEFT JOIN bank_match m ON m.entry_id = l.entry_id AND m.account_id = l.account_id
         WHERE l.account_id = ?1 AND l.exercice = ?2
           AND e.kind <> 'ouverture' AND e.reverses IS NULL
           AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
         ORDER BY l.account_id, l.exercice, l.date, l.entry_id",
    )?;
    let mut rows = stmt.query(params![account.id, exercice.start_year])?;
    let mut out: Vec<BookLine> = Vec::new();
    while let Some(row) = rows.next()? {
        let entry_id: i64 = row.get(0)?;
        let cents: i64 = row.get(3)?;
        if let Some(last) = out.last_mut().filter(|l| l.entry_id == entry_id) {
            last.amount += Money::from_cents(cents);
            continue;
        }
        let date: String = row.get(2)?;
        out.push(BookLine {
            entry_id,
            piece: row.get(1)?,
            date: parse_iso_date(&date)?,
            amount: Money::from_cents(cents),
            label: row.get(4)?,
            cheque_no: row.get(5)?,
            matched_to: row.get(6)?,
        });
    }
    // An entry whose lines on the account cancel out moves no money there.
    out.retain(|l| !l.amount.is_zero());
    Ok(out)
}

/// A stored bank line as it is kept (for the actions on one line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLine {
    pub id: i64,
    pub batch_id: i64,
    pub account_id: i64,
    pub date: chrono::NaiveDate,
    pub amount: Money,
    pub label: String,
}

/// One bank line by id, whatever its exercice.
pub fn one(conn: &Connection, id: i64) -> Result<Option<StoredLine>> {
    use rusqlite::OptionalExtension;
    let row: Option<(i64, i64, String, i64, String)> = conn
        .query_row(
            "SELECT batch_id, account_id, date, amount_cents, label FROM bank_line WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((batch_id, account_id, date, cents, label)) => Ok(Some(StoredLine {
            id,
            batch_id,
            account_id,
            date: parse_iso_date(&date)?,
            amount: Money::from_cents(cents),
            label,
        })),
    }
}

/// Rows per INSERT of [`insert_many`]: 9 parameters each, well under
/// SQLite's limit of 32,766 per statement.
const ROWS_PER_INSERT: usize = 64;

/// Stores the lines of one batch, in order; returns their ids in the same
/// order. Several rows go in each statement: an import of 100,000 lines
/// spent most of its insertion in running one statement per line.
pub fn insert_many(
    tx: &Connection,
    batch_id: i64,
    account_id: i64,
    lines: &[(&crate::domain::bank::BankRow, String)],
) -> Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(lines.len());
    for chunk in lines.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO bank_line (batch_id, account_id, date, amount_cents, label, reference,
                                    counterparty, bank_id, content_key)
             VALUES {} RETURNING id",
            vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?)"; chunk.len()].join(", ")
        );
        let mut stmt = tx.prepare_cached(&sql)?;
        let dates: Vec<String> = chunk.iter().map(|(row, _)| row.date.to_string()).collect();
        let cents: Vec<i64> = chunk.iter().map(|(row, _)| row.amount.cents()).collect();
        // An empty id is no id.
        let bank_ids: Vec<Option<&str>> = chunk
            .iter()
            .map(|(row, _)| row.bank_id.as_deref().filter(|id| !id.is_empty()))
            .collect();
        let mut values: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(chunk.len() * 9);
        for (n, (row, key)) in chunk.iter().enumerate() {
            values.push(&batch_id);
            values.push(&account_id);
            values.push(&dates[n]);
            values.push(&cents[n]);
            values.push(&row.label);
            values.push(&row.reference);
            values.push(&row.counterparty);
            values.push(&bank_ids[n]);
            values.push(key);
        }
        let mut rows = stmt.query(values.as_slice())?;
        while let Some(row) = rows.next()? {
            ids.push(row.get(0)?);
        }
    }
    Ok(ids)
}

/// The ids of a batch's lines.
pub fn of_batch(conn: &Connection, batch: i64) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT id FROM bank_line WHERE batch_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([batch], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What an account's lines already are, for de-duplication: the bank ids,
/// and how many lines have each content key (one scan of the account).
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub bank_ids: std::collections::HashSet<String>,
    pub contents: HashMap<String, usize>,
}

pub fn known(conn: &Connection, account_id: i64) -> Result<Known> {
    let mut known = Known::default();
    let mut stmt =
        conn.prepare_cached("SELECT bank_id, content_key FROM bank_line WHERE account_id = ?1")?;
    let mut rows = stmt.query([account_id])?;
    while let Some(row) = rows.next()? {
        if let Some(id) = row.get::<_, Option<String>>(0)? {
            known.bank_ids.insert(id);
        }
        *known.contents.entry(row.get(1)?).or_default() += 1;
    }
    Ok(known)
}

/// The matcher's text of a bank line: what [`unmatched_bank_items`] reads.
pub fn item_text(label: &str, reference: &str, counterparty: &str) -> String {
    format!("{label} {reference} {counterparty}")
}

/// The account's bank lines of the exercice not matched yet, as the
/// matcher reads them (one lean scan: the suggestions of an import of
/// 100,000 lines read them all), but those of `except_batch`: an import
/// has its own new lines in hand.
pub fn unmatched_bank_items(
    conn: &Connection,
    exercice: Exercice,
    account: &Account,
    except_batch: Option<i64>,
) -> Result<Vec<BankItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.id, b.date, b.amount_cents, b.label || ' ' || b.reference || ' ' || b.counterparty
         FROM bank_line b
         WHERE b.account_id = ?1 AND b.date BETWEEN ?2 AND ?3
           AND b.batch_id IS NOT ?4
           AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.bank_line_id = b.id)
         ORDER BY b.date, b.id",
    )?;
    let mut rows = stmt.query(params![
        account.id,
        exercice.first_day().to_string(),
        exercice.last_day().to_string(),
        except_batch
    ])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let date: String = row.get(1)?;
        out.push(BankItem {
            id: row.get(0)?,
            date: parse_iso_date(&date)?,
            amount: Money::from_cents(row.get(2)?),
            text: row.get(3)?,
        });
    }
    Ok(out)
}

/// The entries' lines on the account not matched yet, as the matcher
/// reads them (pièce, label and cheque number as its text): the lines
/// [`book_lines`] gives without a match, read in one lean scan.
pub fn unmatched_book_items(
    conn: &Connection,
    exercice: Exercice,
    account: &Account,
) -> Result<Vec<BookItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.entry_id, l.date, l.amount_cents,
                e.piece || ' ' || e.label || ' ' || coalesce(e.cheque_no, '')
         FROM entry_line l
         CROSS JOIN entry e ON e.id = l.entry_id
         WHERE l.account_id = ?1 AND l.exercice = ?2
           AND e.kind <> 'ouverture' AND e.reverses IS NULL
           AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
           AND NOT EXISTS (SELECT 1 FROM bank_match m
                           WHERE m.entry_id = l.entry_id AND m.account_id = l.account_id)
         ORDER BY l.account_id, l.exercice, l.date, l.entry_id",
    )?;
    let mut rows = stmt.query(params![account.id, exercice.start_year])?;
    let mut out: Vec<BookItem> = Vec::new();
    while let Some(row) = rows.next()? {
        let entry_id: i64 = row.get(0)?;
        let cents: i64 = row.get(2)?;
        if let Some(last) = out.last_mut().filter(|b| b.entry_id == entry_id) {
            last.amount += Money::from_cents(cents);
            continue;
        }
        let date: String = row.get(1)?;
        out.push(BookItem {
            entry_id,
            date: parse_iso_date(&date)?,
            amount: Money::from_cents(cents),
            text: row.get(3)?,
        });
    }
    out.retain(|b| !b.amount.is_zero());
    Ok(out)
}
