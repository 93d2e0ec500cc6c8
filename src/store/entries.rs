//! Entries and their lines. Entries are never deleted: a cancellation is a
//! reversing entry; an edit replaces the lines of an entry of an open exercice
//! and leaves the before/after in the audit trail.

use super::{Result, StoreError};
use crate::domain::{
    Entry, EntryKind, Exercice, Field, FieldError, Line, Money, NewEntry, PaymentMode,
};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::HashMap;

fn corrupt(what: String) -> StoreError {
    StoreError::Corrupt(what)
}

/// Refuses a pièce number already used in the exercice (except by `except`).
pub fn check_piece_free(
    conn: &Connection,
    exercice: Exercice,
    piece: &str,
    except: Option<i64>,
) -> Result<()> {
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM entry WHERE exercice = ?1 AND piece = ?2",
            params![exercice.start_year, piece],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(id) if Some(id) != except => Err(FieldError::new(
            Field::Piece,
            format!("« {piece} » est déjà utilisé dans l'exercice {exercice} : choisissez un autre numéro"),
        )
        .into()),
        _ => Ok(()),
    }
}

/// Every pièce number used in an exercice.
pub fn pieces(conn: &Connection, exercice: Exercice) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT piece FROM entry WHERE exercice = ?1")?;
    let rows = stmt.query_map([exercice.start_year], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn insert_lines(tx: &Transaction, entry_id: i64, lines: &[Line]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO entry_line (entry_id, position, account_id, amount_cents)
         VALUES (?1, ?2, (SELECT id FROM account WHERE code = ?3), ?4)",
    )?;
    for (position, line) in lines.iter().enumerate() {
        stmt.execute(params![
            entry_id,
            position as i64,
            line.account_code,
            line.amount.cents()
        ])
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(_, _) => StoreError::Field(
                FieldError::new(
                    Field::Categorie,
                    format!(
                        "« {} » n'existe pas dans le plan comptable",
                        line.account_code
                    ),
                )
                .into(),
            ),
            other => other.into(),
        })?;
    }
    Ok(())
}

/// Stores a balanced entry in `exercice`; returns its id.
pub fn insert(tx: &Transaction, exercice: Exercice, entry: &NewEntry, now: &str) -> Result<i64> {
    check_piece_free(tx, exercice, &entry.piece, None)?;
    tx.execute(
        "INSERT INTO entry (exercice, date, piece, kind, label, mode, cheque_no, reverses, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            exercice.start_year,
            entry.date.to_string(),
            entry.piece,
            entry.kind.key(),
            entry.label,
            entry.mode.map(PaymentMode::key),
            entry.cheque_no,
            entry.reverses,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    insert_lines(tx, id, entry.lines())?;
    Ok(id)
}

/// Replaces an entry's fields and lines (the id and exercice stay).
pub fn replace(tx: &Transaction, id: i64, entry: &NewEntry) -> Result<()> {
    tx.execute(
        "UPDATE entry SET date = ?2, piece = ?3, kind = ?4, label = ?5, mode = ?6, cheque_no = ?7 WHERE id = ?1",
        params![
            id,
            entry.date.to_string(),
            entry.piece,
            entry.kind.key(),
            entry.label,
            entry.mode.map(PaymentMode::key),
            entry.cheque_no
        ],
    )?;
    // The previous lines are kept whole in the audit trail by the caller.
    tx.execute("DELETE FROM entry_line WHERE entry_id = ?1", [id])?;
    insert_lines(tx, id, entry.lines())
}

const ENTRY_COLUMNS: &str =
    "e.id, e.exercice, e.date, e.piece, e.kind, e.label, e.mode, e.cheque_no, e.reverses,
     (SELECT r.id FROM entry r WHERE r.reverses = e.id)";

type RawEntry = (
    i64,
    i32,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

fn raw_entry(r: &rusqlite::Row) -> rusqlite::Result<RawEntry> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
    ))
}

fn to_entry(raw: RawEntry, lines: Vec<Line>) -> Result<Entry> {
    let (id, year, date, piece, kind, label, mode, cheque_no, reverses, reversed_by) = raw;
    Ok(Entry {
        id,
        exercice: Exercice::new(year),
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d")
            .map_err(|_| corrupt(format!("date « {date} »")))?,
        piece,
        kind: EntryKind::parse(&kind).ok_or_else(|| corrupt(format!("nature « {kind} »")))?,
        label,
        mode: match mode {
            Some(m) => {
                Some(PaymentMode::parse(&m).ok_or_else(|| corrupt(format!("mode « {m} »")))?)
            }
            None => None,
        },
        cheque_no,
        reverses,
        reversed_by,
        lines,
    })
}

/// Every entry of an exercice with its lines, in date then recording order.
pub fn load_exercice(conn: &Connection, exercice: Exercice) -> Result<Vec<Entry>> {
    let mut lines: HashMap<i64, Vec<Line>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT l.entry_id, a.code, l.amount_cents FROM entry_line l
         JOIN entry e ON e.id = l.entry_id JOIN account a ON a.id = l.account_id
         WHERE e.exercice = ?1 ORDER BY l.entry_id, l.position",
    )?;
    let mut rows = stmt.query([exercice.start_year])?;
    while let Some(r) = rows.next()? {
        lines.entry(r.get(0)?).or_default().push(Line {
            account_code: r.get(1)?,
            amount: Money::from_cents(r.get(2)?),
        });
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ENTRY_COLUMNS} FROM entry e WHERE e.exercice = ?1 ORDER BY e.date, e.id"
    ))?;
    let raws = stmt
        .query_map([exercice.start_year], raw_entry)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    raws.into_iter()
        .map(|raw| {
            let own = lines.remove(&raw.0).unwrap_or_default();
            to_entry(raw, own)
        })
        .collect()
}

/// One entry by id.
pub fn load_one(conn: &Connection, id: i64) -> Result<Option<Entry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ENTRY_COLUMNS} FROM entry e WHERE e.id = ?1"
    ))?;
    let Some(raw) = stmt.query_row([id], raw_entry).optional()? else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT a.code, l.amount_cents FROM entry_line l JOIN account a ON a.id = l.account_id
         WHERE l.entry_id = ?1 ORDER BY l.position",
    )?;
    let lines = stmt
        .query_map([id], |r| {
            Ok(Line {
                account_code: r.get(0)?,
                amount: Money::from_cents(r.get(1)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    to_entry(raw, lines).map(Some)
}
