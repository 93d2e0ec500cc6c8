//! The chart of accounts table.

use super::{Result, StoreError};
use crate::domain::{Account, AccountKind, ChartRow, MoneyKey};
use rusqlite::{Connection, Transaction, params};

/// Every visible account, money accounts first, then by code.
pub fn load_chart(conn: &Connection) -> Result<Vec<Account>> {
    read_accounts(
        conn,
        "SELECT id, code, label, kind, money_key, crf_heading FROM account
         WHERE hidden = 0 ORDER BY kind <> 'tresorerie', code",
    )
}

/// Every account, hidden ones too (old entries may use them), by code.
pub fn all_accounts(conn: &Connection) -> Result<Vec<Account>> {
    read_accounts(
        conn,
        "SELECT id, code, label, kind, money_key, crf_heading FROM account ORDER BY code",
    )
}

fn read_accounts(conn: &Connection, sql: &str) -> Result<Vec<Account>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([])?;
    let mut accounts = Vec::new();
    while let Some(r) = rows.next()? {
        let kind: String = r.get(3)?;
        let money_key: Option<String> = r.get(4)?;
        accounts.push(Account {
            id: r.get(0)?,
            code: r.get(1)?,
            label: r.get(2)?,
            kind: AccountKind::parse(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("nature de compte « {kind} »")))?,
            money_key: match money_key {
                Some(k) => Some(
                    MoneyKey::parse(&k)
                        .ok_or_else(|| StoreError::Corrupt(format!("compte « {k} »")))?,
                ),
                None => None,
            },
            crf_heading: r.get(5)?,
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

/// Whether an account is hidden from the chart, by code (`None`: no such
/// account).
pub fn hidden_of(conn: &Connection, code: &str) -> Result<Option<bool>> {
    let mut stmt = conn.prepare_cached("SELECT hidden FROM account WHERE code = ?1")?;
    let mut rows = stmt.query([code])?;
    Ok(match rows.next()? {
        Some(r) => Some(r.get(0)?),
        None => None,
    })
}

/// Shows a hidden account in the chart again.
pub fn unhide(tx: &Transaction, code: &str) -> Result<()> {
    tx.execute("UPDATE account SET hidden = 0 WHERE code = ?1", [code])?;
    Ok(())
}

/// Sets (or clears) the CRF heading of a category.
pub fn set_heading(tx: &Transaction, code: &str, heading: Option<&str>) -> Result<()> {
    tx.execute(
        "UPDATE account SET crf_heading = ?2 WHERE code = ?1",
        params![code, heading],
    )?;
    Ok(())
}
