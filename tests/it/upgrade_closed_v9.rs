//! A year closed by the coopcompta of schema 9 (`tests/fixtures/schema/
//! v9.sql`), opened by this one: migration 10 swaps the read indexes, and
//! the fingerprint that version recorded still agrees with the entries
//! (the chain reads them without its old join), the locks still hold.

use coopcompta::store::{self, integrity, schema};
use rusqlite::Connection;
use std::path::Path;

fn names(conn: &Connection, kind: &str) -> Vec<String> {
    conn.prepare("SELECT name FROM sqlite_master WHERE type = ?1 ORDER BY name")
        .unwrap()
        .query_map([kind], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_year_closed_by_schema_9_upgrades_and_its_fingerprint_still_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.db");
    {
        let conn = Connection::open(&path).unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema/v9.sql");
        conn.execute_batch(&std::fs::read_to_string(fixture).unwrap())
            .unwrap();
        conn.pragma_update(None, "user_version", 9).unwrap();
    }
    let conn = store::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version());
    let indexes = names(&conn, "index");
    for new in [
        "entry_line_in_order",
        "entry_line_in_entry",
        "entry_special",
    ] {
        assert!(indexes.iter().any(|i| i == new), "{new}: {indexes:?}");
    }
    for old in ["entry_line_by_exercice", "entry_line_by_entry"] {
        assert!(!indexes.iter().any(|i| i == old), "{old}: {indexes:?}");
    }
    let links: i64 = conn
        .query_row(
            "SELECT entries FROM fingerprint WHERE superseded_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(links, 6);
    assert_eq!(integrity::check(&conn).unwrap().findings, []);
    assert_eq!(integrity::check_file(&path).unwrap().findings, []);
    let refused = conn
        .execute(
            "UPDATE entry SET label = 'corrigé' WHERE exercice = 2024 AND piece = 'D001'",
            [],
        )
        .unwrap_err();
    assert_eq!(refused.to_string(), "exercice clôturé");
    // An entry altered behind the locks is still named by the old chain.
    conn.execute_batch(
        "DROP TRIGGER entry_locked_update;
         UPDATE entry SET label = 'corrigé' WHERE exercice = 2024 AND piece = 'D001';",
    )
    .unwrap();
    let texts: Vec<String> = integrity::check(&conn)
        .unwrap()
        .findings
        .into_iter()
        .map(|f| f.text)
        .collect();
    assert!(
        texts.contains(&"écriture D001 modifiée après la clôture de 2024-2025".to_string()),
        "{texts:?}"
    );
}
