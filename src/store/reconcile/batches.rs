//! Import batches.

use crate::domain::MoneyKey;
use crate::domain::bank::{Batch, BatchKind};
use crate::store::{Result, StoreError};
use rusqlite::Connection;

/// Every batch, newest first.
pub fn all(conn: &Connection) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.id, b.kind, a.money_key, b.file_name, b.sha256, b.imported_at,
                b.lines_read, b.imported, b.duplicates, b.skipped, b.undone_at
         FROM import_batch b LEFT JOIN account a ON a.id = b.account_id
         ORDER BY b.id DESC",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let kind: String = row.get(1)?;
        let key: Option<String> = row.get(2)?;
        let kind = match (kind.as_str(), key.as_deref().and_then(MoneyKey::parse)) {
            ("banque", Some(key)) => BatchKind::Bank(key),
            ("assoconnect", _) => BatchKind::AssoConnect,
            _ => {
                return Err(StoreError::Corrupt(format!(
                    "import de type inconnu « {kind} »"
                )));
            }
        };
        let count =
            |i: usize| -> rusqlite::Result<usize> { Ok(row.get::<_, i64>(i)?.max(0) as usize) };
        out.push(Batch {
            id: row.get(0)?,
            kind,
            file_name: row.get(3)?,
            sha256: row.get(4)?,
            imported_at: row.get(5)?,
            lines_read: count(6)?,
            imported: count(7)?,
            duplicates: count(8)?,
            skipped: count(9)?,
            undone_at: row.get(10)?,
        });
    }
    Ok(out)
}

/// The SHA-256 of a file's bytes, in hex: what tells one file from another.
pub fn fingerprint(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The name a batch keeps of the file: its base name, printable.
pub fn base_name(file_name: &str) -> String {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    crate::domain::text::printable(name)
}

/// What a new batch row holds.
pub struct NewBatch<'a> {
    pub kind: &'static str,
    pub account_id: Option<i64>,
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub lines_read: usize,
}

/// Writes a batch row (counts zero but lines read); returns its id.
pub fn insert(tx: &Connection, batch: &NewBatch<'_>, now: &str) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO import_batch (kind, account_id, file_name, sha256, imported_at, lines_read)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(rusqlite::params![
        batch.kind,
        batch.account_id,
        batch.file_name,
        batch.sha256,
        now,
        batch.lines_read as i64
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Sets a batch's counts once its rows are written.
pub fn set_counts(
    tx: &Connection,
    id: i64,
    imported: usize,
    duplicates: usize,
    skipped: usize,
) -> Result<()> {
    tx.execute(
        "UPDATE import_batch SET imported = ?2, duplicates = ?3, skipped = ?4 WHERE id = ?1",
        rusqlite::params![id, imported as i64, duplicates as i64, skipped as i64],
    )?;
    Ok(())
}

/// One batch by id.
pub fn one(conn: &Connection, id: i64) -> Result<Option<Batch>> {
    Ok(all(conn)?.into_iter().find(|b| b.id == id))
}

/// Marks a batch undone.
pub fn set_undone(tx: &Connection, id: i64, now: &str) -> Result<()> {
    tx.execute(
        "UPDATE import_batch SET undone_at = ?2 WHERE id = ?1",
        rusqlite::params![id, now],
    )?;
    Ok(())
}
