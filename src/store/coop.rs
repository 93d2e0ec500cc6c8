//! The coop itself and its exercices.

use super::{Result, StoreError};
use crate::domain::Exercice;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoopInfo {
    pub name: String,
    pub current: Exercice,
}

pub fn load(conn: &Connection) -> Result<Option<CoopInfo>> {
    Ok(conn
        .query_row(
            "SELECT name, current_exercice FROM coop WHERE id = 1",
            [],
            |r| {
                Ok(CoopInfo {
                    name: r.get(0)?,
                    current: Exercice::new(r.get(1)?),
                })
            },
        )
        .optional()?)
}

pub fn require(conn: &Connection) -> Result<CoopInfo> {
    load(conn)?.ok_or(StoreError::NotInitialized)
}

pub fn create(tx: &Transaction, name: &str, exercice: Exercice, now: &str) -> Result<()> {
    if load(tx)?.is_some() {
        return Err(StoreError::Refused(
            "cette base contient déjà une coopérative : choisissez un autre fichier avec --db"
                .into(),
        ));
    }
    tx.execute(
        "INSERT INTO coop (id, name, current_exercice, created_at) VALUES (1, ?1, ?2, ?3)",
        params![name, exercice.start_year, now],
    )?;
    ensure_exercice(tx, exercice)?;
    Ok(())
}

pub fn ensure_exercice(tx: &Transaction, exercice: Exercice) -> Result<()> {
    tx.execute(
        "INSERT INTO exercice (start_year) VALUES (?1) ON CONFLICT DO NOTHING",
        [exercice.start_year],
    )?;
    Ok(())
}

pub fn is_closed(conn: &Connection, exercice: Exercice) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT closed_at IS NOT NULL FROM exercice WHERE start_year = ?1",
            [exercice.start_year],
            |r| r.get::<_, bool>(0),
        )
        .optional()?
        .unwrap_or(false))
}

/// Exercices that have a row, newest first.
pub fn exercices(conn: &Connection) -> Result<Vec<Exercice>> {
    let mut stmt = conn.prepare("SELECT start_year FROM exercice ORDER BY start_year DESC")?;
    let rows = stmt.query_map([], |r| r.get::<_, i32>(0))?;
    Ok(rows
        .map(|r| r.map(Exercice::new))
        .collect::<rusqlite::Result<_>>()?)
}

/// Exercices that have a row, newest first, each with whether it is closed.
pub fn exercices_closed(conn: &Connection) -> Result<Vec<(Exercice, bool)>> {
    let mut stmt = conn.prepare(
        "SELECT start_year, closed_at IS NOT NULL FROM exercice ORDER BY start_year DESC",
    )?;
    let rows = stmt.query_map([], |r| Ok((Exercice::new(r.get(0)?), r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Changes the coop's name (the settings popup).
pub fn rename(tx: &Transaction, name: &str) -> Result<()> {
    tx.execute("UPDATE coop SET name = ?1 WHERE id = 1", [name])?;
    Ok(())
}
