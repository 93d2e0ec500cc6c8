//! The schema version in `user_version` against what the file holds: a
//! migration's tables (or indexes, or added columns) already present mean the
//! number was lowered by hand; migrating would fail on them.

use super::super::{StoreError, schema};
use super::{Finding, FindingKind};
use rusqlite::Connection;

/// Something a migration creates, read from its SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Created {
    Table(String),
    Index(String),
    Column { table: String, column: String },
}

/// The tables, indexes and added columns a migration's SQL creates.
fn created_by(sql: &str) -> Vec<Created> {
    let text: String = sql
        .lines()
        .map(|line| line.split("--").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['(', ')', ',', ';'], " ");
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let name = |i: usize| -> Option<String> {
        let mut i = i;
        if words.get(i).map(String::as_str) == Some("if") {
            i += 3; // IF NOT EXISTS
        }
        words
            .get(i)
            .map(|w| w.trim_matches(|c| c == '"' || c == '`').to_string())
    };
    let mut out = Vec::new();
    for i in 0..words.len() {
        let at = |k: usize| words.get(i + k).map(String::as_str);
        match (at(0), at(1), at(2)) {
            (Some("create"), Some("table"), _) => out.extend(name(i + 2).map(Created::Table)),
            (Some("create"), Some("index"), _) => out.extend(name(i + 2).map(Created::Index)),
            (Some("create"), Some("unique"), Some("index")) => {
                out.extend(name(i + 3).map(Created::Index))
            }
            (Some("alter"), Some("table"), _) => {
                let table = name(i + 2);
                let add = words
                    .iter()
                    .skip(i + 3)
                    .position(|w| w == "add")
                    .map(|p| i + 3 + p);
                if let (Some(table), Some(add)) = (table, add) {
                    let col = if at(add - i + 1) == Some("column") {
                        add + 2
                    } else {
                        add + 1
                    };
                    if let Some(column) = words.get(col) {
                        out.push(Created::Column {
                            table,
                            column: column.clone(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn exists(conn: &Connection, item: &Created) -> rusqlite::Result<bool> {
    let count: i64 = match item {
        Created::Table(name) => conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND lower(name) = ?1",
            [name],
            |r| r.get(0),
        )?,
        Created::Index(name) => conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND lower(name) = ?1",
            [name],
            |r| r.get(0),
        )?,
        Created::Column { table, column } => conn.query_row(
            "SELECT count(*) FROM pragma_table_info(?1) WHERE lower(name) = ?2",
            [table, column],
            |r| r.get(0),
        )?,
    };
    Ok(count > 0)
}

/// The highest schema version after `current` whose tables, indexes or
/// columns are already in the file, if any: then `current` was lowered.
pub fn later_schema_present(conn: &Connection, current: i64) -> rusqlite::Result<Option<i64>> {
    for (index, sql) in schema::MIGRATIONS.iter().enumerate().rev() {
        let version = index as i64 + 1;
        if version <= current.max(0) {
            break;
        }
        for item in created_by(sql) {
            if exists(conn, &item)? {
                return Ok(Some(version));
            }
        }
    }
    Ok(None)
}

/// The refusal when `user_version` says `found` but the file already holds
/// the schema `present`: one French line, nothing changed.
pub fn altered_error(found: i64, present: i64) -> StoreError {
    StoreError::Refused(format!(
        "la base indique le schéma {found} mais contient déjà les tables du schéma {present} : \
         son numéro de version a été modifié. Rien n'a été changé ; lancez « coopcompta check » \
         et, au besoin, reprenez la dernière copie du dossier sauvegardes"
    ))
}

/// The refusal when migration `version` fails: one French line, without
/// the migration's SQL.
pub fn migration_error(version: i64, error: &rusqlite::Error) -> StoreError {
    StoreError::Refused(format!(
        "mise à jour de la base vers le schéma {version} impossible ({}) : rien n'a été changé ; \
         lancez « coopcompta check » et, au besoin, reprenez la dernière copie du dossier sauvegardes",
        super::one_line(error)
    ))
}

/// The schema version as a finding, when it is not the one this build writes.
pub fn check(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let expected = schema::latest_version();
    let text = if found > expected {
        format!(
            "version du schéma {found}, attendue {expected} : base écrite par une version plus \
             récente de coopcompta (mettez coopcompta à jour), ou numéro de version modifié"
        )
    } else if found < expected {
        match later_schema_present(conn, found)? {
            Some(present) => format!(
                "version du schéma {found}, attendue {expected} : les tables du schéma {present} \
                 existent déjà, le numéro de version a été modifié (PRAGMA user_version = \
                 {present} le rétablit, ou reprenez une copie du dossier sauvegardes)"
            ),
            None => format!(
                "version du schéma {found}, attendue {expected} : base d'une version antérieure, \
                 ouvrez-la une fois avec coopcompta pour la mettre à jour, puis relancez la vérification"
            ),
        }
    } else {
        return Ok(());
    };
    out.push(Finding::new(FindingKind::SchemaVersion, "base", text));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_each_migration_creates() {
        let found = created_by(
            "-- a comment naming CREATE TABLE ghost\n\
             CREATE TABLE coop (id INTEGER);\n\
             CREATE INDEX IF NOT EXISTS by_x ON coop (x);\n\
             CREATE UNIQUE INDEX u ON coop(y);\n\
             ALTER TABLE entry ADD COLUMN note TEXT NOT NULL DEFAULT '';\n\
             ALTER TABLE pupil ADD gone INTEGER;",
        );
        assert_eq!(
            found,
            vec![
                Created::Table("coop".into()),
                Created::Index("by_x".into()),
                Created::Index("u".into()),
                Created::Column {
                    table: "entry".into(),
                    column: "note".into()
                },
                Created::Column {
                    table: "pupil".into(),
                    column: "gone".into()
                },
            ]
        );
    }

    #[test]
    fn the_first_migrations_create_something_to_look_for() {
        // A later migration may only change data: nothing to look for then.
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().take(3) {
            assert!(!created_by(sql).is_empty(), "migration {}", i + 1);
        }
        assert!(created_by(schema::MIGRATIONS[2]).contains(&Created::Table("regie_move".into())));
    }

    #[test]
    fn a_lowered_version_is_seen_from_the_tables() {
        let conn = crate::store::open_in_memory().unwrap();
        assert_eq!(
            later_schema_present(&conn, schema::latest_version()).unwrap(),
            None
        );
        // The latest migration's tables are found first.
        assert_eq!(
            later_schema_present(&conn, 1).unwrap(),
            Some(schema::latest_version())
        );
        let fresh = Connection::open_in_memory().unwrap();
        assert_eq!(later_schema_present(&fresh, 0).unwrap(), None);
    }
}
