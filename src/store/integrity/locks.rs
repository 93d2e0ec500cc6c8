//! The closing's locks: the triggers of migration 9 that make the store
//! refuse any change to a closed exercice. One dropped or rewritten by
//! hand leaves the closed years open to edits (the fingerprint would still
//! name an edited entry, but only afterwards): each is looked for by name,
//! and its SQL must be the migration's, word for word.

use super::super::schema;
use super::{Finding, FindingKind};
use rusqlite::{Connection, OptionalExtension};

/// The version whose migration creates the locks.
const LOCKS_MIGRATION: usize = 9;

/// Each `CREATE TRIGGER name … END;` statement of `sql`: (name, text as
/// SQLite keeps it in `sqlite_master`, without the final `;`).
fn triggers_of(sql: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = sql;
    while let Some(start) = rest.find("CREATE TRIGGER ") {
        let from = &rest[start..];
        let Some(end) = from.find("END;") else { break };
        let text = &from[..end + "END".len()];
        let name = text["CREATE TRIGGER ".len()..]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        out.push((name, text.to_string()));
        rest = &from[end + "END;".len()..];
    }
    out
}

pub fn check(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    // An older file has no locks yet (the schema check says so).
    if version < LOCKS_MIGRATION as i64 {
        return Ok(());
    }
    let mut stmt =
        conn.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1")?;
    for (name, expected) in triggers_of(schema::MIGRATIONS[LOCKS_MIGRATION - 1]) {
        let found: Option<Option<String>> = stmt.query_row([&name], |r| r.get(0)).optional()?;
        let what = match found {
            None => "supprimée",
            Some(Some(sql)) if sql == expected => continue,
            Some(_) => "modifiée",
        };
        out.push(Finding::new(
            FindingKind::LockMissing,
            "base",
            format!(
                "protection des exercices clôturés « {name} » {what} : leurs écritures pourraient \
                 être changées ; reprenez la dernière copie du dossier sauvegardes"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locks_migration_holds_twenty_triggers() {
        let triggers = triggers_of(schema::MIGRATIONS[LOCKS_MIGRATION - 1]);
        assert_eq!(triggers.len(), 20);
        assert_eq!(triggers[0].0, "entry_locked_insert");
        assert!(triggers[0].1.ends_with("END"));
        assert!(
            !triggers
                .iter()
                .any(|(_, t)| t[1..].contains("CREATE TRIGGER"))
        );
    }

    #[test]
    fn a_fresh_base_has_every_lock() {
        let conn = crate::store::open_in_memory().unwrap();
        let mut found = Vec::new();
        check(&conn, &mut found).unwrap();
        assert_eq!(found, []);
    }
}
