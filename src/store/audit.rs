//! The audit trail: every change to the books, when, what, before and after.

use super::Result;
use crate::domain::Entry;
use rusqlite::{Transaction, params};

pub fn record(
    tx: &Transaction,
    at: &str,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    before: Option<&str>,
    after: Option<&str>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit (at, action, entity, entity_id, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![at, action, entity, entity_id, before, after])?;
    Ok(())
}

/// A readable one-line description of an entry for the audit trail.
pub fn describe(entry: &Entry) -> String {
    let lines: Vec<String> = entry
        .lines
        .iter()
        .map(|l| format!("{} {}", l.account_code, l.amount.std()))
        .collect();
    format!(
        "{} | {} | {} | {} | {} | mode {} | {}",
        entry.date,
        entry.piece,
        entry.kind.key(),
        entry.label,
        entry.cheque_no.as_deref().unwrap_or(""),
        entry.mode.map(|m| m.key()).unwrap_or(""),
        lines.join(", ")
    )
}

/// One row of the trail, for display and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub at: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub fn load(conn: &rusqlite::Connection) -> Result<Vec<AuditRow>> {
    let mut stmt =
        conn.prepare("SELECT at, action, entity, entity_id, before, after FROM audit ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(AuditRow {
            at: r.get(0)?,
            action: r.get(1)?,
            entity: r.get(2)?,
            entity_id: r.get(3)?,
            before: r.get(4)?,
            after: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
