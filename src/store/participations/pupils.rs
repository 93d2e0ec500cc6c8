//! Classes, families and pupils of an exercice.

use super::super::{Result, StoreError};
use crate::domain::Exercice;
use crate::domain::participation::pupils::{NewPupil, anonymous_name, class_key};
use crate::domain::participation::{Pupil, SchoolClass};
use crate::domain::text::fold;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};

/// Classes of an exercice with their number of pupils, by name.
pub fn classes(conn: &Connection, exercice: Exercice) -> Result<Vec<SchoolClass>> {
    let mut stmt = conn.prepare_cached(
        "SELECT k.id, k.name, k.teacher, (SELECT count(*) FROM pupil p WHERE p.class_id = k.id)
         FROM school_class k WHERE k.exercice = ?1 ORDER BY k.name_key",
    )?;
    let rows = stmt.query_map([exercice.start_year], |r| {
        Ok(SchoolClass {
            id: r.get(0)?,
            exercice,
            name: r.get(1)?,
            teacher: r.get(2)?,
            pupils: r.get::<_, i64>(3)? as usize,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds a class; returns its id.
pub fn insert_class(
    tx: &Transaction,
    exercice: Exercice,
    name: &str,
    teacher: &str,
    now: &str,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO school_class (exercice, name, name_key, teacher, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![exercice.start_year, name, class_key(name), teacher, now])?;
    Ok(tx.last_insert_rowid())
}

pub fn set_teacher(tx: &Transaction, class_id: i64, teacher: &str) -> Result<()> {
    let changed = tx.execute(
        "UPDATE school_class SET teacher = ?2 WHERE id = ?1",
        params![class_id, teacher],
    )?;
    if changed == 0 {
        return Err(StoreError::Refused(format!(
            "Classe : n° {class_id} inconnue"
        )));
    }
    Ok(())
}

/// Family ids of an exercice by name key.
pub fn families(conn: &Connection, exercice: Exercice) -> Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare_cached("SELECT name_key, id FROM family WHERE exercice = ?1")?;
    let rows = stmt.query_map([exercice.start_year], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The family of `key` in the exercice, created if needed.
pub fn family_id(tx: &Transaction, exercice: Exercice, key: &str) -> Result<i64> {
    let found: Option<i64> = tx
        .prepare_cached("SELECT id FROM family WHERE exercice = ?1 AND name_key = ?2")?
        .query_row(params![exercice.start_year, key], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO family (exercice, name_key) VALUES (?1, ?2)")?
        .execute(params![exercice.start_year, key])?;
    Ok(tx.last_insert_rowid())
}

/// Adds a pupil; returns its id.
pub fn insert_pupil(
    tx: &Transaction,
    class_id: i64,
    family_id: i64,
    pupil: &NewPupil,
    now: &str,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO pupil (class_id, family_id, nom, prenom, name_key, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![class_id, family_id, pupil.nom, pupil.prenom, pupil.key, now])?;
    Ok(tx.last_insert_rowid())
}

/// `(class id, pupil name key)` of every pupil of the exercice.
pub fn keys(conn: &Connection, exercice: Exercice) -> Result<HashSet<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.class_id, p.name_key FROM pupil p JOIN school_class k ON k.id = p.class_id WHERE k.exercice = ?1",
    )?;
    let rows = stmt.query_map([exercice.start_year], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Columns of a pupil, the class name by a sub-select: a JOIN with a bound
/// parameter makes this SQLite (built with STAT4) re-prepare the statement
/// on every call, ten times slower on the quick entry's path.
const PUPIL_COLUMNS: &str =
    "p.id, p.class_id, (SELECT sc.name FROM school_class sc WHERE sc.id = p.class_id),
     p.family_id, p.nom, p.prenom, p.anonymised_at IS NOT NULL";

fn pupil_row(r: &rusqlite::Row) -> rusqlite::Result<Pupil> {
    Ok(Pupil {
        id: r.get(0)?,
        class_id: r.get(1)?,
        class_name: r.get(2)?,
        family_id: r.get(3)?,
        nom: r.get(4)?,
        prenom: r.get(5)?,
        anonymised: r.get(6)?,
    })
}

/// Every pupil of the exercice, by nom and prénom.
pub fn pupils(conn: &Connection, exercice: Exercice) -> Result<Vec<Pupil>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PUPIL_COLUMNS} FROM pupil p JOIN school_class k ON k.id = p.class_id
         WHERE k.exercice = ?1 ORDER BY p.name_key, p.id"
    ))?;
    let rows = stmt.query_map([exercice.start_year], pupil_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The pupils of one class, by nom and prénom.
pub fn pupils_of_class(conn: &Connection, class_id: i64) -> Result<Vec<Pupil>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PUPIL_COLUMNS} FROM pupil p JOIN school_class k ON k.id = p.class_id
         WHERE p.class_id = ?1 ORDER BY p.name_key, p.id"
    ))?;
    let rows = stmt.query_map([class_id], pupil_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One pupil by id.
pub fn pupil(conn: &Connection, id: i64) -> Result<Option<Pupil>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PUPIL_COLUMNS} FROM pupil p WHERE p.id = ?1"
        ))?
        .query_row([id], pupil_row)
        .optional()?)
}

/// One class by id, if it belongs to `exercice`.
pub fn class(conn: &Connection, id: i64, exercice: Exercice) -> Result<Option<SchoolClass>> {
    let found: Option<(String, String)> = conn
        .prepare_cached("SELECT name, teacher FROM school_class WHERE id = ?1 AND exercice = ?2")?
        .query_row(params![id, exercice.start_year], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((name, teacher)) = found else {
        return Ok(None);
    };
    let pupils: i64 = conn
        .prepare_cached("SELECT count(*) FROM pupil WHERE class_id = ?1")?
        .query_row([id], |r| r.get(0))?;
    Ok(Some(SchoolClass {
        id,
        exercice,
        name,
        teacher,
        pupils: pupils as usize,
    }))
}

/// Replaces the names of every pupil of the exercice by "Élève n° N" (N
/// from 1 in recording order), clears cheque payers and family keys. The
/// rows, their links and the accounts stay. Returns how many were changed.
pub fn anonymise(tx: &Transaction, exercice: Exercice, now: &str) -> Result<usize> {
    let ids: Vec<(i64, bool)> = {
        let mut stmt = tx.prepare(
            "SELECT p.id, p.anonymised_at IS NOT NULL FROM pupil p JOIN school_class k ON k.id = p.class_id
             WHERE k.exercice = ?1 ORDER BY p.id",
        )?;
        let rows = stmt.query_map([exercice.start_year], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut changed = 0;
    for (number, (id, done)) in ids.into_iter().enumerate() {
        if done {
            continue;
        }
        let name = anonymous_name(number + 1);
        tx.prepare_cached(
            "UPDATE pupil SET nom = ?2, prenom = '', name_key = ?3, anonymised_at = ?4 WHERE id = ?1",
        )?
        .execute(params![id, name, fold(&name), now])?;
        changed += 1;
    }
    tx.execute(
        "UPDATE contribution SET payer = '', returned_by = ''
         WHERE (payer <> '' OR returned_by <> '') AND pupil_id IN
           (SELECT p.id FROM pupil p JOIN school_class k ON k.id = p.class_id WHERE k.exercice = ?1)",
        [exercice.start_year],
    )?;
    tx.execute(
        "UPDATE family SET name_key = 'famille n° ' || id WHERE exercice = ?1",
        [exercice.start_year],
    )?;
    Ok(changed)
}
