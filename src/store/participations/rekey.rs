//! Migration 4: the folded keys names are matched on (classes, families,
//! pupils, campaigns) recomputed with the one folding of `domain::text`,
//! which replaced two hand-written accent tables. Runs inside the
//! migration's transaction.

use crate::domain::participation::pupils::class_key;
use crate::domain::text::fold;
use crate::store::Result;
use rusqlite::{Transaction, params};

/// Recomputes every stored key. A row whose new key would collide with
/// another's (two names that only the new folding makes equal) keeps its
/// old key, so that no row is lost nor merged behind the user's back.
pub fn recompute_keys(tx: &Transaction) -> Result<()> {
    let classes: Vec<(i64, String)> = rows(tx, "SELECT id, name FROM school_class")?;
    for (id, name) in classes {
        tx.execute(
            "UPDATE OR IGNORE school_class SET name_key = ?2 WHERE id = ?1",
            params![id, class_key(&name)],
        )?;
    }
    let pupils: Vec<(i64, String)> = rows(tx, "SELECT id, nom || ' ' || prenom FROM pupil")?;
    for (id, name) in pupils {
        tx.execute(
            "UPDATE OR IGNORE pupil SET name_key = ?2 WHERE id = ?1",
            params![id, fold(&name)],
        )?;
    }
    // A family's key is its pupils' nom; anonymised families keep theirs.
    let families: Vec<(i64, String)> = rows(
        tx,
        "SELECT f.id, min(p.nom) FROM family f JOIN pupil p ON p.family_id = f.id
         WHERE p.anonymised_at IS NULL GROUP BY f.id",
    )?;
    for (id, nom) in families {
        tx.execute(
            "UPDATE OR IGNORE family SET name_key = ?2 WHERE id = ?1",
            params![id, fold(&nom)],
        )?;
    }
    let campaigns: Vec<(i64, String)> = rows(tx, "SELECT id, name FROM campaign")?;
    for (id, name) in campaigns {
        tx.execute(
            "UPDATE OR IGNORE campaign SET name_key = ?2 WHERE id = ?1",
            params![id, fold(&name)],
        )?;
    }
    Ok(())
}

fn rows(tx: &Transaction, sql: &str) -> Result<Vec<(i64, String)>> {
    let mut stmt = tx.prepare(sql)?;
    let found = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}
