//! What closing reads (the facts behind each blocker) and writes (the
//! closed mark, the next exercice, the pupils carried over). The lock
//! itself is in the triggers of migration 9; their refusal arrives here as
//! an SQLite error and leaves as a French one.

use super::Result;
use crate::domain::participation::pupils::class_key;
use crate::domain::{Exercice, Money};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::HashMap;

/// The message of the lock triggers (`RAISE(ABORT, …)`).
const TRIGGER_MESSAGE: &str = "exercice clôturé";

/// The refusal the store gives when a trigger stops a write; the write path
/// names the exercice.
pub const LOCKED: &str = "l'exercice est clôturé : il ne peut plus être modifié";

/// A write stopped by a lock trigger.
pub fn is_lock_refusal(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(_, Some(message)) if message == TRIGGER_MESSAGE)
}

/// The latest closed exercice.
pub fn last_closed(conn: &Connection) -> Result<Option<Exercice>> {
    let year: Option<i32> = conn.query_row(
        "SELECT MAX(start_year) FROM exercice WHERE closed_at IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    Ok(year.map(Exercice::new))
}

/// Whether the exercice has a row.
pub fn exists(conn: &Connection, exercice: Exercice) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM exercice WHERE start_year = ?1",
            [exercice.start_year],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Arrêtés de caisse dated between `from` and `to` included.
pub fn cash_counts_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<usize> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM cash_count WHERE date BETWEEN ?1 AND ?2",
        params![from.to_string(), to.to_string()],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

/// Lines of the exercice on an account.
pub fn lines_on(conn: &Connection, exercice: Exercice, account_id: i64) -> Result<usize> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM entry_line WHERE account_id = ?1 AND exercice = ?2",
        params![account_id, exercice.start_year],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

/// The balance of an account (by code) over the exercice.
pub fn code_balance(conn: &Connection, exercice: Exercice, code: &str) -> Result<Money> {
    let cents: i64 = conn.query_row(
        "SELECT COALESCE(SUM(l.amount_cents), 0) FROM entry_line l JOIN account a ON a.id = l.account_id
         WHERE a.code = ?1 AND l.exercice = ?2",
        params![code, exercice.start_year],
        |r| r.get(0),
    )?;
    Ok(Money::from_cents(cents))
}

/// Import batches undone (their entries are gone, their pièces free).
pub fn undone_imports(conn: &Connection) -> Result<usize> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM import_batch WHERE undone_at IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

/// A parent's cheque of the exercice not given back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingCheque {
    pub pupil: String,
    pub amount: Money,
    pub date: NaiveDate,
}

/// The cheques received by the end of the exercice and still to give
/// back, oldest first.
pub fn pending_cheques(conn: &Connection, exercice: Exercice) -> Result<Vec<PendingCheque>> {
    use super::participations::contributions::{HeldCheques, cheques_still_out};
    Ok(cheques_still_out(conn, HeldCheques::still_from(exercice))?
        .into_iter()
        .map(|c| PendingCheque {
            pupil: format!("{} {}", c.nom, c.prenom)
                .trim_matches(' ')
                .to_string(),
            amount: c.contribution.amount,
            date: c.contribution.date,
        })
        .collect())
}

/// Online payments of the exercice counted in the books whose payout has
/// not reached the Compte Pro: (count, total).
pub fn online_not_paid_out(conn: &Connection, exercice: Exercice) -> Result<(usize, Money)> {
    let (n, cents): (i64, i64) = conn.query_row(
        "SELECT count(*), COALESCE(SUM(o.amount_cents - o.fee_cents), 0)
         FROM online_payment o JOIN entry e ON e.id = o.entry_id
         WHERE e.exercice = ?1 AND o.status = 'paye'
           AND NOT EXISTS (SELECT 1 FROM payout p WHERE p.ref = o.payout_ref
                           AND p.transfer_entry_id IS NOT NULL)",
        [exercice.start_year],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((n as usize, Money::from_cents(cents)))
}

/// Marks the exercice closed.
pub fn mark_closed(tx: &Transaction, exercice: Exercice, now: &str) -> Result<()> {
    tx.execute(
        "UPDATE exercice SET closed_at = ?2 WHERE start_year = ?1",
        params![exercice.start_year, now],
    )?;
    Ok(())
}

/// Takes the closed mark away (a reopening).
pub fn mark_open(tx: &Transaction, exercice: Exercice) -> Result<()> {
    tx.execute(
        "UPDATE exercice SET closed_at = NULL WHERE start_year = ?1",
        [exercice.start_year],
    )?;
    Ok(())
}

/// The exercice the app keeps.
pub fn set_current(tx: &Transaction, exercice: Exercice) -> Result<()> {
    tx.execute(
        "UPDATE coop SET current_exercice = ?1 WHERE id = 1",
        [exercice.start_year],
    )?;
    Ok(())
}

/// Copies the classes of `from` (but the leaving ones, renamed as asked)
/// with their pupils and families into `to`. A class already in `to`
/// receives the pupils it lacks; anonymised pupils stay behind. Returns how
/// many pupils were copied.
pub fn carry_pupils(
    tx: &Transaction,
    from: Exercice,
    to: Exercice,
    renames: &[(String, String)],
    leaving: &[String],
    now: &str,
) -> Result<usize> {
    let renamed: HashMap<String, &str> = renames
        .iter()
        .map(|(old, new)| (class_key(old), new.trim()))
        .collect();
    let leaving: Vec<String> = leaving.iter().map(|l| class_key(l)).collect();
    let classes = super::participations::pupils::classes(tx, from)?;
    let mut existing: HashMap<String, i64> = super::participations::pupils::classes(tx, to)?
        .into_iter()
        .map(|k| (class_key(&k.name), k.id))
        .collect();
    let mut families: HashMap<i64, i64> = HashMap::new();
    let mut copied = 0;
    for class in classes {
        let key = class_key(&class.name);
        if leaving.contains(&key) {
            continue;
        }
        let (name, teacher) = match renamed.get(&key) {
            Some(new) => (new.to_string(), ""),
            None => (class.name.clone(), class.teacher.as_str()),
        };
        let target = match existing.get(&class_key(&name)) {
            Some(id) => *id,
            None => {
                let id = super::participations::pupils::insert_class(tx, to, &name, teacher, now)?;
                existing.insert(class_key(&name), id);
                id
            }
        };
        let pupils: Vec<(i64, String, String, String)> = {
            let mut stmt = tx.prepare_cached(
                "SELECT p.family_id, p.nom, p.prenom, p.name_key FROM pupil p
                 WHERE p.class_id = ?1 AND p.anonymised_at IS NULL ORDER BY p.id",
            )?;
            stmt.query_map([class.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        for (family, nom, prenom, name_key) in pupils {
            let family = match families.get(&family) {
                Some(id) => *id,
                None => {
                    let family_key: String =
                        tx.query_row("SELECT name_key FROM family WHERE id = ?1", [family], |r| {
                            r.get(0)
                        })?;
                    let id = super::participations::pupils::family_id(tx, to, &family_key)?;
                    families.insert(family, id);
                    id
                }
            };
            copied += tx
                .prepare_cached(
                    "INSERT INTO pupil (class_id, family_id, nom, prenom, name_key, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
                )?
                .execute(params![target, family, nom, prenom, name_key, now])?;
        }
    }
    Ok(copied)
}
