//! Schema upgrades from every older version (one fixture per version), the
//! checklist seed frozen in migration 2, the generated benchmark year passing
//! `check`, and the store knowing nothing of the layers above it.

use coopcompta::book::generate::generate;
use coopcompta::domain::text::fold;
use coopcompta::io::import::checklist::default_checklist;
use coopcompta::store::{self, integrity, schema};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema/v{version}.sql"))
}

/// Every `vN.sql` of the fixtures folder, in version order.
fn fixture_versions() -> Vec<i64> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema");
    let mut found: Vec<i64> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().ok()?;
            name.strip_prefix('v')?.strip_suffix(".sql")?.parse().ok()
        })
        .collect();
    found.sort();
    found
}

fn table_exists(conn: &Connection, table: &str) -> bool {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [table],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        == 1
}

/// Row counts of the tables a user's data lives in (`None`: no such table
/// at that version).
fn counts(conn: &Connection) -> Vec<(&'static str, Option<i64>)> {
    [
        "entry",
        "entry_line",
        "account",
        "audit",
        "checklist_step",
        "school_class",
        "family",
        "pupil",
        "campaign",
        "contribution",
    ]
    .into_iter()
    .map(|table| {
        let n = table_exists(conn, table).then(|| {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        });
        (table, n)
    })
    .collect()
}

/// Every checklist row, all columns, in order.
fn checklist_rows(conn: &Connection) -> Vec<Vec<rusqlite::types::Value>> {
    let mut stmt = conn
        .prepare(
            "SELECT key, title, help, prerequisites, derive, position, hidden, user_added,
                    status, done_on, note, manual
             FROM checklist_step ORDER BY position, key",
        )
        .unwrap();
    stmt.query_map([], |r| (0..12).map(|i| r.get(i)).collect())
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn every_schema_fixture_upgrades_to_the_latest_and_passes_check() {
    let versions = fixture_versions();
    for wanted in [1, 2, 3, 4, 5, 6, 7] {
        assert!(versions.contains(&wanted), "v{wanted}.sql fixture missing");
    }
    for version in versions {
        assert!(
            version < schema::latest_version(),
            "v{version} is not older"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ancienne.db");
        let (before, steps_before) = {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(&std::fs::read_to_string(fixture(version)).unwrap())
                .unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
            let steps = table_exists(&conn, "checklist_step").then(|| checklist_rows(&conn));
            (counts(&conn), steps)
        };
        // The same coop's 6 entries; v9's closing added 2025-2026's opening.
        let entries = if version >= 9 { 7 } else { 6 };
        assert!(
            before
                .iter()
                .any(|(t, n)| *t == "entry" && *n == Some(entries)),
            "v{version}: {before:?}"
        );

        let conn = store::open(&path).unwrap_or_else(|e| panic!("v{version}: {e}"));
        let now: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(now, schema::latest_version(), "v{version}");
        let integrity: Vec<String> = conn
            .prepare("PRAGMA integrity_check")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(integrity, ["ok"], "v{version}");
        let dangling: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(dangling, 0, "v{version}: dangling references");
        let report = integrity::check(&conn).unwrap();
        assert_eq!(report.findings, [], "v{version}");
        assert_eq!(report.entries, entries, "v{version}");

        // Every row is still there; tables the old version lacked are now
        // present (the checklist with its default steps from migration 2).
        for ((table, old), (_, new)) in before.iter().zip(counts(&conn)) {
            match old {
                Some(n) => assert_eq!(new, Some(*n), "v{version}: rows of {table}"),
                None if *table == "checklist_step" => {
                    assert_eq!(new, Some(15), "v{version}: default steps")
                }
                None => assert_eq!(new, Some(0), "v{version}: new table {table}"),
            }
        }
        // The checklist as the mandataire left it: statuses, notes, her own step.
        if let Some(steps) = steps_before {
            assert_eq!(checklist_rows(&conn), steps, "v{version}: checklist");
        }
    }
}

#[test]
fn the_v3_fixture_keeps_its_pupils_and_cheques_with_refolded_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&std::fs::read_to_string(fixture(3)).unwrap())
            .unwrap();
        conn.pragma_update(None, "user_version", 3).unwrap();
    }
    let conn = store::open(&path).unwrap();
    let pupils: Vec<(String, String, String)> = conn
        .prepare("SELECT nom, prenom, name_key FROM pupil ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(pupils.len(), 5);
    for (nom, prenom, key) in &pupils {
        assert_eq!(*key, fold(&format!("{nom} {prenom}")), "{nom} {prenom}");
    }
    assert_eq!(pupils[2].2, "coeur lena");
    assert_eq!(pupils[3].2, "sahin elif");
    let families: Vec<String> = conn
        .prepare("SELECT name_key FROM family ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(families, ["lefevre", "coeur", "sahin", "martin"]);
    let cheques: (i64, i64, i64) = conn
        .query_row(
            "SELECT count(*), count(returned_on), count(cancelled_at) FROM contribution
             WHERE channel = 'cheque' AND entry_id IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(cheques, (3, 1, 1));
}

/// Schema 5 to 6: the bank reconciliation tables arrive empty, every entry
/// keeps no batch, and the upgraded base takes a statement.
#[test]
fn the_v5_fixture_takes_bank_statements_once_upgraded() {
    use coopcompta::book::{Book, Clock};
    use coopcompta::domain::bank::{BankFile, BankRow};
    use coopcompta::domain::{Money, MoneyKey};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&std::fs::read_to_string(fixture(5)).unwrap())
            .unwrap();
        conn.pragma_update(None, "user_version", 5).unwrap();
        assert!(!table_exists(&conn, "bank_line"));
    }
    let conn = store::open(&path).unwrap();
    for table in [
        "import_batch",
        "bank_line",
        "bank_match",
        "statement_balance",
    ] {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    let with_batch: i64 = conn
        .query_row(
            "SELECT count(*) FROM entry WHERE batch_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(with_batch, 0);
    let returned: String = conn
        .query_row(
            "SELECT returned_by FROM contribution WHERE returned_on IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(returned, "Mme Cœur", "schema 5's own column kept");
    let mut book = Book::load(conn, Clock::System).unwrap();
    let row = BankRow {
        line_no: 2,
        date: chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap(),
        amount: Money::parse("-4.20").unwrap(),
        label: "FRAIS".into(),
        reference: String::new(),
        counterparty: String::new(),
        bank_id: None,
    };
    let file = BankFile {
        rows: vec![row],
        ..BankFile::default()
    };
    let summary = book
        .import_bank(MoneyKey::Pro, "releve.csv", b"x", &file)
        .unwrap();
    assert_eq!((summary.batch, summary.imported), (Some(1), 1));
    book.undo_batch(1).unwrap();
    assert_eq!(integrity::check(book.conn()).unwrap().findings, []);
}

#[test]
fn the_v6_fixture_keeps_its_statement_and_matches_and_takes_payments() {
    use coopcompta::book::{Book, Clock};
    use coopcompta::domain::MoneyKey;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&std::fs::read_to_string(fixture(6)).unwrap())
            .unwrap();
        conn.pragma_update(None, "user_version", 6).unwrap();
        assert!(!table_exists(&conn, "online_payment"));
    }
    let conn = store::open(&path).unwrap();
    assert_eq!(integrity::check(&conn).unwrap().findings, []);
    let book = Book::load(conn, Clock::System).unwrap();
    let states: Vec<String> = book
        .bank_lines(MoneyKey::Pro)
        .unwrap()
        .iter()
        .map(|l| format!("{} {} {:?}", l.date, l.amount.std(), l.state))
        .collect();
    assert_eq!(
        states,
        [
            "2024-09-21 -100.00 Matched([\"D001\"])",
            "2024-10-26 2431.17 Matched([\"V001\"])"
        ]
    );
    let (date, balance) = book.last_statement(MoneyKey::Pro).unwrap().unwrap();
    assert_eq!(
        (date.to_string(), balance.std()),
        ("2024-10-31".into(), "2331.17".into())
    );
    assert_eq!(book.batches().unwrap().len(), 1);
    // Schema 7's tables are there, empty.
    assert_eq!(book.payments().unwrap(), []);
    assert_eq!(book.payouts().unwrap(), []);
}

#[test]
fn the_v7_fixture_keeps_its_payment_and_takes_a_cash_count() {
    use coopcompta::book::Book;
    use coopcompta::domain::cash_count::{CashCountRequest, Counted};
    use coopcompta::domain::online::PaymentStatus;
    use coopcompta::domain::{Exercice, Money};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&std::fs::read_to_string(fixture(7)).unwrap())
            .unwrap();
        conn.pragma_update(None, "user_version", 7).unwrap();
        assert!(table_exists(&conn, "online_payment"));
        assert!(!table_exists(&conn, "cash_count"));
    }
    let conn = store::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version());
    assert_eq!(integrity::check(&conn).unwrap().findings, []);
    let mut book = Book::load(conn, crate::support::clock_on(2025, 8, 31)).unwrap();
    // The payment refunded before its import is kept, with no entry.
    let payments = book.payments().unwrap();
    assert_eq!(payments.len(), 1, "{payments:?}");
    assert_eq!(payments[0].status, PaymentStatus::Refunded);
    assert_eq!(payments[0].amount, Money::from_cents(800));
    assert_eq!(book.batches().unwrap().len(), 2);
    // Schema 8: the Caisse (86,40 + 110,00 − 12,35 + 12,35) is counted.
    assert_eq!(book.cash_counts(Exercice::new(2024)).unwrap(), []);
    let count = book
        .record_cash_count(&CashCountRequest {
            date: chrono::NaiveDate::from_ymd_opt(2025, 8, 31).unwrap(),
            counted_by: "Mme Dubois".into(),
            counts: vec![
                Counted {
                    cents: 10_000,
                    count: 1,
                },
                Counted {
                    cents: 5_000,
                    count: 1,
                },
                Counted {
                    cents: 2_000,
                    count: 2,
                },
                Counted {
                    cents: 200,
                    count: 3,
                },
                Counted {
                    cents: 20,
                    count: 2,
                },
            ],
            adjust: None,
        })
        .unwrap();
    assert_eq!(count.counted.std(), "196.40");
    assert_eq!(count.books.std(), "196.40");
    assert_eq!(book.cash_counts(Exercice::new(2024)).unwrap(), [count]);
    assert_eq!(integrity::check(book.conn()).unwrap().findings, []);
}

/// The default steps migration 2 writes are frozen in its SQL file; they
/// are the rows today's template, read by the CSV reader and written the way
/// migration 2 used to write them, gives.
#[test]
fn the_checklist_frozen_in_migration_2_is_the_template_it_replaced() {
    let fresh = store::open_in_memory().unwrap();
    let mut old_way = store::open_in_memory().unwrap();
    {
        let tx = old_way.transaction().unwrap();
        tx.execute("DELETE FROM checklist_step", []).unwrap();
        for (i, step) in default_checklist().iter().enumerate() {
            store::checklist::upsert_template_step(&tx, step, (i as i64 + 1) * 10, false).unwrap();
        }
        tx.commit().unwrap();
    }
    let frozen = checklist_rows(&fresh);
    assert_eq!(frozen.len(), 15);
    assert_eq!(frozen, checklist_rows(&old_way));
}

#[test]
fn a_generated_year_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("banc.db");
    generate(&path, 2_000).unwrap();
    let report = integrity::check_file(&path).unwrap();
    assert_eq!(report.entries, 2_001);
    assert_eq!(
        report
            .findings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        Vec::<String>::new()
    );
    // The Caisse is used both ways, not emptied once and left alone.
    let conn = Connection::open(&path).unwrap();
    let (outs, ins): (i64, i64) = conn
        .query_row(
            "SELECT count(CASE WHEN l.amount_cents < 0 THEN 1 END),
                    count(CASE WHEN l.amount_cents > 0 THEN 1 END)
             FROM entry_line l JOIN account a ON a.id = l.account_id
             WHERE a.money_key = 'caisse'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(outs > 50 && ins > 50, "caisse lines: {outs} out, {ins} in");
}

/// `src/store` is the bottom layer above the domain: it names neither the
/// files layer nor the book.
#[test]
fn the_store_knows_nothing_of_io_or_book() {
    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store"),
        &mut files,
    );
    assert!(files.len() > 10);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if ["crate::io", "crate::book", "crate::cli", "crate::ui"]
                .iter()
                .any(|layer| line.contains(layer))
            {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn the_v8_fixture_keeps_its_cash_count_and_can_be_closed() {
    use coopcompta::book::{Book, Clock};
    use coopcompta::domain::Exercice;
    use coopcompta::domain::closing::{CarryOver, Override};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&std::fs::read_to_string(fixture(8)).unwrap())
            .unwrap();
        conn.pragma_update(None, "user_version", 8).unwrap();
        assert!(!table_exists(&conn, "fingerprint"));
    }
    let conn = store::open(&path).unwrap();
    assert_eq!(integrity::check(&conn).unwrap().findings, []);
    let count: (String, i64, i64) = conn
        .query_row(
            "SELECT date || ' ' || detail, counted_cents, books_cents FROM cash_count",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        count,
        (
            "2024-10-31 10000x1 5000x1 2000x2 500x1 100x1 20x2".to_string(),
            19640,
            19640
        )
    );
    let mut book = Book::load(conn, Clock::System).unwrap();
    let exercice = Exercice::new(2024);
    let overrides: Vec<Override> = book
        .closing_blockers(exercice, &[])
        .unwrap()
        .into_iter()
        .map(|b| Override {
            key: b.key,
            reason: "fixture".into(),
        })
        .collect();
    let summary = book
        .close_exercice(exercice, &overrides, &CarryOver::default())
        .unwrap();
    assert_eq!(summary.entries, 6);
    assert_eq!(integrity::check(book.conn()).unwrap().findings, []);
    // Schema 9's lock holds on the upgraded file.
    let refused = book
        .conn()
        .execute("UPDATE cash_count SET counted_cents = 0", [])
        .unwrap_err();
    assert_eq!(refused.to_string(), "exercice clôturé");
}
