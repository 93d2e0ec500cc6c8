//! The SQLite store on real files: permissions, pragmas, schema versions and
//! upgrades from older schemas, the lock file, backups.

use crate::support::{clock, fixture, new_coop};
use coopcompta::book::Book;
use coopcompta::domain::entry_request::{EntryRequest, SplitInput};
use coopcompta::domain::{EntryKind, Exercice, Money, MoneyKey, PaymentMode};
use coopcompta::store::{self, StoreError, backup, lock, schema};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn balances_std(book: &Book, exercice: Exercice) -> Vec<(MoneyKey, String)> {
    book.balances(exercice, None)
        .unwrap()
        .into_iter()
        .map(|(k, m)| (k, m.std()))
        .collect()
}

/// A small coop on a file: openings and two entries.
fn small_book(path: &Path) -> Book {
    let mut book = new_coop(
        store::open(path).unwrap(),
        "Coopérative de l'école du Port",
        Exercice::new(2024),
        &[(MoneyKey::Caisse, 5_000), (MoneyKey::Pro, 120_000)],
        clock(),
    );
    book.add_entry(&EntryRequest {
        date: "12/10/2024".into(),
        kind: EntryKind::Recette,
        account: MoneyKey::Caisse,
        amount: "35,50".into(),
        label: "Vente de gâteaux".into(),
        mode: Some(PaymentMode::Especes),
        splits: vec![SplitInput {
            code: "7560".into(),
            amount: String::new(),
        }],
        piece: String::new(),
        cheque_no: String::new(),
    })
    .unwrap();
    book.add_entry(&EntryRequest {
        date: "14/10/2024".into(),
        kind: EntryKind::Depense,
        account: MoneyKey::Pro,
        amount: "100".into(),
        label: "Cotisation et assurance".into(),
        mode: Some(PaymentMode::Virement),
        splits: vec![
            SplitInput {
                code: "62810008".into(),
                amount: "80".into(),
            },
            SplitInput {
                code: "61681008".into(),
                amount: "20".into(),
            },
        ],
        piece: String::new(),
        cheque_no: String::new(),
    })
    .unwrap();
    book
}

#[cfg(unix)]
#[test]
fn a_new_database_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nouveau").join("coop.db");
    let conn = store::open(&path).unwrap();
    drop(conn);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "file mode {mode:o}");
    let folder = std::fs::metadata(path.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(folder, 0o700, "created folder mode {folder:o}");
}

#[test]
fn open_sets_the_pragmas_and_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("coop.db")).unwrap();
    let pragma_text = |name: &str| {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, String>(0))
            .unwrap()
    };
    let pragma_int = |name: &str| {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    assert_eq!(pragma_text("journal_mode"), "wal");
    assert_eq!(pragma_int("foreign_keys"), 1);
    assert_eq!(pragma_int("synchronous"), 2, "2 is FULL");
    assert_eq!(pragma_int("user_version"), schema::latest_version());
    assert!(schema::latest_version() >= 1);
    // Foreign keys are really enforced: a line on a missing entry is refused.
    let orphan = conn.execute(
        "INSERT INTO entry_line (entry_id, position, account_id, amount_cents) VALUES (999, 0, 999, 100)",
        [],
    );
    assert!(orphan.is_err(), "orphan line accepted");
}

#[test]
fn opening_twice_keeps_the_data_and_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coop.db");
    let book = small_book(&path);
    let before = book.entries(Exercice::new(2024)).unwrap();
    drop(book);
    let book = Book::load(store::open(&path).unwrap(), clock()).unwrap();
    assert_eq!(book.entries(Exercice::new(2024)).unwrap(), before);
    let version: i64 = book
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version());
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coop.db");
    let newer = schema::latest_version() + 1;
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", newer).unwrap();
    }
    match store::open(&path) {
        Err(error @ StoreError::TooNew { found, supported }) => {
            assert_eq!((found, supported), (newer, schema::latest_version()));
            assert_eq!(
                error.to_string(),
                format!(
                    "cette base a été écrite par une version plus récente de coopcompta (schéma {newer}, celle-ci lit jusqu'au {}) : mettez coopcompta à jour",
                    schema::latest_version()
                )
            );
        }
        Err(other) => panic!("expected TooNew, got {other}"),
        Ok(_) => panic!("a newer database was opened"),
    }
    // Nothing was changed in it.
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, newer);
}

/// Every `tests/fixtures/schema/vN.sql`: the dump of a version-N database made
/// by the code of that time. All hold the same coop (see the header of v1.sql).
fn schema_fixtures() -> Vec<(i64, PathBuf)> {
    let dir = fixture("schema");
    let mut found: Vec<(i64, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            let version = name.strip_prefix('v')?.strip_suffix(".sql")?.parse().ok()?;
            Some((version, p))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_older_schema_upgrades_and_keeps_its_data() {
    let fixtures = schema_fixtures();
    assert!(
        fixtures.iter().any(|(v, _)| *v == 1),
        "v1.sql fixture missing"
    );
    for (version, fixture) in fixtures {
        assert!(
            version <= schema::latest_version(),
            "{} is newer than the code",
            fixture.display()
        );
        // v9 holds the year closed (and 2025-2026 opened): it takes no new
        // entry in 2024-2025; `upgrade_closed_v9` opens it.
        if version == 9 {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ancienne.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(&std::fs::read_to_string(&fixture).unwrap())
                .unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
        }
        let conn = store::open(&path).unwrap_or_else(|e| panic!("v{version}: {e}"));
        let now: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            now,
            schema::latest_version(),
            "v{version} not brought up to date"
        );
        let fk_problems: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(
            fk_problems, 0,
            "v{version}: dangling references after upgrade"
        );

        let mut book = Book::load(conn, clock()).unwrap_or_else(|e| panic!("v{version}: {e}"));
        let ex = Exercice::new(2024);
        assert_eq!(
            book.coop().name,
            "Coopérative scolaire OCCE de l'école Jean Moulin"
        );
        assert_eq!(book.exercice(), ex);
        assert!(
            book.chart()
                .iter()
                .any(|a| a.code == "6069" && a.label == "Matériel de jardinage")
        );
        let entries = book.entries(ex).unwrap();
        let pieces: Vec<&str> = entries.iter().map(|e| e.piece.as_str()).collect();
        assert_eq!(
            pieces,
            ["AN", "R001", "D001", "V001", "D002", "D002-A"],
            "v{version}"
        );
        for entry in &entries {
            assert!(
                entry
                    .lines
                    .iter()
                    .map(|l| l.amount)
                    .sum::<Money>()
                    .is_zero(),
                "{} unbalanced",
                entry.piece
            );
        }
        let d001 = &entries[2];
        assert_eq!(d001.kind, EntryKind::Depense);
        assert_eq!(d001.mode, Some(PaymentMode::Virement));
        let lines: Vec<(&str, String)> = d001
            .lines
            .iter()
            .map(|l| (l.account_code.as_str(), l.amount.std()))
            .collect();
        assert_eq!(
            lines,
            [
                ("512", "-100.00".to_string()),
                ("62810008", "80.00".into()),
                ("61681008", "20.00".into())
            ]
        );
        assert_eq!(entries[4].reversed_by, Some(entries[5].id));
        assert_eq!(entries[5].reverses, Some(entries[4].id));
        assert_eq!(
            balances_std(&book, ex),
            [
                (MoneyKey::Caisse, "196.40".to_string()),
                (MoneyKey::Pro, "2331.17".into()),
                (MoneyKey::EnLigne, "0.00".into()),
                (MoneyKey::Lbp, "0.00".into()),
            ]
        );
        let audit = store::audit::load(book.conn()).unwrap();
        assert_eq!(audit.len(), 8, "v{version} audit trail");
        // The upgraded books still take new entries, numbered after the old ones.
        assert_eq!(book.next_piece(EntryKind::Depense).unwrap(), "D003");
        book.add_entry(&EntryRequest {
            date: "05/01/2025".into(),
            kind: EntryKind::Depense,
            account: MoneyKey::Caisse,
            amount: "4,60".into(),
            label: "Timbres".into(),
            mode: Some(PaymentMode::Especes),
            splits: vec![SplitInput {
                code: "626".into(),
                amount: String::new(),
            }],
            piece: String::new(),
            cheque_no: String::new(),
        })
        .unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert_eq!(
            balances_std(&book, ex)[0],
            (MoneyKey::Caisse, "191.80".to_string())
        );
    }
}

#[test]
fn a_second_lock_on_the_same_database_is_refused_until_the_first_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coop.db");
    let first = lock::acquire(&db).unwrap();
    assert_eq!(first.path, dir.path().join("coop.db.verrou"));
    match lock::acquire(&db) {
        Err(error @ StoreError::Locked(_)) => assert_eq!(
            error.to_string(),
            format!(
                "la base {} est déjà ouverte par un autre coopcompta : fermez-le d'abord (une seule fenêtre à la fois)",
                db.display()
            )
        ),
        Err(other) => panic!("expected Locked, got {other}"),
        Ok(_) => panic!("two locks on the same database"),
    }
    // Another database in the same folder is not affected.
    let other = lock::acquire(&dir.path().join("autre.db")).unwrap();
    drop(first);
    let again = lock::acquire(&db).expect("the lock is free once the first holder is gone");
    drop((again, other));
}

#[test]
fn backups_keep_the_last_ten_and_copies_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coop.db");
    let book = small_book(&db);
    let stamps: Vec<String> = (1..=12)
        .map(|i| format!("2025-03-{i:02}_08-00-00"))
        .collect();
    let mut made = Vec::new();
    for stamp in &stamps {
        let copy = backup::backup_now(book.conn(), &db, at(stamp)).unwrap();
        assert_eq!(
            copy,
            backup::backup_dir(&db).join(format!("coop-{stamp}.db"))
        );
        assert!(copy.exists());
        made.push(copy);
    }
    let mut left: Vec<String> = std::fs::read_dir(backup::backup_dir(&db))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    let wanted: Vec<String> = stamps[2..].iter().map(|s| format!("coop-{s}.db")).collect();
    assert_eq!(left, wanted);
    assert_eq!(left.len(), backup::KEEP);
    assert!(
        !made[0].exists() && !made[1].exists(),
        "the two oldest copies remain"
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&made[11]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "backup mode {mode:o}");
    }

    let ex = Exercice::new(2024);
    let original = book.entries(ex).unwrap();
    assert_eq!(original.len(), 3);
    let copy = Book::load(store::open(&made[11]).unwrap(), clock()).unwrap();
    assert_eq!(copy.entries(ex).unwrap(), original);
    assert_eq!(balances_std(&copy, ex), balances_std(&book, ex));
    assert_eq!(copy.coop(), book.coop());
}

#[test]
fn pruning_one_database_s_backups_leaves_another_database_s_alone() {
    // Two coops in one folder whose names share a prefix: coop.db and
    // coop-ecole.db. Their copies share the `sauvegardes` folder.
    let dir = tempfile::tempdir().unwrap();
    let other_db = dir.path().join("coop-ecole.db");
    let other = small_book(&other_db);
    let other_copies: Vec<PathBuf> = (1..=10)
        .map(|i| {
            backup::backup_now(
                other.conn(),
                &other_db,
                at(&format!("2025-03-{i:02}_08-00-00")),
            )
            .unwrap()
        })
        .collect();
    let db = dir.path().join("coop.db");
    let book = small_book(&db);
    let copy = backup::backup_now(book.conn(), &db, at("2025-03-20_08-00-00")).unwrap();
    assert!(
        copy.exists(),
        "the copy just made was pruned: {}",
        copy.display()
    );
    for path in &other_copies {
        assert!(
            path.exists(),
            "a copy of another database was pruned: {}",
            path.display()
        );
    }
}

/// The instant a backup stamp names.
fn at(stamp: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d_%H-%M-%S").unwrap()
}
