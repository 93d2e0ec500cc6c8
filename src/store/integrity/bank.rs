//! Bank reconciliation rows: a bank line's matches pay it exactly and sit
//! on its account; nothing hangs on an import that was undone.

use super::{Finding, FindingKind, rows, shown, shown_cents};
use rusqlite::Connection;

fn line_subject(id: &rusqlite::types::Value) -> String {
    format!("ligne de relevé n° {}", shown(id))
}

/// The matches of each bank line: on the line's account, summing to it.
pub fn matches(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    for row in rows(
        conn,
        "SELECT b.id, b.amount_cents,
                (SELECT COALESCE(SUM(l.amount_cents), 0) FROM bank_match m
                   JOIN entry_line l ON l.entry_id = m.entry_id AND l.account_id = m.account_id
                  WHERE m.bank_line_id = b.id)
         FROM bank_line b
         WHERE EXISTS (SELECT 1 FROM bank_match m WHERE m.bank_line_id = b.id)
           AND b.amount_cents IS NOT (SELECT COALESCE(SUM(l.amount_cents), 0) FROM bank_match m
                   JOIN entry_line l ON l.entry_id = m.entry_id AND l.account_id = m.account_id
                  WHERE m.bank_line_id = b.id)
         ORDER BY b.id",
        3,
    )? {
        out.push(Finding::new(
            FindingKind::MatchMismatch,
            line_subject(&row[0]),
            format!(
                "la ligne ({}) est rapprochée d'écritures qui font {} sur son compte",
                shown_cents(&row[1]),
                shown_cents(&row[2])
            ),
        ));
    }
    for row in rows(
        conn,
        "SELECT m.bank_line_id, m.id FROM bank_match m JOIN bank_line b ON b.id = m.bank_line_id
         WHERE m.account_id IS NOT b.account_id ORDER BY m.id",
        2,
    )? {
        out.push(Finding::new(
            FindingKind::MatchMismatch,
            line_subject(&row[0]),
            format!(
                "le rapprochement n° {} est sur un autre compte que la ligne",
                shown(&row[1])
            ),
        ));
    }
    for row in rows(
        conn,
        "SELECT 'ligne de relevé n° ' || b.id, b.batch_id FROM bank_line b
           JOIN import_batch i ON i.id = b.batch_id WHERE i.undone_at IS NOT NULL
         UNION ALL
         SELECT 'écriture ' || e.piece, e.batch_id FROM entry e
           JOIN import_batch i ON i.id = e.batch_id WHERE i.undone_at IS NOT NULL
         ORDER BY 1",
        2,
    )? {
        out.push(Finding::new(
            FindingKind::MatchMismatch,
            shown(&row[0]),
            format!(
                "elle vient de l'import n° {}, qui a été défait",
                shown(&row[1])
            ),
        ));
    }
    Ok(())
}
