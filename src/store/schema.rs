//! Schema migrations, numbered and only ever added: migration N brings the
//! database from `user_version` N-1 to N, inside one transaction.

use rusqlite::Connection;

/// Each item is one migration; never edit one that has shipped, add a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: the coop, exercices, chart of accounts, entries and their lines, audit.
    r#"
    CREATE TABLE coop (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        current_exercice INTEGER NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE exercice (
        start_year INTEGER PRIMARY KEY,
        closed_at TEXT
    );
    CREATE TABLE account (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('tresorerie', 'charge', 'produit', 'bilan')),
        money_key TEXT UNIQUE CHECK (money_key IN ('caisse', 'pro', 'en-ligne', 'lbp')),
        crf_heading TEXT,
        hidden INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE entry (
        id INTEGER PRIMARY KEY,
        exercice INTEGER NOT NULL REFERENCES exercice(start_year),
        date TEXT NOT NULL,
        piece TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('recette', 'depense', 'virement', 'ouverture')),
        label TEXT NOT NULL,
        mode TEXT CHECK (mode IN ('especes', 'carte', 'virement', 'cheque', 'prelevement')),
        cheque_no TEXT,
        reverses INTEGER UNIQUE REFERENCES entry(id),
        created_at TEXT NOT NULL,
        UNIQUE (exercice, piece)
    );
    CREATE INDEX entry_by_date ON entry (exercice, date);
    -- exercice and date repeat the entry's, so that balances and ledgers are
    -- read from the covering index alone (fast on a 100,000-entry year).
    CREATE TABLE entry_line (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry(id),
        position INTEGER NOT NULL,
        account_id INTEGER NOT NULL REFERENCES account(id),
        amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
        exercice INTEGER NOT NULL,
        date TEXT NOT NULL
    );
    CREATE INDEX entry_line_by_entry ON entry_line (entry_id, position);
    CREATE INDEX entry_line_ledger ON entry_line (account_id, exercice, date, entry_id, amount_cents);
    CREATE INDEX entry_line_by_exercice ON entry_line (exercice);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        before TEXT,
        after TEXT
    );
    "#,
    // 2: the mandataire's migration checklist (LBP → AssoConnect + Compte Pro).
    r#"
    CREATE TABLE checklist_step (
        key TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        help TEXT NOT NULL DEFAULT '',
        prerequisites TEXT NOT NULL DEFAULT '',
        derive TEXT CHECK (derive IN ('solde-lbp', 'cheques', 'premier-virement', 'avance')),
        position INTEGER NOT NULL,
        hidden INTEGER NOT NULL DEFAULT 0,
        user_added INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'a-faire'
            CHECK (status IN ('a-faire', 'en-cours', 'fait', 'sans-objet')),
        done_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        manual INTEGER NOT NULL DEFAULT 0
    );
    "#,
    // 3: participations des familles: classes, families, pupils, campaigns,
    // contributions (cheques to give back included), régies d'avance; and an
    // index to find the next pièce number without reading every pièce.
    r#"
    CREATE TABLE school_class (
        id INTEGER PRIMARY KEY,
        exercice INTEGER NOT NULL REFERENCES exercice(start_year),
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        teacher TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (exercice, name_key)
    );
    CREATE TABLE family (
        id INTEGER PRIMARY KEY,
        exercice INTEGER NOT NULL REFERENCES exercice(start_year),
        name_key TEXT NOT NULL,
        UNIQUE (exercice, name_key)
    );
    CREATE TABLE pupil (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES school_class(id),
        family_id INTEGER NOT NULL REFERENCES family(id),
        nom TEXT NOT NULL,
        prenom TEXT NOT NULL,
        name_key TEXT NOT NULL,
        anonymised_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (class_id, name_key)
    );
    CREATE INDEX pupil_by_family ON pupil (family_id);
    CREATE TABLE campaign (
        id INTEGER PRIMARY KEY,
        exercice INTEGER NOT NULL REFERENCES exercice(start_year),
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        suggested_cents INTEGER CHECK (suggested_cents IS NULL OR suggested_cents > 0),
        account_id INTEGER NOT NULL REFERENCES account(id),
        starts_on TEXT,
        ends_on TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (exercice, name_key)
    );
    CREATE TABLE campaign_class (
        campaign_id INTEGER NOT NULL REFERENCES campaign(id),
        class_id INTEGER NOT NULL REFERENCES school_class(id),
        PRIMARY KEY (campaign_id, class_id)
    );
    CREATE TABLE contribution (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaign(id),
        pupil_id INTEGER NOT NULL REFERENCES pupil(id),
        date TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        channel TEXT NOT NULL CHECK (channel IN ('especes', 'en-ligne', 'virement', 'cheque')),
        entry_id INTEGER REFERENCES entry(id),
        payer TEXT NOT NULL DEFAULT '',
        returned_on TEXT,
        cancelled_at TEXT,
        created_at TEXT NOT NULL,
        CHECK ((channel = 'cheque') = (entry_id IS NULL)),
        CHECK (returned_on IS NULL OR channel = 'cheque')
    );
    CREATE INDEX contribution_by_campaign ON contribution (campaign_id, pupil_id);
    CREATE INDEX contribution_by_entry ON contribution (entry_id);
    CREATE INDEX contribution_cheques_out ON contribution (date)
        WHERE channel = 'cheque' AND returned_on IS NULL AND cancelled_at IS NULL;
    CREATE TABLE regie_move (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES school_class(id),
        kind TEXT NOT NULL CHECK (kind IN ('avance', 'depense', 'retour')),
        entry_id INTEGER NOT NULL UNIQUE REFERENCES entry(id),
        receipt_no TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX regie_by_class ON regie_move (class_id);
    CREATE INDEX entry_piece_number
        ON entry (exercice, substr(piece, 1, 1), CAST(substr(piece, 2) AS INTEGER));
    "#,
    // 4: the name keys recomputed with the one folding of `domain::text`
    // (Rust code, in `after_migration`).
    "-- 4: name keys refolded",
    // 5: who a cheque was given back to (its history stays listed), and the
    // entry that restored a mistakenly cancelled one.
    r#"
    ALTER TABLE contribution ADD COLUMN returned_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE entry ADD COLUMN restored_as INTEGER REFERENCES entry(id);
    "#,
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Data a migration writes after its SQL: the default checklist for
/// migration 2 (the list is data shipped in `sample-data/`), the name keys
/// refolded for migration 4.
fn after_migration(tx: &rusqlite::Transaction, version: usize) -> Result<(), super::StoreError> {
    if version == 2 {
        for (i, step) in crate::io::checklist_csv::default_checklist()
            .iter()
            .enumerate()
        {
            super::checklist::upsert_template_step(tx, step, (i as i64 + 1) * 10, false)?;
        }
    }
    if version == 4 {
        super::participations::rekey::recompute_keys(tx)?;
    }
    Ok(())
}

/// Brings the database up to date. A database newer than this build is refused.
pub fn migrate(conn: &mut Connection) -> Result<(), super::StoreError> {
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
