//! Campaigns (appels à participation) and the classes they concern.

use super::super::Result;
use super::optional_date;
use crate::domain::participation::{Campaign, CheckedCampaign};
use crate::domain::{Exercice, Money};
use rusqlite::{Connection, Transaction, params};

/// Adds a campaign of the exercice; returns its id.
pub fn insert(
    tx: &Transaction,
    exercice: Exercice,
    campaign: &CheckedCampaign,
    now: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO campaign (exercice, name, name_key, suggested_cents, account_id, starts_on, ends_on, created_at)
         VALUES (?1, ?2, ?3, ?4, (SELECT id FROM account WHERE code = ?5), ?6, ?7, ?8)",
        params![
            exercice.start_year,
            campaign.name,
            campaign.key,
            campaign.suggested.map(Money::cents),
            campaign.category_code,
            campaign.starts_on.map(|d| d.to_string()),
            campaign.ends_on.map(|d| d.to_string()),
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut stmt =
        tx.prepare_cached("INSERT INTO campaign_class (campaign_id, class_id) VALUES (?1, ?2)")?;
    for class_id in &campaign.class_ids {
        stmt.execute(params![id, class_id])?;
    }
    Ok(id)
}

type RawCampaign = (
    i64,
    i32,
    String,
    Option<i64>,
    String,
    Option<String>,
    Option<String>,
);

fn load(conn: &Connection, filter: &str, value: i64) -> Result<Vec<Campaign>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, c.exercice, c.name, c.suggested_cents,
                (SELECT a.code FROM account a WHERE a.id = c.account_id), c.starts_on, c.ends_on
         FROM campaign c WHERE {filter} ORDER BY c.id"
    ))?;
    let raws: Vec<RawCampaign> = stmt
        .query_map([value], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut classes =
        conn.prepare_cached("SELECT class_id FROM campaign_class WHERE campaign_id = ?1")?;
    let mut out = Vec::with_capacity(raws.len());
    for (id, year, name, suggested, code, starts, ends) in raws {
        let mut class_ids = classes
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        class_ids.sort_unstable();
        out.push(Campaign {
            id,
            exercice: Exercice::new(year),
            name,
            suggested: suggested.map(Money::from_cents),
            category_code: code,
            class_ids,
            starts_on: optional_date(starts)?,
            ends_on: optional_date(ends)?,
        });
    }
    Ok(out)
}

/// The campaigns of an exercice, in creation order.
pub fn all(conn: &Connection, exercice: Exercice) -> Result<Vec<Campaign>> {
    load(conn, "c.exercice = ?1", i64::from(exercice.start_year))
}

pub fn one(conn: &Connection, id: i64) -> Result<Option<Campaign>> {
    Ok(load(conn, "c.id = ?1", id)?.pop())
}
