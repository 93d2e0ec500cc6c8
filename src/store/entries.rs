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
            format!(
                "« {} » est déjà utilisé dans l'exercice {exercice} : choisissez un autre numéro",
                crate::domain::text::shown(piece)
            ),
        )
        .into()),
        _ => Ok(()),
    }
}

/// The next free pièce of `kind`'s series in an exercice (R012 after R011):
/// one probe of the `entry_piece_number` index. Literals, not bound
/// parameters: with a parameter this SQLite (STAT4) re-plans the statement on
/// every call. The year is an integer and the prefix a fixed letter.
pub fn next_piece(conn: &Connection, exercice: Exercice, kind: EntryKind) -> Result<String> {
    let prefix = kind.piece_prefix();
    let sql = format!(
        "SELECT MAX(CAST(substr(piece, 2) AS INTEGER)) FROM entry
         WHERE exercice = {} AND substr(piece, 1, 1) = '{prefix}'",
        exercice.start_year
    );
    let highest: Option<i64> = conn.prepare_cached(&sql)?.query_row([], |r| r.get(0))?;
    let next = match highest {
        None => Some(1),
        Some(h) => u32::try_from(h.max(0)).ok().and_then(|h| h.checked_add(1)),
    };
    match next {
        Some(next) if next <= MAX_AUTO_PIECE => Ok(crate::domain::piece::piece_number(kind, next)),
        // A number typed by hand beyond the usual range (R2024001…): the
        // first free number of the series instead.
        _ => first_free_piece(conn, exercice, kind),
    }
}

/// Automatic pièce numbers stay below this; higher ones are typed by hand.
const MAX_AUTO_PIECE: u32 = 999_999;

fn first_free_piece(conn: &Connection, exercice: Exercice, kind: EntryKind) -> Result<String> {
    let prefix = kind.piece_prefix();
    let used: std::collections::HashSet<u32> = pieces(conn, exercice)?
        .iter()
        .filter_map(|p| p.strip_prefix(prefix)?.parse().ok())
        .collect();
    let free = (1..=MAX_AUTO_PIECE)
        .find(|n| !used.contains(n))
        .unwrap_or(MAX_AUTO_PIECE);
    Ok(crate::domain::piece::piece_number(kind, free))
}

/// Every pièce number used in an exercice.
pub fn pieces(conn: &Connection, exercice: Exercice) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT piece FROM entry WHERE exercice = ?1")?;
    let rows = stmt.query_map([exercice.start_year], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn insert_lines(tx: &Transaction, entry_id: i64, entry: &NewEntry) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO entry_line (entry_id, position, account_id, amount_cents, exercice, date)
         VALUES (?1, ?2, (SELECT id FROM account WHERE code = ?3), ?4,
                 (SELECT exercice FROM entry WHERE id = ?1), ?5)",
    )?;
    for (position, line) in entry.lines().iter().enumerate() {
        stmt.execute(params![
            entry_id,
            position as i64,
            line.account_code,
            line.amount.cents(),
            entry.date.to_string()
        ])
        .map_err(|e| match e {
            // The account code matched no account (account_id NULL).
            rusqlite::Error::SqliteFailure(failure, Some(ref message))
                if failure.code == rusqlite::ErrorCode::ConstraintViolation
                    && message.contains("NOT NULL") =>
            {
                StoreError::Field(
                    FieldError::new(
                        Field::Categorie,
                        format!(
                            "« {} » n'existe pas dans le plan comptable",
                            crate::domain::text::shown(&line.account_code)
                        ),
                    )
                    .into(),
                )
            }
            other => other.into(),
        })?;
    }
    Ok(())
}

/// Stores a balanced entry in `exercice`; returns its id.
pub fn insert(tx: &Transaction, exercice: Exercice, entry: &NewEntry, now: &str) -> Result<i64> {
    check_piece_free(tx, exercice, &entry.piece, None)?;
    tx.prepare_cached(
        "INSERT INTO entry (exercice, date, piece, kind, label, mode, cheque_no, reverses, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
            exercice.start_year,
            entry.date.to_string(),
            entry.piece,
            entry.kind.key(),
            entry.label,
            entry.mode.map(PaymentMode::key),
            entry.cheque_no,
            entry.reverses,
            now
    ])?;
    let id = tx.last_insert_rowid();
    insert_lines(tx, id, entry)?;
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
    insert_lines(tx, id, entry)
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
        date: parse_iso_date(&date)?,
        piece,
        kind: EntryKind::from_key(&kind).ok_or_else(|| corrupt(format!("nature « {kind} »")))?,
        label,
        mode: match mode {
            Some(m) => {
                Some(PaymentMode::from_key(&m).ok_or_else(|| corrupt(format!("mode « {m} »")))?)
            }
            None => None,
        },
        cheque_no,
        reverses,
        reversed_by,
        lines,
    })
}

/// Code of every account by id (hidden ones too: old entries may use them).
pub fn account_codes(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached("SELECT id, code FROM account")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Parses the stored `YYYY-MM-DD` without the cost of a format string.
pub fn parse_iso_date(text: &str) -> Result<NaiveDate> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        bytes.get(range)?.iter().try_fold(0u32, |acc, b| {
            b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
        })
    };
    let parsed = if bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-' {
        match (number(0..4), number(5..7), number(8..10)) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
            _ => None,
        }
    } else {
        None
    };
    parsed.ok_or_else(|| corrupt(format!("date « {text} »")))
}

/// A statement from the cache or made for one use.
enum Prepared<'c> {
    Cached(rusqlite::CachedStatement<'c>),
    Plain(rusqlite::Statement<'c>),
}

impl<'c> std::ops::Deref for Prepared<'c> {
    type Target = rusqlite::Statement<'c>;
    fn deref(&self) -> &Self::Target {
        match self {
            Prepared::Cached(s) => s,
            Prepared::Plain(s) => s,
        }
    }
}

impl std::ops::DerefMut for Prepared<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match self {
            Prepared::Cached(s) => s,
            Prepared::Plain(s) => s,
        }
    }
}

/// Which entries of an exercice to load.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// All of them.
    All,
    /// Those with a line on this account (one money account's ledger).
    Account(i64),
    /// These ids (the rows on screen).
    Ids(&'a [i64]),
}

impl Scope<'_> {
    /// Statements with an id list are one-offs: they stay out of the cache.
    fn prepare<'c>(self, conn: &'c Connection, sql: &str) -> rusqlite::Result<Prepared<'c>> {
        Ok(match self {
            Scope::Ids(_) => Prepared::Plain(conn.prepare(sql)?),
            _ => Prepared::Cached(conn.prepare_cached(sql)?),
        })
    }

    /// The condition on `entry.id` (for entries) or `entry_id` (for lines).
    fn condition(self, column: &str) -> String {
        match self {
            // `+exercice`: a plain scan in id order beats the date index here.
            Scope::All => "+exercice = ?1".to_string(),
            Scope::Account(account) => format!(
                "{column} IN (SELECT entry_id FROM entry_line WHERE account_id = {account} AND exercice = ?1)"
            ),
            Scope::Ids(ids) => {
                // `+exercice` keeps the planner on the id lookups: with the
                // exercice index it would scan the whole year for 40 rows.
                let list: Vec<String> = ids.iter().map(i64::to_string).collect();
                format!("+exercice = ?1 AND {column} IN ({})", list.join(","))
            }
        }
    }
}

/// Every entry of an exercice with its lines, in date then recording order.
pub fn load_exercice(conn: &Connection, exercice: Exercice) -> Result<Vec<Entry>> {
    load_scope(conn, exercice, Scope::All)
}

/// Some entries of an exercice with their lines, in date then recording order.
pub fn load_scope(conn: &Connection, exercice: Exercice, scope: Scope) -> Result<Vec<Entry>> {
    let codes = account_codes(conn)?;
    let mut stmt = scope.prepare(
        conn,
        &format!(
            "SELECT id, date, piece, kind, label, mode, cheque_no, reverses FROM entry WHERE {} ORDER BY id",
            scope.condition("id")
        ),
    )?;
    let mut rows = stmt.query([exercice.start_year])?;
    let mut entries = Vec::new();
    while let Some(r) = rows.next()? {
        let kind = r.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?;
        let kind =
            EntryKind::from_key(kind).ok_or_else(|| corrupt(format!("nature « {kind} »")))?;
        let mode = match r
            .get_ref(5)?
            .as_str_or_null()
            .map_err(rusqlite::Error::from)?
        {
            Some(m) => {
                Some(PaymentMode::from_key(m).ok_or_else(|| corrupt(format!("mode « {m} »")))?)
            }
            None => None,
        };
        entries.push(Entry {
            id: r.get(0)?,
            exercice,
            date: parse_iso_date(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?,
            piece: r.get(2)?,
            kind,
            label: r.get(4)?,
            mode,
            cheque_no: r.get(6)?,
            reverses: r.get(7)?,
            reversed_by: None,
            lines: Vec::new(),
        });
    }
    // Entries are in id order here: lines find their entry by binary search.
    let find = |entries: &[Entry], id: i64| entries.binary_search_by_key(&id, |e| e.id).ok();
    let reversals: Vec<(usize, i64)> = entries
        .iter()
        .filter_map(|e| {
            e.reverses
                .and_then(|orig| find(&entries, orig))
                .map(|i| (i, e.id))
        })
        .collect();
    for (original, reversal) in reversals {
        entries[original].reversed_by = Some(reversal);
    }
    // Lines come in rowid order, which is their position order inside an
    // entry (they are always written in position order); checked anyway.
    let mut stmt = scope.prepare(
        conn,
        &format!(
            "SELECT entry_id, position, account_id, amount_cents FROM entry_line WHERE {} ORDER BY id",
            scope.condition("entry_id")
        ),
    )?;
    let mut rows = stmt.query([exercice.start_year])?;
    let mut out_of_order = Vec::new();
    let mut last: Option<(i64, usize)> = None;
    while let Some(r) = rows.next()? {
        let entry_id: i64 = r.get(0)?;
        let account_id: i64 = r.get(2)?;
        let index = match last {
            Some((id, i)) if id == entry_id => Some(i),
            _ => find(&entries, entry_id),
        };
        let Some(i) = index else {
            return Err(corrupt(format!(
                "ligne de l'écriture n° {entry_id} hors de son exercice"
            )));
        };
        let code = codes
            .get(&account_id)
            .ok_or_else(|| corrupt(format!("compte n° {account_id}")))?;
        last = Some((entry_id, i));
        if r.get::<_, i64>(1)? != entries[i].lines.len() as i64 {
            out_of_order.push(i);
        }
        entries[i].lines.push(Line {
            account_code: code.clone(),
            amount: Money::from_cents(r.get(3)?),
        });
    }
    for i in out_of_order {
        if let Some(stored) = load_one(conn, entries[i].id)? {
            entries[i].lines = stored.lines;
        }
    }
    entries.sort_unstable_by_key(|e| (e.date, e.id));
    Ok(entries)
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

/// The entry that restored a cancelled one, if it was restored.
pub fn restored_as(conn: &Connection, id: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT restored_as FROM entry WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten())
}

/// Notes that `original` (cancelled) was restored by entry `restored`.
pub fn set_restored_as(tx: &Transaction, original: i64, restored: i64) -> Result<()> {
    tx.execute(
        "UPDATE entry SET restored_as = ?2 WHERE id = ?1 AND restored_as IS NULL",
        params![original, restored],
    )?;
    Ok(())
}
