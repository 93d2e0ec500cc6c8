//! The chart of accounts table.

use super::{Result, StoreError};
use crate::domain::{Account, AccountKind, ChartRow, MoneyKey};
use rusqlite::{Connection, Transaction, params};

/// Every visible account, money accounts first, then by code.
pub fn load_chart(conn: &Connection) -> Result<Vec<Account>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, code, label, kind, money_key, crf_heading FROM account
         WHERE hidden = 0 ORDER BY kind <> 'tresorerie', code",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut accounts = Vec::new();
    for row in rows {
        let (id, code, label, kind, money_key, crf_heading) = row?;
        let kind = AccountKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("nature de compte « {kind} »")))?;
        let money_key = match money_key {
            Some(k) => Some(
                MoneyKey::parse(&k)
                    .ok_or_else(|| StoreError::Corrupt(format!("compte « {k} »")))?,
            ),
            None => None,
        };
        accounts.push(Account {
            id,
            code,
            label,
            kind,
            money_key,
            crf_heading,
        });
    }
    Ok(accounts)
}

/// Adds accounts; an existing code is left as the user has it.
pub fn insert_chart(tx: &Transaction, rows: &[ChartRow]) -> Result<usize> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO account (code, label, kind, money_key, crf_heading) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (code) DO NOTHING",
    )?;
    let mut added = 0;
    for row in rows {
        added += stmt.execute(params![
            row.code,
            row.label,
            row.kind.key(),
            row.money_key.map(MoneyKey::key),
            row.crf_heading
        ])?;
    }
    Ok(added)
}

/// Renames a category (its code stays, so entries keep pointing at it).
pub fn rename(tx: &Transaction, code: &str, label: &str) -> Result<()> {
    let changed = tx.execute(
        "UPDATE account SET label = ?2 WHERE code = ?1",
        params![code, label],
    )?;
    if changed == 0 {
        return Err(StoreError::Refused(format!(
            "le compte « {} » n'existe pas",
            crate::domain::text::shown(code)
        )));
    }
    Ok(())
}

/// Id of an account by code.
pub fn id_of(conn: &Connection, code: &str) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM account WHERE code = ?1")?;
    let mut rows = stmt.query([code])?;
    Ok(match rows.next()? {
        Some(r) => Some(r.get(0)?),
        None => None,
    })
}

/// Sets (or clears) the CRF heading of a category.
pub fn set_heading(tx: &Transaction, code: &str, heading: Option<&str>) -> Result<()> {
    tx.execute(
        "UPDATE account SET crf_heading = ?2 WHERE code = ?1",
        params![code, heading],
    )?;
    Ok(())
}
