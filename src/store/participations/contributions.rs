//! Contributions: one row per pupil and payment, linked to the recette that
//! holds it (none for a cheque). Never deleted: a cancellation is a status
//! (and, for money, a reversing entry).

use super::super::Result;
use super::optional_date;
use crate::domain::participation::contribution::{Channel, CheckedLine, Contribution};
use crate::domain::{Exercice, Money};
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};

/// Adds a contribution; returns its id.
pub fn insert(
    tx: &Transaction,
    campaign_id: i64,
    line: &CheckedLine,
    date: NaiveDate,
    entry_id: Option<i64>,
    now: &str,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO contribution (campaign_id, pupil_id, date, amount_cents, channel, entry_id, payer, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        campaign_id,
        line.pupil_id,
        date.to_string(),
        line.amount.cents(),
        line.channel.key(),
        entry_id,
        line.payer,
        now
    ])?;
    Ok(tx.last_insert_rowid())
}

/// A contribution's columns, as [`raw`] reads them. A contribution is
/// cancelled by its status or by the reversal of its recette.
macro_rules! columns {
    () => {
        "c.id, c.campaign_id, c.pupil_id, c.date, c.amount_cents, c.channel, c.entry_id,
        e.piece, c.payer, c.returned_on,
        c.cancelled_at IS NOT NULL OR EXISTS (SELECT 1 FROM entry r WHERE r.reverses = c.entry_id)
     , c.returned_by"
    };
}

/// The contributions and their recette's pièce.
macro_rules! from {
    () => {
        "FROM contribution c LEFT JOIN entry e ON e.id = c.entry_id"
    };
}

const SELECT: &str = concat!("SELECT ", columns!(), " ", from!());

type Raw = (
    i64,
    i64,
    i64,
    String,
    i64,
    String,
    Option<i64>,
    Option<String>,
    String,
    Option<String>,
    bool,
    String,
);

fn raw(r: &rusqlite::Row) -> rusqlite::Result<Raw> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
    ))
}

fn to_contribution(raw: Raw) -> Result<Contribution> {
    let (
        id,
        campaign_id,
        pupil_id,
        date,
        cents,
        channel,
        entry_id,
        piece,
        payer,
        returned,
        cancelled,
        returned_by,
    ) = raw;
    Ok(Contribution {
        id,
        campaign_id,
        pupil_id,
        date: super::super::entries::parse_iso_date(&date)?,
        amount: Money::from_cents(cents),
        channel: Channel::from_key(&channel).ok_or_else(|| {
            super::super::StoreError::Corrupt(format!("moyen de paiement « {channel} »"))
        })?,
        entry_id,
        piece,
        payer,
        returned_on: optional_date(returned)?,
        returned_by,
        cancelled,
    })
}

fn load(conn: &Connection, filter: &str, value: i64) -> Result<Vec<Contribution>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE {filter} ORDER BY c.id"))?;
    let raws = stmt
        .query_map([value], raw)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    raws.into_iter().map(to_contribution).collect()
}

/// Every contribution of a campaign (cancelled ones included, flagged).
pub fn for_campaign(conn: &Connection, campaign_id: i64) -> Result<Vec<Contribution>> {
    load(conn, "c.campaign_id = ?1", campaign_id)
}

/// The contributions a recette holds (the detail of a class's envelope).
pub fn for_entry(conn: &Connection, entry_id: i64) -> Result<Vec<Contribution>> {
    load(conn, "c.entry_id = ?1", entry_id)
}

pub fn one(conn: &Connection, id: i64) -> Result<Option<Contribution>> {
    Ok(load(conn, "c.id = ?1", id)?.pop())
}

/// Cheques received and not yet given back (every exercice).
pub fn cheques_to_return(conn: &Connection) -> Result<usize> {
    let count: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM contribution WHERE channel = 'cheque' AND returned_on IS NULL AND cancelled_at IS NULL",
        )?
        .query_row([], |r| r.get(0))?;
    Ok(count as usize)
}

/// Cheques ever recorded (given back or not), cancelled ones left out.
pub fn cheques_received(conn: &Connection) -> Result<usize> {
    let count: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM contribution WHERE channel = 'cheque' AND cancelled_at IS NULL",
        )?
        .query_row([], |r| r.get(0))?;
    Ok(count as usize)
}

/// A parent's cheque still to give back, with its pupil's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChequeStillOut {
    pub contribution: Contribution,
    pub prenom: String,
    pub nom: String,
}

/// Which parents' cheques [`cheques_still_out`] reads: received on or
/// before `received_by` (any day when `None`), and still held on `held_on`
/// (given back after that day counts as held then), or today when `None`.
/// A cancelled contribution never held a cheque.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeldCheques {
    pub received_by: Option<NaiveDate>,
    pub held_on: Option<NaiveDate>,
}

impl HeldCheques {
    /// Every cheque held today: the participations' list.
    pub const TODAY: HeldCheques = HeldCheques {
        received_by: None,
        held_on: None,
    };

    /// The cheques held at the end of `exercice`, whatever campaign they
    /// paid: the CRF's annex (a cheque given back in September was still
    /// held on 31 August).
    pub fn at_end_of(exercice: Exercice) -> HeldCheques {
        HeldCheques {
            received_by: Some(exercice.last_day()),
            held_on: Some(exercice.last_day()),
        }
    }

    /// The cheques received by the end of `exercice` and still held today:
    /// the closing's point.
    pub fn still_from(exercice: Exercice) -> HeldCheques {
        HeldCheques {
            received_by: Some(exercice.last_day()),
            held_on: None,
        }
    }
}

/// The parents' cheques held (see [`HeldCheques`]), oldest first, with
/// the pupil: the one read behind the participations' list of cheques to
/// give back, the CRF's annex and the closing's point.
pub fn cheques_still_out(conn: &Connection, which: HeldCheques) -> Result<Vec<ChequeStillOut>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT ",
        columns!(),
        ", p.prenom, p.nom ",
        from!(),
        " JOIN pupil p ON p.id = c.pupil_id
         WHERE c.channel = 'cheque' AND c.cancelled_at IS NULL
           AND (?1 IS NULL OR c.date <= ?1)
           AND (c.returned_on IS NULL OR (?2 IS NOT NULL AND c.returned_on > ?2))
         ORDER BY c.date, c.id"
    ))?;
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let rows = stmt
        .query_map([day(which.received_by), day(which.held_on)], |r| {
            Ok((raw(r)?, r.get::<_, String>(12)?, r.get::<_, String>(13)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(raw, prenom, nom)| {
            Ok(ChequeStillOut {
                contribution: to_contribution(raw)?,
                prenom,
                nom,
            })
        })
        .collect()
}

/// The cheques still to give back (every exercice), oldest first.
pub fn pending_cheques(conn: &Connection) -> Result<Vec<Contribution>> {
    Ok(cheques_still_out(conn, HeldCheques::TODAY)?
        .into_iter()
        .map(|c| c.contribution)
        .collect())
}

pub fn mark_returned(tx: &Transaction, id: i64, date: NaiveDate, by: &str) -> Result<()> {
    tx.execute(
        "UPDATE contribution SET returned_on = ?2, returned_by = ?3 WHERE id = ?1 AND channel = 'cheque'",
        params![id, date.to_string(), by],
    )?;
    Ok(())
}

/// Every cheque received (given back or not), cancelled ones left out,
/// oldest first: the history of the cheques.
pub fn all_cheques(conn: &Connection) -> Result<Vec<Contribution>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE c.channel = 'cheque' AND c.cancelled_at IS NULL ORDER BY c.date, c.id"
    ))?;
    let raws = stmt
        .query_map([], raw)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    raws.into_iter().map(to_contribution).collect()
}

pub fn mark_cancelled(tx: &Transaction, id: i64, now: &str) -> Result<()> {
    tx.execute(
        "UPDATE contribution SET cancelled_at = ?2 WHERE id = ?1 AND cancelled_at IS NULL",
        params![id, now],
    )?;
    Ok(())
}

/// How many contributions a recette holds (it must then be cancelled and
/// typed again from the participations, not edited as a plain entry).
pub fn linked_count(conn: &Connection, entry_id: i64) -> Result<usize> {
    let count: i64 = conn
        .prepare_cached("SELECT count(*) FROM contribution WHERE entry_id = ?1")?
        .query_row([entry_id], |r| r.get(0))?;
    Ok(count as usize)
}
