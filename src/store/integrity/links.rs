//! Links between rows: references to missing rows, reversals that are not
//! the opposite of what they cancel, entries erased while the audit trail
//! keeps them, participations and régie moves on the wrong entry.

use super::types::{row_name, row_subject};
use super::{
    Finding, FindingKind, entry_subject, piece_subject, rows, shown, shown_cents, shown_exercice,
};
use rusqlite::Connection;
use rusqlite::types::Value;

/// The coop row, and its current exercice among the exercices.
pub fn coop(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    let coops: i64 = conn.query_row("SELECT count(*) FROM coop", [], |r| r.get(0))?;
    if coops == 0 {
        out.push(Finding::new(
            FindingKind::NoCoop,
            "coopérative",
            "aucune coopérative enregistrée (table coop vide)",
        ));
    }
    for row in rows(
        conn,
        "SELECT current_exercice FROM coop
         WHERE current_exercice NOT IN (SELECT start_year FROM exercice)",
        1,
    )? {
        out.push(Finding::new(
            FindingKind::MissingReference,
            "coopérative",
            format!(
                "l'exercice en cours {} n'est pas dans la liste des exercices",
                shown_exercice(&row[0])
            ),
        ));
    }
    Ok(())
}

/// The pièce an erased entry had, read from the audit trail (`date | pièce | …`).
fn erased_subject(conn: &Connection, id: &Value) -> rusqlite::Result<String> {
    let texts = {
        let mut stmt = conn.prepare(
            "SELECT coalesce(after, ''), coalesce(before, '') FROM audit
             WHERE entity IN ('ecriture', 'regie', 'participations') AND entity_id = ?1
             ORDER BY id",
        )?;
        stmt.query_map([id], |r| Ok((r.get::<_, Value>(0)?, r.get::<_, Value>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?
    };
    for text in texts.iter().flat_map(|(a, b)| [a, b]) {
        let Value::Text(text) = text else { continue };
        let mut parts = text.split(" | ");
        if let (Some(date), Some(piece)) = (parts.next(), parts.next())
            && let Ok(date) = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        {
            let year = i64::from(crate::domain::Exercice::of(date).start_year);
            return Ok(piece_subject(
                &Value::Text(piece.to_string()),
                &Value::Integer(year),
            ));
        }
    }
    Ok(format!("écriture n° {}", shown(id)))
}

/// `PRAGMA foreign_key_check`, in words: each row pointing to a row that
/// does not exist (lines of an erased entry grouped by entry).
pub fn foreign_keys(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    let broken = rows(conn, "PRAGMA foreign_key_check", 4)?;
    let mut orphans: Vec<(Value, Vec<String>)> = Vec::new();
    for row in broken {
        let table = shown(&row[0]);
        let column: String = conn
            .query_row(
                "SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE id = ?2",
                [&row[0], &row[3]],
                |r| r.get(0),
            )
            .unwrap_or_else(|_| "?".into());
        let value: Value = conn
            .query_row(
                &format!(
                    "SELECT \"{}\" FROM \"{}\" WHERE rowid = ?1",
                    column.replace('"', "\"\""),
                    table.replace('"', "\"\"")
                ),
                [&row[1]],
                |r| r.get(0),
            )
            .unwrap_or(Value::Null);
        let v = shown(&value);
        let text = match (table.as_str(), column.as_str()) {
            ("entry_line", "entry_id") => {
                match orphans.iter_mut().find(|(id, _)| *id == value) {
                    Some((_, lines)) => lines.push(shown(&row[1])),
                    None => orphans.push((value, vec![shown(&row[1])])),
                }
                continue;
            }
            ("entry_line", "account_id") => {
                format!("une ligne renvoie au compte n° {v}, absent du plan comptable")
            }
            ("entry", "reverses") => format!("annule l'écriture n° {v}, qui n'existe pas"),
            ("entry", "exercice") => {
                format!("rattachée à l'exercice {v}, absent de la liste des exercices")
            }
            (_, "entry_id") => format!("renvoie à l'écriture n° {v}, qui n'existe pas"),
            (_, _) => format!(
                "renvoie ({column}) à {} n° {v}, qui n'existe pas",
                row_name(&shown(&row[2]))
            ),
        };
        out.push(Finding::new(
            FindingKind::MissingReference,
            row_subject(conn, &table, &row[1])?,
            text,
        ));
    }
    for (entry, lines) in orphans {
        let text = if lines.len() > 1 {
            format!(
                "l'écriture n° {} n'existe plus mais ses lignes n° {} restent",
                shown(&entry),
                lines.join(", ")
            )
        } else {
            format!(
                "l'écriture n° {} n'existe plus mais sa ligne n° {} reste",
                shown(&entry),
                lines[0]
            )
        };
        out.push(Finding::new(
            FindingKind::MissingReference,
            erased_subject(conn, &entry)?,
            text,
        ));
    }
    Ok(())
}

/// A reversal must cancel another entry of its exercice that is not itself
/// a reversal, with exactly the opposite amount on each account.
pub fn reversals(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    for row in rows(
        conn,
        "SELECT r.piece, r.exercice, o.piece, o.exercice, r.id = o.id, o.reverses IS NOT NULL
         FROM entry r JOIN entry o ON o.id = r.reverses
         WHERE r.id = o.id OR o.reverses IS NOT NULL OR r.exercice IS NOT o.exercice
         ORDER BY r.exercice, r.piece",
        6,
    )? {
        let text = if row[4] == Value::Integer(1) {
            "écriture d'annulation qui s'annule elle-même".to_string()
        } else if row[5] == Value::Integer(1) {
            format!(
                "annule {}, elle-même une écriture d'annulation",
                shown(&row[2])
            )
        } else {
            format!(
                "annule {} de l'exercice {} : une annulation reste dans l'exercice de l'écriture",
                shown(&row[2]),
                shown_exercice(&row[3])
            )
        };
        out.push(Finding::new(
            FindingKind::BrokenReversal,
            piece_subject(&row[0], &row[1]),
            text,
        ));
    }
    let gaps = rows(
        conn,
        "WITH pair AS (
             SELECT id AS rid, reverses AS oid FROM entry
             WHERE reverses IS NOT NULL AND reverses IS NOT id
               AND reverses IN (SELECT id FROM entry)),
         sides AS (
             SELECT p.rid, l.account_id, l.amount_cents AS cents
             FROM pair p JOIN entry_line l ON l.entry_id = p.rid
             UNION ALL
             SELECT p.rid, l.account_id, l.amount_cents
             FROM pair p JOIN entry_line l ON l.entry_id = p.oid)
         SELECT r.piece, r.exercice, o.piece, coalesce(a.code, 'n° ' || s.account_id), sum(s.cents)
         FROM sides s JOIN entry r ON r.id = s.rid JOIN entry o ON o.id = r.reverses
              LEFT JOIN account a ON a.id = s.account_id
         WHERE typeof(s.cents) = 'integer'
         GROUP BY s.rid, s.account_id HAVING sum(s.cents) <> 0
         ORDER BY r.exercice, r.piece, s.rid, a.code",
        5,
    )?;
    let mut last: Option<(String, Vec<String>, String)> = None;
    let mut flush = |item: Option<(String, Vec<String>, String)>| {
        if let Some((subject, gaps, original)) = item {
            out.push(Finding::new(
                FindingKind::BrokenReversal,
                subject,
                format!(
                    "n'est pas l'exact opposé de {original} qu'elle annule (écart {})",
                    gaps.join(", ")
                ),
            ));
        }
    };
    for row in gaps {
        let subject = piece_subject(&row[0], &row[1]);
        let gap = format!("{} : {}", shown(&row[3]), shown_cents(&row[4]));
        match &mut last {
            Some((s, gaps, _)) if *s == subject => gaps.push(gap),
            _ => flush(last.replace((subject, vec![gap], shown(&row[2])))),
        }
    }
    flush(last);
    Ok(())
}

/// Entries the audit trail recorded that are no longer in the base.
pub fn deleted_entries(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    for row in rows(
        conn,
        "SELECT DISTINCT entity_id FROM audit a
         WHERE entity IN ('ecriture', 'regie', 'participations') AND entity_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM entry e WHERE e.id = a.entity_id)
         ORDER BY entity_id",
        1,
    )? {
        out.push(Finding::new(
            FindingKind::DeletedEntry,
            erased_subject(conn, &row[0])?,
            format!(
                "l'écriture n° {} a été effacée alors que le journal des modifications l'a enregistrée (une écriture s'annule, elle ne s'efface pas)",
                shown(&row[0])
            ),
        ));
    }
    Ok(())
}

/// A participation's recette: a recette, not a reversal; a participation
/// marked cancelled has its recette reversed.
pub fn contributions(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    for row in rows(
        conn,
        "SELECT c.id, e.id, e.reverses IS NOT NULL, e.kind,
                c.cancelled_at IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
         FROM contribution c JOIN entry e ON e.id = c.entry_id
         WHERE e.reverses IS NOT NULL OR e.kind IS NOT 'recette'
            OR (c.cancelled_at IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id))
         ORDER BY c.id",
        5,
    )? {
        let id = shown(&row[0]);
        let text = if row[2] == Value::Integer(1) {
            format!("la participation n° {id} renvoie à cette écriture d'annulation")
        } else if row[3] != Value::Text("recette".into()) {
            format!("la participation n° {id} renvoie à cette écriture, qui n'est pas une recette")
        } else {
            format!("la participation n° {id} est marquée annulée mais cette recette ne l'est pas")
        };
        out.push(Finding::new(
            FindingKind::ParticipationMismatch,
            entry_subject(conn, &row[1])?,
            text,
        ));
    }
    Ok(())
}

/// A régie move's entry is not a reversal (a cancelled move keeps its own
/// entry, reversed by another).
pub fn regies(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    for row in rows(
        conn,
        "SELECT m.id, e.id FROM regie_move m JOIN entry e ON e.id = m.entry_id
         WHERE e.reverses IS NOT NULL ORDER BY m.id",
        2,
    )? {
        out.push(Finding::new(
            FindingKind::RegieMismatch,
            entry_subject(conn, &row[1])?,
            format!(
                "le mouvement de régie n° {} renvoie à cette écriture d'annulation",
                shown(&row[0])
            ),
        ));
    }
    Ok(())
}
