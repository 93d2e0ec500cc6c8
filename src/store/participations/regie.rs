//! Moves of the régies d'avance: each is one entry on account 467, linked to
//! the class it concerns.

use super::super::{Result, StoreError};
use crate::domain::participation::regie::{REGIE_ACCOUNT, RegieKind, RegieMove};
use crate::domain::{Exercice, Money};
use rusqlite::{Connection, Transaction, params};

pub fn insert(
    tx: &Transaction,
    class_id: i64,
    kind: RegieKind,
    entry_id: i64,
    receipt_no: &str,
    now: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO regie_move (class_id, kind, entry_id, receipt_no, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![class_id, kind.key(), entry_id, receipt_no, now],
    )?;
    Ok(tx.last_insert_rowid())
}

const MOVES: &str = "SELECT m.id, m.class_id, m.kind, m.entry_id, e.piece, e.date,
        (SELECT COALESCE(SUM(l.amount_cents), 0) FROM entry_line l JOIN account a ON a.id = l.account_id
          WHERE l.entry_id = e.id AND a.code = ?2),
        e.label, m.receipt_no, EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
 FROM regie_move m JOIN entry e ON e.id = m.entry_id JOIN school_class k ON k.id = m.class_id
 WHERE k.exercice = ?1";

/// The moves of an exercice's régies, by date. The amount is read from the
/// entry's line on 467, so the entry stays the one source of truth.
pub fn moves(conn: &Connection, exercice: Exercice) -> Result<Vec<RegieMove>> {
    read_moves(
        conn,
        &format!("{MOVES} ORDER BY e.date, e.id"),
        params![exercice.start_year, REGIE_ACCOUNT],
    )
}

/// The moves of one class's régie in an exercice, by date (what a check on
/// that régie needs, without reading the other classes').
pub fn class_moves(conn: &Connection, exercice: Exercice, class_id: i64) -> Result<Vec<RegieMove>> {
    read_moves(
        conn,
        &format!("{MOVES} AND m.class_id = ?3 ORDER BY e.date, e.id"),
        params![exercice.start_year, REGIE_ACCOUNT, class_id],
    )
}

fn read_moves(
    conn: &Connection,
    sql: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<Vec<RegieMove>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let kind: String = r.get(2)?;
        let date: String = r.get(5)?;
        out.push(RegieMove {
            id: r.get(0)?,
            class_id: r.get(1)?,
            kind: RegieKind::from_key(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("mouvement de régie « {kind} »")))?,
            entry_id: r.get(3)?,
            piece: r.get(4)?,
            date: super::super::entries::parse_iso_date(&date)?,
            amount: Money::from_cents(r.get::<_, i64>(6)?.abs()),
            label: r.get(7)?,
            receipt_no: r.get(8)?,
            cancelled: r.get(9)?,
        });
    }
    Ok(out)
}

/// The class whose régie entry `entry_id` is a move of, if it is one of
/// the exercice's.
pub fn move_class(conn: &Connection, exercice: Exercice, entry_id: i64) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.class_id FROM regie_move m JOIN school_class k ON k.id = m.class_id
         WHERE m.entry_id = ?1 AND k.exercice = ?2",
    )?;
    let mut rows = stmt.query(params![entry_id, exercice.start_year])?;
    Ok(match rows.next()? {
        Some(r) => Some(r.get(0)?),
        None => None,
    })
}

/// Whether an entry is a move of a class's régie (cancelled and typed again
/// from the participations, not edited as a plain entry).
pub fn is_regie_entry(conn: &Connection, entry_id: i64) -> Result<bool> {
    let count: i64 = conn
        .prepare_cached("SELECT count(*) FROM regie_move WHERE entry_id = ?1")?
        .query_row([entry_id], |r| r.get(0))?;
    Ok(count > 0)
}
