//! Text (or a decimal, or bytes) where the schema says INTEGER: found with
//! `typeof()` before any other check reads the value as a number.

use super::{Finding, FindingKind, entry_subject, rows, shown};
use rusqlite::Connection;
use rusqlite::types::Value;

/// The French name of a table's row, for findings not about an entry.
pub(crate) fn row_name(table: &str) -> &str {
    match table {
        "coop" => "coopérative",
        "exercice" => "exercice",
        "account" => "compte",
        "entry" => "écriture",
        "entry_line" => "ligne d'écriture",
        "audit" => "journal des modifications, ligne",
        "checklist_step" => "étape de la liste",
        "school_class" => "classe",
        "family" => "famille",
        "pupil" => "élève",
        "campaign" => "campagne",
        "campaign_class" => "classe de campagne",
        "contribution" => "participation",
        "regie_move" => "mouvement de régie",
        other => other,
    }
}

fn column_name(column: &str) -> String {
    match column {
        "amount_cents" => "montant en centimes".into(),
        "suggested_cents" => "montant proposé en centimes".into(),
        "exercice" => "exercice".into(),
        "entry_id" => "n° d'écriture".into(),
        "account_id" => "n° de compte".into(),
        "reverses" => "n° de l'écriture annulée".into(),
        "position" => "position".into(),
        other => format!("colonne {other}"),
    }
}

/// Who a row is: the pièce for an entry or one of its lines, else the row.
pub(crate) fn row_subject(
    conn: &Connection,
    table: &str,
    rowid: &Value,
) -> rusqlite::Result<String> {
    match table {
        "entry" => entry_subject(conn, rowid),
        "entry_line" => {
            let entry: Value = conn
                .query_row(
                    "SELECT entry_id FROM entry_line WHERE rowid = ?1",
                    [rowid],
                    |r| r.get(0),
                )
                .unwrap_or(Value::Null);
            match entry {
                Value::Integer(_) => entry_subject(conn, &entry),
                _ => Ok(format!("ligne d'écriture n° {}", shown(rowid))),
            }
        }
        other => Ok(format!("{} n° {}", row_name(other), shown(rowid))),
    }
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Every INTEGER column but a table's INTEGER PRIMARY KEY: that one is the
/// rowid itself, which SQLite keeps an integer whatever is written.
pub fn check(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND upper(c.type) = 'INTEGER' \
           AND NOT (c.pk = 1 AND (SELECT count(*) FROM pragma_table_info(m.name) WHERE pk > 0) = 1) \
         ORDER BY m.rowid, c.cid",
    )?;
    let columns = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut tables: Vec<(String, Vec<String>)> = Vec::new();
    for (table, column) in columns {
        match tables.last_mut() {
            Some((t, cols)) if *t == table => cols.push(column),
            _ => tables.push((table, vec![column])),
        }
    }
    for (table, cols) in tables {
        let list: Vec<String> = cols.iter().map(|c| quoted(c)).collect();
        let bad: Vec<String> = list
            .iter()
            .map(|c| format!("typeof({c}) NOT IN ('integer', 'null')"))
            .collect();
        let sql = format!(
            "SELECT rowid, {} FROM {} WHERE {} ORDER BY rowid",
            list.join(", "),
            quoted(&table),
            bad.join(" OR ")
        );
        for row in rows(conn, &sql, cols.len() + 1)? {
            let subject = row_subject(conn, &table, &row[0])?;
            for (column, value) in cols.iter().zip(&row[1..]) {
                if matches!(value, Value::Integer(_) | Value::Null) {
                    continue;
                }
                let text = if table == "entry_line" {
                    format!(
                        "une ligne a pour {} « {} » : un nombre entier est attendu",
                        column_name(column),
                        shown(value)
                    )
                } else {
                    format!(
                        "{} « {} » : un nombre entier est attendu",
                        column_name(column),
                        shown(value)
                    )
                };
                out.push(Finding::new(FindingKind::WrongType, subject.clone(), text));
            }
        }
    }
    Ok(())
}
