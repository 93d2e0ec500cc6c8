//! Schema migrations, numbered and only ever added: migration N brings the
//! database from `user_version` N-1 to N, inside one transaction.

use rusqlite::Connection;

/// Each item is one migration, its SQL in `migrations/NNNN_name.sql`; never
/// edit one that has shipped, add a new one.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_base.sql"),
    include_str!("migrations/0002_checklist.sql"),
    include_str!("migrations/0003_participations.sql"),
    include_str!("migrations/0004_name_keys.sql"),
    include_str!("migrations/0005_cheque_history_restored.sql"),
    include_str!("migrations/0006_bank_reconciliation.sql"),
    include_str!("migrations/0007_online_payments.sql"),
    include_str!("migrations/0008_cash_counts.sql"),
    include_str!("migrations/0009_locks.sql"),
    include_str!("migrations/0010_read_paths.sql"),
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// What a migration does after its SQL, in Rust: migration 4 refolds the
/// name keys (the folding cannot be written in SQL).
fn after_migration(tx: &rusqlite::Transaction, version: usize) -> Result<(), super::StoreError> {
    if version == 4 {
        super::participations::rekey::recompute_keys(tx)?;
    }
    Ok(())
}

/// Brings the database up to date. A database newer than this build is refused.
pub fn migrate(conn: &mut Connection) -> Result<(), super::StoreError> {
    let current = check_version(conn)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)
            .map_err(|e| super::integrity::version::migration_error(index as i64 + 1, &e))?;
        after_migration(&tx, index + 1)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// The file's schema version, once it is known that the migrations can run
/// on it: not newer than this program, and not a lowered number over the
/// tables of a later schema. Reads only.
pub fn check_version(conn: &Connection) -> Result<i64, super::StoreError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > latest_version() {
        return Err(super::StoreError::TooNew {
            found: current,
            supported: latest_version(),
        });
    }
    // A lowered user_version: the next migration would trip on its own tables.
    if current < latest_version()
        && let Some(present) = super::integrity::version::later_schema_present(conn, current)?
    {
        return Err(super::integrity::version::altered_error(current, present));
    }
    Ok(current)
}
