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
